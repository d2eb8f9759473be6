"""A corpus of bad inputs, each built as real bytes: what planio receives by e-mail."""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
from PIL import Image

from docx_factory import make_plan_docx
from office import convert

SEED = Path(__file__).resolve().parent.parent / "samples" / "plan-2021-2022.docx"


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _rezip(source: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    """A copy of a ZIP package with its parts changed (None drops a part)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(source)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            data = change(info.filename, src.read(info))
            if data is not None:
                dst.writestr(info.filename, data)
    return out.getvalue()


def empty(d: Path) -> Path:
    return _write(d / "empty.docx", b"")


def random_docx(d: Path) -> Path:
    return _write(d / "random.docx", random.Random(1).randbytes(50_000))


def random_pdf(d: Path) -> Path:
    return _write(d / "random.pdf", random.Random(2).randbytes(50_000))


def zip_not_docx(d: Path) -> Path:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("photos/cat.jpg", b"\xff\xd8\xff" + bytes(100))
    return _write(d / "archive.docx", out.getvalue())


def docx_without_document(d: Path) -> Path:
    data = _rezip(SEED.read_bytes(), lambda n, b: None if n == "word/document.xml" else b)
    return _write(d / "no-document.docx", data)


def truncated_docx(d: Path) -> Path:
    return _write(d / "truncated.docx", SEED.read_bytes()[:5000])


def truncated_pdf(d: Path) -> Path:
    return _write(d / "truncated.pdf", SEED.with_suffix(".pdf").read_bytes()[:4000])


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"""


def billion_laughs(d: Path) -> Path:
    data = _rezip(SEED.read_bytes(), lambda n, b: BILLION_LAUGHS if n == "word/document.xml" else b)
    return _write(d / "laughs.docx", data)


#: a comment longer than any "look at the first kilobytes" check, before the DOCTYPE
LONG_COMMENT = b"<!--" + b" padding " * 700 + b"-->\n"
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:body></w:document>"""
#: one 50 KB entity used 50,000 times: 2.5 GB of text, no nesting needed
QUADRATIC = (
    b'<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY a "'
    + b"a" * 50_000
    + b'">]>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    + b"<w:body><w:p><w:r><w:t>"
    + b"&a;" * 50_000
    + b"</w:t></w:r></w:p></w:body></w:document>"
)


def _after_prolog(xml: bytes, insert: bytes) -> bytes:
    """``insert`` put right after the XML declaration of ``xml`` (or first, if it has none)."""
    end = xml.index(b"?>") + 2 if xml.startswith(b"<?xml") else 0
    return xml[:end] + b"\n" + insert + xml[end:]


def late_doctype_docx(d: Path) -> Path:
    laughs = _after_prolog(BILLION_LAUGHS, LONG_COMMENT)
    data = _rezip(SEED.read_bytes(), lambda n, b: laughs if n == "word/document.xml" else b)
    return _write(d / "late-doctype.docx", data)


def external_entity_docx(d: Path) -> Path:
    data = _rezip(
        SEED.read_bytes(), lambda n, b: EXTERNAL_ENTITY if n == "word/document.xml" else b
    )
    return _write(d / "external.docx", data)


def quadratic_docx(d: Path) -> Path:
    data = _rezip(SEED.read_bytes(), lambda n, b: QUADRATIC if n == "word/document.xml" else b)
    return _write(d / "quadratic.docx", data)


def _workbook(d: Path) -> bytes:
    import planio

    return planio.write_workbook(planio.read(SEED), d / "good.xlsx").read_bytes()


def _sheet_with(d: Path, name: str, doctype: bytes) -> Path:
    """A planio workbook whose «План» sheet declares ``doctype`` after a long comment."""

    def change(part: str, data: bytes) -> bytes:
        if part != "xl/worksheets/sheet1.xml":
            return data
        return _after_prolog(data, LONG_COMMENT + doctype)

    return _write(d / name, _rezip(_workbook(d), change))


def late_doctype_xlsx(d: Path) -> Path:
    laughs = b'<!DOCTYPE worksheet [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\n'
    return _sheet_with(d, "late-doctype.xlsx", laughs)


def external_entity_xlsx(d: Path) -> Path:
    entity = b'<!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
    return _sheet_with(d, "external.xlsx", entity)


def quadratic_xlsx(d: Path) -> Path:
    entity = b'<!DOCTYPE worksheet [<!ENTITY a "' + b"a" * 50_000 + b'">]>\n'
    return _sheet_with(d, "quadratic.xlsx", entity)


def _odt(d: Path, name: str, content: bytes) -> Path:
    """An OpenDocument text (the mimetype first and stored, as the format requires)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        archive.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest='
            '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type='
            '"application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path='
            '"content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
        )
        archive.writestr("content.xml", content)
    return _write(d / name, out.getvalue())


ODT_BODY = (
    b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    b' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    b"<office:body><office:text><text:p>&x;</text:p></office:text></office:body>"
    b"</office:document-content>"
)


