"""The plan period from a title (docs/model.md, rule 1). Expected values are written by hand."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planio.dates.deadlines import parse_deadline
from planio.dates.periods import detect_period
from planio.model import Period

D = date
SEED_TITLE = "План работы образовательно-отраслевого кластера транспорта на 2021 – 2022 учебный год"

TITLES = [
    # Academic years: September 1 … August 31.
    (SEED_TITLE, D(2021, 9, 1), D(2022, 8, 31), "2021 – 2022 учебный год"),
    ("План работы на 2021/2022 уч. г.", D(2021, 9, 1), D(2022, 8, 31), "2021/2022 уч. г."),
    ("План работы на 2021-2022 уч. год", D(2021, 9, 1), D(2022, 8, 31), "2021-2022 уч. год"),
    (
        "План работы кластера на 2022-2023 учебный год",
        D(2022, 9, 1),
        D(2023, 8, 31),
        "2022-2023 учебный год",
    ),
    ("План работы на 2021-22 учебный год", D(2021, 9, 1), D(2022, 8, 31), "2021-22 учебный год"),
    (
        "План работы школы в 2021-2022 учебном году",
        D(2021, 9, 1),
        D(2022, 8, 31),
        "2021-2022 учебном году",
    ),
    ("План работы на 2021-2022 год", D(2021, 9, 1), D(2022, 8, 31), "2021-2022 год"),
    ("План работы на 2021/2022", D(2021, 9, 1), D(2022, 8, 31), "2021/2022"),
    ("План работы на 2021-2022", D(2021, 9, 1), D(2022, 8, 31), "2021-2022"),
    # Calendar years.
    ("План мероприятий на 2022 год", D(2022, 1, 1), D(2022, 12, 31), "2022 год"),
    ("План мероприятий на 2022 г.", D(2022, 1, 1), D(2022, 12, 31), "2022 г."),
    ("План работы на 2022", D(2022, 1, 1), D(2022, 12, 31), "2022"),
    ("План работы кластера в 2023 году", D(2023, 1, 1), D(2023, 12, 31), "2023 году"),
    ("Отчёт о работе за 2021 год", D(2021, 1, 1), D(2021, 12, 31), "2021 год"),
    # Several calendar years.
    ("План на 2020–2024 годы", D(2020, 1, 1), D(2024, 12, 31), "2020–2024 годы"),
    ("Мероприятия в 2020 - 2024 годах", D(2020, 1, 1), D(2024, 12, 31), "2020 - 2024 годах"),
    ("Программа на 2020-2024 гг.", D(2020, 1, 1), D(2024, 12, 31), "2020-2024 гг."),
    ("План работы на 2021-2022 гг.", D(2021, 1, 1), D(2022, 12, 31), "2021-2022 гг."),
    (
        "План работы на период 2021-2025 годов",
        D(2021, 1, 1),
        D(2025, 12, 31),
        "2021-2025 годов",
    ),
    # A month, a range of months, a day.
    ("План работы на январь 2023 г.", D(2023, 1, 1), D(2023, 1, 31), "январь 2023 г."),
    ("План на февраль 2024 года", D(2024, 2, 1), D(2024, 2, 29), "февраль 2024 года"),
    (
        "План на сентябрь – декабрь 2022 года",
        D(2022, 9, 1),
        D(2022, 12, 31),
        "сентябрь – декабрь 2022 года",
    ),
    ("План работы на 6 марта 2021 года", D(2021, 3, 6), D(2021, 3, 6), "6 марта 2021 года"),
    ("План работы на 06.03.2021", D(2021, 3, 6), D(2021, 3, 6), "06.03.2021"),
    # Half-years, quarters, school quarters.
    (
        "План работы на I полугодие 2023 года",
        D(2023, 1, 1),
        D(2023, 6, 30),
        "I полугодие 2023 года",
    ),
    (
        "План работы на второе полугодие 2023 г.",
        D(2023, 7, 1),
        D(2023, 12, 31),
        "второе полугодие 2023 г.",
    ),
    (
        "План работы на II полугодие 2022-2023 учебного года",
        D(2023, 1, 1),
        D(2023, 8, 31),
        "II полугодие 2022-2023 учебного года",
    ),
    (
        "План работы на I полугодие 2022/2023 уч. г.",
        D(2022, 9, 1),
        D(2022, 12, 31),
        "I полугодие 2022/2023 уч. г.",
    ),
    ("План на 2 квартал 2023 г.", D(2023, 4, 1), D(2023, 6, 30), "2 квартал 2023 г."),
    (
        "ПЛАН РАБОТЫ НА IV КВАРТАЛ 2022 ГОДА",
        D(2022, 10, 1),
        D(2022, 12, 31),
        "IV КВАРТАЛ 2022 ГОДА",
    ),
    (
        "План на I четверть 2022/23 уч. года",
        D(2022, 9, 1),
        D(2022, 10, 31),
        "I четверть 2022/23 уч. года",
    ),
    # Written across lines, with a no-break space: the label's whitespace becomes one space.
    (
        "План работы\nобразовательно-отраслевого кластера транспорта на 2021 –\u00a02022\n"
        "учебный год",
        D(2021, 9, 1),
        D(2022, 8, 31),
        "2021 – 2022 учебный год",
    ),
    # The phrase after "на" wins over a date elsewhere in the title.
    (
        "План работы на 2022 год, утверждённый 6 марта 2021 года",
        D(2022, 1, 1),
        D(2022, 12, 31),
        "2022 год",
    ),
    (
        "Утверждён 15.01.2021. План работы на 2021 – 2022 учебный год",
        D(2021, 9, 1),
        D(2022, 8, 31),
        "2021 – 2022 учебный год",
    ),
]


@pytest.mark.parametrize(("title", "start", "end", "label"), TITLES)
def test_detect_period(title: str, start: D, end: D, label: str) -> None:
    assert detect_period(title) == Period(start, end, label=label)


@pytest.mark.parametrize(
    "title",
    [
        "",
        "   ",
        "План работы образовательно-отраслевого кластера транспорта",
        "План работы на 2022-2021 учебный год",  # runs backwards
        "План работы на 13.13.2021",
        "План работы на 0000 год",
        "План работы на январь",  # a month without a year
        "План работы № 12",
    ],
)
def test_no_period(title: str) -> None:
    assert detect_period(title) is None


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_never_raises_on_any_title(title: str) -> None:
    check(title, detect_period(title))


def words(line: str) -> list[str]:
    """The space-separated words of a line (keeps long vocabularies readable)."""
    return line.split()


TITLE_WORDS = [
    *words("План работы на в во за период на 2020 2021 2022 2023 0000 9999 – - / год года"),
    *words("годы годах гг. г. учебный уч. I II IV 2 квартал полугодие четверть январь"),
    *words("марта сентябрь декабрь 6 06.03.2021 29.02.2023 2021/2022 2021-22 ,"),
    "\n",
    "\u00a0",
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(TITLE_WORDS), max_size=10).map(" ".join))
def test_never_raises_on_title_like_text(title: str) -> None:
    check(title, detect_period(title))


def check(title: str, period: Period | None) -> None:
    if period is None:
        return
    assert period.start <= period.end
    assert period.label
    assert period.label in " ".join(title.split())  # as written, whitespace collapsed


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("на 2021-2022 год", D(2021, 9, 1), D(2022, 8, 31)),
        ("на 2021/2022", D(2021, 9, 1), D(2022, 8, 31)),
        ("на 2021-2022 уч. г.", D(2021, 9, 1), D(2022, 8, 31)),
        ("на 2020-2024 годы", D(2020, 1, 1), D(2024, 12, 31)),
        ("на 2021-2023", D(2021, 1, 1), D(2023, 12, 31)),
    ],
)
def test_a_pair_of_years_means_the_same_in_a_title_and_a_cell(
    phrase: str, start: D, end: D
) -> None:
    """One vocabulary (planio.dates): «на 2021-2022 год» is one academic year in both."""
    named = detect_period(f"План работы {phrase}")
    assert named is not None and (named.start, named.end) == (start, end)
    cell = parse_deadline(phrase.removeprefix("на "), None)
    assert (cell.start, cell.end) == (start, end)


def test_a_half_year_written_with_a_hyphen() -> None:
    named = detect_period("План работы на I-полугодие 2023 года")
    assert named is not None and (named.start, named.end) == (D(2023, 1, 1), D(2023, 6, 30))
