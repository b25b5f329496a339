"""Linking a weekday mention to the calendar date of the same happening (private).

Two mentions speak of the same happening when the context stems around them
overlap enough (:data:`LINK_MIN_SHARED` stems weighing :data:`LINK_MIN_WEIGHT`),
their tenses agree, and a candidate year puts the date on that weekday.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TypeVar

from ._evidence import Evidence, Mention

LINK_MIN_SHARED = 3
"""Context stems two mentions must share to count as the same happening ..."""
LINK_MIN_WEIGHT = 8.0
"""... and the summed weight of those stems, each weighing ``log(N / n)`` for a
stem found in n of the group's N sentences: words the whole story (or dump)
keeps repeating ("Sanders" in a Sanders story) say little about which
happening is meant."""
MIN_SUPPORT = 2
"""Weekday-to-date links need this many mention pairs of the group asserting the
same date: one pair alone is too often two stories sharing a name and a topic."""
CLEAR_MARGIN = 1.5
"""When two different dates pass for one weekday, the best must outweigh the next by this."""
DERIVED_LINK_FACTOR = 1.5
POOLED_STORIES = 2
"""When no single mention links a weekday, it may still link when mentions in this
many other stories, each sharing :data:`LINK_MIN_SHARED` stems, together weigh
:func:`link_weight` of a derived link ("his death on Friday in a U.S. air strike ... at Baghdad
airport" ~ "a U.S. air strike in Baghdad on Friday killed" in two dated stories)."""


@dataclass(frozen=True)
class Anchor:
    """A weekday mention of an article tied to a calendar date."""

    mention: Mention
    when: date
    kind: str  # "pinned" | "linked" | "group" | "span" | "offset"


@dataclass(frozen=True)
class Pooled:
    article: int
    mention: Mention
    derived: bool = False
    """A weekday of an already dated story: its weekday agrees with any other
    mention of that weekday, so the year check proves nothing and the link
    needs :data:`DERIVED_LINK_FACTOR` times the usual weight."""


class Pool(list[Pooled]):
    """Pooled dated mentions with an index from context stem to entries."""

    def __init__(self, items: list[Pooled]) -> None:
        super().__init__(items)
        self.by_stem: dict[str, list[int]] = defaultdict(list)
        for k, p in enumerate(self):
            for stem in p.mention.context:
                self.by_stem[stem].append(k)

    def near(self, w: Mention) -> list[Pooled]:
        """Entries sharing at least :data:`LINK_MIN_SHARED` context stems with ``w``."""
        hits = Counter(k for stem in w.context for k in self.by_stem.get(stem, ()))
        return [self[k] for k, n in hits.items() if n >= LINK_MIN_SHARED]


def weights_of(evidence: list[Evidence]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for ev in evidence:
        df.update(ev.sentence_stems)
    n = sum(ev.sentences for ev in evidence) + 1
    return {s: math.log(n / c) for s, c in df.items()}


def pool_of(evidence: list[Evidence], resolved: dict[int, date]) -> Pool:
    """Day-dates of every article, plus the weekdays of articles already dated."""
    pool = [Pooled(i, d) for i, ev in enumerate(evidence) for d in ev.dates]
    for i, when in resolved.items():
        for w in evidence[i].weekdays:
            if w.speech:
                continue
            day = weekday_date(w, when)
            dated = replace(w, month=day.month, day=day.day, year=day.year)
            pool.append(Pooled(i, dated, derived=True))
    return Pool(pool)


def weekday_date(w: Mention, published: date) -> date:
    """The date a weekday mention means in a story published on ``published``."""
    assert w.weekday is not None
    if w.tense > 0:
        return published + timedelta(days=(w.weekday - published.isoweekday()) % 7)
    return published - timedelta(days=(published.isoweekday() - w.weekday) % 7)


def fitting(m: Mention, weekday: int, span: tuple[int, ...]) -> list[int]:
    if m.year is not None:
        return [m.year] if falls_on(m.year, m, weekday) else []
    return [y for y in span if falls_on(y, m, weekday)]


def shared_weight(a: frozenset[str], b: frozenset[str], weights: dict[str, float]) -> float | None:
    """The weight of the context stems ``a`` and ``b`` share, when they share at least
    :data:`LINK_MIN_SHARED` (the context test of every link)."""
    common = a & b
    return sum(weights.get(s, 0.0) for s in common) if len(common) >= LINK_MIN_SHARED else None


def link_weight(derived: bool) -> float:
    """The shared weight a link needs: more from an already dated story's weekday."""
    return LINK_MIN_WEIGHT * (DERIVED_LINK_FACTOR if derived else 1.0)


K = TypeVar("K")


def clear_best(scored: dict[K, float]) -> K | None:
    """The best-scored candidate, unless another comes within :data:`CLEAR_MARGIN`."""
    ranked = sorted(scored.items(), key=lambda kv: -kv[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] < CLEAR_MARGIN * ranked[1][1]):
        return None
    return ranked[0][0]


def similarity(i: int, w: Mention, p: Pooled, weights: dict[str, float]) -> float | None:
    """The weight of context ``w`` shares with pooled mention ``p`` if enough to link."""
    d = p.mention
    if w.tense == 0 or (p.article == i and d.sentence == w.sentence):
        return None  # a weekday in a clause without tense often names a coming day
    if (d.tense > 0) != (w.tense > 0):
        return None
    shared = shared_weight(w.context, d.context, weights)
    return shared if shared is not None and shared >= link_weight(p.derived) else None


def year_for(m: Mention, weekday: int, years: tuple[int, ...]) -> int | None:
    """The year in which date ``m`` falls on ``weekday``, if exactly one candidate fits."""
    if m.year is not None:
        return m.year if date(m.year, m.month, m.day).isoweekday() == weekday else None
    fits = fitting(m, weekday, years)
    return fits[0] if len(fits) == 1 else None


def falls_on(year: int, m: Mention, weekday: int) -> bool:
    try:
        return date(year, m.month, m.day).isoweekday() == weekday
    except ValueError:
        return False


class Links:
    """Every weekday mention's candidate dates in one round, and how many mention
    pairs of the group vouch for each date."""

    def __init__(
        self,
        evidence: list[Evidence],
        pool: Pool,
        years: tuple[int, ...],
        weights: dict[str, float],
    ) -> None:
        self.years = years
        self.scores: dict[tuple[int, int], dict[date, tuple[float, str, int]]] = {}
        self.support: Counter[date] = Counter()
        self.derived: set[date] = {
            date(p.mention.year or 1, p.mention.month, p.mention.day) for p in pool if p.derived
        }
        for i, ev in enumerate(evidence):
            for w in ev.weekdays:
                if w.speech:
                    continue
                scored = _scores(i, w, pool, years, weights)
                self.scores[(i, w.start)] = scored
                self.support.update({when: pairs for when, (_, _, pairs) in scored.items()})

    def best(self, i: int, w: Mention) -> Anchor | None:
        """The date of the best-matching mention of the same happening, if unambiguous
        and vouched for by a second mention pair (or by an already dated story)."""
        scored = self.scores.get((i, w.start), {})
        when = clear_best({day: weight for day, (weight, _, _) in scored.items()})
        if when is None:
            return None  # no date, or two dates fit about as well
        kind = scored[when][1]
        if self.support[when] < MIN_SUPPORT and when not in self.derived:
            return None
        return Anchor(w, when, kind)


def anchors_of(i: int, ev: Evidence, links: Links) -> list[Anchor]:
    anchors: list[Anchor] = []
    for d in ev.dates:
        if d.weekday is not None:
            year = year_for(d, d.weekday, links.years)
            if year is not None:
                anchors.append(Anchor(d, date(year, d.month, d.day), "pinned"))
    for w in ev.weekdays:
        linked = None if w.speech else links.best(i, w)
        if linked is not None:
            anchors.append(linked)
    return anchors


def _scores(
    i: int, w: Mention, pool: Pool, years: tuple[int, ...], weights: dict[str, float]
) -> dict[date, tuple[float, str, int]]:
    """Dates of pooled mentions that speak of the same happening as ``w``, with the best
    weight of shared context and the kind of link."""
    assert w.weekday is not None
    scored: dict[date, tuple[float, str, int]] = {}  # date -> best weight, its kind, pairs
    weak: dict[date, dict[int, float]] = defaultdict(dict)  # date -> story -> best weight
    for p in pool.near(w):
        d = p.mention
        year = year_for(d, w.weekday, years)
        if year is None:
            continue
        when = date(year, d.month, d.day)
        shared = similarity(i, w, p, weights)
        if shared is None:
            if p.article != i and (part := _partial(w, p, weights)) is not None:
                weak[when][p.article] = max(weak[when].get(p.article, 0.0), part)
            continue
        kind = "linked" if p.article == i else "group"
        best, best_kind, pairs = scored.get(when, (0.0, "", 0))
        scored[when] = (shared, kind, pairs + 1) if shared > best else (best, best_kind, pairs + 1)
    if scored:
        return scored  # pooled weak links only stand in for a missing link
    for when, stories in weak.items():
        total = sum(stories.values())
        if len(stories) >= POOLED_STORIES and total >= link_weight(derived=True):
            scored[when] = (total, "group", len(stories))
    return scored


def _partial(w: Mention, p: Pooled, weights: dict[str, float]) -> float | None:
    """The shared weight of a same-tense mention sharing enough stems but too little
    weight to link alone."""
    d = p.mention
    if w.tense == 0 or (d.tense > 0) != (w.tense > 0):
        return None
    return shared_weight(w.context, d.context, weights)
