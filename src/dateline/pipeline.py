"""The analysis stage: run every extractor over stored articles, then the corpus layer.

* :func:`analyze_article` — one parsed article → :class:`ArticleAnalysis` (pure, no
  database): times, actor mentions, quotes, quantities, claims and events.
* :func:`analyze` — every stored article that is new, changed, or was analysed by
  another extractor version or spaCy model is parsed and its records replaced (one
  transaction per article, so an interrupted run loses nothing and a re-run finishes
  the job); then the corpus layer is rebuilt in one transaction: mentions merged into
  entities, speakers and event actors linked to them, claims grouped and conflicts
  flagged.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from .extract.actors import extract_mentions, named_owner, resolve_entities
from .extract.claims import extract_claims
from .extract.events import extract_events
from .extract.quantities import extract_quantities
from .extract.quotes import extract_quotes
from .extract.time import event_date, resolve_weekdays, resolve_years, tag_times
from .models import (
    Article,
    ArticleAnalysis,
    Claim,
    Event,
    EventActor,
    Mention,
    Quote,
    TimeExpression,
)
from .nlp import load_pipeline, model_name
from .store import Store
from .story.conflicts import group_claims

__all__ = ["ANALYSIS_VERSION", "AnalysisReport", "analyze", "analyze_article", "link_records"]

ANALYSIS_VERSION = "42"
"""Bump when an extractor changes its output, so stored articles are re-analysed."""


@dataclass
class AnalysisReport:
    analyzed: list[str] = field(default_factory=list)
    entities: int = 0
    claim_groups: int = 0
    conflicts: int = 0

    def summary(self) -> str:
        return (
            f"{len(self.analyzed)} analysed, {self.entities} entities, "
            f"{self.claim_groups} claim groups ({self.conflicts} in conflict)"
        )


def _short_id(*parts: object) -> str:
    return hashlib.sha256(":".join(str(p) for p in parts).encode()).hexdigest()[:16]


def _sentence_span(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    span = doc.char_span(start, max(end, start + 1), alignment_mode="expand")
    if span is None or not len(span):
        return None
    sent = span[0].sent
    return sent.start_char, sent.end_char


_SIDE_CLAUSES = ("relcl", "acl", "appos")


def _same_clause_times(
    times: list[TimeExpression], doc: Doc, start: int, end: int
) -> list[TimeExpression]:
    """Time expressions of the sentence that are not inside a relative clause (or
    appositive) the span is not part of: in "the crowd, which numbered in the
    millions, recalled the masses that gathered in 1989", 1989 dates the masses."""
    span = doc.char_span(start, max(end, start + 1), alignment_mode="expand")
    if span is None or not len(span):
        return times
    inside = {t.i for t in span}
    out = []
    for expr in times:
        tok_span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
        if tok_span is None or not len(tok_span) or tok_span.root.sent != span.root.sent:
            out.append(expr)
            continue
        side = next(
            (
                a
                for a in [tok_span.root, *tok_span.root.ancestors]
                if a.dep_ in _SIDE_CLAUSES and not inside & {t.i for t in a.subtree}
            ),
            None,
        )
        if side is None:
            out.append(expr)
    return out


def _quote_date(
    q: Quote, times: list[TimeExpression], doc: Doc, published: date | None
) -> str | None:
    """When it was said: a date in the cue's sentence outside the quoted content."""
    outside = [t for t in times if not (q.start <= t.start < q.end)]
    lo, hi = (q.cue_start, q.cue_end) if q.cue_start is not None else (q.start, q.end)
    hi = hi if hi is not None else lo
    return event_date(outside, lo, hi, published, _sentence_span(doc, lo, hi)).value


def analyze_article(article: Article, doc: Doc, reference: date | None = None) -> ArticleAnalysis:
    """Run every extractor over one parsed article. ``doc`` must parse ``article.text``.

    ``reference`` (for an undated article: a date of its dump, see
    :func:`dump_references`) gives unanchored month-days their year.
    """
    published: date | None = article.published
    times = tag_times(article.text, published, doc)
    if published is None and reference is not None:
        times = resolve_years(times, reference, article.text)
    lo, hi = article.published_earliest, article.published_latest
    if published is None and lo is not None and hi is not None:
        times = resolve_weekdays(times, lo, hi, article.text)
    mentions = extract_mentions(doc)
    quotes = extract_quotes(doc)
    for q in quotes:
        q.article_id = article.id
        q.id = _short_id(article.id, "quote", q.kind, q.start, q.end)
        q.date = _quote_date(q, times, doc, published)
    quantities = extract_quantities(article.text, doc)
    publisher = article.agency or article.source
    claims = extract_claims(quantities, quotes, doc, published, publisher)
    for c in claims:
        c.article_id = article.id
        c.id = _short_id(article.id, "claim", c.start, c.end)
        own = _same_clause_times(times, doc, c.start, c.end)
        when = event_date(own, c.start, c.end, published, _sentence_span(doc, c.start, c.end))
        if when.stated or c.date is None:
            c.date = when.value
    events = extract_events(
        doc,
        article_id=article.id,
        published=published,
        times=times,
        mentions=mentions,
        quotes=quotes,
    )
    return ArticleAnalysis(
        article_id=article.id,
        times=times,
        mentions=mentions,
        quotes=quotes,
        quantities=quantities,
        claims=claims,
        events=events,
    )


