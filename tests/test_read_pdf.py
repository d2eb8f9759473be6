"""The PDF reader gives the same plan as the DOCX the PDF was exported from."""

from __future__ import annotations

from pathlib import Path

import docx
import pdfplumber
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

import planio
from planio.readers.grid import join_lines
from planio.readers.pdf_text import cell_paras

from generate import events, make_plan_docx, section_heading
from office import convert, pdf_pages
from producers import hanging, scanned

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
PDFS = sorted(SAMPLES.glob("*.pdf"))


def without_source(plan: planio.Plan) -> dict[str, object]:
    return plan.model_dump(exclude={"source"})


def test_every_sample_docx_has_its_pdf() -> None:
    assert {p.stem for p in PDFS} == {d.stem for d in SAMPLES.glob("*.docx")}


@pytest.mark.parametrize("pdf", PDFS, ids=[p.stem for p in PDFS])
def test_pdf_parses_like_its_docx(pdf: Path) -> None:
    from_pdf = planio.read(pdf)
    from_docx = planio.read(pdf.with_suffix(".docx"))
    assert from_pdf.source is not None and from_pdf.source.format == "pdf"
    assert without_source(from_pdf) == without_source(from_docx)


def test_samples_include_long_and_unruled_pdfs() -> None:
    assert sum(1 for pdf in PDFS if pdf_pages(pdf) >= 3) >= 2
    unruled = SAMPLES / "plan-unruled.pdf"
    with pdfplumber.open(unruled) as document:
        assert all(not page.lines and not page.find_tables() for page in document.pages)


def test_seed_pdf_joins_the_row_cut_by_the_page_break() -> None:
    plan = planio.read(SAMPLES / "plan-2021-2022.pdf")
    item = {i.number: i for i in plan.items()}["2.4"]
    assert item.title.endswith("(ДЭ), чемпионатов Ворлдскиллс Россия")
    assert item.executors == ["Руководители ПОО", "представители кластера"]


def test_generated_multi_page_plan_reads_back_exactly(tmp_path: Path) -> None:
    """A 60-event plan over several pages: headers dropped, cut rows joined, nothing lost."""
    pdf = convert(make_plan_docx(tmp_path / "plan.docx", 60), tmp_path)
    assert pdf_pages(pdf) >= 3
    plan = planio.read(pdf)
    expected = events(60)
    assert [(i.number, i.title, i.executors, i.deadline.text) for i in plan.items()] == [
        (number, title, executors, deadline) for number, title, executors, deadline in expected
    ]
    assert [s.heading for s in plan.sections] == [section_heading(n) for n in (1, 2, 3)]
    assert plan.warnings == []


def test_numbers_wider_than_their_column_and_cut_rows(tmp_path: Path) -> None:
    """ "100.17" wraps to "100.1" / "7" in a narrow column, and a row cut mid-number too."""
    source = make_plan_docx(tmp_path / "plan.docx", 60, first_section=100)
    plan = planio.read(convert(source, tmp_path))
    expected = events(60, first_section=100)
    assert [(i.number, i.title, i.executors, i.deadline.text) for i in plan.items()] == [
        (number, title, executors, deadline) for number, title, executors, deadline in expected
    ]
    assert plan.warnings == []


def test_list_numbers_hung_out_of_the_table_are_their_rows(tmp_path: Path) -> None:
    """Word draws a number whose hanging indent is deeper than its indent left of the cell,
    across the table's border: it is still its row's; text far out in the margin is not
    taken into the table, but kept in the warnings."""
    seed = SAMPLES / "plan-2021-2022.pdf"
    docx_numbers = [i.number for i in planio.read(seed.with_suffix(".docx")).items()]
    near = planio.read(hanging(seed, tmp_path / "near", gap=3.0))
    assert [i.number for i in near.items()] == docx_numbers
    assert near.warnings == []
    far = planio.read(hanging(seed, tmp_path / "far", gap=60.0))
    assert [i.number for i in far.items()] == [""] * len(docx_numbers)
    assert [i.title for i in far.items()] == [i.title for i in near.items()]
    kept = " ".join(w.text for w in far.warnings)
    assert all(number in kept for number in docx_numbers)


