"""The ``planio`` command: a thin shell over the library.

Every command maps a :class:`~planio.errors.PlanioError` (and a wrong output path, and a usage
slip) to one line on stderr and exit code 2; anything else is a bug and gets one line and exit
code 1 (set ``PLANIO_DEBUG=1`` for the trace). Everything a person reads comes from the message
catalogue: Russian by default, English with ``--lang en``, ``PLANIO_LANG=en`` or an English
locale. The language is chosen before the commands below are defined, because their help is
translated as they are defined. Heavy libraries (python-docx, openpyxl, pdfplumber, pydantic)
are imported by the command that needs them, so ``--version`` and ``--help`` start at once.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from contextlib import ExitStack
from datetime import date
from enum import StrEnum
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, ParamSpec, TypeVar

from planio import __version__, i18n
from planio.i18n import _

_ASKED = i18n.language_from_argv(sys.argv[1:])
if _ASKED is not None:  # before any help text below is translated
    i18n.set_language(_ASKED)

import typer  # noqa: E402
from typer.core import TyperCommand, TyperGroup  # noqa: E402

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from planio.batch import Batch
    from planio.model import Plan
    from planio.writers.options import Certificate

EXIT_BAD_INPUT = 2
EXIT_BUG = 1


class PdfEngineChoice(StrEnum):
    """``--pdf-engine``: the engines :func:`planio.read` takes as ``pdf_engine``."""

    pdfium = "pdfium"
    pdfplumber = "pdfplumber"


P = ParamSpec("P")
R = TypeVar("R")


def _translate_typer() -> None:
    """typer's own words in the help screens (panel titles, «required», «default»)."""
    from typer import rich_utils

    words = {
        "ARGUMENTS_PANEL_TITLE": _("Arguments"),
        "OPTIONS_PANEL_TITLE": _("Options"),
        "COMMANDS_PANEL_TITLE": _("Commands"),
        "ERRORS_PANEL_TITLE": _("Error"),
        "REQUIRED_LONG_STRING": _("[required]"),
        "DEFAULT_STRING": _("[default: {}]"),
        "ENVVAR_STRING": _("[env var: {}]"),
        "DEPRECATED_STRING": _("(deprecated) "),
        "ABORTED_TEXT": _("Aborted."),
    }
    for name, text in words.items():
        if hasattr(rich_utils, name):
            setattr(rich_utils, name, text)


_OWN_HELP = {
    "help": "Show this message and exit.",
    "install_completion": "Install completion for the current shell.",
    "show_completion": "Show completion for the current shell, to copy it or customize it.",
}


def _no_type(ctx: Any) -> None:
    return None


def _usage_name(param: Any) -> Callable[[], str]:
    """An argument in the usage line as people write it: ФАЙЛ, [ФАЙЛ], ФАЙЛЫ..."""

    def name() -> str:
        text = str(param.metavar or param.name)
        if param.nargs != 1 and not text.endswith("..."):
            text += "..."
        return text if param.required else f"[{text}]"

    return name


def _translate_params(command: Any, ctx: Any) -> None:
    """Help texts typer writes itself, and no programmer's types («<path>», «<bool>») shown."""
    help_option = command.get_help_option(ctx)
    for param in [*command.params, *([help_option] if help_option is not None else [])]:
        if param.name in _OWN_HELP:
            param.help = _(_OWN_HELP[param.name])
        if getattr(param, "is_flag", False) or param.param_type_name == "argument":
            param.display_type_rich = _no_type
        if param.param_type_name == "argument" and hasattr(param, "_usage_display_name"):
            param._usage_display_name = _usage_name(param)


class _Translated:
    """Help screens in the user's language throughout (a mixin for typer's command classes)."""

    def get_usage(self, ctx: Any) -> str:
        return str(super().get_usage(ctx)).replace("Usage:", _("Usage:"), 1)  # type: ignore[misc]

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _translate_typer()
        _translate_params(self, ctx)
        super().format_help(ctx, formatter)  # type: ignore[misc]


class _Command(_Translated, TyperCommand):
    """A command whose help screen is in the user's language."""


