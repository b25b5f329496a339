"""Typed records shared by every stage of Dateline.

This module imports nothing from the rest of the project: ingest, extractors,
the store and the faces (CLI, report) all speak in these types.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

# ---------------------------------------------------------------------------
# Articles
# ---------------------------------------------------------------------------


@dataclass
class Section:
    """A heading inside an article body and the character offset where it starts."""

    heading: str
    offset: int


@dataclass
class RawArticle:
    """An article as a reader found it, before dating and storage.

    ``text`` is the body without headline, byline, dateline lead or credits line.
    ``origin`` names where it came from (file path, and position inside the file).
    """

    text: str
    origin: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    dateline: str | None = None
    dateline_places: list[str] = field(default_factory=list)
    agency: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None
    sections: list[Section] = field(default_factory=list)
    credits: dict[str, list[str]] = field(default_factory=dict)
    group: str | None = None
    """Articles read from one dump share a group, so dating can use their consistency."""


@dataclass
class PublicationDate:
    """A publication date with where it came from."""

    value: date | None
    inferred: bool
    confidence: float
    evidence: str = ""
    earliest: date | None = None
    """With no ``value``: the first day the text allows (when it bounds it)."""
    latest: date | None = None
    """With no ``value``: the last day the text allows."""


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


@dataclass
class Article:
    """A stored article; ``id`` is stable across re-ingests of the same article."""

    id: str
    identity: str
    content_hash: str
    text: str
    origin: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    dateline: str | None = None
    dateline_places: list[str] = field(default_factory=list)
    agency: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None
    published_inferred: bool = False
    published_confidence: float = 0.0
    sections: list[Section] = field(default_factory=list)
    credits: dict[str, list[str]] = field(default_factory=dict)
    published_earliest: date | None = None
    published_latest: date | None = None
    published_evidence: str = ""
    """How the date was found, or why there is none ("no anchor: …")."""

    @property
    def n_words(self) -> int:
        return len(self.text.split())

    def to_record(self) -> dict[str, Any]:
        """The export form of an article (one JSONL object)."""
        return {
            "id": self.id,
            "title": self.title,
            "authors": list(self.authors),
            "dateline": self.dateline,
            "dateline_places": list(self.dateline_places),
            "agency": self.agency,
            "source": self.source,
            "published": self.published.isoformat() if self.published else None,
            "published_inferred": self.published_inferred,
            "published_confidence": round(self.published_confidence, 3),
            "published_earliest": _iso(self.published_earliest),
            "published_latest": _iso(self.published_latest),
            "published_evidence": self.published_evidence,
            "url": self.url,
            "sections": [s.heading for s in self.sections],
            "section_offsets": [asdict(s) for s in self.sections],
            "credits": {k: list(v) for k, v in self.credits.items()},
            "n_words": self.n_words,
            "origin": self.origin,
            "text": self.text,
        }


# ---------------------------------------------------------------------------
# Ingest results
# ---------------------------------------------------------------------------


@dataclass
class Rejection:
    """An input (or part of one) that could not be ingested, and why."""

    origin: str
    reason: str
    code: str = "E000"

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason} [{self.code}]"


@dataclass
class IngestReport:
    """What one ingest run did."""

    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    redated: list[str] = field(default_factory=list)  # same text, new publication dating

    def merge(self, other: IngestReport) -> None:
        self.new.extend(other.new)
        self.updated.extend(other.updated)
        self.unchanged.extend(other.unchanged)
        self.rejected.extend(other.rejected)
        self.redated.extend(other.redated)

    def summary(self) -> str:
        redated = f", {len(self.redated)} redated" if self.redated else ""
        return (
            f"{len(self.new)} new, {len(self.updated)} updated{redated}, "
            f"{len(self.unchanged)} unchanged, {len(self.rejected)} rejected"
        )


# ---------------------------------------------------------------------------
# Time
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TimeExpression:
    """A temporal expression found in a text, normalised TIMEX3-style.

    ``value`` follows TIMEX3: ``2020-01-03``, ``2020-01``, ``2019``, ``2020-W02``,
    ``PAST_REF``, ``P3D``, ``T14:30`` ... When no anchor date was available,
    relative parts stay unresolved (``XXXX-01-03``, ``XXXX-WXX-5``).
    """

    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str
    granularity: str  # day | week | month | quarter | year | decade | century | time | none
    rule: str
    relative: bool = False
    """True when the value depended on the anchor date or on an earlier expression."""

    def to_record(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class EventDate:
    """The date a clause or sentence refers to."""

    value: str | None  # TIMEX3 date value (2020-01-03, 2020-01, 2020) or None
    precision: str  # day | week | month | year | unknown
    stated: bool  # True when a date expression in the text governs it
    expression: TimeExpression | None = None


# ---------------------------------------------------------------------------
# Quotes (issue 5) — records added below this line by the quotes stage
# ---------------------------------------------------------------------------


@dataclass
class Quote:
    """Something someone said: direct (in quotation marks), partial or indirect.

    Offsets are character offsets into the article text; ``start``/``end`` delimit
    the content. ``speaker`` is the speaker phrase as written (or, for a pronoun,
    the name it resolves to); ``speaker_entity_id`` is filled by the actors stage.
    """

    text: str
    kind: str  # direct | partial | indirect
    start: int
    end: int
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_entity_id: str | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    date: str | None = None
    rule: str = ""
    article_id: str | None = None
    id: str = ""


# ---------------------------------------------------------------------------
# Quantities and claims (issue 6) — records added below this line by the claims stage
# ---------------------------------------------------------------------------


@dataclass
class Quantity:
    """A number found in a text, with what it counts or measures.

    ``value``/``value_max`` hold a single value (``value_max`` None) or a range.
    ``change`` follows NewsQuant: ``=`` exact, ``~`` approximate, ``>`` at least /
    more than, ``<`` at most / less than, ``up``/``down`` a change by that amount.
    ``qualifier`` is the qualifying words as written ("at least", "nearly").
    ``unit`` is the measurement unit or, for a count, the counted noun phrase;
    ``what`` is the counted (or measured) object phrase. ``category`` is one of
    killed | wounded | arrested | displaced | troops | weapons | money | crowd | other.
    ``vague`` marks order-of-magnitude words ("hundreds", "tens of thousands"),
    whose range excludes its upper bound.
    """

    value: float
    value_max: float | None
    qualifier: str | None
    change: str
    unit: str | None
    what: str | None
    category: str
    start: int
    end: int
    text: str
    unit_normalized: str | None = None
    vague: bool = False
    rule: str = ""


@dataclass
class Claim:
    """A quantity of interest asserted by someone about something, on some date."""

    value: float
    value_max: float | None
    qualifier: str | None
    change: str
    unit: str | None
    what: str | None
    category: str
    attributed_to: str | None
    date: str | None
    start: int
    end: int
    sentence: str
    text: str = ""
    vague: bool = False
    attribution: str = ""  # quote | cue | according_to | publisher | none
    article_id: str | None = None
    group_id: str | None = None
    conflict: bool = False
    id: str = ""
    cause: str | None = None
    """What produced a casualty figure, as a lemma: "stampede", "strike", "shoot"."""


@dataclass
class ClaimSide:
    """One distinct value asserted within a claim group, and who asserted it."""

    label: str
    lo: float
    hi: float
    sources: list[str] = field(default_factory=list)
    n_claims: int = 0


@dataclass
class ClaimGroup:
    """Claims (possibly from several articles) about the same thing."""

    id: str
    category: str
    what: str
    claims: list[Claim] = field(default_factory=list)
    conflict: bool = False
    sides: list[ClaimSide] = field(default_factory=list)
    date: str | None = None


# ---------------------------------------------------------------------------
# Actors (issue 4) — records added below this line by the actors stage
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ActorCode:
    """The country (ISO alpha-3) and PLOVER sector an actor phrase is coded as.

    ``rule`` names what decided the code (``actor``, ``metonymy``, ``nationality``,
    ``role``, ``entity`` ... joined with ``+``), empty when nothing matched.
    """

    country: str | None = None
    sector: str | None = None
    rule: str = ""


@dataclass
class Mention:
    """A name mentioned in one article, after correcting the NER.

    ``text``/``start``/``end`` delimit the name as written (titles peeled off);
    ``name`` is its canonical form within the article (a surname resolves to the
    full name); ``role`` the title or role written with it ("Supreme Leader");
    ``entity_key`` the key shared by mentions of one entity in the article.
    """

    text: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    label: str  # PERSON | ORG | GPE | NORP | LOC | FAC
    name: str
    role: str | None = None
    entity_key: str = ""
    country: str | None = None
    sector: str | None = None
    rule: str = ""


@dataclass
class Entity:
    """One actor across articles: its aliases, type, coding and where it occurs."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    roles: list[str] = field(default_factory=list)
    mentions: int = 0
    articles: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------
