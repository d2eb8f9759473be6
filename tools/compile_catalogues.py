"""Compile ``src/planio/locale/*/LC_MESSAGES/*.po`` into the ``.mo`` files the wheel ships.

Run after editing a catalogue: ``python tools/compile_catalogues.py`` (needs Babel, in the dev
extra). ``tests/test_i18n.py`` fails when a ``.mo`` is out of date with its ``.po``.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parents[1] / "src" / "planio" / "locale"


def main() -> None:
    for po_path in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        with po_path.open("rb") as source:
            catalog = read_po(source)
        with po_path.with_suffix(".mo").open("wb") as target:
            write_mo(target, catalog, use_fuzzy=False)
        print(f"compiled {po_path.relative_to(LOCALE)} ({len(catalog)} messages)")


if __name__ == "__main__":
    main()
