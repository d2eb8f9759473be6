"""Occurrences of a recurring deadline: the windows a tracker checks one by one.

"1 раз в квартал" over an academic year is four controls: the span is cut into consecutive
windows of the recurrence's length from its start (Sep–Nov, Dec–Feb, Mar–May, Jun–Aug), each
due at its window's end. Months cover the span month by month, weeks week by week.
"""

from __future__ import annotations

from datetime import date, timedelta

from planio.dates.vocabulary import last_day_of_month
from planio.model import Deadline, DeadlinePeriod

#: months in one window of each recurrence (weekly is counted in days)
_MONTHS = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, last_day_of_month(year, month + 1)))


def occurrences(deadline: Deadline, limit: int = 10_000) -> list[DeadlinePeriod]:
    """The windows of a recurring deadline (at most ``limit``), or its own periods."""
    if deadline.kind != "recurring" or deadline.start is None or deadline.end is None:
        return list(deadline.periods)
    start, end = deadline.start, deadline.end
    windows: list[DeadlinePeriod] = []
    if deadline.recurrence == "weekly":
        while start <= end and len(windows) < limit:
            stop = min(start + timedelta(days=6), end)
            windows.append(DeadlinePeriod(start=start, end=stop))
            start = stop + timedelta(days=1)
        return windows
    months = _MONTHS.get(deadline.recurrence or "", 12)
    while start <= end and len(windows) < limit:
        stop = min(_add_months(start, months) - timedelta(days=1), end)
        windows.append(DeadlinePeriod(start=start, end=stop))
        start = stop + timedelta(days=1)
    return windows


def months_touched(periods: list[DeadlinePeriod]) -> set[tuple[int, int]]:
    """(year, month) of every month any of the periods overlaps."""
    touched: set[tuple[int, int]] = set()
    for period in periods:
        year, month = period.start.year, period.start.month
        while (year, month) <= (period.end.year, period.end.month):
            touched.add((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return touched
