"""Direct quotations: cue search around quotation marks, split quotes, continuation.

See :mod:`dateline.extract.quotes` for the rules.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..nlp import doc_text
from ._quote_common import Draft, Index, cue_chars, cue_entry, paragraph_bounds, strip_outer_marks
from ._quote_lexicon import Cue
from ._quote_marks import QuoteSpan, find_quote_spans
from ._quote_speakers import speaker_span, subject_of


def _cue_after(
    doc: Doc, idx: Index, q: QuoteSpan, limit: int, cues: dict[str, Cue]
) -> Token | None:
    """A cue verb in the clause right after quote ``q`` (up to char ``limit``)."""
    text = doc_text(doc)
    inner = text[q.start : q.end].rstrip("”\"’' ")
    a, _ = idx.token_range(q.end, q.end + 1)
    if a >= len(doc):
        return None
    para_end = paragraph_bounds(text, q.end - 1)[1]
    stop = min(limit, para_end)
    toks: list[Token] = []
    for t in doc[a:]:
        if t.idx >= stop:
            break
        if t.text in (".", "!", "?", ";"):
            break
        toks.append(t)
        if len(toks) > 40:
            break
    if not toks:
        return None
    first = next((t for t in toks if not t.is_punct), None)
    if first is None:
        return None
    ends_open = inner.endswith((",", "?", "!", "—", "–", "-", "…", "..."))
    if not ends_open and not first.text[0].islower():
        return None
    for t in toks:
        if cue_entry(t, cues) is not None and t.lemma_.lower() != "be":
            # the quote should not be the subject-side of an unrelated clause
            return t
        if t.pos_ == "VERB":
            return None  # a non-cue verb comes first: "…,” which made him laugh.
    return None


def _cue_before(
    doc: Doc, idx: Index, q: QuoteSpan, floor: int, cues: dict[str, Cue]
) -> Token | None:
    """A cue verb in the clause right before quote ``q`` (not before char ``floor``)."""
    text = doc_text(doc)
    para_start = paragraph_bounds(text, q.start)[0]
    lo = max(floor, para_start)
    before = text[lo : q.start].rstrip()
    if not before and para_start > 0:
        # "X said:" closing the previous paragraph, the quote opening this one
        prev_text = text[:para_start].rstrip()
        if prev_text.endswith(":"):
            lo = max(floor, paragraph_bounds(text, len(prev_text) - 1)[0])
            before = text[lo:para_start].rstrip()
    if not before:
        return None
    a, b = idx.token_range(lo, q.start)
    toks = [t for t in doc[a:b] if t.idx + len(t.text) <= q.start and not t.is_space]
    if not toks:
        return None
    # the clause starts after the last sentence end
    for k in range(len(toks) - 1, -1, -1):
        if toks[k].text in (".", "!", "?") and k < len(toks) - 1:
            toks = toks[k + 1 :]
            break
    last = toks[-1]
    for t in reversed(toks):
        if (
            t.pos_ in ("VERB", "AUX")
            and cue_entry(t, cues) is None
            and t.dep_ not in ("aux", "amod", "compound")  # "in a televised speech:"
        ):
            if last.text == ":" and _gives_statement(t, cues) and subject_of(t) is not None:
                return t  # X gave a response on Twitter: “…” / X issued a statement: “…”
            return None
        if cue_entry(t, cues) is not None and t.lemma_.lower() != "be":
            if t.dep_ in ("amod", "compound") or subject_of(t) is None:
                return None  # "the so-called “…”": not a speech act
            gap = doc[t.i + 1 : last.i + 1]
            # only an addressee / modifier / punctuation between cue and quote
            if len(gap) > 8 or any(g.pos_ == "VERB" and g.dep_ != "amod" for g in gap):
                return None
            if last.text == ":" or (last.text == "," and len(gap) <= 6):
                return t
            if not _capitalised(text, q.start):
                return None  # said “resistance” would go on: a partial quote
            if len(gap) == 0 or (len(gap) <= 3 and t.lemma_.lower() in _ADDRESSEE):
                return t  # He told reporters “We will …”
            return None
    return None


def _gives_statement(verb: Token, cues: dict[str, Cue]) -> bool:
    """A verb whose object is a speech noun: gave a response, issued a statement."""
    return any(
        c.dep_ == "dobj" and cues.get("n:" + c.lemma_.lower()) is not None
        and cues["n:" + c.lemma_.lower()].speech
        for c in verb.children
    )  # fmt: skip


_DASH = re.compile(r"[ \t\xa0]*([―—–-])[ \t\xa0]*([^\n]{2,80})")


def _dash_source(doc: Doc, idx: Index, q: QuoteSpan) -> tuple[tuple[int, int], Token, Span] | None:
    """“…” ― Martha Aguilar: a name after a dash closing the quote's line."""
    text = doc_text(doc)
    m = _DASH.match(text, q.end)
    if m is None:
        return None
    name_end = m.end(2)
    while name_end > m.start(2) and text[name_end - 1] in " .,\xa0":
        name_end -= 1
    a, b = idx.token_range(m.start(2), name_end)
    toks = doc[a:b]
    if not 0 < len(toks) <= 12 or toks[0].pos_ != "PROPN" or not toks[0].text[0].isupper():
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in toks):
        return None
    return (m.start(1), m.end(1)), toks.root, toks


_ADDRESSEE = {"tell", "ask", "remind", "assure", "inform", "warn", "answer", "write", "add"}


def _capitalised(text: str, start: int) -> bool:
    first = next((c for c in text[start : start + 6] if c.isalnum()), "")
    return first.isupper() or first.isdigit()


