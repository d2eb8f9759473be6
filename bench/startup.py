"""How fast the ``planio`` command starts: what a secretary waits for before anything happens.

    python bench/startup.py [--repeat 5]

Median wall time of fresh processes (each one a new Python, as from the shell) for
``planio --version``, ``planio --help`` and parsing the seed DOCX to JSON, against the targets
(0.25 s, 0.25 s, 0.5 s). The command imports what a command needs when it needs it, so the
first two never load python-docx, openpyxl, pdfplumber or pydantic.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "plan-2021-2022.docx"
RUNS = {  # what is run → the target median, seconds
    "planio --version": (["--version"], 0.25),
    "planio --help": (["--help"], 0.25),
    "planio parse seed.docx": (["parse", str(SEED)], 0.5),
}


def median_seconds(args: list[str], repeat: int) -> float:
    """The median wall time of ``repeat`` fresh ``planio ARGS`` processes (after one warm-up)."""
    command = [sys.executable, "-m", "planio", *args]
    env = {**os.environ, "COLUMNS": "100"}
    subprocess.run(command, capture_output=True, check=True, env=env)  # disk cache, .pyc
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, env=env)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    print(f"{'command':<26} {'median':>8} {'target':>8}")
    for name, (args, target) in RUNS.items():
        seconds = median_seconds(args, options.repeat)
        verdict = "ok" if seconds <= target else "SLOW"
        print(f"{name:<26} {seconds:>7.3f}s {target:>7.2f}s  {verdict}")


if __name__ == "__main__":
    main()
