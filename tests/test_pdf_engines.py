"""Both PDF engines, every producer: the same plan as the DOCX, whoever made the PDF.

Each sample PDF is remade during the session by other producers (:mod:`producers`): poppler's
cairo writer, a Chromium print of LibreOffice's HTML export, Word-style filled borders, a
rotated page. Every one must read as its DOCX does, with PDFium and with pdfplumber.
"""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

import planio
from planio.errors import CorruptFileError, PlanioError
from planio.readers import pdf_pdfium

from planio_cli import run_planio
from producers import (
    PRODUCERS,
    cairo,
    chromium_print,
    filled,
    hanging,
    html_exports,
    rotated,
    scanned,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
PDFS = sorted(SAMPLES.glob("*.pdf"))
ENGINES = ("pdfium", "pdfplumber")


def without_source(plan: planio.Plan) -> dict[str, Any]:
    return plan.model_dump(exclude={"source"})


@pytest.fixture(scope="session")
def produced(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, Path], Path]:
    """The sample's PDF as ``producer`` makes it; each made once per test session."""
    made: dict[tuple[str, str], Path] = {}
    base = tmp_path_factory.mktemp("producers")

    def get(producer: str, sample: Path) -> Path:
        key = (producer, sample.stem)
        if key not in made:
            out = base / producer
            out.mkdir(exist_ok=True)
            if producer == "chromium":
                html = out / f"{sample.stem}.html"
                if not html.is_file():  # one LibreOffice run exports every sample
                    html_exports([p.with_suffix(".docx") for p in PDFS], out)
                made[key] = chromium_print(html, out)
            else:
                make = {
                    "cairo": cairo,
                    "filled": filled,
                    "rotated": rotated,
                    "hanging": hanging,
                    "scanned": scanned,
                }[producer]
                made[key] = make(sample, out)
        return made[key]

    return get


def _docx_plan(sample: Path, producer: str) -> dict[str, Any]:
    """What the DOCX gives, as the producer's pages show it.

    Three known differences: LibreOffice's HTML export writes Word's multi-level list numbers
    ("1.1.", "2.3.") as plain HTML lists, which the browser numbers per list ("1.", "3."):
    the printed PDF shows, and planio reads, the last part of each number; a list numbered
    with Russian letters («а)», «б)») becomes a decimal list, HTML having no Cyrillic list
    type. And it writes tabs and runs of spaces as single spaces, so a stamp set beside
    another block prints as one run of words («Принят на заседании Утверждаю») in which
    nobody can tell the blocks apart.
    """
    plan = without_source(planio.read(sample.with_suffix(".docx")))
    if producer == "chromium":
        plan.pop("warnings")  # a browser's header and footer may stay on a lone page
        if _stamp_set_with_tabs(sample):
            plan.pop("approval")
        for section in plan["sections"]:
            for item in section["items"]:
                if sample.stem == "plan-auto-numbering":
                    item["number"] = item["number"].rsplit(".", 1)[-1]
                elif len(item["number"]) == 1 and item["number"] in _WORD_LETTERS:
                    item["number"] = str(_WORD_LETTERS.index(item["number"]) + 1)
    return plan


#: the letters Word numbers a Russian-letter list with, in order
_WORD_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"


def _stamp_set_with_tabs(sample: Path) -> bool:
    """The sample's approval stamp shares a paragraph with another block, padded by tabs."""
    import docx

    document = docx.Document(str(sample.with_suffix(".docx")))
    return any(
        re.search(r"\t| {3}", p.text) and "утвержд" in p.text.casefold()
        for p in document.paragraphs[:20]
    )


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("producer", PRODUCERS)
@pytest.mark.parametrize("sample", PDFS, ids=[p.stem for p in PDFS])
def test_every_producer_reads_as_the_docx(
    produced: Callable[[str, Path], Path], sample: Path, producer: str, engine: str
) -> None:
    pdf = produced(producer, sample)
    got = without_source(planio.read(pdf, pdf_engine=engine))  # type: ignore[arg-type]
    if producer == "chromium":
        got.pop("warnings")
        if _stamp_set_with_tabs(sample):
            got.pop("approval")
    assert got == _docx_plan(sample, producer)


def test_the_producers_differ_from_the_sample(produced: Callable[[str, Path], Path]) -> None:
    """Each producer really rewrote the file (not a copy): other bytes, other drawing."""
    sample = SAMPLES / "plan-2021-2022.pdf"
    for producer in PRODUCERS:
        data = produced(producer, sample).read_bytes()
        assert data.startswith(b"%PDF-") and data != sample.read_bytes(), producer
    assert b"/Rotate 90" in produced("rotated", sample).read_bytes()
    assert b"cairo" in produced("cairo", sample).read_bytes()
    assert b"Skia" in produced("chromium", sample).read_bytes()
    with pdfplumber.open(produced("hanging", sample)) as pdf:
        page = pdf.pages[0]
        border = min(e["x0"] for e in page.edges if e["orientation"] == "v")
        numbers = [w for w in page.extract_words() if w["text"] in ("1.1", "1.2")]
        assert len(numbers) == 2 and all(w["x1"] < border for w in numbers)
    with pdfplumber.open(produced("scanned", sample)) as pdf:
        page = pdf.pages[0]
        assert page.images and not page.edges  # a picture, and no line drawn
        assert {c["text"] for c in page.chars} >= set("Утверждаю")


