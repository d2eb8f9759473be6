"""Build the sample work plans (планы работы) in ``samples/``.

Each sample is built from scratch with python-docx (plus low-level oxml for merged cells,
list numbering, hyperlinks, fields and content controls). The saved package is then
normalised: fixed zip entry order and timestamps, fixed core properties. Running the script
twice therefore gives byte-identical files::

    python samples/build_samples.py

The expected JSON next to each sample (``<name>.json``) is written by hand from the document
and the rules in ``docs/model.md``; this script does not produce it.
"""

from __future__ import annotations

import argparse
import io
import zipfile
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Length, Pt, Twips
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

SAMPLES_DIR = Path(__file__).resolve().parent
#: where the samples are written: samples/ unless --out says otherwise
OUTPUT = [SAMPLES_DIR]

ZIP_DATE_TIME = (1980, 1, 1, 0, 0, 0)
CORE_DATE = datetime(2021, 9, 1)
AUTHOR = "planio samples"

FONT = "Times New Roman"
BODY_SIZE_HALF_POINTS = 28  # 14 pt
TABLE_TEXT_STYLE = "Текст таблицы"
TABLE_TEXT_STYLE_ID = "TableText"
APPROVAL_INDENT = Cm(8.5)
TEXT_WIDTH_CM = 16.5  # A4 minus 3 cm left and 1.5 cm right margins

#: A cell's content: one string per paragraph; "\n" inside a string is a line break (w:br).
Content = str | Sequence[str]

CENTER = WD_ALIGN_PARAGRAPH.CENTER


# --------------------------------------------------------------------------- document basics


def new_document() -> DocxDocument:
    """An empty A4 portrait document in Times New Roman 14 pt with a 12 pt table text style."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Twips(11906), Twips(16838)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)

    defaults = doc.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault"))
    run_defaults.remove(run_defaults.find(qn("w:rPr")))
    run_defaults.append(
        parse_xml(
            f"<w:rPr {nsdecls('w')}>"
            f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
            f'<w:sz w:val="{BODY_SIZE_HALF_POINTS}"/><w:szCs w:val="{BODY_SIZE_HALF_POINTS}"/>'
            '<w:lang w:val="ru-RU" w:eastAsia="en-US" w:bidi="ar-SA"/>'
            "</w:rPr>"
        )
    )
    paragraph_defaults = defaults.find(qn("w:pPrDefault"))
    paragraph_defaults.remove(paragraph_defaults.find(qn("w:pPr")))
    paragraph_defaults.append(
        parse_xml(
            f'<w:pPr {nsdecls("w")}><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        )
    )

    table_text = doc.styles.add_style(TABLE_TEXT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    table_text.style_id = TABLE_TEXT_STYLE_ID
    table_text.base_style = doc.styles["Normal"]
    table_text.font.size = Pt(12)
    return doc


def write_text(
    paragraph: Paragraph, text: str, *, bold: bool = False, italic: bool = False
) -> None:
    """Append ``text`` as one run; every "\\n" becomes a line break (w:br)."""
    if not text:
        return
    first, *rest = text.split("\n")
    run = paragraph.add_run(first)
    for line in rest:
        run.add_break()
        run.add_text(line)
    run.bold = bold or None
    run.italic = italic or None


def add_paragraph(
    doc: DocxDocument,
    text: str = "",
    *,
    bold: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = None,
    indent: Length | None = None,
) -> Paragraph:
    """A body paragraph (14 pt)."""
    paragraph = doc.add_paragraph()
    write_text(paragraph, text, bold=bold)
    if align is not None:
        paragraph.alignment = align
    if indent is not None:
        paragraph.paragraph_format.left_indent = indent
    return paragraph


def add_approval(doc: DocxDocument, lines: Sequence[str]) -> None:
    """The approval block (гриф утверждения) as paragraphs in the right half of the page."""
    for line in lines:
        add_paragraph(doc, line, indent=APPROVAL_INDENT)


def add_title(doc: DocxDocument, lines: Sequence[str]) -> None:
    """The bold centred title, one paragraph per entry ("\\n" inside an entry is a w:br)."""
    for line in lines:
        add_paragraph(doc, line, bold=True, align=CENTER)


def table_paragraph(paragraph: Paragraph, align: WD_ALIGN_PARAGRAPH | None = None) -> Paragraph:
    paragraph.style = TABLE_TEXT_STYLE
    if align is not None:
        paragraph.alignment = align
    return paragraph


def fill_cell(
    cell: _Cell,
    content: Content,
    *,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = None,
) -> None:
    """Write ``content`` into an empty cell: a string is one paragraph, a sequence several."""
    lines = [content] if isinstance(content, str) else list(content)
    for index, line in enumerate(lines or [""]):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        table_paragraph(paragraph, align)
        write_text(paragraph, line, bold=bold, italic=italic)


def clear_cell(cell: _Cell) -> None:
    """Remove every paragraph of a cell (its properties stay)."""
    for paragraph in cell._tc.findall(qn("w:p")):
        cell._tc.remove(paragraph)


def mark_header(row: _Row) -> None:
    """Repeat the row at the top of every page (w:tblHeader)."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def set_no_borders(table: Table) -> None:
    """Hide every border of a layout table."""
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def set_borders_nil(table: Table) -> None:
    """Switch off every table border (tblBorders "nil" on every side and inside), placed where
    the schema wants it inside w:tblPr; the cells keep no borders and no shading of their own."""
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.insert_element_before(
        borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption"
    )


# --------------------------------------------------------------------------- plan tables


class PlanTable:
    """A bordered plan table with fixed column widths.

    ``centered`` lists the columns whose text is centred (the "№" column, usually); with
    ``ruled=False`` the table has no table style and no borders at all.
    """

    def __init__(
        self,
        doc: DocxDocument,
        widths_cm: Sequence[float],
        centered: Sequence[int] = (0,),
        *,
        ruled: bool = True,
    ) -> None:
        self.table = doc.add_table(rows=0, cols=len(widths_cm))
        if ruled:
            self.table.style = doc.styles["Table Grid"]
        else:
            set_borders_nil(self.table)
        self.table.alignment = WD_TABLE_ALIGNMENT.CENTER
        self.table.autofit = False
        for column, width in zip(self.table.columns, widths_cm, strict=True):
            column.width = Cm(width)
        self.centered = set(centered)

    def header(self, labels: Sequence[Content], *, repeat: bool = True) -> _Row:
        """A header row, centred; ``repeat`` marks it as repeated on every page."""
        row = self.table.add_row()
        for cell, label in zip(row.cells, labels, strict=True):
            fill_cell(cell, label, align=CENTER)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        if repeat:
            mark_header(row)
        return row

    def row(self, *cells: Content, bold: bool = False) -> _Row:
        """An ordinary row, one content per column."""
        row = self.table.add_row()
        for index, (cell, content) in enumerate(zip(row.cells, cells, strict=True)):
            align = CENTER if index in self.centered else None
            fill_cell(cell, content, bold=bold, align=align)
        return row

    def merged(self, text: str, *, bold: bool = False, italic: bool = False) -> _Cell:
        """A row whose single cell spans every column (w:gridSpan)."""
        row = self.table.add_row()
        cell = row.cells[0].merge(row.cells[-1])
        fill_cell(cell, text, bold=bold, italic=italic)
        return cell

    def merge_down(self, column: int, first_row: int, last_row: int) -> None:
        """Merge a column's cells vertically (w:vMerge restart, then continue).

        The text stays in the first cell; the covered cells keep one empty paragraph.
        """
        for index in range(first_row, last_row + 1):
            cell = self.table.rows[index].cells[column]
            merge = OxmlElement("w:vMerge")
            if index == first_row:
                merge.set(qn("w:val"), "restart")
            cell._tc.get_or_add_tcPr().append(merge)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


# --------------------------------------------------------------------------- rich cell content


def _run_xml(text: str, properties: str = "") -> str:
    rpr = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def add_hyperlink(paragraph: Paragraph, url: str, text: str) -> None:
    """Append an external hyperlink (w:hyperlink with a relationship) to a paragraph."""
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = parse_xml(
        f'<w:hyperlink {nsdecls("w", "r")} r:id="{r_id}" w:history="1">'
        + _run_xml(text, '<w:color w:val="0563C1"/><w:u w:val="single"/>')
        + "</w:hyperlink>"
    )
    paragraph._p.append(link)


def add_simple_field(paragraph: Paragraph, instruction: str, result: str) -> None:
    """Append a simple field (w:fldSimple) showing ``result``."""
    field = parse_xml(
        f"<w:fldSimple {nsdecls('w')} w:instr={quoteattr(instruction)}>"
        + _run_xml(result)
        + "</w:fldSimple>"
    )
    paragraph._p.append(field)


def add_run(paragraph: Paragraph, text: str) -> None:
    paragraph.add_run(text)


def fill_content_control(
    cell: _Cell,
    lines: Sequence[str],
    *,
    sdt_id: int,
    alias: str,
    date: str | None = None,
    centered: bool = False,
) -> None:
    """Put the cell's paragraphs inside a block content control (w:sdt / w:sdtContent).

    With ``date`` ("2024-02-10") the control is a date picker showing dd.MM.yyyy.
    """
    clear_cell(cell)
    kind = (
        f'<w:date w:fullDate="{date}T00:00:00Z"><w:dateFormat w:val="dd.MM.yyyy"/>'
        '<w:lid w:val="ru-RU"/><w:storeMappedDataAs w:val="dateTime"/>'
        '<w:calendar w:val="gregorian"/></w:date>'
        if date
        else '<w:text w:multiLine="1"/>'
    )
    justification = '<w:jc w:val="center"/>' if centered else ""
    paragraphs = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="{TABLE_TEXT_STYLE_ID}"/>{justification}</w:pPr>'
        f"{_run_xml(line)}</w:p>"
        for line in lines
    )
    cell._tc.append(
        parse_xml(
            f"<w:sdt {nsdecls('w')}><w:sdtPr><w:alias w:val={quoteattr(alias)}/>"
            f'<w:id w:val="{sdt_id}"/>{kind}</w:sdtPr>'
            f"<w:sdtContent>{paragraphs}</w:sdtContent></w:sdt>"
        )
    )


# --------------------------------------------------------------------------- list numbering


