"""Merge events that report the same real-world happening into story events.

Ten articles that report one killing yield ten events; an analyst wants one
:class:`StoryEvent` with ten reports. Two events are merged when

* they are of the same PLOVER type family (CONCEDE and RETREAT fold into YIELD);
* they have the same modality class: asserted and reported are "happened";
  planned, denied, negated ... are each their own class, except that a plan the
  text dates before its own report ("ordered the strike that killed him on
  Friday") is a past act and counts as happened. A threatened act
  ("threatened to strike 52 sites") belongs to the THREATEN family: it is the
  threat that happened, so it merges with "X threatened Y", never with the act.
  A measure named as in force ("as Zemblan sanctions bite") is a class of its own
  (:data:`STANDING`), apart from the act that imposed it;
* their actors are compatible: no role clashes (coded with different countries)
  and at least one role matches (same entity id, same country code, or a shared
  content word in an uncoded phrase). A missing or uncoded actor ("a drone
  strike", "he") neither clashes nor matches. For symmetric types such as
  CONSULT the pair may be swapped;
* their places are compatible (same country / a shared word, when both known);
* their dates are compatible. An event whose date the text states ("on Friday",
  "in 2018") is compared by its date interval, with one day of slack for
  day-precision dates (time zones). An event with no stated date is background
  or same-day news: it happened on or before its report, so it may join a story
  event dated up to :data:`BACKGROUND_DAYS` before the report, preferring the
  nearest, and only when its clause is worded like one of the story event's
  reports (:data:`UNSTATED_MIN_OVERLAP` of its content words when source and
  target both match, :data:`ONE_ROLE_MIN_OVERLAP` when only one does; "the U.S.
  killing of Soleimani" ~ "a U.S. strike killed Soleimani"). It never moves a
  dated story event to the article's date.

Events are clustered greedily in a stable order (stated and precise dates
first), each joining the compatible cluster with the nearest date, then the
most shared clause words, then the most members. A second pass joins story
events of one family and modality whose dates are within
:data:`CONSOLIDATE_DAYS`, whose actors match (no clash; both roles, or one role
with more shared words) and whose clauses share words (one report misdated by a
clause-level date: "mourners on Monday for Soleimani, killed by a U.S. drone"),
or where one reports a source-less clause of a sentence the other reports, with no
role clashing ("Iran launched 16 missiles, with 11 hitting al-Asad air base"; but
"protesters angry about U.S. air strikes torched a post" are two happenings).

A person is killed once: mentions with the same victim need no shared wording,
whether the victim is a named person or one unnamed person told by the same noun and
country ("a U.S. contractor"); a killing of many ("80 American soldiers") is never
that of one unnamed person.

An event whose subject is an attack named before ("*The attack* also killed
al-Muhandis", marked by the extractor) joins the story event of its article's
nearest earlier asserted attack, whatever its target. Story events are never
joined when one states no date and was reported before the other's stated date.

A story event's date is the best stated date of its members (most precise
level, then majority, then earliest); with none stated, its earliest report
date, with ``date_precision`` :data:`REPORTED` (it happened on or before that
day); for a planned act, that day with :data:`AFTER` (it is to happen on or after
it). ``first_reported`` is the earliest publication date (ISO) among its
articles, and ``articles`` lists them earliest first. The story id hashes type
family, modality class, actor codes and date, so it is stable across runs.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..models import HAPPENED, Event, EventActor, StoryEvent
from ._dates import DateSpan, span_of
from ._match import Profile, actor_label, fit_actor, profiles_fit, site, words_of
from ._summary import CLAUSE_MAX, clause, majority_actor, majority_location

__all__ = [
    "merge_events", "actor_label", "family", "modality_class", "BACKGROUND_DAYS", "REPORTED",
    "AFTER", "BOUNDED", "STANDING",
]  # fmt: skip

BACKGROUND_DAYS = 45
"""How far before its report an undated mention may reach to find its story event."""
SLACK_DAYS = 1
UNSTATED_MIN_OVERLAP = 0.3
"""An event whose date the text does not state joins a story event only when at
least this share of its clause's content words occur in the story event's clauses."""
ONE_ROLE_MIN_OVERLAP = 0.5
"""The same, when only one of source and target matches (the other is unknown)."""
UNDATED_DISTANCE = 999
UNDATED_ONE_ROLE_OVERLAP = 0.6
"""An event that nothing dates (no stated date, no report date) joins a story event
only when both roles match, or one does and this share of its clause words recurs."""
AFTER = "after"
"""``date_precision`` of a story event nothing dates but its reports' "after X" (or "in
the aftermath of X"), where X's story event has a stated day: ``date`` is that day,
and it happened on or after it. Also that of an undated planned act: ``date`` is the
day it was first reported, and it is to happen on or after it."""
REPORTED = "reported"
"""``date_precision`` of a story event whose date no report states: ``date`` is then the
day it was first reported (or, for an undated article, the last day of its narrow
publication window), and the happening was on or before it."""
BOUNDED = frozenset({REPORTED, AFTER})
"""The ``date_precision`` values of a date that only bounds the happening
(:data:`REPORTED`, shown "≤DAY", and :data:`AFTER`, shown "≥DAY")."""
STANDING = "standing"
"""Modality class of a measure named as in force ("as Zemblan sanctions bite", marked
``background(standing)`` by the extractor): such mentions merge only with each other,
never with the act that imposed the measure, so they do not date it."""
ONCE_FAMILIES = frozenset({"ASSAULT"})
"""Families in which a killing of a person is one happening per story."""
LETHAL_TRIGGERS = ("kill", "assassinat", "slay", "slain", "murder", "execut")
"""Trigger word beginnings of a killing."""
UNNAMED_VICTIM_DAYS = 7
"""How far apart (beyond the dates they allow) two killings of one unnamed person
("a U.S. contractor") may be told."""
CONSOLIDATE_DAYS = 3
CONSOLIDATE_OVERLAP = 0.3
_FAMILY = {"CONCEDE": "YIELD", "RETREAT": "YIELD", "YIELD": "YIELD"}
_SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}
_PRECISION_RANK = {"day": 0, "weekend": 1, "week": 2, "month": 3, "year": 4}
_UNRANKED = 5


def family(event_type: str, modality: str = "asserted") -> str:
    """The type family events must share to be merged.

    A threatened act ("threatened to strike 52 sites") is the threat that happened,
    so it joins the THREATEN family, never the family of the act.
    """
    if modality == "threatened":
        return "THREATEN"
    return _FAMILY.get(event_type, event_type)


def modality_class(modality: str) -> str:
    """``happened`` for asserted/reported events and threats, else the modality itself."""
    return "happened" if modality in HAPPENED or modality == "threatened" else modality


@dataclass
class _Item:
    event: Event
    span: DateSpan | None  # the stated date, when the text states one
    report: date | None  # publication date of its article (or its own date)
    words: set[str] = field(default_factory=set)  # content words of its clause
    mclass: str = "happened"  # modality class used for merging
    sites: frozenset[tuple[str, str]] = frozenset()  # its target's and place's sites
    victim: tuple[str, str] | None = None  # one unnamed person it targets (_unnamed_victim)
    after: int | None = None  # the trigger offset of what it says it came after
    from_day: date | None = None  # its undated story's first day with its named weekday
    first_day: date | None = None  # the first day its article can have been published


@dataclass
class _Cluster:
    family: str
    modality: str
    items: list[_Item] = field(default_factory=list)
    source: Profile = field(default_factory=Profile)
    target: Profile = field(default_factory=lambda: Profile(by_sector=True))
    place: Profile = field(default_factory=lambda: Profile(place=True))
    words: set[str] = field(default_factory=set)
    carried: set[str] = field(default_factory=set)
    """Events joined as "the attack named before": kept out of the actor profiles."""

    def carry(self, item: _Item) -> None:
        """Add a report without widening the actors (another victim of the same attack)."""
        self.items.append(item)
        self.carried.add(item.event.id)

    def best_span(self) -> DateSpan | None:
        spans = [i.span for i in self.items if i.span is not None]
        if not spans:
            return None
        level = min(_PRECISION_RANK.get(s.precision, _UNRANKED) for s in spans)
        top = [s for s in spans if _PRECISION_RANK.get(s.precision, _UNRANKED) == level]
        counts = Counter(s.value for s in top)
        best = max(counts.values())
        value = min(v for v, n in counts.items() if n == best)
        return next(s for s in top if s.value == value)

    def window(self) -> tuple[date, date] | None:
        """The dates this cluster may have happened on."""
        span = self.best_span()
        if span is not None:
            return span.lo - timedelta(SLACK_DAYS), span.hi + timedelta(SLACK_DAYS)
        reports = [i.report for i in self.items if i.report is not None]
        if not reports:
            return None
        return max(reports) - timedelta(BACKGROUND_DAYS), min(reports) + timedelta(SLACK_DAYS)

    def anchor(self) -> date | None:
        span = self.best_span()
        if span is not None:
            return span.lo
        reports = [i.report for i in self.items if i.report is not None]
        return min(reports) if reports else None

    def add(self, item: _Item) -> None:
        self.items.append(item)
        self.words |= item.words
        ev = item.event
        if ev.source is not None:
            self.source.add(ev.source.text, ev.source.country, ev.source.entity_id)
        if ev.target is not None:
            t = ev.target
            self.target.add(t.text, t.country, t.entity_id, t.sector)
        if ev.location is not None:
            self.place.add(ev.location.text, ev.location.country)


def _item_window(item: _Item) -> tuple[date, date] | None:
    if item.span is not None:
        return item.span.lo, item.span.hi
    if item.report is None:
        return None
    return item.report - timedelta(BACKGROUND_DAYS), item.report + timedelta(SLACK_DAYS)


def _pair_fit(
    cluster: _Cluster, source: EventActor | None, target: EventActor | None, site_met: bool
) -> int:
    """How many roles positively match (0 when a role clashes or none matches); a site
    met (:func:`_site_met`) matches an unknown target."""
    fits = [fit_actor(cluster.source, source), fit_actor(cluster.target, target)]
    if fits[1] == 0 and site_met:
        fits[1] = 1
    return 0 if -1 in fits else fits.count(1)


def _sites_of(ev: Event) -> frozenset[tuple[str, str]]:
    """The event's target and place as sites (see :func:`._match.site`) with their country."""
    return frozenset(
        (key, actor.country)
        for actor in (ev.target, ev.location)
        if actor is not None and actor.country and (key := site(actor.text)) is not None
    )


