"""The tracking workbook read back: the plan with the statuses a secretary filled in.

The plan itself comes from the workbook's hidden copy (sheet ``planio``); statuses,
completion dates and notes come from the "План" rows, matched by their hidden key, so rows
may be sorted and filtered freely. A row the user added (no key) becomes a new event in its
section, a deleted row leaves its event untouched, and both are reported in ``warnings``.
Control rows of a recurring event ("2.1#3") are folded into one status.
"""

from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from pydantic import ValidationError

from planio.dates.deadlines import parse_deadline
from planio.errors import CorruptFileError, PlanioError, UnsupportedFormatError
from planio.executors import split_separators
from planio.i18n import _
from planio.model import Item, Plan, PlanWarning, Section, Status
from planio.plan_warnings import WORKBOOK_CODES, warning
from planio.readers.limits import Limits
from planio.readers.ooxml import check_zip_xml
from planio.text import clean_lines, collapse
from planio.workbook_layout import (
    COL,
    DATA_SHEET,
    PLAN_SHEET,
    base_key,
    item_key,
    section_label,
)

_STATUS_BY_LABEL: dict[str, Status] = {
    "не начато": "not_started",
    "в работе": "in_progress",
    "выполнено": "done",
    "отменено": "cancelled",
}
_PRECEDENCE: tuple[Status, ...] = ("in_progress", "not_started", "done", "cancelled")


@dataclass(slots=True)
class _Row:
    number: int
    values: dict[str, Any]

    def text(self, column: str) -> str:
        value = self.values.get(column)
        return "" if value is None else str(value).strip()


def _day(value: Any) -> date | str | None:
    """A date cell as a date; None when empty; the text itself when it is not a date."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    deadline = parse_deadline(text)
    return deadline.start if deadline.kind == "date" and deadline.start else text


def _status(text: str) -> Status | None:
    """The status a label names ("выполнено" → done), or None for an empty or unknown one."""
    return _STATUS_BY_LABEL.get(text.casefold()) if text else None


def _fold(statuses: list[Status]) -> Status:
    """One status for the control rows of a recurring event."""
    if all(s == "done" for s in statuses):
        return "done"
    if all(s == "cancelled" for s in statuses):
        return "cancelled"
    if any(s in ("done", "in_progress") for s in statuses):
        return "in_progress"
    return next(s for s in _PRECEDENCE if s in statuses)


def _stored_plan(book: Any, name: str) -> Plan:
    if DATA_SHEET not in book.sheetnames:
        raise UnsupportedFormatError(
            _(
                "a workbook planio did not write (no hidden plan sheet); "
                "write one with `planio workbook`"
            ),
            name,
        )
    sheet = book[DATA_SHEET]
    payload = "".join(str(row[0]) for row in sheet.iter_rows(values_only=True) if row and row[0])
    try:
        return Plan.model_validate_json(payload)
    except ValidationError:
        raise CorruptFileError(_("the workbook's hidden plan copy is damaged"), name) from None


def _rows(book: Any, name: str) -> list[_Row]:
    if PLAN_SHEET not in book.sheetnames:
        raise CorruptFileError(
            _("the workbook has no sheet «{sheet}»").format(sheet=PLAN_SHEET), name
        )
    names = {index - 1: column for column, index in COL.items()}
    rows: list[_Row] = []
    for number, values in enumerate(
        book[PLAN_SHEET].iter_rows(min_row=2, max_col=len(COL), values_only=True), start=2
    ):
        if not any(v not in (None, "") for v in values):
            continue
        rows.append(_Row(number, {names[i]: v for i, v in enumerate(values)}))
    return rows


def read_workbook_bytes(data: bytes, name: str, limits: Limits) -> Plan:
    """Read a tracking workbook's bytes (see :func:`read_workbook`)."""
    check_zip_xml(data, name, "xl/workbook.xml", limits, _("an Excel workbook"))
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for broken files
        raise CorruptFileError(
            _("not a readable workbook ({reason})").format(reason=type(exc).__name__), name
        ) from None
    try:
        plan = _stored_plan(book, name)
        rows = _rows(book, name)
    except PlanioError:
        raise
    except Exception as exc:  # read-only openpyxl parses sheets only now, while iterating
        raise CorruptFileError(
            _("a broken sheet ({reason})").format(reason=f"{type(exc).__name__}: {exc}"), name
        ) from None
    finally:
        book.close()
    return _apply(plan, rows)


