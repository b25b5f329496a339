"""Which date expressions govern an event's clause (private helper of :mod:`.events`).

The clause of a trigger is its subtree less embedded clauses; the sentence's other
date expressions count only when they do not sit in a clause that leaves the
trigger out, and only for a trigger of the main clause (a relative clause or a
noun in a prepositional phrase often tells of an earlier event).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..models import TimeExpression
from ._event_args import SPEECH_VERBS, lethal_antecedent, on_state

_ASIDE = ("relcl", "appos", "acl", "advcl", "ccomp", "xcomp", "parataxis", "conj")


def clause_times(times: list[TimeExpression], sent: Span, trig: Token) -> list[TimeExpression]:
    """Time expressions of the sentence, less those in clauses that do not hold the trigger."""
    aside: list[tuple[int, int]] = []
    for tok in sent:
        if _describes(tok, trig):
            continue  # "fired at bases housing troops on Wednesday": the date is the firing's
        if tok.dep_ in _ASIDE and not any(t.i == trig.i for t in tok.subtree):
            sub = list(tok.subtree)
            aside.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
    return [
        t
        for t in times
        if sent.start_char <= t.start < sent.end_char
        and not any(a <= t.start < b for a, b in aside)
    ]


def _describes(tok: Token, trig: Token) -> bool:
    """A present participle describing a noun of the trigger's own clause ("bases
    housing troops"): the parser often hangs the clause's closing date on it."""
    return tok.dep_ == "acl" and tok.tag_ == "VBG" and any(a.i == trig.i for a in tok.ancestors)


def clause_extent(trig: Token) -> tuple[int, int]:
    """Characters of the trigger's clause: its subtree less embedded clauses."""
    drop: set[int] = set()
    for tok in trig.subtree:
        if tok is not trig and tok.dep_ in _ASIDE and tok.i not in drop:
            drop.update(t.i for t in tok.subtree)
    kept = [t for t in trig.subtree if t.i not in drop] or [trig]
    return kept[0].idx, kept[-1].idx + len(kept[-1].text)


def main_clause(trig: Token) -> bool:
    """The trigger belongs to the sentence's main clause (so the sentence's date is its date).

    A reduced or relative clause, an adverbial clause or a noun inside a prepositional
    phrase ("in retaliation for the killing of …") often tells of an earlier event;
    one giving the means of its verb ("responded with missile strikes") and a "when"
    clause ("gained traction on Sunday when parliament backed …") do not.
    """
    tok = trig
    for _ in range(8):
        if _means(tok):
            tok = tok.head.head  # "responded with missile strikes": the verb's own act
            continue
        if _when_clause(tok):
            tok = tok.head  # "gained traction on Sunday when parliament backed …"
            continue
        if _state_of(tok):
            tok = tok.head.head  # "nurses went on strike on Monday": the going's date
            continue
        if tok.dep_ in ("acl", "relcl", "advcl", "pobj", "pcomp", "appos"):
            return False
        if tok.head is tok:
            return True
        tok = tok.head
    return True


_MEANS_PREPS = frozenset(["with", "by", "through", "via"])


def _state_of(tok: Token) -> bool:
    """An event noun its subject goes or stays *on* ("went on strike"): the act itself."""
    return on_state(tok) and tok.head.dep_ == "prep"


def _when_clause(tok: Token) -> bool:
    """An adverbial "when" clause of a verb: its happening is at the verb's time."""
    return (
        tok.dep_ == "advcl"
        and tok.head.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "advmod" and c.lower_ == "when" for c in tok.children)
    )


_ANSWERING = frozenset(["respond", "retaliate", "react", "reply", "answer", "hit", "strike",
                        "attack", "punish", "avenge"])  # fmt: skip
"""Verbs whose "with"/"by" phrase is the act itself ("responded with strikes"); for
others it need not be ("was charged on Monday with the killing of …")."""


def _means(tok: Token) -> bool:
    """A noun giving the means of its clause's verb ("Iran responded *with* missile
    strikes on Jan. 8", "retaliated by firing rockets"): the verb's date is its date."""
    prep = tok.head
    return (
        tok.dep_ in ("pobj", "pcomp")
        and prep.lower_ in _MEANS_PREPS
        and prep.dep_ == "prep"
        and prep.head.pos_ in ("VERB", "AUX")
        and prep.head.lemma_.lower() in _ANSWERING
    )


def _reported_speech(verb: Token) -> bool:
    """The clause is what someone said ("TV said 80 had been killed"): its past
    perfect is the shift of reported speech, not an earlier time."""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in SPEECH_VERBS


_STANCES = frozenset([
    "blame", "accuse", "consider", "support", "oppose", "back", "reject", "deny", "want",
    "seek", "demand", "fund", "arm", "sanction", "control", "view", "regard", "hold",
])  # fmt: skip
"""Verbs whose simple present states a standing view or relation ("Washington blames
Soleimani"), not the news ("Iran launches missiles")."""


_STANDING = frozenset(["sanction", "embargo", "blockade", "occupation", "presence"])
"""Nouns that name a measure or state in force ("as Zemblan sanctions bite"), not the act
that started it."""
_ENACTING = frozenset([
    "impose", "reimpose", "announce", "slap", "tighten", "extend", "expand", "add", "levy",
    "introduce", "unveil", "approve", "order", "lift", "ease", "remove", "end", "suspend",
    "waive", "renew", "declare", "launch", "enforce", "broaden", "toughen", "threaten",
    "place", "put", "hit", "adopt", "agree", "pass", "issue", "vote", "take", "enact",
    "apply", "level", "unleash", "tighten", "target",
    "imposition", "reimposition", "announcement", "lifting", "easing", "removal", "round",
])  # fmt: skip
"""Words that make such a noun an act: imposing, lifting or announcing it."""
_NEW = frozenset(["new", "fresh", "additional", "further", "more", "latest", "tougher"])


