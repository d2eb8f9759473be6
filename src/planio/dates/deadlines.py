"""Deadline cells ("Срок исполнения") → :class:`~planio.model.Deadline`.

Pure and table-driven: :func:`parse_deadline` folds the text once and runs a short pipeline of
recognisers, the first that understands the text wins (``docs/model.md``, "Deadlines"):

1. recurring   "ежемесячно", "1 раз в квартал", "2 раза в год", "по понедельникам" …
               (checked first: "по мере необходимости, но не реже 1 раза в квартал" recurs);
2. continuous  "в течение учебного года", "постоянно", "ежедневно", "в течение 2022 года" …;
3. due         "до 01.05.2022", "не позднее 15 мая", "к сентябрю", "в срок до …";
4. dates       days, months, quarters, half-years, school quarters, years and academic years,
               as ranges ("январь – апрель 2022 года", "с 01.02 по 15.03.2022") and lists
               ("Июнь-сентябрь 2021 года, июнь-сентябрь 2022 года");
5. as needed   "по мере необходимости", "по графику", "по запросу" …;
6. anything else is ``unknown``.

Dates are recognised by a tokenizer (one compiled regex) and a tiny grammar:
``list := item ("," | ";" | "и" item)*``, ``item := ["с"] part [("-" | "по" | "до") part]``,
``part := atom [year]``. Every word between tokens must be a known filler ("в", "года",
"включительно" …), so a cell this module does not fully understand is ``unknown`` rather than
half-read. A part without a year of its own is resolved against a *context*: the year written
at the end of its range or list, else the plan period (rule 2). Without a plan period such
phrases keep their kind and null dates (rule 11) and the reader adds a warning.

Around that pipeline: times of day are taken out first and kept in ``start_time``/``end_time``
(rule 10); a section row's :class:`DeadlineContext` dates day numbers, weeks, times and empty
cells under it (rule 12); a cell the pipeline does not understand is tried as a date followed by
a remainder («31.01.2016 г., малый зал», rule 13), then line by line (rule 14).

Choices beyond the spec, so that the behaviour is predictable:

* "до X" / "к X" with X longer than a day ("до мая", "к 2023 году") end on X's first day, as
  "до 01.05" does; "не позднее X", "не позже X", "по X", "до конца X", "к концу X" on its last.
* "с X" without an end runs from X to the end of the plan period.
* A year written at the end of a range applies to every part; where that would put the first
  part after the last ("ноябрь – январь 2022 г."), the first part takes the year before.
* A recurring phrase's bounds are dates longer than one cycle ("ежемесячно с января по май",
  "еженедельно в сентябре"); a date no longer than one cycle says *when* in each cycle the
  event happens ("ежегодно в сентябре", "2 раза в год: октябрь, апрель") and the phrase spans
  the plan period.
* "в течение" followed by a date is continuous over that date ("в течение I полугодия"); followed
  by a bare length of time ("в течение месяца", "в течение 10 дней") it is a duration after some
  event, which the cell does not date: ``unknown``.
* "N раз в год": 1 is yearly, 2 half-yearly, 3–4 quarterly, 5–12 monthly, more weekly; with
  any other unit ("2 раза в месяц") the unit is the recurrence.
* Pairs of years mean what they mean in a title (:func:`~planio.dates.vocabulary.year_pair_bounds`):
  "2021/2022", "2021-2022 учебный год", "2021-2022" and "2021-2022 год" are one academic year;
  "2021-2022 гг.", "2020–2024 годы" and "2021-2023" calendar years.
* "N-я неделя <месяца>" is the month's days 7N-6 … 7N (the fifth week ends with the month).
* A due day no further from the plan's start than one cycle says by when in each cycle
  ("ежегодно до 1 сентября"): the phrase spans the plan period, as "ежегодно в сентябре" does.
* "по итогам X" is after X: with a date of its own the date wins ("май (по итогам года)"),
  alone it recurs where X names no number ("по итогам четверти") and is unknown where it does.
* A recurring phrase under a month's section row still spans the plan period: plans list
  "ежемесячно" under the month or half-year it starts in (rule 12).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, time
from typing import Literal

from planio.dates.vocabulary import (
    MONTH_PATTERN,
    MONTHS_GENITIVE,
    NAMED_DAY_PATTERN,
    ORDINAL_GAP,
    ORDINAL_PATTERN,
    ORDINAL_WORD_PATTERN,
    ROMAN_PATTERN,
    SEASON_PATTERN,
    SEASONAL_SPANS,
    TIME_RE,
    YEAR_SUFFIX_PATTERN,
    Interval,
    add_years,
    clock_value,
    expand_year,
    half_year_bounds,
    is_academic_year,
    last_day_of_month,
    month_bounds,
    month_number,
    named_day,
    normalize,
    ordinal_value,
    overlap_days,
    quarter_bounds,
    roman_to_int,
    safe_date,
    school_quarter_bounds,
    season_key,
    year_bounds,
    year_pair_bounds,
    year_pair_pattern,
)
from planio.model import Deadline, DeadlineKind, DeadlinePeriod, Period, Recurrence

__all__ = ["DeadlineContext", "is_date_heading", "names_a_date", "parse_deadline"]


class _Invalid(Exception):
    """The text names no real interval (31.04, an inverted range): the deadline is unknown."""


class _NeedsPeriod(Exception):
    """The text needs the plan period to be dated and none was given (rule 11)."""


# --------------------------------------------------------------------------------------------
# Preparing the text

_SPACES_RE = re.compile(r"\s+")
_EDGE_PUNCTUATION = " .,;:"
#: "(10 дней)", "(3 дня)", "(14 календарных дней)" after a range: its length, already written.
_DAY_COUNT_RE = re.compile(
    r"\(\s*\d{1,3}\s*(?:календарн[а-я]*\s+|рабоч[а-я]*\s+)?(?:дн[а-я]*|день)\s*\)"
)
#: "1.-3 марта": a dotted first day of a range sharing the month written after the last.
_DOTTED_FIRST_DAY_RE = re.compile(r"(?<![\d.])(\d{1,2})\.\s*-\s*(?=\d)")
#: Abbreviations plans write, spelled out: "в теч. мес." → "в течение месяца"; and the space
#: a hurried typist leaves out: "втечение года". Each with the letters it needs (a quick test).
_ABBREVIATIONS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("теч", re.compile(r"(?<![а-я])теч(?:\.|(?![а-я]))"), "течение "),
    ("мес", re.compile(r"(?<![а-я])мес(?:\.|(?![а-я]))"), "месяца "),
    ("втеч", re.compile(r"(?<![а-я])в(?=течени)"), "в "),
)


@dataclass(frozen=True, slots=True)
class _Prepared:
    """A cell folded for the recognisers, and the times of day taken out of it."""

    text: str
    start_time: time | None = None
    end_time: time | None = None


# Cached: a plan repeats its deadline phrases ("ежемесячно", "до 15.10.2023") row after row, and
# the column guesser reads the same cells again; the result is a frozen value of the text alone.
@functools.lru_cache(maxsize=4096)
def _prepare(text: str) -> _Prepared:
    """Fold the text (case, "ё", dashes, whitespace), take out times of day and edge punctuation.

    The first time of day written is the deadline's start time, the end of a range of times
    its end time (rule 10).
    """
    folded = normalize(text)
    folded = _DAY_COUNT_RE.sub(" ", folded)
    folded = _DOTTED_FIRST_DAY_RE.sub(r"\1-", folded)
    for letters, pattern, spelled in _ABBREVIATIONS:
        if letters in folded:  # no regex run over text without them
            folded = pattern.sub(spelled, folded)
    times: list[re.Match[str]] = []

    def cut(match: re.Match[str]) -> str:
        times.append(match)
        return " "

    folded = TIME_RE.sub(cut, folded) if any(c.isdigit() for c in folded) else folded
    start_time = end_time = None
    if times:
        start_time = clock_value(times[0].group("start"))
        end_time = clock_value(times[0].group("end")) if times[0].group("end") else None
    folded = _SPACES_RE.sub(" ", folded).strip(_EDGE_PUNCTUATION)
    # a dash left at an edge ("ноябрь 2021 г. -", "-ноябрь"), unless the cell is only a dash
    folded = folded.strip(_EDGE_PUNCTUATION + "-") or folded
    return _Prepared(folded, start_time, end_time)


# --------------------------------------------------------------------------------------------
# Marker phrases: recurring, continuous, as needed


def _compile(*alternatives: str) -> re.Pattern[str]:
    """One regex for whole-word alternatives in folded text."""
    return re.compile(r"(?<![а-я])(?:" + "|".join(alternatives) + r")(?![а-я])")


_EVERY = r"кажд(?:ый|ого|ую|ой|ое|ом)\s+"
#: "в конце", "в начале", "по окончании" of a cycle named without its number ("в конце
#: четверти": of each one, rule 15)
_EDGE_OF = (
    r"(?:начал[оеау]|середин[аеуы]|кон[е]?ц[еау]?|(?:по\s+)?окончани[еяюи])\s+(?:кажд[а-я]+\s+)?"
)
_WEEKDAY = (
    r"(?:понедельник[а-я]*|вторник[а-я]*|сред[аыуе]|четверг[а-я]*|пятниц[аыуе]|суббот[аыуе]"
    r"|воскресень[ея])"
)
_NTH = rf"(?:{ORDINAL_PATTERN}|последн[а-я]+)"
#: "первый понедельник месяца", "каждую третью среду", "2-ая и 4-ая среда месяца": one weekday
#: of each month (a few ordinals listed at most: a long list of them is tried from every
#: position of the cell)
_NTH_WEEKDAY = (
    rf"(?:{_EVERY})?{_NTH}(?:\s*(?:,|и)\s*{_NTH}){{0,4}}\s+{_WEEKDAY}"
    r"(?:\s+(?:каждого\s+)?месяца)?"
)
_RECURRENCE_WORDS: tuple[tuple[re.Pattern[str], Recurrence], ...] = (
    (
        _compile(
            r"еженедельн[а-я]*",
            r"понедельно",
            _EVERY + r"недел[а-я]+",
            r"по\s+(?:понедельникам|вторникам|средам|четвергам|пятницам|субботам|воскресеньям)",
            _EVERY + r"(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)",
        ),
        "weekly",
    ),
    (
        _compile(
            r"ежемесячн[а-я]*",
            r"ежемес(?![а-я])\.?",
            r"помесячн[а-я]*",
            _EVERY + r"месяц[а-я]*",
            r"по\s+месяцам",
            r"по\s+итогам\s+(?:каждого\s+)?месяца",
            _EDGE_OF + r"месяца",
            _NTH_WEEKDAY,
        ),
        "monthly",
    ),
    (
        _compile(
            r"ежеквартальн[а-я]*",
            r"ежекварт(?![а-я])\.?",
            r"поквартальн[а-я]*",
            r"ежечетвертн[а-я]*",
            _EVERY + r"(?:квартал[а-я]*|четверт[а-я]*)",
            r"по\s+(?:кварталам|четвертям)",
            r"по\s+итогам\s+(?:каждого\s+|каждой\s+)?(?:квартала|четверти)",
            _EDGE_OF + r"(?:квартала|четверти)",
        ),
        "quarterly",
    ),
    (
        _compile(
            r"ежеполугодн[а-я]*",
            r"ежеполуг(?![а-я])\.?",
            r"раз\s+в\s+пол\s*-?\s*года",
            _EVERY + r"(?:полугоди[а-я]*|семестр[а-я]*)",
            r"по\s+(?:полугодиям|семестрам)",
            r"по\s+итогам\s+(?:каждого\s+)?полугодия",
            r"дважды\s+в\s+(?:учебный\s+|календарный\s+)?год",
            _EDGE_OF + r"полугодия",
        ),
        "half_yearly",
    ),
    (
        _compile(r"трижды\s+в\s+(?:учебный\s+|календарный\s+)?год"),
        "quarterly",
    ),
    (
        _compile(
            r"ежегодн[а-я]*",
            _EVERY + r"(?:учебный\s+)?год",
            r"по\s+итогам\s+(?:учебного\s+)?года",
        ),
        "yearly",
    ),
)

_COUNT_WORDS: dict[str, int] = {
    "один": 1,
    "одного": 1,
    "два": 2,
    "две": 2,
    "двух": 2,
    "три": 3,
    "трех": 3,
    "четыре": 4,
    "четырех": 4,
    "пять": 5,
    "шесть": 6,
}
_COUNT = r"\d{1,3}(?:\s*-\s*\d{1,3})?|" + "|".join(_COUNT_WORDS)
# "1 раз в квартал", "не реже 1-2 раз в неделю", "два раза в год", "раз в полугодие".
_TIMES_PER_RE = _compile(
    rf"(?:(?P<count>{_COUNT})\s*)?раз(?:а)?\s+в\s+"
    r"(?P<unit>неделю|месяца?|квартал|кв(?![а-я])\.?|четверть|четв(?![а-я])\.?|полугодие"
    r"|семестр|(?:учебный\s+|календарный\s+)?год)"
)
# "раз в 2 недели", "раз в три месяца", "раз в 2 года".
_ONCE_EVERY_RE = _compile(
    rf"раз\s+в\s+(?P<count>{_COUNT})\s+(?P<unit>недел[а-я]*|месяц[а-я]*|год[а-я]*|лет)"
)
_UNIT_RECURRENCE: dict[str, Recurrence] = {
    "недел": "weekly",
    "месяц": "monthly",
    "месяца": "monthly",  # "1 раз в мес.", spelled out by _prepare
    "кв": "quarterly",
    "четв": "quarterly",
    "квартал": "quarterly",
    "четверть": "quarterly",
    "полугодие": "half_yearly",
    "семестр": "half_yearly",
}
#: Cycle lengths in days; also the longest a date may be and still say *when* in a cycle.
_CYCLE_DAYS: dict[Recurrence, int] = {
    "weekly": 7,
    "monthly": 31,
    "quarterly": 92,
    "half_yearly": 184,
    "yearly": 366,
}


def _count(text: str | None) -> int:
    """The first number a count writes: "1-2" → 1, "два" → 2, missing → 1."""
    if not text:
        return 1
    first = re.split(r"\s*-\s*", text)[0]
    return int(first) if first.isdigit() else _COUNT_WORDS.get(first, 1)


_LONGEST_FIRST: tuple[Recurrence, ...] = ("yearly", "half_yearly", "quarterly", "monthly")


def _per_year(times: int) -> Recurrence:
    """The cadence of "N раз в год": the longest cycle no longer than a year divided by N."""
    days = 365 / max(times, 1)
    for recurrence in _LONGEST_FIRST:
        if days >= _CYCLE_DAYS[recurrence] - 2:  # 365 / 2 = 182.5 is still half-yearly
            return recurrence
    return "weekly"


def _times_per(match: re.Match[str]) -> Recurrence:
    """Recurrence of "N раз в <unit>": the unit, except for a year where N decides."""
    unit = match.group("unit")
    if unit.endswith("год"):
        return _per_year(_count(match.group("count")))
    return _UNIT_RECURRENCE["недел" if unit == "неделю" else unit.rstrip(".")]


def _once_every(match: re.Match[str]) -> Recurrence:
    """Recurrence of "раз в N <units>": the longest cycle no longer than N units."""
    unit_days = {"н": 7, "м": 30, "г": 365, "л": 365}[match.group("unit")[0]]
    return _per_year(max(1, round(365 / (unit_days * _count(match.group("count"))))))


def _find_recurrence(text: str) -> tuple[Recurrence, re.Match[str]] | None:
    """The earliest recurrence phrase in the text and what it means, if any."""
    found: list[tuple[int, Recurrence, re.Match[str]]] = []
    for pattern, recurrence in _RECURRENCE_WORDS:
        if match := pattern.search(text):
            found.append((match.start(), recurrence, match))
    counted: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], Recurrence]], ...] = (
        (_TIMES_PER_RE, _times_per),
        (_ONCE_EVERY_RE, _once_every),
    )
    for pattern, meaning in counted:
        if match := pattern.search(text):
            found.append((match.start(), meaning(match), match))
    if not found:
        return None
    _, recurrence, match = min(found, key=lambda entry: entry[0])
    return recurrence, match


# "не реже", "не менее", "но не чаще" and "N числа (каждого месяца)" only qualify a recurrence.
_RECURRENCE_NOISE_RE = _compile(
    r"(?:но\s+)?не\s+(?:реже|чаще|менее|более)",
    r"(?:до|к|не\s+позднее|не\s+позже)?\s*\d{1,2}(?:-?го)?\s+числа(?:\s+месяца)?",
    r"месяца,?\s+следующего\s+за\s+отчетным",
)

# Phrases that span the whole plan period; whatever else the cell says may bound them.
_CONTINUOUS_RE = _compile(
    r"в\s+течени[еи]\s+(?:всего\s+)?(?:текущего\s+)?(?:учебного\s+|календарного\s+|отчетного\s+)?"
    r"(?:года|периода|срока(?:\s+действия(?:\s+плана)?)?)",
    r"в\s+течени[еи]\s+(?:всего\s+)?уч\.\s*г(?:ода|\.)?",
    r"на\s+протяжении\s+(?:всего\s+)?(?:учебного\s+)?(?:года|периода)",
    r"(?:весь|круглый)\s+(?:учебный\s+)?(?:год|период)",
    # "учебный год", "в текущем учебном году" (not "в 2021-2022 учебном году": a period)
    r"(?<!\d)(?<!\d\s)(?:в\s+)?(?:текущ(?:ий|ем)\s+)?учебн(?:ый|ом)\s+год(?:у)?",
    r"постоянн[а-я]*",
    r"систематически",
    r"регулярно",
    r"ежедневн[а-я]*",
    r"каждый\s+день",
    r"круглогодичн[а-я]*",
)
# "в течение X": continuous over X, but only when X is a date ("в течение I полугодия").
_DURING_RE = _compile(r"в\s+течени[еи]", r"на\s+протяжении")

_AS_NEEDED_RE = _compile(
    r"по\s+мере\s+(?:необходимости|поступления|готовности|потребности)",
    r"по\s+(?:необходимости|потребности)",
    r"при\s+(?:необходимости|потребности)",
    r"по\s+(?:отдельному\s+|утвержденному\s+|согласованному\s+)?(?:графику|плану)",
    r"по\s+отдельному\s+[а-я]+",
    r"по\s+(?:запросу|запросам)",
    r"по\s+согласовани[юи]",
    r"по\s+приглашени[юи]",
    r"по\s+(?:заявке|заявкам)",
    r"по\s+требованию",
    r"по\s+мере",
    r"доп(?:олнительн[а-я]*|\.)?\s*график[а-я]*",
    r"по\s+расписани[юи]",
    # dates another document sets: "согласно графику", "в соответствии с планом", "в
    # установленные сроки", "по срокам МО"
    # with one word before the document: "согласно годовому плану", "утвержденным графиком"
    r"согласно\s+(?:[а-я]+(?:ому|ым|ой|ым|ыми|им|ему)\s+)?"
    r"(?:плану|планам|графику|графикам|расписанию|срокам|положению|регламенту)",
    r"в\s+соответствии\s+с\s+(?:[а-я]+(?:ому|ым|ой|ым|ыми|им|ему)\s+)?"
    r"(?:планом|планами|графиком|графиками|расписанием|положением|регламентом|приказом|сроками)",
    r"при\s+наличии",
    r"в\s+(?:установленные|определенные|указанные)\s+сроки",
    r"в\s+сроки,?\s+(?:установленн|определенн|указанн)[а-я]*",
    r"по\s+срокам",
    r"по\s+положению",
)


#: "по итогам года", "по итогам I полугодия", "(по итогам полугодий)": the reason for a date
#: ("май (по итогам года)" is May); without a date of its own, a recurrence or unknown
_RESULTS_RE = _compile(r"по\s+итогам(?:\s+[а-яa-z0-9.-]+){1,3}?(?=\s*(?:$|[),;]))")


def _without(text: str, match: re.Match[str]) -> str:
    """The text with one match cut out."""
    return f"{text[: match.start()]} {text[match.end() :]}"


def _strip_all(text: str, *patterns: re.Pattern[str]) -> str:
    """The text with every match of the patterns replaced by a space."""
    for pattern in patterns:
        text = pattern.sub(" ", text)
    return _SPACES_RE.sub(" ", text).strip(_EDGE_PUNCTUATION)


# --------------------------------------------------------------------------------------------
# Contexts: what a part without a year of its own is resolved against


@dataclass(frozen=True, slots=True)
class _Span:
    """A span of days a year-less date is placed in: a written year or the plan period."""

    start: date
    end: date

    @property
    def interval(self) -> Interval:
        return self.start, self.end

    @property
    def academic(self) -> bool:
        return is_academic_year(self.start, self.end)

    @property
    def years(self) -> range:
        return range(self.start.year, self.end.year + 1)

    def shifted(self, years: int) -> _Span:
        return _Span(add_years(self.start, years), add_years(self.end, years))


def _calendar_year(year: int) -> _Span:
    if not 1 <= year <= 9998:  # "0000"; and 9999 leaves no room for a following part
        raise _Invalid
    return _Span(*year_bounds(year))


# --------------------------------------------------------------------------------------------
# Atoms: one named day or interval, perhaps still without a year

_Unit = Literal[
    "day",
    "week",
    "decade",
    "half_month",
    "month",
    "quarter",
    "half",
    "school_quarter",
    "span",
    "number",
    "school_year",
    "calendar_year",
    "plan_year",
    "seasonal",
]
#: the last week of a month ("последняя неделя августа"), as a week number
_LAST_WEEK = 9
_UNIT_LIMITS: dict[_Unit, int] = {
    "day": 31,
    "week": 12,
    "decade": 12,
    "half_month": 12,
    "month": 12,
    "quarter": 4,
    "half": 2,
    "school_quarter": 4,
    "number": 31,
}


@dataclass(frozen=True, slots=True)
class _Atom:
    """A day, month, quarter, half-year, school quarter or written span of years.

    ``number`` is the month (for days and months), the quarter or half, or the bare number of
    an orphan ("1" in "1-15 марта", "I" in "I-II квартал") that takes its unit from the next
    atom. ``year`` is the year written with the atom, if any; for a ``span`` it is the span.
    """

    unit: _Unit
    number: int = 0
    day: int = 0
    year: _Span | None = None
    ordinal_only: bool = False  # an orphan written as "II" or "второй": not a day
    edge: int = 0  # "начало" 1, "середина" 2, "конец" 3 of a longer period (rule 15)

    def with_year(self, year: _Span) -> _Atom:
        if self.year is not None or self.unit in ("span", "number"):
            raise _Invalid  # "01.02.2022 2023", "2022 2023", "1 2022"
        return replace(self, year=year)


def _first_best(candidates: Sequence[Interval], within: Interval) -> Interval:
    """The candidate that overlaps ``within`` most; ties go to the earliest (rule 3)."""
    return max(
        candidates, key=lambda interval: (overlap_days(interval, within), -interval[0].toordinal())
    )


def _month_year(month: int, ctx: _Span) -> int:
    """Rule 2: the year in which the month falls inside the context, else the context's first."""
    for year in ctx.years:
        if overlap_days(month_bounds(year, month), ctx.interval):
            return year
    return ctx.start.year


