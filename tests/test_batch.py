"""Many plans at once: any Executor, one bad file never stops the others, a batch to trust."""

from __future__ import annotations

import csv
import os
import shutil
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import openpyxl
import pytest

import planio
from planio.i18n import set_language

from planio_cli import run_planio

#: these tests name errors by their English words (the Russian ones: test_cli_secretary.py)
pytestmark = pytest.mark.usefixtures("english")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED = SAMPLES / "plan-2021-2022.docx"
ENGLISH = {**os.environ, "PLANIO_LANG": "en"}


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    shutil.copytree(SAMPLES, folder, ignore=shutil.ignore_patterns("*.py", "*.json"))
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 this is not really a zip")
    (folder / "notes.txt").write_text("not a plan", encoding="utf-8")
    return folder


def _report(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))[1:]


def test_convert_many_in_order_with_any_executor(inbox: Path) -> None:
    docx = sorted(inbox.glob("*.docx"))
    pdfs = sorted(inbox.glob("*.pdf"))
    serial = planio.convert_many([inbox])
    assert [r.path for r in serial] == docx  # each PDF is the same plan as its DOCX
    assert [(d.path, d.duplicate_of) for d in serial.duplicates] == [
        (pdf, pdf.with_suffix(".docx")) for pdf in pdfs
    ]
    assert all(d.plan is not None for d in serial.duplicates)  # read, then found the same
    assert [s.path for s in serial.skipped] == [inbox / "notes.txt"]
    assert ".txt" in serial.skipped[0].reason
    with ThreadPoolExecutor(2) as threads, ProcessPoolExecutor(2) as processes:
        for executor, send in ((threads, "paths"), (processes, "paths"), (processes, "bytes")):
            results = planio.convert_many([inbox], executor=executor, send=send)
            assert [r.path for r in results] == docx
            assert [r.plan for r in results] == [r.plan for r in serial]
            assert [d.path for d in results.duplicates] == pdfs
    broken = [r for r in serial if not r.ok]
    assert [(r.path.name, r.error) for r in broken] == [
        ("broken.docx", "not a readable ZIP/OOXML file (File is not a zip file)")
    ]
    assert serial.failed == broken


def test_the_same_content_is_read_once(tmp_path: Path) -> None:
    for name in ("a.docx", "b.docx", "c.DOCX"):
        shutil.copy(SEED, tmp_path / name)
    seen: list[Path] = []
    batch = planio.convert_many([tmp_path], on_done=lambda r: seen.append(r.path))
    assert seen == [tmp_path / "a.docx"]  # read once
    assert [r.path for r in batch] == [tmp_path / "a.docx"]
    assert [(d.path.name, d.duplicate_of, d.plan) for d in batch.duplicates] == [
        ("b.docx", tmp_path / "a.docx", None),
        ("c.DOCX", tmp_path / "a.docx", None),
    ]


def test_one_file_spelled_many_ways_is_one_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "in").mkdir()
    shutil.copy(SEED, tmp_path / "in" / "plan.docx")
    (tmp_path / "link.docx").symlink_to(tmp_path / "in" / "plan.docx")
    monkeypatch.chdir(tmp_path)
    spellings = [
        "in/plan.docx",
        tmp_path / "in" / "plan.docx",
        "./in/plan.docx",
        "in/../in/plan.docx",
        "link.docx",
        "in",
        ".",
    ]
    batch = planio.convert_many(spellings)
    assert [r.path for r in batch] == [Path("in/plan.docx")]
    assert batch.duplicates == [] and batch.skipped == []


