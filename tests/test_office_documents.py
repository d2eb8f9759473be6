"""Documents fit for an office: every word whole in LibreOffice's PDF, Russian, real properties.

Every document planio writes for every sample (the signed plan, each extract, the progress
report, next year's draft) is laid out by LibreOffice; poppler reads the PDF back. A word cut
inside its letters by a too-narrow column («Выполни|ено») is not in the PDF's text; a word
hyphenated at a line end («Информаци-|онно») is joined again, as a reader would.
"""

from __future__ import annotations

import re
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import docx
import pdfplumber
import pytest
from docx.oxml.ns import qn

import planio
from planio.writers.draft_docx import write_draft
from planio.writers.report import write_report

from office import convert_all

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.docx"))
WORD = re.compile(r"[А-Яа-яЁёA-Za-z]{2,}")
#: the first part of a word hyphenated at a line end («насе-»)
HEAD = re.compile(r"([А-Яа-яЁёA-Za-z]+)[-\u00ad‐](?=\s)")


def docx_words(path: Path) -> set[str]:
    """Every word of a DOCX: its paragraphs and its table cells."""
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return {w for text in texts for w in WORD.findall(text)}


def missing_words(words: set[str], pdf: Path) -> set[str]:
    """The ``words`` a PDF does not hold whole.

    A word hyphenated at a line end is whole: its first part ends in a visible hyphen and its
    second part is a word of the PDF («насе-» … «ления»; poppler may put other cells' text
    between the two lines, so the parts are matched, not the lines joined). A word cut inside
    its letters without a hyphen («Выполни|ено») is missing.
    """
    with pdfplumber.open(pdf) as document:  # glyphs as set, hyphens kept (no dehyphenation)
        pieces = [w["text"] for page in document.pages for w in page.extract_words()]
    whole = {word for piece in pieces for word in WORD.findall(piece)}
    heads = {match.group(1) for piece in pieces for match in HEAD.finditer(piece + " ")}
    return {
        word
        for word in words - whole
        if not any(word[:k] in heads and word[k:] in whole for k in range(1, len(word)))
    }


def write_everything(sample: Path, out: Path) -> list[Path]:
    plan = planio.read(sample)
    written = [planio.render_plan(plan, out / "plan.docx", approval_date=date(2021, 9, 1))]
    written += planio.write_extracts(plan, out / "extracts").values()
    book = planio.write_workbook(plan, out / "track.xlsx")
    written.append(
        write_report(
            planio.read_workbook(book),
            out / "report.docx",
            as_of=date(2030, 1, 1),
            compiler_name="А.А. Иванова",
            compiler_position="Секретарь",
        )
    )
    written.append(write_draft(plan, planio.next_year(plan), out / "draft.docx"))
    return written


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.stem for s in SAMPLES])
def test_every_word_of_every_document_is_whole_in_its_pdf(sample: Path, tmp_path: Path) -> None:
    documents = write_everything(sample, tmp_path)
    copies = []
    for index, document in enumerate(documents):  # extracts share a folder; names must differ
        copy = tmp_path / "all" / f"{index:02d}.docx"
        copy.parent.mkdir(exist_ok=True)
        copy.write_bytes(document.read_bytes())
        copies.append(copy)
    pdfs = convert_all(copies, tmp_path / "pdf")
    for document, pdf in zip(documents, pdfs, strict=True):
        missing = missing_words(docx_words(document), pdf)
        assert not missing, f"{document.name}: cut or lost in the PDF: {sorted(missing)[:20]}"


def _langs(package: zipfile.ZipFile, part: str) -> set[str]:
    return set(re.findall(r'<w:lang [^>]*w:val="([^"]+)"', package.read(part).decode()))


@pytest.mark.parametrize("sample", SAMPLES[:3], ids=[s.stem for s in SAMPLES[:3]])
def test_documents_are_russian_with_the_plans_properties(sample: Path, tmp_path: Path) -> None:
    plan = planio.read(sample)
    started = datetime.now().astimezone().replace(microsecond=0, tzinfo=None)
    for path in write_everything(sample, tmp_path):
        document = docx.Document(str(path))
        core = document.core_properties
        assert plan.title.split()[0] in core.title, path.name
        assert "python-docx" not in f"{core.author} {core.comments} {core.last_modified_by}"
        assert core.created is not None and core.created.year == started.year
        created = core.created.replace(tzinfo=None)
        assert abs((created - datetime.now(UTC).replace(tzinfo=None)).total_seconds()) < 600
        if plan.approval is not None and plan.approval.name and path.name == "plan.docx":
            assert core.author == plan.approval.name
        with zipfile.ZipFile(path) as package:
            assert _langs(package, "word/styles.xml") == {"ru-RU"}
            assert _langs(package, "word/document.xml") == {"ru-RU"}
            settings = package.read("word/settings.xml").decode()
            assert "<w:autoHyphenation/>" in settings
            assert "docProps/thumbnail.jpeg" not in package.read("_rels/.rels").decode()
            assert b"Microsoft" not in package.read("docProps/app.xml")
        body = document.element.body
        for table in body.iter(qn("w:tbl")):
            rows = table.findall(qn("w:tr"))
            assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in rows)
        main = [t for t in document.tables if len(t.columns) >= 4]
        if main:  # the header row repeats on every page
            header = main[0].rows[0]._tr
            assert header.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None


def test_extract_names_the_approval_date(tmp_path: Path) -> None:
    plan = planio.read(ROOT / "samples" / "plan-2021-2022.docx")
    dated = plan.model_copy(deep=True)
    assert dated.approval is not None
    dated.approval.date = date(2021, 9, 1)
    path = next(iter(planio.write_extracts(dated, tmp_path).values()))
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "Утвержден:" in text and "01.09.2021" in text
    undated = next(iter(planio.write_extracts(plan, tmp_path / "u").values()))
    text = "\n".join(p.text for p in docx.Document(str(undated)).paragraphs)
    assert "«___» ____________ 20__ г." in text  # the line to write the date on


def test_report_has_the_compiler_block(tmp_path: Path) -> None:
    plan = planio.read(ROOT / "samples" / "plan-2021-2022.docx")
    path = write_report(
        plan, tmp_path / "r.docx", as_of=date(2022, 3, 1), compiler_name="А.А. Иванова"
    )
    paragraphs = [p.text for p in docx.Document(str(path)).paragraphs]
    at = paragraphs.index("Составил:")
    assert "А.А. Иванова" in paragraphs[at + 2] and "____" in paragraphs[at + 2]
    assert paragraphs[at + 3] == "01.03.2022"
    assert docx.Document(str(path)).core_properties.author == "А.А. Иванова"
