"""What a secretary may set when the plan is signed: one validated object, not many kwargs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, model_validator


class Certificate(BaseModel):
    """The electronic-signature certificate shown in the GOST mark."""

    model_config = ConfigDict(extra="forbid")

    number: str
    owner: str
    valid_from: date
    valid_to: date

    @model_validator(mode="after")
    def _ordered(self) -> Certificate:
        if self.valid_to < self.valid_from:
            raise ValueError("valid_to is before valid_from")
        return self


class SignOptions(BaseModel):
    """Overrides for the approval block and the marks of signing.

    ``approver_name``/``approver_position``/``approval_date`` replace what the plan says;
    ``signature_image`` is a PNG/JPEG placed on the signature line; ``certificate`` adds the
    electronic-signature mark.
    """

    model_config = ConfigDict(extra="forbid")

    approver_name: str | None = None
    approver_position: str | None = None
    approval_date: date | None = None
    signature_image: Path | None = None
    certificate: Certificate | None = None
