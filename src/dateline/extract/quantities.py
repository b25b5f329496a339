"""Quantities: numbers in a text, what they count and what kind of fact they state.

``extract_quantities(text, doc)`` finds numbers written in digits or words
("80", "five", "a dozen", "hundreds of thousands", "$50 billion", "1.5 million",
"75-pound", "3%", "two-thirds"), ranges ("10 to 15", "between 10 and 15",
"10-15"), qualifiers mapped to NewsQuant change codes (``=`` exact, ``~`` about,
``>`` at least / more than, ``<`` at most / up to / as many as, ``up``/``down``
for "rose 3%"), the unit or counted noun phrase, and a category
(killed, wounded, arrested, displaced, troops, weapons, money, crowd, other) from
the counted noun and the verb governing it. Dates, years, clock times, ordinals,
model numbers ("787 Dreamliner", "Game 7") and addresses are not quantities,
following the NewsQuant conventions. Statements of none ("no casualties", "none
of the troops were hurt", "did not report any deaths") give a value of 0 when
they are about a casualty-like category.

The surface scan lives in :mod:`._quant_scan`, its word lists in :mod:`._quant_lex`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import Quantity
from . import _quant_lex as L
from ._quant_scan import Mention, Scanner
from ._quote_speakers import RELATIVE

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["CATEGORIES", "extract_quantities", "categorize"]

CATEGORIES = ("killed", "wounded", "arrested", "displaced", "troops", "weapons", "money",
              "crowd", "other")  # fmt: skip
_NOUN = {"NOUN", "PROPN"}
_NUM_DEPS = {"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod", "appos", "det"}
_TIME_NOUNS = L.MONTHS | {"am", "pm", "a.m.", "p.m.", "gmt"}
_MOD_DEPS = {
    "amod",
    "compound",
    "nmod",
    "nummod",
    "advmod",
    "npadvmod",
    "quantmod",
    "poss",
    "case",
    "cc",
    "conj",
}
_AMBIGUOUS_WEAPONS = {"round", "strike", "shell", "mine", "ship", "vessel", "boat", "plane",
                      "carrier"}  # fmt: skip
_WEAPON_MODIFIERS = {"ballistic", "artillery", "mortar", "air", "missile", "drone", "naval",
                     "war", "military", "aircraft", "attack", "navy"}  # fmt: skip
_DELTA_UNITS = ("percentage", "point", "basis point", "percentage point")


def extract_quantities(text: str, doc: Doc | None = None) -> list[Quantity]:
    """Every quantity in ``text`` (parsed with the configured pipeline when ``doc`` is None)."""
    if doc is None:
        from ..nlp import parse

        doc = parse(text)
    out: list[Quantity] = []
    for m in Scanner(text).scan():
        q = _build(m, text, doc)
        if q is not None:
            out.append(q)
    taken = [(q.start, q.end) for q in out]
    for z in _zero_quantities(doc):
        if not any(z.start < e and s < z.end for s, e in taken):
            out.append(z)
            taken.append((z.start, z.end))
    out.sort(key=lambda q: (q.start, q.end))
    return out


# ---------------------------------------------------------------------------
# From a surface mention to a Quantity
# ---------------------------------------------------------------------------


def _num_span(doc: Doc, m: Mention) -> Span | None:
    return doc.char_span(m.num_start, m.num_end, alignment_mode="expand")


def _is_label(m: Mention, doc: Doc, span: Span) -> bool:
    """Model numbers, labels and addresses: Game 7, FTSE 100, 787 Dreamliner, 575 Main Road."""
    if m.word or m.unit is not None or m.qualifier or m.fraction or m.vague:
        return False
    first, last = span[0], span[-1]
    prev = doc[first.i - 1] if first.i > 0 else None
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    next_is_noun = nxt is not None and nxt.pos_ == "NOUN" and nxt.text[:1].islower()
    if prev is not None and not next_is_noun:
        if (
            prev.pos_ == "PROPN"
            and any(ch.isupper() for ch in prev.text)
            and prev.text not in L.CURRENCY_PREFIX
            and prev.ent_type_ not in ("MONEY", "PERCENT")
        ):
            return True
        # appositive ages: "Senard, 65, now ..."
        if (
            prev.text == ","
            and first.i >= 2
            and doc[first.i - 2].pos_ == "PROPN"
            and nxt is not None
            and nxt.text == ","
        ):
            return True
    if prev is not None and prev.lower_ in L.LABEL_NOUNS and prev.pos_ in _NOUN and (
        prev.lower_ not in ("year", "day", "week", "season")):  # fmt: skip
        return True
    # addresses: 49 Zorro Ranch Road, 22 Ave Foch
    k = last.i + 1
    while k < len(doc) and k - last.i <= 4 and doc[k].text[:1].isupper():
        if doc[k].lower_.rstrip(".") in L.STREET_WORDS:
            return True
        k += 1
    if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper():
        root = span.root
        head = root.head
        if head.pos_ == "PROPN" and head.i > root.i and head.ent_type_ not in ("NORP", "GPE"):
            return True
        if nxt.i + 1 < len(doc) and doc[nxt.i + 1].lower_ in L.STREET_WORDS:
            return True
    return False


def _strip(span: Span) -> Span | None:
    a, b = span.start, span.end
    doc = span.doc
    while a < b and (doc[a].dep_ in ("det", "poss", "predet", "punct", "case", "prep")
                     or doc[a].is_punct):  # fmt: skip
        a += 1
    while b > a and (doc[b - 1].is_punct or doc[b - 1].dep_ in ("punct", "cc")):
        b -= 1
    return doc[a:b] if b > a else None


def _counted(m: Mention, doc: Doc, span: Span) -> Span | None:
    """The noun phrase a number counts: "80 [U.S. troops]", "dozens of [people]"."""
    end = span.end
    # skip a hyphen glued to the number ("75-pound" handled as unit; "5-member" here)
    if end < len(doc) and doc[end].text == "-":
        end += 1
    # scare quotes around the counted phrase: 80 “American terrorists”
    if end < len(doc) and doc[end].text in ("“", '"', "‘") and end + 1 < len(doc):
        end += 1
    if end >= len(doc):
        return None
    nxt = doc[end]
    if nxt.lower_ == "of":
        pobj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.pos_ == "PRON" or pobj.i - nxt.i > 7:
            return None
        return _strip(doc[nxt.i + 1 : pobj.i + 1])
    root = span.root
    head = root.head
    if (
        root.dep_ in _NUM_DEPS
        and head.i >= end
        and head.pos_ in _NOUN
        and head.i - end <= 5
        and head.lower_ not in _TIME_NOUNS
        and all(t.dep_ in _MOD_DEPS or t.text == "-" for t in doc[end : head.i])
    ):
        return _strip(doc[end : head.i + 1])
    # fallback: a noun chain right after the number
    k = end
    last = None
    while k < len(doc) and k - end < 4 and doc[k].pos_ in ("NOUN", "PROPN", "ADJ"):
        if doc[k].pos_ in _NOUN:
            last = k
        if doc[k].pos_ == "NOUN" and (k + 1 >= len(doc) or doc[k + 1].pos_ != "NOUN"):
            break
        k += 1
    if (
        last is not None
        and doc[end].pos_ in ("NOUN", "ADJ")
        and doc[last].lower_ not in _TIME_NOUNS
    ):
        return _strip(doc[end : last + 1])
    return None


_TOTAL_VERBS = frozenset({"number", "run", "total", "swell", "count"})


def _numbered_subject(span: Span) -> Span | None:
    """ "The crowd, which media said numbered in the millions": what was counted is
    the subject of the verb the figure completes ("numbered in", "ran into")."""
    tok = span.root
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("in", "into", "to"):
        return None
    verb = prep.head
    if verb.lemma_.lower() not in _TOTAL_VERBS:
        return None
    subj: Token | None = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    for _ in range(3):
        if subj is not None and subj.lower_ not in RELATIVE:
            break
        if verb.dep_ == "relcl":
            subj = verb.head  # "the crowd, which (media said) numbered in …"
            break
        if verb.dep_ not in ("xcomp", "ccomp", "conj"):
            break
        verb = verb.head
        if verb.dep_ != "relcl":
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ not in _NOUN or subj.lower_ in RELATIVE:
        return None
    lefts = [t for t in subj.lefts if t.dep_ in ("compound", "amod")]
    start = lefts[0].i if lefts else subj.i
    return subj.doc[start : subj.i + 1]


def _phrase_norm(span: Span) -> str:
    return " ".join(t.lemma_.lower() for t in span if not t.is_punct)


def _build(m: Mention, text: str, doc: Doc) -> Quantity | None:
    span = _num_span(doc, m)
    if span is None or len(span) == 0:
        return None
    if _is_label(m, doc, span):
        return None
    what_span: Span | None = None
    unit, unit_norm = m.unit, m.unit_norm
    if unit is None:
        what_span = _counted(m, doc, span) or _numbered_subject(span)
        if what_span is not None:
            unit = what_span.text
            unit_norm = _phrase_norm(what_span)
    else:
        # "3,000 tonnes of wheat": what is measured
        after = doc.char_span(m.end, len(text), alignment_mode="expand")
        if after is not None and len(after) > 1 and after[0].lower_ == "of":
            pobj = next((c for c in after[0].children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in _NOUN and pobj.i - after[0].i <= 4:
                what_span = _strip(doc[after[0].i + 1 : pobj.i + 1])
    change = m.change
    if m.direction and (
        m.money or (unit_norm or "").startswith(_DELTA_UNITS) or (m.unit and not what_span)
        or (unit is None)
    ):  # fmt: skip
        change = m.direction
    if m.unit is not None and not m.money:
        category = "other"  # a measurement (75-pound, 3%, 10 km) is not a count of anything
    else:
        category = categorize(doc, span, what_span, money=m.money)
    return Quantity(
        value=m.value,
        value_max=m.value_max,
        qualifier=m.qualifier,
        change=change,
        unit=unit,
        what=what_span.text if what_span is not None else None,
        category=category,
        start=m.start,
        end=max(m.end, what_span.end_char if what_span is not None and m.unit is None else m.end),
        text=text[m.start : m.end],
        unit_normalized=unit_norm,
        vague=m.vague,
        rule="words" if m.word else "digits",
    )


# ---------------------------------------------------------------------------
# Categories
# ---------------------------------------------------------------------------


def _governing_verb(tok: Token) -> Token | None:
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ != "aux":
            return cur
        if cur.dep_ == "ROOT" or cur.head is cur:
            return cur if cur.pos_ in ("VERB", "AUX", "ADJ") else None
        cur = cur.head
    return None


def _modifiers(noun: Token) -> set[str]:
    return {c.lower_ for c in noun.lefts} | {c.lemma_.lower() for c in noun.lefts}


def _noun_category(noun: Token) -> str | None:
    lemma = noun.lemma_.lower()
    low = noun.lower_
    mods = _modifiers(noun)
    if lemma in L.KILLED_NOUNS or low in L.KILLED_NOUNS or "death" in mods and lemma == "toll":
        return "killed"
    if lemma in L.WOUNDED_NOUNS or low in L.WOUNDED_NOUNS:
        return "wounded"
    if lemma in L.ARRESTED_NOUNS:
        return "arrested"
    if lemma in L.DISPLACED_NOUNS or low in L.DISPLACED_NOUNS:
        return "displaced"
    return None


def _event_category(verb: Token | None, anchor: Token) -> str | None:
    """killed / wounded / arrested / displaced from a verb or a participle next to the number."""
    words = []
    if verb is not None:
        words.append(verb.lemma_.lower())
    for c in list(anchor.children) + ([anchor.head] if anchor.head is not anchor else []):
        if c.dep_ in ("amod", "acl", "relcl", "oprd", "advcl", "conj") or c.tag_ in ("VBN", "JJ"):
            words.append(c.lemma_.lower())
            words.append(c.lower_)
    nxt = anchor.doc[anchor.i + 1] if anchor.i + 1 < len(anchor.doc) else None
    if nxt is not None:
        words.append(nxt.lower_)
    for w in words:
        if w in L.KILLED_VERBS or w in L.KILLED_ADJS:
            return "killed"
        if w in L.WOUNDED_VERBS or w in L.WOUNDED_ADJS:
            return "wounded"
        if w in L.ARRESTED_VERBS and w not in ("hold", "round", "seize", "capture"):
            return "arrested"
        if w in L.DISPLACED_VERBS or w == "displaced":
            return "displaced"
    if verb is not None and _detention(verb):
        return "arrested"
    return None


def _detention(verb: Token) -> bool:
    """ "were rounded up", "had been held" (passive), "were in custody"."""
    lemma = verb.lemma_.lower()
    kids = list(verb.children)
    if lemma == "round" and any(c.lower_ == "up" for c in kids):
        return True
    if lemma == "hold" and any(c.dep_ in ("auxpass", "nsubjpass") for c in kids):
        return True
    return any(
        c.dep_ == "prep" and any(g.lemma_.lower() == "custody" for g in c.children) for c in kids
    )


def _is_people(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return (
        lemma in L.PEOPLE_LIKE
        or noun.lower_ in L.PEOPLE_LIKE
        or noun.ent_type_ == "NORP"
        or (lemma.endswith("er") and lemma in L.CROWD_NOUNS)
        or _is_agent_noun(lemma)
    )


def _is_agent_noun(lemma: str) -> bool:
    """A one-word person noun of the PLOVER agents lexicon (terrorist, insurgent...).

    Only agent-noun shapes count: the lexicon also lists institutions ("school").
    """
    from ..lexicons import load_lexicons

    if " " in lemma or not lemma.endswith(_AGENT_SUFFIXES):
        return False
    return load_lexicons().agent(lemma) is not None


_AGENT_SUFFIXES = ("ist", "er", "or", "ian", "ant", "ent", "man", "ee")


def categorize(doc: Doc, num: Span, what: Span | None, *, money: bool = False) -> str:
    """The category of a quantity from its counted noun and its governing verb."""
    if money:
        return "money"
    noun = what.root if what is not None else None
    if noun is not None:
        cat = _noun_category(noun)
        if cat:
            return cat
    anchor = noun if noun is not None else num.root
    verb = _governing_verb(anchor)
    # "the death toll rose to 80"
    if verb is not None:
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() == "toll":
                return "killed"
    if noun is None or _is_people(noun):
        cat = _event_category(verb, anchor)
        if cat:
            return cat
    if noun is None:
        return "other"
    lemma = noun.lemma_.lower()
    mods = _modifiers(noun)
    if lemma == "fighter":
        if mods & {"jet", "stealth"} or any(c.pos_ == "PROPN" and any(ch.isdigit() for ch in c.text)
                                            for c in noun.lefts):  # fmt: skip
            return "weapons"
        return "troops"
    if lemma in L.WEAPON_NOUNS or noun.lower_ in L.WEAPON_NOUNS:
        if lemma in _AMBIGUOUS_WEAPONS and not mods & _WEAPON_MODIFIERS:
            return "other"
        return "weapons"
    if lemma in L.TROOP_NOUNS or noun.lower_ in L.TROOP_NOUNS:
        if lemma in L.TROOP_WEAK and not mods & L.MILITARY_MODIFIERS:
            return "crowd" if lemma == "member" else "other"
        return "troops"
    if _is_people(noun):
        return "crowd"
    return "other"


# ---------------------------------------------------------------------------
# Zero claims: "no casualties", "none of the troops were hurt", "did not report any deaths"
# ---------------------------------------------------------------------------


def _zero(doc: Doc, first: Token, noun: Token, qualifier: str, cat: str) -> Quantity:
    a = min(first.i, noun.i)
    what = _strip(doc[noun.left_edge.i if noun.left_edge.i > first.i else first.i + 1 : noun.i + 1])
    what_text = what.text if what is not None else noun.text
    return Quantity(
        value=0.0,
        value_max=None,
        qualifier=qualifier,
        change="=",
        unit=what_text,
        what=what_text,
        category=cat,
        start=doc[a].idx,
        end=noun.idx + len(noun.text),
        text=doc[a : noun.i + 1].text,
        unit_normalized=noun.lemma_.lower(),
        rule="zero",
    )


def _zero_category(noun: Token, verb: Token | None) -> str | None:
    cat = _noun_category(noun)
    if cat is None and (_is_people(noun) or noun.lower_ in ("one", "body")):
        cat = _event_category(verb, noun)
    return cat if cat in ("killed", "wounded", "arrested", "displaced") else None


def _zero_quantities(doc: Doc) -> list[Quantity]:
    out: list[Quantity] = []
    for tok in doc:
        low = tok.lower_
        if low == "none":
            of = next((c for c in tok.children if c.lower_ == "of"), None)
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            if pobj is not None:
                cat = _zero_category(pobj, _governing_verb(tok))
                if cat is None and _is_people(pobj):
                    cat = _event_category(_governing_verb(tok), tok)
                if cat:
                    out.append(_zero(doc, tok, pobj, "none", cat))
        elif low in ("nobody", "no-one") or (low == "one" and tok.i > 0
                                             and doc[tok.i - 1].lower_ == "no"):  # fmt: skip
            cat = _event_category(_governing_verb(tok), tok)
            if cat in ("killed", "wounded", "arrested", "displaced"):
                first = doc[tok.i - 1] if low == "one" else tok
                out.append(_zero(doc, first, tok, first.text.lower(), cat))
        elif low in ("no", "zero") and tok.dep_ in ("det", "nummod", "amod", "neg"):
            noun = tok.head
            if noun.pos_ in _NOUN and noun.i > tok.i:
                cat = _zero_category(noun, _governing_verb(noun))
                if cat:
                    out.append(_zero(doc, tok, noun, low, cat))
        elif low == "any" and tok.dep_ == "det":
            noun = tok.head
            verb = _governing_verb(noun)
            if (
                noun.pos_ in _NOUN
                and verb is not None
                and any(c.dep_ == "neg" for c in verb.children)
            ):
                cat = _zero_category(noun, verb)
                if cat:
                    neg = next(c for c in verb.children if c.dep_ == "neg")
                    q = _zero(doc, tok, noun, f"{neg.text} ... any", cat)
                    out.append(q)
    return out
