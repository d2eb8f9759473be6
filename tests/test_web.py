"""The web application over HTTP: every route, hostile and oversized uploads, other users.

Real documents go up and real documents come down; each download is read back with planio
(and the PDF was made by LibreOffice) to show it carries the correction typed on the page.
"""

from __future__ import annotations

import html
import io
import json
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from urllib.parse import unquote

import docx
import pytest

import planio
from planio.errors import PlanioError
from planio.web.security import content_disposition

from hostile import CORPUS
from office import convert
from web_client import browser, two_browsers

SEED = Path(__file__).resolve().parent.parent / "samples" / "plan-2021-2022.docx"
CORRECTED = "Разработка и утверждение плана работы Кластера (исправлено в браузере)"


def _page(text: str) -> str:
    """The page's text as a person reads it (entities decoded)."""
    return html.unescape(text)


def _filename(response: object) -> str:
    header = response.headers["content-disposition"]  # type: ignore[attr-defined]
    exact = re.search(r"filename\*=UTF-8''([^;]+)", header)
    assert exact is not None, header
    return unquote(exact.group(1))


def test_start_page_is_russian_with_security_headers() -> None:
    with browser() as user:
        response = user.client.get("/")
        assert response.status_code == 200
        text = _page(response.text)
        assert "Перетащите сюда файлы плана" in text and "Выбрать файлы…" in text
        csp = response.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["cache-control"] == "no-store"
        assert "<script>" not in response.text  # no inline script: the CSP forbids it
        cookie = user.client.cookies.get("planio_session")
        assert cookie and "." in cookie


def test_english_on_request() -> None:
    planio.set_language("en")
    try:
        with browser() as user:
            text = _page(user.client.get("/").text)
            assert "Drop the plan files here" in text and 'lang="en"' in text
            assert "Перетащите" not in text
    finally:
        planio.set_language(None)


def test_static_files_ship_in_the_package() -> None:
    with browser() as user:
        script = user.client.get("/static/planio.js")
        style = user.client.get("/static/planio.css")
        assert script.status_code == style.status_code == 200
        assert "XMLHttpRequest" in script.text and ".dropzone" in style.text
        assert script.headers["x-content-type-options"] == "nosniff"
        assert user.client.get("/static/../app.py").status_code == 404


def test_upload_shows_the_plan_as_a_table() -> None:
    with browser() as user:
        page = user.upload_one(SEED, "план 2021.docx")
        text = _page(user.client.get(page).text)
        plan = planio.read(SEED)
        assert "план 2021.docx" in text
        for section in plan.sections:
            assert section.heading in text
        for item in plan.items():
            assert f">{item.number}</textarea>" in text
            assert item.title in text and item.deadline.text in text
            for executor in item.executors:
                assert executor in text
        assert "01.12.2022 – 31.12.2022" in text  # the dates planio took from «декабрь 2022 года»
        assert "ежеквартально" in text  # «1 раз в квартал»
        assert "до 01.05.2022" in text
        assert "Ю.В. Дроздов" in text  # the approver, ready for the signing options


def test_warnings_are_shown_at_their_rows() -> None:
    with browser() as user:
        page = user.upload_one(SEED)
        body = user.post(page + "/save", {"s0.i0.deadline": "когда получится"})
        assert body.status_code == 303
        text = _page(user.client.get(page).text)
        row = text.index('id="row-0-0"')
        warning_at = text.index("срок не распознан: «когда получится»")
        next_row = text.index('id="row-0-1"')
        assert row < warning_at < next_row  # the warning sits right under its row
        assert "не распознан" in text[row:warning_at]


