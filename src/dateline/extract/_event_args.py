"""Find an event trigger's source and target in the dependency parse (private helper).

Verbs: the subject is the source and the object the target (passive: the ``by``
agent is the source and the subject the target; with no agent, an attack noun
in an ``in``/``during`` phrase is the source: "was killed in a U.S. drone
strike"). Infinitives and coordinated verbs borrow the subject of the verb they
hang from; object-control verbs ("urged Iran to withdraw") lend their object.
Instrument objects ("fired missiles at bases", "sent troops to Iraq") give way
to the prepositional target. Nouns: a possessive or a named modifier is the
source ("Iran's attack", "a U.S. strike"), ``on``/``against``/``of`` the target.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..lexicons import load_lexicons

SUBJ = ("nsubj", "csubj")
PASS_SUBJ = ("nsubjpass", "csubjpass")
OBJ = ("dobj", "obj", "dative")
TARGET_PREPS = ("against", "on", "at", "with", "to", "into", "toward", "towards", "upon", "over")
NOUN_TARGET_PREPS = ("against", "on", "at", "of", "with", "to", "upon", "targeting", "into")
SOURCE_PREPS = ("in", "during", "amid")
OBJECT_CONTROL = {
    "urge", "ask", "call", "invite", "force", "order", "allow", "help", "press",
    "tell", "persuade", "encourage", "compel", "push", "pressure", "permit", "authorize",
    "prompt", "lead", "cause", "require", "warn", "instruct", "direct", "enable", "convince",
}  # fmt: skip
INSTRUMENTS = {
    "missile", "rocket", "drone", "bomb", "shell", "mortar", "troop", "force", "soldier",
    "aid", "money", "weapon", "arm", "fund", "supply", "shot", "bullet", "artillery",
    "warship", "jet", "plane", "aircraft", "round", "grenade", "vehicle", "ship", "personnel",
    "stone", "rock", "brick", "bottle", "firebomb", "gas", "cannon", "pellet", "canister",
    "fire",
}  # fmt: skip
LIGHT = {
    "launch", "carry", "conduct", "stage", "mount", "impose", "order", "hold", "make",
    "take", "issue", "file", "lodge", "level", "announce", "authorize", "continue", "begin",
    "start", "intensify", "escalate", "resume", "plan", "threaten", "reimpose", "tighten",
    "extend", "expand", "step", "sign", "reach", "give", "offer", "deliver", "open", "join",
    "operate", "run", "orchestrate", "organize", "organise", "coordinate", "direct", "plot",
}  # fmt: skip
NAMED = ("GPE", "NORP", "ORG", "PERSON", "FAC")
_PHRASE_DROP = ("relcl", "acl", "appos", "advcl", "punct", "parataxis", "cc", "conj", "prep")
_PRONOUNS = {"who", "which", "that", "what", "whom"}
_SPEAKER_PRONOUNS = {"it", "they", "we"}
SPEECH_VERBS = {"say", "tell", "announce", "state", "insist", "warn", "claim", "add", "vow"}
RECIPIENT_PREPS = ("to", "with", "from", "against", "on", "for", "toward")
CONVERSE = {"receive", "get", "obtain", "secure"}
"""Verbs whose subject gets the event noun they take: the giver is the "from" phrase."""
REQUEST_VERBS = {"call", "demand", "urge", "ask", "press", "appeal", "request", "push"}


@dataclass
class Arg:
    """An argument phrase: token span [start, end) of the doc and its head token."""

    head: Token
    start: int
    end: int
    via: str  # how it was found: subj, obj, agent, prep:on, poss, ...

    def span(self) -> Span:
        return self.head.doc[self.start : self.end]


def phrase(head: Token, via: str, keep_conj: bool = True) -> Arg:
    """The noun phrase of ``head``: its modifiers and ``of`` phrases, without clauses."""
    toks = [head]
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            toks.extend(child.subtree)
        elif keep_conj and child.dep_ in ("cc", "conj") and child.i > head.i:
            if child.dep_ == "conj":
                toks.extend(phrase(child, via, keep_conj).span())
            else:
                toks.append(child)
        elif child.dep_ not in _PHRASE_DROP:
            toks.extend(child.subtree)
    idx = sorted(t.i for t in toks)
    start, end = idx[0], idx[-1] + 1
    # a post-nominal adjective phrase ("protesters angry about U.S. air strikes") is a
    # reduced clause about the actor, not a name of it: the phrase ends before it
    after = [c.left_edge.i for c in head.children if c.dep_ == "amod" and c.i > head.i]
    if after:
        end = max(head.i + 1, min(end, min(after)))
    doc = head.doc
    while start < head.i and (doc[start].is_punct or doc[start].dep_ == "cc"):
        start += 1
    while end - 1 > head.i and (doc[end - 1].is_punct or doc[end - 1].dep_ == "cc"):
        end -= 1
    return Arg(head, start, end, via)


def _child(tok: Token, deps: tuple[str, ...]) -> Token | None:
    for child in tok.children:
        if child.dep_ in deps:
            return child
    return None


def _pobj(prep: Token) -> Token | None:
    return _child(prep, ("pobj", "pcomp"))


_ACCORDS = frozenset([
    "deal", "accord", "agreement", "treaty", "pact", "convention", "protocol", "talk",
    "talks", "negotiation", "arrangement", "compact", "framework", "truce",
])  # fmt: skip
"""What a party can leave that is no territory: leaving one is a rejection (PLOVER's
RETREAT `withdraw` is from territory or an area; REJECT covers all rejections)."""


_WITHDRAW = frozenset(["withdraw", "withdrawal", "pull", "pullout", "retreat", "exit"])
"""Leaving verbs and nouns ("released assets from the deal" leaves nothing)."""


def leaves_accord(tok: Token) -> bool:
    """ "withdrew from the treaty", "pulled Zembla out of the accord", "its withdrawal
    from the talks": the trigger leaves an agreement, not a place."""
    if tok.lemma_.lower() not in _WITHDRAW:
        return False
    preps = [c for c in tok.children if c.dep_ in ("prep", "prt", "advmod")]
    preps += [g for c in preps if c.lower_ == "out" for g in c.children if g.dep_ == "prep"]
    for prep in preps:
        obj = _pobj(prep) if prep.lower_ in ("from", "of") else None
        if obj is not None and obj.lemma_.lower() in _ACCORDS:
            return True
    return False


