"""Large, realistic work plans for benchmarks and stitching tests, written with python-docx.

``make_plan_docx(path, events)`` writes a plan of ``events`` events in sections of 20, with
the approval block, a bold title, a repeated header row and merged section rows, like the
seed; ``to_pdf`` exports it through LibreOffice headless.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.shared import Pt

EXECUTORS = (
    "Заместитель директора по УР",
    "Методический совет",
    "Руководители МО",
    "Классные руководители",
    "Педагог-психолог",
    "Социальный педагог",
)
DEADLINES = (
    "сентябрь",
    "до 15.10.2023",
    "I квартал",
    "в течение года",
    "ежемесячно",
    "май, июнь",
    "II полугодие",
    "по мере необходимости",
    "20.12.2023",
    "1 раз в четверть",
)
SECTION = 20


def events(count: int, first_section: int = 1) -> list[tuple[str, str, list[str], str]]:
    """(number, title, executors, deadline) of every event, in order.

    ``first_section`` numbers the sections from there on (100 gives "100.17", wider than the
    "№" column, as in a long plan).
    """
    out = []
    for index in range(count):
        section, item = divmod(index, SECTION)
        title = f"Мероприятие {index + 1}: подготовка и проведение заседания по вопросу {item + 1}"
        if index % 7 == 3:  # a longer event, likely to be cut by a page break
            title += " с привлечением социальных партнёров, родителей и обучающихся колледжа" * 3
        executors = [EXECUTORS[index % len(EXECUTORS)]]
        if index % 3 == 0:
            executors.append(EXECUTORS[(index + 2) % len(EXECUTORS)])
        out.append(
            (
                f"{section + first_section}.{item + 1}",
                title,
                executors,
                DEADLINES[index % len(DEADLINES)],
            )
        )
    return out


def section_heading(number: int) -> str:
    return f"Раздел {number}. Направление работы номер {number}"


def make_plan_docx(path: Path, count: int, first_section: int = 1) -> Path:
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    for text in ("УТВЕРЖДАЮ", "Директор колледжа", "____________ О.В. Кузнецова"):
        paragraph = document.add_paragraph(text)
        paragraph.paragraph_format.left_indent = Pt(260)
    title = document.add_paragraph()
    title.add_run("План работы колледжа на 2023-2024 учебный год").bold = True
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    header = table.rows[0]
    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for cell, text in zip(
        header.cells, ("№ п/п", "Мероприятие", "Ответственные", "Сроки"), strict=True
    ):
        cell.text = text
    for index, (number, text, executors, deadline) in enumerate(events(count, first_section)):
        if index % SECTION == 0:
            cells = table.add_row().cells
            merged = cells[0].merge(cells[-1])
            merged.text = section_heading(index // SECTION + first_section)
            for run in merged.paragraphs[0].runs:
                run.bold = True
        cells = table.add_row().cells
        cells[0].text = number
        cells[1].text = text
        cells[2].text = executors[0]
        for extra in executors[1:]:
            cells[2].add_paragraph(extra)
        cells[3].text = deadline
    widths = (Pt(40), Pt(250), Pt(120), Pt(90))
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    document.save(str(path))
    return path


__all__ = ["DEADLINES", "events", "make_plan_docx", "section_heading"]
