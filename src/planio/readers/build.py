"""Raw grid → :class:`Plan`: the one place where a document's parts get their meaning.

Every reader's output passes through :func:`build_plan`, so header roles, section rows,
continuation tables and rows cut by a page break are found the same way for DOCX and PDF; what
stands above the table (approval block, title) is read by :mod:`planio.readers.preamble`.
What cannot be placed goes into ``Plan.warnings`` with its text: nothing is dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planio import executors as executor_rules
from planio.deadlines import parse_deadline
from planio.errors import NoPlanError
from planio.i18n import _
from planio.model import Item, Period, Plan, PlanWarning, Section
from planio.periods import detect_period
from planio.plan_warnings import warning, where
from planio.readers.grid import Cell, Para, RawDocument, Row, Table, join_lines
from planio.readers.header import Header, is_column_numbers, match_header
from planio.readers.preamble import outside_warning, read_preamble
from planio.text import clean_lines, collapse

_SECTION = re.compile(
    r"^(?:(?P<kw>раздел|задача|направление|блок|модуль|цель)\s*(?P<kwnum>[0-9]+(?:\.[0-9]+)*|[IVXLC]+)?"
    r"\s*[.):]?"
    r"|(?P<num>[0-9]+(?:\.[0-9]+)*|[IVXLC]+)\s*[.)])\s*(?P<title>.*)$",
    re.IGNORECASE | re.DOTALL,
)
#: a row opening like a section heading, whatever else it has: "Раздел …", "II. …"
_SECTION_START = re.compile(r"^(раздел|задача|направление|блок|модуль|[IVXLC]+\s*[.)])", re.I)
_HEADER_SEARCH_ROWS = 3


def split_heading(heading: str) -> tuple[str | None, str]:
    """("Задача 1. Создание …") → ("1", "Создание …"); no number → (None, heading)."""
    match = _SECTION.match(heading)
    if not match:
        return None, heading
    number = match.group("kwnum") or match.group("num")
    title = match.group("title").strip()
    if match.group("kw") and not number:
        return None, heading
    if number and number.isalpha() and not re.fullmatch(r"[IVXLC]+", number):
        return None, heading
    return (number.rstrip(".") if number else None), title or heading


@dataclass(slots=True)
class _PendingItem:
    """An item row as read, its cells' paragraphs by header column, before meaning is given."""

    section: Section
    header: Header
    cells: dict[int, list[Para]]

    def extend(self, cells: dict[int, list[Para]]) -> None:
        """Add the rest of a row that a page break cut off (the PDF case)."""
        for column, paras in cells.items():
            mine = self.cells.setdefault(column, [])
            rest = list(paras)
            if mine and rest:
                joined = join_lines(mine[-1].shown, rest[0].shown)
                if joined is not None:
                    mine[-1] = Para(joined, bold=mine[-1].bold, italic=mine[-1].italic)
                    rest = rest[1:]
            mine.extend(rest)

    def text(self, role: str) -> str:
        column = self.header.roles.get(role)
        return _text(self.cells.get(column, [])) if column is not None else ""


def _text(paras: list[Para]) -> str:
    return clean_lines("\n".join(p.shown for p in paras))


