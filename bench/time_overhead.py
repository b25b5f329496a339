"""How much time does temporal tagging add to spaCy parsing?

Usage: python bench/time_overhead.py [CORPUS]

Parses the articles of ../shared/corpus/iran-us-crisis-2020.txt (split on blank lines
into chunks of 20 paragraphs) with ``dateline.nlp.load_pipeline()``, then tags each
chunk with ``tag_times`` (given the parse, as the pipeline will), and prints spaCy
seconds, tagger seconds and their ratio, last as ``tagging overhead: <ratio>``.
Skips with a message when ../shared is absent.
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

from dateline.extract.time import tag_times
from dateline.nlp import load_pipeline

DEFAULT_CORPUS = (
    Path(__file__).resolve().parents[1].parent / "shared/corpus/iran-us-crisis-2020.txt"
)
CHUNK_PARAGRAPHS = 20
ANCHOR = date(2020, 1, 8)


def chunks(text: str, size: int = CHUNK_PARAGRAPHS) -> list[str]:
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return ["\n\n".join(paragraphs[i : i + size]) for i in range(0, len(paragraphs), size)]


def main(argv: list[str]) -> int:
    corpus = Path(argv[0]) if argv else DEFAULT_CORPUS
    if not corpus.is_file():
        print(f"skipped: corpus not found at {corpus} (../shared is absent)")
        return 0
    parts = chunks(corpus.read_text(encoding="utf-8"))
    nlp = load_pipeline()
    nlp("warm up")
    tag_times("warm up on Friday", ANCHOR)

    t0 = time.perf_counter()
    docs = [nlp(p) for p in parts]
    spacy_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    n = sum(len(tag_times(p, ANCHOR, d)) for p, d in zip(parts, docs, strict=True))
    tagger_s = time.perf_counter() - t0

    print(f"chunks: {len(parts)}  characters: {sum(map(len, parts))}  expressions: {n}")
    print(f"spaCy seconds: {spacy_s:.3f}")
    print(f"tagger seconds: {tagger_s:.3f}")
    print(f"tagging overhead: {tagger_s / spacy_s:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
