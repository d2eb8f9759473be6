"""What stands above the plan table: the approval block, the title, and anything else.

The approval block may be body paragraphs or a cell of a layout table (or a column of one, set
one line to a row); the electronic-signature mark belongs to it. Two stamps set side by side in
one paragraph, padded with spaces or tabs («СОГЛАСОВАНО … УТВЕРЖДАЮ», «Принят … / Утверждаю»),
are read column by column. The title is the «План …» phrase («Перспективный план …») with its
continuation lines wherever it stands (the letterhead and «ПРИКАЗ» above it, the «Цель:» under
it stay out); failing one, the first run of bold lines that is not a stamp. Every other line
above the table becomes a warning with its text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from planio.dates.context import PLAN_HEADING
from planio.model import Approval, PlanWarning
from planio.plan_warnings import warning
from planio.readers.approval import HEADING, STAMP_HEADING, find_approval, signature_name
from planio.readers.grid import Block, Para, Table
from planio.text import collapse

#: a plan's title: «План …», or the plan named with its kind before it («Перспективный план»,
#: «Календарно-тематический план», «Годовой план работы»), or a plan of events named by them
#: («Мероприятия по подготовке к ГИА …», «Дорожная карта …», «Программа мероприятий …»)
TITLE_START = re.compile(
    rf"{PLAN_HEADING.pattern}|^\s*(?:[а-яё]+(?:-[а-яё]+)?(?:ый|ий|ой)\s+){{1,2}}план(?![а-яё])"
    r"|^\s*(?:мероприятия\s+(?:по|в|на|к|для)\s|дорожная\s+карта|программа\s+мероприятий)",
    re.IGNORECASE,
)
#: lines that are never the title: stamps' headings, an order's heading, the letterhead's
#: references («ПРИКАЗ», «СОГЛАСОВАНО:», «Принят на заседании», «№ 12 от …»)
_NOT_TITLE = re.compile(
    r"^[\s«\"“„']*(?:утверждаю|утвержд[её]н|согласовано|согласован|принят|рассмотрен|приказ"
    r"|распоряжение|постановление|протокол|№|от\s+\d|директор|заведующ"
    r"|цел[ьи]\b|задач[аи]\b|основные\s+задачи)",
    re.IGNORECASE,
)
#: a gap between two stamps set side by side: a tab, or three spaces or more
_COLUMN_GAP = re.compile(r"\t+|\s{3,}")
#: «СОГЛАСОВАНО: УТВЕРЖДАЮ:» with no wide gap: two headings on one line
_TWO_HEADINGS = re.compile(
    r"^((?:согласовано|согласован[аы]?|принят[оаы]?|рассмотрен[оаы]?)\b.*?)\s+"
    r"([«\"“„']?(?:утверждаю|утвержд[её]н[аоы]?)\b.*)$",
    re.IGNORECASE,
)
#: a chapter's number before a plan's title inside a longer document: "6. План мероприятий"
_CHAPTER_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+")
#: continuation lines of a title that is not bold, at most
_MAX_TITLE_LINES = 6
#: the «План …» paragraph is looked for among this many non-empty paragraphs above the table
_TITLE_NEAR_TABLE = 15
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
    #: the document's own heading where the title is a plan inside a longer document (the
    #: programme the plan belongs to): the first bold run above the title, if any
    document_heading: str = ""
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

    The «План …» paragraph nearest the table (among the last few), with the lines that go on
    from it; failing one, the first run of bold paragraphs that is not a stamp or an order's
    heading. An empty paragraph ends the run.
    """
    candidates = [
        i
        for i, p in enumerate(paras)
        if p.text.strip() and not HEADING.match(p.text) and not _NOT_TITLE.match(p.text)
    ]
    near = candidates[-_TITLE_NEAR_TABLE:]
    named = [i for i in near if TITLE_START.match(paras[i].text) and len(paras[i].text) < 400]
    if not named:
        named = [i for i in candidates if TITLE_START.match(paras[i].text)]
    if named:
        # the first of the «План …» lines that stand together right above the table
        start = named[-1]
        while start - 1 in named:
            start -= 1
        bold = paras[start].bold

        def keep(index: int) -> bool:
            """A line of the title's weight, or one its next line goes on from (the school's
            name in plain type between «ПЛАН РАБОТЫ» in bold and «на 2021-2022 учебный год»)."""
            following = next((p for p in paras[index + 1 :] if p.text.strip()), None)
            return (
                paras[index].bold == bold
                or _goes_on(paras[index])
                or (following is not None and _goes_on(following))
            )

        return _run(paras, start, keep, _MAX_TITLE_LINES)
    bold_start = next((i for i in candidates if paras[i].bold), None)
    if bold_start is not None:
        return _run(paras, bold_start, lambda i: paras[i].bold, _MAX_TITLE_LINES)
    return []


def _goes_on(para: Para) -> bool:
    """A line that continues a title whatever its weight: «работы школы на 2020 год»."""
    return para.text.strip()[:1].islower()


