"""The raw grid: what a reader sees in a document before any meaning is given to it.

Readers (DOCX, PDF, …) only fill these structures; one builder (``build.py``) turns any grid
into a :class:`~planio.model.Plan`. Keeping the two apart is what lets every format share the
logic for headers, sections, approval blocks and page stitching.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planio.model import PlanWarning


@dataclass(slots=True, frozen=True)
class Para:
    """One paragraph (or one text line of a PDF cell).

    ``label`` is a list label the format generates rather than stores as text: Word's automatic
    numbering ("1.1.") or a bullet ("•"). Readers compute it; the builder decides whether it is
    an item number or part of the text.
    """

    text: str
    label: str = ""
    bold: bool = False
    italic: bool = False

    @property
    def shown(self) -> str:
        """The paragraph as a reader of the page sees it: label, then text."""
        if self.label and self.text:
            return f"{self.label} {self.text}"
        return self.label or self.text


@dataclass(slots=True)
class Cell:
    """One real cell of a table row, placed on the table's column grid."""

    paras: list[Para]
    col: int
    span: int = 1
    #: a vertically merged cell that continues the one above (its value is the one above)
    merged_up: bool = False
    #: the text, worked out on first use (the builder asks for it many times; paragraphs are
    #: frozen and a cell's list of them is never changed after it is made)
    _text: str | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "\n".join(
                shown for shown in (p.shown for p in self.paras) if shown.strip()
            )
        return self._text

    @property
    def end(self) -> int:
        return self.col + self.span


@dataclass(slots=True)
class Row:
    cells: list[Cell]
    page: int | None = None


@dataclass(slots=True)
class Table:
    rows: list[Row]
    #: number of columns of the table's grid
    width: int


Block = Para | Table


@dataclass(slots=True)
class RawDocument:
    """A document as a flat sequence of paragraphs and tables, in reading order."""

    blocks: list[Block] = field(default_factory=list)
    #: problems the reader met itself (skipped parts, unreadable pieces), with their text
    warnings: list[PlanWarning] = field(default_factory=list)


#: a line that starts a list item ("- ", "• ", "1)") starts a new paragraph
LIST_LINE = re.compile(r"^\s*(?:[-–—•·▪◦*]\s|\d{1,2}\)\s)")
#: a line starting with a typographic dash right after a word is a dash the line wrapped
#: before («пары «наставник» / «– наставляемый»»), not a list item
_DASH_LINE = re.compile(r"^\s*[–—]\s")
_WORD_END = re.compile(r"\w$")
#: a line ending in a slash right after a letter: "п/" / "п" is one word wrapped at its slash
_SLASH_END = re.compile(r"\w/$")
#: a line that is only an event number, or a piece of one
_NUMBER = re.compile(r"^\d+(?:\.\d*)*$")
#: a line that is one whole dotted date: a cell's dates one per line are separate lines
_WHOLE_DATE = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}(?:\s*г\.?)?$")
#: a line ending in a hyphen right after a letter or digit: a compound cut at its hyphen
_HYPHEN_END = re.compile(r"[\w]-$")


def join_lines(first: str, second: str) -> str | None:
    """Join two visual lines of one paragraph, or None where ``second`` starts a new one.

    PDFs keep no paragraph marks: wrapped lines are joined with a space, a compound cut at
    its hyphen ("нормативно-" / "правовой") or a word at its slash ("п/" / "п") without one,
    and a list line begins a new paragraph (but a line wrapped before a dash, "–" right after
    a word, goes on). The same rule joins the halves of a table row cut by a page break.
    """
    if LIST_LINE.match(second) and not (
        _DASH_LINE.match(second) and _WORD_END.search(first) and not LIST_LINE.match(first)
    ):
        return None
    if not first:
        return second
    if not second:
        return first
    if _WHOLE_DATE.match(first.strip()) and _WHOLE_DATE.match(second.strip()):
        return None  # "15.09.2016" / "20.10.2016": a date on each line
    if _NUMBER.match(first) and _NUMBER.match(second):
        return first + second  # a number too wide for its column: "100.1" / "7"
    if _HYPHEN_END.search(first) or _SLASH_END.search(first):
        return first + second.lstrip()
    return f"{first.rstrip()} {second.lstrip()}"
