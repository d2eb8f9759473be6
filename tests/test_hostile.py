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

from docx_factory import make_plan_docx
from hostile import CORPUS, SEED
from planio_cli import run_planio

#: these tests name errors by their English words (the Russian ones: test_cli_secretary.py)
pytestmark = pytest.mark.usefixtures("english")

ROOT_SAMPLES = SEED.parent

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


def test_a_huge_mimetype_entry_is_not_inflated(tmp_path: Path) -> None:
    """A ZIP posing as ODT with a 1 GiB "mimetype": refused from the directory, quickly."""
    import zipfile

    path = tmp_path / "bomb.odt"
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("mimetype", "w", force_zip64=True) as part,
    ):
        chunk = bytes(2**20)
        for _ in range(1024):
            part.write(chunk)
    started = time.monotonic()
    with pytest.raises(PlanioError):
        planio.read(path)
    assert time.monotonic() - started < BOUND_SECONDS


def test_a_list_counter_of_ten_billion_is_bounded(tmp_path: Path) -> None:
    import io
    import zipfile

    source = (ROOT_SAMPLES / "plan-auto-numbering.docx").read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/numbering.xml":
                data = data.replace(b'w:start w:val="1"', b'w:start w:val="10000000000"')
                data = data.replace(b'w:val="decimal"', b'w:val="upperRoman"')
            dst.writestr(info, data)
    started = time.monotonic()
    plan = planio.read(out.getvalue())
    assert time.monotonic() - started < BOUND_SECONDS
    assert plan.items()


def test_a_workbook_with_a_broken_sheet_is_a_typed_error(tmp_path: Path) -> None:
    import io
    import zipfile

    good = planio.write_workbook(planio.read(SEED), tmp_path / "t.xlsx").read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            dst.writestr(info, data)
    with pytest.raises(PlanioError, match="broken sheet"):
        planio.read_workbook(out.getvalue())


@pytest.mark.parametrize(
    "payload",
    ["{{ 1 // 0 }}", "{{ title + 1 }}", "{{ 'x' * 100000000 }}", "{{ [1] * 100000000 }}"],
)
def test_user_templates_that_fail_or_blow_up_are_typed_errors(tmp_path: Path, payload: str) -> None:
    import docx

    template = tmp_path / "t.docx"
    document = docx.Document()
    document.add_paragraph(payload)
    document.save(str(template))
    with pytest.raises(planio.TemplateRenderError):
        planio.render_plan(planio.read(SEED), tmp_path / "o.docx", template=template)


def test_a_signature_that_is_not_an_image_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "sign.png"
    fake.write_text("not a picture", encoding="utf-8")
    with pytest.raises(planio.CorruptFileError, match="not an image"):
        planio.render_plan(planio.read(SEED), tmp_path / "o.docx", signature_image=fake)


def test_a_plan_over_ten_thousand_years_still_writes_a_workbook(tmp_path: Path) -> None:
    from datetime import date

    plan = planio.read(SEED)
    plan.period = planio.Period(date(1, 1, 1), date(9999, 12, 31), label="всё время")
    plan.items()[0].deadline = planio.parse_deadline("еженедельно", plan.period)
    path = planio.write_workbook(plan, tmp_path / "long.xlsx", expand_recurring=True)
    assert planio.read_workbook(path).items()


#: cells and lines a hostile document makes huge, where a pattern or a join could go quadratic
LONG_CELLS = {
    "title of 10,000 lines": ("\n".join(["слово"] * 10_000), "Директор", "май", "Директор"),
    "executors run together": ("Совещание", "Иванова Анна " * 3000, "май", "Директор"),
    "executors line by line": ("Совещание", "\n".join(["Иванова А.А. –"] * 5000), "май", "Д"),
    "ordinals before no weekday": ("Совещание", "Директор", "первый, " * 6000 + "x", "Д"),
    "a signature line of underscores": ("Совещание", "Директор", "май", "_" * 2000 + " x"),
}


@pytest.mark.parametrize("case", sorted(LONG_CELLS))
def test_a_huge_cell_is_read_in_bounded_time(case: str, tmp_path: Path) -> None:
    title, executors, deadline, signatory = LONG_CELLS[case]
    path = make_plan_docx(
        tmp_path / "long.docx",
        [("1", title, executors, deadline), ("2", "Отчёт", "Завуч", "июнь")],
        before=("УТВЕРЖДАЮ", "Директор", signatory, "", "План работы на 2022 год"),
    )
    started = time.monotonic()
    plan = planio.read(path)
    assert time.monotonic() - started < BOUND_SECONDS
    assert [item.number for item in plan.items()] == ["1", "2"]


def test_the_cycle_collector_is_paused_only_while_reading(tmp_path: Path) -> None:
    """planio pauses Python's cycle collector while it reads and gives it back as it was,
    after a good file and after a bad one; a caller's own pause is left alone."""
    import gc

    assert gc.isenabled()
    planio.read(SEED)
    assert gc.isenabled()
    with pytest.raises(PlanioError):
        planio.read(SEED.with_suffix(".pdf").read_bytes()[:2000])
    assert gc.isenabled()
    gc.disable()
    try:
        planio.read(SEED)
        assert not gc.isenabled()
    finally:
        gc.enable()