def _run(paras: list[Para], start: int, keep: Callable[[int], bool], most: int) -> list[int]:
    run = [start]
    for index in range(start + 1, len(paras)):
        text = paras[index].text
        if not text.strip():
            following = paras[index + 1] if index + 1 < len(paras) else None
            if following is not None and following.text.strip() and _goes_on(following):
                continue  # «ПЛАН РАБОТЫ» / (empty) / «на 2021-2022 учебный год»
            break
        if not keep(index) or len(run) >= most:
            break
        if HEADING.match(text) or _NOT_TITLE.match(text):
            break
        run.append(index)
    return run


def side_by_side(lines: list[str]) -> list[str]:
    """Lines of two stamps set side by side, read one stamp after the other.

    Each run of lines split by a wide gap (a tab, three spaces or more, or a line indented by
    one) is read column by column, the column holding the approval heading first, so that
    «СОГЛАСОВАНО … УТВЕРЖДАЮ» gives the approval its own lines.
    """
    out: list[str] = []
    run: list[list[str]] = []

    def flush() -> None:
        if not run:
            return
        width = max(len(parts) for parts in run)
        columns = [[parts[k] for parts in run if k < len(parts) and parts[k]] for k in range(width)]
        first = next((k for k, col in enumerate(columns) if any(HEADING.match(t) for t in col)), 0)
        out.extend(columns[first])
        out.extend(line for k, col in enumerate(columns) if k != first for line in col)
        run.clear()

    for line in lines:
        two = _TWO_HEADINGS.match(line.strip())
        parts = [two.group(1), two.group(2)] if two else _COLUMN_GAP.split(line.rstrip())
        if len(parts) > 1 and any(p.strip() for p in parts):
            # an indented line holds the right column only
            run.append(
                ["", *[p.strip() for p in parts[1:]]]
                if not parts[0].strip()
                else [p.strip() for p in parts]
            )
            continue
        flush()
        out.append(line)
    flush()
    return out


def _groups(blocks: list[Block], paras: list[Para]) -> list[list[Para]]:
    """In document order: runs of ``paras`` not cut by a table, and each table cell's lines."""
    wanted = {id(p) for p in paras}
    groups: list[list[Para]] = [[]]
    for block in blocks:
        if isinstance(block, Para):
            if id(block) in wanted:
                groups[-1].append(block)
            continue
        cells = [cell.paras for row in block.rows for cell in row.cells]
        if _ESIGN.search(" ".join(p.shown for paras in cells for p in paras)):
            continue  # the electronic-signature mark sits inside the stamp: it cuts nothing
        stamps = any(STAMP_HEADING.match(cell.text) for row in block.rows for cell in row.cells)
        groups.extend(_layout_columns(block) if stamps else cells)
        groups.append([])
    return [group for group in groups if group]


def _layout_columns(table: Table) -> list[list[Para]]:
    """A stamps' layout table's text, column by column: a stamp set one line to a row stays one.

    «УТВЕРЖДАЮ» / «Директор …» / «_____ И.О. Фамилия» in the rows of one column are one stamp;
    a cell spanning several columns (a caption across the table) is a group of its own.
    """
    columns: dict[int, list[Para]] = {}
    wide: list[list[Para]] = []
    for row in table.rows:
        for cell in row.cells:
            if cell.merged_up:
                continue
            if cell.span > 1 and len(row.cells) > 1:
                wide.append(cell.paras)
            else:
                columns.setdefault(cell.col, []).extend(cell.paras)
    return [columns[col] for col in sorted(columns)] + wide


def read_preamble(blocks: list[Block]) -> Preamble:
    """Title, approval block and leftovers from the blocks before the plan table."""
    body = _without_esign_mark([b for b in blocks if isinstance(b, Para)])
    title_at = _title_indices(body)
    title_lines = _lines([body[i] for i in title_at])
    title = " ".join(collapse(p.text) for p in title_lines if p.text.strip())
    preamble = Preamble(title=_CHAPTER_NUMBER.sub("", title))
    bold = [i for i, p in enumerate(body[: title_at[0]] if title_at else []) if p.bold]
    if bold:
        run = _run(body, bold[0], lambda i: body[i].bold, _MAX_TITLE_LINES)
        preamble.document_heading = " ".join(collapse(body[i].text) for i in run)
    leftovers: list[str] = []
    above_title = body[: title_at[0]] if title_at else body
    below_title = body[title_at[-1] + 1 :] if title_at else []
    for group in _groups(blocks, above_title):
        lines = [collapse(line) for line in side_by_side([p.shown for p in _lines(group)])]
        if _ESIGN.search(" ".join(lines)):
            continue  # the electronic-signature mark belongs to the approval stamp
        found = find_approval(lines) if preamble.approval is None else None
        if found is not None:
            preamble.approval = found.approval
        used = set(found.used) if found else set()
        if found is None and preamble.approval is not None and not preamble.approval.name:
            # the stamp's signature line stands apart from its block (a PDF's layout table)
            signed = next(
                ((i, n) for i, line in enumerate(lines) if (n := signature_name(line))), None
            )
            if signed is not None:
                preamble.approval = preamble.approval.model_copy(update={"name": signed[1]})
                used.add(signed[0])
        leftovers.extend(line for i, line in enumerate(lines) if line and i not in used)
    leftovers.extend(collapse(p.shown) for p in below_title if p.shown.strip())
    preamble.warnings = [outside_warning(line) for line in leftovers]
    return preamble
