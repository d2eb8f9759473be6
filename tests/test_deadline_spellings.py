"""Deadlines as offices write them: families of spellings of one meaning (docs/model.md, rules).

Each family varies case, spacing, punctuation, abbreviations, dashes, numerals and endings of one
phrase a secretary writes in the «Срок» column; every row asserts the kind, start and end (and
the recurrence where there is one) written by hand from the rules, never computed by planio.
"""

from __future__ import annotations

from datetime import date

import pytest

from planio.dates import DeadlineContext, parse_deadline
from planio.model import DeadlineKind, Period, Recurrence

D = date
AY = Period(D(2021, 9, 1), D(2022, 8, 31), label="2021 – 2022 учебный год")
AY_JUNE = Period(D(2021, 9, 1), D(2022, 6, 30), label="2021/2022 уч. г.")
CY = Period(D(2022, 1, 1), D(2022, 12, 31), label="2022 год")
_PLAN_NAMES = {id(AY): "AY", id(AY_JUNE): "AYJ", id(CY): "CY"}

Row = tuple[str, Period | None, DeadlineKind, D | None, D | None]


def rows(*cases: Row) -> list[object]:
    """Rows as pytest params with an id of the text and the plan it is read against."""
    return [
        pytest.param(*case, id=f"{case[0]!r}@{_PLAN_NAMES.get(id(case[1]), 'none')}")
        for case in cases
    ]


def spellings(*cases: Row) -> pytest.MarkDecorator:
    """A test of ``cases``: each a text, the plan it is read in, and the kind, start and end
    it must give."""
    return pytest.mark.parametrize(("text", "plan", "kind", "start", "end"), rows(*cases))


def check(
    text: str, plan: Period | None, kind: DeadlineKind, start: D | None, end: D | None
) -> None:
    deadline = parse_deadline(text, plan)
    assert (deadline.kind, deadline.start, deadline.end) == (kind, start, end)
    assert deadline.text == text


# --------------------------------------------------------------------------------------------
# Days written every way


@spellings(
    ("2021-10-15", AY, "date", D(2021, 10, 15), D(2021, 10, 15)),
    ("2022-03-01", AY, "date", D(2022, 3, 1), D(2022, 3, 1)),
    ("15/10/2021", AY, "date", D(2021, 10, 15), D(2021, 10, 15)),
    ("15/10/21", AY, "date", D(2021, 10, 15), D(2021, 10, 15)),
    ("15/10/2021 г.", AY, "date", D(2021, 10, 15), D(2021, 10, 15)),
    ("01.IX.2021", AY, "date", D(2021, 9, 1), D(2021, 9, 1)),
    ("1-го октября", AY, "date", D(2021, 10, 1), D(2021, 10, 1)),
    ("15-го октября 2021 г.", AY, "date", D(2021, 10, 15), D(2021, 10, 15)),
    ("1-е сентября", AY, "date", D(2021, 9, 1), D(2021, 9, 1)),
    ("01.09.21", AY, "date", D(2021, 9, 1), D(2021, 9, 1)),
    ("1.09.21г", AY, "date", D(2021, 9, 1), D(2021, 9, 1)),
    ("25марта 2022", AY, "date", D(2022, 3, 25), D(2022, 3, 25)),
    ("2021-13-01", AY, "unknown", None, None),
    ("2021-02-30", AY, "unknown", None, None),
)
def test_days_in_iso_slashed_roman_and_ordinal_spellings(
    text: str, plan: Period, kind: DeadlineKind, start: D | None, end: D | None
) -> None:
    """An ISO day, a slashed day, a Roman month and "1-го" name one day; no day, no date."""
    check(text, plan, kind, start, end)


@spellings(
    ("09.2021", AY, "period", D(2021, 9, 1), D(2021, 9, 30)),
    ("09.2021 г.", AY, "period", D(2021, 9, 1), D(2021, 9, 30)),
    ("2.2022", AY, "period", D(2022, 2, 1), D(2022, 2, 28)),
    ("IX.2021", AY, "period", D(2021, 9, 1), D(2021, 9, 30)),
    ("XII.2021 г.", AY, "period", D(2021, 12, 1), D(2021, 12, 31)),
    ("09.2021-05.2022", AY, "period", D(2021, 9, 1), D(2022, 5, 31)),
    ("13.2021", AY, "unknown", None, None),
)
def test_a_month_written_with_its_year_in_numbers(
    text: str, plan: Period, kind: DeadlineKind, start: D | None, end: D | None
) -> None:
    """ "09.2021" and "IX.2021" are a month of a year (rule 2), "13.2021" no month."""
    check(text, plan, kind, start, end)


@spellings(
    ("к 1-му сентября", AY, "due", None, D(2021, 9, 1)),
    ("не позднее 1-го октября", AY, "due", None, D(2021, 10, 1)),
    ("до 2021-12-25", AY, "due", None, D(2021, 12, 25)),
    ("не позднее 25/12/2021", AY, "due", None, D(2021, 12, 25)),
    ("до 01.IV.2022", AY, "due", None, D(2022, 4, 1)),
    ("до 05.2022", AY, "due", None, D(2022, 5, 1)),
    ("не позднее 05.2022", AY, "due", None, D(2022, 5, 31)),
)
def test_due_with_the_new_day_spellings(
    text: str, plan: Period, kind: DeadlineKind, start: D | None, end: D | None
) -> None:
    """ "до"/"к"/"не позднее" before any spelling of a day or month is due (rule 5)."""
    check(text, plan, kind, start, end)


