"""Russian date vocabulary and small pure date helpers.

The one vocabulary of :mod:`planio.dates`: the deadline parser, the title's period detector and
the next-year rollover are all built from it, so a phrase means the same wherever it is written
(``docs/model.md``, "Deadlines"). Each piece is small and does one thing:

* text folding: :func:`fold` (same length, for mapping matches back to the written text) and
  :func:`normalize` (also collapses whitespace);
* words: month names in every case and their abbreviations (:data:`MONTH_FORMS`,
  :data:`MONTH_PATTERN`), Roman numerals I–XII, ordinal words ("первый", "во втором"…);
* years: four-digit years and two-digit ones written with "г." ("23г" is 2023), the suffixes
  "г.", "гг.", "год", "года", "годы"… (:data:`YEAR_SUFFIX_PATTERN`);
* pairs of years and the academic-year words: :func:`year_pair_pattern` and
  :func:`year_pair_bounds` ("2021/2022", "2021-2022 уч. г." and "на 2021-2022 год" are one academic
  year; "2020–2024 годы" calendar years), in titles and cells alike;
* dotted dates dd.mm.yyyy / dd.mm.yy / dd.mm (:data:`DOTTED_DATE_RE`);
* times of day in their spellings ("10:00", "в 10.00", "14 ч.", "10-00", "10 ч. 30 мин."):
  :data:`TIME_RE` and :func:`clock_value`;
* calendar arithmetic: month, quarter, half-year, academic-year and school-quarter bounds,
  overlaps, and moving a date by whole years (February 29 becomes February 28).

Patterns are written for folded text (lower case, "ё" as "е", every dash as "-").
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, time

Interval = tuple[date, date]
"""A closed interval of days, ``(start, end)``."""

# --------------------------------------------------------------------------------------------
# Folding

#: Every dash-like character a typed or pasted document uses; all of them fold to "-".
DASHES = "-‐‑‒–—―−﹘﹣－"

_FOLD_TABLE = str.maketrans({**dict.fromkeys(DASHES, "-"), "ё": "е", "Ё": "е"})
_SPACE_RUN_RE = re.compile(r"\s+")
_SPACE_RE = re.compile(r"\s")  # the characters str.isspace() accepts, one at a time


def fold(text: str) -> str:
    """Lower-case ``text``, read "ё" as "е", every dash as "-" and every space as " ".

    The result has exactly the length of ``text`` (character ``i`` of the result comes from
    character ``i`` of the input), so a match in folded text is also a slice of the written text.
    """
    folded = text.translate(_FOLD_TABLE)
    lower = folded.lower()
    # The fast path: lower-casing the whole string kept every character one character, and no
    # "Σ" made it read context (final sigma), so it equals the per-character loop below.
    if len(lower) == len(folded) and "Σ" not in folded:
        return _SPACE_RE.sub(" ", lower)
    chars = []
    for char in folded:
        if char.isspace():
            chars.append(" ")
            continue
        lower = char.lower()
        chars.append(lower if len(lower) == 1 else char)
    return "".join(chars)


def normalize(text: str) -> str:
    """:func:`fold` ``text``, collapse every run of whitespace (newlines, NBSP…) and trim it."""
    return _SPACE_RUN_RE.sub(" ", fold(text)).strip()


# --------------------------------------------------------------------------------------------
# Months

#: Nominative month names, January first (for writers that need to spell a month).
MONTHS_NOMINATIVE: tuple[str, ...] = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)

#: Genitive month names as in "15 октября", January first.
MONTHS_GENITIVE: tuple[str, ...] = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)

# Stems whose case endings are regular: soft stems ("январь": -ь, -я, -ю, -ем, -е) and hard
# stems ("март": -, -а, -у, -ом, -е).
_SOFT_ENDINGS = ("ь", "я", "ю", "ем", "е")
_HARD_ENDINGS = ("", "а", "у", "ом", "е")
_MONTH_STEMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("январ", _SOFT_ENDINGS),
    ("феврал", _SOFT_ENDINGS),
    ("март", _HARD_ENDINGS),
    ("апрел", _SOFT_ENDINGS),
    ("ма", ("й", "я", "ю", "ем", "е")),
    ("июн", _SOFT_ENDINGS),
    ("июл", _SOFT_ENDINGS),
    ("август", _HARD_ENDINGS),
    ("сентябр", _SOFT_ENDINGS),
    ("октябр", _SOFT_ENDINGS),
    ("ноябр", _SOFT_ENDINGS),
    ("декабр", _SOFT_ENDINGS),
)

#: Abbreviations as written in plans, with or without their dot ("янв.", "сент", "нояб.").
MONTH_ABBREVIATIONS: dict[str, int] = {
    "янв": 1,
    "фев": 2,
    "февр": 2,
    "мар": 3,
    "апр": 4,
    "июн": 6,
    "июл": 7,
    "авг": 8,
    "сен": 9,
    "сент": 9,
    "окт": 10,
    "ноя": 11,
    "нояб": 11,
    "дек": 12,
}

#: Every full form of every month (all six cases, "е" for "ё"), folded → month number.
MONTH_FORMS: dict[str, int] = {
    stem + ending: number
    for number, (stem, endings) in enumerate(_MONTH_STEMS, start=1)
    for ending in endings
}

#: Regex alternation (no groups) for one month word or abbreviation in folded text. Longest
#: forms come first and a letter may not follow, so "мар" never matches the start of "марта".
MONTH_PATTERN = (
    r"(?<![а-я])(?:"
    + "|".join(sorted(MONTH_FORMS, key=len, reverse=True))
    + "|(?:"
    + "|".join(sorted(MONTH_ABBREVIATIONS, key=len, reverse=True))
    + r")\.?"
    + r")(?![а-я])"
)
MONTH_RE = re.compile(MONTH_PATTERN)


def month_number(word: str) -> int | None:
    """The month (1–12) a month word or abbreviation names, or None: "сент." → 9, "мае" → 5."""
    key = normalize(word).rstrip(".")
    return MONTH_FORMS.get(key) or MONTH_ABBREVIATIONS.get(key)


# --------------------------------------------------------------------------------------------
# Seasons and school holidays (docs/model.md, rule 15)

#: A season or a school holiday as a person dates it when the plan gives no dates of its own:
#: (first month, first day, last month, last day; 0 is the month's last day). Seasons are the
#: calendar ones; school holidays the days around them that Russian schools keep: the autumn
#: ones at the end of October and the start of November, the winter ones from the end of
#: December to the start of January, the spring ones at the end of March and the start of
#: April, the summer ones June to August.
SEASONAL_SPANS: dict[str, tuple[int, int, int, int]] = {
    "лето": (6, 1, 8, 0),
    "осень": (9, 1, 11, 0),
    "зима": (12, 1, 2, 0),
    "весна": (3, 1, 5, 0),
    "летние каникулы": (6, 1, 8, 0),
    "осенние каникулы": (10, 21, 11, 10),
    "зимние каникулы": (12, 21, 1, 10),
    "весенние каникулы": (3, 21, 4, 10),
}
#: Stems of the seasons' nouns and adjectives in folded text → the season's key above.
SEASON_STEMS: dict[str, str] = {"лет": "лето", "осен": "осень", "зим": "зима", "вес": "весна"}
_SEASON_ADJECTIVE = r"(?:летн|осенн|зимн|весенн)(?:ий|его|ему|ем|им|ие|их|ими)"
#: A season ("летом", "осень", "в летний период", "летний оздоровительный период") or a school
#: holiday ("осенние каникулы", "в период летних каникул"), whole words in folded text.
SEASON_PATTERN = (
    r"(?<![а-я])(?:"
    rf"{_SEASON_ADJECTIVE}\s+каникул[а-я]*"
    rf"|{_SEASON_ADJECTIVE}\s+(?:оздоровительн[а-я]*\s+)?период[а-я]*"
    r"|лет[оау]|летом|осен[ьи]|осенью|зим[аыуе]|зимой|весн[аыуе]|весной"
    r")(?![а-я])"
)


def season_key(written: str) -> str:
    """The key of :data:`SEASONAL_SPANS` a match of :data:`SEASON_PATTERN` names."""
    folded = normalize(written)
    season = next(key for stem, key in SEASON_STEMS.items() if folded.startswith(stem))
    if "каникул" not in folded:
        return season
    adjective = {"лето": "летние", "осень": "осенние", "зима": "зимние", "весна": "весенние"}
    return f"{adjective[season]} каникулы"


# --------------------------------------------------------------------------------------------
# Holidays with a fixed day (docs/model.md, rule 16)

#: The days whose name a plan writes instead of the date ("ко Дню Победы", "День знаний"):
#: a regex for the name after "день" (folded text) → (month, day).
_NAMED_DAYS: tuple[tuple[str, tuple[int, int]], ...] = (
    (r"знаний", (9, 1)),
    (r"пожил(?:ого|ых)\s+(?:человека|людей)", (10, 1)),
    (r"учител[яей]", (10, 5)),
    (r"народного\s+единства", (11, 4)),
    (r"конституции(?:\s+(?:рф|российской\s+федерации))?", (12, 12)),
    (r"защитник(?:а|ов)\s+отечества", (2, 23)),
    (r"космонавтики", (4, 12)),
    (r"победы", (5, 9)),
    (r"славянской\s+письменности(?:\s+и\s+культуры)?", (5, 24)),
    (r"защиты\s+детей", (6, 1)),
    (r"россии", (6, 12)),
)
#: Holidays named without "день": New Year's Eve (when schools keep it), Women's Day.
_NAMED_HOLIDAYS: tuple[tuple[str, tuple[int, int]], ...] = (
    (r"нов(?:ый|ого|ому|ым)\s+год(?:а|у|ом)?|новогодн[а-я]*\s+праздник[а-я]*", (12, 31)),
    (r"международн(?:ый|ого|ому)\s+женск(?:ий|ого|ому)\s+дн[а-я]*", (3, 8)),
)
_DAY_WORD = r"(?:день|дня|дню|днем|дне)\s+"
#: A holiday named instead of its date, whole words in folded text.
NAMED_DAY_PATTERN = (
    r"(?<![а-я])(?:"
    + _DAY_WORD
    + r"(?:"
    + "|".join(name for name, _ in _NAMED_DAYS)
    + r")|"
    + "|".join(name for name, _ in _NAMED_HOLIDAYS)
    + r")(?![а-я])"
)
_NAMED_DAY_RES: tuple[tuple[re.Pattern[str], tuple[int, int]], ...] = tuple(
    (re.compile(rf"(?:{_DAY_WORD})?(?:{name})"), day) for name, day in _NAMED_DAYS + _NAMED_HOLIDAYS
)


def named_day(written: str) -> tuple[int, int] | None:
    """The (month, day) of a holiday a match of :data:`NAMED_DAY_PATTERN` names: "дню победы"
    → (5, 9)."""
    folded = normalize(written)
    for pattern, day in _NAMED_DAY_RES:
        if pattern.fullmatch(folded):
            return day
    return None


# --------------------------------------------------------------------------------------------
# Numerals

#: Roman numerals I–XII in lower case (folded text).
ROMAN_NUMERALS: dict[str, int] = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "v": 5,
    "vi": 6,
    "vii": 7,
    "viii": 8,
    "ix": 9,
    "x": 10,
    "xi": 11,
    "xii": 12,
}
ROMAN_PATTERN = (
    r"(?<![a-zа-я0-9])(?:" + "|".join(sorted(ROMAN_NUMERALS, key=len, reverse=True)) + r")"
    r"(?![a-zа-я0-9])"
)

_ORDINAL_STEMS: tuple[tuple[int, str, tuple[str, ...]], ...] = (
    (1, "перв", ("ый", "ого", "ому", "ым", "ом", "ая", "ой", "ую", "ое")),
    (2, "втор", ("ой", "ого", "ому", "ым", "ом", "ая", "ую", "ое")),
    (3, "трет", ("ий", "ьего", "ьему", "ьим", "ьем", "ья", "ьей", "ью", "ье")),
    (4, "четверт", ("ый", "ого", "ому", "ым", "ом", "ая", "ой", "ую", "ое")),
)

#: Ordinal words "первый"…"четвертый" in every case and gender (folded) → number. Only the
#: first four: they name quarters, half-years and school quarters.
ORDINAL_WORDS: dict[str, int] = {
    stem + ending: number for number, stem, endings in _ORDINAL_STEMS for ending in endings
}
ORDINAL_WORD_PATTERN = (
    r"(?<![а-я])(?:" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + r")(?![а-я])"
)

#: A number written as an ordinal: Roman with an optional ending ("II", "I-е"), an ordinal word
#: ("втором") or digits with an optional ending ("2", "2-й", "2-ом", "1-е").
ORDINAL_PATTERN = (
    r"(?:"
    + ROMAN_PATTERN
    + r"(?:-(?:ое|ой|ый|ий|ая|го|ом|е|й|я)(?![а-я]))?"  # "I-е полугодие", "II-й квартал"
    + "|"
    + ORDINAL_WORD_PATTERN
    + r"|(?<![\d.])\d{1,2}(?:-?(?:ый|ий|ой|ого|ом|ем|ая|ое|ее|ую|й|м|я|е|ю|го)(?![а-я]))?(?![\d.])"
    + r")"
)
#: What may stand between an ordinal and its unit: "I полугодие", "I-полугодие", "1-й квартал".
ORDINAL_GAP = r"\s*(?:-\s*)?"
_ORDINAL_DIGITS_RE = re.compile(r"(\d{1,2})(?:-?[а-я]+)?")


def roman_to_int(token: str) -> int | None:
    """The value of a Roman numeral I–XII ("IV" → 4), or None."""
    return ROMAN_NUMERALS.get(token.strip().lower())


def ordinal_value(token: str) -> int | None:
    """The number an ordinal names: "III" → 3, "I-е" → 1, "втором" → 2, "1-й" → 1; else None."""
    key = normalize(token)
    roman = key.split("-", 1)[0]  # "i-е": a Roman numeral with an ending
    if roman in ROMAN_NUMERALS:
        return ROMAN_NUMERALS[roman]
    if key in ORDINAL_WORDS:
        return ORDINAL_WORDS[key]
    match = _ORDINAL_DIGITS_RE.fullmatch(key)
    return int(match.group(1)) if match else None


# --------------------------------------------------------------------------------------------
# Years

#: What may follow a year: "г.", "г", "гг.", "г.г.", "год", "года", "году", "годы", "годах"…
YEAR_SUFFIX_PATTERN = r"(?:г\.\s?г(?![а-я])\.?|гг?(?![а-я])\.?|год(?:а|у|ы|ах|ов|ом)?(?![а-я]))"

#: A year in folded text: four digits, or two digits directly marked as a year ("23г", "23 г.").
#: Groups: ``full`` (four digits) or ``short`` (two digits); the suffix is part of the match.
YEAR_RE = re.compile(
    r"(?<![\d.])(?:(?P<full>\d{4})(?:\s*" + YEAR_SUFFIX_PATTERN + r")?"
    r"|(?P<short>\d{2})\s*" + YEAR_SUFFIX_PATTERN + r")(?![\d])"
)

_YEAR_TOKEN_RE = re.compile(r"(\d{4}|\d{2})\s*(?:" + YEAR_SUFFIX_PATTERN + r")?")


#: "учебный", "учебного", "уч.", "уч": the word that makes a pair of years an academic year.
ACADEMIC_WORD_PATTERN = r"(?:учебн[а-я]*|уч(?![а-я])\.?)"
#: Year suffixes in the plural: a pair of years followed by one of them is calendar years.
_PLURAL_YEAR_SUFFIXES = frozenset({"годы", "годах", "годов", "гг"})


def year_pair_pattern(prefix: str = "") -> str:
    """A pair of years ("2021/2022", "2021 – 22 уч. г.", "2020-2024 годы") in folded text.

    Groups (named with ``prefix``): ``y1``, ``sep`` ("-" or "/"), ``y2`` (four or two digits),
    ``academic`` (the academic word, if written) and ``suffix`` ("год", "гг." …, if written).
    """
    return (
        rf"(?<![\d.])(?P<{prefix}y1>\d{{4}})\s*(?P<{prefix}sep>[-/])\s*"
        rf"(?P<{prefix}y2>\d{{4}}|\d{{2}})(?!\d|\.\d)"
        rf"(?:\s*(?P<{prefix}academic>{ACADEMIC_WORD_PATTERN}))?"
        rf"(?:\s*(?P<{prefix}suffix>год[а-я]*(?![а-я])|г\.\s?г(?![а-я])\.?|гг?(?![а-я])\.?))?"
    )


def year_pair_bounds(match: re.Match[str], prefix: str = "") -> Interval | None:
    """What a pair of years means, the same in a title and in a cell (``docs/model.md``, rule 1).

    An academic year (September 1 … August 31) when the academic word follows it, when it is
    written with a slash, or when two consecutive years stand with no word or the singular "год"
    ("на 2021-2022 год"); with the plural "годы", "годах", "годов", "гг." (or years further
    apart) the calendar years from January 1 of the first to December 31 of the last. None when
    the second year is not after the first.
    """
    first = int(match.group(f"{prefix}y1"))
    written = match.group(f"{prefix}y2")
    last = int(written) if len(written) == 4 else first // 100 * 100 + int(written)
    if last <= first:
        return None
    suffix = (match.group(f"{prefix}suffix") or "").replace(".", "").replace(" ", "")  # "г.г."
    plural = suffix in _PLURAL_YEAR_SUFFIXES
    consecutive_singular = last == first + 1 and not plural
    if (
        match.group(f"{prefix}academic")
        or match.group(f"{prefix}sep") == "/"
        or consecutive_singular
    ):
        return academic_year_bounds(first)[0], academic_year_bounds(last - 1)[1]
    return date(first, 1, 1), date(last, 12, 31)


def expand_year(year: int) -> int:
    """A year as written → a full year: two-digit years are 20xx (23 → 2023)."""
    return 2000 + year if year < 100 else year


def parse_year(token: str) -> int | None:
    """The year a token writes: "2023", "2023 г.", "23г", "23" → 2023; anything else → None."""
    match = _YEAR_TOKEN_RE.fullmatch(normalize(token))
    return expand_year(int(match.group(1))) if match else None


# --------------------------------------------------------------------------------------------
# Dotted dates

#: A dotted date dd.mm.yyyy, dd.mm.yy or dd.mm (one- or two-digit day and month), not part of
#: a longer number. Groups: ``day``, ``month``, ``year`` (None when not written). The year's
#: span is exactly its digits, so a rollover can replace it and keep the written form.
DOTTED_DATE_RE = re.compile(
    r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})(?:\.(?P<year>\d{4}|\d{2}))?(?![\d]|\.\d)"
)


# --------------------------------------------------------------------------------------------
# Times of day

_HOUR = r"(?:[01]?\d|2[0-3])"
_HOURS_WORD = r"ч(?:ас[а-я]*)?(?![а-я])\.?"
#: One time of day. A dotted or dashed time is only taken as one where it cannot be a date or a
#: range of days: minutes 00 or 13–59 ("10.00", "12.30"), or "ч" after it ("9.10 ч."); a dash
#: only with minutes "00" ("10-00") or "ч" after it. "14ч.00", "10 ч. 30 мин." are times too.
CLOCK_PATTERN = (
    rf"(?:{_HOUR}:[0-5]\d"
    rf"|{_HOUR}\s*{_HOURS_WORD}\s*[0-5]\d(?:\s*мин(?![а-я])\.?)?"
    rf"|{_HOUR}\.(?:00|1[3-9]|[2-5]\d)(?![.\d])"
    rf"|{_HOUR}-00(?![.\d])"
    rf"|{_HOUR}[.-][0-5]\d(?=\s*ч)"
    rf"|{_HOUR}(?=\s*ч(?:ас[а-я]*)?(?![а-я])))"
)
#: The second time of a range may be written any way once a first time stands before it:
#: "10.00-11-00", "10.00-11.15".
_CLOCK_AFTER = rf"(?:{CLOCK_PATTERN}|{_HOUR}[.-][0-5]\d(?![.\d]))"
#: A time of day or a range of them, with "в", "с", "до" … before and "ч.", "час.", "мин." after.
#: a bare hour that starts a range of hours marked as such: "с 10 до 12 ч.", "10-12 ч."
_HOUR_BEFORE_HOURS = rf"{_HOUR}(?=\s*(?:-|до)\s*{_HOUR}(?:[.:][0-5]\d)?\s*ч)"
TIME_RE = re.compile(
    rf"(?:(?<![а-я])(?:в|с|до|по|к)\s+)?(?<![\d.])"
    rf"(?P<start>{_HOUR_BEFORE_HOURS}|{CLOCK_PATTERN})"
    rf"(?:\s*(?:{_HOURS_WORD})?\s*(?:-|до|по)\s*(?P<end>{_CLOCK_AFTER}))?"
    rf"(?:\s*(?:{_HOURS_WORD}|мин(?![а-я])\.?))?"
)
_CLOCK_DIGITS_RE = re.compile(r"\d+")


def clock_value(written: str) -> time | None:
    """The time a clock written in :data:`CLOCK_PATTERN` names: "10.00" → 10:00, "14 ч" → 14:00."""
    numbers = [int(n) for n in _CLOCK_DIGITS_RE.findall(written)]
    if not numbers or numbers[0] > 23 or (len(numbers) > 1 and numbers[1] > 59):
        return None
    return time(numbers[0], numbers[1] if len(numbers) > 1 else 0)


# --------------------------------------------------------------------------------------------
# Calendar arithmetic


def safe_date(year: int, month: int, day: int) -> date | None:
    """``date(year, month, day)``, or None where no such day exists (31.04, 29.02.2023)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def last_day_of_month(year: int, month: int) -> int:
    """The number of the month's last day: (2024, 2) → 29."""
    return calendar.monthrange(year, month)[1]