def _site_met(cluster: _Cluster, item: _Item) -> bool:
    """The item's target or place is a site the cluster's reports target or name as
    their place ("a post at the U.S. Embassy" ~ "the U.S. embassy")."""
    return bool(item.sites & (cluster.target.sites | cluster.place.sites))


def _actors_fit(cluster: _Cluster, item: _Item) -> int:
    """Roles that match with no role clashing (swapped too for symmetric types); 0 = no fit."""
    ev = item.event
    met = _site_met(cluster, item)
    direct = _pair_fit(cluster, ev.source, ev.target, met)
    if ev.type in _SYMMETRIC:
        return max(direct, _pair_fit(cluster, ev.target, ev.source, met))
    return direct


def _overlap(cluster: _Cluster, item: _Item) -> float:
    """Largest share of the item's clause words that one member's clause also uses.

    Compared member by member, not with the union of their words, so a story
    event does not snowball into a bag of every word its reports use.
    """
    if not item.words:
        return 0.0
    return max(len(item.words & i.words) for i in cluster.items) / len(item.words)


def _killed(item: _Item) -> bool:
    return item.event.trigger.lower().startswith(LETHAL_TRIGGERS)


def _same_victim(cluster: _Cluster, item: _Item, people: frozenset[str]) -> bool:
    """The cluster killed a person the event also targets ("the decision to target
    Soleimani" ~ "a U.S. strike killed Soleimani"), or one unnamed person the event
    also kills, told by the same noun and country ("Iran killed an American
    contractor" ~ "the killing of a U.S. civilian contractor"): a person is killed once."""
    ev = item.event
    if ev.target is None or not any(_killed(i) for i in cluster.items):
        return False
    eid = ev.target.entity_id
    if eid and eid in people and eid in cluster.target.entities:
        return True
    return (
        item.victim is not None
        and _killed(item)
        and any(_killed(i) and i.victim == item.victim for i in cluster.items)
        and _near_in_time(cluster, ev)
    )


