"""One workbook of all plans of a batch: one row per event, with the plan it belongs to.

Written in openpyxl's write-only (streaming) mode: a batch of thousands of plans has hundreds
of thousands of rows, and the rows can be added as each plan is read.
"""

from __future__ import annotations

from collections.abc import Iterable
from copy import copy
from pathlib import Path
from types import TracebackType

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

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
SHEET = "Все планы"


#: characters of 11 pt text per unit of column width, and the height of one line in points
_CHARS_PER_WIDTH = 0.95
_LINE_POINTS = 14.5


def _height(texts: tuple[str, ...]) -> float:
    """Row height for the texts wrapped in their columns' widths."""
    lines = 1
    for text, (_, width) in zip(texts, COLUMNS, strict=False):
        per_line = max(1, int(width * _CHARS_PER_WIDTH))
        needed = sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))
        lines = max(lines, needed)
    return _LINE_POINTS * lines + 2


class CombinedWriter:
    """``all-plans.xlsx``, filled plan by plan (``add``), saved by ``close``."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.book = Workbook(write_only=True)
        self.book.properties.creator = None  # not «openpyxl»
        self.book.properties.language = "ru-RU"
        self.sheet: Worksheet = self.book.create_sheet(SHEET)
        self.rows = 1
        for index, (_, width) in enumerate(COLUMNS, start=1):
            self.sheet.column_dimensions[get_column_letter(index)].width = width
        self.sheet.freeze_panes = "A2"
        # a style built once and copied by value: setting Alignment per cell costs more than
        # the rest of writing the cell
        proto = WriteOnlyCell(self.sheet)
        proto.alignment = Alignment(wrap_text=True, vertical="top")
        self._wrap = proto._style
        dated = WriteOnlyCell(self.sheet)
        dated.number_format = "DD.MM.YYYY"
        self._dated = dated._style
        bold = Font(bold=True)
        header = []
        for title, _ in COLUMNS:
            cell = WriteOnlyCell(self.sheet)
            text_cell(cell, title)
            cell.font = bold
            header.append(cell)
        self.sheet.append(header)

    def _text(self, text: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.sheet)
        text_cell(cell, text)
        cell._style = copy(self._wrap)
        return cell

    def add(self, path: Path, plan: Plan) -> None:
        """One row per event of ``plan`` (read from ``path``)."""
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
                cells = [self._text(text) for text in texts]
                for day in (item.deadline.start, item.deadline.end):
                    cell = WriteOnlyCell(self.sheet, value=day)
                    cell._style = copy(self._dated)
                    cells.append(cell)
                self.rows += 1
                # spreadsheets do not grow the rows a program writes: give the wrapped text room
                self.sheet.row_dimensions[self.rows].height = _height(texts)
                self.sheet.append(cells)
                del self.sheet.row_dimensions[self.rows]  # written; 100,000 rows need no memory

    def close(self) -> Path:
        """Save the workbook; return its path."""
        last = get_column_letter(len(COLUMNS))
        self.sheet.auto_filter.ref = f"A1:{last}{max(self.rows, 2)}"
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.book.save(self.out)
        return self.out

    def __enter__(self) -> CombinedWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if kind is None:
            self.close()


def write_combined(plans: Iterable[tuple[Path, Plan]], out: Path) -> Path:
    """Write every event of every plan into one sheet «Все планы»."""
    writer = CombinedWriter(out)
    for path, plan in plans:
        writer.add(path, plan)
    return writer.close()
