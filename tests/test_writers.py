"""The signed plan and the extracts: real DOCX out, read back, opened by LibreOffice."""

from __future__ import annotations

import csv
import os
import zipfile
from datetime import date
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image

import planio
from planio.errors import TemplateRenderError
from planio.model import Deadline, Item, Plan, Section
from planio.writers.extracts import filter_plan, write_extracts
from planio.writers.filenames import safe_stem, unique_names
from planio.writers.plan_docx import render_plan, stamp_heading

from generate import make_plan_docx
from office import convert, pdf_pages
from planio_cli import run_planio

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.docx"))
SEED = ROOT / "samples" / "plan-2021-2022.docx"


def assert_same_plan(got: Plan, want: Plan) -> None:
    """Equal in title, period, approval, sections and items (the stamp's heading in capitals)."""
    assert got.title == want.title
    assert got.period == want.period
    if want.approval is None:
        assert got.approval is None
    else:
        assert got.approval is not None
        expected = want.approval.model_copy(
            update={"heading": stamp_heading(want.approval.heading)}
        )
        assert got.approval == expected
    assert got.sections == want.sections


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.stem for s in SAMPLES])
def test_signed_plan_reads_back_as_the_plan(sample: Path, tmp_path: Path) -> None:
    plan = planio.read(sample)
    signed = planio.read(render_plan(plan, tmp_path / "signed.docx"))
    assert_same_plan(signed, plan)
    assert signed.warnings == []


def test_generated_300_event_plan_round_trips_through_docx_and_pdf(tmp_path: Path) -> None:
    plan = planio.read(make_plan_docx(tmp_path / "source.docx", 300))
    assert len(plan.items()) == 300
    signed = render_plan(plan, tmp_path / "signed.docx")
    assert_same_plan(planio.read(signed), plan)
    pdf = convert(signed, tmp_path)
    assert pdf_pages(pdf) > 5
    assert_same_plan(planio.read(pdf), plan)
    with pdfplumber.open(pdf) as document:  # the header row repeats on page 2
        words = document.pages[1].extract_words()
    top = min(w["top"] for w in words if w["text"] == "Наименование")
    assert top < min(w["top"] for w in words if w["text"] not in ("2",)) + 20


def test_signed_seed_page_one_has_the_stamp_top_right(tmp_path: Path) -> None:
    plan = planio.read(SEED)
    signed = render_plan(plan, tmp_path / "signed.docx", approval_date=date(2021, 9, 1))
    pdf = convert(signed, tmp_path)
    with pdfplumber.open(pdf) as document:
        page = document.pages[0]
        words = page.extract_words()
        stamp = next(w for w in words if w["text"] == "УТВЕРЖДАЮ")
        title = next(w for w in words if w["text"] == "План")
        assert stamp["x0"] > page.width / 2  # right half
        assert stamp["top"] < title["top"]  # above the title
        assert "01.09.2021" in page.extract_text()
    again = planio.read(pdf)
    assert again.approval is not None and again.approval.date == date(2021, 9, 1)
    assert again.sections == plan.sections


def test_options_signature_image_and_esign_mark(tmp_path: Path) -> None:
    image = tmp_path / "sign.png"
    Image.new("RGB", (300, 100), "white").save(image)
    plan = planio.read(SEED)
    signed = render_plan(
        plan,
        tmp_path / "signed.docx",
        approver_name="А.Б. Новиков",
        approver_position="Директор колледжа",
        signature_image=image,
        certificate={
            "number": "01D7 AB12 CC34",
            "owner": "Новиков Андрей Борисович",
            "valid_from": date(2024, 1, 1),
            "valid_to": date(2025, 12, 31),
        },
    )
    with zipfile.ZipFile(signed) as package:
        assert any(name.startswith("word/media/") for name in package.namelist())
    back = planio.read(signed)
    assert back.approval is not None
    assert (back.approval.name, back.approval.position) == ("А.Б. Новиков", "Директор колледжа")
    assert back.warnings == []
    text = "\n".join(p.text for p in __import__("docx").Document(str(signed)).paragraphs)
    table_text = " ".join(
        c.text
        for t in __import__("docx").Document(str(signed)).tables
        for r in t.rows
        for c in r.cells
    )
    assert "ДОКУМЕНТ ПОДПИСАН" in table_text and "01D7 AB12 CC34" in table_text
    assert "31.12.2025" in table_text
    assert "А.Б. Новиков" in text
    convert(signed, tmp_path)  # LibreOffice opens it