def _near_in_time(cluster: _Cluster, ev: Event) -> bool:
    """The event's date, or else its report, lies within a week of the cluster's
    (an unnamed "U.S. soldier" killed twice in six weeks is two soldiers)."""
    here = span_of(ev.date, ev.date_precision)
    anchor = cluster.anchor()
    window = cluster.window() if cluster.best_span() is not None else None
    lo, hi = window if window is not None else (anchor, anchor)
    if here is None or lo is None or hi is None:
        return True
    week = timedelta(days=UNNAMED_VICTIM_DAYS)
    return here.lo <= hi + week and lo - week <= here.hi


def _victims_clash(cluster: _Cluster, item: _Item) -> bool:
    """The cluster killed one unnamed person ("a U.S. contractor") and the item kills
    many ("80 American terrorists", "thousands of Americans"): other victims."""
    target = item.event.target
    if target is None or not _killed(item) or not _many(target.text):
        return False
    killed = [i for i in cluster.items if _killed(i) and i.event.target is not None]
    return bool(killed) and all(i.victim is not None for i in killed)


def _many(text: str) -> bool:
    """A phrase naming several people: a number or quantifier word ("80 American
    terrorists", "thousands of Americans"), or a lowercase plural head ("civilians")."""
    tokens = text.replace("“", " ").replace("”", " ").split()
    if not tokens:
        return False
    if any(re.fullmatch(r"\d[\d,.]*", t) or t.lower() in _MANY for t in tokens):
        return True
    head = tokens[-1]
    return head.islower() and head.endswith("s") and not head.endswith(("ss", "us", "is"))


