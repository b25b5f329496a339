"""How a sentence holds an event: asserted, reported, denied, threatened ... (private helper).

Checked from the strongest to the weakest, walking up from the trigger through
the clauses it is embedded in (``xcomp``/``ccomp``/``advcl``/``conj`` ...):

* ``question`` — the trigger's sentence ends with a question mark;
* ``denied`` — an embedding verb of denial ("Iran denied attacking …");
* ``negated`` — a negation on the trigger or on a verb that governs it
  ("did not attack", "refused to withdraw", "no talks");
* ``threatened`` — an embedding verb of threat ("threatened to strike");
* ``conditional`` — an ``if``/``unless`` clause, or a hypothetical modal
  (would, could, might, may) on the trigger;
* ``planned`` — future: will/shall/"going to", an embedding verb of intention
  ("agreed to meet", "plans to visit") or an event date after publication;
* ``reported`` — inside a quote's content or under a speech verb (the speaker
  is ``attributed_to``);
* ``asserted`` — otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

DENY = {"deny", "dismiss", "disavow", "refute", "rebut"}
NEG_GOVERNORS = {
    "refuse", "decline", "fail", "failure", "avoid", "stop", "cease", "halt", "reject", "refusal",
}  # fmt: skip
THREAT = {"threaten", "warn", "vow", "menace"}
PLAN = {
    "plan", "intend", "agree", "promise", "pledge", "prepare", "expect", "schedule",
    "aim", "seek", "want", "hope", "offer", "propose", "decide", "consider", "set",
    "try", "attempt", "mean", "wish", "invite", "urge", "ask", "call", "demand",
    "push", "press", "order", "need", "willing", "ready", "prepared", "eager", "due",
}  # fmt: skip
FUTURE = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL = {"would", "could", "might", "may", "should", "'d"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
MEANS_PREPS = ("with", "by", "through", "via")
NEG_WORDS = {"not", "n't", "never", "no"}
SPEECH = {
    "say", "tell", "report", "claim", "add", "state", "announce", "write", "note",
    "insist", "confirm", "allege", "assert", "suggest", "argue",
}  # fmt: skip
_EMBED = (
    "xcomp", "ccomp", "advcl", "conj", "relcl", "acl", "pcomp", "pobj", "prep", "dobj",
    "amod", "compound",
)  # fmt: skip


_ADJUNCT = ("advcl", "relcl", "acl", "prep", "pobj", "pcomp")


@dataclass
class Modality:
    """A modality and, for ``reported``, who the text attributes the event to."""

    value: str
    attributed_to: str | None = None
    cue: str = ""


def _negated(tok: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in ("never",) for c in tok.children):
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def _aux(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def _going_to(tok: Token) -> bool:
    prev = tok.doc[tok.i - 2 : tok.i]
    return len(prev) == 2 and prev[0].lower_ == "going" and prev[1].lower_ == "to"


def _chain(tok: Token) -> list[Token]:
    """The trigger and the verbs whose clause embeds it, nearest first (stop at speech)."""
    return [t for t, _via in _links(tok)]


def _links(tok: Token) -> list[tuple[Token, str]]:
    """(token, dependency by which the chain reached it): the trigger has ``""``."""
    out = [(tok, "")]
    cur = tok
    for _ in range(6):
        if cur.dep_ not in _EMBED or cur.head is cur:
            break
        step = cur.dep_
        cur = cur.head
        if step == "conj":  # a coordinated verb shares its governor's frame only
            continue
        if cur.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
            out.append((cur, step))
        if cur.lemma_.lower() in SPEECH:
            break
    return out


def _embeds(gov: Token, via: str, words: set[str], deps: tuple[str, ...]) -> bool:
    """``gov`` is one of ``words`` and holds the trigger as a complement, not an adjunct."""
    return gov.lemma_.lower() in words and via in deps


def _conditional_clause(tok: Token) -> bool:
    return tok.dep_ == "advcl" and any(c.lower_ in CONDITIONAL_MARKS for c in tok.children)


def _speech_subject(tok: Token) -> str | None:
    for child in tok.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return " ".join(t.text for t in child.subtree if t.dep_ not in ("relcl", "appos"))
    return None


def modality(tok: Token, quote_speaker: str | None, in_quote: bool) -> Modality:
    """The modality of the event whose trigger is ``tok``."""
    sent = tok.sent
    if sent.text.rstrip().rstrip("\"”’'").endswith("?"):
        return Modality("question", cue="?")
    chain = _chain(tok)
    governors = chain[1:]
    own = tok.head if tok.dep_ == "conj" else tok
    # "if Iran retaliates with attacks on …": the means shares its verb's condition
    host = own.head.head if own.dep_ == "pobj" and own.head.lower_ in MEANS_PREPS else own
    if any(_conditional_clause(t) for t in (tok, own, host)):
        return Modality("conditional", cue="if")
    links = _links(tok)[1:]
    for gov, via in links:
        if via in ("relcl", "advcl", "acl"):
            break
        if gov.lemma_.lower() in DENY:
            return Modality("denied", cue=gov.text)
        if gov.lemma_.lower() in SPEECH:
            break
    for v, via in _links(tok):
        if via in ("relcl", "advcl"):
            break
        if _negated(v) and (not via or v.lemma_.lower() not in SPEECH):
            return Modality("negated", cue=v.text)
        if via and v.lemma_.lower() in NEG_GOVERNORS and tok.dep_ != "conj":
            return Modality("negated", cue=v.text)
        if v.lemma_.lower() in SPEECH:
            break
    for gov, via in links:
        if _embeds(gov, via, THREAT, ("xcomp", "ccomp", "dobj")):
            return Modality("threatened", cue=gov.text)
        if gov.lemma_.lower() in SPEECH or via in _ADJUNCT:
            break
    for v, via in _links(tok):
        if via in _ADJUNCT:
            break
        if _conditional_clause(v):
            return Modality("conditional", cue="if")
        if _aux(v) & HYPOTHETICAL:
            return Modality("conditional", cue=", ".join(sorted(_aux(v) & HYPOTHETICAL)))
        if v.lemma_.lower() in SPEECH:
            break
    if _aux(tok) & FUTURE or _going_to(tok):
        return Modality("planned", cue="will")
    for gov, via in links:
        if via in _ADJUNCT or gov.lemma_.lower() in SPEECH:
            break
        if _aux(gov) & FUTURE or _going_to(gov):
            return Modality("planned", cue="will")
        if _embeds(gov, via, PLAN, ("xcomp", "ccomp", "dobj")):
            return Modality("planned", cue=gov.text)
    if in_quote:
        return Modality("reported", attributed_to=quote_speaker, cue="quote")
    for gov in governors:
        if gov.lemma_.lower() in SPEECH and gov is not tok:
            return Modality("reported", attributed_to=_speech_subject(gov), cue=gov.text)
    return Modality("asserted")