class _Group(_Translated, TyperGroup):
    """The ``planio`` group, translated like its commands."""


app = typer.Typer(
    name="planio",
    cls=_Group,
    help=_("Read Russian work plans (DOCX, PDF) into structured data and write them back out."),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    options_metavar=_("[OPTIONS]"),
    subcommand_metavar=_("COMMAND [ARGS]..."),
)


def _command(name: str | None = None, *, help: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    return app.command(name, cls=_Command, help=help, options_metavar=_("[OPTIONS]"))


#: arguments and options several commands share
PlanFile = Annotated[
    Path,
    typer.Argument(
        metavar=_("FILE"), help=_("A plan: DOCX, PDF, DOC/RTF/ODT, planio workbook or JSON.")
    ),
]
DocxTemplate = Annotated[
    Path | None,
    typer.Option("--template", metavar=_("FILE"), help=_("Your own docxtpl template (sandboxed).")),
]
PdfEngineOption = Annotated[
    PdfEngineChoice,
    typer.Option("--pdf-engine", help=_("What reads a PDF: pdfium (fast) or pdfplumber.")),
]
ColumnsOption = Annotated[
    str | None,
    typer.Option(
        "--columns",
        metavar="title=N,executors=N,deadline=N",
        help=_("Which table column holds what, counted from 1: title=2,executors=4,deadline=3."),
    ),
]
AlsoPdf = Annotated[
    bool, typer.Option("--pdf", help=_("Also write a PDF beside the DOCX (LibreOffice)."))
]


def _out(what: str, metavar: str) -> Any:
    return typer.Option("--out", "-o", metavar=metavar, help=what)


def _fail(message: str, code: int) -> NoReturn:
    typer.echo(_("planio: error: {message}").format(message=message), err=True)
    raise typer.Exit(code)


def _guarded(command: Callable[P, R]) -> Callable[P, R]:
    """Turn library errors into one line and an exit code, never a traceback."""

    @wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from planio.errors import PlanioError

        try:
            return command(*args, **kwargs)
        except PlanioError as exc:
            _fail(str(exc), EXIT_BAD_INPUT)
        except typer.Exit:
            raise
        except OSError as exc:  # a file the system refused: the user's to fix, not a bug
            if os.environ.get("PLANIO_DEBUG"):
                raise
            where = f"{exc.filename}: " if exc.filename else ""
            _fail(
                where + _("cannot read or write ({reason})").format(reason=exc.strerror or exc),
                EXIT_BAD_INPUT,
            )
        except Exception as exc:
            if os.environ.get("PLANIO_DEBUG"):
                raise
            _fail(
                _("internal error: {error} (a bug; please report it)").format(
                    error=f"{type(exc).__name__}: {exc}"
                ),
                EXIT_BUG,
            )

    return wrapper


def _written(path: Path) -> None:
    typer.echo(_("written: {path}").format(path=path))


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.buffer.write(text.encode("utf-8") + b"\n")
        sys.stdout.flush()
        return
    out.write_text(text + "\n", encoding="utf-8")
    _written(out)


def _columns_option(value: str | None) -> dict[str, int] | None:
    """``--columns title=2,executors=4,deadline=3``: a bad value is one line and exit 2."""
    if value is None:
        return None
    from planio.errors import PlanioError
    from planio.readers.columns import parse_columns

    try:
        return parse_columns(value)
    except PlanioError as exc:
        _fail(str(exc), EXIT_BAD_INPUT)


def _read(
    file: Path,
    pdf_engine: PdfEngineChoice = PdfEngineChoice.pdfium,
    columns: str | None = None,
) -> Plan:
    from planio.readers import read

    return read(file, pdf_engine=pdf_engine.value, columns=_columns_option(columns))


PARSE_FORMATS = {"json": ".json", "table": ".txt", "csv": ".csv", "md": ".md"}


@_command(help=_("Read a plan and print it: JSON, a table, CSV or Markdown."))
@_guarded
def parse(
    file: PlanFile,
    out: Annotated[Path | None, _out(_("Write it here instead of the screen."), _("FILE"))] = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="json|table|csv|md",
            help=_(
                "What to print: JSON (default), a table, CSV or Markdown; -o's suffix chooses too."
            ),
        ),
    ] = None,
    pdf_engine: PdfEngineOption = PdfEngineChoice.pdfium,
    columns: ColumnsOption = None,
) -> None:
    if output_format is not None and output_format not in PARSE_FORMATS:
        _fail(
            _("--format: unknown format «{name}»; use {names}").format(
                name=output_format, names=", ".join(PARSE_FORMATS)
            ),
            EXIT_BAD_INPUT,
        )
    chosen = output_format or "json"
    if out is not None:
        from planio.outputs import check_file

        allowed = [PARSE_FORMATS[output_format]] if output_format else list(PARSE_FORMATS.values())
        suffix = check_file(out, allowed, [file])
        chosen = {v: k for k, v in PARSE_FORMATS.items()}[suffix]
    plan = _read(file, pdf_engine, columns)
    if chosen == "json":
        _emit(plan.to_json(), out)
    elif chosen == "csv":
        from planio.writers.tabular import to_csv

        _emit(to_csv(plan), out)
    elif chosen == "md":
        from planio.writers.tabular import to_markdown

        _emit(to_markdown(plan), out)
    else:
        from rich.console import Console

        from planio.writers.tabular import print_table

        if out is None:
            print_table(plan, Console())
        else:
            with out.open("w", encoding="utf-8") as handle:
                print_table(plan, Console(file=handle, width=140, color_system=None))
            _written(out)


