"""Which column holds what, from what the cells hold: the header's words are one signal of several.

Offices head the same columns in ways no list of words covers («Рассматриваемые вопросы»,
«Что делаем | Кто | Когда»), or put the words over the wrong column for a reader that trusts
only them. So each column of the rows below the header is also measured:

* "when" (deadline): the share of cells that name dates, months, periods or times of day;
* "who" (executors): the share of cells naming people with initials, positions or bodies;
* "what" (title): the longest varied text (its cells differ from row to row);
* a "№" column: small numbers, "1", "1.1.", mostly different.

Everything else (places, counts, notes) goes to ``Item.extra`` under its header. The user may
also say it outright (``planio.read(path, columns={"title": 2, "deadline": 3})``): column
numbers are counted from 1, as a person counts the columns of the document's table.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

from planio.dates.deadlines import names_a_date
from planio.dates.vocabulary import normalize
from planio.errors import ColumnsError
from planio.executors import WHO_WORDS as _WHO_WORDS

#: the roles a column can have, as the user names them
ROLES = ("number", "title", "executors", "deadline")

_NUMBER_CELL = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?$")
_INITIALS = r"[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.)?"
_PERSON = re.compile(rf"{_INITIALS}\s?[А-ЯЁ][а-яё]+|[А-ЯЁ][а-яё]+\s{_INITIALS}")
_PIECES = re.compile(r"[,;\n]")
#: a cell longer than this is an event's text, whatever words it starts with
_MAX_WHO_LENGTH = 120
_DAYS_CELL = re.compile(r"^\d{1,2}(?:\s*[-,]\s*\d{1,2})*$")

#: shares below which a column says nothing about a role
_MIN_WHEN = 0.4
_MIN_WHO = 0.4
_MIN_NUMBER = 0.6


@dataclass(frozen=True, slots=True)
class ColumnStats:
    """What one column's cells hold, as shares of its non-empty cells."""

    filled: int
    when: float
    who: float
    number: float
    length: float
    varied: float


# Cached (here and in _is_who): pure tests of the text alone, and a plan's dates and executors
# repeat from row to row and from page to page.
@functools.lru_cache(maxsize=4096)
def _is_when(text: str) -> bool:
    if _DAYS_CELL.match(text):
        return True
    return names_a_date(text)


@functools.lru_cache(maxsize=4096)
def _is_who(text: str) -> bool:
    if _PERSON.search(text):
        return True
    if len(text) > _MAX_WHO_LENGTH:
        return False
    return any(_WHO_WORDS.match(normalize(piece)) for piece in _PIECES.split(text))


#: the rows measured, at most (spread over the table): enough to tell, cheap on long plans
MAX_ROWS = 40


def measure(cells: Sequence[str]) -> ColumnStats:
    """The shares of one column's cells that say "when", "who", "№", and its text's length."""
    texts = [" ".join(c.split()) for c in cells if c.strip()]
    if len(texts) > MAX_ROWS:
        step = len(texts) / MAX_ROWS
        texts = [texts[int(k * step)] for k in range(MAX_ROWS)]
    if not texts:
        return ColumnStats(0, 0.0, 0.0, 0.0, 0.0, 0.0)
    count = len(texts)
    return ColumnStats(
        filled=count,
        when=sum(map(_is_when, texts)) / count,
        who=sum(map(_is_who, texts)) / count,
        number=sum(1 for t in texts if _NUMBER_CELL.match(t)) / count,
        length=sum(len(t) for t in texts) / count,
        varied=len(set(texts)) / count,
    )


def _when_share(stats: ColumnStats) -> float:
    return stats.when


def _who_share(stats: ColumnStats) -> float:
    return stats.who


def guess_roles(
    columns: Sequence[Sequence[str]],
    words: Mapping[str, int],
    extra: Collection[int] = (),
) -> dict[str, int]:
    """Roles from the columns' cells, the header words' roles (``words``) kept where they fit.

    ``extra`` are the columns whose header names a column of its own («Участники», «Место
    проведения»): their cells do not make them the events or the executors.

    Executors and deadlines the words name stay where they are; roles the words do not name are
    found by content. The events' column the words name gives way where its cells are repeated
    short labels while another column holds longer varied text ("Направление" over a column of
    directions next to «Что делаем»).
    """
    stats = [measure(column) for column in columns]
    roles: dict[str, int] = {}
    taken: set[int] = set()

    def free(index: int) -> bool:
        return index not in taken and stats[index].filled > 0

    def take(role: str, index: int) -> None:
        roles[role] = index
        taken.add(index)

    number = words.get("number")
    if number is None:
        candidates = [i for i in range(min(2, len(stats))) if stats[i].number >= _MIN_NUMBER]
        number = candidates[0] if candidates else None
    if number is not None:
        take("number", number)
    shares: tuple[tuple[str, Callable[[ColumnStats], float], float], ...] = (
        ("deadline", _when_share, _MIN_WHEN),
        ("executors", _who_share, _MIN_WHO),
    )
    by_words_columns = set(words.values())
    for role, share, least in shares:
        by_words = words.get(role)
        others = [
            i
            for i in range(len(stats))
            if free(i)
            and i not in by_words_columns
            and share(stats[i]) >= least
            and (role != "executors" or i not in extra)
        ]
        best = max(others, key=lambda i: share(stats[i]), default=None)
        if by_words is not None and by_words not in taken:
            take(role, by_words)  # who and when are named plainly where they are named at all
        elif best is not None:
            take(role, best)
    title = words.get("title")
    longest = max(
        (i for i in range(len(stats)) if free(i) and i not in extra),
        key=lambda i: stats[i].length * min(1.0, stats[i].varied * 1.5),
        default=None,
    )
    if title is not None and title not in taken:
        own = stats[title]
        if longest is not None and longest != title:
            other = stats[longest]
            repeated = own.varied < 0.6 or own.filled < other.filled / 2
            if repeated and other.length > own.length * 1.5 and other.varied >= 0.6:
                title = longest
        take("title", title)
    elif longest is not None and stats[longest].length >= 8:
        take("title", longest)
    return roles


def check_columns(columns: Mapping[str, int] | None, width: int | None = None) -> dict[str, int]:
    """The user's mapping, checked: known roles, column numbers from 1, no column twice.

    Returns the mapping with 0-based indices. ``width`` is the table's column count, when known.
    """
    if not columns:
        return {}
    out: dict[str, int] = {}
    for role, number in columns.items():
        if role not in ROLES:
            raise ColumnsError(f"unknown column role {role!r} (known: {', '.join(ROLES)})")
        if isinstance(number, bool) or not isinstance(number, int) or number < 1:
            raise ColumnsError(f"column of {role!r} must be a number from 1, not {number!r}")
        if width is not None and number > width:
            raise ColumnsError(
                f"column {number} of {role!r} is outside the table ({width} columns)"
            )
        out[role] = number - 1
    if len(set(out.values())) < len(out):
        raise ColumnsError("two roles are given the same column")
    return out


def parse_columns(value: str) -> dict[str, int]:
    """The CLI's ``--columns title=2,executors=4,deadline=3`` as a mapping (checked)."""
    mapping: dict[str, int] = {}
    for part in value.split(","):
        if not part.strip():
            continue
        role, sep, number = part.partition("=")
        if not sep or not number.strip().isdigit():
            raise ColumnsError(f"--columns: expected role=number, got {part.strip()!r}")
        mapping[role.strip()] = int(number)
    check_columns(mapping)
    return mapping
