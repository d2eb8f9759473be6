"""The ``planio`` command: a thin shell over the library.

Every command maps a :class:`~planio.errors.PlanioError` to one line on stderr and exit code 2;
anything else is a bug and gets one line and exit code 1 (set ``PLANIO_DEBUG=1`` for the trace).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer

from planio import __version__
from planio.errors import PlanioError
from planio.model import Plan
from planio.readers import read

EXIT_BAD_INPUT = 2
EXIT_BUG = 1

app = typer.Typer(
    name="planio",
    help="Read Russian work plans (DOCX, PDF) into structured data and write them back out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

P = ParamSpec("P")
R = TypeVar("R")


def _fail(message: str, code: int) -> None:
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
        raise AssertionError("unreachable")  # pragma: no cover

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


@app.command()
@_guarded
def parse(
    file: Annotated[Path, typer.Argument(help="A plan: DOCX, PDF or planio JSON.")],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the JSON here instead of stdout.")
    ] = None,
) -> None:
    """Read a plan and print it as JSON."""
    plan = read(file)
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
    app()
