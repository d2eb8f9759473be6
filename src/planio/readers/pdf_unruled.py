"""Tables drawn without rulings: text aligned in columns, read by column positions.

The header line is found by meaning (the same synonyms as any header); its words' left edges
give the columns. Below it, a line that puts a number in the "№" column starts a new row, a
line that runs from the first column across the others is a section row, and any other line
continues the row above. Without a "№" column, a larger vertical gap starts a new row.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from planio.readers.grid import Cell, Para, Row, Table
from planio.readers.header import Header, match_header
from planio.readers.pdf_text import Word, cell_paras, segments_of

BBox = tuple[float, float, float, float]

_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?$")
_COLUMN_GAP = 1.0  # font sizes between two header cells on one line
#: a browser sets narrow columns closer: "№" and "Мероприятие" a third of a font size apart
_NARROW_GAP = 0.35
_TABLE_END_GAP = 3.0  # line pitches of empty space that end the table


@dataclass(slots=True)
class Layout:
    """Column left edges of an unruled table, carried to the pages it continues on."""

    starts: list[float]
    header: Header

    def column(self, x0: float) -> int:
        index = 0
        for k, start in enumerate(self.starts):
            if x0 >= start - 2.0:
                index = k
        return index


def _column_starts(
    header: list[list[Word]], body: Sequence[list[Word]], gap: float = _COLUMN_GAP
) -> list[float]:
    """Left edges of the columns, from where the body's text blocks start.

    Header cells are often centred, so their own left edges are not the columns'. The body's
    text blocks start at a few recurring positions; each header cell takes the last of those
    positions at or left of its centre. Where that fails, the header's edges are kept.
    """
    starts: list[float] = []
    for line in body:
        starts.extend(float(seg[0]["x0"]) for seg in segments_of(line, gap))
    clusters: list[list[float]] = []
    for x in sorted(starts):
        if clusters and x - clusters[-1][-1] <= 4.0:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    common = [min(c) for c in clusters if len(c) >= 2]
    fallback = [float(seg[0]["x0"]) for seg in header]
    edges: list[float] = []
    for seg in header:
        centre = (float(seg[0]["x0"]) + float(seg[-1]["x1"])) / 2
        left = [x for x in common if x <= centre and (not edges or x > edges[-1])]
        if not left:
            return fallback
        edges.append(max(left))
    return edges


def _header_at(line: list[Word], gap: float) -> tuple[list[list[Word]], Header] | None:
    segments = segments_of(line, gap)
    if len(segments) < 2:
        return None
    row = Row(
        [
            Cell([Para(" ".join(str(w["text"]) for w in seg))], col=k)
            for k, seg in enumerate(segments)
        ]
    )
    header = match_header(row)
    return (segments, header) if header is not None else None


def _header_layout(line: list[Word], body: Sequence[list[Word]]) -> Layout | None:
    """The columns of a header line: cells a font size apart, or closer where that finds
    more of the columns a plan has ("№" beside "Мероприятие" in a narrow column)."""
    wide = _header_at(line, _COLUMN_GAP)
    narrow = _header_at(line, _NARROW_GAP)
    if narrow is not None and (wide is None or len(narrow[1].roles) > len(wide[1].roles)):
        return Layout(_column_starts(narrow[0], body, _NARROW_GAP), narrow[1])
    if wide is None:
        return None
    return Layout(_column_starts(wide[0], body), wide[1])


def find_unruled_table(
    lines: Sequence[list[Word]], page: int, previous: Layout | None
) -> tuple[BBox, Table, Layout, int] | None:
    """The unruled plan table among a page's ``lines``, as (bbox, table, layout, first line).

    ``previous`` is the layout of an unruled table on the page before, so a table that
    continues without repeating its header is still read by its columns.
    """
    layout: Layout | None = None
    first = 0
    for index, line in enumerate(lines):
        layout = _header_layout(line, lines[index + 1 :])
        if layout is not None:
            first = index
            break
    body_start = first + 1
    if layout is None:
        if previous is None or not lines:
            return None
        layout, first, body_start = previous, 0, 0
    body = list(lines[body_start:])
    tops = [float(line[0]["top"]) for line in lines[first:]]
    pitch = median([b - a for a, b in itertools.pairwise(tops)] or [12.0])
    rows = _rows(body, layout, pitch)
    width = len(layout.starts)
    table_rows: list[Row] = []
    if body_start == first + 1:
        header_cells = [Cell([Para(text)], col=k) for k, text in enumerate(layout.header.columns)]
        table_rows.append(Row(header_cells, page=page))
    used = lines[first : body_start + sum(len(r) for r in rows)]
    for row_lines in rows:
        table_rows.append(_row(row_lines, layout, width, page))
    words = [w for line in used for w in line]
    bbox = (
        min(float(w["x0"]) for w in words),
        min(float(w["top"]) for w in words),
        max(float(w["x1"]) for w in words),
        max(float(w["bottom"]) for w in words),
    )
    return bbox, Table(table_rows, width), layout, first


def _is_section_line(line: list[Word], layout: Layout) -> bool:
    """A line starting in the first column whose text runs on across the next one."""
    first = line[0]
    if layout.column(float(first["x0"])) != 0 or _NUMBER.match(str(first["text"])):
        return False
    if len(layout.starts) < 2:
        return False
    segment = segments_of(line, _COLUMN_GAP)[0]
    return float(segment[-1]["x1"]) > layout.starts[1]


def _rows(lines: list[list[Word]], layout: Layout, pitch: float) -> list[list[list[Word]]]:
    has_number = "number" in layout.header.roles
    number_col = layout.header.roles.get("number", -1)
    rows: list[list[list[Word]]] = []
    section_open = False
    previous_top: float | None = None
    for line in lines:
        top = float(line[0]["top"])
        gap = top - previous_top if previous_top is not None else 0.0
        if previous_top is not None and gap > _TABLE_END_GAP * pitch:
            break
        previous_top = top
        starts_number = any(
            layout.column(float(w["x0"])) == number_col and _NUMBER.match(str(w["text"]))
            for w in line
        )
        section = _is_section_line(line, layout)
        new_row = (
            not rows
            or starts_number
            or (section and not section_open)
            or (section_open and not section)
            or (not has_number and gap > 1.4 * pitch)
        )
        if new_row:
            rows.append([line])
        else:
            rows[-1].append(line)
        section_open = section if new_row else section_open
    return rows


def _row(lines: list[list[Word]], layout: Layout, width: int, page: int) -> Row:
    if _is_section_line(lines[0], layout):
        words = [w for line in lines for w in line]
        return Row([Cell(cell_paras(words), col=0, span=width)], page=page)
    by_column: dict[int, list[Word]] = {k: [] for k in range(width)}
    for line in lines:
        for word in line:
            by_column[layout.column(float(word["x0"]))].append(word)
    return Row([Cell(cell_paras(by_column[k]), col=k) for k in range(width)], page=page)
