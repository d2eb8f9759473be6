"""The approval block found among the lines above a plan table."""

from __future__ import annotations

from datetime import date

from planio.readers.approval import find_approval


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
