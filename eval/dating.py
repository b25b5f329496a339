"""Publication-date inference on PolNeAR with metadata.tsv's dates withheld.

Usage: python eval/dating.py [PATH] [--calibrate]

PATH is the PolNeAR folder (its train/ and dev/ splits are scored) or one split
folder holding text/*.txt; metadata.tsv is looked up in PATH or its parent.
Default: ../shared/bench/polnear. ``--calibrate`` prints, per evidence tier,
how often the exact day is right when every tier answers (used to set the
confidences in dateline.dating.TIERS — measure on train, report on dev).
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

from dateline import dating
from dateline.models import RawArticle

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "polnear"


def _metadata(path: Path) -> dict[str, date]:
    for folder in (path, path.parent):
        meta = folder / "metadata.tsv"
        if meta.exists():
            with meta.open(encoding="utf-8") as fh:
                return {
                    r["filename"]: date.fromisoformat(r["publication_date"])
                    for r in csv.DictReader(fh, delimiter="\t")
                    if r.get("publication_date", "").strip()
                }
    sys.exit(f"no metadata.tsv in {path} or its parent")


def _splits(path: Path) -> list[Path]:
    if (path / "text").is_dir():
        return [path]
    found = [p for p in (path / "train", path / "dev") if (p / "text").is_dir()]
    if not found:
        sys.exit(f"no PolNeAR text/ folder under {path}")
    return found


def _article(file: Path) -> RawArticle:
    title, _, body = file.read_text(encoding="utf-8").partition("\n")
    return RawArticle(text=body.strip(), origin=str(file), title=title.strip())


def score(split: Path, gold: dict[str, date], calibrate: bool) -> Counter[str]:
    counts: Counter[str] = Counter()
    tiers: dict[str, Counter[str]] = defaultdict(Counter)
    for file in sorted((split / "text").glob("*.txt")):
        truth = gold.get(file.stem)
        if truth is None:
            continue
        counts["articles"] += 1
        raw = _article(file)
        if calibrate:
            ev = dating.collect_evidence(raw.text, dating._tag(raw.text))
            guess = dating.infer_publication_date(ev, min_confidence=0.0)
            if guess.value is not None:
                tiers[guess.evidence]["n"] += 1
                tiers[guess.evidence]["exact"] += guess.value == truth
        (result,) = dating.date_articles([raw])
        if result.value is None:
            continue
        off = abs((result.value - truth).days)
        counts["answered"] += 1
        counts["exact"] += off == 0
        counts["within1"] += off <= 1
        counts["within7"] += off <= 7
    for tier, c in sorted(tiers.items()):
        print(f"  tier {tier:28s} n={c['n']:4d} exact={c['exact'] / c['n']:.3f}")
    return counts


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    calibrate = "--calibrate" in argv
    path = Path(args[0]) if args else DEFAULT
    if not path.exists():
        sys.exit(f"PolNeAR data not found at {path}; pass its path as the first argument")
    gold = _metadata(path)
    total: Counter[str] = Counter()
    for split in _splits(path):
        c = score(split, gold, calibrate)
        answered = c["answered"]
        print(
            f"{split.name}: {c['articles']} articles, "
            f"coverage {_ratio(answered, c['articles']):.3f}, "
            f"exact {_ratio(c['exact'], answered):.3f}, "
            f"±1 {_ratio(c['within1'], answered):.3f}, ±7 {_ratio(c['within7'], answered):.3f}"
        )
        total.update(c)
    print(f"articles: {total['articles']}")
    print(f"coverage: {_ratio(total['answered'], total['articles']):.3f}")
    print(f"exact-day accuracy: {_ratio(total['exact'], total['answered']):.3f}")
    print(f"±1-day accuracy: {_ratio(total['within1'], total['answered']):.3f}")
    print(f"±7-day accuracy: {_ratio(total['within7'], total['answered']):.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
