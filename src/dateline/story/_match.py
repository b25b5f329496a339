"""Actor and wording comparison for merging events (see :mod:`dateline.story.dedup`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lexicons import load_lexicons
from ..models import EventActor

__all__ = [
    "Profile", "actor_label", "facility", "fit_actor", "profiles_fit", "site", "words_of",
]  # fmt: skip

_STOP = {
    "the", "a", "an", "of", "and", "in", "on", "at", "to", "for", "its", "his", "her", "their",
    "s", "'s", "by", "with", "from", "top", "two", "three", "several", "some", "other",
    "he", "she", "it", "they", "them", "him", "we", "our", "i", "you", "this", "that", "who",
    "which", "those", "these", "one", "many", "more", "most", "all", "any", "new", "no",
    "not", "also", "about", "after", "before", "over", "into", "than", "as", "was", "were",
    "is", "are", "be", "been", "had", "has", "have", "said", "says",
    "people", "person", "persons",  # "at least 56 people" ~ "our people" is no match
}  # fmt: skip


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def words_of(text: str | None) -> set[str]:
    """Content words, crudely stemmed ("killing", "killed" -> "kill")."""
    words = (w.strip(".'-") for w in re.findall(r"[a-z][a-z.'-]*", (text or "").lower()))
    return {_stem(w) for w in words if w not in _STOP and len(w) > 1}


_FACILITIES = {
    "base", "bases", "facility", "facilities", "airport", "airbase", "compound", "plant",
    "plants", "site", "sites", "installation", "installations", "camp", "camps", "field",
    "port", "refinery", "tanker", "tankers", "pipeline", "depot", "building", "headquarters",
}  # fmt: skip


def facility(text: str | None) -> bool:
    """True when a phrase's last word names a place or structure ("al-Asad air base and
    another facility"); "the base commander" and "troops at the base" are not."""
    words = re.findall(r"[a-z]+", (text or "").lower())
    return bool(words) and words[-1] in _FACILITIES


_SITES = _FACILITIES | {"embassy", "consulate", "checkpoint"}


def site(text: str | None) -> str | None:
    """A place that can be attacked ("the U.S. Embassy", "al-Asad air base"), as its
    head word and the names before it ("embassy", "al-asad|ain embassy" …: the names
    sorted and joined), else None. A country name is no name here ("U.S.", "Iraqi"):
    the country is kept apart. Two sites are one when head, names and country agree."""
    tokens = re.findall(r"[A-Za-z0-9][A-Za-z0-9.'-]*", text or "")
    if not tokens or tokens[-1].lower() not in _SITES:
        return None
    lex = load_lexicons()
    names = sorted(
        t.lower()
        for t in tokens[:-1]
        if (t[0].isupper() or t[0].isdigit())
        and t.lower() not in _STOP
        and lex.country_of(t) is None
        and t.lower() not in _FACILITIES
    )
    return "|".join(names) + " " + tokens[-1].lower()


def _agentive(text: str | None) -> bool:
    """True when an uncoded phrase names an actor: a proper name or an agent noun head.

    "the criminals", "Kataib Hezbollah" name actors; "a drone strike", "the
    decision" (instruments and acts the parser took for subjects) do not.
    """
    tokens = re.findall(r"[A-Za-z][A-Za-z.'-]*", text or "")
    content = [t for t in tokens if t.lower() not in _STOP]
    if not content:
        return False
    if any(t[0].isupper() for t in content):
        return True
    return load_lexicons().agent(content[-1]) is not None


def actor_label(actor: EventActor | None) -> str:
    """A short code for an actor: ``USA MIL``, ``IRN``, or its text when uncoded."""
    if actor is None:
        return "?"
    if actor.country:
        return f"{actor.country} {actor.sector}" if actor.sector else actor.country
    return actor.text.strip() or "?"


_CIVILIAN = frozenset(["CVL", "BUS", "EDU", "JRN", "REL", "PTY", "MED", "NGO", "HLH", "LAB", "AGR"])
"""Sectors of unarmed, non-state people and bodies. A target's sectors clash only
across this line: "a U.S. contractor" (CVL) is not "U.S. forces" (MIL), but one
commander may be called an official (GOV) or a soldier (MIL)."""


