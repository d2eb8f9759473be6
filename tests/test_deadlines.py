"""Deadline cells → Deadline (docs/model.md, "Deadlines", rules 2–14).

Every expected value is written by hand from the rules; none is computed by planio. The tables
are grouped by rule and kind; each row is (text, plan period, expected deadline).
"""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planio.dates.deadlines import DeadlineContext, parse_deadline
from planio.dates.vocabulary import (
    DOTTED_DATE_RE,
    MONTH_RE,
    YEAR_RE,
    add_years,
    fold,
    half_year_bounds,
    is_academic_year,
    last_day_of_month,
    month_number,
    normalize,
    ordinal_value,
    parse_year,
    quarter_bounds,
    roman_to_int,
    school_quarter_bounds,
)
from planio.model import Deadline, DeadlineKind, DeadlinePeriod, Period, Recurrence

D = date
T = time

# Plan periods the tables use.
AY = Period(D(2021, 9, 1), D(2022, 8, 31), label="2021 – 2022 учебный год")  # academic year
AY24 = Period(D(2023, 9, 1), D(2024, 8, 31), label="2023-2024 учебный год")  # has a February 29
AY_JUNE = Period(D(2021, 9, 1), D(2022, 6, 30), label="2021/2022 уч. г.")  # ends with school
CY = Period(D(2022, 1, 1), D(2022, 12, 31), label="2022 год")  # calendar year
MY = Period(D(2020, 1, 1), D(2024, 12, 31), label="2020–2024 годы")  # several years
JAN23 = Period(D(2023, 1, 1), D(2023, 1, 31), label="январь 2023 г.")  # one month
PLANS = {id(AY): "AY", id(AY24): "AY24", id(AY_JUNE): "AYJ", id(CY): "CY", id(MY): "MY"}
PLANS[id(JAN23)] = "JAN23"


# --------------------------------------------------------------------------------------------
# Expected deadlines, spelled out


def on_day(
    text: str, plan: Period | None, day: D | None, at: T | None = None, until: T | None = None
) -> tuple[str, Period | None, Deadline]:
    """Kind ``date``: one day (None: the day needs the missing plan period), at a time."""
    if day is None:
        return text, plan, Deadline(text=text, kind="date")
    periods = [DeadlinePeriod(start=day, end=day)]
    deadline = Deadline(
        text=text, kind="date", start=day, end=day, periods=periods, start_time=at, end_time=until
    )
    return text, plan, deadline


def due(text: str, plan: Period | None, day: D | None) -> tuple[str, Period | None, Deadline]:
    """Kind ``due``: no start, the end is the day."""
    return text, plan, Deadline(text=text, kind="due", end=day)


def period(
    text: str, plan: Period | None, *spans: tuple[D, D]
) -> tuple[str, Period | None, Deadline]:
    """Kind ``period``: the named intervals in order (none: they need the plan period)."""
    if not spans:
        return text, plan, Deadline(text=text, kind="period")
    return (
        text,
        plan,
        Deadline(
            text=text,
            kind="period",
            start=min(start for start, _ in spans),
            end=max(end for _, end in spans),
            periods=[DeadlinePeriod(start=start, end=end) for start, end in spans],
        ),
    )


def spanning(
    kind: DeadlineKind,
    text: str,
    plan: Period | None,
    span: tuple[D, D] | None,
    recurrence: Recurrence | None,
) -> tuple[str, Period | None, Deadline]:
    if span is None:
        return text, plan, Deadline(text=text, kind=kind, recurrence=recurrence)
    start, end = span
    deadline = Deadline(
        text=text,
        kind=kind,
        start=start,
        end=end,
        periods=[DeadlinePeriod(start=start, end=end)],
        recurrence=recurrence,
    )
    return text, plan, deadline


def recurring(
    text: str, plan: Period | None, recurrence: Recurrence, span: tuple[D, D] | None
) -> tuple[str, Period | None, Deadline]:
    return spanning("recurring", text, plan, span, recurrence)


def continuous(
    text: str, plan: Period | None, span: tuple[D, D] | None
) -> tuple[str, Period | None, Deadline]:
    return spanning("continuous", text, plan, span, None)


def as_needed(text: str, plan: Period | None = AY) -> tuple[str, Period | None, Deadline]:
    return text, plan, Deadline(text=text, kind="as_needed")


def unknown(text: str, plan: Period | None = AY) -> tuple[str, Period | None, Deadline]:
    return text, plan, Deadline(text=text)


def the(plan: Period) -> tuple[D, D]:
    return plan.start, plan.end


def cases(*rows: tuple[str, Period | None, Deadline]) -> list[object]:
    """Rows as pytest params with a readable id: the text and the plan it is read against."""
    return [
        pytest.param(text, plan, expected, id=f"{text!r}@{PLANS.get(id(plan), 'none')}")
        for text, plan, expected in rows
    ]


# --------------------------------------------------------------------------------------------
# The tables

DATES = cases(
    on_day("15.10.2021", None, D(2021, 10, 15)),
    on_day("15.10.2021", AY, D(2021, 10, 15)),
    on_day("15 октября 2021 г.", None, D(2021, 10, 15)),
    on_day("15 октября 2021 года", CY, D(2021, 10, 15)),
    on_day("1.9.2021", None, D(2021, 9, 1)),
    on_day("01.09.21г.", None, D(2021, 9, 1)),
    on_day("05.01.23г", None, D(2023, 1, 5)),  # rule 10: two-digit years are 20xx
    on_day("1 марта 22 г.", None, D(2022, 3, 1)),
    on_day("15 октября", AY, D(2021, 10, 15)),  # rule 2: September–December, first year
    on_day("15 октября", CY, D(2022, 10, 15)),
    on_day("15 октября", None, None),  # rule 11
    on_day("15.10", AY, D(2021, 10, 15)),
    on_day("10 февраля", AY, D(2022, 2, 10)),  # rule 2: January–August, second year
    on_day("29 февраля", AY24, D(2024, 2, 29)),
    on_day("15.10.2025", AY, D(2025, 10, 15)),  # rule 10: outside the plan, as written
    on_day("15.10.2021 в 10.00", AY, D(2021, 10, 15), T(10)),  # rule 10: times are kept
    on_day("15.10.2021 г. в 10.00 ч.", None, D(2021, 10, 15), T(10)),
    on_day("15 октября 2021 г., 14:00", None, D(2021, 10, 15), T(14)),
    on_day("с 10.00 до 12.00 15.10.2021", None, D(2021, 10, 15), T(10), T(12)),
    on_day("15.10.2021 (пятница)", None, D(2021, 10, 15)),
)

