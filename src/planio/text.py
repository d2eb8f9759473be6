"""Whitespace and comparison keys for text from documents, the same everywhere."""

from __future__ import annotations

import re

_SPACES = re.compile(r"\s+")
_SPACES_IN_LINE = re.compile(r"[^\S\n]+")


def collapse(text: str) -> str:
    """One line: every run of whitespace (line breaks too) becomes one space; trimmed."""
    return _SPACES.sub(" ", text).strip()


def clean_lines(text: str) -> str:
    """Text as the model keeps it: lines kept, spaces inside each collapsed, empty lines gone."""
    lines = (_SPACES_IN_LINE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def fold_key(text: str) -> str:
    """A comparison key: case, spacing and ё/е do not matter."""
    return collapse(text).casefold().replace("ё", "е")
