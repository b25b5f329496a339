"""Speaker spans and speaker resolution (private helper of :mod:`.quotes`).

* The speaker span of a cue verb is its subject: ``nsubj`` (or the ``agent`` of a
  passive), with its whole subtree — determiners, titles, appositives and relative
  clauses included ("Frank Luntz, a pollster,"; "Pentagon spokesman Jonathan
  Hoffman"). When the verb has no subject of its own (``saying`` as an adverbial
  clause, a conjoined or open-complement verb) the subject of the governing verb
  is used.
* ``he``/``she`` (and their object forms) resolve to the most recent *named*
  speaker before them (a speaker span containing a proper noun); failing that,
  to the last PERSON entity mentioned before them. The pronoun keeps its own span.
* A relative ``who``/``that`` subject keeps its span and resolves to the noun it
  modifies.
* Anything else ("the note", "a sergeant", "Iranian state television") is kept as
  written.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
PERSONAL = {"he", "she", "him", "her"}
RELATIVE = {"who", "that", "which", "whom"}
_TRIM = {",", ";", ":", "-", "—", "–", "(", "“", "”", '"'}


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].text in _TRIM or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in _TRIM or doc[end - 1].is_space):
        end -= 1
    if end > start and doc[end - 1].text == ")" and "(" not in doc[start : end - 1].text:
        end -= 1
    return start, end


def same_paragraph(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return not any("\n" in t.text for t in a.doc[lo:hi])


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The token heading the subject of ``verb`` (climbing to a governing verb if needed)."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and same_paragraph(c, verb)]
    if subjects:
        return min(subjects, key=lambda c: abs(c.i - verb.i))
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    if depth < 3 and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
        return subject_of(verb.head, depth + 1)
    return None


def left_noun(verb: Token) -> Token | None:
    """Fallback subject for a finite cue verb the parser left without one.

    The noun right before the verb ("... the Washington Post Trump said that"),
    skipping adverbs; only for finite verbs (not participles or infinitives).
    """
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    j = verb.i - 1
    doc = verb.doc
    while j >= 0 and doc[j].pos_ in ("ADV", "AUX", "PART"):
        j -= 1
    if j < 0 or doc[j].pos_ not in ("PROPN", "PRON", "NOUN") or not same_paragraph(doc[j], verb):
        return None
    if doc[j].pos_ == "PRON" and doc[j].lower_ not in ("he", "she", "they", "i", "we", "it"):
        return None
    return doc[j]


def speaker_span(subject: Token, exclude: tuple[int, int] | None = None) -> Span:
    """The full speaker phrase headed by ``subject`` (trimmed of edge punctuation).

    ``exclude`` is a token range (e.g. the quote) the speaker span must not enter.
    """
    doc = subject.doc
    start, end = subject.left_edge.i, subject.right_edge.i + 1
    # stay inside the subject's paragraph (the parser may run across paragraphs)
    for t in doc[start : subject.i]:
        if "\n" in t.text:
            start = t.i + 1
    for t in doc[subject.i + 1 : end]:
        if "\n" in t.text:
            end = t.i
            break
    if exclude is not None:
        lo, hi = exclude
        if start < hi <= subject.i:
            start = hi
        if subject.i < lo < end:
            end = lo
    start, end = _trim(doc, start, end)
    if start >= end:
        return doc[subject.i : subject.i + 1]
    # PolNeAR convention: a subject with an appositive keeps its closing comma
    # when the cue verb follows ("Phil Lovas, the chairman, said")
    if (
        end < len(doc)
        and doc[end].text == ","
        and subject.i < subject.head.i
        and any(t.dep_ == "appos" for t in doc[start:end])
    ):
        end += 1
    return doc[start:end]


def is_named(span: Span) -> bool:
    return any(t.pos_ == "PROPN" for t in span) and not is_pronoun(span)


def is_pronoun(span: Span) -> bool:
    return len(span) == 1 and span[0].pos_ == "PRON"


def name_in(span: Span) -> str:
    """The name inside a speaker phrase: its PERSON entity, else its proper-noun run."""
    for ent in span.ents:
        if ent.label_ == "PERSON":
            return ent.text
    # the proper-noun compound chain around the head
    head = span.root
    if head.pos_ == "PROPN":
        toks = [t for t in head.subtree if t.dep_ == "compound" or t is head]
        toks = [t for t in toks if span.start <= t.i < span.end and t.pos_ == "PROPN"]
        if toks:
            return span.doc[toks[0].i : toks[-1].i + 1].text
    return span.text


def antecedent(rel: Token) -> Span | None:
    """The noun phrase a relative pronoun subject refers to."""
    verb = rel.head
    if verb.dep_ != "relcl":
        return None
    noun = verb.head
    doc = rel.doc
    start = noun.left_edge.i
    end = noun.i + 1
    # keep compounds/titles to the right of the noun? (none in English NPs) — stop at noun
    for child in noun.rights:
        if child.dep_ in ("appos",) and child.i < verb.i:
            end = child.right_edge.i + 1
    start, end = _trim(doc, start, end)
    return doc[start:end] if start < end else None


@dataclass
class SpeakerHistory:
    """Named speakers and PERSON mentions seen so far, for pronoun resolution."""

    named: list[tuple[int, str]]

    def last_named(self, before: int) -> str | None:
        for pos, name in reversed(self.named):
            if pos < before:
                return name
        return None


def last_person_mention(doc: Doc, before: int) -> str | None:
    best: str | None = None
    for ent in doc.ents:
        if ent.end_char > before:
            break
        if ent.label_ == "PERSON":
            best = ent.text
    return best
