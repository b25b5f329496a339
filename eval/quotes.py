"""Score ``dateline.extract.quotes`` attribution on the PolNeAR dev split.

Usage::

    .venv/bin/python eval/quotes.py [DATA_DIR]

``DATA_DIR`` (default ``<workspace>/shared/bench/polnear/dev``) holds ``text/*.txt``
and BRAT ``attributions/*.ann`` files. Gold attributions are the ``E`` lines
(``Attribution`` / ``Attribution-no-source``) with their Source, Cue and Content
``T`` spans (edge whitespace trimmed); discontinuous spans (``s e;s e``) are
compared by their extent (first start to last end), the same convention our
records use for a quote split around its cue. Overlap matching uses the real gold pieces.

Predictions map a :class:`Quote` to content ``[start, end)``, source
``[speaker_start, speaker_end)`` and cue ``[cue_start, cue_end)``. Two mappings
follow PolNeAR's univocal annotation (each token in at most one attribution):
a ``direct-previous-paragraph`` quote is merged into the quote whose speaker it
continues (PolNeAR annotates it as more content of that attribution), and a
``partial`` quote lying inside another record's content is dropped (it is part
of that content). A colon right after a cue is added to the cue span ("said:"),
as PolNeAR annotates it.

Several annotators: some articles have one ``.ann`` per annotator (the suffix
after the last underscore). Each annotator file is scored against the same
predictions and the article's TP/FP/FN counts are the average over its
annotators, so every article weighs once.

Matching is one-to-one per role. "exact" = identical extents; "overlap" = at
least one shared character. The "speech" subset keeps gold attributions whose
cue contains a speech-verb lemma from ``dateline/data/cues.txt`` and predictions
whose cue verb is one.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from dateline.extract._quote_lexicon import speech_lemmas
from dateline.extract.quotes import extract_quotes
from dateline.models import Quote
from dateline.nlp import load_pipeline

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared/bench/polnear/dev"
ROLES = ("source", "cue", "content")
Spans = list[tuple[int, int]]


@dataclass
class Attr:
    """One attribution (gold or predicted) as span lists per role."""

    source: Spans = field(default_factory=list)
    cue: Spans = field(default_factory=list)
    content: Spans = field(default_factory=list)
    speech: bool = False
    label: str = ""  # gold: cue text; predicted: rule

    def get(self, role: str) -> Spans:
        spans: Spans = getattr(self, role)
        return spans


def extent(spans: Spans) -> tuple[int, int]:
    return min(s for s, _ in spans), max(e for _, e in spans)


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    """Gold pieces sometimes carry edge whitespace; it is not part of the span."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def read_ann(path: Path, text: str = "") -> list[Attr]:
    spans: dict[str, tuple[str, Spans]] = {}
    events: list[tuple[str, dict[str, str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            label, _, offs = parts[1].partition(" ")
            pieces = [tuple(map(int, p.split())) for p in offs.split(";")]
            trimmed = [_strip(text, a, b) if text else (a, b) for a, b in pieces]
            spans[parts[0]] = (label, trimmed)
        elif line.startswith("E"):
            parts = line.split("\t")
            args = dict(a.split(":", 1) for a in parts[1].split())
            events.append((parts[0], args))
    out: list[Attr] = []
    for _, args in events:
        kind = next(iter(args))
        if not kind.startswith("Attribution"):
            continue
        a = Attr()
        for role in ROLES:
            tid = args.get(role.capitalize())
            if tid in spans:
                setattr(a, role, list(spans[tid][1]))
        if a.content or a.cue:
            out.append(a)
    return out


def predicted(quotes: list[Quote], text: str = "") -> list[Attr]:
    out: list[Attr] = []
    by_speaker: dict[tuple[int | None, int | None], Attr] = {}
    contents = [(q.start, q.end) for q in quotes if q.kind != "partial"]
    for q in sorted(quotes, key=lambda x: x.start):
        if q.kind == "partial" and any(
            a <= q.start and q.end <= b and (a, b) != (q.start, q.end) for a, b in contents
        ):
            continue
        key = (q.speaker_start, q.speaker_end)
        if q.rule == "direct-previous-paragraph" and key in by_speaker:
            by_speaker[key].content.append((q.start, q.end))
            continue
        a = Attr(content=[(q.start, q.end)], label=q.rule)
        if q.speaker_start is not None and q.speaker_end is not None:
            a.source = [(q.speaker_start, q.speaker_end)]
        if q.cue_start is not None and q.cue_end is not None:
            end = q.cue_end
            if text[end : end + 1] == ":":
                end += 1  # PolNeAR keeps an introducing colon with its cue ("said:")
            a.cue = [(q.cue_start, end)]
        out.append(a)
        if q.speaker_start is not None:
            by_speaker[key] = a
    return out


@dataclass
class Score:
    tp: float = 0.0
    fp: float = 0.0
    fn: float = 0.0

    def add(self, tp: float, fp: float, fn: float, w: float) -> None:
        self.tp += tp * w
        self.fp += fp * w
        self.fn += fn * w

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def match(gold: list[Spans], pred: list[Spans], exact: bool) -> tuple[list[int], list[int]]:
    """One-to-one matching; returns (matched gold flags, matched pred flags) as 0/1 lists."""
    gm = [0] * len(gold)
    pm = [0] * len(pred)
    if exact:
        index: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i, g in enumerate(gold):
            index[extent(g)].append(i)
        for j, p in enumerate(pred):
            cands = index.get(extent(p))
            if cands:
                gm[cands.pop()] = 1
                pm[j] = 1
        return gm, pm
    pairs = []
    for j, p in enumerate(pred):
        ps, pe = extent(p)
        for i, g in enumerate(gold):
            ov = sum(max(0, min(pe, ge) - max(ps, gs)) for gs, ge in g)
            if ov > 0:
                pairs.append((-ov, i, j))
    for _, i, j in sorted(pairs):
        if not gm[i] and not pm[j]:
            gm[i] = pm[j] = 1
    return gm, pm


def cue_is_speech(
    doc_tokens: list[tuple[int, int, str]], spans: Spans, lex: frozenset[str]
) -> bool:
    for s, e in spans:
        for ts, te, lemma in doc_tokens:
            if ts < e and te > s and lemma in lex:
                return True
    return False


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else DEFAULT
    tdir, adir = root / "text", root / "attributions"
    if not tdir.is_dir() or not adir.is_dir():
        print(f"PolNeAR data not found: expected {tdir} and {adir}", file=sys.stderr)
        return 2
    anns: dict[str, list[Path]] = defaultdict(list)
    for p in sorted(adir.glob("*.ann")):
        anns[p.stem.rsplit("_", 1)[0]].append(p)
    names = [n for n in sorted(anns) if (tdir / f"{n}.txt").exists()]
    if not names:
        print(f"no annotated articles under {root}", file=sys.stderr)
        return 2
    nlp = load_pipeline()
    lex = speech_lemmas()
    texts = [(tdir / f"{n}.txt").read_text(encoding="utf-8") for n in names]
    scores: dict[tuple[str, str, str], Score] = defaultdict(Score)
    missed: Counter[str] = Counter()
    spurious: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    n_gold = n_pred = 0
    for name, text, doc in zip(names, texts, nlp.pipe(texts, batch_size=8), strict=True):
        toks = [(t.idx, t.idx + len(t.text), t.lemma_.lower()) for t in doc]
        preds = predicted(extract_quotes(doc), text)
        for a in preds:
            a.speech = bool(a.cue) and cue_is_speech(toks, a.cue, lex)
        files = anns[name]
        w = 1.0 / len(files)
        n_pred += len(preds)
        for path in files:
            gold = read_ann(path, text)
            n_gold += len(gold) if path is files[0] else 0
            for g in gold:
                g.speech = bool(g.cue) and cue_is_speech(toks, g.cue, lex)
                g.label = " ".join(text[s:e] for s, e in g.cue).lower()
            for subset in ("all", "speech"):
                gs = [g for g in gold if subset == "all" or g.speech]
                ps = [p for p in preds if subset == "all" or p.speech]
                for role in ROLES:
                    gr = [g for g in gs if g.get(role)]
                    pr = [p for p in ps if p.get(role)]
                    for mode in ("exact", "overlap"):
                        gm, pm = match(
                            [g.get(role) for g in gr], [p.get(role) for p in pr], mode == "exact"
                        )
                        scores[(subset, role, mode)].add(
                            sum(pm), len(pm) - sum(pm), len(gm) - sum(gm), w
                        )
                        if subset == "all" and role == "source" and path is files[0]:
                            _errors(mode, text, gr, pr, gm, pm, missed, spurious, examples)
    _report(scores, missed, spurious, examples, len(names), n_gold, n_pred)
    return 0


def _snip(text: str, spans: Spans) -> str:
    s, e = extent(spans)
    return re.sub(r"\s+", " ", text[s:e])[:90]


def _errors(
    mode: str,
    text: str,
    gold: list[Attr],
    pred: list[Attr],
    gm: list[int],
    pm: list[int],
    missed: Counter[str],
    spurious: Counter[str],
    examples: dict[str, list[str]],
) -> None:
    if mode == "overlap":
        for g, ok in zip(gold, gm, strict=True):
            if not ok:
                kind = "missed source (speech cue)" if g.speech else "missed source (other cue)"
                missed[kind] += 1
                missed[f"  missed, cue={g.label}"] += 1
                examples[kind].append(f"{_snip(text, g.source)!r} cue={g.label!r}")
        for p, ok in zip(pred, pm, strict=True):
            if not ok:
                spurious[f"spurious source, rule={p.label}"] += 1
                examples["spurious source"].append(
                    f"{_snip(text, p.source)!r} [{p.label}] content={_snip(text, p.content)!r}"
                )
    else:
        gold_ext = {extent(g.source): g for g in gold}
        for p, ok in zip(pred, pm, strict=True):
            if ok:
                continue
            ps, pe = extent(p.source)
            near = [g for (gs, ge), g in gold_ext.items() if gs < pe and ge > ps]
            if near:
                spurious["boundary error (source overlaps, not exact)"] += 1
                examples["boundary"].append(
                    f"gold={_snip(text, near[0].source)!r} pred={_snip(text, p.source)!r}"
                )


def _report(
    scores: dict[tuple[str, str, str], Score],
    missed: Counter[str],
    spurious: Counter[str],
    examples: dict[str, list[str]],
    n_articles: int,
    n_gold: int,
    n_pred: int,
) -> None:
    print(
        f"PolNeAR dev: {n_articles} articles, {n_gold} gold attributions "
        f"(first annotator), {n_pred} predicted"
    )
    print()
    print(f"{'subset':8} {'role':8} {'match':8} {'P':>6} {'R':>6} {'F1':>6}")
    for subset in ("all", "speech"):
        for role in ROLES:
            for mode in ("exact", "overlap"):
                p, r, f = scores[(subset, role, mode)].prf()
                print(f"{subset:8} {role:8} {mode:8} {p:6.3f} {r:6.3f} {f:6.3f}")
    print()
    print("Most common error kinds (source, first annotator per article):")
    for k, v in (missed + spurious).most_common(25):
        print(f"  {v:5d}  {k}")
    for kind in (
        "missed source (speech cue)",
        "missed source (other cue)",
        "spurious source",
        "boundary",
    ):
        print(f"\nexamples: {kind}")
        for ex in examples[kind][:8]:
            print(f"    {ex}")
    print()
    for subset, prefix in (("all", ""), ("speech", "speech ")):
        for role in ROLES:
            for mode in ("exact", "overlap"):
                f = scores[(subset, role, mode)].prf()[2]
                print(f"{prefix}{role} F1 {mode}: {f:.3f}")
    for role in ROLES:
        p, r, _ = scores[("all", role, "exact")].prf()
        print(f"{role} P exact: {p:.3f}")
        print(f"{role} R exact: {r:.3f}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
