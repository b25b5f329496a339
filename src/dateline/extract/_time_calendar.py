"""Calendar arithmetic and TIMEX3 value formatting for the temporal tagger (private)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAY_VALUE = re.compile(r"^XXXX-WXX-([1-7])(T[\w:.]+)?$")
"""The TIMEX3 value of an unresolved weekday ("XXXX-WXX-5", "XXXX-WXX-3TMO"): group 1
the ISO weekday, group 2 a time-of-day suffix."""

# Granularities from fine to coarse.
GRAN_ORDER = ("time", "day", "week", "month", "season", "quarter", "half", "year",
              "decade", "century")  # fmt: skip
UNIT_GRAN = {"day": "day", "week": "week", "weekend": "week", "month": "month",
             "quarter": "quarter", "year": "year", "decade": "decade",
             "century": "century"}  # fmt: skip
UNKNOWN_VALUE = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX",
                 "season": "XXXX-XX", "quarter": "XXXX-QX", "half": "XXXX-HX", "year": "XXXX",
                 "decade": "XXX", "century": "XX", "time": "XXXX-XX-XX"}  # fmt: skip
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True)
class Point:
    """A calendar period: the day it starts on (or contains) and its granularity.

    ``tag`` carries the season code (SP/SU/FA/WI) or the weekend marker (WE).
    """

    day: date
    gran: str
    tag: str = ""

    def value(self) -> str:
        return format_point(self)


def finer(a: str, b: str) -> bool:
    """True when granularity ``a`` is finer than ``b``."""
    return GRAN_ORDER.index(a) < GRAN_ORDER.index(b)


def format_point(p: Point) -> str:
    d = p.day
    if p.gran == "day":
        return d.isoformat()
    if p.gran == "week":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}" + ("-WE" if p.tag == "WE" else "")
    if p.gran == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if p.gran == "season":
        return f"{d.year:04d}-{p.tag}"
    if p.gran == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if p.gran == "half":
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if p.gran == "year":
        return f"{d.year:04d}"
    if p.gran == "decade":
        return f"{d.year // 10:03d}"
    return f"{d.year // 100:02d}"


def add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def shift(p: Point, n: int, unit: str) -> Point:
    """Move ``p`` by ``n`` units (day, week, month, quarter, year, decade, century)."""
    d = p.day
    if unit == "day":
        d = d + timedelta(days=n)
    elif unit in ("week", "weekend"):
        d = d + timedelta(weeks=n)
    elif unit == "month":
        d = add_months(d, n)
    elif unit == "quarter":
        d = add_months(d, 3 * n)
    elif unit == "year":
        d = add_months(d, 12 * n)
    elif unit == "decade":
        d = add_months(d, 120 * n)
    elif unit == "century":
        d = add_months(d, 1200 * n)
    return Point(d, p.gran, p.tag)


def coarsen(p: Point, gran: str) -> Point:
    """``p`` at granularity ``gran`` when that is coarser (never finer than it is)."""
    return (
        Point(p.day, gran, p.tag if gran in ("week", "season") else "")
        if finer(p.gran, gran)
        else p
    )


def season_point(year: int, code: str) -> Point:
    return Point(date(year, _SEASON_START[code], 1), "season", code)


def _signed_gap(a: date, b: date) -> int:
    return (a - b).days


# A tense-directed candidate loses to the nearest one when it is this many times farther.
OVERRIDE_FACTOR = 2.5


def pick(cands: list[date], anchor: date, direction: int, factor: float | None = None) -> date:
    """The candidate nearest ``anchor`` on the side given by ``direction``.

    ``direction`` -1 takes the latest on or before the anchor, +1 the earliest on or after
    it, 0 the nearest either way; falls back to the nearest when the side is empty. With
    ``factor``, the nearest candidate wins anyway when the directed one is more than
    ``factor`` times farther away (a weak tense cue should not push "Nov. 21" in a
    November 2 story back a whole year).
    """
    nearest = min(cands, key=lambda c: (abs(_signed_gap(c, anchor)), c))
    side: list[date] = []
    if direction < 0:
        side = [c for c in cands if c <= anchor]
        chosen = max(side) if side else nearest
    elif direction > 0:
        side = [c for c in cands if c >= anchor]
        chosen = min(side) if side else nearest
    else:
        return nearest
    if factor is not None and abs(_signed_gap(chosen, anchor)) > factor * abs(
        _signed_gap(nearest, anchor)
    ):
        return nearest
    return chosen


def month_day_date(
    anchor: date, month: int, day: int, direction: int, firm: bool = False
) -> date | None:
    """The date with this month and day nearest the anchor in ``direction``.

    ``firm`` directions (from "last"/"next") are never overridden by nearness.
    """
    cands = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        if day <= calendar.monthrange(y, month)[1]:
            cands.append(date(y, month, day))
    return pick(cands, anchor, direction, None if firm else OVERRIDE_FACTOR) if cands else None


def month_date(anchor: date, month: int, direction: int, firm: bool = False) -> date:
    """The first day of the month named ``month`` nearest the anchor in ``direction``.

    A month counts as "on or before" the anchor while the anchor is inside it.
    """
    this_month = date(anchor.year, anchor.month, 1)
    cands = [date(y, month, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    return pick(cands, this_month, direction, None if firm else OVERRIDE_FACTOR)


def quarter_date(anchor: date, q: int, direction: int, firm: bool = False) -> date:
    """The first day of quarter ``q`` nearest the anchor in ``direction`` (the quarter
    holding the anchor counts as on or before it)."""
    current = quarter_start(anchor.year, (anchor.month - 1) // 3 + 1)
    cands = [quarter_start(y, q) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    return pick(cands, current, direction, None if firm else OVERRIDE_FACTOR)


def weekday_date(anchor: date, weekday: int, direction: int, strict: bool = False) -> date:
    """The day with ISO ``weekday`` nearest the anchor in ``direction``.

    ``strict`` excludes the anchor day itself (used for "last Friday", "next Friday").
    """
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if strict:
        back, ahead = back or 7, ahead or 7
    if direction < 0:
        return anchor - timedelta(days=back)
    if direction > 0:
        return anchor + timedelta(days=ahead)
    return anchor + timedelta(days=ahead) if ahead < back else anchor - timedelta(days=back)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ISO ``weekday`` of a month (n=-1 for the last one)."""
    days = [
        date(year, month, d)
        for d in range(1, calendar.monthrange(year, month)[1] + 1)
        if date(year, month, d).isoweekday() == weekday
    ]
    return days[n] if n < 0 else days[n - 1]


def quarter_start(year: int, q: int) -> date:
    return date(year, 3 * (q - 1) + 1, 1)


def last_complete_quarter(anchor: date) -> Point:
    """The most recent quarter that ended before the anchor's quarter."""
    q = (anchor.month - 1) // 3 + 1
    return shift(Point(quarter_start(anchor.year, q), "quarter"), -1, "quarter")
