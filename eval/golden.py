"""Golden end-to-end evaluation: hand-annotated fictional stories scored as a whole.

Usage::

    .venv/bin/python eval/golden.py [DIR] [--errors]

DIR (default ``eval/data/golden``) holds the inputs (every ``*.txt`` and ``*.jsonl``
file: a wire dump and a feed) and ``expected.json``, the annotation written by hand
before the system was run (its ``_conventions`` say what was annotated and how). The
inputs are ingested into a temporary SQLite database through the library
(:func:`dateline.ingest.ingest_paths`, then :func:`dateline.pipeline.analyze`); quotes
and events are read back from the store, time expressions and quantities (which the
store does not keep) come from :func:`dateline.pipeline.analyze_article` on the stored
articles. Needs nothing outside the repository and runs in seconds.

Matching rules:

* An expected article is the stored article with the same headline (case and spacing
  ignored); a stored article without expectations is ignored.
* **metadata** — each expected field (authors, dateline, published, source, credits,
  sections; not the title, which is how the article is found: an article the splitter
  did not find with that headline fails every field) is right or wrong; names
  compare case-insensitively, authors
  and credit names as sets, credit roles with spaces or underscores alike.
  ``metadata accuracy`` = right fields / expected fields. Where the text allows more than
  one reading, the annotation lists them (a publication date, a TIMEX3 value) and any
  of them is right.
* Every other expectation has a snippet (``text``, or ``trigger`` for events), located
  in the article text (inside ``context`` when given; curly quotes count as straight,
  case is ignored). A system record matches it when the snippet's span lies inside
  the record's span (date, quantity or quote content, event trigger) or the record's
  span inside the snippet's, and the key fields agree:

  - **dates**: the TIMEX3 value is equal;
  - **quotes**: the speaker (pronouns resolved by the system) contains the expected
    speaker or is contained in it, as whole words, a leading "the" ignored;
  - **quantities**: the value is equal (``value+unit`` also wants the expected unit
    word inside the system's unit or counted phrase);
  - **events**: the PLOVER type is equal, CONCEDE and RETREAT counting as one family
    (YIELD) as in ``eval/events.py`` and the story dedup (``events+modality`` also
    wants the modality).

  Matching is one to one and greedy: among the candidate pairs, those that also
  agree on the secondary fields (quote kind, quantity unit, event modality, source
  and target) are taken first.
* Precision counts the system records of the articles that have expectations of that
  kind, so every extra record there is an error (the system's extra events included);
  a quantity whose span lies within or around an expected time expression ("48 hours") is
  neither rewarded nor counted as an extra.

Prints which event pair classifier ran (``pair classifier: fine-tuned …`` with the
``embed`` extra, else ``sparse``), a table of gold/system/matched counts with P/R/F1
per kind, the agreement of secondary fields among matches, with ``--errors`` every
miss and extra, and ends with the headline figures, one ``name: value`` line each.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.extract._event_classifier import load_pair_typer
from dateline.ingest import ingest_paths
from dateline.models import Article, ArticleAnalysis, Event, Quote
from dateline.nlp import load_pipeline
from dateline.pipeline import analyze, analyze_article, dump_references
from dateline.store import Store

HERE = Path(__file__).resolve().parent
DEFAULT_DIR = HERE / "data" / "golden"
INPUT_SUFFIXES = (".txt", ".jsonl")
KINDS = ("dates", "quotes", "quantities", "events")
_STRAIGHT = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


# ---------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower case with straight quotes, one character for one (offsets are kept)."""
    out = []
    for ch in text.translate(_STRAIGHT):
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
    return "".join(out)


def phrase(text: str | None) -> str:
    """A name or phrase for comparison: folded, spaces collapsed, leading "the" dropped."""
    words = fold(text or "").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def words_overlap(a: str | None, b: str | None) -> bool:
    """One phrase contains the other as whole words (both non-empty)."""
    x, y = phrase(a), phrase(b)
    if not x or not y:
        return False
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    return re.search(rf"(?<!\w){re.escape(short)}(?!\w)", long) is not None


def occurrences(text: str, snippet: str) -> list[int]:
    """Start offsets of ``snippet`` in ``text`` (both folded by the caller)."""
    starts = []
    at = text.find(snippet)
    while at >= 0 and snippet:
        starts.append(at)
        at = text.find(snippet, at + 1)
    return starts


