"""Plans as real offices write them: header words, stamps, titles and executor cells in families.

Each test builds its DOCX with docx_factory and says what a secretary reads off it; a
representative subset is also exported to PDF by LibreOffice, and the PDF must read the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

import planio
from planio.model import Plan
from planio.readers.build import build_plan
from planio.readers.grid import Cell, Para, RawDocument, Row, Table
from planio.readers.header import word_roles

from docx_factory import make_plan_docx, set_bold
from office import convert_all

ROWS = [
    ("1", "Педагогический совет «Итоги года»", "Иванов И.И., Петров П.П.", "сентябрь"),
    ("2", "Родительское собрание в 9-х классах", "Классные руководители 1-11 кл.", "до 15.10.2021"),
    ("3", "Смотр кабинетов к новому учебному году", "Администрация, педагоги", "в течение года"),
]
STAMP = ("УТВЕРЖДАЮ", "Директор школы", "______ И.О. Петрова", "")
TITLE = "ПЛАН РАБОТЫ школы на 2021/2022 учебный год"


def _read(path: Path) -> Plan:
    return planio.read(path)


def _rows_read(plan: Plan) -> list[tuple[str, str, list[str], str]]:
    return [(i.number, i.title, i.executors, i.deadline.text) for i in plan.items()]


def _as_written() -> list[tuple[str, str, list[str], str]]:
    return [
        ("1", ROWS[0][1], ["Иванов И.И.", "Петров П.П."], "сентябрь"),
        ("2", ROWS[1][1], ["Классные руководители 1-11 кл."], "до 15.10.2021"),
        ("3", ROWS[2][1], ["Администрация", "педагоги"], "в течение года"),
    ]


def _vmerge(cell: object, restart: bool) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    merge = OxmlElement("w:vMerge")
    if restart:
        merge.set(qn("w:val"), "restart")
    tc_pr.append(merge)


def two_row_header(
    path: Path,
    top: Sequence[tuple[str, int]],
    bottom: Sequence[str | None],
    rows: Sequence[Sequence[str]],
) -> Path:
    """A plan whose header takes two rows: ``top`` (text, span) over ``bottom`` (None: merged)."""
    document = docx.Document()
    for text in (*STAMP, TITLE):
        document.add_paragraph(text)
    table = document.add_table(rows=2, cols=len(bottom))
    table.style = "Table Grid"
    column = 0
    for text, span in top:
        cell = table.rows[0].cells[column]
        if span > 1:
            cell = cell.merge(table.rows[0].cells[column + span - 1])
        cell.text = text
        column += span
    for index, text in enumerate(bottom):
        if text is None:
            _vmerge(table.rows[0].cells[index], True)
            _vmerge(table.rows[1].cells[index], False)
        else:
            table.rows[1].cells[index].text = text
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    document.save(str(path))
    return path


# -- the header's words ------------------------------------------------------------------------

EVENTS = [
    "Наименование мероприятий",
    "Содержание деятельности",
    "Вид деятельности",
    "Тема",
    "Планируемые мероприятия",
    "МЕРОПРИЯТИЯ",
    "Название мероприятия",
    "Тематика",
]
WHO = [
    "Ответственный исполнитель",
    "Исполнитель (ФИО, должность)",
    "Кто проводит",
    "Ответствен-ные",
    "Ответственный",
    "ОТВЕТСТВЕННЫЕ",
    "Ф.И.О. ответственного",
    "Ответственные за проведение",
]
WHEN = [
    "Сроки исполнения",
    "Дата проведения",
    "Период",
    "Срок/периодичность",
    "Сроки реализации",
    "ДАТА",
    "Месяц",
    "Периодичность",
]


@pytest.mark.parametrize(("what", "who", "when"), list(zip(EVENTS, WHO, WHEN, strict=True)))
def test_header_words_offices_use(tmp_path: Path, what: str, who: str, when: str) -> None:
    """Every spelling of the three columns gives its role, found by the words alone."""
    path = make_plan_docx(tmp_path / "plan.docx", ROWS, header=("№ п/п", what, who, when))
    plan = _read(path)
    assert _rows_read(plan) == _as_written()
    assert not [w for w in plan.warnings if w.code == "columns_guessed"]


EXTRAS = {
    "Планируемый результат": ["Протокол", "Решение собрания", "Справка"],
    "Форма проведения": ["Совещание", "Собрание", "Смотр"],
    "Категория участников": ["педагоги", "родители", "учителя"],
    "Место проведения": ["Актовый зал", "Кабинет 12", "Школа"],
    "Отметка о выполнении": ["", "", ""],
    "Форма отчётности": ["Протокол", "Протокол", "Справка"],
    # extra columns whose words go on to name an event or a date: still extra
    "Форма проведения мероприятия": ["Совещание", "Собрание", "Смотр"],
    "Участники мероприятия": ["Педагоги", "Родители", "Учителя"],
    "Ожидаемый результат мероприятия": ["Решения совета", "Информированность", "Готовность"],
    "Отметка о выполнении (дата)": ["28.09.2021", "", ""],
    # the date of the report, not of the event
    "Срок представления отчёта": ["до 05.10.2021", "до 20.10.2021", "до 30.06.2022"],
    "Форма и срок отчётности": ["справка, 05.10.2021", "протокол, 20.10.2021", ""],
}


@pytest.mark.parametrize("extra", list(EXTRAS))
@pytest.mark.parametrize("at", [2, 4])
def test_extra_columns_take_no_role(tmp_path: Path, extra: str, at: int) -> None:
    """A column beside the three (results, places, marks) goes to extra, wherever it stands."""
    header = ["№ п/п", "Содержание работы", "Ответственные", "Дата проведения"]
    header.insert(at, extra)
    rows = [[*r[:at], v, *r[at:]] for r, v in zip(ROWS, EXTRAS[extra], strict=True)]
    plan = _read(make_plan_docx(tmp_path / "plan.docx", rows, header=header))
    assert _rows_read(plan) == _as_written()
    assert [i.extra for i in plan.items()] == [{extra: v} for v in EXTRAS[extra]]


def test_participants_are_not_taken_for_the_executors(tmp_path: Path) -> None:
    """«Участники» of groups beside a column of people with no known header: people execute."""
    rows = [
        ("1", ROWS[0][1], "Педагоги", "Иванов И.И.", "сентябрь"),
        ("2", ROWS[1][1], "Родители", "Петрова А.А.", "октябрь"),
        ("3", ROWS[2][1], "Учащиеся 5-9 классов", "Сидоров С.С.", "ноябрь"),
    ]
    header = ("№", "Мероприятие", "Участники", "Ф.И.О.", "Срок")
    plan = _read(make_plan_docx(tmp_path / "plan.docx", rows, header=header))
    assert [i.executors for i in plan.items()] == [
        ["Иванов И.И."],
        ["Петрова А.А."],
        ["Сидоров С.С."],
    ]
    assert [i.extra for i in plan.items()] == [
        {"Участники": "Педагоги"},
        {"Участники": "Родители"},
        {"Участники": "Учащиеся 5-9 классов"},
    ]


@pytest.mark.parametrize(
    ("header", "roles"),
    [
        # a PDF's narrow column breaks a header's first word anywhere
        (
            ["№", "ОТВЕТСТВЕ Н-НЫЕ", "Мероприяти е", "Сро ки"],
            {"executors": 1, "title": 2, "deadline": 3},
        ),
        (
            ["№", "НАИМЕНОВАН ИЕ", "Ответственн ый", "Дата"],
            {"title": 1, "executors": 2, "deadline": 3},
        ),
    ],
)
def test_header_words_a_pdf_broke(header: list[str], roles: dict[str, int]) -> None:
    """Header words a PDF's narrow column cut apart still name their roles."""
    assert word_roles(header) == {"number": 0, **roles}


