"""Nothing lost: every non-empty cell of every table of a sample is somewhere in the model.

A cell counts as placed when its text (ignoring spacing and separators) is, or is part of, one
field of the plan: an item's number, title, executors, deadline or extra value, a section
heading, a column header, the approval block, or a warning.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import planio
from planio.readers.docx import read_docx
from planio.readers.grid import Table
from planio.readers.limits import DEFAULT_LIMITS
from planio.readers.pdf import read_pdf

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
FILES = sorted([*SAMPLES.glob("*.docx"), *SAMPLES.glob("*.pdf")])
_IGNORED = re.compile(r"[\s.,;:\-–—•«»\"_]+")


def squeeze(text: str) -> str:
    return _IGNORED.sub("", text).casefold()


def fields(plan: planio.Plan) -> list[str]:
    out = [plan.title, *plan.columns, *(w.text for w in plan.warnings)]
    if plan.approval:
        approval = plan.approval
        out += [
            approval.heading,
            approval.position,
            approval.name,
            f"{approval.position} {approval.name}",
        ]
    for section in plan.sections:
        out.append(section.heading)
        for item in section.items:
            out += [
                item.number,
                item.title,
                f"{item.number} {item.title}",  # a number typed at the start of the text
                f"{item.number}) {item.title}",  # a letter from a list: «а) …»
                "".join(item.executors),
                item.deadline.text,
                *item.extra.values(),
            ]
    return [squeeze(f) for f in out if f]


@pytest.mark.parametrize("path", FILES, ids=[f.name for f in FILES])
def test_every_table_cell_is_accounted_for(path: Path) -> None:
    data = path.read_bytes()
    reader = read_pdf if path.suffix == ".pdf" else read_docx
    raw = reader(data, path.name, DEFAULT_LIMITS)
    placed = fields(planio.read(path))
    missing = []
    for block in raw.blocks:
        if not isinstance(block, Table):
            continue
        for row in block.rows:
            for cell in row.cells:
                for line in cell.text.split("\n"):  # a cell's lines may land in several fields
                    text = squeeze(line)
                    if text and not any(text in field for field in placed):
                        missing.append(line)
    assert missing == []


def test_the_check_can_fail() -> None:
    """The check itself: a cell whose text is nowhere in the model is reported."""
    plan = planio.read(SAMPLES / "plan-2021-2022.docx")
    assert not any(squeeze("Текст, которого нет в плане") in f for f in fields(plan))
    assert any(squeeze("Координационный совет") in f for f in fields(plan))
