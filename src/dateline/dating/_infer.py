"""Joint publication-date inference over one article or a group of related ones (private).

A news story names the weekdays of the past (or coming) week; it dates with
"Jan. 3" what lies further away, or what another story of the same dump names
by weekday. Inference ties the two together:

1. **Anchors.** A weekday mention is *anchored* to a calendar date when
   - a date is named right next to it ("Friday, Jan. 3") — *pinned*; or
   - a day-date elsewhere (same article or, in a group, another article) speaks
     of the same happening — *linked* (:mod:`._links`): their context stems
     overlap enough, both clauses have the same tense (the weekday's must be
     marked), at least two mention pairs of the group vouch for that date, and
     it beats any rival date clearly.
   - *offset* — the weekday's sentence says its happening came a precise interval
     after another that the group dates ("a day after the two governments agreed
     ...", :mod:`._offsets`).
   The weekday and the date must agree in the one year the group's pairs vote
   for (:func:`._years.candidate_years`). Weekdays that date a reporting verb
   ("said on Friday") are the story's own day, and named occasions ("Super
   Tuesday") no weekday of the week: neither links.
2. **The week.** A past (or unmarked) anchored weekday puts publication on
   that date or in the six days after; a future one in the six days before.
3. **The day.** The lead's weekday (news leads name the day of the news)
   picks the publication day inside that week; when the lead's own weekday is
   the anchored one, the publication day is its date.
4. **Propagation.** Once a story is dated, its other weekdays become dates
   that later rounds can link to.
5. **Abstain**, with the reason as evidence, when there is no anchor, no lead
   weekday, the anchors disagree, a past-tense explicit date falls after the
   result, or the tier's measured precision is under ``min_confidence``.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..models import PublicationDate
from ._evidence import Evidence, Mention, Relative
from ._links import Anchor, Links, Pooled, anchors_of, pool_of, weights_of
from ._offsets import offset_anchors
from ._spans import Span, span_matches, spans_of
from ._window import (
    CANDIDATES_SHOWN,
    REPUBLISH_DAYS,
    Bound,
    Frame,
    bounds_of,
    describe,
    lead_days,
    link_relatives,
    narrow,
    span_bound,
    weekday_name,
)
from ._years import candidate_years

_WEEK = timedelta(days=6)
_ROUNDS = 3

# The anchors fix the week; the day rests on the convention that a lead's weekday
# is the publication day. Its exact-day precision, measured on PolNeAR train with
# ``eval/dating.py --calibrate`` (2026-11-27), is the confidence of an answer:
# 0.65 for stories with an agency dateline (n=20), 0.44 for the rest (n=190),
# where republishers (NYT, Washington Post, HuffPost, USA Today) mostly carry the
# next day. Anchored answers are too few there to measure per tier (n=3), and
# PolNeAR has no dumps, so group answers take the same values.
TIERS: dict[str, float] = {
    "wire": 0.65,
    "other": 0.44,
}
MIN_CONFIDENCE = 0.5
"""Below this the date is not stored: abstaining beats a wrong exact day."""


def infer_group(
    evidence: list[Evidence], min_confidence: float = MIN_CONFIDENCE
) -> list[PublicationDate]:
    """A publication date (or a reasoned abstention) for each article's evidence."""
    weights = weights_of(evidence)
    years = candidate_years(evidence, pool_of(evidence, {}), weights)
    results = [_abstain("no anchor") for _ in evidence]
    resolved: dict[int, date] = {}
    for _ in range(_ROUNDS):
        pool = pool_of(evidence, resolved)
        links = Links(evidence, pool, years, weights)
        spans = spans_of(evidence, resolved)
        changed = False
        for i, ev in enumerate(evidence):
            if i in resolved:
                continue
            anchors = (
                anchors_of(i, ev, links)
                + _span_anchors(i, ev, spans, weights)
                + offset_anchors(i, ev, pool, years, weights)
            )
            result = _decide(ev, anchors, years, min_confidence)
            results[i] = result
            if result.value is not None:
                resolved[i] = result.value
                changed = True
        if not changed:
            break
    frame = Frame(min(resolved.values()), max(resolved.values())) if resolved else None
    pool = pool_of(evidence, resolved)
    placed = [_place(p, resolved, frame) for p in pool]
    spans = spans_of(evidence, resolved)
    for i, ev in enumerate(evidence):
        if results[i].value is None:
            linked = link_relatives(i, ev, pool, weights, placed)
            spanned = [span_bound(m) for m in span_matches(i, ev, spans, weights)]
            results[i] = _bounded(results[i], ev, frame, linked, spanned)
    return results


def _span_anchors(
    i: int, ev: Evidence, spans: list[Span], weights: dict[str, float]
) -> list[Anchor]:
    """Weekdays that fall on exactly one day of a happening another story dates
    relatively (see :mod:`._spans`)."""
    return [
        Anchor(m.mention, m.days[0], "span")
        for m in span_matches(i, ev, spans, weights)
        if len(m.days) == 1
    ]