@dataclass(slots=True)
class _Builder:
    warnings: list[PlanWarning] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    pending: list[_PendingItem] = field(default_factory=list)
    header: Header | None = None
    #: the last value seen in each header column, for vertically merged cells
    above: dict[int, Cell] = field(default_factory=dict)
    #: page of the last item row, and whether a section came after it (PDF page stitching)
    last_page: int | None = None
    last_was_item: bool = False

    # -- sections and items -----------------------------------------------------------------
    def section(self, heading: str) -> None:
        heading = collapse(heading)
        number, title = split_heading(heading)
        self.sections.append(Section(number=number, heading=heading, title=title))

    def current(self) -> Section:
        if not self.sections:
            self.sections.append(Section())
        return self.sections[-1]

    def row(self, row: Row, table_width: int) -> None:
        header = self.header
        assert header is not None
        if not any(c.text.strip() for c in row.cells if not c.merged_up):
            return
        if header.matches(row) or is_column_numbers(row):
            return
        by_column: dict[int, Cell] = {}
        for cell in row.cells:
            column = header.column_of(cell)
            if column is None:
                if cell.text.strip():
                    self.warnings.append(warning("cell_outside_columns", text=cell.text))
                continue
            if cell.merged_up and column in self.above:
                cell = self.above[column]
            if column in by_column:  # two cells under one header: keep both texts
                first = by_column[column]
                cell = Cell([*first.paras, *cell.paras], col=first.col, span=first.span)
            by_column[column] = cell
        if self._is_section(row, by_column, table_width):
            texts = [c.text for c in row.cells if c.text.strip() and not c.merged_up]
            self.section(" ".join(texts))
            self.above.clear()
            self.last_was_item = False
            return
        for column, cell in by_column.items():
            self.above[column] = cell
        self.item(row, by_column)

    def _is_section(self, row: Row, by_column: dict[int, Cell], width: int) -> bool:
        header = self.header
        assert header is not None
        own = [c for c in row.cells if c.text.strip() and not c.merged_up]
        if len(own) == 1 and width > 1 and own[0].span >= width:
            return True
        role_values = [
            by_column[header.roles[r]].text.strip()
            for r in ("executors", "deadline")
            if r in header.roles and header.roles[r] in by_column
        ]
        if any(role_values):
            return False
        if len(row.cells) > 1 and len(own) == 1 and own[0] is row.cells[0]:
            return True
        text = " ".join(collapse(c.text) for c in own)
        if _SECTION_START.match(text) and split_heading(text)[0] is not None:
            return True
        paras = [p for c in own for p in c.paras if p.shown.strip()]
        return bool(paras) and all(p.bold or p.italic for p in paras)

    def item(self, row: Row, by_column: dict[int, Cell]) -> None:
        header = self.header
        assert header is not None
        cells = {column: list(cell.paras) for column, cell in by_column.items()}
        last = self.pending[-1] if self.pending else None
        if (
            last is not None
            and self.last_was_item
            and row.page is not None
            and row.page != self.last_page
            and last.header == header
            and self._continues_cut_row(by_column)
        ):
            last.extend(cells)
        else:
            self.pending.append(_PendingItem(self.current(), header, cells))
        self.last_page = row.page
        self.last_was_item = True

    def _continues_cut_row(self, by_column: dict[int, Cell]) -> bool:
        """Is the first row on a new page the rest of the row a page break cut?

        It is when its number is missing (or is only the cut-off tail of one), or its event
        text goes on in lower case, or (without a number column) its deadline is missing where
        the row before had one.
        """
        header = self.header
        assert header is not None
        title = by_column.get(header.roles["title"])
        text = title.text.strip() if title is not None else ""
        if text[:1].islower():
            return True
        number = header.roles.get("number")
        if number is not None:
            cell = by_column.get(number)
            return cell is None or not cell.text.strip()
        if not text:
            return True
        deadline = header.roles.get("deadline")
        if deadline is None or not self.pending:
            return False
        cell = by_column.get(deadline)
        return (cell is None or not cell.text.strip()) and bool(self.pending[-1].text("deadline"))

    # -- whole document ---------------------------------------------------------------------
    def finish(self, period: Period | None) -> list[Section]:
        resolved = executor_rules.resolve(
            [executor_rules.split_lines(_executor_lines(p)) for p in self.pending]
        )
        for pending, names in zip(self.pending, resolved, strict=True):
            number, title = _number_and_title(pending)
            deadline_text = pending.text("deadline")
            deadline = parse_deadline(deadline_text, period)
            code = ""
            if deadline.kind == "unknown" and deadline_text:
                code = "deadline_unknown"
            elif deadline.kind not in ("as_needed", "unknown") and deadline.end is None:
                code = "deadline_needs_period"
            if code:
                self.warnings.append(
                    warning(code, item=number, text=deadline_text, where=where(number, title))
                )
            extra = {
                key: _text(pending.cells.get(index, []))
                for index, key in pending.header.extra_keys().items()
            }
            pending.section.items.append(
                Item(
                    number=number,
                    title=title,
                    executors=names,
                    deadline=deadline,
                    extra=extra,
                )
            )
        return self.sections


