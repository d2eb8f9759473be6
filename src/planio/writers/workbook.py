"""The tracking workbook: the plan as rows a secretary marks up all year.

Layout, styles, the status drop-down, conditional formatting, print setup and the summary's
formulas come from ``templates/tracking.xlsx``; this module only fills it. Every cell of text
from a document is written as text, so a cell starting with "=", "+", "-" or "@" can never
become a formula. Each row carries a hidden key (``L``) so rows can be sorted and filtered and
still be read back (:mod:`planio.readers.xlsx`), and a hidden copy of the plan (sheet
``planio``) so that reading back needs nothing but the workbook.
"""

from __future__ import annotations

from copy import copy
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from planio.errors import CorruptFileError, FileMissingError
from planio.i18n import _
from planio.model import STATUS_LABELS, Item, Plan, PlanWarning
from planio.plan_warnings import warning, where
from planio.recurrence import months_touched, occurrences
from planio.workbook_layout import (
    COL,
    DATA_SHEET,
    EXECUTORS_SHEET,
    GANTT_SHEET,
    PLAN_SHEET,
    SUMMARY_SHEET,
    item_key,
    section_label,
)
from planio.writers.templating import template_path

#: the Gantt shows at most this many months (a plan "на 2020–2024 годы" needs 60)
MAX_GANTT_MONTHS = 240
#: a recurring event gets at most this many control rows (weekly over a school year: 53)
MAX_CONTROLS = 400
#: height of one line of 11 pt text, in points
_LINE_POINTS = 14.5
#: characters per cell of the hidden plan copy (Excel's limit is 32,767)
_CHUNK = 30_000
#: what «Просрочено» shows for an overdue event (empty otherwise)
OVERDUE_MARK = "Да"
_MONTHS_RU = ("янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")


def text_cell(cell: Cell, value: str) -> None:
    """Store as text whatever it looks like ("=…", "+…", "-…", "@…" included).

    Control characters, which XLSX cannot hold (openpyxl refuses them), are dropped.
    """
    cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell.data_type = "s"


def _styler(sheet: Worksheet, columns: int) -> list[Any]:
    """Styles of the template's prototype row 2, to copy onto every filled row."""
    return [copy(sheet.cell(row=2, column=c)._style) for c in range(1, columns + 1)]


_ControlRow = tuple[str, int, int, Item, date | None, date | None]


