"""The message catalogue: Russian by default, English on request, compiled catalogues current."""

from __future__ import annotations

import ast
import gettext
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from planio import i18n


@pytest.fixture(autouse=True)
def _environment_language(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("PLANIO_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    i18n.set_language(None)


def test_russian_is_the_default() -> None:
    assert i18n.language() == "ru"
    assert i18n._("written: {path}") == "записано: {path}"


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({"PLANIO_LANG": "en"}, "en"),
        ({"PLANIO_LANG": "ru"}, "ru"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "ru_RU.UTF-8"}, "ru"),
        ({"LANG": "C.UTF-8"}, "ru"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "ru_RU.UTF-8"}, "en"),
        ({"PLANIO_LANG": "ru", "LANG": "en_US.UTF-8"}, "ru"),
    ],
)
def test_environment_chooses(
    monkeypatch: pytest.MonkeyPatch, variables: dict[str, str], expected: str
) -> None:
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    assert i18n.language() == expected


def test_program_chooses_over_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANIO_LANG", "ru")
    i18n.set_language("en")
    try:
        assert i18n._("written: {path}") == "written: {path}"
    finally:
        i18n.set_language(None)
    with pytest.raises(ValueError):
        i18n.set_language("de")


@pytest.mark.parametrize("po_path", sorted(i18n.LOCALE_DIR.glob("*/LC_MESSAGES/*.po")), ids=str)
def test_compiled_catalogue_is_current(po_path: Path) -> None:
    """Every translated message of the .po is in the shipped .mo, unchanged."""
    with po_path.open("rb") as source:
        catalog = read_po(source)
    with po_path.with_suffix(".mo").open("rb") as compiled:
        shipped = gettext.GNUTranslations(compiled)
    for message in catalog:
        if message.id and message.string and not message.fuzzy and isinstance(message.id, str):
            assert shipped.gettext(message.id) == message.string, message.id


_MESSAGE_CALL = re.compile(r'_\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\)')


def test_every_message_in_the_code_has_a_russian_translation() -> None:
    """Each ``_("…")`` in planio's code and page templates is in the Russian catalogue."""
    with (i18n.LOCALE_DIR / "ru" / "LC_MESSAGES" / "planio.mo").open("rb") as compiled:
        russian = gettext.GNUTranslations(compiled)
    package = i18n.LOCALE_DIR.parent
    missing = []
    for path in [*package.rglob("*.py"), *package.rglob("*.html")]:
        for match in _MESSAGE_CALL.finditer(path.read_text(encoding="utf-8")):
            message = ast.literal_eval(f"({match[1]})")
            if message.strip() and russian.gettext(message) == message and message != "N":
                missing.append(f"{path.relative_to(package)}: {message}")
    assert missing == []