DUE = cases(
    due("до 01.05.2022", AY, D(2022, 5, 1)),
    due("до 01.05.2022", None, D(2022, 5, 1)),
    due("До 01.04.2022 г.", CY, D(2022, 4, 1)),
    due("не позднее 15 мая", AY, D(2022, 5, 15)),  # rule 5 with rule 2
    due("не позднее 15 мая", CY, D(2022, 5, 15)),
    due("не позднее 15 мая", None, None),  # rule 11
    due("к 1 сентября", AY, D(2021, 9, 1)),
    due("к 1 сентября", CY, D(2022, 9, 1)),
    due("не позже 1 июня 2022 г.", None, D(2022, 6, 1)),
    due("в срок до 01.04.2022", None, D(2022, 4, 1)),
    due("до 15.05.2022 г. включительно", None, D(2022, 5, 15)),
    due("по 15 мая 2022", None, D(2022, 5, 15)),
    # A month or longer: "до"/"к" end on its first day, "не позднее"/"до конца" on its last.
    due("до мая", AY, D(2022, 5, 1)),
    due("к сентябрю", CY, D(2022, 9, 1)),
    due("до конца мая", AY, D(2022, 5, 31)),
    due("не позднее декабря", AY, D(2021, 12, 31)),
    due("до 2023 года", None, D(2023, 1, 1)),
    due("не позднее I квартала 2022 г.", None, D(2022, 3, 31)),
)

MONTHS = cases(  # rule 2
    period("декабрь 2022 года", None, (D(2022, 12, 1), D(2022, 12, 31))),
    period("Июнь 2022 года", AY, (D(2022, 6, 1), D(2022, 6, 30))),
    period("в марте 2022 года", CY, (D(2022, 3, 1), D(2022, 3, 31))),
    period("сентябрь", AY, (D(2021, 9, 1), D(2021, 9, 30))),
    period("декабрь", AY, (D(2021, 12, 1), D(2021, 12, 31))),
    period("в январе", AY, (D(2022, 1, 1), D(2022, 1, 31))),
    period("Май", AY, (D(2022, 5, 1), D(2022, 5, 31))),
    period("август", AY, (D(2022, 8, 1), D(2022, 8, 31))),
    period("сентябрь", CY, (D(2022, 9, 1), D(2022, 9, 30))),
    period("январь", CY, (D(2022, 1, 1), D(2022, 1, 31))),
    period("февраль", AY24, (D(2024, 2, 1), D(2024, 2, 29))),
    period("март", MY, (D(2020, 3, 1), D(2020, 3, 31))),  # the first year it falls inside
    period("февраль", JAN23, (D(2023, 2, 1), D(2023, 2, 28))),  # none: the period's start year
    period("сент. 2021 г.", None, (D(2021, 9, 1), D(2021, 9, 30))),
    period("янв. 2022", None, (D(2022, 1, 1), D(2022, 1, 31))),
    period("нояб. 2021 г.", None, (D(2021, 11, 1), D(2021, 11, 30))),
    period("сентябрь 21 г.", None, (D(2021, 9, 1), D(2021, 9, 30))),
    period("октябрь", None),  # rule 11
)

QUARTERS = cases(  # rule 3
    period("I квартал 2022 года", None, (D(2022, 1, 1), D(2022, 3, 31))),
    period("1 кв. 2022 г.", AY, (D(2022, 1, 1), D(2022, 3, 31))),
    period("в 3-м квартале 2022 г.", None, (D(2022, 7, 1), D(2022, 9, 30))),
    period("в первом квартале", AY, (D(2022, 1, 1), D(2022, 3, 31))),
    period("II квартал", AY, (D(2022, 4, 1), D(2022, 6, 30))),
    period("III квартал", AY, (D(2022, 7, 1), D(2022, 9, 30))),  # July+August beat September
    period("IV квартал", AY, (D(2021, 10, 1), D(2021, 12, 31))),
    period("в I кв.", AY, (D(2022, 1, 1), D(2022, 3, 31))),
    period("2 квартал", CY, (D(2022, 4, 1), D(2022, 6, 30))),
    period("IV квартал", MY, (D(2020, 10, 1), D(2020, 12, 31))),  # a tie: the earliest
    period("четвертый квартал 2022 г.", None, (D(2022, 10, 1), D(2022, 12, 31))),
    period("III квартал 2021/2022", None, (D(2022, 7, 1), D(2022, 9, 30))),
    period("во II квартале", None),  # rule 11
)

HALVES = cases(  # rule 4
    period("I полугодие 2022 года", None, (D(2022, 1, 1), D(2022, 6, 30))),
    period("2-е полугодие 2022 г.", AY, (D(2022, 7, 1), D(2022, 12, 31))),
    period("первое полугодие 2022 года", None, (D(2022, 1, 1), D(2022, 6, 30))),
    period("I полугодие", AY, (D(2021, 9, 1), D(2021, 12, 31))),
    period("во втором полугодии", AY, (D(2022, 1, 1), D(2022, 8, 31))),
    period("II полугодие", AY_JUNE, (D(2022, 1, 1), D(2022, 6, 30))),  # to the period's end
    period("1 полугодие", CY, (D(2022, 1, 1), D(2022, 6, 30))),
    period("II полугодие", CY, (D(2022, 7, 1), D(2022, 12, 31))),
    period("II полугодие 2021-2022 учебного года", None, (D(2022, 1, 1), D(2022, 8, 31))),
    period("I полугодие", None),  # rule 11
)