def add_multilevel_list(doc: DocxDocument) -> int:
    """Add a decimal multi-level list ("1.", "1.1.") to numbering.xml; return its numId."""
    numbering = doc.part.numbering_part.element
    abstract_ids = [
        int(el.get(qn("w:abstractNumId"))) for el in numbering.findall(qn("w:abstractNum"))
    ]
    nums = numbering.findall(qn("w:num"))
    abstract_id = max(abstract_ids, default=-1) + 1
    num_id = max((int(el.get(qn("w:numId"))) for el in nums), default=0) + 1

    def level(ilvl: int, text: str, suffix: str) -> str:
        return (
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            f'<w:suff w:val="{suffix}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            '<w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>'
        )

    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        '<w:nsid w:val="2B6A1F40"/><w:multiLevelType w:val="multilevel"/>'
        '<w:tmpl w:val="7C3E9A12"/>'
        + level(0, "%1.", "space")
        + level(1, "%1.%2.", "nothing")
        + "</w:abstractNum>"
    )
    num = parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
    )
    if nums:
        nums[0].addprevious(abstract)
        nums[-1].addnext(num)
    else:
        numbering.append(abstract)
        numbering.append(num)
    return num_id


def set_list_level(paragraph: Paragraph, num_id: int, level: int) -> None:
    """Number a paragraph with list ``num_id`` at ``level`` (w:numPr)."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


# --------------------------------------------------------------------------- saving


def normalised_package(data: bytes) -> bytes:
    """Rewrite a saved package with fixed entry order and timestamps."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    names = sorted(entries, key=lambda name: (name != "[Content_Types].xml", name))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            target.writestr(info, entries[name])
    return output.getvalue()


def save(doc: DocxDocument, name: str, title: str) -> Path:
    """Set fixed core properties and save ``<output dir>/<name>`` deterministically."""
    properties = doc.core_properties
    properties.author = AUTHOR
    properties.last_modified_by = AUTHOR
    properties.created = CORE_DATE
    properties.modified = CORE_DATE
    properties.revision = 1
    properties.title = title
    properties.comments = ""
    buffer = io.BytesIO()
    doc.save(buffer)
    path = OUTPUT[0] / name
    path.write_bytes(normalised_package(buffer.getvalue()))
    return path


# --------------------------------------------------------------------------- the samples


def build_plan_2021_2022() -> Path:
    """The real plan of the transport cluster (the seed), reproduced faithfully."""
    doc = new_document()
    for text in (" ", "", ""):
        add_paragraph(doc, text)
    add_approval(
        doc,
        [
            "Утверждаю",
            "Председатель Координационного совета",
            "образовательно-отраслевого кластера транспорта",
            "",
            "",
            "Ю.В. Дроздов",
        ],
    )
    add_paragraph(doc)
    title = "План работы\nобразовательно-отраслевого кластера транспорта на 2021 – 2022 учебный год"
    add_title(doc, [title])
    add_paragraph(doc)

    widths = (1.5, 8.0, 4.0, 3.0)
    council, heads, copp = "Координационный совет", "Руководители ПОО", "ЦОПП"
    in_year = "В течение учебного года"

    first = PlanTable(doc, widths)
    first.header(["№ п/п", "Наименование мероприятия", "Исполнители", "Срок исполнения"])
    first.merged("Задача 1. Создание нормативно-правовой базы деятельности Кластера", italic=True)
    first.row(
        "1.1",
        "Разработка и утверждение плана работы Кластера на 2022-2023 учебный год",
        [council, heads],
        "декабрь 2022 года",
    )
    first.row(
        "1.2",
        "Проведение заседаний Координационного совета",
        "председатель Координационного совета",
        "1 раз в квартал",
    )
    first.merged(
        "Задача 2. Повышение качества обучения на основе интеграции образования и производства, "
        "экспертизы проектов, образовательных программ, учебных планов и методических документов",
        italic=True,
    )
    first.row(
        "2.1",
        "Взаимодействие с центрами занятости населения по реализации направления «Содействие "
        "занятости» ФП «Демография» и коротких программ профессиональной подготовки, "
        "востребованных на рынке труда и конкретными работодателями.",
        heads,
        in_year,
    )
    first.row(
        "2.2",
        [
            "Проработать вопросы:",
            "- формирования механизмов взаимодействия с ведущими предприятиями Кластера по "
            "повышению трудоустройства выпускников ПОО;",
            "- организации и проведения отраслевых и корпоративных конкурсов профессионального "
            "мастерства.",
        ],
        [council, heads],
        "I квартал 2022 года",
    )
    first.row(
        "2.3",
        "Организация и проведение рабочих встреч экспертов Кластера с целью обмена опытом по "
        "подготовке обучающихся к демонстрационному экзамену",
        heads,
        "Январь – апрель 2022 года",
    )
    first.row(
        "2.4",
        "Организация работы по расширению экспертного сообщества из числа работодателей для "
        "проведения демонстрационного экзамена (ДЭ), чемпионатов Ворлдскиллс Россия",
        "Руководители ПОО, представители кластера",
        "до 01.05.2022",
    )
    first.row(
        "2.5",
        "Прохождение демонстрационного экзамена выпускниками профессиональных образовательных "
        "организаций и анализ полученных результатов",
        [council, heads],
        "Июнь 2022 года",
    )

    add_paragraph(doc)

    second = PlanTable(doc, widths)
    second.row(
        "2.6",
        "Совместно с ЦОПП разработать информационный ресурс по подготовке водителей "
        "транспортных средств",
        [heads, copp],
        "до 01.04.2022",
    )
    second.row(
        "2.7",
        "Внедрение унифицированных подходов к оформлению договоров и калькуляций, оформлению "
        "сайтов ПОО кластера",
        [heads, copp],
        "до 01.05.2022",
    )
    second.merged(
        "Задача 3. Повышение привлекательности областных государственных профессиональных "
        "организаций, входящих в кластер, для выпускников общеобразовательных организаций",
        italic=True,
    )
    second.row(
        "3.1",
        "Организация и проведение школ безопасности дорожного движения",
        heads,
        "Июнь-сентябрь 2021 года, июнь-сентябрь 2022 года",
    )
    second.row(
        "3.2",
        "Организация и проведение работы по ранней профориентации школьников с привлечением "
        "ресурсов ПОО и организаций-партнеров посредством реализации проекта «Билет в "
        "будущее», проведения профессиональных проб, других профориентационных мероприятий.",
        [council, heads],
        in_year,
    )
    second.row(
        "3.3",
        "Информационное сопровождение деятельности Кластера: размещение материалов на сайтах "
        "организаций – участников кластера, в социальных сетях и СМИ",
        "Руководители ПОО, представители кластера",
        in_year,
    )
    add_paragraph(doc)
    return save(doc, "plan-2021-2022.docx", title.replace("\n", " "))


def build_layout_table_approval() -> Path:
    """A school plan: approval in a borderless layout table, header synonyms, extra column,
    a row of column numbers, a header repeated mid-table, bold "Раздел …" section rows."""
    doc = new_document()

    layout = doc.add_table(rows=1, cols=2)
    layout.alignment = WD_TABLE_ALIGNMENT.CENTER
    layout.autofit = False
    set_no_borders(layout)
    for column in layout.columns:
        column.width = Cm(TEXT_WIDTH_CM / 2)
    agreed, approved = layout.rows[0].cells
    fill_cell(
        agreed,
        [
            "СОГЛАСОВАНО",
            "на заседании педагогического совета",
            "протокол № 1",
            "от «___» ____________ 20__ г.",
        ],
    )
    fill_cell(
        approved,
        [
            "УТВЕРЖДАЮ",
            "Директор МБОУ «Средняя общеобразовательная",
            "школа № 12» г. Томска",
            "_____________ И.И. Петрова",
            "«___» ____________ 20__ г.",
        ],
    )
    for cell in (agreed, approved):
        for paragraph in cell.paragraphs:
            paragraph.style = doc.styles["Normal"]
    for paragraph in approved.paragraphs:
        paragraph.paragraph_format.left_indent = Cm(1.5)

    add_paragraph(doc)
    title = ["План работы методического совета", "МБОУ «СОШ № 12» г. Томска на 2022/2023 уч. г."]
    add_title(doc, title)
    add_paragraph(doc)

    labels = [
        "№ п/п",
        "Содержание работы",
        "Сроки",
        "Ответственные исполнители",
        "Отметка о выполнении",
    ]
    plan = PlanTable(doc, (1.2, 6.5, 2.6, 3.6, 2.6), centered=(0, 2))
    plan.header(labels)
    plan.header(["1", "2", "3", "4", "5"])

    deputy = "Заместитель директора по УВР"
    chair = "Председатель методического совета"
    heads = "Руководители ШМО"

    plan.row("", "Раздел I. Организационно-методическая работа", "", "", "", bold=True)
    plan.row(
        "1.",
        "Утверждение плана работы методического совета и планов работы школьных методических "
        "объединений на 2022/2023 учебный год",
        "сентябрь",
        deputy,
        "",
    )
    plan.row("2.", "Заседания методического совета", "1 раз в четверть", chair, "")
    plan.row(
        "3.",
        "Корректировка рабочих программ учебных предметов и курсов внеурочной деятельности "
        "в соответствии с обновлёнными ФГОС НОО и ООО",
        "до 15 сентября",
        "Руководители ШМО, учителя-предметники",
        "",
    )
    plan.row("", "Раздел II. Работа с педагогическими кадрами", "", "", "", bold=True)
    plan.row(
        "4.",
        "Составление графика аттестации педагогических работников, оформление заявлений",
        "сентябрь, январь",
        deputy,
        "",
    )
    plan.row(
        "5.",
        "Организация курсов повышения квалификации педагогов, в том числе по программам ЦНППМ",
        "в течение года",
        "Заместитель директора по УВР; методист",
        "",
    )
    plan.row("6.", "Проведение предметных недель", "по отдельному графику", heads, "")
    plan.header(labels, repeat=False)  # pasted again where the first page ended
    plan.row(
        "7.",
        "Организация и проведение школьного этапа всероссийской олимпиады школьников",
        "с 20.09 по 25.10.2022",
        "Заместитель директора по УВР, учителя-предметники (математика, русский язык, история)",
        "",
    )
    plan.row(
        "8.",
        "Открытые уроки молодых специалистов",
        "II полугодие",
        "Наставники молодых специалистов",
        "",
    )
    plan.row("", "Раздел III. Контроль и мониторинг качества образования", "", "", "", bold=True)
    plan.row(
        "9.",
        "Мониторинг адаптации обучающихся 1-х, 5-х и 10-х классов",
        "октябрь – ноябрь",
        "Педагог-психолог, классные руководители",
        "",
    )
    plan.row("10.", "Анализ результатов всероссийских проверочных работ", "до 15 мая", heads, "")
    plan.row(
        "11.",
        [
            "Подготовка к государственной итоговой аттестации:",
            "- пробные экзамены в формате ОГЭ (9 классы);",
            "- пробные экзамены в формате ЕГЭ (11 классы).",
        ],
        "декабрь, март",
        "Заместитель директора по УВР, учителя-предметники",
        "",
    )
    plan.row("12.", "Контроль ведения электронного журнала", "ежемесячно", deputy, "")
    plan.row(
        "13.",
        "Итоговое заседание методического совета: анализ работы за 2022/2023 учебный год, "
        "задачи на новый учебный год",
        "IV четверть",
        chair,
        "",
    )
    add_paragraph(doc)
    return save(doc, "plan-layout-table-approval.docx", " ".join(title))