class _Filler:
    def __init__(self, book: Workbook, plan: Plan, expand_recurring: bool) -> None:
        self.book = book
        self.plan = plan
        self.expand = expand_recurring
        self.executors = plan.executors()
        self.codes = {name: index + 1 for index, name in enumerate(self.executors)}

    def rows(self) -> list[_ControlRow]:
        """(key, section index, item index, item, start, end) of every control row."""
        out: list[_ControlRow] = []
        for s_index, section in enumerate(self.plan.sections):
            for i_index, item in enumerate(section.items):
                deadline = item.deadline
                windows = occurrences(deadline, MAX_CONTROLS + 1) if self.expand else []
                if (
                    self.expand
                    and deadline.kind == "recurring"
                    and 1 < len(windows) <= MAX_CONTROLS
                ):
                    for k, window in enumerate(windows):
                        key = item_key(s_index, i_index, k)
                        out.append((key, s_index, i_index, item, window.start, window.end))
                else:
                    key = item_key(s_index, i_index)
                    out.append((key, s_index, i_index, item, deadline.start, deadline.end))
        return out

    def plan_sheet(self) -> int:
        sheet = self.book[PLAN_SHEET]
        styles = _styler(sheet, len(COL))
        rows = self.rows()
        previous = -1
        for offset, (key, s_index, _i, item, start, end) in enumerate(rows):
            r = 2 + offset
            cells = [sheet.cell(row=r, column=c) for c in range(1, len(COL) + 1)]
            for cell, style in zip(cells, styles, strict=True):
                cell._style = copy(style)
            section = self.plan.sections[s_index]
            text_cell(cells[0], item.number)
            text_cell(cells[1], section_label(section.number, section.heading))
            if s_index != previous and section.heading:  # the whole heading, once per section
                cells[1].comment = _comment(section.heading)
            previous = s_index
            text_cell(cells[2], item.title)
            text_cell(cells[3], "; ".join(item.executors))
            text_cell(cells[4], item.deadline.text)
            cells[5].value = start
            cells[6].value = end
            text_cell(cells[7], STATUS_LABELS[item.status or "not_started"])
            cells[8].value = item.done_on
            text_cell(cells[9], item.note)
            overdue = f'AND(G{r}<>"",G{r}<TODAY(),H{r}<>"Выполнено",H{r}<>"Отменено")'
            cells[10].value = f'=IF({overdue},"{OVERDUE_MARK}","")'
            text_cell(cells[11], key)
            text_cell(cells[12], "|" + "|".join(str(self.codes[e]) for e in item.executors) + "|")
        self._fit_heights(sheet, len(rows))
        last = 1 + len(rows)
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(COL) - 2)}{max(last, 2)}"
        return last

    @staticmethod
    def _fit_heights(sheet: Worksheet, count: int) -> None:
        """Row heights for the wrapped text: spreadsheets do not grow rows written by a program."""
        widths = {
            c: sheet.column_dimensions[get_column_letter(c)].width or 10
            for c in (COL["section"], COL["title"], COL["executors"], COL["deadline"], COL["note"])
        }
        for r in range(2, 2 + count):
            lines = 1
            for column, width in widths.items():
                text = sheet.cell(row=r, column=column).value or ""
                per_line = max(1.0, float(width) * 1.3)
                needed = sum(
                    max(1, -(-len(part) // int(per_line))) for part in str(text).split("\n")
                )
                lines = max(lines, needed)
            sheet.row_dimensions[r].height = _LINE_POINTS * lines + 2

    def executors_sheet(self) -> int:
        sheet = self.book[EXECUTORS_SHEET]
        styles = _styler(sheet, 8)
        codes = "План!$M$2:$M$100000"
        for offset, name in enumerate(self.executors):
            r = 2 + offset
            cells = [sheet.cell(row=r, column=c) for c in range(1, 9)]
            for cell, style in zip(cells, styles, strict=True):
                cell._style = copy(style)
            text_cell(cells[0], name)
            text_cell(cells[1], str(self.codes[name]))
            mine = f'{codes},"*|"&$B{r}&"|*"'
            cells[2].value = f"=COUNTIFS({mine})"
            for column in range(4, 8):
                letter = get_column_letter(column)
                cells[column - 1].value = f"=COUNTIFS({mine},План!$H$2:$H$100000,{letter}$1)"
            cells[7].value = f'=COUNTIFS({mine},План!$K$2:$K$100000,"{OVERDUE_MARK}")'
        return 1 + len(self.executors)

    def summary_sheet(self, executors_last: int) -> None:
        sheet = self.book[SUMMARY_SHEET]
        text_cell(sheet["A2"], self.plan.title)
        if executors_last < 2:
            return
        chart = BarChart()
        chart.type = "bar"
        chart.grouping = "stacked"
        chart.overlap = 100
        chart.title = "Статусы по исполнителям"
        source = self.book[EXECUTORS_SHEET]
        data = Reference(source, min_col=4, max_col=7, min_row=1, max_row=executors_last)
        categories = Reference(source, min_col=1, min_row=2, max_row=executors_last)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(categories)
        chart.height = max(7.5, 0.8 * (executors_last - 1) + 3)
        chart.width = 22
        sheet.add_chart(chart, "D4")

    def gantt_sheet(self) -> None:
        sheet = self.book[GANTT_SHEET]
        period = self.plan.period
        months = _months(period.start, period.end)[:MAX_GANTT_MONTHS] if period else []
        header = sheet.cell(row=1, column=3)
        header_style = copy(header._style)
        for offset, (year, month) in enumerate(months):
            cell = sheet.cell(row=1, column=3 + offset)
            cell._style = copy(header_style)
            text_cell(cell, f"{_MONTHS_RU[month - 1]} {year}")
            sheet.column_dimensions[get_column_letter(3 + offset)].width = 8
        styles = _styler(sheet, 3)
        index = {ym: 3 + k for k, ym in enumerate(months)}
        title_width = float(sheet.column_dimensions["B"].width or 50)
        r = 2
        for section in self.plan.sections:
            for item in section.items:
                cells = [sheet.cell(row=r, column=c) for c in (1, 2)]
                for cell, style in zip(cells, styles[:2], strict=True):
                    cell._style = copy(style)
                text_cell(cells[0], item.number)
                text_cell(cells[1], item.title)
                # the title wraps inside its column; the row grows to hold it
                sheet.row_dimensions[r].height = _LINE_POINTS * _lines(item.title, title_width) + 2
                for column in range(3, 3 + len(months)):
                    sheet.cell(row=r, column=column)._style = copy(styles[2])
                shown = _shown_months(item)
                for ym in shown:
                    if ym in index:
                        sheet.cell(row=r, column=index[ym]).value = 1
                if months and shown and not shown & set(index):
                    cells[1].comment = _comment(_("dated outside the plan period"))
                r += 1

    def data_sheet(self) -> None:
        sheet = self.book.create_sheet(DATA_SHEET)
        sheet.sheet_state = "veryHidden"
        known = {(w.code, w.item, w.text) for w in self.plan.warnings}
        extra = [w for w in outside_period(self.plan) if (w.code, w.item, w.text) not in known]
        stored = self.plan.model_copy(update={"warnings": [*self.plan.warnings, *extra]})
        payload = stored.model_dump_json()
        for row, start in enumerate(range(0, len(payload), _CHUNK), start=1):
            text_cell(sheet.cell(row=row, column=1), payload[start : start + _CHUNK])


def _comment(text: str) -> Comment:
    comment = Comment(ILLEGAL_CHARACTERS_RE.sub("", text), "planio")
    comment.width, comment.height = 320, 120
    return comment


def _lines(text: str, width: float) -> int:
    """Lines ``text`` takes wrapped in a column ``width`` characters wide."""
    per_line = max(1, int(width * 1.3))
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


def outside_period(plan: Plan) -> list[PlanWarning]:
    """An event whose dates all fall outside the plan's period: likely a typo in the year."""
    period = plan.period
    if period is None:
        return []
    out: list[PlanWarning] = []
    for section in plan.sections:
        for item in section.items:
            deadline = item.deadline
            if deadline.start is None or deadline.end is None:
                continue
            if deadline.end < period.start or deadline.start > period.end:
                out.append(
                    warning(
                        "outside_period",
                        item=item.number,
                        text=deadline.text,
                        where=where(item.number, item.title),
                        period=period.label or f"{period.start:%d.%m.%Y} – {period.end:%d.%m.%Y}",
                    )
                )
    return out


def _months(start: date, end: date) -> list[tuple[int, int]]:
    out = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _shown_months(item: Item) -> set[tuple[int, int]]:
    """Months the Gantt shades: each control of a recurring event, else every month it spans."""
    deadline = item.deadline
    if deadline.kind == "recurring":
        return {(w.end.year, w.end.month) for w in occurrences(deadline, MAX_GANTT_MONTHS * 5)}
    if deadline.kind == "due" and deadline.end is not None:
        return {(deadline.end.year, deadline.end.month)}
    return months_touched(deadline.periods)


def _replace_title(book: Workbook, title: str) -> None:
    """Put the plan's title where the template's headers say ``{{ title }}``."""
    safe = title.replace("&", "&&")
    for sheet in book.worksheets:
        for part in (sheet.oddHeader.left, sheet.oddHeader.center, sheet.oddHeader.right):
            if part.text and "{{ title }}" in part.text:
                part.text = part.text.replace("{{ title }}", safe)


def _properties(book: Workbook, plan: Plan) -> None:
    """The file's properties from the plan: no «openpyxl» as its author."""
    approval = plan.approval
    author = (approval.name or approval.position) if approval is not None else ""
    author = ILLEGAL_CHARACTERS_RE.sub("", author)
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    properties = book.properties
    properties.creator = author[:255] or None
    properties.lastModifiedBy = author[:255] or None
    properties.title = ILLEGAL_CHARACTERS_RE.sub("", plan.title)[:255] or None
    properties.language = "ru-RU"
    properties.created = now
    properties.modified = now


def write_workbook(
    plan: Plan,
    out: str | Path,
    template: str | Path | None = None,
    *,
    expand_recurring: bool = False,
) -> Path:
    """Write the tracking workbook of ``plan``; return the path written.

    ``expand_recurring`` gives a recurring event one control row per occurrence
    ("1 раз в квартал" → four rows with their own due dates).
    """
    source = Path(template) if template is not None else template_path("tracking.xlsx")
    if not source.is_file():
        raise FileMissingError(_("no such template"), source)
    try:
        book = load_workbook(source)
    except Exception as exc:  # openpyxl raises many types for a file that is not a workbook
        raise CorruptFileError(
            _("not an Excel template ({reason})").format(reason=type(exc).__name__), source
        ) from None
    for name in (PLAN_SHEET, EXECUTORS_SHEET, SUMMARY_SHEET, GANTT_SHEET):
        if name not in book.sheetnames:
            raise CorruptFileError(
                _("the template has no sheet «{sheet}»").format(sheet=name), source
            )
    filler = _Filler(book, plan, expand_recurring)
    filler.plan_sheet()
    filler.summary_sheet(filler.executors_sheet())
    filler.gantt_sheet()
    filler.data_sheet()
    _replace_title(book, plan.title)
    _properties(book, plan)
    book.active = 0
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path
