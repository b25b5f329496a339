"""Actor lexicons: countries, agent nouns (PLOVER sectors) and named actors.

The files live in ``dateline/data`` (``countries.tsv`` and ``agents.tsv`` are built
from the shared codebooks by ``tools/build_lexicons.py``; ``actors.tsv`` is
hand-written). They are read once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

# Words written before a name that are forms of address, not roles.
HONORIFICS = frozenset(
    [
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "sir",
        "dame",
        "sheikh",
        "shaikh",
        "ayatollah",
        "grand",
        "hojatoleslam",
        "rev",
        "rev.",
        "reverend",
        "prof",
        "prof.",
        "professor",
        "lord",
        "lady",
        "mullah",
        "imam",
    ]
)

# Title words that may stand before a name (lower case). Together with the agent
# nouns of the PLOVER lexicon they make up the role peeled off a person's name.
TITLE_WORDS = frozenset(
    [
        "president",
        "vice",
        "prime",
        "minister",
        "foreign",
        "defense",
        "defence",
        "secretary",
        "state",
        "supreme",
        "leader",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "general",
        "major-general",
        "major",
        "brigadier",
        "brigadier-general",
        "lieutenant",
        "lieutenant-general",
        "lt.",
        "lt",
        "gen.",
        "gen",
        "col.",
        "colonel",
        "maj.",
        "sgt.",
        "sergeant",
        "captain",
        "capt.",
        "admiral",
        "adm.",
        "commander",
        "chief",
        "senator",
        "sen.",
        "rep.",
        "representative",
        "speaker",
        "house",
        "king",
        "queen",
        "prince",
        "crown",
        "emir",
        "sultan",
        "governor",
        "gov.",
        "mayor",
        "ambassador",
        "envoy",
        "special",
        "deputy",
        "acting",
        "former",
        "interior",
        "finance",
        "treasury",
        "energy",
        "justice",
        "attorney",
        "ayatollah",
        "cleric",
        "senior",
        "top",
        "adviser",
        "advisor",
        "aide",
        "counsel",
        "director",
        "head",
        "judge",
        "chairman",
        "chairwoman",
        "chair",
        "minority",
        "majority",
        "democratic",
        "republican",
        "national",
        "security",
        "army",
        "navy",
        "air",
        "force",
        "marine",
        "intelligence",
        "official",
        "staff",
        "of",
        "the",
        "to",
        "for",
        "and",
        "white",
        "press",
        "communications",
        "analyst",
        "journalist",
        "reporter",
        "correspondent",
        "editor",
        "researcher",
        "spy",
        "mr.",
        "commander-in-chief",
        "militia",
        "guards",
        "revolutionary",
        "quds",
        "joint",
        "chiefs",
        "assistant",
        "under",
        "undersecretary",
        "affairs",
        "ministry",
    ]
)

_DATA = "dateline.data"
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class KnownActor:
    """A named actor of the hand-written lexicon."""

    form: str
    name: str
    type: str
    country: str | None
    sector: str | None


@dataclass
class Lexicons:
    """All actor lexicons, indexed for phrase lookup."""

    country_forms: dict[str, str] = field(default_factory=dict)  # form -> iso3 (case-sensitive)
    country_names: dict[str, str] = field(default_factory=dict)  # iso3 -> name
    agents: dict[str, tuple[str, str]] = field(default_factory=dict)  # lower phrase -> codes
    actors: dict[str, KnownActor] = field(default_factory=dict)  # form -> actor
    actors_lower: dict[str, KnownActor] = field(default_factory=dict)
    max_country_words: int = 1
    max_agent_words: int = 1
    max_actor_words: int = 1

    def country_of(self, form: str) -> str | None:
        """The ISO alpha-3 code a country name or nationality word stands for."""
        return self.country_forms.get(form)

    def actor(self, form: str) -> KnownActor | None:
        """A known actor by surface form (exact case first, then any case for 2+ words)."""
        hit = self.actors.get(form)
        if hit is None and " " in form:
            hit = self.actors_lower.get(form.lower())
        return hit

    def agent(self, phrase: str) -> tuple[str, str] | None:
        """The (sector, secondary) code of an agent noun phrase, trying singular forms."""
        low = phrase.lower()
        for cand in _singulars(low):
            hit = self.agents.get(cand)
            if hit is not None:
                return hit
        return None


def _singulars(word: str) -> list[str]:
    out = [word]
    if word.endswith("ies") and len(word) > 4:
        out.append(word[:-3] + "y")
    if word.endswith("men"):
        out.append(word[:-3] + "man")
    if word.endswith("es") and len(word) > 4:
        out.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        out.append(word[:-1])
    return out


def _rows(name: str) -> list[list[str]]:
    text = resources.files(_DATA).joinpath(name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


def _n_words(text: str) -> int:
    return len(_WORD.findall(text))


@lru_cache(maxsize=1)
def load_lexicons() -> Lexicons:
    """Read the lexicon files of ``dateline/data`` (once per process)."""
    lex = Lexicons()
    for row in _rows("countries.tsv"):
        iso3, name, forms = row[0], row[1], row[2] if len(row) > 2 else ""
        lex.country_names[iso3] = name
        for form in [name, *forms.split("|")]:
            form = form.strip()
            if form:
                lex.country_forms.setdefault(form, iso3)
                lex.max_country_words = max(lex.max_country_words, _n_words(form))
    for row in _rows("agents.tsv"):
        phrase = row[0].strip()
        if phrase:
            lex.agents[phrase] = (row[1].strip(), row[2].strip() if len(row) > 2 else "")
            lex.max_agent_words = max(lex.max_agent_words, _n_words(phrase))
    for row in _rows("actors.tsv"):
        row = row + [""] * (5 - len(row))
        form = row[0].strip()
        actor = KnownActor(
            form=form,
            name=row[1].strip() or form,
            type=row[2].strip() or "ORG",
            country=row[3].strip() or None,
            sector=row[4].strip() or None,
        )
        lex.actors[form] = actor
        lex.actors_lower.setdefault(form.lower(), actor)
        lex.max_actor_words = max(lex.max_actor_words, _n_words(form))
    return lex
