"""Throughput of the analysis stage, and where its time goes.

Usage: python bench/analyze_throughput.py [CORPUS] [--repeat N]

Ingests CORPUS (default ../shared/corpus) into a temporary database without
analysis, then times, per article: the spaCy parse and each extractor (times,
mentions, quotes, quantities+claims, events) as the pipeline runs them, and
finally the whole ``analyze`` call including the store writes and the corpus layer.
Prints seconds per stage, each stage's share of the parse time, and throughput as
``articles/s`` and ``words/s``. Skips with a message when the corpus is absent.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from dateline.extract.actors import extract_mentions
from dateline.extract.claims import extract_claims
from dateline.extract.events import extract_events
from dateline.extract.quantities import extract_quantities
from dateline.extract.quotes import extract_quotes
from dateline.extract.time import tag_times
from dateline.ingest import IngestOptions, ingest_paths
from dateline.nlp import load_pipeline
from dateline.pipeline import analyze
from dateline.store import Store

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared/corpus"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=1, help="Time each stage N times.")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"skipped: corpus not found at {args.corpus} (../shared is absent)")
        return 0
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "b.db") as store:
        ingest_paths([str(args.corpus)], store, IngestOptions())
        articles = list(store.iter_articles())
        nlp = load_pipeline()
        nlp("warm up")
        spent: dict[str, float] = defaultdict(float)
        words = sum(a.n_words for a in articles) * args.repeat
        for _ in range(args.repeat):
            for art in articles:
                t0 = time.perf_counter()
                doc = nlp(art.text)
                t1 = time.perf_counter()
                times = tag_times(art.text, art.published, doc)
                t2 = time.perf_counter()
                mentions = extract_mentions(doc)
                t3 = time.perf_counter()
                quotes = extract_quotes(doc)
                t4 = time.perf_counter()
                quantities = extract_quantities(art.text, doc)
                extract_claims(quantities, quotes, doc, art.published, art.source)
                t5 = time.perf_counter()
                extract_events(
                    doc,
                    article_id=art.id,
                    published=art.published,
                    times=times,
                    mentions=mentions,
                    quotes=quotes,
                )
                t6 = time.perf_counter()
                for name, a, b in (
                    ("parse", t0, t1),
                    ("times", t1, t2),
                    ("mentions", t2, t3),
                    ("quotes", t3, t4),
                    ("claims", t4, t5),
                    ("events", t5, t6),
                ):
                    spent[name] += b - a
        t0 = time.perf_counter()
        analyze(store, force=True)
        whole = time.perf_counter() - t0
    parse = spent["parse"]
    print(f"articles: {len(articles)} x {args.repeat}, words: {words}")
    for name, secs in spent.items():
        print(f"  {name:9s} {secs:7.3f} s   {secs / parse:5.2f} x parse")
    extractors = sum(v for k, v in spent.items() if k != "parse")
    print(f"extractor overhead: {extractors / parse:.2f}")
    print(f"analyze (store + corpus layer) articles/s: {len(articles) / whole:.2f}")
    print(f"stages words/s: {words / sum(spent.values()):.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
