"""The README's Python examples run as written, from the repository root."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"
TEXT = README.read_text(encoding="utf-8")
BLOCKS = re.findall(r"```python\n(.*?)```", TEXT, re.DOTALL)  # "```python notest" is skipped


def test_readme_has_python_examples() -> None:
    assert BLOCKS


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_readme_example_runs(index: int, capsys: pytest.CaptureFixture[str]) -> None:
    cwd = Path.cwd()
    os.chdir(README.parent)
    try:
        exec(compile(BLOCKS[index], f"README.md[python {index}]", "exec"), {})
    finally:
        os.chdir(cwd)
    assert capsys.readouterr().out


def test_public_api_is_exactly_what_the_readme_lists() -> None:
    import planio

    section = TEXT.split("### Public API", 1)[1].split("\n### ", 1)[0]
    listed: set[str] = set()
    for row in section.splitlines():
        if row.startswith("| `"):
            first_cell = row.split(" | ")[0]
            listed.update(re.findall(r"`([A-Za-z_]+)", first_cell))
    assert listed == set(planio.__all__)