# --------------------------------------------------------------------------------------------
# Parts of a month


@spellings(
    ("вторая половина октября", AY, "period", D(2021, 10, 16), D(2021, 10, 31)),
    ("Вторая половина октября", AY, "period", D(2021, 10, 16), D(2021, 10, 31)),
    ("во второй половине октября", AY, "period", D(2021, 10, 16), D(2021, 10, 31)),
    ("2-я половина октября", AY, "period", D(2021, 10, 16), D(2021, 10, 31)),
    ("II половина февраля", AY, "period", D(2022, 2, 16), D(2022, 2, 28)),
    ("первая половина сентября", AY, "period", D(2021, 9, 1), D(2021, 9, 15)),
    ("в первой половине сентября", AY, "period", D(2021, 9, 1), D(2021, 9, 15)),
    ("1-я половина декабря 2022 г.", AY, "period", D(2022, 12, 1), D(2022, 12, 15)),
    ("третья половина октября", AY, "unknown", None, None),
)
def test_half_of_a_month(
    text: str, plan: Period, kind: DeadlineKind, start: D | None, end: D | None
) -> None:
    """The first half of a month is its days 1–15, the second 16 to its end (rule 7)."""
    check(text, plan, kind, start, end)


@spellings(
    ("последняя декада декабря", AY, "period", D(2021, 12, 21), D(2021, 12, 31)),
    ("в последней декаде мая", AY, "period", D(2022, 5, 21), D(2022, 5, 31)),
    ("3-4 неделя октября", AY, "period", D(2021, 10, 15), D(2021, 10, 28)),
    ("3 - 4 недели октября", AY, "period", D(2021, 10, 15), D(2021, 10, 28)),
    ("1-2 неделя сентября", AY, "period", D(2021, 9, 1), D(2021, 9, 14)),
    ("I-II декада сентября", AY, "period", D(2021, 9, 1), D(2021, 9, 20)),
    ("2–3 декада февраля", AY, "period", D(2022, 2, 11), D(2022, 2, 28)),
    ("4-6 неделя октября", AY, "unknown", None, None),
    ("3-4 декада октября", AY, "unknown", None, None),
)
def test_ranges_of_weeks_and_decades(
    text: str, plan: Period, kind: DeadlineKind, start: D | None, end: D | None
) -> None:
    """ "3-4 неделя октября" runs from week 3's first day to week 4's last (rule 7)."""
    check(text, plan, kind, start, end)


# --------------------------------------------------------------------------------------------
# Half-years, quarters and school quarters abbreviated


@spellings(
    ("I пол.", AY, "period", D(2021, 9, 1), D(2021, 12, 31)),
    ("II пол.", AY, "period", D(2022, 1, 1), D(2022, 8, 31)),
    ("II пол. 2022 г.", AY, "period", D(2022, 7, 1), D(2022, 12, 31)),
    ("1 пол. 2022", AY, "period", D(2022, 1, 1), D(2022, 6, 30)),
    ("I-е полугодие", AY, "period", D(2021, 9, 1), D(2021, 12, 31)),
    ("II-е полугодие", CY, "period", D(2022, 7, 1), D(2022, 12, 31)),
    ("I четв.", AY, "period", D(2021, 9, 1), D(2021, 10, 31)),
    ("III четв.", AY, "period", D(2022, 1, 1), D(2022, 3, 31)),
    ("II-я четверть", AY, "period", D(2021, 11, 1), D(2021, 12, 31)),
    ("IV-й квартал", CY, "period", D(2022, 10, 1), D(2022, 12, 31)),
    ("III пол.", AY, "unknown", None, None),
)
def test_abbreviated_halves_and_quarters(
    text: str, plan: Period, kind: DeadlineKind, start: D | None, end: D | None
) -> None:
    """ "пол.", "четв." and "I-е" name the same units as the full words (rules 3, 4, 6)."""
    check(text, plan, kind, start, end)


@spellings(
    ("2022-2023 г.г.", AY, "period", D(2022, 1, 1), D(2023, 12, 31)),
    ("2022-2023 гг.", AY, "period", D(2022, 1, 1), D(2023, 12, 31)),
    ("2022 - 2023 г.г.", AY, "period", D(2022, 1, 1), D(2023, 12, 31)),
    ("2022-2023 г.", AY, "period", D(2022, 9, 1), D(2023, 8, 31)),
    ("2021 г.", AY, "period", D(2021, 1, 1), D(2021, 12, 31)),
)
def test_plural_years_with_dotted_abbreviation(
    text: str, plan: Period, kind: DeadlineKind, start: D | None, end: D | None
) -> None:
    """ "г.г." is the plural "гг.": calendar years, as in a title (rule 1)."""
    check(text, plan, kind, start, end)


