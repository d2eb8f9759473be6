"""End to end in a real browser: Debian's chromium, driven through its chromedriver.

The server is started as a user starts it (``planio serve``, from another folder); the test
drops a sample plan on the page, corrects a cell, downloads the signed plan, the extracts and
the workbook as a person would, and reads each download back with planio.
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest

import planio

from browser import chromium, missing, planio_server

pytestmark = pytest.mark.skipif(missing() is not None, reason=str(missing()))

SEED = Path(__file__).resolve().parent.parent / "samples" / "plan-2021-2022.docx"
CORRECTED = "Разработка и утверждение плана работы Кластера (исправлено в браузере)"


def _wait(condition: object, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.1)
    raise TimeoutError("the page did not get there")


def _download(driver: object, folder: Path, label: str, suffix: str) -> Path:
    from selenium.webdriver.common.by import By

    before = set(folder.iterdir())
    button = driver.find_element(By.XPATH, f"//button[normalize-space()='{label}']")  # type: ignore[attr-defined]
    button.click()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        new = [p for p in set(folder.iterdir()) - before if p.name.endswith(suffix)]
        if new and not any(p.name.endswith(".crdownload") for p in folder.iterdir()):
            return new[0]
        time.sleep(0.2)
    raise TimeoutError(f"{label}: nothing downloaded")


def test_upload_correct_and_download_in_chromium(tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    server_tmp = tmp_path / "server-tmp"
    server_tmp.mkdir()
    with (
        planio_server(elsewhere, tmp=server_tmp) as (url, server),
        chromium(tmp_path / "profile", downloads) as driver,
    ):
        driver.get(url + "/")
        assert "Перетащите сюда файлы плана" in driver.page_source
        picker = driver.find_element(By.CSS_SELECTOR, "input[type=file]")
        picker.send_keys(str(SEED))
        _wait(lambda: "/p/" in driver.current_url)
        _wait(lambda: driver.find_elements(By.NAME, "s0.i0.title"))
        assert "Координационный совет" in driver.page_source
        deadline = driver.find_element(By.NAME, "s0.i1.deadline")
        deadline.clear()
        deadline.send_keys("II квартал 2022 года")
        save = "//button[normalize-space()='Сохранить исправления']"
        driver.find_element(By.XPATH, save).click()  # a plain form post (no script)
        _wait(lambda: "done=saved" in driver.current_url)
        assert "Исправления сохранены." in driver.page_source
        assert "01.04.2022 – 30.06.2022" in driver.page_source  # the deadline read again
        cell = driver.find_element(By.NAME, "s0.i0.title")
        cell.clear()
        cell.send_keys(CORRECTED)
        driver.find_element(By.NAME, "approver_name").clear()
        driver.find_element(By.NAME, "approver_name").send_keys("А.Б. Петров")

        signed = _download(driver, downloads, "План на подпись (Word)", ".docx")
        assert signed.name == "plan-2021-2022 - на подпись.docx"
        plan = planio.read(signed)
        assert plan.items()[0].title == CORRECTED
        assert plan.items()[1].deadline.text == "II квартал 2022 года"
        assert plan.approval is not None and plan.approval.name == "А.Б. Петров"
        status = driver.find_element(By.ID, "download-status").text
        assert "Готово, файл скачан" in status

        extracts = _download(driver, downloads, "Выписки исполнителям (ZIP)", ".zip")
        with zipfile.ZipFile(extracts) as archive:
            name = "Выписка - Координационный совет.docx"
            assert name in archive.namelist()
            archive.extract(name, tmp_path)
        extract = planio.read(tmp_path / name)
        assert CORRECTED in [item.title for item in extract.items()]

        workbook = _download(driver, downloads, "Таблица контроля (Excel)", ".xlsx")
        assert planio.read_workbook(workbook).items()[0].title == CORRECTED

        # the correction stays on the page after a reload (it was kept by the server)
        driver.refresh()
        _wait(lambda: driver.find_elements(By.NAME, "s0.i0.title"))
        assert driver.find_element(By.NAME, "s0.i0.title").get_attribute("value") == CORRECTED
        assert server.poll() is None
        held = list(server_tmp.glob("planio-web-*/*/upload"))
        assert len(held) == 1 and held[0].read_bytes() == SEED.read_bytes()
    assert list(server_tmp.iterdir()) == []  # the server stopped: nothing left behind


def test_a_bad_file_gets_its_one_line_on_the_page(tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    bad = tmp_path / "записка.docx"
    bad.write_bytes(b"PK\x03\x04 not really a document")
    with planio_server(tmp_path) as (url, server), chromium(tmp_path / "p", tmp_path) as driver:
        driver.get(url + "/")
        driver.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(bad))
        _wait(lambda: driver.find_elements(By.CSS_SELECTOR, ".file.failed .error"))
        line = driver.find_element(By.CSS_SELECTOR, ".file.failed .error").text
        assert line.startswith("Не удалось прочитать: записка.docx:")
        assert server.poll() is None


DROP = """
const [text, name] = arguments;
const transfer = new DataTransfer();
transfer.items.add(new File([text], name, {type: "application/json"}));
const zone = document.getElementById("dropzone");
const init = {dataTransfer: transfer, bubbles: true, cancelable: true};
zone.dispatchEvent(new DragEvent("dragover", init));
zone.dispatchEvent(new DragEvent("drop", init));
"""


def test_a_file_dropped_on_the_page_is_read(tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    plan_json = SEED.with_suffix(".json").read_text(encoding="utf-8")
    with planio_server(tmp_path) as (url, _), chromium(tmp_path / "p", tmp_path) as driver:
        driver.get(url + "/")
        driver.execute_script(DROP, plan_json, "план.json")
        _wait(lambda: "/p/" in driver.current_url)
        _wait(lambda: driver.find_elements(By.NAME, "s0.i0.title"))
        assert driver.find_element(By.TAG_NAME, "h1").text == "план.json"
        assert "Координационный совет" in driver.page_source


def test_too_many_files_are_refused_before_sending(tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    files = []
    for number in range(11):  # the default limit is 10
        files.append(tmp_path / f"план-{number}.json")
        files[-1].write_bytes(SEED.with_suffix(".json").read_bytes())
    with planio_server(tmp_path) as (url, _), chromium(tmp_path / "p", tmp_path) as driver:
        driver.get(url + "/")
        picker = driver.find_element(By.CSS_SELECTOR, "input[type=file]")
        picker.send_keys("\n".join(str(f) for f in files))
        _wait(lambda: driver.find_element(By.ID, "status").text)
        assert driver.find_element(By.ID, "status").text == (
            "Слишком много файлов сразу: не больше 10."
        )
        driver.get(url + "/")
        assert "Ваши файлы" not in driver.page_source  # nothing was sent
