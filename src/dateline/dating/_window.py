"""The window of days an undated article's text allows (private).

When no weekday of an article is tied to the calendar, its text still bounds its
day. Each rule below yields a :class:`Bound` (an inclusive range with its reason);
the window is their intersection, strongest first, a bound that would empty it
being dropped (and named). The rules:

- **Explicit dates** (with a year): a past-tense one is on or before the story's
  day, a future-tense one on or after.
- **Years**: "came seven years after the 2012 attack" puts the story's own
  happening in 2019. (A bare year in a past or future clause is *not* used: on
  PolNeAR the clause tense of "the 2016 race" is too often wrong.)
- **Day-dates and months without a year** ("on Jan. 8", "in November"): read in the
  year that puts them next to the *frame*, the days the group's dated stories were
  published (a past one the latest not after a month past the frame, a future one
  the earliest not before a month ahead of it), and only when that reading lies
  near the frame (a dump's stories are about one stretch of time; a date far from
  it may belong to another year). A past
  one is on or before the story's day and, as a year would otherwise be written,
  less than a year before it; a future one the reverse.
- **Linked relative expressions**: "last week", "earlier this month", "last
  month", "two months ago", "days after X" date a happening relative to the story's
  day. When the clause's context matches a happening another mention dates (same
  test as weekday links: :data:`._links.LINK_MIN_SHARED` stems weighing
  :data:`._links.LINK_MIN_WEIGHT`, clearly better than any other date), the story's
  day follows: one to thirteen days after it for "last week" (the previous calendar
  week or the past seven days), the same month for "this month", and so on.
- **Weekdays of happenings another story dates relatively** (:mod:`._spans`) that
  fall on several days of that span: the week after the first to the week after
  the last.
- **The lead weekday** trims the ends to the days it allows: that weekday or the
  day after (republishers often carry a story the next day).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from ..extract._time_checks import safe_date
from ._evidence import DAY_NAMES, Evidence, Mention, Relative
from ._links import Pool, clear_best, link_weight, shared_weight
from ._spans import SpanMatch

SLACK = timedelta(days=31)
"""How far before or after the frame an undated story of the group is assumed to lie
when a yearless date is read: a past date is not later than this after the frame, a
future one not earlier than this before it."""
NEAR_FRAME = timedelta(days=92)
"""A yearless day-date is read in the frame's year only if that puts it at most this
far before the frame (past) or after it (future)."""
NEAR_FRAME_MONTH = timedelta(days=183)
"""The same for a bare month name, whose reading spans a month."""
YEAR = timedelta(days=364)
SHORTLY = 13
""""Days after X": at most this many days (a fortnight would be "weeks after")."""
CANDIDATES_SHOWN = 10

REPUBLISH_DAYS = 2
"""A story that calls a day future (or names it with no tense) was written before it,
but may be dated (by a republisher, or a later edition) up to this many days after
it: on PolNeAR train two such windows missed their listed date by one and two days."""


@dataclass(frozen=True)
class Bound:
    lo: date
    hi: date
    why: str


@dataclass(frozen=True)
class Frame:
    """The dated days of the group, and how to read yearless dates against them."""

    lo: date
    hi: date

    def past_day(self, month: int, day: int) -> date | None:
        """The last (month, day) by :data:`SLACK` after the frame, if near the frame."""
        for year in (self.hi.year + 1, self.hi.year, self.hi.year - 1):
            when = safe_date(year, month, day)
            if when is not None and when <= self.hi + SLACK:
                return when if when >= self.lo - NEAR_FRAME else None
        return None

    def future_day(self, month: int, day: int) -> date | None:
        """The first (month, day) from :data:`SLACK` before the frame, if near the frame."""
        for year in (self.lo.year - 1, self.lo.year, self.lo.year + 1):
            when = safe_date(year, month, day)
            if when is not None and when >= self.lo - SLACK:
                return when if when <= self.hi + NEAR_FRAME else None
        return None

    def past_month(self, month: int) -> date | None:
        """The first day of the last such month starting by :data:`SLACK` after the frame."""
        for year in (self.hi.year + 1, self.hi.year, self.hi.year - 1):
            first = date(year, month, 1)
            if first <= self.hi + SLACK:
                return first if first >= self.lo - NEAR_FRAME_MONTH else None
        return None

    def future_month(self, month: int) -> date | None:
        """The last day of the first such month ending from :data:`SLACK` before the frame."""
        for year in (self.lo.year - 1, self.lo.year, self.lo.year + 1):
            last = _month_end(year, month)
            if last >= self.lo - SLACK:
                return last if last <= self.hi + NEAR_FRAME_MONTH else None
        return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _months_later(first: date, n: int) -> date:
    index = first.year * 12 + first.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def _label(m: Mention) -> str:
    return f"{calendar.month_abbr[m.month]}. {m.day}" if m.day else calendar.month_name[m.month]


def bounds_of(
    ev: Evidence,
    frame: Frame | None,
    linked: list[tuple[Relative, date]],
    spanned: list[Bound],
) -> list[Bound]:
    """Every bound the article's text puts on its day, strongest first."""
    out: list[Bound] = []
    for d in ev.dates:
        if d.year is None or not _agrees(d):
            continue
        when = date(d.year, d.month, d.day)
        out.append(_one_side(when, d.tense, f"{when} ({_tense(d.tense)} date)"))
    out.extend(_relative_bound(r, when) for r, when in linked)
    out.extend(spanned)
    if frame is not None:
        out.extend(_yearless(ev, frame))
    out.extend(_years(ev))
    return out


