"""Other producers of the same plans: each sample remade as a PDF by other software.

planio's PDF reader must not know only LibreOffice's export. From each sample these make:

- ``cairo``: the sample PDF rewritten by poppler's ``pdftocairo -pdf`` (other fonts'
  encoding, "1 Tf" text scaled by its matrix, its own spacing);
- ``chromium``: the sample DOCX exported to HTML by LibreOffice and printed to PDF by
  headless Chromium (Skia: borders as filled bars, tables cut open at page breaks, the
  browser's header and footer on every page);
- ``filled``: the sample PDF with every stroked ruling redrawn as a thin filled rectangle,
  as Word draws cell borders, and a wide grey shading behind the first table row (PDFium's
  own page writer);
- ``rotated``: every page turned inside a form XObject on a page whose /Rotate (90, 180,
  270 in turn) turns it back, so it displays as the sample does (PDFium's page writer);
- ``hanging``: every № cell's number moved out of its cell, just left of the table's border,
  where Word draws a list number whose hanging indent is deeper than its indent.
"""

from __future__ import annotations

import ctypes
import itertools
import math
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from planio.readers.pdf_pdfium import LOCK

from office import run_soffice

PRODUCERS = ("cairo", "chromium", "filled", "rotated", "hanging", "scanned")


def cairo(pdf: Path, out: Path) -> Path:
    target = out / f"{pdf.stem}.pdf"
    subprocess.run(["pdftocairo", "-pdf", str(pdf), str(target)], check=True, timeout=120)
    return target


def html_exports(docx: list[Path], out: Path) -> None:
    """LibreOffice's HTML export of every DOCX, in one run."""
    run_soffice(docx, out, "html", timeout=600)


def chromium_binary() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        raise RuntimeError("Chromium is needed by the tests: apt-get install -y chromium")
    return found


