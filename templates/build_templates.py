"""Build planio's docxtpl templates: ``plan.docx`` (the signed plan) and ``extract.docx``.

    python templates/build_templates.py

The templates are ordinary Word files with Jinja tags; an office may restyle them in Word or
LibreOffice (fonts, widths, borders) and keep the tags. Each tag sits in one run, as docxtpl
needs. Layout per GOST R 7.0.97-2025: A4, margins 20/10/20/20 mm (left/right/top/bottom),
Times New Roman, the approval stamp at the top right in a block at most 8 cm wide, page
numbers centred at the top from page 2.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from planio.writers.docx_finish import DocumentInfo, set_hyphenation, set_language, set_properties

HERE = Path(__file__).resolve().parent
FONT = "Times New Roman"
#: text width of A4 with 20 mm left and 10 mm right margins
TEXT_WIDTH = Mm(180)
#: the approval stamp: a block at most 8 cm wide at the right edge
STAMP_WIDTH = Cm(8)
#: widths of №, event, executors, deadline, and of each extra column's slot. They add up to
#: the text width: docxtpl drops the slots an actual plan does not use and scales the rest
#: back to the same total, so the table always spans the page.
MAIN_WIDTHS = (Cm(1.2), Cm(6.3), Cm(3.3), Cm(3.0))
EXTRA_WIDTH = Cm(1.4)


def new_document() -> Document:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(20), Mm(10)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    _page_numbers(document)
    # Russian for spell-checking and hyphenation, hyphenation on, no library's name inside
    set_language(document)
    set_hyphenation(document)
    set_properties(document, DocumentInfo())
    return document


def _page_numbers(document: Document) -> None:
    """A PAGE field centred in the header, hidden on page 1 (GOST)."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def para(
    container: Document | _Cell,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    center: bool = False,
    stamp: bool = False,
) -> Paragraph:
    """One paragraph holding ``text`` in a single run (so a Jinja tag is never split)."""
    paragraph = container.add_paragraph()
    if text:
        run = paragraph.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
        if size:
            run.font.size = Pt(size)
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if stamp:
        paragraph.paragraph_format.left_indent = TEXT_WIDTH - STAMP_WIDTH
    if stamp or center:  # headings and the approval stamp are not hyphenated (GOST)
        paragraph._p.get_or_add_pPr().insert(0, OxmlElement("w:suppressAutoHyphens"))
    return paragraph


def fill(
    cell: _Cell, text: str, *, bold: bool = False, italic: bool = False, center: bool = False
) -> None:
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.bold = bold or None
    run.italic = italic or None
    run.font.size = Pt(12)
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _repeat_header(table: Table) -> None:
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    tr_pr.append(header)