_LAUNCH = frozenset(["fire", "launch", "lob"])
_MUNITIONS = frozenset(["missile", "rocket", "shell", "mortar", "bullet", "round", "grenade", "gas",
                        "pellet", "canister", "drone", "bomb"])  # fmt: skip


def _instrument(tok: Token) -> bool:
    """A missile, troops, aid …: what is used or sent (a sentence-initial plural may be
    read as a proper noun with itself as lemma: "Rockets were fired …")."""
    low = tok.lower_
    return bool({tok.lemma_.lower(), low, low[:-1] if low.endswith("s") else low} & _MUNITIONS)


def is_passive(tok: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        return True
    return tok.tag_ == "VBN" and tok.dep_ == "acl"


def _agent(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            return _pobj(child)
    return None


_TIME_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "weekend", "week", "month", "year", "day", "night", "morning", "evening", "today",
}  # fmt: skip
PATIENT_POSS = {
    "killing", "assassination", "arrest", "detention", "release", "execution",
    "abduction", "kidnapping", "capture", "death", "expulsion", "deportation",
}  # fmt: skip


def _usable(tok: Token | None) -> Token | None:
    if tok is None or tok.lower_ in _PRONOUNS:
        return None
    if tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in _TIME_WORDS:
        return None
    return tok


def controller(tok: Token, depth: int = 0) -> Arg | None:
    """The subject a verb without one borrows from the verb it depends on."""
    if depth > 4:
        return None
    head = tok.head
    if tok.dep_ in ("xcomp", "ccomp") and head.pos_ in ("VERB", "AUX") and head is not tok:
        obj = _child(head, OBJ)
        if head.lemma_.lower() in OBJECT_CONTROL and obj is not None and tok.dep_ == "xcomp":
            return phrase(obj, "control-obj")
        return verb_subject(head, depth + 1)
    if tok.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":
        return verb_subject(head.head, depth + 1)  # "Honduras is willing to withdraw"
    if tok.dep_ == "conj" and head is not tok:
        return verb_subject(head, depth + 1)
    if tok.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN") and not is_passive(tok):
        return phrase(lethal_antecedent(tok) or head, "relcl")
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and head is not tok:
        return verb_subject(head, depth + 1)
    return None


_LETHAL = frozenset(["kill", "wound", "injure"])
_STRIKE_NOUNS = frozenset([
    "strike", "airstrike", "attack", "raid", "bombing", "bombardment", "shelling", "blast",
    "explosion", "barrage", "assault",
])  # fmt: skip


def lethal_antecedent(rel: Token) -> Token | None:
    """ "U.S. air strikes on bases operated by the militia, which killed 25 fighters":
    a comma-set "which" clause that kills or wounds, hung by the parser on a group
    deep in the phrase, tells what the strikes did. The nearest attack noun before
    its head, when the head is no attack itself."""
    head = rel.head
    which = _child(rel, ("nsubj",))
    if which is None or which.lower_ != "which" or rel.lemma_.lower() not in _LETHAL:
        return None
    if which.i == 0 or head.dep_ != "pobj":
        return None  # only a group inside a phrase ("operated by the militia, which …")
    if head.lemma_.lower() in _STRIKE_NOUNS or rel.doc[which.i - 1].text != ",":
        return None
    before = [t for t in head.sent if t.i < head.i and t.lemma_.lower() in _STRIKE_NOUNS]
    return before[-1] if before and before[-1].pos_ == "NOUN" else None


def verb_subject(tok: Token, depth: int = 0) -> Arg | None:
    """The grammatical subject of a verb (own, or borrowed from its controller)."""
    subj = _usable(_child(tok, SUBJ + PASS_SUBJ))
    if subj is not None and subj.lower_ in _SPEAKER_PRONOUNS:
        speaker = _speaker_of(tok)
        if speaker is not None:  # "Lebanon says it will not accept": it = Lebanon
            return phrase(speaker, "speaker")
    if subj is not None:
        return phrase(subj, "subj")
    return controller(tok, depth)


def _speaker_of(tok: Token) -> Token | None:
    """The noun subject of the reporting verb whose complement clause holds ``tok``."""
    cur = tok
    for _ in range(3):
        if cur.dep_ != "ccomp" or cur.head is cur:
            return None
        cur = cur.head
        if cur.lemma_.lower() in SPEECH_VERBS:
            subj = _child(cur, ("nsubj",))
            if subj is not None and subj.pos_ in ("PROPN", "NOUN"):
                return subj
            return None
    return None


def _is_actor(tok: Token) -> bool:
    return tok.ent_type_ in NAMED or tok.pos_ == "PROPN"


def role_noun(tok: Token) -> bool:
    """A noun naming an office or body ("the prime minister", "the government")."""
    return tok.pos_ == "NOUN" and load_lexicons().agent(tok.lemma_.lower()) is not None


def _actorish(tok: Token) -> bool:
    return _is_actor(tok) or role_noun(tok)


_PREP_DEPS = ("prep", "dative")


def _actor_in_pps(heads: list[Token], deep: Token | None = None) -> Arg | None:
    """The first named actor (or office) in a prepositional phrase of one of ``heads``;
    under ``deep`` (the object) also one level further down ("provided $2 million in
    assistance to Fiji"), never in the verb's adjuncts ("attacked the embassy
    following a raid on Kataib Hezbollah")."""
    deeper: list[Token] = []
    for head in heads:
        for child in head.children:
            if child.dep_ not in _PREP_DEPS:
                continue  # the parser calls "to Fiji" after "gave aid" a dative
            obj = _usable(_pobj(child))
            if obj is None:
                continue
            if child.lower_ in RECIPIENT_PREPS and _actorish(obj):
                return phrase(obj, f"prep:{child.lower_}")
            if head is deep:
                deeper.append(obj)
    return _actor_in_pps(deeper) if deeper else None


def _prep_target(tok: Token, preps: tuple[str, ...]) -> Arg | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            obj = _usable(_pobj(child))
            if obj is not None and obj.pos_ in ("NOUN", "PROPN", "PRON"):
                return phrase(obj, f"prep:{child.lower_}")
    return None


def _attack_noun(tok: Token, attack_nouns: set[str]) -> Arg | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in SOURCE_PREPS:
            obj = _pobj(child)
            if obj is not None and obj.lemma_.lower() in attack_nouns:
                return Arg(obj, min(t.i for t in obj.subtree if t.i <= obj.i), obj.i + 1, "in")
    return None


@dataclass
class Args:
    source: Arg | None
    target: Arg | None


def verb_args(tok: Token, attack_nouns: set[str]) -> Args:
    """Source and target of a verb trigger."""
    if is_passive(tok):
        agent = _usable(_agent(tok))
        source = phrase(agent, "agent") if agent is not None else _attack_noun(tok, attack_nouns)
        subj = _usable(_child(tok, PASS_SUBJ))
        if subj is not None and tok.lemma_.lower() in _LAUNCH and _instrument(subj):
            # "missiles were fired at the base": what was fired is no target
            target: Arg | None = _prep_target(tok, ("at", "on", "against", "upon"))
        elif subj is not None:
            target = phrase(subj, "subj-pass")
        elif tok.dep_ == "acl":
            target = phrase(tok.head, "acl-pass")
        else:
            target = controller(tok)
        return Args(source, target)
    source = verb_subject(tok)
    obj = _usable(_child(tok, OBJ)) or _shared_object(tok)
    target = None
    if obj is not None and obj.lemma_.lower() not in INSTRUMENTS:
        target = phrase(obj, "obj")
    if target is None:
        target = _prep_target(tok, TARGET_PREPS)
    if target is None and obj is not None:
        deeper = [obj] + [g for c in obj.children if c.dep_ == "prep" for g in c.children]
        found = (_prep_target(o, ("at", "on", "against", "into")) for o in deeper)
        target = next((t for t in found if t is not None), None)
        if target is None and obj.lemma_.lower() != "fire":  # "opened fire overnight"
            target = phrase(obj, "obj")
    if target is not None and not (_is_actor(target.head) or role_noun(target.head)):
        # "refused a request from Haaretz", "agreed to a ceasefire in Ukraine": the
        # recipient is the named actor next to a non-actor object
        nearby = ([target.head] if target.head is not tok else []) + [tok]
        target = _actor_in_pps(nearby, deep=target.head) or target
    if target is None and tok.lemma_.lower() in REQUEST_VERBS:
        target = _requested(tok)
    if target is None:
        inner = _child(tok, ("xcomp",))
        if inner is not None:  # "threatened to target 52 sites": the threatened party
            inner_obj = _usable(_child(inner, OBJ))
            target = phrase(inner_obj, "xcomp-obj") if inner_obj is not None else None
            target = target or _prep_target(inner, TARGET_PREPS)
    return Args(source, target)


def _shared_object(tok: Token) -> Token | None:
    """ "killed or badly wounded thousands of Americans": a verb with no object of its
    own shares that of the verb coordinated right after it."""
    if any(c.dep_ in ("prep", "xcomp", "ccomp") for c in tok.children):
        return None
    conj = next((c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
    if conj is None or conj.i - tok.i > 4 or not any(c.dep_ == "cc" for c in tok.children):
        return None
    if _child(conj, SUBJ + PASS_SUBJ) is not None:
        return None  # "Protesters attacked, and police arrested dozens": two clauses
    return _usable(_child(conj, OBJ))


def converse_giver(noun: Token) -> Arg | None:
    """For an event noun taken by a getting verb with a giver ("received support
    from Y"), the giver; None otherwise ("secured a deal with Hamas" stays a deal)."""
    verb = noun.head
    if noun.dep_ not in OBJ or verb.lemma_.lower() not in CONVERSE:
        return None
    return _prep_target(verb, ("from",)) or _prep_target(noun, ("from",))


def _requested(tok: Token) -> Arg | None:
    """Who a call or demand is aimed at: the subject of the demanded clause
    ("demanded that Yediyurappa step down") or the target of the demanded act
    ("called for sanctions against Belneftekhim")."""
    for child in tok.children:
        if child.dep_ == "ccomp":
            subj = _usable(_child(child, SUBJ + PASS_SUBJ))
            if subj is not None and _actorish(subj):
                return phrase(subj, "ccomp-subj")
        if child.dep_ == "prep" and child.lower_ == "for":
            act = _usable(_pobj(child))
            aimed = _prep_target(act, ("against", "on", "to")) if act is not None else None
            if aimed is not None:  # not "of": "the release of the hostages" is not aimed
                return aimed  # at the hostages
    return None


def _named_modifier(tok: Token) -> Arg | None:
    for child in tok.children:
        if child.i > tok.i:
            continue
        if child.dep_ == "poss":
            return phrase(child, "poss")
        if child.dep_ in ("compound", "amod", "nmod") and child.ent_type_ in NAMED:
            i, j = child.i, child.i + 1
            while i > 0 and tok.doc[i - 1].ent_iob_ == "I" and tok.doc[i - 1].dep_ == "compound":
                i -= 1
            return Arg(child, i, j, "named-mod")
    return None


_PROTEST_PLACE_PREPS = ("in", "across", "throughout", "outside")


def protest_place(tok: Token) -> Arg | None:
    """The country or town a protest with no named target took place in ("protests
    across Zembla", "protests erupted in Vell", "rallied outside Marlow"): PLOVER's
    annotation marks that place as the target, the polity protested in. The place
    may hang from the protest word or, for a protest noun that is a subject, from
    its verb ("protests spread across Zembla", "protests were held in Marlow")."""
    hosts = [tok]
    if tok.dep_ in SUBJ + PASS_SUBJ and tok.head.pos_ in ("VERB", "AUX"):
        hosts.append(tok.head)
    for host in hosts:
        for child in host.children:
            if child.dep_ == "prep" and child.lower_ in _PROTEST_PLACE_PREPS:
                obj = _usable(_pobj(child))
                if obj is not None and obj.ent_type_ == "GPE":
                    return phrase(obj, "place")
    return None


MEASURE_NOUNS = frozenset(["curfew", "blockade", "siege", "emergency", "alert", "lockdown"])
"""Measures laid on a place: PLOVER's annotation marks the place as their target."""
_MEASURE_PLACE_PREPS = ("in", "on", "across", "throughout", "over")
_PLACE_ENTS = ("GPE", "LOC", "FAC")


def measure_place(tok: Token) -> Arg | None:
    """The place a curfew, blockade, siege, state of emergency or alert with no named
    target is laid on ("imposed a curfew in parts of Zembla", "declared a state of
    siege in Vell", "troops remained on alert in Marlow"): the named place of an
    in/on phrase of the measure word or of its verb."""
    hosts = [tok]
    up = tok.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok
    if up.head.pos_ in ("VERB", "AUX") and up.head.i != tok.i:
        hosts.append(up.head)  # "imposed a curfew in …", "remained on alert in …"
    for host in hosts:
        for child in host.children:
            if child.dep_ != "prep" or child.lower_ not in _MEASURE_PLACE_PREPS:
                continue
            obj = _usable(_pobj(child))
            if obj is None:
                continue
            named = next((t for t in obj.subtree if t.ent_type_ in _PLACE_ENTS), None)
            if named is not None:
                head = named if obj.ent_type_ not in _PLACE_ENTS else obj
                while head.head.i != head.i and head.head.ent_type_ in _PLACE_ENTS:
                    head = head.head  # "North West Frontier Province": its head word
                return phrase(head, "place")
    return None


STATE_VERBS = frozenset(["go", "be", "remain", "stay"])


def on_state(tok: Token) -> bool:
    """An event noun its subject goes, is or stays *on* ("went on strike", "nurses
    remain on hunger strike"): the verb's subject acts, at the verb's time."""
    return (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "on"
        and tok.head.head.lemma_.lower() in STATE_VERBS
    )


def noun_args(tok: Token, attack_nouns: set[str], modified: bool = False) -> Args:
    """Source and target of an event noun ("Iran's missile attack on U.S. bases").

    ``modified``: the event word is a modifier of ``tok`` ("a *hacking* operation"),
    so whoever runs ``tok`` is the source, whatever the verb.
    """
    source = _named_modifier(tok)
    target = _prep_target(tok, NOUN_TARGET_PREPS)
    if target is None or (target.via == "prep:of" and not _actorish(target.head)):
        # "support for the GNA", "a suspension of aid to Egypt": the actor it is for
        target = _actor_in_pps([tok] if target is None else [target.head, tok]) or target
    patient = tok.lemma_.lower() in PATIENT_POSS and (target is None or target.via == "prep:of")
    if source is not None and source.via == "poss" and patient:  # "Soleimani's killing"
        target = Arg(source.head, source.start, source.end, "poss-patient")
        source = None
    if source is None:
        agent = _usable(_agent(tok))
        source = phrase(agent, "agent") if agent is not None else None
    if (
        source is not None
        and source.via == "poss"
        and source.head.pos_ == "PRON"
        and tok.dep_ in OBJ
        and tok.head.lemma_.lower() in LIGHT
    ):  # "forces continued their attacks": the verb's subject owns "their"
        # (not "the UN condemned their attacks")
        source = verb_subject(tok.head) or source
    host = tok.head
    if (
        source is None
        and tok.dep_ == "pobj"
        and host.lower_ in ("with", "through")
        and host.head.pos_ == "VERB"
        and not is_passive(host.head)
    ):  # "responded with missile strikes"
        source = verb_subject(host.head)
    if source is None and on_state(tok):  # "dockers went on strike"
        source = verb_subject(host.head)
    governor = tok.head
    giver = converse_giver(tok)
    if giver is not None:  # "X received support from Y": Y gives, X gets
        return Args(giver, verb_subject(governor))
    light = governor.lemma_.lower() in LIGHT or (
        governor.dep_ == "conj" and governor.head.lemma_.lower() in LIGHT
    )
    if source is None and tok.dep_ in OBJ and governor.pos_ == "VERB" and (light or modified):
        source = verb_subject(tok.head)
        if target is None:
            target = _prep_target(tok.head, TARGET_PREPS)
    if target is not None and source is not None and target.head is source.head:
        target = None
    return Args(source, target)