def build_auto_numbering() -> Path:
    """A college plan numbered by a Word multi-level list that continues into a second table;
    approval by order ("Утвержден приказом директора от …")."""
    doc = new_document()
    num_id = add_multilevel_list(doc)

    add_approval(doc, ["Утвержден приказом директора от 30.08.2022 № 145"])
    add_paragraph(doc)
    title = [
        "План работы",
        "методической службы ОГБПОУ «Томский техникум железнодорожного транспорта»",
        "на 2022-2023 учебный год",
    ]
    add_title(doc, title)
    add_paragraph(doc)

    widths = (1.5, 8.5, 3.8, 2.7)

    def section(table: PlanTable, text: str) -> None:
        cell = table.merged(text, bold=True)
        set_list_level(cell.paragraphs[0], num_id, 0)

    def item(table: PlanTable, text: str, executors: Content, deadline: str) -> None:
        row = table.row("", text, executors, deadline)
        set_list_level(row.cells[0].paragraphs[0], num_id, 1)

    deputy = "Заместитель директора по УМР"
    methodist = "Методист"

    first = PlanTable(doc, widths)
    first.header(["№ п/п", "Мероприятие", "Ответственный", "Сроки"])
    section(first, "Организационно-методическая работа")
    item(first, "Формирование состава методического совета техникума", deputy, "до 10 сентября")
    item(first, "Заседания методического совета", methodist, "1 раз в квартал")
    item(
        first,
        "Актуализация основных профессиональных образовательных программ по специальностям "
        "23.02.01, 23.02.06, 13.02.07",
        "Председатели ЦМК",
        "сентябрь – октябрь",
    )
    section(first, "Работа с педагогическими кадрами")
    item(
        first,
        "Организация стажировок преподавателей и мастеров производственного обучения на "
        "предприятиях ОАО «РЖД»",
        "Методист, председатели ЦМК",
        "по отдельному графику",
    )
    item(
        first,
        "Конкурс профессионального мастерства «Преподаватель года – 2023»",
        deputy,
        "февраль – март",
    )

    add_paragraph(doc)

    second = PlanTable(doc, widths)
    item(
        second,
        "Школа молодого преподавателя: занятия по методике проведения учебных занятий",
        methodist,
        "ежемесячно",
    )
    item(
        second,
        "Аттестация педагогических работников на квалификационные категории",
        deputy,
        "в течение учебного года",
    )
    section(second, "Подготовка к демонстрационному экзамену")
    item(
        second,
        "Аккредитация центров проведения демонстрационного экзамена",
        "Заместитель директора по УПР",
        "до 01.03.2023",
    )
    item(
        second,
        "Проведение демонстрационного экзамена по специальности 23.02.06 Техническая "
        "эксплуатация подвижного состава железных дорог",
        "Председатели ЦМК, эксперты",
        "май – июнь",
    )
    item(second, "Анализ результатов демонстрационного экзамена", methodist, "июль")
    section(second, "Информационно-методическое обеспечение")
    item(
        second,
        "Обновление раздела «Методическая работа» на официальном сайте техникума",
        methodist,
        "постоянно",
    )
    item(
        second,
        "Научно-практическая конференция «Транспорт: традиции и инновации»",
        "Заместитель директора по УМР, методист",
        "15.10.2022",
    )
    item(
        second,
        "Подготовка отчёта о методической работе за 2022-2023 учебный год",
        methodist,
        "до 30 июня",
    )
    add_paragraph(doc)
    return save(doc, "plan-auto-numbering.docx", " ".join(title))


def build_half_years_merged_cells() -> Path:
    """A municipal calendar-year plan split per half-year, with vertically merged executor and
    deadline cells and no "№" column."""
    doc = new_document()
    add_approval(
        doc,
        [
            "УТВЕРЖДЕНО",
            "Начальник Управления образования",
            "администрации Заречного муниципального района",
            "_______________ С.А. Волкова",
            "«28» декабря 2022 г.",
        ],
    )
    add_paragraph(doc)
    title = (
        "План работы Управления образования\n"
        "администрации Заречного муниципального района на 2023 год"
    )
    add_title(doc, [title])
    add_paragraph(doc)

    widths = (6.6, 3.9, 3.1, 2.9)
    general = "Отдел общего образования"
    methodical = "Методический отдел"
    upbringing = "Отдел дополнительного образования и воспитания"

    first = PlanTable(doc, widths, centered=(2,))
    first.header(["Наименование мероприятия", "Исполнители", "Срок исполнения", "Примечание"])
    first.row("I полугодие", "", "", "", bold=True)
    first.row(
        "Подготовка отчёта о результатах деятельности муниципальной системы образования "
        "за 2022 год",
        general,
        "до 01.02.2023",
        "",
    )
    first.row(
        "Организация приёма заявлений в первые классы общеобразовательных организаций",
        "",
        "с 01.04 по 30.06.2023",
        "",
    )
    first.row(
        "Мониторинг посещаемости дошкольных образовательных организаций", "", "ежемесячно", ""
    )
    first.merge_down(1, 2, 4)
    first.row(
        "Муниципальный этап конкурса профессионального мастерства «Учитель года – 2023»",
        "Методический отдел, МКУ «Информационно-методический центр»",
        "I квартал",
        "Приказ Управления образования",
    )
    first.row(
        "Курсы повышения квалификации руководителей образовательных организаций",
        "МКУ «Информационно-методический центр»",
        "",
        "",
    )
    first.merge_down(2, 5, 6)
    first.row(
        "Муниципальный конкурс исследовательских работ школьников «Шаг в будущее»",
        methodical,
        "с 01.02 по 15.03.2023",
        "",
    )
    first.row("Совещание с руководителями пунктов проведения экзаменов", general, "до 15 мая", "")
    first.row(
        "Организация летней оздоровительной кампании",
        "Отдел дополнительного образования и воспитания; руководители образовательных организаций",
        "май – август",
        "",
    )

    add_paragraph(doc, "II полугодие", bold=True, align=CENTER)

    second = PlanTable(doc, widths, centered=(2,))
    second.row(
        "Приёмка образовательных организаций к новому учебному году",
        "Межведомственная комиссия",
        "июль – август",
        "Приказ администрации района",
    )
    second.row(
        "Августовская конференция педагогических работников Заречного района",
        "Начальник Управления образования, методический отдел",
        "24.08.2023",
        "",
    )
    second.row(
        "Проведение школьного и муниципального этапов всероссийской олимпиады школьников",
        methodical,
        "IV квартал",
        "",
    )
    second.row(
        "Районный смотр-конкурс отрядов юных инспекторов движения",
        upbringing,
        "",
        "Совместно с ОГИБДД",
    )
    second.merge_down(2, 2, 3)
    second.row(
        "Проверка организации горячего питания обучающихся в общеобразовательных организациях",
        "Отдел общего образования, Роспотребнадзор (по согласованию)",
        "II полугодие",
        "",
    )
    second.row(
        "Формирование муниципального задания для подведомственных учреждений на 2024 год",
        "Планово-экономический отдел",
        "до 15.12.2023",
        "",
    )
    second.row(
        "Совещания руководителей образовательных организаций",
        "Начальник Управления образования",
        "по мере необходимости",
        "",
    )
    add_paragraph(doc)
    return save(doc, "plan-half-years-merged-cells.docx", title.replace("\n", " "))


