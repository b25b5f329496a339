"""Evaluate the actors stage.

Usage::

    python eval/actors.py [SHARED_DIR]

(a) Country and sector coding accuracy of :func:`dateline.extract.actors.code_actor`
    on the marked source ``<s>`` and target ``<t>`` phrases of
    ``bench/plover/PLV_train.tsv``, against the hand-checked sample in
    ``eval/data/plover_actor_sample.tsv`` (which holds codes only; phrases are read
    from the shared benchmark).
(b) Pairwise precision / recall / F1 of alias merges on the shared corpus
    ``corpus/iran-us-crisis-2020.txt``: every system mention whose surface form the
    hand-written key ``eval/data/actors_key.json`` assigns to an entity is a gold
    item; a pair of such mentions is a gold merge when the key puts both forms in
    the same entity, and a system merge when resolution gave them the same id.

SHARED_DIR defaults to ``../shared`` next to the project; the script exits cleanly
(status 0, a message) when it is absent.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import re
import sys
import types
from collections import Counter
from collections.abc import Callable
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
sys.path.insert(0, str(ROOT / "src"))

from dateline.extract.actors import code_actor, extract_mentions, resolve_entities  # noqa: E402
from dateline.models import RawArticle  # noqa: E402
from dateline.nlp import load_pipeline  # noqa: E402


def _reader() -> Callable[[str, str], list[RawArticle]]:
    """``dateline.ingest._wire.read_plain_text`` (loaded alone if the package is mid-edit)."""
    try:
        from dateline.ingest._wire import read_plain_text

        return read_plain_text
    except ImportError:
        import dateline

        pkgdir = Path(dateline.__path__[0]) / "ingest"
        pkg = types.ModuleType("dateline.ingest")
        pkg.__path__ = [str(pkgdir)]
        sys.modules["dateline.ingest"] = pkg
        spec = importlib.util.spec_from_file_location("dateline.ingest._wire", pkgdir / "_wire.py")
        assert spec is not None and spec.loader is not None
        mod = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = mod
        spec.loader.exec_module(mod)
        return mod.read_plain_text


def _norm(code: str | None) -> str:
    return code or "-"


def eval_coding(shared: Path) -> tuple[float, float, int]:
    bench = shared / "bench" / "plover" / "PLV_train.tsv"
    with bench.open(encoding="utf-8") as fh:
        rows = {r["sentence_id"]: r for r in csv.DictReader(fh, delimiter="\t")}
    n = ok_country = ok_sector = 0
    misses: list[str] = []
    for line in (DATA / "plover_actor_sample.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sid, side, country, sector = line.split("\t")
        row = rows.get(sid)
        if row is None:
            continue
        phrase = row["source"] if side == "s" else row["target"]
        code = code_actor(phrase)
        n += 1
        c_ok = _norm(code.country) == country
        s_ok = _norm(code.sector) == sector
        ok_country += c_ok
        ok_sector += s_ok
        if not (c_ok and s_ok):
            misses.append(
                f"  {sid}{side} {phrase[:50]!r}: got {_norm(code.country)} {_norm(code.sector)}"
                f", key {country} {sector} [{code.rule}]"
            )
    print(f"PLOVER actor sample: {n} hand-checked phrases ({len(misses)} not fully right)")
    for m in misses:
        print(m)
    return ok_country / max(n, 1), ok_sector / max(n, 1), n


def _key_form(text: str) -> str:
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    text = re.sub(r"(?:'s|’s|'|’)$", "", text)
    return text.lower()


def eval_merging(shared: Path) -> tuple[float, float, float]:
    corpus = shared / "corpus" / "iran-us-crisis-2020.txt"
    key = json.loads((DATA / "actors_key.json").read_text(encoding="utf-8"))
    form_to_gold: dict[str, str] = {}
    for ent in key["entities"]:
        for form in ent["forms"]:
            form_to_gold[form.lower()] = ent["name"]
    articles = _reader()(corpus.read_text(encoding="utf-8"), corpus.name)
    nlp = load_pipeline()
    by_article = {
        a.origin: extract_mentions(doc)
        for a, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True)
    }
    entities = resolve_entities(by_article)
    items: list[tuple[str, str]] = []  # (gold entity, system entity id)
    for mentions in by_article.values():
        for m in mentions:
            gold = form_to_gold.get(_key_form(m.text))
            if gold is not None:
                items.append((gold, m.entity_key))
    tp = fp = fn = 0
    for (g1, s1), (g2, s2) in combinations(items, 2):
        if g1 == g2 and s1 == s2:
            tp += 1
        elif s1 == s2:
            fp += 1
        elif g1 == g2:
            fn += 1
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    names = {e.id: e for e in entities}
    print(
        f"\nalias merging on {len(articles)} articles: {len(items)} keyed mentions of "
        f"{len(set(g for g, _ in items))} key entities; {len(entities)} entities in all"
    )
    split: dict[str, Counter[str]] = {}
    for gold, sid in items:
        split.setdefault(gold, Counter())[names[sid].name if sid in names else sid] += 1
    for gold, counts in sorted(split.items(), key=lambda kv: -sum(kv[1].values())):
        parts = ", ".join(f"{n} ×{c}" for n, c in counts.most_common())
        print(f"  {gold}: {parts}")
    print("\nmost mentioned entities:")
    for e in entities[:15]:
        print(f"  {e.mentions:4d}  {e.name} [{e.type}] {_norm(e.country)} {_norm(e.sector)}")
    print(f"\npairwise merges: precision {p:.3f}, recall {r:.3f}")
    return p, r, f


def main(argv: list[str]) -> int:
    shared = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared"
    if not shared.exists():
        print(f"shared data not available: {shared}; nothing to evaluate")
        return 0
    country_acc, sector_acc, n = eval_coding(shared)
    _, _, f1 = eval_merging(shared)
    print(f"\ncoding sample size: {n} phrases")
    print(f"country accuracy: {country_acc:.3f}")
    print(f"sector accuracy: {sector_acc:.3f}")
    print(f"alias merge F1: {f1:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
