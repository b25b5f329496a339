"""Events: who did what to whom, when and where, PLOVER-coded, with modality.

:func:`extract_events` reads each sentence's dependency parse:

1. **Triggers** — verbs and event nouns of the trigger lexicon
   (``data/event_verbs.tsv``); a light verb whose object is an event noun
   ("launched an attack", "imposed sanctions") lends the noun its subject.
2. **Arguments** — source and target from the parse (:mod:`._event_args`):
   active and passive voice, control and coordination, instruments.
3. **Type and coding** — the lexicon type, overruled only by a confident
   classifier (:mod:`._event_coding`); mode, CAMEO code, quad class and
   conflict–cooperation score from ``data/plover.tsv``.
4. **Modality** — asserted, reported, denied, threatened, planned, conditional,
   negated, question (:mod:`._event_modality`); an event inside a quote is
   reported by its speaker unless a stronger modality applies.
5. **Actors, place and date** — each phrase coded with
   :func:`~dateline.extract.actors.code_actor`; ``entity_id`` from the overlapping
   mention; the date from :func:`~dateline.extract.time.event_date`.

:func:`classify_pair` gives the PLOVER type of a given source/target pair (used by
the evaluation on sentences with a marked pair).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..models import HAPPENED, Event, EventActor, EventLocation, Mention, Quote, TimeExpression
from ..nlp import doc_text
from ._event_args import (
    INSTRUMENTS,
    LIGHT,
    MEASURE_NOUNS,
    SPEECH_VERBS,
    Arg,
    Args,
    converse_giver,
    is_passive,
    leaves_accord,
    measure_place,
    noun_args,
    phrase,
    protest_place,
    role_noun,
    verb_args,
)
from ._event_classifier import embed_scores, split_yield
from ._event_coding import OVERRIDE_P, TypeChoice, assault_mode, choose_type
from ._event_dates import (
    antecedent_extent,
    background,
    clause_extent,
    clause_times,
    clause_verb,
    follows,
    main_clause,
    past_tense,
)
from ._event_features import TRANSPARENT, lexicon_entry, pair_trigger
from ._event_lexicon import EventLexicon, TriggerEntry, load_event_lexicon
from ._event_modality import PLAN, THREAT, Modality, modality
from ._time_lexicon import MONTHS, WEEKDAYS
from .actors import code_actor, extract_mentions, named_owner
from .quotes import extract_quotes
from .time import event_date, first_day, planned_week, tag_times, weekday_of, weekend_date

__all__ = ["extract_events", "classify_pair"]

_PLACE_PREPS = ("in", "at", "near", "outside", "inside", "across", "around")
_PLACE_LABELS = ("GPE", "LOC", "FAC")
_PLACE_HEADS = frozenset([
    "base", "bases", "airport", "airbase", "compound", "embassy", "consulate", "city",
    "cities", "town", "towns", "village", "villages", "province", "provinces", "region",
    "capital", "border", "street", "streets", "square", "port", "camp", "camps", "facility",
    "facilities", "field", "district", "neighborhood", "neighbourhood", "area", "areas",
    "headquarters", "building", "palace", "mosque", "checkpoint",
])  # fmt: skip
"""Nouns that, modified by a place name ("Baghdad airport", "U.S. embassy"), still name
a place; "U.S. targets" and "Iraqi forces" do not."""
_PERSONAL = {"he", "she", "him", "her"}
_NEEDS_WEAPON = {"launch", "fire"}
_THROWN = {"throw", "hurl", "pelt"}
_PROJECTILES = {
    "stone", "rock", "brick", "bottle", "firebomb", "molotov", "cocktail", "bomb", "grenade",
    "petrol", "explosive", "object", "projectile", "shoe", "egg",
}  # fmt: skip
"""What thrown makes an attack: "threw stones at officers", not "threw his support"."""
_TROOPS = {
    "troop", "soldier", "force", "marine", "paratrooper", "warship", "battalion", "brigade",
    "unit", "division", "carrier", "reinforcement", "personnel", "jet", "bomber",
}  # fmt: skip
_WEAPONS = (INSTRUMENTS - {"aid", "money", "fund", "supply"}) | {
    "strike", "airstrike", "attack", "raid", "bombing", "shelling", "fire", "defense", "defence",
}  # fmt: skip


@dataclass
class _Context:
    doc: Doc
    article_id: str | None
    published: date | None
    times: list[TimeExpression]
    mentions: list[Mention]
    quotes: list[Quote]
    lex: EventLexicon


@dataclass
class _Candidate:
    trigger: Token
    entry: TriggerEntry
    args: Args


def _attack_nouns(lex: EventLexicon) -> set[str]:
    return {k for k, e in lex.nouns.items() if e.type == "ASSAULT"}


@lru_cache(maxsize=1)
def _default_attack_nouns() -> frozenset[str]:
    return frozenset(_attack_nouns(load_event_lexicon()))


def _is_noun_trigger(tok: Token, lex: EventLexicon) -> TriggerEntry | None:
    if tok.pos_ == "NOUN":
        return lexicon_entry(tok, lex)
    if _hyphenated(tok):
        return None
    if tok.pos_ == "VERB" and tok.dep_ in ("amod", "compound") and tok.head.pos_ == "NOUN":
        return lex.verb(tok.lemma_, set())  # "hacking operation", "bombing campaign"
    return None


def _candidates(sent: Span, lex: EventLexicon) -> list[_Candidate]:
    attack = _attack_nouns(lex)
    out: list[_Candidate] = []
    for tok in sent:
        noun_entry = _is_noun_trigger(tok, lex)
        if noun_entry is not None:
            host = tok.head if tok.pos_ == "VERB" else tok
            args = noun_args(host, attack, modified=host is not tok)
            if args.target is None and noun_entry.type == "PROTEST":
                args = Args(args.source, protest_place(host))
            elif args.target is None and tok.lemma_.lower() in MEASURE_NOUNS:
                args = Args(args.source, measure_place(tok))
            if args.source is not None or args.target is not None:
                out.append(_Candidate(tok, noun_entry, args))
            continue
        if tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound"):
            continue
        entry = lexicon_entry(tok, lex)
        if entry is None or _hyphenated(tok):
            continue
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        if tok.lemma_.lower() in _NEEDS_WEAPON and not _armed(tok, objs):
            continue  # "launched an audit", "fired the minister"
        thrown = objs + [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                         for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        if tok.lemma_.lower() in _THROWN and not any(
            o.lemma_.lower() in _PROJECTILES for o in thrown
        ):
            continue  # "threw his support behind", "pelted the minister with questions"
        carried = [o for o in objs if _is_noun_trigger(o, lex)]
        if carried and (
            tok.lemma_.lower() in TRANSPARENT or any(converse_giver(o) for o in carried)
        ):
            continue  # the event noun carries it
        args = verb_args(tok, attack)
        if args.target is None and entry.type == "PROTEST":
            args = Args(args.source, protest_place(tok))
        if args.source is None and args.target is None:
            continue
        if (
            tok.dep_ == "acl"
            and tok.tag_ == "VBG"
            and (args.source is None or not args.source.head.ent_type_)
        ):
            continue  # a description ("bases hosting troops"), not an event
        out.append(_Candidate(tok, entry, args))
    return _dedupe(out)


def _hyphenated(tok: Token) -> bool:
    """A verb inside a hyphenated modifier ("UN-backed", "U.S.-led") is no event."""
    return tok.i > 0 and tok.doc[tok.i - 1].text in ("-", "–")


def _armed(tok: Token, objs: list[Token]) -> bool:
    if any(o.lemma_.lower() in INSTRUMENTS | _WEAPONS for o in objs):
        return True
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("at", "on", "into", "toward")
        and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children)
        for c in tok.children
    )


def _dedupe(cands: list[_Candidate]) -> list[_Candidate]:
    """Drop an event noun that is only the instrument of a same-type verb event
    ("a U.S. drone strike killed …"); one with a target of its own stays ("a
    Taliban attack on a compound killed 20": the attack on the compound)."""
    keep = []
    for c in cands:
        inside = c.args.target is None and any(
            o is not c
            and o.entry.type == c.entry.type
            and any(a is not None and a.start <= c.trigger.i < a.end for a in (o.args.source,))
            for o in cands
        )
        if not inside:
            keep.append(c)
    return keep


def _mention_at(ctx: _Context, start: int, end: int, head: int) -> Mention | None:
    best = None
    for m in ctx.mentions:
        if m.start < end and start < m.end:
            if m.start <= head < m.end:
                return m
            best = best or m
    return best


_SUBJECT_PRONOUNS = {"he", "she"}
_PRONOUN_REACH = 12  # sentences back in which a subject is looked for


def _resolve_pronoun(ctx: _Context, tok: Token) -> Mention | None:
    """The person a personal pronoun stands for. "he"/"she" is the person who is the
    subject of its own sentence before it, or of the nearest sentence before with a
    person as subject ("Varan … built a network … for Morrow. He trained militias":
    Varan, not the last name read); "him"/"her" is never the subject of its own
    clause ("Morrow awarded him"). Else the last person named."""
    if tok.lower_ not in _PERSONAL:
        return None
    before = [m for m in ctx.mentions if m.end <= tok.idx and m.label == "PERSON"]
    if not before:
        return None
    if tok.lower_ in _SUBJECT_PRONOUNS:
        sent = tok.sent
        for _ in range(_PRONOUN_REACH - 1):
            if sent.start == 0:
                break
            sent = ctx.doc[sent.start - 1].sent
        subjects = [m for m in before if sent.start_char <= m.start and _subject(ctx.doc, m)]
        return subjects[-1] if subjects else before[-1]
    clause = clause_verb(tok)
    others = [m for m in before if not (_subject(ctx.doc, m) and _same_clause(ctx.doc, m, clause))]
    return others[-1] if others else None


def _same_clause(doc: Doc, m: Mention, verb: Token | None) -> bool:
    own = clause_verb(_head_of(doc, m))
    return verb is not None and own is not None and own.i == verb.i


def _head_of(doc: Doc, m: Mention) -> Token:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span.root if span is not None else doc[0]


def _subject(doc: Doc, m: Mention) -> bool:
    return _head_of(doc, m).dep_ in ("nsubj", "nsubjpass")


def _actor(ctx: _Context, arg: Arg | None) -> EventActor | None:
    if arg is None:
        return None
    span = arg.span()
    start, end = span.start_char, span.end_char
    text = doc_text(ctx.doc)[start:end]
    mention = _mention_at(ctx, start, end, arg.head.idx)
    if mention is None and arg.head.pos_ == "PRON":
        resolved = _resolve_pronoun(ctx, arg.head)
        if resolved is not None:
            return EventActor(
                text, start, end, resolved.entity_key, resolved.country, resolved.sector
            )
    code = code_actor(text, ctx.mentions)
    sector = code.sector
    if sector is None and arg.head.lemma_.lower() in _WEAPONS:
        sector = "MIL"  # "a U.S. drone", "the U.S. air strike": the military behind it
    actor = EventActor(text, start, end, None, code.country, sector)
    if mention is not None and not named_owner(mention, actor):
        # "Soleimani's successor" is someone else (still coded by Soleimani)
        actor.entity_id = mention.entity_key
    return actor


def _location(ctx: _Context, cand: _Candidate) -> EventLocation | None:
    taken = [a for a in (cand.args.source, cand.args.target) if a is not None]
    frontier = [cand.trigger]
    if cand.args.source is not None and cand.args.source.via == "in":
        frontier.append(cand.args.source.head)
    for _depth in range(3):
        nxt: list[Token] = []
        for tok in frontier:
            for child in tok.children:
                if child.dep_ in ("ccomp", "xcomp", "relcl", "advcl", "conj"):
                    continue
                if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
                    obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                    if obj is None or any(a.start <= obj.i < a.end for a in taken):
                        continue
                    if obj.ent_type_ in _PLACE_LABELS or (
                        obj.lemma_.lower() in _PLACE_HEADS
                        and any(
                            g.ent_type_ in _PLACE_LABELS
                            for g in obj.children
                            if g.dep_ == "compound"
                        )
                    ):
                        span = phrase(obj, "place", keep_conj=False).span()
                        text = span.text
                        code = code_actor(text, ctx.mentions)
                        return EventLocation(text, span.start_char, span.end_char, code.country)
                nxt.append(child)
        frontier = nxt
    return None


_ACTOR_PRONOUNS = {"he", "she", "they", "we", "i", "it", "him", "her", "them", "us"}


_NATURAL = frozenset(
    ["flood", "floodwater", "water", "rain", "snow", "storm", "hurricane", "typhoon",
     "cyclone", "tornado", "earthquake", "quake", "tremor", "tsunami", "landslide",
     "mudslide", "avalanche", "wildfire", "bushfire", "drought", "heatwave", "heat",
     "disease", "virus", "outbreak", "epidemic", "pandemic", "cholera", "famine", "weather"]
)  # fmt: skip
"""Forces of nature: what they do ("floods have killed 23 people", "villages cut off
by the water") is no act of a political actor, so no event."""


def _natural_cause(cand: _Candidate) -> bool:
    src = cand.args.source
    return src is not None and src.head.lemma_.lower() in _NATURAL


def _actor_like(actor: EventActor | None, head: Token | None) -> bool:
    if actor is None or head is None:
        return False
    if actor.country or actor.sector or actor.entity_id:
        return True
    return head.ent_type_ in _ACTOR_ENTS or head.pos_ == "PROPN" or head.lower_ in _ACTOR_PRONOUNS


def _quote_at(ctx: _Context, char: int) -> Quote | None:
    for q in ctx.quotes:
        if q.start <= char < q.end:
            return q
    return None


def _event_id(article_id: str | None, trig: int, type_: str, src: str, tgt: str) -> str:
    key = f"{article_id}:{trig}:{type_}:{src}:{tgt}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _mode(choice_type: str, choice_mode: str | None, cand: _Candidate) -> str | None:
    if choice_type != "ASSAULT":
        return choice_mode
    toks = list(cand.trigger.subtree) if cand.trigger.pos_ == "NOUN" else [cand.trigger]
    toks += [c for c in cand.trigger.children if c.dep_ in ("dobj", "prep", "agent")]
    for c in list(toks):
        toks.extend(g for g in c.children if g.dep_ in ("pobj", "compound", "amod"))
    if cand.args.source is not None:
        toks.extend(cand.args.source.span())
    return assault_mode(toks) or choice_mode


_PROMISE = {"promise", "vow", "pledge", "swear"}
_HARM_NOUNS = {
    "revenge", "retaliation", "retribution", "response", "attack", "strike", "punishment",
    "consequence", "war", "reprisal", "vengeance",
}  # fmt: skip
_HARM_TYPES = {"ASSAULT", "COERCE", "SANCTION", "THREATEN"}
_INTEND = {"plan": "planned", "prepare": "planned", "plot": "planned", "consider": "planned",
           "threaten": "threatened"}  # fmt: skip


def _promises_harm(trig: Token, lex: EventLexicon) -> bool:
    """ "vowed revenge", "promised to retaliate": a promise of harm is a threat (PLOVER)."""
    if trig.lemma_.lower() not in _PROMISE:
        return False
    for c in trig.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in _HARM_NOUNS:
            return True
        if c.dep_ == "xcomp" and c.pos_ == "VERB":
            entry = lex.verb(c.lemma_, {g.lower_ for g in c.children if g.dep_ == "prt"})
            if entry is not None and entry.type in _HARM_TYPES:
                return True
    return False


_DECIDED = {"decision": "planned", "plan": "planned", "order": "planned", "plot": "planned",
            "intention": "planned", "bid": "planned", "attempt": "planned",
            "threat": "threatened"}  # fmt: skip


def _intended(trig: Token) -> str | None:
    """An event noun that is the object of plan/plot/threaten ("planned attacks"), or a
    verb that completes a decision or plan noun ("the decision to target Soleimani")."""
    if (
        trig.pos_ == "VERB"
        and trig.dep_ == "acl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in trig.children)
    ):
        return _DECIDED.get(trig.head.lemma_.lower())
    if trig.pos_ != "NOUN":
        return None
    if trig.dep_ == "dobj":
        return _INTEND.get(trig.head.lemma_.lower())
    # "his command planned attacks" parsed with "planned" as a modifier
    return next(
        (_INTEND[c.lemma_.lower()] for c in trig.lefts
         if c.dep_ == "amod" and c.lemma_.lower() in _INTEND),
        None,
    )  # fmt: skip


def _fits_source(arg: Arg | None, actor: EventActor | None) -> bool:
    """A source must be able to act: not a number ("at least 11 hitting …") nor an
    abstract noun ("the decision to target …", "a rush"). Named, coded, agentive,
    pronoun and weapon phrases ("a U.S. drone": the force behind it) are kept."""
    if arg is None or actor is None:
        return False
    head = arg.head
    if head.pos_ == "NUM" or head.like_num or _temporal(head):
        return False
    if _dateline_lead(arg.span()):
        return False
    if head.pos_ != "NOUN" or head.ent_type_:
        return True
    if actor.country or actor.entity_id:
        return True
    lemma = head.lemma_.lower()
    if lemma in _default_attack_nouns():
        return False  # "The attack also killed …": the event named, not who did it
    if actor.sector:
        return True
    if lemma in _WEAPONS or lemma in _TROOPS:
        return True
    span = arg.span()
    if any(_named_word(t) for t in span):
        return True
    words = {t.lower_ for t in span}
    return bool(words & _ACTOR_PRONOUNS) or _agentive(head)


def _named_word(tok: Token) -> bool:
    """A word written as a name: a proper noun, an acronym, or a capitalised word whose
    capital is not owed to the sentence start ("Friction rose", "A crush at the gate killed")."""
    if tok.pos_ == "PROPN" or (tok.is_upper and len(tok) > 1 and tok.is_alpha):
        return True  # a name, or an acronym ("ICE returned …")
    if tok.is_sent_start or tok.is_stop or tok.doc.vocab[tok.lower_].is_stop:
        return False
    return tok.is_title


_TIME_WORDS = set(WEEKDAYS) | {m for m in MONTHS if len(m) > 3} | {
    "today", "yesterday", "tomorrow", "tonight", "week", "weekend", "month", "year", "day",
    "night", "morning", "evening", "decade",
}  # fmt: skip


def _attack_anaphor(arg: Arg | None) -> bool:
    """The subject is an attack named before ("*The attack* also killed …"): a bare
    definite attack noun, with no actor or target of its own."""
    if arg is None:
        return False
    head = arg.head
    if head.pos_ != "NOUN" or head.lemma_.lower() not in _default_attack_nouns():
        return False
    dets = [c.lower_ for c in head.children if c.dep_ == "det"]
    own = [c for c in head.children if c.dep_ in ("prep", "poss", "compound", "amod", "nmod")]
    return dets in (["the"], ["this"], ["that"]) and not own


def _temporal(head: Token) -> bool:
    """A date or time is when, not who: "Friday's attack", "last year's strikes"."""
    if head.ent_type_ in ("DATE", "TIME"):
        return True
    if head.ent_type_ or (head.dep_ != "poss" and head.pos_ == "PROPN"):
        return False  # Theresa May; "May" leading a clause is a name too
    return head.lower_ in _TIME_WORDS or head.lemma_.lower() in _TIME_WORDS


def _dateline_lead(span: Span) -> bool:
    """ "BERLIN -- A court …", "KABUL (Pajhwok): …": capitals opening the sentence
    before a dash or colon (an agency in parentheses between) are the dateline, not
    an actor; "NATO, which …" and "IRGC (Guards) attacked" stay actors."""
    doc = span.doc
    if span.start != span.root.sent.start:
        return False
    k = span.start
    while k < len(doc) and k - span.start < 6 and (doc[k].is_upper or doc[k].text in ("/", ",")):
        k += 1
    if len(doc[span.start : k].text.strip(" ,/")) < 3:
        return False
    if k < len(doc) and doc[k].text == "(":
        close = next((t for t in doc[k : k + 8] if t.text.startswith(")")), None)
        if close is not None and close.text.rstrip() in ("):", ")-", ")—", ")–"):
            return True  # the tokenizer keeps "):" together
        k = close.i + 1 if close is not None else len(doc)
    return k < len(doc) and doc[k].text in ("-", "--", "—", "–", ":")


def _agentive(noun: Token) -> bool:
    """A noun that names people or a body: an agent noun of the actor lexicons."""
    lemma = noun.lemma_.lower()
    if lemma.endswith(_AGENT_SUFFIXES) or lemma in _GROUP_NOUNS:
        return True  # strikers, musicians, members, protesters …
    return role_noun(noun)


_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "ee", "aire", "member", "man", "men")


