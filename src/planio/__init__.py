"""planio: read, track and roll over Russian work plans (планы работы).

    >>> import planio
    >>> plan = planio.read("samples/plan-2021-2022.docx")
    >>> plan.sections[0].items[0].executors
    ['Координационный совет', 'Руководители ПОО']

This module is the whole public API; every other module is private to planio.
"""

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
from planio.i18n import set_language
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