_MANY = frozenset(["many", "dozens", "hundreds", "thousands", "scores", "several", "all"])


def _unnamed_victim(actor: EventActor | None) -> tuple[str, str] | None:
    """One person named by a singular noun with a country ("a U.S. contractor"):
    the noun and the country."""
    if actor is None or not actor.country:
        return None
    words = re.findall(r"[a-z]+", actor.text.lower())
    if len(words) < 2 or words[0] not in ("a", "an") or words[-1].endswith("s"):
        return None
    return words[-1], actor.country


def _same_sentence(cluster: _Cluster, ev: Event) -> bool:
    """The cluster holds an event of the same sentence (of a known article) as ``ev``."""
    return bool(ev.article_id) and any(
        i.event.article_id == ev.article_id and i.event.sentence_start == ev.sentence_start
        for i in cluster.items
    )


def _roles_matched(cluster: _Cluster, item: _Item) -> int:
    """Roles that match (0: no fit). A source-less event of a sentence the cluster
    already reports fits when its target does not clash ("Iran launched 16
    missiles, with 11 hitting al-Asad": one happening)."""
    ev = item.event
    matched = _actors_fit(cluster, item)
    if matched or ev.source is not None or not _same_sentence(cluster, ev):
        return matched
    return 1 if fit_actor(cluster.target, ev.target) >= 0 else 0


def _needed_overlap(cluster: _Cluster, item: _Item, matched: int, victim: bool) -> float:
    """The share of clause words an unstated mention must share with the cluster: none
    for the same victim, the same sentence or, for an attack, the same site."""
    ev = item.event
    if victim or _same_sentence(cluster, ev):
        return 0.0
    if cluster.family in ONCE_FAMILIES and _site_met(cluster, item):
        return 0.0
    return UNSTATED_MIN_OVERLAP if matched == 2 else ONE_ROLE_MIN_OVERLAP