_GROUP_NOUNS = {
    "government", "militia", "protester", "demonstrator", "official", "leader", "group",
    "army", "navy", "police", "guard", "ministry", "administration", "crowd", "people",
    "country", "state", "regime", "authority", "side", "coalition", "alliance", "media",
}  # fmt: skip


_CURRENCY_WORDS = {"dollar", "dollars", "euro", "euros", "pound", "pounds", "yuan", "rupees"}


def _fits_target(arg: Arg | None, trig: Token) -> bool:
    """The weapon fired is not the target ("launched 16 missiles at bases"), nor
    the sum given, nor the revenge promised."""
    if arg is None:
        return False
    head = arg.head
    if _temporal(head):
        return False  # "Wednesday's strikes": the day, not the target
    if any(t.tag_ == "$" or t.lower_ in _CURRENCY_WORDS for t in arg.span()):
        return False  # "provided $340 million": the aid, not its recipient
    lemma = head.lemma_.lower()
    if trig.lemma_.lower() in _PROMISE and lemma in _HARM_NOUNS:
        return False  # "vowed harsh revenge": the threat, not its target
    return not (
        trig.lemma_.lower() in _NEEDS_WEAPON and lemma in INSTRUMENTS and head.dep_ == "dobj"
    )


def _embedded_times(times: list[TimeExpression], trig: Token) -> list[TimeExpression]:
    """For a planned or threatened event, only dates inside the intended clause:
    in "agreed on Tuesday to hold talks next week", Tuesday dates the agreeing."""
    for anc in [trig, *trig.ancestors]:
        if anc.dep_ in ("xcomp", "ccomp") and anc.head.lemma_.lower() in PLAN | THREAT:
            sub = list(anc.subtree)
            lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1].text)
            return [t for t in times if lo <= t.start < hi]
    return times


