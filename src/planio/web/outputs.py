"""The downloads: each one library call in a private scratch folder, returned as bytes.

The scratch folder is deleted before the response is sent, so nothing made for a download
stays on the server. File names come from the uploaded file's name, made safe by the library.
"""

from __future__ import annotations

import io
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from planio.errors import PlanioError
from planio.i18n import _
from planio.model import Plan
from planio.office import docx_to_pdf
from planio.writers.draft_docx import write_draft
from planio.writers.extracts import write_extracts
from planio.writers.filenames import safe_stem
from planio.writers.options import Certificate
from planio.writers.plan_docx import render_plan
from planio.writers.report import write_report
from planio.writers.workbook import write_workbook

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Options:
    """What the page's signing and report fields asked for."""

    approver_name: str | None = None
    approver_position: str | None = None
    approval_date: date | None = None
    certifier_name: str = ""
    certifier_position: str = ""
    as_of: date | None = None
    expand_recurring: bool = False
    certificate: Certificate | None = None
    #: the signature image's bytes and the name it had on the user's computer
    signature_image: bytes | None = None
    signature_name: str = ""


@dataclass(frozen=True)
class Download:
    data: bytes
    name: str
    media_type: str


def _signed(plan: Plan, options: Options, out: Path) -> Path:
    image: Path | None = None
    if options.signature_image is not None:
        image = out.parent / "signature-image"
        image.write_bytes(options.signature_image)
    try:
        return render_plan(
            plan,
            out,
            approver_name=options.approver_name,
            approver_position=options.approver_position,
            approval_date=options.approval_date,
            signature_image=image,
            certificate=options.certificate,
        )
    except PlanioError as exc:
        if image is not None and exc.path == str(image):  # the user's name, not the scratch one
            raise type(exc)(exc.message, options.signature_name or None) from None
        raise


def _zip(folder: Path) -> bytes:
    """Every file of ``folder`` in a ZIP; Cyrillic names are stored as UTF-8 (flagged)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, path.name)
    return buffer.getvalue()


def make(
    kind: str, plan: Plan, stem: str, options: Options, previous: Plan | None = None
) -> Download:
    """The download ``kind`` of ``plan`` (blocking: run it in the worker pool)."""
    stem = safe_stem(stem, "plan")
    scratch = Path(tempfile.mkdtemp(prefix="planio-out-"))
    try:
        return MAKERS[kind](plan, stem, options, previous, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


Maker = Callable[[Plan, str, Options, Plan | None, Path], Download]


def _docx(plan: Plan, stem: str, o: Options, prev: Plan | None, d: Path) -> Download:
    name = _("{name} - for signing").format(name=stem) + ".docx"
    return Download(_signed(plan, o, d / name).read_bytes(), name, DOCX)


def _pdf(plan: Plan, stem: str, o: Options, prev: Plan | None, d: Path) -> Download:
    name = _("{name} - for signing").format(name=stem)
    pdf = docx_to_pdf(_signed(plan, o, d / "plan.docx"), d)
    return Download(pdf.read_bytes(), name + ".pdf", "application/pdf")


def _extracts(plan: Plan, stem: str, o: Options, prev: Plan | None, d: Path) -> Download:
    folder = d / "extracts"
    write_extracts(
        plan, folder, certifier_name=o.certifier_name, certifier_position=o.certifier_position
    )
    name = _("{name} - extracts").format(name=stem) + ".zip"
    return Download(_zip(folder), name, "application/zip")


def _workbook(plan: Plan, stem: str, o: Options, prev: Plan | None, d: Path) -> Download:
    name = _("{name} - tracking").format(name=stem) + ".xlsx"
    path = write_workbook(plan, d / "tracking.xlsx", expand_recurring=o.expand_recurring)
    return Download(path.read_bytes(), name, XLSX)


def _json(plan: Plan, stem: str, o: Options, prev: Plan | None, d: Path) -> Download:
    return Download((plan.to_json() + "\n").encode(), f"{stem}.json", "application/json")


def _report(plan: Plan, stem: str, o: Options, prev: Plan | None, d: Path) -> Download:
    name = _("{name} - progress report").format(name=stem) + ".docx"
    path = write_report(plan, d / "report.docx", as_of=o.as_of)
    return Download(path.read_bytes(), name, DOCX)


def _draft(plan: Plan, stem: str, o: Options, prev: Plan | None, d: Path) -> Download:
    name = _("{name} - draft").format(name=stem) + ".docx"
    path = d / "draft.docx"
    if prev is None:
        _signed(plan, o, path)
    else:
        write_draft(prev, plan, path)
    return Download(path.read_bytes(), name, DOCX)


MAKERS: dict[str, Maker] = {
    "docx": _docx,
    "pdf": _pdf,
    "extracts": _extracts,
    "workbook": _workbook,
    "json": _json,
    "report": _report,
    "draft": _draft,
}
