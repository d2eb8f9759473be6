"""Word's automatic list numbering, computed as Word shows it.

Most real plans number their events with ``w:numPr`` lists, so the "№" cell holds no text at
all; python-docx does not render these labels. This module keeps one counter set per list
(abstract numbering definition, so that lists continue across tables) and renders each level's
``lvlText`` ("%1.%2.") in the level's format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


_VAL = _w("val")
#: Word's russianUpper/russianLower: the alphabet without Ё, Й, Ъ, Ы, Ь (the 8th letter is «З»)
_RU_LETTERS = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ"
#: bullet glyphs Word stores in Symbol/Wingdings private-use code points, shown as "•"
_ROMAN = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]
_PLAIN_BULLETS = {"-", "–", "—", "•", "·", "*", "o", "▪", "■", "►", "✓", "○"}


@dataclass(slots=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    legal: bool = False


@dataclass(slots=True)
class _List:
    """One list definition (``w:abstractNum``) and its running counters."""

    levels: dict[int, _Level] = field(default_factory=dict)
    counters: dict[int, int] = field(default_factory=dict)


def _roman(value: int) -> str:
    out = ""
    for number, letters in _ROMAN:
        while value >= number:
            out += letters
            value -= number
    return out


#: Word's own limit for a list counter; hostile files may ask for far more
MAX_COUNTER = 32767


def _format(value: int, fmt: str) -> str:
    value = max(0, min(value, MAX_COUNTER))
    if value == 0:
        return "0"
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("russianUpper", "russianLower"):
        letter = _RU_LETTERS[(value - 1) % len(_RU_LETTERS)] * ((value - 1) // len(_RU_LETTERS) + 1)
        return letter if fmt == "russianUpper" else letter.lower()
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "none":
        return ""
    return str(value)


def _int_attr(parent: Any, tag: str, default: int) -> int:
    el = parent.find(_w(tag)) if parent is not None else None
    if el is None:
        return default
    try:
        return max(0, min(int(el.get(_VAL, default)), MAX_COUNTER))
    except ValueError:
        return default


def _ilvl(element: Any) -> int:
    """A list level (0–8, Word's range); anything else counts as level 0."""
    try:
        level = int(element.get(_w("ilvl"), "0"))
    except ValueError:
        return 0
    return level if 0 <= level <= 8 else 0


class Numbering:
    """Renders list labels for paragraphs, in document order."""

    def __init__(self, numbering_xml: Any | None) -> None:
        self._lists: dict[str, _List] = {}
        # numId -> (abstractNumId, {level: start override})
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        self._pending_overrides: dict[str, dict[int, int]] = {}
        if numbering_xml is not None:
            self._load(numbering_xml)

    def _load(self, root: Any) -> None:
        for abstract in root.iterchildren(_w("abstractNum")):
            definition = _List()
            for lvl in abstract.iterchildren(_w("lvl")):
                level = _Level(
                    start=_int_attr(lvl, "start", 1),
                    fmt=(
                        lvl.find(_w("numFmt")).get(_VAL)
                        if lvl.find(_w("numFmt")) is not None
                        else "decimal"
                    ),
                    text=(
                        lvl.find(_w("lvlText")).get(_VAL, "")
                        if lvl.find(_w("lvlText")) is not None
                        else ""
                    ),
                    legal=lvl.find(_w("isLgl")) is not None,
                )
                definition.levels[_ilvl(lvl)] = level
            self._lists[abstract.get(_w("abstractNumId"), "")] = definition
        for num in root.iterchildren(_w("num")):
            abstract_id = num.find(_w("abstractNumId"))
            if abstract_id is None:
                continue
            overrides: dict[int, int] = {}
            for override in num.iterchildren(_w("lvlOverride")):
                start = override.find(_w("startOverride"))
                if start is not None:
                    overrides[_ilvl(override)] = _int_attr(override, "startOverride", 1)
            num_id = num.get(_w("numId"), "")
            self._nums[num_id] = (abstract_id.get(_VAL, ""), overrides)
            if overrides:
                self._pending_overrides[num_id] = overrides

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the list ``num_id`` at level ``ilvl`` and return the label Word shows."""
        entry = self._nums.get(num_id)
        if entry is None:
            return ""
        definition = self._lists.get(entry[0])
        if definition is None:
            return ""
        level = definition.levels.get(ilvl)
        if level is None:
            return ""
        if level.fmt == "bullet":
            glyph = level.text.strip()
            return glyph if glyph in _PLAIN_BULLETS else "•"
        overrides = self._pending_overrides.pop(num_id, None)
        if overrides:  # a list instance that restarts numbering where it is first used
            for lvl_no, start in overrides.items():
                definition.counters[lvl_no] = start - 1
        counters = definition.counters
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        return self._render(definition, level)

    @staticmethod
    def _render(definition: _List, level: _Level) -> str:
        out = level.text
        for k in range(9, -1, -1):
            token = f"%{k + 1}"
            if token not in out:
                continue
            lvl = definition.levels.get(k, _Level())
            value = definition.counters.get(k, lvl.start)
            fmt = "decimal" if level.legal else lvl.fmt
            out = out.replace(token, _format(value, fmt))
        return out.strip()