SCHOOL_QUARTERS = cases(  # rule 6
    period("I четверть", AY, (D(2021, 9, 1), D(2021, 10, 31))),
    period("2 четверть", AY, (D(2021, 11, 1), D(2021, 12, 31))),
    period("III четверть", AY, (D(2022, 1, 1), D(2022, 3, 31))),
    period("IV четверть", AY, (D(2022, 4, 1), D(2022, 5, 31))),
    period("в третьей четверти", AY, (D(2022, 1, 1), D(2022, 3, 31))),
    period("I четверть 2022-2023 уч. г.", None, (D(2022, 9, 1), D(2022, 10, 31))),
    period("3 четверть", CY, (D(2022, 1, 1), D(2022, 3, 31))),  # the one inside the year
    period("I четверть", CY, (D(2022, 9, 1), D(2022, 10, 31))),
    period("II четверть", None),  # rule 11
)

RANGES = cases(  # rule 7
    period("Январь – апрель 2022 года", None, (D(2022, 1, 1), D(2022, 4, 30))),
    period("Январь – апрель 2022 года", AY, (D(2022, 1, 1), D(2022, 4, 30))),
    period("с 01.02 по 15.03.2022", None, (D(2022, 2, 1), D(2022, 3, 15))),
    period("июнь-сентябрь", AY, (D(2022, 6, 1), D(2022, 9, 30))),
    period("сентябрь-май", AY, (D(2021, 9, 1), D(2022, 5, 31))),
    period("ноябрь-декабрь", AY, (D(2021, 11, 1), D(2021, 12, 31))),
    period("с сентября по май", CY, (D(2022, 9, 1), D(2023, 5, 31))),
    period("сентябрь 2021 г. – май 2022 г.", None, (D(2021, 9, 1), D(2022, 5, 31))),
    period("с 1 по 15 марта 2022 г.", None, (D(2022, 3, 1), D(2022, 3, 15))),
    period("15-16 октября 2021 г.", None, (D(2021, 10, 15), D(2021, 10, 16))),
    period("1-15 марта", AY, (D(2022, 3, 1), D(2022, 3, 15))),
    period("IV квартал 2021 г. – I квартал 2022 г.", None, (D(2021, 10, 1), D(2022, 3, 31))),
    period("I-II квартал 2022 г.", None, (D(2022, 1, 1), D(2022, 6, 30))),
    period("III - IV кварталы 2022 года", None, (D(2022, 7, 1), D(2022, 12, 31))),
    period("1-2 квартал", AY, (D(2022, 1, 1), D(2022, 6, 30))),
    period("I – II полугодие", AY, (D(2021, 9, 1), D(2022, 8, 31))),
    # The year at the end would put the first part after the last: the year before.
    period("с 01.12 по 15.01.2022", None, (D(2021, 12, 1), D(2022, 1, 15))),
    period("ноябрь – январь 2022 г.", None, (D(2021, 11, 1), D(2022, 1, 31))),
    # A later part without a year: the first year at or after the part before it.
    period("с 01.12.2021 по 15.01", None, (D(2021, 12, 1), D(2022, 1, 15))),
    period("декабрь 2021 - февраль", None, (D(2021, 12, 1), D(2022, 2, 28))),
    period("2022-2024 гг.", None, (D(2022, 1, 1), D(2024, 12, 31))),
    period("с 2022 по 2024 год", None, (D(2022, 1, 1), D(2024, 12, 31))),
    # "с X" without an end: to the end of the plan period.
    period("с 01.09.2021", AY, (D(2021, 9, 1), D(2022, 8, 31))),
    period("начиная с января 2022 г.", AY, (D(2022, 1, 1), D(2022, 8, 31))),
    period("май-июнь", None),  # rule 11
)

LISTS = cases(  # rule 8
    period(
        "Июнь-сентябрь 2021 года, июнь-сентябрь 2022 года",
        AY,
        (D(2021, 6, 1), D(2021, 9, 30)),
        (D(2022, 6, 1), D(2022, 9, 30)),
    ),
    period("октябрь, март", AY, (D(2021, 10, 1), D(2021, 10, 31)), (D(2022, 3, 1), D(2022, 3, 31))),
    period(
        "октябрь, ноябрь 2022 г.",
        AY,
        (D(2022, 10, 1), D(2022, 10, 31)),
        (D(2022, 11, 1), D(2022, 11, 30)),
    ),
    period(
        "декабрь, январь 2023",
        None,
        (D(2023, 12, 1), D(2023, 12, 31)),
        (D(2023, 1, 1), D(2023, 1, 31)),
    ),
    period(
        "октябрь 2021, март", AY, (D(2021, 10, 1), D(2021, 10, 31)), (D(2022, 3, 1), D(2022, 3, 31))
    ),
    period("октябрь 2021, март", None),  # март needs the plan period
    period(
        "01.09.2021, 15.01.2022",
        None,
        (D(2021, 9, 1), D(2021, 9, 1)),
        (D(2022, 1, 15), D(2022, 1, 15)),
    ),
    period(
        "01.09.2021; 15.01.2022 и 20.05.2022",
        None,
        (D(2021, 9, 1), D(2021, 9, 1)),
        (D(2022, 1, 15), D(2022, 1, 15)),
        (D(2022, 5, 20), D(2022, 5, 20)),
    ),
    period(
        "15 и 20 октября",
        AY,
        (D(2021, 10, 15), D(2021, 10, 15)),
        (D(2021, 10, 20), D(2021, 10, 20)),
    ),
    period("I, III кварталы", AY, (D(2022, 1, 1), D(2022, 3, 31)), (D(2022, 7, 1), D(2022, 9, 30))),
    period(
        "1 и 3 квартал 2022", None, (D(2022, 1, 1), D(2022, 3, 31)), (D(2022, 7, 1), D(2022, 9, 30))
    ),
    period(
        "апрель-май, сентябрь-октябрь",
        AY,
        (D(2022, 4, 1), D(2022, 5, 31)),
        (D(2021, 9, 1), D(2021, 10, 31)),
    ),
    period(
        "2022, 2023 годы", None, (D(2022, 1, 1), D(2022, 12, 31)), (D(2023, 1, 1), D(2023, 12, 31))
    ),
)

