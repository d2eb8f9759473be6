"""PDF → raw grid: the page logic both PDF engines share.

An engine (:mod:`~planio.readers.pdf_pdfium`, the default, or
:mod:`~planio.readers.pdf_plumber`) reads each page once into its words (with font names, for
bold and italic) and its rulings; here the rulings become ruled tables (pdfplumber's table
finder, fed the engine's edges), and words are placed into table cells by position, so no page
is cropped or re-extracted per cell. A gap to the right of a cell is a horizontal span, a gap
below one a vertical merge (``merged_up``), exactly as the DOCX reader reports them. Pages
without rulings fall back to column positions (:mod:`planio.readers.pdf_unruled`). Rows cut by
a page break and tables continued on the next page are stitched by the shared builder, which
sees each row's page.

Only the engines' calls into their libraries are guarded: an error there is bad input (a
typed :class:`PlanioError`); an error in this logic is a bug and propagates.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from typing import Literal, Protocol

from planio.errors import CorruptFileError, ScannedDocumentError, TooLargeError
from planio.i18n import _
from planio.model import PlanWarning
from planio.plan_warnings import warning
from planio.readers.grid import Block, Cell, Para, RawDocument, Row, Table
from planio.readers.limits import Limits
from planio.readers.pdf_text import (
    Edge,
    PageContent,
    Word,
    cell_paras,
    edge,
    line_para,
    lines_of,
    segments_of,
)
from planio.readers.pdf_unruled import Layout, find_unruled_table

PdfEngine = Literal["pdfium", "pdfplumber"]
ENGINES: tuple[PdfEngine, ...] = ("pdfium", "pdfplumber")

_PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?$|^(?:стр\.|страница)\s*\d+", re.I)
_MARGIN_SHARE = 0.08
#: running headers and footers stand closer to the edge than any page's body text
_RUNNING_SHARE = 0.05
_DIGITS = re.compile(r"\d+")
#: rulings this close (points) are one line, as pdfplumber snaps, joins and crosses them
_SNAP = 3.0
#: a ruled table of fewer rows is a frame (a stamp's box), not a plan's table
_ROWS_OF_A_PLAN = 3
#: how far outside a table's border a list number may hang and still be its row's (points)
_OVERHANG = 36.0
#: shorter edges are dropped before snapping (pdfplumber's ``edge_min_length_prefilter``)
_PREFILTER_LENGTH = 1.0


class _Document(Protocol):
    page_count: int

    def page(self, number: int, max_chars: int) -> PageContent: ...

    def close(self) -> None: ...


def _edges(values: Iterable[float]) -> list[float]:
    edges: list[float] = []
    for value in sorted(values):
        if not edges or value - edges[-1] > 1.5:
            edges.append(value)
    return edges


def _nearest(edges: list[float], value: float) -> int:
    """The index of the sorted edge nearest ``value`` (the lower one on a tie)."""
    i = bisect.bisect_left(edges, value)
    if i == 0:
        return 0
    if i == len(edges):
        return i - 1
    return i if edges[i] - value < value - edges[i - 1] else i - 1


BBox = tuple[float, float, float, float]


class _BoxIndex:
    """The first cell box (in row order) holding a point, found by column and top.

    The same answer as trying every box in turn, in a few steps: the boxes under the point's
    column (or a neighbour's, boxes may stand a little off the merged column edges), the last
    few starting above the point.
    """

    def __init__(self, boxes: list[BBox], edges: list[float]) -> None:
        self.edges = edges
        self.columns: list[list[tuple[float, int, BBox]]] = [[] for _ in edges]
        for order, box in enumerate(boxes):
            first = _nearest(edges, box[0])
            for k in range(first, max(first + 1, _nearest(edges, box[2]))):
                self.columns[k].append((box[1], order, box))
        for column in self.columns:
            column.sort()
        self.tops = [[top for top, _, _ in column] for column in self.columns]

    def __call__(self, x: float, y: float) -> BBox | None:
        edges = self.edges
        k = bisect.bisect_right(edges, x) - 1
        near = [k]
        if k >= 0 and x - edges[k] <= 2.0:
            near.append(k - 1)
        if k + 1 < len(edges) and edges[k + 1] - x <= 2.0:
            near.append(k + 1)
        best_order = -1
        best: BBox | None = None
        columns, tops = self.columns, self.tops
        for k in near:
            if not 0 <= k < len(columns):
                continue
            end = bisect.bisect_right(tops[k], y)
            for _top, order, box in columns[k][max(0, end - 3) : end]:
                if (
                    (best is None or order < best_order)
                    and box[0] <= x <= box[2]
                    and box[1] <= y <= box[3]
                ):
                    best_order, best = order, box
        return best


def _nearest_box(boxes: list[BBox], x: float, y: float) -> BBox | None:
    """The box level with ``y`` nearest ``x`` (the first on a tie), if one is within
    :data:`_OVERHANG` of it: a list number hung out of its cell, or a word across a border."""
    best: BBox | None = None
    best_gap = _OVERHANG
    for box in boxes:
        if box[1] <= y <= box[3]:
            gap = max(box[0] - x, x - box[2], 0.0)
            if gap <= best_gap and (best is None or gap < best_gap):
                best, best_gap = box, gap
    return best


def grid_table(
    rows: Sequence[Sequence[BBox | None]],
    words: Sequence[Word],
    page: int,
    unplaced: list[Word] | None = None,
) -> Table:
    """pdfplumber's rows of cell boxes (None where merged) and the page's words → a Table.

    A word in no cell box goes to the nearest box level with it within :data:`_OVERHANG`
    (a number Word hangs out of its cell); one further from every box goes to ``unplaced``.
    """
    boxes = [box for row in rows for box in row if box is not None]
    edges = _edges([b[0] for b in boxes] + [b[2] for b in boxes])
    width = len(edges) - 1
    placed: dict[BBox, list[Word]] = {box: [] for box in boxes}
    find = _BoxIndex(boxes, edges)
    for word in words:
        x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
        box = find(x, y)
        if box is None:  # across a border or beside the table: the nearest cell of its row
            box = _nearest_box(boxes, x, y)
        if box is not None:
            placed[box].append(word)
        elif unplaced is not None:
            unplaced.append(word)
    out: list[Row] = []
    for row in rows:
        covered = [False] * width
        cells: list[Cell] = []
        for cell_box in row:
            if cell_box is None:
                continue
            col = _nearest(edges, cell_box[0])
            span = max(1, _nearest(edges, cell_box[2]) - col)
            paras = cell_paras(placed[cell_box], cell_box[2] - cell_box[0])
            cells.append(Cell(paras, col=col, span=span))
            for k in range(col, min(width, col + span)):
                covered[k] = True
        for k in range(width):  # a column no box covers lies under a cell merged from above
            if not covered[k]:
                cells.append(Cell([], col=k, merged_up=True))
        cells.sort(key=lambda c: c.col)
        out.append(Row(cells, page=page))
    return Table(out, width)


def _line_key(line: list[Word]) -> tuple[int, str]:
    """Where a margin line stands and what it says, page numbers and dates aside."""
    return round(float(line[0]["top"])), _DIGITS.sub("#", line_para(line).text)


class _Page:
    """A page as the engine read it, its ruled tables, and its lines in the top and bottom
    margins outside any table (candidates for a running header or footer)."""

    def __init__(self, content: PageContent) -> None:
        self.content = content
        self.tables = ruled_tables(content)
        height = content.height
        band = [
            w
            for w in content.words
            if (w["top"] < height * _RUNNING_SHARE or w["top"] > height * (1 - _RUNNING_SHARE))
            and not any(_inside(w, bbox) for bbox, _ in self.tables)
        ]
        self.margin_keys = {_line_key(line) for line in lines_of(band)}


class _PageReader:
    def __init__(
        self, page: _Page, layout: Layout | None, running: set[tuple[int, str]] | None = None
    ) -> None:
        self.page = page.content
        self.tables = page.tables
        self.number = page.content.number
        #: running headers and footers (a browser's date, URL and page count; a title repeated
        #: in Word's header): the same line at the same place on the next or previous page
        self.running = running or set()
        #: the columns of an unruled table, kept for the page after this one
        self.layout = layout
        #: what this page could not place, with its text
        self.warnings: list[PlanWarning] = []

    def blocks(self) -> list[tuple[float, Block]]:
        """(top, block) pairs of this page: its tables and the text lines outside them."""
        words = self.page.words
        found: list[tuple[Sequence[float], Table]] = []
        taken: set[int] = set()
        for bbox, rows in self.tables:
            inside = _within(words, bbox)
            if not rows or not inside:  # ruled boxes with no text: decoration, not a table
                continue
            inside = [w for w in inside if id(w) not in taken]  # one table's words only
            inside.extend(w for w in _hung_out(words, bbox, self.tables) if id(w) not in taken)
            taken.update(map(id, inside))
            stray: list[Word] = []
            found.append((bbox, grid_table(rows, inside, self.number, stray)))
            self.warnings.extend(
                warning("pdf_text_outside_cells", text=line_para(line).text, page=self.number)
                for line in lines_of(stray)
            )
        if found:
            self.layout = None
        else:
            unruled = find_unruled_table(self._content_lines(words), self.number, self.layout)
            self.layout = unruled[2] if unruled else None
            if unruled is not None:
                found.append((unruled[0], unruled[1]))
                taken.update(map(id, _within(words, unruled[0])))
        outside = [w for w in words if id(w) not in taken]
        # text level with a table's rows, beside it, is no heading between tables; beside a
        # box of a row or two (a «СОГЛАСОВАНО» frame) it is the page's text (a stamp)
        rowed = [bbox for bbox, table in found if len(table.rows) >= _ROWS_OF_A_PLAN]
        beside: list[Word] = []
        free: list[Word] = []
        for word in outside:
            (beside if any(_level_with(word, bbox) for bbox in rowed) else free).append(word)
        self.warnings.extend(
            warning("pdf_text_beside_table", text=line_para(line).text, page=self.number)
            for line in lines_of(beside)
        )
        outside = free
        blocks: list[tuple[float, Block]] = [(bbox[1], table) for bbox, table in found]
        blocks.extend(self._text_blocks(outside))
        blocks.sort(key=lambda pair: pair[0])
        return blocks

    def _in_margin(self, line: list[Word]) -> bool:
        """A page number, running header or footer in the top or bottom margin: not content."""
        height = self.page.height
        top = float(line[0]["top"])
        if not (top < height * _MARGIN_SHARE or top > height * (1 - _MARGIN_SHARE)):
            return False
        if _PAGE_NUMBER.match(line_para(line).text.strip()):
            return True
        return bool(self.running) and _line_key(line) in self.running

    def _content_lines(self, words: list[Word]) -> list[list[Word]]:
        return [line for line in lines_of(words) if not self._in_margin(line)]

    def _text_blocks(self, words: list[Word]) -> list[tuple[float, Block]]:
        width = self.page.width
        out: list[tuple[float, Block]] = []
        left: list[Para] = []
        right: list[Para] = []
        side_top: float | None = None
        for line in self._content_lines(words):
            top = float(line[0]["top"])
            para = line_para(line)
            segments = segments_of(line)
            if len(segments) > 1:  # two blocks side by side ("СОГЛАСОВАНО" | "УТВЕРЖДАЮ")
                side_top = top if side_top is None else side_top
                left.append(line_para(segments[0]))
                right.append(line_para([w for s in segments[1:] for w in s]))
                continue
            if side_top is not None and line[0]["x0"] > width * 0.45 and not para.bold:
                right.append(para)  # the right block runs on below the left one
                continue
            out.append((top, para))
        if side_top is not None:
            row = Row([Cell(left, col=0), Cell(right, col=1)], page=self.number)
            out.append((side_top, Table([row], 2)))
        return out


def close_cut_ends(edges: list[Edge]) -> list[Edge]:
    """Rulings with a line drawn where a table runs off the page open.

    Browsers draw no border where a page break cuts a table: the column lines stop with no
    line across them (at most the ends of their own thin bars), and the last (or first) row
    would have no cell. Where two or more column lines end at one height and less than half
    of the width between them is ruled across there, a line is added.
    """
    vertical = [e for e in edges if e["orientation"] == "v"]
    horizontal = [e for e in edges if e["orientation"] == "h"]
    added: list[Edge] = []
    for end in ("top", "bottom"):
        ends = sorted(vertical, key=lambda e: float(e[end]))
        groups: list[list[Edge]] = []
        for item in ends:
            if groups and float(item[end]) - float(groups[-1][-1][end]) <= _SNAP:
                groups[-1].append(item)
            else:
                groups.append([item])
        for group in groups:
            if len(group) < 2:
                continue
            y = float(group[0][end])
            x0 = min(float(e["x0"]) for e in group)
            x1 = max(float(e["x1"]) for e in group)
            across = [
                (max(x0, float(h["x0"])), min(x1, float(h["x1"])))
                for h in horizontal
                if abs(float(h["top"]) - y) <= _SNAP
            ]
            line = None if _covered(across) >= (x1 - x0) / 2 else edge(x0, y, x1, y)
            if line is not None:
                added.append(line)
    return edges + added if added else edges


def _covered(spans: list[tuple[float, float]]) -> float:
    """How much of a line the spans cover together (overlaps counted once)."""
    total = 0.0
    reach = float("-inf")
    for start, end in sorted(spans):
        start = max(start, reach)
        if end > start:
            total += end - start
            reach = end
    return total


def ruled_tables(content: PageContent) -> list[tuple[Sequence[float], list[list[BBox | None]]]]:
    """(bbox, rows of cell boxes, None where merged) of the page's ruled tables.

    pdfplumber's table finder with its default settings (the edges snapped and joined, their
    crossings, the smallest cells between crossings, cells grouped into tables), with the
    last two steps rewritten to index crossings and corners instead of comparing every pair:
    the same tables, a few times faster.
    """
    from pdfplumber.table import Table as Cells
    from pdfplumber.table import edges_to_intersections

    if not content.edges:
        return []
    edges = [
        e
        for e in content.edges
        if e["orientation"] in ("h", "v")
        and e["height" if e["orientation"] == "v" else "width"] >= _PREFILTER_LENGTH
    ]
    # a column line drawn in pieces (a scan's slightly turned line) ends only where its
    # joined pieces end: cut ends are looked for after the merge
    edges = close_cut_ends(_merged(edges))
    edges = [e for e in edges if e["height" if e["orientation"] == "v" else "width"] >= _SNAP]
    cells = _cells(edges_to_intersections(edges, _SNAP, _SNAP))
    tables = [Cells(None, group) for group in _tables_of(cells)]  # type: ignore[arg-type]
    return [(t.bbox, [list(row.cells) for row in t.rows]) for t in tables]


def _snapped(edges: list[Edge], key: str, ends: tuple[str, str]) -> list[Edge]:
    """Edges whose ``key`` values lie within the snap of each other, moved to their average
    (pdfplumber's ``snap_objects``, the same arithmetic)."""
    values = sorted({float(e[key]) for e in edges})
    cluster: dict[float, int] = {}
    index = -1
    last: float | None = None
    for value in values:
        if last is None or value > last + _SNAP:
            index += 1
        cluster[value] = index
        last = value
    groups: dict[int, list[Edge]] = {}
    for e in sorted(edges, key=lambda e: cluster[float(e[key])]):
        groups.setdefault(cluster[float(e[key])], []).append(e)
    out: list[Edge] = []
    for group in groups.values():
        average = sum(float(e[key]) for e in group) / len(group)
        for e in group:
            shift = average - e[key]
            moved = dict(e)
            moved[ends[0]] = e[ends[0]] + shift
            moved[ends[1]] = e[ends[1]] + shift
            out.append(moved)
    return out


def _merged(edges: list[Edge]) -> list[Edge]:
    """Rulings snapped onto shared lines and joined where they meet (pdfplumber's
    ``merge_edges`` with its default tolerances, the same arithmetic)."""
    vertical = _snapped([e for e in edges if e["orientation"] == "v"], "x0", ("x0", "x1"))
    horizontal = _snapped([e for e in edges if e["orientation"] == "h"], "top", ("top", "bottom"))
    lines: dict[tuple[str, float], list[Edge]] = {}
    for e in vertical + horizontal:
        lines.setdefault((e["orientation"], e["top" if e["orientation"] == "h" else "x0"]), [])
        lines[(e["orientation"], e["top" if e["orientation"] == "h" else "x0"])].append(e)
    out: list[Edge] = []
    for (orientation, _position), group in sorted(lines.items(), key=lambda item: item[0]):
        low, high, size = (
            ("x0", "x1", "width") if orientation == "h" else ("top", "bottom", "height")
        )
        joined: list[Edge] = []
        for e in sorted(group, key=lambda e: e[low]):
            if joined and e[low] <= joined[-1][high] + _SNAP:
                if e[high] > joined[-1][high]:
                    last = dict(joined[-1])
                    last[size] = e[high] - last[low]
                    last[high] = e[high]
                    joined[-1] = last
            else:
                joined.append(e)
        out.extend(joined)
    return out


def _cells(intersections: dict[tuple[float, float], dict[str, list[Edge]]]) -> list[BBox]:
    """The smallest cell to the right of and below each crossing, as pdfplumber finds it."""
    # the edges through each crossing, by identity: every crossing refers to the same merged
    # edge objects, and two crossings are joined when a line runs through both
    lines = {
        point: ({id(e) for e in found["v"]}, {id(e) for e in found["h"]})
        for point, found in intersections.items()
    }

    def connects(p: tuple[float, float], q: tuple[float, float]) -> bool:
        if p[0] == q[0] and not lines[p][0].isdisjoint(lines[q][0]):
            return True
        return p[1] == q[1] and not lines[p][1].isdisjoint(lines[q][1])

    points = sorted(intersections)
    by_x: dict[float, list[tuple[float, float]]] = {}
    by_y: dict[float, list[tuple[float, float]]] = {}
    at: dict[tuple[float, float], tuple[int, int]] = {}
    for point in points:  # sorted by x, then y: each list comes out in order
        column = by_x.setdefault(point[0], [])
        row = by_y.setdefault(point[1], [])
        at[point] = (len(column), len(row))
        column.append(point)
        row.append(point)
    cells: list[BBox] = []
    for point in points:
        in_column, in_row = at[point]
        below = by_x[point[0]][in_column + 1 :]
        right = by_y[point[1]][in_row + 1 :]
        found = None
        for down in below:
            if not connects(point, down):
                continue
            for across in right:
                if not connects(point, across):
                    continue
                corner = (across[0], down[1])
                if corner in lines and connects(corner, across) and connects(corner, down):
                    found = (point[0], point[1], corner[0], corner[1])
                    break
            if found is not None:
                break
        if found is not None:
            cells.append(found)
    return cells


def _tables_of(cells: list[BBox]) -> list[list[BBox]]:
    """Cells grouped into tables: touching at a corner, as pdfplumber's ``cells_to_tables``."""
    remaining = list(cells)
    tables: list[list[BBox]] = []
    while remaining:
        corners: set[tuple[float, float]] = set()
        group: list[BBox] = []
        grew = True
        while grew:
            grew = False
            rest: list[BBox] = []
            for cell in remaining:
                x0, top, x1, bottom = cell
                own = ((x0, top), (x0, bottom), (x1, top), (x1, bottom))
                if not group or not corners.isdisjoint(own):
                    corners.update(own)
                    group.append(cell)
                    grew = True
                else:
                    rest.append(cell)
            remaining = rest
        tables.append(group)
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


def _within(words: Sequence[Word], bbox: Sequence[float]) -> list[Word]:
    """The words whose centre lies in ``bbox`` (as :func:`_inside`, in one pass)."""
    x0, top, x1, bottom = bbox[0], bbox[1], bbox[2], bbox[3]
    return [
        w
        for w in words
        if x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and top <= (w["top"] + w["bottom"]) / 2 <= bottom
    ]


def _hung_out(
    words: Sequence[Word],
    bbox: Sequence[float],
    tables: Sequence[tuple[Sequence[float], object]],
) -> list[Word]:
    """Words just outside a table's left or right border, level with its rows.

    Word draws a list number at its hanging indent wherever that falls: a № cell whose list
    indent is smaller than its hanging puts every number left of the cell, across the table's
    border. On each line the run of words nearest the border, if it stands within
    :data:`_OVERHANG` of it, belongs to the table; text further out, or inside another table,
    does not.
    """
    x0, top, x1, bottom = bbox[0], bbox[1], bbox[2], bbox[3]
    left: list[Word] = []
    right: list[Word] = []
    for word in words:
        cx = (word["x0"] + word["x1"]) / 2
        if x0 <= cx <= x1 or not top <= (word["top"] + word["bottom"]) / 2 <= bottom:
            continue
        if any(_inside(word, other) for other, _ in tables):
            continue
        (left if cx < x0 else right).append(word)
    out: list[Word] = []
    for line in lines_of(left):
        nearest = segments_of(line)[-1]
        if x0 - nearest[-1]["x1"] <= _OVERHANG:
            out.extend(nearest)
    for line in lines_of(right):
        nearest = segments_of(line)[0]
        if nearest[0]["x0"] - x1 <= _OVERHANG:
            out.extend(nearest)
    return out


def _level_with(word: Word, bbox: Sequence[float]) -> bool:
    """The word's centre is between the top and the bottom of ``bbox``."""
    return bool(bbox[1] <= (word["top"] + word["bottom"]) / 2 <= bbox[3])


def _inside(word: Word, bbox: Sequence[float]) -> bool:
    cx = (word["x0"] + word["x1"]) / 2
    cy = (word["top"] + word["bottom"]) / 2
    return bool(bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3])


