"""What the pages show, built from the model: rows, dates in words, warnings at their rows.

Presentation only: everything here is read from the plan the library made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from planio.i18n import _
from planio.model import Deadline, Item, Plan, PlanWarning
from planio.web.store import Entry
from planio.writers.plan_docx import extra_columns_of


def _d(day: date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else "…"


def dates_label(deadline: Deadline) -> str:
    """The dates planio took from a deadline, in words a person checks at a glance."""
    span = f"{_d(deadline.start)} – {_d(deadline.end)}"
    kind = deadline.kind
    if kind == "date" or (kind in ("period", "due") and deadline.start == deadline.end):
        return _d(deadline.end or deadline.start)
    if kind == "due":
        return _("by {date}").format(date=_d(deadline.end))
    if kind == "period":
        if len(deadline.periods) > 1:
            return "; ".join(f"{_d(p.start)} – {_d(p.end)}" for p in deadline.periods)
        return span
    if kind == "recurring":
        every = {
            "weekly": _("weekly"),
            "monthly": _("monthly"),
            "quarterly": _("quarterly"),
            "half_yearly": _("every half-year"),
            "yearly": _("yearly"),
        }.get(deadline.recurrence or "", _("repeatedly"))
        return f"{every}, {span}" if deadline.start else every
    if kind == "continuous":
        return _("all through {span}").format(span=span) if deadline.start else _("all through")
    if kind == "as_needed":
        return _("as needed")
    return ""


@dataclass
class Row:
    """One event as the page shows it."""

    section: int
    index: int
    item: Item
    dates: str
    unknown: bool
    extra: list[str]
    warnings: list[PlanWarning] = field(default_factory=list)
    #: field → its text before next year's draft moved it
    moved: dict[str, str] = field(default_factory=dict)


@dataclass
class SectionView:
    index: int
    heading: str
    rows: list[Row]
    moved: str | None = None


@dataclass
class Table:
    sections: list[SectionView]
    extra_columns: list[str]
    general: list[PlanWarning]
    warning_count: int
    moved_count: int
    has_status: bool
    #: the title before next year's draft moved it
    title_moved: str | None = None


def _moved(old: Item | None, new: Item) -> dict[str, str]:
    if old is None:
        return {}
    moved = {}
    for name in ("number", "title"):
        if getattr(old, name) != getattr(new, name):
            moved[name] = getattr(old, name)
    if old.deadline.text != new.deadline.text:
        moved["deadline"] = old.deadline.text
    if old.executors != new.executors:
        moved["executors"] = "\n".join(old.executors)
    return moved


def table(plan: Plan, previous: Plan | None = None) -> Table:
    """The plan's rows with each warning at its row, and (for a draft) what moved."""
    extras = extra_columns_of(plan)
    pending = list(plan.warnings)
    sections = []
    moved_count = 0
    for si, section in enumerate(plan.sections):
        old_section = previous.sections[si] if previous and si < len(previous.sections) else None
        rows = []
        for ii, item in enumerate(section.items):
            old = old_section.items[ii] if old_section and ii < len(old_section.items) else None
            row = Row(
                si,
                ii,
                item,
                dates_label(item.deadline),
                item.deadline.kind == "unknown" and bool(item.deadline.text.strip()),
                [item.extra.get(c, "") for c in extras],
                moved=_moved(old, item),
            )
            moved_count += bool(row.moved)
            rows.append(row)
        view = SectionView(si, section.heading or section.title, rows)
        if old_section is not None and (old_section.heading or old_section.title) != view.heading:
            view.moved = old_section.heading or old_section.title
            moved_count += 1
        sections.append(view)
    rows = [row for s in sections for row in s.rows]
    general: list[PlanWarning] = []
    for found in pending:
        at = _row_of(found, rows)
        if at is None:
            general.append(found)
        else:
            at.warnings.append(found)
    return Table(
        sections,
        extras,
        general,
        len(plan.warnings),
        moved_count + (previous is not None and previous.title != plan.title),
        any(item.status for item in plan.items()),
        previous.title if previous is not None and previous.title != plan.title else None,
    )


def _row_of(found: PlanWarning, rows: list[Row]) -> Row | None:
    """The row a warning is about: by its item number, else by the text it quotes."""
    if found.item:
        for row in rows:
            if row.item.number == found.item:
                return row
    if found.text:
        for row in rows:
            if found.text in (row.item.deadline.text, row.item.title):
                return row
    return None


@dataclass
class Summary:
    id: str
    name: str
    error: str | None
    title: str
    items: int
    warnings: int
    tracking: bool
    draft: bool


def summary(entry: Entry) -> Summary:
    plan = entry.plan
    return Summary(
        entry.id,
        entry.name,
        entry.error,
        plan.title if plan else "",
        len(plan.items()) if plan else 0,
        len(plan.warnings) if plan else 0,
        entry.tracking,
        entry.previous is not None,
    )


_ROLE_WORDS = {
    "number": re.compile(r"№|номер|п/п", re.IGNORECASE),
    "title": re.compile(r"мероприят|содержан|наименован|вид работ", re.IGNORECASE),
    "executors": re.compile(r"исполнит|ответствен", re.IGNORECASE),
    "deadline": re.compile(r"срок|дата|период", re.IGNORECASE),
}


def column_count(plan: Plan) -> int:
    return max(len(plan.columns), 4)


def guess_mapping(columns: list[str]) -> dict[str, int]:
    """Which column (1-based) each role seems to be in now, to preselect the choice."""
    mapping: dict[str, int] = {}
    for role, words in _ROLE_WORDS.items():
        for number, header in enumerate(columns, start=1):
            if words.search(header) and number not in mapping.values():
                mapping[role] = number
                break
    return mapping
