"""The tracking workbook's layout, shared by its writer and its reader.

The template (``templates/tracking.xlsx``) owns the looks; these names are what both sides of
the code must agree on: the sheets, the columns of "План" and the key of each row.
"""

from __future__ import annotations

import re

PLAN_SHEET, EXECUTORS_SHEET, SUMMARY_SHEET, GANTT_SHEET = "План", "Исполнители", "Сводка", "График"
#: the very hidden sheet holding the plan as JSON, so the workbook reads back on its own
DATA_SHEET = "planio"
#: columns of "План" (1-based), in the template's order
COL: dict[str, int] = {
    name: index
    for index, name in enumerate(
        (
            "number",
            "section",
            "title",
            "executors",
            "deadline",
            "start",
            "end",
            "status",
            "done_on",
            "note",
            "overdue",
            "key",
            "codes",
        ),
        start=1,
    )
}


def item_key(section_index: int, item_index: int, occurrence: int | None = None) -> str:
    """The stable key of an event row: "s.i", "s.i#k" for the k-th control of a recurring one."""
    key = f"{section_index + 1}.{item_index + 1}"
    return key if occurrence is None else f"{key}#{occurrence + 1}"


def base_key(key: str) -> str:
    """The event a row's key belongs to ("2.1#3" → "2.1")."""
    return key.split("#", 1)[0]


_LABELLED = re.compile(r"^\s*([А-ЯЁA-Z][а-яёa-z]+\s+[0-9IVXLCivxlc]+(?:\.[0-9]+)*)\b")
#: the longest section label shown as it is
_SHORT = 20


def section_label(number: str | None, heading: str) -> str:
    """A short label for a section («Задача 1», «Раздел II», «1», «I полугодие»).

    The workbook shows it on every row (the whole heading sits once, in a comment), so rows
    stay one or two lines tall and a filter on «Раздел» lists readable choices.
    """
    match = _LABELLED.match(heading)
    if match:
        return match.group(1)
    if number:
        return number
    heading = " ".join(heading.split())
    if len(heading) <= _SHORT:
        return heading
    return heading[:_SHORT].rsplit(" ", 1)[0] + "…"