_SYMMETRIC = {"AGREE", "CONSULT", "COOPERATE"}
_ACTOR_ENTS = ("GPE", "NORP", "ORG", "PERSON")


_PAIR = re.compile(
    r"(?:the\s+)?(?:two|both)(?:\s+(?:sides|countries|governments|nations|neighbou?rs|states|"
    r"leaders|ministers|delegations|parties|capitals))?",
    re.I,
)
_PAIR_LOOKBACK = 1200
"""How far back (characters) "the two" looks for the two countries it means."""


@dataclass
class _Pair:
    first: EventActor
    second: EventActor


def _last_pair(ctx: _Context, before: int) -> _Pair | None:
    """The two countries named in the stretch before ``before``, when it names exactly
    two (each by its first mention there, so "France" rather than "Paris") and no
    person is named after them ("Soto met Varan, and the two agreed" are two people):
    "Iran and Iraq agreed … and the two signed a trade accord"."""
    seen: dict[str, Mention] = {}
    stretch = [m for m in ctx.mentions if before - _PAIR_LOOKBACK <= m.start and m.end <= before]
    for m in stretch:
        if m.country and m.label != "PERSON":
            seen.setdefault(m.country, m)  # "France" before "Paris"
    if len(seen) != 2:
        return None
    last_place = max(m.start for m in seen.values())
    if any(m.label == "PERSON" and m.start > last_place for m in stretch):
        return None
    a, b = sorted(seen.values(), key=lambda m: m.start)
    return _Pair(*(EventActor(m.text, m.start, m.end, m.entity_key or None, m.country, m.sector)
                   for m in (a, b)))  # fmt: skip