def test_corrections_are_validated_and_the_deadline_read_again() -> None:
    with browser() as user:
        page = user.upload_one(SEED)
        fields = {
            "title": "План работы на 2021 – 2022 учебный год",
            "s0.i0.title": CORRECTED,
            "s0.i0.executors": "Координационный совет\r\nЦОПП\r\n",
            "s0.i0.deadline": "II квартал 2022 года",
        }
        assert user.post(page + "/save", fields).status_code == 303
        response = user.post(page + "/download/json")
        plan = planio.Plan.from_json(response.content)
        item = plan.items()[0]
        assert item.title == CORRECTED
        assert item.executors == ["Координационный совет", "ЦОПП"]
        assert (item.deadline.kind, str(item.deadline.start), str(item.deadline.end)) == (
            "period",
            "2022-04-01",
            "2022-06-30",
        )
        assert plan.title == fields["title"]
        shown = _page(user.client.get(page + "?done=saved").text)
        assert "Исправления сохранены." in shown and "01.04.2022 – 30.06.2022" in shown
        # a corrected deadline that is still not understood gets its warning; fixed, it goes
        user.post(page + "/save", {"s0.i0.deadline": "когда-нибудь"})
        warned = planio.Plan.from_json(user.post(page + "/download/json").content)
        assert [w.code for w in warned.warnings] == ["deadline_unknown"]
        assert warned.warnings[0].item == "1.1"
        user.post(page + "/save", {"s0.i0.deadline": "май 2022 года"})
        fixed = planio.Plan.from_json(user.post(page + "/download/json").content)
        assert fixed.warnings == []


def test_signed_plan_docx_carries_the_correction_and_signing_options(tmp_path: Path) -> None:
    with browser() as user:
        page = user.upload_one(SEED, "план.docx")
        response = user.post(
            page + "/download/docx",
            {
                "s0.i0.title": CORRECTED,
                "approver_name": "А.Б. Петров",
                "approver_position": "Директор",
                "approval_date": "01.09.2021",
            },
        )
        assert response.status_code == 200
        assert _filename(response) == "план - на подпись.docx"
        out = tmp_path / "signed.docx"
        out.write_bytes(response.content)
        back = planio.read(out)
        assert back.items()[0].title == CORRECTED
        assert back.approval is not None
        assert (back.approval.name, back.approval.position) == ("А.Б. Петров", "Директор")
        assert str(back.approval.date) == "2021-09-01"


def test_a_date_that_is_not_a_date_is_said_on_the_page() -> None:
    with browser() as user:
        page = user.upload_one(SEED)
        response = user.post(page + "/download/docx", {"approval_date": "31.02.2021"})
        assert response.status_code == 400
        assert "Дата не распознана: «31.02.2021»" in _page(response.text)


CERTIFICATE = {
    "approver_name": "А.Б. Петров",
    "approver_position": "Директор",
    "cert_number": "01D7 AB12 CC34",
    "cert_owner": "Петров Андрей Борисович",
    "cert_from": "01.01.2024",
    "cert_to": "31.12.2025",
}


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    paragraphs = [p.text for p in document.paragraphs]
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return " ".join(" ".join(paragraphs + cells).split())  # one line, single spaces


def test_signed_plan_carries_the_esignature_mark_and_image(tmp_path: Path) -> None:
    from PIL import Image

    picture = io.BytesIO()
    Image.new("RGB", (300, 100), "white").save(picture, "PNG")
    with browser() as user:
        page = user.upload_one(SEED, "план.docx")
        text = _page(user.client.get(page).text)
        assert "Электронная подпись и подпись-картинка" in text and "<details" in text
        assert 'enctype="multipart/form-data"' in text
        response = user.post(
            page + "/download/docx",
            CERTIFICATE,
            files={"signature_image": ("подпись.png", picture.getvalue(), "image/png")},
        )
        assert response.status_code == 200, _page(response.text)
        out = tmp_path / "signed.docx"
        out.write_bytes(response.content)
        words = _docx_text(out)
        assert "ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ" in words
        assert "01D7 AB12 CC34" in words and "31.12.2025" in words
        with zipfile.ZipFile(out) as package:
            assert any(name.startswith("word/media/") for name in package.namelist())
        # without the mark's fields and without an image: neither is there
        plain = user.post(page + "/download/docx", {"approver_name": "А.Б. Петров"})
        out.write_bytes(plain.content)
        assert "ПОДПИСАН" not in _docx_text(out)
        with zipfile.ZipFile(out) as package:
            assert not any(name.startswith("word/media/") for name in package.namelist())


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ({"cert_number": "01D7"}, "нужны все четыре поля"),
        ({"cert_owner": ""}, "нужны все четыре поля"),
        ({"cert_to": "31.12.2023"}, "Сертификат действителен по 31.12.2023 — раньше, чем с"),
        ({"cert_from": "32.01.2024"}, "Дата не распознана: «32.01.2024»"),
    ],
)
def test_a_wrong_certificate_is_said_on_the_page(fields: dict[str, str], said: str) -> None:
    with browser() as user:
        page = user.upload_one(SEED)
        sent = {**CERTIFICATE, **fields}
        if "cert_number" in fields:  # a half-filled mark: only the number
            sent = {"cert_number": fields["cert_number"]}
        response = user.post(page + "/download/docx", sent)
        assert response.status_code == 400
        assert "content-disposition" not in response.headers
        text = _page(response.text)
        assert said in text and "pydantic" not in text and "valid_to" not in text