def test_capitals_broken_lines_and_a_hyphenated_header(tmp_path: Path) -> None:
    """«ОТВЕТСТВЕН-⏎НЫЕ» in capitals over two lines is the executors' header, read as one word."""
    header = ("№\nп/п", "НАИМЕНОВАНИЕ\nМЕРОПРИЯТИЯ", "ОТВЕТСТВЕН-\nНЫЕ", "СРОКИ\nИСПОЛНЕНИЯ")
    rows = [("1", "2", "3", "4"), *ROWS]  # and a row of column numbers under the header
    plan = _read(make_plan_docx(tmp_path / "plan.docx", rows, header=header))
    assert plan.columns == [
        "№ п/п",
        "НАИМЕНОВАНИЕ МЕРОПРИЯТИЯ",
        "ОТВЕТСТВЕН-НЫЕ",
        "СРОКИ ИСПОЛНЕНИЯ",
    ]
    assert _rows_read(plan) == _as_written()
    assert not [w for w in plan.warnings if w.code == "columns_guessed"]


PLAN_FACT = [
    ("1", ROWS[0][1], "Иванов И.И.", "сентябрь", "28.09.2021"),
    ("2", ROWS[1][1], "Классные руководители", "до 15.10.2021", "12.10.2021"),
    ("3", ROWS[2][1], "Администрация", "в течение года", ""),
]