# ---------------------------------------------------------------------------
# Records to match
# ---------------------------------------------------------------------------


@dataclass
class Gold:
    """One expectation, with the spans of the text where its snippet occurs."""

    article: str
    show: str
    spans: list[tuple[int, int]]
    attrs: dict[str, Any]


@dataclass
class Found:
    """One system record reduced to its span and the fields scoring compares."""

    article: str
    show: str
    start: int
    end: int
    attrs: dict[str, Any]


@dataclass
class Result:
    """The outcome of matching one kind."""

    gold: int = 0
    system: int = 0
    pairs: list[tuple[Gold, Found]] = field(default_factory=list)
    misses: list[Gold] = field(default_factory=list)
    extras: list[Found] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return len(self.pairs) / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return len(self.pairs) / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def locate(text: str, item: dict[str, Any], key: str) -> list[tuple[int, int]]:
    """The spans of the expectation's snippet, within its ``context`` when given."""
    body, snippet = fold(text), fold(item[key])
    context = fold(item.get("context") or item[key])
    spans = []
    for c in occurrences(body, context):
        for s in occurrences(body[c : c + len(context)], snippet):
            spans.append((c + s, c + s + len(snippet)))
    return spans


def inside(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return b[0] <= a[0] and a[1] <= b[1]


def same_place(gold: Gold, found: Found) -> bool:
    """The snippet lies within the record's span, or the record's within the snippet's."""
    span = (found.start, found.end)
    return any(inside(g, span) or inside(span, g) for g in gold.spans)


Agree = Callable[[Gold, Found], bool]


def match(golds: list[Gold], founds: list[Found], key: Agree, prefer: Agree) -> Result:
    """One-to-one greedy matching; pairs that also agree on ``prefer`` are taken first."""
    candidates = [
        (not prefer(g, f), i, j)
        for i, g in enumerate(golds)
        for j, f in enumerate(founds)
        if g.article == f.article and same_place(g, f) and key(g, f)
    ]
    used_g: set[int] = set()
    used_f: set[int] = set()
    result = Result(gold=len(golds), system=len(founds))
    for _, i, j in sorted(candidates):
        if i in used_g or j in used_f:
            continue
        used_g.add(i)
        used_f.add(j)
        result.pairs.append((golds[i], founds[j]))
    result.misses = [g for i, g in enumerate(golds) if i not in used_g]
    result.extras = [f for j, f in enumerate(founds) if j not in used_f]
    return result


# ---------------------------------------------------------------------------
# Running the system
# ---------------------------------------------------------------------------


@dataclass
class SystemOutput:
    """What Dateline made of the inputs, by article headline."""

    articles: dict[str, Article]
    analyses: dict[str, ArticleAnalysis]
    quotes: dict[str, list[Quote]]
    events: dict[str, list[Event]]
    rejected: list[str]


def input_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.iterdir() if p.suffix in INPUT_SUFFIXES)


def title_key(title: str | None) -> str:
    return " ".join(fold(title or "").split())


def run_system(directory: Path, db: Path) -> SystemOutput:
    """Ingest and analyse the inputs into ``db``; read back every record."""
    with Store.open(db) as store:
        report = ingest_paths(input_files(directory), store)
        analyze(store)
        articles = {title_key(a.title): a for a in store.iter_articles()}
        references = dump_references(articles.values())
        nlp = load_pipeline()
        analyses = {}
        for key, art in articles.items():
            reference = references.get(art.origin.rsplit("#", 1)[0])
            analyses[key] = analyze_article(art, nlp(art.text), reference)
        quotes = {k: store.load_quotes(a.id) for k, a in articles.items()}
        events = {k: store.load_events(a.id) for k, a in articles.items()}
    return SystemOutput(articles, analyses, quotes, events, [str(r) for r in report.rejected])


# ---------------------------------------------------------------------------
# Expectations and system records of one kind
# ---------------------------------------------------------------------------

SNIPPET = {"dates": "text", "quotes": "text", "quantities": "text", "events": "trigger"}


