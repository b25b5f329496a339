"""Shared pieces of the quote extractor: drafts, token lookup, cue spans."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..nlp import doc_text
from ._quote_lexicon import Cue

_CUE_POS = ("VERB", "AUX")
_CUE_AUX_DEPS = ("aux", "auxpass", "neg", "advmod")
CONTENT_PUNCT = {",", ".", ";", ":", "-", "—", "–", "(", ")"}
_QUOTE_TOKENS = {"“", "”", '"', "‘", "’", "''", "``"}


@dataclass
class Draft:
    kind: str
    start: int  # content chars
    end: int
    text: str
    rule: str
    cue: Token | None = None
    cue_span: tuple[int, int] | None = None  # char offsets
    subject: Token | None = None
    speaker_chars: tuple[int, int] | None = None
    speaker: str | None = None
    previous: Draft | None = None  # for previous-paragraph continuation


class Index:
    """Character → token lookups for one doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tok_of = [-1] * (len(doc_text(doc)) + 1)
        for t in doc:
            for c in range(t.idx, t.idx + len(t.text)):
                self.tok_of[c] = t.i
        # fill gaps (whitespace) with the next token
        nxt = len(doc)
        for c in range(len(doc_text(doc)), -1, -1):
            if self.tok_of[c] == -1:
                self.tok_of[c] = nxt
            else:
                nxt = self.tok_of[c]

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Token range [a, b) covering the characters [start, end)."""
        a = self.tok_of[start] if start < len(self.tok_of) else len(self.doc)
        b = self.tok_of[end - 1] + 1 if end > 0 else 0
        return a, max(a, b)


def cue_entry(tok: Token, cues: dict[str, Cue]) -> Cue | None:
    if tok.pos_ not in _CUE_POS:
        return None
    return cues.get(tok.lemma_.lower())


def cue_chars(tok: Token, extra_right: Token | None = None) -> tuple[int, int]:
    """The cue span: the verb, its adjacent auxiliaries/negation/adverbs, a particle,
    and a preposition taken from the content (``extra_right``)."""
    doc = tok.doc
    start = tok.i
    lefts = sorted((c for c in tok.lefts if c.dep_ in _CUE_AUX_DEPS), key=lambda c: -c.i)
    for c in lefts:
        if c.i == start - 1 and c.dep_ in _CUE_AUX_DEPS:
            start = c.i
    end = tok.i + 1
    for c in tok.rights:
        if c.dep_ == "prt" and c.i == end:
            end = c.i + 1
    if extra_right is not None and extra_right.i == end:
        end = extra_right.i + 1
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def strip_outer_marks(s: str) -> str:
    s = s.strip()
    for mark in ("''", "“", '"', "‘"):
        if s.startswith(mark):
            s = s[len(mark) :]
            break
    for mark in ("''", "”", '"', "’"):
        if s.endswith(mark):
            s = s[: -len(mark)]
            break
    return s.strip()


def paragraph_bounds(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, len(text) if b == -1 else b
