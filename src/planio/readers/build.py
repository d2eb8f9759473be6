"""Raw grid → :class:`Plan`: the one place where a document's parts get their meaning.

Every reader's output passes through :func:`build_plan`, so header roles, section rows,
continuation tables and rows cut by a page break are found the same way for DOCX and PDF; what
stands above the table (approval block, title) is read by :mod:`planio.readers.preamble`.
What cannot be placed goes into ``Plan.warnings`` with its text: nothing is dropped silently.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from planio import executors as executor_rules
from planio.dates import detect_period, parse_deadline
from planio.dates.context import heading_period, section_context
from planio.dates.deadlines import is_date_heading
from planio.errors import NoPlanError
from planio.i18n import _
from planio.model import Item, Period, Plan, PlanWarning, Section
from planio.plan_warnings import warning, where
from planio.readers.approval import STAMP_HEADING
from planio.readers.columns import check_columns, guess_roles
from planio.readers.grid import Cell, Para, RawDocument, Row, Table, join_lines
from planio.readers.header import (
    Header,
    header_text,
    is_column_numbers,
    names_extra,
    names_role,
    word_roles,
)
from planio.readers.preamble import TITLE_START, outside_warning, read_preamble
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
#: a text of figures only (the end of a title a page break cut off: «… номер» / «13»)
_FIGURES = re.compile(r"[\d\s.,:;()\-–]+")
#: a number typed at the start of the event's text: "1.1. Посещение выставки", "3) Отчёт"
_LEADING_NUMBER = re.compile(
    r"^\s*(?:(\d{1,3}(?:\.\d{1,3})*)[.)]|([а-яё])\))\s+(?=\S)", re.IGNORECASE
)
#: more non-empty paragraphs than this between two plan tables: two separate tables
_MAX_PARAS_BETWEEN = 6
#: fewer data rows than this and a table found only by its content is not a plan table
_MIN_GUESSED_ROWS = 3


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
        last = self.sections[-1] if self.sections else None
        if (
            last is not None
            and not self.last_was_item
            and TITLE_START.match(last.heading)
            and not (self.pending and self.pending[-1].section is last)
        ):
            # «ПЛАН РАБОТЫ» / «НА НОЯБРЬ 2021 г.»: one heading over two paragraphs
            heading = f"{last.heading} {heading}"
            self.sections.pop()
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
        if self._number_tail(row, own):
            return False
        if len(own) == 1 and is_date_heading(collapse(own[0].text)):
            return True  # «МАРТ», «23 марта» alone in a row: the rows under it happen then
        if len(row.cells) > 1 and len(own) == 1 and own[0] is row.cells[0]:
            return True
        text = " ".join(collapse(c.text) for c in own)
        if _SECTION_START.match(text) and split_heading(text)[0] is not None:
            return True
        paras = [p for c in own for p in c.paras if p.shown.strip()]
        return bool(paras) and all(p.bold or p.italic for p in paras)

    def _number_tail(self, row: Row, own: list[Cell]) -> bool:
        """Is ``row`` the figures a page break cut off the end of the last event's text?

        «Событие плана номер» / (next page, under the repeated header) «13»: alone in the
        events' column, only figures, first on its page: the rest of the row above, not a
        heading («13» would pass for a day).
        """
        header = self.header
        assert header is not None
        return (
            len(own) == 1
            and self.last_was_item
            and row.page is not None
            and row.page != self.last_page
            and header.column_of(own[0]) == header.roles.get("title")
            and _FIGURES.fullmatch(collapse(own[0].text)) is not None
        )

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
        text goes on in lower case, or (without a number column, or after a row whose № cell is
        empty too) its deadline is missing where the row before had one.
        """
        header = self.header
        assert header is not None
        title = by_column.get(header.roles["title"])
        text = title.text.strip() if title is not None else ""
        if text[:1].islower():
            return True
        number = header.roles.get("number")
        numbered = self.pending and self.pending[-1].text("number")  # empty № cells: no sign
        if number is not None and numbered:
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
        contexts = {id(s): section_context(s.heading, s.title, period) for s in self.sections}
        for pending, names in zip(self.pending, resolved, strict=True):
            number, title = _number_and_title(pending)
            deadline_text = pending.text("deadline")
            context = contexts.get(id(pending.section))
            deadline = parse_deadline(deadline_text, period, context)
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
    """The item's number as shown (Word's list label where nothing is typed) and its title.

    Where the "№" cell is empty (or there is none) and the event's text starts with a number
    («1.1. Посещение выставки»), that number is the item's.
    """
    roles = pending.header.roles
    title_paras = list(pending.cells.get(roles["title"], []))
    number = pending.text("number").replace("\n", " ") if "number" in roles else ""
    if not number and title_paras and title_paras[0].label[:1].isalnum():
        number = title_paras[0].label
        title_paras[0] = Para(title_paras[0].text, bold=title_paras[0].bold)
    elif not number and title_paras and (typed := _LEADING_NUMBER.match(title_paras[0].text)):
        number = typed.group(1) or typed.group(2)
        first = title_paras[0]
        title_paras[0] = Para(first.text[typed.end() :], label=first.label, bold=first.bold)
    return number.rstrip(".)").strip(), _text(title_paras)


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


