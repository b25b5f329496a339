"""Features of a (trigger, source, target) triple for the event-type classifier (private).

The same features serve training (``tools/train_event_classifier.py``) and coding
at run time, so they only use the spaCy parse and the trigger lexicon:

* ``t:``/``tp:`` the trigger lemma (with particle) and ``lt:`` its lexicon type;
* ``p:`` lemmas on the dependency path between the source and target heads, with
  ``lp:`` their lexicon types, and ``o:`` objects/prepositional nouns hanging from
  path verbs ("lifted *sanctions*", "went on *strike*");
* ``b:`` content lemmas between the two phrases and ``w:`` those of the whole
  sentence; ``neg`` for a negated trigger; ``pass`` for a passive one.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ._event_args import on_state
from ._event_lexicon import EventLexicon, TriggerEntry

_CONTENT = ("VERB", "NOUN", "ADJ", "ADV", "PROPN", "ADP", "PART")
TRANSPARENT = {
    "say", "announce", "tell", "add", "state", "declare", "report", "claim", "insist",
    "reiterate", "express", "hold", "file", "issue", "carry", "conduct", "take", "make",
    "launch", "give", "stage", "lodge", "decide", "order", "begin", "start", "continue",
    "put", "open", "pass", "lead", "mount", "reach", "sign", "impose", "remain", "go",
}  # fmt: skip


def embedded(trigger: Token, depth: int = 2) -> list[Token]:
    """What a reporting or light verb carries: its clause or object ("held talks")."""
    out: list[Token] = []
    if depth == 0 or trigger.lemma_.lower() not in TRANSPARENT:
        return out
    for c in trigger.children:
        if c.dep_ in ("ccomp", "xcomp", "dobj", "attr", "acomp") or (
            c.dep_ == "prep" and c.lower_ in ("on", "into", "in")
        ):
            heads = [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else [c]
            for h in heads:
                out.append(h)
                out.extend(embedded(h, depth - 1))
    return out


def _lemma(tok: Token) -> str:
    if tok.pos_ == "PROPN" or tok.ent_type_:
        return f"<{tok.ent_type_ or 'PROPN'}>"
    return tok.lemma_.lower()


LABOR = frozenset(
    ["worker", "union", "employee", "staff", "dockworker", "docker", "miner", "teacher",
     "nurse", "doctor", "labor", "labour", "student", "trucker", "farmer"]
)  # fmt: skip
"""Who strikes by stopping work: "dockworkers went on strike", "a strike by nurses"."""
_ARMED = frozenset(
    ["air", "missile", "drone", "rocket", "artillery", "military", "naval", "nuclear",
     "precision", "retaliatory", "preemptive", "pre-emptive", "surgical", "punitive", "u.s."]
)  # fmt: skip
"""Modifiers that make a strike an attack: "a missile strike by the crew"."""
_DEALS = frozenset(["deal", "agreement", "accord", "bargain", "compromise", "pact", "truce"])


def _labor_strike(tok: Token) -> bool:
    """A strike that is a stoppage of work, not an attack: bare "on strike", or a
    strike by, or named after, working people ("the nurses' strike", "workers
    struck"); never one with a weapon word, nor a verb with an object ("struck a
    deal", "struck an officer")."""
    if tok.lemma_.lower() != "strike":
        return False
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
    if any(c.lower_ in _ARMED or c.lemma_.lower() in _ARMED for c in mods):
        return False
    if tok.pos_ == "VERB" and any(c.dep_ in ("dobj", "obj") for c in tok.children):
        return False
    bare = not any(c.dep_ in ("det", "poss") for c in tok.children)
    on = tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "on"
    if on and (bare or on_state(tok)):
        return True  # "on strike", "went on an indefinite strike"
    agents = [c for c in tok.children if c.dep_ in ("nsubj", "poss", "compound")]
    agents += [g for c in tok.children if c.dep_ == "agent" or c.lower_ == "by"
               for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    return any(a.lemma_.lower() in LABOR for a in agents)


_OBJECT_PARTICLES = frozenset(["fire"])
"""Objects a lexicon entry may name in its particle slot ("open fire")."""


def lexicon_entry(tok: Token, lex: EventLexicon) -> TriggerEntry | None:
    """The lexicon entry of a token read as a trigger (verb with particle, or noun)."""
    labor = _labor_strike(tok)
    if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
        if labor:
            return lex.noun("labor strike")
        deal = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in _DEALS]
        if tok.lemma_.lower() == "strike" and deal:
            return lex.noun(deal[0].lemma_.lower())  # "struck a deal": an agreement
        particles = {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep")}
        particles |= {c.lemma_.lower() for c in tok.children
                      if c.dep_ == "dobj" and c.lemma_.lower() in _OBJECT_PARTICLES}  # fmt: skip
        return lex.verb(tok.lemma_, particles)
    if tok.pos_ == "NOUN":
        left = tok.doc[tok.i - 1] if tok.i > 0 else None
        if left is not None and left.dep_ in ("compound", "amod") and left.head.i == tok.i:
            entry = lex.noun(f"{left.lower_} {tok.lemma_.lower()}")  # "air raid"
            if entry is not None:
                return entry
        if labor:
            return lex.noun("labor strike")
        return lex.noun(tok.lemma_) or lex.noun(tok.lower_)
    return None


def _ancestors(tok: Token) -> list[Token]:
    out = [tok]
    while out[-1].head is not out[-1] and len(out) < 40:
        out.append(out[-1].head)
    return out


def dep_path(a: Token, b: Token) -> list[Token]:
    """Tokens strictly between ``a`` and ``b`` on the dependency path (via their LCA)."""
    up_a, up_b = _ancestors(a), _ancestors(b)
    ids_b = {t.i: k for k, t in enumerate(up_b)}
    for k, t in enumerate(up_a):
        if t.i in ids_b:
            path = up_a[1 : k + 1] + list(reversed(up_b[1 : ids_b[t.i]]))
            return [p for p in path if p.i not in (a.i, b.i)]
    return []


def pair_trigger(source: Token | None, target: Token | None) -> Token | None:
    """The verb (else noun) linking two argument heads: the first on the path."""
    if source is not None and target is not None:
        path = dep_path(source, target)
        for want in (("VERB",), ("NOUN", "AUX")):
            for tok in path:
                if tok.pos_ in want:
                    return tok
        if not path:
            return source.head
        top = path[0]
        for _ in range(4):  # both phrases inside one noun phrase: climb to its verb
            if top.pos_ == "VERB" or top.head is top:
                break
            top = top.head
        return top if top.pos_ == "VERB" else path[0]
    one = source or target
    return one.head if one is not None else None


def features(
    sent: Span,
    trigger: Token | None,
    source: Span | None,
    target: Span | None,
    lex: EventLexicon,
) -> list[str]:
    """Feature names for one candidate event."""
    feats: set[str] = {"bias"}
    if trigger is not None:
        entry = lexicon_entry(trigger, lex)
        feats.add("t:" + trigger.lemma_.lower())
        prt = [c.lower_ for c in trigger.children if c.dep_ == "prt"]
        if prt:
            feats.add(f"tp:{trigger.lemma_.lower()} {prt[0]}")
        if entry is not None:
            feats.add("lt:" + entry.type)
            feats.add(f"lm:{entry.type}:{entry.mode}")
        if any(c.dep_ == "neg" for c in trigger.children):
            feats.add("neg")
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in trigger.children):
            feats.add("pass")
        for c in trigger.children:
            if c.dep_ == "aux" and c.tag_ == "MD":
                feats.add("aux:" + c.lemma_.lower())
            if c.dep_ in ("dobj", "xcomp", "prt"):
                feats.add(f"to:{trigger.lemma_.lower()}_{_lemma(c)}")
                sub = lexicon_entry(c, lex)
                if sub is not None:
                    feats.add("lo:" + sub.type)
        for e in embedded(trigger):
            feats.add("e:" + _lemma(e))
            sub = lexicon_entry(e, lex)
            if sub is not None:
                feats.add("le:" + sub.type)
            if any(c.dep_ == "neg" for c in e.children):
                feats.add("eneg")
            for c in e.children:
                if c.dep_ == "aux" and c.tag_ == "MD":
                    feats.add("eaux:" + c.lemma_.lower())
                if c.dep_ in ("dobj", "xcomp"):
                    feats.add("eo:" + _lemma(c))
        if trigger.dep_ in ("xcomp", "ccomp") and trigger.head is not trigger:
            feats.add("g:" + trigger.head.lemma_.lower())
    path: list[Token] = []
    if source is not None and target is not None:
        path = dep_path(source.root, target.root)
    elif trigger is not None:
        path = [trigger]
    for tok in path:
        feats.add("p:" + _lemma(tok))
        entry = lexicon_entry(tok, lex)
        if entry is not None:
            feats.add("lp:" + entry.type)
        if tok.pos_ == "VERB":
            for c in tok.children:
                if c.dep_ in ("dobj", "xcomp", "attr", "acomp", "prt"):
                    feats.add("o:" + _lemma(c))
                elif c.dep_ == "prep":
                    for g in c.children:
                        if g.dep_ == "pobj":
                            feats.add(f"o:{c.lower_}_{_lemma(g)}")
    if source is not None and target is not None:
        lo, hi = (
            sorted((source.end, target.start))
            if source.start < target.start
            else sorted((target.end, source.start))
        )
        for tok in sent.doc[lo:hi]:
            if tok.pos_ in _CONTENT and not tok.is_stop:
                feats.add("b:" + _lemma(tok))
        feats.add("order:" + ("st" if source.start < target.start else "ts"))
    for name, arg in (("s", source), ("g", target)):
        if arg is not None:
            head = arg.root
            feats.add(f"{name}h:{_lemma(head)}")
            feats.add(f"{name}d:{head.dep_}")
        else:
            feats.add(f"{name}:none")
    for tok in sent:
        if tok.pos_ in _CONTENT and not tok.is_stop and not tok.is_punct:
            feats.add("w:" + _lemma(tok))
            entry = lexicon_entry(tok, lex)
            if entry is not None:
                feats.add("lw:" + entry.type)
    return sorted(feats)


def pair_context(
    source: Span | None, target: Span | None
) -> tuple[str, tuple[int, int] | None, tuple[int, int] | None]:
    """The sentence(s) holding a marked pair, and the pair's offsets in that text."""
    args = [a for a in (source, target) if a is not None]
    if not args:
        raise ValueError("a pair needs a source or a target")
    doc = args[0].doc
    start = min(a.sent.start_char for a in args)
    end = max(a.sent.end_char for a in args)

    def rel(a: Span | None) -> tuple[int, int] | None:
        return (a.start_char - start, a.end_char - start) if a is not None else None

    return doc.text[start:end], rel(source), rel(target)
