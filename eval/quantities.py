"""Score dateline's quantity extractor on NewsQuant (value F1 and value+unit F1).

Usage: python eval/quantities.py [PATH/newsquant_dev.json] [--errors]

Matching (per sentence, one-to-one, greedy in gold order):

* value: a prediction matches a gold quantity when their values are equal within
  a relative tolerance of 1e-5 (as in the published CQE evaluation, numpy.isclose).
  A range matches a range when its two ends match as a set (NewsQuant writes
  "from 208 to 193" as 208-193; we store ranges low-high). A range never matches
  a single value.
* unit: both sides are normalised the same way (lower case; currency and percent
  symbols to words: "$", "US$" -> "dollar", "%", "per cent", "pc" -> "percentage";
  each word singularised). The gold side offers two strings, its surface ``unit``
  and its ``normalized_unit``; the prediction offers its ``unit`` and its
  ``unit_normalized``. They match when any normalised prediction string equals any
  normalised gold string, or when their head nouns are equal — the head being
  the last word before " per " or " of " (so "dollar per barrel" ~ "dollar",
  "barrels of oil" ~ "barrel", "U.S. troops" ~ "troops"). No unit on either side
  is the empty string ("-" in the gold), which matches only itself.

The CQE script counts a gold value as found whenever some prediction has its value
(several gold quantities can share one prediction); ours is one-to-one, so stricter.
"""

from __future__ import annotations

import json
import math
import re
import sys
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared/bench/newsquant/newsquant_dev.json"

_SYMBOLS = {
    "$": "dollar", "us$": "dollar", "$us": "dollar", "usd": "dollar", "us $": "dollar",
    "$ us": "dollar", "%": "percentage", "percent": "percentage", "per cent": "percentage",
    "pc": "percentage", "percent-owned": "percentage", "&": "percentage",
    "£": "pound sterling", "ps": "pound sterling", "€": "euro", "y=": "japanese yen",
    "yen": "japanese yen", "y": "japanese yen", "$a": "australian dollar",
    "a$": "australian dollar", "hk$": "hong kong dollar",
}  # fmt: skip
_IRREGULAR = {
    "feet": "foot", "people": "people", "men": "man", "women": "woman", "children": "child",
    "series": "series", "celsius": "celsius", "news": "news",
}  # fmt: skip


def _singular(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def norm_unit(unit: str | None) -> str:
    """Normalise a unit string for comparison ("" for no unit)."""
    if unit is None:
        return ""
    s = re.sub(r"\s+", " ", unit.strip().lower())
    if s in ("", "-", "—"):
        return ""
    for sym, word in sorted(_SYMBOLS.items(), key=lambda kv: -len(kv[0])):
        if s == sym or s.startswith(sym + " "):
            s = word + s[len(sym) :]
            break
    return " ".join(_singular(w) for w in s.split())


def head(unit: str) -> str:
    """The head noun of a normalised unit: last word before " per " / " of "."""
    core = re.split(r" per | of | a | an ", unit, maxsplit=1)[0]
    words = core.split()
    return words[-1] if words else ""


def units_match(pred: list[str | None], gold: list[str | None]) -> bool:
    ps = {norm_unit(u) for u in pred}
    gs = {norm_unit(u) for u in gold}
    if ps & gs:
        return True
    ph = {head(p) for p in ps if p}
    gh = {head(g) for g in gs if g}
    return bool(ph & gh)


_RANGE = re.compile(r"^\s*(-?[\d.]+(?:[eE][-+]?\d+)?)\s*-\s*(-?[\d.]+(?:[eE][-+]?\d+)?)\s*$")


def parse_gold_value(s: str) -> tuple[float, float | None]:
    try:
        return float(s), None
    except ValueError:
        m = _RANGE.match(s)
        if not m:
            raise
        return float(m.group(1)), float(m.group(2))


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-8)


def values_match(pred: tuple[float, float | None], gold: tuple[float, float | None]) -> bool:
    (pa, pb), (ga, gb) = pred, gold
    if (pb is None) != (gb is None):
        return False
    if pb is None or gb is None:
        return _close(pa, ga)
    return (_close(pa, ga) and _close(pb, gb)) or (_close(pa, gb) and _close(pb, ga))


def _match(golds: list[dict], preds: list, with_unit: bool) -> tuple[int, list[int], set[int]]:
    used: set[int] = set()
    missed: list[int] = []
    tp = 0
    for gi, g in enumerate(golds):
        gv = parse_gold_value(g["value"])
        hit = None
        for pi, p in enumerate(preds):
            if pi in used or not values_match((p.value, p.value_max), gv):
                continue
            if with_unit and not units_match(
                [p.unit, p.unit_normalized], [g["unit"], g["normalized_unit"]]
            ):
                continue
            hit = pi
            break
        if hit is None:
            missed.append(gi)
        else:
            used.add(hit)
            tp += 1
    return tp, missed, used


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    show_errors = "--errors" in argv
    path = Path(args[0]) if args else DEFAULT
    if not path.exists():
        print(f"NewsQuant data not found at {path}; pass the path to newsquant_dev.json "
              "as the first argument.", file=sys.stderr)  # fmt: skip
        return 2
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from dateline.extract.quantities import extract_quantities
    from dateline.nlp import load_pipeline

    nlp = load_pipeline()
    data = json.loads(path.read_text(encoding="utf-8"))
    texts = [item["text"] for item in data]
    n_gold = n_pred = tp_v = tp_u = 0
    for item, doc in zip(data, nlp.pipe(texts), strict=True):
        preds = [q for q in extract_quantities(item["text"], doc) if q.rule != "zero"]
        golds = item["quantities"]
        n_gold += len(golds)
        n_pred += len(preds)
        tv, missed_v, used_v = _match(golds, preds, with_unit=False)
        tu, missed_u, _ = _match(golds, preds, with_unit=True)
        tp_v += tv
        tp_u += tu
        if show_errors and (missed_v or missed_u or len(used_v) < len(preds)):
            print("#", item["text"])
            for gi in missed_v:
                g = golds[gi]
                print(f"   MISS {g['change']} {g['value']} | {g['unit']} | {g['normalized_unit']}")
            for gi in set(missed_u) - set(missed_v):
                g = golds[gi]
                print(f"   UNIT {g['value']} | {g['unit']} | {g['normalized_unit']}")
            for pi, p in enumerate(preds):
                if pi not in used_v:
                    print(f"   FP   {p.change} {p.value} {p.value_max} | {p.unit} | "
                          f"{p.unit_normalized} | {p.text!r}")  # fmt: skip
            for pi in used_v:
                p = preds[pi]
                if any(gi in missed_u for gi in range(len(golds))):
                    print(f"   got  {p.value} {p.value_max} | {p.unit} | {p.unit_normalized}")
    pv, rv, fv = _prf(tp_v, n_pred, n_gold)
    pu, ru, fu = _prf(tp_u, n_pred, n_gold)
    print(f"sentences: {len(data)}  gold quantities: {n_gold}  predicted: {n_pred}")
    print(f"value      P {pv:.3f}  R {rv:.3f}")
    print(f"value+unit P {pu:.3f}  R {ru:.3f}")
    print(f"value F1: {fv:.3f}")
    print(f"value+unit F1: {fu:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