def _distance(cluster: _Cluster, item: _Item, people: frozenset[str]) -> int | None:
    """Days between the item and the cluster when compatible, else None."""
    ev = item.event
    if cluster.family != family(ev.type, ev.modality):
        return None
    victim = cluster.family in ONCE_FAMILIES and _same_victim(cluster, item, people)
    if cluster.family in ONCE_FAMILIES and _victims_clash(cluster, item):
        return None
    if cluster.modality != item.mclass and not (
        victim and item.mclass == "planned" and cluster.modality == "happened" and item.report
    ):  # a plan to kill someone, reported when they had been killed, was carried out
        return None
    if _came_after(cluster, item):
        return None  # "in the aftermath of X" is not X
    matched = _roles_matched(cluster, item)
    if not matched:
        return None
    loc = ev.location
    if loc is not None and cluster.place.fit(loc.text, loc.country, None) < 0:
        return None
    overlap = _overlap(cluster, item)
    if item.span is None and overlap < _needed_overlap(cluster, item, matched, victim):
        return None  # an undated mention must also be worded like the story event
    mine, theirs = _item_window(item), cluster.window()
    if mine is None or theirs is None:
        # nothing dates the item: it may be from any time, so it needs both roles
        # or closer wording
        sure = matched == 2 or victim or overlap >= UNDATED_ONE_ROLE_OVERLAP
        return UNDATED_DISTANCE if sure else None
    if mine[0] > theirs[1] or theirs[0] > mine[1]:
        return None
    here = item.span.lo if item.span is not None else item.report
    there = cluster.anchor()
    return abs((here - there).days) if here and there else 0


def _sort_day(value: str | None) -> str:
    """A date value as it sorts among days: a week or weekend with its first day."""
    span = span_of(value)
    if span is not None and span.precision in ("week", "weekend"):
        return span.lo.isoformat()
    return value or "9999"


def _order_key(item: _Item) -> tuple[int, int, str, str, str, int]:
    span = item.span
    return (
        0 if span is not None else 1,
        _PRECISION_RANK.get(span.precision, _UNRANKED) if span else _UNRANKED,
        span.value if span else "",
        item.report.isoformat() if item.report else "9999",
        item.event.article_id or "",
        item.event.start,
    )


_PLAN_CUE = re.compile(r"modality:planned\((\w+)\)")  # as extract.events writes rules


def _ordered_in_past(ev: Event) -> bool:
    """A planned event whose plan verb is a past form ("Trump *ordered* the killing
    … on Jan. 3"): the order was given, and the act it dates was most likely done."""
    m = _PLAN_CUE.search(ev.rule)
    return m is not None and m.group(1).lower().endswith("ed")


def _order_given(ev: Event) -> bool:
    """A plan told as an order given ("Trump *ordered* the killing"): the act was most
    likely done by the time of the report, not ahead of it. (Of the plan cues of
    :mod:`dateline.extract._event_modality`, only "order" gives one.)"""
    m = _PLAN_CUE.search(ev.rule)
    return m is not None and m.group(1).lower() == "ordered"


_WEEKDAY_REF = re.compile(r"; weekday\(([1-7])\)")  # as extract.events writes rules


def _from_day(ev: Event, earliest: dict[str, date]) -> date | None:
    """For "said on Friday" in an undated story that cannot be earlier than ``lo``:
    the first Friday from six days before ``lo`` (a past weekday of the story's week;
    for a planned act, the first Friday from ``lo``)."""
    ref = _WEEKDAY_REF.search(ev.rule)
    lo = earliest.get(ev.article_id or "")
    if ref is None or lo is None:
        return None
    # a planned or threatened act's weekday lies ahead of the story, not behind it
    start = lo if ev.modality in ("planned", "threatened") else lo - timedelta(days=6)
    return start + timedelta(days=(int(ref.group(1)) - start.isoweekday()) % 7)


def _make_item(
    ev: Event,
    published: dict[str, date | None],
    latest: dict[str, date | None],
    earliest: dict[str, date],
) -> _Item:
    span = span_of(ev.date, ev.date_precision) if ev.date_stated else None
    issued = published.get(ev.article_id or "")
    report = issued or latest.get(ev.article_id or "")
    if report is None:
        own = span_of(ev.date, ev.date_precision)
        report = own.hi if own is not None and own.precision == "day" else None
    mclass = modality_class(ev.modality)
    # a known publication day tells a past plan from a future one; without one, a
    # past-tense order does ("ordered the killing … on Jan. 3")
    past = span is not None and (span.hi <= issued if issued is not None else _ordered_in_past(ev))
    if ev.modality == "planned" and past and span is not None and span.precision == "day":
        mclass = "happened"  # a plan the text dates before its report is a past act
    if _STANDING in ev.rule and mclass == "happened":
        mclass = STANDING  # "as Zemblan sanctions bite": a measure in force, no happening
    return _Item(
        ev,
        span,
        report,
        words_of(clause(ev)),
        mclass,
        sites=_sites_of(ev),
        victim=_unnamed_victim(ev.target),
        after=_after_ref(ev),
        from_day=_from_day(ev, earliest),
        first_day=issued or earliest.get(ev.article_id or ""),
    )


