"""Column roles from header words and from what the cells hold (planio.readers.columns)."""

from __future__ import annotations

import pytest

from planio.errors import ColumnsError
from planio.readers.columns import check_columns, guess_roles, measure, parse_columns
from planio.readers.docx_numbering import _format
from planio.readers.header import word_roles

WHEN = ["сентябрь", "до 15.10.2022", "1-10", "10.00", "в течение года"]
WHO = ["Иванов И.И.", "Е.А. Солдатова, ст. воспитатель", "Директор", "Педагог-психолог", "Совет"]
WHAT = [
    "Педагогический совет «Итоги первой четверти»",
    "Родительское собрание в 9-х классах",
    "Смотр кабинетов к новому учебному году",
    "Открытые уроки молодых специалистов",
    "Мониторинг адаптации пятиклассников",
]


def test_measure_says_what_a_column_holds() -> None:
    when, who, what = measure(WHEN), measure(WHO), measure(WHAT)
    assert when.when == 1.0 and who.who == 1.0
    assert what.when == 0.0 and what.length > when.length
    assert measure(["1", "2", "3.1", "4."]).number == 1.0
    assert measure(["", " "]).filled == 0


def test_roles_from_content_alone() -> None:
    numbers = ["1", "2", "3", "4", "5"]
    roles = guess_roles([numbers, WHEN, WHAT, WHO], {})
    assert roles == {"number": 0, "deadline": 1, "executors": 3, "title": 2}


def test_header_words_kept_unless_the_cells_contradict_them() -> None:
    direction = ["Учебная", "", "", "Воспитательная", ""]
    words = {"title": 0, "executors": 2, "deadline": 3}
    assert guess_roles([direction, WHAT, WHO, WHEN], words)["title"] == 1
    # an empty column is no evidence against its header
    assert guess_roles([WHAT, WHO, ["", "", "", "", ""]], {"title": 0, "deadline": 2}) == {
        "deadline": 2,
        "executors": 1,
        "title": 0,
    }


@pytest.mark.parametrize(
    ("header", "roles"),
    [
        (
            ["№", "Рассматриваемые вопросы", "Ответственные"],
            {"number": 0, "title": 1, "executors": 2},
        ),
        (
            ["Направление", "Что делаем", "Кто", "Когда"],
            {"title": 1, "executors": 2, "deadline": 3},
        ),
        (["Сроки", "Мероприятия", "Ответственные"], {"deadline": 0, "title": 1, "executors": 2}),
        (["Время, место проведения", "Мероприятие"], {"deadline": 0, "title": 1}),
        (["Место и сроки проведения", "Тема"], {"deadline": 0, "title": 1}),
        # a synonym must start a word: "кто" is not inside "Директор"
        (["Тема", "Директор"], {"title": 0}),
    ],
)
def test_header_words(header: list[str], roles: dict[str, int]) -> None:
    assert word_roles(header) == roles


def test_the_users_mapping_is_checked() -> None:
    assert check_columns({"title": 2, "deadline": 3}, 4) == {"title": 1, "deadline": 2}
    assert parse_columns("title=2, executors=4,deadline=3") == {
        "title": 2,
        "executors": 4,
        "deadline": 3,
    }
    for bad in ({"when": 1}, {"title": 0}, {"title": 5}, {"title": 1, "number": 1}):
        with pytest.raises(ColumnsError):
            check_columns(bad, 4)
    for value in ("title", "title=two", "place=1"):
        with pytest.raises(ColumnsError):
            parse_columns(value)


def test_word_russian_letters_do_not_skip_ze() -> None:
    letters = [_format(n, "russianLower") for n in range(1, 11)]
    assert letters == ["а", "б", "в", "г", "д", "е", "ж", "з", "и", "к"]
    assert _format(8, "russianUpper") == "З"
