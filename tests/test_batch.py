"""Many plans at once: any Executor, one bad file never stops the others."""

from __future__ import annotations

import shutil
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import openpyxl
import pytest

import planio

from planio_cli import run_planio

#: these tests name errors by their English words (the Russian ones: test_cli_secretary.py)
pytestmark = pytest.mark.usefixtures("english")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    shutil.copytree(SAMPLES, folder, ignore=shutil.ignore_patterns("*.py", "*.json"))
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 this is not really a zip")
    (folder / "notes.txt").write_text("not a plan", encoding="utf-8")
    return folder


def test_convert_many_in_order_with_any_executor(inbox: Path) -> None:
    expected = sorted(p for p in inbox.iterdir() if p.suffix in (".docx", ".pdf"))
    serial = planio.convert_many([inbox])
    assert [r.path for r in serial] == expected
    with ThreadPoolExecutor(2) as threads, ProcessPoolExecutor(2) as processes:
        for executor in (threads, processes):
            results = planio.convert_many([inbox], executor=executor)
            assert [r.path for r in results] == expected
            assert [r.plan for r in results] == [r.plan for r in serial]
    broken = [r for r in serial if not r.ok]
    assert [(r.path.name, r.error) for r in broken] == [
        ("broken.docx", "not a readable ZIP/OOXML file (File is not a zip file)")
    ]


def test_cli_convert_reports_the_bad_file_and_converts_the_rest(
    inbox: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = run_planio(
        "convert", str(inbox), "-o", str(out), "--to", "json,xlsx", "--jobs", "2", timeout=600
    )
    assert result.returncode == 2
    failures = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert failures == [
        f"failed: {inbox / 'broken.docx'}: not a readable ZIP/OOXML file (File is not a zip file)"
    ]
    good = sorted(p for p in inbox.iterdir() if p.suffix in (".docx", ".pdf"))
    good.remove(inbox / "broken.docx")
    assert f"converted {len(good)} of {len(good) + 1}" in result.stdout
    jsons = sorted(out.glob("*.json"))
    assert len(jsons) == len(good) == len(list(out.glob("*.xlsx"))) - 1
    assert (out / "plan-2021-2022 (docx).json").is_file()
    assert (out / "plan-2021-2022 (pdf).json").is_file()
    sheet = openpyxl.load_workbook(out / "all-plans.xlsx")["Все планы"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == sum(len(planio.read(p).items()) for p in good)
    assert {row[1] for row in rows} == {p.name for p in good}


def test_cli_convert_samples_all_good(tmp_path: Path) -> None:
    result = run_planio("convert", SAMPLES, "-o", tmp_path / "o", timeout=600)
    assert result.returncode == 0, result.stderr
    assert "converting" in result.stderr  # the progress bar
    assert len(list((tmp_path / "o").glob("*.json"))) == len(
        list(SAMPLES.glob("*.docx"))
    ) * 2 + len(list(SAMPLES.glob("*.json")))