# --------------------------------------------------------------------------------------------
# Lists and ranges


@spellings(
    ("сентябрь/январь", AY, "period", D(2021, 9, 1), D(2022, 1, 31)),
    ("апрель / октябрь", AY, "period", D(2021, 10, 1), D(2022, 4, 30)),
    ("с 15 сентября - до 15 октября", AY, "period", D(2021, 9, 15), D(2021, 10, 15)),
    ("с 01.09.2021 – по 10.09.2021", AY, "period", D(2021, 9, 1), D(2021, 9, 10)),
)
def test_slashed_lists_and_dashed_ranges(
    text: str, plan: Period, kind: DeadlineKind, start: D | None, end: D | None
) -> None:
    """A slash between months lists them (rule 8); "с X – до Y" is one range (rule 7)."""
    check(text, plan, kind, start, end)


# --------------------------------------------------------------------------------------------
# Recurring, abbreviated


@pytest.mark.parametrize(
    ("text", "recurrence"),
    [
        ("ежемес.", "monthly"),
        ("Ежемес", "monthly"),
        ("ежекварт.", "quarterly"),
        ("ежеполуг.", "half_yearly"),
        ("1 раз в кв.", "quarterly"),
        ("1 раз в мес.", "monthly"),
        ("1 раз в четв.", "quarterly"),
        ("не реже 1 раза в кв.", "quarterly"),
    ],
)
def test_abbreviated_recurrences(text: str, recurrence: Recurrence) -> None:
    """Abbreviated "ежемес.", "в кв." recur like the full words, over the plan period (rule 9)."""
    deadline = parse_deadline(text, AY)
    assert (deadline.kind, deadline.recurrence) == ("recurring", recurrence)
    assert (deadline.start, deadline.end) == (AY.start, AY.end)


# --------------------------------------------------------------------------------------------
# Dates that another document sets


@pytest.mark.parametrize(
    "text",
    [
        "согласно плану",
        "Согласно графику",
        "согласно расписанию",
        "в соответствии с графиком",
        "В соответствии с планом работы",
        "в установленные сроки",
        "в сроки, установленные Минобрнауки",
        "по срокам МО",
        "по срокам, установленным УО",
        "по положению",
        "в соответствии с утвержденным графиком",
        "согласно утвержденному графику",
        "согласно отдельному плану",
        "согласно годовому плану",
        "в соответствии с годовым планом",
        "при наличии финансирования",
        "по согласованию",
        "по мере необходимости",
    ],
)
def test_dates_set_elsewhere_are_as_needed(text: str) -> None:
    """A cell that sends the reader to another document's dates is as_needed, undated."""
    deadline = parse_deadline(text, AY)
    assert (deadline.kind, deadline.start, deadline.end) == ("as_needed", None, None)


def test_a_written_date_wins_over_a_reference_to_a_schedule() -> None:
    """ "сентябрь (согласно графику)" is September: the date wins over the qualifier."""
    deadline = parse_deadline("сентябрь (согласно графику)", AY)
    assert (deadline.kind, deadline.start, deadline.end) == (
        "period",
        D(2021, 9, 1),
        D(2021, 9, 30),
    )


def test_context_is_not_needed_for_a_cell_that_names_its_own_date() -> None:
    """Under «ЯНВАРЬ», a cell "2022-03-01" keeps its own day (rule 12)."""
    context = DeadlineContext(D(2022, 1, 1), D(2022, 1, 31))
    deadline = parse_deadline("2022-03-01", AY, context)
    assert (deadline.kind, deadline.start) == ("date", D(2022, 3, 1))


# --------------------------------------------------------------------------------------------
# Start, middle and end of longer periods (rule 15)


@spellings(
    ("начало учебного года", AY, "period", D(2021, 9, 1), D(2021, 9, 30)),
    ("В начале учебного года", AY, "period", D(2021, 9, 1), D(2021, 9, 30)),
    ("конец учебного года", AY, "period", D(2022, 5, 1), D(2022, 5, 31)),
    ("в конце уч. года", AY, "period", D(2022, 5, 1), D(2022, 5, 31)),
    ("конец уч.г.", AY, "period", D(2022, 5, 1), D(2022, 5, 31)),
    ("в конце учебного года", AY_JUNE, "period", D(2022, 6, 1), D(2022, 6, 30)),
    ("середина учебного года", AY, "period", D(2022, 1, 1), D(2022, 1, 31)),
    ("начало учебного года", CY, "period", D(2022, 9, 1), D(2022, 9, 30)),
    ("конец учебного года", CY, "period", D(2022, 5, 1), D(2022, 5, 31)),
    ("конец года", CY, "period", D(2022, 12, 1), D(2022, 12, 31)),
    ("в конце года", CY, "period", D(2022, 12, 1), D(2022, 12, 31)),
    ("начало года", CY, "period", D(2022, 1, 1), D(2022, 1, 31)),
    ("середина года", CY, "period", D(2022, 7, 1), D(2022, 7, 31)),
    ("конец календарного года", AY, "period", D(2021, 12, 1), D(2021, 12, 31)),
    ("в конце 2021 года", AY, "period", D(2021, 12, 1), D(2021, 12, 31)),
    ("начало 2022 г.", AY, "period", D(2022, 1, 1), D(2022, 1, 31)),
    ("конец года", AY, "unknown", None, None),
    ("в конце года", AY, "unknown", None, None),
)
def test_start_middle_and_end_of_a_year(
    text: str, plan: Period, kind: DeadlineKind, start: D | None, end: D | None
) -> None:
    """A year's start, middle or end is its first, middle or last month; the school year ends in
    May (June where the plan ends then); "конец года" of an academic plan is ambiguous."""
    check(text, plan, kind, start, end)


