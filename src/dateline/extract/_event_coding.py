"""Code an event candidate: PLOVER type, mode, CAMEO, quad and intensity (private helper).

The type comes from the trigger lexicon and the classifier together: the lexicon
type stands unless the classifier is confident it is another type (the trigger
then stays, and the rule says ``clf:logreg``). Candidates with no lexicon entry
(a marked pair with no known trigger) take the classifier's type. ASSAULT's mode
comes from weapon words near the trigger ("drone strike", "fired missiles").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ._event_classifier import load_model, split_yield
from ._event_features import features
from ._event_lexicon import EventLexicon, TriggerEntry

OVERRIDE_P = 0.8  # classifier probability needed to overrule the lexicon
KEEP_P = 0.05  # ... while the lexicon type's own probability stays below this

ASSAULT_MODES = (
    ("drone", ("drone", "uav", "reaper")),
    ("suicide-attack", ("suicide",)),
    ("unconventional", ("chemical", "nuclear", "biological", "radiological", "sarin")),
    ("crowd-control", ("tear", "cannon", "rubber", "baton")),
    ("aerial", ("airstrike", "air strike", "air raid", "aircraft", "warplane", "helicopter")),
    ("heavy-weapons", ("missile", "rocket", "artillery", "shell", "mortar", "tank", "ballistic")),
    ("explosives", ("bomb", "explosive", "ied", "blast", "explosion", "grenade", "mine")),
    ("firearms", ("gun", "gunfire", "gunman", "rifle", "bullet", "sniper")),
)


@dataclass
class TypeChoice:
    type: str
    mode: str | None
    rule: str


def _to_yield(t: str) -> str:
    return "YIELD" if t in ("CONCEDE", "RETREAT") else t


def choose_type(
    entry: TriggerEntry | None,
    sent: Span,
    trigger: Token | None,
    args: tuple[Span | None, Span | None],
    lex: EventLexicon,
    override_p: float = OVERRIDE_P,
) -> TypeChoice:
    """The type of one candidate; ``args`` are the (source, target) spans.

    ``override_p`` is the classifier probability needed to overrule the lexicon.
    """
    model = load_model()
    lemmas = {t.lemma_.lower() for t in sent}
    if model is None:
        if entry is None:
            raise ValueError("no trigger entry and no classifier model")
        return TypeChoice(entry.type, entry.mode, entry.name)
    scores = model.scores(features(sent, trigger, args[0], args[1], lex))
    best = max(scores, key=scores.__getitem__)
    pred = split_yield(entry, lemmas) if best == "YIELD" else best
    if entry is None:
        return TypeChoice(pred, None, "clf:logreg")
    own = scores.get(_to_yield(entry.type), 0.0)
    if override_p <= 0.0:
        mode = entry.mode if entry.type == pred else None
        return TypeChoice(pred, mode, f"clf:logreg({entry.name})")
    if best != _to_yield(entry.type) and scores[best] >= override_p and own < KEEP_P:
        return TypeChoice(pred, None, f"clf:logreg({entry.name})")
    return TypeChoice(entry.type, entry.mode, entry.name)


def assault_mode(tokens: list[Token]) -> str | None:
    """The ASSAULT mode named by weapon words among ``tokens``, if any."""
    words = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
    words |= {f"{t.lower_} {t.nbor().lemma_.lower()}" for t in tokens if t.i + 1 < len(t.doc)}
    for mode, cues in ASSAULT_MODES:
        if words & set(cues):
            return mode
    return None