def _split_joint(src: Arg | None, tgt: Arg | None) -> tuple[Arg | None, Arg | None]:
    """ "Ruritania and Borduria agreed to hold talks": a joint subject of a symmetric
    event is its source and target, when the parse gives no actor as target."""
    if src is None or (tgt is not None and tgt.head.ent_type_ in _ACTOR_ENTS):
        return src, tgt
    conj = next((c for c in src.head.children if c.dep_ == "conj"), None)
    if conj is None or src.head.pos_ not in ("PROPN", "NOUN") or conj.pos_ not in ("PROPN", "NOUN"):
        return src, tgt
    return phrase(src.head, src.via, keep_conj=False), phrase(conj, "conj", keep_conj=False)


def _has_date(times: list[TimeExpression], extent: tuple[int, int]) -> bool:
    """Some calendar time expression lies in ``extent``."""
    return event_date(times, extent[0], extent[1], None).stated


def _build(ctx: _Context, sent: Span, cand: _Candidate) -> Event:
    src, tgt = cand.args.source, cand.args.target
    trig = cand.trigger
    quote = _quote_at(ctx, trig.idx)
    mod: Modality = modality(trig, quote.speaker if quote else None, quote is not None)
    choice = choose_type(
        cand.entry,
        sent,
        trig,
        (src.span() if src else None, tgt.span() if tgt else None),
        ctx.lex,
        # the classifier learnt that intentions are AGREE; modality says it here
        override_p=OVERRIDE_P if mod.value in HAPPENED else 1.01,
    )
    if choice.type == "AID" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _TROOPS for c in trig.children
    ):  # "sent troops to the region"
        choice = TypeChoice("MOBILIZE", "troops", choice.rule + "+troops")
    if choice.type in ("RETREAT", "CONCEDE") and leaves_accord(trig):
        choice = TypeChoice("REJECT", None, choice.rule + "+accord")  # "quit the treaty"
    if choice.type == "AGREE" and _promises_harm(trig, ctx.lex):
        choice = TypeChoice("THREATEN", None, choice.rule + "+harm")  # "vowed revenge"
    if choice.type in _SYMMETRIC:
        src, tgt = _split_joint(src, tgt)
    mode = _mode(choice.type, choice.mode, cand)
    coding = ctx.lex.code(choice.type, mode)
    tokens = [trig] + [t for a in (src, tgt) if a is not None for t in a.span()]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    times = clause_times(ctx.times, sent, trig)
    if mod.value in ("planned", "threatened"):
        times = _embedded_times(times, trig)
    c_start, c_end = clause_extent(trig)
    span = (sent.start_char, sent.end_char) if main_clause(trig) else None
    when = event_date(times, min(start, c_start), max(end, c_end), ctx.published, span)
    if not when.stated:
        when = weekend_date(times, min(start, c_start), max(end, c_end), span) or when
    if not when.stated and (ante := antecedent_extent(trig)) is not None:
        when = event_date(times, ante[0], ante[1], None) if _has_date(times, ante) else when
    if mod.value in ("planned", "threatened") and not when.stated:
        when = planned_week(times, ctx.published) or when
    named_day = None  # "said on Friday" in an undated story: the story layer bounds it
    if not when.stated and ctx.published is None:
        named_day = weekday_of(times, min(start, c_start), max(end, c_end), span)
    value = _intended(trig) or mod.value if mod.value in HAPPENED else mod.value
    later = bool(ctx.published and (first := first_day(when.value)) and first > ctx.published)
    if value == "asserted" and when.stated and later and not past_tense(trig):
        value = "planned"
    source = _actor(ctx, src)
    if not _fits_source(src, source):
        source = None
    marks = "; anaphor(attack)" if _attack_anaphor(src) else ""
    target = _actor(ctx, tgt) if _fits_target(tgt, trig) else None
    if (
        choice.type in _SYMMETRIC
        and (target is None or not (target.country or target.sector or target.entity_id))
        and src is not None
        and _PAIR.fullmatch(src.span().text)
    ):
        pair = _last_pair(ctx, trig.idx)
        if pair is not None:  # "the two signed the accord": the two last named
            source, target = pair.first, pair.second
            marks += "; pair(the two)"
    return Event(
        id=_event_id(
            ctx.article_id,
            trig.idx,
            choice.type,
            source.text if source else "",
            target.text if target else "",
        ),
        article_id=ctx.article_id,
        type=choice.type,
        mode=mode,
        cameo=coding.cameo,
        quad=coding.quad,
        intensity=coding.intensity,
        source=source,
        target=target,
        location=_location(ctx, cand),
        date=when.value,
        date_precision=when.precision,
        modality=value,
        attributed_to=mod.attributed_to if value == "reported" else None,
        sentence=sent.text.rstrip(),
        sentence_start=sent.start_char,
        sentence_end=sent.start_char + len(sent.text.rstrip()),
        trigger=trig.text,
        trigger_start=trig.idx,
        trigger_end=trig.idx + len(trig.text),
        start=start,
        end=end,
        rule=f"{choice.rule}; modality:{value}"
        + (f"({mod.cue})" if mod.cue else "")
        + (f"; background({aside})" if (aside := background(trig)) else "")
        + marks
        + (f"; after(@{after.idx})" if (after := follows(trig)) is not None else "")
        + (f"; weekday({named_day})" if named_day is not None else ""),
        date_stated=when.stated,
    )


