"""Words of a PDF page into lines, side-by-side segments and paragraphs.

Shared by the ruled and the unruled table readers and by the text around tables, so every
part of a PDF joins its lines the same way (see :func:`planio.readers.grid.join_lines`).
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from planio.errors import TooLargeError
from planio.i18n import _
from planio.readers.grid import Para, join_lines

#: a word: ``text``, ``x0``, ``x1``, ``top``, ``bottom`` (points, from the page's top left),
#: ``fontname`` and ``size``; the same keys as pdfplumber's words, whatever engine read it
Word = dict[str, Any]
#: a ruling: pdfplumber's edge dict (``x0``, ``x1``, ``top``, ``bottom``, ``width``,
#: ``height``, ``orientation`` "h"/"v", ``object_type``), fed to its table finder
Edge = dict[str, Any]


@dataclass(slots=True)
class PageContent:
    """What an engine reads from one page: all the shared page logic needs, nothing more."""

    number: int
    width: float
    height: float
    words: list[Word] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    #: characters on the page (0 on every page: a scan without a text layer)
    chars: int = 0


def check_page_chars(count: int, limit: int, number: int, name: str) -> None:
    """Refuse a page with more characters than any plan's page: the words would be built
    one by one, and a crafted page can hold millions."""
    if count > limit:
        raise TooLargeError(
            _("page {number} holds {count} characters (limit {limit})").format(
                number=number, count=count, limit=limit
            ),
            name,
        )


def has_columns(edges: list[Edge]) -> bool:
    """Any vertical ruling: without one, drawn lines cannot make a table's cells."""
    return any(e["orientation"] == "v" for e in edges)


def edge(x0: float, top: float, x1: float, bottom: float, kind: str = "line") -> Edge | None:
    """The edge along a segment from (x0, top) to (x1, bottom), or None for a slanted one."""
    left, right = min(x0, x1), max(x0, x1)
    upper, lower = min(top, bottom), max(top, bottom)
    if lower - upper < 0.01:
        orientation = "h"
    elif right - left < 0.01:
        orientation = "v"
    else:
        return None
    return {
        "object_type": kind,
        "x0": left,
        "x1": right,
        "top": upper,
        "bottom": lower,
        "doctop": upper,
        "width": right - left,
        "height": lower - upper,
        "orientation": orientation,
    }


_X0 = operator.itemgetter("x0")
#: a gap between words on one line wider than this many font sizes splits the line in two
SEGMENT_GAP = 2.5
#: left and right padding of a table cell, in points (Word and LibreOffice use ~5.4 each)
_CELL_PADDING = 11.0


@functools.cache
def _is_bold(font: str) -> bool:
    return any(mark in font for mark in ("Bold", "Black", "Heavy", "Semibold", ",B"))


@functools.cache
def _is_italic(font: str) -> bool:
    return any(mark in font for mark in ("Italic", "Oblique", ",I"))


def _reading_order(word: Word) -> tuple[float, float]:
    return round(word["top"], 1), word["x0"]


def lines_of(words: Sequence[Word]) -> list[list[Word]]:
    """Group words into visual lines (top to bottom), each sorted left to right."""
    lines: list[list[Word]] = []
    top = tolerance = 0.0  # the current line's first word's top, and how far a word may stand
    for word in sorted(words, key=_reading_order):
        if lines and abs(word["top"] - top) <= tolerance:
            lines[-1].append(word)
            continue
        lines.append([word])
        top, tolerance = word["top"], max(2.0, 0.4 * float(word["size"]))
    for line in lines:
        line.sort(key=_X0)
    return lines


def segments_of(line: list[Word], gap: float = SEGMENT_GAP) -> list[list[Word]]:
    """Split a line where a gap wider than ``gap`` font sizes separates two blocks."""
    segments: list[list[Word]] = [[line[0]]]
    for word in line[1:]:
        previous = segments[-1][-1]
        if word["x0"] - previous["x1"] > gap * float(word["size"]):
            segments.append([word])
        else:
            segments[-1].append(word)
    return segments


def line_para(words: Sequence[Word]) -> Para:
    fonts = {str(w.get("fontname", "")) for w in words}
    return Para(
        text=" ".join([str(w["text"]) for w in words]),
        bold=all(map(_is_bold, fonts)),
        italic=all(map(_is_italic, fonts)),
    )


#: letters no Russian word starts with: a line starting with one goes on from a cut word
_NO_WORD_STARTS = frozenset("ьъыЬЪЫ")


def _broken_word(line: list[Word], tail: str, width: float | None) -> bool:
    """A word too long for its column, cut with no hyphen: "Межведомственна" / "я комиссия".

    The cut piece stands alone and fills its line, and the next line starts with the word's
    short lowercase tail. (A wrap between two whole words looks the same on the page only
    when the second word is that short, which a wrapped line never needs.) A next line that
    starts with «ь», «ъ» or «ы» goes on from a cut word whatever its length: no word starts
    so («Индивидуал» / «ьные»).
    """
    if tail[:1] in _NO_WORD_STARTS and str(line[-1]["text"])[-1:].isalpha():
        return True
    if width is None or len(line) != 1:
        return False
    word = line[0]
    piece = str(word["text"])
    fills = float(word["x1"] - word["x0"]) >= width - _CELL_PADDING - float(word["size"])
    head = tail.split(" ", 1)[0].rstrip(".,;:")
    return fills and piece.isalpha() and head.isalpha() and head.islower() and len(head) <= 3


def cell_paras(words: Sequence[Word], width: float | None = None) -> list[Para]:
    """A cell's lines joined into paragraphs: wrapped lines join, a list line starts anew.

    ``width`` is the cell's width, used to spot a word longer than the column that the
    producer cut mid-word ("Межведомственна" / "я комиссия"): it is joined back whole.
    """
    paras: list[Para] = []
    previous: list[Word] | None = None
    for line in lines_of(words):
        para = line_para(line)
        if paras and previous is not None:
            last = paras[-1]
            if _broken_word(previous, para.text, width):
                joined: str | None = last.text + para.text
            else:
                joined = join_lines(last.text, para.text)
            if joined is not None:
                paras[-1] = Para(
                    joined, bold=last.bold and para.bold, italic=last.italic and para.italic
                )
                previous = line
                continue
        paras.append(para)
        previous = line
    return paras
