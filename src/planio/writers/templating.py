"""Shared docxtpl plumbing: where templates live, a sandboxed Jinja, safe text.

Every template, built-in or the user's own, renders in a :class:`SandboxedEnvironment` with
autoescaping, so a template cannot reach Python internals and text from documents (``&``,
``<``, quotes) cannot break the XML. docxtpl turns ``\\n`` in text into a line break but also
``\\a``/``\\f``/``\\t`` into paragraph and page breaks; :func:`clean` keeps only ``\\n``.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import TemplateError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from planio.errors import CorruptFileError, FileMissingError, TemplateRenderError
from planio.i18n import _
from planio.writers.docx_finish import DocumentInfo, finish

_PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
_SOURCE_TEMPLATES = Path(__file__).resolve().parents[3] / "templates"
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")


#: the longest text a template may build by repetition ("x" * n)
MAX_REPEAT_CHARS = 100_000


class _BoundedSandbox(SandboxedEnvironment):
    """The sandbox, and no multiplying text or lists into gigabytes."""

    intercepted_binops = frozenset(["*", "**"])

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > 64:
            raise SecurityError("power too large")
        if operator == "*":
            for size, times in ((left, right), (right, left)):
                repeated = isinstance(size, (str, list, tuple)) and isinstance(times, int)
                if repeated and len(size) * times > MAX_REPEAT_CHARS:
                    raise SecurityError("repetition too large")
        return super().call_binop(context, operator, left, right)


def template_path(name: str) -> Path:
    """A built-in template: shipped inside the wheel, or in the source tree's templates/."""
    for folder in (_PACKAGE_TEMPLATES, _SOURCE_TEMPLATES):
        candidate = folder / name
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"planio's template {name} is missing from the installation")


def clean(text: str) -> str:
    """Text safe for docxtpl: tabs become spaces, other control characters go, ``\\n`` stays."""
    return _CONTROL.sub(lambda m: " " if m.group() == "\t" else "", text)


def dotted(day: date | None) -> str:
    """DD.MM.YYYY, or the unfilled GOST date line."""
    return day.strftime("%d.%m.%Y") if day else "«___» ____________ 20__ г."


def _attributes(value: Any) -> Any:
    """Dicts become attribute objects, so ``section.items`` is the list, not ``dict.items``."""
    if isinstance(value, dict):
        return SimpleNamespace(**{key: _attributes(item) for key, item in value.items()})
    if isinstance(value, list):
        return [_attributes(item) for item in value]
    return value


def render(
    template: str | Path,
    context: dict[str, Any],
    out: Path,
    images: dict[str, Any] | None = None,
    info: DocumentInfo | None = None,
) -> Path:
    """Render ``template`` with ``context`` into ``out`` in a sandboxed, autoescaping Jinja.

    ``images`` maps context keys to callables ``(DocxTemplate) -> value`` for values that need
    the template object (docxtpl's InlineImage). ``info`` gives the document's properties;
    the document is made fit for an office (:mod:`planio.writers.docx_finish`).
    """
    template = Path(template)
    if not template.is_file():
        raise FileMissingError(_("no such template"), template)
    try:
        document = DocxTemplate(str(template))
        document.init_docx()
    except Exception as exc:  # python-docx raises many types for a file that is not a DOCX
        raise CorruptFileError(
            _("not a Word template ({reason})").format(reason=type(exc).__name__), template
        ) from None
    full = {key: _attributes(value) for key, value in context.items()}
    for key, make in (images or {}).items():
        full[key] = make(document)
    environment = _BoundedSandbox(autoescape=True)
    try:
        document.render(full, jinja_env=environment, autoescape=True)
    except TemplateError as exc:
        raise TemplateRenderError(
            _("the template cannot be rendered ({reason})").format(reason=exc), template
        ) from None
    except Exception as exc:  # a template may divide by zero, add text to numbers, …
        raise TemplateRenderError(
            _("the template cannot be rendered ({reason})").format(
                reason=f"{type(exc).__name__}: {exc}"
            ),
            template,
        ) from None
    finish(document.docx, info or DocumentInfo())
    out.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(out))
    return out