def build_month_rich_cells() -> Path:
    """A college's monthly plan whose cells hold line breaks, a hyperlink, a simple field and
    content controls; "Место проведения" is an extra column between deadline and executor."""
    doc = new_document()
    add_approval(
        doc,
        [
            "УТВЕРЖДАЮ",
            "Заместитель директора",
            "по воспитательной работе",
            "______________ Е.А. Никитина",
            "«15» января 2024 г.",
        ],
    )
    add_paragraph(doc)
    title = [
        "ПЛАН",
        "воспитательной работы ОГБПОУ «Северский промышленный колледж»",
        "на февраль 2024 г.",
    ]
    add_title(doc, title)
    add_paragraph(doc)

    plan = PlanTable(doc, (1.0, 6.3, 2.8, 3.2, 3.2), centered=(0, 2))
    plan.header(["№", "Мероприятие", "Дата проведения", "Место проведения", "Ответственный"])
    organiser = "Педагог-организатор"
    hall = "Актовый зал"

    plan.row(
        "1",
        "Торжественная линейка, посвящённая Дню российской науки",
        "08.02.2024",
        hall,
        organiser,
    )
    plan.row(
        "2",
        "Классный час «Россия – страна возможностей»\n- для обучающихся 1 курса",
        "с 05.02 по 09.02.2024",
        "Учебные аудитории",
        "Классные руководители 1 курса",
    )
    row = plan.row(
        "3",
        "Регистрация обучающихся на всероссийском конкурсе «Большая перемена» на сайте ",
        "до 15 февраля",
        "Дистанционно",
        "Советник директора по воспитанию",
    )
    add_hyperlink(
        row.cells[1].paragraphs[0], "https://bolshayaperemena.online/", "bolshayaperemena.online"
    )
    row = plan.row(
        "4",
        "Посещение спектаклей Северского театра для детей и юношества по программе «",
        "еженедельно",
        "Северский театр для детей и юношества",
        "Кураторы учебных групп",
    )
    paragraph = row.cells[1].paragraphs[0]
    add_simple_field(
        paragraph, ' HYPERLINK "https://www.culture.ru/pushkinskaya-karta" ', "Пушкинская карта"
    )
    add_run(paragraph, "»")
    row = plan.row(
        "5",
        "Всероссийская массовая лыжная гонка «Лыжня России – 2024»",
        "",
        "Лыжная база «Снежинка»",
        "",
    )
    fill_content_control(
        row.cells[2], ["10.02.2024"], sdt_id=1001, alias="Дата", date="2024-02-10", centered=True
    )
    fill_content_control(
        row.cells[4],
        ["Руководитель физического воспитания", "Преподаватели физической культуры"],
        sdt_id=1002,
        alias="Ответственный",
    )
    plan.row(
        "6",
        "Уроки мужества, посвящённые Дню памяти о россиянах, исполнявших служебный долг за "
        "пределами Отечества",
        "15.02.2024",
        "Музей колледжа",
        "Педагог-организатор; руководитель музея",
    )
    plan.row(
        "7",
        "Конкурс стенгазет «Защитники Отечества»",
        "с 19.02 по 22.02.2024",
        "Холл 1 этажа",
        "Студенческий совет",
    )
    plan.row(
        "8",
        "Праздничный концерт, посвящённый Дню защитника Отечества",
        "22.02.2024",
        hall,
        "Педагог-организатор, студенческий совет",
    )
    plan.row(
        "9",
        "Рейды по проверке санитарного состояния комнат в общежитии",
        "1 раз в неделю",
        "Общежитие",
        "Воспитатели общежития",
    )
    plan.row(
        "10",
        "Индивидуальные консультации педагога-психолога для обучающихся и родителей",
        "по запросу",
        "Кабинет 105",
        "Педагог-психолог",
    )
    plan.row(
        "11",
        "Мониторинг занятости обучающихся в кружках и спортивных секциях",
        "до 26.02.2024",
        "Колледж",
        "Преподаватели физической культуры",
    )
    plan.row(
        "12",
        "Заседание Совета профилактики",
        "29.02.2024",
        "Кабинет 214",
        "Заместитель директора по воспитательной работе, социальный педагог",
    )
    add_paragraph(doc)
    return save(doc, "plan-month-rich-cells.docx", " ".join(title))


def build_program_2020_2024() -> Path:
    """A five-year development programme plan: sections "Направление N.", typed numbers with a
    trailing dot, year-range deadlines and a two-line extra header cell."""
    doc = new_document()
    add_approval(
        doc,
        [
            "УТВЕРЖДАЮ",
            "Директор МБОУ «Лицей № 3» г. Асино",
            "_____________ О.П. Кравец",
            "«20» января 2020 г.",
        ],
    )
    add_paragraph(doc)
    title = [
        "План мероприятий по реализации Программы развития",
        "МБОУ «Лицей № 3» г. Асино на 2020–2024 годы",
    ]
    add_title(doc, title)
    add_paragraph(doc)

    plan = PlanTable(doc, (1.3, 5.4, 3.6, 2.4, 3.8), centered=(0, 3))
    plan.header(
        [
            "№ п/п",
            "Наименование мероприятия",
            "Ответственные исполнители",
            "Сроки",
            ["Ожидаемый", "результат"],
        ]
    )
    deputy = "Заместитель директора по УВР"
    director = "Директор"

    plan.merged("Направление 1. Обновление содержания и технологий обучения", bold=True)
    plan.row(
        "1.1.",
        "Разработка и внедрение рабочих программ в соответствии с обновлёнными ФГОС НОО и ООО",
        "Заместитель директора по УВР, руководители МО",
        "2021–2022 годы",
        "Рабочие программы по всем предметам учебного плана",
    )
    plan.row(
        "1.2.",
        "Создание центра образования естественно-научной и технологической направленностей "
        "«Точка роста»",
        director,
        "2021",
        "Центр открыт и оснащён оборудованием",
    )
    plan.row(
        "1.3.",
        "Внедрение целевой модели цифровой образовательной среды",
        "Заместитель директора по информатизации",
        "IV квартал 2022 года",
        "Не менее 80 % педагогов используют ресурсы ЦОС",
    )
    plan.row(
        "1.4.",
        "Мониторинг качества образовательных результатов обучающихся",
        deputy,
        "ежегодно",
        "Аналитические справки",
    )
    plan.merged("Направление 2. Развитие кадрового потенциала", bold=True)
    plan.row(
        "2.1.",
        "Повышение квалификации педагогов по программам ФГАОУ ДПО «Академия Минпросвещения России»",
        deputy,
        "постоянно",
        "100 % педагогов прошли курсы повышения квалификации",
    )
    plan.row(
        "2.2.",
        "Внедрение целевой модели наставничества",
        "Заместитель директора по УВР, наставники",
        "до 01.09.2022",
        "Положение о наставничестве, сформированы пары «наставник – наставляемый»",
    )
    plan.row(
        "2.3.",
        "Участие педагогов в конкурсах профессионального мастерства",
        "Руководители МО",
        "ежегодно",
        "Не менее трёх участников в год",
    )
    plan.merged("Направление 3. Развитие инфраструктуры и материально-технической базы", bold=True)
    plan.row(
        "3.1.",
        "Капитальный ремонт спортивного зала",
        "Директор, заместитель директора по АХЧ",
        "II полугодие 2023 года",
        "Спортивный зал соответствует санитарным требованиям",
    )
    plan.row(
        "3.2.",
        "Благоустройство пришкольной территории, устройство спортивной площадки",
        "Заместитель директора по АХЧ",
        "май – сентябрь 2024 года",
        "Оборудованная спортивная площадка",
    )
    plan.row(
        "3.3.",
        "Оснащение кабинетов интерактивным оборудованием",
        director,
        "2023–2024 годы",
        "Все учебные кабинеты оснащены интерактивными панелями",
    )
    plan.merged("Направление 4. Открытость и взаимодействие с социумом", bold=True)
    plan.row(
        "4.1.",
        "Публичный отчёт директора о реализации Программы развития",
        director,
        "1 раз в год",
        "Отчёт размещён на сайте лицея",
    )
    plan.row(
        "4.2.",
        "Итоговая оценка реализации Программы развития и разработка программы на 2025–2029 годы",
        "Директор, управляющий совет",
        "IV квартал 2024 года",
        "Аналитический отчёт, проект новой Программы развития",
    )
    add_paragraph(doc)
    return save(doc, "plan-program-2020-2024.docx", " ".join(title))


