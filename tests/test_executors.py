"""Executor splitting: paragraphs, separators, and names a PDF runs together."""

from __future__ import annotations

import pytest

from planio.executors import dedupe, key, resolve, split_lines, split_run_together, split_separators


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Руководители ПОО, представители кластера",
            ["Руководители ПОО", "представители кластера"],
        ),
        ("Иванов И.И.; Петров П.П.", ["Иванов И.И.", "Петров П.П."]),
        ("ЦОПП (отдел методики, кадры)", ["ЦОПП (отдел методики, кадры)"]),
        ("ООО «Рога, копыта и К»", ["ООО «Рога, копыта и К»"]),
        ('АНО "Центр, развитие", школа', ['АНО "Центр, развитие"', "школа"]),
        ("  Координационный   совет , ", ["Координационный совет"]),
        ("", []),
        ("Методист.", ["Методист"]),
    ],
)
def test_split_separators(text: str, expected: list[str]) -> None:
    assert split_separators(text) == expected


def test_split_lines_keeps_order_and_drops_repeats() -> None:
    lines = ["Координационный совет", "Руководители ПОО", "руководители  ПОО"]
    assert split_lines(lines) == ["Координационный совет", "Руководители ПОО"]


def test_key_ignores_case_spacing_and_yo() -> None:
    assert key(" Учёный  совет ") == key("ученый совет")
    assert dedupe(["ЦОПП", "цопп", "ЦОПП "]) == ["ЦОПП"]


@pytest.mark.parametrize(
    ("text", "known", "expected"),
    [
        (
            "Координационный совет Руководители ПОО",
            ["Руководители ПОО"],
            ["Координационный совет", "Руководители ПОО"],
        ),
        ("Руководители ПОО ЦОПП", ["Руководители ПОО"], ["Руководители ПОО", "ЦОПП"]),
        (
            "Руководители ПОО Координационный совет ЦОПП",
            ["Руководители ПОО", "ЦОПП", "Координационный совет"],
            ["Руководители ПОО", "Координационный совет", "ЦОПП"],
        ),
        # an abbreviation after an unknown name qualifies it: "Координационный совет ЦОПП"
        (
            "Руководители ПОО Координационный совет ЦОПП",
            ["Руководители ПОО", "ЦОПП"],
            ["Руководители ПОО", "Координационный совет ЦОПП"],
        ),
        # a known abbreviation that qualifies the word before it is not cut off
        ("Методист ЦОПП", ["ЦОПП"], ["Методист ЦОПП"]),
        # a leftover that does not start like a name keeps the whole
        ("совместно с Руководители ПОО", ["Руководители ПОО"], ["совместно с Руководители ПОО"]),
        # a known name inside a word is not a match
        ("Руководители ПООшки", ["Руководители ПОО"], ["Руководители ПООшки"]),
        ("ЦОПП", ["ЦОПП"], ["ЦОПП"]),
    ],
)
def test_split_run_together(text: str, known: list[str], expected: list[str]) -> None:
    assert split_run_together(text, known) == expected


def test_resolve_uses_names_standing_alone_elsewhere() -> None:
    cells = [
        ["Координационный совет Руководители ПОО"],
        ["Руководители ПОО"],
        ["Руководители ПОО ЦОПП"],
        ["председатель Координационного совета"],
    ]
    assert resolve(cells) == [
        ["Координационный совет", "Руководители ПОО"],
        ["Руководители ПОО"],
        ["Руководители ПОО", "ЦОПП"],
        ["председатель Координационного совета"],
    ]


def test_resolve_without_other_names_keeps_cells_whole() -> None:
    assert resolve([["Координационный совет Руководители ПОО"]]) == [
        ["Координационный совет Руководители ПОО"]
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # people run together with nothing but a space between them (a PDF cell)
        ("Низовцева Р.В. Сонина О.Э.", ["Низовцева Р.В.", "Сонина О.Э."]),
        ("И.И. Иванов П.П. Петров", ["И.И. Иванов", "П.П. Петров"]),
        ("Иванов И.И. Петрова-Водкина А.А.", ["Иванов И.И.", "Петрова-Водкина А.А."]),
        # people each with a position before them, run together
        (
            "Зам. директора по УВР Иванова Н.Н. Педагог-психолог Петрова А.А.",
            ["Зам. директора по УВР Иванова Н.Н.", "Педагог-психолог Петрова А.А."],
        ),
        ("Директор И.И. Иванов Завуч П.П. Петров", ["Директор И.И. Иванов", "Завуч П.П. Петров"]),
        # a name with its position stays one executor
        ("Е.А. Солдатова, ст. воспитатель", ["Е.А. Солдатова, ст. воспитатель"]),
        ("Иванов И.И. Директор", ["Иванов И.И. Директор"]),
        ("Директор Иванов И.И.", ["Директор Иванов И.И."]),
        ("Методист Н.П. Брагина", ["Методист Н.П. Брагина"]),
        # lower-case words after a comma that follows no person are executors of their own
        (
            "Руководители ПОО, представители кластера",
            ["Руководители ПОО", "представители кластера"],
        ),
    ],
)
def test_people_split_by_their_initials(line: str, expected: list[str]) -> None:
    assert split_lines([line]) == expected
