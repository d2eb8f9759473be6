"""Guards that nothing else would notice missing: each test here fails when its guard goes.

- the formula guard of the CSV files planio writes (the extracts' ``index.csv``, a batch's
  ``report.csv``): a name like «=HYPERLINK(…)» or «+cmd» must stay text, read raw and as
  LibreOffice Calc opens it;
- the removal of the electronic-signature mark from a plan read back: the mark is part of the
  approval stamp, so none of its lines may leak into the title, the warnings or the events.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

import planio

from office import convert, csv_as_opened

SEED = Path(__file__).resolve().parent.parent / "samples" / "plan-2021-2022.docx"
HOSTILE_NAMES = ('=HYPERLINK("http://evil.example/?x";"Нажмите")', "+cmd|' /C calc'!A0", "@SUM(1)")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _raw_cells(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


def _assert_no_formula(path: Path, tmp_path: Path, hostile: tuple[str, ...]) -> None:
    raw = _raw_cells(path)
    cells = [cell for row in raw for cell in row]
    for name in hostile:  # each name is there, as text
        assert any(cell.endswith(name) for cell in cells), name
    assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)]
    opened = csv_as_opened(path, tmp_path / "calc")
    assert len(opened) == len(raw)
    formulas = [value for row in opened for value, kind in row if kind == "f"]
    assert formulas == []
    texts = [str(value) for row in opened for value, _ in row if value is not None]
    for name in hostile:
        assert any(name.split(";")[0] in text for text in texts), name


def test_extract_index_keeps_formula_like_executors_as_text(tmp_path: Path) -> None:
    plan = planio.read(SEED)
    first = plan.items()[0]
    first.executors = [*first.executors, *HOSTILE_NAMES]
    written = planio.write_extracts(plan, tmp_path / "ex", executors=HOSTILE_NAMES)
    assert len(written) == len(HOSTILE_NAMES)
    _assert_no_formula(tmp_path / "ex" / "index.csv", tmp_path, HOSTILE_NAMES)


def test_batch_report_keeps_formula_like_file_names_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    names = ('=HYPERLINK("evil.example";"x").docx', "+cmd.docx", "-1+2.pdf", "@SUM(1).txt")
    for name in names:
        (inbox / name).write_bytes(b"PK\x03\x04 not really a zip: " + name.encode())
    monkeypatch.chdir(inbox)  # relative paths: the report's cells start with the names
    batch = planio.convert_many(["."], out_dir=tmp_path / "out", formats=["json"])
    assert len(batch.failed) == len(names) - 1 and len(batch.skipped) == 1
    assert batch.report == tmp_path / "out" / "report.csv"
    _assert_no_formula(batch.report, tmp_path, names)


MARK_TEXTS = ("ПОДПИСАН", "Сертификат", "Владелец", "Действителен", "7A3F", "Новикова")


@pytest.mark.parametrize("via_pdf", [False, True], ids=["docx", "pdf"])
def test_the_esign_mark_does_not_leak_into_a_plan_read_back(tmp_path: Path, via_pdf: bool) -> None:
    plan = planio.read(SEED)
    signed = planio.render_plan(
        plan,
        tmp_path / "signed.docx",
        approver_name="Е.В. Новикова",
        approver_position="Директор",
        approval_date=date(2021, 9, 1),
        certificate=planio.Certificate(
            number="7A3F 0012 BC45 9900",
            owner="Новикова Елена Викторовна",
            valid_from=date(2021, 3, 1),
            valid_to=date(2022, 6, 1),
        ),
    )
    source = convert(signed, tmp_path) if via_pdf else signed
    if via_pdf:  # the mark is really in the PDF, as lines of text
        import pdfplumber

        with pdfplumber.open(source) as pdf:
            text = pdf.pages[0].extract_text()
        assert "ПОДПИСАН" in text and "7A3F 0012 BC45 9900" in text
    back = planio.read(source)
    assert back.sections == plan.sections
    assert back.title == plan.title
    assert back.approval is not None and back.approval.name == "Е.В. Новикова"
    leaked = [
        text
        for text in (back.title, *back.warnings, *(i.title for i in back.items()))
        if any(mark.casefold() in text.casefold() for mark in MARK_TEXTS)
    ]
    assert leaked == []
    approval = back.approval.model_dump_json()
    assert "7A3F" not in approval and "Сертификат" not in approval