@spellings(
    ("конец I полугодия", AY, "period", D(2021, 12, 1), D(2021, 12, 31)),
    ("в конце I полугодия", AY, "period", D(2021, 12, 1), D(2021, 12, 31)),
    ("конец первого полугодия", AY, "period", D(2021, 12, 1), D(2021, 12, 31)),
    ("Конец 1 полугодия", AY, "period", D(2021, 12, 1), D(2021, 12, 31)),
    ("конец 1-го полугодия", AY, "period", D(2021, 12, 1), D(2021, 12, 31)),
    ("начало II полугодия", AY, "period", D(2022, 1, 1), D(2022, 1, 31)),
    ("конец II полугодия", AY, "period", D(2022, 5, 1), D(2022, 5, 31)),
    ("середина I полугодия", AY, "period", D(2021, 10, 1), D(2021, 10, 31)),
    ("конец I полугодия", CY, "period", D(2022, 6, 1), D(2022, 6, 30)),
    ("конец I пол.", AY, "period", D(2021, 12, 1), D(2021, 12, 31)),
    ("конец I четверти", AY, "period", D(2021, 10, 1), D(2021, 10, 31)),
    ("в конце 2 четверти", AY, "period", D(2021, 12, 1), D(2021, 12, 31)),
    ("окончание I четверти", AY, "period", D(2021, 10, 1), D(2021, 10, 31)),
    ("конец IV четверти", AY, "period", D(2022, 5, 1), D(2022, 5, 31)),
    ("начало III четверти", AY, "period", D(2022, 1, 1), D(2022, 1, 31)),
    ("конец I квартала 2022 г.", AY, "period", D(2022, 3, 1), D(2022, 3, 31)),
    ("в конце III кв.", CY, "period", D(2022, 9, 1), D(2022, 9, 30)),
    ("конец III полугодия", AY, "unknown", None, None),
)
def test_start_middle_and_end_of_halves_and_quarters(
    text: str, plan: Period, kind: DeadlineKind, start: D | None, end: D | None
) -> None:
    """ "конец I полугодия" is the half's last month, "начало" its first (rules 4, 6, 15)."""
    check(text, plan, kind, start, end)


@pytest.mark.parametrize(
    ("text", "plan", "end"),
    [
        ("до конца учебного года", AY, D(2022, 5, 31)),
        ("до конца уч. года", AY, D(2022, 5, 31)),
        ("к концу учебного года", AY, D(2022, 5, 31)),
        ("до начала учебного года", CY, D(2022, 9, 1)),
        ("к началу учебного года", AY, D(2021, 9, 1)),
        ("до конца I полугодия", AY, D(2021, 12, 31)),
        ("до окончания I четверти", AY, D(2021, 10, 31)),
        ("до конца 2021 года", AY, D(2021, 12, 31)),
        ("до конца года", CY, D(2022, 12, 31)),
        ("до конца сентября", AY, D(2021, 9, 30)),
        ("к началу мая", AY, D(2022, 5, 1)),
    ],
)
def test_due_by_the_start_or_end_of_a_period(text: str, plan: Period, end: D) -> None:
    """ "до конца X" is due on X's last day, "к началу X" on its first (rules 5, 15)."""
    deadline = parse_deadline(text, plan)
    assert (deadline.kind, deadline.start, deadline.end) == ("due", None, end)


def test_due_by_the_end_of_an_ambiguous_year_stays_unknown() -> None:
    """ "до конца года" in an academic-year plan: the calendar's or the school's (rule 15)."""
    assert parse_deadline("до конца года", AY).kind == "unknown"


@pytest.mark.parametrize(
    ("text", "recurrence"),
    [
        ("в конце четверти", "quarterly"),
        ("Конец четверти", "quarterly"),
        ("по окончании четверти", "quarterly"),
        ("в конце каждой четверти", "quarterly"),
        ("в конце квартала", "quarterly"),
        ("в конце месяца", "monthly"),
        ("конец месяца", "monthly"),
        ("в конце мес.", "monthly"),
        ("в начале месяца", "monthly"),
        ("в конце полугодия", "half_yearly"),
    ],
)
def test_the_end_of_an_unnumbered_cycle_recurs(text: str, recurrence: Recurrence) -> None:
    """ "в конце четверти" names no quarter: the end of each one, over the plan (rule 15)."""
    deadline = parse_deadline(text, AY)
    assert (deadline.kind, deadline.recurrence) == ("recurring", recurrence)
    assert (deadline.start, deadline.end) == (AY.start, AY.end)


