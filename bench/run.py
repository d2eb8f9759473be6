"""planio's speed and memory against the libraries it stands on, measured in one run.

    python bench/run.py [--sizes 200,1000,5000] [--repeat 3]

For each size it generates a plan (DOCX with python-docx, PDF through LibreOffice), then
reports medians of several runs, in CPU seconds of this process (``--clock wall`` for
wall-clock time): every job here runs on one thread, and on a shared machine CPU time is what
stays comparable between runs while others load it:

- parse DOCX against a bare python-docx walk of the same table;
- parse PDF (the default PDFium engine) against pdfplumber's own ``extract_tables()`` over
  the same pages, and against the floor: pypdfium2 giving each page's raw text and nothing
  more; then the same parse with the pdfplumber engine;
- render_plan, write_extracts and write_workbook (the last against openpyxl writing the same
  cells bare);
- peak memory (max RSS) of parsing the PDF, in a fresh process.
"""

from __future__ import annotations

import argparse
import itertools
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
import pypdfium2

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]
import planio  # noqa: E402

from generate import make_plan_docx  # noqa: E402
from office import convert  # noqa: E402

TARGETS = {  # on the 1,000-event plan unless said otherwise
    "DOCX parse": "≤ 2x the python-docx walk",
    "PDF parse": "≤ 0.1x extract_tables and ≤ 6x the pypdfium2 text floor, linear to 5,000",
    "workbook": "5,000 events < 3 s",
    "peak memory": "5,000-event PDF < 150 MB",
}


CLOCK = {"cpu": time.process_time, "wall": time.perf_counter}
clock = CLOCK["cpu"]


def median_seconds(job: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = clock()
        job()
        times.append(clock() - start)
    return statistics.median(times)


def pdfplumber_tables(path: Path) -> int:
    rows = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                rows += len(table)
            page.close()
    return rows


def pypdfium2_text(path: Path) -> int:
    """The floor: every page's raw text from PDFium, nothing placed or parsed."""
    chars = 0
    pdf = pypdfium2.PdfDocument(str(path))
    for page in pdf:
        textpage = page.get_textpage()
        chars += len(textpage.get_text_range())
        textpage.close()
        page.close()
    pdf.close()
    return chars


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
    """Max resident memory of a fresh process that parses ``pdf``.

    Linux's ``ru_maxrss`` survives ``exec``: a child started from this (large) process would
    report this process's peak. ``VmHWM`` is the child's own high-water mark.
    """
    code = (
        "import resource, sys, planio; planio.read(sys.argv[1])\n"
        "try:\n"
        "    status = open('/proc/self/status').read().split('VmHWM:')[1]\n"
        "    print(int(status.split()[0]))\n"
        "except OSError:\n"
        "    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(pdf)], check=True, capture_output=True, text=True
    )
    return int(out.stdout.strip()) / 1024


def row(name: str, ours: float, floor_name: str = "", floor: float | None = None) -> None:
    ratio = f"{ours / floor:5.2f}x" if floor else ""
    base = f"{floor_name:28} {floor:7.3f} s" if floor else " " * 38
    print(f"  {name:16} {ours:7.3f} s   {base}   {ratio}")


def measure(size: int, out: Path, repeat: int) -> float:
    """Generate a plan of ``size`` events, time every job on it; the PDF parse's seconds."""
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
    pdf_floor = median_seconds(lambda: pypdfium2_text(pdf_path), repeat)
    row("PDF parse", pdf_ours, "pdfplumber extract_tables", pdf_base)
    row("PDF parse", pdf_ours, "pypdfium2 page text (floor)", pdf_floor)
    plumber = median_seconds(lambda: planio.read(pdf_path, pdf_engine="pdfplumber"), repeat)
    row("  pdfplumber eng.", plumber, "pdfplumber extract_tables", pdf_base)
    row(
        "render_plan", median_seconds(lambda: planio.render_plan(plan, out / "signed.docx"), repeat)
    )
    row("write_extracts", median_seconds(lambda: planio.write_extracts(plan, out / "ex"), repeat))
    book_ours = median_seconds(lambda: planio.write_workbook(plan, out / "tracking.xlsx"), repeat)
    book_base = median_seconds(lambda: openpyxl_bare(plan, out / "bare.xlsx"), repeat)
    row("write_workbook", book_ours, "openpyxl, same cells bare", book_base)
    print(f"  {'peak memory':16} {peak_rss_mb(pdf_path):7.0f} MB (parsing the PDF)")
    return pdf_ours


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,1000,5000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--clock", choices=sorted(CLOCK), default="cpu")
    parser.add_argument("--out", type=Path, default=HERE / "out")
    args = parser.parse_args()
    global clock
    clock = CLOCK[args.clock]
    args.out.mkdir(parents=True, exist_ok=True)
    print(
        f"machine: {platform.machine()}, {platform.system()}, Python {platform.python_version()},"
        f" planio {planio.__version__}; medians of {args.repeat} runs, {args.clock} seconds"
    )
    sizes = [int(s) for s in args.sizes.split(",")]
    parse = {size: measure(size, args.out, args.repeat) for size in sizes}
    print()
    for small, large in itertools.pairwise(sizes):
        print(
            f"PDF parse growth {small:,} → {large:,} events: "
            f"{parse[large] / parse[small]:.2f}x for {large / small:.1f}x the events"
        )
    print("\ntargets: " + "; ".join(f"{k}: {v}" for k, v in TARGETS.items()))


if __name__ == "__main__":
    main()
