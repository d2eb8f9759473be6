"""The pages and actions. Each handler checks who asks, then calls the library in the pool.

Every action is a POST carrying the session's form token; every plan is reached by its random
id and only by the session that uploaded it. A file planio cannot read is shown with the
reader's one line; the server never sees it as its own failure.
"""

from __future__ import annotations

import io
import logging
import re
from datetime import date
from typing import Any

from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.types import Message, Receive

import planio
from planio.dates.vocabulary import typed_date
from planio.errors import PlanioError
from planio.i18n import _
from planio.model import STATUS_LABELS, Plan
from planio.readers import READERS
from planio.readers.limits import Limits
from planio.rollover import next_year
from planio.web import outputs, view
from planio.web.app import Web, web_of
from planio.web.edits import apply_edits
from planio.web.security import CSRF_FIELD, CSRF_HEADER, content_disposition, csrf_ok, same_origin
from planio.web.store import Entry
from planio.writers.options import Certificate

log = logging.getLogger("planio.web")
#: the roles a column can be given (``planio.read(..., columns=...)``)
ROLES = ("number", "title", "executors", "deadline")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class _TooLarge(Exception):
    pass


class _NamedBytes(io.BytesIO):
    """Uploaded bytes under the name the user's file had (for messages only)."""

    def __init__(self, data: bytes, name: str) -> None:
        super().__init__(data)
        self.name = name


def display_name(filename: str | None) -> str:
    """The uploaded file's own name, for showing: no folders, no control characters."""
    name = re.split(r"[/\\]", filename or "")[-1]
    name = _CONTROL.sub("", name).strip()[:120]
    return name or _("file")


def _session(request: Request) -> str:
    session: str = request.scope["state"]["session"]
    return session


def _limited(receive: Receive, limit: int) -> Receive:
    seen = 0

    async def inner() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise _TooLarge
        return message

    return inner


def _mib(size: int) -> str:
    """Megabytes as a person reads them: «20», «100», «0.03»."""
    value = size / 2**20
    return f"{value:.0f}" if value >= 1 else f"{value:.2f}"


def _read(data: bytes, name: str, limits: Limits, columns: dict[str, int] | None) -> Plan:
    reader: Any = planio.read
    source = _NamedBytes(data, name)
    if columns is None:
        plan: Plan = reader(source, limits=limits)
    else:
        plan = reader(source, limits=limits, columns=columns)
    return plan


def _is_tracking(data: bytes, name: str) -> bool:
    """Is it a tracking workbook (by the library's own sniffing of the content)?"""
    for reader in READERS:
        if reader.sniff(data, name):
            return reader.format == "xlsx"
    return False


async def _read_upload(
    web: Web, data: bytes, name: str, columns: dict[str, int] | None = None
) -> tuple[Plan | None, str | None]:
    """The plan, or the reader's one line (a bug in planio gives a line too, and is logged)."""
    limits = Limits(max_file_bytes=web.settings.max_file_bytes)
    try:
        return await web.run(_read, data, name, limits, columns), None
    except PlanioError as exc:
        return None, str(exc)
    except Exception:
        log.exception("reading %s", name)
        return None, _("{name}: planio could not read it (an internal error)").format(name=name)


def _entry(request: Request) -> Entry:
    entry = web_of(request).store.get(_session(request), request.path_params["entry"])
    if entry is None:
        raise HTTPException(404)
    return entry


async def _form(request: Request) -> FormData:
    """The action's fields, once the request is shown to come from our own page."""
    web = web_of(request)
    if not same_origin(request.headers):
        raise HTTPException(403)
    kind = request.headers.get("content-type", "")
    if not kind.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        raise HTTPException(415)
    limited = Request(request.scope, _limited(request.receive, web.settings.max_request_bytes))
    try:
        # one file at most: the signature image sent with a download (or its empty field)
        form = await limited.form(max_files=1, max_fields=100_000)
    except _TooLarge:
        raise HTTPException(413) from None
    except HTTPException:
        raise HTTPException(400) from None
    if not csrf_ok(web.key, _session(request), _field(form, CSRF_FIELD)):
        raise HTTPException(403)
    return form


def _field(form: FormData, name: str) -> str | None:
    value = form.get(name)
    return value if isinstance(value, str) else None


def _texts(form: FormData) -> dict[str, str]:
    return {k: v for k, v in form.multi_items() if isinstance(v, str)}


async def index(request: Request) -> Response:
    web = web_of(request)
    entries = web.store.of(_session(request))
    return web.page(
        request,
        "index.html",
        entries=[view.summary(e) for e in entries],
        max_files=web.settings.max_files,
        max_mib=_mib(web.settings.max_file_bytes),
        max_bytes=web.settings.max_file_bytes,
        ttl_minutes=round(web.settings.ttl_seconds / 60),
    )


