"""One extract (выписка) per executor, from ``templates/extract.docx``.

Each extract holds only that executor's events, under their own section headings with their
original numbers, and an empty "Отметка о выполнении" column; it is certified «Верно» (GOST
R 7.0.97-2025). Executors are matched case- and spacing-insensitively across the plan.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from planio import executors as executor_rules
from planio.errors import PlanioError
from planio.i18n import _
from planio.model import Plan
from planio.writers.by_executor import ExecutorIndex
from planio.writers.filenames import safe_stem, unique_names
from planio.writers.plan_docx import document_info, sections_context
from planio.writers.safe_csv import write_csv
from planio.writers.templating import clean, dotted, render, template_path

INDEX_NAME = "index.csv"
_PLAN_WORD = re.compile(r"^\s*(календарный\s+план|комплексный\s+план|план)\b", re.IGNORECASE)
_GENITIVE = {
    "план": "плана",
    "календарный план": "календарного плана",
    "комплексный план": "комплексного плана",
}


def filter_plan(plan: Plan, executor: str) -> Plan:
    """The plan with only the events of ``executor`` (matched case- and space-insensitively)."""
    return ExecutorIndex(plan).plan_of(executor)


def extract_heading(title: str) -> str:
    """«из плана работы …» from «План работы …»; other titles are quoted whole."""
    match = _PLAN_WORD.match(title)
    if match:
        word = re.sub(r"\s+", " ", match.group(1).casefold())
        return f"из {_GENITIVE[word]}{title[match.end() :]}"
    return f"из документа «{title}»"


def _approval_reference(plan: Plan) -> str:
    approval = plan.approval
    if approval is None:
        return ""
    parts = [p for p in (approval.position, approval.name) if p]
    if not parts:
        return clean(approval.heading)
    # the date is always named: filled in, or the GOST line to fill in by hand
    return f"Утвержден: {', '.join(parts)}, {dotted(approval.date)}"


def extract_context(plan: Plan, executor: str, certifier: dict[str, str]) -> dict[str, Any]:
    """What the extract template sees (documented in the README)."""
    return {
        "plan": plan,
        "executor": clean(executor),
        "source_title": clean(extract_heading(plan.title)),
        "approval_reference": clean(_approval_reference(plan)),
        "sections": sections_context(plan, []),
        "ncols": 5,
        "extra_columns": [],
        "certifier": certifier,
    }


def write_extracts(
    plan: Plan,
    out_dir: str | Path,
    executors: Iterable[str] | None = None,
    template: str | Path | None = None,
    *,
    certifier_position: str = "",
    certifier_name: str = "",
    certified_on: date | None = None,
) -> dict[str, Path]:
    """Write one extract per executor into ``out_dir``; return executor → file.

    ``executors`` limits the extracts to those names (any case or spacing); by default every
    executor of the plan gets one. An ``index.csv`` lists which executor got which file.
    """
    known = {executor_rules.key(name): name for name in reversed(plan.executors())}
    if executors is None:
        chosen = plan.executors()
    else:
        chosen = []
        for name in executors:
            found = known.get(executor_rules.key(name))
            if found is None:
                raise PlanioError(_("no executor «{name}» in the plan").format(name=name))
            chosen.append(found)
        chosen = executor_rules.dedupe(chosen)
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    names = unique_names([safe_stem(f"Выписка - {name}") for name in chosen], ".docx")
    certifier = {
        "position": clean(certifier_position),
        "name": clean(certifier_name),
        "signature": "____________",
        "date": dotted(certified_on),
    }
    source = Path(template) if template is not None else template_path("extract.docx")
    index = ExecutorIndex(plan)
    written: dict[str, Path] = {}
    for executor, name in zip(chosen, names, strict=True):
        context = extract_context(index.plan_of(executor), executor, certifier)
        info = document_info(plan, f"Выписка ({executor}) из документа:")
        written[executor] = render(source, context, folder / name, info=info)
    write_csv(
        folder / INDEX_NAME,
        ["Исполнитель", "Файл", "Мероприятий"],
        ([executor, path.name, index.count(executor)] for executor, path in written.items()),
    )
    return written