@_command(help=_("Print the JSON Schema of the plan model."))
@_guarded
def schema(
    out: Annotated[Path | None, _out(_("Write it here instead of the screen."), _("FILE"))] = None,
) -> None:
    import json

    from planio.model import Plan

    if out is not None:
        from planio.outputs import check_file

        check_file(out, [".json"])
    _emit(json.dumps(Plan.model_json_schema(), ensure_ascii=False, indent=2), out)


def _certificate(
    number: str | None, owner: str | None, valid_from: str | None, valid_to: str | None
) -> Certificate | None:
    if not any((number, owner, valid_from, valid_to)):
        return None
    if not (number and owner and valid_from and valid_to):
        _fail(
            _(
                "the electronic-signature mark needs --cert-number, --cert-owner, "
                "--cert-from and --cert-to together"
            ),
            EXIT_BAD_INPUT,
        )
    start, end = _date(valid_from, "--cert-from"), _date(valid_to, "--cert-to")
    assert start is not None and end is not None
    if end < start:
        _fail(
            _("the certificate is valid to {end}, before it is valid from {start}").format(
                end=valid_to, start=valid_from
            ),
            EXIT_BAD_INPUT,
        )
    from planio.writers.options import Certificate

    return Certificate(number=number, owner=owner, valid_from=start, valid_to=end)


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    from planio.dates.vocabulary import typed_date

    day = typed_date(value)
    if day is not None:
        return day
    _fail(
        _("{option}: not a date (DD.MM.YYYY or YYYY-MM-DD): {value}").format(
            option=option, value=value
        ),
        EXIT_BAD_INPUT,
    )


def _document(
    out: Path, pdf: bool, inputs: list[Path], write: Callable[[Path], Path], *, json: bool = False
) -> Callable[[], None]:
    """Check ``out`` now; return the step that writes it (DOCX, or PDF by its suffix)."""
    from planio.outputs import check_file

    suffix = check_file(out, [".docx", ".pdf", *([".json"] if json else [])], inputs)

    def run() -> None:
        if suffix == ".pdf":
            from planio.outputs import write_via_pdf

            _written(write_via_pdf(out, write))
            return
        _written(write(out))
        if pdf:
            from planio.outputs import also_pdf

            _written(also_pdf(out))

    return run


DATE_METAVAR = _("DD.MM.YYYY")