def _school_year(first_year: int, ctx: _Span) -> Interval:
    """The school year from September 1 to May 31, or June 30 where the plan ends in June."""
    end = date(first_year + 1, 5, 31)
    if ctx.end.year == first_year + 1 and ctx.end.month == 6:
        end = ctx.end
    return date(first_year, 9, 1), end


def _edge_month(interval: Interval, edge: int) -> Interval:
    """The first (1), middle (2) or last (3) month of an interval (rule 15)."""
    start, end = interval
    day = {1: start, 2: start + (end - start) / 2, 3: end}[edge]
    return month_bounds(day.year, day.month)


def _resolve_edge(atom: _Atom, ctx: _Span) -> Interval:
    """ "начало", "середина", "конец" of a year, a half-year or a quarter (rule 15)."""
    if atom.unit == "school_year":
        years = range(ctx.start.year - 1, ctx.end.year + 1)
        candidates = [_school_year(year, ctx) for year in years]
    elif atom.unit == "calendar_year":
        candidates = [year_bounds(year) for year in ctx.years]
    elif atom.unit == "plan_year":  # "конец года": a calendar year's, not an academic year's
        if ctx.academic or len(ctx.years) != 1:
            raise _Invalid
        candidates = [year_bounds(ctx.start.year)]
    else:
        start, end = _resolve(replace(atom, edge=0), ctx)
        if atom.unit == "half" and atom.number == 2 and (atom.year or ctx).academic:
            end = _school_year(start.year - 1, atom.year or ctx)[1]  # its school part
        candidates = [(start, end)]
    months = [_edge_month(interval, atom.edge) for interval in candidates]
    return _first_best(months, ctx.interval)


