"""A real browser for the web tests: Debian's chromium through its chromedriver (Selenium).

Nothing is downloaded: the system browser and driver are given by path (``.ci/run`` installs
``chromium`` and ``chromium-driver``). Also the planio server, started as a user would
(``planio serve``) on a free loopback port.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("PLANIO_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("PLANIO_CHROMEDRIVER", "/usr/bin/chromedriver")
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--lang=ru-RU",
]


def missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not (Path(path).is_file() or shutil.which(path)):
            return f"{path} is not installed (apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install '.[test]')"
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


Server = tuple[str, "subprocess.Popen[bytes]"]


@contextmanager
def planio_server(cwd: Path, port: int | None = None, tmp: Path | None = None) -> Iterator[Server]:
    """``planio serve`` on a free loopback port (its temp files in ``tmp``); yields its address
    and process."""
    port = port or free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("PLANIO_LANG", "LC_ALL")}
    if tmp is not None:
        env["TMPDIR"] = str(tmp)
    process = subprocess.Popen(
        [sys.executable, "-m", "planio", "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url + "/", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("planio serve did not start") from None
                time.sleep(0.2)
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def chromium(profile: Path, downloads: Path, width: int = 1360, height: int = 900) -> Iterator[Any]:
    """A headless chromium with a fresh profile, saving downloads into ``downloads``."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in [*ARGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"]:
        options.add_argument(arg)
    options.add_experimental_option(
        "prefs",
        {
            "download.default_directory": str(downloads),
            "download.prompt_for_download": False,
            "safebrowsing.enabled": False,
        },
    )
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        driver.execute_cdp_cmd(
            "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
        )
        driver.set_page_load_timeout(60)
        yield driver
    finally:
        driver.quit()
