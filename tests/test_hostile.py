"""Hostile and broken input: one typed error, one CLI line, exit code 2, quickly."""

from __future__ import annotations

import contextlib
import random
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import planio
from planio.errors import PlanioError

from hostile import CORPUS, SEED
from planio_cli import run_planio

BOUND_SECONDS = 5.0


@pytest.mark.parametrize("case", sorted(CORPUS))
def test_library_raises_one_typed_error_quickly(case: str, tmp_path: Path) -> None:
    build, error, words = CORPUS[case]
    path = build(tmp_path)
    started = time.monotonic()
    with pytest.raises(PlanioError) as caught:
        planio.read(path)
    assert time.monotonic() - started < BOUND_SECONDS
    assert type(caught.value).__name__ == error
    assert words in str(caught.value)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("case", sorted(CORPUS))
def test_cli_gives_one_line_and_exit_2(case: str, tmp_path: Path) -> None:
    build, _, words = CORPUS[case]
    path = build(tmp_path)
    result = run_planio("parse", path, timeout=BOUND_SECONDS + 5)  # + the interpreter's start
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and words in result.stderr
    assert "Traceback" not in result.stderr


SOURCES = {"docx": SEED.read_bytes(), "pdf": SEED.with_suffix(".pdf").read_bytes()}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kind=st.sampled_from(sorted(SOURCES)),
    flips=st.lists(
        st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=20
    ),
)
def test_mutated_bytes_give_a_plan_or_a_typed_error(
    kind: str, flips: list[tuple[float, int]]
) -> None:
    data = bytearray(SOURCES[kind])
    for where, value in flips:
        data[int(where * len(data))] = value
    try:
        plan = planio.read(bytes(data))
    except PlanioError:
        return
    assert isinstance(plan, planio.Plan)


def test_mutations_inside_the_zip_parts_too() -> None:
    """Flip bytes in the uncompressed XML itself, then repackage: still a plan or a typed error."""
    import io
    import zipfile

    rng = random.Random(7)
    with zipfile.ZipFile(io.BytesIO(SOURCES["docx"])) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    for _ in range(40):
        xml = bytearray(parts["word/document.xml"])
        for _ in range(rng.randint(1, 30)):
            xml[rng.randrange(len(xml))] = rng.choice(b'<>"=/0123456789abcwvalgridSpan ')
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
            for name, data in parts.items():
                package.writestr(name, bytes(xml) if name == "word/document.xml" else data)
        with contextlib.suppress(PlanioError):  # anything else fails the test
            planio.read(out.getvalue())
