"""Small real DOCX files for tests, written with python-docx (no mocks)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

Row = Sequence[str | Sequence[str]]  # a cell is a string or a list of paragraphs


def _fill(cell: object, value: str | Sequence[str]) -> None:
    paragraphs = [value] if isinstance(value, str) else list(value)
    cell.paragraphs[0].text = paragraphs[0] if paragraphs else ""  # type: ignore[attr-defined]
    for text in paragraphs[1:]:
        cell.add_paragraph(text)  # type: ignore[attr-defined]


def make_plan_docx(
    path: Path,
    rows: Sequence[Row],
    *,
    before: Sequence[str] = ("Утверждаю", "Директор", "И.И. Иванов", "", "План работы на 2022 год"),
    after: Sequence[str] = (),
    header: Row = ("№ п/п", "Мероприятие", "Исполнители", "Срок"),
    merged_sections: bool = True,
) -> Path:
    """A plan: paragraphs, a table (a row of one string starting with "§" is a merged section)."""
    document = docx.Document()
    for text in before:
        document.add_paragraph(text)
    width = len(header)
    table = document.add_table(rows=0, cols=width)
    table.style = "Table Grid"
    cells = table.add_row().cells
    for cell, value in zip(cells, header, strict=True):
        _fill(cell, value)
    for row in rows:
        cells = table.add_row().cells
        if len(row) == 1 and isinstance(row[0], str) and row[0].startswith("§"):
            text = row[0][1:]
            if merged_sections:
                merged = cells[0].merge(cells[-1])
                merged.text = text
            else:
                cells[0].text = text
            continue
        for cell, value in zip(cells, row, strict=True):
            _fill(cell, value)
    for text in after:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def mark_header_row(path: Path) -> None:
    """Mark the first table row as a repeated header (w:tblHeader)."""
    document = docx.Document(str(path))
    tr_pr = document.tables[0].rows[0]._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))
    document.save(str(path))


def set_bold(path: Path, paragraph_index: int) -> None:
    document = docx.Document(str(path))
    for run in document.paragraphs[paragraph_index].runs:
        run.bold = True
    document.save(str(path))


__all__ = ["make_plan_docx", "mark_header_row", "qn", "set_bold"]
