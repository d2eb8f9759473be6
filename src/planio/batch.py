"""Many plans at once, on any ``concurrent.futures.Executor``, with the outputs a batch needs.

planio writes no distribution of its own: pass a ``ProcessPoolExecutor`` to use every core,
or a Dask cluster's ``client.get_executor()`` to use many machines (with ``send="bytes"`` the
workers get each file's bytes, so they need no shared disk); with none, files are read one
after another in this process. One bad file never stops the batch: its result carries the
one-line reason instead of a plan, and a worker that dies fails only the files it held.

A batch an office can trust: the same file named twice (relatively and absolutely, through a
symlink, with ``./``) is one file; the same content is read once (by SHA-256) and the same
plan under another name or format is reported as a duplicate, not counted twice; files of
other types are reported as skipped; and the output folder is never read as input, so a
rerun gives the same outputs. With ``out_dir`` it writes what ``planio convert`` does: the
outputs per plan and format, one workbook of every event, and ``report.csv`` of what failed,
was a duplicate or was skipped.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from planio.errors import PlanioError
from planio.i18n import _
from planio.model import Plan
from planio.readers import load, read, read_named
from planio.readers.limits import DEFAULT_LIMITS, Limits
from planio.writers.combined import CombinedWriter
from planio.writers.filenames import safe_stem, unique_names
from planio.writers.plan_docx import render_plan
from planio.writers.safe_csv import write_csv
from planio.writers.workbook import write_workbook

#: what a folder given to :func:`collect` contributes (a file named on its own is always tried)
PLAN_SUFFIXES = (".docx", ".pdf", ".json", ".doc", ".rtf", ".odt", ".xlsx")
#: outputs per plan ``convert_many(out_dir=…)`` can write
FORMATS = ("json", "xlsx", "docx", "pdf")
#: the workbook of every event of every plan a batch converted
COMBINED = "all-plans.xlsx"
#: what failed, was a duplicate or was skipped
REPORT = "report.csv"
#: files sent to an executor and not yet collected: bounds the memory ``send="bytes"`` takes
#: (raise it, with ``max_pending``, for a cluster of more workers than this)
MAX_PENDING = 64

Send = Literal["paths", "bytes"]


@dataclass(frozen=True, slots=True)
class Converted:
    """One input's outcome: a plan, or the reason it has none.

    ``duplicate_of`` names the earlier input with the same content or the same plan;
    ``outputs`` are the files written for it (with ``out_dir``).
    """

    path: Path
    plan: Plan | None = None
    error: str | None = None
    duplicate_of: Path | None = None
    outputs: tuple[Path, ...] = ()

    @property
    def ok(self) -> bool:
        return self.plan is not None and self.error is None


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file a folder held that is not a plan to read, and why."""

    path: Path
    reason: str


class Batch(list[Converted]):
    """The results of :func:`convert_many`: one :class:`Converted` per distinct plan file.

    A list, in input order, of the files read (plans and failures); besides it,
    ``duplicates`` (inputs with the content or plan of an earlier one, not read or not
    counted again), ``skipped`` (files of other types in the folders given), and with
    ``out_dir`` the ``combined`` workbook and the ``report`` CSV written.
    """

    def __init__(self, results: Iterable[Converted] = ()) -> None:
        super().__init__(results)
        self.duplicates: list[Converted] = []
        self.skipped: list[Skipped] = []
        self.combined: Path | None = None
        self.report: Path | None = None

    @property
    def failed(self) -> list[Converted]:
        """The inputs that gave no plan, or whose outputs could not be written."""
        return [r for r in self if r.error is not None]


@dataclass(slots=True)
class Inventory:
    """What a batch's inputs hold: plan files (each once, as first named) and the rest."""

    files: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def _real(path: Path) -> str:
    """One spelling per file: absolute, symlinks and ``.``/``..`` resolved."""
    return os.path.realpath(path)


def _inside(real: str, folder: str | None) -> bool:
    return folder is not None and (real == folder or real.startswith(folder + os.sep))


def _why_skipped(path: Path) -> str | None:
    """Why a file in a folder is not a plan to read, or None when it is one."""
    name = path.name
    if name.startswith("~$"):
        return _("an office lock file")
    if name.startswith("."):
        return _("a hidden file")
    if path.suffix.lower() not in PLAN_SUFFIXES:
        return _("not a plan file type ({suffix})").format(suffix=path.suffix or _("no suffix"))
    return None


def _is_output_folder(folder: Path) -> bool:
    """Does ``folder`` hold what a batch writes (``all-plans.xlsx`` beside ``report.csv``)?"""
    return (folder / COMBINED).is_file() and (folder / REPORT).is_file()


def _walk(folder: Path, exclude: str | None) -> tuple[list[Path], list[Path]]:
    """Every file under ``folder`` (a folder's files, then its subfolders', each sorted) and
    the output folders of earlier batches in it.

    Hidden folders and ``exclude`` are not entered, nor is an earlier batch's output folder:
    its JSON and workbooks are the plans again, read before.
    """
    found: list[Path] = []
    outputs: list[Path] = []
    for top, dirs, files in os.walk(folder):
        kept = []
        for name in sorted(dirs):
            sub = Path(top, name)
            if name.startswith(".") or _inside(_real(sub), exclude):
                continue
            if _is_output_folder(sub):
                outputs.append(sub)
            else:
                kept.append(name)
        dirs[:] = kept
        found.extend(Path(top, name) for name in sorted(files))
    return found, outputs