def _set_widths(table: Table, widths: list[int]) -> None:
    """Column widths on the grid only: cell widths are dropped so the grid rules everywhere."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for tc_w in table._tbl.iter(qn("w:tcW")):
        tc_w.getparent().remove(tc_w)


def _tag_row(table: Table, tag: str) -> None:
    """A row holding only a ``{%tr …%}`` tag: docxtpl replaces the whole row with it."""
    cells = table.add_row().cells
    merged = cells[0].merge(cells[-1])
    merged.paragraphs[0].add_run(tag)


def events_table(
    document: Document,
    headers: list[str],
    item_cells: list[str],
    widths: list[int],
    extra_slot: bool,
) -> Table:
    """The plan table: header, section rows merged across, item rows, extra columns looped."""
    loop = ["{%tc for column in extra_columns %}", "{{ column }}", "{%tc endfor %}"]
    item_loop = ["{%tc for value in item.extra %}", "{{ value }}", "{%tc endfor %}"]
    columns = len(headers) + (len(loop) if extra_slot else 0)
    table = document.add_table(rows=1, cols=columns)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, headers + (loop if extra_slot else []), strict=True):
        fill(cell, text, bold=True, center=True)
    _repeat_header(table)
    _tag_row(table, "{%tr for section in sections %}")
    _tag_row(table, "{%tr if section.heading %}")
    cells = table.add_row().cells
    merged = cells[0].merge(cells[-1])
    fill(merged, "{% colspan ncols %}{{ section.heading }}", bold=True, italic=True)
    _tag_row(table, "{%tr endif %}")
    _tag_row(table, "{%tr for item in section.items %}")
    cells = table.add_row().cells
    for index, (cell, text) in enumerate(
        zip(cells, item_cells + (item_loop if extra_slot else []), strict=True)
    ):
        fill(cell, text, center=index == 0)
    _tag_row(table, "{%tr endfor %}")
    _tag_row(table, "{%tr endfor %}")
    _set_widths(table, widths + ([EXTRA_WIDTH] * len(loop) if extra_slot else []))
    return table


def esign_frame(document: Document) -> None:
    """The GOST electronic-signature mark: a framed block with the certificate data."""
    para(document, "{%p if esign %}", stamp=True)
    table = document.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.RIGHT
    cell = table.rows[0].cells[0]
    fill(cell, "ДОКУМЕНТ ПОДПИСАН", bold=True, center=True)
    for text in (
        "ЭЛЕКТРОННОЙ ПОДПИСЬЮ",
        "Сертификат: {{ esign.certificate }}",
        "Владелец: {{ esign.owner }}",
        "Действителен с {{ esign.valid_from }} по {{ esign.valid_to }}",
    ):
        paragraph = cell.add_paragraph()
        run = paragraph.add_run(text)
        run.font.size = Pt(10)
        run.bold = text.startswith("ЭЛЕКТРОННОЙ") or None
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _set_widths(table, [Cm(7)])
    para(document, "{%p endif %}", stamp=True)


def build_plan_template() -> Path:
    document = new_document()
    para(document, "{%p if approval %}", stamp=True)
    para(document, "{{ approval.heading }}", stamp=True)
    para(document, "{{ approval.position }}", stamp=True)
    esign_frame(document)
    para(document, "{%p if approval.name %}", stamp=True)
    para(document, "{{ approval.signature }}{{ signature_image }} {{ approval.name }}", stamp=True)
    para(document, "{{ approval.date }}", stamp=True)
    para(document, "{%p endif %}", stamp=True)
    para(document, "{%p endif %}", stamp=True)
    para(document)
    para(document, "{{ title }}", bold=True, center=True)
    para(document)
    events_table(
        document,
        ["№ п/п", "Наименование мероприятия", "Исполнители", "Срок исполнения"],
        ["{{ item.number }}", "{{ item.title }}", "{{ item.executors }}", "{{ item.deadline }}"],
        list(MAIN_WIDTHS),
        extra_slot=True,
    )
    path = HERE / "plan.docx"
    document.save(str(path))
    return path


def build_extract_template() -> Path:
    document = new_document()
    para(document, "ВЫПИСКА", bold=True, center=True)
    para(document, "{{ source_title }}", bold=True, center=True)
    para(document)
    para(document, "{%p if approval_reference %}")
    para(document, "{{ approval_reference }}", size=12)
    para(document, "{%p endif %}")
    para(document, "Исполнитель: {{ executor }}", size=12)
    para(document)
    events_table(
        document,
        [
            "№ п/п",
            "Наименование мероприятия",
            "Исполнители",
            "Срок исполнения",
            "Отметка о выполнении",
        ],
        [
            "{{ item.number }}",
            "{{ item.title }}",
            "{{ item.executors }}",
            "{{ item.deadline }}",
            "",
        ],
        [Cm(1.1), Cm(6.2), Cm(4.2), Cm(3.0), Cm(3.5)],
        extra_slot=False,
    )
    para(document)
    for text in (
        "Верно",
        "{{ certifier.position }}",
        "{{ certifier.signature }} {{ certifier.name }}",
        "{{ certifier.date }}",
    ):
        para(document, text).paragraph_format.keep_with_next = True
    path = HERE / "extract.docx"
    document.save(str(path))
    return path


def _simple_table(
    document: Document, headers: list[str], cells: list[str], loop: str, widths: list[int]
) -> None:
    """A table: a repeated header, then one row per element of ``loop``."""
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        fill(cell, text, bold=True, center=True)
    _repeat_header(table)
    _tag_row(table, f"{{%tr for row in {loop} %}}")
    row = table.add_row().cells
    for index, (cell, text) in enumerate(zip(row, cells, strict=True)):
        fill(cell, text, center=index > 0 and "title" not in text and "name" not in text)
    _tag_row(table, "{%tr endfor %}")
    _set_widths(table, widths)


def build_report_template() -> Path:
    document = new_document()
    para(document, "ОТЧЁТ О ВЫПОЛНЕНИИ ПЛАНА", bold=True, center=True)
    para(document, "{{ title }}", bold=True, center=True)
    para(document, "по состоянию на {{ as_of }}", center=True)
    para(document)
    para(
        document,
        "Всего мероприятий: {{ total }}. Выполнено: {{ done }} ({{ share_done }}), "
        "в работе: {{ in_progress }}, не начато: {{ not_started }}, отменено: {{ cancelled }}. "
        "Просрочено: {{ overdue_count }}.",
    )
    para(document)
    para(document, "Выполнение по исполнителям", bold=True)
    _simple_table(
        document,
        ["Исполнитель", "Всего", "Выполнено", "В работе", "Не начато", "Отменено", "Просрочено"],
        [
            "{{ row.name }}",
            "{{ row.total }}",
            "{{ row.done }}",
            "{{ row.in_progress }}",
            "{{ row.not_started }}",
            "{{ row.cancelled }}",
            "{{ row.overdue }}",
        ],
        "executors",
        [Cm(6.0)] + [Cm(2.0)] * 6,
    )
    para(document)
    para(document, "{%p if overdue %}")
    para(document, "Просроченные мероприятия", bold=True)
    _simple_table(
        document,
        ["№ п/п", "Наименование мероприятия", "Исполнители", "Срок исполнения", "Окончание"],
        [
            "{{ row.number }}",
            "{{ row.title }}",
            "{{ row.executors }}",
            "{{ row.deadline }}",
            "{{ row.end }}",
        ],
        "overdue",
        [Cm(1.3), Cm(7.2), Cm(4.0), Cm(3.2), Cm(2.3)],
    )
    para(document, "{%p endif %}")
    para(document, "{%p if notes %}")
    para(document)
    para(document, "Замечания к таблице контроля", bold=True)
    para(document, "{%p for note in notes %}")
    para(document, "– {{ note }}", size=12)
    para(document, "{%p endfor %}")
    para(document, "{%p endif %}")
    para(document)
    for text in (
        "Составил:",
        "{{ compiler.position }}",
        "{{ compiler.signature }} {{ compiler.name }}",
        "{{ compiler.date }}",
    ):
        para(document, text).paragraph_format.keep_with_next = True
    path = HERE / "report.docx"
    document.save(str(path))
    return path


def main() -> None:
    for build in (build_plan_template, build_extract_template, build_report_template):
        print(build())


if __name__ == "__main__":
    main()
