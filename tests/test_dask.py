"""convert on a real Dask cluster: worker processes, bytes sent to them, a worker killed.

A ``LocalCluster`` of two worker processes (one thread each) stands in for a cluster whose
workers share no disk with the client: their working folder is moved away, so a relative
path the client gives means nothing to them, and only ``send="bytes"`` can work.
"""

from __future__ import annotations

import io
import os
import signal
import threading
import time
import zipfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import planio
from planio.batch import read_one

from generate import make_plan_docx
from planio_cli import run_planio

distributed = pytest.importorskip("dask.distributed")
dask = pytest.importorskip("dask")

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

#: the tests check which message comes by its English words
pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    # the worker processes speak English like the tests (they inherit the environment)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PLANIO_LANG", "en")
        yield from _cluster()


def _cluster() -> Iterator[distributed.Client]:
    # a task on a worker that dies fails at once (by default Dask retries it three times)
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 0}),
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            memory_limit="1GiB",
            dashboard_address=":0",  # any free port: other clusters may run here
        ) as cluster,
        distributed.Client(cluster) as dask_client,
    ):
        yield dask_client


def _away(dask_client: distributed.Client, tmp_path: Path) -> None:
    """Move every worker's working folder somewhere the client's files are not."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(exist_ok=True)
    dask_client.run(os.chdir, str(elsewhere))


@pytest.fixture
def inbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name in ("plan-2021-2022.docx", "plan-unruled.pdf", "plan-municipal-long.docx"):
        (folder / name).write_bytes((SAMPLES / name).read_bytes())
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    monkeypatch.chdir(tmp_path)
    return Path("inbox")  # relative: the workers' own folder has no "inbox"


def test_workers_get_bytes_not_paths(
    client: distributed.Client, inbox: Path, tmp_path: Path
) -> None:
    _away(client, tmp_path)
    serial = planio.convert_many([inbox])
    by_path = planio.convert_many([inbox], executor=client.get_executor())
    missing = read_one(tmp_path / "nowhere.docx").error  # "no such file", in any language
    assert missing
    assert [r.error for r in by_path if r.path.name != "broken.docx"] == [missing] * 3
    # the workers cannot open the client's files
    sent = planio.convert_many([inbox], executor=client.get_executor(), send="bytes")
    assert [r.path for r in sent] == [r.path for r in serial]
    assert [r.plan for r in sent] == [r.plan for r in serial]
    assert [r.error for r in sent] == [r.error for r in serial]
    assert sum(r.ok for r in sent) == 3


def test_cli_convert_on_a_scheduler(
    client: distributed.Client, inbox: Path, tmp_path: Path
) -> None:
    _away(client, tmp_path)
    address = client.scheduler.address
    result = run_planio(
        "convert", inbox, "-o", "out", "--to", "json", "--scheduler", address, cwd=tmp_path
    )
    assert result.returncode == 2, result.stderr  # broken.docx
    assert "converted 3 of 4" in result.stdout
    assert len(list((tmp_path / "out").glob("*.json"))) == 3
    for name in ("plan-2021-2022", "plan-municipal-long"):
        written = planio.Plan.from_json((tmp_path / "out" / f"{name}.json").read_bytes())
        assert written.sections == planio.read(SAMPLES / f"{name}.docx").sections


def test_cli_without_a_scheduler_to_reach_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.docx").write_bytes((SAMPLES / "plan-2021-2022.docx").read_bytes())
    result = run_planio(
        "convert", tmp_path / "a.docx", "-o", tmp_path / "o", "--scheduler", "tcp://127.0.0.1:9"
    )
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("planio: error")]
    assert len(errors) == 1 and "tcp://127.0.0.1:9" in errors[0]
    assert "Traceback" not in result.stderr


def _variants(folder: Path, count: int) -> list[Path]:
    """``count`` distinct large plans (3,000 events each: long enough to be killed reading)."""
    base = make_plan_docx(folder / "base.docx", 3000).read_bytes()
    base_path = folder / "base.docx"
    paths = []
    for index in range(count):
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w") as dst:
            for info in src.infolist():
                data = src.read(info)
                if info.filename == "word/document.xml":
                    data = data.replace(b"2023-2024", f"{2030 + index}-{2031 + index}".encode())
                dst.writestr(info, data)
        path = folder / f"plan-{index}.docx"
        path.write_bytes(out.getvalue())
        paths.append(path)
    base_path.unlink()
    return paths


def test_a_worker_killed_mid_batch_fails_only_its_files(
    client: distributed.Client, tmp_path: Path
) -> None:
    folder = tmp_path / "big"
    folder.mkdir()
    files = _variants(folder, 8)
    pids = client.run(os.getpid)
    killed: list[str] = []

    def kill_one_busy_worker() -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            busy = [w for w, tasks in client.processing().items() if tasks and w in pids]
            if busy:
                time.sleep(0.2)  # well inside a read of about a second
                os.kill(pids[busy[0]], signal.SIGKILL)
                killed.append(busy[0])
                return
            time.sleep(0.01)

    killer = threading.Thread(target=kill_one_busy_worker)
    with ThreadPoolExecutor(1) as background:
        running = background.submit(
            planio.convert_many, [folder], executor=client.get_executor(), send="bytes"
        )
        killer.start()
        batch = running.result(timeout=600)
        killer.join()
    assert killed, "no worker was busy"
    assert [r.path for r in batch] == files  # every file has its result, in order
    failed = [r for r in batch if not r.ok]
    assert 1 <= len(failed) <= 2  # what the killed worker held, not the rest
    assert all(r.error and "KilledWorker" in r.error for r in failed)
    done = [r for r in batch if r.ok]
    assert len(done) == len(files) - len(failed)
    assert all(r.plan is not None and len(r.plan.items()) == 3000 for r in done)
    client.wait_for_workers(2, timeout=60)  # the nanny restarts the killed worker