@dataclass(slots=True)
class _Found:
    """A plan table: its block index, header, first data row, and how its columns were found."""

    index: int
    header: Header
    first_row: int
    guessed: bool = False
    continuation: bool = False
    #: the rows the header takes (two where a group's header stands over its sub-columns)
    header_rows: int = 1


def _by_column(row: Row, header: Header) -> list[str]:
    texts = [""] * len(header.columns)
    for cell in row.cells:
        column = header.column_of(cell)
        if column is not None and not cell.merged_up:
            texts[column] = f"{texts[column]}\n{cell.text}".strip()
    return texts


def _columns_of(rows: list[Row], header: Header) -> list[list[str]]:
    """Each header column's cell texts in the data rows (rows of one filled cell left out)."""
    by_row = [_by_column(row, header) for row in rows]
    by_row = [texts for texts in by_row if sum(1 for t in texts if t.strip()) >= 2]
    return [[texts[i] for texts in by_row] for i in range(len(header.columns))]


#: a sub-column's header is short («план», «факт», «ответственный»)
_LONGEST_SUB_HEADER = 40


def _header_at(table: Table, row_index: int) -> tuple[Header, int]:
    """The header that starts at ``row_index``, and how many rows it takes (one or two).

    A header cell spanning several columns over a row of their own labels is a group
    («Сроки исполнения» over «план | факт», «Исполнение» over «срок | ответственный»): each
    sub-column is a column of its own, named «group (label)», so each may take its own role.
    A group of executors («Исполнители» over «ответственный | соисполнители») stays one
    column: everyone it names does the event.
    """
    row = table.rows[row_index]
    texts = [header_text(c.text) for c in row.cells]
    spans = [(c.col, c.end) for c in row.cells]
    sub = table.rows[row_index + 1] if row_index + 1 < len(table.rows) else None
    groups = _sub_headers(row, sub) if sub is not None else None
    if sub is None or groups is None:
        return Header(texts, spans, {}), 1
    columns: list[str] = []
    sub_spans: list[tuple[int, int]] = []
    for cell, text in zip(row.cells, texts, strict=True):
        labels = groups.get(cell.col, [])
        named = [label for label, _, _ in labels if label]
        keep_whole = names_role(text, "executors") and not any(
            names_role(label, role) for label in named for role in ("title", "deadline")
        )
        if not named or keep_whole:
            columns.append(text)
            sub_spans.append((cell.col, cell.end))
            continue
        for label, start, end in labels:
            columns.append(f"{text} ({label})" if text and label else text or label)
            sub_spans.append((start, end))
    rows = [texts, [header_text(c.text) for c in sub.cells]]
    return Header(columns, sub_spans, {}, rows), 2


