"""The publication year a group's evidence agrees on (private)."""

from __future__ import annotations

from collections import Counter

from ._evidence import Evidence
from ._links import MIN_SUPPORT, Pool, fitting, similarity


def year_span(evidence: list[Evidence]) -> tuple[int, ...]:
    """The years publication may plausibly fall in, from the years the articles name.

    The latest year named outside a future clause by at least two articles of the
    group (by the article itself when alone), from two years before to one after:
    a stray "2048" in one story does not move the dump. Four consecutive years
    never put a month-day twice on the same weekday, so a weekday picks at most
    one. Publication is not before the latest year named in a past-tense clause
    ("was repaired in 2020") by as many articles.
    """
    latest = _latest_shared([set(ev.years) for ev in evidence])
    if latest is None:
        return ()
    floor = _latest_shared([set(ev.past_years) for ev in evidence]) or latest - 2
    return tuple(y for y in range(latest - 2, latest + 2) if y >= floor)


def _latest_shared(per_article: list[set[int]]) -> int | None:
    named = [years for years in per_article if years]
    need = min(2, len(named))
    counts = Counter(y for years in named for y in years)
    agreed = [y for y, n in counts.items() if n >= need]
    return max(agreed) if agreed else None


def candidate_years(
    evidence: list[Evidence], pool: Pool, weights: dict[str, float]
) -> tuple[int, ...]:
    """The publication year the group's weekday-date pairs agree on, as a 1-tuple.

    Every pinned date ("Friday, Jan. 3", two votes) and every weekday whose
    happening another mention dates (one vote) votes for the years of
    :func:`year_span` in which weekday and date agree. True pairs agree on one
    year; chance pairs scatter. The winner needs :data:`MIN_SUPPORT` votes and
    twice the runner-up's, else no year (and no anchor).
    """
    span = year_span(evidence)
    votes: Counter[int] = Counter()
    for i, ev in enumerate(evidence):
        for d in ev.dates:
            if d.weekday is not None:
                votes.update(dict.fromkeys(fitting(d, d.weekday, span), 2))
        for w in ev.weekdays:
            if w.speech or w.weekday is None:
                continue
            fits: set[int] = set()
            for p in pool.near(w):
                if not p.derived and similarity(i, w, p, weights) is not None:
                    fits.update(fitting(p.mention, w.weekday, span))
            votes.update(fits)
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] < MIN_SUPPORT:
        return ()
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return ()
    return (ranked[0][0],)
