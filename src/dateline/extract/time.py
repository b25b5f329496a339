"""Rule-based temporal tagger: find and normalise time expressions (TIMEX3 style).

``tag_times`` finds dates, times, durations and sets in a text and normalises them
against an anchor, the article's publication date. Expressions are resolved in text
order; "chained" ones ("the day before", "three days later", "a week later", "that
day", "the following week") start from the last anchored DATE met so far in the text,
else from the anchor.

Values follow TIMEX3:

* dates ``2020-01-03``, weeks ``2020-W01``, weekends ``2020-W01-WE``, months
  ``2020-01``, seasons ``2020-SU``, quarters ``2020-Q1``, halves ``2020-H1``, years
  ``2020``, decades ``199`` ("the 1990s"), centuries ``19`` ("the 20th century");
* times ``2020-01-03T14:30``, parts of day ``2020-01-03TMO`` (MO, AF, EV, NI);
* vague references ``PAST_REF`` ("recently", "previously", "in the past", "formerly"),
  ``PRESENT_REF`` ("now", "currently"), ``FUTURE_REF`` ("in the future", "soon");
* durations ``P3D``, ``P2Y``, ``PT24H``, ``PXM`` ("several months"), ``P10Y`` (a decade);
* sets ``P1W`` ("every week", "weekly"), ``P1D`` ("daily"), ``XXXX-WXX-5`` ("every
  Friday").

Unanchored values (``anchor=None``). Parts that would need the anchor stay as X in
TIMEX3 notation and the expression is marked ``relative=True``; its ``rule`` names the
family, so publication-date inference can use it:

* "Jan. 3" -> ``XXXX-01-03``; "March" -> ``XXXX-03``; "summer" -> ``XXXX-SU``;
  "the third quarter" -> ``XXXX-Q3``;
* "Friday" -> ``XXXX-WXX-5`` (ISO weekday number, Monday=1); "Friday morning" ->
  ``XXXX-WXX-5TMO``;
* "today", "yesterday", "tomorrow", "two days ago" -> ``XXXX-XX-XX`` (rules ``dayword``,
  ``ago``; the offset is in the text); "tonight" -> ``XXXX-XX-XXTNI``;
* "this week"/"last week" -> ``XXXX-WXX``; "this month" -> ``XXXX-XX``; "this year",
  "a year ago" -> ``XXXX``;
* "2:30 p.m." -> ``XXXX-XX-XXT14:30``;
* chained expressions still resolve when an explicit date precedes them
  ("Jan. 3, 2020 ... the day before" -> ``2020-01-02``), else ``XXXX-XX-XX``.

Weekdays and month-days without a year take the occurrence nearest the anchor in the
tense of their clause: past -> on or before the anchor, future ("will", "'ll", "going
to", "plans to", "next") -> on or after it, no signal -> the nearest either way. With a
spaCy ``doc`` of the same text the governing verb decides the tense; otherwise (or when
the parse is silent) the nearest tense marker word in the sentence does. For month-days,
months and quarters, the tense only decides between comparably distant readings: when
the tense-directed one is more than 2.5 times farther from the anchor than the nearest
one, the nearest wins ("payable Nov. 21" in a Nov. 2 story is this November even after a
past-tense verb). "last"/"next" always impose their direction.

``event_date`` answers "what date does this clause refer to".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..models import EventDate, TimeExpression
from ._time_calendar import WEEKDAY_VALUE
from ._time_rules import KEYS, RULES, Ctx, Norm
from ._time_tense import lexical_tense

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "tag_times",
    "event_date",
    "first_day",
    "weekend_date",
    "resolve_years",
    "resolve_weekdays",
    "TimeExpression",
    "EventDate",
]


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    order: int
    match: re.Match[str]


_REACH = 90  # how far a match may extend before or after its key word


def _windows(lowered: str, key: re.Pattern[str]) -> list[tuple[int, int]]:
    """Merged spans of text within ``_REACH`` characters of a key occurrence."""
    spans: list[tuple[int, int]] = []
    size = len(lowered)
    for m in key.finditer(lowered):
        lo, hi = max(0, m.start() - _REACH), min(size, m.end() + _REACH)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    return spans


def _candidates(text: str) -> list[_Candidate]:
    """All rule matches. Each rule runs only near its key words (a cheap first pass)."""
    lowered = text.lower()
    whole = [(0, len(text))]
    cache: dict[str, list[tuple[int, int]]] = {}
    found = []
    for order, rule in enumerate(RULES):
        if len(lowered) != len(text):  # case folding changed offsets: scan everything
            windows = whole
        elif rule.key not in cache:
            windows = cache[rule.key] = _windows(lowered, KEYS[rule.key])
        else:
            windows = cache[rule.key]
        for lo, hi in windows:
            for m in rule.pattern.finditer(text, lo, hi):
                if rule.check is None or rule.check(m, text):
                    found.append(_Candidate(m.start(), m.end(), order, m))
    return found


def _select(cands: list[_Candidate]) -> list[_Candidate]:
    """Longest match first; earlier rules win ties; no two selections overlap."""
    cands.sort(key=lambda c: (c.start - c.end, c.order, c.start))
    taken: list[_Candidate] = []
    for c in cands:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken


def _expression(c: _Candidate, norm: Norm) -> TimeExpression:
    m = c.match
    return TimeExpression(
        text=m.group(0),
        start=c.start,
        end=c.end,
        type=norm.type,
        value=norm.value,
        granularity=norm.gran,
        rule=RULES[c.order].name,
        relative=norm.relative,
    )


def tag_times(
    text: str, anchor: date | None = None, doc: Doc | None = None
) -> list[TimeExpression]:
    """Find the temporal expressions in ``text``, normalised against ``anchor``.

    ``doc`` is an optional spaCy parse of exactly ``text``, used for the tense of the
    clause around weekdays and month-days; it is ignored when its text differs.
    """
    if doc is not None and doc.text != text:
        doc = None
    ctx = Ctx(text=text, anchor=anchor, doc=doc)
    out = []
    for c in _select(_candidates(text)):
        norm = RULES[c.order].handler(c.match, ctx)
        if norm.point is not None and norm.type in ("DATE", "TIME"):
            ctx.ref = norm.point if norm.type == "DATE" else norm.point
            ctx.ref_end = c.end
        out.append(_expression(c, norm))
    return out


# --------------------------------------------------------------------------- event dates

_CALENDAR_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$")
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
_WEEKEND_VALUE = re.compile(r"^\d{4}-W\d{2}-WE$")


def _calendar_value(expr: TimeExpression) -> tuple[str, str] | None:
    """(value, precision) when the expression names a calendar date, year or month."""
    if expr.type not in ("DATE", "TIME"):
        return None
    m = _CALENDAR_VALUE.match(expr.value)
    if not m:
        return None
    if m.group(3):
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}", "day"
    if m.group(2):
        return f"{m.group(1)}-{m.group(2)}", "month"
    return m.group(1), "year"


def _best_in(expressions: list[TimeExpression], start: int, end: int) -> EventDate | None:
    best: EventDate | None = None
    for e in expressions:
        if e.start < start or e.end > end:
            continue
        cal = _calendar_value(e)
        if cal is None:
            continue
        if best is None or _PRECISION_RANK[cal[1]] < _PRECISION_RANK[best.precision]:
            best = EventDate(value=cal[0], precision=cal[1], stated=True, expression=e)
    return best


_WEEK_VALUE = re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$")


def planned_week(expressions: list[TimeExpression], published: date | None) -> EventDate | None:
    """For a planned or threatened act no calendar date states: a week the text
    plans it for ("agreed on Tuesday to hold talks *next week*"), when that week is
    not before the report's own week. The first such expression wins."""
    for e in expressions:
        m = _WEEK_VALUE.match(e.value) if e.type == "DATE" else None
        if m is None:
            continue
        try:
            monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            continue
        if published is None or monday + timedelta(days=6) >= published:
            precision = "weekend" if e.value.endswith("-WE") else "week"
            return EventDate(value=e.value, precision=precision, stated=True, expression=e)
    return None


