"""Name mentions of one article, NER corrected (private helper of :mod:`.actors`).

spaCy's small English model is weak on this domain: it tags "Soleimani" as a GPE,
"Trump" as an ORG, "Kataib Hezbollah" as a PERSON and keeps titles inside names.
The corrections, in order:

1. candidate spans: named entities, plus known actors of the lexicon spaCy missed;
2. clean-up: determiners, possessives and edge punctuation dropped; a possessor
   inside an organisation name split off ("Soleimani's Quds Force");
3. titles peeled: honorifics ("Ayatollah") and roles ("Iran's Supreme Leader",
   "Pentagon spokesman", "Major-General") before a name become the mention's role,
   or an appositive role after it ("Jonathan Hoffman, a Pentagon spokesman");
4. lexicon overrides: a known actor gets its type and canonical name;
5. consistency within the article: a name (or surname) matching a PERSON full name
   is that PERSON whatever spaCy said, a bare surname links to the full name when
   only one full name in the article ends with it, and uncovered later uses of such
   a surname are added as mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..lexicons import HONORIFICS, TITLE_WORDS, Lexicons, load_lexicons
from ..nlp import doc_text

KEEP_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC")
_DETS = {"the", "a", "an"}
_POSS = {"'s", "’s", "'", "’"}
_JUNK = re.compile(r"^[^A-Za-z]*$|/|https?:|^GMT$|^[A-Z]-\d")
_EDGE_PUNCT = set(",.;:()[]\"“”‘’'-–—")
# Nouns that name places, not roles, though the agent lexicon lists them.
_PLACE_NOUNS = set(
    [
        "city",
        "town",
        "village",
        "province",
        "capital",
        "region",
        "country",
        "state",
        "district",
        "county",
        "home",
        "hometown",
        "neighbor",
        "neighbour",
    ]
)
# Words naming a body, never peeled off the front of an organisation's name.
_BODY_WORDS = set(
    [
        "ministry",
        "department",
        "army",
        "force",
        "forces",
        "navy",
        "house",
        "council",
        "committee",
        "guards",
        "guard",
        "court",
        "office",
        "agency",
        "bureau",
        "party",
        "state",
        "national",
        "security",
        "air",
        "marine",
        "intelligence",
        "joint",
    ]
)
# Appositive head nouns that make the name before them an organisation.
ORG_NOUNS = set(
    [
        "company",
        "firm",
        "group",
        "organization",
        "organisation",
        "agency",
        "ministry",
        "broadcaster",
        "newspaper",
        "party",
        "militia",
        "force",
        "forces",
        "network",
        "department",
        "institute",
        "university",
        "corporation",
        "bank",
        "movement",
        "channel",
        "outlet",
        "station",
        "coalition",
        "alliance",
        "council",
        "committee",
        "unit",
        "division",
        "brigade",
        "faction",
        "airline",
        "website",
        "service",
    ]
)


@dataclass
class Candidate:
    """A mention being built: token span of the name, prefix role, label."""

    start: int  # token index
    end: int
    label: str
    role: str | None = None
    role_start: int | None = None  # token index where the role phrase starts
    name: str = ""
    source: str = "ner"


def _strip_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].lower_ in _DETS or doc[start].text in _EDGE_PUNCT):
        start += 1
    while end > start and (doc[end - 1].text in _POSS or doc[end - 1].text in _EDGE_PUNCT):
        end -= 1
    return start, end


def _text(doc: Doc, start: int, end: int) -> str:
    if start >= end:
        return ""
    text = doc[start:end].text
    text = re.sub(r"(?:'s|’s)$", "", text).rstrip(".,;:") if len(text) > 3 else text
    if text.endswith(".") and text.count(".") == 1:
        text = text[:-1]
    return text.strip()


def _is_title(tok: Token, lex: Lexicons) -> bool:
    low = tok.lower_
    if low in _PLACE_NOUNS:
        return False
    if low in HONORIFICS or (low in TITLE_WORDS and low not in {"of", "the", "to", "for", "and"}):
        return True
    if "-" in low and all(part in TITLE_WORDS for part in low.split("-") if part):
        return True
    agent = lex.agent(low)
    return agent is not None and tok.pos_ in ("NOUN", "PROPN") and len(low) > 3


def _is_owner(doc: Doc, i: int, lex: Lexicons) -> bool:
    """A country word or known organisation standing before a title ("U.S.", "Pentagon")."""
    text = doc[i].text
    if lex.country_of(text) or lex.actor(text):
        return True
    return doc[i].ent_type_ in ("GPE", "NORP") and doc[i].pos_ == "PROPN"


def peel_prefix(doc: Doc, start: int, lex: Lexicons) -> int:
    """Token index where titles, roles and their owners before ``start`` begin."""
    sent_start = doc[start].sent.start if start < len(doc) else 0
    i = start
    k = start - 1
    while k >= sent_start:
        tok = doc[k]
        if _is_title(tok, lex):
            k -= 1
            i = k + 1
            continue
        if tok.text in {"-", "–"} and k - 1 >= sent_start and _is_title(doc[k - 1], lex):
            k -= 1
            continue
        if tok.lower_ in {"of", "for"} and k - 1 >= sent_start and _is_title(doc[k - 1], lex):
            k -= 1
            continue
        if tok.text in _POSS and k - 1 >= sent_start and _is_owner(doc, k - 1, lex) and i == k + 1:
            k -= 2
            i = k + 1
            continue
        if _is_owner(doc, k, lex) and i == k + 1 and i < start:
            k -= 1
            i = k + 1
            continue
        break
    # a role cannot start with a connecting word
    while i < start and doc[i].lower_ in {"of", "for", "and", "to"}:
        i += 1
    return i


def _role_text(doc: Doc, role_start: int, name_start: int, lex: Lexicons) -> str | None:
    words: list[str] = []
    k = role_start
    while k < name_start:
        tok = doc[k]
        nxt = doc[k + 1] if k + 1 < len(doc) else None
        if nxt is not None and nxt.text in _POSS and _is_owner(doc, k, lex):
            k += 2
            continue
        if tok.lower_ in HONORIFICS or (lex.country_of(tok.text) and not words):
            k += 1
            continue
        words.append(tok.text + (tok.whitespace_ and " "))
        k += 1
    while words and words[-1].strip().lower() in {"of", "for", "and", "the", "-"}:
        words.pop()
    return "".join(words).strip() or None


def _appositive_role(doc: Doc, start: int, end: int, lex: Lexicons) -> tuple[str | None, str]:
    """ "Jonathan Hoffman, a Pentagon spokesman," → ("Pentagon spokesman", "spokesman")."""
    root = doc[start:end].root
    for child in root.children:
        if child.dep_ != "appos" or child.i < end or child.pos_ != "NOUN":
            continue
        if lex.agent(child.lower_) is None and child.lower_ not in ORG_NOUNS:
            continue
        # the role is the appositive noun with its left modifiers ("a Pentagon spokesman")
        left = [t for t in child.lefts if t.i >= end]
        first = min([t.i for t in left for t in t.subtree] + [child.i])
        last = child.i
        for right in child.rights:  # "leader of Hamas", "spokesman for the Pentagon"
            if right.dep_ == "prep" and right.lower_ in ("of", "for") and right.i == last + 1:
                last = max(t.i for t in right.subtree)
        words = [
            t.text
            for t in doc[first : last + 1]
            if t.lower_ not in _DETS and t.text not in _EDGE_PUNCT
        ]
        if any(doc[k].ent_type_ == "PERSON" for k in range(first, last + 1)):
            continue
        if words and len(words) <= 8:
            return " ".join(words), child.lower_
    return None, ""


def _lexicon_spans(doc: Doc, lex: Lexicons, taken: set[int]) -> list[tuple[int, int]]:
    """Known actors in the text that no entity covers."""
    out: list[tuple[int, int]] = []
    text = doc_text(doc)  # spaCy rebuilds it from the tokens on every access
    for form in lex.actors:
        if len(form) < 3 or form not in text:
            continue
        for m in re.finditer(rf"(?<![\w.-]){re.escape(form)}(?![\w-])", text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None or any(t.i in taken for t in span):
                continue
            out.append((span.start, span.end))
            taken.update(range(span.start, span.end))
    return out


def candidates(doc: Doc, lex: Lexicons | None = None) -> list[Candidate]:
    """Entity spans of ``doc`` cleaned, split and with their titles peeled off."""
    lex = lex or load_lexicons()
    raw: list[tuple[int, int, str, str]] = []
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in KEEP_LABELS:
            continue
        raw.append((ent.start, ent.end, ent.label_, "ner"))
        taken.update(range(ent.start, ent.end))
    for s, e in _lexicon_spans(doc, lex, taken):
        raw.append((s, e, "", "lexicon"))
    out: list[Candidate] = []
    for s, e, label, source in sorted(raw):
        s, e = _strip_span(doc, s, e)
        # "Soleimani's Quds Force": the possessor is a mention of its own
        for k in range(s + 1, e - 1):
            if doc[k].text in _POSS:
                out.extend(_build(doc, s, k, "", source, lex))
                s = k + 1
                break
        out.extend(_build(doc, s, e, label, source, lex))
    return out


def _build(doc: Doc, s: int, e: int, label: str, source: str, lex: Lexicons) -> list[Candidate]:
    s, e = _strip_span(doc, s, e)
    if s >= e:
        return []
    text = _text(doc, s, e)
    known = lex.actor(text)
    if (
        known is None
        and lex.country_of(text) is None
        and all(_is_title(doc[k], lex) or doc[k].text in _EDGE_PUNCT for k in range(s, e))
    ):
        return [Candidate(s, e, "TITLE", source=source)]  # "Major-General", "Supreme"
    if known is None and lex.country_of(text) is None:
        # "Kataib Hezbollah militia", "Iranian Revolutionary Guard": a known actor inside
        for a in range(s, e):
            for b in range(e, a, -1):
                if (b - a) < (e - s) and lex.actor(_text(doc, a, b)) and (b - a) > 0:
                    inner = lex.actor(_text(doc, a, b))
                    if inner is not None and inner.type != "PERSON" and len(inner.form) > 3:
                        return [Candidate(a, b, inner.type, name=inner.name, source="lexicon")]
    if known is not None and known.type != "PERSON":
        return [Candidate(s, e, known.type, name=known.name, source=source)]
    if lex.country_of(text) is not None:
        return [Candidate(s, e, label if label in ("GPE", "NORP") else "GPE", source=source)]
    # titles written inside the entity span ("Ayatollah Ali Khamenei", "President Trump")
    inner_role: list[str] = []
    while (
        e - s > 1
        and _is_title(doc[s], lex)
        and doc[s].text[:1].isupper()
        and doc[s].lower_ not in _BODY_WORDS
        and doc[s + 1].text[:1].isupper()
    ):
        if doc[s].lower_ not in HONORIFICS:
            inner_role.append(doc[s].text)
        s += 1
    if inner_role:
        label = "PERSON"
    text = _text(doc, s, e)
    if not text or _JUNK.search(text):
        return []
    cand = Candidate(s, e, label or "ORG", source=source)
    if known is not None:  # a known person: canonical name, roles still peeled below
        cand.label, cand.name = "PERSON", known.name
    if e - s == 1 and doc[s].lower_ in TITLE_WORDS | HONORIFICS and not doc[s].text.isupper():
        cand.label = "TITLE"  # a lone title word; kept only if it links to a name
        return [cand]
    role_start = peel_prefix(doc, s, lex)
    if role_start < s or inner_role:
        prefix = _role_text(doc, role_start, s, lex) if role_start < s else None
        parts = [p for p in (prefix, " ".join(inner_role)) if p]
        cand.role = " ".join(parts) or None
        cand.role_start = role_start
        if cand.role and lex.country_of(text) is None and lex.actor(text) is None:
            cand.label = "PERSON"
    if cand.role is None and cand.label != "NORP":
        role, head = _appositive_role(doc, s, e, lex)
        if role:
            cand.role = role
            cand.label = "ORG" if head in ORG_NOUNS else "PERSON"
    return [cand]