# Events (issue 7) — records added below this line by the events stage
# ---------------------------------------------------------------------------

MODALITIES = (
    "asserted",
    "reported",
    "denied",
    "threatened",
    "planned",
    "conditional",
    "negated",
    "question",
)
"""How a text holds an event. Only ``asserted`` and ``reported`` are things that happened."""

HAPPENED = ("asserted", "reported")


@dataclass
class EventActor:
    """The source or target of an event: the phrase as written and its coding."""

    text: str
    start: int | None = None
    end: int | None = None
    entity_id: str | None = None
    country: str | None = None
    sector: str | None = None


@dataclass
class EventLocation:
    """Where an event took place, as written, with its country when known."""

    text: str
    start: int | None = None
    end: int | None = None
    country: str | None = None


@dataclass
class Event:
    """Who did what to whom, when and where — one PLOVER-coded event in one sentence.

    ``start``/``end`` delimit the event clause, ``trigger_*`` the word(s) that
    express the action; all offsets are character offsets into the article text.
    ``quad``: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    4 material conflict. ``intensity`` is the conflict–cooperation score (−10…+10).
    ``rule`` names the rule or lexicon entry that produced the event.
    """

    id: str
    article_id: str | None
    type: str  # PLOVER: AGREE, CONSULT, ... ASSAULT
    mode: str | None
    cameo: str | None
    quad: int | None
    intensity: float | None
    source: EventActor | None
    target: EventActor | None
    location: EventLocation | None
    date: str | None
    date_precision: str  # day | week | month | year | unknown
    modality: str  # one of MODALITIES
    attributed_to: str | None
    sentence: str
    sentence_start: int
    sentence_end: int
    trigger: str
    trigger_start: int
    trigger_end: int
    start: int
    end: int
    rule: str
    date_stated: bool = False

    @property
    def happened(self) -> bool:
        return self.modality in HAPPENED

    def to_record(self) -> dict[str, Any]:
        return asdict(self)