def test_a_group_header_over_plan_and_fact(tmp_path: Path) -> None:
    """«Сроки исполнения» over «план | факт»: the planned date is the deadline, the fact extra."""
    top = [("№ п/п", 1), ("Мероприятие", 1), ("Ответственный", 1), ("Сроки исполнения", 2)]
    path = two_row_header(
        tmp_path / "plan.docx", top, [None, None, None, "план", "факт"], PLAN_FACT
    )
    plan = _read(path)
    assert [(i.number, i.executors, i.deadline.text) for i in plan.items()] == [
        ("1", ["Иванов И.И."], "сентябрь"),
        ("2", ["Классные руководители"], "до 15.10.2021"),
        ("3", ["Администрация"], "в течение года"),
    ]
    assert [i.extra for i in plan.items()] == [
        {"Сроки исполнения (факт)": "28.09.2021"},
        {"Сроки исполнения (факт)": "12.10.2021"},
        {"Сроки исполнения (факт)": ""},
    ]
    assert not [w for w in plan.warnings if w.code.startswith("deadline")]


def test_a_group_header_over_two_roles(tmp_path: Path) -> None:
    """«Исполнение» over «срок | ответственный»: each sub-column takes its own role."""
    rows = [(n, t, d, w) for n, t, w, d, _ in PLAN_FACT]
    top = [("№", 1), ("Содержание работы", 1), ("Исполнение", 2)]
    plan = _read(
        two_row_header(tmp_path / "plan.docx", top, [None, None, "срок", "ответственный"], rows)
    )
    assert [(i.number, i.executors, i.deadline.text) for i in plan.items()] == [
        ("1", ["Иванов И.И."], "сентябрь"),
        ("2", ["Классные руководители"], "до 15.10.2021"),
        ("3", ["Администрация"], "в течение года"),
    ]
    assert len(plan.items()) == 3  # the row of labels is no event


def test_a_group_of_executors_stays_one_column(tmp_path: Path) -> None:
    """«Исполнители» over «ответственный | соисполнители»: everyone named does the event."""
    rows = [
        ("1", ROWS[0][1], "Иванов И.И.", "Петров П.П.", "сентябрь"),
        ("2", ROWS[1][1], "Классные руководители", "", "до 15.10.2021"),
    ]
    top = [("№ п/п", 1), ("Содержание работы", 1), ("Исполнители", 2), ("Сроки", 1)]
    bottom = [None, None, "ответственный", "соисполнители", None]
    plan = _read(two_row_header(tmp_path / "plan.docx", top, bottom, rows))
    assert plan.columns == ["№ п/п", "Содержание работы", "Исполнители", "Сроки"]
    assert [i.executors for i in plan.items()] == [
        ["Иванов И.И.", "Петров П.П."],
        ["Классные руководители"],
    ]


def test_a_caption_over_the_whole_header_is_no_group(tmp_path: Path) -> None:
    """A merged caption row above the header leaves the header's own words as the columns."""
    rows = [(*r[:4], "") for r in PLAN_FACT]
    header = ["№", "Наименование мероприятия", "Ответственный", "Срок", "Примечание"]
    path = two_row_header(tmp_path / "plan.docx", [("План мероприятий", 5)], header, rows)
    plan = _read(path)
    assert plan.columns == header
    assert [i.deadline.text for i in plan.items()] == [
        "сентябрь",
        "до 15.10.2021",
        "в течение года",
    ]


# -- the stamp -----------------------------------------------------------------------------------