YEARS = cases(  # rule 10 and academic years
    period("2024", None, (D(2024, 1, 1), D(2024, 12, 31))),
    period("2024", AY, (D(2024, 1, 1), D(2024, 12, 31))),
    period("в 2022 году", AY, (D(2022, 1, 1), D(2022, 12, 31))),
    period("2022 г.", None, (D(2022, 1, 1), D(2022, 12, 31))),
    period("2022-2023 учебный год", None, (D(2022, 9, 1), D(2023, 8, 31))),
    period("2021/2022", None, (D(2021, 9, 1), D(2022, 8, 31))),
    period("2021-22 уч. г.", None, (D(2021, 9, 1), D(2022, 8, 31))),
    period("2021-2022", None, (D(2021, 9, 1), D(2022, 8, 31))),  # as in a title: academic
    period("на 2021-2022 год", None, (D(2021, 9, 1), D(2022, 8, 31))),
    period("2021-2023", None, (D(2021, 1, 1), D(2023, 12, 31))),  # not consecutive: calendar
)

RECURRING = cases(
    recurring("1 раз в квартал", AY, "quarterly", the(AY)),
    recurring("1 раз в квартал", CY, "quarterly", the(CY)),
    recurring("1 раз в квартал", None, "quarterly", None),  # rule 11
    recurring("ежеквартально", MY, "quarterly", the(MY)),
    recurring("1 раз в четверть", AY, "quarterly", the(AY)),
    recurring("по четвертям", AY, "quarterly", the(AY)),
    recurring("4 раза в год", AY, "quarterly", the(AY)),
    recurring("раз в 3 месяца", AY, "quarterly", the(AY)),
    recurring("еженедельно", AY, "weekly", the(AY)),
    recurring("1 раз в неделю", CY, "weekly", the(CY)),
    recurring("не реже 1–2 раз в неделю", AY, "weekly", the(AY)),
    recurring("по понедельникам", AY, "weekly", the(AY)),
    recurring("каждую пятницу", AY, "weekly", the(AY)),
    recurring("ежемесячно", AY, "monthly", the(AY)),
    recurring("1 раз в месяц", CY, "monthly", the(CY)),
    recurring("ежемесячно до 5 числа", AY, "monthly", the(AY)),
    recurring("2 раза в месяц", AY, "monthly", the(AY)),
    recurring("раз в 2 месяца", AY, "monthly", the(AY)),
    recurring("2 раза в год", AY, "half_yearly", the(AY)),
    recurring("1 раз в полугодие", AY, "half_yearly", the(AY)),
    recurring("раз в полгода", CY, "half_yearly", the(CY)),
    recurring("дважды в год", AY, "half_yearly", the(AY)),
    recurring("1 раз в год", AY, "yearly", the(AY)),
    recurring("ежегодно", CY, "yearly", the(CY)),
    recurring("Ежегодно", None, "yearly", None),
    recurring("по мере необходимости, но не реже 1 раза в квартал", AY, "quarterly", the(AY)),
    recurring("в течение учебного года, ежемесячно", AY, "monthly", the(AY)),
    # Rule 9: with bounds of its own.
    recurring("ежемесячно с января по май", AY, "monthly", (D(2022, 1, 1), D(2022, 5, 31))),
    recurring("ежемесячно с января по май", None, "monthly", None),
    recurring(
        "ежеквартально в течение 2022 года", None, "quarterly", (D(2022, 1, 1), D(2022, 12, 31))
    ),
    recurring("еженедельно в сентябре", AY, "weekly", (D(2021, 9, 1), D(2021, 9, 30))),
    recurring("ежемесячно до 15.05.2022", AY, "monthly", (D(2021, 9, 1), D(2022, 5, 15))),
    # A date no longer than one cycle says when in each cycle: the plan period.
    recurring("ежегодно в сентябре", AY, "yearly", the(AY)),
    recurring("2 раза в год (октябрь, апрель)", AY, "half_yearly", the(AY)),
)

CONTINUOUS = cases(
    continuous("В течение учебного года", AY, the(AY)),
    continuous("В течение учебного года", CY, the(CY)),
    continuous("В течение учебного года", None, None),  # rule 11
    continuous("в течение года", CY, the(CY)),
    continuous("постоянно", AY, the(AY)),
    continuous("Постоянно", None, None),
    continuous("систематически", AY, the(AY)),
    continuous("ежедневно", AY, the(AY)),
    continuous("в течение всего периода", MY, the(MY)),
    # Rule 9: with bounds of its own.
    continuous("в течение I полугодия", AY, (D(2021, 9, 1), D(2021, 12, 31))),
    continuous("в течение 2022 года", None, (D(2022, 1, 1), D(2022, 12, 31))),
    continuous("в течение 2021-2022 учебного года", None, (D(2021, 9, 1), D(2022, 8, 31))),
    continuous("в течение марта", AY, (D(2022, 3, 1), D(2022, 3, 31))),
    continuous("ежедневно с 01.09 по 30.09", AY, (D(2021, 9, 1), D(2021, 9, 30))),
)