def test_a_fake_signature_image_gives_the_librarys_line() -> None:
    with browser() as user:
        page = user.upload_one(SEED)
        response = user.post(
            page + "/download/docx",
            {"approver_name": "А.Б. Петров"},
            files={"signature_image": ("подпись.png", b"not a picture", "image/png")},
        )
        assert response.status_code == 422
        assert "content-disposition" not in response.headers
        text = _page(response.text)
        assert "подпись.png: это не изображение (PNG, JPEG, GIF или BMP)" in text
        assert "planio-out-" not in text  # the scratch folder is not shown
        too_big = user.post(
            page + "/download/docx",
            files={"signature_image": ("big.png", bytes(3 * 2**20), "image/png")},
        )
        assert too_big.status_code == 400
        assert "big.png: картинка подписи слишком большая" in _page(too_big.text)


def test_signed_plan_pdf_through_libreoffice(tmp_path: Path) -> None:
    with browser() as user:
        page = user.upload_one(SEED, "план.docx")
        response = user.post(page + "/download/pdf", {"s0.i0.title": CORRECTED})
        assert response.status_code == 200, _page(response.text)
        assert response.headers["content-type"] == "application/pdf"
        assert response.content.startswith(b"%PDF-")
        out = tmp_path / "signed.pdf"
        out.write_bytes(response.content)
        assert planio.read(out).items()[0].title == CORRECTED


def test_extracts_zip_keeps_cyrillic_names(tmp_path: Path) -> None:
    with browser() as user:
        page = user.upload_one(SEED, "план.docx")
        certifier = {"certifier_position": "Секретарь", "certifier_name": "А.А. Иванова"}
        response = user.post(page + "/download/extracts", {"s0.i0.title": CORRECTED, **certifier})
        assert _filename(response) == "план - выписки.zip"
        with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
            names = archive.namelist()
            assert "Выписка - Координационный совет.docx" in names and "index.csv" in names
            info = archive.getinfo("Выписка - Координационный совет.docx")
            assert info.flag_bits & 0x800  # the name is stored as UTF-8
            archive.extract(info, tmp_path)
        extract = planio.read(tmp_path / "Выписка - Координационный совет.docx")
        assert CORRECTED in [item.title for item in extract.items()]
        words = _docx_text(tmp_path / "Выписка - Координационный совет.docx")
        assert "Верно" in words and "А.А. Иванова" in words and "Секретарь" in words


def test_workbook_and_progress_report(tmp_path: Path) -> None:
    with browser() as user:
        page = user.upload_one(SEED, "план.docx")
        response = user.post(page + "/download/workbook", {"s0.i0.title": CORRECTED})
        assert _filename(response) == "план - контроль.xlsx"
        book = tmp_path / "контроль.xlsx"
        book.write_bytes(response.content)
        tracked = planio.read_workbook(book)
        assert tracked.items()[0].title == CORRECTED
        assert "Отчёт о выполнении" not in _page(user.client.get(page).text)
        # the workbook uploaded back gives the progress report
        tracking_page = user.upload_one(book)
        text = _page(user.client.get(tracking_page).text)
        assert "Отчёт о выполнении (Word)" in text
        report = user.post(tracking_page + "/download/report", {"as_of": "01.06.2022"})
        assert report.status_code == 200
        assert _filename(report) == "контроль - отчёт о выполнении.docx"
        out = tmp_path / "report.docx"
        out.write_bytes(report.content)
        words = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
        assert "ОТЧЁТ О ВЫПОЛНЕНИИ ПЛАНА" in words and "01.06.2022" in words
        # a plan that is not a tracking workbook has no report
        assert user.post(page + "/download/report").status_code == 404