def weekend_date(
    expressions: list[TimeExpression],
    start: int,
    end: int,
    sentence_span: tuple[int, int] | None = None,
) -> EventDate | None:
    """For an event clause no calendar date states: the weekend it names ("at the
    weekend threatened" in a Wednesday story -> ``2020-W01-WE``, precision
    ``weekend``), in the clause [start, end), else in ``sentence_span``. Events only:
    quotes and claims keep their day (a week says too little, so weeks stay out)."""
    spans = [(start, end)] + ([sentence_span] if sentence_span is not None else [])
    for lo, hi in spans:
        for e in expressions:
            if e.type == "DATE" and _WEEKEND_VALUE.match(e.value) and lo <= e.start < hi:
                return EventDate(value=e.value, precision="weekend", stated=True, expression=e)
    return None


def first_day(value: str | None) -> date | None:
    """The first day of an event date value: "2020-01-03" (or its month or year's
    first day), "2020-W01" its Monday, "2020-W01-WE" its Saturday; None if unresolved."""
    if not value:
        return None
    try:
        if m := re.match(r"^(\d{4})-W(\d{2})(-WE)?$", value):
            return date.fromisocalendar(int(m[1]), int(m[2]), 6 if m[3] else 1)
        if m := _CALENDAR_VALUE.match(value):
            return date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return None
    return None