def span_bound(match: SpanMatch) -> Bound:
    """A past weekday naming one of several days of a relatively dated happening: the
    story's day is in the week after the first to the week after the last."""
    days = match.days
    shown = " or ".join(str(d) for d in days[:3]) + (" …" if len(days) > 3 else "")
    name = weekday_name(match.mention.weekday or 1)
    why = f"{name} in {match.span.lo}..{match.span.hi} ({shown}, linked)"
    return Bound(days[0], days[-1] + timedelta(days=6), why)


def _tense(tense: int) -> str:
    return "past" if tense < 0 else "future"


def _one_side(when: date, tense: int, why: str) -> Bound:
    if tense < 0:
        return Bound(when, date.max, why)
    return Bound(date.min, when + timedelta(days=REPUBLISH_DAYS), why)


def _yearless(ev: Evidence, frame: Frame) -> list[Bound]:
    out: list[Bound] = []
    for d in ev.dates:
        if d.year is not None or not _agrees(d):
            continue
        if d.tense < 0 and (when := frame.past_day(d.month, d.day)) is not None:
            out.append(Bound(when, when + YEAR, f"{_label(d)} ({when}, past)"))
        elif d.tense > 0 and (when := frame.future_day(d.month, d.day)) is not None:
            late = when + timedelta(days=REPUBLISH_DAYS)
            out.append(Bound(when - YEAR, late, f"{_label(d)} ({when}, future)"))
    for m in ev.months:
        if not _agrees(m):
            continue
        if m.tense < 0 and (first := frame.past_month(m.month)) is not None:
            last = _months_later(first, 12) - timedelta(days=1)
            out.append(Bound(first, last, f"{_label(m)} ({first:%Y-%m}, past)"))
        elif m.tense > 0 and (end := frame.future_month(m.month)) is not None:
            first = _months_later(date(end.year, end.month, 1), -11)
            out.append(Bound(first, end, f"{_label(m)} ({end:%Y-%m}, future)"))
    return out


def _agrees(m: Mention) -> bool:
    """A past bound needs its own clause past too; a future one, its clause not past."""
    return (m.tense < 0 and m.local < 0) or (m.tense > 0 and m.local >= 0)


def _years(ev: Evidence) -> list[Bound]:
    out: list[Bound] = []
    if ev.era_years:
        year = min(ev.era_years)
        out.append(Bound(date(year, 1, 1), date(year + 1, 1, 7), f"happening in {year}"))
    return out