def test_what_a_folder_holds_besides_plans_is_reported(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "plan.docx")
    (tmp_path / "~$plan.docx").write_bytes(b"\x0cuser lock")  # Word's lock file
    (tmp_path / ".plan.docx.swp").write_bytes(b"editor")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "README").write_text("read me", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("[core]", encoding="utf-8")
    set_language("en")
    try:
        batch = planio.convert_many([tmp_path])
    finally:
        set_language(None)
    assert [r.path.name for r in batch] == ["plan.docx"] and batch.failed == []
    assert sorted((s.path.name, s.reason) for s in batch.skipped) == [
        (".plan.docx.swp", "a hidden file"),
        ("README", "not a plan file type (no suffix)"),
        ("photo.jpg", "not a plan file type (.jpg)"),
        ("~$plan.docx", "an office lock file"),
    ]


def test_the_library_writes_what_the_command_does(inbox: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    batch = planio.convert_many([inbox], out_dir=out, formats=["json", "xlsx"])
    good = [r for r in batch if r.ok]
    assert len(good) == len(batch) - 1
    for result in good:
        assert [p.suffix for p in result.outputs] == [".json", ".xlsx"]
        assert planio.Plan.from_json(result.outputs[0].read_text(encoding="utf-8")) == result.plan
        tracked = planio.read_workbook(result.outputs[1])
        assert [i.title for i in tracked.items()] == [i.title for i in result.plan.items()]
    assert batch.combined == out / "all-plans.xlsx"
    rows = list(openpyxl.load_workbook(batch.combined).active.iter_rows(min_row=2))
    assert len(rows) == sum(len(r.plan.items()) for r in good if r.plan)
    report = _report(out / "report.csv")
    assert [row[0] for row in report] == [
        str(inbox / "broken.docx"),
        *(str(d.path) for d in batch.duplicates),
        str(inbox / "notes.txt"),
    ]
    assert report[0][2] == "not a readable ZIP/OOXML file (File is not a zip file)"
    pairs = zip(batch.duplicates, report[1:-1], strict=True)
    assert all(str(d.duplicate_of) in row[2] for d, row in pairs)
    with pytest.raises(ValueError, match="odt"):
        planio.convert_many([inbox], out_dir=out, formats=["odt"])


def test_cli_convert_reports_the_bad_file_and_converts_the_rest(
    inbox: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = run_planio(
        "convert",
        inbox,
        "-o",
        out,
        "--to",
        "json,xlsx",
        "--jobs",
        "2",
        timeout=600,
        env=ENGLISH,
    )
    assert result.returncode == 2
    failures = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert failures == [
        f"failed: {inbox / 'broken.docx'}: not a readable ZIP/OOXML file (File is not a zip file)"
    ]
    good = sorted(inbox.glob("*.docx"))
    good.remove(inbox / "broken.docx")
    pdfs = sorted(inbox.glob("*.pdf"))
    assert f"converted {len(good)} of {len(good) + 1}" in result.stdout
    assert f"{len(pdfs)} duplicate(s) and 1 skipped file(s)" in result.stdout
    duplicates = [line for line in result.stderr.splitlines() if line.startswith("duplicate:")]
    assert duplicates == [
        f"duplicate: {pdf}: the same plan as {pdf.with_suffix('.docx')}" for pdf in pdfs
    ]
    assert f"skipped: {inbox / 'notes.txt'}: not a plan file type (.txt)" in result.stderr
    jsons = sorted(out.glob("*.json"))
    assert len(jsons) == len(good) == len(list(out.glob("*.xlsx"))) - 1
    assert (out / "plan-2021-2022 (docx).json").is_file()  # the PDF shares its name
    assert not (out / "plan-2021-2022 (pdf).json").exists()  # and its plan: not written twice
    sheet = openpyxl.load_workbook(out / "all-plans.xlsx")["Все планы"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == sum(len(planio.read(p).items()) for p in good)
    assert {row[1] for row in rows} == {p.name for p in good}
    report = _report(out / "report.csv")
    assert len(report) == 1 + len(pdfs) + 1


def test_cli_convert_samples_all_good(tmp_path: Path) -> None:
    result = run_planio("convert", SAMPLES, "-o", tmp_path / "o", timeout=600)
    assert result.returncode == 0, result.stderr
    assert "converting" in result.stderr  # the progress bar
    # every JSON and PDF sample is the plan of its DOCX: one output per plan
    assert len(list((tmp_path / "o").glob("*.json"))) == len(list(SAMPLES.glob("*.docx")))
    # and in Russian by default
    assert "duplicate: " in result.stderr and "skipped: " in result.stderr


def _snapshot(folder: Path) -> dict[str, object]:
    """Every output's content: bytes for text, cell values for workbooks (which carry a time)."""
    out: dict[str, object] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix == ".xlsx":
            book = openpyxl.load_workbook(path)
            out[path.name] = [list(s.iter_rows(values_only=True)) for s in book.worksheets]
        else:
            out[path.name] = path.read_bytes()
    return out


def test_convert_into_its_own_input_folder_gives_the_same_outputs_every_time(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "X"
    folder.mkdir()
    for name in ("plan-2021-2022", "plan-unruled"):
        for suffix in (".docx", ".pdf", ".json"):
            shutil.copy(SAMPLES / f"{name}{suffix}", folder)
    shutil.copy(SEED, folder / "copy of the seed.docx")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    (folder / "list.txt").write_text("plans", encoding="utf-8")
    runs = []
    for _ in range(3):
        result = run_planio(
            "convert", "X", "-o", "X/out", "--to", "json,xlsx", cwd=tmp_path, env=ENGLISH
        )
        assert result.returncode == 2  # broken.pdf
        assert "X/out" not in result.stderr  # never read its own output
        problems = [
            line
            for line in result.stderr.splitlines()
            if line.startswith(("failed:", "duplicate:", "skipped:"))
        ]
        runs.append((result.stdout, problems, _snapshot(folder / "out")))
    assert runs[0] == runs[1] == runs[2]
    stdout, problems, files = runs[0]
    assert len(problems) == 1 + 5 + 1
    assert "converted 2 of 3" in stdout and "5 duplicate(s) and 1 skipped file(s)" in stdout
    assert sorted(files) == [
        "all-plans.xlsx",
        "copy of the seed.json",  # sorted first: plan-2021-2022.docx is its duplicate
        "copy of the seed.xlsx",
        "plan-unruled (docx).json",
        "plan-unruled (docx).xlsx",
        "report.csv",
    ]


def test_an_earlier_batchs_output_folder_is_not_read_again(tmp_path: Path) -> None:
    folder = tmp_path / "X"
    folder.mkdir()
    shutil.copy(SEED, folder / "plan.docx")
    first = planio.convert_many([folder], out_dir=folder / "out", formats=["json", "xlsx"])
    assert [r.path.name for r in first] == ["plan.docx"] and first.skipped == []
    again = planio.convert_many([folder], out_dir=tmp_path / "elsewhere", formats=["json"])
    assert [r.path.name for r in again] == ["plan.docx"]
    assert [s.path for s in again.skipped] == [folder / "out"]
    assert again.duplicates == []
    (folder / "out" / "report.csv").unlink()  # no longer what a batch leaves: read it
    third = planio.convert_many([folder], out_dir=tmp_path / "third", formats=["json"])
    assert [d.path.name for d in third.duplicates] == ["plan.json", "plan.xlsx"]
