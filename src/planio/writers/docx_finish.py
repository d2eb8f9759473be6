"""The last step of every DOCX planio writes: a document an office can use as it comes.

- Russian as the language of the styles and every run (``w:lang`` ru-RU), so Word and
  LibreOffice spell-check and hyphenate it as Russian; automatic hyphenation on (outside the
  tables, whose columns are sized so that no word needs it).
- Table columns sized from their content: no column narrower than its longest word (a word is
  never cut inside its letters, «Выполни|ено»), the rest of the width shared by how much text
  each column holds. Rows do not break across pages (unless one is taller than a page), a
  section row keeps with the row after it, header rows repeat.
- Properties from the plan: its title, the approver as author, created now; nothing of the
  library that built the file (no «python-docx», no 2013, no thumbnail of someone else's file).
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from planio import __version__

LANGUAGE = "ru-RU"
#: what follows ``w:lang`` in a run's properties (the schema's order)
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
#: what follows ``w:cantSplit`` in a row's properties
_AFTER_CANT_SPLIT = ("w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden")
#: what follows ``w:autoHyphenation`` in the settings
_AFTER_HYPHENATION = (
    "w:consecutiveHyphenLimit",
    "w:hyphenationZone",
    "w:doNotHyphenateCaps",
    "w:showEnvelope",
    "w:summaryLength",
    "w:clickAndTypeStyle",
    "w:defaultTableStyle",
    "w:evenAndOddHeaders",
    "w:bookFoldRevPrinting",
    "w:bookFoldPrinting",
    "w:bookFoldPrintingSheets",
    "w:drawingGridHorizontalSpacing",
    "w:drawingGridVerticalSpacing",
    "w:displayHorizontalDrawingGridEvery",
    "w:displayVerticalDrawingGridEvery",
    "w:doNotUseMarginsForDrawingGridOrigin",
    "w:drawingGridHorizontalOrigin",
    "w:drawingGridVerticalOrigin",
    "w:doNotShadeFormData",
    "w:noPunctuationKerning",
    "w:characterSpacingControl",
    "w:printTwoOnOne",
    "w:strictFirstAndLastChars",
    "w:noLineBreaksAfter",
    "w:noLineBreaksBefore",
    "w:savePreviewPicture",
    "w:compat",
    "w:rsids",
)
#: what follows ``w:suppressAutoHyphens`` in a paragraph's properties
_AFTER_SUPPRESS_HYPHENS = (
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
#: default cell margins left + right (0.19 cm each), in twips
_CELL_PADDING = 2 * 108
#: the least width of a column left empty for handwriting: 3 cm, in twips
_HANDWRITING = 1700
#: the usable height of an A4 page with 20 mm margins, in points
_PAGE_POINTS = (297 - 40) / 25.4 * 72
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_WORD_BREAK = re.compile(r"\s+")
_AFTER_HYPHEN = re.compile(r"(?<=[-‐])")


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """The document's properties (File → Properties)."""

    title: str = ""
    author: str = ""
    subject: str = ""
    keywords: str = ""


@functools.cache
def _clark(names: tuple[str, ...]) -> tuple[str, ...]:
    """The elements' full ("{namespace}tag") names, worked out once per tuple."""
    return tuple(qn(name) for name in names)


def _insert_before(parent: Any, child: Any, successors: tuple[str, ...]) -> None:
    """Insert ``child`` where the schema puts it: before the first of ``successors``."""
    for name in _clark(successors):
        found = parent.find(name)
        if found is not None:
            found.addprevious(child)
            return
    parent.append(child)


def add_run_property(properties: Any, child: Any) -> None:
    """Add ``child`` (e.g. ``w:highlight``) to a run's properties in the schema's order."""
    lang = properties.find(qn("w:lang"))
    if lang is not None and child.tag != qn("w:lang"):
        lang.addprevious(child)
    else:
        _insert_before(properties, child, _AFTER_LANG)


def _lang(element: Any) -> None:
    element.set(qn("w:val"), LANGUAGE)
    element.set(qn("w:eastAsia"), LANGUAGE)


def set_language(document: Any) -> None:
    """Russian in the default run properties, every style that names a language and every run."""
    styles = document.styles.element
    for lang in styles.iter(qn("w:lang")):
        _lang(lang)
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        r_pr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if r_pr is not None and r_pr.find(qn("w:lang")) is None:
            lang = OxmlElement("w:lang")
            _lang(lang)
            add_run_property(r_pr, lang)
    for part in _story_parts(document):
        for run in part.element.iter(qn("w:r")):
            properties = run.find(qn("w:rPr"))
            if properties is None:
                properties = OxmlElement("w:rPr")
                run.insert(0, properties)
            lang = properties.find(qn("w:lang"))
            if lang is None:
                lang = OxmlElement("w:lang")
                add_run_property(properties, lang)
            _lang(lang)


