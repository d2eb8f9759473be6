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
import resource
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


def median_seconds(args: list[str], repeat: int) -> tuple[float, float]:
    """Median wall and CPU time of ``repeat`` fresh ``planio ARGS`` processes (after a warm-up).

    The CPU time (user + system of the child) hardly moves when other work shares the
    machine; the wall time is what a person waits, on a machine of their own.
    """
    command = [sys.executable, "-m", "planio", *args]
    env = {**os.environ, "COLUMNS": "100"}
    subprocess.run(command, capture_output=True, check=True, env=env)  # disk cache, .pyc
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, env=env)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'command':<26} {'wall':>8} {'cpu':>8} {'target':>8}")
    for name, (args, target) in RUNS.items():
        wall, cpu = median_seconds(args, options.repeat)
        verdict = "ok" if wall <= target else "SLOW (busy machine?)" if cpu <= target else "SLOW"
        print(f"{name:<26} {wall:>7.3f}s {cpu:>7.3f}s {target:>7.2f}s  {verdict}")


if __name__ == "__main__":
    main()
