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
import math
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
#: a pixel row this much ink under a run goes on with the same line, drawn thick
_SOLID_SHARE = 0.8
#: a line drawn thicker than this many pixels is a filled area
_THICKEST = 12
#: pixels of one rendering at most: a page larger than A3 (a poster, or a crafted size) is
#: rendered at a lower resolution, so every page costs about what an A4 page costs
_MAX_PIXELS = 2_000_000


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


#: PDFium's drawing frame (its /CropBox, turned) → planio's page frame (its /MediaBox, turned),
#: in points: (a, b, c, d, e, f) with x' = a·x + c·y + e and y' = b·x + d·y + f
Affine = tuple[float, float, float, float, float, float]


def _render(page: object, pixels_w: int, pixels_h: int, matrix: Affine) -> tuple[bytes, int]:
    """The page drawn in grey (one byte a pixel, ink as 1) with ``matrix`` after PDFium's own
    frame, and the bytes per row: pixels land in the words' frame, whatever the /CropBox."""
    bitmap = pdfium.FPDFBitmap_CreateEx(pixels_w, pixels_h, pdfium.FPDFBitmap_Gray, None, 0)
    if not bitmap:
        return b"", 0
    try:
        pdfium.FPDFBitmap_FillRect(bitmap, 0, 0, pixels_w, pixels_h, 0xFFFFFFFF)
        fs_matrix = pdfium.FS_MATRIX(*matrix)
        clip = pdfium.FS_RECTF(0, 0, pixels_w, pixels_h)
        pdfium.FPDF_RenderPageBitmapWithMatrix(
            bitmap, page, ctypes.byref(fs_matrix), ctypes.byref(clip), pdfium.FPDF_GRAYSCALE
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
    as a dark run (letters run together in a small rendering) has ink there too.

    Paper is looked for just outside the whole dark band, however thick the line is drawn
    (a bold frame, an over-inked scan), up to :data:`_THICKEST` pixels.
    """
    start, end = run
    length = end - start
    bottom = row
    while bottom - row < _THICKEST:
        below = _row(ink, stride, width, bottom + 1)[start:end]
        if not below or below.count(1) < length * _SOLID_SHARE:
            break
        bottom += 1
    else:
        return False  # a filled area, not a line
    for near in (row - 2, bottom + 2):
        beside = _row(ink, stride, width, near)[start:end]
        if beside and beside.count(1) > length * _BESIDE_SHARE:
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


def scan_rulings(page: object, frame: Affine, width: float, height: float) -> list[Edge]:
    """The rulings drawn in a page's picture, in points on the displayed page.

    ``frame`` maps PDFium's drawing frame to the page of ``width`` by ``height`` points that
    the words are in.
    """
    if width <= 0 or height <= 0:
        return []
    # at DPI, or less on a page so large that it would pass the pixel budget
    scale = min(DPI / 72, math.sqrt(_MAX_PIXELS / (width * height)))
    pixels_w, pixels_h = max(1, round(width * scale)), max(1, round(height * scale))
    shortest = max(2, round(MIN_RULE * scale))
    a, b, c, d, e, f = (value * scale for value in frame)
    edges: list[Edge] = []
    ink, stride = _render(page, pixels_w, pixels_h, (a, b, c, d, e, f))
    for row, start, end in _lines(ink, stride, pixels_w, shortest):
        found = edge(start / scale, row / scale, end / scale, row / scale)
        if found is not None:
            edges.append(found)
    # turned a quarter clockwise (x'' = pixels_h - y', y'' = x'): a pixel row is a column of
    # the page, read bottom to top
    turned = (-b, a, -d, c, pixels_h - f, e)
    ink, stride = _render(page, pixels_h, pixels_w, turned)
    for row, start, end in _lines(ink, stride, pixels_h, shortest):
        x = row / scale
        top, bottom = height - end / scale, height - start / scale
        found = edge(x, top, x, bottom)
        if found is not None:
            edges.append(found)
    return edges