_PERMIT = {"allow", "permit", "let"}
_SHELTER = {"refuge", "asylum", "shelter", "safety", "sanctuary", "treatment", "work"}
_NO_COMMENT = {"discuss", "comment", "say", "elaborate", "confirm", "specify", "disclose"}
_AGREEMENT_NOUNS = {"agreement", "deal", "accord", "treaty", "pact", "talks", "negotiation",
                    "contract", "ceasefire", "truce", "memorandum"}  # fmt: skip


def _substantive(cand: _Candidate, ev: Event) -> bool:
    """Drop news idioms that look like events but are not:

    * "declined to discuss/comment" — a refusal to talk, not a REJECT;
    * "concluded" without an agreement as object — not an AGREE;
    * "they're allowed to …" with no one allowing — a permission stated, not a CONCEDE;
    * "sought refuge", "asked about his health" — flight and questions, not REQUESTs.
    """
    trig = cand.trigger
    lemma = trig.lemma_.lower()
    if lemma in _PERMIT and is_passive(trig) and cand.args.source is None:
        return False
    if lemma in ("decline", "refuse") and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in _NO_COMMENT for c in trig.children
    ):
        return False
    objects = {c.lemma_.lower() for c in trig.children if c.dep_ in ("dobj", "obj")}
    if lemma in ("seek", "find") and objects & _SHELTER:
        return False  # "sought refuge in Niger": people fleeing, not a request
    if (
        lemma == "ask"
        and not objects
        and any(c.dep_ == "prep" and c.lower_ == "about" for c in trig.children)
    ):
        return False  # "asked about his health": a question, not a request
    if lemma != "conclude":
        return True
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _AGREEMENT_NOUNS for c in trig.children)


