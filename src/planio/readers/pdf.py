"""PDF → raw grid, with pdfplumber.

Each page is read once: its words (with font names, for bold and italic) and its ruled tables
(``find_tables``); words are then placed into table cells by position, so no page is cropped
or re-extracted per cell. Cells covered by a merge come back as ``None`` from pdfplumber: a
gap to the right of a cell is a horizontal span, a gap below one a vertical merge
(``merged_up``), exactly as the DOCX reader reports them. Pages without rulings fall back to
column positions (:mod:`planio.readers.pdf_unruled`). Rows cut by a page break and tables
continued on the next page are stitched by the shared builder, which sees each row's page.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from planio.errors import CorruptFileError, ScannedDocumentError, TooLargeError
from planio.i18n import _
from planio.model import PlanWarning
from planio.plan_warnings import warning
from planio.readers.grid import Block, Cell, Para, RawDocument, Row, Table
from planio.readers.limits import Limits
from planio.readers.pdf_text import Word, cell_paras, line_para, lines_of, segments_of
from planio.readers.pdf_unruled import Layout, find_unruled_table

_PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?$|^(?:стр\.|страница)\s*\d+", re.I)
_MARGIN_SHARE = 0.08


def _edges(values: Iterable[float]) -> list[float]:
    edges: list[float] = []
    for value in sorted(values):
        if not edges or value - edges[-1] > 1.5:
            edges.append(value)
    return edges


def _nearest(edges: list[float], value: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


def grid_table(
    rows: Sequence[Sequence[tuple[float, float, float, float] | None]],
    words: Sequence[Word],
    page: int,
    unplaced: list[Word] | None = None,
) -> Table:
    """pdfplumber's rows of cell boxes (None where merged) and the page's words → a Table.

    Words inside the table that fall in no cell box go to ``unplaced``.
    """
    boxes = [box for row in rows for box in row if box is not None]
    edges = _edges([b[0] for b in boxes] + [b[2] for b in boxes])
    width = len(edges) - 1
    placed: dict[tuple[float, float, float, float], list[Word]] = {box: [] for box in boxes}
    for word in words:
        cx = (word["x0"] + word["x1"]) / 2
        cy = (word["top"] + word["bottom"]) / 2
        for box in boxes:
            if box[0] <= cx <= box[2] and box[1] <= cy <= box[3]:
                placed[box].append(word)
                break
        else:
            if unplaced is not None:
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


class _PageReader:
    def __init__(self, page: Any, number: int, layout: Layout | None) -> None:
        self.page = page
        self.number = number
        #: the columns of an unruled table, kept for the page after this one
        self.layout = layout
        #: what this page could not place, with its text
        self.warnings: list[PlanWarning] = []

    def blocks(self) -> list[tuple[float, Block]]:
        """(top, block) pairs of this page: its tables and the text lines outside them."""
        page = self.page
        words: list[Word] = page.extract_words(extra_attrs=["fontname", "size"])
        found: list[tuple[Sequence[float], Table]] = []
        for table in page.filter(_ruling).find_tables():
            rows = [list(row.cells) for row in table.rows]
            inside = [w for w in words if _inside(w, table.bbox)]
            if not rows or not inside:  # ruled boxes with no text: decoration, not a table
                continue
            stray: list[Word] = []
            found.append((table.bbox, grid_table(rows, inside, self.number, stray)))
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
        outside = [w for w in words if not any(_inside(w, bbox) for bbox, _ in found)]
        blocks: list[tuple[float, Block]] = [(bbox[1], table) for bbox, table in found]
        blocks.extend(self._text_blocks(outside))
        blocks.sort(key=lambda pair: pair[0])
        return blocks

    def _in_margin(self, line: list[Word]) -> bool:
        """A page number in the top or bottom margin: not content."""
        height = float(self.page.height)
        top = float(line[0]["top"])
        in_margin = top < height * _MARGIN_SHARE or top > height * (1 - _MARGIN_SHARE)
        return in_margin and bool(_PAGE_NUMBER.match(line_para(line).text.strip()))

    def _content_lines(self, words: list[Word]) -> list[list[Word]]:
        return [line for line in lines_of(words) if not self._in_margin(line)]

    def _text_blocks(self, words: list[Word]) -> list[tuple[float, Block]]:
        width = float(self.page.width)
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


#: a filled rectangle thinner than this (points) is a ruling; a wider one is an area
_RULE_WIDTH = 3.0


def _ruling(obj: dict[str, Any]) -> bool:
    """Keep what can draw a table: lines, curves, stroked boxes and thin filled bars.

    Word draws borders as thin filled rectangles; highlights and cell shading are filled
    rectangles too, but wide ones, and their edges would make phantom rows and columns.
    """
    if obj.get("object_type") != "rect" or obj.get("stroke"):
        return True
    return min(float(obj["width"]), float(obj["height"])) <= _RULE_WIDTH


def _inside(word: Word, bbox: Sequence[float]) -> bool:
    cx = (word["x0"] + word["x1"]) / 2
    cy = (word["top"] + word["bottom"]) / 2
    return bool(bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3])


def _cause(exc: Exception) -> BaseException:
    """pdfplumber wraps pdfminer's errors; the first argument is the real one."""
    if isinstance(exc, PdfminerException) and exc.args and isinstance(exc.args[0], BaseException):
        return exc.args[0]
    return exc


def _reason(exc: Exception) -> str:
    cause = _cause(exc)
    return str(cause) or type(cause).__name__


def read_pdf(data: bytes, name: str, limits: Limits) -> RawDocument:
    """Read a PDF's bytes into a raw grid; raise a :class:`PlanioError` when it is unusable."""
    try:
        pdf = pdfplumber.open(io.BytesIO(data), password="")
    except Exception as exc:  # pdfminer raises many types for damaged files, pdfplumber wraps them
        if isinstance(_cause(exc), PDFPasswordIncorrect):
            raise CorruptFileError(
                _("the PDF is password-protected; save it without a password and try again"), name
            ) from None
        raise CorruptFileError(
            _("not a readable PDF ({reason})").format(reason=_reason(exc)), name
        ) from None
    try:
        return _read_pages(pdf, name, limits)
    finally:
        with contextlib.suppress(Exception):  # closing a broken PDF may fail again; it is read
            pdf.stream.close()


def _read_pages(pdf: Any, name: str, limits: Limits) -> RawDocument:
    document = RawDocument()
    chars = 0
    try:
        pages = pdf.pages
    except Exception as exc:
        raise CorruptFileError(
            _("broken PDF ({reason})").format(reason=_reason(exc)), name
        ) from None
    if len(pages) > limits.max_pages:
        raise TooLargeError(
            _("{count} pages (limit {limit})").format(count=len(pages), limit=limits.max_pages),
            name,
        )
    layout: Layout | None = None
    for number, page in enumerate(pages, start=1):
        try:
            chars += len(page.chars)
            reader = _PageReader(page, number, layout)
            document.blocks.extend(block for _, block in reader.blocks())
            document.warnings.extend(reader.warnings)
            layout = reader.layout
        except Exception as exc:
            raise CorruptFileError(
                _("page {number} cannot be read ({reason})").format(
                    number=number, reason=_reason(exc)
                ),
                name,
            ) from None
        finally:
            page.close()
    if chars == 0:
        raise ScannedDocumentError(
            _("the PDF has no text layer (a scan?); planio needs a PDF with text, or the DOCX"),
            name,
        )
    return document
