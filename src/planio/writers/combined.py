"""One workbook of all plans of a batch: one row per event, with the plan it belongs to."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from planio.model import Plan
from planio.writers.workbook import text_cell

COLUMNS = (  # header, width
    ("План", 40),
    ("Файл", 24),
    ("№", 7),
    ("Раздел", 30),
    ("Мероприятие", 60),
    ("Исполнители", 30),
    ("Срок", 20),
    ("Начало", 12),
    ("Окончание", 12),
)


def write_combined(plans: Iterable[tuple[Path, Plan]], out: Path) -> Path:
    """Write every event of every plan into one sheet «Все планы»."""
    book = Workbook()
    book.properties.creator = None  # not «openpyxl»
    book.properties.language = "ru-RU"
    sheet = book.active
    sheet.title = "Все планы"
    bold = Font(bold=True)
    for index, (header, width) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index, value=header)
        cell.font = bold
        sheet.column_dimensions[get_column_letter(index)].width = width
    row = 2
    wrap = Alignment(wrap_text=True, vertical="top")
    for path, plan in plans:
        for section in plan.sections:
            for item in section.items:
                texts = (
                    plan.title,
                    path.name,
                    item.number,
                    section.heading,
                    item.title,
                    "; ".join(item.executors),
                    item.deadline.text,
                )
                for column, text in enumerate(texts, start=1):
                    cell = sheet.cell(row=row, column=column)
                    text_cell(cell, text)
                    cell.alignment = wrap
                for column, day in ((8, item.deadline.start), (9, item.deadline.end)):
                    cell = sheet.cell(row=row, column=column, value=day)
                    cell.number_format = "DD.MM.YYYY"
                row += 1
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(row - 1, 2)}"
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return out