def _number_and_title(pending: _PendingItem) -> tuple[str, str]:
    """The item's number as shown (Word's list label where nothing is typed) and its title."""
    roles = pending.header.roles
    title_paras = list(pending.cells.get(roles["title"], []))
    if "number" in roles:
        number = pending.text("number").replace("\n", " ")
    elif title_paras and title_paras[0].label[:1].isalnum():
        number = title_paras[0].label
        title_paras[0] = Para(title_paras[0].text)
    else:
        number = ""
    return number.rstrip(".").strip(), _text(title_paras)


def _executor_lines(pending: _PendingItem) -> list[str]:
    column = pending.header.roles.get("executors")
    paras = pending.cells.get(column, []) if column is not None else []
    return [line for p in paras for line in p.shown.split("\n")]


def _outside(block: Para | Table) -> list[PlanWarning]:
    """Warnings for a block that is not part of the plan, one per non-empty text."""
    texts = (
        [block.shown] if isinstance(block, Para) else [c.text for r in block.rows for c in r.cells]
    )
    return [outside_warning(t) for t in texts if t.strip()]


def _plan_tables(blocks: list[Para | Table]) -> list[tuple[int, Header, int]]:
    """(block index, header, first data row) of the plan table and its continuations."""
    found: list[tuple[int, Header, int]] = []
    for index, block in enumerate(blocks):
        if not isinstance(block, Table):
            continue
        header = None
        for row_index, row in enumerate(block.rows[:_HEADER_SEARCH_ROWS]):
            header = match_header(row)
            if header is not None:
                found.append((index, header, row_index + 1))
                break
        if (
            header is None
            and found
            and _continues(block, found[-1][1], blocks, found[-1][0], index)
        ):
            found.append((index, found[-1][1], 0))
    return found


def _continues(
    table: Table, header: Header, blocks: list[Para | Table], last: int, index: int
) -> bool:
    """A headerless table right after the plan (only paragraphs between) with the same columns."""
    between = blocks[last + 1 : index]
    if any(isinstance(b, Table) for b in between):
        return False
    return table.width == max(end for _, end in header.spans)


def build_plan(raw: RawDocument, name: str = "") -> Plan:
    """Turn a raw grid into a plan; raise :class:`NoPlanError` when there is no plan table."""
    blocks = raw.blocks
    tables = _plan_tables(blocks)
    if not tables:
        raise NoPlanError(
            _("no plan table found (a table with event and deadline/executor columns)"), name
        )
    builder = _Builder(warnings=list(raw.warnings))
    first = tables[0][0]

    preamble = read_preamble(blocks[:first])
    builder.warnings.extend(preamble.warnings)

    # The table(s), with any paragraph between continuation tables as a section heading.
    plan_blocks = {index for index, _, _ in tables}
    last = tables[-1][0]
    for index, header, first_row in tables:
        if builder.header != header:
            builder.header = header
            builder.above.clear()
        block = blocks[index]
        assert isinstance(block, Table)
        for row in block.rows[: max(0, first_row - 1)]:  # above the header: not part of the plan
            builder.warnings.extend(outside_warning(c.text) for c in row.cells if c.text.strip())
        for row in block.rows[first_row:]:
            builder.row(row, block.width)
        next_index = index + 1
        while next_index < len(blocks) and next_index not in plan_blocks and next_index < last:
            between = blocks[next_index]
            if isinstance(between, Para) and between.shown.strip():
                builder.section(between.shown)
            elif isinstance(between, Table):
                builder.warnings.extend(_outside(between))
            next_index += 1
    for block in blocks[last + 1 :]:
        builder.warnings.extend(_outside(block))
    period = detect_period(preamble.title)
    sections = builder.finish(period)
    header = tables[0][1]
    return Plan(
        title=preamble.title,
        period=period,
        approval=preamble.approval,
        columns=header.columns,
        sections=sections,
        warnings=builder.warnings,
    )
