"""Plans as real offices write them (issue 11), each pattern on a sample built for it.

Every test runs on the sample's DOCX and on its PDF (exported by LibreOffice): the two must
say the same. Expected values are read off the documents by hand (see samples/build_samples.py).
"""

from __future__ import annotations

import json
from datetime import date, time
from pathlib import Path

import pytest

import planio
from planio.errors import ColumnsError
from planio.model import Plan

from planio_cli import run_planio

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
D = date


def both(name: str) -> list[object]:
    """The sample as DOCX and as PDF, as pytest parameters."""
    return [pytest.param(SAMPLES / f"{name}.{ext}", id=f"{name}.{ext}") for ext in ("docx", "pdf")]


def by_title(plan: Plan) -> dict[str, planio.Item]:
    return {item.title: item for item in plan.items()}


@pytest.mark.parametrize("path", both("plan-sports-month-rows"))
def test_month_rows_date_the_day_cells_below_them(path: Path) -> None:
    plan = planio.read(path)
    assert [s.heading for s in plan.sections] == ["ЯНВАРЬ", "ФЕВРАЛЬ", "МАРТ"]
    # numbering restarts under each month, and every event is there
    assert [[i.number for i in s.items] for s in plan.sections] == [["1", "2", "3"]] * 3
    spans = [(i.deadline.text, i.deadline.start, i.deadline.end) for i in plan.items()]
    assert spans[:3] == [
        ("1-10", D(2020, 1, 1), D(2020, 1, 10)),
        ("2-3", D(2020, 1, 2), D(2020, 1, 3)),
        ("8", D(2020, 1, 8), D(2020, 1, 8)),
    ]
    assert spans[3] == ("8", D(2020, 2, 8), D(2020, 2, 8))
    assert all(i.deadline.kind != "unknown" for i in plan.items())
    assert not [w for w in plan.warnings if w.code.startswith("deadline")]


@pytest.mark.parametrize("path", both("plan-sports-month-rows"))
def test_people_on_two_lines_or_run_together_are_two_executors(path: Path) -> None:
    item = by_title(planio.read(path))["Первенство города по лыжным гонкам"]
    assert item.executors == ["Низовцева Р.В.", "Сонина О.Э."]
    assert item.extra == {"Место проведения": "Лыжная база «Снежинка»"}


@pytest.mark.parametrize("path", both("plan-sports-month-rows"))
def test_quoted_stamp_heading(path: Path) -> None:
    approval = planio.read(path).approval
    assert approval is not None
    assert (approval.heading, approval.name, approval.date) == (
        "УТВЕРЖДАЮ",
        "А.В. Коротков",
        D(2019, 12, 25),
    )


@pytest.mark.parametrize("path", both("plan-holiday-date-rows"))
def test_date_rows_date_the_times_below_them(path: Path) -> None:
    plan = planio.read(path)
    assert plan.columns[0] == "Время проведения"  # the "when" column first
    got = [
        (i.deadline.kind, i.deadline.start, i.deadline.start_time, i.deadline.end_time)
        for i in plan.items()
    ]
    assert got == [
        ("date", D(2022, 3, 23), time(10), time(11)),  # «10.00-11-00»
        ("date", D(2022, 3, 23), time(12, 30), None),  # «12.30»
        ("date", D(2022, 3, 23), time(14), None),  # «в 14 ч.»
        ("date", D(2022, 3, 25), time(9), time(10, 30)),  # «9.00 - 10.30», under «25марта»
        ("date", D(2022, 3, 25), time(11), None),  # «11-00»
        ("as_needed", None, None, None),  # «Доп.график»
        ("date", D(2022, 3, 28), time(10, 30), None),  # «10 ч. 30 мин.»
        ("date", D(2022, 3, 28), None, None),  # an empty cell under the date row
    ]
    assert all(i.title for i in plan.items())


@pytest.mark.parametrize("path", both("plan-holiday-date-rows"))
def test_stamp_heading_with_a_colon(path: Path) -> None:
    approval = planio.read(path).approval
    assert approval is not None and approval.heading == "УТВЕРЖДАЮ"
    assert (approval.position, approval.name) == ("Директор МАОУ СОШ № 7", "Т.Н. Гречко")


@pytest.mark.parametrize("path", both("plan-council-places"))
def test_a_when_column_with_places_keeps_the_rest(path: Path) -> None:
    plan = planio.read(path)
    assert plan.columns[1:3] == ["Рассматриваемые вопросы", "Время, место проведения"]
    first = plan.items()[0].deadline
    assert (first.kind, first.start, first.remainder) == ("date", D(2016, 1, 31), "малый зал")
    second = by_title(plan)["Организация летней оздоровительной кампании"].deadline
    assert (second.start, second.end, second.remainder) == (
        D(2016, 3, 1),
        D(2016, 3, 3),
        "актовый зал",
    )