def build_college_year_long() -> Path:
    """A college's annual plan running over several pages: a repeated header row, bold merged
    section rows, long event titles (one with a "- " list) and executors as paragraphs."""
    doc = new_document()
    add_approval(
        doc,
        [
            "УТВЕРЖДАЮ",
            "Директор ОГБПОУ",
            "«Томский политехнический колледж»",
            "____________ О.В. Кузнецова",
            "«___» ____________ 2023 г.",
        ],
    )
    add_paragraph(doc)
    title = ["ПЛАН РАБОТЫ", "ОГБПОУ «Томский политехнический колледж»", "на 2023-2024 учебный год"]
    add_title(doc, title)
    add_paragraph(doc)

    plan = PlanTable(doc, (1.2, 7.9, 4.1, 3.3), centered=(0, 3))
    plan.header(["№ п/п", "Мероприятие", "Ответственные", "Сроки"])

    director = "Директор"
    academic = "Заместитель директора по УР"
    practice = "Заместитель директора по УПР"
    upbringing = "Заместитель директора по ВР"
    household = "Заместитель директора по АХР"
    methodist = "Методист"
    chairs = "Председатели ПЦК"
    heads = "Заведующие отделениями"
    curators = "Кураторы групп"
    psychologist = "Педагог-психолог"
    social = "Социальный педагог"
    career = "Руководитель центра карьеры"
    admissions = "Ответственный секретарь приёмной комиссии"
    safety = "Специалист по охране труда"
    accountant = "Главный бухгалтер"
    adviser = "Советник директора по воспитанию"

    plan.merged("1. Организационно-управленческая деятельность", bold=True)
    plan.row(
        "1.1",
        "Разработка и утверждение плана работы колледжа на 2023-2024 учебный год, планов "
        "работы отделений, предметно-цикловых комиссий и структурных подразделений",
        [academic, heads],
        "сентябрь",
    )
    plan.row("1.2", "Заседания педагогического совета колледжа", director, "1 раз в четверть")
    plan.row("1.3", "Совещания при директоре", director, "еженедельно")
    plan.row(
        "1.4",
        "Подготовка отчёта по форме федерального статистического наблюдения № СПО-1",
        academic,
        "до 15.10.2023",
    )
    plan.row(
        "1.5",
        "Подготовка публичного доклада о результатах деятельности колледжа за 2023 год и "
        "размещение его на официальном сайте колледжа",
        [director, academic],
        "I квартал",
    )
    plan.row(
        "1.6",
        "Проведение самообследования колледжа и подготовка отчёта о результатах самообследования",
        "Заместитель директора по УР, методист",
        "до 20 апреля",
    )
    plan.row(
        "1.7",
        "Работа приёмной комиссии: приём документов от поступающих, проведение вступительных "
        "испытаний по специальностям, требующим творческих способностей, зачисление в состав "
        "обучающихся",
        [director, admissions],
        "с 20.06 по 15.08.2024",
    )
    plan.row(
        "1.8",
        "Подготовка учебных корпусов, мастерских и общежития колледжа к новому учебному году",
        household,
        "июнь – август",
    )

    plan.merged("2. Учебная работа", bold=True)
    plan.row(
        "2.1",
        "Рассмотрение и утверждение рабочих программ учебных дисциплин и профессиональных "
        "модулей, фондов оценочных средств и календарно-тематических планов",
        "Заместитель директора по УР, председатели ПЦК",
        "сентябрь",
    )
    plan.row(
        "2.2",
        "Контроль ведения электронного журнала и учебной документации",
        heads,
        "ежемесячно",
    )
    plan.row(
        "2.3",
        "Входной контроль знаний обучающихся первого курса по общеобразовательным дисциплинам",
        [heads, chairs],
        "до 30 сентября",
    )
    plan.row(
        "2.4",
        "Организация и проведение промежуточной аттестации обучающихся",
        [academic, heads],
        "декабрь, июнь",
    )
    plan.row(
        "2.5",
        [
            "Подготовка и проведение государственной итоговой аттестации выпускников:",
            "- формирование составов государственных экзаменационных комиссий;",
            "- утверждение программ государственной итоговой аттестации;",
            "- проведение демонстрационного экзамена и защиты выпускных квалификационных работ.",
        ],
        [academic, chairs],
        "II полугодие",
    )
    plan.row(
        "2.6",
        "Анализ успеваемости и посещаемости учебных занятий обучающимися по итогам семестра",
        heads,
        "2 раза в год",
    )
    plan.row(
        "2.7",
        "Проведение предметных недель и открытых учебных занятий предметно-цикловых комиссий",
        chairs,
        "по отдельному графику",
    )
    plan.row(
        "2.8",
        "Организация занятий и консультаций по ликвидации академической задолженности",
        heads,
        "январь – февраль 2024 г.",
    )
    plan.row(
        "2.9",
        "Мониторинг качества подготовки обучающихся: итоговые контрольные работы по учебным "
        "дисциплинам общеобразовательного цикла",
        methodist,
        "май, июнь",
    )

    plan.merged("3. Учебно-производственная работа", bold=True)
    plan.row(
        "3.1",
        "Заключение договоров о практической подготовке обучающихся с предприятиями и "
        "организациями города Томска и Томской области",
        practice,
        "IV квартал",
    )
    plan.row(
        "3.2",
        "Организация учебной и производственной практики обучающихся в соответствии с "
        "графиком учебного процесса",
        [practice, "Руководители практики"],
        "сентябрь – июнь",
    )
    plan.row(
        "3.3",
        "Участие обучающихся в региональном этапе чемпионата по профессиональному мастерству "
        "«Профессионалы» по компетенциям «Сварочные технологии», «Электромонтаж», «Ремонт и "
        "обслуживание легковых автомобилей» и «Программные решения для бизнеса»",
        [practice, chairs],
        "I квартал",
    )
    plan.row(
        "3.4",
        "Оснащение учебных мастерских и лабораторий современным оборудованием",
        "Заместитель директора по АХР, заместитель директора по УПР",
        "в течение года",
    )
    plan.row(
        "3.5",
        "Мониторинг трудоустройства выпускников 2023 года",
        career,
        "октябрь – ноябрь",
    )
    plan.row(
        "3.6",
        "Ярмарка вакансий для выпускников колледжа с участием работодателей",
        [career, heads],
        "15 марта 2024 г.",
    )
    plan.row(
        "3.7",
        "Консультирование обучающихся и выпускников по вопросам трудоустройства и построения "
        "профессиональной карьеры",
        career,
        "по запросу",
    )
    plan.row(
        "3.8",
        "Проведение квалификационных экзаменов по профессиональным модулям",
        "Руководители практики",
        "по отдельному графику",
    )

    plan.merged("4. Научно-методическая работа", bold=True)
    plan.row("4.1", "Заседания методического совета колледжа", methodist, "1 раз в четверть")
    plan.row(
        "4.2",
        "Аттестация педагогических работников на соответствие занимаемой должности и на "
        "квалификационные категории",
        [methodist, academic],
        "в течение учебного года",
    )
    plan.row(
        "4.3",
        "Организация повышения квалификации и стажировок преподавателей и мастеров "
        "производственного обучения на предприятиях реального сектора экономики, в том числе "
        "по программам Академии Минпросвещения России и центров опережающей профессиональной "
        "подготовки",
        methodist,
        "по отдельному графику",
    )
    plan.row(
        "4.4",
        "Школа молодого преподавателя: занятия по методике проведения учебных занятий и "
        "психологии общения со студентами",
        [methodist, psychologist],
        "ежемесячно",
    )
    plan.row(
        "4.5",
        "Областная научно-практическая конференция «Профессиональное образование: опыт, "
        "проблемы, перспективы»",
        "Заместитель директора по УР, методист",
        "20.12.2023",
    )
    plan.row(
        "4.6", "Конкурс методических разработок преподавателей колледжа", chairs, "март – апрель"
    )
    plan.row(
        "4.7",
        "Обобщение и распространение педагогического опыта преподавателей через публикации, "
        "мастер-классы и открытые занятия",
        chairs,
        "постоянно",
    )
    plan.row(
        "4.8",
        "Подготовка отчёта о методической работе за 2023-2024 учебный год",
        methodist,
        "не позднее 25 июня",
    )

    plan.merged("5. Воспитательная работа", bold=True)
    plan.row(
        "5.1",
        "Торжественная линейка, посвящённая Дню знаний",
        [upbringing, curators],
        "01.09.2023",
    )
    plan.row("5.2", "Классные часы «Разговоры о важном»", curators, "еженедельно")
    plan.row(
        "5.3",
        "Адаптация обучающихся первого курса: социально-психологическое тестирование, "
        "тренинги командообразования, индивидуальные беседы",
        [psychologist, social],
        "октябрь – ноябрь",
    )
    plan.row("5.4", "Заседания Совета профилактики правонарушений", social, "ежемесячно")
    plan.row(
        "5.5",
        [
            "Организация работы студенческого самоуправления:",
            "- выборы студенческого совета колледжа;",
            "- работа студенческого совета общежития;",
            "- участие в областном форуме студенческого самоуправления.",
        ],
        [adviser, "Студенческий совет"],
        "сентябрь – май",
    )
    plan.row(
        "5.6",
        "Мероприятия, посвящённые Дню Победы: акция «Бессмертный полк», уроки мужества, "
        "встречи с ветеранами",
        "Советник директора по воспитанию, кураторы групп",
        "май",
    )
    plan.row(
        "5.7",
        "Спартакиада колледжа по волейболу, баскетболу, настольному теннису и лёгкой атлетике",
        "Руководитель физического воспитания",
        "ноябрь – апрель",
    )
    plan.row(
        "5.8", "Родительские собрания в учебных группах", [upbringing, curators], "2 раза в год"
    )
    plan.row(
        "5.9",
        "Индивидуальная работа с обучающимися, состоящими на профилактическом учёте, и их "
        "родителями (законными представителями)",
        [social, psychologist, curators],
        "по мере необходимости",
    )
    plan.row(
        "5.10",
        "Психологическое консультирование обучающихся и их родителей",
        psychologist,
        "по запросу",
    )
    plan.row(
        "5.11",
        "Мониторинг занятости обучающихся в кружках, клубах и спортивных секциях",
        upbringing,
        "1 раз в четверть",
    )
    plan.row("5.12", "Новогодний концерт «Студенческая зима»", "Студенческий совет", "декабрь")
    plan.row("5.13", "Областной фестиваль студенческого творчества", adviser, "III четверть")

    plan.merged("6. Профориентационная работа", bold=True)
    plan.row("6.1", "Дни открытых дверей колледжа", admissions, "декабрь, апрель")
    plan.row(
        "6.2",
        "Профессиональные пробы для школьников в рамках проекта «Билет в будущее»",
        [career, chairs],
        "октябрь – декабрь",
    )
    plan.row(
        "6.3",
        "Участие в ярмарках учебных мест и образовательных выставках города Томска и Томской "
        "области",
        admissions,
        "II квартал",
    )
    plan.row(
        "6.4",
        "Обновление информации для поступающих на официальном сайте колледжа и в социальных сетях",
        admissions,
        "ежемесячно",
    )
    plan.row(
        "6.5",
        "Выезды преподавателей и студентов в общеобразовательные школы города и области с "
        "профориентационными презентациями специальностей колледжа",
        "Заведующие отделениями, кураторы групп",
        "январь – апрель",
    )
    plan.row("6.6", "Анализ результатов приёмной кампании 2024 года", director, "август")

    plan.merged("7. Административно-хозяйственная деятельность и безопасность", bold=True)
    plan.row(
        "7.1",
        "Инструктажи по охране труда и пожарной безопасности с работниками и обучающимися",
        safety,
        "сентябрь, январь",
    )
    plan.row("7.2", "Учебная эвакуация из зданий колледжа", safety, "1 раз в четверть")
    plan.row(
        "7.3",
        "Подготовка зданий колледжа и общежития к отопительному сезону",
        household,
        "сентябрь 2023 г.",
    )
    plan.row("7.4", "Инвентаризация материальных ценностей", accountant, "ноябрь")
    plan.row(
        "7.5",
        "Контроль соблюдения санитарных правил в учебных корпусах, столовой и общежитии",
        household,
        "ежедневно",
    )
    plan.row(
        "7.6",
        "Проверка состояния антитеррористической защищённости объектов колледжа",
        "Директор, специалист по охране труда",
        "I полугодие",
    )
    plan.row(
        "7.7",
        "Подготовка плана финансово-хозяйственной деятельности колледжа на 2024 год",
        [director, accountant],
        "до 25 декабря",
    )
    add_paragraph(doc)
    return save(doc, "plan-college-year-long.docx", " ".join(title))


