"""Event lexicons (private helper of :mod:`.events`): trigger words and PLOVER coding.

* ``event_verbs.tsv`` — trigger lemmas (verbs, optionally with a particle, and
  event nouns) with their PLOVER type and mode;
* ``plover.tsv`` — each PLOVER type and mode with its quad class,
  conflict–cooperation score and CAMEO code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_DATA = "dateline.data"

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


@dataclass(frozen=True)
class TriggerEntry:
    """One lexicon entry: a trigger lemma with its PLOVER type and mode."""

    lemma: str
    pos: str  # V | N
    type: str
    mode: str | None
    particle: str | None = None

    @property
    def name(self) -> str:
        word = f"{self.lemma} {self.particle}" if self.particle else self.lemma
        kind = "verb" if self.pos == "V" else "noun"
        return f"{kind}:{word}→{self.type}"


@dataclass(frozen=True)
class Coding:
    """Quad class, conflict–cooperation score and CAMEO code of a type (and mode)."""

    quad: int
    intensity: float
    cameo: str


@dataclass
class EventLexicon:
    """Trigger entries by (lemma, pos), and the PLOVER coding table."""

    verbs: dict[str, list[TriggerEntry]]
    nouns: dict[str, TriggerEntry]
    coding: dict[tuple[str, str], Coding]

    def verb(self, lemma: str, particles: set[str]) -> TriggerEntry | None:
        """The entry for a verb lemma; an entry with a matching particle wins."""
        entries = self.verbs.get(lemma.lower(), [])
        for e in entries:
            if e.particle and e.particle in particles:
                return e
        for e in entries:
            if not e.particle:
                return e
        return None

    def noun(self, lemma: str) -> TriggerEntry | None:
        return self.nouns.get(lemma.lower())

    def code(self, type_: str, mode: str | None) -> Coding:
        """Coding of ``type_`` with ``mode``, falling back to the type's own coding."""
        found = self.coding.get((type_, mode or ""))
        return found if found is not None else self.coding[(type_, "")]


def _rows(name: str) -> list[list[str]]:
    text = resources.files(_DATA).joinpath(name).read_text(encoding="utf-8")
    return [
        line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]


@lru_cache(maxsize=1)
def load_event_lexicon() -> EventLexicon:
    """Read ``event_verbs.tsv`` and ``plover.tsv`` (once per process)."""
    verbs: dict[str, list[TriggerEntry]] = {}
    nouns: dict[str, TriggerEntry] = {}
    for row in _rows("event_verbs.tsv"):
        lemma, pos, type_ = row[0], row[1], row[2]
        mode = row[3].strip() if len(row) > 3 and row[3].strip() else None
        words = lemma.split()
        particle = " ".join(words[1:]) if len(words) > 1 else None
        entry = TriggerEntry(words[0], pos, type_, mode, particle)
        if pos == "V":
            verbs.setdefault(words[0], []).append(entry)
        else:
            nouns[lemma] = entry
    coding: dict[tuple[str, str], Coding] = {}
    for row in _rows("plover.tsv"):
        coding[(row[0], row[1])] = Coding(int(row[2]), float(row[3]), row[4].strip())
    return EventLexicon(verbs=verbs, nouns=nouns, coding=coding)
