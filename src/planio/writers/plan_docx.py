"""The signed plan: the model laid out in ``templates/plan.docx`` (GOST R 7.0.97-2025)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docx.image.image import Image
from docx.shared import Mm
from docxtpl import InlineImage
from pydantic import ValidationError

from planio.errors import CorruptFileError, FileMissingError, PlanioError
from planio.i18n import _
from planio.model import Approval, Item, Plan
from planio.writers.docx_finish import DocumentInfo
from planio.writers.options import SignOptions
from planio.writers.templating import clean, dotted, render, template_path

_SIGNATURE_LINE = "____________"
_APPROVES = re.compile(r"^\s*утверждаю\b[\s:]*$", re.IGNORECASE)
_FIRST_WORD = re.compile(r"^\s*(\S+)")


def stamp_heading(heading: str) -> str:
    """The stamp's first word in capitals, as GOST writes it («УТВЕРЖДАЮ», «УТВЕРЖДЕН …»)."""
    if not heading or _APPROVES.match(heading):
        return "УТВЕРЖДАЮ"
    return _FIRST_WORD.sub(lambda m: m.group(1).upper(), clean(heading), count=1)


def item_context(item: Item, extra_columns: list[str]) -> dict[str, Any]:
    return {
        "number": clean(item.number),
        "title": clean(item.title),
        # one per line, with commas, so the PDF of the document still separates them
        "executors": clean(",\n".join(item.executors)),
        "deadline": clean(item.deadline.text),
        "extra": [clean(item.extra.get(column, "")) for column in extra_columns],
        "status": item.status or "",
        "note": clean(item.note),
    }


def extra_columns_of(plan: Plan) -> list[str]:
    """Every extra column the plan's items use, in order of first use."""
    seen: dict[str, None] = {}
    for item in plan.items():
        for column in item.extra:
            seen.setdefault(column, None)
    return list(seen)


def sections_context(plan: Plan, extra_columns: list[str]) -> list[dict[str, Any]]:
    return [
        {
            "number": section.number or "",
            "heading": clean(section.heading),
            "title": clean(section.title),
            "items": [item_context(item, extra_columns) for item in section.items],
        }
        for section in plan.sections
    ]


def _approval(plan: Plan, options: SignOptions) -> Approval | None:
    approval = plan.approval
    if approval is None and not (options.approver_name or options.approver_position):
        return None
    approval = (approval or Approval()).model_copy()
    if options.approver_name is not None:
        approval.name = options.approver_name
    if options.approver_position is not None:
        approval.position = options.approver_position
    if options.approval_date is not None:
        approval.date = options.approval_date
    return approval


def plan_context(plan: Plan, options: SignOptions) -> dict[str, Any]:
    """Everything the plan template sees (documented in the README)."""
    approval = _approval(plan, options)
    extra_columns = extra_columns_of(plan)
    certificate = options.certificate
    return {
        "plan": plan,
        "title": clean(plan.title),
        "period": clean(plan.period.label) if plan.period else "",
        "approval": None
        if approval is None
        else {
            "heading": stamp_heading(approval.heading),
            "position": clean(approval.position),
            "name": clean(approval.name),
            "date": dotted(approval.date),
            "signature": _SIGNATURE_LINE,
        },
        "esign": None
        if certificate is None
        else {
            "certificate": clean(certificate.number),
            "owner": clean(certificate.owner),
            "valid_from": certificate.valid_from.strftime("%d.%m.%Y"),
            "valid_to": certificate.valid_to.strftime("%d.%m.%Y"),
        },
        "extra_columns": [clean(c) for c in extra_columns],
        "ncols": 4 + len(extra_columns),
        "sections": sections_context(plan, extra_columns),
        "signature_image": "",
    }


def sign_options(options: dict[str, Any]) -> SignOptions:
    """The signing options, or one clear sentence about the first wrong one (no pydantic text)."""
    try:
        return SignOptions(**options)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "options"
        if first.get("type") == "value_error" and where == "certificate":
            message = _("the certificate is valid to a date before it is valid from")
        elif first.get("type") == "extra_forbidden":
            message = _("unknown signing option {name}").format(name=where)
        elif first.get("type") == "missing":
            message = _("the signing option {name} is missing").format(name=where)
        else:
            message = _("the signing option {name} has a wrong value").format(name=where)
        raise PlanioError(message) from None


def _check_image(path: Path) -> None:
    """A PNG, JPEG, GIF or BMP, as Word shows them; anything else is refused up front."""
    try:
        Image.from_file(str(path))
    except Exception:  # python-docx raises its own error for an unknown image format
        raise CorruptFileError(_("not an image (PNG, JPEG, GIF or BMP)"), path) from None


def render_plan(
    plan: Plan, out: str | Path, template: str | Path | None = None, **options: Any
) -> Path:
    """Write the plan as the document the head signs; return the path written.

    ``options`` are :class:`SignOptions` fields (approver_name, approver_position,
    approval_date, signature_image, certificate). ``template`` is an office's own docxtpl
    template; it renders sandboxed with the same context as the built-in one.
    """
    settings = sign_options(options)
    context = plan_context(plan, settings)
    images: dict[str, Any] = {}
    image = settings.signature_image
    if image is not None:
        if not image.is_file():
            raise FileMissingError(_("no such signature image"), image)
        _check_image(image)
        if context["approval"] is None:
            raise PlanioError(_("a signature image needs an approval block (give --approver-name)"))
        context["approval"]["signature"] = ""
        images["signature_image"] = lambda tpl: InlineImage(tpl, str(image), height=Mm(12))
    chosen = Path(template) if template is not None else template_path("plan.docx")
    return render(chosen, context, Path(out), images, document_info(plan, options=settings))


def document_info(plan: Plan, kind: str = "", options: SignOptions | None = None) -> DocumentInfo:
    """The properties of a document made from ``plan``: its title, the approver as author."""
    approval = _approval(plan, options or SignOptions())
    author = ""
    if approval is not None:
        author = approval.name or approval.position
    title = f"{kind} {plan.title}".strip() if kind else plan.title
    return DocumentInfo(
        title=title,
        author=author,
        subject=plan.period.label if plan.period else "",
        keywords=_("work plan"),
    )
