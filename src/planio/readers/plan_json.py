"""planio's own JSON (as ``planio parse`` writes it) back into a plan."""

from __future__ import annotations

from pydantic import ValidationError

from planio.errors import CorruptFileError
from planio.i18n import _
from planio.model import Plan
from planio.readers.limits import Limits


def read_json(data: bytes, name: str, limits: Limits) -> Plan:
    try:
        return Plan.model_validate_json(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "document"
        raise CorruptFileError(
            _("not a planio plan JSON (the field {field} is wrong or missing)").format(field=where),
            name,
        ) from None