async def upload(request: Request) -> Response:
    web = web_of(request)
    settings = web.settings
    too_large = _("The files are too large: at most {count} files of {size} MB each.").format(
        count=settings.max_files, size=_mib(settings.max_file_bytes)
    )
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        return web.message(request, 415, _("Choose the files with the button or drop them here."))
    if not same_origin(request.headers):
        return web.message(request, 403, _("This form was sent from another site; refused."))
    header_token = request.headers.get(CSRF_HEADER)
    if header_token is not None and not csrf_ok(web.key, _session(request), header_token):
        return web.message(request, 403, _("The page is out of date; open it again."))
    web.store.sweep()
    if len(web.store) >= settings.max_entries:
        text = _("The server is holding too many files right now; try again in a few minutes.")
        return web.message(request, 503, text)
    try:
        if int(request.headers.get("content-length", "0")) > settings.max_request_bytes:
            return web.message(request, 413, too_large)
    except ValueError:
        return web.message(request, 400, _("The request could not be handled."))
    limited = Request(request.scope, _limited(request.receive, settings.max_request_bytes))
    try:
        form = await limited.form(max_files=settings.max_files, max_fields=20)
    except _TooLarge:
        return web.message(request, 413, too_large)
    except HTTPException as exc:
        if "files" in str(exc.detail):
            text = _("Too many files at once: at most {count}.").format(count=settings.max_files)
            return web.message(request, 413, text)
        return web.message(request, 400, _("The request could not be handled."))
    try:
        if not csrf_ok(web.key, _session(request), _field(form, CSRF_FIELD)):
            return web.message(request, 403, _("The page is out of date; open it again."))
        files = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
        if not files:
            return web.message(request, 400, _("No file was chosen."))
        added = [await _accept(web, _session(request), upload) for upload in files]
    finally:
        await form.close()
    if len(added) == 1 and added[0].plan is not None:
        return RedirectResponse(f"/p/{added[0].id}", status_code=303)
    return RedirectResponse("/", status_code=303)


async def _accept(web: Web, owner: str, upload: UploadFile) -> Entry:
    name = display_name(upload.filename)
    limit = web.settings.max_file_bytes
    data = await upload.read(limit + 1)
    if len(data) > limit:
        too_big = _("{name}: too large ({size} MB at most)").format(name=name, size=_mib(limit))
        return web.store.add(owner, name, error=too_big)
    plan, error = await _read_upload(web, data, name)
    tracking = plan is not None and _is_tracking(data, name)
    return web.store.add(owner, name, data, plan=plan, error=error, tracking=tracking)


async def show(request: Request) -> Response:
    web = web_of(request)
    entry = _entry(request)
    if entry.plan is None:
        return RedirectResponse("/", status_code=303)
    notice = {
        "saved": _("Corrections saved."),
        "remapped": _("The plan was read again with the columns you chose."),
    }.get(request.query_params.get("done", ""))
    return web.page(
        request,
        "plan.html",
        entry=entry,
        table=view.table(entry.plan, entry.previous),
        notice=notice,
        # a tracking workbook's columns are its own; a draft is not read from a document
        columns_supported=not entry.tracking and entry.previous is None,
        mapping=view.guess_mapping(entry.plan.columns),
        roles=ROLES,
        status_labels=STATUS_LABELS,
        max_image_mib=_mib(web.settings.max_image_bytes),
    )


async def _edited(request: Request) -> tuple[Entry, FormData]:
    """The entry with the page's corrections applied (and kept), and the form."""
    entry = _entry(request)
    form = await _form(request)
    if entry.plan is None:
        raise HTTPException(404)
    try:
        entry.plan, _changed = apply_edits(entry.plan, _texts(form))
    except ValueError:
        raise HTTPException(400) from None
    return entry, form


async def save(request: Request) -> Response:
    entry, _unused = await _edited(request)
    return RedirectResponse(f"/p/{entry.id}?done=saved", status_code=303)


class _BadDate(ValueError):
    pass


class _BadSigning(ValueError):
    """A signing field the page cannot pass on; the argument is the message to show."""


def _date(value: str | None) -> date | None:
    """A date typed as DD.MM.YYYY (or sent as YYYY-MM-DD); empty is none."""
    value = (value or "").strip()
    if not value:
        return None
    day = typed_date(value)
    if day is None:
        raise _BadDate(value[:40])
    return day