def event_date(
    expressions: list[TimeExpression],
    start: int,
    end: int,
    published: date | None,
    sentence_span: tuple[int, int] | None = None,
) -> EventDate:
    """The date the clause [start, end) refers to.

    1. a DATE/TIME expression lying inside the clause whose value is a calendar date,
       month or year (X-values, weeks, quarters, ``*_REF`` do not count); the most
       precise one wins, the first of equals;
    2. else the same search inside ``sentence_span``;
    3. else the publication date, ``stated=False`` (precision ``day``; ``unknown`` with
       value None when there is no publication date either).
    """
    found = _best_in(expressions, start, end)
    if found is None and sentence_span is not None:
        found = _best_in(expressions, sentence_span[0], sentence_span[1])
    if found is not None:
        return found
    if published is None:
        return EventDate(value=None, precision="unknown", stated=False)
    return EventDate(value=published.isoformat(), precision="day", stated=False)


_MONTH_DAY = re.compile(r"^XXXX-(\d\d)(-\d\d)?$")
_NEAR_DAYS = 122


_FUTURE_SLACK_DAYS = 45
"""How far before the dump's reference a future-tense month-day may still fall (the
article itself may be that much older than the dump's median story)."""
_FUTURE_REACH_DAYS = 366
_LOOKS_BACK = re.compile(r"\b(?:last|past|previous|ago|earlier)\b", re.I)
_AHEAD_PREP = re.compile(r"\b(?:on|by|until|till)\s+(?:the\s+)?$", re.I)
_SCHEDULED = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:election|vote|ballot|poll|referendum|summit|meeting|talks|"
    r"conference|deadline|hearing|trial|inauguration|launch|visit|session|debate|runoff)\b",
    re.I,
)


def _scheduled(text: str, e: TimeExpression) -> bool:
    """A date a future clause may push ahead: one the clause is set *on* or *by*
    ("will vote on Nov. 3") or that names a scheduled occasion ("in a Nov. 3
    election"), not one naming a past happening ("charges over the Jan. 8 shooting")."""
    return bool(
        _AHEAD_PREP.search(text[max(0, e.start - 12) : e.start]) or _SCHEDULED.match(text, e.end)
    )


