"""Tense of the clause around a time expression (private).

Returns -1 for past, +1 for future and 0 when the clause gives no clear signal.
With a spaCy ``Doc`` the governing verb and its auxiliaries decide; without one (or when
the parse gives nothing) a lexical fallback looks at the nearest tense marker words,
first to the left of the expression inside its sentence, then to the right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ._time_lexicon import FUTURE_WORDS, NOT_PAST, PAST_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|'ll")
_SENT_END = re.compile(r"[.!?;]\s|\n")
_CLAUSE_CUT = re.compile(r"[,;:–—]")
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "ll"})
_FUTURE_HEADS = frozenset(
    {"plan", "expect", "intend", "aim", "schedule", "hope", "prepare", "want", "seek", "due",
     "set", "go", "threaten", "vow", "promise", "agree", "decide"}
)  # fmt: skip
_WINDOW = 120
_TO_FUTURE = frozenset(
    [
        "set",
        "due",
        "is",
        "are",
        "am",
        "slated",
        "poised",
        "ready",
        "likely",
        "going",
        "about",
        "expected",
        "scheduled",
        "plans",
        "plan",
        "planned",
        "planning",
        "intends",
        "hopes",
        "wants",
        "seeks",
        "agreed",
        "decided",
        "threatened",
        "vowed",
        "promised",
    ]
)
_BE_FORMS = frozenset(
    [
        "be",
        "been",
        "being",
        "is",
        "are",
        "am",
        "was",
        "were",
        "must",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "to",
        "get",
        "got",
    ]
)


_DIRECTIVES = frozenset(
    ["tell", "tells", "told", "telling", "urge", "urges", "urged", "urging", "ask", "asks",
     "asked", "asking", "order", "orders", "ordered", "ordering", "instruct", "instructed",
     "encourage", "encouraged", "encouraging", "invite", "invited", "inviting"]
)  # fmt: skip
"""Verbs that tell someone *to* do something: what follows is ahead of the telling."""


_NOT_A_VERB = frozenset(
    ["the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that",
     "these", "those", "some", "one", "two", "three", "base", "port", "court", "power"]
)  # fmt: skip
"""Words after "to" that show it is a preposition ("returned *to the* border")."""


def directed(words: list[str], i: int) -> bool:
    """``words`` (nearest first) has "to" at ``i`` heading an infinitive after a
    directive verb and its object ("urging voters *to* turn out in a March
    election"), with no past-tense verb between them ("told reporters the convoy
    *returned* to base" is past) and no determiner or name after "to"."""
    if words[i].lower() != "to" or i == 0:
        return False
    after = words[i - 1]
    if after.lower() in _NOT_A_VERB or after[:1].isupper() or after[:1].isdigit():
        return False
    for w in words[i + 1 : i + 6]:
        if w.lower() in _DIRECTIVES:
            return True
        if word_tense(w) < 0:
            return False  # a past verb of its own stands between: "the convoy returned to"
    return False


def word_tense(word: str) -> int:
    """The tense a single word signals (-1, 0, +1)."""
    w = word.lower()
    if w in FUTURE_WORDS or w.endswith("'ll"):
        return 1
    if w in PAST_WORDS:
        return -1
    if len(w) >= 5 and w.endswith("ed") and w not in NOT_PAST and not w.endswith("eed"):
        return -1
    return 0


def _scan(words: list[str], reach: int = 0) -> int:
    """Tense of the first marker in ``words`` (ordered nearest first).

    A participle after a form of "be" or a modal ("must be returned") is not a past
    marker; "set to", "due to", "is to" signal the future, and so does "to" after a
    directive verb ("urging voters to …") among the first ``reach`` words (those
    of the expression's own comma-delimited clause).
    """
    for i, w in enumerate(words):
        lw = w.lower()
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        if lw == "to" and (nxt in _TO_FUTURE or (i < reach and directed(words, i))):
            return 1
        t = word_tense(w)
        if t < 0 and nxt in _BE_FORMS:
            continue
        if t:
            return t
    return 0


def lexical_tense(text: str, start: int, end: int) -> int:
    """Tense from the nearest marker word in the sentence (left side first)."""
    left = text[max(0, start - _WINDOW) : start]
    ends = [m.end() for m in _SENT_END.finditer(left)]
    if ends:
        left = left[ends[-1] :]
    clause = _CLAUSE_CUT.split(left)[-1]
    t = _scan(list(reversed(_WORD.findall(left))), len(_WORD.findall(clause)))
    if t:
        return t
    right = text[end : end + _WINDOW]
    stop = _SENT_END.search(right)
    if stop:
        right = right[: stop.start()]
    words = _WORD.findall(right)
    # scanning rightwards, "to" is followed (not preceded) by its verb: reverse pairs
    for i, w in enumerate(words):
        lw = w.lower()
        prev = words[i - 1].lower() if i else ""
        if lw == "to" and prev in _TO_FUTURE:
            return 1
        t = word_tense(w)
        if t < 0 and prev in _BE_FORMS:
            continue
        if t:
            return t
    return 0


def _verb_tense(verb: Token) -> int:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux}
    if words & _FUTURE_AUX or verb.lower_ in _FUTURE_AUX:
        return 1
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        return -1
    if verb.tag_ == "VBN" and words & {"has", "have", "'ve", "'s"}:
        return -1
    if verb.tag_ == "VBG" and words & {"is", "are", "'re", "am"}:
        return 1
    if verb.tag_ == "VB" and "to" in words and verb.head is not verb:
        if verb.head.lemma_.lower() in _FUTURE_HEADS:
            return 1
        return _verb_tense(verb.head) if verb.head.pos_ in ("VERB", "AUX") else 0
    if verb.lemma_.lower() in _FUTURE_HEADS and verb.tag_ in ("VBN", "JJ"):
        return 1  # "is scheduled for", "is due on"
    return 0


def doc_tense(doc: Doc, start: int, end: int) -> int:
    """Tense of the verb that governs the tokens in [start, end) (0 if none found)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 0
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") and tok not in span:
            return _verb_tense(tok)
        if tok.head is tok:
            return 0
        tok = tok.head
    return 0


@dataclass(frozen=True)
class TenseCue:
    """The direction a clause points in (-1 past, +1 future, 0 unknown) and whether the
    parse (rather than nearby words) gave it."""

    direction: int
    parsed: bool = False


def clause_tense(text: str, start: int, end: int, doc: Doc | None) -> TenseCue:
    """Tense of the clause around [start, end): parse-based when possible, else lexical."""
    if doc is not None:
        t = doc_tense(doc, start, end)
        if t:
            return TenseCue(t, True)
    return TenseCue(lexical_tense(text, start, end))
