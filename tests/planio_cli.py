"""Run the ``planio`` command as a user does: a real process, real files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run_planio(
    *args: str | Path,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    """``python -m planio ARGS``, its output as text."""
    return subprocess.run(
        [sys.executable, "-m", "planio", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        env=env,
        cwd=cwd,
        check=False,
    )