def gather(inputs: Iterable[str | Path], exclude: str | Path | None = None) -> Inventory:
    """Files to convert: files as given, folders searched for plan files (sorted).

    A file is listed once however it is spelled; nothing inside ``exclude`` (the output
    folder) is listed, and a file named there on its own is skipped with the reason.
    """
    out = Inventory()
    excluded = _real(Path(exclude)) if exclude is not None else None
    seen: set[str] = set()
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            if _inside(_real(path), excluded):
                continue
            files, outputs = _walk(path, excluded)
            earlier = _("the output folder of an earlier convert")
            out.skipped.extend(Skipped(folder, earlier) for folder in outputs)
            candidates = [(p, _why_skipped(p)) for p in files]
        elif _inside(_real(path), excluded):
            candidates = [(path, _("inside the output folder"))]
        else:
            candidates = [(path, None)]  # a file named on its own is always tried
        for candidate, why in candidates:
            real = _real(candidate)
            if real in seen:
                continue
            seen.add(real)
            if why is None:
                out.files.append(candidate)
            else:
                out.skipped.append(Skipped(candidate, why))
    return out


def collect(inputs: Iterable[str | Path]) -> list[Path]:
    """Files to convert: files as given, folders searched for plan files (sorted)."""
    return gather(inputs).files


def read_one(path: Path, limits: Limits = DEFAULT_LIMITS) -> Converted:
    """Read one file; any failure becomes a one-line reason. (Top level, so it pickles.)"""
    try:
        return Converted(path, plan=read(path, limits=limits))
    except PlanioError as exc:
        return Converted(path, error=exc.message)
    except Exception as exc:  # a bug in planio must not stop the other files either
        return Converted(path, error=f"internal error: {type(exc).__name__}: {exc}")


def read_sent(data: bytes, path: Path, limits: Limits = DEFAULT_LIMITS) -> Converted:
    """Read a file's bytes sent to a worker that cannot open ``path`` itself."""
    try:
        return Converted(path, plan=read_named(data, str(path), limits=limits))
    except PlanioError as exc:
        return Converted(path, error=exc.message)
    except Exception as exc:  # a bug in planio must not stop the other files either
        return Converted(path, error=f"internal error: {type(exc).__name__}: {exc}")


def _fingerprint(path: Path, limits: Limits) -> str | None:
    """SHA-256 of the file's content; None when it cannot be read (the reader says why)."""
    try:
        if not path.is_file() or path.stat().st_size > limits.max_file_bytes:
            return None
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            while chunk := handle.read(2**20):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def plan_fingerprint(plan: Plan) -> str:
    """What makes two reads the same plan: title, period, approval and every event.

    The DOCX and the PDF of one plan (or its planio JSON) have different bytes but this one
    fingerprint; the source, warnings and what tracking adds (statuses, completion dates,
    notes) are left out, so a tracking workbook is the same plan as the document it came from.
    """
    fields = {"title", "period", "approval", "sections"}
    tracking = {"sections": {"__all__": {"items": {"__all__": {"status", "done_on", "note"}}}}}
    text = plan.model_dump_json(include=fields, exclude=tracking)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _done(result: Converted) -> Future[Converted]:
    future: Future[Converted] = Future()
    future.set_result(result)
    return future


def _submit(executor: Executor, path: Path, send: Send, limits: Limits) -> Future[Converted]:
    if send == "paths":
        return executor.submit(read_one, path, limits)
    try:
        data = load(path, limits=limits)
    except PlanioError as exc:
        return _done(Converted(path, error=exc.message))
    return executor.submit(read_sent, data, path, limits)


def _outcome(path: Path, future: Future[Converted]) -> Converted:
    try:
        result = future.result()
    except Exception as exc:  # the worker itself died (out of memory, killed, …)
        reason = _("the worker reading it failed: {error}").format(error=type(exc).__name__)
        return Converted(path, error=reason)
    return replace(result, path=path)  # the caller's spelling, whatever the worker saw


def _read_all(
    files: Sequence[Path], executor: Executor | None, send: Send, limits: Limits, window: int
) -> Iterator[Converted]:
    """Each file's result, in order; at most ``window`` files with the executor at a time."""
    if executor is None:
        for path in files:
            yield read_one(path, limits)
        return
    pending: deque[tuple[Path, Future[Converted]]] = deque()
    for path in files:
        pending.append((path, _submit(executor, path, send, limits)))
        if len(pending) >= window:
            yield _outcome(*pending.popleft())
    while pending:
        yield _outcome(*pending.popleft())