AS_NEEDED = cases(
    as_needed("по мере необходимости"),
    as_needed("По мере необходимости", None),
    as_needed("по отдельному графику"),
    as_needed("по графику"),
    as_needed("по плану", CY),
    as_needed("по плану работы ОО"),
    as_needed("по запросу"),
    as_needed("по согласованию"),
    as_needed("по мере поступления"),
    as_needed("по приглашению"),
    as_needed("при необходимости"),
    # Dates win over the qualifier.
    period("Сентябрь (по согласованию)", AY, (D(2021, 9, 1), D(2021, 9, 30))),
)

UNKNOWN = cases(
    unknown(""),
    unknown("   "),
    unknown("\n\u00a0", None),
    unknown("что-то непонятное"),
    unknown("в течение месяца"),  # a duration after some event, not a date
    unknown("в течение 10 дней"),
    unknown("31.04.2022"),
    unknown("29.02.2022"),
    unknown("13.13.2022"),
    unknown("V квартал 2022 г."),
    unknown("III полугодие"),
    unknown("5 четверть"),
    unknown("с 15.03.2022 по 01.02.2022"),  # never start > end
    unknown("в 14:00"),
    unknown("до 01.04.2022, до 01.10.2022"),
    unknown("по итогам I четверти"),
    unknown("15"),
    unknown("конец года"),
    unknown("после 01.05.2022"),
)

NORMALISED = cases(
    period("Январь –\u00a0апрель\n2022 года", None, (D(2022, 1, 1), D(2022, 4, 30))),
    period("Январь - апрель 2022 года", None, (D(2022, 1, 1), D(2022, 4, 30))),
    period("июнь—сентябрь 2022 г.", None, (D(2022, 6, 1), D(2022, 9, 30))),
    period("ДЕКАБРЬ 2022 ГОДА", None, (D(2022, 12, 1), D(2022, 12, 31))),
    period("в четвёртом квартале", AY, (D(2021, 10, 1), D(2021, 12, 31))),
    due("  до 01.05.2022  ", None, D(2022, 5, 1)),
    due("до\n01.05.2022", None, D(2022, 5, 1)),
    due("до 01.05.2022.", None, D(2022, 5, 1)),
    continuous("В  течение\nучебного  года", AY, the(AY)),
)

ALL_TABLES = {
    "date": DATES,
    "due": DUE,
    "months": MONTHS,
    "quarters": QUARTERS,
    "halves": HALVES,
    "school quarters": SCHOOL_QUARTERS,
    "ranges": RANGES,
    "lists": LISTS,
    "years": YEARS,
    "recurring": RECURRING,
    "continuous": CONTINUOUS,
    "as_needed": AS_NEEDED,
    "unknown": UNKNOWN,
    "normalised": NORMALISED,
}


@pytest.mark.parametrize(("text", "plan", "expected"), DATES)
def test_single_days(text: str, plan: Period | None, expected: Deadline) -> None:
    assert parse_deadline(text, plan) == expected


@pytest.mark.parametrize(("text", "plan", "expected"), DUE)
def test_due_rule_5(text: str, plan: Period | None, expected: Deadline) -> None:
    assert parse_deadline(text, plan) == expected


@pytest.mark.parametrize(("text", "plan", "expected"), MONTHS)
def test_months_rule_2(text: str, plan: Period | None, expected: Deadline) -> None:
    assert parse_deadline(text, plan) == expected


@pytest.mark.parametrize(("text", "plan", "expected"), QUARTERS)
def test_quarters_rule_3(text: str, plan: Period | None, expected: Deadline) -> None:
    assert parse_deadline(text, plan) == expected


@pytest.mark.parametrize(("text", "plan", "expected"), HALVES)
def test_half_years_rule_4(text: str, plan: Period | None, expected: Deadline) -> None:
    assert parse_deadline(text, plan) == expected


@pytest.mark.parametrize(("text", "plan", "expected"), SCHOOL_QUARTERS)
def test_school_quarters_rule_6(text: str, plan: Period | None, expected: Deadline) -> None:
    assert parse_deadline(text, plan) == expected


@pytest.mark.parametrize(("text", "plan", "expected"), RANGES)
def test_ranges_rule_7(text: str, plan: Period | None, expected: Deadline) -> None:
    assert parse_deadline(text, plan) == expected


@pytest.mark.parametrize(("text", "plan", "expected"), LISTS)
def test_lists_rule_8(text: str, plan: Period | None, expected: Deadline) -> None:
    assert parse_deadline(text, plan) == expected


@pytest.mark.parametrize(("text", "plan", "expected"), YEARS)
def test_years_rule_10(text: str, plan: Period | None, expected: Deadline) -> None:
    assert parse_deadline(text, plan) == expected


@pytest.mark.parametrize(("text", "plan", "expected"), RECURRING)
def test_recurring_rule_9(text: str, plan: Period | None, expected: Deadline) -> None:
    assert parse_deadline(text, plan) == expected


@pytest.mark.parametrize(("text", "plan", "expected"), CONTINUOUS)
def test_continuous_rule_9(text: str, plan: Period | None, expected: Deadline) -> None:
    assert parse_deadline(text, plan) == expected


@pytest.mark.parametrize(("text", "plan", "expected"), AS_NEEDED)
def test_as_needed(text: str, plan: Period | None, expected: Deadline) -> None:
    assert parse_deadline(text, plan) == expected


@pytest.mark.parametrize(("text", "plan", "expected"), UNKNOWN)
def test_unknown(text: str, plan: Period | None, expected: Deadline) -> None:
    assert parse_deadline(text, plan) == expected


@pytest.mark.parametrize(("text", "plan", "expected"), NORMALISED)
def test_normalisation_keeps_the_text(text: str, plan: Period | None, expected: Deadline) -> None:
    deadline = parse_deadline(text, plan)
    assert deadline == expected
    assert deadline.text == text  # exactly as given, never stripped


