"""PDF pages through PDFium (pypdfium2's raw bindings): words and rulings, fast.

A ctypes call costs about a microsecond, so nothing here is done per character: the page's
whole text is asked for once and split into words there (PDFium puts a space where the gap
between two characters says there is one, whatever their fonts), and each word then costs a
few calls: its first character's origin (left end and baseline), its last character's box
(right end) and its text object (font name and size, cached per object). The vertical
position is the baseline less the font size: PDFium's own loose boxes sit lower and would
move a dash in another font onto another line. Rulings come from path objects:
stroked segments and thin filled rectangles (Word draws cell borders so); wide filled areas
are shading. Everything is in the page's displayed frame: /Rotate applied, origin at the
top left, as pdfplumber reports it.

PDFium is not thread-safe, even across documents: every call into it runs under one
process-wide lock (:data:`LOCK`), one page at a time, so pages of different files read on
a thread pool interleave but never overlap.
"""

from __future__ import annotations

import ctypes
import math
import re
import threading
from collections.abc import Iterator
from typing import Any

import pypdfium2  # noqa: F401  (initialises the library once per process)
import pypdfium2.raw as pdfium

from planio.errors import CorruptFileError
from planio.i18n import _
from planio.readers.limits import DEFAULT_LIMITS
from planio.readers.pdf_scan import is_scan, scan_rulings
from planio.readers.pdf_text import (
    Edge,
    PageContent,
    Word,
    check_page_chars,
    edge,
    has_columns,
)

#: held around every call into PDFium (opening, each page's extraction, closing)
LOCK = threading.Lock()

#: a word of the page text: a run without spaces, ending at a line-end hyphen (PDFium
#: reports one as U+FFFE, or U+0002, and drops the line break after it)
_WORD = re.compile("[^\\s\ufffe\x02]+[\ufffe\x02]?|[\ufffe\x02]")
_HYPHENS = ("\ufffe", "\x02")
#: a glyph with no character behind it (.notdef; pdfminer says "(cid:0)"): no text, and
#: no word break either (PDFium may turn the next one into a space of its own)
_UNMAPPED = re.compile("[\x00\ufffd]")
#: a filled path thinner than this (points) is a ruling; a wider one is shading
RULE_WIDTH = 3.0
_FORM_DEPTH = 8
_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

_ERRORS = {
    pdfium.FPDF_ERR_FILE: "the file cannot be read",
    pdfium.FPDF_ERR_FORMAT: "not a PDF or corrupted",
    pdfium.FPDF_ERR_SECURITY: "unsupported security handler",
    pdfium.FPDF_ERR_PAGE: "page not found or content error",
}


class PasswordError(CorruptFileError):
    """PDFium needs a password for this file (reported as a :class:`CorruptFileError`)."""


Box = tuple[float, float, float, float]


def _media_box(page: Any) -> Box:
    """(left, bottom, width, height) of the page's /MediaBox."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if pdfium.FPDFPage_GetMediaBox(page, left, bottom, right, top):
        return left.value, bottom.value, right.value - left.value, top.value - bottom.value
    # pragma: no cover - PDFium gives every page a media box
    return 0.0, 0.0, pdfium.FPDF_GetPageWidthF(page), pdfium.FPDF_GetPageHeightF(page)


def _shown_box(page: Any, media: Box) -> Box:
    """The part of ``media`` PDFium draws: its /CropBox within it, if it has one."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not pdfium.FPDFPage_GetCropBox(page, left, bottom, right, top):
        return media
    x0 = max(media[0], min(left.value, right.value))
    y0 = max(media[1], min(bottom.value, top.value))
    x1 = min(media[0] + media[2], max(left.value, right.value))
    y1 = min(media[1] + media[3], max(bottom.value, top.value))
    return (x0, y0, x1 - x0, y1 - y0) if x1 > x0 and y1 > y0 else media