@_command(help=_("Write the plan as the document the head signs (GOST R 7.0.97-2025 layout)."))
@_guarded
def render(
    file: PlanFile,
    out: Annotated[Path, _out(_("The signed plan to write: .docx, or .pdf for a PDF."), _("FILE"))],
    pdf: AlsoPdf = False,
    template: DocxTemplate = None,
    approver_name: Annotated[
        str | None, typer.Option(metavar=_("NAME"), help=_("И.О. Фамилия of the approver."))
    ] = None,
    approver_position: Annotated[
        str | None, typer.Option(metavar=_("TEXT"), help=_("The approver's position."))
    ] = None,
    approval_date: Annotated[
        str | None,
        typer.Option(
            metavar=DATE_METAVAR, help=_("The approval date (left to fill in by default).")
        ),
    ] = None,
    signature: Annotated[
        Path | None,
        typer.Option(
            metavar=_("FILE"), help=_("A signature image (PNG/JPEG) for the signature line.")
        ),
    ] = None,
    cert_number: Annotated[
        str | None, typer.Option(metavar=_("TEXT"), help=_("E-signature certificate number."))
    ] = None,
    cert_owner: Annotated[
        str | None, typer.Option(metavar=_("NAME"), help=_("E-signature certificate owner."))
    ] = None,
    cert_from: Annotated[
        str | None, typer.Option(metavar=DATE_METAVAR, help=_("Certificate valid from."))
    ] = None,
    cert_to: Annotated[
        str | None, typer.Option(metavar=DATE_METAVAR, help=_("Certificate valid to."))
    ] = None,
    pdf_engine: PdfEngineOption = PdfEngineChoice.pdfium,
    columns: ColumnsOption = None,
) -> None:
    certificate = _certificate(cert_number, cert_owner, cert_from, cert_to)
    when = _date(approval_date, "--approval-date")

    def write(target: Path) -> Path:
        from planio.writers.plan_docx import render_plan

        return render_plan(
            plan,
            target,
            template=template,
            approver_name=approver_name,
            approver_position=approver_position,
            approval_date=when,
            signature_image=signature,
            certificate=certificate,
        )

    step = _document(out, pdf, [file], write)
    plan = _read(file, pdf_engine, columns)
    step()


@_command(help=_("Write one extract (выписка) per executor, with an index.csv of who got which."))
@_guarded
def extracts(
    file: PlanFile,
    out: Annotated[Path, _out(_("The folder for the extracts."), _("FOLDER"))],
    executor: Annotated[
        list[str] | None,
        typer.Option(
            "--executor",
            metavar=_("NAME"),
            help=_("Only this executor (repeat for more); default: all."),
        ),
    ] = None,
    pdf: AlsoPdf = False,
    template: DocxTemplate = None,
    certifier_position: Annotated[
        str, typer.Option(metavar=_("TEXT"), help=_("Who certifies «Верно»."))
    ] = "",
    certifier_name: Annotated[
        str, typer.Option(metavar=_("NAME"), help=_("И.О. Фамилия of the certifier."))
    ] = "",
    pdf_engine: PdfEngineOption = PdfEngineChoice.pdfium,
    columns: ColumnsOption = None,
) -> None:
    from planio.outputs import also_pdf, check_folder

    check_folder(out, [file])
    plan = _read(file, pdf_engine, columns)
    from planio.writers.extracts import write_extracts

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
        if pdf:
            typer.echo(f"{name}: {also_pdf(path)}")


@_command(help=_("Write the Excel tracking workbook (plan, executors, summary, Gantt)."))
@_guarded
def workbook(
    file: PlanFile,
    out: Annotated[Path, _out(_("The tracking workbook (.xlsx)."), _("FILE"))],
    template: Annotated[
        Path | None,
        typer.Option("--template", metavar=_("FILE"), help=_("Your own tracking.xlsx template.")),
    ] = None,
    expand_recurring: Annotated[
        bool,
        typer.Option(
            "--expand-recurring", help=_("One control row per occurrence of a recurring event.")
        ),
    ] = False,
    pdf_engine: PdfEngineOption = PdfEngineChoice.pdfium,
    columns: ColumnsOption = None,
) -> None:
    from planio.outputs import check_file

    check_file(out, [".xlsx"], [file])
    plan = _read(file, pdf_engine, columns)
    from planio.writers.workbook import outside_period, write_workbook

    _written(write_workbook(plan, out, template=template, expand_recurring=expand_recurring))
    for warning in outside_period(plan):
        typer.echo(_("note: {message}").format(message=warning.message), err=True)


