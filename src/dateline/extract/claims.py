"""Claims: quantities of interest, tied to their sentence, date and source.

A claim is a quantity whose category is not ``other`` (casualties, arrests,
displacement, troops, weapons, money, crowds). Its source is, in order:

1. the speaker of the quote whose content span ``[start, end)`` holds it;
2. the subject of a say/report/announce-type verb that governs the quantity's
   clause ("Iranian state television said 80 ... were killed"), or of such a verb
   attached to the sentence's main clause ("80 were killed, the ministry said");
3. the X of "according to X" in the same sentence;
4. the publisher.

``date`` is the publication date (ISO) unless the caller fills in an event date.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..models import Claim, Quantity, Quote
from ._quote_speakers import RELATIVE

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["CLAIM_CATEGORIES", "SAY_VERBS", "extract_claims", "attribute"]

CLAIM_CATEGORIES = frozenset(
    {"killed", "wounded", "arrested", "displaced", "troops", "weapons", "money", "crowd"}
)
SAY_VERBS = frozenset({
    "say", "report", "announce", "tell", "state", "claim", "confirm", "add", "estimate",
    "deny", "insist", "note", "write", "declare", "warn", "assert", "indicate", "show",
    "acknowledge", "explain", "allege", "broadcast", "disclose", "reveal", "quote", "cite",
    "tweet", "post", "count", "put", "publish", "inform", "brief", "testify", "boast",
})  # fmt: skip
_MAX_SOURCE_TOKENS = 8
_ADDRESSEE_VERBS = frozenset({"tell", "inform", "brief", "warn", "remind", "assure"})
_OBJECT_DEPS = frozenset({"dobj", "dative", "iobj"})
""""Khamenei told thousands of Iranians": the figure is who was told, not a claim."""


def _phrase(tok: Token) -> str:
    """The subject phrase headed by ``tok``, without trailing clauses, at most a few words."""
    doc = tok.doc
    start = tok.left_edge.i
    end = tok.i + 1
    for c in tok.rights:
        if c.dep_ in ("compound", "flat", "appos", "prep") and c.i == end:
            end = c.right_edge.i + 1
        else:
            break
    if end - start > _MAX_SOURCE_TOKENS:
        start = max(start, tok.i - _MAX_SOURCE_TOKENS + 1)
        end = min(end, start + _MAX_SOURCE_TOKENS)
    span = doc[start:end]
    while len(span) and span[0].dep_ in ("det", "punct") and span[0].lower_ in (
        "the", "a", "an", ",", "'", '"'):  # fmt: skip
        span = span[1:]
    return span.text if len(span) else tok.text


def _say_subject(verb: Token) -> Token | None:
    if verb.lemma_.lower() not in SAY_VERBS:
        return None
    kids = list(verb.children)
    named = [c for c in kids if c.dep_ == "nsubj" and c.lower_ not in RELATIVE]
    if named and any(c.lower_ in RELATIVE for c in kids if c.dep_ == "nsubj"):
        return named[0]  # "which state media said …": the media, not "which"
    for c in kids:
        if c.dep_ in ("nsubj", "nsubjpass") and c.dep_ != "expl":
            if c.dep_ == "nsubjpass":
                # "it was reported by state media": the agent is the source
                agent = next((a for a in verb.children if a.dep_ == "agent"), None)
                pobj = (
                    next((p for p in agent.children if p.dep_ == "pobj"), None) if agent else None
                )
                return pobj
            return c
    return None


def _according_to(sent: Span) -> Token | None:
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            to = t.doc[t.i + 1]
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is None:
                pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def attribute(doc: Doc, start: int, end: int, quotes: list[Quote]) -> tuple[str | None, str]:
    """Who states what is at ``[start, end)``: (source or None, rule name)."""
    for q in quotes:
        if q.start <= start and end <= q.end and q.speaker:
            return q.speaker, "quote"
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None, "none"
    tok = span.root
    sent = tok.sent
    child = tok
    for anc in tok.ancestors:
        if anc.lemma_.lower() in _ADDRESSEE_VERBS and child.dep_ in _OBJECT_DEPS:
            return None, "none"  # the figure counts who was told: narration
        subj = _say_subject(anc)
        if subj is not None:
            return _phrase(subj), "cue"
        child = anc
    acc = _according_to(sent)
    if acc is not None:
        return _phrase(acc), "according_to"
    # a say-verb hanging off the main clause: "80 were killed, the ministry said"
    root = sent.root
    best: tuple[int, Token] | None = None
    for t in sent:
        if t.dep_ in ("parataxis", "advcl", "conj", "ccomp") and t.head == root or t == root:
            subj = _say_subject(t)
            if subj is not None and not (t.left_edge.i <= tok.i <= t.right_edge.i and t != root):
                dist = abs(t.i - tok.i)
                if best is None or dist < best[0]:
                    best = (dist, subj)
    if best is not None:
        return _phrase(best[1]), "cue"
    return None, "none"


def extract_claims(
    quantities: list[Quantity],
    quotes: list[Quote],
    doc: Doc,
    published: date | None,
    publisher: str | None,
) -> list[Claim]:
    """Turn the quantities of interest in one article into attributed claims."""
    claims: list[Claim] = []
    when = published.isoformat() if published else None
    for q in quantities:
        if q.category not in CLAIM_CATEGORIES:
            continue
        source, rule = attribute(doc, q.start, q.end, quotes)
        if source is None and publisher:
            source, rule = publisher, "publisher"
        if _is_lone_person(q):
            continue
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        sentence = span.root.sent.text if span is not None and len(span) else ""
        claims.append(
            Claim(
                value=q.value,
                value_max=q.value_max,
                qualifier=q.qualifier,
                change=q.change,
                unit=q.unit_normalized if q.category == "money" else q.unit,
                what=q.what,
                category=q.category,
                attributed_to=source,
                date=when,
                start=q.start,
                end=q.end,
                sentence=sentence,
                text=q.text,
                vague=q.vague,
                attribution=rule,
                cause=_cause(q.category, span),
            )
        )
    return claims


_CASUALTY = frozenset({"killed", "wounded", "arrested", "displaced"})
_HARM_VERBS = frozenset({
    "kill", "wound", "injure", "hurt", "arrest", "detain", "displace", "die", "claim",
})  # fmt: skip
_PERSONISH = ("PERSON", "NORP", "GPE", "ORG")


_GATHER = frozenset({
    "march", "gather", "throng", "rally", "protest", "chant", "attend", "mourn", "number",
    "fill", "pack", "turn", "flock", "crowd", "converge", "demonstrate", "line", "swell",
    "shout", "cheer", "pour", "join", "assemble",
})  # fmt: skip


def _cause(category: str, span: Span | None) -> str | None:
    if span is None or not len(span):
        return None
    if category in _CASUALTY:
        return casualty_cause(span)
    if category == "crowd":
        return crowd_activity(span)
    return None


def crowd_activity(span: Span) -> str | None:
    """What a counted crowd was doing: "gather" for marching, thronging, chanting,
    numbering…; otherwise the verb's lemma ("tell" for "told thousands of Iranians")."""
    nouns = [span.root, *[t for t in span.root.subtree if t.dep_ == "pobj"]]
    for n in nouns:
        for c in n.children:
            if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB":
                return _activity(c)
    for anc in list(span.root.ancestors)[:5]:
        if anc.pos_ == "VERB":
            return _activity(anc)
    return None