def merge_events(
    events: list[Event],
    published: dict[str, date | None],
    latest: dict[str, date | None] | None = None,
    people: frozenset[str] = frozenset(),
    earliest: dict[str, date] | None = None,
) -> list[StoryEvent]:
    """Merge ``events`` (from one or many articles) into story events, in date order.

    ``published`` maps article id to publication date (None when unknown).
    ``latest`` maps an undated article to the last day it can have been
    published (the end of its publication window): its events happened on or
    before that day, so they are placed like reports of that day. ``people``
    holds the entity ids of persons: a person is killed (or arrested) once in
    a story, so mentions of that with the same victim need no shared wording
    (see :data:`ONCE_FAMILIES`). ``earliest`` maps an undated article to the first
    day it can have been published: a story event nothing else dates, told "on
    Friday" there, is placed on or after the first Friday that allows (:data:`AFTER`).
    """
    clusters: list[_Cluster] = []
    antecedents = _antecedents(events)
    home: dict[str, _Cluster] = {}  # event id -> its cluster
    held: list[_Item] = []  # "The attack also killed …": placed once their attack is
    items = (_make_item(e, published, latest or {}, earliest or {}) for e in events)
    for item in sorted(items, key=_order_key):
        if item.event.id in antecedents:
            held.append(item)
            continue
        home[item.event.id] = _place(clusters, item, people)
    for item in held:
        ev = item.event
        named = home.get(antecedents[ev.id])
        fits = named is not None and (named.family, named.modality) == (
            family(ev.type, ev.modality),
            item.mclass,
        )
        if named is not None and fits:
            named.carry(item)  # the attack named before; its actors stay as they are
        else:
            named = _place(clusters, item, people)
        home[ev.id] = named
    clusters = _consolidate(clusters)
    after = _after_days(clusters)
    stories = [_story(c, published, after.get(k)) for k, c in enumerate(clusters)]
    _assign_ids(stories, clusters)
    stories.sort(key=lambda s: (_sort_day(s.date), s.first_reported or "9999", s.id))
    return stories


def _place(clusters: list[_Cluster], item: _Item, people: frozenset[str]) -> _Cluster:
    """Add ``item`` to the compatible cluster with the nearest date (then the most
    shared words, then the most members), or to a new one."""
    scored = [
        (d, -_overlap(c, item), -len(c.items), i)
        for i, c in enumerate(clusters)
        if (d := _distance(c, item, people)) is not None
    ]
    if scored:
        cluster = clusters[min(scored)[-1]]
    else:
        ev = item.event
        cluster = _Cluster(family(ev.type, ev.modality), item.mclass)
        clusters.append(cluster)
    cluster.add(item)
    return cluster


def _antecedents(events: list[Event]) -> dict[str, str]:
    """For an event whose subject is an attack named before ("*The attack* also killed
    Muhandis", marked ``anaphor(attack)`` by the extractor), the nearest earlier
    asserted attack of its article that is not itself such a mention."""
    attacks: dict[str, list[Event]] = {}
    for ev in events:
        if ev.type == "ASSAULT" and ev.modality == "asserted" and ev.article_id:
            attacks.setdefault(ev.article_id, []).append(ev)
    out: dict[str, str] = {}
    for ev in events:
        if _ANAPHOR not in ev.rule or not ev.article_id:
            continue
        before = [
            a for a in attacks.get(ev.article_id, [])
            if a.sentence_start < ev.sentence_start and _ANAPHOR not in a.rule
        ]  # fmt: skip
        if before:
            out[ev.id] = max(before, key=lambda a: (a.sentence_start, -a.start)).id
    return out