@pytest.mark.parametrize("path", both("plan-council-places"))
def test_spellings_of_dates(path: Path) -> None:
    items = by_title(planio.read(path))
    spans = {
        "Смотр-конкурс творческих объединений": (D(2016, 4, 11), D(2016, 4, 15)),  # (5 дней)
        "Отчётный концерт": (D(2016, 6, 1), D(2016, 6, 3)),  # «1.-3 июня»
        "Анализ посещаемости объединений": (D(2016, 10, 8), D(2016, 10, 14)),  # 2-я неделя
        "Мониторинг удовлетворённости родителей": (D(2016, 1, 1), D(2016, 6, 30)),  # I-полугодие
        "Подготовка к новогодним праздникам": (D(2016, 12, 1), D(2016, 12, 31)),  # в теч. мес.
    }
    assert {t: (items[t].deadline.start, items[t].deadline.end) for t in spans} == spans


@pytest.mark.parametrize("path", both("plan-council-places"))
def test_several_dates_on_several_lines(path: Path) -> None:
    deadline = by_title(planio.read(path))["Заседания Совета по текущим вопросам"].deadline
    assert (deadline.start, deadline.end) == (D(2016, 9, 15), D(2016, 11, 17))
    assert [p.start for p in deadline.periods] == [
        D(2016, 9, 15),
        D(2016, 10, 20),
        D(2016, 11, 17),
    ]


@pytest.mark.parametrize("path", both("plan-council-places"))
def test_a_number_typed_in_the_text_when_the_number_cell_is_empty(path: Path) -> None:
    numbers = [(i.number, i.title) for i in planio.read(path).items()[:3]]
    assert numbers == [
        ("1", "Утверждение плана работы Совета на 2016 год"),
        ("1.1", "Отчёт о работе за 2015 год"),
        ("1.2", "Выборы секретаря Совета"),
    ]


@pytest.mark.parametrize("path", both("plan-council-places"))
def test_adopted_and_approved_side_by_side_with_tabs(path: Path) -> None:
    plan = planio.read(path)
    assert plan.approval is not None
    assert (plan.approval.heading, plan.approval.position, plan.approval.name) == (
        "Утверждаю",
        "Директор ДДТ «Радуга»",
        "О.Л. Ветрова",
    )
    assert [w.text for w in plan.warnings] == [
        "Принят на заседании",
        "Совета учреждения",
        "Протокол № 4 от 28.12.2015",
    ]
    assert plan.title.startswith("План работы Совета учреждения")


@pytest.mark.parametrize("path", both("plan-unknown-headers"))
def test_columns_by_what_they_hold(path: Path) -> None:
    plan = planio.read(path)
    first = plan.sections[0].items[0]
    assert first.title == "Составление рабочих программ воспитателей"  # «Что делаем»
    assert first.executors == ["Е.А. Солдатова, ст. воспитатель"]  # a name with its position
    assert first.extra == {"Направление": "Учебная"}
    assert plan.sections[0].items[1].executors == ["Е.А. Солдатова", "И.В. Кравец"]
    parents = plan.sections[1]
    assert parents.heading == "Работа с родителями"
    assert [(i.title.split()[0], i.executors, i.deadline.kind) for i in parents.items] == [
        ("Общее", ["Орлова Л.М."], "date"),
        ("Консультации", ["Кравец И.В."], "continuous"),
        ("День", ["Солдатова Е.А."], "period"),
    ]
    guessed = [w for w in plan.warnings if w.code == "columns_guessed"]
    assert len(guessed) == 1
    assert "3 «Пункт плана»" in guessed[0].message and "4 «Ф.И.О.»" in guessed[0].message


@pytest.mark.parametrize("path", both("plan-unknown-headers"))
def test_the_users_column_mapping_wins(path: Path) -> None:
    plan = planio.read(path, columns={"title": 2, "executors": 3, "deadline": 4, "number": 1})
    first = plan.items()[0]
    assert (first.number, first.title) == ("Учебная", "Составление рабочих программ воспитателей")
    assert not [w for w in plan.warnings if w.code == "columns_guessed"]


