"""Where the command line may write: checked before any work, each problem one clear sentence.

A wrong output path is the user's slip, not planio's bug: a folder where a file is meant, a
missing folder, no permission, a suffix the command cannot write, the input itself. Each is a
:class:`~planio.errors.PlanioError` naming the path, raised before a plan is even read.
"""

from __future__ import annotations

import errno
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from planio.errors import PlanioError
from planio.i18n import _

#: suffixes that name a file, so a folder argument ending in one is surely a slip
FILE_SUFFIXES = frozenset(
    (".docx", ".pdf", ".xlsx", ".json", ".csv", ".md", ".txt", ".doc", ".rtf", ".odt", ".xls")
)


def _reason(exc: OSError) -> str:
    """The system's reason, in the user's language for the usual ones."""
    reasons = {
        errno.EACCES: _("no permission"),
        errno.EPERM: _("no permission"),
        errno.EROFS: _("the disk is read-only"),
        errno.ENOSPC: _("the disk is full"),
        errno.ENOENT: _("no such folder"),
        errno.ENOTDIR: _("a part of the path is not a folder"),
        errno.EISDIR: _("it is a folder"),
    }
    return reasons.get(exc.errno or 0, exc.strerror or type(exc).__name__)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def check_file(out: Path, allowed: Sequence[str], inputs: Sequence[Path] = ()) -> str:
    """Check that ``out`` can be written as one of ``allowed`` suffixes; return its suffix."""
    if out.is_dir():
        raise PlanioError(_("is a folder; give a file name"), out)
    suffix = out.suffix.lower()
    if suffix not in allowed:
        raise PlanioError(
            _("this command cannot write a «{suffix}» file; use {allowed}").format(
                suffix=suffix or _("no suffix"), allowed=", ".join(allowed)
            ),
            out,
        )
    for source in inputs:
        if _same_file(out, source):
            raise PlanioError(_("is the input file itself; write to another name"), out)
    parent = out.parent
    if not parent.exists():
        raise PlanioError(_("the folder {folder} does not exist").format(folder=parent), out)
    if not parent.is_dir():
        raise PlanioError(_("{folder} is not a folder").format(folder=parent), out)
    existed = out.exists()
    try:
        with out.open("ab"):
            pass
    except OSError as exc:
        raise PlanioError(
            _("cannot write here ({reason})").format(reason=_reason(exc)), out
        ) from None
    finally:
        if not existed and out.is_file():
            out.unlink()
    return suffix


def check_folder(out: Path, inputs: Sequence[Path] = ()) -> None:
    """Check (and create) the folder ``out`` that a command fills with files."""
    if out.exists() and not out.is_dir():
        raise PlanioError(_("is a file; give a folder for the output files"), out)
    if not out.exists() and out.suffix.lower() in FILE_SUFFIXES:
        raise PlanioError(_("a folder is needed here, not a file name"), out)
    for source in inputs:
        if _same_file(out, source):
            raise PlanioError(_("is the input itself; give another folder"), out)
    if not out.parent.is_dir():
        raise PlanioError(_("the folder {folder} does not exist").format(folder=out.parent), out)
    try:
        out.mkdir(exist_ok=True)
        probe = tempfile.NamedTemporaryFile(dir=out, prefix=".planio-", delete=True)  # noqa: SIM115
        probe.close()
    except OSError as exc:
        raise PlanioError(
            _("cannot write here ({reason})").format(reason=_reason(exc)), out
        ) from None


def write_via_pdf(out: Path, write_docx: Callable[[Path], Path]) -> Path:
    """Write a document as PDF at ``out``: the DOCX in a private folder, LibreOffice converts it."""
    from planio.office import docx_to_pdf

    with tempfile.TemporaryDirectory(prefix="planio-") as folder:
        document = write_docx(Path(folder) / f"{out.stem or 'document'}.docx")
        pdf = docx_to_pdf(document, Path(folder))
        try:
            shutil.move(str(pdf), str(out))
        except OSError as exc:
            raise PlanioError(
                _("cannot write here ({reason})").format(reason=_reason(exc)), out
            ) from None
    return out


def also_pdf(document: Path) -> Path:
    """A PDF beside ``document`` (``--pdf``)."""
    from planio.office import docx_to_pdf

    return docx_to_pdf(document)
