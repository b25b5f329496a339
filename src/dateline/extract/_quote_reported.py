"""Reported speech from the dependency parse, and partial quotes inside it.

See :mod:`dateline.extract.quotes` for the rules.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..nlp import doc_text
from ._quote_common import CONTENT_PUNCT, Draft, Index, cue_chars, cue_entry, strip_outer_marks
from ._quote_lexicon import Cue
from ._quote_marks import QuoteSpan, find_quote_spans
from ._quote_speakers import left_noun, same_paragraph, speaker_span, subject_of

Pieces = list[tuple[int, int]]  # token ranges [a, b)


def _content_range(verb: Token, entry: Cue) -> tuple[Pieces, str, Token | None] | None:
    """Token ranges of the content of cue ``verb``, the rule name and a cue preposition."""
    chosen: list[Token] = []
    dep = ""
    prep_tok: Token | None = None
    lemma = verb.lemma_.lower()
    for c in verb.children:
        if c.dep_ == "ccomp":
            chosen.append(c)
            dep = dep or "ccomp"
        elif c.dep_ == "xcomp" and entry.xcomp:
            chosen.append(c)
            dep = dep or "xcomp"
        elif c.dep_ == "dobj" and entry.obj and lemma != "tell":
            chosen.append(c)
            dep = dep or "dobj"
        elif c.dep_ == "prep" and c.lower_ in entry.preps and c.i > verb.i:
            chosen.append(c)
            dep = dep or "prep"
            prep_tok = c
        elif c.dep_ == "prep" and c.i > verb.i and (clause := _stranded_that(c)) is not None:
            chosen.append(clause)  # "said in a statement that …", parsed under "statement"
            dep = dep or "ccomp"
    if not chosen:
        return _parenthetical(verb)
    right = [c for c in chosen if c.i > verb.i]
    if right and len(right) < len(chosen):
        chosen = right
    start = min(c.left_edge.i for c in chosen)
    end = max(c.right_edge.i for c in chosen) + 1
    if start < verb.i < end:
        return None
    if prep_tok is not None and chosen == [prep_tok]:
        # "called for X": the preposition belongs to the cue, the object is the content
        start = prep_tok.i + 1
    else:
        prep_tok = None
    return [(start, end)], dep, prep_tok


_SETTINGS = frozenset(
    ["statement", "interview", "letter", "speech", "post", "tweet", "email", "e-mail",
     "message", "video", "briefing", "conference", "release", "remark", "address", "memo",
     "report", "filing", "column", "op-ed", "editorial", "podcast", "broadcast", "rally",
     "hearing", "debate", "television", "radio", "twitter", "facebook", "instagram",
     "hour", "morning", "evening", "night", "afternoon", "day", "week", "weekend"]
)  # fmt: skip
"""Where or when something is said: a "that" clause hung on them is what was said."""


def _stranded_that(prep: Token, depth: int = 2) -> Token | None:
    """A "that" clause the parser hung on a noun of the cue's own prepositional phrase
    ("said *in a statement* that the bridge was safe", "wrote in the early hours that
    …"): the clause the cue introduces."""
    for obj in (g for g in prep.children if g.dep_ == "pobj"):
        if obj.lemma_.lower() not in _SETTINGS and obj.ent_type_ not in ("DATE", "TIME"):
            continue  # "spoke in the town that the river divides": a relative clause
        for c in obj.children:
            if (
                c.dep_ in ("acl", "relcl", "ccomp")
                and c.i > obj.i
                and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)
            ):
                return c
        if depth > 1:
            for inner in (g for g in obj.children if g.dep_ == "prep"):
                found = _stranded_that(inner, depth - 1)
                if found is not None:
                    return found
    return None


def _parenthetical(verb: Token) -> tuple[Pieces, str, Token | None] | None:
    """A cue clause set off by commas: "X happened, sources said." / "X, he said, Y."."""
    doc = verb.doc
    sent = verb.sent
    subj = subject_of(verb)
    if subj is None or subj.i < 0:
        return None
    lo = min(subj.left_edge.i, verb.i)
    hi = max(subj.right_edge.i, verb.i) + 1
    final = hi >= sent.end - 1 or doc[hi].is_punct and hi == sent.end - 1
    if verb.dep_ == "parataxis":
        head = verb.head
        start = sent.start if final else max(sent.start, head.left_edge.i)
        end = min(sent.end, head.right_edge.i + 1)
        pieces = [(start, lo), (hi, end)]
    elif verb.dep_ == "ROOT":
        pre = [c for c in verb.children if c.dep_ == "ccomp" and c.i < lo]
        if not pre:
            return None
        pieces = [(sent.start if final else pre[0].left_edge.i, lo)]
    else:
        return None
    pieces = [_trim_content(doc, a, b) for a, b in pieces]
    pieces = [(a, b) for a, b in pieces if b - a >= 2]
    if not pieces:
        return None
    before = [p for p in pieces if p[1] <= lo]
    if (
        before
        and doc[lo - 1].text not in (",", "—", "–")
        and doc[before[-1][1]].text
        not in (
            ",",
            "—",
            "–",
        )
    ):
        return None
    return pieces, "parataxis", None