def _overlapping(mentions: list[Mention], start: int | None, end: int | None) -> Mention | None:
    """The longest mention overlapping [start, end), preferring people."""
    if start is None or end is None:
        return None
    hits = [m for m in mentions if m.start < end and start < m.end and m.entity_key]
    if not hits:
        return None
    return max(hits, key=lambda m: (m.label == "PERSON", m.end - m.start))


def _link_actor(actor: EventActor | None, mentions: list[Mention]) -> None:
    """The entity of the mention the actor covers; for a pronoun the extractor
    resolved ("He attacked …"), the entity its article-level key or id names."""
    if actor is None:
        return
    owners = [m for m in mentions if named_owner(m, actor)]
    own = [m for m in mentions if m not in owners] if owners else mentions
    hit = _overlapping(own, actor.start, actor.end)
    if hit is not None:
        actor.entity_id = hit.entity_key
        return
    known = actor.entity_id or ""
    if known in {m.entity_key for m in owners}:
        actor.entity_id = None  # an earlier run linked the owner
        return
    if known in {m.entity_key for m in mentions}:
        return  # already linked by an earlier run, and that entity still exists
    label, _, name = known.partition(":")
    named = [m for m in mentions if name and m.name == name and m.label == label]
    actor.entity_id = named[0].entity_key if named else None


def link_records(mentions: list[Mention], quotes: list[Quote], events: list[Event]) -> None:
    """Point quote speakers and event actors at the entity of the mention they cover."""
    for q in quotes:
        hit = _overlapping(mentions, q.speaker_start, q.speaker_end)
        if hit is None and q.speaker:
            named = [m for m in mentions if m.name == q.speaker and m.entity_key]
            hit = named[0] if named else None
        q.speaker_entity_id = hit.entity_key if hit else None
    for e in events:
        _link_actor(e.source, mentions)
        _link_actor(e.target, mentions)


def _dump_of(article: Article) -> str:
    return article.origin.rsplit("#", 1)[0]


def dump_references(articles: Iterable[Article]) -> dict[str, date]:
    """For each dump (input file) with dated stories, the median of their dates."""
    dates: dict[str, list[date]] = {}
    for a in articles:
        if a.published is not None:
            dates.setdefault(_dump_of(a), []).append(a.published)
    return {k: sorted(v)[len(v) // 2] for k, v in dates.items()}


def _parsed(store: Store, ids: list[str], model: str | None) -> Iterator[tuple[Article, Doc]]:
    nlp = load_pipeline(model)
    articles = (store.get_article(i) for i in ids)
    pairs = ((a, a.text) for a in articles)
    for doc, art in nlp.pipe(((text, art) for art, text in pairs), as_tuples=True, batch_size=16):
        yield art, doc


def analyze(
    store: Store,
    *,
    model: str | None = None,
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> AnalysisReport:
    """Analyse pending articles (all with ``force``), then rebuild the corpus layer."""
    name = model_name(model)
    report = AnalysisReport()
    if force:
        ids = [a.id for a in store.iter_articles()]
    else:
        ids = store.pending_analysis(ANALYSIS_VERSION, name)
    references = dump_references(store.iter_articles())
    for n, (article, doc) in enumerate(_parsed(store, ids, model), start=1):
        analysis = analyze_article(article, doc, references.get(_dump_of(article)))
        if store.save_analysis(
            analysis, ANALYSIS_VERSION, name, article.content_hash, article.published
        ):
            report.analyzed.append(article.id)
        if progress is not None:
            progress(n, len(ids))
    resolve_corpus(store, report)
    return report


def resolve_corpus(store: Store, report: AnalysisReport | None = None) -> None:
    """Rebuild entities, links and claim groups over every stored article."""
    mentions = store.load_mentions()
    entities = resolve_entities(mentions)
    quotes = store.load_quotes()
    events = store.load_events()
    claims = store.load_claims()
    by_article_quotes: dict[str, list[Quote]] = {}
    for q in quotes:
        by_article_quotes.setdefault(q.article_id or "", []).append(q)
    by_article_events: dict[str, list[Event]] = {}
    for e in events:
        by_article_events.setdefault(e.article_id or "", []).append(e)
    for aid, ms in mentions.items():
        link_records(ms, by_article_quotes.get(aid, []), by_article_events.get(aid, []))
    for c in claims:
        c.group_id, c.conflict = None, False
    groups = group_claims(claims)
    records: list[Quote | Claim | Event] = [*quotes, *claims, *events]
    store.save_resolution(entities, mentions, records)
    if report is not None:
        report.entities = len(entities)
        report.claim_groups = len(groups)
        report.conflicts = sum(1 for g in groups if g.conflict)