@pytest.mark.parametrize(
    "columns",
    [{"place": 2}, {"title": 0}, {"title": 9}, {"title": 2, "deadline": 2}, {"title": "2"}],
)
def test_a_column_mapping_that_does_not_fit_is_a_typed_error(columns: dict[str, int]) -> None:
    with pytest.raises(ColumnsError):
        planio.read(SAMPLES / "plan-unknown-headers.docx", columns=columns)


def test_cli_columns_option() -> None:
    docx = "samples/plan-unknown-headers.docx"
    root = SAMPLES.parent
    good = run_planio("parse", docx, "--columns", "title=2,executors=3,deadline=4", cwd=root)
    assert good.returncode == 0, good.stderr
    assert json.loads(good.stdout)["sections"][0]["items"][0]["title"].startswith("Составление")
    for value in ("title=2,place=3", "title=x", "title=9"):
        bad = run_planio("parse", docx, "--columns", value, cwd=root)
        assert bad.returncode == 2
        assert len(bad.stderr.strip().splitlines()) == 1 and "Traceback" not in bad.stderr


@pytest.mark.parametrize("path", both("plan-side-by-side-stamp"))
def test_agreed_and_approved_side_by_side_with_spaces(path: Path) -> None:
    plan = planio.read(path)
    approval = plan.approval
    assert approval is not None
    assert approval.position == (
        "Начальник Военно-космической академии имени А.Ф. Можайского генерал-лейтенант"
    )
    assert approval.name == "А.Н. Нестечук"
    # the title is the «План …» phrase; the letterhead stays out of it
    assert plan.title == "ПЛАН научно-исследовательской работы кафедры на 2021-2022 учебный год"
    assert "Министерство обороны Российской Федерации" in [w.text for w in plan.warnings]


@pytest.mark.parametrize("path", both("plan-side-by-side-stamp"))
def test_russian_letter_numbering_keeps_ze(path: Path) -> None:
    numbers = [i.number for i in planio.read(path).items()]
    assert numbers == ["а", "б", "в", "г", "д", "е", "ж", "з", "и"]


@pytest.mark.parametrize("path", both("plan-monthly-tables"))
def test_monthly_tables_are_sections_and_give_the_period(path: Path) -> None:
    plan = planio.read(path)
    assert [s.heading for s in plan.sections] == [
        f"ПЛАН РАБОТЫ МАДОУ № 8 НА {month} 2021 г." for month in ("ОКТЯБРЬ", "НОЯБРЬ", "ДЕКАБРЬ")
    ]
    assert plan.period is not None
    assert (plan.period.start, plan.period.end) == (D(2021, 10, 1), D(2021, 12, 31))
    weeks = [(i.deadline.start, i.deadline.end) for i in plan.items() if "недел" in i.deadline.text]
    assert weeks == [(D(2021, 10, 15), D(2021, 10, 21)), (D(2021, 12, 1), D(2021, 12, 7))]
    # «Сроки» as the first column (November) and «Место и сроки проведения» (December)
    november = plan.sections[1].items
    assert [i.title for i in november] == [
        "Выставка рисунков «Моя мама»",
        "Семинар-практикум для педагогов",
    ]
    assert november[1].deadline.start_time == time(13, 30)
    party = plan.sections[2].items[1].deadline
    assert (party.start, party.remainder) == (D(2021, 12, 26), "музыкальный зал")
    assert plan.sections[0].items[2].number == ""  # an empty № cell
    assert not [w for w in plan.warnings if w.code.startswith("deadline")]


@pytest.mark.parametrize("path", both("plan-long-document"))
def test_a_plan_table_inside_a_long_document(path: Path) -> None:
    plan = planio.read(path)
    assert plan.columns == ["№ п/п", "Мероприятие", "Срок", "Ответственный"]
    assert [i.number for i in plan.items()] == ["1", "2", "3", "4", "5"]
    assert plan.title == "План мероприятий по реализации программы на 2021–2025 годы"
    assert plan.period is not None and plan.period.label == "2021–2025 годы"
    texts = [w.text for w in plan.warnings]
    assert "Подготовительный" in texts  # the plan-like table far from the plan is not the plan
    assert "Доля педагогов высшей категории, %" in texts


def test_the_users_columns_skip_a_narrower_layout_table() -> None:
    """The stamp's two-column layout table above the plan is not where the user's columns are."""
    docx = SAMPLES / "plan-layout-table-approval.docx"
    columns = {"number": 1, "title": 2, "deadline": 3, "executors": 4}
    plan = planio.read(docx, columns=columns)
    assert plan.approval is not None and plan.approval.name == "И.И. Петрова"
    assert len(plan.items()) == 13
    assert [i.title for i in plan.items()] == [i.title for i in planio.read(docx).items()]