def _word(text: str, x0: float, x1: float, top: float) -> dict[str, object]:
    return {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": top + 10, "size": 10}


@pytest.mark.parametrize(
    ("first", "second", "read"),
    [
        ("Индивидуал", "ьные консультации", "Индивидуальные консультации"),
        ("Профессиональн", "ый стандарт", "Профессиональный стандарт"),
        ("Учебн", "ые планы", "Учебные планы"),
        ("ИНДИВИДУАЛ", "ЬНЫЕ", "ИНДИВИДУАЛЬНЫЕ"),
        ("Большой", "дом культуры", "Большой дом культуры"),
        ("пункт 1.", "ы", "пункт 1. ы"),
    ],
)
def test_a_line_no_word_can_start_goes_on_from_a_cut_word(
    first: str, second: str, read: str
) -> None:
    """LibreOffice cuts a word too long for a narrow column anywhere: a line starting with
    «ь», «ъ» or «ы» is the rest of the word above, whatever its length."""
    words = [_word(first, 0, 50, 0), _word(second, 0, 40, 12)]
    assert [p.text for p in cell_paras(words, 200)] == [read]


def _framed_agreement(path: Path) -> Path:
    """A stamp beside a «СОГЛАСОВАНО» block drawn as two framed boxes (a ruled table of two
    rows), the stamp's text indented well away from the frames; then a plan."""
    document = docx.Document()
    layout = document.add_table(rows=2, cols=2)
    texts = [
        ("СОГЛАСОВАНО", "УТВЕРЖДАЮ"),
        ("Председатель профкома ______ А.А. Петров", "Директор колледжа ______ И.И. Иванов"),
    ]
    for row, (left, right) in zip(layout.rows, texts, strict=True):
        row.cells[0].text, row.cells[1].text = left, right
        row.cells[1].paragraphs[0].paragraph_format.left_indent = Cm(3)
        borders = OxmlElement("w:tcBorders")
        for side in ("top", "left", "bottom", "right"):
            line = OxmlElement(f"w:{side}")
            line.set(qn("w:val"), "single")
            line.set(qn("w:sz"), "4")
            borders.append(line)
        row.cells[0]._tc.get_or_add_tcPr().append(borders)
    document.add_paragraph("")
    document.add_paragraph("План работы колледжа на 2022 год")
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    header = ("№", "Мероприятие", "Ответственный", "Срок")
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for number in range(1, 6):
        values = (str(number), f"Совещание номер {number}", "Директор", "май")
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
    document.save(str(path))
    return path


def test_a_stamp_beside_a_small_framed_block_is_the_stamp(tmp_path: Path) -> None:
    """Text level with a plan table's rows but beside it is a warning; level with a framed
    block of a row or two, it is the page's own text: here the approval stamp."""
    plan = planio.read(convert(_framed_agreement(tmp_path / "framed.docx"), tmp_path))
    assert plan.approval is not None and plan.approval.heading == "УТВЕРЖДАЮ"
    assert "И.И. Иванов" in plan.approval.name
    assert not [w for w in plan.warnings if w.code == "pdf_text_beside_table"]
    assert [i.title for i in plan.items()] == [f"Совещание номер {n}" for n in range(1, 6)]


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
@pytest.mark.parametrize("sample", ["plan-2021-2022", "plan-half-years-merged-cells"])
def test_a_scan_lying_a_little_askew_reads_the_same(
    tmp_path: Path, sample: str, engine: str
) -> None:
    """A searchable scan turned 0.3 degrees: each ruling in the picture is a staircase of
    pieces, which join into one line again (and do not look like a table cut open: every
    column line steps aside at the same heights)."""
    pdf = SAMPLES / f"{sample}.pdf"
    expected = without_source(planio.read(pdf.with_suffix(".docx")))
    turned = scanned(pdf, tmp_path, turn=0.3)
    assert without_source(planio.read(turned, pdf_engine=engine)) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("Организация работы по", "расширению", "Организация работы по расширению"),
        ("нормативно-", "правовой базы", "нормативно-правовой базы"),
        ("Июнь-", "сентябрь 2021", "Июнь-сентябрь 2021"),
        ("организаций –", "участников", "организаций – участников"),
        ("Проработать вопросы:", "- формирования", None),
        ("первое;", "• второе", None),
        ("пункты:", "1) первый", None),
        ("", "текст", "текст"),
        ("100.1", "7", "100.17"),
        ("в 2021", "2022 году", "в 2021 2022 году"),
    ],
)
def test_join_lines(first: str, second: str, joined: str | None) -> None:
    assert join_lines(first, second) == joined