_DATELINE_DASHES = ("―", "—", "--", "–", "-")
_CONTINUERS = {"but", "and", "so", "because", "while", "although", "though", "yet"}


def _trim_content(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].text in CONTENT_PUNCT or doc[start].is_space):
        start += 1
    # a dateline lead ("WASHINGTON ―") is not content
    k = start
    while k < end and k - start < 4 and (doc[k].text.isupper() or doc[k].text in ",()"):
        k += 1
    if start < k < end and doc[k].text in _DATELINE_DASHES:
        start = k + 1
    while end > start and (doc[end - 1].text in CONTENT_PUNCT or doc[end - 1].is_space):
        end -= 1
    return start, end


def _adjust_end(
    doc: Doc, verb: Token, a: int, b: int, dep: str, cues: dict[str, Cue]
) -> tuple[int, int]:
    """Content boundary conventions.

    * an object or prepositional content stops before ", who/which …" and
      ", saying …" (a non-restrictive relative clause or a new participial clause);
    * a clausal content after its cue runs on through ", but …" / ", so …" to
      the end of the sentence (the parser often hangs the second clause on the cue).
    """
    if dep in ("dobj", "prep", "xcomp"):
        for k in range(a + 1, b - 1):
            nxt = doc[k + 1]
            if doc[k].text == "," and (nxt.lower_ in ("who", "which") or nxt.tag_ == "VBG"):
                return a, k
        return a, b
    if dep == "ccomp" and a > verb.i:
        sent_end = verb.sent.end
        k = b
        while k < sent_end and doc[k].text == ",":
            k += 1
        if k < sent_end and doc[k].lower_ in _CONTINUERS:
            # ... but not over a trailing cue clause (", the source added.")
            for j in range(k, sent_end):
                if doc[j].text == "," and any(
                    t.pos_ == "VERB" and t.lemma_.lower() in cues for t in doc[j + 1 : j + 7]
                ):
                    return a, j
            return a, sent_end
    return a, b


def _clip_paragraph(doc: Doc, pieces: Pieces, anchor: Token) -> Pieces:
    """Keep the parts of ``pieces`` inside the paragraph of ``anchor``."""
    text = doc_text(doc)
    pa = text.rfind("\n", 0, anchor.idx) + 1
    pb = text.find("\n", anchor.idx)
    pb = len(text) if pb == -1 else pb
    out: Pieces = []
    for a, b in pieces:
        while a < b and doc[a].idx < pa:
            a += 1
        while b > a and doc[b - 1].idx >= pb:
            b -= 1
        if b > a:
            out.append(_trim_content(doc, a, b))
    return [(a, b) for a, b in out if b > a]


def _extend_to_quotes(doc: Doc, pieces: Pieces, quotes: list[QuoteSpan], idx: Index) -> Pieces:
    """Content that starts or ends inside a quotation takes the whole quotation."""
    out: Pieces = []
    for a, b in pieces:
        cs, ce = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
        for q in quotes:
            if q.start < ce < q.end and q.start >= cs:
                b = max(b, idx.token_range(q.start, q.end)[1])
            if q.start < cs < q.end and q.end <= ce + 2:
                a = min(a, idx.token_range(q.start, q.end)[0])
        out.append((a, b))
    return out


def _draft(doc: Doc, pieces: Pieces, rule: str) -> Draft:
    a, b = pieces[0][0], pieces[-1][1]
    text = " ".join(doc[x:y].text for x, y in pieces)
    return Draft("indirect", doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text), text, rule)