def chromium_print(html: Path, out: Path) -> Path:
    target = out / f"{html.stem}.pdf"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                chromium_binary(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                f"--print-to-pdf={target}",
                str(html),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    if not target.is_file():
        raise RuntimeError(f"Chromium did not print {html}")
    return target


def _stroked_as_rects(page: object) -> None:
    """Replace a page's stroked paths by thin filled rectangles along their straight parts."""
    handle = page.raw  # type: ignore[attr-defined]
    m = raw.FS_MATRIX()
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    x, y, width = ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    rects: list[tuple[float, float, float, float]] = []
    stroked = []
    for k in range(raw.FPDFPage_CountObjects(handle)):
        obj = raw.FPDFPage_GetObject(handle, k)
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_PATH:
            continue
        raw.FPDFPath_GetDrawMode(obj, fill, stroke)
        if not stroke.value:
            continue
        raw.FPDFPageObj_GetMatrix(obj, m)
        raw.FPDFPageObj_GetStrokeWidth(obj, width)
        w = max(width.value * max(abs(m.a), abs(m.d)), 0.5)
        points = []
        for s in range(raw.FPDFPath_CountSegments(obj)):
            raw.FPDFPathSegment_GetPoint(raw.FPDFPath_GetPathSegment(obj, s), x, y)
            px, py = x.value, y.value
            points.append((m.a * px + m.c * py + m.e, m.b * px + m.d * py + m.f))
        for (x0, y0), (x1, y1) in itertools.pairwise(points):
            if abs(y0 - y1) < 0.01:
                rects.append((min(x0, x1) - w / 2, y0 - w / 2, abs(x1 - x0) + w, w))
            elif abs(x0 - x1) < 0.01:
                rects.append((x0 - w / 2, min(y0, y1) - w / 2, w, abs(y1 - y0) + w))
        stroked.append(obj)
    for obj in stroked:
        raw.FPDFPage_RemoveObject(handle, obj)
        raw.FPDFPageObj_Destroy(obj)
    if rects:  # grey shading behind the top of the first table: an area, not a ruling
        top = max(r[1] + r[3] for r in rects)
        left = min(r[0] for r in rects)
        right = max(r[0] + r[2] for r in rects)
        shade = raw.FPDFPageObj_CreateNewRect(left, top - 14, right - left, 14)
        raw.FPDFPageObj_SetFillColor(shade, 230, 230, 230, 255)
        raw.FPDFPath_SetDrawMode(shade, raw.FPDF_FILLMODE_WINDING, 0)
        raw.FPDFPage_InsertObjectAtIndex(handle, shade, 0)
    for left, bottom, w, h in rects:
        rect = raw.FPDFPageObj_CreateNewRect(left, bottom, w, h)
        raw.FPDFPageObj_SetFillColor(rect, 0, 0, 0, 255)
        raw.FPDFPath_SetDrawMode(rect, raw.FPDF_FILLMODE_WINDING, 0)
        raw.FPDFPage_InsertObject(handle, rect)
    raw.FPDFPage_GenerateContent(handle)


def _page_by_page(
    pdf: Path,
    out: Path,
    change: Callable[[pdfium.PdfDocument, pdfium.PdfPage], object],
    then: Callable[[pdfium.PdfDocument], pdfium.PdfDocument] | None = None,
) -> Path:
    """``pdf`` with ``change`` made to every page (and ``then`` to the whole), saved in
    ``out`` under its own name; under planio's lock, as PDFium never runs in two threads at
    once, planio's or the tests'."""
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{pdf.stem}.pdf"
    with LOCK:
        document = pdfium.PdfDocument(str(pdf))
        for index in range(len(document)):
            page = document[index]
            change(document, page)
            page.close()
        if then is not None:
            document = then(document)
        document.save(str(target))
        document.close()
    return target


def _in_forms(
    source: pdfium.PdfDocument,
    layout: Callable[[int, float, float], tuple[tuple[float, float], tuple[float, ...], int]],
) -> pdfium.PdfDocument:
    """Every page of ``source`` inside a form XObject on a new page: ``layout(index, width,
    height)`` gives the new page's size, the form's matrix and the page's /Rotate."""
    result = pdfium.PdfDocument.new()
    for index in range(len(source)):
        (width, height), matrix, quarter = layout(index, *source[index].get_size())
        page = raw.FPDFPage_New(result.raw, index, width, height)
        xobject = raw.FPDF_NewXObjectFromPage(result.raw, source.raw, index)
        form = raw.FPDF_NewFormObjectFromXObject(xobject)
        raw.FPDFPageObj_Transform(form, *matrix)
        raw.FPDFPage_InsertObject(page, form)
        if quarter:
            raw.FPDFPage_SetRotation(page, quarter)
        raw.FPDFPage_GenerateContent(page)
        raw.FPDF_CloseXObject(xobject)
        raw.FPDF_ClosePage(page)
    source.close()
    return result


def filled(pdf: Path, out: Path) -> Path:
    return _page_by_page(pdf, out, lambda _document, page: _stroked_as_rects(page))


#: (page size, content matrix) per /Rotate quarter turn: the content turned the other way,
#: so the viewer's turn brings it back upright
def _turn(
    quarter: int, width: float, height: float
) -> tuple[tuple[float, float], tuple[float, ...]]:
    if quarter == 1:
        return (height, width), (0, 1, -1, 0, height, 0)
    if quarter == 2:
        return (width, height), (-1, 0, 0, -1, width, height)
    return (height, width), (0, -1, 1, 0, 0, width)


def rotated(pdf: Path, out: Path) -> Path:
    """Every page inside a form XObject, turned, on a page whose /Rotate turns it back:
    90, 180 and 270 degrees in turn."""

    def layout(
        index: int, width: float, height: float
    ) -> tuple[tuple[float, float], tuple[float, ...], int]:
        quarter = index % 3 + 1
        return (*_turn(quarter, width, height), quarter)

    return _page_by_page(pdf, out, lambda _document, _page: None, lambda d: _in_forms(d, layout))


#: a № cell's whole text: "1", "2.3.", "а)"
_NUMBER_TEXT = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*\.?|[а-яё]\))$")