def month_bounds(year: int, month: int) -> Interval:
    """The first and the last day of a month."""
    return date(year, month, 1), date(year, month, last_day_of_month(year, month))


def quarter_bounds(year: int, quarter: int) -> Interval:
    """The calendar quarter (1–4) of a year: (2022, 1) → 2022-01-01 … 2022-03-31."""
    first_month = 3 * (quarter - 1) + 1
    return date(year, first_month, 1), month_bounds(year, first_month + 2)[1]


def half_year_bounds(year: int, half: int) -> Interval:
    """The calendar half (1–2) of a year: (2022, 2) → 2022-07-01 … 2022-12-31."""
    return (
        (date(year, 1, 1), date(year, 6, 30))
        if half == 1
        else (date(year, 7, 1), date(year, 12, 31))
    )


def year_bounds(year: int) -> Interval:
    """A calendar year: January 1 … December 31."""
    return date(year, 1, 1), date(year, 12, 31)


def academic_year_bounds(first_year: int) -> Interval:
    """The academic year that starts in ``first_year``: September 1 … August 31 of the next."""
    return date(first_year, 9, 1), date(first_year + 1, 8, 31)


#: School quarters (четверти) as (first month, last month) of an academic year.
SCHOOL_QUARTER_MONTHS: dict[int, tuple[int, int]] = {1: (9, 10), 2: (11, 12), 3: (1, 3), 4: (4, 5)}


