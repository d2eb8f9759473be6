"""Readers: every input format to one :class:`~planio.model.Plan`.

Each format is one entry in :data:`READERS`: a name, a test on the file's first bytes (formats
are recognised by content, not by the file name) and a function from bytes to a plan. Grid
formats (DOCX, PDF) produce a raw grid and share :func:`~planio.readers.build.build_plan`.
Adding a format is adding one module and one entry here.
"""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from collections.abc import Callable
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
from planio.readers.legacy import legacy_kind, read_legacy
from planio.readers.limits import DEFAULT_LIMITS, Limits


@dataclass(frozen=True, slots=True)
class Reader:
    format: str
    #: "is this mine?", from the file's bytes (and name, for messages only)
    sniff: Callable[[bytes, str], bool]
    read: Callable[[bytes, str, Limits], Plan]


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


def _docx(data: bytes, name: str, limits: Limits) -> Plan:
    from planio.readers.build import build_plan
    from planio.readers.docx import read_docx

    return build_plan(read_docx(data, name, limits), name)


def _pdf(data: bytes, name: str, limits: Limits) -> Plan:
    from planio.readers.build import build_plan
    from planio.readers.pdf import read_pdf

    return build_plan(read_pdf(data, name, limits), name)


def _xlsx(data: bytes, name: str, limits: Limits) -> Plan:
    from planio.readers.xlsx import read_workbook_bytes

    return read_workbook_bytes(data, name, limits)


def _json(data: bytes, name: str, limits: Limits) -> Plan:
    from planio.readers.plan_json import read_json

    return read_json(data, name, limits)


def _is_json(data: bytes, name: str) -> bool:
    return data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


READERS: list[Reader] = [
    Reader("legacy", lambda data, name: legacy_kind(data) is not None, read_legacy),
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


def read(source: Source_, *, limits: Limits = DEFAULT_LIMITS) -> Plan:
    """Read a plan from a path, bytes or a binary file object, whatever its format.

    Raises a :class:`~planio.errors.PlanioError` subclass for any bad input.
    """
    data, name = _load(source, limits)
    for reader in READERS:
        if reader.sniff(data, name):
            plan = reader.read(data, name, limits)
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


def read_workbook(source: Source_, *, limits: Limits = DEFAULT_LIMITS) -> Plan:
    """Read a tracking workbook written by :func:`planio.write_workbook` back into its plan.

    Statuses, completion dates and notes come from the rows; rows added, deleted or sorted
    by hand are handled and reported in ``warnings``.
    """
    data, name = _load(source, limits)
    if not _zip_holds("xl/workbook.xml")(data, name):
        raise UnsupportedFormatError(_("not an Excel workbook (.xlsx)"), name)
    return _xlsx(data, name, limits)