@_command(help=_("Write the progress report (Отчёт о выполнении плана) from a tracking workbook."))
@_guarded
def report(
    file: Annotated[
        Path,
        typer.Argument(metavar=_("FILE"), help=_("A tracking workbook filled in by people.")),
    ],
    out: Annotated[Path, _out(_("The progress report: .docx, or .pdf for a PDF."), _("FILE"))],
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar=DATE_METAVAR, help=_("Report date (default: today).")),
    ] = None,
    compiler: Annotated[
        str, typer.Option(metavar=_("NAME"), help=_("Who compiled the report («Составил»)."))
    ] = "",
    compiler_position: Annotated[
        str, typer.Option(metavar=_("TEXT"), help=_("The compiler's position."))
    ] = "",
    pdf: AlsoPdf = False,
    template: DocxTemplate = None,
) -> None:
    when = _date(as_of, "--as-of")

    def write(target: Path) -> Path:
        from planio.writers.report import write_report

        return write_report(
            plan,
            target,
            as_of=when,
            template=template,
            compiler_name=compiler,
            compiler_position=compiler_position,
        )

    step = _document(out, pdf, [file], write)
    from planio.readers import read_workbook

    plan = read_workbook(file)
    step()
    for warning in plan.warnings:
        typer.echo(_("note: {message}").format(message=warning.message), err=True)


@_command(
    "next-year", help=_("Draft next year's plan: every year moved by one, what moved highlighted.")
)
@_guarded
def next_year_command(
    file: Annotated[
        Path,
        typer.Argument(metavar=_("FILE"), help=_("This year's plan: DOCX, PDF or planio JSON.")),
    ],
    out: Annotated[
        Path,
        _out(_("The draft: .docx (highlighted), .pdf or .json."), _("FILE")),
    ],
    pdf: AlsoPdf = False,
    template: DocxTemplate = None,
    pdf_engine: PdfEngineOption = PdfEngineChoice.pdfium,
    columns: ColumnsOption = None,
) -> None:
    def write(target: Path) -> Path:
        from planio.writers.draft_docx import write_draft

        return write_draft(plan, draft, target, template=template)

    step = _document(out, pdf, [file], write, json=True)
    from planio.rollover import next_year

    plan = _read(file, pdf_engine, columns)
    draft = next_year(plan)
    if out.suffix.lower() == ".json":
        _emit(draft.to_json(), out)
    else:
        step()
    for warning in draft.warnings:
        typer.echo(_("review: {message}").format(message=warning.message), err=True)


def _executor(jobs: int, scheduler: str | None, stack: ExitStack) -> Executor | None:
    """Processes on this machine, a Dask cluster's workers (the ``dask`` extra), or none."""
    from concurrent.futures import ProcessPoolExecutor

    from planio.errors import InputError, MissingToolError

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


