"""Every sample DOCX parses to its hand-checked JSON in samples/."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import planio

from planio_cli import run_planio

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
DOCX = sorted(SAMPLES.glob("*.docx"))


def expected(docx: Path) -> dict[str, object]:
    return json.loads(docx.with_suffix(".json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_there_are_six_samples_each_with_its_json() -> None:
    assert len(DOCX) >= 6
    assert all(d.with_suffix(".json").is_file() for d in DOCX)


@pytest.mark.parametrize("docx", DOCX, ids=[d.stem for d in DOCX])
def test_sample_parses_to_its_json(docx: Path) -> None:
    plan = planio.read(docx)
    got = json.loads(plan.to_json())
    want = expected(docx)
    # The path is the one given; the rest, sha256 of the committed bytes included, must match.
    got["source"]["path"] = want["source"]["path"]  # type: ignore[index]
    assert got == want


def test_cli_prints_the_seed_json_exactly() -> None:
    result = run_planio("parse", "samples/plan-2021-2022.docx", cwd=SAMPLES.parent, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == expected(SAMPLES / "plan-2021-2022.docx")


def test_seed_facts() -> None:
    plan = planio.read(SAMPLES / "plan-2021-2022.docx")
    assert len(plan.sections) == 3
    items = {item.number: item for item in plan.items()}
    assert len(items) == 12
    assert items["1.1"].executors == ["Координационный совет", "Руководители ПОО"]
    periods = [(p.start.isoformat(), p.end.isoformat()) for p in items["3.1"].deadline.periods]
    assert periods == [("2021-06-01", "2021-09-30"), ("2022-06-01", "2022-09-30")]
    quarterly = items["1.2"].deadline
    assert (quarterly.kind, quarterly.recurrence) == ("recurring", "quarterly")
    assert (quarterly.start.isoformat(), quarterly.end.isoformat()) == (  # type: ignore[union-attr]
        "2021-09-01",
        "2022-08-31",
    )
    assert plan.executors() == [
        "Координационный совет",
        "Руководители ПОО",
        "председатель Координационного совета",
        "представители кластера",
        "ЦОПП",
    ]


def test_samples_rebuild_byte_for_byte(tmp_path: Path) -> None:
    """build_samples.py is the source of the committed DOCX: rebuilding changes nothing."""
    result = subprocess.run(
        [sys.executable, str(SAMPLES / "build_samples.py"), "--out", str(tmp_path)],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    for docx in DOCX:
        assert (tmp_path / docx.name).read_bytes() == docx.read_bytes(), docx.name