@pytest.mark.parametrize(
    ("text", "kind", "start", "end"),
    [
        ("в конце месяца", "period", D(2021, 10, 21), D(2021, 10, 31)),
        ("в начале месяца", "period", D(2021, 10, 1), D(2021, 10, 10)),
        ("середина месяца", "period", D(2021, 10, 11), D(2021, 10, 20)),
        ("в конце мес.", "period", D(2021, 10, 21), D(2021, 10, 31)),
        ("3 декада", "period", D(2021, 10, 21), D(2021, 10, 31)),
        ("II декада", "period", D(2021, 10, 11), D(2021, 10, 20)),
        ("последняя декада", "period", D(2021, 10, 21), D(2021, 10, 31)),
        ("вторая половина месяца", "period", D(2021, 10, 16), D(2021, 10, 31)),
        ("до 15 числа", "due", None, D(2021, 10, 15)),
        ("не позднее 25-го числа", "due", None, D(2021, 10, 25)),
        ("25 числа", "date", D(2021, 10, 25), D(2021, 10, 25)),
        ("40 числа", "unknown", None, None),
    ],
)
def test_parts_of_the_month_a_section_row_names(
    text: str, kind: DeadlineKind, start: D | None, end: D | None
) -> None:
    """Under «ОКТЯБРЬ», "в конце месяца" and "до 15 числа" are of October (rule 12)."""
    context = DeadlineContext.from_heading("ОКТЯБРЬ", AY)
    assert context is not None
    deadline = parse_deadline(text, AY, context)
    assert (deadline.kind, deadline.start, deadline.end) == (kind, start, end)


def test_a_day_number_without_a_month_section_stays_unknown() -> None:
    """ "до 15 числа" with no month above it names no month."""
    assert parse_deadline("до 15 числа", AY).kind == "unknown"


# --------------------------------------------------------------------------------------------
# Seasons and school holidays (rule 15)


@spellings(
    ("осенние каникулы", AY, "period", D(2021, 10, 21), D(2021, 11, 10)),
    ("в осенние каникулы", AY, "period", D(2021, 10, 21), D(2021, 11, 10)),
    ("во время осенних каникул", AY, "period", D(2021, 10, 21), D(2021, 11, 10)),
    ("Зимние каникулы", AY, "period", D(2021, 12, 21), D(2022, 1, 10)),
    ("зимние каникулы", CY, "period", D(2022, 12, 21), D(2023, 1, 10)),
    ("в дни весенних каникул", AY, "period", D(2022, 3, 21), D(2022, 4, 10)),
    ("летние каникулы", AY, "period", D(2022, 6, 1), D(2022, 8, 31)),
    ("в период летних каникул", AY, "period", D(2022, 6, 1), D(2022, 8, 31)),
    ("летние каникулы 2022 г.", AY, "period", D(2022, 6, 1), D(2022, 8, 31)),
    ("каникулы", AY, "unknown", None, None),
    ("в каникулы", AY, "unknown", None, None),
)
def test_school_holidays(
    text: str, plan: Period, kind: DeadlineKind, start: D | None, end: D | None
) -> None:
    """Holidays named by season are dated as schools keep them; "каникулы" alone is not."""
    check(text, plan, kind, start, end)


@spellings(
    ("летом", AY, "period", D(2022, 6, 1), D(2022, 8, 31)),
    ("Лето", AY, "period", D(2022, 6, 1), D(2022, 8, 31)),
    ("лето 2022 г.", CY, "period", D(2022, 6, 1), D(2022, 8, 31)),
    ("летний период", AY, "period", D(2022, 6, 1), D(2022, 8, 31)),
    ("в летний оздоровительный период", AY, "period", D(2022, 6, 1), D(2022, 8, 31)),
    ("осенью", AY, "period", D(2021, 9, 1), D(2021, 11, 30)),
    ("в осенний период", AY, "period", D(2021, 9, 1), D(2021, 11, 30)),
    ("зимой", AY, "period", D(2021, 12, 1), D(2022, 2, 28)),
    ("весной", AY, "period", D(2022, 3, 1), D(2022, 5, 31)),
    ("весенний период", CY, "period", D(2022, 3, 1), D(2022, 5, 31)),
    ("осень, весна", AY, "period", D(2021, 9, 1), D(2022, 5, 31)),
    (
        "в течение летнего оздоровительного периода",
        AY,
        "continuous",
        D(2022, 6, 1),
        D(2022, 8, 31),
    ),
)
def test_seasons(
    text: str, plan: Period, kind: DeadlineKind, start: D | None, end: D | None
) -> None:
    """Seasons are the calendar ones, in the year their first month takes (rules 2, 15)."""
    check(text, plan, kind, start, end)


# --------------------------------------------------------------------------------------------
# A date with its reason


