"""The event-type classifier: multinomial logistic regression over parse features (private).

The model (``data/event_clf.json``: feature vocabulary, class labels, weights) is
trained by ``tools/train_event_classifier.py`` on PLOVER-annotated sentences and
loaded offline from package data. Its labels follow the training data, which
uses YIELD where PLOVER now distinguishes CONCEDE and RETREAT; :func:`split_yield`
decides between them from the trigger lexicon.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ._event_lexicon import TriggerEntry

MODEL_FILE = "event_clf.json"


@dataclass
class TypeModel:
    """Weights per class over a feature vocabulary."""

    labels: list[str]
    vocab: dict[str, int]
    weights: list[list[float]]  # one row per feature: a weight per label

    def scores(self, feats: list[str]) -> dict[str, float]:
        """Class probabilities for a feature list (unknown features are ignored)."""
        z = [0.0] * len(self.labels)
        for f in feats:
            j = self.vocab.get(f)
            if j is None:
                continue
            row = self.weights[j]
            for k in range(len(z)):
                z[k] += row[k]
        top = max(z)
        exp = [math.exp(v - top) for v in z]
        total = sum(exp)
        return {label: e / total for label, e in zip(self.labels, exp, strict=True)}

    def to_json(self) -> dict[str, object]:
        vocab = sorted(self.vocab, key=self.vocab.__getitem__)
        return {"labels": self.labels, "vocab": vocab, "weights": self.weights}


def model_from_json(data: dict[str, Any]) -> TypeModel:
    labels = [str(x) for x in data["labels"]]
    vocab = {str(f): i for i, f in enumerate(data["vocab"])}
    weights = [[float(w) for w in row] for row in data["weights"]]
    return TypeModel(labels, vocab, weights)


@lru_cache(maxsize=1)
def load_model() -> TypeModel | None:
    """The shipped model, or None when the package has none."""
    path = resources.files("dateline.data").joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    return model_from_json(json.loads(path.read_text(encoding="utf-8")))


RETREAT_WORDS = {
    "withdraw", "release", "free", "return", "lift", "ease", "evacuate", "retreat",
    "disarm", "surrender", "resign", "ceasefire", "truce", "pull", "hand", "repatriate",
}  # fmt: skip


def split_yield(entry: TriggerEntry | None, lemmas: set[str]) -> str:
    """CONCEDE or RETREAT for a YIELD prediction."""
    if entry is not None and entry.type in ("CONCEDE", "RETREAT"):
        return entry.type
    return "RETREAT" if lemmas & RETREAT_WORDS else "CONCEDE"