def build_municipal_long() -> Path:
    """A municipal education department's calendar-year plan over several pages: italic merged
    "Раздел N." rows, typed numbers with a dot and an empty "Отметка о выполнении" column."""
    doc = new_document()
    add_approval(
        doc,
        [
            "УТВЕРЖДАЮ",
            "Начальник управления образования",
            "администрации города Томска",
            "_____________ А.А. Соколов",
            "«20» декабря 2023 г.",
        ],
    )
    add_paragraph(doc)
    title = ["План работы управления образования", "администрации города Томска на 2024 год"]
    add_title(doc, title)
    add_paragraph(doc)

    plan = PlanTable(doc, (1.1, 5.7, 3.25, 3.75, 2.7), centered=(0, 2))
    plan.header(
        [
            "№",
            "Наименование мероприятия",
            "Срок исполнения",
            "Ответственный исполнитель",
            "Отметка о выполнении",
        ]
    )
    chief = "Начальник управления образования"
    deputy = "Заместитель начальника управления образования"
    general = "Отдел общего образования"
    preschool = "Отдел дошкольного образования"
    upbringing = "Отдел воспитания и дополнительного образования"
    finance = "Отдел экономики и финансов"
    staff = "Отдел правового и кадрового обеспечения"
    imc = "МАУ ИМЦ"
    heads = "Руководители образовательных организаций"
    commission = "Комиссия по приёмке образовательных организаций"

    def item(number: int, text: Content, deadline: str, executors: Content) -> None:
        plan.row(f"{number}.", text, deadline, executors, "")

    plan.merged("Раздел 1. Организационно-управленческая деятельность", italic=True)
    item(
        1,
        "Подготовка и утверждение плана работы управления образования на 2025 год",
        "до 25 декабря",
        deputy,
    )
    item(
        2,
        "Совещания руководителей муниципальных общеобразовательных организаций",
        "ежемесячно",
        chief,
    )
    item(
        3,
        "Совещания заведующих муниципальными дошкольными образовательными организациями",
        "1 раз в квартал",
        preschool,
    )
    item(
        4,
        "Подготовка отчёта о результатах деятельности муниципальной системы образования за "
        "2023 год и публичного доклада начальника управления образования",
        "до 01.03.2024",
        [deputy, general],
    )
    item(
        5,
        "Формирование и утверждение муниципальных заданий подведомственным учреждениям на "
        "2025 год и плановый период 2026 и 2027 годов",
        "IV квартал",
        finance,
    )
    item(
        6,
        "Мониторинг исполнения муниципальных заданий подведомственными учреждениями",
        "ежеквартально",
        finance,
    )
    item(
        7,
        "Рассмотрение обращений граждан по вопросам образования, подготовка ответов",
        "постоянно",
        staff,
    )
    item(
        8,
        "Коллегия управления образования «Итоги 2023 года и задачи на 2024 год»",
        "20.02.2024",
        chief,
    )

    plan.merged("Раздел 2. Общее образование", italic=True)
    item(
        9,
        "Организация приёма заявлений в первые классы муниципальных общеобразовательных "
        "организаций",
        "с 01.04 по 05.09.2024",
        general,
    )
    item(
        10,
        "Проведение всероссийских проверочных работ в общеобразовательных организациях",
        "март – май",
        [general, imc],
    )
    item(
        11,
        [
            "Организация и проведение государственной итоговой аттестации по образовательным "
            "программам основного общего и среднего общего образования:",
            "- формирование региональной информационной системы;",
            "- обучение организаторов и технических специалистов пунктов проведения экзаменов;",
            "- проведение экзаменов в основной период.",
        ],
        "январь – июнь",
        [general, heads],
    )
    item(12, "Муниципальный этап всероссийской олимпиады школьников", "ноябрь – декабрь", imc)
    item(
        13,
        "Мониторинг организации горячего питания обучающихся в общеобразовательных организациях",
        "2 раза в год",
        general,
    )
    item(
        14,
        "Проверка готовности образовательных организаций к новому учебному году",
        "июль – август",
        commission,
    )
    item(
        15,
        "Августовская конференция педагогических работников города Томска",
        "27.08.2024",
        [chief, imc],
    )
    item(
        16,
        "Мониторинг объективности оценивания образовательных результатов обучающихся по итогам "
        "всероссийских проверочных работ и государственной итоговой аттестации, адресная "
        "методическая помощь школам с низкими результатами обучения",
        "II полугодие",
        imc,
    )
    item(
        17,
        "Организация подвоза обучающихся, проживающих в отдалённых микрорайонах города",
        "в течение года",
        general,
    )

    plan.merged("Раздел 3. Дошкольное образование", italic=True)
    item(
        18,
        "Комплектование муниципальных дошкольных образовательных организаций на 2024-2025 "
        "учебный год",
        "с 15.04 по 31.05.2024",
        preschool,
    )
    item(
        19,
        "Мониторинг посещаемости детьми дошкольных образовательных организаций",
        "ежемесячно",
        preschool,
    )
    item(20, "Городской конкурс «Воспитатель года – 2024»", "февраль – март", [preschool, imc])
    item(
        21,
        "Обследование детей территориальной психолого-медико-педагогической комиссией",
        "по отдельному графику",
        "Территориальная ПМПК",
    )
    item(
        22,
        "Организация летней оздоровительной работы в дошкольных образовательных организациях",
        "июнь – август",
        preschool,
    )
    item(
        23,
        "Проверка условий пребывания детей в группах кратковременного пребывания",
        "II квартал",
        preschool,
    )
    item(
        24,
        "Консультирование родителей (законных представителей) по вопросам постановки детей на "
        "учёт для зачисления в дошкольные образовательные организации",
        "по запросу",
        preschool,
    )

    plan.merged("Раздел 4. Воспитание и дополнительное образование", italic=True)
    item(
        25,
        "Организация летней оздоровительной кампании: работа лагерей с дневным пребыванием "
        "детей, профильных смен и трудовых отрядов старшеклассников на базе "
        "общеобразовательных организаций и организаций дополнительного образования",
        "май – август",
        [upbringing, heads],
    )
    item(
        26,
        "Городской фестиваль детского творчества «Томские звёздочки»",
        "апрель",
        upbringing,
    )
    item(
        27,
        "Мероприятия, посвящённые 79-й годовщине Победы в Великой Отечественной войне",
        "май",
        "Отдел воспитания и дополнительного образования, руководители образовательных организаций",
    )
    item(
        28,
        "Муниципальный этап военно-спортивной игры «Зарница»",
        "I полугодие",
        upbringing,
    )
    item(
        29,
        "Мониторинг охвата детей дополнительным образованием по данным навигатора "
        "дополнительного образования",
        "февраль, август",
        upbringing,
    )
    item(
        30,
        "Заседания рабочей группы по профилактике безнадзорности и правонарушений "
        "несовершеннолетних",
        "1 раз в квартал",
        [upbringing, heads],
    )
    item(31, "Городская спартакиада школьников", "сентябрь – ноябрь", upbringing)
    item(
        32,
        "Организация временного трудоустройства несовершеннолетних в летний период",
        "не позднее 1 июня",
        upbringing,
    )

    plan.merged("Раздел 5. Кадровое обеспечение и методическая работа", italic=True)
    item(
        33,
        "Аттестация руководителей муниципальных образовательных организаций",
        "по отдельному графику",
        staff,
    )
    item(
        34,
        "Городской конкурс профессионального мастерства «Учитель года – 2024»",
        "I квартал",
        imc,
    )
    item(
        35,
        "Организация курсов повышения квалификации педагогических и руководящих работников",
        "в течение года",
        imc,
    )
    item(
        36,
        "Формирование кадрового резерва руководителей образовательных организаций",
        "III квартал",
        staff,
    )
    item(
        37,
        "Мониторинг потребности муниципальных образовательных организаций в педагогических кадрах",
        "до 20 января",
        [staff, heads],
    )
    item(
        38,
        "Заседания городских методических объединений учителей-предметников",
        "2 раза в год",
        imc,
    )
    item(39, "Торжественный приём, посвящённый Дню учителя", "04.10.2024", chief)

    plan.merged("Раздел 6. Контроль, финансы и безопасность", italic=True)
    item(
        40,
        "Плановые проверки соблюдения требований законодательства в сфере образования "
        "подведомственными организациями",
        "март – апрель",
        staff,
    )
    item(
        41,
        "Контроль выполнения мероприятий по обеспечению антитеррористической защищённости "
        "объектов образования",
        "I квартал, III квартал",
        [deputy, heads],
    )
    item(
        42,
        "Проверка готовности образовательных организаций к отопительному сезону",
        "август – сентябрь",
        commission,
    )
    item(
        43,
        "Обучение работников образовательных организаций по программам оказания первой помощи",
        "в течение года",
        heads,
    )
    item(
        44,
        "Мониторинг заболеваемости и посещаемости в образовательных организациях в период "
        "эпидемического подъёма заболеваемости ОРВИ и гриппом",
        "еженедельно",
        "Отдел общего образования, отдел дошкольного образования",
    )
    item(
        45, "Контроль исполнения бюджетных смет подведомственных учреждений", "ежемесячно", finance
    )
    item(
        46,
        "Инвентаризация имущества, закреплённого за подведомственными учреждениями",
        "ноябрь",
        finance,
    )
    item(
        47,
        "Подготовка информации по запросам органов государственной власти и прокуратуры",
        "по мере необходимости",
        staff,
    )
    item(
        48,
        "Подведение итогов выполнения плана работы управления образования за 2024 год",
        "декабрь",
        chief,
    )
    add_paragraph(doc)
    return save(doc, "plan-municipal-long.docx", " ".join(title))


def build_unruled() -> Path:
    """A short school plan whose table has no borders at all (its PDF has no rulings); bold
    merged section rows without numbers and the approver's name on the position line."""
    doc = new_document()
    for line in ("УТВЕРЖДАЮ", "Директор школы ________ Е.Н. Морозова", "«31» августа 2022 г."):
        add_paragraph(doc, line, indent=Cm(7.5))
    add_paragraph(doc)
    title = ["План работы", "МБОУ «СОШ № 5» г. Северска на 2022/2023 учебный год"]
    add_title(doc, title)
    add_paragraph(doc)

    plan = PlanTable(doc, (0.9, 7.2, 3.6, 4.8), ruled=False)
    plan.header(["№", "Мероприятие", "Срок", "Ответственный"], repeat=False)
    director = "Директор"
    deputy = "Зам. директора по УВР"
    upbringing = "Зам. директора по ВР"
    teachers = "Классные руководители"
    psychologist = "Педагог-психолог"
    social = "Социальный педагог"

    plan.merged("Организационная работа", bold=True)
    plan.row("1", "Утверждение рабочих программ", "до 15.09.2022", director)
    plan.row("2", "Тарификация учителей", "сентябрь", director)
    plan.row("3", "Заседания педагогического совета", "1 раз в четверть", director)
    plan.row("4", "Сверка списков обучающихся", "октябрь, январь", social)
    plan.merged("Учебная работа", bold=True)
    plan.row("5", "Входные контрольные работы", "сентябрь", "Руководители ШМО")
    plan.row("6", "Пробные экзамены ОГЭ и ЕГЭ", "декабрь, март", deputy)
    plan.row("7", "Всероссийские проверочные работы", "II полугодие", [deputy, "Руководители ШМО"])
    plan.row("8", "Педсовет о допуске к ГИА", "25.05.2023", director)
    plan.merged("Воспитательная работа", bold=True)
    plan.row("9", "Линейка «День знаний»", "01.09.2022", [upbringing, teachers])
    plan.row("10", "Родительские собрания", "1 раз в четверть", teachers)
    plan.row("11", "Работа с детьми группы риска", "в течение года", [social, psychologist])
    plan.row("12", "Консультации для родителей", "по запросу", psychologist)
    plan.row("13", "Праздник «Последний звонок»", "май", upbringing)
    add_paragraph(doc)
    return save(doc, "plan-unruled.docx", " ".join(title))