@spellings(
    ("май (по итогам года)", AY, "period", D(2022, 5, 1), D(2022, 5, 31)),
    ("май (по итогам учебного года)", AY, "period", D(2022, 5, 1), D(2022, 5, 31)),
    ("май, по итогам года", AY, "period", D(2022, 5, 1), D(2022, 5, 31)),
    ("январь (по итогам I полугодия)", AY, "period", D(2022, 1, 1), D(2022, 1, 31)),
    ("сентябрь, январь (по итогам полугодий)", AY, "period", D(2021, 9, 1), D(2022, 1, 31)),
    ("декабрь (итоговое сочинение)", AY, "period", D(2021, 12, 1), D(2021, 12, 31)),
    ("по итогам I четверти", AY, "unknown", None, None),
    ("по окончании учебного года", AY, "unknown", None, None),
)
def test_a_date_with_its_reason_is_that_date(
    text: str, plan: Period, kind: DeadlineKind, start: D | None, end: D | None
) -> None:
    """ "май (по итогам года)" is May; "по итогам I четверти" alone is after it, undated."""
    check(text, plan, kind, start, end)


@pytest.mark.parametrize(
    ("text", "recurrence"),
    [("по итогам года", "yearly"), ("по итогам четверти", "quarterly")],
)
def test_results_without_a_date_still_recur(text: str, recurrence: Recurrence) -> None:
    """Without a date of its own, "по итогам четверти" recurs each quarter (rule 9)."""
    deadline = parse_deadline(text, AY)
    assert (deadline.kind, deadline.recurrence) == ("recurring", recurrence)


def test_recurring_results_with_bounds_stay_recurring() -> None:
    """ "сентябрь – май, по итогам каждого месяца" recurs monthly within its bounds (rule 9)."""
    deadline = parse_deadline("сентябрь – май, по итогам каждого месяца", AY)
    assert (deadline.kind, deadline.recurrence) == ("recurring", "monthly")
    assert (deadline.start, deadline.end) == (D(2021, 9, 1), D(2022, 5, 31))


@pytest.mark.parametrize(
    ("text", "recurrence"),
    [
        ("ежегодно до 1 сентября", "yearly"),
        ("до 10.09\n(ежегодно)", "yearly"),
        ("ежегодно до 1 июня", "yearly"),
    ],
)
def test_a_due_day_within_one_cycle_says_by_when_in_each(text: str, recurrence: Recurrence) -> None:
    """ "ежегодно до 1 сентября" is yearly over the plan, not a span ending September 1 (rule 9)."""
    deadline = parse_deadline(text, AY)
    assert (deadline.kind, deadline.recurrence) == ("recurring", recurrence)
    assert (deadline.start, deadline.end) == (AY.start, AY.end)


def test_a_due_day_beyond_one_cycle_bounds_the_recurrence() -> None:
    """ "ежемесячно до 15.05.2022" recurs monthly from the plan's start to May 15 (rule 9)."""
    deadline = parse_deadline("ежемесячно до 15.05.2022", AY)
    assert (deadline.kind, deadline.start, deadline.end) == (
        "recurring",
        D(2021, 9, 1),
        D(2022, 5, 15),
    )


# --------------------------------------------------------------------------------------------
# Holidays with a fixed day (rule 16)


@spellings(
    ("День знаний", AY, "date", D(2021, 9, 1), D(2021, 9, 1)),
    ("в День знаний", CY, "date", D(2022, 9, 1), D(2022, 9, 1)),
    ("День учителя", AY, "date", D(2021, 10, 5), D(2021, 10, 5)),
    ("ко Дню учителя", AY, "due", None, D(2021, 10, 5)),
    ("к Дню пожилого человека", AY, "due", None, D(2021, 10, 1)),
    ("ко Дню народного единства", AY, "due", None, D(2021, 11, 4)),
    ("День Конституции РФ", AY, "date", D(2021, 12, 12), D(2021, 12, 12)),
    ("к Новому году", AY, "due", None, D(2021, 12, 31)),
    ("новогодние праздники", CY, "date", D(2022, 12, 31), D(2022, 12, 31)),
    ("ко Дню защитника Отечества", AY, "due", None, D(2022, 2, 23)),
    ("к Международному женскому дню", AY, "due", None, D(2022, 3, 8)),
    ("День космонавтики", AY, "date", D(2022, 4, 12), D(2022, 4, 12)),
    ("ко Дню Победы", AY, "due", None, D(2022, 5, 9)),
    ("к Дню Победы", AY, "due", None, D(2022, 5, 9)),
    ("КО ДНЮ ПОБЕДЫ", AY, "due", None, D(2022, 5, 9)),
    ("День Победы 2022 г.", AY, "date", D(2022, 5, 9), D(2022, 5, 9)),
    ("День славянской письменности и культуры", AY, "date", D(2022, 5, 24), D(2022, 5, 24)),
    ("День защиты детей", AY, "date", D(2022, 6, 1), D(2022, 6, 1)),
    ("ко Дню России", AY, "due", None, D(2022, 6, 12)),
    ("День матери", AY, "unknown", None, None),
    ("ко дню рождения школы", AY, "unknown", None, None),
)
def test_holidays_named_instead_of_their_day(
    text: str, plan: Period, kind: DeadlineKind, start: D | None, end: D | None
) -> None:
    """A holiday with a fixed day is that day; one whose day moves names no date (rule 16)."""
    check(text, plan, kind, start, end)