_ANAPHOR = "; anaphor(attack)"  # as extract.events writes rules
_BACKGROUND = "; background("  # as extract.events writes rules
_STANDING = "; background(standing)"


def _representative(items: list[_Item]) -> Event:
    def score(item: _Item) -> tuple[int, int, int, str, int]:
        ev = item.event
        n = len(clause(ev))
        return (
            0 if ev.modality == "asserted" else 1,
            0 if item.span is not None else 1,
            0 if 25 <= n <= CLAUSE_MAX else 1,
            item.report.isoformat() if item.report else "9999",
            ev.start,
        )

    return min(items, key=score).event


_AFTER_REF = re.compile(r"; after\(@(\d+)\)")  # as extract.events writes rules


def _after_ref(ev: Event) -> int | None:
    """The trigger offset of what the event says it came after (``after(@N)``)."""
    ref = _AFTER_REF.search(ev.rule)
    return int(ref.group(1)) if ref is not None and ev.article_id else None


def _came_after(cluster: _Cluster, item: _Item) -> bool:
    """The item says it came after a happening the cluster reports."""
    if item.after is None:
        return False
    article = item.event.article_id
    return any(
        i.event.article_id == article and i.event.trigger_start == item.after for i in cluster.items
    )


def _after_days(clusters: list[_Cluster]) -> dict[int, date]:
    """For a story event nothing else dates, the day of the happening its reports say
    it came after ("in the aftermath of Iran's missile strikes", dated Jan. 8 by
    their story event), else the first day its undated reports' weekday allows, by
    cluster index."""
    where: dict[tuple[str, int], list[_Cluster]] = {}
    for c in clusters:
        for i in c.items:
            if i.event.article_id:
                where.setdefault((i.event.article_id, i.event.trigger_start), []).append(c)
    out: dict[int, date] = {}
    for k, c in enumerate(clusters):
        if c.best_span() is not None or c.anchor() is not None:
            continue
        days = []
        for i in c.items:
            key = (i.event.article_id or "", i.after) if i.after is not None else None
            for other in where.get(key, []) if key else []:
                span = other.best_span() if other is not c else None
                if span is not None and span.precision == "day":
                    days.append(span.lo)
        if days:
            out[k] = max(days)
        elif named := [i.from_day for i in c.items if i.from_day is not None]:
            out[k] = max(named)  # "said on Friday" in a story of a known few weeks
    return out


def _story(
    cluster: _Cluster, published: dict[str, date | None], after: date | None = None
) -> StoryEvent:
    items = cluster.items
    span = cluster.best_span()
    if span is not None:
        when: str | None = span.value
        precision = span.precision
    elif after is not None:
        when, precision = after.isoformat(), AFTER
    else:
        anchor = cluster.anchor()
        # an undated plan happens, if at all, after it was first reported, unless
        # it was told as an order given ("ordered the killing") or as background
        ahead = cluster.modality == "planned" and not any(
            _order_given(i.event) or _BACKGROUND in i.event.rule for i in items
        )
        if ahead:  # on or after the first day any of its reports can have been made
            firsts = [i.first_day for i in items if i.first_day is not None]
            when = min(firsts).isoformat() if firsts else None
            precision = AFTER if firsts else "unknown"
        else:
            when, precision = (anchor.isoformat(), REPORTED) if anchor else (None, "unknown")
    articles = sorted({i.event.article_id for i in items if i.event.article_id},
                      key=lambda a: ((published.get(a) or date.max), a))  # fmt: skip
    dates = [d for a in articles if (d := published.get(a)) is not None]
    rep = _representative(items)
    types = Counter(i.event.type for i in items)
    modalities = Counter(i.event.modality for i in items)
    source = majority_actor([i.event.source for i in items])
    target = majority_actor([i.event.target for i in items])
    intensities = [i.event.intensity for i in items if i.event.intensity is not None]
    sentences: list[str] = []
    for i in sorted(items, key=lambda i: (i.report or date.max, i.event.start)):
        if i.event.sentence not in sentences:
            sentences.append(i.event.sentence)
    etype = types.most_common(1)[0][0]
    modality = modalities.most_common(1)[0][0]
    if cluster.modality == "happened" and modality not in HAPPENED:
        happened = Counter(i.event.modality for i in items if i.event.modality in HAPPENED)
        modality = happened.most_common(1)[0][0] if happened else "asserted"
    if cluster.family == "THREATEN":
        direct = Counter(
            i.event.modality
            for i in items
            if i.event.type == "THREATEN" and i.event.modality != "threatened"
        )
        etype, modality = (
            ("THREATEN", direct.most_common(1)[0][0]) if direct else (etype, "threatened")
        )
    return StoryEvent(
        id="",
        date=when,
        date_precision=precision,
        type=etype,
        modality=modality,
        summary=f"{actor_label(source)} {etype} {actor_label(target)}: {clause(rep)}",
        source=source,
        target=target,
        location=majority_location([i.event.location for i in items]),
        intensity=round(sum(intensities) / len(intensities), 2) if intensities else None,
        event_ids=[i.event.id for i in items],
        articles=articles,
        first_reported=min(dates).isoformat() if dates else None,
        sentences=sentences,
        background=all(_BACKGROUND in i.event.rule for i in items),
    )