def test_the_tables_cover_every_kind_and_many_phrases() -> None:
    rows = [param.values for table in ALL_TABLES.values() for param in table]  # type: ignore[attr-defined]
    kinds = {expected.kind for _, _, expected in rows}
    assert kinds == {"date", "due", "period", "recurring", "continuous", "as_needed", "unknown"}
    recurrences = {expected.recurrence for _, _, expected in rows} - {None}
    assert recurrences == {"weekly", "monthly", "quarterly", "half_yearly", "yearly"}
    assert len({text for text, _, _ in rows}) >= 90


def test_the_seed_plans_deadlines() -> None:
    """The deadline column of shared/seed/plan-2021-2022.txt against its title's period."""
    seed = {
        "декабрь 2022 года": ("period", D(2022, 12, 1), D(2022, 12, 31)),
        "1 раз в квартал": ("recurring", D(2021, 9, 1), D(2022, 8, 31)),
        "В течение учебного года": ("continuous", D(2021, 9, 1), D(2022, 8, 31)),
        "I квартал 2022 года": ("period", D(2022, 1, 1), D(2022, 3, 31)),
        "Январь – апрель 2022 года": ("period", D(2022, 1, 1), D(2022, 4, 30)),
        "до 01.05.2022": ("due", None, D(2022, 5, 1)),
        "Июнь 2022 года": ("period", D(2022, 6, 1), D(2022, 6, 30)),
        "до 01.04.2022": ("due", None, D(2022, 4, 1)),
        "Июнь-сентябрь 2021 года, июнь-сентябрь 2022 года": (
            "period",
            D(2021, 6, 1),
            D(2022, 9, 30),
        ),
    }
    for text, (kind, start, end) in seed.items():
        deadline = parse_deadline(text, AY)
        assert (deadline.kind, deadline.start, deadline.end) == (kind, start, end), text
    assert parse_deadline("1 раз в квартал", AY).recurrence == "quarterly"


def test_json_shape_of_a_deadline() -> None:
    deadline = parse_deadline("декабрь 2022 года", AY)
    assert deadline.model_dump(mode="json") == {
        "text": "декабрь 2022 года",
        "kind": "period",
        "start": "2022-12-01",
        "end": "2022-12-31",
        "periods": [{"start": "2022-12-01", "end": "2022-12-31"}],
        "recurrence": None,
        "start_time": None,
        "end_time": None,
        "remainder": "",
    }


# --------------------------------------------------------------------------------------------
# Properties

PERIODS = st.one_of(
    st.none(),
    st.sampled_from([AY, AY24, AY_JUNE, CY, MY, JAN23]),
    st.tuples(st.dates(), st.dates()).map(lambda pair: Period(min(pair), max(pair))),
)


def words(line: str) -> list[str]:
    """The space-separated words of a line (keeps long vocabularies readable)."""
    return line.split()


VOCABULARY = [
    *words(
        "до не позднее позже к с со по в во течение начиная конца начала срок и , ; - – — ( ) ."
    ),
    *words("ежемесячно еженедельно ежеквартально ежегодно ежедневно постоянно раз раза в год"),
    *words("неделю месяц квартал квартала кварталы полугодие полугодия четверть четверти"),
    *words("I II III IV V 1 2 3 4 5 1-й 2-е первом втором третьей четвёртом"),
    *words("январь января январе янв. февраль февраля 29 марта апрель мая май июнь июль"),
    *words("августа сентябрь сент. октября ноябрь нояб. декабрь декабря"),
    *words("2021 2022 2023 0000 0001 9998 9999 23г 21г. г. гг. года году годы 2021/2022"),
    *words("2021-2022 учебный уч. учебного 15.10.2021 01.05 31.04.2022 29.02 31.12.9999"),
    *words("01.01.0001 10.00 14:00 ч. по мере необходимости графику плану запросу"),
    "\n",
    "\u00a0",
]


def check_invariants(text: str, deadline: Deadline) -> None:
    assert deadline.text == text
    if deadline.start is not None and deadline.end is not None:
        assert deadline.start <= deadline.end
    for interval in deadline.periods:
        assert interval.start <= interval.end
    if deadline.periods:
        assert deadline.start == min(interval.start for interval in deadline.periods)
        assert deadline.end == max(interval.end for interval in deadline.periods)
    assert (deadline.recurrence is not None) == (deadline.kind == "recurring")
    if deadline.kind in ("as_needed", "unknown"):
        assert (deadline.start, deadline.end, deadline.periods) == (None, None, [])
    if deadline.kind == "due":
        assert deadline.start is None and deadline.periods == []


@settings(max_examples=400, deadline=None)
@given(text=st.text(), plan=PERIODS)
def test_never_raises_on_any_text(text: str, plan: Period | None) -> None:
    check_invariants(text, parse_deadline(text, plan))


@settings(max_examples=1500, deadline=None)
@given(words=st.lists(st.sampled_from(VOCABULARY), max_size=8), plan=PERIODS)
def test_never_raises_on_date_like_text(words: list[str], plan: Period | None) -> None:
    text = " ".join(words)
    check_invariants(text, parse_deadline(text, plan))


# --------------------------------------------------------------------------------------------
# The shared vocabulary (planio.dates.vocabulary) the parser is built from


@pytest.mark.parametrize(
    ("word", "month"),
    [
        ("январь", 1),
        ("января", 1),
        ("январе", 1),
        ("Янв.", 1),
        ("февр.", 2),
        ("марта", 3),
        ("мае", 5),
        ("май", 5),
        ("июнем", 6),
        ("сент.", 9),
        ("сентябрь", 9),
        ("нояб", 11),
        ("декабре", 12),
        ("мартышка", None),
    ],
)
def test_month_number(word: str, month: int | None) -> None:
    assert month_number(word) == month