def _text_of(obj: object, textpage: object) -> str:
    size = raw.FPDFTextObj_GetText(obj, textpage, None, 0)
    buffer = ctypes.create_string_buffer(size)
    raw.FPDFTextObj_GetText(
        obj, textpage, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)), size
    )
    return buffer.raw[: max(0, size - 2)].decode("utf-16-le", "replace")


def _numbers_hung_out(page: object, gap: float) -> int:
    """Move each № cell's number out of the table, just left of its left border.

    Word lays a list number out at its hanging indent, wherever that is: a list whose indent
    is smaller than its hanging draws the number left of the cell, across the border or in
    the margin outside the table. The number stands on its row's baseline, in no cell.
    """
    handle = page.raw  # type: ignore[attr-defined]
    textpage = raw.FPDFText_LoadPage(handle)
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    paths: list[float] = []
    texts: list[tuple[object, float, float]] = []
    for k in range(raw.FPDFPage_CountObjects(handle)):
        obj = raw.FPDFPage_GetObject(handle, k)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_TEXT):
            continue
        raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
        if kind == raw.FPDF_PAGEOBJ_PATH:
            paths.append(left.value)
        elif _NUMBER_TEXT.match(_text_of(obj, textpage).strip()):
            texts.append((obj, left.value, right.value))
    moved = 0
    if paths:
        border = min(paths)
        for obj, x0, x1 in texts:
            if border <= x0 < border + 30:
                raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, border - gap - x1, 0)
                moved += 1
    raw.FPDFText_ClosePage(textpage)
    if moved:
        raw.FPDFPage_GenerateContent(handle)
    return moved


def hanging(pdf: Path, out: Path, gap: float = 2.0) -> Path:
    """The sample with its numbers ``gap`` points left of the table's border."""
    return _page_by_page(pdf, out, lambda _document, page: _numbers_hung_out(page, gap))


def _as_scan(document: pdfium.PdfDocument, page: pdfium.PdfPage) -> None:
    """The page as a picture of itself under its own text, made invisible; lines removed."""
    picture = page.render(scale=150 / 72, grayscale=True)
    handle = page.raw
    drawn = []
    for k in range(raw.FPDFPage_CountObjects(handle)):
        obj = raw.FPDFPage_GetObject(handle, k)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_PATH:
            drawn.append(obj)
        elif kind == raw.FPDF_PAGEOBJ_TEXT:
            raw.FPDFTextObj_SetTextRenderMode(obj, raw.FPDF_TEXTRENDERMODE_INVISIBLE)
    for obj in drawn:
        raw.FPDFPage_RemoveObject(handle, obj)
        raw.FPDFPageObj_Destroy(obj)
    image = pdfium.PdfImage.new(document)
    image.set_bitmap(picture)
    width, height = page.get_size()
    image.set_matrix(pdfium.PdfMatrix().scale(width, height))
    page.insert_obj(image)
    page.gen_content()


def scanned(pdf: Path, out: Path, turn: float = 0.0) -> Path:
    """The sample as a searchable scan; ``turn`` degrees anticlockwise, words and picture
    together, as a sheet lies a little askew on the scanner's glass."""
    c, s = math.cos(math.radians(turn)), math.sin(math.radians(turn))

    def about_the_centre(
        _index: int, width: float, height: float
    ) -> tuple[tuple[float, float], tuple[float, ...], int]:
        cx, cy = width / 2, height / 2
        return (width, height), (c, s, -s, c, cx - c * cx + s * cy, cy - s * cx - c * cy), 0

    turned = (lambda d: _in_forms(d, about_the_centre)) if turn else None
    return _page_by_page(pdf, out, _as_scan, turned)
