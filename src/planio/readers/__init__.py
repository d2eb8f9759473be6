"""Readers: every input format to one :class:`~planio.model.Plan`.

Each format is one entry in :data:`READERS`: a name, a test on the file's first bytes (formats
are recognised by content, not by the file name) and a function from bytes to a plan. Grid
formats (DOCX, PDF) produce a raw grid and share :func:`~planio.readers.build.build_plan`.
Adding a format is adding one module and one entry here. What a reader may be asked for
(limits, the PDF engine) travels as one :class:`ReadOptions`.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import io
import os
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from planio.errors import (
    EmptyFileError,
    FileMissingError,
    TooLargeError,
    UnsupportedFormatError,
)
from planio.i18n import _
from planio.model import Plan, Source
from planio.readers.columns import check_columns
from planio.readers.legacy import legacy_kind
from planio.readers.limits import DEFAULT_LIMITS, Limits
from planio.readers.pdf import ENGINES, PdfEngine

#: the user's column mapping: role → column number counted from 1 (``docs/model.md``)
Columns = Mapping[str, int]


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read: size limits, which engine reads a PDF, which column holds what."""

    limits: Limits = DEFAULT_LIMITS
    #: "pdfium" (fast, the default) or "pdfplumber" (pure Python, slower)
    pdf_engine: PdfEngine = "pdfium"
    #: the user's column mapping, or None to find the columns by what they hold
    columns: Columns | None = None


@dataclass(frozen=True, slots=True)
class Reader:
    format: str
    #: "is this mine?", from the file's bytes (and name, for messages only)
    sniff: Callable[[bytes, str], bool]
    read: Callable[[bytes, str, ReadOptions], Plan]


def _zip_holds(part: str) -> Callable[[bytes, str], bool]:
    """A ZIP whose central directory names ``part`` (read without inflating anything)."""

    def sniff(data: bytes, name: str) -> bool:
        if not data.startswith(b"PK\x03\x04"):
            return False
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return part in archive.namelist()
        except (zipfile.BadZipFile, OSError, ValueError):
            return False

    return sniff


# Each format's reader is imported when a file of that format comes: reading a DOCX need not
# load pdfplumber and openpyxl (a third of a second on a small machine).


def _docx(data: bytes, name: str, options: ReadOptions) -> Plan:
    from planio.readers.build import build_plan
    from planio.readers.docx import read_docx

    return build_plan(read_docx(data, name, options.limits), name, options.columns)


def _pdf(data: bytes, name: str, options: ReadOptions) -> Plan:
    from planio.readers.build import build_plan
    from planio.readers.pdf import read_pdf

    pdf = read_pdf(data, name, options.limits, options.pdf_engine)
    return build_plan(pdf, name, options.columns)


def _legacy(data: bytes, name: str, options: ReadOptions) -> Plan:
    from planio.readers.legacy import read_legacy

    return read_legacy(data, name, options.limits, options.columns)


def _xlsx(data: bytes, name: str, options: ReadOptions) -> Plan:
    from planio.readers.xlsx import read_workbook_bytes  # a planio workbook's columns are its own

    return read_workbook_bytes(data, name, options.limits)


def _json(data: bytes, name: str, options: ReadOptions) -> Plan:
    from planio.readers.plan_json import read_json

    return read_json(data, name, options.limits)


def _is_json(data: bytes, name: str) -> bool:
    return data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


READERS: list[Reader] = [
    Reader("legacy", lambda data, name: legacy_kind(data) is not None, _legacy),
    Reader("xlsx", _zip_holds("xl/workbook.xml"), _xlsx),
    # any other ZIP is tried as a DOCX, which says what is wrong with it
    Reader("docx", lambda data, name: data.startswith(b"PK\x03\x04"), _docx),
    Reader("pdf", lambda data, name: b"%PDF-" in data[:1024], _pdf),
    Reader("json", _is_json, _json),
]

Source_ = str | os.PathLike[str] | bytes | BinaryIO