STAMPS = {
    "name before its signature": (
        ["Утверждаю:", "Директор школы", "Петрова И.О. ________", '"31" августа 2021 г.'],
        ("Утверждаю", "Директор школы", "Петрова И.О.", date(2021, 8, 31)),
    ),
    "name between slashes": (
        ["УТВЕРЖДАЮ:", "Директор МБОУ «СОШ № 5»", "__________/Иванова А.А./", "31.08.2021"],
        ("УТВЕРЖДАЮ", "Директор МБОУ «СОШ № 5»", "Иванова А.А.", date(2021, 8, 31)),
    ),
    "name in parentheses": (
        ["УТВЕРЖДАЮ", "Директор", "________ (Иванова А.А.)"],
        ("УТВЕРЖДАЮ", "Директор", "Иванова А.А.", None),
    ),
    "all on one line": (
        ["УТВЕРЖДАЮ Директор ГБПОУ «Колледж связи» ______ И.О. Фамилия «__» _______ 2021 г."],
        ("УТВЕРЖДАЮ", "Директор ГБПОУ «Колледж связи»", "И.О. Фамилия", None),
    ),
    "one line, date filled": (
        ["Утверждаю: директор школы ________ Смирнова Н.Н. «31» августа 2021 г."],
        ("Утверждаю", "директор школы", "Смирнова Н.Н.", date(2021, 8, 31)),
    ),
    "approved by an order on the next lines": (
        ["УТВЕРЖДЕНО", "приказом директора", "от 31.08.2021 № 125"],
        ("УТВЕРЖДЕНО приказом директора от 31.08.2021 № 125", "", "", date(2021, 8, 31)),
    ),
    "the order under the signatory": (
        [
            "«УТВЕРЖДАЮ»",
            "Директор МКОУ «СОШ №1»",
            "_______Е.Н. Морозова",
            "Приказ № 125 от 31.08.2021",
        ],
        ("УТВЕРЖДАЮ", "Директор МКОУ «СОШ №1»", "Е.Н. Морозова", date(2021, 8, 31)),
    ),
    "the date above the signature": (
        ["УТВЕРЖДАЮ", "Директор школы", "«31» августа 2021 г.", "____________ Иванова А.А."],
        ("УТВЕРЖДАЮ", "Директор школы", "Иванова А.А.", date(2021, 8, 31)),
    ),
    "the order over two lines": (
        [
            "«Утверждаю»",
            "Директор",
            "_____ /А.А. Иванова/",
            "Приказ № 125",
            "от «31» августа 2021 г.",
        ],
        ("Утверждаю", "Директор", "А.А. Иванова", date(2021, 8, 31)),
    ),
    "a date in figures between quotes": (
        ["УТВЕРЖДАЮ", "Директор ____________ Иванова А.А.", "«31» 08 2021 г."],
        ("УТВЕРЖДАЮ", "Директор", "Иванова А.А.", date(2021, 8, 31)),
    ),
    "a colon after the position, a dot after the month": (
        ["УТВЕРЖДАЮ", "Директор школы: ______ Иванова А.А.", "«31» 08. 2021 г."],
        ("УТВЕРЖДАЮ", "Директор школы", "Иванова А.А.", date(2021, 8, 31)),
    ),
    "the seal's place under the date": (
        ["УТВЕРЖДАЮ", "Директор школы", "_____ Иванова А.А.", "«31» августа 2021 г.", "М.П."],
        ("УТВЕРЖДАЮ", "Директор школы", "Иванова А.А.", date(2021, 8, 31)),
    ),
    "the name written out": (
        ["УТВЕРЖДАЮ", "Директор школы", "______ Иванова Анна Андреевна", "«31» августа 2021 г."],
        ("УТВЕРЖДАЮ", "Директор школы", "Иванова Анна Андреевна", date(2021, 8, 31)),
    ),
    "indented with tabs": (
        ["\t\t\t\tУТВЕРЖДАЮ", "\t\t\t\tДиректор школы", "\t\t\t\t_______ Иванова А.А."],
        ("УТВЕРЖДАЮ", "Директор школы", "Иванова А.А.", None),
    ),
}


@pytest.mark.parametrize("case", list(STAMPS))
def test_stamps(tmp_path: Path, case: str) -> None:
    """The stamp's heading, position, signatory and date as the secretary reads them."""
    lines, expected = STAMPS[case]
    plan = _read(make_plan_docx(tmp_path / "plan.docx", ROWS, before=[*lines, "", TITLE]))
    assert plan.approval is not None
    approval = plan.approval
    assert (approval.heading, approval.position, approval.name, approval.date) == expected
    assert plan.title == TITLE
    assert plan.warnings == []  # every line of the stamp is placed


def layout_stamp(path: Path) -> Path:
    """«СОГЛАСОВАНО» and «УТВЕРЖДАЮ» side by side in a borderless two-cell table."""
    make_plan_docx(path, ROWS, before=[])
    document = docx.Document(str(path))
    layout = document.add_table(rows=1, cols=2)
    left, right = layout.rows[0].cells
    left.text = "СОГЛАСОВАНО\nПредседатель ПК\n_____ Сидорова В.В."
    right.text = "УТВЕРЖДАЮ:"
    for text in ("Директор МБОУ «СОШ № 5»", "_____ Иванова А.А.", "«31» августа 2021 г."):
        right.add_paragraph(text)
    title = [document.add_paragraph(t) for t in ("ПЛАН РАБОТЫ", "на 2021/2022 учебный год")]
    plan_table = document.tables[0]._tbl
    plan_table.addprevious(layout._tbl)
    for paragraph in title:
        plan_table.addprevious(paragraph._p)
    document.save(str(path))
    return path


def test_agreed_and_approved_in_a_layout_table(tmp_path: Path) -> None:
    """Two stamps in a layout table: the approval is «УТВЕРЖДАЮ»'s, the title below it."""
    path = layout_stamp(tmp_path / "plan.docx")
    plan = _read(path)
    assert plan.approval is not None
    assert (plan.approval.position, plan.approval.name, plan.approval.date) == (
        "Директор МБОУ «СОШ № 5»",
        "Иванова А.А.",
        date(2021, 8, 31),
    )
    assert plan.title == "ПЛАН РАБОТЫ на 2021/2022 учебный год"