def _apply(plan: Plan, rows: list[_Row]) -> Plan:
    plan = plan.model_copy(deep=True)
    # the notes of an earlier read are replaced by this read's
    warnings = [w for w in plan.warnings if w.code not in WORKBOOK_CODES]
    by_key = {
        item_key(s_index, i_index): item
        for s_index, section in enumerate(plan.sections)
        for i_index, item in enumerate(section.items)
    }
    edited: set[str] = set()
    statuses: dict[str, list[Status]] = defaultdict(list)
    done_dates: dict[str, list[date]] = defaultdict(list)
    notes: dict[str, list[str]] = defaultdict(list)
    added: list[_Row] = []
    for row in rows:
        key = base_key(row.text("key"))
        if key not in by_key:
            if row.text("title"):
                added.append(row)
            elif any(row.text(c) for c in ("status", "note", "done_on")):
                warnings.append(warning("workbook_orphan_row", row=row.number, key=key))
            continue
        if key not in edited and _read_edits(plan, by_key[key], row, warnings):
            edited.add(key)
        status = _status(row.text("status"))
        if status is not None:
            statuses[key].append(status)
        elif row.text("status"):
            warnings.append(
                warning("workbook_unknown_status", row=row.number, text=row.text("status"))
            )
        day = _day(row.values.get("done_on"))
        if isinstance(day, str):
            warnings.append(warning("workbook_bad_date", row=row.number, text=day))
        elif day is not None:
            done_dates[key].append(day)
        if row.text("note"):
            notes[key].append(row.text("note"))
    seen = {base_key(row.text("key")) for row in rows}
    for key, item in by_key.items():
        if key not in seen:
            warnings.append(
                warning(
                    "workbook_row_deleted",
                    item=item.number,
                    number=item.number or key,
                    text=item.title[:60],
                )
            )
            continue
        if statuses[key]:
            item.status = _fold(statuses[key])
        if done_dates[key]:
            item.done_on = max(done_dates[key])
        if notes[key]:
            item.note = "\n".join(dict.fromkeys(notes[key]))
    for row in added:
        _add_row(plan, row, warnings)
    plan.warnings = warnings
    return plan


def _same(written: str, seen: str) -> bool:
    """Is a visible cell still what planio wrote (as it wrote it: control characters dropped)?"""
    return collapse(ILLEGAL_CHARACTERS_RE.sub("", written)) == collapse(seen)


def _read_edits(plan: Plan, item: Item, row: _Row, warnings: list[PlanWarning]) -> bool:
    """Take what a person typed over the title, executors or deadline; say so in ``warnings``.

    The visible text wins over the hidden copy: people correct a typo or a deadline in the
    row, and the report must use what they wrote. An emptied cell is not taken (a slip).
    """
    changed = False
    title = row.text("title")
    if title and not _same(item.title, title):
        item.title = clean_lines(title)
        warnings.append(
            warning("workbook_title_changed", item=item.number, row=row.number, text=title)
        )
        changed = True
    executors = row.text("executors")
    if executors and not _same("; ".join(item.executors), executors):
        item.executors = split_separators(executors)
        warnings.append(
            warning("workbook_executors_changed", item=item.number, row=row.number, text=executors)
        )
        changed = True
    deadline = row.text("deadline")
    if deadline and not _same(item.deadline.text, deadline):
        item.deadline = parse_deadline(clean_lines(deadline), plan.period)
        warnings.append(
            warning("workbook_deadline_changed", item=item.number, row=row.number, text=deadline)
        )
        changed = True
    return changed


def _add_row(plan: Plan, row: _Row, warnings: list[PlanWarning]) -> None:
    """A row the user typed in: a new event, in the section its "Раздел" names."""
    heading = row.text("section")
    section = next(
        (s for s in plan.sections if heading in (s.heading, section_label(s.number, s.heading))),
        None,
    )
    if section is None:
        section = Section(heading=heading, title=heading)
        plan.sections.append(section)
    status = _status(row.text("status"))
    day = _day(row.values.get("done_on"))
    item = Item(
        number=row.text("number"),
        title=row.text("title"),
        executors=split_separators(row.text("executors")),
        deadline=parse_deadline(row.text("deadline"), plan.period),
        status=status,
        done_on=day if isinstance(day, date) else None,
        note=row.text("note"),
    )
    section.items.append(item)
    warnings.append(
        warning("workbook_row_added", item=item.number, row=row.number, text=item.title[:60])
    )
