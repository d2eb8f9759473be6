"""Corrections typed on the page, applied to a plan and checked by the model.

The page names each cell by position (``s0.i2.title``: section 0, item 2), never by anything
the document wrote, so a field cannot address something else. A changed deadline is read
again with :func:`planio.parse_deadline` against the plan's period, and its warnings follow.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from planio.dates import parse_deadline
from planio.model import Plan, PlanWarning
from planio.plan_warnings import warning, where
from planio.writers.plan_docx import extra_columns_of

#: warnings about a deadline, which a corrected deadline replaces
DEADLINE_CODES = frozenset({"deadline_unknown", "deadline_needs_period"})
_LINES = re.compile(r"[\r\n]+")
MAX_CELL = 10_000


def _text(form: Mapping[str, str], key: str, current: str) -> str:
    value = form.get(key)
    if value is None:
        return current
    return value.replace("\x00", "").strip()[:MAX_CELL]


def _deadline_warning(number: str, title: str, text: str, plan: Plan) -> PlanWarning | None:
    deadline = parse_deadline(text, plan.period)
    if deadline.kind != "unknown" or not text.strip():
        return None
    code = "deadline_needs_period" if plan.period is None else "deadline_unknown"
    return warning(code, item=number, text=text, where=where(number, title))


def apply_edits(plan: Plan, form: Mapping[str, str]) -> tuple[Plan, int]:
    """``plan`` with the form's corrections, validated anew; and how many cells changed."""
    new = plan.model_copy(deep=True)
    changed = 0
    extras = extra_columns_of(plan)
    title = _text(form, "title", new.title)
    if title != new.title:
        new.title, changed = title, changed + 1
    fixed: set[str] = set()  # numbers of the items whose deadline was corrected
    added: list[PlanWarning] = []
    for si, section in enumerate(new.sections):
        heading = _text(form, f"s{si}.heading", section.heading)
        if heading != section.heading:
            section.heading, changed = heading, changed + 1
        for ii, item in enumerate(section.items):
            key = f"s{si}.i{ii}."
            old_number = item.number
            for name in ("number", "title"):
                value = _text(form, key + name, getattr(item, name))
                if value != getattr(item, name):
                    setattr(item, name, value)
                    changed += 1
            raw = form.get(key + "executors")
            if raw is not None:
                executors = [e.strip() for e in _LINES.split(raw[:MAX_CELL]) if e.strip()]
                if executors != item.executors:
                    item.executors, changed = executors, changed + 1
            deadline = _text(form, key + "deadline", item.deadline.text)
            if deadline != item.deadline.text:
                item.deadline = parse_deadline(deadline, new.period)
                changed += 1
                fixed.add(old_number)
                found = _deadline_warning(item.number, item.title, deadline, new)
                if found is not None:
                    added.append(found)
            for k, column in enumerate(extras):
                value = _text(form, f"{key}x{k}", item.extra.get(column, ""))
                if value != item.extra.get(column, ""):
                    item.extra = {**item.extra, column: value}
                    changed += 1
    if fixed:
        new.warnings = [
            w for w in new.warnings if not (w.code in DEADLINE_CODES and w.item in fixed)
        ] + added
    return Plan.model_validate(new.model_dump()), changed
