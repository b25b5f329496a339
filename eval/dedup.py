"""Score cross-article event deduplication (``dateline.story.dedup``) against a hand key.

Usage::

    .venv/bin/python eval/dedup.py [CORPUS] [--key eval/data/dedup_key.tsv] [--show]

``CORPUS`` (default ``<workspace>/shared/corpus``) is ingested into a temporary
database and analysed with :func:`dateline.pipeline.analyze`; the extracted
events are merged into story events exactly as ``dateline timeline`` does.

The key (``eval/data/dedup_key.tsv``, tab-separated, ``#`` comments) names the
real-world happening of extracted events, one row per event pattern::

    happening   headline substring   sentence substring   type   [trigger substring]

An extracted event matches a row when the row's headline text occurs in its
article's headline, its sentence text occurs in the event sentence (both
case-insensitive, curly quotes folded), the type is equal (``*`` = any) and, when
the optional fifth column is given, it occurs in the event's trigger. Events
are identified this way, never by id, so the key survives re-extraction. The
first matching row wins. Rows with the same ``happening`` describe one happening;
a happening named ``-`` marks an event judged to be no real event (spurious),
left out of scoring.

Scores are pairwise over the keyed events: a pair is predicted-same when both
events are in one story event, gold-same when they share a happening.
Precision = correct same-pairs / predicted same-pairs; recall = correct /
gold same-pairs. Unkeyed events are counted, not scored; ``--show`` lists them
and every story event with its keyed members.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from dateline.ingest import IngestOptions, ingest_paths
from dateline.models import Event
from dateline.pipeline import analyze
from dateline.store import Store
from dateline.story.build import StoryData, load_story

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_KEY = ROOT / "eval" / "data" / "dedup_key.tsv"
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


@dataclass
class KeyRow:
    happening: str
    headline: str
    sentence: str
    type: str
    trigger: str = ""
    used: int = 0


def _fold(text: str | None) -> str:
    return " ".join((text or "").translate(_FOLD).lower().split())


def read_key(path: Path) -> list[KeyRow]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) not in (4, 5):
            raise SystemExit(f"{path}:{n}: expected 4 or 5 tab-separated fields, got {len(parts)}")
        trigger = _fold(parts[4]) if len(parts) == 5 else ""
        rows.append(KeyRow(parts[0], _fold(parts[1]), _fold(parts[2]), parts[3].upper(), trigger))
    return rows


def label_events(data: StoryData, key: list[KeyRow]) -> dict[str, str]:
    """Event id -> happening label, for events a key row matches."""
    titles = {a.id: _fold(a.title) for a in data.articles}
    labels = {}
    for ev in data.events:
        title, sentence = titles.get(ev.article_id or "", ""), _fold(ev.sentence)
        for row in key:
            if row.type not in ("*", ev.type) or row.headline not in title:
                continue
            if row.sentence in sentence and row.trigger in _fold(ev.trigger):
                labels[ev.id] = row.happening
                row.used += 1
                break
    return labels


@dataclass
class Scores:
    predicted: int = 0
    gold: int = 0
    correct: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def pairwise(story_of: dict[str, str], labels: dict[str, str]) -> Scores:
    scored = sorted(e for e, lab in labels.items() if lab != "-" and e in story_of)
    out = Scores()
    for a, b in combinations(scored, 2):
        same_pred = story_of[a] == story_of[b]
        same_gold = labels[a] == labels[b]
        out.predicted += same_pred
        out.gold += same_gold
        out.correct += same_pred and same_gold
    return out


def build(corpus: Path, db: Path) -> StoryData:
    with Store.open(db) as store:
        ingest_paths([str(corpus)], store, IngestOptions())
        analyze(store)
        return load_story(store)


def _describe(ev: Event, titles: dict[str, str]) -> str:
    return (f"{ev.type:9} {ev.modality:10} {ev.date or '-':10} "
            f"[{titles.get(ev.article_id or '', '')[:40]}] {ev.sentence[:110]}")  # fmt: skip


def show(data: StoryData, labels: dict[str, str]) -> None:
    titles = {a.id: a.title or "" for a in data.articles}
    events = {e.id: e for e in data.events}
    for s in data.stories:
        print(f"\n{s.id} {s.date} {s.modality} {s.summary[:120]}")
        for eid in s.event_ids:
            print(f"   {labels.get(eid, '?'):22} {_describe(events[eid], titles)}")


def main(argv: list[str]) -> None:
    args = list(argv)
    key_path = DEFAULT_KEY
    if "--key" in args:
        i = args.index("--key")
        key_path = Path(args[i + 1])
        del args[i : i + 2]
    show_all = "--show" in args
    args = [a for a in args if a != "--show"]
    corpus = Path(args[0]) if args else DEFAULT_CORPUS
    if not corpus.exists():
        raise SystemExit(f"corpus not found: {corpus}")
    key = read_key(key_path)
    with tempfile.TemporaryDirectory() as tmp:
        data = build(corpus, Path(tmp) / "dedup.db")
    labels = label_events(data, key)
    story_of = {eid: s.id for s in data.stories for eid in s.event_ids}
    scores = pairwise(story_of, labels)
    if show_all:
        show(data, labels)
    unused = [r for r in key if not r.used]
    for r in unused:
        print(f"key row matched no event: {r.happening} | {r.headline[:30]} | {r.sentence[:50]}")
    happenings = Counter(lab for lab in labels.values() if lab != "-")
    print(f"events: {len(data.events)}")
    print(f"story events: {len(data.stories)}")
    print(f"keyed events: {sum(happenings.values())} in {len(happenings)} happenings "
          f"({sum(1 for v in labels.values() if v == '-')} judged spurious)")  # fmt: skip
    print(f"key rows matched: {len(key) - len(unused)}/{len(key)}")
    print(f"gold same-happening pairs: {scores.gold}")
    print(f"predicted same-story pairs: {scores.predicted}")
    print(f"dedup pairwise precision: {scores.precision:.3f}")
    print(f"dedup pairwise recall: {scores.recall:.3f}")
    print(f"dedup pairwise F1: {scores.f1:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
