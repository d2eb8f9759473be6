"""The plan model: the one structure every reader produces and every writer consumes.

Field names are a contract with importing programs (see ``docs/model.md``); add fields,
never rename them. Dates are ``datetime.date`` in Python and ISO strings in JSON.
"""

from __future__ import annotations

import datetime as dt
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

#: 2: warnings are objects (code, message, item, text); version 1 JSON still reads
SCHEMA_VERSION = 2

DeadlineKind = Literal["date", "due", "period", "recurring", "continuous", "as_needed", "unknown"]
Recurrence = Literal["weekly", "monthly", "quarterly", "half_yearly", "yearly"]
Status = Literal["not_started", "in_progress", "done", "cancelled"]

#: How each status is shown to a Russian reader (workbooks, reports).
STATUS_LABELS: dict[str, str] = {
    "not_started": "Не начато",
    "in_progress": "В работе",
    "done": "Выполнено",
    "cancelled": "Отменено",
}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Period(_Model):
    """The span a plan covers, e.g. an academic year 2021-09-01 … 2022-08-31."""

    label: str = ""
    start: date
    end: date

    def __init__(
        self, start: date | None = None, end: date | None = None, label: str = "", **data: Any
    ) -> None:
        # Allows the natural positional form ``Period(start, end, label)``.
        if start is not None:
            data["start"] = start
        if end is not None:
            data["end"] = end
        data["label"] = label
        super().__init__(**data)

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError("the period ends before it starts")
        return self

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


class Approval(_Model):
    """The approval block (гриф утверждения) at the top of a plan."""

    heading: str = "Утверждаю"
    position: str = ""
    name: str = ""
    date: dt.date | None = None


class DeadlinePeriod(_Model):
    """One interval a deadline names."""

    start: date
    end: date

    @model_validator(mode="after")
    def _ordered(self) -> DeadlinePeriod:
        if self.end < self.start:
            raise ValueError("the interval ends before it starts")
        return self


class Deadline(_Model):
    """A deadline cell as written and what it means in dates (``docs/model.md``, "Deadlines").

    ``start_time``/``end_time`` are the times of day the cell writes ("10.00-11.00"), and
    ``remainder`` what it says beyond its dates («малый зал»), so nothing in the cell is lost.
    """

    text: str = ""
    kind: DeadlineKind = "unknown"
    start: date | None = None
    end: date | None = None
    periods: list[DeadlinePeriod] = Field(default_factory=list)
    recurrence: Recurrence | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    remainder: str = ""


class Item(_Model):
    """One event (мероприятие) of the plan table."""

    number: str = ""
    title: str
    executors: list[str] = Field(default_factory=list)
    deadline: Deadline = Field(default_factory=Deadline)
    extra: dict[str, str] = Field(default_factory=dict)
    status: Status | None = None
    done_on: date | None = None
    note: str = ""


class Section(_Model):
    """A group of events under a section row ("Задача 1. …", "Раздел II …")."""

    number: str | None = None
    heading: str = ""
    title: str = ""
    items: list[Item] = Field(default_factory=list)


class Source(_Model):
    """Where a plan was read from."""

    path: str = ""
    format: str = ""
    sha256: str = ""


class PlanWarning(_Model):
    """Something a reader could not place, or a step wants a person to check.

    ``code`` is stable (see :mod:`planio.plan_warnings`), ``message`` is for people, ``item`` is
    the number of the event concerned (if any) and ``text`` the document's text concerned.
    """

    code: str
    message: str = ""
    item: str | None = None
    text: str = ""

    def __str__(self) -> str:
        return self.message


class Plan(_Model):
    """A work plan: approval, title, period, table columns and sectioned events."""

    schema_version: int = SCHEMA_VERSION
    title: str = ""
    period: Period | None = None
    approval: Approval | None = None
    columns: list[str] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    warnings: list[PlanWarning] = Field(default_factory=list)
    source: Source | None = None

    @model_validator(mode="before")
    @classmethod
    def _upgrade(cls, data: Any) -> Any:
        """Read JSON of an older schema: version 1 warnings were plain sentences."""
        version = data.get("schema_version") if isinstance(data, dict) else None
        if isinstance(data, dict) and isinstance(version, int) and version < 2:
            data = dict(data)
            data["warnings"] = [
                {"code": "note", "message": w, "text": w} if isinstance(w, str) else w
                for w in data.get("warnings", [])
            ]
            data["schema_version"] = SCHEMA_VERSION
        return data

    def items(self) -> list[Item]:
        """Every event in document order, across sections."""
        return [item for section in self.sections for item in section.items]

    def executors(self) -> list[str]:
        """The distinct executors in order of first mention."""
        seen: dict[str, None] = {}
        for item in self.items():
            for executor in item.executors:
                seen.setdefault(executor, None)
        return list(seen)

    def to_json(self, indent: int | None = 2) -> str:
        """The plan as the JSON documented in ``docs/model.md``."""
        return self.model_dump_json(indent=indent)

    @classmethod
    def from_json(cls, text: str | bytes) -> Plan:
        """Load a plan from the JSON that :meth:`to_json` writes."""
        return cls.model_validate_json(text)