@pytest.mark.parametrize("pdf", PDFS, ids=[p.stem for p in PDFS])
def test_both_engines_give_the_same_plan(pdf: Path) -> None:
    assert without_source(planio.read(pdf, pdf_engine="pdfium")) == without_source(
        planio.read(pdf, pdf_engine="pdfplumber")
    )


def test_both_engines_see_the_same_words_and_rulings() -> None:
    """The engines' raw pages agree, not only the plans built from them."""
    from planio.readers import pdf_plumber

    data = (SAMPLES / "plan-2021-2022.pdf").read_bytes()
    first, second = pdf_pdfium.Document(data, "seed"), pdf_plumber.Document(data, "seed")
    try:
        for number in range(1, first.page_count + 1):
            a, b = first.page(number), second.page(number)
            ours = sorted(a.words, key=lambda w: (w["text"], w["top"], w["x0"]))
            theirs = sorted(b.words, key=lambda w: (w["text"], w["top"], w["x0"]))
            assert [w["text"] for w in ours] == [w["text"] for w in theirs]
            for x, y in zip(ours, theirs, strict=True):
                assert abs(x["x0"] - y["x0"]) < 1 and abs(x["top"] - y["top"]) < 1
                assert x["size"] == pytest.approx(y["size"], abs=0.1)
                assert x["fontname"].split("+")[-1] == y["fontname"].split("+")[-1]
            assert len(a.edges) == len(b.edges) > 0
    finally:
        first.close()
        second.close()


def test_words_join_across_a_font_change_but_not_across_a_gap(
    produced: Callable[[str, Path], Path],
) -> None:
    """pdftocairo sets "-", "«" and "." in a font of their own: still one word."""
    pdf = produced("cairo", SAMPLES / "plan-2021-2022.pdf")
    for engine in ENGINES:
        plan = planio.read(pdf, pdf_engine=engine)  # type: ignore[arg-type]
        assert plan.approval is not None and plan.approval.name == "Ю.В. Дроздов"
        assert "образовательно-отраслевого" in plan.title
        assert "«Содействие занятости»" in {i.number: i for i in plan.items()}["2.1"].title


def test_line_end_hyphen_comes_back() -> None:
    """PDFium reports a hyphen ending a line as U+FFFE (and no line break): the word before
    it ends with "-", the word after it is a word of its own."""
    import pypdfium2.raw as raw

    data = (SAMPLES / "plan-2021-2022.pdf").read_bytes()
    marks: list[str] = []
    with pdf_pdfium.LOCK:
        handle = raw.FPDF_LoadMemDocument64(data, len(data), None)
        for index in range(raw.FPDF_GetPageCount(handle)):
            page = raw.FPDF_LoadPage(handle, index)
            textpage = raw.FPDFText_LoadPage(page)
            text = pdf_pdfium._page_text(textpage)
            marks += re.findall("(\\w+)\ufffe(\\w+)", text)
            raw.FPDFText_ClosePage(textpage)
            raw.FPDF_ClosePage(page)
        raw.FPDF_CloseDocument(handle)
    assert marks, "the seed's PDF has line-end hyphens"
    document = pdf_pdfium.Document(data, "seed")
    try:
        words = [
            w["text"] for n in range(1, document.page_count + 1) for w in document.page(n).words
        ]
    finally:
        document.close()
    assert not [w for w in words if "\ufffe" in w or "\x02" in w]
    for before, after in marks:
        assert f"{before}-" in words and after in words


def test_pdfs_read_on_threads_give_the_plans_read_one_by_one(
    produced: Callable[[str, Path], Path],
) -> None:
    """PDFium crashes the process if two threads enter it: planio holds one lock per page."""
    pdfs = [*PDFS, *(produced("cairo", p) for p in PDFS[:3])] * 3
    alone = {p: without_source(planio.read(p)) for p in pdfs}
    with ThreadPoolExecutor(max_workers=6) as pool:
        together = list(pool.map(lambda p: without_source(planio.read(p)), pdfs))
    assert together == [alone[p] for p in pdfs]


def test_a_pdf_pdfium_cannot_open_is_read_by_pdfplumber(tmp_path: Path) -> None:
    """A catalog without /Pages: PDFium finds no page, pdfminer finds them by their type."""
    data = (SAMPLES / "plan-2021-2022.pdf").read_bytes()
    broken = re.sub(rb"(/Type\s*/Catalog\s*)/Pages", rb"\1/Pagez", data)
    assert broken != data
    with pytest.raises(CorruptFileError):
        pdf_pdfium.Document(broken, "broken")
    path = tmp_path / "no-pages-key.pdf"
    path.write_bytes(broken)
    from_pdfplumber = planio.read(SAMPLES / "plan-2021-2022.pdf", pdf_engine="pdfplumber")
    assert without_source(planio.read(path)) == without_source(from_pdfplumber)