def _civilian(sector: str) -> bool:
    return sector in _CIVILIAN


@dataclass
class Profile:
    """What a cluster knows about one role (source, target or place)."""

    countries: set[str] = field(default_factory=set)
    entities: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    agentive: bool = False  # holds an uncoded phrase that names an actor
    by_sector: bool = False
    """Whether a country's sectors must agree too, civilian or not (see
    :data:`_CIVILIAN`; for targets: "a U.S. contractor" killed is not "the U.S.
    embassy" attacked)."""
    sectors: dict[str, set[str]] = field(default_factory=dict)
    """The sectors seen per country (an actor named without one fits any)."""
    sites: set[tuple[str, str]] = field(default_factory=set)
    """The attackable places named, as site key and country (" embassy", "USA"; see
    :func:`site`): a target's sites meet the places of other reports ("torched a post
    at the U.S. Embassy" ~ "attacked the U.S. embassy")."""
    place: bool = False
    """A profile of places: a site's country is whose site it is, not where it is."""

    @property
    def empty(self) -> bool:
        return not (self.countries or self.entities or self.words)

    def add(
        self,
        text: str | None,
        country: str | None,
        entity_id: str | None = None,
        sector: str | None = None,
    ) -> None:
        key = site(text)
        if key is not None and country:
            self.sites.add((key, country))
        # a facility's country is only where it is; an embassy's, not where it is
        if country and not facility(text) and not (self.place and key):
            self.countries.add(country)
            if sector:
                self.sectors.setdefault(country, set()).add(sector)
        if entity_id:
            self.entities.add(entity_id)
        self.words |= words_of(text)
        self.agentive = self.agentive or (not country and not entity_id and _agentive(text))

    def fit(
        self,
        text: str | None,
        country: str | None,
        entity_id: str | None,
        sector: str | None = None,
    ) -> int:
        """1 when the actor positively matches, 0 when unknown, -1 when it clashes.

        A facility ("Iraq's al-Asad air base") is where a target was hit: its
        country may differ from that of the people there, so it never clashes.
        With :attr:`by_sector`, one country's civilian and non-civilian sectors clash
        when both sides name one ("USA CVL" and "USA GOV"; "USA" takes either).
        """
        if entity_id and entity_id in self.entities:
            return 1
        if country and self.countries:
            if country in self.countries:
                seen = self.sectors.get(country)
                clash = (
                    self.by_sector
                    and sector
                    and seen
                    and _civilian(sector) not in {_civilian(s) for s in seen}
                )
                return -1 if clash and not facility(text) else 1
            return 0 if facility(text) else -1
        words = words_of(text)
        if words & self.words:
            return 1
        coded = country or entity_id or self.countries or self.entities
        return -1 if self.agentive and _agentive(text) and not coded else 0


def _sectors_clash(a: Profile, b: Profile) -> bool:
    """Some country both name only with civilian sectors on one side, state ones on the other."""
    for country in a.countries & b.countries:
        mine, theirs = a.sectors.get(country), b.sectors.get(country)
        if mine and theirs and not {_civilian(s) for s in mine} & {_civilian(s) for s in theirs}:
            return True
    return False


def fit_actor(profile: Profile, actor: EventActor | None) -> int:
    if actor is None:
        return 0
    return profile.fit(actor.text, actor.country, actor.entity_id, actor.sector)


def profiles_fit(a: Profile, b: Profile) -> int:
    """Two clusters' actors for one role: 1 match, 0 unknown, -1 clash (as ``Profile.fit``)."""
    if a.countries and b.countries and not a.countries & b.countries:
        return -1
    if a.by_sector and b.by_sector and _sectors_clash(a, b):
        return -1
    if a.entities & b.entities or a.countries & b.countries or a.words & b.words:
        return 1
    coded = a.countries or a.entities or b.countries or b.entities
    return -1 if a.agentive and b.agentive and not coded else 0
