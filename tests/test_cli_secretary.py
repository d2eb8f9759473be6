"""The command line as a secretary meets it: Russian by default, English on request, and every
slip (a wrong output path, a suffix a command cannot write, a missing option) one clear line."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from planio.model import Deadline, Item, Plan, Section

from office import pdf_pages
from planio_cli import run_planio

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "plan-2021-2022.docx"
SEED_JSON = ROOT / "samples" / "plan-2021-2022.json"
RU = {**os.environ, "LANG": "C.UTF-8"}
EN = {**RU, "PLANIO_LANG": "en"}


def one_line_error(result: subprocess.CompletedProcess[str], code: int = 2) -> str:
    """The single stderr line of a failed run (and nothing that looks like a crash)."""
    assert result.returncode == code, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "internal error" not in lines[0] and "внутренняя ошибка" not in lines[0]
    return lines[0]


def test_help_is_russian_by_default_without_programmers_types() -> None:
    result = run_planio("--help", env={**RU, "COLUMNS": "120"})
    assert result.returncode == 0, result.stderr
    for text in ("Использование:", "Команды", "Параметры", "Показать версию."):
        assert text in result.stdout
    for command in ("render", "convert", "parse"):
        shown = run_planio(command, "--help", env={**RU, "COLUMNS": "120"}).stdout
        assert "Использование: planio" in shown and "Аргументы" in shown
        assert not re.search(r"<(path|bool|str|list\[Path\]|int)>|\{\w+\}", shown), shown
        assert "Show this message" not in shown and "[required]" not in shown


@pytest.mark.parametrize(
    ("env", "args"),
    [
        (EN, ()),
        ({**RU, "LANG": "en_US.UTF-8"}, ()),
        (RU, ("--lang", "en")),
    ],
    ids=["PLANIO_LANG", "locale", "--lang"],
)
def test_help_in_english_on_request(env: dict[str, str], args: tuple[str, ...]) -> None:
    result = run_planio(*args, "render", "--help", env={**env, "COLUMNS": "120"})
    assert result.returncode == 0, result.stderr
    assert "Usage: planio render" in result.stdout
    assert "Write the plan as the document the head signs" in result.stdout


def _commands(tmp: Path) -> list[tuple[str, list[str | Path]]]:
    book = tmp / "wb.xlsx"
    return [
        ("parse", ["parse", SEED, "-o", tmp / "p.json"]),
        ("schema", ["schema", "-o", tmp / "s.json"]),
        ("render", ["render", SEED, "-o", tmp / "r.docx"]),
        ("extracts", ["extracts", SEED_JSON, "-o", tmp / "ex", "--executor", "ЦОПП"]),
        ("workbook", ["workbook", SEED_JSON, "-o", book]),
        ("report", ["report", book, "-o", tmp / "rep.docx", "--as-of", "01.03.2022"]),
        ("next-year", ["next-year", SEED_JSON, "-o", tmp / "next.docx"]),
        ("convert", ["convert", SEED_JSON, "-o", tmp / "batch"]),
    ]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_command_speaks_the_chosen_language(tmp_path: Path, lang: str) -> None:
    env = EN if lang == "en" else RU
    done = {"ru": ("записано:", "обработано"), "en": ("written:", "converted")}[lang]
    for name, args in _commands(tmp_path):
        result = run_planio(*args, env=env)
        assert result.returncode == 0, (name, result.stderr)
        if name == "extracts":
            assert "ЦОПП:" in result.stdout
        else:
            assert result.stdout.startswith(done), (name, result.stdout)
        other = ("written:", "note:", "review:") if lang == "ru" else ("записано", "замечание")
        assert not any(word in result.stdout + result.stderr for word in other), name
    bad = run_planio("parse", tmp_path / "nope.docx", env=env)
    line = one_line_error(bad)
    expected = "planio: ошибка: " if lang == "ru" else "planio: error: "
    assert line.startswith(expected) and str(tmp_path / "nope.docx") in line
    assert ("нет такого файла" if lang == "ru" else "no such file") in line


def _wrong_outputs(tmp: Path) -> dict[str, tuple[list[str | Path], str]]:
    folder = tmp / "existing"
    folder.mkdir()
    a_file = tmp / "notes.txt"
    a_file.write_text("x", encoding="utf-8")
    copy = tmp / "plan.docx"
    copy.write_bytes(SEED.read_bytes())
    return {
        "render-folder": (["render", SEED, "-o", folder], "это папка"),
        "workbook-folder": (["workbook", SEED, "-o", folder], "это папка"),
        "workbook-no-suffix": (["workbook", SEED, "-o", tmp / "wb"], "допустимы: .xlsx"),
        "workbook-folder-xlsx": (["workbook", SEED, "-o", tmp / "d.xlsx"], "это папка"),
        "missing-parent": (["render", SEED, "-o", tmp / "no" / "such" / "x.docx"], "нет"),
        "proc": (["render", SEED, "-o", "/proc/x.docx"], "сюда нельзя записать"),
        "input-itself": (["render", copy, "-o", copy], "исходный файл"),
        "extracts-file-name": (["extracts", SEED, "-o", tmp / "some.docx"], "нужна папка"),
        "extracts-a-file": (["extracts", SEED, "-o", a_file], "это файл"),
        "render-xlsx": (["render", SEED, "-o", tmp / "plan.xlsx"], "«.xlsx»"),
        "workbook-docx": (["workbook", SEED, "-o", tmp / "wb.docx"], "«.docx»"),
        "parse-xlsx": (["parse", SEED, "-o", tmp / "x.xlsx"], "«.xlsx»"),
        "parse-format-suffix": (["parse", SEED, "-f", "csv", "-o", tmp / "x.json"], "«.json»"),
        "report-xlsx": (["report", SEED, "-o", tmp / "r.xlsx"], "«.xlsx»"),
        "next-year-csv": (["next-year", SEED, "-o", tmp / "n.csv"], "«.csv»"),
        "schema-docx": (["schema", "-o", tmp / "s.docx"], "«.docx»"),
        "convert-into-a-file": (["convert", SEED, "-o", a_file], "это файл"),
    }


@pytest.mark.parametrize(
    "case",
    [
        "render-folder",
        "workbook-folder",
        "workbook-no-suffix",
        "workbook-folder-xlsx",
        "missing-parent",
        "proc",
        "input-itself",
        "extracts-file-name",
        "extracts-a-file",
        "render-xlsx",
        "workbook-docx",
        "parse-xlsx",
        "parse-format-suffix",
        "report-xlsx",
        "next-year-csv",
        "schema-docx",
        "convert-into-a-file",
    ],
)
def test_every_wrong_output_path_is_one_clear_line(tmp_path: Path, case: str) -> None:
    cases = _wrong_outputs(tmp_path)
    if case == "workbook-folder-xlsx":
        (tmp_path / "d.xlsx").mkdir()
    args, expected = cases[case]
    before = sorted(p.name for p in tmp_path.rglob("*"))
    line = one_line_error(run_planio(*args, env=RU))
    assert line.startswith("planio: ошибка: ")
    assert expected in line, line
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # nothing written
    english = one_line_error(run_planio(*args, env=EN))
    assert english.startswith("planio: error: ")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_no_permission_is_one_clear_line(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        line = one_line_error(run_planio("render", SEED, "-o", locked / "x.docx", env=RU))
        assert "нет прав на запись" in line
    finally:
        locked.chmod(0o700)


def test_usage_slips_are_one_line_in_russian(tmp_path: Path) -> None:
    assert "-o" in one_line_error(run_planio("render", SEED, env=RU))
    assert "нет такого параметра: --bogus" in one_line_error(
        run_planio("parse", SEED, "--bogus", env=RU)
    )
    assert "нет такой команды" in one_line_error(run_planio("rendr", env=RU))
    line = one_line_error(
        run_planio(
            "render",
            SEED,
            "-o",
            tmp_path / "x.docx",
            "--cert-number",
            "1",
            "--cert-owner",
            "Иванов",
            "--cert-from",
            "01.01.2025",
            "--cert-to",
            "01.01.2024",
            env=RU,
        )
    )
    assert "сертификат действует по 01.01.2024" in line and "Value error" not in line


def test_pdf_suffix_writes_a_real_pdf(tmp_path: Path) -> None:
    result = run_planio("render", SEED_JSON, "-o", tmp_path / "plan.pdf", env=RU)
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "plan.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-") and pdf_pages(pdf) >= 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf"]  # no DOCX left behind
    book = tmp_path / "wb.xlsx"
    assert run_planio("workbook", SEED_JSON, "-o", book, env=RU).returncode == 0
    result = run_planio("report", book, "-o", tmp_path / "report.pdf", env=RU)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF-")
    result = run_planio(
        "extracts", SEED_JSON, "-o", tmp_path / "ex", "--executor", "ЦОПП", "--pdf", env=RU
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "ex" / "Выписка - ЦОПП.pdf").read_bytes().startswith(b"%PDF-")


def _tricky_plan(path: Path) -> Path:
    plan = Plan(
        title="План | тест",
        sections=[
            Section(
                heading="Раздел 1. Общий",
                number="1",
                items=[
                    Item(number="1", title="=1+1", executors=["@admin", "Отдел | кадров"]),
                    Item(number="2", title="Совещание", deadline=Deadline(text="-до мая")),
                ],
            )
        ],
    )
    path.write_text(plan.to_json(), encoding="utf-8")
    return path


def test_parse_formats_for_other_tools(tmp_path: Path) -> None:
    source = _tricky_plan(tmp_path / "plan.json")
    result = run_planio("parse", source, "--format", "csv", env=RU)
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0][:5] == ["Раздел", "№", "Мероприятие", "Исполнители", "Срок"]
    assert rows[1][2] == "'=1+1" and rows[1][3] == "'@admin; Отдел | кадров"
    assert rows[2][4] == "'-до мая"
    english = run_planio("parse", source, "-f", "csv", env=EN).stdout
    assert english.startswith("Section,No.,Event,Executors,Deadline")
    markdown = run_planio("parse", source, "-f", "md", env=RU).stdout
    assert "# План \\| тест" in markdown
    assert "| 1 | 1 | =1+1 | @admin; Отдел \\| кадров |" in markdown
    table = run_planio("parse", SEED, "-f", "table", env={**RU, "COLUMNS": "120"})
    assert table.returncode == 0 and "Задача 1. Создание" in table.stdout and "1.1" in table.stdout
    out = tmp_path / "plan.md"
    assert run_planio("parse", source, "-o", out, env=RU).returncode == 0  # suffix chooses
    assert out.read_text(encoding="utf-8").startswith("# План")
    assert json.loads(run_planio("parse", source, env=RU).stdout)["title"] == "План | тест"


HEAVY = ("docx", "openpyxl", "pdfplumber", "pdfminer", "pypdfium2", "pydantic", "docxtpl")


@pytest.mark.parametrize("args", [("--version",), ("--help",), ("render", "--help")])
def test_start_up_imports_no_heavy_library(args: tuple[str, ...]) -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "planio", *args],
        capture_output=True,
        text=True,
        env=RU,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    imported = {
        line.split("|")[-1].strip().split(".")[0]
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    heavy = set(HEAVY)
    if args[0] == "render":  # typer itself loads pydantic to describe a command's parameters
        heavy.discard("pydantic")
    assert not imported & heavy, sorted(imported & heavy)


def test_shell_completion_is_offered() -> None:
    result = run_planio("--help", env={**RU, "COLUMNS": "120"})
    assert "--install-completion" in result.stdout and "Установить автодополнение" in result.stdout


def test_convert_and_next_year_write_pdf_too(tmp_path: Path) -> None:
    result = run_planio("convert", SEED_JSON, "-o", tmp_path / "out", "--to", "pdf", env=RU)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("обработано 1 из 1")
    made = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert made == ["all-plans.xlsx", "plan-2021-2022.pdf", "report.csv"]
    assert (tmp_path / "out" / "plan-2021-2022.pdf").read_bytes().startswith(b"%PDF-")
    result = run_planio("next-year", SEED_JSON, "-o", tmp_path / "draft.pdf", env=RU)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "draft.pdf").read_bytes().startswith(b"%PDF-")
    assert "проверьте:" in result.stderr or result.stderr == ""


def test_language_option_and_bare_command() -> None:
    bare = run_planio(env={**RU, "COLUMNS": "120"})
    assert bare.returncode == 0 and "Использование: planio" in bare.stdout
    line = one_line_error(run_planio("--lang", "de", "schema", env=RU))
    assert "--lang: укажите ru или en" in line
    english = run_planio("--lang", "en", "parse", "/nonexistent.docx", env=RU)
    assert one_line_error(english) == "planio: error: /nonexistent.docx: no such file"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--lang", "en", "render"], "en"),
        (["--lang=ru", "--version"], "ru"),
        (["--lang", "de", "render"], None),
        (["render", "--lang", "en"], None),  # after the command it is not planio's option
        (["parse", "x.docx"], None),
    ],
)
def test_the_language_is_read_from_the_options_before_the_command(
    argv: list[str], expected: str | None
) -> None:
    from planio.i18n import language_from_argv

    assert language_from_argv(argv) == expected
