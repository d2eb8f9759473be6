"""What a section row says about the dates of the rows under it (``docs/model.md``, rule 12).

Shared by the reader (which dates a plan's rows) and the next-year draft (which dates them
again), so both read «ЯНВАРЬ» over «2-3» the same way.
"""

from __future__ import annotations

import re

from planio.dates.deadlines import DeadlineContext, parse_deadline
from planio.dates.periods import detect_period
from planio.model import Period

#: a monthly table's heading: «ПЛАН РАБОТЫ … НА ОКТЯБРЬ 2021 г.», «6. План мероприятий …»
PLAN_HEADING = re.compile(
    r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?"
    r"(план|календарный план|перечень|график|комплексный план|циклограмма)(?![а-яё])",
    re.IGNORECASE,
)
_PREPOSITION_WORD = re.compile(r"(?:на|в)\s+(\S+)", re.IGNORECASE)


def section_context(heading: str, title: str, period: Period | None) -> DeadlineContext | None:
    """The context a section row sets, or None.

    A heading that is only a date or a period («ЯНВАРЬ», «23 марта», «I полугодие»), or a
    monthly table's heading naming its month («ПЛАН РАБОТЫ НА ОКТЯБРЬ 2021 г.»).
    """
    for text in (title, heading):
        if text and (context := DeadlineContext.from_heading(text, period)) is not None:
            return context
    if PLAN_HEADING.match(heading) and (named := heading_period(heading, period)):
        return DeadlineContext(named.start, named.end)
    return None


def heading_period(heading: str, period: Period | None) -> Period | None:
    """The period a monthly table's heading names; a month without a year takes the plan's."""
    named = detect_period(heading)
    if named is not None:
        return named
    found = _PREPOSITION_WORD.search(heading)
    if found is None or period is None:
        return None
    deadline = parse_deadline(found.group(1), period)
    if deadline.kind == "period" and deadline.start and deadline.end:
        return Period(deadline.start, deadline.end)
    return None
