"""Score the temporal tagger on TempEval-3 TBAQ-cleaned (TimeBank + AQUAINT).

Usage: python eval/tempeval.py [DATA_DIR] [-v] [--spacy]

DATA_DIR defaults to ../shared/bench/tempeval3 next to the repository. Each .tml file's
CREATION_TIME TIMEX3 gives the anchor; every other TIMEX3 inside TEXT is gold. The
tagger runs on the plain TEXT content (tags stripped, entities decoded).

Measures (TempEval-3): strict span P/R/F1 (exact offsets), relaxed span P/R/F1 (any
overlap), type and value accuracy over relaxed matches, type F1 and value F1
(= relaxed F1 x accuracy). ``-v`` prints a longer error breakdown; ``--spacy`` passes
a spaCy parse to the tagger (slower).
"""

from __future__ import annotations

import argparse
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dateline.extract.time import TimeExpression, tag_times

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared/bench/tempeval3"


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Document:
    name: str
    text: str
    anchor: date | None
    gold: list[Gold] = field(default_factory=list)


def _walk(node: ET.Element, parts: list[str], gold: list[Gold], pos: int) -> int:
    """Append the text under ``node`` to ``parts``; record TIMEX3 spans; return offset."""
    if node.text:
        parts.append(node.text)
        pos += len(node.text)
    for child in node:
        start = pos
        pos = _walk(child, parts, gold, pos)
        if child.tag == "TIMEX3":
            covered = "".join(child.itertext())
            gold.append(Gold(start, pos, covered, child.get("type", ""), child.get("value", "")))
        if child.tail:
            parts.append(child.tail)
            pos += len(child.tail)
    return pos


def load_document(path: Path) -> Document:
    root = ET.parse(path).getroot()
    anchor = None
    for t in root.iter("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME":
            v = t.get("value", "")[:10]
            try:
                anchor = date.fromisoformat(v)
            except ValueError:
                anchor = None
            break
    text_node = root.find("TEXT")
    parts: list[str] = []
    gold: list[Gold] = []
    if text_node is not None:
        _walk(text_node, parts, gold, 0)
    return Document(path.name, "".join(parts), anchor, gold)


def load_corpus(data: Path) -> list[Document]:
    return [load_document(p) for p in sorted(data.rglob("*.tml"))]


@dataclass
class Tally:
    n_gold: int = 0
    n_sys: int = 0
    strict_gold: int = 0
    strict_sys: int = 0
    relaxed_gold: int = 0
    relaxed_sys: int = 0
    type_ok: int = 0
    value_ok: int = 0
    missed: Counter[str] = field(default_factory=Counter)
    spurious: Counter[str] = field(default_factory=Counter)
    value_err: Counter[str] = field(default_factory=Counter)
    type_err: Counter[str] = field(default_factory=Counter)
    span_err: Counter[str] = field(default_factory=Counter)


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return min(a_end, b_end) - max(a_start, b_start)


def score_document(doc: Document, system: list[TimeExpression], tally: Tally) -> None:
    tally.n_gold += len(doc.gold)
    tally.n_sys += len(system)
    gold_exact = {(g.start, g.end) for g in doc.gold}
    tally.strict_sys += sum((s.start, s.end) in gold_exact for s in system)
    for s in system:
        if any(_overlap(s.start, s.end, g.start, g.end) > 0 for g in doc.gold):
            tally.relaxed_sys += 1
        else:
            tally.spurious[s.text.lower()] += 1
    sys_exact = {(s.start, s.end) for s in system}
    for g in doc.gold:
        tally.strict_gold += (g.start, g.end) in sys_exact
        over = [s for s in system if _overlap(s.start, s.end, g.start, g.end) > 0]
        if not over:
            tally.missed[g.text.lower()] += 1
            continue
        best = max(over, key=lambda s: _overlap(s.start, s.end, g.start, g.end))
        tally.relaxed_gold += 1
        if (best.start, best.end) != (g.start, g.end):
            tally.span_err[f"{g.text!r} vs {best.text!r}"] += 1
        if best.type == g.type:
            tally.type_ok += 1
        else:
            tally.type_err[f"{g.text.lower()!r} {g.type} vs {best.type}"] += 1
        if best.value == g.value:
            tally.value_ok += 1
        else:
            tally.value_err[
                f"{g.text!r} gold={g.value} sys={best.value} [{best.rule}] dct={doc.anchor}"
            ] += 1


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def report(t: Tally, top: int) -> dict[str, float]:
    for title, counter in (
        ("missed", t.missed),
        ("spurious", t.spurious),
        ("value errors", t.value_err),
        ("type errors", t.type_err),
        ("span differences", t.span_err),
    ):
        total = sum(counter.values())
        print(f"--- {title} ({total}), most common:")
        for key, n in counter.most_common(top):
            print(f"  {n:3d}  {key}")
    sp, sr = _ratio(t.strict_sys, t.n_sys), _ratio(t.strict_gold, t.n_gold)
    rp, rr = _ratio(t.relaxed_sys, t.n_sys), _ratio(t.relaxed_gold, t.n_gold)
    relaxed_f1 = _f1(rp, rr)
    type_acc, value_acc = _ratio(t.type_ok, t.relaxed_gold), _ratio(t.value_ok, t.relaxed_gold)
    return {
        "gold expressions": t.n_gold,
        "system expressions": t.n_sys,
        "strict span P": sp,
        "strict span R": sr,
        "relaxed span P": rp,
        "relaxed span R": rr,
        "value accuracy": value_acc,
        "type F1": relaxed_f1 * type_acc,
        "strict span F1": _f1(sp, sr),
        "relaxed span F1": relaxed_f1,
        "type accuracy": type_acc,
        "value F1": relaxed_f1 * value_acc,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    ap.add_argument("-v", "--verbose", action="store_true", help="longer error lists")
    ap.add_argument("--spacy", action="store_true", help="give the tagger a spaCy parse")
    args = ap.parse_args(argv)
    if not args.data.is_dir() or not any(args.data.rglob("*.tml")):
        print(
            f"TempEval-3 data not found at {args.data} (expected TimeBank/ and AQUAINT/ "
            "with .tml files); pass its path as the first argument.",
            file=sys.stderr,
        )
        return 2
    docs = load_corpus(args.data)
    nlp = None
    if args.spacy:
        from dateline.nlp import load_pipeline

        nlp = load_pipeline()
    tally = Tally()
    t0 = time.perf_counter()
    for d in docs:
        parsed = nlp(d.text) if nlp is not None else None
        score_document(d, tag_times(d.text, d.anchor, parsed), tally)
    elapsed = time.perf_counter() - t0
    figures = report(tally, 60 if args.verbose else 10)
    print(f"documents: {len(docs)} ({elapsed:.2f}s)")
    for name, value in figures.items():
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        print(f"{name}: {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