def _relative_bound(r: Relative, when: date) -> Bound:
    """The story's days given that the happening ``r`` dates fell on ``when``."""
    what = {"after": "days after", "ago": f"{-r.offset} {r.unit}s ago"}.get(
        r.kind, f"{r.kind} {r.unit}"
    )
    why = f"{what} {when} (linked)"
    if r.kind == "after":
        return Bound(when + timedelta(days=1), when + timedelta(days=SHORTLY) if r.bounded
                     else date.max, why)  # fmt: skip
    if r.kind == "ago":
        n = -r.offset
        mid, slack = {
            "day": (n, 1),
            "week": (7 * n, 3),
            "month": (30 * n, 16),
            "year": (365 * n, 183),
        }[r.unit]
        return Bound(when + timedelta(days=mid - slack), when + timedelta(days=mid + slack), why)
    monday = when - timedelta(days=when.isoweekday() - 1)
    first = date(when.year, when.month, 1)
    if r.unit == "week":
        if r.offset < 0:  # the previous calendar week, or the past seven days
            return Bound(when + timedelta(days=1), monday + timedelta(days=13), why)
        return Bound(when, monday + timedelta(days=6), why)
    if r.offset < 0:
        nxt = _months_later(first, 1)
        return Bound(nxt, _months_later(nxt, 1) - timedelta(days=1), why)
    return Bound(when, _months_later(first, 1) - timedelta(days=1), why)


def link_relatives(
    i: int,
    ev: Evidence,
    pool: Pool,
    weights: dict[str, float],
    placed: list[date | None],
) -> list[tuple[Relative, date]]:
    """The dated happening each relative expression's clause speaks of, if clear.

    ``placed`` holds the calendar date of each pooled mention (its year resolved), or
    None when it cannot be placed.
    """
    out: list[tuple[Relative, date]] = []
    for r in ev.relatives:
        if r.kind == "next":
            continue  # a plan's context matches past reports of the planners too easily
        scored: dict[date, float] = {}
        for k, p in enumerate(pool):
            d = p.mention
            when = placed[k]
            if when is None or d.tense > 0 or (p.article == i and d.sentence == r.mention.sentence):
                continue
            shared = shared_weight(r.mention.context, d.context, weights)
            if shared is None or shared < link_weight(p.derived):
                continue
            scored[when] = max(scored.get(when, 0.0), shared)
        chosen = clear_best(scored)
        if chosen is not None:
            out.append((r, chosen))
    return out


def narrow(
    start: tuple[date, date], bounds: list[Bound]
) -> tuple[date, date, list[str], list[str]]:
    """Intersect ``start`` with each bound in turn; a bound that would empty the window
    is dropped. Returns the window, the reasons used and the reasons dropped."""
    lo, hi = start
    used: list[str] = []
    dropped: list[str] = []
    for b in bounds:
        new_lo, new_hi = max(lo, b.lo), min(hi, b.hi)
        if new_lo > new_hi:
            dropped.append(b.why)
            continue
        if (new_lo, new_hi) != (lo, hi):
            used.append(b.why)
        lo, hi = new_lo, new_hi
    return lo, hi, used, dropped


def lead_days(lo: date, hi: date, weekday: int) -> tuple[date, date, list[date]] | None:
    """Trim a finite window to the lead weekday or the day after; the lead days in it."""
    if lo == date.min or hi == date.max:
        return None
    first = lo - timedelta(days=1) + timedelta(days=(weekday - lo.isoweekday() + 1) % 7)
    days = []
    day = first
    while day <= hi:
        days.append(day)
        day += timedelta(days=7)
    allowed = [x for d in days for x in (d, d + timedelta(days=1)) if lo <= x <= hi]
    if not allowed:
        return None
    return allowed[0], allowed[-1], [d for d in days if lo <= d <= hi]


def describe(lo: date, hi: date) -> str:
    left = "" if lo == date.min else str(lo)
    right = "" if hi == date.max else str(hi)
    return f"{left}..{right}"


def weekday_name(weekday: int) -> str:
    return DAY_NAMES[weekday - 1].title()