class _Frame:
    """PDF user space → the displayed page: the box's origin (the /MediaBox unless given),
    /Rotate, y from the top."""

    def __init__(self, page: Any, box: Box | None = None) -> None:
        self.x0, self.y0, self.w, self.h = box or _media_box(page)
        self.rotation = pdfium.FPDFPage_GetRotation(page) % 4
        sideways = self.rotation in (1, 3)
        self.width = self.h if sideways else self.w
        self.height = self.w if sideways else self.h
        self.size = (self.width, self.height)

    def from_shown(self, page: Any) -> tuple[float, float, float, float, float, float]:
        """The map from PDFium's own drawing frame (its shown box, turned by /Rotate, in
        points from its top left) to this one: a renderer draws there. Both frames turn
        alike, so it is a shift."""
        shown = _Frame(page, _shown_box(page, (self.x0, self.y0, self.w, self.h)))
        *_, e, f = self.affine()
        *_, shown_e, shown_f = shown.affine()
        return (1.0, 0.0, 0.0, 1.0, e - shown_e, f - shown_f)

    def affine(self) -> tuple[float, float, float, float, float, float]:
        """:meth:`point` as a matrix (a, b, c, d, e, f): x' = ax + cy + e, y' = bx + dy + f."""
        x0, y0, w, h = self.x0, self.y0, self.w, self.h
        return (
            (1.0, 0.0, 0.0, -1.0, -x0, h + y0),
            (0.0, 1.0, 1.0, 0.0, -y0, -x0),
            (-1.0, 0.0, 0.0, 1.0, w + x0, -y0),
            (0.0, -1.0, -1.0, 0.0, h + y0, w + x0),
        )[self.rotation]

    def point(self, x: float, y: float) -> tuple[float, float]:
        """(x, top) on the displayed page of the point (x, y) in PDF user space."""
        x, y = x - self.x0, y - self.y0
        rotation = self.rotation
        if rotation == 0:
            return x, self.h - y
        if rotation == 1:
            return y, x
        if rotation == 2:
            return self.w - x, y
        return self.h - y, self.w - x


class _Fonts:
    """Font name and size per text object: a line's words share a handful of them."""

    def __init__(self) -> None:
        #: text object's address → (font name, size); read directly in the word loop
        self.cache: dict[int, tuple[str, float]] = {}
        #: font's address → its base name: a page's many text objects share a few fonts
        self._names: dict[int, str] = {}
        self._name = ctypes.create_string_buffer(256)
        self._size = ctypes.c_float()
        self._matrix = pdfium.FS_MATRIX()

    def of(self, textpage: Any, index: int, obj: Any, key: int) -> tuple[str, float]:
        """Font name and size of character ``index``'s text object ``obj`` (at ``key``)."""
        size = 0.0
        name = ""
        if key:
            if pdfium.FPDFTextObj_GetFontSize(obj, self._size):
                size = self._size.value
            if pdfium.FPDFPageObj_GetMatrix(obj, self._matrix):  # "1 Tf" scaled by the matrix
                m = self._matrix
                size *= math.hypot(m.c, m.d)
            font = pdfium.FPDFTextObj_GetFont(obj)
            address = ctypes.c_void_p.from_buffer(font).value if font else None
            if address:
                known = self._names.get(address)
                if known is None:
                    length = pdfium.FPDFFont_GetBaseFontName(font, self._name, len(self._name))
                    known = self._names[address] = self._name.raw[: max(0, length - 1)].decode(
                        "latin-1"
                    )
                name = known
        if size <= 0:
            size = pdfium.FPDFText_GetFontSize(textpage, index) or 10.0
        found = (name, size)
        self.cache[key] = found
        return found


def _page_text(textpage: Any) -> str:
    """The page's text, one string character per PDFium character (index for index)."""
    count = pdfium.FPDFText_CountChars(textpage)
    if count <= 0:
        return ""
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    got = pdfium.FPDFText_GetText(
        textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
    )
    text = buffer.raw[: max(0, got - 1) * 2].decode("utf-16-le", "surrogatepass")
    if len(text) != count:  # characters outside the BMP: map them one by one
        text = "".join(
            chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else "\ufffd"
            for code in (pdfium.FPDFText_GetUnicode(textpage, i) for i in range(count))
        )
    return text


def _unmapped_joined(textpage: Any, text: str) -> str:
    """The text with unmapped glyphs, and the spaces PDFium made up beside them, as NULs."""
    chars = list(text)
    for match in _UNMAPPED.finditer(text):
        index = match.start()
        chars[index] = "\x00"
        for near in (index - 1, index + 1):
            if (
                0 <= near < len(chars)
                and chars[near] == " "
                and pdfium.FPDFText_IsGenerated(textpage, near) == 1
            ):
                chars[near] = "\x00"
    return "".join(chars)


