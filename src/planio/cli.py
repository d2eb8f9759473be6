"""The ``planio`` command: a thin shell over the library.

Every command maps a :class:`~planio.errors.PlanioError` to one line on stderr and exit code 2;
anything else is a bug and gets one line and exit code 1 (set ``PLANIO_DEBUG=1`` for the trace).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import ExitStack
from datetime import date, datetime
from enum import StrEnum
from functools import wraps
from pathlib import Path
from typing import Annotated, NoReturn, ParamSpec, TypeVar

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from planio import __version__
from planio.batch import COMBINED, FORMATS, Batch, convert_many, duplicate_reason
from planio.errors import InputError, MissingToolError, PlanioError
from planio.i18n import _
from planio.model import Plan
from planio.office import docx_to_pdf
from planio.readers import read, read_workbook
from planio.readers.columns import parse_columns
from planio.rollover import next_year
from planio.writers.draft_docx import write_draft
from planio.writers.extracts import write_extracts
from planio.writers.options import Certificate
from planio.writers.plan_docx import render_plan
from planio.writers.report import write_report
from planio.writers.workbook import write_workbook

EXIT_BAD_INPUT = 2
EXIT_BUG = 1

app = typer.Typer(
    name="planio",
    help="Read Russian work plans (DOCX, PDF) into structured data and write them back out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

#: arguments and options several commands share
PlanFile = Annotated[
    Path, typer.Argument(help="A plan: DOCX, PDF, DOC/RTF/ODT, planio workbook or JSON.")
]
DocxTemplate = Annotated[
    Path | None, typer.Option("--template", help="Your own docxtpl template (sandboxed).")
]


class PdfEngineChoice(StrEnum):
    """``--pdf-engine``: the engines :func:`planio.read` takes as ``pdf_engine``."""

    pdfium = "pdfium"
    pdfplumber = "pdfplumber"


P = ParamSpec("P")
R = TypeVar("R")


def _fail(message: str, code: int) -> NoReturn:
    typer.echo(f"planio: error: {message}", err=True)
    raise typer.Exit(code)


def _guarded(command: Callable[P, R]) -> Callable[P, R]:
    """Turn library errors into one line and an exit code, never a traceback."""

    @wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except PlanioError as exc:
            _fail(str(exc), EXIT_BAD_INPUT)
        except typer.Exit:
            raise
        except Exception as exc:
            if os.environ.get("PLANIO_DEBUG"):
                raise
            _fail(
                f"internal error: {type(exc).__name__}: {exc} (a bug; please report it)", EXIT_BUG
            )

    return wrapper


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.buffer.write(text.encode("utf-8") + b"\n")
        sys.stdout.flush()
        return
    try:
        out.write_text(text + "\n", encoding="utf-8")
    except OSError as exc:
        _fail(f"{out}: cannot write ({exc.strerror})", EXIT_BAD_INPUT)


def _columns_option(value: str | None) -> dict[str, int] | None:
    """``--columns title=2,executors=4,deadline=3``: a bad value is one line and exit 2."""
    if value is None:
        return None
    try:
        return parse_columns(value)
    except PlanioError as exc:
        _fail(str(exc), EXIT_BAD_INPUT)


@app.command()
@_guarded
def parse(
    file: PlanFile,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the JSON here instead of stdout.")
    ] = None,
    pdf_engine: Annotated[
        PdfEngineChoice,
        typer.Option("--pdf-engine", help="What reads a PDF: pdfium (fast) or pdfplumber."),
    ] = PdfEngineChoice.pdfium,
    columns: Annotated[
        str | None,
        typer.Option(
            "--columns",
            help="Which table column holds what, counted from 1: title=2,executors=4,deadline=3.",
        ),
    ] = None,
) -> None:
    """Read a plan and print it as JSON."""
    plan = read(file, pdf_engine=pdf_engine.value, columns=_columns_option(columns))
    _emit(plan.to_json(), out)


@app.command()
@_guarded
def schema(
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the schema here instead of stdout.")
    ] = None,
) -> None:
    """Print the JSON Schema of the plan model."""
    _emit(json.dumps(Plan.model_json_schema(), ensure_ascii=False, indent=2), out)


def _certificate(
    number: str | None, owner: str | None, valid_from: str | None, valid_to: str | None
) -> Certificate | None:
    if not any((number, owner, valid_from, valid_to)):
        return None
    if not (number and owner and valid_from and valid_to):
        _fail(
            "the electronic-signature mark needs --cert-number, --cert-owner, "
            "--cert-from and --cert-to together",
            EXIT_BAD_INPUT,
        )
    start, end = _date(valid_from, "--cert-from"), _date(valid_to, "--cert-to")
    try:
        return Certificate(number=number, owner=owner, valid_from=start, valid_to=end)
    except ValidationError as exc:
        _fail(f"certificate: {exc.errors()[0]['msg']}", EXIT_BAD_INPUT)


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    _fail(f"{option}: not a date (DD.MM.YYYY or YYYY-MM-DD): {value}", EXIT_BAD_INPUT)


@app.command()
@_guarded
def render(
    file: PlanFile,
    out: Annotated[Path, typer.Option("--out", "-o", help="The signed plan to write (.docx).")],
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Also convert it to PDF (LibreOffice).")
    ] = False,
    template: DocxTemplate = None,
    approver_name: Annotated[str | None, typer.Option(help="И.О. Фамилия of the approver.")] = None,
    approver_position: Annotated[str | None, typer.Option(help="The approver's position.")] = None,
    approval_date: Annotated[
        str | None, typer.Option(help="The approval date, DD.MM.YYYY (unfilled by default).")
    ] = None,
    signature: Annotated[
        Path | None, typer.Option(help="A signature image (PNG/JPEG) for the signature line.")
    ] = None,
    cert_number: Annotated[str | None, typer.Option(help="E-signature certificate number.")] = None,
    cert_owner: Annotated[str | None, typer.Option(help="E-signature certificate owner.")] = None,
    cert_from: Annotated[
        str | None, typer.Option(help="Certificate valid from, DD.MM.YYYY.")
    ] = None,
    cert_to: Annotated[str | None, typer.Option(help="Certificate valid to, DD.MM.YYYY.")] = None,
) -> None:
    """Write the plan as the document the head signs (GOST R 7.0.97-2025 layout)."""
    plan = read(file)
    certificate = _certificate(cert_number, cert_owner, cert_from, cert_to)
    written = render_plan(
        plan,
        out,
        template=template,
        approver_name=approver_name,
        approver_position=approver_position,
        approval_date=_date(approval_date, "--approval-date"),
        signature_image=signature,
        certificate=certificate,
    )
    typer.echo(f"written: {written}")
    if pdf:
        typer.echo(f"written: {docx_to_pdf(written)}")


@app.command()
@_guarded
def extracts(
    file: PlanFile,
    out: Annotated[Path, typer.Option("--out", "-o", help="The folder for the extracts.")],
    executor: Annotated[
        list[str] | None,
        typer.Option("--executor", help="Only this executor (repeat for more); default: all."),
    ] = None,
    template: DocxTemplate = None,
    certifier_position: Annotated[str, typer.Option(help="Who certifies «Верно».")] = "",
    certifier_name: Annotated[str, typer.Option(help="И.О. Фамилия of the certifier.")] = "",
) -> None:
    """Write one extract (выписка) per executor, with an index.csv of who got which file."""
    plan = read(file)
    written = write_extracts(
        plan,
        out,
        executors=executor or None,
        template=template,
        certifier_position=certifier_position,
        certifier_name=certifier_name,
    )
    for name, path in written.items():
        typer.echo(f"{name}: {path}")


@app.command()
@_guarded
def workbook(
    file: PlanFile,
    out: Annotated[Path, typer.Option("--out", "-o", help="The tracking workbook (.xlsx).")],
    template: Annotated[
        Path | None, typer.Option("--template", help="Your own tracking.xlsx template.")
    ] = None,
    expand_recurring: Annotated[
        bool,
        typer.Option(
            "--expand-recurring", help="One control row per occurrence of a recurring event."
        ),
    ] = False,
) -> None:
    """Write the Excel tracking workbook (plan, executors, summary, Gantt)."""
    plan = read(file)
    written = write_workbook(plan, out, template=template, expand_recurring=expand_recurring)
    typer.echo(f"written: {written}")


@app.command()
@_guarded
def report(
    file: Annotated[Path, typer.Argument(help="A tracking workbook filled in by people.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The progress report (.docx).")],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Report date, DD.MM.YYYY (default: today).")
    ] = None,
    template: DocxTemplate = None,
) -> None:
    """Write the progress report (Отчёт о выполнении плана) from a tracking workbook."""
    plan = read_workbook(file)
    written = write_report(plan, out, as_of=_date(as_of, "--as-of"), template=template)
    typer.echo(f"written: {written}")
    for warning in plan.warnings:
        typer.echo(f"note: {warning}", err=True)


@app.command("next-year")
@_guarded
def next_year_command(
    file: Annotated[Path, typer.Argument(help="This year's plan: DOCX, PDF or planio JSON.")],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="The draft: .docx (highlighted) or .json.")
    ],
    template: DocxTemplate = None,
) -> None:
    """Draft next year's plan: every year moved by one, what moved highlighted."""
    plan = read(file)
    draft = next_year(plan)
    if out.suffix.lower() == ".json":
        _emit(draft.to_json(), out)
    else:
        write_draft(plan, draft, out, template=template)
    typer.echo(f"written: {out}")
    for warning in draft.warnings:
        typer.echo(f"review: {warning}", err=True)


