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


def check(
    text: str, plan: Period | None, kind: DeadlineKind, start: D | None, end: D | None
) -> None:
    deadline = parse_deadline(text, plan)
    assert (deadline.kind, deadline.start, deadline.end) == (kind, start, end)
    assert deadline.text == text


# --------------------------------------------------------------------------------------------
# Days written every way


@pytest.mark.parametrize(
    ("text", "plan", "kind", "start", "end"),
    rows(
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
    ),
)
def test_days_in_iso_slashed_roman_and_ordinal_spellings(
    text: str, plan: Period, kind: DeadlineKind, start: D | None, end: D | None
) -> None:
    """An ISO day, a slashed day, a Roman month and "1-го" name one day; no day, no date."""
    check(text, plan, kind, start, end)


@pytest.mark.parametrize(
    ("text", "plan", "kind", "start", "end"),
    rows(
        ("09.2021", AY, "period", D(2021, 9, 1), D(2021, 9, 30)),
        ("09.2021 г.", AY, "period", D(2021, 9, 1), D(2021, 9, 30)),
        ("2.2022", AY, "period", D(2022, 2, 1), D(2022, 2, 28)),
        ("IX.2021", AY, "period", D(2021, 9, 1), D(2021, 9, 30)),
        ("XII.2021 г.", AY, "period", D(2021, 12, 1), D(2021, 12, 31)),
        ("09.2021-05.2022", AY, "period", D(2021, 9, 1), D(2022, 5, 31)),
        ("13.2021", AY, "unknown", None, None),
    ),
)
def test_a_month_written_with_its_year_in_numbers(
    text: str, plan: Period, kind: DeadlineKind, start: D | None, end: D | None
) -> None:
    """ "09.2021" and "IX.2021" are a month of a year (rule 2), "13.2021" no month."""
    check(text, plan, kind, start, end)


@pytest.mark.parametrize(
    ("text", "plan", "kind", "start", "end"),
    rows(
        ("к 1-му сентября", AY, "due", None, D(2021, 9, 1)),
        ("не позднее 1-го октября", AY, "due", None, D(2021, 10, 1)),
        ("до 2021-12-25", AY, "due", None, D(2021, 12, 25)),
        ("не позднее 25/12/2021", AY, "due", None, D(2021, 12, 25)),
        ("до 01.IV.2022", AY, "due", None, D(2022, 4, 1)),
        ("до 05.2022", AY, "due", None, D(2022, 5, 1)),
        ("не позднее 05.2022", AY, "due", None, D(2022, 5, 31)),
    ),
)
def test_due_with_the_new_day_spellings(
    text: str, plan: Period, kind: DeadlineKind, start: D | None, end: D | None
) -> None:
    """ "до"/"к"/"не позднее" before any spelling of a day or month is due (rule 5)."""
    check(text, plan, kind, start, end)


# --------------------------------------------------------------------------------------------
# Parts of a month


@pytest.mark.parametrize(
    ("text", "plan", "kind", "start", "end"),
    rows(
        ("вторая половина октября", AY, "period", D(2021, 10, 16), D(2021, 10, 31)),
        ("Вторая половина октября", AY, "period", D(2021, 10, 16), D(2021, 10, 31)),
        ("во второй половине октября", AY, "period", D(2021, 10, 16), D(2021, 10, 31)),
        ("2-я половина октября", AY, "period", D(2021, 10, 16), D(2021, 10, 31)),
        ("II половина февраля", AY, "period", D(2022, 2, 16), D(2022, 2, 28)),
        ("первая половина сентября", AY, "period", D(2021, 9, 1), D(2021, 9, 15)),
        ("в первой половине сентября", AY, "period", D(2021, 9, 1), D(2021, 9, 15)),
        ("1-я половина декабря 2022 г.", AY, "period", D(2022, 12, 1), D(2022, 12, 15)),
        ("третья половина октября", AY, "unknown", None, None),
    ),
)
def test_half_of_a_month(
    text: str, plan: Period, kind: DeadlineKind, start: D | None, end: D | None
) -> None:
    """The first half of a month is its days 1–15, the second 16 to its end (rule 7)."""
    check(text, plan, kind, start, end)


@pytest.mark.parametrize(
    ("text", "plan", "kind", "start", "end"),
    rows(
        ("последняя декада декабря", AY, "period", D(2021, 12, 21), D(2021, 12, 31)),
        ("в последней декаде мая", AY, "period", D(2022, 5, 21), D(2022, 5, 31)),
        ("3-4 неделя октября", AY, "period", D(2021, 10, 15), D(2021, 10, 28)),
        ("3 - 4 недели октября", AY, "period", D(2021, 10, 15), D(2021, 10, 28)),
        ("1-2 неделя сентября", AY, "period", D(2021, 9, 1), D(2021, 9, 14)),
        ("I-II декада сентября", AY, "period", D(2021, 9, 1), D(2021, 9, 20)),
        ("2–3 декада февраля", AY, "period", D(2022, 2, 11), D(2022, 2, 28)),
        ("4-6 неделя октября", AY, "unknown", None, None),
        ("3-4 декада октября", AY, "unknown", None, None),
    ),
)
def test_ranges_of_weeks_and_decades(
    text: str, plan: Period, kind: DeadlineKind, start: D | None, end: D | None
) -> None:
    """ "3-4 неделя октября" runs from week 3's first day to week 4's last (rule 7)."""
    check(text, plan, kind, start, end)


# --------------------------------------------------------------------------------------------
# Half-years, quarters and school quarters abbreviated


@pytest.mark.parametrize(
    ("text", "plan", "kind", "start", "end"),
    rows(
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
    ),
)
def test_abbreviated_halves_and_quarters(
    text: str, plan: Period, kind: DeadlineKind, start: D | None, end: D | None
) -> None:
    """ "пол.", "четв." and "I-е" name the same units as the full words (rules 3, 4, 6)."""
    check(text, plan, kind, start, end)


@pytest.mark.parametrize(
    ("text", "plan", "kind", "start", "end"),
    rows(
        ("2022-2023 г.г.", AY, "period", D(2022, 1, 1), D(2023, 12, 31)),
        ("2022-2023 гг.", AY, "period", D(2022, 1, 1), D(2023, 12, 31)),
        ("2022 - 2023 г.г.", AY, "period", D(2022, 1, 1), D(2023, 12, 31)),
        ("2022-2023 г.", AY, "period", D(2022, 9, 1), D(2023, 8, 31)),
        ("2021 г.", AY, "period", D(2021, 1, 1), D(2021, 12, 31)),
    ),
)
def test_plural_years_with_dotted_abbreviation(
    text: str, plan: Period, kind: DeadlineKind, start: D | None, end: D | None
) -> None:
    """ "г.г." is the plural "гг.": calendar years, as in a title (rule 1)."""
    check(text, plan, kind, start, end)


# --------------------------------------------------------------------------------------------
# Lists and ranges


@pytest.mark.parametrize(
    ("text", "plan", "kind", "start", "end"),
    rows(
        ("сентябрь/январь", AY, "period", D(2021, 9, 1), D(2022, 1, 31)),
        ("апрель / октябрь", AY, "period", D(2021, 10, 1), D(2022, 4, 30)),
        ("с 15 сентября - до 15 октября", AY, "period", D(2021, 9, 15), D(2021, 10, 15)),
        ("с 01.09.2021 – по 10.09.2021", AY, "period", D(2021, 9, 1), D(2021, 9, 10)),
    ),
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
