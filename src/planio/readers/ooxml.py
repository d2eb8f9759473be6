"""Safety checks for ZIP-based office files (DOCX, XLSX, ODT), done before any XML parser sees them.

A DOCX is a ZIP of XML parts, so a hostile one can be a zip bomb or carry a DOCTYPE with
entity expansion ("billion laughs", quadratic blowup) or external entities. We read the ZIP
directory, refuse what inflates past a limit, and run every XML part through expat up to its
root element, refusing a DOCTYPE, an entity or a notation declaration wherever it stands
before the root (the only place XML allows one; no legitimate office part has any). Looking
only at the first kilobytes is not enough: a DOCTYPE may follow a long comment. openpyxl
parses through defusedxml as well (a dependency of planio), so a workbook has two guards.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import IO, Any, NoReturn
from xml.parsers import expat

from planio.errors import CorruptFileError, TooLargeError, UnsupportedFormatError
from planio.i18n import _
from planio.readers.limits import Limits

_CHUNK = 64 * 1024
#: what an XML part starts with (after whitespace): "<", or a UTF-8/UTF-16 byte-order mark
_XML_STARTS = (b"<", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00<")
_READ_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    OSError,
    ValueError,
    EOFError,
    NotImplementedError,
    RuntimeError,  # an encrypted entry
)


class _Unsafe(Exception):
    """A declaration no office part may hold."""


class _RootReached(Exception):
    """The root element started: nothing unsafe can come after it."""


def _refuse(*_: Any) -> NoReturn:
    raise _Unsafe


def _reached(*_: Any) -> NoReturn:
    raise _RootReached


def _prolog_is_safe(part: IO[bytes]) -> bool:
    """Parse ``part`` up to its root element; False if a DOCTYPE or declaration comes first.

    Raises ``expat.ExpatError`` when the prolog is not well-formed XML.
    """
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.UnparsedEntityDeclHandler = _refuse
    parser.NotationDeclHandler = _refuse
    parser.ExternalEntityRefHandler = _refuse
    parser.StartElementHandler = _reached
    try:
        while chunk := part.read(_CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _Unsafe:
        return False
    except _RootReached:
        return True
    return True  # an empty part: python-docx or openpyxl says what is wrong with it


def _looks_like_xml(filename: str, head: bytes) -> bool:
    return filename.endswith((".xml", ".rels")) or head.lstrip(b" \t\r\n").startswith(_XML_STARTS)


def check_zip_xml(data: bytes, name: str, main_part: str, limits: Limits, what: str) -> None:
    """Raise a :class:`PlanioError` unless ``data`` is a sane ZIP package holding ``main_part``.

    ``what`` names the kind of document for the message when ``main_part`` is missing.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise CorruptFileError(
            _("not a readable ZIP/OOXML file ({reason})").format(reason=exc), name
        ) from None
    with archive:
        infos = archive.infolist()
        names = {info.filename for info in infos}
        if main_part not in names:
            raise UnsupportedFormatError(
                _("a ZIP file without {part}: not {what}").format(part=main_part, what=what), name
            )
        if len(infos) > limits.max_parts:
            raise TooLargeError(
                _("{count} parts in the package (limit {limit})").format(
                    count=len(infos), limit=limits.max_parts
                ),
                name,
            )
        inflated = sum(info.file_size for info in infos)
        if inflated > limits.max_inflated_bytes:
            limit = limits.max_inflated_bytes // 2**20
            raise TooLargeError(
                _("inflates to {size} MiB (limit {limit} MiB)").format(
                    size=inflated // 2**20, limit=limit
                ),
                name,
            )
        for info in infos:
            _check_part(archive, info, name)


def _check_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    """Refuse a part that declares a DOCTYPE or entities before its root element."""
    if info.is_dir():
        return
    try:
        with archive.open(info) as part:
            if not _looks_like_xml(info.filename, part.read(16)):
                return
        with archive.open(info) as part:
            safe = _prolog_is_safe(part)
    except _READ_ERRORS as exc:
        raise CorruptFileError(
            _("broken part {part} ({reason})").format(part=info.filename, reason=exc), name
        ) from None
    except expat.ExpatError as exc:
        raise CorruptFileError(
            _("part {part} is not well-formed XML ({reason})").format(
                part=info.filename, reason=expat.errors.messages[exc.code]
            ),
            name,
        ) from None
    if not safe:
        raise CorruptFileError(
            _("part {part} declares a DOCTYPE/entities; refused as unsafe").format(
                part=info.filename
            ),
            name,
        )


def check_ooxml(data: bytes, name: str, main_part: str, limits: Limits) -> None:
    """Raise a :class:`PlanioError` unless ``data`` is a sane OOXML package with ``main_part``."""
    check_zip_xml(data, name, main_part, limits, _("a Word document"))