def _place(p: Pooled, resolved: dict[int, date], frame: Frame | None) -> date | None:
    """The calendar date of a pooled mention: its own year, else read against its
    story's day (when dated) or the group's frame."""
    m = p.mention
    if m.year is not None:
        return date(m.year, m.month, m.day)
    own = resolved.get(p.article)
    reference = Frame(own, own) if own is not None else frame
    if reference is None:
        return None
    if m.tense > 0:
        return reference.future_day(m.month, m.day)
    return reference.past_day(m.month, m.day)


def _bounded(
    result: PublicationDate,
    ev: Evidence,
    frame: Frame | None,
    linked: list[tuple[Relative, date]],
    spanned: list[Bound],
) -> PublicationDate:
    """An abstention narrowed to the window its text allows (see :mod:`._window`)."""
    start = (result.earliest or date.min, result.latest or date.max)
    lo, hi, used, dropped = narrow(start, bounds_of(ev, frame, linked, spanned))
    if (lo, hi) == start and not dropped:
        return result
    evidence = f"{result.evidence}; window {describe(lo, hi)}"
    if used:
        evidence += f" by {', '.join(used)}"
    lead = ev.lead
    if lead is not None and lead.weekday is not None:
        trimmed = lead_days(lo, hi, lead.weekday)
        if trimmed is not None:
            lo, hi, days = trimmed
            shown = ", ".join(str(d) for d in days[:CANDIDATES_SHOWN])
            more = f" (+{len(days) - CANDIDATES_SHOWN})" if len(days) > CANDIDATES_SHOWN else ""
            evidence += f"; lead {weekday_name(lead.weekday)} (or the day after): {shown}{more}"
    if dropped:
        evidence += f"; ignored as conflicting: {', '.join(dropped)}"
    return _abstain(evidence, (lo, hi))


def _abstain(reason: str, window: tuple[date, date] | None = None) -> PublicationDate:
    lo, hi = window if window is not None else (date.min, date.max)
    return PublicationDate(
        None,
        inferred=True,
        confidence=0.0,
        evidence=reason,
        earliest=lo if lo != date.min else None,
        latest=hi if hi != date.max else None,
    )


def _window(anchors: list[Anchor], lead: Mention | None) -> tuple[date, date]:
    lo, hi = date.min, date.max
    for a in anchors:
        if lead is not None and a.mention == lead:
            lo, hi = max(lo, a.when), min(hi, a.when)
        elif a.mention.tense > 0:
            lo, hi = max(lo, a.when - _WEEK), min(hi, a.when)
        elif a.mention.tense < 0:
            lo, hi = max(lo, a.when), min(hi, a.when + _WEEK)
        else:  # no tense to go by: the week either side
            lo, hi = max(lo, a.when - _WEEK), min(hi, a.when + _WEEK)
    return lo, hi


def _decide(
    ev: Evidence, anchors: list[Anchor], years: tuple[int, ...], min_confidence: float
) -> PublicationDate:
    if not anchors:
        return _abstain(_no_anchor(ev, years))
    lead = ev.lead
    lo, hi = _window(anchors, lead)
    if lo > hi:
        return _abstain("conflict: anchored weekdays disagree")
    if lead is None or lead.weekday is None:
        return _abstain(f"no lead weekday: between {lo} and {hi}", (lo, hi))
    when = lo + timedelta(days=(lead.weekday - lo.isoweekday()) % 7)
    if when > hi:
        return _abstain(f"conflict: lead weekday outside {lo}..{hi}")
    if when + timedelta(days=7) <= hi:
        return _abstain(f"ambiguous: two {weekday_name(lead.weekday)}s in {lo}..{hi}",
                        (lo, hi))  # fmt: skip
    if ev.full_dates and max(ev.full_dates) > when:
        return _abstain(f"conflict: explicit date {max(ev.full_dates)} after {when}")
    own = any(lead is not None and a.mention == lead for a in anchors)
    tier = "lead-weekday-dated" if own else "lead-weekday-in-dated-week"
    kinds = {a.kind for a in anchors}
    via = next((f"{k} " for k in ("span", "offset", "group") if k in kinds), "")
    setting = "wire" if ev.wire else "other"
    confidence = TIERS[setting]
    label = f"{via}{tier} ({setting})"
    if confidence < min_confidence:
        # the day is a guess: republishers often carry the story a day or two later
        late = max(hi, when + timedelta(days=REPUBLISH_DAYS))
        return _abstain(f"weak: {label} ({when})", (lo, late))
    return PublicationDate(when, inferred=True, confidence=confidence, evidence=label)


def _no_anchor(ev: Evidence, years: tuple[int, ...]) -> str:
    if not years:
        return "no year: no weekday and date agree on a year the text names"
    reason = "no anchor: no weekday tied to a calendar date"
    if ev.lead is not None and ev.lead.weekday is not None:
        reason += f"; lead names {weekday_name(ev.lead.weekday)}"
    if ev.full_dates:
        reason += f"; on or after {max(ev.full_dates)}"
    return reason


def anchors_by_article(evidence: list[Evidence]) -> dict[int, list[Anchor]]:
    """First-round anchors per article (for inspection and tests)."""
    pool, weights = pool_of(evidence, {}), weights_of(evidence)
    links = Links(evidence, pool, candidate_years(evidence, pool, weights), weights)
    return {i: anchors_of(i, ev, links) for i, ev in enumerate(evidence)}