def test_next_year_draft_highlights_what_moved(tmp_path: Path) -> None:
    with browser() as user:
        page = user.upload_one(SEED, "план.docx")
        response = user.post(page + "/next-year", {"s0.i0.title": CORRECTED})
        assert response.status_code == 303
        draft_page = response.headers["location"]
        assert draft_page != page
        text = _page(user.client.get(draft_page).text)
        assert "Проект на следующий год" in text
        assert "2022 – 2023 учебный год" in text
        assert 'class="moved" title="было: декабрь 2022 года">декабрь 2023 года' in text
        draft = planio.Plan.from_json(user.post(draft_page + "/download/json").content)
        assert draft.items()[0].title == CORRECTED  # the correction went into the draft
        highlighted = user.post(draft_page + "/download/draft")
        out = tmp_path / "draft.docx"
        out.write_bytes(highlighted.content)
        marked = [
            run.text
            for table in docx.Document(str(out)).tables
            for row in table.rows
            for cell in row.cells
            for paragraph in cell.paragraphs
            for run in paragraph.runs
            if run.font.highlight_color is not None
        ]
        assert "декабрь 2023 года" in marked


@pytest.mark.parametrize("case", sorted(CORPUS))
def test_hostile_upload_is_answered_on_the_page(case: str, tmp_path: Path) -> None:
    build = CORPUS[case][0]
    path = build(tmp_path)
    try:
        planio.read(_named(path))
        expected = None
    except PlanioError as exc:
        expected = str(exc)
    assert expected is not None
    with browser() as user:
        started = time.monotonic()
        response = user.upload((path.name, path.read_bytes()), follow=True)
        assert time.monotonic() - started < 10
        assert response.status_code == 200
        text = _page(response.text)
        assert "Не удалось прочитать:" in text and expected in text
        assert str(tmp_path) not in text  # no server path is shown
        assert user.client.get("/").status_code == 200  # and the server is still up


def _named(path: Path) -> io.BytesIO:
    data = io.BytesIO(path.read_bytes())
    data.name = path.name
    return data


def test_many_files_at_once_each_with_its_result(tmp_path: Path) -> None:
    with browser() as user:
        response = user.upload(
            ("план.docx", SEED.read_bytes()),
            ("план.pdf", SEED.with_suffix(".pdf").read_bytes()),
            ("фото.png", b"\x89PNG\r\n\x1a\n" + bytes(200)),
            follow=True,
        )
        text = _page(response.text)
        assert text.count("мероприятий: 12") == 2
        assert "фото.png: not a format planio reads" in text or "фото.png:" in text
        assert text.count("Не удалось прочитать:") == 1


def test_the_declared_content_type_is_not_trusted() -> None:
    with browser() as user:
        response = user.client.post(
            "/upload",
            data={"csrf": user.token},
            files=[
                ("files", ("план.docx", SEED.read_bytes(), "application/x-msdownload")),
                ("files", ("план.pdf", b"MZ\x90\x00" + bytes(100), "application/pdf")),
            ],
        )
        text = _page(response.text)
        assert text.count("мероприятий: 12") == 1  # the DOCX read by its content
        assert "план.pdf: not a format planio reads" in text or "план.pdf:" in text


def test_a_huge_form_is_refused() -> None:
    with browser(max_file_bytes=100_000, max_files=1) as user:
        page = user.upload_one(SEED)
        response = user.post(page + "/save", {"title": "x" * 400_000})
        assert response.status_code == 413


