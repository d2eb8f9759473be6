"""planio's speed and memory against the libraries it stands on, measured in one run.

    python bench/run.py [--sizes 200,1000,5000] [--repeat 3]

For each size it generates a plan (DOCX with python-docx, PDF through LibreOffice), then
reports medians of several runs:

- parse DOCX against a bare python-docx walk of the same table;
- parse PDF against pdfplumber's own ``extract_tables()`` over the same pages;
- render_plan, write_extracts and write_workbook (the last against openpyxl writing the same
  cells bare);
- peak memory (max RSS) of parsing the PDF, in a fresh process.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl
import pdfplumber

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]
import planio  # noqa: E402

from generate import make_plan_docx  # noqa: E402
from office import convert  # noqa: E402

TARGETS = {  # on the 1,000-event plan unless said otherwise
    "DOCX parse": "≤ 2x the python-docx walk",
    "PDF parse": "≤ 1.3x extract_tables",
    "workbook": "5,000 events < 3 s",
    "peak memory": "5,000-event PDF < 500 MB",
}


def median_seconds(job: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def pdfplumber_tables(path: Path) -> int:
    rows = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                rows += len(table)
            page.close()
    return rows


def python_docx_walk(path: Path) -> int:
    document = docx.Document(str(path))
    cells = 0
    for table in document.tables:
        for row in table.rows:
            cells += sum(1 for cell in row.cells if cell.text)
    return cells


def openpyxl_bare(plan: planio.Plan, out: Path) -> None:
    """The cells write_workbook fills on «План», written bare: no template, styles or extras."""
    book = openpyxl.Workbook()
    sheet = book.active
    for section in plan.sections:
        for item in section.items:
            deadline = item.deadline
            sheet.append(
                [
                    item.number,
                    section.heading,
                    item.title,
                    "; ".join(item.executors),
                    deadline.text,
                    deadline.start,
                    deadline.end,
                    "Не начато",
                    None,
                    "",
                    "=TRUE()",
                    "key",
                    "|1|",
                ]
            )
    book.save(out)


def peak_rss_mb(pdf: Path) -> float:
    """Max resident memory of a fresh process that parses ``pdf``."""
    code = (
        "import resource, sys, planio; planio.read(sys.argv[1]); "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(pdf)], check=True, capture_output=True, text=True
    )
    return int(out.stdout.strip()) / 1024


def row(name: str, ours: float, floor_name: str = "", floor: float | None = None) -> None:
    ratio = f"{ours / floor:5.2f}x" if floor else ""
    base = f"{floor_name:28} {floor:7.3f} s" if floor else " " * 38
    print(f"  {name:16} {ours:7.3f} s   {base}   {ratio}")


def measure(size: int, out: Path, repeat: int) -> None:
    """Generate a plan of ``size`` events and time every job on it."""
    docx_path = make_plan_docx(out / f"plan-{size}.docx", size)
    pdf_path = convert(docx_path, out)
    with pdfplumber.open(pdf_path) as pdf:
        pages = len(pdf.pages)
    plan = planio.read(pdf_path)
    assert len(plan.items()) == size, (len(plan.items()), size)
    print(f"\n{size} events, PDF of {pages} pages")
    docx_ours = median_seconds(lambda: planio.read(docx_path), repeat)
    docx_base = median_seconds(lambda: python_docx_walk(docx_path), repeat)
    row("DOCX parse", docx_ours, "python-docx table walk", docx_base)
    pdf_ours = median_seconds(lambda: planio.read(pdf_path), repeat)
    pdf_base = median_seconds(lambda: pdfplumber_tables(pdf_path), repeat)
    row("PDF parse", pdf_ours, "pdfplumber extract_tables", pdf_base)
    row(
        "render_plan", median_seconds(lambda: planio.render_plan(plan, out / "signed.docx"), repeat)
    )
    row("write_extracts", median_seconds(lambda: planio.write_extracts(plan, out / "ex"), repeat))
    book_ours = median_seconds(lambda: planio.write_workbook(plan, out / "tracking.xlsx"), repeat)
    book_base = median_seconds(lambda: openpyxl_bare(plan, out / "bare.xlsx"), repeat)
    row("write_workbook", book_ours, "openpyxl, same cells bare", book_base)
    print(f"  {'peak memory':16} {peak_rss_mb(pdf_path):7.0f} MB (parsing the PDF)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,1000,5000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    print(
        f"machine: {platform.machine()}, {platform.system()}, Python {platform.python_version()},"
        f" planio {planio.__version__}; medians of {args.repeat} runs"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        measure(size, args.out, args.repeat)
    print("\ntargets: " + "; ".join(f"{k}: {v}" for k, v in TARGETS.items()))


if __name__ == "__main__":
    main()