def test_month_regex_prefers_whole_words() -> None:
    assert [m.group() for m in MONTH_RE.finditer("с марта по сент. и мар")] == [
        "марта",
        "сент.",
        "мар",
    ]
    assert MONTH_RE.search("мартышка") is None


@pytest.mark.parametrize(
    ("token", "value"),
    [
        *[("I", 1), ("iv", 4), ("XII", 12), ("втором", 2), ("третьей", 3), ("четвертый", 4)],
        *[("1-й", 1), ("2-е", 2), ("3", 3), ("первая", 1), ("пятый", None)],
    ],
)
def test_ordinal_value(token: str, value: int | None) -> None:
    assert ordinal_value(token) == value


def test_roman_numerals() -> None:
    assert [roman_to_int(n) for n in ("I", "II", "III", "IV", "IX", "XI", "IIII")] == [
        1,
        2,
        3,
        4,
        9,
        11,
        None,
    ]


@pytest.mark.parametrize(
    ("token", "year"),
    [
        *[("2023", 2023), ("2023 г.", 2023), ("23г", 2023), ("23 года", 2023), ("05", 2005)],
        *[("2023 гг.", 2023), ("г.", None), ("12345", None)],
    ],
)
def test_parse_year(token: str, year: int | None) -> None:
    assert parse_year(token) == year


def test_year_regex_spans_keep_the_written_form() -> None:
    text = fold("до 01.05.2022, в 2023 г. и 24г")
    found = [(m.group("full"), m.group("short")) for m in YEAR_RE.finditer(text)]
    assert found == [("2023", None), (None, "24")]  # the dotted date's year is not a lone year


def test_dotted_dates() -> None:
    found = [m.groupdict() for m in DOTTED_DATE_RE.finditer("с 01.02 по 15.03.2022, 5.1.23")]
    assert found == [
        {"day": "01", "month": "02", "year": None},
        {"day": "15", "month": "03", "year": "2022"},
        {"day": "5", "month": "1", "year": "23"},
    ]
    assert DOTTED_DATE_RE.search("1.2.3.4") is None
    assert DOTTED_DATE_RE.search("12.10.2021.5") is None  # not part of a longer number


def test_folding_keeps_length_and_normalising_collapses() -> None:
    text = "Январь –\u00a0Апрель\n2022  ГОДА, четвёртый"
    assert len(fold(text)) == len(text)
    assert fold(text) == "январь - апрель 2022  года, четвертый"
    assert normalize(text) == "январь - апрель 2022 года, четвертый"


def test_calendar_helpers() -> None:
    assert last_day_of_month(2024, 2) == 29
    assert last_day_of_month(2023, 2) == 28
    assert quarter_bounds(2022, 3) == (D(2022, 7, 1), D(2022, 9, 30))
    assert half_year_bounds(2022, 1) == (D(2022, 1, 1), D(2022, 6, 30))
    assert school_quarter_bounds(2021, 3) == (D(2022, 1, 1), D(2022, 3, 31))
    assert add_years(D(2024, 2, 29), 1) == D(2025, 2, 28)
    assert add_years(D(2021, 5, 1), 1) == D(2022, 5, 1)
    assert is_academic_year(D(2021, 9, 1), D(2022, 8, 31))
    assert is_academic_year(D(2021, 9, 1), D(2022, 6, 30))
    assert not is_academic_year(D(2022, 1, 1), D(2022, 12, 31))


# --------------------------------------------------------------------------------------------
# Times of day, remainders, several lines, context from section rows (rules 10, 12, 13)

Y20 = Period(D(2020, 1, 1), D(2020, 12, 31), label="2020 год")


@pytest.mark.parametrize(
    ("text", "at", "until"),
    [
        ("15.10.2021 в 10.00", T(10), None),
        ("15.10.2021, 10:00-12:00", T(10), T(12)),
        ("15.10.2021 в 14 ч.", T(14), None),
        ("15.10.2021 14ч.00", T(14), None),
        ("15.10.2021 10-00", T(10), None),
        ("15.10.2021 10.00-11-00", T(10), T(11)),
        ("15.10.2021 в 10 ч. 30 мин.", T(10, 30), None),
        ("15.10.2021 с 9.00 до 10.30", T(9), T(10, 30)),
        ("15.10.2021 с 10 до 12 ч.", T(10), T(12)),
        ("15.10.2021 10-12 ч.", T(10), T(12)),
    ],
)
def test_times_of_day_in_their_spellings(text: str, at: T, until: T | None) -> None:
    deadline = parse_deadline(text, AY)
    assert (deadline.kind, deadline.start) == ("date", D(2021, 10, 15))
    assert (deadline.start_time, deadline.end_time) == (at, until)


def test_dotted_day_month_stays_a_date_not_a_time() -> None:
    assert parse_deadline("01.02 - 15.03", CY).periods == [
        DeadlinePeriod(start=D(2022, 2, 1), end=D(2022, 3, 15))
    ]
    assert parse_deadline("1-15", CY).kind == "unknown"  # days without a month: no context


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("1.-3 марта", D(2022, 3, 1), D(2022, 3, 3)),  # a dotted first day, the month once
        ("01-03.03.2022", D(2022, 3, 1), D(2022, 3, 3)),
        ("с 01.02 по 10.02.2022 (10 дней)", D(2022, 2, 1), D(2022, 2, 10)),
        ("с 01.02 по 10.02.2022 (10 календарных дней)", D(2022, 2, 1), D(2022, 2, 10)),
        ("I-полугодие", D(2022, 1, 1), D(2022, 6, 30)),
        ("II - полугодие", D(2022, 7, 1), D(2022, 12, 31)),
        ("2-я неделя октября", D(2022, 10, 8), D(2022, 10, 14)),
        ("в первую неделю марта", D(2022, 3, 1), D(2022, 3, 7)),
        ("5-я неделя февраля", None, None),  # February 2022 has no 29th: no fifth week
    ],
)
def test_more_spellings(text: str, start: D | None, end: D | None) -> None:
    deadline = parse_deadline(text, CY)
    assert (deadline.start, deadline.end) == (start, end)