def stamps_one_line_to_a_row(path: Path, agreed: bool = True) -> Path:
    """The two stamps in a borderless table of one line to a row, «СОГЛАСОВАНО» left or none."""
    make_plan_docx(path, ROWS, before=[])
    document = docx.Document(str(path))
    left = ["СОГЛАСОВАНО", "Председатель ПК", "_____ Сидорова В.В.", "«30» августа 2021 г."]
    right = ["УТВЕРЖДАЮ", "Директор МБОУ «СОШ № 5»", "_____ Иванова А.А.", "«31» августа 2021 г."]
    layout = document.add_table(rows=4, cols=2)
    for row, left_line, right_line in zip(layout.rows, left, right, strict=True):
        row.cells[0].text = left_line if agreed else ""
        row.cells[1].text = right_line
    title = document.add_paragraph(TITLE)
    plan_table = document.tables[0]._tbl
    plan_table.addprevious(layout._tbl)
    plan_table.addprevious(title._p)
    document.save(str(path))
    return path


@pytest.mark.parametrize("agreed", [True, False])
def test_stamps_one_line_to_a_row_of_a_layout_table(tmp_path: Path, agreed: bool) -> None:
    """A stamp's lines in the rows of one column are one stamp; the table is no plan table."""
    plan = _read(stamps_one_line_to_a_row(tmp_path / "plan.docx", agreed))
    assert plan.approval is not None
    approval = plan.approval
    assert (approval.heading, approval.position, approval.name, approval.date) == (
        "УТВЕРЖДАЮ",
        "Директор МБОУ «СОШ № 5»",
        "Иванова А.А.",
        date(2021, 8, 31),
    )
    assert plan.title == TITLE
    assert _rows_read(plan) == _as_written()
    other = ["СОГЛАСОВАНО", "Председатель ПК", "_____ Сидорова В.В.", "«30» августа 2021 г."]
    assert [w.text for w in plan.warnings] == (other if agreed else [])


# -- the title -----------------------------------------------------------------------------------

TITLES = {
    "kind before «план»": (
        ["Перспективный план работы", "на 2021-2025 годы"],
        (),
        "Перспективный план работы на 2021-2025 годы",
        (date(2021, 1, 1), date(2025, 12, 31)),
    ),
    "kind in capitals": (
        ["ПЕРСПЕКТИВНЫЙ ПЛАН", "работы с родителями", "на 2021 год"],
        (),
        "ПЕРСПЕКТИВНЫЙ ПЛАН работы с родителями на 2021 год",
        (date(2021, 1, 1), date(2021, 12, 31)),
    ),
    "a bold heading over the school in plain type": (
        ["Годовой план работы", "МБДОУ «Детский сад № 12»", "на 2021-2022 учебный год"],
        (0,),
        "Годовой план работы МБДОУ «Детский сад № 12» на 2021-2022 учебный год",
        (date(2021, 9, 1), date(2022, 8, 31)),
    ),
    "the aim below the title": (
        ["План работы библиотеки на 2022 год", "Цель: формирование читательской культуры"],
        (),
        "План работы библиотеки на 2022 год",
        (date(2022, 1, 1), date(2022, 12, 31)),
    ),
    "the tasks below a bold title": (
        ["ПЛАН РАБОТЫ", "МБОУ «СОШ № 5»", "на 2021/2022 учебный год", "Задачи:"],
        (0, 1, 2),
        "ПЛАН РАБОТЫ МБОУ «СОШ № 5» на 2021/2022 учебный год",
        (date(2021, 9, 1), date(2022, 8, 31)),
    ),
    "events named without «план»": (
        ["Мероприятия по подготовке к ГИА", "в 2021-2022 учебном году"],
        (),
        "Мероприятия по подготовке к ГИА в 2021-2022 учебном году",
        (date(2021, 9, 1), date(2022, 8, 31)),
    ),
    "a road map": (
        ["Дорожная карта", "по подготовке к ГИА на 2022 год"],
        (),
        "Дорожная карта по подготовке к ГИА на 2022 год",
        (date(2022, 1, 1), date(2022, 12, 31)),
    ),
    "«ПЛАН» alone on its line": (
        ["ПЛАН", "работы методического объединения", "на 2021-2022 учебный год"],
        (0,),
        "ПЛАН работы методического объединения на 2021-2022 учебный год",
        (date(2021, 9, 1), date(2022, 8, 31)),
    ),
}