# --------------------------------------------------------------------------- issue 11: real offices


def add_letter_list(doc: DocxDocument) -> int:
    """Add a Russian-letter list ("а)", "б)" … Word's russianLower) to numbering.xml; its numId."""
    numbering = doc.part.numbering_part.element
    abstract_ids = [
        int(el.get(qn("w:abstractNumId"))) for el in numbering.findall(qn("w:abstractNum"))
    ]
    nums = numbering.findall(qn("w:num"))
    abstract_id = max(abstract_ids, default=-1) + 1
    num_id = max((int(el.get(qn("w:numId"))) for el in nums), default=0) + 1
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        '<w:nsid w:val="5C1D2E30"/><w:multiLevelType w:val="singleLevel"/>'
        '<w:tmpl w:val="3A9B8C71"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="russianLower"/>'
        '<w:suff w:val="space"/><w:lvlText w:val="%1)"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>'
        "</w:abstractNum>"
    )
    num = parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
    )
    if nums:
        nums[0].addprevious(abstract)
        nums[-1].addnext(num)
    else:
        numbering.append(abstract)
        numbering.append(num)
    return num_id


def build_sports_month_rows() -> Path:
    """A sports committee's calendar plan: month rows («ЯНВАРЬ» merged across the table, «МАРТ»
    typed in the event column) over rows whose dates are only days («1-10», «2-3», «8»),
    numbers restarting under each month, a place column, two people on two lines of one cell,
    a quoted «УТВЕРЖДАЮ» stamp."""
    doc = new_document()
    for line in (
        "«УТВЕРЖДАЮ»",
        "Председатель комитета по физической",
        "культуре и спорту",
        "____________ А.В. Коротков",
        "«25» декабря 2019 г.",
    ):
        add_paragraph(doc, line, indent=Cm(8))
    add_paragraph(doc)
    title = [
        "Календарный план",
        "физкультурных и спортивных мероприятий",
        "городского округа Стрежевой на 2020 год",
    ]
    add_title(doc, title)
    add_paragraph(doc)
    plan = PlanTable(doc, (1.0, 6.0, 2.2, 3.6, 3.7), centered=(0, 2))
    plan.header(["№ п/п", "Наименование мероприятия", "Дата", "Место проведения", "Ответственный"])
    sport = ["Низовцева Р.В.", "Сонина О.Э."]
    plan.merged("ЯНВАРЬ", bold=True)
    plan.row("1", "Первенство города по лыжным гонкам", "1-10", "Лыжная база «Снежинка»", sport)
    plan.row(
        "2", "Турнир по мини-футболу среди юношей", "2-3", "Спорткомплекс «Кедр»", "Лукин С.П."
    )
    plan.row("3", "Рождественский турнир по волейболу", "8", "Спорткомплекс «Кедр»", "Лукин С.П.")
    plan.merged("ФЕВРАЛЬ", bold=True)
    plan.row("1", "Лыжня России", "8", "Лыжная база «Снежинка»", sport)
    plan.row("2", "Первенство города по шахматам", "15-16", "Шахматный клуб", "Ершов Д.А.")
    plan.row("3", "Соревнования «Спортивная семья»", "22, 29", "СОШ № 3", sport)
    plan.row("", "МАРТ", "", "", "")  # typed in the event column, not bold: still a month row
    plan.row("1", "Открытое первенство по плаванию", "14", "Бассейн «Дельфин»", "Ершов Д.А.")
    plan.row("2", "Фестиваль ГТО среди трудовых коллективов", "в течение месяца", "Стадион", sport)
    plan.row("3", "Итоговый турнир по баскетболу", "27-29", "Спорткомплекс «Кедр»", "Лукин С.П.")
    add_paragraph(doc)
    return save(doc, "plan-sports-month-rows.docx", " ".join(title))


def build_holiday_date_rows() -> Path:
    """A school's holiday programme: date rows («23 марта», «25марта») over rows whose "when"
    is only a time of day in its spellings («10.00-11-00», «12.30», «в 14 ч.», «Доп.график»),
    the time column FIRST, a stamp heading with a colon."""
    doc = new_document()
    for line in (
        "УТВЕРЖДАЮ:",
        "Директор МАОУ СОШ № 7",
        "_________ Т.Н. Гречко",
        "«14» марта 2022 г.",
    ):
        add_paragraph(doc, line, indent=Cm(9))
    add_paragraph(doc)
    title = ["План мероприятий", "на весенние каникулы 2022 года"]
    add_title(doc, title)
    add_paragraph(doc)
    plan = PlanTable(doc, (2.8, 6.7, 3.2, 3.8), centered=(0,))
    plan.header(["Время проведения", "Мероприятие", "Классы", "Ответственные"])
    plan.merged("23 марта", bold=True)
    plan.row("10.00-11-00", "Турнир по настольному теннису", "5-7", "Учитель физкультуры")
    plan.row("12.30", "Экскурсия в краеведческий музей", "3-4", "Классные руководители")
    plan.row("в 14 ч.", "Просмотр фильма «Время первых»", "8-9", "Педагог-организатор")
    plan.merged("25марта", bold=True)
    plan.row("9.00 - 10.30", "Мастер-класс «Пасхальный сувенир»", "1-4", "Учитель технологии")
    plan.row("11-00", "Весёлые старты", "5-6", "Учитель физкультуры")
    plan.row("Доп.график", "Консультации по подготовке к ОГЭ", "9", "Учителя-предметники")
    plan.merged("28 марта", bold=True)
    plan.row("10 ч. 30 мин.", "Интеллектуальная игра «Что? Где? Когда?»", "10-11", "Библиотекарь")
    plan.row("", "Работа школьной библиотеки", "1-11", "Библиотекарь")
    add_paragraph(doc)
    return save(doc, "plan-holiday-date-rows.docx", " ".join(title))


def build_council_places() -> Path:
    """A council's plan: «Рассматриваемые вопросы | Время, место проведения | Ответственные»,
    a "when" cell that also holds the place, day ranges sharing one month («1.-3 июня»,
    «01-03.03.2016»), «с … по … (N дней)», «2-я неделя», «I-полугодие», several dates on
    several lines, empty № cells with the number typed in the text, «Принят … / Утверждаю»
    side by side in one paragraph padded with tabs."""
    doc = new_document()
    for line in (
        "Принят на заседании\t\t\t\tУтверждаю",
        "Совета учреждения\t\t\t\tДиректор ДДТ «Радуга»",
        "Протокол № 4 от 28.12.2015\t\t\t_________ О.Л. Ветрова",
    ):
        add_paragraph(doc, line)
    add_paragraph(doc)
    title = ["План работы Совета учреждения", "МАУ ДО «Дом детского творчества» на 2016 год"]
    add_title(doc, title)
    add_paragraph(doc)
    plan = PlanTable(doc, (1.0, 7.3, 4.2, 4.0), centered=(0,))
    plan.header(["№", "Рассматриваемые вопросы", "Время, место проведения", "Ответственные"])
    chair = "Председатель Совета"
    plan.row(
        "1.",
        "Утверждение плана работы Совета на 2016 год",
        "31.01.2016 г., малый зал",
        [chair, "Ветрова О.Л."],
    )
    plan.row("", "1.1. Отчёт о работе за 2015 год", "31.01.2016 г., малый зал", "О.Л. Ветрова")
    plan.row("", "1.2. Выборы секретаря Совета", "31.01.2016 г., малый зал", chair)
    plan.row(
        "2.",
        "Организация летней оздоровительной кампании",
        "01-03.03.2016, актовый зал",
        "Е.А. Солдатова, ст. воспитатель",
    )
    plan.row(
        "3.",
        "Смотр-конкурс творческих объединений",
        "с 11.04 по 15.04.2016 (5 дней)",
        "Педагоги дополнительного образования",
    )
    plan.row("4.", "Отчётный концерт", "1.-3 июня", "Методист Н.П. Брагина")
    plan.row("5.", "Анализ посещаемости объединений", "2-я неделя октября", chair)
    plan.row(
        "6.",
        "Заседания Совета по текущим вопросам",
        ["15.09.2016", "20.10.2016", "17.11.2016"],
        chair,
    )
    plan.row("7.", "Мониторинг удовлетворённости родителей", "I-полугодие", "Методист Н.П. Брагина")
    plan.row("8.", "Подготовка к новогодним праздникам", "в теч. мес. (декабрь)", chair)
    add_paragraph(doc)
    return save(doc, "plan-council-places.docx", " ".join(title))


def build_unknown_headers() -> Path:
    """A kindergarten's plan headed «Направление | Что делаем | Кто | Когда» with the direction
    merged down over its rows, and a second table whose headers no list of words knows, bar the
    misleading «Направление» («Направление | Дата | Пункт плана | Ф.И.О.»): columns found by
    what they hold."""
    doc = new_document()
    add_approval(doc, ["УТВЕРЖДАЮ", "Заведующий МБДОУ № 15", "___________ Л.М. Орлова"])
    add_paragraph(doc)
    title = ["План работы МБДОУ «Детский сад № 15» на 2023-2024 учебный год"]
    add_title(doc, title)
    add_paragraph(doc)
    plan = PlanTable(doc, (3.0, 7.0, 3.5, 3.0), centered=())
    plan.header(["Направление", "Что делаем", "Кто", "Когда"])
    plan.row(
        "Учебная",
        "Составление рабочих программ воспитателей",
        "Е.А. Солдатова, ст. воспитатель",
        "сентябрь",
    )
    plan.row(
        "", "Открытые занятия для молодых педагогов", "Е.А. Солдатова И.В. Кравец", "ноябрь, март"
    )
    plan.row("", "Смотр-конкурс уголков природы", "Воспитатели групп", "I-полугодие")
    plan.merge_down(0, 1, 3)
    plan.row(
        "Воспитательная", "Праздник «Осенины»", "Музыкальный руководитель", "4-я неделя октября"
    )
    plan.row(
        "",
        "Новогодние утренники",
        "Музыкальный руководитель, воспитатели",
        "25.12.2023 - 29.12.2023",
    )
    plan.row("", "Выпускной бал", "Л.М. Орлова", "май")
    plan.merge_down(0, 4, 6)
    add_paragraph(doc)
    add_paragraph(doc, "Работа с родителями", bold=True, align=CENTER)
    add_paragraph(doc)
    second = PlanTable(doc, (3.0, 2.6, 7.4, 3.5), centered=(1,))
    second.header(["Направление", "Дата", "Пункт плана", "Ф.И.О."])
    second.row(
        "С родителями",
        "14.09.2023",
        "Общее родительское собрание «Начало учебного года»",
        "Орлова Л.М.",
    )
    second.row("", "в течение года", "Консультации для родителей по запросу", "Кравец И.В.")
    second.row("", "апрель", "День открытых дверей для будущих воспитанников", "Солдатова Е.А.")
    second.merge_down(0, 1, 3)
    add_paragraph(doc)
    return save(doc, "plan-unknown-headers.docx", " ".join(title))