def _words(textpage: Any, frame: _Frame) -> tuple[list[Word], int]:
    """The page's words (pdfplumber's keys) and its character count."""
    text = _page_text(textpage)
    if _UNMAPPED.search(text):
        text = _unmapped_joined(textpage, text)
    fonts = _Fonts()
    box = pdfium.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    # references made once: converting the arguments on every call costs more than the call
    box_ref, ox_ref, oy_ref = ctypes.byref(box), ctypes.byref(ox), ctypes.byref(oy)
    get_origin = pdfium.FPDFText_GetCharOrigin
    get_box = pdfium.FPDFText_GetLooseCharBox
    get_object = pdfium.FPDFText_GetTextObject
    address = ctypes.c_void_p.from_buffer
    font_cache = fonts.cache
    words: list[Word] = []
    point = frame.point
    upright, dx0, dy0, height = frame.rotation == 0, frame.x0, frame.y0, frame.h
    for match in _WORD.finditer(text):
        first, last = match.start(), match.end() - 1
        piece = match.group()
        if piece.endswith(_HYPHENS):
            piece = piece[:-1] + "-"
        if "\x00" in piece:
            piece = piece.replace("\x00", "")
            if not piece:
                continue
        # the first character's origin: left end and baseline; the last one's box: right end
        if not get_origin(textpage, first, ox_ref, oy_ref):
            continue
        if not get_box(textpage, last, box_ref):
            continue
        if upright:  # the common case, without the general frame's calls
            x0, x1 = ox.value - dx0, box.right - dx0
            baseline = height - oy.value + dy0
        else:
            x0, baseline = point(ox.value, oy.value)
            cx, _ = point(box.left, box.top)
            x1, _ = point(box.right, box.bottom)
            x0, x1 = min(x0, cx, x1), max(x0, cx, x1)
        obj = get_object(textpage, first)
        key = address(obj).value or 0  # the text object's address
        found = font_cache.get(key)
        fontname, size = found if found is not None else fonts.of(textpage, first, obj, key)
        top = baseline - size
        words.append(
            {
                "text": piece,
                "x0": x0,
                "x1": max(x0, x1),
                "top": top,
                "bottom": top + size,
                "fontname": fontname,
                "size": size,
            }
        )
    return words, len(text)


