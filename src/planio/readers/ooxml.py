"""Safety checks for ZIP-based office files, done before any XML parser sees them.

A DOCX is a ZIP of XML parts, so a hostile one can be a zip bomb or carry a DOCTYPE with
entity expansion ("billion laughs"). We read the ZIP directory, refuse what inflates past a
limit, and refuse any part that declares a DOCTYPE (no legitimate OOXML part does).
"""

from __future__ import annotations

import io
import zipfile
import zlib

from planio.errors import CorruptFileError, TooLargeError, UnsupportedFormatError
from planio.i18n import _
from planio.readers.limits import Limits

_PROLOG_BYTES = 4096


def check_ooxml(data: bytes, name: str, main_part: str, limits: Limits) -> None:
    """Raise a :class:`PlanioError` unless ``data`` is a sane OOXML package with ``main_part``."""
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
                _("a ZIP file without {part}: not a Word document").format(part=main_part), name
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
            if not info.filename.endswith((".xml", ".rels")):
                continue
            try:
                with archive.open(info) as part:
                    prolog = part.read(_PROLOG_BYTES)
            except (
                zipfile.BadZipFile,
                zlib.error,
                OSError,
                ValueError,
                EOFError,
                NotImplementedError,
                RuntimeError,  # an encrypted entry
            ) as exc:
                raise CorruptFileError(
                    _("broken part {part} ({reason})").format(part=info.filename, reason=exc), name
                ) from None
            if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
                raise CorruptFileError(
                    _("part {part} declares a DOCTYPE/entities; refused as unsafe").format(
                        part=info.filename
                    ),
                    name,
                )
