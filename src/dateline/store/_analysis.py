"""SQL for the analysis tables: per-article records and the corpus-level layer."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, or_, select, update

from ..models import ArticleAnalysis, Claim, Entity, Event, Mention, Quote
from . import _codec as codec
from . import _schema as s


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _unique(records: Iterable[Any]) -> list[Any]:
    seen: set[str] = set()
    out = []
    for r in records:
        if r.id in seen:
            continue
        seen.add(r.id)
        out.append(r)
    return out


def _row(rec: Quote | Claim | Event, **columns: Any) -> dict[str, Any]:
    """A record table row: the shared columns, the filter ``columns``, the record."""
    return {
        "id": rec.id,
        "article_id": rec.article_id,
        "start": rec.start,
        **columns,
        "data": codec.to_data(rec),
    }


def _quote_row(q: Quote) -> dict[str, Any]:
    return _row(
        q, kind=q.kind, speaker=q.speaker, speaker_entity_id=q.speaker_entity_id, date=q.date
    )


def _claim_row(c: Claim) -> dict[str, Any]:
    return _row(c, category=c.category, group_id=c.group_id, conflict=c.conflict, date=c.date)


def _event_row(e: Event) -> dict[str, Any]:
    return _row(
        e,
        type=e.type,
        modality=e.modality,
        date=e.date,
        source_country=e.source.country if e.source else None,
        target_country=e.target.country if e.target else None,
    )


def _mention_row(article_id: str, m: Mention, entity_id: str | None) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "start": m.start,
        "end": m.end,
        "entity_id": entity_id,
        "data": codec.to_data(m),
    }


def save_analysis(
    conn: Connection, analysis: ArticleAnalysis, content_hash: str, version: str, model: str
) -> None:
    """Replace every record of one article with ``analysis`` (caller's transaction)."""
    aid = analysis.article_id
    for table in (s.mentions, s.quotes, s.claims, s.events):
        conn.execute(delete(table).where(table.c.article_id == aid))
    if analysis.mentions:
        conn.execute(insert(s.mentions), [_mention_row(aid, m, None) for m in analysis.mentions])
    rows = [
        (s.quotes, [_quote_row(q) for q in _unique(analysis.quotes)]),
        (s.claims, [_claim_row(c) for c in _unique(analysis.claims)]),
        (s.events, [_event_row(e) for e in _unique(analysis.events)]),
    ]
    for table, values in rows:
        if values:
            conn.execute(insert(table), values)
    conn.execute(delete(s.analyses).where(s.analyses.c.article_id == aid))
    conn.execute(
        insert(s.analyses).values(
            article_id=aid,
            content_hash=content_hash,
            version=version,
            model=model,
            analyzed_at=_now(),
        )
    )


def pending(conn: Connection, version: str, model: str) -> list[str]:
    """Ids of articles never analysed, changed since, or analysed by another version/model."""
    a, an = s.articles, s.analyses
    query = (
        select(a.c.id)
        .select_from(a.outerjoin(an, an.c.article_id == a.c.id))
        .where(
            or_(
                an.c.article_id.is_(None),
                an.c.content_hash != a.c.content_hash,
                an.c.version != version,
                an.c.model != model,
            )
        )
        .order_by(a.c.id)
    )
    return [row[0] for row in conn.execute(query)]


def load_mentions(conn: Connection) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = {}
    rows = conn.execute(
        select(s.mentions.c.article_id, s.mentions.c.data).order_by(
            s.mentions.c.article_id, s.mentions.c.pk
        )
    )
    for aid, data in rows:
        out.setdefault(aid, []).append(codec.mention(data))
    return out


def load_entities(conn: Connection) -> list[Entity]:
    rows = conn.execute(
        select(s.entities.c.data).order_by(s.entities.c.mentions.desc(), s.entities.c.name)
    )
    return [codec.entity(r[0]) for r in rows]


def _record_data(conn: Connection, table: Table, article_id: str | None) -> list[Any]:
    """The ``data`` of a record table's rows, in text order (one article's, or all)."""
    query = select(table.c.data).order_by(table.c.article_id, table.c.start)
    if article_id is not None:
        query = query.where(table.c.article_id == article_id)
    return [r[0] for r in conn.execute(query)]


def load_quotes(conn: Connection, article_id: str | None = None) -> list[Quote]:
    return [codec.quote(d) for d in _record_data(conn, s.quotes, article_id)]


def load_claims(conn: Connection, article_id: str | None = None) -> list[Claim]:
    return [codec.claim(d) for d in _record_data(conn, s.claims, article_id)]


def load_events(conn: Connection, article_id: str | None = None) -> list[Event]:
    return [codec.event(d) for d in _record_data(conn, s.events, article_id)]


def save_resolution(
    conn: Connection,
    entities: list[Entity],
    mentions: dict[str, list[Mention]],
    records: list[Quote | Claim | Event],
) -> None:
    """Replace the corpus layer: entities, mention→entity links, re-linked records."""
    conn.execute(delete(s.entities))
    if entities:
        conn.execute(
            insert(s.entities),
            [
                {
                    "id": e.id,
                    "name": e.name,
                    "type": e.type,
                    "country": e.country,
                    "sector": e.sector,
                    "mentions": e.mentions,
                    "data": codec.to_data(e),
                }
                for e in entities
            ],
        )
    for aid, ms in mentions.items():
        conn.execute(delete(s.mentions).where(s.mentions.c.article_id == aid))
        if ms:
            conn.execute(insert(s.mentions), [_mention_row(aid, m, m.entity_key) for m in ms])
    for rec in records:
        if isinstance(rec, Quote):
            table, row = s.quotes, _quote_row(rec)
        elif isinstance(rec, Claim):
            table, row = s.claims, _claim_row(rec)
        else:
            table, row = s.events, _event_row(rec)
        conn.execute(update(table).where(table.c.id == rec.id).values(**row))
