"""Actors: name mentions corrected, resolved across articles, coded by country and sector.

* :func:`extract_mentions` — the names of one parsed article (a spaCy ``Doc``), with
  the NER corrected (titles peeled, labels made consistent, surnames linked to full
  names, lexicon overrides); see :mod:`._actor_mentions`.
* :func:`resolve_entities` — mentions of many articles merged into entities with a
  stable id, corpus-level label voting and careful surname linking; see
  :mod:`._actor_resolve`.
* :func:`code_actor` — the country (ISO alpha-3, or a PLOVER non-state code such as
  ``UNO``) and PLOVER sector of an actor phrase; see :mod:`._actor_coding`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc

from ..lexicons import Lexicons, load_lexicons
from ..models import ActorCode, Entity, EventActor, Mention
from ._actor_coding import code_phrase, code_with_context
from ._actor_mentions import Candidate, candidates
from ._actor_resolve import name_tokens, resolve_entities, surname_matches

__all__ = [
    "code_actor", "extract_mentions", "resolve_entities", "canonical_country", "named_owner",
]  # fmt: skip

_LABEL_ORDER = {"PERSON": 0, "ORG": 1, "GPE": 2, "NORP": 3, "FAC": 4, "LOC": 5}


def canonical_country(text: str, lex: Lexicons | None = None) -> tuple[str, str] | None:
    """("United States", "GPE") for "U.S."; ("Iranian", "NORP") for "Iranians"."""
    lex = lex or load_lexicons()
    iso = lex.country_of(text)
    if iso is None:
        return None
    name = lex.country_names.get(iso, text)
    if text == name or text in {"U.S.", "US", "U.S", "America", "United States of America"}:
        return name, "GPE"
    if text[:1].isupper() and text.endswith("s") and lex.country_of(text[:-1]) == iso:
        return text[:-1], "NORP"
    if text.endswith(("an", "ian", "ese", "ish", "i", "ic")) and " " not in text:
        return text, "NORP"
    return name, "GPE"


def code_actor(phrase: str, doc_context: object = None) -> ActorCode:
    """Country and PLOVER sector of an actor phrase.

    ``doc_context`` may give already-known actors: a list of :class:`Entity` or
    :class:`Mention`, or a spaCy ``Doc`` (its mentions are extracted). A phrase the
    lexicons cannot code fully then borrows the coding of a known name inside it
    ("Hoffman said" after "Pentagon spokesman Jonathan Hoffman").
    """
    known: list[tuple[str, ActorCode]] = []
    if isinstance(doc_context, Doc):
        doc_context = extract_mentions(doc_context)
    if isinstance(doc_context, Iterable) and not isinstance(doc_context, str | bytes):
        for item in doc_context:
            if isinstance(item, Entity):
                code = ActorCode(item.country, item.sector, "entity")
                for alias in sorted({item.name, *item.aliases}, key=len, reverse=True):
                    known.append((alias, code))
            elif isinstance(item, Mention) and (item.country or item.sector):
                code = ActorCode(item.country, item.sector, "entity")
                known.extend([(item.name, code), (item.text, code)])
    if not known:
        return code_phrase(phrase)
    return code_with_context(phrase, known)


def _sentence(doc: Doc, i: int) -> tuple[int, int]:
    sent = doc[i].sent
    return sent.start_char, sent.end_char


def _canonical(c: Candidate, text: str, lex: Lexicons) -> tuple[str, str]:
    if c.name:
        return c.name, c.label
    country = canonical_country(text, lex)
    if country is not None and c.label in ("GPE", "NORP", "ORG", "LOC", "FAC", "PERSON"):
        return country
    return text, c.label


def extract_mentions(doc: Doc, lex: Lexicons | None = None) -> list[Mention]:
    """The corrected name mentions of one parsed article, in text order."""
    lex = lex or load_lexicons()
    cands = candidates(doc, lex)
    built: list[tuple[Candidate, str, str, str]] = []  # candidate, text, name, label
    for c in cands:
        text = doc[c.start : c.end].text
        text = text[:-2] if text.endswith(("'s", "’s")) else text
        text = text.rstrip(".,;:") if not text.endswith(("U.S.", "U.N.", "Jr.")) else text
        name, label = _canonical(c, text, lex)
        built.append((c, text, name, label))

    # full PERSON names of the article: multi-word, tagged or evidenced as persons
    persons: Counter[str] = Counter()
    for c, _text, name, label in built:
        if len(name_tokens(name)) >= 2 and (label == "PERSON" or (c.role and label != "GPE")):
            known = lex.actor(name)
            if known is None or known.type == "PERSON":
                persons[name] += 1
    orgs = {name for c, _t, name, label in built if label == "ORG" and len(name_tokens(name)) >= 2}

    mentions: list[Mention] = []
    for c, text, name, label in built:
        rule = c.source
        if name in persons:
            label = "PERSON"
        else:
            linked = surname_matches(name, persons)
            if len(linked) == 1 and label not in ("NORP",) and lex.country_of(name) is None:
                name, label, rule = linked[0], "PERSON", rule + "+surname"
            elif label in ("TITLE", "ORG") and len(name_tokens(name)) == 1 and not c.name:
                org = surname_matches(name, orgs)
                if len(org) == 1:
                    name, label, rule = org[0], "ORG", rule + "+tail"
                elif label == "TITLE":
                    continue
            elif len(linked) > 1:
                label, rule = "PERSON", rule + "+ambiguous-surname"
        if label == "TITLE":
            continue
        if c.label == "PERSON" and label != "PERSON" and lex.country_of(name) is None:
            label = "PERSON"
        mentions.append(_mention(doc, c, text, name, label, rule, lex))

    mentions.extend(_uncovered_surnames(doc, mentions, persons, lex))
    mentions.extend(_uncovered_tails(doc, mentions, lex))
    mentions.sort(key=lambda m: m.start)
    _states_by_context(doc, mentions, lex)
    _vote_labels(mentions)
    return mentions


_STATE_ORGANS = frozenset({
    "navy", "army", "military", "government", "ministry", "parliament", "president",
    "prime", "foreign", "defense", "defence", "coast", "border", "embassy", "cabinet",
    "armed", "forces", "troops", "state", "interior", "finance", "king", "queen", "senate",
})  # fmt: skip


_STATE_ONLY = frozenset({
    "navy", "coast", "foreign", "ministry", "parliament", "embassy", "border", "interior",
    "finance", "senate", "defense", "defence", "cabinet",
})  # fmt: skip
"""Organs a person does not own: "Assad's army" is said, "Assad's navy" or "Assad
Foreign Minister X" is not — so these make a single name the NER took for a
person a country."""


def _states_by_context(doc: Doc, mentions: list[Mention], lex: Lexicons) -> None:
    """A name unknown to the lexicons that owns state organs is a country (GPE):
    "Norland's navy", "Veskia's government", "Norland Foreign Minister Ilse Varga".

    Only single names, never a known actor or a country already in the lexicons,
    and for a name the NER called a person only organs no person owns; every
    mention of the name in the article follows.
    """
    states: set[str] = set()
    for m in mentions:
        if m.label not in ("ORG", "GPE", "LOC", "PERSON") or " " in m.name or lex.actor(m.name):
            continue
        if lex.country_of(m.name) is not None:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        k = span.end
        if k < len(doc) and doc[k].text in ("'s", "’s", "'", "’"):
            k += 1
        organs = _STATE_ORGANS if m.label != "PERSON" else _STATE_ONLY
        if k < len(doc) and doc[k].lower_ in organs:
            states.add(m.name)
    for m in mentions:
        if m.name in states:
            m.label, m.rule = "GPE", m.rule + "+state-context"


def _mention(
    doc: Doc, c: Candidate, text: str, name: str, label: str, rule: str, lex: Lexicons
) -> Mention:
    s_start, s_end = _sentence(doc, c.start)
    start = doc[c.start].idx
    phrase = name
    if c.role:
        phrase = f"{c.role} {name}"
        if c.role_start is not None and c.role_start < c.start:
            phrase = f"{doc[c.role_start : c.start].text} {name}"
    code = code_phrase(phrase, lex)
    return Mention(
        text=text,
        start=start,
        end=start + len(text),
        sentence_start=s_start,
        sentence_end=s_end,
        label=label,
        name=name,
        role=c.role,
        entity_key=f"{label}:{name}",
        country=code.country,
        sector=code.sector,
        rule=rule,
    )


def _uncovered_surnames(
    doc: Doc, mentions: list[Mention], persons: Counter[str], lex: Lexicons
) -> list[Mention]:
    """Later uses of a person's surname that spaCy did not tag at all."""
    covered = [(m.start, m.end) for m in mentions]
    by_surname: dict[str, list[str]] = {}
    for full in persons:
        by_surname.setdefault(name_tokens(full)[-1], []).append(full)
    out: list[Mention] = []
    for tok in doc:
        if not tok.text[:1].isupper() or tok.pos_ != "PROPN":
            continue
        key = tok.text.lower().removeprefix("al-")
        fulls = by_surname.get(key, [])
        if len(fulls) != 1 or any(s <= tok.idx < e for s, e in covered):
            continue
        s_start, s_end = _sentence(doc, tok.i)
        full = fulls[0]
        known = lex.actor(full)
        out.append(
            Mention(
                text=tok.text,
                start=tok.idx,
                end=tok.idx + len(tok.text),
                sentence_start=s_start,
                sentence_end=s_end,
                label="PERSON",
                name=full,
                entity_key=f"PERSON:{full}",
                country=known.country if known else None,
                sector=known.sector if known else None,
                rule="surname-rescan",
            )
        )
    return out