def _activity(verb: Token) -> str:
    lemma = verb.lemma_.lower()
    return "gather" if lemma in _GATHER else lemma


def _is_lone_person(q: Quantity) -> bool:
    """ "One soldier said …": a single person introduced, not a figure anyone claims."""
    return (
        q.value == 1
        and q.value_max is None
        and not q.qualifier
        and q.category in ("troops", "crowd")
    )


def _harm_verb(tok: Token) -> Token | None:
    for anc in [tok, *tok.ancestors][:6]:
        if anc.pos_ in ("VERB", "AUX") and anc.lemma_.lower() in _HARM_VERBS:
            return anc
    return None


_CAUSE_NOUNS = frozenset({
    "strike", "airstrike", "attack", "raid", "bombing", "bomb", "blast", "explosion",
    "shelling", "missile", "rocket", "drone", "shooting", "stampede", "crash", "fire",
    "earthquake", "storm", "flood", "clash", "fighting", "ambush", "assault", "offensive",
})  # fmt: skip


def _cause_noun(noun: Token) -> Token | None:
    """ "strikes on bases, which killed …": the relative clause may hang on the
    nearer noun; climb to an event noun above it when there is one."""
    cur = noun
    for _ in range(3):
        if cur.lower_ in _CAUSE_NOUNS or cur.lemma_.lower() in _CAUSE_NOUNS:
            return cur
        if cur.dep_ == "pobj" and cur.head.dep_ == "prep" and cur.head.head.pos_ == "NOUN":
            cur = cur.head.head
        else:
            break
    if cur.lower_ in _CAUSE_NOUNS or cur.lemma_.lower() in _CAUSE_NOUNS:
        return cur
    # "strikes on Sunday on bases, which …": an event noun earlier in the clause
    for t in reversed(list(noun.doc[noun.sent.start : noun.i])):
        if t.pos_ == "NOUN" and (t.lower_ in _CAUSE_NOUNS or t.lemma_.lower() in _CAUSE_NOUNS):
            return t
    return None


def casualty_cause(span: Span) -> str | None:
    """The lemma of what caused a casualty figure, when the sentence says it.

    "A stampede killed at least 56" → stampede; "strikes, which killed 25" → strike;
    "killed by a drone" → drone; "shot down an airliner, killing all 176" → shoot.
    People and places as causes ("Iran killed …") are not kept: those are actors.
    """
    verb = _harm_verb(span.root)
    if verb is None:
        return None
    if verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "agent") for c in verb.children):
        verb = verb.head  # "which killed 25 fighters and wounded 55"
    for c in verb.children:
        if c.dep_ == "nsubj":
            head = c
            if c.lower_ in ("which", "that") and verb.dep_ == "relcl":
                found = _cause_noun(verb.head)
                if found is None:
                    return None
                head = found
            if head.pos_ == "NOUN" and head.ent_type_ not in _PERSONISH:
                return head.lemma_.lower()
            return None
        if c.dep_ == "agent":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ == "NOUN":
                return pobj.lemma_.lower()
    if verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG" and verb.head.pos_ == "VERB":
        return verb.head.lemma_.lower()  # "… shot down an airliner, killing all 176"
    return None