def late_doctype_odt(d: Path) -> Path:
    doctype = b'<!DOCTYPE office:document-content [<!ENTITY x "lol">]>\n'
    return _odt(
        d, "late-doctype.odt", b'<?xml version="1.0"?>\n' + LONG_COMMENT + doctype + ODT_BODY
    )


def external_entity_odt(d: Path) -> Path:
    doctype = b'<!DOCTYPE office:document-content [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
    return _odt(d, "external.odt", b'<?xml version="1.0"?>\n' + doctype + ODT_BODY)


def quadratic_odt(d: Path) -> Path:
    doctype = b'<!DOCTYPE office:document-content [<!ENTITY x "' + b"a" * 50_000 + b'">]>\n'
    body = ODT_BODY.replace(b"&x;", b"&x;" * 50_000)
    return _odt(d, "quadratic.odt", b'<?xml version="1.0"?>\n' + doctype + body)


def zip_bomb(d: Path) -> Path:
    """A DOCX whose parts inflate to far more than any plan: 400 MiB from a few hundred KiB."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(SEED.read_bytes())) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst,
    ):
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
        with dst.open("word/media/padding.bin", "w", force_zip64=True) as padding:
            chunk = bytes(4 * 2**20)
            for _ in range(100):
                padding.write(chunk)
    return _write(d / "bomb.docx", out.getvalue())


def encrypted_pdf(d: Path) -> Path:
    options = (
        'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
        '"DocumentOpenPassword":{"type":"string","value":"secret"}}'
    )
    source = make_plan_docx(d / "locked.docx", [("1", "А", "Б", "май")])
    return convert(source, d, options)


def scanned_pdf(d: Path) -> Path:
    path = d / "scan.pdf"
    Image.new("RGB", (1240, 1754), "white").save(path, resolution=150)
    return path


def crowded_pdf(d: Path) -> Path:
    """One page holding 150,000 characters in a 1-point font (a plan's page holds thousands)."""
    lines = b" ".join(b"(%s) Tj 0 -2 Td" % (b"a" * 30_000) for _ in range(5))
    stream = b"BT /F1 1 Tf 10 800 Td " + lines + b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return _write(d / "crowded.pdf", bytes(out))


def docx_without_plan_table(d: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Служебная записка о проведении совещания")
    document.save(str(d / "memo.docx"))
    return d / "memo.docx"


def table_without_header(d: Path) -> Path:
    return make_plan_docx(
        d / "no-header.docx",
        [("1", "Совещание", "Директор", "май"), ("2", "Отчёт", "Завуч", "июнь")],
        header=("Колонка 1", "Колонка 2", "Колонка 3", "Колонка 4"),
    )


#: name → (builder, the error class name, words the one line must hold)
CORPUS: dict[str, tuple[Callable[[Path], Path], str, str]] = {
    "empty": (empty, "EmptyFileError", "empty"),
    "random-docx": (random_docx, "UnsupportedFormatError", "not a format"),
    "random-pdf": (random_pdf, "UnsupportedFormatError", "not a format"),
    "zip-not-docx": (zip_not_docx, "UnsupportedFormatError", "not a Word document"),
    "docx-without-document": (docx_without_document, "UnsupportedFormatError", "document.xml"),
    "truncated-docx": (truncated_docx, "CorruptFileError", "not a readable ZIP"),
    "truncated-pdf": (truncated_pdf, "CorruptFileError", "not a readable PDF"),
    "crowded-pdf": (crowded_pdf, "TooLargeError", "characters (limit 100000)"),
    "billion-laughs": (billion_laughs, "CorruptFileError", "DOCTYPE"),
    "late-doctype-docx": (late_doctype_docx, "CorruptFileError", "DOCTYPE"),
    "external-entity-docx": (external_entity_docx, "CorruptFileError", "DOCTYPE"),
    "quadratic-docx": (quadratic_docx, "CorruptFileError", "DOCTYPE"),
    "late-doctype-xlsx": (late_doctype_xlsx, "CorruptFileError", "DOCTYPE"),
    "external-entity-xlsx": (external_entity_xlsx, "CorruptFileError", "DOCTYPE"),
    "quadratic-xlsx": (quadratic_xlsx, "CorruptFileError", "DOCTYPE"),
    "late-doctype-odt": (late_doctype_odt, "CorruptFileError", "DOCTYPE"),
    "external-entity-odt": (external_entity_odt, "CorruptFileError", "DOCTYPE"),
    "quadratic-odt": (quadratic_odt, "CorruptFileError", "DOCTYPE"),
    "zip-bomb": (zip_bomb, "TooLargeError", "inflates to"),
    "encrypted-pdf": (encrypted_pdf, "CorruptFileError", "password-protected"),
    "scanned-pdf": (scanned_pdf, "ScannedDocumentError", "no text layer"),
    "docx-without-plan-table": (docx_without_plan_table, "NoPlanError", "no plan table"),
    "table-without-header": (table_without_header, "NoPlanError", "no plan table"),
}
