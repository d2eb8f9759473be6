"""The plan period from a plan's title (``docs/model.md``, resolution rule 1).

:func:`detect_period` looks for the period phrase a title names and returns it as a
:class:`~planio.model.Period` whose ``label`` is that phrase as written, without the preposition:

    "План работы … на 2021 – 2022 учебный год"  → 2021-09-01 … 2022-08-31, "2021 – 2022 учебный год"
    "План мероприятий на 2022 год"             → 2022-01-01 … 2022-12-31, "2022 год"
    "План работы на январь 2023 г."            → 2023-01-01 … 2023-01-31, "январь 2023 г."
    "План … в 2020 - 2024 годах"               → 2020-01-01 … 2024-12-31, "2020 - 2024 годах"

Recognised phrases, most specific first: a half-year, quarter or school quarter with its year
("I полугодие 2023 года", "2 квартал 2023 г.", "I четверть 2022-2023 учебного года"); a day
("6 марта 2021 года", "06.03.2021"); a range of months or one month with its year
("сентябрь – декабрь 2022 г.", "январь 2023 г."); a pair of years ("2021/2022", "2021-2022 уч.
год", "2020–2024 годы"); one year ("2022 год"). Phrases after "на", "в" or "во" are preferred
to the same phrases elsewhere in the title ("… на 2022 год, утверждённый 6 марта 2021 года").

A pair of years means what :func:`~planio.dates.vocabulary.year_pair_bounds` says, the same as
in a deadline cell: "на 2021-2022 год" is one academic year, "2020–2024 годы" calendar years.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from planio.dates.vocabulary import (
    ACADEMIC_WORD_PATTERN,
    MONTH_PATTERN,
    ORDINAL_GAP,
    ORDINAL_PATTERN,
    YEAR_SUFFIX_PATTERN,
    Interval,
    academic_year_bounds,
    fold,
    half_year_bounds,
    month_bounds,
    month_number,
    ordinal_value,
    quarter_bounds,
    safe_date,
    school_quarter_bounds,
    year_pair_bounds,
    year_pair_pattern,
)
from planio.model import Period

__all__ = ["detect_period"]

# A year standing alone: not the first of a pair such as "2022-2023".
_YEAR = r"(?P<year>\d{4})(?!\d)(?!\s*[-/]\s*\d)(?:\s*" + YEAR_SUFFIX_PATTERN + r")?"
_ACADEMIC_WORD = ACADEMIC_WORD_PATTERN
# "2022-2023 учебного года", "2022/23 уч. г." — a school quarter's or half-year's year.
_ACADEMIC_YEAR = (
    r"(?P<ay1>\d{4})\s*[-/]\s*(?P<ay2>\d{4}|\d{2})(?!\d)\s*"
    + _ACADEMIC_WORD
    + r"(?:\s*(?:год[а-я]*|гг?(?![а-я])\.?))?"
)


def _full_year(first: int, written: str) -> int:
    """The second year of a pair as a full year: ("2021", "22") → 2022."""
    return int(written) if len(written) == 4 else first // 100 * 100 + int(written)


def _academic(match: re.Match[str]) -> Interval | None:
    first = int(match.group("ay1"))
    if _full_year(first, match.group("ay2")) != first + 1:
        return None
    return academic_year_bounds(first)


def _ordinal(match: re.Match[str], limit: int) -> int | None:
    value = ordinal_value(match.group("n"))
    return value if value is not None and 1 <= value <= limit else None


def _half(match: re.Match[str]) -> Interval | None:
    """ "I полугодие 2023 года" (calendar), "II полугодие 2022-2023 учебного года" (rule 4)."""
    half = _ordinal(match, 2)
    if half is None:
        return None
    if match.group("year"):
        return half_year_bounds(int(match.group("year")), half)
    academic = _academic(match)
    if academic is None:
        return None
    start, end = academic
    return (start, date(start.year, 12, 31)) if half == 1 else (date(end.year, 1, 1), end)


def _quarter(match: re.Match[str]) -> Interval | None:
    quarter = _ordinal(match, 4)
    return quarter_bounds(int(match.group("year")), quarter) if quarter else None


def _school_quarter(match: re.Match[str]) -> Interval | None:
    quarter = _ordinal(match, 4)
    academic = _academic(match)
    return school_quarter_bounds(academic[0].year, quarter) if quarter and academic else None


def _day(match: re.Match[str]) -> Interval | None:
    month = month_number(match.group("month") or "") or int(match.group("dm") or 0)
    day = safe_date(int(match.group("year")), month, int(match.group("day"))) if month else None
    return (day, day) if day else None


def _months(match: re.Match[str]) -> Interval | None:
    """ "январь 2023 г."; "сентябрь – декабрь 2022 г." (a year before when it runs backwards)."""
    year = int(match.group("year"))
    last = month_number(match.group("last")) or 0
    first = month_number(match.group("first") or match.group("last")) or 0
    if not first or not last:
        return None
    return month_bounds(year - (first > last), first)[0], month_bounds(year, last)[1]


def _year_pair(match: re.Match[str]) -> Interval | None:
    return year_pair_bounds(match)


def _year(match: re.Match[str]) -> Interval | None:
    year = int(match.group("year"))
    return date(year, 1, 1), date(year, 12, 31)


_ORDINAL = r"(?P<n>" + ORDINAL_PATTERN + ")" + ORDINAL_GAP
# A year that is not part of a pair ("2022-2023") or of a dotted date.
_LONE_YEAR = r"(?<![\d./-])(?<![-/]\s)(?P<year>\d{4})(?!\d)(?!\s*[-/]\s*\d)"
_Builder = Callable[[re.Match[str]], Interval | None]
#: (pattern, builder, needs a preposition): most specific first.
_PHRASES: tuple[tuple[str, _Builder, bool], ...] = (
    (
        _ORDINAL + r"полугоди[а-я]*\s+(?:" + _YEAR + "|" + _ACADEMIC_YEAR + ")",
        _half,
        False,
    ),
    (_ORDINAL + r"(?:квартал[а-я]*|кв(?![а-я])\.?)\s+" + _YEAR, _quarter, False),
    (_ORDINAL + r"четверт[а-я]*\s+" + _ACADEMIC_YEAR, _school_quarter, False),
    (
        r"(?<![\d.])(?P<day>\d{1,2})(?:\s*(?P<month>"
        + MONTH_PATTERN
        + r")\s*|\.(?P<dm>\d{1,2})\.)"
        + _YEAR,
        _day,
        False,
    ),
    (
        r"(?:(?P<first>" + MONTH_PATTERN + r")\s*-\s*)?(?P<last>" + MONTH_PATTERN + r")"
        r"(?:\s+месяц[а-я]*)?\s+" + _YEAR,
        _months,
        False,
    ),
    (year_pair_pattern(), _year_pair, False),
    # A lone year needs "год"/"г." after it, or "на"/"в" before it: "на 2022", "2022 год".
    (_LONE_YEAR + r"\s*" + YEAR_SUFFIX_PATTERN, _year, False),
    (_LONE_YEAR + r"(?!\.)", _year, True),
)
_PREPOSITION = r"(?<![^\s(«\"])(?:на|в|во)\s+(?:период\s+)?"
_SEARCHES: tuple[tuple[re.Pattern[str], re.Pattern[str] | None, _Builder], ...] = tuple(
    (
        re.compile(_PREPOSITION + r"(?P<label>" + pattern + ")"),
        None if needs_preposition else re.compile(r"(?P<label>" + pattern + ")"),
        builder,
    )
    for pattern, builder, needs_preposition in _PHRASES
)


def _label(title: str, match: re.Match[str]) -> str:
    """The phrase as the title writes it, with its whitespace runs collapsed to one space."""
    return " ".join(title[match.start("label") : match.end("label")].split())


def detect_period(title: str) -> Period | None:
    """The plan period a title names ("на 2021 – 2022 учебный год"), or None (rule 1)."""
    folded = fold(title)  # same length as the title, so a match is also a slice of it
    for use_preposition in (True, False):
        for with_preposition, bare, builder in _SEARCHES:
            pattern = with_preposition if use_preposition else bare
            if pattern is None:
                continue
            for match in pattern.finditer(folded):
                try:
                    interval = builder(match)
                except (ValueError, OverflowError):  # year 0000, 9999 + 1: not a period
                    continue
                if interval is not None and interval[0] <= interval[1]:
                    return Period(interval[0], interval[1], label=_label(title, match))
    return None