# ---------------------------------------------------------------------------
# Story layer (issue 8) — records added below this line by the story stage
# ---------------------------------------------------------------------------


@dataclass
class StoryEvent:
    """One real-world happening: the events (from one or many articles) that report it."""

    id: str
    date: str | None
    date_precision: str
    type: str
    modality: str
    summary: str
    source: EventActor | None
    target: EventActor | None
    location: EventLocation | None = None
    intensity: float | None = None
    event_ids: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    first_reported: str | None = None
    sentences: list[str] = field(default_factory=list)
    disputed: bool = False
    claim_groups: list[str] = field(default_factory=list)
    background: bool = False
    """Every report tells it in a describing or past-perfect clause ("militias that
    helped crush Islamic State", "Iran had sought to avoid casualties"): context,
    not the news of the day."""

    def to_record(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class EscalationPoint:
    """Events between one actor pair on one day, and their mean intensity."""

    pair: str  # "IRN–USA": the two country (or actor) codes, sorted
    date: str
    events: int  # all happenings placed on this day
    mean_intensity: float
    unstated: int = 0  # of ``events``: dated only as "on or before" (by reports) or to a weekend


# ---------------------------------------------------------------------------
# Analysis of one article (the pipeline's unit of work)
# ---------------------------------------------------------------------------


@dataclass
class ArticleAnalysis:
    """Everything the extractors found in one article, saved together."""

    article_id: str
    times: list[TimeExpression] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