def _sub_headers(top: Row, sub: Row) -> dict[int, list[tuple[str, int, int]]] | None:
    """The labels ``sub`` sets under ``top``'s wide cells (by the wide cell's column), if any.

    ``sub`` is a row of sub-headers when all its text stands under cells of ``top`` that span
    several columns, in short labels, and it is no row of column numbers.
    """
    if len(top.cells) < 2 or is_column_numbers(sub):
        return None  # one cell over the whole table is its caption, not a group
    wide = [c for c in top.cells if c.span > 1 and c.text.strip()]
    if not wide:
        return None
    groups: dict[int, list[tuple[str, int, int]]] = {}
    for cell in sub.cells:
        text = "" if cell.merged_up else header_text(cell.text)
        over = next((w for w in wide if w.col <= cell.col and cell.end <= w.end), None)
        if over is None:
            if text:
                return None  # text under a plain header cell: a data row
            continue
        if len(text) > _LONGEST_SUB_HEADER:
            return None
        groups.setdefault(over.col, []).append((text, cell.col, cell.end))
    if not any(label for labels in groups.values() for label, _, _ in labels):
        return None
    return groups


def _table_header(table: Table, user: Mapping[str, int]) -> _Found | None:
    """The header of a plan table, its roles from its words and its columns' content."""
    for row_index in range(min(_HEADER_SEARCH_ROWS, len(table.rows))):
        header, taken = _header_at(table, row_index)
        words = word_roles(header.columns)
        if "title" in words and {"executors", "deadline"} & words.keys():
            header.roles = words
            break
    else:
        if not table.rows or len(table.rows[0].cells) < 2 or _holds_a_stamp(table):
            return None
        row_index = 0
        header, taken = _header_at(table, 0)
        words = word_roles(header.columns)
    if user and max(user.values()) > len(header.columns):
        return None  # narrower than the user's columns: another table (a layout table)
    data = table.rows[row_index + taken :]
    extra = [index for index, text in enumerate(header.columns) if names_extra(text)]
    roles = guess_roles(_columns_of(data, header), words, extra)
    if user:
        roles = _with_user_columns(roles, check_columns(user, len(header.columns)))
    if "title" not in roles or not ({"executors", "deadline"} & roles.keys()):
        return None
    guessed = not user and any(words.get(role) != index for role, index in roles.items())
    rows = len([t for t in _columns_of(data, header)[roles["title"]] if t.strip()])
    if guessed and "title" not in words and rows < _MIN_GUESSED_ROWS:
        return None  # too little to tell a plan from a layout table by content alone
    header.roles = roles
    return _Found(-1, header, row_index + taken, guessed, header_rows=taken)


def _holds_a_stamp(table: Table) -> bool:
    """A layout table of stamps (its first row heads them), never a plan found by its content."""
    return any(STAMP_HEADING.match(cell.text) for cell in table.rows[0].cells)


def _with_user_columns(roles: dict[str, int], user: dict[str, int]) -> dict[str, int]:
    """The user's roles, with the found roles kept where they take no column the user named."""
    kept = {r: i for r, i in roles.items() if r not in user and i not in user.values()}
    return {**kept, **user}


def _plan_tables(blocks: list[Para | Table], user: Mapping[str, int]) -> list[_Found]:
    """The plan table and its continuations: the run of plan tables with the most data rows.

    A long document (a development programme) may hold other tables with plan-like columns
    far from the plan; tables are one plan when only a few paragraphs (monthly headings)
    stand between them.
    """
    runs: list[list[_Found]] = []
    last_index = -1
    for index, block in enumerate(blocks):
        if not isinstance(block, Table):
            continue
        run = runs[-1] if runs else None
        near = run is not None and _near(blocks, last_index, index)
        found = None
        repeated = _repeated_header(block, run[-1].header) if run is not None and near else None
        if run is not None and repeated is not None:
            # the plan's header again (repeated on every page, or over each monthly table):
            # the same columns, so their roles are not weighed again
            header = run[-1].header
            rows = max(1, len(header.rows))
            run.append(_Found(index, header, repeated + rows, run[-1].guessed, True, rows))
            last_index = index
            continue
        if run is not None and near and _continues(block, run[-1].header):
            # a first row that is no header continues the run whatever its columns hold, so
            # the columns are weighed (the costly part, once per PDF page) only for the rest
            first = block.rows[0]
            continued = not _looks_like_header(first) or _leaves_a_role_empty(first, run[-1])
            if not continued:
                found = _table_header(block, user)
                continued = found is None or found.header.roles == run[-1].header.roles
            if continued:
                run.append(_Found(index, run[-1].header, 0, run[-1].guessed, continuation=True))
                last_index = index
                continue
        else:
            found = _table_header(block, user)
        if found is not None:
            found.index = index
            if near and run is not None:
                run.append(found)
            else:
                runs.append([found])
            last_index = index
    if not runs:
        return []
    return max(runs, key=lambda run: sum(_rows(blocks, f) for f in run))


