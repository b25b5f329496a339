"""Weekdays dated by a precise interval after a dated happening (private).

"Thursday's violence came *a day after* the two governments agreed in Port Avalon on
an aid corridor", in a dump where another story dates the agreement "Wednesday,
March 10, 2027": that Thursday is March 11. A weekday in the sentence of a precise
"N days (weeks) after X" is anchored when X is found dated elsewhere in the group:

* a dated mention of another sentence shares :data:`MIN_SHARED` context stems with
  the clause after "after" ("the two governments agreed ... on an aid corridor" ~
  "agreed on Wednesday, March 10, 2027, on a humanitarian corridor"). Stories word
  one happening differently, so this is fewer than a weekday link needs; one shared
  stem was too few (in a PolNeAR week of stories, a debate "four days after" took
  another story's date that shared only a party name with it);
* the weekday falls on the day N days after that date (weeks allow
  :data:`._evidence.Offset` ``slack`` days either side: "a week after" is loose);
* the day so found beats any other by :data:`._links.CLEAR_MARGIN`.

The weekday arithmetic is the strong check for days: "a day after" a Wednesday can
only be a Thursday (with weeks' slack it lets most weekdays through, so the context
test carries more weight there). A weekday inside the "after X" phrase ("a week after
Thursday's raid") is X's and is left alone, as are a future-tense weekday (a plan), a
weekday that dates a reporting verb, and hedged intervals ("more than a week after").
"""

from __future__ import annotations

from datetime import date, timedelta

from ._evidence import Evidence, Mention, Offset
from ._links import Anchor, Pool, clear_best

MIN_SHARED = 2
"""Context stems the clause after "after" must share with X's dated mention."""


def offset_anchors(
    i: int, ev: Evidence, pool: Pool, years: tuple[int, ...], weights: dict[str, float]
) -> list[Anchor]:
    """Weekdays of article ``i`` dated by an interval after a happening dated in ``pool``."""
    out = []
    for o in ev.offsets:
        for w in ev.weekdays:
            if w.sentence != o.sentence or w.speech or w.weekday is None or w.tense > 0:
                continue
            if o.x_span[0] <= w.start < o.x_span[1]:
                continue  # "a week after Thursday's raid": that Thursday is X's
            scored: dict[date, float] = {}
            for p in pool:
                d = p.mention
                if (p.article == i and d.sentence == o.sentence) or d.tense > 0:
                    continue
                common = o.context & d.context
                if len(common) < MIN_SHARED:
                    continue
                weight = sum(weights.get(s, 0.0) for s in common)
                for day in _days_after(d, o, w.weekday, years):
                    scored[day] = max(scored.get(day, 0.0), weight)
            chosen = clear_best(scored)
            if chosen is not None:
                out.append(Anchor(w, chosen, "offset"))
    return out


def _days_after(d: Mention, o: Offset, weekday: int, years: tuple[int, ...]) -> list[date]:
    """The days on ``weekday`` that lie ``o.days`` (± slack) after date mention ``d``."""
    out = []
    for when in _dates_of(d, years):
        target = when + timedelta(days=o.days)
        for k in range(-o.slack, o.slack + 1):
            day = target + timedelta(days=k)
            if day.isoweekday() == weekday:
                out.append(day)
    return out


def _dates_of(d: Mention, years: tuple[int, ...]) -> list[date]:
    """The calendar dates a day-date mention can be: its own year, or the group's
    candidate years (a pinned weekday must agree)."""
    out = []
    for year in [d.year] if d.year is not None else years:
        try:
            when = date(year, d.month, d.day)
        except ValueError:
            continue
        if d.weekday is None or when.isoweekday() == d.weekday:
            out.append(when)
    return out