def _executor(jobs: int, scheduler: str | None, stack: ExitStack) -> Executor | None:
    """Processes on this machine, a Dask cluster's workers (the ``dask`` extra), or none."""
    if scheduler is None:
        return stack.enter_context(ProcessPoolExecutor(jobs)) if jobs > 1 else None
    try:
        from dask.distributed import Client
    except ImportError:
        raise MissingToolError(_("--scheduler needs Dask: pip install 'planio[dask]'")) from None
    try:
        client = Client(scheduler, timeout="20s")  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(
            _("cannot reach the Dask scheduler at {address} ({error})").format(
                address=scheduler, error=type(exc).__name__
            )
        ) from None
    stack.callback(client.close)
    executor: Executor = client.get_executor()  # type: ignore[no-untyped-call]
    return executor


@app.command()
@_guarded
def convert(
    inputs: Annotated[list[Path], typer.Argument(help="Plan files and folders of them.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The output folder.")],
    to: Annotated[
        str, typer.Option("--to", help="Outputs per plan, comma-separated: json, xlsx, docx.")
    ] = "json",
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Processes to use.")] = 1,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="A Dask scheduler's address (tcp://host:8786): read on its cluster, "
            "sending each file's bytes (needs planio[dask]).",
        ),
    ] = None,
) -> None:
    """Convert many plans at once, plus one workbook of all their events and report.csv."""
    formats = [f.strip().lower() for f in to.split(",") if f.strip()]
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown or not formats:
        _fail(
            f"--to: unknown format(s) {', '.join(unknown) or '(none)'}; use {', '.join(FORMATS)}",
            EXIT_BAD_INPUT,
        )
    with (
        ExitStack() as stack,
        Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
        ) as progress,
    ):
        task = progress.add_task("converting", total=None)
        batch = convert_many(
            inputs,
            _executor(jobs, scheduler, stack),
            on_done=lambda r: progress.advance(task),
            on_start=lambda total: progress.update(task, total=total),
            out_dir=out,
            formats=formats,
            send="bytes" if scheduler else "paths",
        )
    _summary(batch, out)