def _story_parts(document: Any) -> list[Any]:
    parts = [document.part]
    for section in document.sections:
        for story in (section.header, section.first_page_header, section.footer):
            if story.is_linked_to_previous:
                continue
            parts.append(story.part)
    return parts


def set_hyphenation(document: Any) -> None:
    """Automatic hyphenation on (not of words in capitals), the theme's language Russian."""
    settings = document.settings.element
    if settings.find(qn("w:autoHyphenation")) is None:
        _insert_before(settings, OxmlElement("w:autoHyphenation"), _AFTER_HYPHENATION)
    if settings.find(qn("w:doNotHyphenateCaps")) is None:
        _insert_before(settings, OxmlElement("w:doNotHyphenateCaps"), _AFTER_HYPHENATION[3:])
    theme = settings.find(qn("w:themeFontLang"))
    if theme is None:
        rsids = settings.find(qn("w:rsids"))
        if rsids is None:
            return
        theme = OxmlElement("w:themeFontLang")
        rsids.addnext(theme)
    theme.set(qn("w:val"), LANGUAGE)


def set_properties(document: Any, info: DocumentInfo) -> None:
    """Title, author and dates from the plan; the library's own marks removed."""
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    core = document.core_properties
    core.title = _xml_text(info.title)
    core.author = _xml_text(info.author)
    core.last_modified_by = _xml_text(info.author)
    core.subject = _xml_text(info.subject)
    core.keywords = _xml_text(info.keywords)
    core.comments = ""
    core.category = ""
    core.language = LANGUAGE
    core.created = now
    core.modified = now
    core.revision = 1
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package.rels[rel_id]
    for part in package.iter_parts():
        if str(part.partname) == "/docProps/app.xml" and hasattr(part, "_blob"):
            part._blob = _app_xml()


def _xml_text(text: str) -> str:
    """One line of at most 255 characters that XML can hold (text from documents may not)."""
    return " ".join(_NOT_XML.sub("", text).split())[:255]


def _app_xml() -> bytes:
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'docPropsVTypes"><Application>planio {__version__}</Application>'
        "<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
        "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
    ).encode()


# --- tables -----------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1024)
def _char_points(char: str) -> float:
    """The advance of one character of Times New Roman, in ems (a safe upper estimate)."""
    if char.isupper():
        return 0.74
    if char.isdigit():
        return 0.5
    if char.isalpha():
        return 0.56 if char in "шщжмюфыШЩЖМЮФЫ" else 0.5
    if char in ".,:;'!|()[]«»\"-‐–":
        return 0.36
    return 0.5


@functools.lru_cache(maxsize=4096)
def _text_ems(text: str) -> float:
    """How wide ``text`` is in ems (a plan repeats its executors' and deadlines' texts)."""
    return sum(map(_char_points, text))


def text_points(text: str, size: float, bold: bool) -> float:
    """How wide ``text`` is set in one line, in points."""
    return _text_ems(text) * size * (1.08 if bold else 1.0)


@dataclass(slots=True)
class _Text:
    text: str
    size: float
    bold: bool


_P, _R, _T, _BR, _RPR, _SZ, _B, _VAL, _TC = map(
    qn, ("w:p", "w:r", "w:t", "w:br", "w:rPr", "w:sz", "w:b", "w:val", "w:tc")
)
_GRID_SPAN = f"{qn('w:tcPr')}/{qn('w:gridSpan')}"


def _cell_texts(cell: Any, default_size: float) -> list[_Text]:
    """Each paragraph of a cell as text with its (largest) font size and boldness."""
    out: list[_Text] = []
    for paragraph in cell.iter(_P):
        parts, size, bold = [], 0.0, False
        for run in paragraph.iter(_R):
            pieces = [(t.text or "") if t.tag == _T else "\n" for t in run.iter(_T, _BR)]
            if not pieces:
                continue
            parts.append("".join(pieces))
            props = run.find(_RPR)
            sz = props.find(_SZ) if props is not None else None
            run_size = int(sz.get(_VAL)) / 2 if sz is not None else default_size
            size = max(size, run_size)
            b = props.find(_B) if props is not None else None
            bold = bold or (b is not None and b.get(_VAL) not in ("0", "false"))
        text = "".join(parts)
        for line in text.split("\n"):
            out.append(_Text(line, size or default_size, bold))
    return out


def _words(text: str) -> list[str]:
    """The pieces a line may break between: at spaces, and after a hyphen («п/п» stays whole)."""
    return [piece for word in _WORD_BREAK.split(text) for piece in _AFTER_HYPHEN.split(word)]


def _grid_cells(row: Any) -> list[tuple[int, int, Any]]:
    """(first grid column, span, cell) of each cell of a row."""
    out, column = [], 0
    for cell in row.findall(_TC):
        span_el = cell.find(_GRID_SPAN)
        span = int(span_el.get(_VAL)) if span_el is not None else 1
        out.append((column, span, cell))
        column += span
    return out


