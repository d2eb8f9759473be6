"""Next year's draft as a document, with every text that moved highlighted for review."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from planio.model import Plan
from planio.writers.docx_finish import add_run_property
from planio.writers.plan_docx import render_plan
from planio.writers.templating import clean

HIGHLIGHT = "yellow"


def changed_texts(old: Plan, new: Plan) -> set[str]:
    """The texts of ``new`` that differ from the same place in ``old``."""
    changed: set[str] = set()

    def note(before: str, after: str) -> None:
        if before != after and after:
            changed.add(clean(after))

    note(old.title, new.title)
    for old_section, new_section in zip(old.sections, new.sections, strict=True):
        note(old_section.heading, new_section.heading)
        for old_item, new_item in zip(old_section.items, new_section.items, strict=True):
            note(old_item.title, new_item.title)
            note(old_item.deadline.text, new_item.deadline.text)
            for key, value in new_item.extra.items():
                note(old_item.extra.get(key, ""), value)
    return changed


def _run_text(run: Any) -> str:
    parts = []
    for child in run.iterchildren(qn("w:t"), qn("w:br")):
        parts.append(child.text or "" if child.tag == qn("w:t") else "\n")
    return "".join(parts)


def highlight_runs(path: Path, texts: set[str]) -> int:
    """Mark every run whose whole text is one of ``texts``; return how many were marked."""
    document = docx.Document(str(path))
    marked = 0
    for run in document.element.body.iter(qn("w:r")):
        if _run_text(run) not in texts:
            continue
        properties = run.find(qn("w:rPr"))
        if properties is None:
            properties = OxmlElement("w:rPr")
            run.insert(0, properties)
        mark = OxmlElement("w:highlight")
        mark.set(qn("w:val"), HIGHLIGHT)
        add_run_property(properties, mark)
        marked += 1
    document.save(str(path))
    return marked


def write_draft(old: Plan, new: Plan, out: str | Path, template: str | Path | None = None) -> Path:
    """Render the draft ``new`` (from :func:`planio.next_year`) with what moved highlighted."""
    path = render_plan(new, out, template=template)
    highlight_runs(path, changed_texts(old, new))
    return path