def gold_records(expected: list[dict[str, Any]], out: SystemOutput, kind: str) -> list[Gold]:
    golds = []
    for art in expected:
        if kind not in art:
            continue
        key = title_key(art["metadata"]["title"])
        stored = out.articles.get(key)
        for item in art[kind]:
            spans = locate(stored.text, item, SNIPPET[kind]) if stored else []
            if stored and not spans:
                print(f"warning: {kind} snippet not in text: {item}", file=sys.stderr)
            golds.append(Gold(key, show_gold(kind, item), spans, item))
    return golds


def show_gold(kind: str, item: dict[str, Any]) -> str:
    if kind == "dates":
        value = item["value"]
        return f"{item['text']!r} = {' or '.join(value) if isinstance(value, list) else value}"
    if kind == "quotes":
        return f"[{item['kind']}] {item['speaker']}: {item['text']!r}"
    if kind == "quantities":
        return f"{item['text']!r} = {item['value']:g} {item.get('unit') or ''}".rstrip()
    source, target = (item.get(r) or "-" for r in ("source", "target"))
    source = " | ".join(source) if isinstance(source, list) else source
    return f"{item['type']}/{item['modality']} {item['trigger']!r} ({source} -> {target})"


def found_dates(key: str, out: SystemOutput) -> list[Found]:
    return [
        Found(key, f"{t.text!r} = {t.value}", t.start, t.end, {"value": t.value})
        for t in out.analyses[key].times
    ]


def found_quotes(key: str, out: SystemOutput) -> list[Found]:
    return [
        Found(
            key,
            f"[{q.kind}] {q.speaker or '-'}: {q.text[:70]!r}",
            q.start,
            q.end,
            {"speaker": q.speaker, "kind": q.kind},
        )
        for q in out.quotes[key]
    ]


def found_quantities(key: str, out: SystemOutput, dates: list[Gold]) -> list[Found]:
    founds = []
    for q in out.analyses[key].quantities:
        unit = " ".join(x for x in (q.unit, q.unit_normalized, q.what) if x)
        show = f"{q.text!r} = {q.value:g} {q.unit or ''}".rstrip()
        found = Found(key, show, q.start, q.end, {"value": q.value, "unit": unit})
        if not any(d.article == key and same_place(d, found) for d in dates):
            founds.append(found)
    return founds


def found_events(key: str, out: SystemOutput) -> list[Found]:
    return [
        Found(
            key,
            f"{e.type}/{e.modality} {e.trigger!r} ({e.source.text if e.source else '-'} -> "
            f"{e.target.text if e.target else '-'})",
            e.trigger_start,
            e.trigger_end,
            {
                "type": e.type,
                "modality": e.modality,
                "source": e.source.text if e.source else None,
                "target": e.target.text if e.target else None,
            },
        )
        for e in out.events[key]
    ]


def system_records(
    expected: list[dict[str, Any]], out: SystemOutput, kind: str, dates: list[Gold]
) -> list[Found]:
    """The system's records of ``kind`` in the articles that have such expectations."""
    founds: list[Found] = []
    for art in expected:
        key = title_key(art["metadata"]["title"])
        if kind not in art or key not in out.articles:
            continue
        if kind == "dates":
            founds += found_dates(key, out)
        elif kind == "quotes":
            founds += found_quotes(key, out)
        elif kind == "quantities":
            founds += found_quantities(key, out, dates)
        else:
            founds += found_events(key, out)
    return founds


# ---------------------------------------------------------------------------
# Key and secondary agreement per kind
# ---------------------------------------------------------------------------


def same_value(g: Gold, f: Found) -> bool:
    if isinstance(g.attrs["value"], list):
        return f.attrs["value"] in g.attrs["value"]
    if isinstance(g.attrs["value"], str):
        return bool(g.attrs["value"] == f.attrs["value"])
    return abs(float(g.attrs["value"]) - float(f.attrs["value"])) < 1e-6 * max(
        1.0, abs(float(g.attrs["value"]))
    )


def unit_agrees(g: Gold, f: Found) -> bool:
    unit = g.attrs.get("unit")
    if not unit:
        return True
    if unit == "$":
        return (
            "$" in f.attrs["unit"]
            or words_overlap("usd", f.attrs["unit"])
            or ("dollar" in fold(f.attrs["unit"]))
        )
    return fold(unit) in fold(f.attrs["unit"])


def value_and_unit(g: Gold, f: Found) -> bool:
    return same_value(g, f) and unit_agrees(g, f)


def same_speaker(g: Gold, f: Found) -> bool:
    return words_overlap(g.attrs["speaker"], f.attrs["speaker"])


