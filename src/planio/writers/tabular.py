"""A plan as one table of events: CSV and Markdown for other tools, a terminal table for people.

One row per event: section, number, title, executors, deadline text, its first and last day.
CSV cells that a spreadsheet would run as a formula ("=", "+", "-", "@") are prefixed with an
apostrophe; Markdown escapes the pipe and keeps line breaks as ``<br>``.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import TYPE_CHECKING

from planio.i18n import _
from planio.model import STATUS_LABELS, Plan

if TYPE_CHECKING:
    from rich.console import Console

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def headers() -> list[str]:
    """The column names, in the current language."""
    return [
        _("Section"),
        _("No."),
        _("Event"),
        _("Executors"),
        _("Deadline"),
        _("Start"),
        _("End"),
        _("Status"),
    ]


def _day(day: date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else ""


def rows(plan: Plan) -> list[list[str]]:
    """One row of texts per event, in document order."""
    out: list[list[str]] = []
    for section in plan.sections:
        label = section.number or section.heading
        for item in section.items:
            out.append(
                [
                    label,
                    item.number,
                    item.title,
                    "; ".join(item.executors),
                    item.deadline.text,
                    _day(item.deadline.start),
                    _day(item.deadline.end),
                    STATUS_LABELS[item.status] if item.status else "",
                ]
            )
    return out


def formula_safe(text: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def to_csv(plan: Plan) -> str:
    """The events as CSV (comma-separated, quoted as needed, formula-safe)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(headers())
    for row in rows(plan):
        writer.writerow([formula_safe(cell) for cell in row])
    return buffer.getvalue().rstrip("\n")


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def to_markdown(plan: Plan) -> str:
    """The plan's title and its events as a Markdown table."""
    lines = [f"# {_md(plan.title)}", ""] if plan.title else []
    lines.append("| " + " | ".join(headers()) + " |")
    lines.append("|" + "---|" * len(headers()))
    lines.extend("| " + " | ".join(_md(cell) for cell in row) + " |" for row in rows(plan))
    return "\n".join(lines)


def print_table(plan: Plan, console: Console) -> None:
    """The events on the terminal: number, title, executors, deadline (and status), by section."""
    from rich.markup import escape
    from rich.table import Table

    with_status = any(item.status for item in plan.items())
    table = Table(title=plan.title or None, show_lines=True)
    table.add_column(_("No."), no_wrap=True)
    table.add_column(_("Event"), ratio=5)
    table.add_column(_("Executors"), ratio=3)
    table.add_column(_("Deadline"), ratio=2)
    if with_status:
        table.add_column(_("Status"), ratio=2)
    for section in plan.sections:
        if section.heading:
            table.add_row("", f"[bold]{escape(section.heading)}[/bold]", end_section=False)
        for item in section.items:
            cells = [item.number, item.title, "\n".join(item.executors), item.deadline.text]
            if with_status:
                cells.append(STATUS_LABELS[item.status] if item.status else "")
            table.add_row(*(escape(cell) for cell in cells))
    console.print(table)
    for warning in plan.warnings:
        console.print(escape(_("note: {message}").format(message=warning.message)), style="yellow")
