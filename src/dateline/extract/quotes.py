"""Quote and reported-speech extraction with speaker resolution.

``extract_quotes(doc)`` turns a parsed article into :class:`~dateline.models.Quote`
records (character offsets into ``doc.text``; ``date`` is left to the pipeline).

Rules (each record names the one that produced it in ``Quote.rule``):

``direct-cue-after``
    A quotation opening its clause and followed in its sentence by a cue clause:
    “…,” he said. / “…,” said X, a teacher. The quote must end with , ? ! … or a
    dash inside the marks, or the clause after it must start in lower case; the
    first verb after the quote must be a cue verb.
``direct-cue-before``
    A cue clause right before the quotation: X said: “…” / X said, “…” /
    X told reporters “We …” (addressee verbs only) / "X said:" closing the
    previous paragraph. A cue without a subject ("the so-called “…”") is not one.
``+split`` (suffix)
    “A,” he said, “B.” — a quotation resumed right after the cue clause in the
    same paragraph, with no cue of its own, is the same quote: one record from the
    start of A to the end of B whose ``text`` joins the parts (without the cue).
``direct-dash``
    “…” ― Martha Smith: a name after a dash ending the quote's line.
``direct-previous-paragraph``
    A paragraph that is nothing but a quotation with no cue continues the speaker
    of the quote in the immediately preceding paragraph, if that quote was
    attributed (news convention). The record copies that speaker and speaker span
    (which lies in the earlier paragraph); it has no cue.
``direct-continued``
    An uncued quotation right after the sentence that attributes another quote in
    the same paragraph: “A,” Trump said in a tweet. “B.” / Khamenei said in a
    speech: “B.” / …, said the 27-year-old, one of several soldiers. “B.” — the
    same speaker (and cue) as that attribution. After a direct quote the two
    become one record (rule suffix ``+continued``), as a split quote does.
``direct-unattributed``
    A clause-initial quotation with no cue and no attributable predecessor.
``colon-speaker``
    Transcript/headline form: a line "NAME: what they said", NAME being 1-4
    capitalised nouns; cue is the colon, content the rest of the line. Quotation
    marks inside such a line are not separate quotes.
``indirect-<dep>``
    Reported speech from the dependency parse: a cue verb from the lexicon
    (``dateline/data/cues.txt``) with a clausal complement (``ccomp``), an open
    complement (``xcomp``, when the lexicon allows it), an object (``dobj``) or a
    prepositional object (``prep``: "called for X", "accused Y of Z") allowed for
    that verb, or a cue clause set off by commas after or inside its content
    ("X happened, sources said." / "X, he said, Y." → ``indirect-parataxis``).
    Speaker: the verb's subject (or that of the verb it hangs on, for "…, saying
    …"); a finite cue verb the parser left without one takes the noun right
    before it. Content is trimmed of edge punctuation and dateline leads
    ("WASHINGTON ―"), stays inside the cue's paragraph, takes in a quotation it
    starts or ends inside, stops an object before ", who …"/", saying …", runs a
    clause on through ", but …" to the sentence end, and stops before another
    quote's content.
``indirect-according-to``
    "According to X, …": source X, content the rest of the sentence.
``indirect-noun``
    "Trump's claim that …": a cue noun (``n:`` entries of the lexicon) with a
    possessive source and a that-clause or prepositional content.
``partial``
    A quoted fragment inside the content of an indirect quote (said Tehran could
    not trust the “economic terrorism” of sanctions) — same speaker and cue.
    Quoted fragments outside any attribution (scare quotes) are not records.

Order and nesting: direct quotes first, then reported speech with the cues
closest to the root first ("according to" and parenthetical cues before all);
a cue inside an earlier record's content or speaker is skipped (attributions
are not nested, as in PolNeAR).

Speakers: the speaker span is the subject phrase as written, appositives and
relative clauses included (with the comma that closes an appositive before its
verb, PolNeAR style; ``speaker`` drops it). ``he``/``she`` resolve to the most
recent named speaker (else the last PERSON mentioned) while keeping the
pronoun's span; a relative ``who`` resolves to its noun; descriptive speakers
("a sergeant", "the note") stay as written. See :mod:`._quote_speakers`.

Quotation marks (curly, straight, ‘single’ vs apostrophes, '' pairs, nesting,
multi-paragraph quotes) are found by :mod:`._quote_marks`.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..models import Quote
from ..nlp import doc_text
from ._quote_common import Draft, Index
from ._quote_direct import direct_quotes
from ._quote_lexicon import load_cues
from ._quote_reported import colon_attributions, partials, reported_speech
from ._quote_speakers import (
    PERSONAL,
    RELATIVE,
    SpeakerHistory,
    antecedent,
    is_named,
    last_person_mention,
    name_in,
)

__all__ = ["extract_quotes"]


def _resolve(doc: Doc, drafts: list[Draft]) -> None:
    history = SpeakerHistory([])
    for d in sorted(drafts, key=lambda x: (x.speaker_chars or (x.start, 0))[0]):
        if d.previous is not None:
            continue
        if d.speaker_chars is None:
            continue
        span = doc.char_span(*d.speaker_chars, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        d.speaker = span.text.rstrip(" ,")
        low = span.text.lower()
        if len(span) == 1 and low in PERSONAL:
            name = history.last_named(span.start_char) or last_person_mention(doc, span.start_char)
            if name:
                d.speaker = name
        elif len(span) == 1 and low in RELATIVE and d.subject is not None:
            ante = antecedent(d.subject)
            if ante is not None:
                d.speaker = name_in(ante) if is_named(ante) else ante.text
                if is_named(ante):
                    history.named.append((span.start_char, d.speaker))
        elif is_named(span):
            history.named.append((span.start_char, name_in(span)))
    for d in drafts:
        if d.previous is not None:
            src = d.previous
            while src.previous is not None:
                src = src.previous
            d.speaker = src.speaker


_QUOTE_MARKS = '"“”‘’'
_GAP_LIMIT = 200


def _continues(doc: Doc, before: Draft, d: Draft) -> bool:
    """True when only the rest of ``before``'s attribution sentence precedes ``d``."""
    text = doc_text(doc)
    if before.cue_span is None or before.speaker_chars is None:
        return False
    cue_end = before.cue_span[1]
    if not (cue_end <= d.start and d.start - cue_end <= _GAP_LIMIT):
        return False
    if max(before.end, before.speaker_chars[1]) > d.start:
        return False
    gap = text[cue_end : d.start]
    if "\n" in gap or any(m in gap for m in _QUOTE_MARKS[1:]) or '"' in gap.rstrip()[:-1]:
        return False
    body = gap.rstrip(_QUOTE_MARKS + " ")
    if not body.endswith((".", ":")):
        return False
    if sum(body.count(x) for x in (". ", "! ", "? ")):
        return False
    # no new main clause in between ("X ordered the strike, gave a response:")
    gap_toks = doc.char_span(cue_end, d.start, alignment_mode="contract")
    return gap_toks is None or not any(
        t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "conj") for t in gap_toks
    )


