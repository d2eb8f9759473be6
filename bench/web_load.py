"""Load test of ``planio serve``: concurrent users each upload a plan and download its workbook.

Loopback only and bounded: the server is started here on 127.0.0.1 with a free port, each user
does a fixed number of rounds with timeouts, and the server is stopped at the end. Prints the
number of users that finished without error, p50/p95 latencies of the upload (reading the plan)
and of the workbook download, and the server's peak memory (VmHWM from /proc).

    python bench/web_load.py [--users 20] [--rounds 1] [--plan samples/plan-2021-2022.docx]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser import planio_server  # noqa: E402

TOKEN = re.compile(r'name="csrf" value="([^"]+)"')
TIMEOUT = 120.0


def user(
    url: str, plan: Path, rounds: int, timings: dict[str, list[float]], errors: list[str]
) -> None:
    """One person: open the page, upload the plan, download its workbook (``rounds`` times)."""
    try:
        with httpx.Client(base_url=url, timeout=TIMEOUT) as client:
            found = TOKEN.search(client.get("/").text)
            assert found, "no form token"
            token = found.group(1)
            for _ in range(rounds):
                started = time.perf_counter()
                response = client.post(
                    "/upload",
                    data={"csrf": token},
                    files=[("files", (plan.name, plan.read_bytes()))],
                )
                timings["upload"].append(time.perf_counter() - started)
                if response.status_code != 303:
                    raise RuntimeError(f"upload: HTTP {response.status_code}")
                page = response.headers["location"]
                started = time.perf_counter()
                response = client.post(page + "/download/workbook", data={"csrf": token})
                timings["workbook"].append(time.perf_counter() - started)
                if response.status_code != 200 or not response.content.startswith(b"PK"):
                    raise RuntimeError(f"workbook: HTTP {response.status_code}")
    except Exception as exc:  # counted, not raised: the point is how many finish
        errors.append(f"{type(exc).__name__}: {exc}")


def peak_memory_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--plan", type=Path, default=ROOT / "samples" / "plan-2021-2022.docx")
    args = parser.parse_args()
    if not 1 <= args.users <= 200 or not 1 <= args.rounds <= 20:
        parser.error("bounded: 1-200 users, 1-20 rounds")
    timings: dict[str, list[float]] = {"upload": [], "workbook": []}
    errors: list[str] = []
    with planio_server(ROOT) as (url, server):
        idle = peak_memory_mb(server.pid)
        threads = [
            threading.Thread(target=user, args=(url, args.plan, args.rounds, timings, errors))
            for _ in range(args.users)
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
        peak = peak_memory_mb(server.pid)
        alive = server.poll() is None
    print(f"plan: {args.plan.name} ({args.plan.stat().st_size // 1024} KiB)")
    print(f"users: {args.users} concurrent, {args.rounds} round(s) each, wall {wall:.1f} s")
    print(f"finished without error: {args.users - len(errors)} of {args.users}")
    for error in errors[:5]:
        print("  error:", error)
    for name, values in timings.items():
        if values:
            print(
                f"{name}: p50 {statistics.median(values):.2f} s, "
                f"p95 {percentile(values, 0.95):.2f} s, max {max(values):.2f} s "
                f"({len(values)} requests)"
            )
    print(f"server peak memory: {peak:.0f} MB (idle {idle:.0f} MB); still up: {alive}")
    if errors or not alive:
        sys.exit(1)


if __name__ == "__main__":
    main()