def _summary(batch: Batch, out: Path) -> None:
    """One line for the batch, one per problem, and the exit code (2 if any file failed)."""
    if not batch and not batch.duplicates:
        _fail("no plan files (.docx, .pdf, .json) in the inputs", EXIT_BAD_INPUT)
    good = [r for r in batch if r.ok]
    typer.echo(f"converted {len(good)} of {len(batch)} into {out} (all events: {COMBINED})")
    if batch.duplicates or batch.skipped:
        typer.echo(
            _("{duplicates} duplicate(s) and {skipped} skipped file(s): see {report}").format(
                duplicates=len(batch.duplicates), skipped=len(batch.skipped), report=batch.report
            )
        )
    for result in batch.failed:
        typer.echo(f"failed: {result.path}: {result.error}", err=True)
    for result in batch.duplicates:
        typer.echo(
            _("duplicate: {path}: {reason}").format(
                path=result.path, reason=duplicate_reason(result)
            ),
            err=True,
        )
    for skipped in batch.skipped:
        typer.echo(
            _("skipped: {path}: {reason}").format(path=skipped.path, reason=skipped.reason),
            err=True,
        )
    if batch.failed:
        raise typer.Exit(EXIT_BAD_INPUT)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="The address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="The port.")] = 8000,
    open_browser: Annotated[
        bool, typer.Option("--open", help="Open the page in the browser.")
    ] = False,
) -> None:
    """Start planio in the browser (needs: pip install "planio[web]")."""
    from planio.i18n import _

    try:  # the web stack is an extra: imported only here
        import uvicorn

        from planio.web import create_app
    except ImportError as exc:
        text = _('the web page needs: pip install "planio[web]" ({module} is missing)')
        _fail(text.format(module=exc.name), EXIT_BAD_INPUT)
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/"
    typer.echo(_("planio is open at {url} (Ctrl+C to stop)").format(url=url))
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(1.0, webbrowser.open, (url,)).start()
    uvicorn.run(create_app(), host=host, port=port, log_level="warning")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"planio {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """planio: work plans in, structured data and documents out."""


def main() -> None:
    """Console-script entry point."""
    # pdfminer logs every oddity of a damaged PDF; the user gets planio's one line instead
    logging.getLogger("pdfminer").setLevel(logging.CRITICAL)
    app()
