"""Old and other office formats (.doc, .rtf, .odt), read through LibreOffice as DOCX.

Offices still send Word 97–2003 files, RTF and OpenDocument. planio does not parse them
itself: LibreOffice headless converts them to DOCX, and the DOCX reader takes over. Without
LibreOffice the user gets one line saying what to install or to save the file as DOCX.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
import zlib
from collections.abc import Mapping
from pathlib import Path

from planio.i18n import _
from planio.model import Plan
from planio.office import convert
from planio.readers.limits import Limits
from planio.readers.ooxml import check_zip_xml

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODT_MIME = b"application/vnd.oasis.opendocument.text"
_MIME_LIMIT = 100
NAMES = {
    "doc": "a Word 97–2003 document (.doc)",
    "rtf": "an RTF document",
    "odt": "an OpenDocument text (.odt)",
}


def legacy_kind(data: bytes) -> str | None:
    """The kind ("doc", "rtf" or "odt") when the bytes are one of those, else None."""
    if data.startswith(_OLE2):
        return "doc"
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if "mimetype" not in archive.namelist():
                    return None
                info = archive.getinfo("mimetype")
                if info.file_size > _MIME_LIMIT:  # a bomb in disguise; the ZIP check refuses it
                    return None
                with archive.open(info) as part:
                    return "odt" if part.read(_MIME_LIMIT).strip() == _ODT_MIME else None
        except (
            zipfile.BadZipFile,
            zlib.error,
            OSError,
            ValueError,
            KeyError,
            RuntimeError,
            NotImplementedError,
            EOFError,
        ):
            return None
    return None


def read_legacy(
    data: bytes, name: str, limits: Limits, columns: Mapping[str, int] | None = None
) -> Plan:
    kind = legacy_kind(data) or "doc"
    if kind == "odt":  # a ZIP of XML parts: the same bomb and entity checks as a DOCX
        check_zip_xml(data, name, "content.xml", limits, _("an OpenDocument text"))
    why = _("{name} is read through LibreOffice (or save it as DOCX)").format(name=NAMES[kind])
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"input.{kind}"
        source.write_bytes(data)
        converted = convert(source, "docx", Path(folder), why)
        from planio.readers.build import build_plan  # python-docx loads when a file needs it
        from planio.readers.docx import read_docx

        return build_plan(read_docx(converted.read_bytes(), name, limits), name, columns)