@pytest.mark.parametrize("case", list(TITLES))
def test_titles(tmp_path: Path, case: str) -> None:
    """The whole title and no more, and the period it names, whatever the weight of its lines."""
    lines, bold, title, (start, end) = TITLES[case]
    path = make_plan_docx(tmp_path / "plan.docx", ROWS, before=[*STAMP, *lines])
    for index in bold:
        set_bold(path, len(STAMP) + index)
    plan = _read(path)
    assert plan.title == title
    assert plan.period is not None and (plan.period.start, plan.period.end) == (start, end)
    assert plan.approval is not None and plan.approval.name == "И.О. Петрова"
    # only the lines that are not the title («Цель: …», «Задачи:») are left over
    assert [w.text for w in plan.warnings] == [line for line in lines if line not in title]


def test_the_title_in_a_caption_row_of_the_table(tmp_path: Path) -> None:
    """No title above the table, «План мероприятий …» merged over its header: that is the title."""
    rows = [(*r[:4], "") for r in PLAN_FACT]
    header = ["№", "Наименование мероприятия", "Ответственный", "Срок", "Примечание"]
    caption = "План мероприятий\nпо профилактике травматизма на 2022 год"
    path = two_row_header(tmp_path / "plan.docx", [(caption, 5)], header, rows)
    document = docx.Document(str(path))
    document.paragraphs[-1].text = ""  # no title paragraph above the table
    document.save(str(path))
    plan = _read(path)
    assert plan.title == "План мероприятий по профилактике травматизма на 2022 год"
    assert plan.period is not None and plan.period.start == date(2022, 1, 1)
    assert plan.warnings == []


# -- executors -----------------------------------------------------------------------------------

EXECUTORS = {
    "Иванов И.И. и Петров П.П.": ["Иванов И.И.", "Петров П.П."],
    "И.И. Иванов и П.П. Петров": ["И.И. Иванов", "П.П. Петров"],
    "директор и завуч": ["директор", "завуч"],
    "Учителя-предметники и классные руководители": [
        "Учителя-предметники",
        "классные руководители",
    ],
    "Совет профилактики и социальный педагог": ["Совет профилактики", "социальный педагог"],
    "Педагоги и родители": ["Педагоги", "родители"],
    "ст. воспитатель Петрова А.А., воспитатели групп": [
        "ст. воспитатель Петрова А.А.",
        "воспитатели групп",
    ],
    "Иванов И.И., педагоги": ["Иванов И.И.", "педагоги"],
    "Иванова А.А./Петрова Б.Б.": ["Иванова А.А.", "Петрова Б.Б."],
    "Зам. директора по УВР/ВР": ["Зам. директора по УВР/ВР"],
    "Классные руководители 1-4, 5-11 классов": ["Классные руководители 1-4, 5-11 классов"],
    "Учителя 5, 6 классов": ["Учителя 5, 6 классов"],
    # one executor each: a piece of them names no one on its own
    "Заместитель директора по УВР и ВР": ["Заместитель директора по УВР и ВР"],
    "Совет родителей и педагогов": ["Совет родителей и педагогов"],
    "Министерство образования и науки": ["Министерство образования и науки"],
    "ООО «Рога и копыта»": ["ООО «Рога и копыта»"],
    "Е.А. Солдатова, ст. воспитатель": ["Е.А. Солдатова, ст. воспитатель"],
    "И.И. Иванов – директор": ["И.И. Иванов – директор"],
    "зам. директора по УР Иванова И.И.": ["зам. директора по УР Иванова И.И."],
    "Классные руководители 1-11 кл.": ["Классные руководители 1-11 кл."],
    "Иванов И.И.; Петров П.П.": ["Иванов И.И.", "Петров П.П."],
}


def test_executor_cells(tmp_path: Path) -> None:
    """Each executor cell split as a secretary counts the people and groups in it."""
    rows = [
        (str(n), f"Мероприятие {n} по плану школы", cell, "сентябрь")
        for n, cell in enumerate(EXECUTORS, start=1)
    ]
    plan = _read(make_plan_docx(tmp_path / "plan.docx", rows))
    assert [item.executors for item in plan.items()] == list(EXECUTORS.values())


#: positions run together on one line (as a PDF runs a cell's lines), no executor named alone
#: elsewhere in the plan to cut them by
RUN_TOGETHER = {
    "Педагог-психолог Социальный педагог": ["Педагог-психолог", "Социальный педагог"],
    "Руководитель ШМО Классные руководители": ["Руководитель ШМО", "Классные руководители"],
    "Старшая вожатая Педагог-организатор": ["Старшая вожатая", "Педагог-организатор"],
    "Председатель Совета профилактики": ["Председатель Совета профилактики"],
    "Заместитель Директора": ["Заместитель Директора"],
    "Классный Руководитель": ["Классный Руководитель"],  # a position in title case
}


