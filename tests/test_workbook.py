"""The tracking workbook: written from a template, recalculated by LibreOffice, read back."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

import planio
from planio.errors import PlanioError, UnsupportedFormatError
from planio.model import STATUS_LABELS, Deadline, Item, Plan, Section
from planio.writers.report import write_report
from planio.writers.workbook import outside_period

from office import convert, run_soffice
from planio_cli import run_planio

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "plan-2021-2022.docx"
STATUS_CYCLE = ["Выполнено", "В работе", "Не начато", "Отменено", "Выполнено"]


def sheets_as_csv(workbook: Path, out_dir: Path) -> dict[str, list[list[str]]]:
    """Every sheet as LibreOffice recalculates and exports it (one CSV per sheet)."""
    every_sheet = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    run_soffice(workbook, out_dir, every_sheet)
    sheets = {}
    for path in out_dir.glob(f"{workbook.stem}-*.csv"):
        with path.open(encoding="utf-8") as handle:
            sheets[path.stem.removeprefix(f"{workbook.stem}-")] = list(csv.reader(handle))
    return sheets


def fill_statuses(path: Path, reverse: bool = True) -> dict[str, str]:
    """Sort the rows as a user would, then set statuses; return key → status label written."""
    book = openpyxl.load_workbook(path)
    sheet = book["План"]
    rows = list(sheet.iter_rows(min_row=2))
    values = [[cell.value for cell in row] for row in rows]
    if reverse:  # the user sorted by event title, descending
        values.sort(key=lambda v: str(v[2]), reverse=True)
    for row, row_values in zip(rows, values, strict=True):
        for cell, value in zip(row, row_values, strict=True):
            if cell.column != 11:  # "Просрочено" refers to its own row, as it does after a sort
                cell.value = value
    written = {}
    for index, row in enumerate(rows):
        label = STATUS_CYCLE[index % len(STATUS_CYCLE)]
        row[7].value = label
        if label == "Выполнено":
            row[8].value = datetime(2022, 3, 1)
        written[str(row[11].value)] = label
    book.save(path)
    return written


def test_libreoffice_recalculates_what_the_statuses_say(tmp_path: Path) -> None:
    plan = planio.read(SEED)
    path = planio.write_workbook(plan, tmp_path / "track.xlsx")
    written = fill_statuses(path)
    sheets = sheets_as_csv(path, tmp_path / "csv")
    by_key = {
        f"{s + 1}.{i + 1}": item
        for s, section in enumerate(plan.sections)
        for i, item in enumerate(section.items)
    }
    executors = sheets["Исполнители"]
    assert executors[0] == [
        "Исполнитель",
        "Код",
        "Всего",
        "Не начато",
        "В работе",
        "Выполнено",
        "Отменено",
        "Просрочено",
    ]
    for row in executors[1:]:
        name = row[0]
        mine = [key for key, item in by_key.items() if name in item.executors]
        labels = Counter(written[key] for key in mine)
        overdue = sum(1 for key in mine if written[key] not in ("Выполнено", "Отменено"))
        assert row[2:] == [
            str(len(mine)),
            *(str(labels[label]) for label in STATUS_LABELS.values()),
            str(overdue),  # every deadline of the seed is in the past
        ], name
    summary = {row[0]: row[1] for row in sheets["Сводка"] if len(row) > 1 and row[0]}
    labels = Counter(written.values())
    assert summary["Всего мероприятий"] == str(len(by_key))
    for label in STATUS_LABELS.values():
        assert summary[label] == str(labels[label])
    assert summary["Просрочено"] == str(labels["Не начато"] + labels["В работе"])
    plan_rows = {row[11]: row for row in sheets["План"][1:]}
    for key, label in written.items():
        assert plan_rows[key][10] == ("" if label in ("Выполнено", "Отменено") else "Да")


def test_overdue_is_false_before_the_deadline(tmp_path: Path) -> None:
    plan = Plan(
        title="План работы на 2099 год",
        period=planio.Period(date(2099, 1, 1), date(2099, 12, 31), label="2099 год"),
        sections=[
            Section(
                items=[
                    Item(
                        number="1",
                        title="Будущее",
                        executors=["Директор"],
                        deadline=planio.parse_deadline("до 01.12.2099"),
                    ),
                    Item(
                        number="2",
                        title="Прошлое",
                        executors=["Директор"],
                        deadline=planio.parse_deadline("до 01.12.2001"),
                    ),
                ]
            )
        ],
    )
    path = planio.write_workbook(plan, tmp_path / "future.xlsx")
    rows = sheets_as_csv(path, tmp_path / "csv")["План"]
    assert [(row[0], row[10]) for row in rows[1:]] == [("1", ""), ("2", "Да")]


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    payloads = ["=1+1", "+SUM(A1:A3)", "-2+3", "@cmd", '=HYPERLINK("http://x","y")']
    plan = Plan(
        title="=План",
        sections=[
            Section(
                heading="=Раздел",
                items=[
                    Item(
                        number=f"{k}",
                        title=text,
                        executors=[text],
                        deadline=Deadline(text=text),
                        note=text,
                    )
                    for k, text in enumerate(payloads, 1)
                ],
            )
        ],
    )
    path = planio.write_workbook(plan, tmp_path / "inject.xlsx")
    book = openpyxl.load_workbook(path)
    for row in book["План"].iter_rows(min_row=2, max_col=10):
        for cell in row:
            assert cell.data_type != "f" or cell.column == 11
    rows = sheets_as_csv(path, tmp_path / "csv")["План"][1:]
    assert [row[2] for row in rows] == payloads
    assert [row[3] for row in rows] == payloads
    assert [row[9] for row in rows] == payloads


def test_control_characters_do_not_break_the_workbook(tmp_path: Path) -> None:
    plan = Plan(
        title="План\x07 работы",
        sections=[
            Section(
                heading="Раздел\x1b",
                items=[
                    Item(
                        number="1",
                        title="Звонок\x07 и\x00 эскейп\x1b",
                        executors=["Отдел\x0b кадров"],
                    )
                ],
            )
        ],
    )
    path = planio.write_workbook(plan, tmp_path / "ctl.xlsx")
    rows = sheets_as_csv(path, tmp_path / "csv")["План"]
    assert rows[1][2] == "Звонок и эскейп"
    assert rows[1][3] == "Отдел кадров"


def test_sorted_rows_read_back_onto_their_events(tmp_path: Path) -> None:
    plan = planio.read(SEED)
    path = planio.write_workbook(plan, tmp_path / "track.xlsx")
    written = fill_statuses(path)
    back = planio.read_workbook(path)
    codes = {label: code for code, label in STATUS_LABELS.items()}
    for s, section in enumerate(back.sections):
        for i, item in enumerate(section.items):
            assert item.status == codes[written[f"{s + 1}.{i + 1}"]]
            if item.status == "done":
                assert item.done_on == date(2022, 3, 1)
    # nothing but what the plan said, and its event dated outside its period (1.1: декабрь 2022)
    assert back.warnings == [*plan.warnings, *outside_period(plan)]
    assert [w.item for w in outside_period(plan)] == ["1.1"]
    assert [i.title for i in back.items()] == [i.title for i in plan.items()]
    assert planio.read(path).items() == back.items()  # read() knows a workbook too


def test_added_and_deleted_rows_are_reported(tmp_path: Path) -> None:
    path = planio.write_workbook(planio.read(SEED), tmp_path / "track.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["План"]
    deleted_title = sheet["C3"].value
    sheet.delete_rows(3)
    new_row = sheet.max_row + 1
    sheet.cell(row=new_row, column=2, value=sheet["B2"].value)
    sheet.cell(row=new_row, column=3, value="Дополнительное совещание")
    sheet.cell(row=new_row, column=4, value="Руководители ПОО")
    sheet.cell(row=new_row, column=5, value="май 2022 года")
    sheet.cell(row=new_row, column=8, value="В работе")
    book.save(path)
    back = planio.read_workbook(path)
    notes = {w.code: w for w in back.warnings}
    assert deleted_title.startswith(notes["workbook_row_deleted"].text)
    assert notes["workbook_row_added"].text == "Дополнительное совещание"
    assert "добавлена вручную" in notes["workbook_row_added"].message
    added = back.sections[0].items[-1]
    assert (added.title, added.status, added.executors) == (
        "Дополнительное совещание",
        "in_progress",
        ["Руководители ПОО"],
    )
    assert added.deadline.start == date(2022, 5, 1)
    assert len(back.items()) == len(planio.read(SEED).items()) + 1


def test_expand_recurring_gives_one_row_per_occurrence(tmp_path: Path) -> None:
    path = planio.write_workbook(planio.read(SEED), tmp_path / "x.xlsx", expand_recurring=True)
    sheet = openpyxl.load_workbook(path)["План"]
    rows = [r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == "1.2"]
    assert [r[11] for r in rows] == ["1.2#1", "1.2#2", "1.2#3", "1.2#4"]
    assert [r[6].date() for r in rows] == [
        date(2021, 11, 30),
        date(2022, 2, 28),
        date(2022, 5, 31),
        date(2022, 8, 31),
    ]
    book = openpyxl.load_workbook(path)
    for row in book["План"].iter_rows(min_row=2):
        if row[11].value in ("1.2#1", "1.2#2"):
            row[7].value = "Выполнено"
    book.save(path)
    item = {i.number: i for i in planio.read_workbook(path).items()}["1.2"]
    assert item.status == "in_progress"  # two of four controls done


def test_gantt_covers_the_period_and_each_occurrence(tmp_path: Path) -> None:
    path = planio.write_workbook(planio.read(SEED), tmp_path / "g.xlsx")
    sheet = openpyxl.load_workbook(path)["График"]
    header = [c.value for c in sheet[1]]
    assert header[:2] == ["№", "Мероприятие"]
    assert header[2:] == [
        "сен 2021",
        "окт 2021",
        "ноя 2021",
        "дек 2021",
        "янв 2022",
        "фев 2022",
        "мар 2022",
        "апр 2022",
        "май 2022",
        "июн 2022",
        "июл 2022",
        "авг 2022",
    ]
    marks = {row[0]: [v for v in row[2:]] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert marks["1.2"] == [None, None, 1, None, None, 1, None, None, 1, None, None, 1]
    assert marks["2.3"] == [None] * 4 + [1] * 4 + [None] * 4  # январь – апрель
    assert marks["2.1"] == [1] * 12  # в течение учебного года


def test_workbook_layout_for_print_and_filters(tmp_path: Path) -> None:
    path = planio.write_workbook(planio.read(SEED), tmp_path / "p.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["План"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:K13"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.print_title_rows == "$1:$1"
    assert "План работы образовательно-отраслевого" in sheet.oddHeader.center.text
    assert sheet.column_dimensions["L"].hidden
    assert sheet["F2"].number_format == "DD.MM.YYYY"
    validation = sheet.data_validations.dataValidation[0]
    assert validation.formula1 == "=Списки!$A$1:$A$4"  # a range, not a long literal list
    assert book["planio"].sheet_state == "veryHidden"
    assert book["Сводка"]._charts  # the bar chart of statuses per executor
    convert(path, tmp_path / "pdf")  # LibreOffice opens and prints it


def test_report_from_the_filled_workbook(tmp_path: Path) -> None:
    path = planio.write_workbook(planio.read(SEED), tmp_path / "track.xlsx")
    written = fill_statuses(path, reverse=False)
    back = planio.read_workbook(path)
    report = write_report(back, tmp_path / "report.docx", as_of=date(2022, 5, 15))
    text = "\n".join(p.text for p in __import__("docx").Document(str(report)).paragraphs)
    done = sum(1 for label in written.values() if label == "Выполнено")
    assert f"Выполнено: {done} ({round(100 * done / len(written))}%)" in text
    assert "по состоянию на 15.05.2022" in text
    tables = __import__("docx").Document(str(report)).tables
    names = [row.cells[0].text for row in tables[0].rows[1:]]
    assert names == back.executors()
    overdue = [row.cells[0].text for row in tables[1].rows[1:]]
    expected = [
        i.number
        for i in back.items()
        if i.deadline.end
        and i.deadline.end < date(2022, 5, 15)
        and i.status not in ("done", "cancelled")
    ]
    assert overdue == expected and overdue
    convert(report, tmp_path / "pdf")


def test_cli_workbook_and_report(tmp_path: Path) -> None:
    result = run_planio(
        "workbook",
        str(SEED.with_suffix(".pdf")),
        "-o",
        str(tmp_path / "t.xlsx"),
        "--expand-recurring",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    result = run_planio(
        "report",
        str(tmp_path / "t.xlsx"),
        "-o",
        str(tmp_path / "r.docx"),
        "--as-of",
        "01.03.2022",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "r.docx").is_file()


@pytest.mark.usefixtures("english")
def test_a_workbook_planio_did_not_write_is_one_clear_error(tmp_path: Path) -> None:
    other = tmp_path / "other.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "Просто таблица"
    book.save(other)
    with pytest.raises(UnsupportedFormatError, match="planio did not write"):
        planio.read_workbook(other)
    result = run_planio("report", other, "-o", tmp_path / "r.docx", timeout=60)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "planio did not write" in result.stderr


@pytest.mark.usefixtures("english")
def test_template_without_its_sheets_is_refused(tmp_path: Path) -> None:
    template = tmp_path / "mine.xlsx"
    openpyxl.Workbook().save(template)
    with pytest.raises(PlanioError, match="no sheet «План»"):
        planio.write_workbook(planio.read(SEED), tmp_path / "o.xlsx", template=template)


def test_edits_in_the_visible_columns_are_read_back_and_reported(tmp_path: Path) -> None:
    plan = planio.read(SEED)
    path = planio.write_workbook(plan, tmp_path / "track.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["План"]
    rows = {row[11].value: row for row in sheet.iter_rows(min_row=2)}
    rows["2.1"][2].value = "Взаимодействие с центрами занятости (исправлено)"  # the title
    rows["2.2"][3].value = "Руководители ПОО; ЦОПП"  # executors, one added
    rows["2.3"][4].value = "до 15.03.2022"  # the deadline moved
    rows["2.3"][7].value = "Выполнено"
    rows["2.3"][8].value = datetime(2022, 3, 10)
    book.save(path)
    back = planio.read_workbook(path)
    items = {item.number: item for item in back.items()}
    assert items["2.1"].title == "Взаимодействие с центрами занятости (исправлено)"
    assert items["2.2"].executors == ["Руководители ПОО", "ЦОПП"]
    deadline = items["2.3"].deadline
    assert (deadline.text, deadline.kind, deadline.end) == (
        "до 15.03.2022",
        "due",
        date(2022, 3, 15),
    )
    assert (items["2.3"].status, items["2.3"].done_on) == ("done", date(2022, 3, 10))
    untouched = {n: i for n, i in ((i.number, i) for i in plan.items())}
    for number in ("1.1", "1.2", "2.4", "3.1"):
        got, want = items[number], untouched[number]
        assert (got.title, got.executors, got.deadline) == (
            want.title,
            want.executors,
            want.deadline,
        )
    edits = {w.code: w for w in back.warnings if w.code.endswith("_changed")}
    assert sorted(edits) == [
        "workbook_deadline_changed",
        "workbook_executors_changed",
        "workbook_title_changed",
    ]
    assert edits["workbook_title_changed"].item == "2.1"
    assert "изменено наименование" in edits["workbook_title_changed"].message
    assert edits["workbook_deadline_changed"].text == "до 15.03.2022"
    report = write_report(back, tmp_path / "report.docx", as_of=date(2022, 5, 1))
    text = "\n".join(p.text for p in __import__("docx").Document(str(report)).paragraphs)
    assert "Замечания к таблице контроля" in text
    assert "изменён срок: «до 15.03.2022»" in text and "изменены исполнители" in text
    again = planio.read_workbook(path)  # a second read says the same, once
    assert [w.code for w in again.warnings] == [w.code for w in back.warnings]


def test_sections_are_short_labels_with_the_heading_once(tmp_path: Path) -> None:
    plan = planio.read(SEED)
    path = planio.write_workbook(plan, tmp_path / "s.xlsx")
    sheet = openpyxl.load_workbook(path)["План"]
    labels = [row[1].value for row in sheet.iter_rows(min_row=2)]
    assert labels == ["Задача 1"] * 2 + ["Задача 2"] * 7 + ["Задача 3"] * 3
    comments = [row[1].comment for row in sheet.iter_rows(min_row=2)]
    with_heading = [c.text for c in comments if c is not None]
    assert with_heading == [s.heading for s in plan.sections]
    assert max(sheet.row_dimensions[r].height for r in range(2, 14)) < 120  # no 8-line rows


def test_overdue_shows_yes_or_nothing_and_events_outside_the_period_are_warned(
    tmp_path: Path,
) -> None:
    plan = Plan(
        title="План работы на 2022 год",
        period=planio.Period(date(2022, 1, 1), date(2022, 12, 31), label="2022 год"),
        sections=[
            Section(
                items=[
                    Item(number="1", title="В срок", deadline=planio.parse_deadline("май 2022")),
                    Item(number="2", title="Опечатка", deadline=planio.parse_deadline("май 2032")),
                ]
            )
        ],
    )
    path = planio.write_workbook(plan, tmp_path / "o.xlsx")
    gantt = openpyxl.load_workbook(path)["График"]
    assert gantt["B3"].comment is not None and gantt["B2"].comment is None
    assert gantt["B2"].alignment.wrap_text
    back = planio.read_workbook(path)
    assert [(w.code, w.item) for w in back.warnings] == [("outside_period", "2")]
    assert "вне периода плана" in back.warnings[0].message
    rows = sheets_as_csv(path, tmp_path / "csv")["План"]
    assert [row[10] for row in rows[1:]] == ["Да", ""]  # май 2022 is past, 2032 is not
    result = run_planio("workbook", path, "-o", tmp_path / "again.xlsx", timeout=60)
    assert result.returncode == 0 and "вне периода плана" in result.stderr


def test_the_file_names_no_library_as_its_author(tmp_path: Path) -> None:
    plan = planio.read(SEED)
    book = openpyxl.load_workbook(planio.write_workbook(plan, tmp_path / "p.xlsx"))
    assert book.properties.creator == "Ю.В. Дроздов"
    assert book.properties.title == plan.title
    assert book.properties.created.year == datetime.now().year