def _fit_widths(needs: list[float], fulls: list[float], total: float) -> list[float]:
    """Widths as browsers lay out an automatic table: each column at least its longest word;
    the space left goes to the columns by how much wider they would like to be (their text in
    one line), so short columns get their whole text on one line and long ones share the rest.
    """
    fulls = [max(f, n) for f, n in zip(fulls, needs, strict=True)]
    if sum(needs) >= total:
        return [total * n / sum(needs) for n in needs]
    if sum(fulls) <= total:
        return [total * f / sum(fulls) for f in fulls]
    spare = total - sum(needs)
    wish = sum(fulls) - sum(needs)
    return [n + (f - n) * spare / wish for n, f in zip(needs, fulls, strict=True)]


def fit_table(table: Any, default_size: float = 12.0) -> list[float]:
    """Size a table's columns from its content (widths in twips, the table's width kept)."""
    grid = table.find(qn("w:tblGrid"))
    if grid is None:
        return []
    columns = grid.findall(qn("w:gridCol"))
    if len(columns) < 2:
        return [float(c.get(qn("w:w")) or 0) for c in columns]
    total = float(sum(int(c.get(qn("w:w")) or 0) for c in columns))
    count = len(columns)
    needs = [float(_CELL_PADDING + 200)] * count
    fulls = [float(_CELL_PADDING + 200)] * count
    filled = [False] * count
    for number, row in enumerate(table.findall(qn("w:tr"))):
        for first, span, cell in _grid_cells(row):
            if span != 1 or first >= count:
                continue
            for line in _cell_texts(cell, default_size):
                filled[first] = filled[first] or (number > 0 and bool(line.text.strip()))
                longest = max(
                    (text_points(w, line.size, line.bold) for w in _words(line.text)), default=0
                )
                needs[first] = max(needs[first], longest * 20 * 1.06 + _CELL_PADDING)
                full = text_points(line.text, line.size, line.bold) * 20 + _CELL_PADDING
                fulls[first] = max(fulls[first], full)
    # a column left empty to be filled in by hand («Отметка о выполнении») gets room to write
    needs = [n if filled[i] else max(n, _HANDWRITING) for i, n in enumerate(needs)]
    widths = _fit_widths(needs, fulls, total)
    rounded = [int(w) for w in widths]
    rounded[-1] += int(total) - sum(rounded)
    for column, width in zip(columns, rounded, strict=True):
        column.set(qn("w:w"), str(width))
    for tc_w in table.iter(qn("w:tcW")):
        tc_w.getparent().remove(tc_w)
    return [float(w) for w in rounded]


def _row_points(row: Any, widths: list[float], default_size: float) -> float:
    """A row's height estimated from its text, in points."""
    tallest = 0.0
    for first, span, cell in _grid_cells(row):
        width = sum(widths[first : first + span]) - _CELL_PADDING if widths else 0
        lines = 0
        for line in _cell_texts(cell, default_size):
            per_line = max(width / 20, 1)
            lines += max(1, math.ceil(text_points(line.text, line.size, line.bold) / per_line))
        tallest = max(tallest, lines * default_size * 1.2)
    return tallest


def keep_rows_whole(table: Any, widths: list[float], default_size: float = 12.0) -> None:
    """No row breaks across pages unless taller than a page; a section row keeps with the next."""
    columns = len(widths)
    for row in table.findall(qn("w:tr")):
        cells = _grid_cells(row)
        if _row_points(row, widths, default_size) < _PAGE_POINTS * 0.8:
            tr_pr = row.get_or_add_trPr()
            if tr_pr.find(qn("w:cantSplit")) is None:
                _insert_before(tr_pr, OxmlElement("w:cantSplit"), _AFTER_CANT_SPLIT)
        if columns > 1 and len(cells) == 1 and cells[0][1] == columns:
            for paragraph in cells[0][2].iter(qn("w:p")):
                p_pr = paragraph.get_or_add_pPr()
                p_pr.keep_next = True


def no_hyphens_in_cells(table: Any) -> None:
    """Table cells are not hyphenated: their columns are wide enough for their longest word,
    and a cell's text stays as written when a program reads the PDF back (a hyphen at a line
    end cannot be told from the hyphen of «учебно-методический»)."""
    for paragraph in table.iter(qn("w:p")):
        p_pr = paragraph.get_or_add_pPr()
        if p_pr.find(qn("w:suppressAutoHyphens")) is None:
            _insert_before(p_pr, OxmlElement("w:suppressAutoHyphens"), _AFTER_SUPPRESS_HYPHENS)


def fit_tables(document: Any) -> None:
    for table in document.element.body.iter(qn("w:tbl")):
        widths = fit_table(table)
        keep_rows_whole(table, widths)
        no_hyphens_in_cells(table)


def finish(document: Any, info: DocumentInfo) -> None:
    """Everything above, on a python-docx ``Document`` about to be saved."""
    set_properties(document, info)
    set_language(document)
    set_hyphenation(document)
    fit_tables(document)
