"""LibreOffice headless and poppler, the real clients the tests open documents with."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise RuntimeError(
            "LibreOffice is needed by the tests: apt-get install -y libreoffice-writer-nogui "
            "libreoffice-calc-nogui poppler-utils (.ci/run does this)"
        )
    return found


def run_soffice(
    sources: Path | list[Path],
    out_dir: Path,
    target: str,
    *options: str,
    timeout: float = 300,
    check: bool = True,
) -> None:
    """LibreOffice headless ``--convert-to target``, in a private profile so runs never collide.

    One run converts every file of ``sources`` (one start-up instead of one per file);
    ``options`` go before ``--convert-to`` (an ``--infilter=…``). Kept apart from planio's own
    LibreOffice code on purpose: the tests' client must not share a bug with the code under test.
    """
    files = [sources] if isinstance(sources, Path) else sources
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                soffice(),
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                *options,
                "--convert-to",
                target,
                "--outdir",
                str(out_dir),
                *map(str, files),
            ],
            check=check,
            capture_output=True,
            timeout=timeout,
        )


def convert(source: Path, out_dir: Path, target: str = "pdf") -> Path:
    """Convert with LibreOffice headless; return the converted file."""
    run_soffice(source, out_dir, target)
    extension = target.split(":", 1)[0]
    result = out_dir / f"{source.stem}.{extension}"
    if not result.is_file():
        raise RuntimeError(f"LibreOffice did not convert {source} to {target}")
    return result


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    for line in info.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise RuntimeError(f"pdfinfo gave no page count for {path}")


#: LibreOffice's CSV import as a user opening planio's CSV gets it: ";" between cells, '"'
#: around them, UTF-8, from line 1, and formulas evaluated (token 13), the dangerous setting
CSV_IMPORT = "CSV:59,34,76,1,,0,false,true,false,false,false,-1,true"


def csv_as_opened(path: Path, out_dir: Path) -> list[list[tuple[object, str]]]:
    """Each cell of a CSV as LibreOffice Calc opens it: (value, openpyxl data type).

    The CSV goes through Calc's import (formulas evaluated) into XLSX; a cell Calc took for a
    formula has the data type "f".
    """
    import openpyxl

    run_soffice(path, out_dir, "xlsx", f"--infilter={CSV_IMPORT}")
    book = openpyxl.load_workbook(out_dir / f"{path.stem}.xlsx")
    return [[(c.value, c.data_type) for c in row] for row in book.active.iter_rows()]


def convert_all(sources: list[Path], out_dir: Path, target: str = "pdf") -> list[Path]:
    """Convert many files in one LibreOffice run (one start-up instead of one per file)."""
    run_soffice(sources, out_dir, target, timeout=900)
    results = [out_dir / f"{source.stem}.{target}" for source in sources]
    missing = [r for r in results if not r.is_file()]
    if missing:
        raise RuntimeError(f"LibreOffice did not convert {missing}")
    return results


def pdf_text(path: Path) -> str:
    """The text poppler reads from a PDF (in reading order)."""
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
