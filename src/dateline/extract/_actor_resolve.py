"""Mentions of many articles merged into entities (private helper of :mod:`.actors`).

* Mentions are grouped by canonical name (articles already linked their own
  surnames to full names); the type of a group is voted over all its mentions.
* A name that is only the tail of longer PERSON names ("Trump", "Abdul Mahdi") joins
  the full name when exactly one full name in the corpus ends with it. When several
  do ("Jeff Mason" and "Tom Mason"), it stays apart unless one of them dominates the
  corpus (at least three times as many mentions, and at least three), so that two
  people sharing a surname are never merged with each other.
* Ids are stable: a hash of the entity type and canonical name.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable

from ..lexicons import load_lexicons
from ..models import Entity, Mention

_LABEL_ORDER = {"PERSON": 0, "ORG": 1, "GPE": 2, "NORP": 3, "FAC": 4, "LOC": 5}
_SINGLE_ORDER = {"GPE": 0, "ORG": 1, "PERSON": 2, "NORP": 3, "LOC": 4, "FAC": 5}
DOMINANCE = 3


def name_tokens(name: str) -> list[str]:
    """Lower-case name words without an Arabic article prefix ("al-Muhandis" → "muhandis")."""
    out = []
    for word in name.replace("’", "'").split():
        low = word.lower().strip(".,")
        for prefix in ("al-", "el-"):
            if low.startswith(prefix) and len(low) > len(prefix) + 1:
                low = low[len(prefix) :]
        if low:
            out.append(low)
    return out


def surname_matches(name: str, full_names: Iterable[str]) -> list[str]:
    """Full names of which ``name`` is a proper tail ("Abdul Mahdi" of "Adel Abdul Mahdi")."""
    toks = name_tokens(name)
    if not toks:
        return []
    out = []
    for full in full_names:
        ftoks = name_tokens(full)
        if len(ftoks) > len(toks) and ftoks[-len(toks) :] == toks and full not in out:
            out.append(full)
    return out


def entity_id(type_: str, name: str) -> str:
    """A stable id for an entity: hash of its type and canonical name."""
    digest = hashlib.sha1(f"{type_}|{name.lower()}".encode()).hexdigest()
    return f"ent_{digest[:12]}"


def _vote(labels: Counter[str], name: str = "") -> str:
    """Majority label; ties go to PERSON for full names, to places for single words."""
    single = len(name_tokens(name)) == 1
    order = _SINGLE_ORDER if single else _LABEL_ORDER
    return min(labels, key=lambda lab: (-labels[lab], order.get(lab, 9)))


def _link_tails(names: dict[str, Counter[str]], lex_country_of) -> dict[str, str]:
    """Map a bare surname (or name tail) to the one full PERSON name it stands for."""
    counts = {n: sum(c.values()) for n, c in names.items()}
    fulls = [n for n, c in names.items() if len(name_tokens(n)) >= 2 and _vote(c, n) == "PERSON"]
    link: dict[str, str] = {}
    for name in names:
        if lex_country_of(name) or name in fulls and len(name_tokens(name)) >= 2:
            continue
        cands = surname_matches(name, fulls)
        if not cands:
            continue
        if len(cands) == 1:
            link[name] = cands[0]
            continue
        ranked = sorted(cands, key=lambda n: -counts[n])
        top, second = counts[ranked[0]], counts[ranked[1]]
        if top >= DOMINANCE and top >= DOMINANCE * second:
            link[name] = ranked[0]
    return link


def resolve_entities(mentions_by_article: dict[str, list[Mention]]) -> list[Entity]:
    """Merge the mentions of all articles into entities, most mentioned first.

    Each mention's ``entity_key`` is set to the id of the entity it was merged into.
    """
    lex = load_lexicons()
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for mentions in mentions_by_article.values():
        for m in mentions:
            names[m.name][m.label] += 1
    link = _link_tails(names, lex.country_of)

    # one entity per name whatever its case ("ISIS"/"Isis", "Al-Qaeda"/"al-Qaeda"):
    # the ids hash the lower-cased name; the most frequent spelling names it
    groups: dict[str, list[tuple[str, Mention]]] = defaultdict(list)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for aid, mentions in mentions_by_article.items():
        for m in mentions:
            canonical = link.get(m.name, m.name)
            groups[canonical.lower()].append((aid, m))
            spellings[canonical.lower()][canonical] += 1

    entities: list[Entity] = []
    for key, members in groups.items():
        name = spellings[key].most_common(1)[0][0]
        labels = Counter(m.label for _, m in members)
        type_ = _vote(labels, name)
        if len(name_tokens(name)) >= 2 and labels["PERSON"] and type_ != "PERSON":
            # a full name seen as a PERSON anywhere is a person ("Charming Kitten" is
            # overridden by the lexicon before this point)
            known = lex.actor(name)
            if known is None or known.type == "PERSON":
                type_ = "PERSON" if labels["PERSON"] * 2 >= labels[type_] else type_
        ent = Entity(id=entity_id(type_, name), name=name, type=type_)
        aliases: Counter[str] = Counter()
        roles: Counter[str] = Counter()
        countries: Counter[str] = Counter()
        sectors: Counter[str] = Counter()
        for aid, m in members:
            aliases[m.text] += 1
            if m.role:
                roles[m.role] += 1
            if m.country:
                countries[m.country] += 1
            if m.sector:
                sectors[m.sector] += 1
            if aid not in ent.articles:
                ent.articles.append(aid)
            m.entity_key = ent.id
        ent.aliases = [a for a, _ in aliases.most_common()]
        ent.roles = [r for r, _ in roles.most_common()]
        ent.mentions = len(members)
        known = lex.actor(name)
        if known is not None:
            ent.country, ent.sector = known.country, known.sector
        if ent.country is None and countries:
            ent.country = countries.most_common(1)[0][0]
        if ent.sector is None and sectors:
            ent.sector = sectors.most_common(1)[0][0]
        entities.append(ent)
    entities.sort(key=lambda e: (-e.mentions, e.name))
    return entities