def test_positions_run_together(tmp_path: Path) -> None:
    """Capitalised positions one after another are executors each; an oblique case goes on."""
    rows = [
        (str(n), f"Мероприятие {n} по плану школы", cell, "сентябрь")
        for n, cell in enumerate(RUN_TOGETHER, start=1)
    ]
    plan = _read(make_plan_docx(tmp_path / "plan.docx", rows))
    assert [item.executors for item in plan.items()] == list(RUN_TOGETHER.values())


#: a cell's paragraphs, and the executors they are: a paragraph that only goes on from the one
#: above (a wrapped position, the person under their position, a class) is not one of its own
CELL_LINES: list[tuple[list[str], list[str]]] = [
    (["Зам. директора по УВР", "Иванова И.И."], ["Зам. директора по УВР Иванова И.И."]),
    (["Классный руководитель", "5 «А» класса"], ["Классный руководитель 5 «А» класса"]),
    (
        ["Заместитель директора по учебно-", "воспитательной работе"],
        ["Заместитель директора по учебно-воспитательной работе"],
    ),
    (
        ["Заместитель директора", "по воспитательной работе"],
        ["Заместитель директора по воспитательной работе"],
    ),
    (
        ["Директор", "Иванова А.А.", "Зам. директора по УВР", "Петрова Б.Б."],
        ["Директор Иванова А.А.", "Зам. директора по УВР Петрова Б.Б."],
    ),
    (["Иванова А.А. –", "директор"], ["Иванова А.А. – директор"]),
    (["Руководители", "ШМО"], ["Руководители ШМО"]),
    (["Учителя", "физической культуры"], ["Учителя физической культуры"]),
    (["Иванова А.А.", "(зам. директора)"], ["Иванова А.А. (зам. директора)"]),
    (["Иванова А.А. и", "Петрова Б.Б."], ["Иванова А.А.", "Петрова Б.Б."]),
    # paragraphs that are executors of their own
    (["Иванов И.И.", "Петров П.П."], ["Иванов И.И.", "Петров П.П."]),
    (["Педагог-психолог", "Социальный педагог"], ["Педагог-психолог", "Социальный педагог"]),
    (["Классные руководители", "обучающиеся"], ["Классные руководители", "обучающиеся"]),
    (["Администрация", "Иванова А.А."], ["Администрация", "Иванова А.А."]),
    (["1) Иванова А.А.", "2) Петрова Б.Б."], ["Иванова А.А.", "Петрова Б.Б."]),
    (["Администрация", "все педагоги"], ["Администрация", "все педагоги"]),
    (
        ["Администрация", "Классные руководители", "Учителя-предметники"],
        ["Администрация", "Классные руководители", "Учителя-предметники"],
    ),
]


def executor_lines(path: Path, cases: Sequence[tuple[list[str], list[str]]]) -> Path:
    """A plan whose executor cells are the cases' paragraphs."""
    rows = [
        (str(n), f"Мероприятие {n} по плану школы", lines, "сентябрь")
        for n, (lines, _) in enumerate(cases, start=1)
    ]
    return make_plan_docx(path, rows)


def test_executor_cells_of_several_paragraphs(tmp_path: Path) -> None:
    """A paragraph that only goes on from the one above is part of the same executor."""
    plan = _read(executor_lines(tmp_path / "plan.docx", CELL_LINES))
    assert [item.executors for item in plan.items()] == [names for _, names in CELL_LINES]


# -- the same documents as PDF -------------------------------------------------------------------


def bold_title_and_people(path: Path) -> Path:
    """A bold «Годовой план работы» over plain lines, and people joined by « и »."""
    rows = [(n, t, "Иванов И.И. и Петров П.П.", d) for n, t, _, d in ROWS]
    lines = TITLES["a bold heading over the school in plain type"][0]
    make_plan_docx(path, rows, before=[*STAMP, *lines])
    set_bold(path, len(STAMP))
    return path


def long_two_row_header(path: Path) -> Path:
    """Sixty events under «Сроки исполнения» over «план | факт», the two rows repeated per page."""
    rows = [(str(n), f"Событие плана номер {n}", "Иванов И.И.") for n in range(1, 61)]
    two_row_header(
        path,
        [("№ п/п", 1), ("Мероприятие", 1), ("Ответственный", 1), ("Сроки исполнения", 2)],
        [None, None, None, "план", "факт"],
        [(*row, "сентябрь", "28.09.2021") for row in rows],
    )
    document = docx.Document(str(path))
    for row in document.tables[0].rows[:2]:
        row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    document.save(str(path))
    return path


