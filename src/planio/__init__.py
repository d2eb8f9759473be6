"""planio: read, track and roll over Russian work plans (планы работы).

>>> import planio
>>> plan = planio.read("samples/plan-2021-2022.docx")
>>> plan.sections[0].items[0].executors
['Координационный совет', 'Руководители ПОО']
"""

from planio.deadlines import parse_deadline
from planio.errors import (
    CorruptFileError,
    EmptyFileError,
    FileMissingError,
    InputError,
    NoPlanError,
    PlanioError,
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
    Section,
    Source,
)
from planio.periods import detect_period
from planio.readers import read
from planio.readers.limits import Limits

__version__ = "0.1.0"

__all__ = [
    "Approval",
    "CorruptFileError",
    "Deadline",
    "DeadlinePeriod",
    "EmptyFileError",
    "FileMissingError",
    "InputError",
    "Item",
    "Limits",
    "NoPlanError",
    "Period",
    "Plan",
    "PlanioError",
    "Section",
    "Source",
    "TooLargeError",
    "UnsupportedFormatError",
    "__version__",
    "detect_period",
    "parse_deadline",
    "read",
]