def extract_events(
    doc: Doc,
    *,
    article_id: str | None = None,
    published: date | None = None,
    times: list[TimeExpression] | None = None,
    mentions: list[Mention] | None = None,
    quotes: list[Quote] | None = None,
) -> list[Event]:
    """The PLOVER events of one parsed article, in text order."""
    ctx = _Context(
        doc=doc,
        article_id=article_id,
        published=published,
        times=times if times is not None else tag_times(doc_text(doc), published, doc),
        mentions=mentions if mentions is not None else extract_mentions(doc),
        quotes=quotes if quotes is not None else extract_quotes(doc),
        lex=load_event_lexicon(),
    )
    _repair_lemmas(doc)
    events: list[Event] = []
    seen: set[str] = set()
    for sent in doc.sents:
        for cand in _candidates(sent, ctx.lex):
            if _natural_cause(cand):
                continue
            ev = _build(ctx, sent, cand)
            heads = (cand.args.source, cand.args.target)
            if not any(
                _actor_like(a, h.head if h else None)
                for a, h in zip((ev.source, ev.target), heads, strict=True)
            ):
                continue  # neither side is an actor: "the images gave some indication"
            if not _substantive(cand, ev):
                continue
            if ev.id not in seen:
                seen.add(ev.id)
                events.append(ev)
    return _resolve_definite(events, doc)