def build_side_by_side_stamp() -> Path:
    """An academy's plan: the letterhead and «ПРИКАЗ» above, «СОГЛАСОВАНО … УТВЕРЖДАЮ» side by
    side in one paragraph padded with spaces, a position over several lines with a name inside
    it, the title's «План …» phrase with its continuation lines, events numbered by a
    Russian-letter list (the 8th is «з)»)."""
    doc = new_document()
    letters = add_letter_list(doc)
    add_paragraph(doc, "Министерство обороны Российской Федерации", align=CENTER)
    add_paragraph(doc, "Военно-космическая академия имени А.Ф. Можайского", align=CENTER)
    add_paragraph(doc)
    pad = " " * 24
    for left, right in (
        ("СОГЛАСОВАНО", "УТВЕРЖДАЮ"),
        ("Председатель учёного совета", "Начальник Военно-космической"),
        ("академии", "академии имени А.Ф. Можайского"),
        ("__________ В.В. Садин", "генерал-лейтенант"),
        ("", "__________ А.Н. Нестечук"),
    ):
        add_paragraph(doc, f"{left}{pad}{right}" if left else f"{pad}{pad}{right}")
    add_paragraph(doc)
    add_title(
        doc,
        ["ПЛАН", "научно-исследовательской работы кафедры", "на 2021-2022 учебный год"],
    )
    add_paragraph(doc)
    plan = PlanTable(doc, (8.0, 4.0, 4.5), centered=())
    plan.header(["Наименование работы", "Срок выполнения", "Исполнитель"])
    events = (
        ("Подготовка отчёта о научной работе", "до 15.09.2021", "Начальник кафедры"),
        ("Участие в межвузовской конференции", "октябрь", "Петров И.С."),
        ("Подготовка статей в журнал «Труды ВКА»", "II квартал", "Сидоров А.А."),
        ("Рецензирование диссертаций", "по мере поступления", "Начальник кафедры"),
        ("Научный семинар кафедры", "ежемесячно", "Ученый секретарь"),
        ("Разработка учебного пособия", "I-полугодие", "Петров И.С."),
        ("Конкурс научных работ курсантов", "2-я неделя апреля", "Сидоров А.А."),
        ("Военно-научная конференция курсантов", "20.04.2022 в 10.00", "Начальник кафедры"),
        ("Отчёт о выполнении плана", "до 30.06.2022", "Начальник кафедры"),
    )
    for text, when, who in events:
        row = plan.row(text, when, who)
        set_list_level(row.cells[0].paragraphs[0], letters, 0)
    add_paragraph(doc)
    return save(doc, "plan-side-by-side-stamp.docx", "План научно-исследовательской работы")


def build_monthly_tables() -> Path:
    """A kindergarten's plan made of monthly tables, each headed «ПЛАН РАБОТЫ … НА ОКТЯБРЬ …»
    (each table a section, the plan period from them), each month's table laid out by another
    hand: empty № cells, «Сроки» as the FIRST column, «Место и сроки проведения», «в теч. мес.»."""
    doc = new_document()
    add_approval(doc, ["УТВЕРЖДАЮ", "Заведующий МАДОУ № 8", "___________ С.Г. Лаптева"])
    add_paragraph(doc)
    music = "Музыкальный руководитель"
    months: tuple[tuple[str, tuple[float, ...], tuple[str, ...], tuple[tuple[str, ...], ...]], ...]
    months = (
        (
            "ОКТЯБРЬ",
            (1.0, 8.0, 3.0, 4.5),
            ("№", "Мероприятия", "Сроки", "Ответственные"),
            (
                (
                    "1",
                    "Педагогический совет «Адаптация детей раннего возраста»",
                    "12.10",
                    "Лаптева С.Г.",
                ),
                ("2", "Осенний праздник", "3-я неделя", music),
                ("", "Консультации для родителей", "в теч. мес.", "Воспитатели"),
            ),
        ),
        (
            "НОЯБРЬ",
            (3.0, 9.0, 4.5),
            ("Сроки", "Мероприятия", "Ответственные"),
            (
                ("21-25.11", "Выставка рисунков «Моя мама»", "Воспитатели"),
                (
                    "16.11 в 13.30",
                    "Семинар-практикум для педагогов",
                    "Е.А. Солдатова, ст. воспитатель",
                ),
            ),
        ),
        (
            "ДЕКАБРЬ",
            (1.0, 7.0, 4.0, 4.5),
            ("№", "Мероприятия", "Место и сроки проведения", "Ответственные"),
            (
                (
                    "1",
                    "Смотр-конкурс «Зимний участок»",
                    "1-я неделя, участок детского сада",
                    "Лаптева С.Г.",
                ),
                ("2", "Новогодние утренники", "26-29, музыкальный зал", music),
                ("3", "Анализ заболеваемости", "в течение месяца", "Медицинская сестра"),
            ),
        ),
    )
    for index, (month, widths, labels, rows) in enumerate(months):
        add_title(doc, [f"ПЛАН РАБОТЫ МАДОУ № 8 НА {month} 2021 г."])
        add_paragraph(doc)
        plan = PlanTable(doc, widths, centered=(0,))
        plan.header(labels)
        for row in rows:
            plan.row(*row)
        add_paragraph(doc)
        if index < len(months) - 1:
            doc.add_page_break()
    return save(doc, "plan-monthly-tables.docx", "План работы МАДОУ № 8")


#: the programme's prose, one short line per paragraph (a PDF's text outside tables is read line
#: by line, so longer paragraphs would read back as several warnings)
LONG_PROSE = (
    "Программа определяет стратегию развития гимназии.",
    "Программа разработана в соответствии с законом «Об образовании».",
    "Гимназия располагает кадровыми и материальными ресурсами.",
    "Направления: содержание образования, кадры, цифровая среда.",
    "Целевые показатели приведены в таблице раздела 5.",
)


def build_long_document() -> Path:
    """A development programme over several pages whose plan is one table near its end, among
    other tables: one of them with plan-like columns far from the plan, one of indicators."""
    doc = new_document()
    add_approval(doc, ["УТВЕРЖДАЮ", "Директор МБОУ «Гимназия № 2»", "___________ Н.В. Глухова"])
    add_paragraph(doc)
    add_title(doc, ["ПРОГРАММА РАЗВИТИЯ", "МБОУ «Гимназия № 2» на 2021–2025 годы"])
    add_paragraph(doc)
    add_paragraph(doc, "1. Паспорт программы", bold=True)
    stages = PlanTable(doc, (6.0, 4.0, 6.5))
    stages.header(["Этап", "Сроки", "Ответственные"])
    stages.row("Подготовительный", "2021 год", "Администрация")
    stages.row("Основной", "2022–2024 годы", "Администрация, педагоги")
    for chapter in range(2, 5):
        add_paragraph(doc)
        add_paragraph(doc, f"{chapter}. Раздел программы", bold=True)
        for paragraph in LONG_PROSE:
            add_paragraph(doc, paragraph)
        doc.add_page_break()
    add_paragraph(doc, "5. Целевые показатели", bold=True)
    indicators = PlanTable(doc, (8.5, 2.0, 2.0, 2.0, 2.0))
    indicators.header(["Показатель", "2022", "2023", "2024", "2025"])
    indicators.row("Доля педагогов высшей категории, %", "40", "45", "50", "55")
    indicators.row("Доля выпускников, поступивших в вузы, %", "70", "72", "75", "78")
    add_paragraph(doc)
    add_paragraph(doc, "6. План мероприятий по реализации программы на 2021–2025 годы", bold=True)
    add_paragraph(doc)
    plan = PlanTable(doc, (1.0, 7.5, 3.5, 4.5))
    plan.header(["№ п/п", "Мероприятие", "Срок", "Ответственный"])
    plan.row(
        "1.", "Разработка положения о внутренней системе оценки качества", "2021 год", "Директор"
    )
    plan.row("2.", "Открытие центра «Точка роста»", "01.09.2022", "Заместитель директора по УВР")
    plan.row(
        "3.", "Курсы повышения квалификации учителей", "ежегодно", "Заместитель директора по УВР"
    )
    plan.row("4.", "Участие в конкурсе «Школа года»", "II полугодие 2023 г.", "Директор")
    plan.row("5.", "Отчёт о реализации программы", "декабрь 2025 г.", "Директор")
    add_paragraph(doc)
    add_paragraph(doc, "7. Механизмы управления программой", bold=True)
    add_paragraph(doc, LONG_PROSE[0])
    return save(doc, "plan-long-document.docx", "Программа развития")


BUILDERS: tuple[Callable[[], Path], ...] = (
    build_plan_2021_2022,
    build_layout_table_approval,
    build_auto_numbering,
    build_half_years_merged_cells,
    build_month_rich_cells,
    build_program_2020_2024,
    build_college_year_long,
    build_municipal_long,
    build_unruled,
    build_sports_month_rows,
    build_holiday_date_rows,
    build_council_places,
    build_unknown_headers,
    build_side_by_side_stamp,
    build_monthly_tables,
    build_long_document,
)


def main() -> None:
    parser = argparse.ArgumentParser(description="Rebuild the sample DOCX files.")
    parser.add_argument("--out", type=Path, default=SAMPLES_DIR, help="output folder")
    OUTPUT[0] = parser.parse_args().out
    OUTPUT[0].mkdir(parents=True, exist_ok=True)
    for build in BUILDERS:
        print(build())


if __name__ == "__main__":
    main()
