"""One-line summaries and merged fields of story events."""

from __future__ import annotations

from collections import Counter

from ..models import Event, EventActor, EventLocation

__all__ = ["clause", "majority_actor", "majority_location", "CLAUSE_MAX"]

CLAUSE_MAX = 110


def _majority(values: list[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None


def majority_actor(actors: list[EventActor | None]) -> EventActor | None:
    """The most common country, then sector and entity among actors of that country."""
    present = [a for a in actors if a is not None]
    if not present:
        return None
    country = _majority([a.country for a in present])
    same = [a for a in present if a.country == country]
    sector = _majority([a.sector for a in same])
    entity = _majority([a.entity_id for a in same])
    texts = Counter(a.text for a in same if (a.entity_id == entity or not entity))
    text = texts.most_common(1)[0][0] if texts else same[0].text
    return EventActor(text=text, entity_id=entity, country=country, sector=sector)


def majority_location(locs: list[EventLocation | None]) -> EventLocation | None:
    present = [loc for loc in locs if loc is not None]
    if not present:
        return None
    counts = Counter((loc.text, loc.country) for loc in present)
    (text, country), _n = counts.most_common(1)[0]
    return EventLocation(text=text, country=country)


def clause(ev: Event) -> str:
    """The event's clause, centred on its trigger and cut to one line."""
    sent, base = ev.sentence, ev.sentence_start
    lo, hi = ev.start - base, ev.end - base
    text = sent[lo:hi] if 0 <= lo < hi <= len(sent) else sent
    trig = ev.trigger_start - base - (lo if 0 <= lo < hi <= len(sent) else 0)
    text = " ".join(text.split())
    if len(text) <= CLAUSE_MAX:
        return text.strip(" ,;")
    trig = max(0, min(trig, len(text)))
    start = max(0, trig - CLAUSE_MAX // 3)
    start = text.rfind(" ", 0, start) + 1 if start else 0
    end = text.find(" ", start + CLAUSE_MAX - 10)
    end = len(text) if end < 0 else end
    cut = text[start:end].strip(" ,;")
    return ("…" if start else "") + cut + ("…" if end < len(text) else "")
