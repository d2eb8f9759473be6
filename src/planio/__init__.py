"""planio: read, track and roll over Russian work plans (планы работы).

    >>> import planio
    >>> plan = planio.read("samples/plan-2021-2022.docx")
    >>> plan.sections[0].items[0].executors
    ['Координационный совет', 'Руководители ПОО']

This module is the whole public API; every other module is private to planio.
"""

from typing import TYPE_CHECKING, Any

from planio.i18n import set_language

if TYPE_CHECKING:
    from planio.batch import Batch, Converted, Skipped, convert_many
    from planio.dates import DeadlineContext, parse_deadline
    from planio.errors import (
        ColumnsError,
        CorruptFileError,
        EmptyFileError,
        FileMissingError,
        InputError,
        MissingToolError,
        NoPlanError,
        PlanioError,
        ScannedDocumentError,
        TemplateRenderError,
        TooLargeError,
        UnsupportedFormatError,
    )
    from planio.model import (
        Approval,
        Deadline,
        DeadlinePeriod,
        Item,
        Period,
        Plan,
        PlanWarning,
        Section,
        Source,
    )
    from planio.readers import read, read_workbook
    from planio.readers.limits import Limits
    from planio.rollover import next_year
    from planio.writers.extracts import write_extracts
    from planio.writers.options import Certificate, SignOptions
    from planio.writers.plan_docx import render_plan
    from planio.writers.workbook import write_workbook

#: public name → the module that defines it; imported on first use, so ``import planio`` (and
#: the ``planio`` command's start) does not pay for python-docx, openpyxl and pdfplumber
_LAZY: dict[str, str] = {
    "Batch": "planio.batch",
    "Converted": "planio.batch",
    "Skipped": "planio.batch",
    "convert_many": "planio.batch",
    "DeadlineContext": "planio.dates",
    "parse_deadline": "planio.dates",
    **{
        name: "planio.errors"
        for name in (
            "ColumnsError",
            "CorruptFileError",
            "EmptyFileError",
            "FileMissingError",
            "InputError",
            "MissingToolError",
            "NoPlanError",
            "PlanioError",
            "ScannedDocumentError",
            "TemplateRenderError",
            "TooLargeError",
            "UnsupportedFormatError",
        )
    },
    **{
        name: "planio.model"
        for name in (
            "Approval",
            "Deadline",
            "DeadlinePeriod",
            "Item",
            "Period",
            "Plan",
            "PlanWarning",
            "Section",
            "Source",
        )
    },
    "read": "planio.readers",
    "read_workbook": "planio.readers",
    "Limits": "planio.readers.limits",
    "next_year": "planio.rollover",
    "write_extracts": "planio.writers.extracts",
    "Certificate": "planio.writers.options",
    "SignOptions": "planio.writers.options",
    "render_plan": "planio.writers.plan_docx",
    "write_workbook": "planio.writers.workbook",
}


def __getattr__(name: str) -> Any:
    """Import a public name's module when the name is first used."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'planio' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__version__ = "0.1.0"

__all__ = [
    "Approval",
    "Batch",
    "Certificate",
    "ColumnsError",
    "Converted",
    "CorruptFileError",
    "Deadline",
    "DeadlineContext",
    "DeadlinePeriod",
    "EmptyFileError",
    "FileMissingError",
    "InputError",
    "Item",
    "Limits",
    "MissingToolError",
    "NoPlanError",
    "Period",
    "Plan",
    "PlanWarning",
    "PlanioError",
    "ScannedDocumentError",
    "Section",
    "SignOptions",
    "Skipped",
    "Source",
    "TemplateRenderError",
    "TooLargeError",
    "UnsupportedFormatError",
    "__version__",
    "convert_many",
    "next_year",
    "parse_deadline",
    "read",
    "read_workbook",
    "render_plan",
    "set_language",
    "write_extracts",
    "write_workbook",
]