def _starts_clause(doc: Doc, idx: Index, q: QuoteSpan) -> bool:
    """True when the quotation opens its sentence/paragraph (after optional space)."""
    text = doc_text(doc)
    para_start = paragraph_bounds(text, q.start)[0]
    before = text[para_start : q.start].rstrip()
    if not before:
        return True
    return before[-1] in ".!?:" or before.endswith(("”", '."', '!"', '?"'))


def _subject_for(cue: Token, exclude: tuple[int, int]) -> tuple[Token | None, Span | None]:
    subj = subject_of(cue)
    if subj is None:
        return _inverted_speaker(cue, exclude)
    lo, hi = exclude
    if lo <= subj.i < hi:
        return None, None  # the parser made a token of the quote the subject
    return subj, speaker_span(subj, exclude)


_SPEAKER_START = ("DET", "PROPN", "NOUN", "ADJ", "NUM")


def _inverted_speaker(cue: Token, exclude: tuple[int, int]) -> tuple[Token | None, Span | None]:
    """“…,” said the 27-year-old, … — the phrase right after the cue, when the
    parser gave the cue no subject: up to the first comma or sentence end."""
    doc = cue.doc
    i = cue.i + 1
    if i >= len(doc) or doc[i].pos_ not in _SPEAKER_START or exclude[0] <= i < exclude[1]:
        return None, None
    j = i
    while j < len(doc) and doc[j].text not in (",", ".", ";", "!", "?") and "\n" not in doc[j].text:
        if exclude[0] <= j < exclude[1] or j - i >= 8:
            return None, None
        j += 1
    span = doc[i:j]
    nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN", "ADJ")]
    if not nouns:
        return None, None
    return nouns[-1], span


def direct_quotes(doc: Doc, idx: Index, cues: dict[str, Cue]) -> list[Draft]:
    text = doc_text(doc)
    spans = find_quote_spans(text)
    drafts: list[Draft] = []
    used: set[int] = set()
    for qi, q in enumerate(spans):
        if qi in used:
            continue
        nxt_start = spans[qi + 1].start if qi + 1 < len(spans) else len(text)
        prev_end = spans[qi - 1].end if qi > 0 else 0
        qa, qb = idx.token_range(q.start, q.end)
        initial = _starts_clause(doc, idx, q)
        cue = _cue_after(doc, idx, q, nxt_start, cues) if initial else None
        rule = "direct-cue-after"
        if cue is None:
            cue = _cue_before(doc, idx, q, prev_end, cues)
            rule = "direct-cue-before"
        if cue is None:
            dash = _dash_source(doc, idx, q)
            if dash is not None:
                d = Draft(
                    "direct",
                    q.start,
                    q.end,
                    strip_outer_marks(text[q.start : q.end]),
                    "direct-dash",
                )
                d.cue_span, (d.subject, sp) = dash[0], dash[1:]
                d.speaker_chars = (sp.start_char, sp.end_char)
                drafts.append(d)
                continue
        if cue is None and not initial:
            continue  # a partial/scare quote: handled with reported speech
        parts = [(q.start, q.end)]
        end = q.end
        if cue is not None and rule == "direct-cue-after":
            # split quote: “A,” he said, “B.” (and further uncued quotes right after)
            k = qi + 1
            last_end = q.end
            while k < len(spans):
                q2 = spans[k]
                gap = text[last_end : q2.start]
                if "\n" in gap:
                    break
                if k == qi + 1:
                    if cue.idx >= q2.start or len(gap) > 160:
                        break
                    # nothing but the cue clause (cue + speaker) between the two parts
                    clause_end = cue.idx + len(cue.text)
                    speaker = _subject_for(cue, (qa, qb))[1]
                    if speaker is not None:
                        clause_end = max(clause_end, speaker.end_char)
                    rest = text[clause_end : q2.start].strip()
                    if len(rest.split()) > 2 or rest.rstrip(",.:;—–- ").count(",") > 0:
                        break
                elif gap.strip():
                    break
                limit = spans[k + 1].start if k + 1 < len(spans) else len(text)
                if _cue_after(doc, idx, q2, limit, cues) is not None:
                    break
                parts.append((q2.start, q2.end))
                end = q2.end
                last_end = q2.end
                used.add(k)
                k += 1
            if len(parts) > 1:
                rule += "+split"
        body = " ".join(strip_outer_marks(text[a:b]) for a, b in parts)
        d = Draft("direct", q.start, end, body, rule if cue is not None else "")
        if cue is not None:
            subj, span = _subject_for(cue, (qa, qb))
            d.cue = cue
            d.cue_span = cue_chars(cue)
            if subj is not None and span is not None:
                d.subject = subj
                d.speaker_chars = (span.start_char, span.end_char)
        drafts.append(d)
    # previous-paragraph continuation for uncued whole-paragraph quotes
    for i, d in enumerate(drafts):
        if d.cue is not None or d.cue_span is not None:
            continue
        pa, pb = paragraph_bounds(text, d.start)
        whole = not text[pa : d.start].strip() and not text[d.end : pb].strip()
        prev = drafts[i - 1] if i > 0 else None
        if whole and prev is not None and prev.speaker_chars is not None:
            prev_para = paragraph_bounds(text, prev.end - 1)
            between = text[prev_para[1] : pa]
            if not between.strip():
                d.rule = "direct-previous-paragraph"
                d.previous = prev
                d.speaker_chars = prev.speaker_chars
                d.subject = prev.subject
                continue
        d.rule = "direct-unattributed"
    return drafts
