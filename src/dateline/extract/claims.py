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
    for c in verb.children:
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
    for anc in tok.ancestors:
        subj = _say_subject(anc)
        if subj is not None:
            return _phrase(subj), "cue"
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
            )
        )
    return claims
