"""DOCX → raw grid.

Walks the document body's XML in order (paragraphs, tables, block content controls) rather
than python-docx's convenience API: ``row.cells`` repeats a merged cell once per grid column
and ``cell.text`` skips hyperlinks' and content controls' runs in some versions. Here each row's
real ``w:tc`` elements are read with their ``gridSpan``/``vMerge``, and every ``w:t`` of a
paragraph is read in document order, so no text is lost. List labels Word would generate are
computed by :mod:`planio.readers.docx_numbering`.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError

from planio.errors import CorruptFileError
from planio.i18n import _
from planio.readers.docx_numbering import W_NS, Numbering
from planio.readers.grid import Block, Cell, Para, RawDocument, Row, Table
from planio.readers.limits import Limits
from planio.readers.ooxml import check_ooxml


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


_P, _TBL, _SDT, _SDT_CONTENT, _TR, _TC = (
    _w(t) for t in ("p", "tbl", "sdt", "sdtContent", "tr", "tc")
)
_T, _BR, _CR, _TAB, _NB_HYPHEN = (_w(t) for t in ("t", "br", "cr", "tab", "noBreakHyphen"))
_R, _RPR, _PPR = _w("r"), _w("rPr"), _w("pPr")
_VAL, _TYPE = _w("val"), _w("type")
_CUSTOM_XML = _w("customXml")
_TEXT_TAGS = (_T, _BR, _CR, _TAB, _NB_HYPHEN)
_OFF = {"0", "false", "off", "none"}
#: Word's own limit is 63 columns; a hostile gridSpan of a billion must not become a grid
_MAX_COLUMNS = 256


def _int(value: str | None, default: int, high: int) -> int:
    """An integer attribute as Word would take it; junk and out-of-range values → default."""
    try:
        number = int(value or default)
    except ValueError:
        return default
    return number if 0 <= number <= high else default


def _flag(rpr: Any, tag: str) -> bool | None:
    """A run/style toggle (bold, italic): True/False where set, None where not."""
    if rpr is None:
        return None
    el = rpr.find(_w(tag))
    if el is None:
        return None
    return el.get(_VAL, "1") not in _OFF


def _unwrapped(parent: Any, *tags: str) -> Iterator[Any]:
    """Children with one of ``tags``, content controls and custom XML opened up in place."""
    for child in parent.iterchildren():
        if child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _unwrapped(content, *tags)
        elif child.tag == _CUSTOM_XML:
            yield from _unwrapped(child, *tags)
        elif child.tag in tags:
            yield child


class _Styles:
    """Just enough of styles.xml: bold/italic and list numbering inherited from a style."""

    def __init__(self, styles_xml: Any | None) -> None:
        self._raw: dict[str, Any] = {}
        self.default_para: str | None = None
        if styles_xml is not None:
            for style in styles_xml.iterchildren(_w("style")):
                style_id = style.get(_w("styleId"), "")
                self._raw[style_id] = style
                if style.get(_w("type")) == "paragraph" and style.get(_w("default")) in (
                    "1",
                    "true",
                ):
                    self.default_para = style_id
        self._cache: dict[tuple[str, str], Any] = {}

    def _lookup(self, style_id: str, what: str) -> Any:
        key = (style_id, what)
        if key in self._cache:
            return self._cache[key]
        result: Any = None
        seen: set[str] = set()
        current: str | None = style_id
        while current and current not in seen and result is None:
            seen.add(current)
            style = self._raw.get(current)
            if style is None:
                break
            if what in ("b", "i"):
                result = _flag(style.find(_RPR), what)
            else:
                ppr = style.find(_PPR)
                num_pr = ppr.find(_w("numPr")) if ppr is not None else None
                if num_pr is not None:
                    result = num_pr
            based = style.find(_w("basedOn"))
            current = based.get(_VAL) if based is not None else None
        self._cache[key] = result
        return result

    def flag(self, style_id: str | None, what: str) -> bool:
        return bool(self._lookup(style_id, what)) if style_id else False

    def num_pr(self, style_id: str | None) -> Any:
        return self._lookup(style_id, "numPr") if style_id else None


class _Walker:
    def __init__(self, styles_xml: Any | None, numbering_xml: Any | None) -> None:
        self._styles = _Styles(styles_xml)
        self._numbering = Numbering(numbering_xml)

    # -- paragraphs ---------------------------------------------------------------------------
    def para(self, p: Any) -> Para:
        ppr = p.find(_PPR)
        style_id = None
        num_pr = None
        if ppr is not None:
            pstyle = ppr.find(_w("pStyle"))
            style_id = pstyle.get(_VAL) if pstyle is not None else None
            num_pr = ppr.find(_w("numPr"))
        style_id = style_id or self._styles.default_para
        if num_pr is None:
            num_pr = self._styles.num_pr(style_id)
        label = ""
        if num_pr is not None:
            num_id_el = num_pr.find(_w("numId"))
            ilvl_el = num_pr.find(_w("ilvl"))
            num_id = num_id_el.get(_VAL, "0") if num_id_el is not None else "0"
            ilvl = _int(ilvl_el.get(_VAL), 0, 8) if ilvl_el is not None else 0
            if num_id != "0":
                label = self._numbering.label(num_id, ilvl)
        parts: list[str] = []
        bold_all = italic_all = True
        has_text = False
        style_bold = self._styles.flag(style_id, "b")
        style_italic = self._styles.flag(style_id, "i")
        for run in p.iter(_R):
            rpr = run.find(_RPR)
            run_text = self._run_text(run)
            if not run_text:
                continue
            parts.append(run_text)
            if run_text.strip():
                has_text = True
                bold = _flag(rpr, "b")
                italic = _flag(rpr, "i")
                bold_all &= style_bold if bold is None else bold
                italic_all &= style_italic if italic is None else italic
        return Para(
            text="".join(parts),
            label=label,
            bold=has_text and bold_all,
            italic=has_text and italic_all,
        )

    @staticmethod
    def _run_text(run: Any) -> str:
        out: list[str] = []
        for el in run.iterchildren(*_TEXT_TAGS):
            tag = el.tag
            if tag == _T:
                out.append(el.text or "")
            elif tag == _TAB:
                out.append("\t")  # kept: a stamp set side by side is split at its tabs
            elif tag == _NB_HYPHEN:
                out.append("-")
            elif tag == _CR or el.get(_TYPE) in (None, "textWrapping"):
                out.append("\n")
        return "".join(out)

    # -- containers ---------------------------------------------------------------------------
    def blocks(self, container: Any) -> list[Block]:
        """Paragraphs and tables of a body, cell or content control, in order."""
        out: list[Block] = []
        for child in _unwrapped(container, _P, _TBL):
            out.append(self.para(child) if child.tag == _P else self.table(child))
        return out

    def _cell_paras(self, tc: Any) -> list[Para]:
        paras: list[Para] = []
        for block in self.blocks(tc):
            if isinstance(block, Para):
                paras.append(block)
            else:  # a nested table: keep its text as paragraphs of this cell
                for row in block.rows:
                    for cell in row.cells:
                        paras.extend(cell.paras)
        return paras

    def table(self, tbl: Any) -> Table:
        grid = tbl.find(_w("tblGrid"))
        width = len(grid.findall(_w("gridCol"))) if grid is not None else 0
        rows: list[Row] = []
        for tr in _unwrapped(tbl, _TR):
            trpr = tr.find(_w("trPr"))
            col = 0
            if trpr is not None:
                before = trpr.find(_w("gridBefore"))
                if before is not None:
                    col = _int(before.get(_VAL), 0, _MAX_COLUMNS)
            cells: list[Cell] = []
            for tc in _unwrapped(tr, _TC):
                tcpr = tc.find(_w("tcPr"))
                span = 1
                merged_up = False
                if tcpr is not None:
                    span_el = tcpr.find(_w("gridSpan"))
                    if span_el is not None:
                        span = max(1, _int(span_el.get(_VAL), 1, _MAX_COLUMNS))
                    vmerge = tcpr.find(_w("vMerge"))
                    merged_up = vmerge is not None and vmerge.get(_VAL, "continue") != "restart"
                cells.append(Cell(self._cell_paras(tc), col=col, span=span, merged_up=merged_up))
                col += span
            width = max(width, col)
            rows.append(Row(cells))
        return Table(rows, width)


def read_docx(data: bytes, name: str, limits: Limits) -> RawDocument:
    """Read a DOCX's bytes into a raw grid; raise a :class:`PlanioError` when it is unusable."""
    check_ooxml(data, name, "word/document.xml", limits)
    try:  # python-docx parses every part here; only its errors are the file's fault
        document = docx.Document(io.BytesIO(data))
        styles_xml = document.styles.element
        body = document.element.body
        numbering_xml = _numbering_xml(document.part)
    except PackageNotFoundError as exc:
        raise CorruptFileError(
            _("not a readable Word document ({reason})").format(reason=exc), name
        ) from None
    except Exception as exc:  # lxml, zipfile and python-docx's own errors on hostile files
        raise CorruptFileError(
            _("broken Word document ({reason})").format(reason=f"{type(exc).__name__}: {exc}"), name
        ) from None
    # planio's own walk over the parsed XML: an exception here is a bug, not a bad file
    walker = _Walker(styles_xml, numbering_xml)
    return RawDocument(blocks=walker.blocks(body))


def _numbering_xml(part: Any) -> Any | None:
    try:
        numbering_part = part.numbering_part
    except (NotImplementedError, KeyError):  # no numbering part: python-docx's way to say so
        return None
    return numbering_part.element if numbering_part is not None else None
