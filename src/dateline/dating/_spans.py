"""Happenings a dated story dates relative to its own day, as link targets (private).

"It followed a sharp increase in hostilities last week when pro-Iranian militiamen
attacked the U.S. embassy in Iraq following a U.S. air raid on the Kataib
Hezbollah militia", in a story of Friday Jan. 3, puts that happening in a *span*:
Monday Dec. 23 (the previous calendar week) to Jan. 2 (the past seven days). A
past weekday of another story about the same happening ("U.S. air strikes on
Sunday on bases operated by the Iranian-backed militia Kataib Hezbollah") names a
day in that span. When the weekday falls on exactly one day of it (Sunday
Dec. 29), the mention is anchored there, as a day-date link would anchor it; when
it falls on several, the story's day is only bounded (:func:`._window.span_bound`).
A plan is a span too: "agreed on Tuesday to hold talks next week" puts the talks in
the next calendar week, where a later story's "opened talks on Monday" falls once.
(Only a weekday in a span links to a plan: an undated story's own "next week" is not
linked to dated reports, whose wording matches the planners' past acts too easily.)

The context test is the weekday links' (:data:`._links.LINK_MIN_SHARED` stems
weighing :data:`._links.LINK_MIN_WEIGHT`), with :data:`._links.DERIVED_LINK_FACTOR`
times the weight since a span's day is derived from a dated story and no year
check backs the match, and the best span must beat any span allowing other days
by :data:`._links.CLEAR_MARGIN`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ._evidence import Evidence, Mention, Relative
from ._links import clear_best, link_weight, shared_weight

_AGO_SLACK = {"day": (1, 1), "week": (7, 3), "month": (30, 16)}
"""Per unit of "N units ago": days per unit, and the slack either side."""


@dataclass(frozen=True)
class Span:
    """The days a relative expression of a dated story allows for its happening."""

    article: int
    relative: Relative
    lo: date
    hi: date


@dataclass(frozen=True)
class SpanMatch:
    """A weekday mention matched to a span: the days of that weekday inside it."""

    mention: Mention
    span: Span
    days: tuple[date, ...]


def happening_span(article: int, r: Relative, published: date) -> Span | None:
    """The days the happening ``r`` dates lies in, for a story of ``published``."""
    if r.kind == "after" or (r.mention.tense > 0 and r.kind != "next"):
        return None  # "days after X" dates the story, not X
    first = date(published.year, published.month, 1)
    if r.kind == "next":
        return _next_span(article, r, published)
    if r.kind == "ago":
        per, slack = _AGO_SLACK.get(r.unit, (0, 0))
        if not per:
            return None
        mid = published - timedelta(days=per * -r.offset)
        lo, hi = mid - timedelta(days=slack), mid + timedelta(days=slack)
    elif r.unit == "week":
        monday = published - timedelta(days=published.isoweekday() - 1)
        if r.offset < 0:  # the previous calendar week, or the past seven days
            lo, hi = monday - timedelta(days=7), published - timedelta(days=1)
        else:
            lo, hi = monday, published
    elif r.unit == "month":
        if r.offset < 0:  # the previous calendar month, or the past month
            lo = date(first.year - (first.month == 1), (first.month - 2) % 12 + 1, 1)
            hi = published - timedelta(days=1)
        else:
            lo, hi = first, published
    else:
        return None
    return Span(article, r, lo, hi)


def _next_span(article: int, r: Relative, published: date) -> Span | None:
    """A happening planned for "next week" (the next calendar week) or "next month"."""
    if r.unit == "week":
        monday = published - timedelta(days=published.isoweekday() - 1)
        return Span(article, r, monday + timedelta(days=7), monday + timedelta(days=13))
    if r.unit == "month":
        lo = date(published.year + (published.month == 12), published.month % 12 + 1, 1)
        hi = date(lo.year + (lo.month == 12), lo.month % 12 + 1, 1) - timedelta(days=1)
        return Span(article, r, lo, hi)
    return None


def spans_of(evidence: list[Evidence], resolved: dict[int, date]) -> list[Span]:
    """Every relatively dated happening of the dated stories."""
    spans = []
    for i, when in resolved.items():
        for r in evidence[i].relatives:
            span = happening_span(i, r, when)
            if span is not None:
                spans.append(span)
    return spans


def _days_of(weekday: int, span: Span) -> tuple[date, ...]:
    first = span.lo + timedelta(days=(weekday - span.lo.isoweekday()) % 7)
    out = []
    while first <= span.hi:
        out.append(first)
        first += timedelta(days=7)
    return tuple(out)


def span_matches(
    i: int, ev: Evidence, spans: list[Span], weights: dict[str, float]
) -> list[SpanMatch]:
    """The span each past weekday mention of article ``i`` clearly speaks of."""
    need = link_weight(derived=True)
    out = []
    for w in ev.weekdays:
        if w.speech or w.tense >= 0 or w.weekday is None:
            continue
        scored: dict[tuple[date, ...], float] = {}
        best: dict[tuple[date, ...], Span] = {}
        for span in spans:
            if span.article == i:
                continue
            shared = shared_weight(w.context, span.relative.mention.context, weights)
            if shared is None or shared < need:
                continue
            days = _days_of(w.weekday, span)
            if days and shared > scored.get(days, 0.0):
                scored[days], best[days] = shared, span
        chosen = clear_best(scored)
        if chosen is not None:
            out.append(SpanMatch(w, best[chosen], chosen))
    return out