@pytest.mark.parametrize("target", ["doc", "odt"])
def test_older_office_formats_and_json_read_on_the_page(target: str, tmp_path: Path) -> None:
    old = convert(SEED, tmp_path, target)  # made by LibreOffice, as offices send them
    with browser() as user:
        for path in (old, SEED.with_suffix(".json")):
            page = user.upload_one(path)
            text = _page(user.client.get(page).text)
            assert "мероприятий: 12" in text and "Координационный совет" in text


def test_too_many_files() -> None:
    with browser(max_files=2) as user:
        response = user.upload(*[(f"{n}.docx", SEED.read_bytes()) for n in range(3)])
        assert response.status_code == 413
        assert "Слишком много файлов сразу: не больше 2." in _page(response.text)
        assert user.client.get("/").text.count("мероприятий:") == 0


def test_too_large_request_and_too_large_file() -> None:
    with browser(max_file_bytes=10_000, max_files=2) as user:
        big = bytes(300_000)  # over max_files x max_file_bytes: refused before reading
        response = user.upload(("big.docx", big))
        assert response.status_code == 413
        assert "Файлы слишком большие" in _page(response.text)
    with browser(max_file_bytes=30_000, max_files=4) as user:
        response = user.upload(("big.docx", SEED.read_bytes()), follow=True)
        assert response.status_code == 200  # one file over the limit: said at that file
        assert "big.docx: файл слишком большой" in _page(response.text)


def test_wrong_content_types() -> None:
    with browser() as user:
        response = user.client.post("/upload", json={"files": "план.docx"})
        assert response.status_code == 415
        assert "Выберите файлы кнопкой" in _page(response.text)
        page = user.upload_one(SEED)
        plain = {"content-type": "text/plain"}
        response = user.client.post(
            page + "/save", content=b"csrf=" + user.token.encode(), headers=plain
        )
        assert response.status_code == 415
        nothing = user.client.post("/upload", data={"csrf": user.token}, files=[])
        assert nothing.status_code in (400, 415)


def test_another_users_id_is_not_found() -> None:
    with two_browsers() as (alice, mallory):
        page = alice.upload_one(SEED)
        assert alice.client.get(page).status_code == 200
        assert mallory.client.get(page).status_code == 404
        for action in ("/save", "/download/json", "/download/docx", "/next-year", "/delete"):
            response = mallory.post(page + action)
            assert response.status_code == 404, action
            assert "Такой страницы нет" in _page(response.text)
        assert page.split("/")[2] not in mallory.client.get("/").text
        assert alice.client.get(page).status_code == 200  # mallory deleted nothing
        assert alice.client.get("/p/not-an-id").status_code == 404
        assert alice.client.get("/p/" + "A" * 22).status_code == 404


def test_forged_session_cookie_gets_a_new_session() -> None:
    with browser() as user:
        page = user.upload_one(SEED)
        session = user.client.cookies["planio_session"].split(".")[0]
        user.client.cookies.set("planio_session", f"{session}.{'0' * 32}")
        assert user.client.get(page).status_code == 404


def test_cross_site_requests_are_refused() -> None:
    with browser() as user:
        page = user.upload_one(SEED)
        assert user.client.post(page + "/save", data={"x": "1"}).status_code == 403
        assert user.client.post(page + "/save", data={"csrf": "x" * 32}).status_code == 403
        other = {"origin": "http://evil.example"}
        assert user.post(page + "/save", headers=other).status_code == 403
        fetch = {"sec-fetch-site": "cross-site"}
        assert user.post(page + "/download/json", headers=fetch).status_code == 403
        response = user.client.post(
            "/upload", files=[("files", ("a.docx", SEED.read_bytes()))], headers=other
        )
        assert response.status_code == 403
        response = user.client.post("/upload", files=[("files", ("a.docx", SEED.read_bytes()))])
        assert response.status_code == 403  # no token
        assert user.post(page + "/save", headers={"origin": "null"}).status_code == 403
        port = {"origin": "http://testserver:8080"}
        assert user.post(page + "/save", headers=port).status_code == 403
        same = {"origin": "http://testserver", "sec-fetch-site": "same-origin"}
        assert user.post(page + "/save", headers=same).status_code == 303
        proxied = {"origin": "https://testserver"}  # behind the office's HTTPS proxy
        assert user.post(page + "/save", headers=proxied).status_code == 303
        refused = user.post(page + "/save", headers=other)
        assert "Страница устарела" in _page(refused.text)