def _resolve_definite(events: list[Event], doc: Doc) -> list[Event]:
    """ "He ordered *the killing*": a bare definite attack noun with no target of its own
    is the attack of that name told last before it in the article; it takes that
    one's target (the victim's words, where the article names them)."""
    out: list[Event] = []
    for ev in events:
        if ev.target is None and _definite_attack(doc, ev):
            stem = _stem(doc, ev)
            before = [e for e in out if e.type == ev.type and e.target is not None
                      and e.trigger_start < ev.trigger_start and _stem(doc, e) == stem]  # fmt: skip
            if before and (victim := before[-1].target) is not None:
                ev = replace(ev, target=victim, rule=ev.rule + f"; anaphor(the {ev.trigger})")
        out.append(ev)
    return out


def _trigger_token(doc: Doc, ev: Event) -> Token | None:
    span = doc.char_span(ev.trigger_start, ev.trigger_end)
    return span.root if span is not None else None


def _stem(doc: Doc, ev: Event) -> str:
    """ "killing", "killed" and "kill" name one act."""
    tok = _trigger_token(doc, ev)
    lemma = tok.lemma_.lower() if tok is not None else ev.trigger.lower()
    return lemma.removesuffix("ing") if lemma.endswith("ing") and len(lemma) > 5 else lemma