def test_text_with_markup_characters_survives(tmp_path: Path) -> None:
    tricky = "Совещание «A&B» <срочно> \"кавычки\" & 'апострофы'\nвторая строка"
    plan = Plan(
        title="План работы на 2024 год",
        sections=[
            Section(
                heading="Раздел 1. Общие <вопросы> & прочее",
                number="1",
                title="Общие <вопросы> & прочее",
                items=[
                    Item(
                        number="1.1",
                        title=tricky + "\a\f",  # paragraph/page-break characters are dropped
                        executors=["ООО «Рога & Копыта»", "Отдел <кадров>"],
                        deadline=Deadline(text="до 01.05.2024"),
                    )
                ],
            )
        ],
    )
    back = planio.read(render_plan(plan, tmp_path / "tricky.docx"))
    item = back.items()[0]
    assert item.title == tricky
    assert item.executors == ["ООО «Рога & Копыта»", "Отдел <кадров>"]
    assert back.sections[0].heading == "Раздел 1. Общие <вопросы> & прочее"


@pytest.mark.parametrize(
    "payload",
    [
        "{{ plan.__class__.__mro__ }}",
        "{{ ''.__class__.__base__.__subclasses__() }}",
        "{{ plan.model_config.__class__.__init__.__globals__ }}",
    ],
)
def test_user_template_runs_in_a_sandbox(tmp_path: Path, payload: str) -> None:
    import docx

    template = tmp_path / "evil.docx"
    document = docx.Document()
    document.add_paragraph(payload)
    document.save(str(template))
    with pytest.raises(TemplateRenderError):
        render_plan(planio.read(SEED), tmp_path / "out.docx", template=template)


def test_user_template_gets_the_documented_context(tmp_path: Path) -> None:
    import docx

    template = tmp_path / "mine.docx"
    document = docx.Document()
    document.add_paragraph("{{ title }} | {{ period }} | {{ approval.name }}")
    document.add_paragraph(
        "{% for section in sections %}[{{ section.number }}:{{ section.items|length }}]{% endfor %}"
    )
    document.save(str(template))
    out = render_plan(planio.read(SEED), tmp_path / "out.docx", template=template)
    text = [p.text for p in docx.Document(str(out)).paragraphs]
    assert text[0] == (
        "План работы образовательно-отраслевого кластера транспорта на 2021 – 2022 учебный год"
        " | 2021 – 2022 учебный год | Ю.В. Дроздов"
    )
    assert text[1] == "[1:2][2:7][3:3]"


def test_seed_gives_one_extract_per_executor_with_exactly_its_events(tmp_path: Path) -> None:
    plan = planio.read(SEED)
    written = write_extracts(plan, tmp_path, certifier_name="А.А. Иванова")
    assert list(written) == [
        "Координационный совет",
        "Руководители ПОО",
        "председатель Координационного совета",
        "представители кластера",
        "ЦОПП",
    ]
    for executor, path in written.items():
        extract = planio.read(path)
        expected = filter_plan(plan, executor)
        assert [i.number for i in extract.items()] == [
            i.number for i in plan.items() if executor in i.executors
        ]
        assert extract.period == plan.period
        assert _without_mark(extract) == expected.sections
        assert all(i.extra == {"Отметка о выполнении": ""} for i in extract.items())
        assert extract.title.startswith("ВЫПИСКА из плана работы образовательно-отраслевого")
    with (tmp_path / "index.csv").open(encoding="utf-8-sig") as index:
        rows = list(csv.reader(index, delimiter=";"))
    assert rows[0] == ["Исполнитель", "Файл", "Мероприятий"]
    assert [(r[0], r[1]) for r in rows[1:]] == [(e, p.name) for e, p in written.items()]
    assert rows[2][2] == "11"
    convert(written["ЦОПП"], tmp_path / "pdf")  # LibreOffice opens an extract


