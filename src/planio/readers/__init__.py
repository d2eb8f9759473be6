"""Readers: every input format to one :class:`~planio.model.Plan`.

Each format is one entry in :data:`READERS`: a name, a test on the file's first bytes (formats
are recognised by content, not by the file name) and a function from bytes to a plan. Grid
formats (DOCX, PDF) produce a raw grid and share :func:`~planio.readers.build.build_plan`.
Adding a format is adding one module and one entry here.
"""

from __future__ import annotations

import hashlib
import os
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
from planio.model import Plan, Source
from planio.readers.build import build_plan
from planio.readers.docx import read_docx
from planio.readers.limits import DEFAULT_LIMITS, Limits
from planio.readers.pdf import read_pdf
from planio.readers.plan_json import read_json


@dataclass(frozen=True, slots=True)
class Reader:
    format: str
    sniff: Callable[[bytes, str], bool]
    read: Callable[[bytes, str, Limits], Plan]


def _docx(data: bytes, name: str, limits: Limits) -> Plan:
    return build_plan(read_docx(data, name, limits), name)


def _pdf(data: bytes, name: str, limits: Limits) -> Plan:
    return build_plan(read_pdf(data, name, limits), name)


def _is_json(head: bytes, name: str) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


READERS: list[Reader] = [
    Reader("docx", lambda head, name: head.startswith(b"PK\x03\x04"), _docx),
    Reader("pdf", lambda head, name: b"%PDF-" in head[:1024], _pdf),
    Reader("json", _is_json, read_json),
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
            raise FileMissingError("no such file" if not path.exists() else "not a file", name)
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise TooLargeError(
                f"{size // 2**20} MiB (limit {limits.max_file_bytes // 2**20} MiB)", name
            )
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise FileMissingError(f"cannot be read ({exc.strerror})", name) from None
    else:
        name = str(getattr(source, "name", "<stream>"))
        data = source.read(limits.max_file_bytes + 1)
        if len(data) > limits.max_file_bytes:
            raise TooLargeError(f"over the limit of {limits.max_file_bytes // 2**20} MiB", name)
    if not data:
        raise EmptyFileError("the file is empty", name)
    return data, name


def read(source: Source_, *, limits: Limits = DEFAULT_LIMITS) -> Plan:
    """Read a plan from a path, bytes or a binary file object, whatever its format.

    Raises a :class:`~planio.errors.PlanioError` subclass for any bad input.
    """
    data, name = _load(source, limits)
    head = data[:1024]
    for reader in READERS:
        if reader.sniff(head, name):
            plan = reader.read(data, name, limits)
            if reader.format != "json" or plan.source is None:
                plan.source = Source(
                    path=name, format=reader.format, sha256=hashlib.sha256(data).hexdigest()
                )
            return plan
    raise UnsupportedFormatError(
        "not a format planio reads (expected a DOCX, PDF or planio JSON file)", name
    )