def _definite_attack(doc: Doc, ev: Event) -> bool:
    """A singular bare "the killing" / "the attack" ("the strike" may be a stoppage)."""
    tok = _trigger_token(doc, ev)
    if tok is None or tok.tag_ != "NN" or tok.lemma_.lower() == "strike":
        return False
    return _attack_anaphor(Arg(tok, tok.i, tok.i + 1, "trigger"))


@lru_cache(maxsize=1)
def _known_verbs() -> frozenset[str]:
    return frozenset(load_event_lexicon().verbs) | LIGHT | TRANSPARENT | SPEECH_VERBS


def _repair_lemmas(doc: Doc) -> None:
    """The small model lemmatises some "-ed"/"-ing"/"-s" forms of "-e" verbs without
    their "e" ("staged" -> "stag", "fined" -> "fin"): when the lemma is no verb the
    event lexicons know and the lemma plus "e" is one, take that."""
    known = _known_verbs()
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma not in known and lemma + "e" in known:
            tok.lemma_ = lemma + "e"


def classify_pair(doc: Doc, source: tuple[int, int] | None, target: tuple[int, int] | None) -> str:
    """The PLOVER type for a source and target given as character spans of ``doc``."""
    lex = load_event_lexicon()
    s = doc.char_span(*source, alignment_mode="expand") if source else None
    t = doc.char_span(*target, alignment_mode="expand") if target else None
    trig = pair_trigger(s.root if s else None, t.root if t else None)
    sent = (s or t or doc[:]).sent
    entry = lexicon_entry(trig, lex) if trig is not None else None
    scores = embed_scores(sent, trig, s, t, lex)  # None without the embedding model
    if scores is None:
        return choose_type(entry, sent, trig, (s, t), lex, override_p=0.0).type
    best = max(scores, key=scores.__getitem__)
    return split_yield(entry, {tok.lemma_.lower() for tok in sent}) if best == "YIELD" else best