def _load(source: Source_, limits: Limits) -> tuple[bytes, str]:
    """The input's bytes and a display name, within the size limit."""
    if isinstance(source, bytes):
        data, name = source, "<bytes>"
    elif isinstance(source, (str, os.PathLike)):
        path = Path(source)
        name = str(source)
        if not path.is_file():
            raise FileMissingError(
                _("no such file") if not path.exists() else _("not a file"), name
            )
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise TooLargeError(
                _("{size} MiB (limit {limit} MiB)").format(
                    size=size // 2**20, limit=limits.max_file_bytes // 2**20
                ),
                name,
            )
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise FileMissingError(
                _("cannot be read ({reason})").format(reason=exc.strerror), name
            ) from None
    else:
        name = str(getattr(source, "name", "<stream>"))
        data = source.read(limits.max_file_bytes + 1)
        if len(data) > limits.max_file_bytes:
            raise TooLargeError(
                _("over the limit of {limit} MiB").format(limit=limits.max_file_bytes // 2**20),
                name,
            )
    if not data:
        raise EmptyFileError(_("the file is empty"), name)
    return data, name


def read(
    source: Source_,
    *,
    limits: Limits = DEFAULT_LIMITS,
    pdf_engine: PdfEngine = "pdfium",
    columns: Columns | None = None,
) -> Plan:
    """Read a plan from a path, bytes or a binary file object, whatever its format.

    ``pdf_engine`` chooses what reads a PDF: "pdfium" (the default, fast) or "pdfplumber"
    (pure Python; also used by "pdfium" for a file PDFium cannot open). ``columns`` says which
    column of the plan table holds what, counted from 1 as a person counts them:
    ``{"title": 2, "executors": 4, "deadline": 3}`` (roles "number", "title", "executors",
    "deadline"); planio finds the rest itself. Raises a :class:`~planio.errors.PlanioError`
    subclass for any bad input (a :class:`~planio.errors.ColumnsError` for a mapping that
    does not fit).
    """
    if pdf_engine not in ENGINES:
        raise ValueError(f"unknown PDF engine {pdf_engine!r} (expected one of {ENGINES})")
    check_columns(columns)
    data, name = _load(source, limits)
    return read_named(data, name, limits=limits, pdf_engine=pdf_engine, columns=columns)


def load(path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """A file's bytes, within the size limit (what :func:`read` would read from ``path``)."""
    return _load(path, limits)[0]


def read_named(
    data: bytes,
    name: str,
    *,
    limits: Limits = DEFAULT_LIMITS,
    pdf_engine: PdfEngine = "pdfium",
    columns: Columns | None = None,
) -> Plan:
    """Read a plan from ``data``, naming it ``name`` in messages and in ``plan.source``.

    For bytes that came from elsewhere (a batch sends a file's bytes to a worker that cannot
    open the file itself), so the plan is the same as if the file had been read by path.
    """
    if not data:
        raise EmptyFileError(_("the file is empty"), name)
    if len(data) > limits.max_file_bytes:
        raise TooLargeError(
            _("over the limit of {limit} MiB").format(limit=limits.max_file_bytes // 2**20), name
        )
    options = ReadOptions(limits, pdf_engine, columns)
    for reader in READERS:
        if reader.sniff(data, name):
            with _collector_paused():
                plan = reader.read(data, name, options)
            if reader.format not in ("json", "xlsx") or plan.source is None:
                kind = legacy_kind(data) if reader.format == "legacy" else reader.format
                plan.source = Source(
                    path=name, format=kind or reader.format, sha256=hashlib.sha256(data).hexdigest()
                )
            return plan
    raise UnsupportedFormatError(
        _(
            "not a format planio reads "
            "(expected DOCX, PDF, DOC, RTF, ODT, a planio workbook or JSON)"
        ),
        name,
    )


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a document is read.

    Reading builds hundreds of thousands of small dicts and lists, none of them in cycles;
    the collector would walk every live object again and again meanwhile (a tenth of a PDF's
    parse in a process holding other data). Reference counting still frees them; the
    collector resumes when the read ends, as it was (a read on another thread may have paused
    it first: only the pause that began it ends it).
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def read_workbook(source: Source_, *, limits: Limits = DEFAULT_LIMITS) -> Plan:
    """Read a tracking workbook written by :func:`planio.write_workbook` back into its plan.

    Statuses, completion dates and notes come from the rows; rows added, deleted or sorted
    by hand are handled and reported in ``warnings``.
    """
    data, name = _load(source, limits)
    if not _zip_holds("xl/workbook.xml")(data, name):
        raise UnsupportedFormatError(_("not an Excel workbook (.xlsx)"), name)
    return _xlsx(data, name, ReadOptions(limits))