def resolve_years(
    expressions: list[TimeExpression], reference: date, text: str | None = None
) -> list[TimeExpression]:
    """Give unanchored month-days and months a year from a reference date.

    For an undated article in a dump whose other stories are dated, "Jan. 8"
    (``XXXX-01-08``) takes the year that puts it nearest ``reference`` — within
    four months, else it stays unresolved. With the article's ``text``, a month-day
    in a future-tense clause ("the mayor, who will stand again in a Nov. 3 vote")
    takes the first year that does not put it well before ``reference``, up to a
    year ahead. Weekdays and relative expressions stay as they are: they need the
    article's own day.
    """
    out: list[TimeExpression] = []
    for e in expressions:
        m = _MONTH_DAY.match(e.value)
        if m is None:
            out.append(e)
            continue
        month, day = int(m.group(1)), int(m.group(2)[1:]) if m.group(2) else 15
        future = (
            text is not None
            and not _LOOKS_BACK.search(e.text)
            and _scheduled(text, e)
            and lexical_tense(text, e.start, e.end) > 0
        )
        year = _year_for(month, day, reference, future)
        if year is None:
            out.append(e)
            continue
        out.append(replace(e, value=f"{year:04d}" + e.value[4:], rule=e.rule + "+dump-year"))
    return out


_SHIFTED = re.compile(r"\b(?:next|last|this|coming|past|previous|following)\b", re.I)


def _own_weekday(e: TimeExpression) -> re.Match[str] | None:
    """An unresolved weekday of the story's own week ("on Friday", "Wednesday morning"),
    not one shifted off it ("next Tuesday", "the previous Friday")."""
    m = WEEKDAY_VALUE.match(e.value) if e.type in ("DATE", "TIME") else None
    return m if m is not None and not _SHIFTED.search(e.text) else None


def weekday_of(
    expressions: list[TimeExpression],
    start: int,
    end: int,
    sentence_span: tuple[int, int] | None = None,
) -> int | None:
    """The ISO weekday an unresolved weekday expression ("on Friday" in an undated
    story) names for the clause [start, end), else for ``sentence_span``."""
    spans = [(start, end)] + ([sentence_span] if sentence_span is not None else [])
    for lo, hi in spans:
        for e in expressions:
            m = _own_weekday(e)
            if m is not None and lo <= e.start and e.end <= hi:
                return int(m.group(1))
    return None


def resolve_weekdays(
    expressions: list[TimeExpression], earliest: date, latest: date, text: str
) -> list[TimeExpression]:
    """Give weekdays of an undated article a day from its publication window.

    A past (or untensed) "on Wednesday" lies in the six days up to the article's
    day, so somewhere from ``earliest`` - 6 to ``latest``; a future one from
    ``earliest`` to ``latest`` + 6. When that weekday falls only once there, it is
    that day ("said on Wednesday" in a story of Jan. 8..14 is Jan. 8); otherwise it
    stays unresolved.
    """
    out: list[TimeExpression] = []
    for e in expressions:
        m = _own_weekday(e)
        if m is None:
            out.append(e)  # "next Tuesday" is the week after, not the window's
            continue
        if lexical_tense(text, e.start, e.end) > 0:
            lo, hi = earliest, latest + timedelta(days=6)
        else:
            lo, hi = earliest - timedelta(days=6), latest
        first = lo + timedelta(days=(int(m.group(1)) - lo.isoweekday()) % 7)
        if first > hi or first + timedelta(days=7) <= hi:
            out.append(e)  # none, or more than one, in the window
            continue
        value = first.isoformat() + (m.group(2) or "")
        out.append(replace(e, value=value, rule=e.rule + "+window"))
    return out


def _year_for(month: int, day: int, reference: date, future: bool) -> int | None:
    best: tuple[int, int] | None = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            offset = (date(year, month, day) - reference).days
        except ValueError:
            continue
        if future:
            if -_FUTURE_SLACK_DAYS <= offset <= _FUTURE_REACH_DAYS:
                return year  # the first year not well before the reference
            continue
        if abs(offset) <= _NEAR_DAYS and (best is None or abs(offset) < best[0]):
            best = (abs(offset), year)
    return best[1] if best else None