def _according_to(doc: Doc, tok: Token) -> Draft | None:
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None or to.i != tok.i + 1:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    sent = tok.sent
    phrase = (tok.i, to.right_edge.i + 1)
    before = _trim_content(doc, sent.start, phrase[0])
    after = _trim_content(doc, phrase[1], sent.end)
    pieces = [p for p in (before, after) if p[1] - p[0] >= 2]
    if not pieces:
        return None
    # the content is the larger side when the phrase sits inside the sentence
    a, b = max(pieces, key=lambda p: p[1] - p[0])
    span = doc[a:b]
    src = speaker_span(pobj)
    d = Draft("indirect", span.start_char, span.end_char, span.text, "indirect-according-to")
    d.cue = tok
    d.cue_span = (tok.idx, to.idx + len(to.text))
    d.subject = pobj
    d.speaker_chars = (src.start_char, src.end_char)
    return d


_NOUN_CONTENT_DEPS = ("acl", "ccomp", "relcl")
_NOUN_PREPS = ("of", "for", "against", "on", "to", "about", "that")


def _noun_cue(doc: Doc, noun: Token, quotes: list[QuoteSpan], idx: Index) -> Draft | None:
    """ "Trump's claim that …": possessive source, noun cue, clause or of-phrase content."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is None or not same_paragraph(poss, noun):
        return None
    content = [
        c
        for c in noun.rights
        if (c.dep_ in _NOUN_CONTENT_DEPS and any(m.lower_ == "that" for m in c.children))
        or (c.dep_ == "prep" and c.lower_ in _NOUN_PREPS)
    ]
    if not content:
        return None
    c = content[0]
    start = c.left_edge.i + (1 if c.dep_ == "prep" else 0)
    pieces = _clip_paragraph(doc, [_trim_content(doc, start, c.right_edge.i + 1)], noun)
    pieces = _extend_to_quotes(doc, pieces, quotes, idx)
    if not pieces or pieces[0][1] - pieces[0][0] < 2:
        return None
    d = _draft(doc, pieces, "indirect-noun")
    d.cue = noun
    end_tok = c if c.dep_ == "prep" and c.i == noun.i + 1 else noun
    d.cue_span = (noun.idx, end_tok.idx + len(end_tok.text))
    src = speaker_span(poss)  # PolNeAR keeps the possessive marker: "Trump’s"
    d.subject = poss
    d.speaker_chars = (src.start_char, src.end_char)
    return d


def _is_parenthetical(t: Token) -> bool:
    if t.dep_ != "parataxis" and not (
        t.dep_ == "ROOT" and any(c.dep_ == "ccomp" and c.i < t.i for c in t.children)
    ):
        return False
    left = min([t.i] + [c.left_edge.i for c in t.children if c.dep_ in ("nsubj", "nsubjpass")])
    return left > t.sent.start and t.doc[left - 1].text in (",", "—", "–")


def _truncate(doc: Doc, d: Draft, limit: int) -> Draft | None:
    toks = [t for t in doc if d.start <= t.idx and t.idx + len(t.text) <= limit]
    if not toks:
        return None
    a, b = _trim_content(doc, toks[0].i, toks[-1].i + 1)
    while b > a and doc[b - 1].lower_ in _CONTINUERS:
        a, b = _trim_content(doc, a, b - 1)
    if b - a < 2:
        return None
    span = doc[a:b]
    d.start, d.end, d.text = span.start_char, span.end_char, span.text
    return d


def _depth(t: Token) -> int:
    n = 0
    while t.head is not t and n < 100:
        t = t.head
        n += 1
    return n


def reported_speech(
    doc: Doc,
    idx: Index,
    cues: dict[str, Cue],
    blocked: list[tuple[int, int]],
    cue_toks: set[int],
) -> list[Draft]:
    """Indirect quotes; ``blocked`` are char ranges already taken by other quotes."""
    drafts: list[Draft] = []
    taken = list(blocked)
    quotes = find_quote_spans(doc_text(doc))

    def inside(pos: int) -> bool:
        return any(a <= pos < b for a, b in taken)

    cands = [
        t
        for t in doc
        if t.lower_ == "according"
        or cue_entry(t, cues) is not None
        or (t.pos_ == "NOUN" and "n:" + t.lemma_.lower() in cues)
    ]
    # parenthetical cues ("…, sources said.") govern the clause before them even
    # when the parser made that clause the root: try them first
    cands.sort(
        key=lambda t: (-1 if t.lower_ == "according" or _is_parenthetical(t) else _depth(t), t.i)
    )
    for t in cands:
        if t.i in cue_toks or inside(t.idx):
            continue
        if t.lower_ == "according":
            d = _according_to(doc, t)
        elif t.pos_ == "NOUN":
            d = _noun_cue(doc, t, quotes, idx)
        else:
            d = _indirect(doc, t, cues, quotes, idx)
        if d is None:
            continue
        if inside(d.start):
            continue
        clash = [a for a, b in taken if d.start < a < d.end]
        if clash:
            # the content runs into another quote: keep the part before it
            d = _truncate(doc, d, min(clash))
            if d is None:
                continue
        drafts.append(d)
        taken.append((d.start, d.end))
        if d.speaker_chars is not None:
            taken.append(d.speaker_chars)
    return drafts


def _indirect(
    doc: Doc, verb: Token, cues: dict[str, Cue], quotes: list[QuoteSpan], idx: Index
) -> Draft | None:
    entry = cue_entry(verb, cues)
    if entry is None or entry.direct_only or verb.lemma_.lower() == "be":
        return None
    rng = _content_range(verb, entry)
    if rng is None:
        return None
    pieces, dep, prep_tok = rng
    subj = subject_of(verb) or left_noun(verb)
    if subj is not None and any(a <= subj.i < b for a, b in pieces):
        return None
    pieces = [_adjust_end(doc, verb, a, b, dep, cues) for a, b in pieces]
    pieces = _clip_paragraph(doc, [_trim_content(doc, a, b) for a, b in pieces], verb)
    pieces = _extend_to_quotes(doc, pieces, quotes, idx)
    if not pieces:
        return None
    a, b = pieces[0]
    if len(pieces) == 1 and b - a == 1 and doc[a].pos_ in ("PRON", "DET") and dep != "ccomp":
        return None  # "denied it", "said so": too little to be content
    d = _draft(doc, pieces, f"indirect-{dep}")
    d.cue = verb
    d.cue_span = cue_chars(verb, prep_tok)
    if subj is not None:
        sp = speaker_span(subj, (pieces[0][0], pieces[-1][1]))
        d.subject = subj
        d.speaker_chars = (sp.start_char, sp.end_char)
    return d


_COLON = re.compile(r"[\"“]?([^\n:\"“]{1,40}):[ \t]+(\S[^\n]*)")
_NOT_SPEAKERS = {
    "update", "note", "editor", "photo", "watch", "read", "video", "source", "file", "graphic",
    "caption", "related", "breaking", "factbox", "explainer", "analysis", "timeline",
}  # fmt: skip
"""Label words: a line "FILE PHOTO: …" or "Graphic: …" is not someone speaking."""


def colon_attributions(doc: Doc, idx: Index) -> list[Draft]:
    """Transcript and headline form: a paragraph "NAME: what they said".

    The part before the colon must be 1-4 capitalised proper nouns or nouns (no
    digits, no verbs, not a label like "UPDATE"); the content is the rest of the
    paragraph as written.
    """
    text = doc_text(doc)
    out: list[Draft] = []
    pos = 0
    for line in text.split("\n"):
        m = _COLON.match(line)
        if m is not None:
            a, b = idx.token_range(pos + m.start(1), pos + m.end(1))
            name = doc[a:b]
            ok = (
                0 < len(name) <= 4
                and name[0].text[:1].isupper()
                and all(t.pos_ in ("PROPN", "NOUN", "PART") or t.text in (".", "’s") for t in name)
                and not any(t.lower_ in _NOT_SPEAKERS for t in name)
                and len(m.group(2).split()) >= 3
            )
            if ok:
                cs, ce = pos + m.start(2), pos + len(line.rstrip())
                d = Draft("direct", cs, ce, text[cs:ce], "colon-speaker")
                d.cue_span = (pos + m.end(1), pos + m.end(1) + 1)
                d.subject = name.root
                d.speaker_chars = (name.start_char, name.end_char)
                out.append(d)
        pos += len(line) + 1
    return out


def partials(doc: Doc, indirect: list[Draft], direct: list[Draft]) -> list[Draft]:
    """Quoted fragments inside indirect content become ``partial`` records."""
    text = doc_text(doc)
    covered = [(d.start, d.end) for d in direct]
    out: list[Draft] = []
    for q in find_quote_spans(text):
        if any(a <= q.start < b for a, b in covered):
            continue
        host = next((d for d in indirect if d.start <= q.start and q.end <= d.end + 1), None)
        if host is None:
            continue
        d = Draft("partial", q.start, q.end, strip_outer_marks(text[q.start : q.end]), "partial")
        d.cue, d.cue_span, d.subject = host.cue, host.cue_span, host.subject
        d.speaker_chars = host.speaker_chars
        out.append(d)
    return out