def same_kind(g: Gold, f: Found) -> bool:
    return bool(g.attrs["kind"] == f.attrs["kind"])


FAMILY = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}


def same_type(g: Gold, f: Found) -> bool:
    want, got = g.attrs["type"], f.attrs["type"]
    return bool(FAMILY.get(want, want) == FAMILY.get(got, got))


def same_modality(g: Gold, f: Found) -> bool:
    return bool(g.attrs["modality"] == f.attrs["modality"])


def actor_agrees(g: Gold, f: Found, role: str) -> bool:
    """An expected source/target (when given; a list names alternatives, such as a
    pronoun and its referent) overlaps the system's as whole words."""
    want = g.attrs.get(role)
    if not want:
        return True
    return any(
        words_overlap(w, f.attrs[role]) for w in (want if isinstance(want, list) else [want])
    )


def actors_agree(g: Gold, f: Found) -> bool:
    return actor_agrees(g, f, "source") and actor_agrees(g, f, "target")


def type_and_modality(g: Gold, f: Found) -> bool:
    return same_type(g, f) and same_modality(g, f)


def event_details(g: Gold, f: Found) -> bool:
    return same_modality(g, f) and actors_agree(g, f)


def always(g: Gold, f: Found) -> bool:
    return True


# ---------------------------------------------------------------------------
# Metadata
# ---------------------------------------------------------------------------


def names(values: Iterable[str]) -> list[str]:
    return sorted(phrase(v) for v in values)


def credits_form(credits: dict[str, list[str]]) -> dict[str, list[str]]:
    return {re.sub(r"[\s_]+", "_", k.strip().lower()): names(v) for k, v in credits.items()}


def metadata_value(art: Article, name: str) -> Any:
    """The stored article's field in the comparable form."""
    if name == "title":
        return title_key(art.title)
    if name == "authors":
        return names(art.authors)
    if name == "published":
        return art.published.isoformat() if art.published else None
    if name == "credits":
        return credits_form(art.credits)
    if name == "sections":
        return [phrase(s.heading) for s in art.sections]
    return phrase(getattr(art, name))


def expected_value(name: str, value: Any) -> Any:
    """An expected field in the comparable form."""
    if name == "title":
        return title_key(value)
    if name == "authors":
        return names(value)
    if name == "credits":
        return credits_form(value)
    if name == "sections":
        return [phrase(s) for s in value]
    if name == "published":
        return value if isinstance(value, list) else [value]
    return phrase(value)


@dataclass
class MetadataScore:
    right: int = 0
    total: int = 0
    errors: list[str] = field(default_factory=list)
    by_field: dict[str, list[int]] = field(default_factory=dict)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0


def score_metadata(expected: list[dict[str, Any]], out: SystemOutput) -> MetadataScore:
    score = MetadataScore()
    for art in expected:
        meta = art["metadata"]
        stored = out.articles.get(title_key(meta["title"]))
        for name, value in meta.items():
            if name.startswith("_") or name == "title":
                continue  # the title finds the article: an unfound one fails every field
            want = expected_value(name, value)
            got = metadata_value(stored, name) if stored else "<article not found>"
            ok = got in want if name == "published" else want == got
            tally = score.by_field.setdefault(name, [0, 0])
            tally[0] += ok
            tally[1] += 1
            score.right += ok
            score.total += 1
            if not ok:
                score.errors.append(
                    f"{meta['title'][:40]} | {name}: expected {want!r}, got {got!r}"
                )
    return score


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Detail:
    """A secondary field checked among the matches of one kind."""

    kind: str
    attr: str
    agree: Agree


DETAILS = {
    "quote kind": Detail("quotes", "kind", same_kind),
    "quantity unit": Detail("quantities", "unit", unit_agrees),
    "event modality": Detail("events", "modality", same_modality),
    "event source": Detail("events", "source", lambda g, f: actor_agrees(g, f, "source")),
    "event target": Detail("events", "target", lambda g, f: actor_agrees(g, f, "target")),
}


@dataclass
class Scores:
    metadata: MetadataScore
    results: dict[str, Result]