#: documents of the families above, each also exported to PDF by LibreOffice
AS_PDF = {
    "plan-fact": lambda path: two_row_header(
        path,
        [("№ п/п", 1), ("Мероприятие", 1), ("Ответственный", 1), ("Сроки исполнения", 2)],
        [None, None, None, "план", "факт"],
        PLAN_FACT,
    ),
    "hyphenated": lambda path: make_plan_docx(
        path,
        ROWS,
        header=("№\nп/п", "Содержание\nработы", "Ответствен-\nные", "Срок/\nпериодичность"),
    ),
    "one-line-stamp": lambda path: make_plan_docx(
        path, ROWS, before=[STAMPS["all on one line"][0][0], "", TITLE]
    ),
    "layout-stamp": layout_stamp,
    "stamps-one-line-to-a-row": stamps_one_line_to_a_row,
    "stamp-date-above-signature": lambda path: make_plan_docx(
        path, ROWS, before=[*STAMPS["the date above the signature"][0], "", TITLE]
    ),
    "stamp-name-before-signature": lambda path: make_plan_docx(
        path, ROWS, before=[*STAMPS["name before its signature"][0], "", TITLE]
    ),
    "stamp-order-over-two-lines": lambda path: make_plan_docx(
        path, ROWS, before=[*STAMPS["the order over two lines"][0], "", TITLE]
    ),
    "bold-title-and-people": bold_title_and_people,
    "long-two-row-header": long_two_row_header,
    # the PDF runs a cell's lines together: those that are one executor read the same
    # (a group in lower case on a line of its own runs into the line above: no longer apart)
    "executor-lines": lambda path: executor_lines(
        path, [(lines, names) for lines, names in CELL_LINES if names[-1][:1].isupper()]
    ),
}


@pytest.fixture(scope="module")
def pdf_pairs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Each AS_PDF document as DOCX and as PDF (one LibreOffice run for all)."""
    folder = tmp_path_factory.mktemp("variants")
    sources = [build(folder / f"{name}.docx") for name, build in AS_PDF.items()]
    pdfs = convert_all(sources, folder / "pdf")
    return {name: pair for name, pair in zip(AS_PDF, zip(sources, pdfs, strict=True), strict=True)}


def _what_a_reader_sees(plan: Plan) -> object:
    approval = plan.approval.model_dump() if plan.approval else None
    events = [(*row, item.extra) for row, item in zip(_rows_read(plan), plan.items(), strict=True)]
    return plan.title, approval, plan.columns, events


@pytest.mark.parametrize("name", list(AS_PDF))
def test_the_pdf_reads_as_the_docx(pdf_pairs: dict[str, tuple[Path, Path]], name: str) -> None:
    """LibreOffice's PDF of each family's document gives what its DOCX gives."""
    docx_path, pdf_path = pdf_pairs[name]
    from_docx = _read(docx_path)
    assert from_docx.approval is not None and from_docx.approval.name
    assert len(from_docx.items()) >= 3
    assert _what_a_reader_sees(_read(pdf_path)) == _what_a_reader_sees(from_docx)


def test_a_two_row_header_repeated_on_every_page(pdf_pairs: dict[str, tuple[Path, Path]]) -> None:
    """The PDF's pages repeat both header rows: no repeat is an event, every event is there."""
    for path in pdf_pairs["long-two-row-header"]:
        plan = _read(path)
        assert [i.number for i in plan.items()] == [str(n) for n in range(1, 61)]
        assert {i.deadline.text for i in plan.items()} == {"сентябрь"}
        assert {tuple(i.extra.items()) for i in plan.items()} == {
            (("Сроки исполнения (факт)", "28.09.2021"),)
        }
        assert plan.warnings == []


def test_the_rest_of_a_cut_row_in_short_words_is_no_header() -> None:
    """«| школы | Социальный педагог |» atop a PDF page: the cut row's rest, not a new header."""

    def row(page: int, *texts: str) -> Row:
        return Row([Cell([Para(t)] if t else [], col=k) for k, t in enumerate(texts)], page)

    first = Table(
        [
            row(1, "№", "Мероприятие", "Ответственные", "Срок"),
            row(1, "1", "Педсовет «Итоги года»", "Директор", "август"),
            row(1, "2", "Мероприятие по плану", "Педагог-психолог", "сентябрь"),
        ],
        4,
    )
    rest = Table(
        [
            row(2, "", "школы", "Социальный педагог", ""),
            row(2, "3", "Родительское собрание", "Классные руководители", "октябрь"),
        ],
        4,
    )
    plan = build_plan(RawDocument([Para("План работы на 2022 год"), first, rest]))
    assert [(i.number, i.title, i.executors, i.deadline.text) for i in plan.items()] == [
        ("1", "Педсовет «Итоги года»", ["Директор"], "август"),
        ("2", "Мероприятие по плану школы", ["Педагог-психолог", "Социальный педагог"], "сентябрь"),
        ("3", "Родительское собрание", ["Классные руководители"], "октябрь"),
    ]
    assert plan.warnings == []
