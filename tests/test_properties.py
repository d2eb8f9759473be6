"""Property tests: any plan survives writing to DOCX and reading back."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import planio
from planio.readers.build import split_heading

from generate import DEADLINES as GENERATED_DEADLINES

WORD = st.text(alphabet="абвгдежзиклмнопрстуфхцчшщыэюя", min_size=2, max_size=12)
CAPITAL = st.sampled_from("АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ")
PUNCT = st.sampled_from(["", ",", ":", ";", " –", "»", " &", " <", " >", '"', "'"])
# the generator's deadlines, and a few with years and ranges
DEADLINES = st.sampled_from(
    [
        *GENERATED_DEADLINES,
        "Январь – апрель 2024 года",
        "до 01.05.2024",
        "с 01.02 по 15.03.2024",
        "",
    ]
)


@st.composite
def sentence(draw: st.DrawFn, min_words: int = 1, max_words: int = 12) -> str:
    words = draw(st.lists(st.tuples(WORD, PUNCT), min_size=min_words, max_size=max_words))
    text = draw(CAPITAL) + " ".join(w + p for w, p in words)
    return text.strip()


@st.composite
def title(draw: st.DrawFn) -> str:
    lines = draw(st.lists(sentence(), min_size=1, max_size=3))
    if draw(st.booleans()):  # a list inside the cell, as in item 2.2 of the seed
        lines += ["- " + draw(sentence()) + ";" for _ in range(draw(st.integers(1, 3)))]
    return "\n".join(lines)


@st.composite
def executor(draw: st.DrawFn) -> str:
    return draw(CAPITAL) + " ".join(draw(st.lists(WORD, min_size=1, max_size=4)))


@st.composite
def plans(draw: st.DrawFn) -> planio.Plan:
    period = planio.Period(
        planio.parse_deadline("01.09.2023").start,
        planio.parse_deadline("31.08.2024").start,
        label="2023-2024 учебный год",
    )
    sections = []
    for s in range(draw(st.integers(1, 4))):
        heading = draw(st.sampled_from(["", f"Раздел {s + 1}. ", f"{s + 1}. "])) + draw(sentence())
        number, heading_title = split_heading(heading)
        items = []
        for i in range(draw(st.integers(0, 5))):
            names = draw(st.lists(executor(), min_size=1, max_size=3, unique_by=str.casefold))
            items.append(
                planio.Item(
                    number=draw(st.sampled_from([f"{s + 1}.{i + 1}", f"{i + 1}", ""])),
                    title=draw(title()),
                    executors=names,
                    deadline=planio.parse_deadline(draw(DEADLINES), period),
                )
            )
        sections.append(
            planio.Section(number=number, heading=heading, title=heading_title, items=items)
        )
    approval = None
    if draw(st.booleans()):
        approval = planio.Approval(
            heading="Утверждаю",
            position=draw(sentence()),
            name=draw(st.sampled_from(["И.И. Иванов", "О.В. Кузнецова"])),
        )
    return planio.Plan(
        title="План работы колледжа на 2023-2024 учебный год",
        period=period,
        approval=approval,
        sections=sections,
    )


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(plan=plans())
def test_any_plan_survives_docx_and_back(plan: planio.Plan) -> None:
    with tempfile.TemporaryDirectory() as folder:
        back = planio.read(planio.render_plan(plan, Path(folder) / "plan.docx"))
    assert back.title == plan.title
    assert back.period == plan.period
    if plan.approval is None:
        assert back.approval is None
    else:
        assert back.approval == plan.approval.model_copy(update={"heading": "УТВЕРЖДАЮ"})
    assert back.sections == plan.sections
    assert back.warnings == []
