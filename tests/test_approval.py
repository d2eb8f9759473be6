"""The approval block found among the lines above a plan table."""

from __future__ import annotations

from datetime import date

import pytest

from planio.readers.approval import find_approval, signature_name
from planio.readers.preamble import side_by_side


def test_paragraph_block_with_plain_name() -> None:
    lines = [
        "",
        "Утверждаю",
        "Председатель Координационного совета",
        "образовательно-отраслевого кластера транспорта",
        "",
        "",
        "Ю.В. Дроздов",
        "",
    ]
    found = find_approval(lines)
    assert found is not None
    assert found.approval.heading == "Утверждаю"
    assert found.approval.position == (
        "Председатель Координационного совета образовательно-отраслевого кластера транспорта"
    )
    assert found.approval.name == "Ю.В. Дроздов"
    assert found.approval.date is None
    assert found.used == [1, 2, 3, 6]


def test_signature_line_and_unfilled_date() -> None:
    lines = [
        "УТВЕРЖДАЮ",
        "Директор ГБПОУ «Колледж»",
        "_____________ И.И. Петрова",
        "«___» ____________ 20__ г.",
    ]
    found = find_approval(lines)
    assert found is not None
    assert found.approval.name == "И.И. Петрова"
    assert found.approval.position == "Директор ГБПОУ «Колледж»"
    assert found.approval.date is None
    assert found.used == [0, 1, 2, 3]


def test_filled_date_and_surname_first() -> None:
    lines = ["УТВЕРЖДЕНО", "Глава администрации", "__________ Сидоров А.Б.", "«15» января 2024 г."]
    found = find_approval(lines)
    assert found is not None
    assert found.approval.name == "Сидоров А.Б."
    assert found.approval.date == date(2024, 1, 15)


def test_order_reference_gives_the_date() -> None:
    lines = ["Утвержден приказом директора от 30.08.2022 № 145"]
    found = find_approval(lines)
    assert found is not None
    assert found.approval.heading == "Утвержден приказом директора от 30.08.2022 № 145"
    assert found.approval.date == date(2022, 8, 30)
    assert found.approval.name == ""


def test_position_and_name_on_one_line() -> None:
    found = find_approval(["Утверждаю:", "Директор колледжа ________ Н.Н. Смирнова", "01.09.2021"])
    assert found is not None
    assert found.approval.position == "Директор колледжа"
    assert found.approval.name == "Н.Н. Смирнова"
    assert found.approval.date == date(2021, 9, 1)


def test_no_heading_no_block() -> None:
    assert find_approval(["План работы", "на 2022 год"]) is None


@pytest.mark.parametrize("heading", ["«УТВЕРЖДАЮ»", '"УТВЕРЖДАЮ"', "УТВЕРЖДАЮ:", "«Утверждаю»:"])
def test_quoted_heading_or_with_a_colon(heading: str) -> None:
    found = find_approval([heading, "Директор школы", "________ Е.Н. Морозова"])
    assert found is not None
    assert found.approval.heading.upper() == "УТВЕРЖДАЮ"
    assert (found.approval.position, found.approval.name) == ("Директор школы", "Е.Н. Морозова")


def test_a_name_inside_the_position_is_not_the_signatory() -> None:
    lines = [
        "УТВЕРЖДАЮ",
        "Начальник Военно-космической",
        "академии имени А.Ф. Можайского",
        "генерал-лейтенант",
        "__________ А.Н. Нестечук",
    ]
    found = find_approval(lines)
    assert found is not None
    assert found.approval.position == (
        "Начальник Военно-космической академии имени А.Ф. Можайского генерал-лейтенант"
    )
    assert found.approval.name == "А.Н. Нестечук"


def test_stamps_side_by_side_are_read_column_by_column() -> None:
    lines = side_by_side(
        [
            "СОГЛАСОВАНО\t\t\tУТВЕРЖДАЮ",
            "Председатель профкома        Директор школы",
            "_______ А.А. Смирнова        _______ Е.Н. Морозова",
        ]
    )
    assert lines[:3] == ["УТВЕРЖДАЮ", "Директор школы", "_______ Е.Н. Морозова"]
    found = find_approval(lines)
    assert found is not None and found.approval.name == "Е.Н. Морозова"
    assert side_by_side(["СОГЛАСОВАНО: УТВЕРЖДАЮ:"]) == ["УТВЕРЖДАЮ:", "СОГЛАСОВАНО:"]


def test_signature_name() -> None:
    assert signature_name("__________ А.Н. Нестечук") == "А.Н. Нестечук"
    assert signature_name("Директор ______ А.Н. Нестечук") is None
    assert signature_name("А.Н. Нестечук") is None
