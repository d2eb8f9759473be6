"""planio's speed and memory against the libraries it stands on, measured in one run.

    python bench/run.py [--sizes 200,1000,5000] [--repeat 3] [--only docs|batch]

For each size it generates a plan (DOCX with python-docx, PDF through LibreOffice), then
reports medians of several runs, each with planio's caches emptied first, in CPU seconds of
this process (``--clock wall`` for wall-clock time): every job here runs on one thread, and
on a shared machine CPU time is what stays comparable between runs while others load it
(``--only docs`` or ``--only batch`` for one part):

- parse DOCX against a bare python-docx walk of the same table;
- parse PDF (the default PDFium engine) against pdfplumber's own ``extract_tables()`` over
  the same pages, and against the floor: pypdfium2 giving each page's raw text and nothing
  more; then the same parse with the pdfplumber engine;
- render_plan, write_extracts and write_workbook (the last against openpyxl writing the same
  cells bare);
- peak memory (max RSS) of parsing the PDF, in a fresh process.

And at scale (``--only batch``):

- the progress report and the extracts of a 4,000-event plan with 40 and with 400 executors:
  the time per event (report) and per extract stays the same, as writers that index the plan
  by executor once should;
- ``convert_many`` over 500 generated plans (half DOCX, half PDF) into an output folder, with
  one and with two worker processes, alternating, with the load average of the machine.
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

import docx
import openpyxl
import pdfplumber
import pypdfium2

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]
import planio  # noqa: E402

from generate import (  # noqa: E402
    DEADLINES,
    make_plan_docx,
    section_heading,
)
from office import convert, run_soffice  # noqa: E402

TARGETS = {  # on the 1,000-event plan unless said otherwise
    "DOCX parse": "≤ 2x the python-docx walk",
    "PDF parse": "≤ 0.1x extract_tables and ≤ 6x the pypdfium2 text floor, linear to 5,000",
    "workbook": "5,000 events < 3 s",
    "peak memory": "5,000-event PDF < 150 MB",
    "report, extracts": "per event and per extract, 400 executors ≤ 1.3x 40",
    "convert": "500 plans, 2 worker processes ≤ 0.65x 1",
}


CLOCK = {"cpu": time.process_time, "wall": time.perf_counter}
clock = CLOCK["cpu"]


def clear_caches() -> None:
    """Empty every memo of planio's meaning layer (dates, columns, executors).

    A warm run would parse each distinct cell text once for all runs and flatter the smaller
    plans: every timed run starts cold, as a fresh process reading one file does.
    """
    for name, module in list(sys.modules.items()):
        if name == "planio" or name.startswith("planio."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def median_seconds(job: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        clear_caches()
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


def scaling_plan(events: int, executors: int) -> planio.Plan:
    """A plan of ``events`` events shared among ``executors`` executors (one or two each)."""
    names = [f"Методическое объединение № {k + 1}" for k in range(executors)]
    period = planio.Period(date(2023, 9, 1), date(2024, 8, 31), label="2023-2024 учебный год")
    deadlines = {text: planio.parse_deadline(text, period) for text in DEADLINES}
    statuses = ("done", "in_progress", "not_started", None)
    sections = []
    for number in range(events // 20):
        items = []
        for offset in range(20):
            index = number * 20 + offset
            mine = [names[index % executors]]
            if index % 3 == 0:
                mine.append(names[(index * 7 + 1) % executors])
            items.append(
                planio.Item(
                    number=f"{number + 1}.{offset + 1}",
                    title=f"Мероприятие {index + 1}: заседание по вопросу {offset + 1}",
                    executors=list(dict.fromkeys(mine)),
                    deadline=deadlines[DEADLINES[index % len(DEADLINES)]],
                    status=statuses[index % len(statuses)],
                )
            )
        heading = section_heading(number + 1)
        sections.append(planio.Section(number=str(number + 1), heading=heading, items=items))
    title = "План работы на 2023-2024 учебный год"
    return planio.Plan(title=title, period=period, sections=sections)


def measure_writers(out: Path, repeat: int) -> None:
    """Report and extracts on 4,000 events with 40 and 400 executors."""
    from planio.batch import output_stems
    from planio.writers.report import report_context, write_report

    print("\n4,000 events: report (per event) and extracts (per extract)")
    per: dict[str, list[float]] = {"report": [], "report rows": [], "extracts": [], "workbook": []}
    as_of = date(2024, 3, 1)
    for executors in (40, 400):
        plan = scaling_plan(4000, executors)
        assert len(plan.executors()) == executors
        context = report_context(plan, as_of)
        rows = len(context["overdue"]) + len(context["executors"])  # what the report lists
        report = median_seconds(
            lambda plan=plan: write_report(plan, out / "report.docx", as_of=as_of),
            repeat,
        )
        folder = out / f"extracts-{executors}"
        shutil.rmtree(folder, ignore_errors=True)
        extracts = median_seconds(lambda p=plan, f=folder: planio.write_extracts(p, f), repeat)
        book = median_seconds(
            lambda plan=plan: planio.write_workbook(plan, out / "scale.xlsx"), repeat
        )
        per["workbook"].append(book / 4000)
        per["report"].append(report / 4000)
        per["report rows"].append(report / rows)
        per["extracts"].append(extracts / executors)
        print(
            f"  {executors:3} executors   report {report:6.2f} s ({report / 4000 * 1e3:.3f} ms"
            f" per event; {rows} rows listed)   extracts {extracts:6.2f} s"
            f" ({extracts / executors * 1e3:.1f} ms per extract)   workbook {book:5.2f} s"
        )
    for name, (few, many) in per.items():
        print(f"  {name}: 400 executors / 40 executors = {many / few:.2f}x per unit")
    paths = [Path(f"in/{k % 3000}/plan-{k % 4000}.{('pdf', 'docx')[k % 2]}") for k in range(8000)]
    names = median_seconds(lambda: output_stems(paths), repeat)
    print(f"  output names of 8,000 inputs (convert's check): {names:.3f} s")


def batch_folder(out: Path, count: int, events: int) -> Path:
    """``count`` distinct generated plans, the odd ones exported to PDF (kept between runs)."""
    folder = out / f"batch-{count}x{events}"
    if folder.is_dir() and len(list(folder.iterdir())) == count:
        return folder
    folder.mkdir(parents=True, exist_ok=True)  # what an interrupted run made is kept
    sources = out / f"batch-{count}x{events}-docx"
    sources.mkdir(exist_ok=True)
    to_pdf = []
    for index in range(count):
        name = f"plan-{index:04}"
        if (folder / f"{name}.docx").is_file() or (folder / f"{name}.pdf").is_file():
            continue
        target = (sources if index % 2 else folder) / f"{name}.docx"
        make_plan_docx(target, events, first_section=index + 1)
        if index % 2:
            to_pdf.append(target)
    for _ in range(3):  # LibreOffice now and then drops a file of a long list: try those again
        missing = [p for p in to_pdf if not (folder / f"{p.stem}.pdf").is_file()]
        if not missing:
            break
        run_soffice(missing, folder, "pdf", timeout=3600, check=False)
    shutil.rmtree(sources)
    assert len(list(folder.iterdir())) == count
    return folder


def convert_seconds(folder: Path, out: Path, workers: int) -> tuple[float, float, float]:
    """One ``convert_many`` of ``folder`` into ``out`` (JSON, all-plans.xlsx, report.csv).

    Returns the wall time and the CPU seconds of this process and of the worker processes:
    on a shared machine the wall time depends on the load, the CPU seconds much less.
    """
    shutil.rmtree(out, ignore_errors=True)
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with ProcessPoolExecutor(workers) as pool:
        batch = planio.convert_many([folder], executor=pool, out_dir=out, formats=["json"])
    seconds = time.perf_counter() - start
    own_after = resource.getrusage(resource.RUSAGE_SELF)
    children_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert len(batch) == len(list(folder.iterdir())), len(batch)
    assert not batch.failed and not batch.duplicates, (batch.failed[:1], batch.duplicates[:1])

    def cpu(before: resource.struct_rusage, after: resource.struct_rusage) -> float:
        return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime

    return seconds, cpu(own, own_after), cpu(children, children_after)


def _spin(count: int) -> int:
    total = 0
    for value in range(count):
        total += value * value
    return total


def free_cores_ratio() -> float:
    """A bare CPU loop's time with 2 processes over 1: what the machine allows right now.

    0.5 on two free cores; near 1.0 when other jobs take a core. convert's ratio is read
    against it.
    """
    times = []
    for workers in (1, 2):
        start = time.perf_counter()
        with ProcessPoolExecutor(workers) as pool:
            list(pool.map(_spin, [3_000_000] * 16))
        times.append(time.perf_counter() - start)
    return times[1] / times[0]


def measure_convert(out: Path, repeat: int, count: int = 500, events: int = 20) -> None:
    """convert_many over ``count`` plans with 1 and 2 worker processes, alternating."""
    folder = batch_folder(out, count, events)
    print(f"\nconvert: {count} plans of {events} events (half DOCX, half PDF), JSON out")
    print(f"  load average before: {', '.join(f'{v:.2f}' for v in os.getloadavg())}")
    print(f"  a bare CPU loop, 2 processes / 1, now: {free_cores_ratio():.2f}x")
    runs: dict[int, list[tuple[float, float, float]]] = {1: [], 2: []}
    for _ in range(repeat):
        for workers in (1, 2):
            runs[workers].append(convert_seconds(folder, out / f"converted-{workers}", workers))
    medians = {}
    for workers, label in ((1, "1 worker process  "), (2, "2 worker processes")):
        wall, own, children = (statistics.median(r[k] for r in runs[workers]) for k in range(3))
        medians[workers] = wall
        each = ", ".join(f"{r[0]:.1f}" for r in runs[workers])
        print(
            f"  {label} {wall:6.2f} s  (runs: {each}; CPU: this process {own:.1f} s,"
            f" workers {children:.1f} s)"
        )
    best = {w: min(r[0] for r in runs[w]) for w in (1, 2)}
    ratio, best_ratio = medians[2] / medians[1], best[2] / best[1]
    print(f"  2 / 1 = {ratio:.2f}x (medians), {best_ratio:.2f}x (best runs)")
    print(f"  load average after: {', '.join(f'{v:.2f}' for v in os.getloadavg())}")
    print(f"  a bare CPU loop, 2 processes / 1, now: {free_cores_ratio():.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,1000,5000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--clock", choices=sorted(CLOCK), default="cpu")
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument(
        "--only",
        choices=("docs", "batch"),
        help="docs: parse and write per plan size; batch: writers at scale and convert",
    )
    args = parser.parse_args()
    global clock
    clock = CLOCK[args.clock]
    args.out.mkdir(parents=True, exist_ok=True)
    print(
        f"machine: {platform.machine()}, {platform.system()}, {os.cpu_count()} cores,"
        f" Python {platform.python_version()}, planio {planio.__version__};"
        f" medians of {args.repeat} runs, {args.clock} seconds"
    )
    if args.only in (None, "docs"):
        sizes = [int(s) for s in args.sizes.split(",")]
        parse = {size: measure(size, args.out, args.repeat) for size in sizes}
        print()
        for small, large in itertools.pairwise(sizes):
            print(
                f"PDF parse growth {small:,} → {large:,} events: "
                f"{parse[large] / parse[small]:.2f}x for {large / small:.1f}x the events"
            )
    if args.only in (None, "batch"):
        measure_writers(args.out, args.repeat)
        measure_convert(args.out, args.repeat)
    print("\ntargets: " + "; ".join(f"{k}: {v}" for k, v in TARGETS.items()))


if __name__ == "__main__":
    main()
