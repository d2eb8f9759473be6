"""Rulings of a scanned page: the table's lines are pixels of the page image.

A scanner's searchable PDF (ABBYY, Acrobat, Tesseract) is a picture of each page with the
recognised text laid over it invisibly: the words are there, the table's borders only in the
picture. Such a page (no drawn rulings, an image over most of it) is rendered by PDFium in
grey at :data:`DPI`, once as shown and once turned a quarter, and every long run of dark
pixels along a pixel row becomes a ruling: horizontal ones from the first rendering, vertical
ones from the second. The shared page logic then finds the table as on any other page.

Both engines use it (pdfplumber has no renderer of its own; it ships PDFium for this). The
caller holds :data:`planio.readers.pdf_pdfium.LOCK`.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator

import pypdfium2  # noqa: F401  (initialises the library once per process)
import pypdfium2.raw as pdfium

from planio.readers.pdf_text import Edge, edge

#: dots per inch of the rendering: a hairline border still leaves a dark pixel row
DPI = 100
#: a dark run at least this long (points) is a ruling: shorter than a one-line row, longer
#: than the stem of a body-text letter
MIN_RULE = 12.0
#: images covering at least this share of the page make it a scan
SCAN_SHARE = 0.5
#: a pixel darker than this (0 black … 255 white) is ink: a hairline scaled down from the
#: scan's resolution is a light grey
_INK = 200
_TO_INK = bytes(1 if value < _INK else 0 for value in range(256))
#: a ruling's neighbouring pixel rows are at most this share ink (the lines crossing it)
_BESIDE_SHARE = 0.3
#: pages larger than this many pixels at DPI are not rendered (a poster, or a crafted size)
_MAX_PIXELS = 40_000_000


def is_scan(width: float, height: float, images: list[tuple[float, float]]) -> bool:
    """Images (their (width, height) in points) cover most of the page."""
    area = width * height
    return area > 0 and sum(w * h for w, h in images) >= SCAN_SHARE * area


def _runs(row: bytes, shortest: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of ink pixels at least ``shortest`` long, in C-speed finds."""
    needle = b"\x01" * shortest
    start = row.find(needle)
    while start != -1:
        end = row.find(b"\x00", start)
        if end == -1:
            end = len(row)
        yield start, end
        start = row.find(needle, end)


def _render(page: object, pixels_w: int, pixels_h: int, rotate: int) -> tuple[bytes, int]:
    """The page in grey (one byte a pixel, ink as 1), and the bytes per row."""
    bitmap = pdfium.FPDFBitmap_CreateEx(pixels_w, pixels_h, pdfium.FPDFBitmap_Gray, None, 0)
    if not bitmap:
        return b"", 0
    try:
        pdfium.FPDFBitmap_FillRect(bitmap, 0, 0, pixels_w, pixels_h, 0xFFFFFFFF)
        pdfium.FPDF_RenderPageBitmap(
            bitmap, page, 0, 0, pixels_w, pixels_h, rotate, pdfium.FPDF_GRAYSCALE
        )
        stride = pdfium.FPDFBitmap_GetStride(bitmap)
        buffer = pdfium.FPDFBitmap_GetBuffer(bitmap)
        data = ctypes.string_at(buffer, stride * pixels_h)
    finally:
        pdfium.FPDFBitmap_Destroy(bitmap)
    return data.translate(_TO_INK), stride


def _row(ink: bytes, stride: int, width: int, row: int) -> bytes:
    return ink[row * stride : row * stride + width] if 0 <= row < len(ink) // stride else b""


def _stands_alone(ink: bytes, stride: int, width: int, row: int, run: tuple[int, int]) -> bool:
    """A ruling has paper above and below it along most of its length; a line of text seen
    as a dark run (letters run together in a small rendering) has ink there too."""
    start, end = run
    for near in (row - 2, row + 3):
        beside = _row(ink, stride, width, near)[start:end]
        if beside and beside.count(1) > (end - start) * _BESIDE_SHARE:
            return False
    return True


def _lines(ink: bytes, stride: int, width: int, shortest: int) -> list[tuple[int, int, int]]:
    """(row, start, end) of the long thin runs, a line a few pixel rows thick kept once."""
    found: list[tuple[int, int, int]] = []
    previous: list[tuple[int, int]] = []
    rows = len(ink) // stride if stride else 0
    for row in range(rows):
        line = _row(ink, stride, width, row)
        if row + 1 < rows:  # a line between two pixel rows is ink in one or the other
            below = _row(ink, stride, width, row + 1)
            line = (int.from_bytes(line) | int.from_bytes(below)).to_bytes(width)
        runs = [r for r in _runs(line, shortest) if _stands_alone(ink, stride, width, row, r)]
        for start, end in runs:
            if not any(abs(start - s) <= 2 and abs(end - e) <= 2 for s, e in previous):
                found.append((row, start, end))
        previous = runs
    return found


def scan_rulings(page: object, width: float, height: float) -> list[Edge]:
    """The rulings drawn in a page's picture, in points on the displayed page."""
    scale = DPI / 72
    pixels_w, pixels_h = round(width * scale), round(height * scale)
    if pixels_w <= 0 or pixels_h <= 0 or pixels_w * pixels_h > _MAX_PIXELS:
        return []
    shortest = round(MIN_RULE * scale)
    edges: list[Edge] = []
    ink, stride = _render(page, pixels_w, pixels_h, 0)
    for row, start, end in _lines(ink, stride, pixels_w, shortest):
        found = edge(start / scale, row / scale, end / scale, row / scale)
        if found is not None:
            edges.append(found)
    # turned a quarter clockwise: a pixel row is a column of the page, read bottom to top
    ink, stride = _render(page, pixels_h, pixels_w, 1)
    for row, start, end in _lines(ink, stride, pixels_h, shortest):
        x = row / scale
        top, bottom = height - end / scale, height - start / scale
        found = edge(x, top, x, bottom)
        if found is not None:
            edges.append(found)
    return edges
