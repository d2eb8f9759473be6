"""PDF pages through pdfplumber (pdfminer): the second engine, and PDFium's fallback.

Slower than PDFium by an order of magnitude, but pure Python: it is used when asked for
(``pdf_engine="pdfplumber"``) and for a file PDFium cannot open. Words are made from the gaps
between characters only (a font change inside a word, as some producers write a hyphen or a
quotation mark, does not split it), and each word takes the font of its first character.
"""

from __future__ import annotations

import contextlib
import io
import re
from typing import TYPE_CHECKING, Any

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from planio.errors import CorruptFileError
from planio.i18n import _
from planio.readers.limits import DEFAULT_LIMITS
from planio.readers.pdf_scan import is_scan
from planio.readers.pdf_text import Edge, PageContent, Word, check_page_chars, has_columns

if TYPE_CHECKING:
    from planio.readers import pdf_pdfium

#: a filled rectangle thinner than this (points) is a ruling; a wider one is an area
RULE_WIDTH = 3.0


def _cause(exc: Exception) -> BaseException:
    """pdfplumber wraps pdfminer's errors; the first argument is the real one."""
    if isinstance(exc, PdfminerException) and exc.args and isinstance(exc.args[0], BaseException):
        return exc.args[0]
    return exc


def _reason(exc: Exception) -> str:
    cause = _cause(exc)
    return str(cause) or type(cause).__name__


def _ruling(obj: dict[str, Any]) -> bool:
    """Keep what can draw a table: lines, curves, stroked boxes and thin filled bars.

    Word draws borders as thin filled rectangles; highlights and cell shading are filled
    rectangles too, but wide ones, and their edges would make phantom rows and columns.
    """
    if obj.get("object_type") != "rect" or obj.get("stroke"):
        return True
    return min(float(obj["width"]), float(obj["height"])) <= RULE_WIDTH


#: a glyph with no character behind it: pdfminer writes its code, there is no text
_UNMAPPED = re.compile(r"\(cid:\d+\)")


def _word(raw: dict[str, Any]) -> Word | None:
    first = raw["chars"][0]
    text = _UNMAPPED.sub("", raw["text"]) if "(cid:" in raw["text"] else raw["text"]
    if not text:
        return None
    return {
        "text": text,
        "x0": float(raw["x0"]),
        "x1": float(raw["x1"]),
        "top": float(raw["top"]),
        "bottom": float(raw["bottom"]),
        "fontname": str(first.get("fontname", "")),
        "size": float(first.get("size", 0.0)),
    }


class Document:
    """An open pdfplumber document, its page tree already read (so a broken one fails here)."""

    def __init__(self, data: bytes, name: str) -> None:
        self.name = name
        self._data = data
        #: PDFium's view of the same file, opened for the first scanned page
        self._renderer: pdf_pdfium.Document | None = None
        self._no_renderer = False
        try:
            self._pdf = pdfplumber.open(io.BytesIO(data), password="")
            self._pages = self._pdf.pages
        except Exception as exc:  # pdfminer raises many types for damaged files
            if isinstance(_cause(exc), PDFPasswordIncorrect):
                raise CorruptFileError(
                    _("the PDF is password-protected; save it without a password and try again"),
                    name,
                ) from None
            raise CorruptFileError(
                _("not a readable PDF ({reason})").format(reason=_reason(exc)), name
            ) from None
        self.page_count = len(self._pages)

    def page(self, number: int, max_chars: int = DEFAULT_LIMITS.max_page_chars) -> PageContent:
        """Page ``number`` (from 1): its words, rulings and size; at most ``max_chars``
        characters (:class:`TooLargeError` beyond)."""
        page = self._pages[number - 1]
        raw: list[dict[str, Any]] = []
        edges: list[Edge] = []
        try:
            chars = len(page.chars)
            if chars <= max_chars:
                raw = page.extract_words(return_chars=True)
                edges = page.filter(_ruling).edges
            width, height = float(page.width), float(page.height)
            images = [
                (float(i["x1"]) - float(i["x0"]), float(i["bottom"]) - float(i["top"]))
                for i in page.images
            ]
        except Exception as exc:  # pdfminer's errors on a broken content stream
            raise CorruptFileError(
                _("page {number} cannot be read ({reason})").format(
                    number=number, reason=_reason(exc)
                ),
                self.name,
            ) from None
        finally:
            page.close()
        check_page_chars(chars, max_chars, number, self.name)
        words = [word for word in map(_word, raw) if word is not None]
        if words and not has_columns(edges) and is_scan(width, height, images):
            edges = edges + self._scan_rulings(number)
        return PageContent(number, width, height, words, edges, chars)

    def _scan_rulings(self, number: int) -> list[Edge]:
        """A scan's rulings, from PDFium's rendering of the page (pdfminer draws nothing)."""
        from planio.readers import pdf_pdfium

        if self._renderer is None:
            if self._no_renderer:
                return []
            try:
                self._renderer = pdf_pdfium.Document(self._data, self.name)
            except CorruptFileError:  # pdfplumber reads what PDFium cannot: no pictures then
                self._no_renderer = True  # and the file is not parsed again for each page
                return []
        return self._renderer.scan_rulings(number)

    def close(self) -> None:
        if self._renderer is not None:
            self._renderer.close()
        with contextlib.suppress(Exception):  # closing a broken PDF may fail again; it is read
            self._pdf.close()
