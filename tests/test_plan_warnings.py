"""Warnings are structured: a stable code, a message in the reader's language, item and text."""

from __future__ import annotations

import gettext
import json
from pathlib import Path

import pytest
from pydantic import ValidationError

import planio
from planio import i18n
from planio.model import SCHEMA_VERSION, Plan
from planio.plan_warnings import MESSAGES, warning

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def test_every_code_has_a_russian_message() -> None:
    catalogue = i18n.LOCALE_DIR / "ru" / "LC_MESSAGES" / "planio.mo"
    with catalogue.open("rb") as compiled:
        russian = gettext.GNUTranslations(compiled)
    untranslated = [code for code, msgid in MESSAGES.items() if russian.gettext(msgid) == msgid]
    assert untranslated == []


def test_message_follows_the_language() -> None:
    assert warning("outside_table", text="  Цель:\n развитие ").message == (
        "текст вне таблицы плана: «Цель: развитие»"
    )
    i18n.set_language("en")
    try:
        english = warning("deadline_unknown", item="2", text="потом", where="item 2")
    finally:
        i18n.set_language(None)
    assert english.message == "item 2: deadline not understood: «потом»"
    assert (english.code, english.item, english.text, str(english)) == (
        "deadline_unknown",
        "2",
        "потом",
        english.message,
    )


def test_version_1_json_still_reads() -> None:
    data = json.loads((SAMPLES / "plan-layout-table-approval.json").read_text(encoding="utf-8"))
    data["schema_version"] = 1
    data["warnings"] = ["text outside the plan table: «СОГЛАСОВАНО»"]
    plan = Plan.from_json(json.dumps(data))
    assert plan.schema_version == SCHEMA_VERSION == 2
    [old] = plan.warnings
    assert (old.code, old.message, old.text) == (
        "note",
        "text outside the plan table: «СОГЛАСОВАНО»",
        "text outside the plan table: «СОГЛАСОВАНО»",
    )
    assert json.loads(plan.to_json())["warnings"][0]["code"] == "note"


@pytest.mark.parametrize("version", ["1", None, [1]])
def test_odd_schema_versions_are_a_validation_error_not_a_crash(version: object) -> None:
    data = {"schema_version": version, "warnings": ["x"], "sections": []}
    with pytest.raises(ValidationError):
        Plan.model_validate(data)


def test_old_json_file_reads_through_planio_read(tmp_path: Path) -> None:
    data = json.loads((SAMPLES / "plan-2021-2022.json").read_text(encoding="utf-8"))
    data["schema_version"] = 1
    data["warnings"] = ["item 2: deadline not understood: «потом»"]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    plan = planio.read(path)
    assert [w.message for w in plan.warnings] == data["warnings"]