def test_an_unknown_engine_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="PDF engine"):
        planio.read(PDFS[0], pdf_engine="mupdf")  # type: ignore[arg-type]


def test_cli_takes_the_engine(tmp_path: Path) -> None:
    outputs = []
    for engine in ENGINES:
        out = tmp_path / f"{engine}.json"
        result = run_planio(
            "parse", SAMPLES / "plan-2021-2022.pdf", "--pdf-engine", engine, "-o", out
        )
        assert result.returncode == 0, result.stderr
        outputs.append(planio.Plan.model_validate_json(out.read_text(encoding="utf-8")))
    assert without_source(outputs[0]) == without_source(outputs[1])
    bad = run_planio("parse", SAMPLES / "plan-2021-2022.pdf", "--pdf-engine", "mupdf")
    assert bad.returncode == 2


# -- the reader boundary: the libraries' errors are bad input, planio's own are bugs ------------


def _boom(*args: object, **kwargs: object) -> object:
    raise IndexError("planio's own bug")


def _resolve(dotted: str) -> Any:
    """The object a dotted name points to: the longest importable module, then attributes."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for part in parts[cut:]:
            found = getattr(found, part)
        return found
    raise LookupError(dotted)


@pytest.mark.parametrize(
    ("target", "sample", "engines"),
    [
        ("planio.readers.pdf.grid_table", "plan-2021-2022.pdf", ENGINES),
        ("planio.readers.pdf.find_unruled_table", "plan-unruled.pdf", ENGINES),
        ("planio.readers.pdf.cell_paras", "plan-2021-2022.pdf", ENGINES),
        ("planio.readers.pdf_pdfium._words", "plan-2021-2022.pdf", ("pdfium",)),
        ("planio.readers.pdf_plumber._word", "plan-2021-2022.pdf", ("pdfplumber",)),
        ("planio.readers.docx._Walker.table", "plan-2021-2022.docx", ("pdfium",)),
        ("planio.readers.docx._Walker.para", "plan-2021-2022.docx", ("pdfium",)),
    ],
)
def test_a_bug_in_a_reader_is_not_reported_as_a_bad_file(
    monkeypatch: pytest.MonkeyPatch, target: str, sample: str, engines: tuple[str, ...]
) -> None:
    """A fault injected into planio's own code propagates as itself, not as a PlanioError."""
    owner, name = target.rsplit(".", 1)
    monkeypatch.setattr(_resolve(owner), name, _boom)
    for engine in engines:
        with pytest.raises(IndexError) as caught:
            planio.read(SAMPLES / sample, pdf_engine=engine)  # type: ignore[arg-type]
        assert not isinstance(caught.value, PlanioError)


@pytest.mark.parametrize(
    ("target", "sample"),
    [
        ("planio.readers.pdf.grid_table", "plan-2021-2022.pdf"),
        ("planio.readers.docx._Walker.table", "plan-2021-2022.docx"),
    ],
)
@pytest.mark.usefixtures("english")
def test_cli_says_internal_error_for_a_reader_bug(target: str, sample: str) -> None:
    """The same fault injected into a real ``planio parse`` process: exit 1, not 2."""
    owner, name = target.rsplit(".", 1)
    code = (
        "import sys, importlib\n"
        f"path = {owner!r}.split('.')\n"
        "for cut in range(len(path), 0, -1):\n"
        "    try:\n"
        "        obj = importlib.import_module('.'.join(path[:cut])); break\n"
        "    except ImportError: continue\n"
        "for part in path[cut:]: obj = getattr(obj, part)\n"
        "def boom(*a, **k): raise ZeroDivisionError('planio bug')\n"
        f"setattr(obj, {name!r}, boom)\n"
        "from planio.cli import main\n"
        f"sys.argv = ['planio', 'parse', {str(SAMPLES / sample)!r}]\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 1, result.stderr
    assert "internal error" in result.stderr and "ZeroDivisionError" in result.stderr
    assert "broken Word document" not in result.stderr and "cannot be read" not in result.stderr


def test_the_table_finder_is_pdfplumbers(produced: Callable[[str, Path], Path]) -> None:
    """planio's faster cell and table grouping finds exactly what pdfplumber's finder does."""
    from pdfplumber.table import TableFinder

    from planio.readers.pdf import close_cut_ends, ruled_tables

    class Edges:
        def __init__(self, content: Any) -> None:
            self.edges = close_cut_ends(content.edges)
            self.bbox = (0, 0, content.width, content.height)

    pages = 0
    for pdf in [*PDFS, produced("chromium", PDFS[0]), produced("filled", PDFS[0])]:
        document = pdf_pdfium.Document(pdf.read_bytes(), pdf.name)
        try:
            for number in range(1, document.page_count + 1):
                content = document.page(number)
                found = TableFinder(Edges(content)).tables if content.edges else []  # type: ignore[arg-type]
                expected = [(t.bbox, [list(row.cells) for row in t.rows]) for t in found]
                assert ruled_tables(content) == expected, (pdf.name, number)
                pages += 1
        finally:
            document.close()
    assert pages >= 20
