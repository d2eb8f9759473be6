"""Next year's draft: every year a plan writes moves forward by one, in its written form.

"на 2021 – 2022 учебный год" becomes "на 2022 – 2023 учебный год", "до 01.05.2022" becomes
"до 01.05.2023", "05.01.23г" becomes "05.01.24г"; 29 February becomes 28 February where the
new year has none. Deadlines move every year they write; titles and other event text move
the years that refer to the plan's own (its years, and one either side). Deadlines are then
read again against the new period, and any whose dates did not move by exactly one year is
listed for review. Statuses, completion marks and the approval date are cleared.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from planio.dates.context import section_context
from planio.dates.deadlines import parse_deadline
from planio.dates.vocabulary import DOTTED_DATE_RE, YEAR_RE, add_years, expand_year, fold
from planio.model import Deadline, Item, Period, Plan, PlanWarning, Section
from planio.plan_warnings import warning, where

_FEB_29_WORDS = re.compile(r"(?<![\d.])(?P<day>29)(?=\s+феврал[а-я]*\s+(?P<year>\d{4}|\d{2})\b)")
#: an academic year with its second year in two digits: "2021/22", "2021-22" (dashes folded)
_SHORT_PAIR = re.compile(r"(?<![\d.])(?P<full>\d{4})\s*[/-]\s*(?P<short>\d{2})(?![\d.])")
#: extra columns that hold completion marks, cleared in a draft
_MARK_COLUMN = re.compile(r"отметк|выполнен|исполнен\w*\s+отметк", re.IGNORECASE)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def shift_years(text: str, moves: Callable[[int], bool]) -> str:
    """``text`` with every year for which ``moves(year)`` holds written one later."""
    folded = fold(text)
    edits: dict[tuple[int, int], str] = {}

    def bump(span: tuple[int, int], digits: str) -> int:
        year = expand_year(int(digits))
        new = year + 1
        edits[span] = f"{new % 100:02d}" if len(digits) == 2 else str(new)
        return new

    for match in DOTTED_DATE_RE.finditer(folded):
        digits = match.group("year")
        if digits is None or not moves(expand_year(int(digits))):
            continue
        new_year = bump(match.span("year"), digits)
        feb_29 = int(match.group("day")) == 29 and int(match.group("month")) == 2
        if feb_29 and not _is_leap(new_year):
            edits[match.span("day")] = "28"
    for match in YEAR_RE.finditer(folded):
        group = "full" if match.group("full") else "short"
        digits = match.group(group)
        if moves(expand_year(int(digits))):
            bump(match.span(group), digits)
    for match in _SHORT_PAIR.finditer(folded):  # "2021/22": the second year written short
        first, second = int(match.group("full")), int(match.group("short"))
        if moves(first) and second == (first + 1) % 100:
            edits[match.span("short")] = f"{(first + 2) % 100:02d}"
    for match in _FEB_29_WORDS.finditer(folded):
        year = expand_year(int(match.group("year")))
        if moves(year) and not _is_leap(year + 1):
            edits[match.span("day")] = "28"
    out = text
    for (start, end), replacement in sorted(edits.items(), reverse=True):
        out = out[:start] + replacement + out[end:]
    return out


def _moved(old: date | None) -> date | None:
    return add_years(old, 1) if old else None


def _deadline_moved_right(old: Deadline, new: Deadline) -> bool:
    """Did re-reading the rewritten deadline move every date by exactly one year?"""
    if old.kind != new.kind or new.kind == "unknown":
        return old.kind == new.kind == "unknown" and not old.text.strip()
    if (new.start, new.end) != (_moved(old.start), _moved(old.end)):
        return False
    return [(p.start, p.end) for p in new.periods] == [
        (_moved(p.start), _moved(p.end)) for p in old.periods
    ]


def next_year(plan: Plan) -> Plan:
    """Next year's draft of ``plan``; what needs a person's eye is listed in ``warnings``."""
    period = plan.period
    if period is not None:
        first, last = period.start.year - 1, period.end.year + 1
        new_period: Period | None = Period(
            add_years(period.start, 1),
            add_years(period.end, 1),
            label=shift_years(period.label, lambda y: True),
        )
    else:
        first, last, new_period = 0, -1, None

    def plan_year(year: int) -> bool:
        return first <= year <= last

    review: list[PlanWarning] = []
    sections: list[Section] = []
    for section in plan.sections:
        items: list[Item] = []
        heading = shift_years(section.heading, plan_year)
        title = shift_years(section.title, plan_year)
        context = section_context(heading, title, new_period)  # «ЯНВАРЬ» over «2-3»
        for item in section.items:
            text = shift_years(item.deadline.text, lambda y: True)
            deadline = parse_deadline(text, new_period, context)
            if not _deadline_moved_right(item.deadline, deadline):
                review.append(
                    warning(
                        "next_year_check_deadline",
                        item=item.number,
                        text=text,
                        before=item.deadline.text,
                        where=where(item.number, item.title),
                    )
                )
            items.append(
                item.model_copy(
                    update={
                        "title": shift_years(item.title, plan_year),
                        "deadline": deadline,
                        "extra": {
                            key: "" if _MARK_COLUMN.search(key) else shift_years(value, plan_year)
                            for key, value in item.extra.items()
                        },
                        "status": None,
                        "done_on": None,
                        "note": "",
                    }
                )
            )
        sections.append(
            section.model_copy(
                update={
                    "heading": heading,
                    "title": title,
                    "items": items,
                }
            )
        )
    approval = plan.approval.model_copy(update={"date": None}) if plan.approval else None
    return plan.model_copy(
        update={
            "title": shift_years(plan.title, plan_year),
            "period": new_period,
            "approval": approval,
            "sections": sections,
            "warnings": review,
            "source": None,
        }
    )