def test_abbreviated_during_the_month() -> None:
    one_month = parse_deadline("в теч. мес.", JAN23)
    assert (one_month.kind, one_month.start, one_month.end) == (
        "continuous",
        D(2023, 1, 1),
        D(2023, 1, 31),
    )
    assert parse_deadline("в теч. мес.", AY).kind == "unknown"  # a duration, not a date
    assert parse_deadline("в теч. года", AY).kind == "continuous"


@pytest.mark.parametrize(
    ("text", "start", "end", "remainder"),
    [
        ("31.01.2016 г., малый зал", D(2016, 1, 31), D(2016, 1, 31), "малый зал"),
        ("февраль, актовый зал школы", D(2022, 2, 1), D(2022, 2, 28), "актовый зал школы"),
        ("15.03.2022 в 10.00 – спортивный зал", D(2022, 3, 15), D(2022, 3, 15), "спортивный зал"),
    ],
)
def test_what_a_cell_says_beyond_its_date_is_kept(
    text: str, start: D, end: D, remainder: str
) -> None:
    deadline = parse_deadline(text, CY)
    assert (deadline.start, deadline.end, deadline.remainder) == (start, end, remainder)
    assert deadline.text == text


@pytest.mark.parametrize(
    "text",
    ["V квартал 2022 г.", "до 01.04.2022, до 01.10.2022", "после 01.05.2022", "по итогам года"],
)
def test_a_remainder_is_never_a_date_not_understood(text: str) -> None:
    assert parse_deadline(text, CY).remainder == ""


def test_several_dates_on_several_lines() -> None:
    deadline = parse_deadline("23.03.2022\n25.03.2022\nмалый зал", CY)
    assert (deadline.kind, deadline.start, deadline.end) == (
        "period",
        D(2022, 3, 23),
        D(2022, 3, 25),
    )
    assert [p.start for p in deadline.periods] == [D(2022, 3, 23), D(2022, 3, 25)]
    assert deadline.remainder == "малый зал"


@pytest.mark.parametrize(
    ("heading", "start", "end"),
    [
        ("ЯНВАРЬ", D(2020, 1, 1), D(2020, 1, 31)),
        ("23 марта", D(2020, 3, 23), D(2020, 3, 23)),
        ("25марта", D(2020, 3, 25), D(2020, 3, 25)),
        ("I полугодие", D(2020, 1, 1), D(2020, 6, 30)),
    ],
)
def test_a_section_heading_sets_a_context(heading: str, start: D, end: D) -> None:
    context = DeadlineContext.from_heading(heading, Y20)
    assert context == DeadlineContext(start, end)


@pytest.mark.parametrize("heading", ["Раздел 1. Организационная работа", "Работа с родителями"])
def test_other_headings_set_none(heading: str) -> None:
    assert DeadlineContext.from_heading(heading, Y20) is None


def test_days_and_times_under_a_context() -> None:
    january = DeadlineContext(D(2020, 1, 1), D(2020, 1, 31))
    assert parse_deadline("2-3", Y20, january).periods == [
        DeadlinePeriod(start=D(2020, 1, 2), end=D(2020, 1, 3))
    ]
    assert parse_deadline("8, 15", Y20, january).end == D(2020, 1, 15)
    assert parse_deadline("3-я неделя", Y20, january).start == D(2020, 1, 15)
    assert parse_deadline("в течение месяца", Y20, january).kind == "continuous"
    assert parse_deadline("", Y20, january).periods == [
        DeadlinePeriod(start=D(2020, 1, 1), end=D(2020, 1, 31))
    ]
    assert parse_deadline("март", Y20, january).start == D(2020, 3, 1)  # a date of its own
    day = DeadlineContext(D(2020, 3, 23), D(2020, 3, 23))
    at = parse_deadline("12.30, актовый зал", Y20, day)
    assert (at.kind, at.start, at.start_time, at.remainder) == (
        "date",
        D(2020, 3, 23),
        T(12, 30),
        "актовый зал",
    )
    assert parse_deadline("Доп.график", Y20, day).kind == "as_needed"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("начало мая", D(2022, 5, 1), D(2022, 5, 10)),  # the month's decades
        ("в середине октября", D(2021, 10, 11), D(2021, 10, 20)),
        ("конец февраля", D(2022, 2, 21), D(2022, 2, 28)),
        ("в конце сентября", D(2021, 9, 21), D(2021, 9, 30)),
        ("первая декада октября", D(2021, 10, 1), D(2021, 10, 10)),
        ("III декада декабря", D(2021, 12, 21), D(2021, 12, 31)),
        ("последняя неделя августа", D(2022, 8, 25), D(2022, 8, 31)),
        ("сентябрь (1-я неделя)", D(2021, 9, 1), D(2021, 9, 7)),
        ("октябрь, 2 неделя", D(2021, 10, 8), D(2021, 10, 14)),
        ("Ноябрь, 2021", D(2021, 11, 1), D(2021, 11, 30)),  # the year of the month, not a period
        ("январь, 2022г.", D(2022, 1, 1), D(2022, 1, 31)),
    ],
)
def test_parts_of_a_month_and_a_year_after_a_comma(text: str, start: D, end: D) -> None:
    deadline = parse_deadline(text, AY)
    assert (deadline.kind, deadline.start, deadline.end) == ("period", start, end)
    assert len(deadline.periods) == 1


def test_due_phrases_keep_their_meaning_next_to_parts_of_a_month() -> None:
    assert parse_deadline("до конца сентября", AY).end == D(2021, 9, 30)
    assert parse_deadline("к началу мая", AY).end == D(2022, 5, 1)