def _resolve(atom: _Atom, ctx: _Span) -> Interval:
    """The interval an atom names when its year comes from ``ctx`` (rules 2, 3, 4, 6)."""
    if atom.edge:
        return _resolve_edge(atom, ctx)
    ctx = atom.year or ctx
    if atom.unit == "span":
        return ctx.interval
    if atom.unit == "day":
        days = [safe_date(year, atom.number, atom.day) for year in ctx.years]
        inside = [day for day in days if day is not None and ctx.start <= day <= ctx.end]
        day = (
            inside[0] if inside else safe_date(_month_year(atom.number, ctx), atom.number, atom.day)
        )
        if day is None:
            raise _Invalid
        return day, day
    if atom.unit == "month":
        return month_bounds(_month_year(atom.number, ctx), atom.number)
    if atom.unit == "decade":  # days 1–10, 11–20, 21 to the end ("начало", "середина", "конец")
        year = _month_year(atom.number, ctx)
        last = last_day_of_month(year, atom.number)
        first = 10 * (atom.day - 1) + 1
        return date(year, atom.number, first), date(
            year, atom.number, 10 * atom.day if atom.day < 3 else last
        )
    if atom.unit == "seasonal":  # rule 15: from its first month's year by rule 2
        first_month, first_day, last_month, last_day = SEASONAL_SPANS[_SEASONS[atom.number]]
        year = _month_year(first_month, ctx)
        end_year = year if last_month >= first_month else year + 1
        end_day = last_day or last_day_of_month(end_year, last_month)
        return date(year, first_month, first_day), date(end_year, last_month, end_day)
    if atom.unit == "half_month":  # days 1–15, 16 to the end (rule 7)
        year = _month_year(atom.number, ctx)
        last = last_day_of_month(year, atom.number)
        return (
            (date(year, atom.number, 1), date(year, atom.number, 15))
            if atom.day == 1
            else (date(year, atom.number, 16), date(year, atom.number, last))
        )
    if atom.unit == "week" and atom.day == _LAST_WEEK:  # the month's last seven days
        year = _month_year(atom.number, ctx)
        last = last_day_of_month(year, atom.number)
        return date(year, atom.number, last - 6), date(year, atom.number, last)
    if atom.unit == "week":  # week N of a month: its days 7N-6 … 7N (the last week may be short)
        year = _month_year(atom.number, ctx)
        last = last_day_of_month(year, atom.number)
        first = 7 * (atom.day - 1) + 1
        if first > last:
            raise _Invalid
        return date(year, atom.number, first), date(year, atom.number, min(7 * atom.day, last))
    if atom.unit == "quarter":
        return _first_best([quarter_bounds(y, atom.number) for y in ctx.years], ctx.interval)
    if atom.unit == "half":
        if ctx.academic:  # rule 4: September … December, then January … the period's end
            first_half = (ctx.start, date(ctx.start.year, 12, 31))
            return first_half if atom.number == 1 else (date(ctx.end.year, 1, 1), ctx.end)
        return _first_best([half_year_bounds(y, atom.number) for y in ctx.years], ctx.interval)
    if atom.unit == "school_quarter":
        if ctx.academic:  # rule 6
            return school_quarter_bounds(ctx.start.year, atom.number)
        years = range(ctx.start.year - 1, ctx.end.year + 1)
        return _first_best([school_quarter_bounds(y, atom.number) for y in years], ctx.interval)
    raise _Invalid  # an orphan number that found no unit


