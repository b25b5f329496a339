"""Assemble the story layer from stored records: story events, disputes, everything a view needs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date

from ..models import Article, ClaimGroup, Entity, Event, EventActor, Quote, StoryEvent
from ..store import Store
from .conflicts import group_claims
from .dedup import merge_events
from .timeline import link_disputes

__all__ = ["StoryData", "build_story", "load_story", "NARROW_WINDOW_DAYS"]

NARROW_WINDOW_DAYS = 14
"""An undated article's window bounds its events only when it is this narrow: a
wide one ("2020-01-10..2020-12-26") would place them far from the story."""
WEEKDAY_WINDOW_DAYS = 62
"""An undated article's window start bounds (from below) its events told on a named
weekday ("said on Friday") only when the window is this narrow: the first such
Friday of a wider one says nothing useful."""


@dataclass
class StoryData:
    """The records a timeline or report is made from."""

    articles: list[Article] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    stories: list[StoryEvent] = field(default_factory=list)
    claim_groups: list[ClaimGroup] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)

    def published(self) -> dict[str, date | None]:
        return {a.id: a.published for a in self.articles}

    def narrow_window_ends(self) -> dict[str, date | None]:
        """For undated articles with a narrow publication window (at most
        :data:`NARROW_WINDOW_DAYS`), the window's last day."""
        return {a.id: a.published_latest for a in self._windowed(NARROW_WINDOW_DAYS)}

    def window_starts(self) -> dict[str, date]:
        """For undated articles whose publication window is known to within
        :data:`WEEKDAY_WINDOW_DAYS`, the window's first day."""
        return {
            a.id: lo
            for a in self._windowed(WEEKDAY_WINDOW_DAYS)
            if (lo := a.published_earliest) is not None
        }

    def _windowed(self, max_days: int) -> Iterator[Article]:
        """Undated articles whose publication window spans at most ``max_days``."""
        for a in self.articles:
            lo, hi = a.published_earliest, a.published_latest
            if a.published is None and lo and hi and (hi - lo).days <= max_days:
                yield a


def coded_by_entity(events: list[Event], entities: list[Entity]) -> list[Event]:
    """The events with each actor linked to an entity given that entity's country and
    sector where the article left them open: "He trained militias", linked to a
    Zemblan general, is coded as the corpus codes the general (copies; inputs untouched)."""
    codes = {e.id: e for e in entities}

    def coded(actor: EventActor | None) -> EventActor | None:
        ent = codes.get(actor.entity_id or "") if actor is not None else None
        if actor is None or ent is None or (actor.country and actor.sector):
            return actor
        country, sector = actor.country or ent.country, actor.sector or ent.sector
        return replace(actor, country=country, sector=sector)

    return [replace(ev, source=coded(ev.source), target=coded(ev.target)) for ev in events]


def build_story(data: StoryData) -> StoryData:
    """Merge ``data.events`` into story events and flag disputed ones (in place; returns it).
    Actors take their entity's coding where their own is missing (:func:`coded_by_entity`)."""
    people = frozenset(e.id for e in data.entities if e.type == "PERSON")
    data.events = coded_by_entity(data.events, data.entities)
    data.stories = merge_events(
        data.events,
        data.published(),
        data.narrow_window_ends(),
        people,
        earliest=data.window_starts(),
    )
    link_disputes(data.stories, data.claim_groups)
    return data


def load_story(store: Store) -> StoryData:
    """Read articles, events, claims, quotes and entities from a :class:`Store` and build."""
    data = StoryData(
        articles=list(store.iter_articles()),
        events=store.load_events(),
        claim_groups=group_claims(store.load_claims()),
        quotes=store.load_quotes(),
        entities=store.load_entities(),
    )
    return build_story(data)