def _rows(blocks: list[Para | Table], found: _Found) -> int:
    table = blocks[found.index]
    assert isinstance(table, Table)
    return len(table.rows) - found.first_row


def _near(blocks: list[Para | Table], last: int, index: int) -> bool:
    """Only a few paragraphs, and no other table, between two plan tables."""
    between = blocks[last + 1 : index]
    if any(isinstance(b, Table) for b in between):
        return False
    return sum(1 for b in between if isinstance(b, Para) and b.shown.strip()) <= _MAX_PARAS_BETWEEN


#: what a data row has and a header row has not: a number, a date, initials
_DATA_MARK = re.compile(r"\d|[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]|[А-ЯЁ][а-яё]+\s[А-ЯЁ]\.\s?[А-ЯЁ]\.")
#: a header cell is short
_LONGEST_HEADER_CELL = 60


def _looks_like_header(row: Row) -> bool:
    """A row of short labels with no numbers, dates or people: a table's own header row."""
    texts = [collapse(c.text) for c in row.cells if c.text.strip()]
    return len(texts) >= 2 and all(
        len(t) <= _LONGEST_HEADER_CELL and not _DATA_MARK.search(t) for t in texts
    )


def _leaves_a_role_empty(row: Row, found: _Found) -> bool:
    """Does ``row`` leave empty a column the plan's header gives a role to?

    A header row names every column it has; the rest of a row a page break cut («| школы |
    Социальный педагог |», its № and deadline on the page before) holds short words too, but
    not in every column.
    """
    header = found.header
    filled = {header.column_of(cell) for cell in row.cells if cell.text.strip()}
    return any(index not in filled for index in header.roles.values())


def _repeated_header(table: Table, header: Header) -> int | None:
    """The row of ``table`` that repeats ``header`` word for word, cell for cell, if any."""
    for row_index in range(min(_HEADER_SEARCH_ROWS, len(table.rows))):
        found, _ = _header_at(table, row_index)
        if found.spans == header.spans and found.columns == header.columns:
            return row_index
    return None


def _continues(table: Table, header: Header) -> bool:
    """A headerless table right after the plan with the same columns."""
    if table.width != max(end for _, end in header.spans):
        return False
    for row in table.rows[:_HEADER_SEARCH_ROWS]:
        words = word_roles([header_text(c.text) for c in row.cells])
        if "title" in words and {"executors", "deadline"} & words.keys():
            return False  # a table with a header of its own (a monthly table)
    return True


def _columns_warning(header: Header) -> PlanWarning:
    """The ``columns_guessed`` warning: each role's column number and header text."""
    phrases = {
        "number": _("the numbers in column {number} «{header}»"),
        "title": _("the events in column {number} «{header}»"),
        "executors": _("the executors in column {number} «{header}»"),
        "deadline": _("the deadlines in column {number} «{header}»"),
    }
    parts = [
        phrases[role].format(number=index + 1, header=header.columns[index])
        for role, index in sorted(header.roles.items(), key=lambda entry: entry[1])
    ]
    text = " | ".join(header.columns)
    return warning("columns_guessed", text=text, mapping="; ".join(parts))