def _resolve_after(atom: _Atom, previous: Interval, base: _Span) -> Interval:
    """A later part of a range: the first year that puts it at or after the part before it."""
    offset = previous[0].year - base.start.year
    found: list[Interval] = []
    for shift in range(offset - 1, offset + 3):
        try:
            interval = _resolve(atom, base.shifted(shift))
        except _Invalid:
            continue
        if interval[0] >= previous[0]:
            found.append(interval)
    if not found:
        raise _Invalid
    return min(found)


# --------------------------------------------------------------------------------------------
# Tokens


def _ordinal_group(name: str) -> str:
    """A named group for an ordinal ("II", "2-й", "втором") and the space after it."""
    return rf"(?P<{name}>{ORDINAL_PATTERN}){ORDINAL_GAP}"


_YEAR_SUFFIX = rf"(?:\s*{YEAR_SUFFIX_PATTERN})?"
_ACADEMIC_WORD = r"(?:учебн[а-я]*|уч(?![а-я])\.?)"
_TOKEN_PATTERNS: tuple[tuple[str, str], ...] = (
    # "2021-10-15": an ISO date, as a date picker or a spreadsheet writes it
    ("iso", r"(?<![\d.])(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})(?![\d.])"),
    # "2021/2022", "2021-2022 учебный год", "2021-22 уч. г.", "2020-2024 гг." (one rule with
    # the title's period: planio.dates.vocabulary.year_pair_bounds)
    ("pair", year_pair_pattern("p")),
    # "2-я неделя октября", "в первую неделю марта"
    (
        "week",
        rf"(?:(?P<wn>{ORDINAL_PATTERN})|(?P<wlast>последн[а-я]+)){ORDINAL_GAP}недел[а-я]*\s+"
        rf"(?P<wkm>{MONTH_PATTERN})"
        # "сентябрь (1-я неделя)", "октябрь, 2 неделя", "сентябрь 2021 г. (1 неделя)"
        rf"|(?P<wkm2>{MONTH_PATTERN})(?:\s*(?P<wky>\d{{4}})(?!\d){_YEAR_SUFFIX})?"
        rf"\s*[(,]?\s*(?P<wn2>{ORDINAL_PATTERN}){ORDINAL_GAP}"
        r"недел[а-я]*\s*\)?",
    ),
    # "первая декада октября", "1 декада ноября", "последняя декада декабря"; "начало мая",
    # "в середине октября", "конец мая"
    (
        "decade",
        rf"(?:(?:(?P<dcn>{ORDINAL_PATTERN})|(?P<dclast>последн[а-я]+)){ORDINAL_GAP}декад[а-я]*"
        r"|(?P<dcw>начал[оеау]|середин[аеуы]|кон[е]?ц[еау]?"
        r"|(?:перв(?:ые|ых|ыми)|последн(?:ие|их|ими))\s+числ(?:а|ах|ами)))"
        rf"\s+(?P<dcm>{MONTH_PATTERN})",
    ),
    # "конец I полугодия", "в начале учебного года", "середина 2 четверти", "конец 2022 г."
    (
        "edge",
        r"(?P<ew>начал[оеау]|середин[аеуы]|кон[е]?ц[еау]?|окончани[еяю])\s+"
        rf"(?:(?P<eo>{ORDINAL_PATTERN}){ORDINAL_GAP}(?P<eu>полугоди[а-я]*|пол(?:уг)?(?![а-я])\.?"
        r"|четверт[а-я]*|четв(?![а-я])\.?|квартал[а-я]*|кв(?![а-я])\.?)"
        rf"|(?P<eacad>{_ACADEMIC_WORD}\s*(?:года|г(?![а-я])\.?))"
        r"|(?P<ecal>календарного\s+года)"
        r"|(?P<eplain>года)"
        rf"|(?P<e4>\d{{4}})(?!\d){_YEAR_SUFFIX})(?![а-я])",
    ),
    # "ко Дню Победы", "День знаний", "к Новому году" (rule 16)
    ("named_day", rf"(?P<named>{NAMED_DAY_PATTERN})"),
    # "летом", "в летний период", "осенние каникулы", "в период зимних каникул" (rule 15)
    ("seasonal", rf"(?P<season>{SEASON_PATTERN})"),
    # "вторая половина октября", "в 1-й половине сентября" (rule 7)
    (
        "half_month",
        rf"(?P<hmn>{ORDINAL_PATTERN}){ORDINAL_GAP}половин[а-я]*\s+(?P<hmm>{MONTH_PATTERN})",
    ),
    # "09.2021", "IX.2021": a month of a year; "01.IX.2021": a day with a Roman month
    (
        "month_year",
        r"(?<![\d.])(?P<mym>0?[1-9]|1[0-2])\.(?P<myy>\d{4})(?![\d.])"
        rf"|(?P<rmm>{ROMAN_PATTERN})\.\s?(?P<rmy>\d{{4}})(?![\d.])",
    ),
    (
        "roman_dated",
        rf"(?<![\d.])(?P<rdd>\d{{1,2}})\.\s?(?P<rdm>{ROMAN_PATTERN})\.\s?(?P<rdy>\d{{4}})(?![\d.])",
    ),
    # "15/10/2021": a date written with slashes (only with its year)
    (
        "slashed",
        r"(?<![\d./])(?P<sd>\d{1,2})/(?P<sm>\d{1,2})/(?P<sy>\d{4}|\d{2})(?![\d/])" + _YEAR_SUFFIX,
    ),
    (
        "dotted",
        r"(?<![\d.])(?P<dd>\d{1,2})\.(?P<dm>\d{1,2})(?:\.(?P<dy>\d{4}|\d{2}))?(?![\d]|\.\d)"
        + _YEAR_SUFFIX,
    ),
    # "15 октября", "15октября", "1-го октября", "1-е сентября", "к 1-му сентября"
    (
        "day_month",
        rf"(?<![\d.])(?P<wd>\d{{1,2}})(?:-?(?:го|е|ое|ого|му|ому|м)(?![а-я]))?\s*"
        rf"(?P<wm>{MONTH_PATTERN})",
    ),
    (
        "quarter",
        _ordinal_group("q") + r"(?:квартал[а-я]*|кв(?![а-я])\.?(?:-?л(?![а-я])\.?)?)",
    ),
    ("half", _ordinal_group("h") + r"(?:полугоди[а-я]*|пол(?:уг)?(?![а-я])\.?)"),
    (
        "school_quarter",
        _ordinal_group("s") + r"(?:четверт(?:ь|и|ью|ей|ям|ях|ями)|четв(?![а-я])\.?)(?![а-я])",
    ),
    (
        "year",
        r"(?<![\d.])(?:(?P<y4>\d{4})" + _YEAR_SUFFIX + rf"|(?P<y2>\d{{2}})\s*{YEAR_SUFFIX_PATTERN})"
        r"(?!\d)",
    ),
    ("month", rf"(?P<m>{MONTH_PATTERN})"),
    ("ordinal", rf"(?P<o>{ROMAN_PATTERN}|{ORDINAL_WORD_PATTERN})"),
    ("number", r"(?<![\d.])(?P<n>\d{1,2})(?![\d.])"),
    ("dash", r"-"),
    ("separator", r"[,;/]|(?<![а-я])(?:и|или|а\s+также)(?![а-я])"),
    ("from", r"(?<![а-я])(?:начиная\s+с|с|со|от)(?![а-я])"),
    ("to", r"(?<![а-я])(?:по|до)(?![а-я])"),
    # Fillers that add nothing: "в 2022 году", "I полугодие учебного года", "(включительно)",
    # the day of the week of a written date ("15.10.2021 (пятница)").
    (
        "filler",
        r"(?<![а-я])(?:в|во|на|месяц[а-я]*|мес(?![а-я])\.?|включительно|срок[а-я]*|период[а-я]*"
        r"|гг?(?![а-я])\.?|год[а-я]*|текущего|учебного|уч\.?|календарного|т\.\s*г\.?|время|дни"
        r"|понедельник|вторник|сред[аеу]|четверг|пятниц[аеу]|суббот[аеу]|воскресенье)(?![а-я])"
        r"|[.:()«»\"'!?\\]",
    ),
)
_TOKEN_RE = re.compile("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _TOKEN_PATTERNS))
_GAP_RE = re.compile(r"\s*")


#: "начало", "середина", "конец" of a month as its decades
_PART_OF_MONTH: dict[str, int] = {"нач": 1, "сер": 2, "кон": 3, "пер": 1, "пос": 3}

_TokenKind = Literal["atom", "year", "dash", "separator", "from", "to"]
#: Token kinds that carry no value, and the named ordinal group of each ordinal unit.
_MARKS: dict[str, _TokenKind] = {
    "dash": "dash",
    "separator": "separator",
    "from": "from",
    "to": "to",
}
#: the seasons and school holidays, in a fixed order: an atom's number is an index here
_SEASONS: tuple[str, ...] = tuple(SEASONAL_SPANS)
#: "начало", "середина", "конец" ("окончание") of a longer period, and the units they take
_EDGE_WORDS: dict[str, int] = {"нач": 1, "сер": 2, "кон": 3, "око": 3}
_EDGE_UNITS: dict[str, _Unit] = {"по": "half", "че": "school_quarter", "кв": "quarter"}
#: Days written with their month and year in one token: (day, month, year) groups.
_WRITTEN_DAYS: dict[str, tuple[str, str, str]] = {
    "iso": ("id", "im", "iy"),
    "slashed": ("sd", "sm", "sy"),
    "roman_dated": ("rdd", "rdm", "rdy"),
}
_ORDINAL_UNITS: dict[str, tuple[_Unit, str]] = {
    "quarter": ("quarter", "q"),
    "half": ("half", "h"),
    "school_quarter": ("school_quarter", "s"),
}


@dataclass(frozen=True, slots=True)
class _Token:
    """A date atom, a year (calendar or academic) or a mark: "-", ",", "с", "по"."""

    kind: _TokenKind
    atom: _Atom | None = None
    year: _Span | None = None


def _bounded(unit: _Unit, number: int, day: int = 0, ordinal_only: bool = False) -> _Atom:
    """An atom, checked: "V квартал", "13.13", "32 мая" are not dates."""
    if not 1 <= number <= _UNIT_LIMITS[unit] or (unit == "day" and not 1 <= day <= 31):
        raise _Invalid
    return _Atom(unit, number, day=day, ordinal_only=ordinal_only)


def _ordinal(match: re.Match[str], group: str) -> int:
    value = ordinal_value(match.group(group))
    if value is None:
        raise _Invalid
    return value


def _token(match: re.Match[str]) -> _Token | None:
    """One token from one match of :data:`_TOKEN_RE` (None for fillers)."""
    kind = match.lastgroup
    if kind == "pair":
        bounds = year_pair_bounds(match, "p")
        if bounds is None or not 1 <= bounds[0].year < bounds[1].year <= 9998:
            raise _Invalid
        return _Token("year", year=_Span(*bounds))
    if kind == "week":
        month = month_number(match.group("wkm") or match.group("wkm2")) or 0
        if match.group("wlast"):
            week = _LAST_WEEK
        else:
            week = _ordinal(match, "wn" if match.group("wn") else "wn2")
        if not 1 <= week <= 5 and week != _LAST_WEEK:
            raise _Invalid
        atom = _bounded("week", month, day=week)
        if match.group("wky"):
            atom = atom.with_year(_calendar_year(int(match.group("wky"))))
        return _Token("atom", atom=atom)
    if kind == "decade":
        month = month_number(match.group("dcm")) or 0
        word = match.group("dcw")
        if match.group("dclast"):
            decade = 3
        else:
            decade = _ordinal(match, "dcn") if word is None else _PART_OF_MONTH[word[:3]]
        if not 1 <= decade <= 3:
            raise _Invalid
        return _Token("atom", atom=_bounded("decade", month, day=decade))
    if kind == "edge":
        word = match.group("ew").split()[-1]
        edge = _EDGE_WORDS[word[:3]]
        if match.group("eo"):
            unit: _Unit = _EDGE_UNITS[normalize(match.group("eu"))[:2]]
            return _Token("atom", atom=replace(_bounded(unit, _ordinal(match, "eo")), edge=edge))
        if match.group("e4"):
            span = _calendar_year(int(match.group("e4")))
            return _Token("atom", atom=_Atom("span", year=span, edge=edge))
        unit = (
            "school_year"
            if match.group("eacad")
            else "calendar_year"
            if match.group("ecal")
            else "plan_year"
        )
        return _Token("atom", atom=_Atom(unit, edge=edge))
    if kind == "named_day":
        month, day = named_day(match.group(0)) or (0, 0)
        return _Token("atom", atom=_bounded("day", month, day=day))
    if kind == "seasonal":
        return _Token("atom", atom=_Atom("seasonal", _SEASONS.index(season_key(match.group(0)))))
    if kind == "half_month":
        half = _ordinal(match, "hmn")
        if not 1 <= half <= 2:
            raise _Invalid
        month = month_number(match.group("hmm")) or 0
        return _Token("atom", atom=_bounded("half_month", month, day=half))
    if kind in _WRITTEN_DAYS:
        day_group, month_group, year_group = _WRITTEN_DAYS[kind]
        written_month = match.group(month_group)
        month = roman_to_int(written_month) or 0 if kind == "roman_dated" else int(written_month)
        atom = _bounded("day", month, day=int(match.group(day_group)))
        written = _calendar_year(expand_year(int(match.group(year_group))))
        return _Token("atom", atom=atom.with_year(written))
    if kind == "month_year":
        roman = match.group("rmm")
        month = roman_to_int(roman) or 0 if roman else int(match.group("mym"))
        of_year = _calendar_year(int(match.group("rmy") or match.group("myy")))
        return _Token("atom", atom=_bounded("month", month).with_year(of_year))
    if kind == "dotted":
        year = match.group("dy")
        atom = _bounded("day", int(match.group("dm")), day=int(match.group("dd")))
        return _Token(
            "atom", atom=atom.with_year(_calendar_year(expand_year(int(year)))) if year else atom
        )
    if kind == "day_month":
        month = month_number(match.group("wm")) or 0
        return _Token("atom", atom=_bounded("day", month, day=int(match.group("wd"))))
    if kind in _ORDINAL_UNITS:
        unit, group = _ORDINAL_UNITS[kind]
        return _Token("atom", atom=_bounded(unit, _ordinal(match, group)))
    if kind == "year":
        return _Token(
            "year", year=_calendar_year(expand_year(int(match.group("y4") or match.group("y2"))))
        )
    if kind == "month":
        return _Token("atom", atom=_bounded("month", month_number(match.group("m")) or 0))
    if kind == "ordinal":
        return _Token("atom", atom=_bounded("number", _ordinal(match, "o"), ordinal_only=True))
    if kind == "number":
        return _Token("atom", atom=_bounded("number", int(match.group("n"))))
    if kind in _MARKS:
        return _Token(_MARKS[kind])
    return None


# Cached for the repeated phrases (see _prepare); a tuple of frozen tokens, safe to share.
@functools.lru_cache(maxsize=4096)
def _tokenize(text: str) -> tuple[_Token, ...]:
    """Tokens of the whole text; raises :class:`_Invalid` if any word is not understood."""
    tokens: list[_Token] = []
    position = 0
    for match in _TOKEN_RE.finditer(text):
        if not _GAP_RE.fullmatch(text, position, match.start()):
            raise _Invalid
        position = match.end()
        if (token := _token(match)) is not None:
            tokens.append(token)
    if not _GAP_RE.fullmatch(text, position):
        raise _Invalid
    return tuple(tokens)


# --------------------------------------------------------------------------------------------
# Grammar: list → items → parts


@dataclass(slots=True)
class _Item:
    """One element of a list: a part, or a range of two parts; ``open_from`` for "с X"."""

    parts: list[_Atom] = field(default_factory=list)
    open_from: bool = False


def _parse_item(tokens: list[_Token]) -> _Item:
    """``["с"] part [("-" | "по" | "до") part]`` where ``part := atom [year]``."""
    item = _Item()
    index = 0
    opened = bool(tokens) and tokens[0].kind == "from"
    index += opened
    expect_part = True
    while index < len(tokens):
        token = tokens[index]
        if expect_part:
            if token.kind == "year" and token.year is not None:
                item.parts.append(_Atom("span", year=token.year))
            elif token.kind == "atom" and token.atom is not None:
                item.parts.append(token.atom)
            else:
                raise _Invalid
            expect_part = False
        elif token.kind == "year" and token.year is not None:
            item.parts[-1] = item.parts[-1].with_year(token.year)
        elif token.kind in ("dash", "to") and len(item.parts) == 1:
            expect_part = True
            if token.kind == "dash" and tokens[index + 1 : index + 2] == [_Token("to")]:
                index += 1  # "с 15 сентября - до 15 октября"
        else:
            raise _Invalid
        index += 1
    if expect_part:
        raise _Invalid  # nothing, or a range without its last part
    item.open_from = opened and len(item.parts) == 1
    return item


def _adopt(orphan: _Atom, model: _Atom) -> _Atom:
    """An orphan number takes the unit of the atom after it: "1-15 марта", "I–II квартал"."""
    if orphan.unit != "number":
        return orphan
    if model.unit == "day" and not orphan.ordinal_only:
        return _bounded("day", model.number, day=orphan.number)
    if model.unit in ("quarter", "half", "school_quarter"):
        return _bounded(model.unit, orphan.number)
    if model.unit in _PARTS_OF_MONTH and 1 <= orphan.number <= _PARTS_OF_MONTH[model.unit]:
        # "3-4 неделя октября", "I-II декада сентября": parts of the next atom's month
        return _bounded(model.unit, model.number, day=orphan.number)
    raise _Invalid


#: Parts of a month an orphan number may name, and how many a month has (weeks: rule 7).
_PARTS_OF_MONTH: dict[_Unit, int] = {"week": 5, "decade": 3, "half_month": 2}


def _parse_list(tokens: Sequence[_Token]) -> list[_Item]:
    """Items split at separators, orphans given their units (right to left)."""
    groups: list[list[_Token]] = [[]]
    for token in tokens:
        if token.kind == "separator":
            groups.append([])
        else:
            groups[-1].append(token)
    items = [_parse_item(group) for group in groups if group]
    if not items:
        raise _Invalid
    following: _Atom | None = None
    for item in reversed(items):
        if len(item.parts) == 2:
            item.parts[1] = _adopt(item.parts[1], following) if following else item.parts[1]
            item.parts[0] = _adopt(item.parts[0], item.parts[1])
        elif following is not None:
            item.parts[0] = _adopt(item.parts[0], following)
        following = item.parts[0]
    return items


# --------------------------------------------------------------------------------------------
# Resolution: items → intervals


def _need(ctx: _Span | None) -> _Span:
    if ctx is None:
        raise _NeedsPeriod
    return ctx


def _resolve_range(
    first: _Atom, last: _Atom, trailing: _Span | None, plan: _Span | None
) -> Interval:
    """Rule 7: a range runs from its first part's first day to its last part's last day."""
    if first.year is None and (trailing := last.year or trailing) is not None:
        # A year written once at the end applies to every part.
        end = _resolve(last, trailing)
        start = _resolve(first, trailing)
        if start[0] > end[0]:  # "ноябрь – январь 2022 г.": November of the year before
            start = _resolve(first, trailing.shifted(-1))
    else:
        start = _resolve(first, first.year or _need(plan))
        end = (
            _resolve(last, last.year)
            if last.year
            else _resolve_after(last, start, plan or _calendar_year(start[0].year))
        )
    if start[0] > end[1]:
        raise _Invalid
    return start[0], end[1]


def _is_bare_year(item: _Item) -> bool:
    return len(item.parts) == 1 and item.parts[0].unit == "span" and not item.open_from


def _has_year(item: _Item) -> bool:
    return any(part.year is not None for part in item.parts)


def _resolve_items(items: list[_Item], plan: _Span | None) -> list[Interval]:
    """Every item's interval; a year ending the list dates the items without one (rule 8)."""
    if len(items) > 1 and _is_bare_year(items[-1]) and not any(map(_has_year, items[:-1])):
        # "Ноябрь, 2021": the year of what comes before, not a period of its own
        last = items[-1].parts[0].year
        assert last is not None
        items = [replace(item, parts=[p for p in item.parts]) for item in items[:-1]]
        items[-1].parts[-1] = items[-1].parts[-1].with_year(last)
    elif len(items) > 1 and _is_bare_year(items[0]) and not any(map(_has_year, items[1:])):
        # "2021, сентябрь": the year of what comes after it
        first = items[0].parts[0].year
        assert first is not None
        items = [replace(item, parts=[p for p in item.parts]) for item in items[1:]]
        items[-1].parts[-1] = items[-1].parts[-1].with_year(first)
    last_year = items[-1].parts[-1].year if len(items) > 1 else None
    intervals = []
    for item in items:
        has_year = any(part.year is not None for part in item.parts)
        trailing = None if has_year else last_year
        if len(item.parts) == 2:
            intervals.append(_resolve_range(item.parts[0], item.parts[1], trailing, plan))
            continue
        interval = _resolve(item.parts[0], trailing or item.parts[0].year or _need(plan))
        if item.open_from:  # "с 01.09.2021": to the end of the plan period
            interval = (interval[0], _need(plan).end)
            if interval[0] > interval[1]:
                raise _Invalid
        intervals.append(interval)
    return intervals


# --------------------------------------------------------------------------------------------
# Recognisers

# "до конца", "к началу" … before a month; before a longer period the edge token reads them
# ("до конца I полугодия" is due on the last day of its last month, rule 15).
_BEFORE_MONTH = rf"(?=\s+{MONTH_PATTERN})"
_DUE_RE = re.compile(
    r"^(?:в\s+)?(?:срок(?:и)?\s*(?:исполнения\s*)?(?:[-:]\s*)?)?"
    rf"(?:(?P<last>не\s+позднее|не\s+позже|(?:до\s+конца|к\s+концу|до\s+окончания){_BEFORE_MONTH}"
    r"|по(?!\s+окончани))"
    # "до01.10.2021": a day written straight after "до"
    rf"|(?P<first>(?:до\s+начала|к\s+началу){_BEFORE_MONTH}|до|к|ко))(?:\s+|(?=\d))(?:чем\s+)?"
)


@dataclass(frozen=True, slots=True)
class _Dated:
    """What the date recognisers found: a kind and its intervals (None: needs the period)."""

    kind: Literal["date", "due", "period"]
    intervals: list[Interval] | None
    points: bool = False  # no ranges: may say *when* in a recurring cycle, not its bounds


def _dated(text: str, plan: _Span | None) -> _Dated | None:
    """Due phrases, single dates, periods, ranges and lists; None if not understood."""
    due = _DUE_RE.match(text)
    body = text[due.end() :] if due else text
    try:
        items = _parse_list(_tokenize(body))
        if due and (len(items) > 1 or len(items[0].parts) > 1 or items[0].open_from):
            return None
        points = all(len(item.parts) == 1 and not item.open_from for item in items)
        single = points and len(items) == 1
        kind: Literal["date", "due", "period"] = (
            "due" if due else "date" if single and items[0].parts[0].unit == "day" else "period"
        )
        try:
            intervals = _resolve_items(items, plan)
        except _NeedsPeriod:
            return _Dated(kind, None, points)
    except _Invalid:
        return None
    if due:
        start, end = intervals[0]
        day = end if due.group("last") or items[0].parts[0].edge == 3 else start
        intervals = [(day, day)]
    return _Dated(kind, intervals, points)


def _bounds(text: str, plan: _Span | None, cycle_days: int | None) -> Interval | None:
    """A recurring or continuous phrase's own bounds, if the rest of the cell gives them.

    Returns None where the cell gives no usable bounds (the phrase spans the plan period).
    Raises :class:`_NeedsPeriod` where it does but they need the missing plan period.
    """
    rest = _strip_all(text, _RECURRENCE_NOISE_RE, _CONTINUOUS_RE, _DURING_RE, _AS_NEEDED_RE)
    for pattern, _ in _RECURRENCE_WORDS:
        rest = _strip_all(rest, pattern)
    rest = _strip_all(rest, _TIMES_PER_RE, _ONCE_EVERY_RE)
    found = _dated(rest, plan) if rest else None
    if found is None:
        return None
    if found.intervals is None:
        raise _NeedsPeriod
    if found.kind == "due":
        start, end = _need(plan).start, found.intervals[0][1]
        if cycle_days is not None and (end - start).days + 1 <= cycle_days:
            return None  # "ежегодно до 1 сентября": by when in each cycle, not the bounds
        return start, end
    longest = max((end - start).days + 1 for start, end in found.intervals)
    if cycle_days is not None and found.points and longest <= cycle_days:
        return None  # "ежегодно в сентябре": when in each cycle, not the bounds
    return min(start for start, _ in found.intervals), max(end for _, end in found.intervals)


def _spanning(
    text: str, kind: DeadlineKind, span: Interval | None, recurrence: Recurrence | None = None
) -> Deadline:
    """A recurring or continuous deadline over ``span`` (null dates where there is none)."""
    if span is None:
        return Deadline(text=text, kind=kind, recurrence=recurrence)
    start, end = span
    if start > end:
        return Deadline(text=text)
    periods = [DeadlinePeriod(start=start, end=end)]
    return Deadline(
        text=text, kind=kind, start=start, end=end, periods=periods, recurrence=recurrence
    )


def _over(rest: str, plan: _Span | None, cycle_days: int | None) -> Interval | None:
    """The span of a recurring or continuous phrase: its own bounds, else the plan period."""
    try:
        bounds = _bounds(rest, plan, cycle_days)
    except _NeedsPeriod:
        return None
    return bounds or (plan.interval if plan else None)


def _recurring(text: str, prepared: str, plan: _Span | None) -> Deadline | None:
    """Recogniser 1: "еженедельно", "1 раз в квартал", "ежемесячно с января по май" …"""
    found = _find_recurrence(prepared)
    if found is None:
        return None
    recurrence, match = found
    results = _RESULTS_RE.fullmatch(match.group(0)) and "кажд" not in match.group(0)
    if results and _dated(_strip_all(_without(prepared, match)), plan):
        return None  # "май (по итогам года)": a date with its reason, not a recurrence
    span = _over(_without(prepared, match), plan, _CYCLE_DAYS[recurrence])
    return _spanning(text, "recurring", span, recurrence)


def _continuous(text: str, prepared: str, plan: _Span | None) -> Deadline | None:
    """Recogniser 2: "в течение учебного года", "постоянно", "в течение I полугодия" …"""
    if match := _CONTINUOUS_RE.search(prepared):
        return _spanning(text, "continuous", _over(_without(prepared, match), plan, None))
    if (match := _DURING_RE.search(prepared)) is None:
        return None
    found = _dated(_strip_all(_without(prepared, match)), plan)
    if found is None or found.kind == "due":
        return None  # "в течение месяца": a duration, not a date
    if found.intervals is None:
        return Deadline(text=text, kind="continuous")
    span = min(start for start, _ in found.intervals), max(end for _, end in found.intervals)
    return _spanning(text, "continuous", span)


def _dates(text: str, prepared: str, plan: _Span | None) -> Deadline | None:
    """Recogniser 3 and 4: due phrases, dates, periods, ranges and lists of them."""
    found = _dated(prepared, plan)
    if found is None:
        # "сентябрь (по согласованию)", "май (по итогам года)"
        rest = _strip_all(prepared, _AS_NEEDED_RE, _RESULTS_RE)
        found = _dated(rest, plan) if rest != prepared and rest else None
    if found is None:
        return None
    if found.intervals is None:
        return Deadline(text=text, kind=found.kind)
    if any(start > end for start, end in found.intervals):
        return Deadline(text=text)
    if found.kind == "due":
        return Deadline(text=text, kind="due", end=found.intervals[0][1])
    return Deadline(
        text=text,
        kind=found.kind,
        start=min(start for start, _ in found.intervals),
        end=max(end for _, end in found.intervals),
        periods=[DeadlinePeriod(start=start, end=end) for start, end in found.intervals],
    )


def _as_needed(text: str, prepared: str, plan: _Span | None) -> Deadline | None:
    """Recogniser 5: "по мере необходимости", "по графику", "по запросу" …"""
    return Deadline(text=text, kind="as_needed") if _AS_NEEDED_RE.search(prepared) else None


_RECOGNISERS: tuple[Callable[[str, str, _Span | None], Deadline | None], ...] = (
    _recurring,
    _continuous,
    _dates,
    _as_needed,
)


@dataclass(frozen=True, slots=True)
class DeadlineContext:
    """What a section row says about the rows under it: a day, a month or a period (rule 12).

    Under «ЯНВАРЬ» a cell «2-3» is January 2–3 of the plan's year; under «23 марта» a cell
    «10.00-11.00» is March 23, from 10:00 to 11:00; an empty cell is the context itself.
    """

    start: date
    end: date

    @classmethod
    def from_heading(cls, heading: str, period: Period | None = None) -> DeadlineContext | None:
        """The context a section heading sets, where the heading is only a date or a period."""
        if len(heading) > _LONGEST_DATE_CELL:
            return None
        deadline = _read(heading, period, None)
        if (
            deadline.kind in ("date", "period")
            and deadline.start is not None
            and deadline.end is not None
            and not deadline.remainder
            and deadline.start_time is None
        ):
            return cls(deadline.start, deadline.end)
        return None

    @property
    def month(self) -> tuple[int, int] | None:
        """(year, month) where the context lies within one month."""
        same = (self.start.year, self.start.month) == (self.end.year, self.end.month)
        return (self.start.year, self.start.month) if same else None


#: A cell of day numbers only ("8", "1-10", "2-3, 15"): days of the context's month.
_DAYS_ONLY_RE = re.compile(r"\d{1,2}(?:\s*(?:-|,|;|и)\s*\d{1,2})*")
_WEEK_ONLY_RE = re.compile(
    rf"(?:в\s+|на\s+)?(?:{ORDINAL_PATTERN}(?:\s*-\s*{ORDINAL_PATTERN})?|последн[а-я]+)"
    rf"{ORDINAL_GAP}недел[а-я]*"
)
#: "в конце месяца", "середина месяца", "3 декада", "вторая половина месяца": of the context's
_PART_OF_MONTH_ONLY_RE = re.compile(
    r"(?:в\s+|во\s+)?(?:(?:начал[оеау]|середин[аеуы]|кон[е]?ц[еау]?)"
    rf"|(?:{ORDINAL_PATTERN}|последн[а-я]+){ORDINAL_GAP}(?:декад[а-я]*|половин[а-я]*))"
    r"(?:\s+месяца)?"
)
#: "до 15 числа", "25 число": a day of the context's month
_DAY_NUMBER_ONLY_RE = re.compile(
    r"(?P<due>(?:до|к|не\s+позднее|не\s+позже)\s+)?(?P<day>\d{1,2})(?:-?го)?\s+числ[оау]"
)
_DURING_MONTH_RE = re.compile(r"(?:в\s+течени[еи]|на\s+протяжении)\s+(?:всего\s+)?месяца")
#: Where a cell's date ends and its remainder («малый зал») begins: at most this many words.
_MAX_REMAINDER_WORDS = 24
_WORD_RE = re.compile(r"\S+")
_REMAINDER_EDGES = " \t\n,;:-–—"


def _with_times(deadline: Deadline, prepared: _Prepared) -> Deadline:
    """The deadline with the cell's times of day, where it names a day for them (rule 10)."""
    if prepared.start_time is None or deadline.kind == "unknown":
        return deadline
    return deadline.model_copy(
        update={"start_time": prepared.start_time, "end_time": prepared.end_time}
    )


def _on_context(text: str, context: DeadlineContext, kind: DeadlineKind) -> Deadline:
    periods = [DeadlinePeriod(start=context.start, end=context.end)]
    return Deadline(text=text, kind=kind, start=context.start, end=context.end, periods=periods)


def _plan_span(period: Period | None) -> _Span | None:
    return (
        _Span(period.start, period.end)
        if period is not None and period.start <= period.end
        else None
    )


def _recognise(text: str, prepared: _Prepared, plan: _Span | None) -> Deadline:
    """The first recogniser's reading of a prepared cell, or ``unknown``."""
    try:
        for recognise in _RECOGNISERS:
            if (deadline := recognise(text, prepared.text, plan)) is not None:
                return _with_times(deadline, prepared)
    except (_Invalid, ValueError, OverflowError):
        # Date arithmetic at the calendar's edges (year 9999 + 1); such a cell is no deadline.
        pass
    return _with_times(Deadline(text=text), prepared)


def _in_context(
    text: str, prepared: _Prepared, plan: _Span | None, context: DeadlineContext
) -> Deadline | None:
    """Rule 12: days of the context's month, times on the context's day, the context itself."""
    body = prepared.text
    if not body:
        kind: DeadlineKind = "date" if context.start == context.end else "period"
        return _with_times(_on_context(text, context, kind), prepared)
    month = context.month
    if month is not None and _DAYS_ONLY_RE.fullmatch(body):
        year, number = month
        dated = _Prepared(
            f"{body} {MONTHS_GENITIVE[number - 1]} {year}", prepared.start_time, prepared.end_time
        )
        deadline = _recognise(text, dated, plan)
        return deadline if deadline.kind != "unknown" else None
    if month is not None and _DURING_MONTH_RE.fullmatch(body):
        return _with_times(_on_context(text, context, "continuous"), prepared)
    if month is None:
        return None
    if day_number := _DAY_NUMBER_ONLY_RE.fullmatch(body):  # "до 15 числа": of that month
        body = f"{day_number.group('due') or ''}{day_number.group('day')}"
    if day_number or _WEEK_ONLY_RE.fullmatch(body) or _PART_OF_MONTH_ONLY_RE.fullmatch(body):
        # "3-я неделя", "в конце месяца", "II декада": of that month
        body = body.removesuffix(" месяца")
        year, number = month
        dated = _Prepared(
            f"{body} {MONTHS_GENITIVE[number - 1]} {year}", prepared.start_time, prepared.end_time
        )
        deadline = _recognise(text, dated, plan)
        return deadline if deadline.kind != "unknown" else None
    return None


def _read(text: str, period: Period | None, context: DeadlineContext | None) -> Deadline:
    """One cell (or one line of it) without splitting off a remainder."""
    prepared = _prepare(text)
    plan = _plan_span(period)
    if context is not None:
        found = _in_context(text, prepared, plan, context)
        if found is not None:
            return found
    if not prepared.text:
        return _with_times(Deadline(text=text), prepared)
    if _DURING_MONTH_RE.fullmatch(prepared.text) and plan is not None:
        one_month = (plan.start.year, plan.start.month) == (plan.end.year, plan.end.month)
        if one_month:  # "в теч. мес." in a plan for one month: the whole plan period
            return _with_times(_spanning(text, "continuous", plan.interval), prepared)
    return _recognise(text, prepared, plan)


#: Words that make a date phrase; a remainder holding one is a date not understood, not a place.
_DATE_WORD_RE = re.compile(
    rf"{MONTH_PATTERN}|\d{{1,2}}\.\d{{1,2}}|\d{{4}}|квартал|полугоди|четверт|недел"
    r"|(?<![а-я])(?:по|до|с|со|от|к|после|перед|итог(?:и|ам|ов))(?![а-я])"
)


#: how the last word of a date ends: a number, a month, "года"/"г.", a quarter, a week …
_DATE_END_RE = re.compile(
    rf"\d|{MONTH_PATTERN}|(?:год[а-я]*|гг?|квартал[а-я]*|кв|полугоди[а-я]*|четверт[а-я]*"
    r"|недел[а-я]*|месяц[а-я]*|мес|ч|час[а-я]*|мин|[ivx]+)$"
)


def _is_remainder(text: str) -> bool:
    """Can ``text`` be what a cell says beyond its date («малый зал», «актовый зал школы»)?"""
    folded = normalize(text)
    return any(char.isalpha() for char in folded) and not _DATE_WORD_RE.search(folded)


def _split_remainder(
    text: str, period: Period | None, context: DeadlineContext | None
) -> Deadline | None:
    """A date followed by more words: «31.01.2016 г., малый зал» (rule 13)."""
    words = list(_WORD_RE.finditer(text))
    if len(words) < 2 or len(words) > _MAX_REMAINDER_WORDS:
        return None
    for k in range(len(words) - 2, -1, -1):
        if not _DATE_END_RE.search(normalize(words[k].group(0)).rstrip(".,;:)»")):
            continue  # a date ends in a number, a month, a year, a quarter …
        head, tail = text[: words[k].end()], text[words[k].end() :]
        remainder = tail.strip(_REMAINDER_EDGES)
        if not _is_remainder(remainder):
            continue
        found = _read(head.strip(_REMAINDER_EDGES), period, context)
        if found.kind not in ("unknown", "as_needed"):
            return found.model_copy(update={"text": text, "remainder": remainder})
    return None


def _lines_together(
    text: str, period: Period | None, context: DeadlineContext | None
) -> Deadline | None:
    """A cell with a date on each of several lines: every date kept, earliest to latest."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 2:
        return None
    read = [_single(line, period, context) for line in lines]
    dated = [d for d in read if d.kind in ("date", "period") and d.start and d.end]
    if not dated:
        return None
    periods = [p for d in dated for p in d.periods]
    remainder = "\n".join(
        [d.remainder for d in dated if d.remainder]
        + [line.strip() for line, d in zip(lines, read, strict=True) if d not in dated]
    )
    if any(d.kind not in ("date", "period", "unknown") for d in read):
        return None
    times = {(d.start_time, d.end_time) for d in dated}
    start_time, end_time = times.pop() if len(times) == 1 else (None, None)
    start = min(p.start for p in periods)
    end = max(p.end for p in periods)
    kind: DeadlineKind = "date" if start == end else "period"
    return Deadline(
        text=text,
        kind=kind,
        start=start,
        end=end,
        periods=periods,
        start_time=start_time,
        end_time=end_time,
        remainder=remainder,
    )


def _single(text: str, period: Period | None, context: DeadlineContext | None) -> Deadline:
    deadline = _read(text, period, context)
    if deadline.kind == "unknown":
        deadline = _split_remainder(text, period, context) or deadline
    return deadline


#: longer than this, a cell is no date of its own (a cheap first test for :func:`names_a_date`)
_LONGEST_DATE_CELL = 80


# Cached: a pure test of the text alone, asked of every short row and of repeated cells.
@functools.lru_cache(maxsize=4096)
def is_date_heading(text: str) -> bool:
    """Is ``text`` only a day, a month or a period («МАРТ», «23 марта», «I полугодие»)?

    Such a row, alone in a plan table, heads the rows under it (rule 12), even without the plan
    period that would date it.
    """
    if len(text) > _LONGEST_DATE_CELL:
        return False
    prepared = _prepare(text)
    if not prepared.text or prepared.start_time is not None:
        return False
    return _recognise(text, prepared, None).kind in ("date", "period")


# Cached: a pure test of the text alone; the column guesser asks it of repeated cells.
@functools.lru_cache(maxsize=4096)
def names_a_date(text: str) -> bool:
    """Does a cell, on its own, name a date, a period, a recurrence or a time of day?

    A quick test for telling a "when" column by its content: no remainder, no context.
    """
    if len(text) > _LONGEST_DATE_CELL:
        return False
    prepared = _prepare(text)
    if not prepared.text:
        return prepared.start_time is not None
    return _recognise(text, prepared, None).kind != "unknown"


def parse_deadline(
    text: str, period: Period | None = None, context: DeadlineContext | None = None
) -> Deadline:
    """What a deadline cell means, in dates (``docs/model.md``, "Deadlines").

    ``text`` is kept exactly as given in :attr:`Deadline.text`. ``period`` is the plan period,
    which dates months, quarters and half-years written without a year and spans recurring and
    continuous phrases; without it those keep null dates. ``context`` is what the section row
    above the cell says (:meth:`DeadlineContext.from_heading`). Never raises: a cell this module
    does not understand is ``unknown``.
    """
    deadline = _single(text, period, context)
    if deadline.kind == "unknown" and "\n" in text.strip():
        deadline = _lines_together(text, period, context) or deadline
    return deadline
