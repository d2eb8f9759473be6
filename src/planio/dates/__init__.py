"""One language of dates: the vocabulary, the plan period of a title and deadline cells.

:mod:`~planio.dates.vocabulary` holds every word and pattern (months, ordinals, years, the
academic-year words, dotted dates, times of day) and the calendar arithmetic;
:mod:`~planio.dates.periods` reads a title's period and :mod:`~planio.dates.deadlines` a
deadline cell, both from that one vocabulary, so a phrase means the same in a title and in a
cell ("на 2021-2022 год" is one academic year in both). Rules are those of ``docs/model.md``.
"""

from __future__ import annotations

from planio.dates.deadlines import DeadlineContext, parse_deadline
from planio.dates.periods import detect_period

__all__ = ["DeadlineContext", "detect_period", "parse_deadline"]