def _uncovered_tails(doc: Doc, mentions: list[Mention], lex: Lexicons) -> list[Mention]:
    """Later uses of the last word of an organisation named in full ("the Guards" after
    "the Revolutionary Guards") that spaCy did not tag: the same organisation, when
    only one named organisation ends so and the word names nothing else."""
    covered = [(m.start, m.end) for m in mentions]
    by_tail: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.label != "ORG":
            continue
        for words in (name_tokens(m.name), name_tokens(m.text)):
            if len(words) >= 2 and len(words[-1]) >= 4:
                found = by_tail.setdefault(words[-1], [])
                if all(f.name != m.name for f in found):
                    found.append(m)
    out: list[Mention] = []
    for tok in doc:
        if not tok.is_title or tok.is_sent_start or any(s <= tok.idx < e for s, e in covered):
            continue
        orgs = by_tail.get(tok.text.lower(), [])
        if len(orgs) != 1 or orgs[0].start > tok.idx:
            continue
        if lex.actor(tok.text) is not None or lex.country_of(tok.text) is not None:
            continue
        org = orgs[0]
        s_start, s_end = _sentence(doc, tok.i)
        start, end = tok.idx, tok.idx + len(tok.text)
        out.append(replace(org, text=tok.text, start=start, end=end, sentence_start=s_start,
                           sentence_end=s_end, rule="tail-rescan"))  # fmt: skip
    return out


