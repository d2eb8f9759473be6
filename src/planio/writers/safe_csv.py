"""CSV files people open in a spreadsheet: text that can never run as a formula.

Excel and LibreOffice run a cell starting with "=", "+", "-" or "@" (and, in some versions,
a tab or carriage return before one) as a formula, so «=HYPERLINK(…)» in an executor's name
or a file's name would become a live link or command. Such a cell gets a leading apostrophe,
which both show as text. The files are UTF-8 with a byte-order mark and ";" between cells,
as a Russian-locale Excel opens them by double-click.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def no_formula(text: str) -> str:
    """A CSV cell a spreadsheet will not run as a formula."""
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def write_csv(path: Path, header: Iterable[str], rows: Iterable[Iterable[object]]) -> Path:
    """Write ``rows`` under ``header``; every text cell passes :func:`no_formula`."""
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow([no_formula(h) for h in header])
        for row in rows:
            writer.writerow([no_formula(v) if isinstance(v, str) else v for v in row])
    return path
