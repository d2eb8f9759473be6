"""The warnings planio can give, each with a stable code, in one place.

A warning is data for programs (``code``, ``item``, ``text``) and a sentence for people
(``message``, in the current language from the message catalogue). Codes never change meaning;
programs may act on them. Add a code here, with its English message, and its Russian translation
to the catalogue.
"""

from __future__ import annotations

from planio.i18n import _
from planio.model import PlanWarning
from planio.text import collapse

#: code → the English message (msgid); placeholders are filled from :func:`warning`'s fields.
MESSAGES: dict[str, str] = {
    "outside_table": "text outside the plan table: «{text}»",
    "cell_outside_columns": "cell outside the table's columns: «{text}»",
    "deadline_unknown": "{where}: deadline not understood: «{text}»",
    "deadline_needs_period": (
        "{where}: deadline needs the plan period, none found in the title: «{text}»"
    ),
    "pdf_text_outside_cells": "page {page}: text in a table but in no cell: «{text}»",
    "pdf_text_beside_table": "page {page}: text beside a table, level with its rows: «{text}»",
    "workbook_orphan_row": "workbook row {row}: no event to attach it to (key «{key}»)",
    "workbook_unknown_status": "workbook row {row}: unknown status «{text}»",
    "workbook_bad_date": "workbook row {row}: not a date: «{text}»",
    "workbook_row_deleted": (
        "workbook: the row of item {number} «{text}» was deleted; its status is left as it was"
    ),
    "workbook_row_added": "workbook row {row}: added by hand: «{text}»",
    "columns_guessed": "columns chosen by what they hold: {mapping}",
    "table_columns": "a table of the plan with columns of its own: «{text}»",
    "next_year_check_deadline": "{where}: check the deadline «{text}» (was «{before}»)",
    "outside_period": "{where}: dated outside the plan period ({period}): «{text}»",
    "workbook_title_changed": "workbook row {row}: the event's title was edited: «{text}»",
    "workbook_executors_changed": "workbook row {row}: the executors were edited: «{text}»",
    "workbook_deadline_changed": "workbook row {row}: the deadline was edited: «{text}»",
}

#: codes of the notes reading a tracking workbook adds (replaced on every read)
WORKBOOK_CODES = frozenset(code for code in MESSAGES if code.startswith("workbook_"))


def where(number: str, title: str) -> str:
    """How a warning names its event: by number, or by the start of its title."""
    return _("item {number}").format(number=number) if number else f"«{title[:40]}»"


def warning(code: str, *, item: str | None = None, text: str = "", **fields: object) -> PlanWarning:
    """A warning of ``code`` about ``text`` (of event ``item``), in the current language."""
    text = collapse(text)
    message = _(MESSAGES[code]).format(text=text, **fields)
    return PlanWarning(code=code, message=message, item=item or None, text=text)
