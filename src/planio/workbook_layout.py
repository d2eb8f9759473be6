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


#: What reading a workbook back can report: English for ``Plan.warnings`` (like every other
#: warning), Russian for the progress report a secretary reads. Both from the same fields.
NOTES: dict[str, tuple[str, str]] = {
    "orphan": (
        "workbook row {row}: no event to attach it to (key «{key}»)",
        "строка {row}: не относится ни к одному мероприятию (ключ «{key}»)",
    ),
    "status": (
        "workbook row {row}: unknown status «{value}»",
        "строка {row}: неизвестный статус «{value}»",
    ),
    "date": (
        "workbook row {row}: not a date: «{value}»",
        "строка {row}: дата выполнения не распознана: «{value}»",
    ),
    "deleted": (
        "workbook: the row of item {number} «{title}» was deleted; its status is left as it was",
        "строка мероприятия {number} «{title}» удалена из таблицы; его статус не изменён",
    ),
    "added": (
        "workbook row {row}: added by hand: «{title}»",
        "строка {row} добавлена вручную: «{title}»",
    ),
}


def note(kind: str, **fields: object) -> str:
    """The English warning for a workbook note."""
    return NOTES[kind][0].format(**fields)


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    regex = "".join(
        re.escape(part) if index % 2 == 0 else f"(?P<{part}>.*?)"
        for index, part in enumerate(parts)
    )
    return re.compile(f"^{regex}$", re.DOTALL)


_PATTERNS = [(_pattern(english), russian) for english, russian in NOTES.values()]


def russian_note(warning: str) -> str | None:
    """The Russian wording of a workbook warning, or None if it is not one."""
    for pattern, russian in _PATTERNS:
        match = pattern.match(warning)
        if match:
            return russian.format(**match.groupdict())
    return None
