"""Old and other office formats, read through LibreOffice (as offices still send them)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import planio

from office import convert
from planio_cli import run_planio

#: these tests name errors by their English words (the Russian ones: test_cli_secretary.py)
pytestmark = pytest.mark.usefixtures("english")

SEED = Path(__file__).resolve().parent.parent / "samples" / "plan-2021-2022.docx"


@pytest.mark.parametrize("kind", ["doc", "rtf", "odt"])
def test_old_formats_read_like_the_docx(kind: str, tmp_path: Path) -> None:
    old = convert(SEED, tmp_path, kind)
    plan = planio.read(old)
    original = planio.read(SEED)
    assert plan.source is not None and plan.source.format == kind
    assert (plan.title, plan.period, plan.approval) == (
        original.title,
        original.period,
        original.approval,
    )
    assert plan.sections == original.sections
    assert plan.warnings == []


def test_without_libreoffice_one_line_says_what_to_do(tmp_path: Path) -> None:
    old = convert(SEED, tmp_path, "rtf")
    no_soffice = {**os.environ, "PATH": str(tmp_path)}
    result = run_planio("parse", old, env=no_soffice, timeout=60)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "LibreOffice is not installed" in result.stderr
    assert "save it as DOCX" in result.stderr
