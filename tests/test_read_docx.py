"""The DOCX reader and the shared builder, on real DOCX files written by python-docx."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import docx
import pytest

import planio
from planio.errors import NoPlanError

from docx_factory import make_plan_docx, mark_header_row, set_bold


def test_merged_section_rows_and_items(tmp_path: Path) -> None:
    path = make_plan_docx(
        tmp_path / "p.docx",
        [
            ("§Раздел I. Организационная работа",),
            ("1.", "Педсовет", ["Директор", "Завуч"], "сентябрь"),
            ("2.", "Отчёт", "Завуч", "до 15 мая"),
            ("§Раздел II. Методическая работа",),
            ("3", "Семинар", "Методист, Завуч", "I квартал"),
        ],
    )
    plan = planio.read(path)
    assert [s.heading for s in plan.sections] == [
        "Раздел I. Организационная работа",
        "Раздел II. Методическая работа",
    ]
    assert [(s.number, s.title) for s in plan.sections] == [
        ("I", "Организационная работа"),
        ("II", "Методическая работа"),
    ]
    first = plan.sections[0].items[0]
    assert first.number == "1"
    assert first.executors == ["Директор", "Завуч"]
    assert plan.period is not None and plan.period.start == date(2022, 1, 1)
    assert first.deadline.start == date(2022, 9, 1)
    assert plan.sections[0].items[1].deadline.kind == "due"
    assert plan.sections[0].items[1].deadline.end == date(2022, 5, 15)
    assert plan.sections[1].items[0].executors == ["Методист", "Завуч"]
    assert plan.executors() == ["Директор", "Завуч", "Методист"]
    assert plan.approval is not None and plan.approval.name == "И.И. Иванов"
    assert plan.title == "План работы на 2022 год"
    assert plan.warnings == []
    assert plan.source is not None and plan.source.format == "docx"


def test_section_row_with_only_first_cell(tmp_path: Path) -> None:
    path = make_plan_docx(
        tmp_path / "p.docx",
        [("§Работа с родителями",), ("1", "Собрание", "Классные руководители", "октябрь")],
        merged_sections=False,
    )
    plan = planio.read(path)
    assert [(s.number, s.heading) for s in plan.sections] == [(None, "Работа с родителями")]
    assert plan.sections[0].items[0].title == "Собрание"


def test_bold_row_without_executors_is_a_section(tmp_path: Path) -> None:
    path = make_plan_docx(
        tmp_path / "p.docx",
        [("", "Организационная работа", "", ""), ("1", "Совещание", "Директор", "ежемесячно")],
    )
    document = docx.Document(str(path))
    for paragraph in document.tables[0].rows[1].cells[1].paragraphs:
        for run in paragraph.runs:
            run.bold = True
    document.save(str(path))
    plan = planio.read(path)
    assert [s.heading for s in plan.sections] == ["Организационная работа"]
    assert plan.sections[0].items[0].deadline.recurrence == "monthly"


def test_items_before_any_section_get_an_unnamed_section(tmp_path: Path) -> None:
    path = make_plan_docx(tmp_path / "p.docx", [("1", "Совещание", "Директор", "май")])
    plan = planio.read(path)
    assert len(plan.sections) == 1
    section = plan.sections[0]
    assert (section.number, section.heading, section.title) == (None, "", "")


def test_header_synonyms_any_order_and_extra_columns(tmp_path: Path) -> None:
    path = make_plan_docx(
        tmp_path / "p.docx",
        [("1", "10.10.2022", "Семинар", "Актовый зал", "Методист", "")],
        header=(
            "№",
            "Дата проведения",
            "Содержание работы",
            "Место проведения",
            "Ответственный",
            "Отметка о выполнении",
        ),
    )
    plan = planio.read(path)
    item = plan.items()[0]
    assert item.title == "Семинар"
    assert item.executors == ["Методист"]
    assert item.deadline.kind == "date"
    assert item.extra == {"Место проведения": "Актовый зал", "Отметка о выполнении": ""}
    assert plan.columns[1] == "Дата проведения"


def test_column_numbers_row_and_repeated_header_are_skipped(tmp_path: Path) -> None:
    header = ("№ п/п", "Мероприятие", "Исполнители", "Срок")
    path = make_plan_docx(
        tmp_path / "p.docx",
        [("1", "2", "3", "4"), ("1", "А", "Б", "май"), header, ("2", "В", "Г", "июнь")],
        header=header,
    )
    mark_header_row(path)
    plan = planio.read(path)
    assert [i.title for i in plan.items()] == ["А", "В"]
    assert plan.warnings == []


def test_paragraphs_and_breaks_in_cells(tmp_path: Path) -> None:
    path = make_plan_docx(
        tmp_path / "p.docx",
        [
            (
                "1",
                ["Проработать вопросы:", "- первый;", "- второй."],
                ["Совет", "Руководители"],
                "май",
            )
        ],
    )
    document = docx.Document(str(path))
    cell = document.tables[0].rows[1].cells[1]
    cell.paragraphs[0].runs[0].add_break()
    cell.paragraphs[0].add_run("после   разрыва")
    document.save(str(path))
    item = planio.read(path).items()[0]
    assert item.title == "Проработать вопросы:\nпосле разрыва\n- первый;\n- второй."
    assert item.executors == ["Совет", "Руководители"]


def test_vertically_merged_cells_give_every_row_the_value(tmp_path: Path) -> None:
    path = make_plan_docx(
        tmp_path / "p.docx",
        [("1", "А", "Завуч", "май"), ("2", "Б", "", ""), ("3", "В", "Директор", "июнь")],
    )
    document = docx.Document(str(path))
    table = document.tables[0]
    table.cell(1, 2).merge(table.cell(2, 2))
    table.cell(1, 3).merge(table.cell(2, 3))
    document.save(str(path))
    items = planio.read(path).items()
    assert [i.executors for i in items] == [["Завуч"], ["Завуч"], ["Директор"]]
    assert [i.deadline.text for i in items] == ["май", "май", "июнь"]


def test_two_tables_with_a_heading_between_are_one_plan(tmp_path: Path) -> None:
    path = make_plan_docx(tmp_path / "p.docx", [("1", "А", "Завуч", "октябрь")])
    document = docx.Document(str(path))
    document.add_paragraph("II полугодие")
    table = document.add_table(rows=1, cols=4)
    for cell, value in zip(table.rows[0].cells, ("2", "Б", "Директор", "март"), strict=True):
        cell.text = value
    document.save(str(path))
    plan = planio.read(path)
    assert [s.heading for s in plan.sections] == ["", "II полугодие"]
    assert [s.number for s in plan.sections] == [None, None]
    assert [i.title for i in plan.items()] == ["А", "Б"]
    assert plan.items()[1].deadline.start == date(2022, 3, 1)


def test_unplaced_text_and_unknown_deadlines_are_warned(tmp_path: Path) -> None:
    path = make_plan_docx(
        tmp_path / "p.docx",
        [("1", "А", "Завуч", "когда-нибудь потом")],
        before=("План работы на 2022 год", "Цель: развитие"),
        after=("Исполнитель: Петрова",),
    )
    set_bold(path, 0)
    plan = planio.read(path)
    assert plan.title == "План работы на 2022 год"
    assert plan.approval is None
    outside = [w.text for w in plan.warnings if w.code == "outside_table"]
    assert outside == ["Цель: развитие", "Исполнитель: Петрова"]
    [unknown] = [w for w in plan.warnings if w.code == "deadline_unknown"]
    assert (unknown.item, unknown.text) == ("1", "когда-нибудь потом")
    assert unknown.message == "пункт 1: срок не распознан: «когда-нибудь потом»"


def test_no_period_means_null_dates_and_a_warning(tmp_path: Path) -> None:
    path = make_plan_docx(
        tmp_path / "p.docx", [("1", "А", "Завуч", "ежемесячно")], before=("План работы",)
    )
    plan = planio.read(path)
    assert plan.period is None
    deadline = plan.items()[0].deadline
    assert (deadline.kind, deadline.start, deadline.end) == ("recurring", None, None)
    assert [w.code for w in plan.warnings] == ["deadline_needs_period"]


@pytest.mark.usefixtures("english")
def test_document_without_plan_table(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Просто письмо")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Фамилия"
    table.rows[0].cells[1].text = "Телефон"
    path = tmp_path / "letter.docx"
    document.save(str(path))
    with pytest.raises(NoPlanError, match="no plan table"):
        planio.read(path)


@pytest.mark.parametrize(
    ("header", "row"),
    [
        (
            ("№ п/п", "Содержание работы", "Сроки", "Ответственные за проведение мероприятий"),
            ("1", "Семинар", "май", "Иванов И.И."),
        ),
        (
            ("№", "Мероприятие", "Дата проведения мероприятия", "Ответственный"),
            ("1", "Семинар", "май", "Иванов И.И."),
        ),
    ],
)
def test_role_words_in_other_headers_do_not_steal_the_event_column(
    tmp_path: Path, header: tuple[str, ...], row: tuple[str, ...]
) -> None:
    item = planio.read(make_plan_docx(tmp_path / "p.docx", [row], header=header)).items()[0]
    assert (item.title, item.executors, item.deadline.text) == ("Семинар", ["Иванов И.И."], "май")
    assert item.extra == {}


def test_duplicate_and_empty_extra_headers_keep_every_value(tmp_path: Path) -> None:
    path = make_plan_docx(
        tmp_path / "p.docx",
        [("1", "Семинар", "май", "Завуч", "первое", "второе", "третье")],
        header=("№", "Мероприятие", "Срок", "Исполнители", "Примечание", "Примечание", ""),
    )
    item = planio.read(path).items()[0]
    assert item.extra == {"Примечание": "первое", "Примечание (2)": "второе", "Столбец 7": "третье"}


def test_two_cells_under_one_header_keep_both_texts(tmp_path: Path) -> None:
    path = make_plan_docx(
        tmp_path / "p.docx",
        [("1", "Педсовет", "май", "Директор", "x")],
        header=("№", "Мероприятие", "Срок", "Исполнители", "Лишний"),
    )
    document = docx.Document(str(path))
    header_row = document.tables[0].rows[0]
    header_row.cells[3].merge(header_row.cells[4])  # "Исполнители" spans two grid columns
    document.tables[0].rows[1].cells[4].text = "Завуч"
    document.save(str(path))
    item = planio.read(path).items()[0]
    assert item.executors == ["Директор", "Завуч"]


def test_rows_above_the_header_are_warned_not_dropped(tmp_path: Path) -> None:
    path = make_plan_docx(tmp_path / "p.docx", [("1", "Семинар", "Завуч", "май")])
    document = docx.Document(str(path))
    table = document.tables[0]
    first = table.rows[0]._tr
    new_row = __import__("copy").deepcopy(first)
    first.addprevious(new_row)
    for cell in table.rows[0].cells:
        cell.text = ""
    table.rows[0].cells[0].text = "ВАЖНО: сверить сроки"
    document.save(str(path))
    plan = planio.read(path)
    assert [i.title for i in plan.items()] == ["Семинар"]
    assert ("outside_table", "ВАЖНО: сверить сроки") in [(w.code, w.text) for w in plan.warnings]


@pytest.mark.parametrize(
    "before",
    [
        # the letterhead and an order's heading, bold, above the stamp and the title
        [
            "МБОУ «СОШ № 1»",
            "ПРИКАЗ",
            "от 01.09.2022 № 12",
            "«УТВЕРЖДАЮ»",
            "Директор",
            "______ И.И. Иванов",
            "",
            "План работы",
            "на 2022 год",
        ],
        # stamps side by side in one paragraph, the title's continuation line not bold
        [
            "СОГЛАСОВАНО: УТВЕРЖДАЮ:",
            "Председатель ПК\t\tДиректор",
            "А.А. Смирнова\t\tИ.И. Иванов",
            "",
            "План работы",
            "на 2022 год",
        ],
    ],
)
def test_the_title_is_the_plan_phrase(tmp_path: Path, before: list[str]) -> None:
    path = make_plan_docx(
        tmp_path / "p.docx", [("1", "Педсовет", "Директор", "май")], before=before
    )
    for index in range(3):
        set_bold(path, index)
    plan = planio.read(path)
    assert plan.title == "План работы на 2022 год"
    assert plan.approval is not None and plan.approval.name == "И.И. Иванов"
    assert plan.sections[0].items[0].deadline.start == date(2022, 5, 1)


def test_a_table_found_only_by_what_it_holds(tmp_path: Path) -> None:
    rows = [
        ("1", "Педагогический совет «Итоги года»", "Иванов И.И.", "май"),
        ("2", "Родительское собрание в 9-х классах", "Петрова А.А.", "15.09.2022"),
        ("3", "Смотр кабинетов к новому учебному году", "Сидоров П.П.", "август"),
    ]
    path = make_plan_docx(tmp_path / "p.docx", rows, header=("№", "Пункт", "Ф.И.О.", "Дата"))
    plan = planio.read(path)
    assert [(i.number, i.executors, i.deadline.kind) for i in plan.items()] == [
        ("1", ["Иванов И.И."], "period"),
        ("2", ["Петрова А.А."], "date"),
        ("3", ["Сидоров П.П."], "period"),
    ]
    assert [w.code for w in plan.warnings] == ["columns_guessed"]
    assert plan.warnings[0].text == "№ | Пункт | Ф.И.О. | Дата"


def test_a_plan_inside_a_programme_takes_the_programmes_period(tmp_path: Path) -> None:
    before = [
        "ПРОГРАММА РАЗВИТИЯ",
        "МБОУ «Лицей» на 2021–2025 годы",
        "",
        "Программа определяет стратегию развития лицея.",
        "5. План мероприятий по реализации программы",
    ]
    path = make_plan_docx(
        tmp_path / "p.docx", [("1", "Отчёт", "Директор", "ежегодно")], before=before
    )
    for index in (0, 1, 4):
        set_bold(path, index)
    plan = planio.read(path)
    assert plan.title == "План мероприятий по реализации программы"
    assert plan.period is not None and plan.period.label == "2021–2025 годы"
    assert plan.items()[0].deadline.end == date(2025, 12, 31)


def test_a_title_line_that_goes_on_in_lower_case(tmp_path: Path) -> None:
    before = ["МБОУ «СОШ № 3»", "", "ПЛАН", "работы школы", "на 2022 год"]
    path = make_plan_docx(
        tmp_path / "p.docx", [("1", "Педсовет", "Директор", "май")], before=before
    )
    set_bold(path, 0)
    set_bold(path, 2)
    plan = planio.read(path)
    assert plan.title == "ПЛАН работы школы на 2022 год"
    assert [w.text for w in plan.warnings] == ["МБОУ «СОШ № 3»"]


def test_a_month_typed_alone_in_a_row_heads_the_rows_under_it(tmp_path: Path) -> None:
    rows = [
        ("", "ЯНВАРЬ", "", ""),
        ("1", "Турнир", "Иванов И.И.", "2-3"),
        ("", "12 февраля", "", ""),
        ("2", "Эстафета", "Иванов И.И.", "10.00"),
    ]
    path = make_plan_docx(tmp_path / "p.docx", rows, header=("№", "Мероприятие", "Кто", "Дата"))
    plan = planio.read(path)
    assert [s.heading for s in plan.sections] == ["ЯНВАРЬ", "12 февраля"]
    first, second = plan.items()
    assert (first.deadline.start, first.deadline.end) == (date(2022, 1, 2), date(2022, 1, 3))
    assert (second.deadline.start, second.deadline.start_time) == (
        date(2022, 2, 12),
        time(10),
    )


def test_a_second_table_with_a_header_of_its_own_is_not_a_continuation(tmp_path: Path) -> None:
    """Same width as the plan table, header words known only for the date: its own header."""
    document = docx.Document()
    document.add_paragraph("План работы на 2023 год")
    tables = (
        [
            ("№", "Мероприятие", "Ответственный", "Срок"),
            ("1", "Педсовет «Итоги года»", "Директор", "май"),
            ("2", "Смотр кабинетов к учебному году", "Завуч", "август"),
        ],
        [
            ("Дата", "Пункт плана", "Ф.И.О.", "Отметка"),
            ("14.09.2023", "Общее родительское собрание", "Орлова Л.М.", ""),
            ("в течение года", "Консультации по запросу", "Кравец И.В.", ""),
            ("апрель", "День открытых дверей", "Солдатова Е.А.", ""),
        ],
    )
    for index, rows in enumerate(tables):
        if index:
            document.add_paragraph("Работа с родителями")
        table = document.add_table(rows=0, cols=4)
        for row in rows:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = text
    path = tmp_path / "two.docx"
    document.save(str(path))
    plan = planio.read(path)
    parents = plan.sections[-1]
    assert parents.heading == "Работа с родителями"
    first = parents.items[0]
    assert (first.title, first.executors) == ("Общее родительское собрание", ["Орлова Л.М."])
    assert len(parents.items) == 3
    assert [w.code for w in plan.warnings] == ["columns_guessed"]


def test_an_empty_number_cell_on_a_new_page_is_an_event_of_its_own() -> None:
    """PDF page stitching: after a row whose № cell is empty, an empty № is no sign of a cut."""
    from planio.readers.build import build_plan
    from planio.readers.grid import Cell, Para, RawDocument, Row, Table

    def row(page: int, *texts: str) -> Row:
        return Row([Cell([Para(t)], col=i) for i, t in enumerate(texts)], page=page)

    table = Table(
        [
            row(1, "№", "Мероприятие", "Срок", "Ответственный"),
            row(1, "1", "Педсовет", "май", "Директор"),
            row(1, "", "Консультации для родителей", "в течение года", "Воспитатели"),
            row(2, "", "Выставка рисунков", "ноябрь", "Воспитатели"),  # its own event
            row(3, "", "и поделок", "", ""),  # the rest of a cut row: it goes on in lower case
        ],
        width=4,
    )
    plan = build_plan(RawDocument([Para("План работы на 2022 год"), table]))
    assert [i.title for i in plan.items()] == [
        "Педсовет",
        "Консультации для родителей",
        "Выставка рисунков и поделок",
    ]


def test_a_title_going_on_after_an_empty_line(tmp_path: Path) -> None:
    before = ["УТВЕРЖДАЮ", "Директор", "И.И. Иванов", "", "ПЛАН РАБОТЫ", "", "на 2022 год"]
    path = make_plan_docx(
        tmp_path / "p.docx", [("1", "Педсовет", "Директор", "май")], before=before
    )
    plan = planio.read(path)
    assert plan.title == "ПЛАН РАБОТЫ на 2022 год"
    assert plan.period is not None and plan.period.label == "2022 год"