def _certificate(form: FormData) -> Certificate | None:
    """The e-signature mark's four fields: all of them, or none."""
    number = (_field(form, "cert_number") or "").strip()[:300]
    owner = (_field(form, "cert_owner") or "").strip()[:300]
    start_text = (_field(form, "cert_from") or "").strip()
    end_text = (_field(form, "cert_to") or "").strip()
    if not any((number, owner, start_text, end_text)):
        return None
    if not (number and owner and start_text and end_text):
        raise _BadSigning(
            _(
                "The e-signature mark needs all four fields: certificate number, owner, "
                "valid from and valid to."
            )
        )
    start, end = _date(start_text), _date(end_text)
    assert start is not None and end is not None
    if end < start:
        raise _BadSigning(
            _("The certificate is valid to {end}, before it is valid from {start}.").format(
                end=end.strftime("%d.%m.%Y"), start=start.strftime("%d.%m.%Y")
            )
        )
    return Certificate(number=number, owner=owner, valid_from=start, valid_to=end)


async def _image(form: FormData, limit: int) -> tuple[bytes | None, str]:
    """The signature image sent with the form (its bytes and shown name), or none."""
    upload = form.get("signature_image")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return None, ""
    name = display_name(upload.filename)
    data = await upload.read(limit + 1)
    if len(data) > limit:
        raise _BadSigning(
            _("{name}: the signature image is too large ({size} MB at most)").format(
                name=name, size=_mib(limit)
            )
        )
    if not data:
        return None, ""
    return data, name


def _options(form: FormData, image: bytes | None = None, image_name: str = "") -> outputs.Options:
    def text(name: str) -> str | None:
        value = (_field(form, name) or "").strip()[:300]
        return value or None

    return outputs.Options(
        certificate=_certificate(form),
        signature_image=image,
        signature_name=image_name,
        approver_name=text("approver_name"),
        approver_position=text("approver_position"),
        approval_date=_date(_field(form, "approval_date")),
        certifier_name=text("certifier_name") or "",
        certifier_position=text("certifier_position") or "",
        as_of=_date(_field(form, "as_of")),
        expand_recurring=_field(form, "expand_recurring") == "on",
    )


async def download(request: Request) -> Response:
    web = web_of(request)
    kind = request.path_params["kind"]
    if kind not in outputs.MAKERS:
        raise HTTPException(404)
    entry, form = await _edited(request)
    assert entry.plan is not None
    if kind == "report" and not entry.tracking:
        raise HTTPException(404)
    stem = entry.name.rsplit(".", 1)[0] if "." in entry.name else entry.name
    try:
        image, image_name = await _image(form, web.settings.max_image_bytes)
        options = _options(form, image, image_name)
    except _BadDate as exc:
        text = _("Not a date: «{text}»; write it as DD.MM.YYYY.").format(text=exc)
        return web.message(request, 400, text)
    except _BadSigning as exc:
        return web.message(request, 400, str(exc))
    finally:
        await form.close()
    try:
        made = await web.run(outputs.make, kind, entry.plan, stem, options, entry.previous)
    except PlanioError as exc:
        return web.message(request, 422, str(exc))
    return Response(
        made.data,
        media_type=made.media_type,
        headers={"content-disposition": content_disposition(made.name)},
    )


async def draft(request: Request) -> Response:
    web = web_of(request)
    entry, _unused = await _edited(request)
    assert entry.plan is not None
    new = await web.run(next_year, entry.plan)
    stem = entry.name.rsplit(".", 1)[0] if "." in entry.name else entry.name
    name = _("{name} - draft").format(name=stem)
    added = web.store.add(_session(request), name, plan=new, previous=entry.plan)
    return RedirectResponse(f"/p/{added.id}", status_code=303)


def _mapping(form: FormData, count: int) -> dict[str, int] | None:
    mapping: dict[str, int] = {}
    for role in ROLES:
        value = (_field(form, f"col_{role}") or "").strip()
        if not value:
            continue
        if not value.isdigit() or not 1 <= int(value) <= count:
            return None
        mapping[role] = int(value)
    if "title" not in mapping or len(set(mapping.values())) != len(mapping):
        return None
    return mapping


async def columns(request: Request) -> Response:
    web = web_of(request)
    entry = _entry(request)
    form = await _form(request)
    if entry.plan is None or not entry.upload.is_file():
        raise HTTPException(404)
    mapping = _mapping(form, view.column_count(entry.plan))
    if mapping is None:
        text = _("Choose a different column for each role; the event column is needed.")
        return web.message(request, 400, text)
    plan, error = await _read_upload(web, entry.upload.read_bytes(), entry.name, mapping)
    if plan is None:
        return web.message(request, 422, error or "")
    entry.plan = plan
    return RedirectResponse(f"/p/{entry.id}?done=remapped", status_code=303)


async def delete(request: Request) -> Response:
    entry = _entry(request)
    await _form(request)
    web_of(request).store.remove(entry.id)
    return RedirectResponse("/", status_code=303)
