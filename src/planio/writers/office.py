"""DOCX → PDF through LibreOffice headless, when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from planio.errors import MissingToolError, PlanioError

TIMEOUT_SECONDS = 300


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(source: Path, out_dir: Path | None = None) -> Path:
    """Convert ``source`` to a PDF beside it (or in ``out_dir``); return the PDF's path."""
    soffice = find_soffice()
    if soffice is None:
        raise MissingToolError(
            "PDF needs LibreOffice, which is not installed (apt-get install "
            "libreoffice-writer-nogui); the DOCX was written",
            source,
        )
    target = out_dir or source.parent
    with tempfile.TemporaryDirectory() as profile:
        try:
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation=file://{profile}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(target),
                    str(source),
                ],
                check=True,
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            raise PlanioError(f"LibreOffice could not convert it to PDF ({exc})", source) from None
    pdf = target / f"{source.stem}.pdf"
    if not pdf.is_file():
        raise PlanioError("LibreOffice did not write the PDF", source)
    return pdf
