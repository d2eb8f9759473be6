"""Many plans at once, on any ``concurrent.futures.Executor``.

planio writes no distribution of its own: pass a ``ProcessPoolExecutor`` to use every core,
or a Dask cluster's ``client.get_executor()`` to use many machines; with none, files are read
one after another in this process. One bad file never stops the batch: its result carries the
one-line reason instead of a plan.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from pathlib import Path

from planio.errors import PlanioError
from planio.model import Plan
from planio.readers import read

#: what a folder given to :func:`collect` contributes (a file named on its own is always tried)
PLAN_SUFFIXES = (".docx", ".pdf", ".json", ".doc", ".rtf", ".odt", ".xlsx")


@dataclass(frozen=True, slots=True)
class Converted:
    """One input's outcome: a plan, or the reason it has none."""

    path: Path
    plan: Plan | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.plan is not None


def collect(inputs: Iterable[str | Path]) -> list[Path]:
    """Files to convert: files as given, folders searched for plan files (sorted)."""
    out: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            out.extend(
                sorted(
                    p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in PLAN_SUFFIXES
                )
            )
        else:
            out.append(path)
    return list(dict.fromkeys(out))


def read_one(path: Path) -> Converted:
    """Read one file; any failure becomes a one-line reason. (Top level, so it pickles.)"""
    try:
        return Converted(path, plan=read(path))
    except PlanioError as exc:
        return Converted(path, error=exc.message)
    except Exception as exc:  # a bug in planio must not stop the other files either
        return Converted(path, error=f"internal error: {type(exc).__name__}: {exc}")


def convert_many(
    paths: Iterable[str | Path],
    executor: Executor | None = None,
    on_done: Callable[[Converted], None] | None = None,
) -> list[Converted]:
    """Read every plan in ``paths`` (files or folders); results in input order.

    ``executor`` is any ``concurrent.futures.Executor``; ``on_done`` is called with each
    result in input order (for progress bars). A worker that dies fails only its own file.
    """
    files = collect(paths)
    if executor is None:
        results = []
        for path in files:
            result = read_one(path)
            if on_done:
                on_done(result)
            results.append(result)
        return results
    futures: list[Future[Converted]] = [executor.submit(read_one, path) for path in files]
    results = []
    for path, future in zip(files, futures, strict=True):
        try:
            result = future.result()
        except Exception as exc:  # the worker itself died (out of memory, killed, …)
            result = Converted(path, error=f"the worker reading it failed: {type(exc).__name__}")
        if on_done:
            on_done(result)
        results.append(result)
    return results