def _same_happening(a: _Cluster, b: _Cluster) -> bool:
    if a.family != b.family or a.modality != b.modality:
        return False
    da, db = a.anchor(), b.anchor()
    if da is None or db is None or abs((da - db).days) > CONSOLIDATE_DAYS:
        return False
    if _reported_before(a, b) or _reported_before(b, a):
        return False
    if any(_came_after(a, i) for i in b.items) or any(_came_after(b, i) for i in a.items):
        return False  # "in the aftermath of X" is not X
    fits = (profiles_fit(a.source, b.source), profiles_fit(a.target, b.target))
    sites = (a.target.sites | a.place.sites) & (b.target.sites | b.place.sites)
    if fits[1] == 0 and sites:
        fits = (fits[0], 1)
    if -1 in fits:
        return False
    if not (a.place.empty or b.place.empty) and profiles_fit(a.place, b.place) < 0:
        return False
    if any(i.event.source is None and _same_sentence(a, i.event) for i in b.items) or any(
        i.event.source is None and _same_sentence(b, i.event) for i in a.items
    ):  # a source-less clause of a sentence the other reports: one happening, no role clashing
        return True
    if 1 not in fits:
        return False
    need = CONSOLIDATE_OVERLAP if fits == (1, 1) else ONE_ROLE_MIN_OVERLAP
    small = min(len(a.words), len(b.words))
    return small > 0 and len(a.words & b.words) / small >= need


def _reported_before(a: _Cluster, b: _Cluster) -> bool:
    """``a`` states no date and was reported before ``b``'s stated date: it cannot be
    ``b``'s happening ("the killing of 25 Iraqis" told on Dec. 31 is not Jan. 3's)."""
    span, reported = b.best_span(), a.anchor()
    if a.best_span() is not None or span is None or reported is None:
        return False
    return reported < span.lo - timedelta(SLACK_DAYS)


def _consolidate(clusters: list[_Cluster]) -> list[_Cluster]:
    """Join story events that are one happening reported under nearby dates."""
    out: list[_Cluster] = []
    for c in sorted(clusters, key=lambda c: -len(c.items)):
        into = next((o for o in out if _same_happening(o, c)), None)
        if into is None:
            out.append(c)
            continue
        for item in c.items:
            if item.event.id in c.carried:
                into.carry(item)
            else:
                into.add(item)
    return out


def _assign_ids(stories: list[StoryEvent], clusters: list[_Cluster]) -> None:
    seen: Counter[str] = Counter()
    for story, cluster in zip(stories, clusters, strict=True):
        raw = "|".join([cluster.family, cluster.modality, actor_label(story.source),
                        actor_label(story.target), story.date or ""])  # fmt: skip
        sid = "se-" + hashlib.sha1(raw.encode()).hexdigest()[:10]
        seen[sid] += 1
        story.id = sid if seen[sid] == 1 else f"{sid}-{seen[sid]}"
