"""The progress report (Отчёт о выполнении плана) from a plan read back from its workbook."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from planio.executors import dedupe
from planio.model import STATUS_LABELS, Item, Plan
from planio.plan_warnings import WORKBOOK_CODES
from planio.writers.by_executor import ExecutorIndex
from planio.writers.plan_docx import document_info
from planio.writers.templating import clean, render, template_path


def is_overdue(item: Item, as_of: date) -> bool:
    """Past its last day and neither done nor cancelled."""
    end = item.deadline.end
    return end is not None and end < as_of and item.status not in ("done", "cancelled")


def _counts(items: list[Item], as_of: date) -> dict[str, int]:
    counts = {code: 0 for code in STATUS_LABELS}
    for item in items:
        counts[item.status or "not_started"] += 1
    return {
        "total": len(items),
        **counts,
        "overdue": sum(1 for item in items if is_overdue(item, as_of)),
    }


def report_context(
    plan: Plan, as_of: date, compiler_name: str = "", compiler_position: str = ""
) -> dict[str, Any]:
    """What the report template sees (documented in the README)."""
    items = plan.items()
    totals = _counts(items, as_of)
    index = ExecutorIndex(plan)  # one pass over the events, not one per executor
    executors = [
        {"name": clean(name), **_counts(index.items_of(name), as_of)}
        for name in dedupe(plan.executors())
    ]
    overdue = [
        {
            "number": clean(item.number),
            "title": clean(item.title),
            "executors": clean(",\n".join(item.executors)),
            "deadline": clean(item.deadline.text),
            "end": item.deadline.end.strftime("%d.%m.%Y") if item.deadline.end else "",
        }
        for item in items
        if is_overdue(item, as_of)
    ]
    share = totals["done"] / totals["total"] if totals["total"] else 0.0
    return {
        "plan": plan,
        "title": clean(plan.title),
        "as_of": as_of.strftime("%d.%m.%Y"),
        **{key: value for key, value in totals.items() if key != "overdue"},
        "overdue_count": totals["overdue"],
        "share_done": f"{share:.0%}".replace(".", ","),
        "executors": executors,
        "overdue": overdue,
        "notes": [clean(w.message) for w in plan.warnings if w.code in WORKBOOK_CODES],
        "compiler": {
            "position": clean(compiler_position),
            "name": clean(compiler_name),
            "signature": "____________",
            "date": as_of.strftime("%d.%m.%Y"),
        },
    }


def write_report(
    plan: Plan,
    out: str | Path,
    *,
    as_of: date | None = None,
    template: str | Path | None = None,
    compiler_name: str = "",
    compiler_position: str = "",
) -> Path:
    """Write the progress report of a tracked plan; ``as_of`` defaults to today.

    ``compiler_name``/``compiler_position`` fill the «Составил» block (left to sign by hand).
    """
    context = report_context(plan, as_of or date.today(), compiler_name, compiler_position)
    source = Path(template) if template is not None else template_path("report.docx")
    info = document_info(plan, "Отчёт о выполнении:")
    if compiler_name:
        info = replace(info, author=compiler_name)
    return render(source, context, Path(out), info=info)