def score_all(expected: list[dict[str, Any]], out: SystemOutput) -> Scores:
    golds = {kind: gold_records(expected, out, kind) for kind in KINDS}
    founds = {kind: system_records(expected, out, kind, golds["dates"]) for kind in KINDS}
    results = {
        "dates": match(golds["dates"], founds["dates"], same_value, always),
        "quotes": match(golds["quotes"], founds["quotes"], same_speaker, same_kind),
        "quantities": match(golds["quantities"], founds["quantities"], same_value, unit_agrees),
        "quantities value+unit": match(
            golds["quantities"], founds["quantities"], value_and_unit, always
        ),
        "events": match(golds["events"], founds["events"], same_type, event_details),
        "events+modality": match(
            golds["events"], founds["events"], type_and_modality, actors_agree
        ),
    }
    return Scores(score_metadata(expected, out), results)


def checked_pairs(scores: Scores, detail: Detail) -> list[tuple[Gold, Found]]:
    """The matches of the detail's kind whose expectation gives the detail's field."""
    return [(g, f) for g, f in scores.results[detail.kind].pairs if g.attrs.get(detail.attr)]


def print_table(scores: Scores) -> None:
    print(f"{'kind':<24}{'gold':>6}{'system':>8}{'match':>7}{'P':>8}{'R':>7}{'F1':>7}")
    for name, r in scores.results.items():
        print(
            f"{name:<24}{r.gold:>6}{r.system:>8}{len(r.pairs):>7}"
            f"{r.precision:>8.3f}{r.recall:>7.3f}{r.f1:>7.3f}"
        )
    meta = scores.metadata
    fields = ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in meta.by_field.items())
    print(f"metadata fields right {meta.right}/{meta.total} ({fields})")
    for label, detail in DETAILS.items():
        pairs = checked_pairs(scores, detail)
        ok = sum(detail.agree(g, f) for g, f in pairs)
        print(f"among matched {detail.kind}, {label} agrees in {ok} of {len(pairs)}")


def print_errors(scores: Scores) -> None:
    print("\nmetadata errors")
    for line in scores.metadata.errors:
        print(f"  {line}")
    for name, r in scores.results.items():
        print(f"\n{name}: {len(r.misses)} missed, {len(r.extras)} extra")
        for g in r.misses:
            print(f"  MISS  {g.article[:32]:<32} {g.show}")
        for f in r.extras:
            print(f"  EXTRA {f.article[:32]:<32} {f.show}")
    for label, detail in DETAILS.items():
        wrong = [(g, f) for g, f in checked_pairs(scores, detail) if not detail.agree(g, f)]
        print(f"\n{label} differs in {len(wrong)} matched {detail.kind}")
        for g, f in wrong:
            print(f"  DIFF  {g.article[:32]:<32} {g.show}\n        {'':<32} {f.show}")


def print_headline(scores: Scores) -> None:
    r = scores.results
    print(f"golden metadata accuracy: {scores.metadata.accuracy:.3f}")
    print(f"golden dates F1: {r['dates'].f1:.3f}")
    print(f"golden quotes F1: {r['quotes'].f1:.3f}")
    print(f"golden quantities F1: {r['quantities'].f1:.3f}")
    print(f"golden events F1: {r['events'].f1:.3f}")
    print(f"golden events+modality F1: {r['events+modality'].f1:.3f}")


def pair_classifier() -> str:
    """Which event pair classifier ran (the figures differ without the ``embed`` extra)."""
    typer = load_pair_typer()
    return f"fine-tuned MiniLM ({typer.size} seeds)" if typer else "sparse"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--errors", action="store_true", help="list misses and extras")
    args = parser.parse_args(argv)
    expected = json.loads((args.dir / "expected.json").read_text(encoding="utf-8"))["articles"]
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        out = run_system(args.dir, Path(tmp) / "golden.db")
    for line in out.rejected:
        print(f"warning: rejected {line}", file=sys.stderr)
    for art in expected:
        if title_key(art["metadata"]["title"]) not in out.articles:
            print(f"warning: no stored article is {art['metadata']['title']!r}", file=sys.stderr)
    scores = score_all(expected, out)
    took = time.perf_counter() - began
    print(f"{len(out.articles)} articles stored, {len(expected)} annotated, {took:.1f} s")
    print(f"pair classifier: {pair_classifier()}")
    print_table(scores)
    if args.errors:
        print_errors(scores)
    print()
    print_headline(scores)
    return 0


if __name__ == "__main__":
    sys.exit(main())