def build_plan(raw: RawDocument, name: str = "", columns: Mapping[str, int] | None = None) -> Plan:
    """Turn a raw grid into a plan; raise :class:`NoPlanError` when there is no plan table.

    ``columns`` is the user's mapping of roles to column numbers (counted from 1), which wins
    over what planio finds itself.
    """
    blocks = raw.blocks
    user = dict(columns or {})
    if user:
        check_columns(user)
    tables = _plan_tables(blocks, user)
    if not tables and user:
        widest = max(
            (len(b.rows[0].cells) for b in blocks if isinstance(b, Table) and b.rows), default=0
        )
        check_columns(user, widest)  # a column the document's tables do not have
    if not tables:
        raise NoPlanError(
            _("no plan table found (a table with event and deadline/executor columns)"), name
        )
    builder = _Builder(warnings=list(raw.warnings))
    first = tables[0].index
    before = blocks[:first]
    preamble = read_preamble(before)
    builder.warnings.extend(preamble.warnings)

    # The table(s), with any paragraph between plan tables as a section heading.
    plan_blocks = {found.index for found in tables}
    last = tables[-1].index
    for found in tables:
        if builder.header != found.header:
            if found.guessed and not found.continuation:
                builder.warnings.append(_columns_warning(found.header))
            elif found.header.columns != tables[0].header.columns:
                # a later table of the plan with columns of its own: its header is kept here
                text = " | ".join(found.header.columns)
                builder.warnings.append(warning("table_columns", text=text))
            builder.header = found.header
            builder.above.clear()
        block = blocks[found.index]
        assert isinstance(block, Table)
        above = max(0, found.first_row - found.header_rows)
        for row in block.rows[:above]:  # above the header: not the plan, but perhaps its title
            texts = [c.text for c in row.cells if c.text.strip()]
            if not preamble.title and len(texts) == 1 and TITLE_START.match(texts[0]):
                preamble.title = collapse(texts[0])  # «План мероприятий на 2022 год» over it
                continue
            builder.warnings.extend(outside_warning(text) for text in texts)
        for row in block.rows[found.first_row :]:
            builder.row(row, block.width)
        next_index = found.index + 1
        while next_index < len(blocks) and next_index not in plan_blocks and next_index < last:
            between = blocks[next_index]
            if isinstance(between, Para) and between.shown.strip():
                builder.section(between.shown)
            elif isinstance(between, Table):
                builder.warnings.extend(_outside(between))
            next_index += 1
    for block in blocks[last + 1 :]:
        builder.warnings.extend(_outside(block))
    # a plan inside a longer document may take its period from the document's heading
    period = detect_period(preamble.title) or detect_period(preamble.document_heading)
    period = _monthly_tables(builder, preamble.title, period)
    sections = builder.finish(period)
    return Plan(
        title=preamble.title,
        period=period,
        approval=preamble.approval,
        columns=tables[0].header.columns,
        sections=sections,
        warnings=builder.warnings,
    )


def _monthly_tables(builder: _Builder, title: str, period: Period | None) -> Period | None:
    """A plan of monthly tables, each headed «… НА ОКТЯБРЬ …»: each table a section.

    The first table's heading ends the title; it also heads the events before the first
    heading between tables. The plan period then runs from the first month to the last,
    unless the title names a period holding them all.
    """
    sections = builder.sections
    lead = sections[0] if sections and not sections[0].heading else None
    headed = sections[1:] if lead is not None else sections
    if not headed or not all(TITLE_START.match(s.heading) for s in headed):
        return period
    months = [heading_period(s.heading, period) for s in headed]
    if lead is not None:
        opening = _last_title_phrase(title)
        named = heading_period(opening, period) if opening else None
        if named is None:
            return period
        lead.heading = lead.title = opening
        months.insert(0, named)
    spans = [m for m in months if m is not None]
    if len(spans) != len(months):
        return period
    start, end = min(m.start for m in spans), max(m.end for m in spans)
    if period is not None and period.start <= start and end <= period.end:
        return period
    labels = [m.label for m in (spans[0], spans[-1]) if m.label]
    return Period(start, end, label=" – ".join(dict.fromkeys(labels)))


def _last_title_phrase(title: str) -> str:
    """The last «План … на <месяц>» phrase of a title (the first monthly table's heading)."""
    starts = [m.start() for m in re.finditer(r"(?i)(?<!\S)план", title)]
    return title[starts[-1] :].strip() if starts else ""