def output_stems(paths: Sequence[Path]) -> list[str]:
    """Output names: the input's name, with its format where two inputs share a name.

    Linear in the number of inputs (a count per name, not a comparison of every pair).
    """
    stems = [safe_stem(p.stem) for p in paths]
    counts = Counter(s.casefold() for s in stems)
    named = [
        f"{stem} ({path.suffix.lstrip('.').lower()})" if counts[stem.casefold()] > 1 else stem
        for stem, path in zip(stems, paths, strict=True)
    ]
    return unique_names(named, "")


def convert_many(
    paths: Iterable[str | Path],
    executor: Executor | None = None,
    on_done: Callable[[Converted], None] | None = None,
    *,
    out_dir: str | Path | None = None,
    formats: Iterable[str] = (),
    send: Send = "paths",
    limits: Limits = DEFAULT_LIMITS,
    on_start: Callable[[int], None] | None = None,
    max_pending: int = MAX_PENDING,
) -> Batch:
    """Read every plan in ``paths`` (files or folders); results in input order.

    ``executor`` is any ``concurrent.futures.Executor``; ``send="bytes"`` hands workers each
    file's bytes instead of its path (for a cluster without a shared disk). ``on_start`` is
    called with the number of files to read, ``on_done`` with each result in input order (for
    progress bars). With ``out_dir``, also writes there each plan in ``formats`` (of
    :data:`FORMATS`), ``all-plans.xlsx`` and ``report.csv``; ``out_dir`` is never read.
    At most ``max_pending`` files are with the executor at a time.
    """
    wanted = list(dict.fromkeys(f.strip().lower() for f in formats if f.strip()))
    unknown = sorted(set(wanted) - set(FORMATS))
    if unknown:
        raise ValueError(f"unknown output format(s) {', '.join(unknown)}; use {FORMATS}")
    if send not in ("paths", "bytes"):
        raise ValueError(f"send must be 'paths' or 'bytes', not {send!r}")
    out = Path(out_dir) if out_dir is not None else None
    inventory = gather(paths, exclude=out)
    batch = Batch()
    batch.skipped = inventory.skipped
    first_by_content: dict[str, Path] = {}
    to_read: list[Path] = []
    for path in inventory.files:
        digest = _fingerprint(path, limits)
        if digest is not None and digest in first_by_content:
            batch.duplicates.append(Converted(path, duplicate_of=first_by_content[digest]))
            continue
        if digest is not None:
            first_by_content[digest] = path
        to_read.append(path)
    if on_start:
        on_start(len(to_read))
    stems = output_stems(to_read) if out is not None else [""] * len(to_read)
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    first_by_plan: dict[str, Path] = {}
    # the workbook of all events fills while the workers read, not after
    combined = CombinedWriter(out / COMBINED) if out is not None else None
    results = _read_all(to_read, executor, send, limits, max(1, max_pending))
    for result, stem in zip(results, stems, strict=True):
        done = result
        if result.plan is not None:
            same = first_by_plan.setdefault(plan_fingerprint(result.plan), result.path)
            if same != result.path:
                done = replace(result, duplicate_of=same)
            elif out is not None:
                done = _write_outputs(result, out, stem, wanted)
        if combined is not None and done.ok and not done.duplicate_of and done.plan:
            combined.add(done.path, done.plan)
        if on_done:
            on_done(done)
        (batch.duplicates if done.duplicate_of else batch).append(done)
    if out is not None and combined is not None:
        batch.combined = combined.close()
        header = [_("File"), _("Outcome"), _("Details")]
        batch.report = write_csv(out / REPORT, header, report_rows(batch))
    return batch


def _write_outputs(result: Converted, out: Path, stem: str, formats: list[str]) -> Converted:
    """Write the plan in every format; a failure becomes the result's error."""
    plan = result.plan
    assert plan is not None
    written: list[Path] = []
    try:
        for kind in formats:
            target = out / f"{stem}.{kind}"
            if kind == "json":
                target.write_text(plan.to_json() + "\n", encoding="utf-8")
            elif kind == "xlsx":
                write_workbook(plan, target)
            elif kind == "pdf":  # the signed plan, through LibreOffice
                from planio.outputs import write_via_pdf

                write_via_pdf(target, lambda docx: render_plan(plan, docx))
            else:
                render_plan(plan, target)
            written.append(target)
    except (PlanioError, OSError) as exc:  # one output failing never stops the batch
        reason = _("writing its output: {error}").format(error=exc)
        return replace(result, error=reason, outputs=tuple(written))
    return replace(result, outputs=tuple(written))


def duplicate_reason(result: Converted) -> str:
    """«the same content as …» or «the same plan as …» for a duplicate."""
    if result.plan is None:
        return _("the same content as {path}").format(path=result.duplicate_of)
    return _("the same plan as {path}").format(path=result.duplicate_of)


def report_rows(batch: Batch) -> list[list[str]]:
    """The rows of ``report.csv``: failures, then duplicates, then skipped files."""
    rows = [[str(r.path), _("failed"), r.error or ""] for r in batch.failed]
    rows += [[str(r.path), _("duplicate"), duplicate_reason(r)] for r in batch.duplicates]
    rows += [[str(s.path), _("skipped"), s.reason] for s in batch.skipped]
    return rows