def _open(data: bytes, name: str, engine: PdfEngine) -> _Document:
    """The document in ``engine``; a file PDFium cannot open is tried with pdfplumber."""
    from planio.readers import pdf_plumber

    if engine == "pdfplumber":
        return pdf_plumber.Document(data, name)
    if engine != "pdfium":
        raise ValueError(f"unknown PDF engine {engine!r} (expected one of {ENGINES})")
    from planio.readers import pdf_pdfium

    try:
        return pdf_pdfium.Document(data, name)
    except pdf_pdfium.PasswordError as locked:  # pdfplumber tried the empty password too
        raise CorruptFileError(locked.message, name) from None
    except CorruptFileError as refused:
        try:
            return pdf_plumber.Document(data, name)
        except CorruptFileError:
            raise refused from None


def read_pdf(data: bytes, name: str, limits: Limits, engine: PdfEngine = "pdfium") -> RawDocument:
    """Read a PDF's bytes into a raw grid; raise a :class:`PlanioError` when it is unusable."""
    document = _open(data, name, engine)
    try:
        return _read_pages(document, name, limits)
    finally:
        document.close()


def _read_pages(document: _Document, name: str, limits: Limits) -> RawDocument:
    raw = RawDocument()
    count = document.page_count
    if count > limits.max_pages:
        raise TooLargeError(
            _("{count} pages (limit {limit})").format(count=count, limit=limits.max_pages), name
        )
    chars = 0
    layout: Layout | None = None
    # one page of look-ahead: a running header is the same line on the page before or after
    pages = (  # the engine's calls
        _Page(document.page(n, limits.max_page_chars)) for n in range(1, count + 1)
    )
    before: set[tuple[int, str]] = set()
    page = next(pages, None)
    while page is not None:
        after = next(pages, None)
        chars += page.content.chars
        running = page.margin_keys & (before | (after.margin_keys if after else set()))
        reader = _PageReader(page, layout, running)
        raw.blocks.extend(block for _, block in reader.blocks())
        raw.warnings.extend(reader.warnings)
        layout = reader.layout
        before, page = page.margin_keys, after
    if chars == 0:
        raise ScannedDocumentError(
            _("the PDF has no text layer (a scan?); planio needs a PDF with text, or the DOCX"),
            name,
        )
    return raw