# --------------------------------------------------------------------------------------------
# The school year as a whole, first days of a month, ordinal weeks


@spellings(
    ("учебный год", AY, "continuous", D(2021, 9, 1), D(2022, 8, 31)),
    ("Учебный год", AY, "continuous", D(2021, 9, 1), D(2022, 8, 31)),
    ("в учебном году", AY, "continuous", D(2021, 9, 1), D(2022, 8, 31)),
    ("в текущем учебном году", AY, "continuous", D(2021, 9, 1), D(2022, 8, 31)),
    ("в 2021-2022 учебном году", AY, "period", D(2021, 9, 1), D(2022, 8, 31)),
    ("2022-2023 учебный год", AY, "period", D(2022, 9, 1), D(2023, 8, 31)),
)
def test_the_school_year_as_a_whole(
    text: str, plan: Period, kind: DeadlineKind, start: D | None, end: D | None
) -> None:
    """ "учебный год" alone spans the plan (rule 9); with its years it is a period (rule 1)."""
    check(text, plan, kind, start, end)


@spellings(
    ("первые числа сентября", AY, "period", D(2021, 9, 1), D(2021, 9, 10)),
    ("в первых числах сентября", AY, "period", D(2021, 9, 1), D(2021, 9, 10)),
    ("в последних числах мая", AY, "period", D(2022, 5, 21), D(2022, 5, 31)),
    ("последние числа декабря", AY, "period", D(2021, 12, 21), D(2021, 12, 31)),
    ("в 1-ю неделю сентября", AY, "period", D(2021, 9, 1), D(2021, 9, 7)),
    ("в 1-ую неделю сентября", AY, "period", D(2021, 9, 1), D(2021, 9, 7)),
    ("1-ая неделя октября", AY, "period", D(2021, 10, 1), D(2021, 10, 7)),
)
def test_first_and_last_days_and_ordinal_weeks_of_a_month(
    text: str, plan: Period, kind: DeadlineKind, start: D | None, end: D | None
) -> None:
    """ "первые числа" is the first decade, "последние числа" the last (rule 7)."""
    check(text, plan, kind, start, end)


@pytest.mark.parametrize("text", ["регулярно", "Регулярно", "регулярно, в течение года"])
def test_regularly_is_continuous(text: str) -> None:
    """ "регулярно", like "систематически", runs through the plan period (rule 9)."""
    deadline = parse_deadline(text, CY)
    assert (deadline.kind, deadline.start, deadline.end) == ("continuous", CY.start, CY.end)


@pytest.mark.parametrize(
    "text",
    ["по окончании мероприятия", "после проведения", "в течение 3 рабочих дней", "по факту"],
)
def test_a_time_relative_to_an_event_stays_unknown(text: str) -> None:
    """A deadline counted from an event the cell does not date cannot be dated."""
    deadline = parse_deadline(text, CY)
    assert (deadline.kind, deadline.start, deadline.end) == ("unknown", None, None)


# --------------------------------------------------------------------------------------------
# Under a month's section row (rule 12)


@pytest.mark.parametrize(
    ("text", "kind", "start", "end"),
    [
        ("последняя неделя", "period", D(2021, 10, 25), D(2021, 10, 31)),
        ("2-3 неделя", "period", D(2021, 10, 8), D(2021, 10, 21)),
        ("на 2 неделе", "period", D(2021, 10, 8), D(2021, 10, 14)),
        ("еженедельно", "recurring", D(2021, 9, 1), D(2022, 8, 31)),
        ("по пятницам", "recurring", D(2021, 9, 1), D(2022, 8, 31)),
        ("постоянно", "continuous", D(2021, 9, 1), D(2022, 8, 31)),
        ("в течение учебного года", "continuous", D(2021, 9, 1), D(2022, 8, 31)),
        ("весь период", "continuous", D(2021, 9, 1), D(2022, 8, 31)),
        ("ежемесячно с сентября по май", "recurring", D(2021, 9, 1), D(2022, 5, 31)),
        ("март", "period", D(2022, 3, 1), D(2022, 3, 31)),
        ("по мере необходимости", "as_needed", None, None),
    ],
)
def test_a_month_row_dates_its_weeks_not_recurrences(
    text: str, kind: DeadlineKind, start: D | None, end: D | None
) -> None:
    """Under «ОКТЯБРЬ», "последняя неделя" is October's; "еженедельно" still spans the plan (a
    plan lists it under the month it starts in) and "март" keeps its own month (rules 9, 12)."""
    context = DeadlineContext.from_heading("ОКТЯБРЬ", AY)
    assert context is not None
    deadline = parse_deadline(text, AY, context)
    assert (deadline.kind, deadline.start, deadline.end) == (kind, start, end)


