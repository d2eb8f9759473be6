"""The command line, run as a user runs it: a real subprocess, real files."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from PIL import Image

from docx_factory import make_plan_docx
from office import convert
from planio_cli import run_planio

#: these tests name errors by their English words (the Russian ones: test_cli_secretary.py)
pytestmark = pytest.mark.usefixtures("english")

run = run_planio


def test_parse_prints_json(tmp_path: Path) -> None:
    path = make_plan_docx(tmp_path / "p.docx", [("1", "Совещание", "Директор", "май")])
    result = run("parse", path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema_version"] == 2
    assert data["sections"][0]["items"][0]["deadline"]["start"] == "2022-05-01"


def test_parse_writes_out_file(tmp_path: Path) -> None:
    path = make_plan_docx(tmp_path / "p.docx", [("1", "Совещание", "Директор", "май")])
    out = tmp_path / "p.json"
    result = run("parse", path, "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"written: {out}\n"
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == "План работы на 2022 год"


def test_schema_is_the_models_json_schema() -> None:
    result = run("schema")
    assert result.returncode == 0, result.stderr
    schema = json.loads(result.stdout)
    assert schema["title"] == "Plan"
    assert {"title", "period", "approval", "columns", "sections", "warnings"} <= set(
        schema["properties"]
    )
    assert set(schema["$defs"]["Deadline"]["properties"]["kind"]["enum"]) == {
        "date",
        "due",
        "period",
        "recurring",
        "continuous",
        "as_needed",
        "unknown",
    }


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _zip_without_document(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("hello.txt", "hi")
    return path


def _no_table(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Служебная записка")
    document.save(str(path))
    return path


def _truncated(path: Path) -> Path:
    full = make_plan_docx(path.with_name("full.docx"), [("1", "А", "Б", "май")])
    return _write(path, full.read_bytes()[:900])


def _memo_pdf(path: Path) -> Path:
    return convert(_no_table(path.with_suffix(".docx")), path.parent)


def _encrypted_pdf(path: Path) -> Path:
    options = (
        'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
        '"DocumentOpenPassword":{"type":"string","value":"secret"}}'
    )
    docx_path = make_plan_docx(path.with_suffix(".docx"), [("1", "А", "Б", "май")])
    return convert(docx_path, path.parent, options)


def _scanned_pdf(path: Path) -> Path:
    Image.new("RGB", (600, 800), "white").save(path)
    return path


def _truncated_pdf(path: Path) -> Path:
    full = convert(
        make_plan_docx(path.with_name("whole.docx"), [("1", "А", "Б", "май")]), path.parent
    )
    return _write(path, full.read_bytes()[:3000])


BAD_FILES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "missing": (lambda d: d / "nope.docx", "no such file"),
    "empty": (lambda d: _write(d / "empty.docx", b""), "the file is empty"),
    "text": (
        lambda d: _write(d / "text.docx", "просто текст".encode()),
        "not a format planio reads",
    ),
    "zip": (lambda d: _zip_without_document(d / "zip.docx"), "not a Word document"),
    "no-table": (lambda d: _no_table(d / "memo.docx"), "no plan table"),
    "truncated": (lambda d: _truncated(d / "cut.docx"), "not a readable ZIP"),
    "pdf-random": (lambda d: _write(d / "noise.pdf", bytes(range(256)) * 8), "not a format"),
    "pdf-truncated": (lambda d: _truncated_pdf(d / "cut.pdf"), "not a readable PDF"),
    "pdf-encrypted": (lambda d: _encrypted_pdf(d / "locked.pdf"), "password-protected"),
    "pdf-scanned": (lambda d: _scanned_pdf(d / "scan.pdf"), "no text layer"),
    "pdf-no-table": (lambda d: _memo_pdf(d / "memo.pdf"), "no plan table"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_file_gives_one_line_and_exit_2(tmp_path: Path, case: str) -> None:
    make, message = BAD_FILES[case]
    path = make(tmp_path)
    result = run("parse", path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0]
    assert message in lines[0]
    assert "Traceback" not in result.stderr


def test_pdf_with_only_an_owner_password_opens(tmp_path: Path) -> None:
    """Encrypted with an empty open password (print/copy restrictions only): readable."""
    options = (
        'pdf:writer_pdf_Export:{"RestrictPermissions":{"type":"boolean","value":"true"},'
        '"PermissionPassword":{"type":"string","value":"owner"}}'
    )
    source = make_plan_docx(tmp_path / "restricted.docx", [("1", "Совещание", "Директор", "май")])
    result = run("parse", convert(source, tmp_path, options))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["sections"][0]["items"][0]["title"] == "Совещание"