def school_quarter_bounds(first_year: int, quarter: int) -> Interval:
    """A school quarter of the academic year starting in ``first_year``.

    I is September 1 … October 31, II November 1 … December 31, III January 1 … March 31,
    IV April 1 … May 31 (the last two in the academic year's second calendar year).
    """
    first_month, last_month = SCHOOL_QUARTER_MONTHS[quarter]
    year = first_year if first_month >= 9 else first_year + 1
    return date(year, first_month, 1), month_bounds(year, last_month)[1]


def is_academic_year(start: date, end: date) -> bool:
    """Whether a span is one academic year: from September 1 to a day in June–August next year.

    Plans write academic years ending on August 31; some end them with the school year in
    June, and those still count.
    """
    return (
        start.month == 9 and start.day == 1 and end.year == start.year + 1 and 6 <= end.month <= 8
    )


def overlap_days(a: Interval, b: Interval) -> int:
    """How many days two closed intervals share (0 when they do not meet)."""
    start, end = max(a[0], b[0]), min(a[1], b[1])
    return (end - start).days + 1 if start <= end else 0


def add_years(day: date, years: int) -> date:
    """``day`` moved by whole years; February 29 becomes February 28 in a non-leap year."""
    year = day.year + years
    return day.replace(year=year, day=min(day.day, last_day_of_month(year, day.month)))


#: how people type a single date into a form or an option: DD.MM.YYYY, or ISO from a date picker
TYPED_DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d")


def typed_date(text: str) -> date | None:
    """A date a person typed (``01.09.2021`` or ``2021-09-01``), or None if it is not one."""
    for pattern in TYPED_DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    return None
