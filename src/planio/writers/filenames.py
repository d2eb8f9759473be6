"""File names built from text that came from a document (executor names): safe and readable.

Cyrillic and spaces stay; path separators, characters Windows forbids, control characters
and leading dots go; names are kept short; and two names that clean up the same never share
a file (the second gets " (2)").
"""

from __future__ import annotations

import re
import unicodedata

_FORBIDDEN = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')
_SPACES = re.compile(r"\s+")
_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)$", re.IGNORECASE)
MAX_STEM = 80


def safe_stem(text: str, fallback: str = "без названия") -> str:
    """One file-name stem from arbitrary text."""
    stem = unicodedata.normalize("NFC", text)
    stem = _FORBIDDEN.sub(" ", stem)
    stem = _SPACES.sub(" ", stem).strip().lstrip(".").strip()
    stem = stem[:MAX_STEM].rstrip(" .")
    if not stem or _RESERVED.match(stem):
        stem = fallback if not stem else f"{stem}_"
    return stem


def unique_names(stems: list[str], suffix: str) -> list[str]:
    """File names for ``stems`` with ``suffix``, made unique case-insensitively."""
    taken: set[str] = set()
    #: the next counter to try per stem, so a thousand equal stems stay linear
    counters: dict[str, int] = {}
    names: list[str] = []
    for stem in stems:
        name = f"{stem}{suffix}"
        folded = stem.casefold()
        counter = counters.get(folded, 2)
        while name.casefold() in taken:
            name = f"{stem} ({counter}){suffix}"
            counter += 1
        counters[folded] = counter
        taken.add(name.casefold())
        names.append(name)
    return names