def _vote_labels(mentions: list[Mention]) -> None:
    """One label per canonical name within the article (majority; PERSON on ties)."""
    votes: dict[str, Counter[str]] = {}
    for m in mentions:
        votes.setdefault(m.name, Counter())[m.label] += 1
    for m in mentions:
        counts = votes[m.name]
        best = min(counts, key=lambda lab: (-counts[lab], _LABEL_ORDER.get(lab, 9)))
        m.label = best
        m.entity_key = f"{best}:{m.name}"


def mentions_of_texts(texts: dict[str, str]) -> dict[str, list[Mention]]:
    """Parse each text with the configured pipeline and extract its mentions."""
    from ..nlp import load_pipeline

    nlp = load_pipeline()
    ids = list(texts)
    return {
        aid: extract_mentions(doc)
        for aid, doc in zip(ids, nlp.pipe(texts[i] for i in ids), strict=True)
    }


def entities_of_texts(texts: dict[str, str]) -> list[Entity]:
    """Entities of a set of articles (id → text)."""
    return resolve_entities(mentions_of_texts(texts))


def named_owner(m: Mention, actor: EventActor) -> bool:
    """A person named as owner inside an actor phrase ("Soleimani's successor"): the
    actor is someone else, so the person's entity is not the actor's."""
    if m.label != "PERSON" or actor.start is None or actor.end is None:
        return False
    if not actor.start <= m.end < actor.end:
        return False
    rest = actor.text[m.end - actor.start :]
    return rest[:2] in ("'s", "’s") and bool(rest[2:].strip())
