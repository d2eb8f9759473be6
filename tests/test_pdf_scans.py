"""Scans and odd page geometry: rulings from a page's picture, crop boxes, thick lines,
huge pages, and words between tables.

Each case comes from a review of the PDF reader: a defect found, reproduced, and fixed.
"""

from __future__ import annotations

import ctypes
import time
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest
from PIL import Image

import planio
from planio.errors import PlanioError
from planio.readers import pdf, pdf_scan
from planio.readers.pdf_pdfium import LOCK
from planio.readers.pdf_text import PageContent, edge

from producers import scanned

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SEED = SAMPLES / "plan-2021-2022.pdf"
ENGINES = ("pdfium", "pdfplumber")


def without_source(plan: planio.Plan) -> dict[str, object]:
    return plan.model_dump(exclude={"source"})


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("inset", [10, 30])
def test_a_cropped_scan_reads_the_same(tmp_path: Path, inset: int, engine: str) -> None:
    """PDFium draws a page's /CropBox, the words are placed by its /MediaBox: the picture's
    rulings must land where the words are, or words fall into the wrong columns."""
    scan = scanned(SEED, tmp_path / "scan")
    target = tmp_path / "cropped.pdf"
    with LOCK:
        document = pdfium.PdfDocument(str(scan))
        for index in range(len(document)):
            page = document[index]
            left, bottom, right, top = page.get_mediabox()
            page.set_cropbox(left + inset, bottom + inset, right - inset, top - inset)
            page.close()
        document.save(str(target))
        document.close()
    expected = without_source(planio.read(SEED.with_suffix(".docx")))
    assert without_source(planio.read(target, pdf_engine=engine)) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("thickness", [1, 2, 4, 5, 8])
def test_a_ruling_is_found_however_thick_it_is_drawn(thickness: int) -> None:
    """A bold frame or an over-inked scan draws lines several pixels thick: one ruling each."""
    width, height = 400, 60
    rows = [bytearray(width) for _ in range(height)]
    for row in range(20, 20 + thickness):
        rows[row][50:350] = b"\x01" * 300
    ink = b"".join(bytes(row) for row in rows)
    assert pdf_scan._lines(ink, width, width, 17) == [(19, 50, 350)]


def test_a_filled_band_is_no_ruling() -> None:
    """Ink thicker than a line (a shaded header row) draws no ruling."""
    width, height = 400, 60
    rows = [bytearray(width) for _ in range(height)]
    for row in range(10, 40):
        rows[row][50:350] = b"\x01" * 300
    assert pdf_scan._lines(b"".join(bytes(r) for r in rows), width, width, 17) == []


def _huge_scanned_pages(path: Path, pages: int) -> Path:
    """Pages of 3600 x 5700 points, each a blank picture and one word: a tiny file."""
    width, height = 3600, 5700
    with LOCK:
        document = pdfium.PdfDocument.new()
        font = raw.FPDFText_LoadStandardFont(document.raw, b"Helvetica")
        for _ in range(pages):
            page = document.new_page(width, height)
            image = pdfium.PdfImage.new(document)
            image.set_bitmap(pdfium.PdfBitmap.from_pil(Image.new("L", (1, 1), 255)))
            image.set_matrix(pdfium.PdfMatrix().scale(width, height))
            page.insert_obj(image)
            text = raw.FPDFPageObj_CreateTextObj(document.raw, font, 12.0)
            buffer = ctypes.create_string_buffer("hello\0".encode("utf-16-le"))
            raw.FPDFText_SetText(text, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
            raw.FPDFPageObj_Transform(text, 1, 0, 0, 1, 100, 100)
            raw.FPDFPage_InsertObject(page.raw, text)
            page.gen_content()
            page.close()
        document.save(str(path))
        document.close()
    return path


@pytest.mark.parametrize("engine", ENGINES)
def test_huge_scanned_pages_cost_what_a4_pages_cost(tmp_path: Path, engine: str) -> None:
    """A 5 KB file of poster-sized "scans" is answered quickly: a page is rendered within a
    pixel budget, not at full resolution."""
    path = _huge_scanned_pages(tmp_path / "posters.pdf", 20)
    started = time.monotonic()
    with pytest.raises(PlanioError):
        planio.read(path, pdf_engine=engine)  # type: ignore[arg-type]
    assert time.monotonic() - started < 5.0


def _word(text: str, x0: float, x1: float, top: float) -> dict[str, object]:
    return {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": top + 8, "size": 8.0}


def test_a_word_between_two_tables_goes_into_one() -> None:
    """Two ruled tables 40 pt apart and a word in the gap, near both: it is read once."""
    edges, words = [], []
    for x0 in (50.0, 190.0):
        x1 = x0 + 100
        edges += [edge(x0, 100 + r * 20, x1, 100 + r * 20) for r in range(4)]
        edges += [edge(x, 100, x, 160) for x in (x0, x0 + 50, x1)]
        words += [_word(f"T{int(x0)}R{r}", x0 + 5, x0 + 40, 105 + r * 20) for r in range(3)]
    words.append(_word("МЕЖДУ", 160.0, 180.0, 125))
    content = PageContent(1, 595, 842, words, [e for e in edges if e], len(words))
    reader = pdf._PageReader(pdf._Page(content), None)
    texts = [
        cell.text
        for _, block in reader.blocks()
        for row in getattr(block, "rows", [])
        for cell in row.cells
    ]
    assert sum(text.count("МЕЖДУ") for text in texts) == 1


def test_a_word_far_from_every_cell_is_kept_as_a_warning() -> None:
    """A word level with a row but further from it than a hung number can be is not put in
    the nearest cell: it is no one's, and the reader says so."""
    boxes = [(0.0, 0.0, 50.0, 20.0), (50.0, 0.0, 100.0, 20.0)]
    stray: list[dict[str, object]] = []
    table = pdf.grid_table([boxes], [_word("ЛИШНЕЕ", 150.0, 190.0, 5.0)], 1, stray)
    assert [w["text"] for w in stray] == ["ЛИШНЕЕ"]
    assert all(cell.text == "" for row in table.rows for cell in row.cells)
    near: list[dict[str, object]] = []
    table = pdf.grid_table([boxes], [_word("1.1", 104.0, 112.0, 5.0)], 1, near)
    assert near == [] and table.rows[0].cells[1].text == "1.1"
