"""TIMEX3-style date values as closed day intervals."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["DateSpan", "span_of", "within"]

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_WEEKEND = re.compile(r"^(\d{4})-W(\d{2})-WE$")
_YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True)
class DateSpan:
    """A date value with its precision and the first and last day it covers."""

    value: str
    precision: str  # day | weekend | week | month | year
    lo: date
    hi: date


def span_of(value: str | None, precision: str | None = None) -> DateSpan | None:
    """Parse ``2020-01-03`` / ``2020-W02-WE`` (its Saturday and Sunday) / ``2020-W02`` /
    ``2020-01`` / ``2020`` (None if unresolved)."""
    if not value:
        return None
    try:
        if m := _DAY.match(value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return DateSpan(d.isoformat(), "day", d, d)
        if m := _WEEKEND.match(value):
            lo = date.fromisocalendar(int(m[1]), int(m[2]), 6)
            return DateSpan(value, "weekend", lo, lo + timedelta(1))
        if m := _WEEK.match(value):
            lo = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return DateSpan(value, "week", lo, lo + timedelta(6))
        if m := _MONTH.match(value):
            y, mo = int(m[1]), int(m[2])
            last = calendar.monthrange(y, mo)[1]
            return DateSpan(value, "month", date(y, mo, 1), date(y, mo, last))
        if m := _YEAR.match(value):
            y = int(m[1])
            return DateSpan(value, "year", date(y, 1, 1), date(y, 12, 31))
    except ValueError:
        return None
    return None


def within(span: DateSpan | None, since: date | None, until: date | None) -> bool:
    """True when all of ``span`` lies in [since, until] (an undated span only in an open one)."""
    if span is None:
        return since is None and until is None
    if since is not None and span.lo < since:
        return False
    return not (until is not None and span.hi > until)