def _continue_attributions(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Give uncued direct quotes the attribution of the sentence right before them.

    A continued direct quote becomes part of it (one record, like a split quote);
    after a partial or indirect quote it stays its own record with that speaker.
    """
    merged: list[Draft] = []
    for d in drafts:
        if d.kind != "direct" or d.rule != "direct-unattributed":
            continue
        before = [
            b for b in drafts if b is not d and b not in merged and b.cue_span
            and b.cue_span[1] <= d.start
        ]  # fmt: skip
        if not before:
            continue
        prev = max(before, key=lambda b: b.cue_span[1] if b.cue_span else -1)
        if not _continues(doc, prev, d):
            continue
        if prev.kind == "direct" and prev.previous is None:
            prev.end = d.end
            prev.text = f"{prev.text} {d.text}"
            prev.rule += "+continued"
            merged.append(d)
            continue
        d.rule = "direct-continued"
        d.previous = prev
        d.speaker_chars = prev.speaker_chars
        d.subject = prev.subject
        d.cue_span = prev.cue_span
    return [d for d in drafts if not any(d is m for m in merged)]


def extract_quotes(doc: Doc) -> list[Quote]:
    """Direct, partial and indirect quotes of ``doc`` with speakers and cues."""
    cues = load_cues()
    idx = Index(doc)
    colon = colon_attributions(doc, idx)
    direct = [
        d
        for d in direct_quotes(doc, idx, cues)
        if not any(
            d.start < c.end and c.speaker_chars is not None and c.speaker_chars[0] < d.end
            for c in colon
        )
    ] + colon
    blocked = [(d.start, d.end) for d in direct]
    blocked += [d.speaker_chars for d in direct if d.speaker_chars and d.previous is None]
    cue_toks = {d.cue.i for d in direct if d.cue is not None}
    indirect = reported_speech(doc, idx, cues, blocked, cue_toks)
    partial = partials(doc, indirect, direct)
    drafts = direct + indirect + partial
    drafts = _continue_attributions(doc, drafts)
    _resolve(doc, drafts)
    drafts.sort(key=lambda d: (d.start, d.kind != "indirect"))
    out: list[Quote] = []
    for d in drafts:
        q = Quote(text=d.text, kind=d.kind, start=d.start, end=d.end, rule=d.rule)
        if d.speaker_chars is not None:
            q.speaker = d.speaker
            q.speaker_start, q.speaker_end = d.speaker_chars
        if d.cue_span is not None:
            q.cue_start, q.cue_end = d.cue_span
            q.cue = doc_text(doc)[q.cue_start : q.cue_end]
        out.append(q)
    return out