def _standing(trig: Token) -> bool:
    """A measure in force, named without the act that imposed or lifted it: "pressure
    from Zemblan sanctions that have gutted trade", "hurt by Zemblan sanctions". Not
    "imposed new sanctions", "the reimposition of Zemblan sanctions", "new sanctions"."""
    if trig.pos_ != "NOUN" or trig.lemma_.lower() not in _STANDING:
        return False
    if any(c.lower_ in _NEW for c in trig.children if c.dep_ in ("amod", "advmod")):
        return False
    host = trig.head
    if trig.dep_ == "pobj" and host.dep_ == "prep":
        host = host.head  # "the reimposition of sanctions", "on sanctions"
    if trig.dep_ == "conj":
        return _standing(trig.head)
    if _dated_clause(trig):
        return False  # "Zemblan sanctions on Marlow took effect on Friday": an act
    return host.i == trig.i or host.lemma_.lower() not in _ENACTING


def antecedent_extent(trig: Token) -> tuple[int, int] | None:
    """For a trigger in a relative clause ("protests in May *in which* dozens *were
    killed*", "the 2015 pact *under which* Zembla *agreed* …"): the characters of the
    noun phrase the clause describes, less the clause itself, where the phrase's own
    date ("in May", "2015") dates what the clause tells. None outside such a clause."""
    tok = trig
    for _ in range(4):
        if tok.dep_ == "relcl":
            break
        if tok.head.i == tok.i or tok.dep_ not in ("conj", "xcomp", "dobj", "nsubjpass", "pobj",
                                                   "prep", "nsubj", "auxpass"):  # fmt: skip
            return None
        tok = tok.head
    else:
        return None
    if not any(c.lower_ in ("when", "where") or (c.dep_ == "prep" and any(
            g.lower_ == "which" for g in c.children)) for c in tok.children):  # fmt: skip
        return None  # "the 2015 pact, which Vell abandoned": not when it happened
    noun = tok.head
    inner = {t.i for t in tok.subtree}
    kept = [t for t in noun.subtree if t.i not in inner and t.i <= tok.i]
    if not kept:
        return None
    return kept[0].idx, kept[-1].idx + len(kept[-1].text)


def clause_verb(tok: Token) -> Token | None:
    """The nearest verb above ``tok`` (the verb whose argument it is), if any."""
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None


def _dated_clause(trig: Token) -> bool:
    """The verb the noun hangs from is dated by a phrase of its own ("on Friday")."""
    verb = clause_verb(trig) or trig.sent.root
    return any(
        t.ent_type_ in ("DATE", "TIME")
        for c in verb.children
        if c.dep_ in ("prep", "npadvmod", "advmod")
        for t in c.subtree
    )


def background(trig: Token) -> str | None:
    """Why the trigger's clause tells background rather than the news: it describes a
    noun ("militias *that helped* crush Islamic State", "groups *opposed* to the U.S.
    presence"), is in the past perfect ("Iran *had sought* to avoid casualties") or
    states a standing view in the simple present ("Washington *blames* Soleimani for
    attacks"). A "which" clause that tells what strikes did is news.
    None for a clause of the news itself. A measure in force ("as Zemblan sanctions bite")
    is background too, "standing"."""
    if _standing(trig):
        return "standing"
    tok = trig
    for _ in range(8):
        if tok.dep_ in ("relcl", "acl"):
            return None if lethal_antecedent(tok) is not None else tok.dep_
        if tok.dep_ == "amod" and tok.pos_ == "VERB":
            return "acl"  # "groups opposed to ..." read as an adjective
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "conj":
            aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
            if tok.tag_ == "VBN" and "had" in aux and not _reported_speech(tok):
                return "pluperfect"
            if tok.tag_ in ("VBZ", "VBP") and not aux and tok.lemma_.lower() in _STANCES:
                return "present"  # "Washington blames Soleimani for attacks": a standing view
            return None
        if tok.head is tok:
            return None
        tok = tok.head
    return None


_AFTER_PREPS = frozenset(["after", "following"])
_AFTERMATH = frozenset(["aftermath", "wake"])


def follows(trig: Token) -> Token | None:
    """The event noun the trigger's clause says it came after ("*after* the killing of
    Soleimani", "*following* the attack", "*in the aftermath of* Iran's missile
    strikes"), else None. A participle clause ("…, killing all 176 people") shares its
    verb's."""
    verbs = [trig]
    if trig.dep_ in ("advcl", "conj") and trig.tag_ == "VBG" and trig.head is not trig:
        verbs.append(trig.head)
    for verb in verbs:
        for prep in verb.children:
            if prep.dep_ != "prep":
                continue
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is None:
                continue
            if prep.lower_ in ("in", "amid") and obj.lemma_.lower() in _AFTERMATH:
                of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            elif prep.lower_ not in _AFTER_PREPS:
                continue
            if obj is not None and obj.pos_ == "NOUN":
                return obj
    return None


def past_tense(trig: Token) -> bool:
    tok = trig
    for _ in range(3):
        if tok.tag_ in ("VBD", "VBN"):
            return True
        if tok.head is tok:
            break
        tok = tok.head
    return False
