"""What stands above the plan table: the approval block, the title, and anything else.

The approval block may be body paragraphs or a cell of a layout table; the electronic-signature
mark belongs to it. The title is the first run of bold lines (or the lines starting with
"План …"). Every other line above the table becomes a warning with its text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from planio.model import Approval, PlanWarning
from planio.plan_warnings import warning
from planio.readers.approval import HEADING, find_approval
from planio.readers.grid import Block, Para, Table
from planio.text import collapse

TITLE_START = re.compile(r"^\s*(план|календарный план|перечень|график|комплексный план)", re.I)
_ESIGN = re.compile(r"подписан\s+электронной\s+подписью", re.IGNORECASE)
_ESIGN_START = re.compile(r"^документ\s+подписан", re.IGNORECASE)
_ESIGN_LINE = re.compile(
    r"^(электронной\s+подписью|сертификат|владелец|действителен)", re.IGNORECASE
)


def outside_warning(text: str) -> PlanWarning:
    """The warning for text that is not part of the plan."""
    return warning("outside_table", text=text)


@dataclass(slots=True)
class Preamble:
    title: str = ""
    approval: Approval | None = None
    warnings: list[PlanWarning] = field(default_factory=list)


def _lines(paras: list[Para]) -> list[Para]:
    """Paragraphs split at line breaks, so each is one visual line."""
    out: list[Para] = []
    for para in paras:
        lines = para.shown.split("\n")
        if len(lines) == 1:
            out.append(para)
        else:
            out.extend(Para(line, bold=para.bold, italic=para.italic) for line in lines)
    return out


def _without_esign_mark(paras: list[Para]) -> list[Para]:
    """Drop the lines of the electronic-signature mark (part of the approval stamp).

    In a DOCX the mark is a framed one-cell table; a PDF shows its lines as plain text (a
    one-cell frame is not a table to pdfplumber), bold, where they would pass for a title.
    """
    out: list[Para] = []
    in_mark = False
    for para in paras:
        text = collapse(para.shown)
        if _ESIGN_START.match(text):
            in_mark = True
            continue
        if in_mark and _ESIGN_LINE.match(text):
            continue
        in_mark = False
        out.append(para)
    return out


def _title_indices(paras: list[Para]) -> list[int]:
    """Indices of the title paragraphs among those above the plan table.

    The title is the first run of bold paragraphs; failing that, the run of paragraphs that
    starts with "План …" (or a like word). An empty paragraph ends the run.
    """
    candidates = [i for i, p in enumerate(paras) if p.text.strip() and not HEADING.match(p.text)]
    bold = next((i for i in candidates if paras[i].bold), None)
    if bold is not None:
        return _run(paras, bold, lambda p: p.bold)
    named = next((i for i in candidates if TITLE_START.match(paras[i].text)), None)
    if named is not None:
        return _run(paras, named, lambda p: True)
    return []


def _run(paras: list[Para], start: int, keep: Callable[[Para], bool]) -> list[int]:
    run = [start]
    for index in range(start + 1, len(paras)):
        if not paras[index].text.strip() or not keep(paras[index]):
            break
        run.append(index)
    return run


def read_preamble(blocks: list[Block]) -> Preamble:
    """Title, approval block and leftovers from the blocks before the plan table."""
    body = _without_esign_mark([b for b in blocks if isinstance(b, Para)])
    groups: list[list[Para]] = [
        cell.paras for b in blocks if isinstance(b, Table) for r in b.rows for cell in r.cells
    ]
    title_at = _title_indices(body)
    title_lines = _lines([body[i] for i in title_at])
    preamble = Preamble(title=" ".join(collapse(p.text) for p in title_lines if p.text.strip()))
    leftovers: list[str] = []
    above_title = body[: title_at[0]] if title_at else body
    below_title = body[title_at[-1] + 1 :] if title_at else []
    for group in [*groups, above_title]:
        lines = [collapse(p.shown) for p in _lines(group)]
        if _ESIGN.search(" ".join(lines)):
            continue  # the electronic-signature mark belongs to the approval stamp
        found = find_approval(lines) if preamble.approval is None else None
        if found is not None:
            preamble.approval = found.approval
        used = set(found.used) if found else set()
        leftovers.extend(line for i, line in enumerate(lines) if line and i not in used)
    leftovers.extend(collapse(p.shown) for p in below_title if p.shown.strip())
    preamble.warnings = [outside_warning(line) for line in leftovers]
    return preamble