def _segments(obj: Any, matrix: tuple[float, ...], frame: _Frame) -> Iterator[Edge]:
    """The straight, axis-aligned segments of a path object, in the displayed frame."""
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    start: tuple[float, float] | None = None
    current: tuple[float, float] | None = None
    for index in range(pdfium.FPDFPath_CountSegments(obj)):
        segment = pdfium.FPDFPath_GetPathSegment(obj, index)
        if not segment or not pdfium.FPDFPathSegment_GetPoint(segment, x_ref, y_ref):
            continue
        here = frame.point(a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        kind = pdfium.FPDFPathSegment_GetType(segment)
        if kind == pdfium.FPDF_SEGMENT_MOVETO:
            start = current = here
            continue
        if kind == pdfium.FPDF_SEGMENT_LINETO and current is not None:
            found = edge(current[0], current[1], here[0], here[1])
            if found is not None:
                yield found
        current = here  # a Bézier's points only move the pen
        if pdfium.FPDFPathSegment_GetClose(segment) and start is not None:
            found = edge(here[0], here[1], start[0], start[1])
            if found is not None:
                yield found
            current = start


def _is_shading(edges: list[Edge]) -> bool:
    """A filled, unstroked area wider than a ruling in both directions."""
    if not edges:
        return False
    width = max(e["x1"] for e in edges) - min(e["x0"] for e in edges)
    height = max(e["bottom"] for e in edges) - min(e["top"] for e in edges)
    return bool(min(width, height) > RULE_WIDTH)


def _multiply(m: tuple[float, ...], n: tuple[float, ...]) -> tuple[float, ...]:
    """m then n (PDF's row-vector convention)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (
        a * p + b * r,
        a * q + b * s,
        c * p + d * r,
        c * q + d * s,
        e * p + f * r + t,
        e * q + f * s + u,
    )


def _own_matrix(obj: Any, m: Any) -> tuple[float, ...]:
    """An object's own matrix (into its container's space), read into the buffer ``m``."""
    return (m.a, m.b, m.c, m.d, m.e, m.f) if pdfium.FPDFPageObj_GetMatrix(obj, m) else _IDENTITY


def _drawn(
    container: Any, count: int, get: Any, forms: tuple[float, ...] = _IDENTITY, depth: int = 0
) -> Iterator[tuple[Any, int, tuple[float, ...]]]:
    """(object, type, matrix of the forms around it) of everything a page (or a form) draws,
    forms opened up to a bounded depth."""
    m = pdfium.FS_MATRIX()
    for index in range(count):
        obj = get(container, index)
        kind = pdfium.FPDFPageObj_GetType(obj)
        if kind != pdfium.FPDF_PAGEOBJ_FORM:
            yield obj, kind, forms
        elif depth < _FORM_DEPTH:
            inner = pdfium.FPDFFormObj_CountObjects(obj)
            around = _multiply(_own_matrix(obj, m), forms)
            yield from _drawn(obj, inner, pdfium.FPDFFormObj_GetObject, around, depth + 1)


def _page_objects(page: Any) -> Iterator[tuple[Any, int, tuple[float, ...]]]:
    return _drawn(page, pdfium.FPDFPage_CountObjects(page), pdfium.FPDFPage_GetObject)


def _edges(page: Any, frame: _Frame) -> list[Edge]:
    """Rulings of a page: stroked paths, and filled ones thinner than a shading."""
    out: list[Edge] = []
    m = pdfium.FS_MATRIX()
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    for obj, kind, forms in _page_objects(page):
        if kind != pdfium.FPDF_PAGEOBJ_PATH or not pdfium.FPDFPath_GetDrawMode(obj, fill, stroke):
            continue
        if not stroke.value and fill.value == pdfium.FPDF_FILLMODE_NONE:
            continue  # an invisible path (a clip, or nothing)
        edges = list(_segments(obj, _multiply(_own_matrix(obj, m), forms), frame))
        if not stroke.value and _is_shading(edges):
            continue
        out.extend(edges)
    return out


def _images(page: Any) -> list[tuple[float, float]]:
    """(width, height) on the page of each image drawn on it (an image's bounds are in the
    space of the forms around it, scaled here by their matrix)."""
    sizes = []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for obj, kind, forms in _page_objects(page):
        if kind == pdfium.FPDF_PAGEOBJ_IMAGE and pdfium.FPDFPageObj_GetBounds(
            obj, left, bottom, right, top
        ):
            a, b, c, d = forms[:4]
            zoom = math.sqrt(abs(a * d - b * c))
            sizes.append(((right.value - left.value) * zoom, (top.value - bottom.value) * zoom))
    return sizes


class Document:
    """An open PDFium document; every method takes :data:`LOCK`."""

    def __init__(self, data: bytes, name: str) -> None:
        self.name = name
        #: PDFium reads the bytes in place (no copy) for as long as the document is open
        self._data = data
        with LOCK:
            self._doc = pdfium.FPDF_LoadMemDocument64(data, len(data), None)
            if not self._doc:
                code = pdfium.FPDF_GetLastError()
                if code == pdfium.FPDF_ERR_PASSWORD:
                    raise PasswordError(
                        _(
                            "the PDF is password-protected; "
                            "save it without a password and try again"
                        ),
                        name,
                    )
                reason = _(_ERRORS.get(code, "unknown error"))
                raise CorruptFileError(
                    _("not a readable PDF ({reason})").format(reason=reason), name
                )
            self.page_count = pdfium.FPDF_GetPageCount(self._doc)
            if self.page_count <= 0:  # a page tree PDFium cannot follow (pdfminer may)
                pdfium.FPDF_CloseDocument(self._doc)
                self._doc = None
                raise CorruptFileError(
                    _("not a readable PDF ({reason})").format(reason=_("no pages found")), name
                )

    def page(self, number: int, max_chars: int = DEFAULT_LIMITS.max_page_chars) -> PageContent:
        """Page ``number`` (from 1): its words, rulings and size; at most ``max_chars``
        characters (:class:`TooLargeError` beyond)."""
        with LOCK:
            page = pdfium.FPDF_LoadPage(self._doc, number - 1)
            if not page:
                raise CorruptFileError(
                    _("page {number} cannot be read").format(number=number), self.name
                )
            try:
                frame = _Frame(page)
                textpage = pdfium.FPDFText_LoadPage(page)
                if not textpage:
                    raise CorruptFileError(
                        _("page {number} cannot be read").format(number=number), self.name
                    )
                try:
                    count = pdfium.FPDFText_CountChars(textpage)
                    check_page_chars(count, max_chars, number, self.name)
                    words, chars = _words(textpage, frame)
                finally:
                    pdfium.FPDFText_ClosePage(textpage)
                edges = _edges(page, frame)
                if words and not has_columns(edges) and is_scan(*frame.size, _images(page)):
                    edges = edges + scan_rulings(
                        page, frame.from_shown(page), frame.width, frame.height
                    )
            finally:
                pdfium.FPDF_ClosePage(page)
        return PageContent(number, frame.width, frame.height, words, edges, chars)

    def scan_rulings(self, number: int) -> list[Edge]:
        """The rulings drawn in page ``number``'s picture (see :mod:`.pdf_scan`)."""
        with LOCK:
            page = pdfium.FPDF_LoadPage(self._doc, number - 1)
            if not page:
                return []
            try:
                frame = _Frame(page)
                return scan_rulings(page, frame.from_shown(page), frame.width, frame.height)
            finally:
                pdfium.FPDF_ClosePage(page)

    def close(self) -> None:
        with LOCK:
            if self._doc:
                pdfium.FPDF_CloseDocument(self._doc)
                self._doc = None
