"""Next year's draft: years moved in their written form, re-read, highlighted, reviewed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

import planio
from planio.dates.vocabulary import add_years
from planio.rollover import shift_years
from planio.writers.draft_docx import write_draft

from office import convert
from planio_cli import run_planio

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.docx"))
SEED = ROOT / "samples" / "plan-2021-2022.docx"


@pytest.mark.parametrize(
    ("text", "moved"),
    [
        ("до 01.05.2022", "до 01.05.2023"),
        (
            "Июнь-сентябрь 2021 года, июнь-сентябрь 2022 года",
            "Июнь-сентябрь 2022 года, июнь-сентябрь 2023 года",
        ),
        ("на 2021 – 2022 учебный год", "на 2022 – 2023 учебный год"),
        ("2021/2022 уч. г.", "2022/2023 уч. г."),
        ("05.01.23г", "05.01.24г"),
        ("на 2021/22 учебный год", "на 2022/23 учебный год"),
        ("2021–22 уч. год", "2022–23 уч. год"),
        ("на 2099-00 учебный год", "на 2100-01 учебный год"),
        ("I квартал 2022 г.", "I квартал 2023 г."),
        ("29.02.2024", "28.02.2025"),
        ("до 29 февраля 2024 года", "до 28 февраля 2025 года"),
        ("28.02.2023", "28.02.2024"),
        ("с 01.02 по 15.03.2022", "с 01.02 по 15.03.2023"),
        ("1 раз в квартал", "1 раз в квартал"),
        ("15 октября 2021 г. в 10.00", "15 октября 2022 г. в 10.00"),
        ("", ""),
    ],
)
def test_shift_years_keeps_the_written_form(text: str, moved: str) -> None:
    assert shift_years(text, lambda year: True) == moved


def test_titles_move_only_the_plans_own_years() -> None:
    title = "Изучение ФЗ № 273 от 29.12.2012 и плана на 2022-2023 учебный год"
    assert shift_years(title, lambda y: 2020 <= y <= 2023) == (
        "Изучение ФЗ № 273 от 29.12.2012 и плана на 2023-2024 учебный год"
    )


def test_seed_draft() -> None:
    draft = planio.next_year(planio.read(SEED))
    assert draft.period is not None
    assert (draft.period.start, draft.period.end) == (date(2022, 9, 1), date(2023, 8, 31))
    assert draft.period.label == "2022 – 2023 учебный год"
    assert draft.title.endswith("на 2022 – 2023 учебный год")
    items = {i.number: i for i in draft.items()}
    assert items["1.1"].title.endswith("на 2023-2024 учебный год")
    assert items["1.1"].deadline.text == "декабрь 2023 года"
    assert items["2.4"].deadline.text == "до 01.05.2023"
    assert items["2.4"].deadline.end == date(2023, 5, 1)
    assert items["3.1"].deadline.text == "Июнь-сентябрь 2022 года, июнь-сентябрь 2023 года"
    assert [(p.start, p.end) for p in items["3.1"].deadline.periods] == [
        (date(2022, 6, 1), date(2022, 9, 30)),
        (date(2023, 6, 1), date(2023, 9, 30)),
    ]
    assert items["1.2"].deadline.start == date(2022, 9, 1)  # "1 раз в квартал": the new year
    assert draft.warnings == []


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.stem for s in SAMPLES])
def test_every_date_moves_by_one_year_or_is_listed(sample: Path) -> None:
    plan = planio.read(sample)
    draft = planio.next_year(plan)
    listed = [w.text for w in draft.warnings if w.code == "next_year_check_deadline"]
    for old, new in zip(plan.items(), draft.items(), strict=True):
        moved = (new.deadline.start, new.deadline.end) == (
            add_years(old.deadline.start, 1) if old.deadline.start else None,
            add_years(old.deadline.end, 1) if old.deadline.end else None,
        )
        assert moved or new.deadline.text in listed, old.deadline.text


def test_draft_clears_statuses_marks_and_the_approval_date(tmp_path: Path) -> None:
    plan = planio.read(ROOT / "samples" / "plan-layout-table-approval.docx")
    first = plan.sections[0].items[0]
    first.status, first.done_on, first.note = "done", date(2022, 10, 1), "сделано"
    first.extra["Отметка о выполнении"] = "Выполнено 01.10.2022"
    assert plan.approval is not None
    plan.approval.date = date(2022, 8, 30)
    draft = planio.next_year(plan)
    moved = draft.sections[0].items[0]
    assert (moved.status, moved.done_on, moved.note) == (None, None, "")
    assert moved.extra["Отметка о выполнении"] == ""
    assert draft.approval is not None and draft.approval.date is None


def test_deadlines_that_cannot_move_are_listed_for_review() -> None:
    plan = planio.Plan(
        title="План работы на 2023 год",
        period=planio.Period(date(2023, 1, 1), date(2023, 12, 31), label="2023 год"),
        sections=[
            planio.Section(
                items=[
                    planio.Item(
                        number="1", title="А", deadline=planio.parse_deadline("когда-нибудь")
                    ),
                    planio.Item(
                        number="2",
                        title="Б",
                        deadline=planio.parse_deadline("по мере необходимости"),
                    ),
                ]
            )
        ],
    )
    draft = planio.next_year(plan)
    [review] = draft.warnings
    assert (review.code, review.item, review.text) == (
        "next_year_check_deadline",
        "1",
        "когда-нибудь",
    )
    assert review.message == "пункт 1: проверьте срок «когда-нибудь» (был «когда-нибудь»)"


def _highlighted(path: Path) -> list[str]:
    texts = []
    for run in docx.Document(str(path)).element.body.iter(qn("w:r")):
        props = run.find(qn("w:rPr"))
        if props is not None and props.find(qn("w:highlight")) is not None:
            texts.append("".join(t.text or "" for t in run.iter(qn("w:t"))))
    return texts


def test_draft_docx_highlights_what_moved_and_reads_back_moved(tmp_path: Path) -> None:
    plan = planio.read(SEED)
    draft = planio.next_year(plan)
    path = write_draft(plan, draft, tmp_path / "draft.docx")
    marked = _highlighted(path)
    assert draft.title in marked
    assert "до 01.05.2023" in marked and "декабрь 2023 года" in marked
    assert "1 раз в квартал" not in marked and "В течение учебного года" not in marked
    back = planio.read(path)
    assert back.period == draft.period
    assert back.sections == draft.sections
    assert planio.read(convert(path, tmp_path / "pdf")).sections == draft.sections
    result = run_planio(
        "next-year", str(SEED.with_suffix(".pdf")), "-o", str(tmp_path / "cli.docx"), timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert planio.read(tmp_path / "cli.docx").sections == draft.sections