@pytest.mark.parametrize(
    ("heading", "start", "end"),
    [
        ("ЛЕТНИЙ ОЗДОРОВИТЕЛЬНЫЙ ПЕРИОД", D(2022, 6, 1), D(2022, 8, 31)),
        ("Вторая половина октября", D(2021, 10, 16), D(2021, 10, 31)),
        ("09.2021", D(2021, 9, 1), D(2021, 9, 30)),
        ("Конец учебного года", D(2022, 5, 1), D(2022, 5, 31)),
    ],
)
def test_new_spellings_head_the_rows_under_them(heading: str, start: D, end: D) -> None:
    """A section row holding only one of these spellings is a date heading (rule 12)."""
    assert DeadlineContext.from_heading(heading, AY) == DeadlineContext(start, end)


@pytest.mark.parametrize(
    "text",
    [
        "первый понедельник месяца",
        "последняя пятница месяца",
        "каждая последняя пятница месяца",
        "в последнюю пятницу месяца",
        "каждую третью среду",
        "2-ая и 4-ая среда месяца",
        "1-й вторник",
    ],
)
def test_one_weekday_of_each_month_recurs_monthly(text: str) -> None:
    """ "последняя пятница месяца" happens once a month, over the plan period (rule 9)."""
    deadline = parse_deadline(text, AY)
    assert (deadline.kind, deadline.recurrence) == ("recurring", "monthly")
    assert (deadline.start, deadline.end) == (AY.start, AY.end)


@pytest.mark.parametrize("text", ["каждый четверг", "по четвергам", "каждую среду"])
def test_every_weekday_still_recurs_weekly(text: str) -> None:
    """A weekday with no ordinal before it is every week's (rule 9)."""
    assert parse_deadline(text, AY).recurrence == "weekly"


@spellings(
    ("до01.10.2021", AY, "due", None, D(2021, 10, 1)),
    ("Срок: до 01.10.2021", AY, "due", None, D(2021, 10, 1)),
    ("в срок: до 01.10.2021", AY, "due", None, D(2021, 10, 1)),
    ("Срок исполнения: не позднее 01.10.2021", AY, "due", None, D(2021, 10, 1)),
    ("ноябрь 2021 г. -", AY, "period", D(2021, 11, 1), D(2021, 11, 30)),
    ("– ноябрь", AY, "period", D(2021, 11, 1), D(2021, 11, 30)),
    ("—", AY, "unknown", None, None),
    ("-", AY, "unknown", None, None),
)
def test_punctuation_around_a_date(
    text: str, plan: Period, kind: DeadlineKind, start: D | None, end: D | None
) -> None:
    """ "до01.10.2021", "Срок: до …" and a stray dash at an edge do not hide the date."""
    check(text, plan, kind, start, end)


def test_a_lone_dash_under_a_month_row_is_no_date() -> None:
    """«—» in a cell says there is no deadline; it is not the section's month (rule 12)."""
    context = DeadlineContext(D(2021, 10, 1), D(2021, 10, 31))
    assert parse_deadline("—", AY, context).kind == "unknown"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("втечение года", D(2021, 9, 1), D(2022, 8, 31)),
        ("Втечение учебного года", D(2021, 9, 1), D(2022, 8, 31)),
        ("в течении года", D(2021, 9, 1), D(2022, 8, 31)),
        ("в теч. I полуг.", D(2021, 9, 1), D(2021, 12, 31)),
        ("втечение октября", D(2021, 10, 1), D(2021, 10, 31)),
    ],
)
def test_during_written_hastily(text: str, start: D, end: D) -> None:
    """ "втечение", "в течении", "в теч." are "в течение" (rule 9)."""
    deadline = parse_deadline(text, AY)
    assert (deadline.kind, deadline.start, deadline.end) == ("continuous", start, end)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("сентябрь 2021 г. (1 неделя)", D(2021, 9, 1), D(2021, 9, 7)),
        ("сентябрь 2021\n(1 неделя)", D(2021, 9, 1), D(2021, 9, 7)),
        ("май 2022 года, 3 неделя", D(2022, 5, 15), D(2022, 5, 21)),
        ("октябрь (3 неделя)", D(2021, 10, 15), D(2021, 10, 21)),
    ],
)
def test_a_week_written_after_its_month_and_year(text: str, start: D, end: D) -> None:
    """ "сентябрь 2021 г. (1 неделя)" is that week of that month of that year (rule 7)."""
    deadline = parse_deadline(text, AY)
    assert (deadline.kind, deadline.start, deadline.end) == ("period", start, end)


@spellings(
    ("2021, сентябрь", AY, "period", D(2021, 9, 1), D(2021, 9, 30)),
    ("2022 г., январь, май", AY, "period", D(2022, 1, 1), D(2022, 5, 31)),
    ("2021 г., сентябрь-октябрь", CY, "period", D(2021, 9, 1), D(2021, 10, 31)),
    ("Ноябрь, 2021", CY, "period", D(2021, 11, 1), D(2021, 11, 30)),
    ("2021, 2022", AY, "period", D(2021, 1, 1), D(2022, 12, 31)),
)
def test_a_year_written_before_its_months(
    text: str, plan: Period, kind: DeadlineKind, start: D | None, end: D | None
) -> None:
    """A year alone before a comma is the year of the months after it, as after them (rule 8)."""
    check(text, plan, kind, start, end)
