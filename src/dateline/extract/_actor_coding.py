"""Code an actor phrase by country and PLOVER sector (private helper of :mod:`.actors`).

Rules, in order of strength:

* a known actor of the lexicon inside the phrase ("the Quds Force commander",
  "Pentagon spokesman") gives its country and, for organisations, its sector;
* a capital or seat of government used as an actor ("Washington said", "the White
  House", "Tehran") stands for that country's government (metonymy);
* a role or agent noun ("foreign minister", "militia", "troops") gives the sector;
* a country name or nationality word ("Iranian forces", "U.S. President") gives the
  country, unless it only says who backs or opposes the actor ("Iran-backed",
  "pro-Iranian", "anti-American").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..lexicons import KnownActor, Lexicons, load_lexicons
from ..models import ActorCode

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_EDGE = re.compile(r"^[\"“”‘(\[]+|[\"“”’,;:!?)\]]+$")
# Suffixes after which a country word says who supports or hosts an actor, not whose it is.
_NOT_OWNER_SUFFIX = tuple(
    [
        "backed",
        "linked",
        "allied",
        "aligned",
        "supported",
        "sponsored",
        "born",
        "funded",
        "friendly",
        "controlled",
        "leaning",
        "trained",
    ]
)
_NOT_OWNER_PREFIX = ("pro", "anti", "non", "ex")
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "this", "that", "these"}


@dataclass
class _Tok:
    text: str
    owner: bool = True  # False when a country word here does not name the actor's country
    possessive: bool = False  # written "Iran's"


def _tokens(phrase: str) -> list[_Tok]:
    out: list[_Tok] = []
    for raw in phrase.split():
        word = _EDGE.sub("", raw)
        possessive = len(word) > 2 and bool(_POSSESSIVE.search(word))
        word = _POSSESSIVE.sub("", word) if len(word) > 2 else word
        if possessive:
            out.append(_Tok(word, possessive=True))
            continue
        if not word:
            continue
        if "-" in word and not word.lower().startswith(("al-", "el-")):
            parts = [p for p in word.split("-") if p]
            low = [p.lower() for p in parts]
            if len(parts) >= 2 and (low[-1] in _NOT_OWNER_SUFFIX or low[0] in _NOT_OWNER_PREFIX):
                out.extend(_Tok(p, owner=False) for p in parts)
                continue
            # "U.S.-led", "Iranian-American": keep whole word, and its first part as owner
            joined = "-".join(parts)
            if len(parts) >= 2 and not word[0].islower():
                out.append(_Tok(parts[0]))
                out.extend(_Tok(p, owner=False) for p in parts[1:])
                continue
            out.append(_Tok(joined))
            continue
        out.append(_Tok(word))
    return out


def _scan(
    words: list[str], max_n: int, lookup, taken: set[int] | None = None
) -> list[tuple[int, int, object]]:
    """Longest-first, left-to-right non-overlapping n-gram matches."""
    hits: list[tuple[int, int, object]] = []
    i = 0
    while i < len(words):
        found = None
        for n in range(min(max_n, len(words) - i), 0, -1):
            if taken and any(k in taken for k in range(i, i + n)):
                continue
            value = lookup(" ".join(words[i : i + n]))
            if value is not None:
                found = (i, i + n, value)
                break
        if found:
            hits.append(found)
            i = found[1]
        else:
            i += 1
    return hits


def _agent_lookup(lex: Lexicons):
    def look(text: str) -> tuple[str, str] | None:
        if text.lower() in _DETERMINERS:
            return None
        return lex.agent(text)

    return look


def code_phrase(phrase: str, lex: Lexicons | None = None) -> ActorCode:
    """Country and sector of an actor phrase from the lexicons alone."""
    lex = lex or load_lexicons()
    toks = _tokens(phrase)
    words = [t.text for t in toks]
    if not words:
        return ActorCode()
    actors = _scan(words, lex.max_actor_words, lex.actor)
    actor_idx = {k for s, e, _ in actors for k in range(s, e)}
    countries = [
        (s, e, c)
        for s, e, c in _scan(words, lex.max_country_words, lex.country_of, actor_idx)
        if all(toks[k].owner for k in range(s, e))
    ]
    country_idx = {k for s, e, _ in countries for k in range(s, e)}
    agents = _scan(words, lex.max_agent_words, _agent_lookup(lex), actor_idx | country_idx)
    code = _decide(actors, countries, _pick_agent(agents, words))
    # "Iran's U.N. ambassador": a possessive country owns what follows it
    if countries and toks[countries[0][1] - 1].possessive and countries[0][0] == 0:
        owner = countries[0][2]
        assert isinstance(owner, str)
        if owner != code.country:
            code = ActorCode(owner, code.sector, code.rule + "+possessor")
    return code


# Role nouns that take the sector of the body they serve when one is named with
# them ("leaders of the opposition party", "militia leader", "employee of the consulate").
GENERIC_ROLES = set(
    [
        "leader",
        "leaders",
        "head",
        "chief",
        "member",
        "members",
        "official",
        "officials",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "representative",
        "aide",
        "aides",
        "employee",
        "employees",
        "staff",
        "worker",
        "workers",
        "adviser",
        "advisor",
    ]
)


def _pick_agent(agents: list[tuple[int, int, object]], words: list[str]) -> tuple[str, str] | None:
    if not agents:
        return None
    specific = [h for h in agents if " ".join(words[h[0] : h[1]]).lower() not in GENERIC_ROLES]
    if specific and len(specific) < len(agents):
        agents = specific
    # The most specific (longest) role noun decides; ties go to the leftmost, which
    # in "Senate President's aide" or "defense ministry spokeswoman" names the body.
    best = max(agents, key=lambda h: (h[1] - h[0], -h[0]))
    code = best[2]
    assert isinstance(code, tuple)
    return code


def _decide(actors, countries, role: tuple[str, str] | None) -> ActorCode:
    rules: list[str] = []
    country: str | None = None
    sector: str | None = None
    known: list[KnownActor] = [a for _, _, a in actors]
    orgs = [a for a in known if a.type != "PERSON"]
    people = [a for a in known if a.type == "PERSON"]
    org = next((a for a in orgs if a.type != "GPE"), None)
    place = next((a for a in orgs if a.type == "GPE"), None)
    if org is not None:
        country, sector = org.country, org.sector
        rules.append("actor")
        if sector is None and role is not None:
            sector = role[0]
            rules.append("role")
    elif people:
        person = people[0]
        country = person.country
        sector = role[0] if role is not None else person.sector
        rules.append("actor" if role is None else "actor+role")
    elif place is not None:
        country = place.country
        sector = role[0] if role is not None else place.sector
        rules.append("metonymy" if role is None else "place+role")
    elif role is not None:
        sector = role[0]
        rules.append("role")
    if countries and (country is None or (org is None and not people)):
        # A nationality word names the country when no organisation or person has one.
        first = countries[0][2]
        assert isinstance(first, str)
        if country is None or place is not None:
            country = first
            rules.append("nationality")
    return ActorCode(country=country, sector=sector, rule="+".join(rules))


def code_with_context(
    phrase: str, known: Iterable[tuple[str, ActorCode]] = (), lex: Lexicons | None = None
) -> ActorCode:
    """Code ``phrase``; fall back on already-coded names found in it (``known``)."""
    code = code_phrase(phrase, lex)
    if code.country and code.sector:
        return code
    for name, other in known:
        if name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", phrase):
            return ActorCode(
                country=code.country or other.country,
                sector=code.sector or other.sector,
                rule="+".join(r for r in (code.rule, "entity") if r),
            )
    return code
