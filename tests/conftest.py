from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# the tests' own helpers (docx_factory, office) and bench/generate.py's plan generator
sys.path[:0] = [str(Path(__file__).resolve().parent), str(ROOT / "bench")]


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture
def samples() -> Path:
    return ROOT / "samples"


def pytest_configure(config: pytest.Config) -> None:
    """The tests run in planio's default language, Russian, whatever the machine's locale."""
    import os

    for name in ("PLANIO_LANG", "LC_ALL", "LC_MESSAGES"):
        os.environ.pop(name, None)
    os.environ["LANG"] = "C.UTF-8"


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages in English, in this process and in the ``planio`` commands it starts.

    For tests about which error or warning comes (checked by its English words); the Russian
    texts are tested on their own (tests/test_cli_secretary.py, tests/test_i18n.py).
    """
    monkeypatch.setenv("PLANIO_LANG", "en")
