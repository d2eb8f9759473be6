"""The message catalogue: every text a person reads goes through :func:`_`.

Messages are written in English in the code (the msgid) and translated in
``planio/locale/<lang>/LC_MESSAGES/planio.po``; the compiled ``.mo`` ships in the wheel.
Russian is the default, because planio's readers are Russian offices; English is chosen by
``PLANIO_LANG=en`` or an English locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``), or by
:func:`set_language` from a program. A message with no translation shows its English msgid.
"""

from __future__ import annotations

import gettext
import os
from functools import cache
from pathlib import Path

DOMAIN = "planio"
LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("ru", "en")
DEFAULT_LANGUAGE = "ru"

_chosen: str | None = None


def _from_environment() -> str:
    """The language the environment asks for; Russian unless English is asked for."""
    explicit = os.environ.get("PLANIO_LANG", "").strip().lower()
    if explicit:
        return explicit[:2] if explicit[:2] in LANGUAGES else DEFAULT_LANGUAGE
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").strip().lower()
        if value and value not in ("c", "posix") and not value.startswith("c."):
            return "en" if value.startswith("en") else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def language() -> str:
    """The language messages are shown in now: ``"ru"`` or ``"en"``."""
    return _chosen or _from_environment()


def set_language(lang: str | None) -> None:
    """Choose ``"ru"`` or ``"en"`` for this process; ``None`` goes back to the environment."""
    global _chosen
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; one of {', '.join(LANGUAGES)}")
    _chosen = lang


@cache
def _translations(lang: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def language_from_argv(argv: list[str]) -> str | None:
    """The language a command line asks for with ``--lang ru|en`` (or ``--lang=en``), if any.

    Only the options before the command count (``planio --lang en render …``), as the CLI
    parses them. The CLI reads it before it builds its help, so ``--help`` comes in it too.
    """
    args = iter(argv)
    for arg in args:
        if arg == "--lang":
            value = next(args, "")
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        elif arg.startswith("-"):
            continue
        else:
            break
        if value.strip().lower()[:2] in LANGUAGES:
            return value.strip().lower()[:2]
    return None


def _(message: str) -> str:
    """``message`` (an English msgid) in the current language."""
    return _translations(language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n``, with Russian's three plural forms."""
    return _translations(language()).ngettext(singular, plural, n)
