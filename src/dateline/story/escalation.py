"""Escalation: per actor pair, how many things happened each day and how hostile they were.

Counted over story events (one per real-world happening, so a killing reported
ten times counts once) that happened (asserted or reported), between two
different actors. A happening whose day a report states is counted on that
day; one that no report dates is counted on the day it was first reported, or
on the day an undated article's window ends (it happened on or before that day),
and also in ``unstated``, so a chart can tell the two apart; one dated to a
weekend ("at the weekend") is counted on its Saturday, and also in ``unstated``. A pair is the two
country codes sorted and joined with an en dash ("IRN–USA"); an uncoded actor
uses its entity id when it has one and is otherwise left out. ``mean_intensity``
is the mean PLOVER conflict–cooperation score (−10 hostile … +10 cooperative)
of that day's events that have one (0.0 when none has).
"""

from __future__ import annotations

from collections import defaultdict

from ..models import HAPPENED, EscalationPoint, EventActor, StoryEvent
from ._dates import span_of
from .dedup import REPORTED

__all__ = ["escalation", "pair_of", "main_pairs", "PAIR_SEP"]

PAIR_SEP = "–"


def _code(actor: EventActor | None) -> str | None:
    if actor is None:
        return None
    return actor.country or actor.entity_id


def pair_of(story: StoryEvent) -> str | None:
    """The sorted actor-pair key of a story event, or None when it has no two actors."""
    a, b = _code(story.source), _code(story.target)
    if not a or not b or a == b:
        return None
    return PAIR_SEP.join(sorted((a, b)))


def escalation(stories: list[StoryEvent]) -> list[EscalationPoint]:
    """Daily event count and mean intensity per actor pair, ordered by pair then date."""
    buckets: dict[tuple[str, str], list[StoryEvent]] = defaultdict(list)
    for s in stories:
        span = span_of(s.date)
        pair = pair_of(s)
        day_known = s.date_precision in ("day", REPORTED, "weekend")
        if s.modality not in HAPPENED or span is None or not day_known or not pair:
            continue  # only happenings placed on a day
        buckets[(pair, span.lo.isoformat())].append(s)
    points = []
    for (pair, day), members in sorted(buckets.items()):
        known = [s.intensity for s in members if s.intensity is not None]
        mean = round(sum(known) / len(known), 2) if known else 0.0
        unstated = sum(1 for s in members if s.date_precision in (REPORTED, "weekend"))
        points.append(EscalationPoint(pair=pair, date=day, events=len(members),
                                      mean_intensity=mean, unstated=unstated))  # fmt: skip
    return points


def main_pairs(points: list[EscalationPoint], limit: int = 3) -> list[str]:
    """The pairs with the most events (ties: most days, then name)."""
    totals: dict[str, int] = defaultdict(int)
    days: dict[str, int] = defaultdict(int)
    for p in points:
        totals[p.pair] += p.events
        days[p.pair] += 1
    ranked = sorted(totals, key=lambda k: (-totals[k], -days[k], k))
    return ranked[:limit]