def _without_mark(plan: Plan) -> list[Section]:
    """Sections with the extract's added «Отметка о выполнении» column taken off again."""
    return [
        s.model_copy(update={"items": [i.model_copy(update={"extra": {}}) for i in s.items]})
        for s in plan.sections
    ]


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.stem for s in SAMPLES])
def test_every_extract_reads_back_as_the_filtered_plan(sample: Path, tmp_path: Path) -> None:
    plan = planio.read(sample)
    written = write_extracts(plan, tmp_path)
    assert len(written) == len(plan.executors())
    for executor, path in written.items():
        expected = filter_plan(plan, executor)
        assert _without_mark(planio.read(path)) == _without_mark(expected), executor


def test_extracts_match_executors_case_and_space_insensitively(tmp_path: Path) -> None:
    written = write_extracts(planio.read(SEED), tmp_path, executors=["  руководители   поо "])
    assert list(written) == ["Руководители ПОО"]
    assert written["Руководители ПОО"].name == "Выписка - Руководители ПОО.docx"


def test_hostile_executor_names_make_safe_distinct_files(tmp_path: Path) -> None:
    names = ["../../etc/passwd", "Отдел/кадров", "Отдел\\кадров", "Отдел:кадров", "..", "\x07\x1b"]
    plan = Plan(
        title="План работы на 2024 год",
        sections=[
            Section(items=[Item(number=str(i), title=f"Событие {i}", executors=[name])])
            for i, name in enumerate(names, 1)
        ],
    )
    out = tmp_path / "out"
    written = write_extracts(plan, out)
    files = [p.resolve() for p in written.values()]
    assert len(set(files)) == len(names)
    assert all(p.parent == out.resolve() for p in files)
    assert all(not p.name.startswith(".") for p in files)
    assert not (tmp_path / "etc").exists()


@pytest.mark.parametrize(
    ("text", "stem"),
    [
        ("Руководители ПОО", "Руководители ПОО"),
        ('a/b\\c:d*e?f"g<h>i|j', "a b c d e f g h i j"),
        ("...скрытый", "скрытый"),
        ("\x00\x1f", "без названия"),
        ("CON", "CON_"),
        ("Я" * 200, "Я" * 80),
    ],
)
def test_safe_stem(text: str, stem: str) -> None:
    assert safe_stem(text) == stem


def test_unique_names_never_collide() -> None:
    assert unique_names(["А", "а", "А"], ".docx") == ["А.docx", "а (2).docx", "А (3).docx"]


def test_cli_render_and_extracts(tmp_path: Path) -> None:
    result = run_planio(
        "render",
        SEED.with_suffix(".pdf"),
        "-o",
        tmp_path / "s.docx",
        "--pdf",
        "--approval-date",
        "01.09.2021",
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "s.pdf").is_file() and (tmp_path / "s.docx").is_file()
    result = run_planio(
        "extracts", SEED.with_suffix(".json"), "-o", tmp_path / "ex", "--executor", "ЦОПП"
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "ex").iterdir()) == [
        "index.csv",
        "Выписка - ЦОПП.docx",
    ]


@pytest.mark.usefixtures("english")
def test_cli_pdf_without_libreoffice_says_so(tmp_path: Path) -> None:
    no_soffice = {**os.environ, "PATH": str(tmp_path)}
    result = run_planio("render", SEED, "-o", tmp_path / "s.docx", "--pdf", env=no_soffice)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "LibreOffice" in result.stderr and "not installed" in result.stderr
    assert (tmp_path / "s.docx").is_file()


@pytest.mark.usefixtures("english")
def test_cli_user_template_escape_is_one_line(tmp_path: Path) -> None:
    import docx

    template = tmp_path / "evil.docx"
    document = docx.Document()
    document.add_paragraph("{{ ''.__class__.__mro__[1].__subclasses__() }}")
    document.save(str(template))
    result = run_planio("render", SEED, "-o", tmp_path / "o.docx", "--template", template)
    assert result.returncode == 2
    assert "cannot be rendered" in result.stderr and "Traceback" not in result.stderr


def test_templates_ship_inside_an_installed_package() -> None:
    """After `pip install` the templates come from the package, not from a source tree."""
    from planio.writers.templating import template_path

    package = Path(planio.__file__).resolve().parent
    for name in ("plan.docx", "extract.docx"):
        path = template_path(name)
        assert path.is_file()
        if "site-packages" in str(package):
            assert path.is_relative_to(package)