def test_unknown_download_and_wrong_method() -> None:
    with browser() as user:
        page = user.upload_one(SEED)
        assert user.post(page + "/download/..%2f..%2fetc%2fpasswd").status_code == 404
        assert user.post(page + "/download/exe").status_code == 404
        assert user.client.get(page + "/download/docx").status_code == 405
        assert user.client.get("/upload").status_code == 405


def test_delete_and_ttl_remove_everything(tmp_path: Path) -> None:
    with browser(ttl_seconds=1.0, scratch=tmp_path) as user:
        page = user.upload_one(SEED)
        root = next(tmp_path.iterdir())
        assert oct(root.stat().st_mode & 0o777) == "0o700"
        entry_id = page.split("/")[2]
        assert (root / entry_id / "upload").read_bytes() == SEED.read_bytes()
        time.sleep(1.3)
        assert user.client.get(page).status_code == 404
        assert not (root / entry_id).exists()
        page = user.upload_one(SEED)
        assert user.post(page + "/delete").status_code == 303
        assert user.client.get(page).status_code == 404
        assert list(root.iterdir()) == []
    assert list(tmp_path.iterdir()) == []  # the server stopped: its folder is gone


def test_content_disposition_is_safe() -> None:
    header = content_disposition('план "2021"\r\n.docx')
    assert "\r" not in header and "\n" not in header
    ascii_part = re.search(r'filename="([^"]*)"', header)
    assert ascii_part is not None and ascii_part.group(1).isascii()
    assert ascii_part.group(1).startswith("plan")
    exact = re.search(r"filename\*=UTF-8''(\S+)$", header)
    assert exact is not None and unquote(exact.group(1)) == 'план "2021"\r\n.docx'


def test_path_in_the_upload_name_is_only_shown() -> None:
    with browser() as user:
        page = user.upload_one(SEED, "../../etc/план.docx")
        text = _page(user.client.get(page).text)
        assert "<h1>план.docx</h1>" in text and "../" not in text
        response = user.post(page + "/download/json")
        assert _filename(response) == "план.json"
        assert json.loads(response.content)["title"].startswith("План работы")


def test_column_mapping_reads_again() -> None:
    with browser() as user:
        page = user.upload_one(SEED)
        assert "Столбцы прочитаны неверно?" in _page(user.client.get(page).text)
        fields = {"col_number": "1", "col_title": "3", "col_executors": "2", "col_deadline": "4"}
        response = user.post(page + "/columns", fields)
        assert response.status_code == 303
        plan = planio.Plan.from_json(user.post(page + "/download/json").content)
        first = plan.items()[0]
        assert first.title.startswith("Координационный совет")
        assert any("Разработка и утверждение плана" in e for e in first.executors)
        bad = user.post(page + "/columns", {"col_title": "2", "col_executors": "2"})
        assert bad.status_code == 400


def test_the_whole_server_holds_a_bounded_number_of_uploads() -> None:
    with two_browsers(max_entries=2) as (one, two):
        one.upload_one(SEED)
        two.upload_one(SEED)
        response = two.upload(("a.docx", SEED.read_bytes()))
        assert response.status_code == 503
        assert "попробуйте ещё раз через несколько минут" in _page(response.text)


def test_serve_without_the_web_extra_says_what_to_install() -> None:
    code = (
        "import sys; sys.modules['uvicorn'] = None; sys.argv = ['planio', 'serve'];"
        "from planio.cli import main; main()"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert 'pip install "planio[web]"' in result.stderr and "uvicorn" in result.stderr


def test_parsing_runs_in_the_bounded_pool() -> None:
    with browser(workers=1) as user:
        user.upload_one(SEED)
        web = user.client.app.state.web  # type: ignore[attr-defined]
        assert web._limiter is not None and web._limiter.total_tokens == 1
