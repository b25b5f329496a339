"""Train the event-type classifier shipped as ``src/dateline/data/event_clf.json``.

Usage::

    .venv/bin/python tools/train_event_classifier.py [PLV_train.tsv] [--c 10] [--cv]

Reads the PLOVER sentences (marked source ``<s>`` and target ``<t>``, gold root
type), parses them, builds the features of :mod:`dateline.extract._event_features`
for the marked pair and fits a multinomial logistic regression (numpy, L2).
Sentences whose id hashes into the held-out quarter (see ``held_out``) are never
used: ``eval/events.py`` reports its figures on them. ``--cv`` prints 5-fold
cross-validated accuracy on the training part for a few regularisation strengths.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dateline.extract._event_classifier import MODEL_FILE, TypeModel
from dateline.extract._event_features import features, pair_trigger
from dateline.extract._event_lexicon import load_event_lexicon
from dateline.nlp import load_pipeline

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared/bench/plover/PLV_train.tsv"
OUT = ROOT / "src/dateline/data" / MODEL_FILE
_TAG = re.compile(r"</?[st]>")


@dataclass
class Item:
    sid: str
    text: str
    source: tuple[int, int] | None
    target: tuple[int, int] | None
    label: str


def held_out(sid: str) -> bool:
    """The fixed held-out quarter: sentence ids whose SHA-1 is 0 mod 4."""
    return int(hashlib.sha1(sid.encode()).hexdigest(), 16) % 4 == 0


def unmark(marked: str) -> tuple[str, dict[str, tuple[int, int]]]:
    spans: dict[str, tuple[int, int]] = {}
    out: list[str] = []
    opened: dict[str, int] = {}
    pos = 0
    for m in _TAG.finditer(marked):
        out.append(marked[pos : m.start()])
        pos = m.end()
        n = sum(len(x) for x in out)
        tag = m.group()
        if tag.startswith("</"):
            spans[tag[2]] = (opened.pop(tag[2], n), n)
        else:
            opened[tag[1]] = n
    out.append(marked[pos:])
    return "".join(out), spans


def read_plv(path: Path) -> list[Item]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) < 7:
            continue
        text, spans = unmark(cols[2])
        items.append(Item(cols[0], text, spans.get("s"), spans.get("t"), cols[6].strip()))
    return items


def item_features(nlp, items: list[Item]) -> list[list[str]]:  # type: ignore[no-untyped-def]
    lex = load_event_lexicon()
    out = []
    for item, doc in zip(items, nlp.pipe([i.text for i in items]), strict=True):
        s = doc.char_span(*item.source, alignment_mode="expand") if item.source else None
        t = doc.char_span(*item.target, alignment_mode="expand") if item.target else None
        trig = pair_trigger(s.root if s else None, t.root if t else None)
        sent = (s or t or doc[:]).sent
        out.append(features(sent, trig, s, t, lex))
    return out


def fit(x: np.ndarray, y: np.ndarray, n_labels: int, c: float, iters: int = 400) -> np.ndarray:
    """Softmax regression, L2 strength 1/c, full-batch Adam."""
    rng = np.random.default_rng(0)
    w = rng.normal(0, 0.01, (x.shape[1], n_labels)).astype(np.float64)
    onehot = np.eye(n_labels)[y]
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    lr, b1, b2 = 0.05, 0.9, 0.999
    for step in range(1, iters + 1):
        z = x @ w
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        grad = x.T @ (p - onehot) / len(y) + w / (c * len(y))
        m = b1 * m + (1 - b1) * grad
        v = b2 * v + (1 - b2) * grad**2
        w -= lr * (m / (1 - b1**step)) / (np.sqrt(v / (1 - b2**step)) + 1e-8)
    return w


def matrix(feats: list[list[str]], vocab: dict[str, int]) -> np.ndarray:
    x = np.zeros((len(feats), len(vocab)))
    for i, fs in enumerate(feats):
        for f in fs:
            if f in vocab:
                x[i, vocab[f]] = 1.0
    return x


def build_vocab(feats: list[list[str]], min_count: int = 2) -> dict[str, int]:
    counts: dict[str, int] = {}
    for fs in feats:
        for f in fs:
            counts[f] = counts.get(f, 0) + 1
    kept = sorted(f for f, n in counts.items() if n >= min_count or f.startswith(("t:", "lt:")))
    return {f: i for i, f in enumerate(kept)}


def train(feats: list[list[str]], labels: list[str], c: float) -> TypeModel:
    names = sorted(set(labels))
    vocab = build_vocab(feats)
    y = np.array([names.index(lab) for lab in labels])
    w = fit(matrix(feats, vocab), y, len(names), c)
    rows = [[round(float(v), 3) for v in row] for row in w]
    keep = {f: i for f, i in vocab.items() if any(abs(v) >= 0.002 for v in rows[i])}
    order = sorted(keep, key=keep.__getitem__)
    return TypeModel(names, {f: k for k, f in enumerate(order)}, [rows[keep[f]] for f in order])


def accuracy(model: TypeModel, feats: list[list[str]], labels: list[str]) -> float:
    hits = 0
    for fs, lab in zip(feats, labels, strict=True):
        sc = model.scores(fs)
        hits += max(sc, key=sc.__getitem__) == lab
    return hits / max(1, len(labels))


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--c", type=float, default=10.0, help="inverse L2 strength")
    parser.add_argument("--cv", action="store_true", help="5-fold CV on the training part")
    opts = parser.parse_args(argv)
    path, c = opts.path, opts.c
    items = [i for i in read_plv(path) if not held_out(i.sid)]
    feats = item_features(load_pipeline(), items)
    labels = [i.label for i in items]
    if opts.cv:
        for cand in (0.3, 1.0, 3.0, 10.0, 30.0):
            accs = []
            for fold in range(5):
                tr = [k for k in range(len(items)) if k % 5 != fold]
                te = [k for k in range(len(items)) if k % 5 == fold]
                m = train([feats[k] for k in tr], [labels[k] for k in tr], cand)
                accs.append(accuracy(m, [feats[k] for k in te], [labels[k] for k in te]))
            print(f"c={cand}: cv accuracy {sum(accs) / len(accs):.3f}")
        return
    model = train(feats, labels, c)
    OUT.write_text(json.dumps(model.to_json(), separators=(",", ":")), encoding="utf-8")
    print(f"trained on {len(items)} sentences, {len(model.vocab)} features -> {OUT}")
    print(f"training accuracy: {accuracy(model, feats, labels):.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
