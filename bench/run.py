"""planio's speed against the libraries it stands on, measured in one run.

    python bench/run.py [--events 1000] [--repeat 5]

Generates a plan of N events (DOCX, then PDF through LibreOffice), then reports medians of
several runs: planio.read on the PDF against pdfplumber's own extract_tables() over the same
pages, planio.read on the DOCX against a bare python-docx walk of the same table, and
write_workbook of a 5,000-event plan against openpyxl writing the same cells bare.
"""

from __future__ import annotations

import argparse
import platform
import statistics
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

from generate import events as generate_events  # noqa: E402
from generate import make_plan_docx  # noqa: E402
from office import convert  # noqa: E402


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
    """The same cells write_workbook fills, written bare: no template, styles or extras."""
    book = openpyxl.Workbook(write_only=False)
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


def workbook_plan(events: int) -> planio.Plan:
    """A plan of ``events`` events built in memory (parsing is timed elsewhere)."""
    period = planio.detect_period("План работы на 2023-2024 учебный год")
    sections = []
    for number, title, executors, deadline in generate_events(events):
        index = int(number.split(".")[0]) - 1
        if index == len(sections):
            sections.append(planio.Section(heading=f"Раздел {index + 1}", number=str(index + 1)))
        sections[index].items.append(
            planio.Item(
                number=number,
                title=title,
                executors=executors,
                deadline=planio.parse_deadline(deadline, period),
            )
        )
    return planio.Plan(
        title="План работы на 2023-2024 учебный год", period=period, sections=sections
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--workbook-events", type=int, default=5000)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    docx_path = make_plan_docx(args.out / f"plan-{args.events}.docx", args.events)
    pdf_path = convert(docx_path, args.out)
    with pdfplumber.open(pdf_path) as pdf:
        pages = len(pdf.pages)
    plan = planio.read(pdf_path)
    assert len(plan.items()) == args.events, (len(plan.items()), args.events)

    print(
        f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}"
    )
    print(f"plan: {args.events} events, PDF {pages} pages; medians of {args.repeat} runs")
    pairs = [
        (
            "PDF parse",
            lambda: planio.read(pdf_path),
            "pdfplumber extract_tables",
            lambda: pdfplumber_tables(pdf_path),
        ),
        (
            "DOCX parse",
            lambda: planio.read(docx_path),
            "python-docx table walk",
            lambda: python_docx_walk(docx_path),
        ),
    ]
    big = workbook_plan(args.workbook_events)
    pairs.append(
        (
            f"workbook {args.workbook_events}",
            lambda: planio.write_workbook(big, args.out / "w.xlsx"),
            "openpyxl, same cells bare",
            lambda: openpyxl_bare(big, args.out / "bare.xlsx"),
        )
    )
    for name, job, floor_name, floor in pairs:
        ours = median_seconds(job, args.repeat)
        base = median_seconds(floor, args.repeat)
        print(
            f"{name:14} {ours:8.3f} s   {floor_name:26} {base:8.3f} s   ratio {ours / base:5.2f}x"
        )


if __name__ == "__main__":
    main()
