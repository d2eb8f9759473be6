"""Screenshots of planio's web pages for the README (``docs/pages/web-*.png``).

Starts ``planio serve`` and Debian's chromium (see ``tests/browser.py``), goes through what a
secretary does (drop files, correct a deadline, make next year's draft) and saves each page.
Run: ``python tools/web_screenshots.py``; then look at every picture before committing.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser import chromium, planio_server  # noqa: E402

OUT = ROOT / "docs" / "pages"
SEED = ROOT / "samples" / "plan-2021-2022.docx"


def _wait(condition, timeout: float = 60) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the page did not get there")
        time.sleep(0.1)


def _shot(driver, name: str, height: int) -> None:  # type: ignore[no-untyped-def]
    driver.set_window_size(1360, height)
    time.sleep(0.4)
    driver.save_screenshot(str(OUT / name))
    print("written:", OUT / name)


def main() -> None:
    from selenium.webdriver.common.by import By

    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        broken = work / "Служебная записка.docx"
        broken.write_bytes(b"PK\x03\x04" + bytes(300))
        with planio_server(work) as (url, _), chromium(work / "profile", work) as driver:
            driver.get(url + "/")
            _shot(driver, "web-start.png", 620)
            picker = driver.find_element(By.CSS_SELECTOR, "input[type=file]")
            picker.send_keys(f"{SEED}\n{broken}")
            _wait(lambda: driver.find_elements(By.CSS_SELECTOR, ".file"))
            _shot(driver, "web-files.png", 720)
            driver.find_element(By.CSS_SELECTOR, ".file.ok a.button").click()
            _wait(lambda: driver.find_elements(By.NAME, "s1.i0.deadline"))
            cell = driver.find_element(By.NAME, "s1.i0.deadline")
            cell.clear()
            cell.send_keys("после согласования с министерством")
            driver.find_element(
                By.XPATH, "//button[normalize-space()='Сохранить исправления']"
            ).click()
            _wait(lambda: "done=saved" in driver.current_url)
            _shot(driver, "web-plan.png", 1450)
            driver.find_element(
                By.XPATH, "//button[normalize-space()='Проект на следующий год']"
            ).click()
            _wait(lambda: "Проект на следующий год:" in driver.page_source)
            _shot(driver, "web-draft.png", 1100)


if __name__ == "__main__":
    main()
