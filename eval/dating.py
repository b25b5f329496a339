"""Publication-date inference: PolNeAR with metadata.tsv's dates withheld, or the shared corpus.

Usage:
    python eval/dating.py [PATH] [--calibrate] [--dumps week|month]
    python eval/dating.py --corpus [CORPUS] [--key KEY]

PolNeAR mode: PATH is the PolNeAR folder (its train/ and dev/ splits are scored
separately) or one split folder holding text/*.txt; metadata.tsv is looked up in
PATH or its parent. Default: ../shared/bench/polnear. ``--calibrate`` also prints
per evidence tier how often the exact day is right when every tier answers, and
how often the lead's weekday is the publication weekday (the convention the
tiers rest on) — measure on train, report on dev, never tune on dev.
``--dumps week`` (or ``month``) scores the group inference instead: each split's
articles are pooled into pseudo-dumps by publisher-independent ISO week (or
month) of their true date — the grouping uses the withheld date only to decide
which stories travel together, as one user's dump would — and dated jointly.

Corpus mode: the dump (default ../shared/corpus/iran-us-crisis-2020.txt) is
split with the ingest reader, dated as one group, and scored against the
hand-written key (default eval/data/dating_corpus_key.json): exact where the key
has a date, inside the key's window for every answer. Windows: every story gets
Dateline's window (the answer's day when it answers, else earliest..latest of the
abstention; an open side counts as unbounded) and is scored against the key:
*correct* when it contains the key's date (key-dated stories) or lies within the
key's window (the others: it allows no day the key rules out); *covers* when it
contains the whole key window (it rules out no day the
text allows); widths in days (inclusive) over the finite windows.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

from dateline import dating
from dateline.ingest import read_input
from dateline.models import PublicationDate, RawArticle

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[0].parent / "shared"
DEFAULT = SHARED / "bench" / "polnear"
CORPUS = SHARED / "corpus" / "iran-us-crisis-2020.txt"
KEY = HERE / "data" / "dating_corpus_key.json"


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
    """First line as headline, the rest as body; as ingest reads it when it finds an
    agency dateline ("DALLAS (AP) —"), so wire stories are recognised as such."""
    found = read_input(file.read_bytes(), str(file)).articles
    if len(found) == 1 and found[0].agency and found[0].text.strip():
        return found[0]
    title, _, body = file.read_text(encoding="utf-8").partition("\n")
    return RawArticle(text=body.strip(), origin=str(file), title=title.strip())


def _calibrate(raw: RawArticle, truth: date, tiers: dict[str, Counter[str]]) -> None:
    ev = dating.evidence_for(raw.text, wire=raw.agency is not None)
    lead = ev.lead
    if lead is not None and lead.weekday is not None:
        name = f"(lead weekday = publication day, {'wire' if ev.wire else 'other'})"
        tiers[name]["n"] += 1
        tiers[name]["exact"] += truth.isoweekday() == lead.weekday
    guess = dating.infer_group([ev], min_confidence=0.0)[0]
    if guess.value is not None:
        tiers[guess.evidence]["n"] += 1
        tiers[guess.evidence]["exact"] += guess.value == truth


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
            _calibrate(raw, truth, tiers)
        (result,) = dating.date_articles([raw])
        _tally_window(counts, result, truth)
        if result.value is None:
            continue
        _tally(counts, result.value, truth)
    for tier, c in sorted(tiers.items()):
        print(f"  tier {tier:40s} n={c['n']:4d} exact={c['exact'] / c['n']:.3f}")
    return counts


def _tally(counts: Counter[str], answer: date, truth: date) -> None:
    off = abs((answer - truth).days)
    counts["answered"] += 1
    counts["exact"] += off == 0
    counts["within1"] += off <= 1
    counts["within7"] += off <= 7


def _tally_window(counts: Counter[str], result: PublicationDate, truth: date) -> None:
    """Abstentions with a window: does it hold the true day, and how wide is it."""
    if result.value is not None or (result.earliest is None and result.latest is None):
        return
    counts["windows"] += 1
    counts["window_holds"] += (result.earliest or date.min) <= truth <= (result.latest or date.max)
    if result.earliest is not None and result.latest is not None:
        counts["window_finite"] += 1
        counts["window_width"] += (result.latest - result.earliest).days + 1


def score_dumps(split: Path, gold: dict[str, date], unit: str) -> Counter[str]:
    """Date pseudo-dumps (stories of one week or month) jointly; count like score()."""
    dumps: dict[tuple[int, int], list[tuple[RawArticle, date]]] = defaultdict(list)
    for file in sorted((split / "text").glob("*.txt")):
        truth = gold.get(file.stem)
        if truth is not None:
            key = truth.isocalendar()[:2] if unit == "week" else (truth.year, truth.month)
            dumps[key].append((_article(file), truth))
    counts: Counter[str] = Counter()
    tiers: dict[str, Counter[str]] = defaultdict(Counter)
    for members in dumps.values():
        for raw in (r for r, _ in members):
            raw.group = "dump"
        results = dating.date_articles([r for r, _ in members])
        for (_, truth), result in zip(members, results, strict=True):
            counts["articles"] += 1
            _tally_window(counts, result, truth)
            if result.value is None:
                continue
            _tally(counts, result.value, truth)
            tiers[result.evidence]["n"] += 1
            tiers[result.evidence]["exact"] += result.value == truth
    print(f"  {len(dumps)} pseudo-dumps by {unit}")
    for tier, c in sorted(tiers.items()):
        print(f"  tier {tier:40s} n={c['n']:4d} exact={c['exact'] / c['n']:.3f}")
    return counts


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def polnear(path: Path, calibrate: bool, dumps: str | None = None) -> None:
    if not path.exists():
        sys.exit(f"PolNeAR data not found at {path}; pass its path as the first argument")
    gold = _metadata(path)
    total: Counter[str] = Counter()
    for split in _splits(path):
        c = score_dumps(split, gold, dumps) if dumps else score(split, gold, calibrate)
        answered = c["answered"]
        print(
            f"{split.name}: {c['articles']} articles, answered {answered}, "
            f"coverage {_ratio(answered, c['articles']):.3f}, "
            f"exact {_ratio(c['exact'], answered):.3f}, "
            f"±1 {_ratio(c['within1'], answered):.3f}, ±7 {_ratio(c['within7'], answered):.3f}"
        )
        total.update(c)
    print(f"articles: {total['articles']}")
    print(f"answered: {total['answered']}")
    print(f"coverage: {_ratio(total['answered'], total['articles']):.3f}")
    print(f"exact-day accuracy: {_ratio(total['exact'], total['answered']):.3f}")
    print(f"±1-day accuracy: {_ratio(total['within1'], total['answered']):.3f}")
    print(f"±7-day accuracy: {_ratio(total['within7'], total['answered']):.3f}")
    print(f"abstentions with a window: {total['windows']}")
    print(f"window holds the true day: {_ratio(total['window_holds'], total['windows']):.3f}")
    print(f"finite windows: {total['window_finite']}")
    width = _ratio(total["window_width"], total["window_finite"])
    print(f"mean finite window width (days): {width:.1f}")


def _norm(headline: str) -> str:
    return re.sub(r"\W+", " ", headline.lower().replace("’", "'")).strip()


def _mark(got: date | None, want: date | None, lo: date, hi: date) -> str:
    if got is None:
        return "-"
    if got == want:
        return "ok"
    return "in" if lo <= got <= hi and want is None else "WRONG"


def _window(result: PublicationDate) -> tuple[date | None, date | None]:
    if result.value is not None:
        return result.value, result.value
    return result.earliest, result.latest


def _score_window(
    c: Counter[str], got: tuple[date | None, date | None], want: date | None, key: tuple[date, date]
) -> str:
    lo, hi = got
    if lo is None and hi is None:
        return "no window"
    c["windows"] += 1
    lo_ok = lo if lo is not None else date.min
    hi_ok = hi if hi is not None else date.max
    inside = key[0] <= lo_ok and hi_ok <= key[1]
    correct = lo_ok <= want <= hi_ok if want is not None else inside
    covers = lo_ok <= key[0] and key[1] <= hi_ok
    c["window_correct"] += correct
    c["window_covers"] += covers
    c["window_contains_key_date"] += want is not None and lo_ok <= want <= hi_ok
    c["window_keyed"] += want is not None
    if lo is not None and hi is not None:
        c["finite"] += 1
        c["width"] += (hi - lo).days + 1
    else:
        c["open"] += 1
    width = f"{(hi - lo).days + 1}d" if lo is not None and hi is not None else "open"
    verdict = "correct" if correct else "covers" if covers else "WRONG"
    return f"window {lo or ''}..{hi or ''} ({width}) {verdict}"


def corpus(path: Path, key_path: Path) -> None:
    if not path.exists():
        sys.exit(f"corpus not found at {path}; pass its path after --corpus")
    key = {_norm(a["headline"]): a for a in json.loads(key_path.read_text("utf-8"))["articles"]}
    raws = read_input(path.read_bytes(), str(path)).articles
    c: Counter[str] = Counter(
        articles=len(raws), keyed=sum(a["date"] is not None for a in key.values())
    )
    for raw, result in zip(raws, dating.date_articles(raws), strict=True):
        entry = key.get(_norm(raw.title or ""))
        if entry is None:
            print(f"  ? no key entry for {raw.title!r}")
            c["unkeyed"] += 1
            continue
        lo, hi = (date.fromisoformat(d) for d in entry["window"])
        want = date.fromisoformat(entry["date"]) if entry["date"] else None
        got = result.value
        mark = _mark(got, want, lo, hi)
        wanted = entry["date"] or f"{lo}..{hi}"
        print(f"  {mark:5s} {got!s:10s} key {wanted:22s} {(raw.title or '')[:60]}")
        print(f"        {_score_window(c, _window(result), want, (lo, hi))}")
        print(f"        {result.evidence}")
        c["key_width"] += (hi - lo).days + 1
        if got is None:
            continue
        c["answered"] += 1
        c["in_window"] += lo <= got <= hi
        if want is not None:
            c["answered_keyed"] += 1
            c["exact"] += got == want
    print(f"articles: {c['articles']}")
    print(f"answered: {c['answered']}")
    print(f"coverage: {_ratio(c['answered'], c['articles']):.3f}")
    print(f"coverage of key-dated articles: {_ratio(c['answered_keyed'], c['keyed']):.3f}")
    print(f"exact-day accuracy (key-dated answers): {_ratio(c['exact'], c['answered_keyed']):.3f}")
    print(f"inside key window: {_ratio(c['in_window'], c['answered']):.3f}")
    print(f"windows: {c['windows']}")
    print(f"windows finite: {c['finite']}")
    print(f"window correct (contains key date / within key window): {c['window_correct']}")
    held, keyed = c["window_contains_key_date"], c["window_keyed"]
    print(f"window contains key date (key-dated): {held}/{keyed}")
    print(f"window covers key window: {c['window_covers']}")
    print(f"mean window width (finite, days): {_ratio(c['width'], c['finite']):.1f}")
    print(f"mean key window width (days): {_ratio(c['key_width'], c['articles']):.1f}")


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    if "--corpus" in argv:
        key = KEY
        if "--key" in argv:
            key = Path(argv[argv.index("--key") + 1])
            args.remove(str(key))
        corpus(Path(args[0]) if args else CORPUS, key)
        return
    dumps = None
    if "--dumps" in argv:
        dumps = argv[argv.index("--dumps") + 1]
        args.remove(dumps)
        if dumps not in ("week", "month"):
            sys.exit("--dumps takes week or month")
    polnear(Path(args[0]) if args else DEFAULT, "--calibrate" in argv, dumps)


if __name__ == "__main__":
    main(sys.argv[1:])