@_command(help=_("Convert many plans at once, plus one workbook of all their events."))
@_guarded
def convert(
    inputs: Annotated[
        list[Path],
        typer.Argument(metavar=_("FILES..."), help=_("Plan files and folders of them.")),
    ],
    out: Annotated[Path, _out(_("The output folder."), _("FOLDER"))],
    to: Annotated[
        str,
        typer.Option(
            "--to",
            metavar=_("FORMATS"),
            help=_("Outputs per plan, comma-separated: json, xlsx, docx, pdf."),
        ),
    ] = "json",
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, metavar=_("N"), help=_("Processes to use."))
    ] = 1,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar=_("ADDRESS"),
            help=_(
                "A Dask scheduler's address (tcp://host:8786): read on its cluster, "
                "sending each file's bytes (needs planio[dask])."
            ),
        ),
    ] = None,
) -> None:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from planio.batch import FORMATS, convert_many
    from planio.outputs import check_folder

    formats = [f.strip().lower() for f in to.split(",") if f.strip()]
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown or not formats:
        _fail(
            _("--to: unknown format(s) {names}; use {known}").format(
                names=", ".join(unknown) or _("(none)"), known=", ".join(FORMATS)
            ),
            EXIT_BAD_INPUT,
        )
    check_folder(out, inputs)
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
        task = progress.add_task(_("converting"), total=None)
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
    from planio.batch import COMBINED, duplicate_reason

    if not batch and not batch.duplicates:
        _fail(_("no plan files (.docx, .pdf, .json) in the inputs"), EXIT_BAD_INPUT)
    good = [r for r in batch if r.ok]
    typer.echo(
        _("converted {done} of {total} into {out} (all events: {combined})").format(
            done=len(good), total=len(batch), out=out, combined=COMBINED
        )
    )
    if batch.duplicates or batch.skipped:
        typer.echo(
            _("{duplicates} duplicate(s) and {skipped} skipped file(s): see {report}").format(
                duplicates=len(batch.duplicates), skipped=len(batch.skipped), report=batch.report
            )
        )
    for result in batch.failed:
        typer.echo(
            _("failed: {path}: {error}").format(path=result.path, error=result.error), err=True
        )
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


# typer reads help as rich markup: "\\[" keeps the extra's brackets
@_command(
    help=_('Start planio in the browser (needs: pip install "planio[web]").').replace("[", "\\[")
)
@_guarded
def serve(
    host: Annotated[
        str, typer.Option(metavar=_("ADDRESS"), help=_("The address to listen on."))
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option(min=1, max=65535, metavar=_("N"), help=_("The port."))
    ] = 8000,
    open_browser: Annotated[
        bool, typer.Option("--open", help=_("Open the page in the browser."))
    ] = False,
) -> None:
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
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=_("Show the version.")),
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="ru|en",
            help=_("The language of messages and help (default: Russian, or PLANIO_LANG)."),
        ),
    ] = None,
) -> None:
    if lang is not None:
        if lang.strip().lower()[:2] not in i18n.LANGUAGES:
            _fail(_("--lang: use ru or en, not «{lang}»").format(lang=lang), EXIT_BAD_INPUT)
        i18n.set_language(lang.strip().lower()[:2])


def _usage_message(exc: Any) -> str:
    """A usage slip (a missing option, an unknown one) as one sentence in the user's language."""
    kind = type(exc).__name__
    if kind == "NoSuchOption":
        return _("no such option: {option}").format(option=exc.option_name)
    if kind == "MissingParameter" and exc.param is not None:
        hint = " / ".join(exc.param.opts) if exc.param.param_type_name == "option" else None
        return _("{name} is required").format(name=hint or exc.param.metavar or exc.param.name)
    if kind == "BadParameter" and exc.param is not None:
        return _("wrong value for {name}: {message}").format(
            name=" / ".join(exc.param.opts), message=exc.message
        )
    if kind == "UsageError" and str(exc.message).startswith("No such command"):
        return _("no such command; see planio --help")
    return str(exc.format_message())


def main() -> None:
    """Console-script entry point."""
    import logging

    # pdfminer logs every oddity of a damaged PDF; the user gets planio's one line instead
    logging.getLogger("pdfminer").setLevel(logging.CRITICAL)
    command = typer.main.get_command(app)
    try:
        code = command.main(args=sys.argv[1:], prog_name="planio", standalone_mode=False)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # typer's usage errors: no public class across its versions
        if not (hasattr(exc, "format_message") and hasattr(exc, "exit_code")):
            raise
        if type(exc).__name__ == "NoArgsIsHelpError":
            typer.echo(exc.ctx.get_help())  # type: ignore[attr-defined]
            sys.exit(0)
        typer.echo(_("planio: error: {message}").format(message=_usage_message(exc)), err=True)
        sys.exit(EXIT_BAD_INPUT)
    sys.exit(code if isinstance(code, int) else 0)
