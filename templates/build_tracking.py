"""Build ``tracking.xlsx``, the template of planio's tracking workbook.

    python templates/build_tracking.py

Everything an office may restyle lives here rather than in code: sheet names and order,
header texts and styles, column widths, the row style (row 2 is the prototype every event row
copies), number formats, the status list and its drop-down, conditional formatting (overdue
red, done green, the Gantt's shading), print setup, header and footer (``{{ title }}`` is
replaced by the plan's title) and the summary's formulas.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule, FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

HERE = Path(__file__).resolve().parent
LAST_ROW = 100_000
STATUSES = ("Не начато", "В работе", "Выполнено", "Отменено")
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
HEADER_FONT = Font(name="Times New Roman", bold=True, size=11)
BODY_FONT = Font(name="Times New Roman", size=11)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
DATE = "DD.MM.YYYY"

PLAN_COLUMNS = (  # header, width, number format
    ("№", 6, "@"),
    ("Раздел", 11, "@"),  # a short label («Задача 1»); the whole heading is in a comment
    ("Мероприятие", 46, "@"),
    ("Исполнители", 26, "@"),
    ("Срок", 17, "@"),
    ("Начало", 11, DATE),
    ("Окончание", 11, DATE),
    ("Статус", 12, "@"),
    ("Дата выполнения", 12, DATE),
    ("Отметка о выполнении", 20, "@"),
    ("Просрочено", 11, "General"),
    ("Ключ", 10, "@"),
    ("Коды исполнителей", 10, "@"),
)
EXECUTOR_COLUMNS = (
    ("Исполнитель", 40),
    ("Код", 6),
    ("Всего", 9),
    *((status, 12) for status in STATUSES),
    ("Просрочено", 12),
)


def _header(sheet: Worksheet, titles: list[str], widths: list[float]) -> None:
    for index, (title, width) in enumerate(zip(titles, widths, strict=True), start=1):
        cell = sheet.cell(row=1, column=index, value=title)
        cell.font, cell.fill, cell.alignment, cell.border = HEADER_FONT, HEADER_FILL, CENTER, BORDER
        sheet.column_dimensions[cell.column_letter].width = width
    sheet.row_dimensions[1].height = 30  # two lines: «Дата выполнения», «Отметка о выполнении»
    sheet.freeze_panes = "A2"


def _prototype_row(sheet: Worksheet, formats: list[str]) -> None:
    for index, number_format in enumerate(formats, start=1):
        cell = sheet.cell(row=2, column=index)
        cell.font, cell.alignment, cell.border = BODY_FONT, WRAP, BORDER
        cell.number_format = number_format


def _print_setup(sheet: Worksheet, landscape: bool = True, fit_width: bool = True) -> None:
    """A4, narrow margins, the header row on every page.

    ``fit_width`` fits the sheet's width to one page: fine for sheets whose columns add up to
    about a landscape page (the plan at about 80 %), not for the Gantt, whose months would
    shrink to nothing: it prints at a readable scale across pages, № and title repeated.
    """
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.75
    sheet.page_margins.header = sheet.page_margins.footer = 0.3
    if fit_width:
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    else:
        sheet.page_setup.scale = 90
        sheet.print_title_cols = "A:B"
    sheet.print_title_rows = "1:1"
    sheet.oddHeader.center.text = "{{ title }}"
    sheet.oddHeader.center.size = 10
    sheet.oddFooter.center.text = "Страница &P из &N"
    sheet.oddFooter.center.size = 9


def plan_sheet(book: Workbook) -> None:
    sheet = book.active
    sheet.title = "План"
    _header(sheet, [c[0] for c in PLAN_COLUMNS], [c[1] for c in PLAN_COLUMNS])
    _prototype_row(sheet, [c[2] for c in PLAN_COLUMNS])
    for letter in ("A", "F", "G", "H", "I", "K"):
        sheet.cell(row=2, column=sheet[f"{letter}1"].column).alignment = CENTER
    for letter in ("L", "M"):
        sheet.column_dimensions[letter].hidden = True
    statuses = DataValidation(
        type="list",
        formula1="=Списки!$A$1:$A$4",
        allow_blank=True,
        showDropDown=False,
        errorTitle="Статус",
        error="Выберите статус из списка",
        showErrorMessage=True,
    )
    statuses.add(f"H2:H{LAST_ROW}")
    sheet.add_data_validation(statuses)
    rows = f"A2:K{LAST_ROW}"
    sheet.conditional_formatting.add(
        rows,
        FormulaRule(
            formula=['$K2="Да"'],
            fill=PatternFill("solid", fgColor="FFC7CE"),
            font=Font(color="9C0006"),
            stopIfTrue=True,
        ),
    )
    sheet.conditional_formatting.add(
        rows,
        FormulaRule(
            formula=['$H2="Выполнено"'],
            fill=PatternFill("solid", fgColor="C6EFCE"),
            font=Font(color="006100"),
        ),
    )
    _print_setup(sheet)


def executors_sheet(book: Workbook) -> None:
    sheet = book.create_sheet("Исполнители")
    _header(sheet, [c[0] for c in EXECUTOR_COLUMNS], [c[1] for c in EXECUTOR_COLUMNS])
    _prototype_row(sheet, ["@", "@"] + ["0"] * (len(EXECUTOR_COLUMNS) - 2))
    sheet.column_dimensions["B"].hidden = True
    _print_setup(sheet, landscape=False)


def summary_sheet(book: Workbook) -> None:
    sheet = book.create_sheet("Сводка")
    sheet["A1"] = "Сводка по плану"
    sheet["A1"].font = Font(name="Times New Roman", bold=True, size=14)
    sheet["A2"] = "{{ title }}"
    sheet["A2"].font = Font(name="Times New Roman", italic=True, size=11)
    keys = f"План!$L$2:$L${LAST_ROW}"
    status = f"План!$H$2:$H${LAST_ROW}"
    rows = [
        ("Всего мероприятий", f"=COUNTA({keys})", "0"),
        *((name, f"=COUNTIF({status},A{5 + i})", "0") for i, name in enumerate(STATUSES)),
        ("Доля выполненных", "=IF(B4=0,0,B7/B4)", "0.0%"),
        ("Просрочено", f'=COUNTIF(План!$K$2:$K${LAST_ROW},"Да")', "0"),
    ]
    for offset, (label, formula, number_format) in enumerate(rows):
        label_cell = sheet.cell(row=4 + offset, column=1, value=label)
        value = sheet.cell(row=4 + offset, column=2, value=formula)
        label_cell.font, value.font = BODY_FONT, Font(name="Times New Roman", bold=True, size=11)
        label_cell.border = value.border = BORDER
        value.number_format = number_format
    sheet.column_dimensions["A"].width = 26
    sheet.column_dimensions["B"].width = 12
    _print_setup(sheet, landscape=False)


def gantt_sheet(book: Workbook) -> None:
    sheet = book.create_sheet("График")
    _header(sheet, ["№", "Мероприятие"], [7, 50])
    month = sheet.cell(row=1, column=3)  # month headers are written by planio; this is their style
    month.font, month.fill, month.alignment, month.border = HEADER_FONT, HEADER_FILL, CENTER, BORDER
    month.number_format = "MMM YYYY"
    _prototype_row(sheet, ["@", "@", "General"])
    # the title wraps in its column (rows grow), never spills over the months
    sheet["B2"].alignment = Alignment(vertical="top", wrap_text=True)
    sheet.freeze_panes = "C2"
    sheet.conditional_formatting.add(
        f"C2:EZ{LAST_ROW}",
        CellIsRule(
            operator="equal",
            formula=["1"],
            fill=PatternFill("solid", fgColor="4F81BD"),
            font=Font(color="4F81BD"),
        ),
    )
    _print_setup(sheet, fit_width=False)


def lists_sheet(book: Workbook) -> None:
    sheet = book.create_sheet("Списки")
    for row, status in enumerate(STATUSES, start=1):
        sheet.cell(row=row, column=1, value=status)
    sheet.sheet_state = "hidden"


def main() -> None:
    book = Workbook()
    for build in (plan_sheet, executors_sheet, summary_sheet, gantt_sheet, lists_sheet):
        build(book)
    book.properties.creator = None  # not «openpyxl»; planio fills in the plan's author
    path = HERE / "tracking.xlsx"
    book.save(path)
    print(path)


if __name__ == "__main__":
    main()
