"""The store facade: all SQL in Dateline goes through :class:`Store`.

SQLite is the default (a file path, or ``sqlite:///…``); any SQLAlchemy URL such
as ``postgresql+psycopg://…`` selects another database without touching callers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from ..errors import NotFoundError, StoreError, UnknownDatabaseError
from ..models import (
    Article,
    ArticleAnalysis,
    Claim,
    Entity,
    Event,
    IngestReport,
    Mention,
    Quote,
    Section,
)
from . import _analysis
from . import _codec as codec
from . import _schema as s
from ._migrations import MIGRATIONS, applied_versions, migrate

__all__ = ["Store", "DEFAULT_DB", "TABLES", "codec_record"]

codec_record = codec.to_data
"""A stored record (entity, quote, claim, event...) as the plain dict that exports use."""

DEFAULT_DB = "dateline.db"

TABLES = ("articles", "entities", "mentions", "quotes", "claims", "events")
"""Tables that ``export`` knows."""


def _url_for(target: str | Path) -> str:
    text = str(target)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser()}"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _article_values(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "identity": article.identity,
        "content_hash": article.content_hash,
        "title": article.title,
        "authors": list(article.authors),
        "dateline": article.dateline,
        "dateline_places": list(article.dateline_places),
        "agency": article.agency,
        "source": article.source,
        "url": article.url,
        "published": article.published,
        "published_inferred": article.published_inferred,
        "published_confidence": article.published_confidence,
        "published_earliest": article.published_earliest,
        "published_latest": article.published_latest,
        "published_evidence": article.published_evidence,
        "sections": [{"heading": x.heading, "offset": x.offset} for x in article.sections],
        "credits": {k: list(v) for k, v in article.credits.items()},
        "n_words": article.n_words,
        "origin": article.origin,
        "text": article.text,
    }


_UNCHECKED: Any = object()
"""``Store.save_analysis`` without a publication date to check."""

_DATING = (
    "published", "published_inferred", "published_confidence", "published_earliest",
    "published_latest", "published_evidence",
)  # fmt: skip


def _dating_columns() -> list[Any]:
    return [s.articles.c[name] for name in _DATING]


def _redate(conn: Connection, row: Any, art: Article, now: str) -> bool:
    """Store ``art``'s publication fields over ``row``'s when they differ (never an
    inferred date over a metadata one); the article is then analysed again."""
    values = {k: v for k, v in _article_values(art).items() if k in _DATING}
    stored = {name: getattr(row, name) for name in _DATING}
    stored["published"] = _day(stored["published"])
    stored["published_earliest"] = _day(stored["published_earliest"])
    stored["published_latest"] = _day(stored["published_latest"])
    if stored == values:
        return False
    if (
        stored["published"] is not None
        and not stored["published_inferred"]
        and (art.published_inferred or art.published is None)
    ):
        return False  # a date from metadata stays
    conn.execute(
        update(s.articles).where(s.articles.c.id == row.id).values(**values, updated_at=now)
    )
    conn.execute(delete(s.analyses).where(s.analyses.c.article_id == row.id))
    return True


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _article_from_row(row: Any) -> Article:
    m = row._mapping
    return Article(
        id=m["id"],
        identity=m["identity"],
        content_hash=m["content_hash"],
        text=m["text"],
        origin=m["origin"],
        title=m["title"],
        authors=list(m["authors"] or []),
        dateline=m["dateline"],
        dateline_places=list(m["dateline_places"] or []),
        agency=m["agency"],
        source=m["source"],
        url=m["url"],
        published=_day(m["published"]),
        published_inferred=bool(m["published_inferred"]),
        published_confidence=float(m["published_confidence"]),
        published_earliest=_day(m["published_earliest"]),
        published_latest=_day(m["published_latest"]),
        published_evidence=m["published_evidence"] or "",
        sections=[Section(**x) for x in (m["sections"] or [])],
        credits={k: list(v) for k, v in (m["credits"] or {}).items()},
    )


class Store:
    """A Dateline database. Open with :meth:`open`; use as a context manager."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url

    # -- lifecycle ---------------------------------------------------------
    @classmethod
    def open(cls, target: str | Path = DEFAULT_DB, *, migrate_schema: bool = True) -> Store:
        url = _url_for(target)
        try:
            engine = create_engine(url, future=True)
        except (ArgumentError, SQLAlchemyError, ModuleNotFoundError) as exc:
            raise UnknownDatabaseError(f"cannot use database {target!r}: {exc}") from exc
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        store = cls(engine, url)
        if migrate_schema:
            store.migrate()
        return store

    def migrate(self) -> list[int]:
        try:
            with self.engine.begin() as conn:
                return migrate(conn)
        except OperationalError as exc:
            raise StoreError(f"cannot open or migrate {self.url}: {exc.orig}") from exc

    def schema_versions(self) -> list[int]:
        with self.engine.connect() as conn:
            return sorted(applied_versions(conn))

    @staticmethod
    def latest_version() -> int:
        return max(m.version for m in MIGRATIONS)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- articles ----------------------------------------------------------
    def save_articles(self, batch: Iterable[Article]) -> IngestReport:
        """Insert or update a batch of articles in ONE transaction.

        Same identity and same content → unchanged; same identity, new content →
        updated; content already stored under any identity → unchanged. Same
        content dated differently (by another dating of its batch, or a metadata date
        given now)
        → redated: its publication fields are replaced and it is analysed again,
        since its events are dated from them. A metadata date is never replaced
        by an inferred one.
        """
        report = IngestReport()
        a = s.articles
        now = _now()
        with self.engine.begin() as conn:
            for art in batch:
                existing = conn.execute(
                    select(a.c.id, a.c.content_hash, *_dating_columns()).where(
                        a.c.identity == art.identity
                    )
                ).first()
                values = _article_values(art)
                if existing is None:
                    dup = conn.execute(
                        select(a.c.id).where(a.c.content_hash == art.content_hash)
                    ).first()
                    if dup is not None:
                        report.unchanged.append(dup[0])
                        continue
                    conn.execute(insert(a).values(**values, ingested_at=now, updated_at=now))
                    report.new.append(art.id)
                elif existing.content_hash == art.content_hash:
                    if _redate(conn, existing, art, now):
                        report.redated.append(existing.id)
                    else:
                        report.unchanged.append(existing.id)
                else:
                    values.pop("id")
                    conn.execute(
                        update(a).where(a.c.id == existing.id).values(**values, updated_at=now)
                    )
                    report.updated.append(existing.id)
        return report

    def get_article(self, article_id: str) -> Article:
        with self.engine.connect() as conn:
            row = conn.execute(select(s.articles).where(s.articles.c.id == article_id)).first()
        if row is None:
            raise NotFoundError(f"no article with id {article_id!r}")
        return _article_from_row(row)

    def iter_articles(self) -> Iterator[Article]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(s.articles).order_by(s.articles.c.published, s.articles.c.id)
            )
            for row in rows:
                yield _article_from_row(row)

    def count(self, table: str) -> int:
        tbl = self._table(table)
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(tbl)).scalar_one())

    # -- analysis ----------------------------------------------------------
    def pending_analysis(self, version: str, model: str) -> list[str]:
        """Ids of articles that need (re-)analysis by this extractor version and model."""
        with self.engine.connect() as conn:
            return _analysis.pending(conn, version, model)

    def save_analysis(
        self,
        analysis: ArticleAnalysis,
        version: str,
        model: str,
        content_hash: str,
        published: Any = _UNCHECKED,
    ) -> bool:
        """Replace one article's records with ``analysis``, in one transaction.

        ``content_hash`` is that of the text analysed, ``published`` (when given) the
        publication date its events were dated from: if the stored article changed
        meanwhile (another ingest, or a redating), nothing is saved, the article
        stays pending, and False is returned.
        """
        with self.engine.begin() as conn:
            row = conn.execute(
                select(s.articles.c.content_hash, s.articles.c.published).where(
                    s.articles.c.id == analysis.article_id
                )
            ).first()
            if row is None:
                raise NotFoundError(f"no article with id {analysis.article_id!r}")
            if row[0] != content_hash:
                return False
            if published is not _UNCHECKED and _day(row[1]) != published:
                return False
            _analysis.save_analysis(conn, analysis, content_hash, version, model)
            return True

    def save_resolution(
        self,
        entities: list[Entity],
        mentions: dict[str, list[Mention]],
        records: list[Quote | Claim | Event],
    ) -> None:
        """Replace the corpus layer (entities, links, claim groups) in one transaction."""
        try:
            with self.engine.begin() as conn:
                _analysis.save_resolution(conn, entities, mentions, records)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot save the corpus layer in {self.url}: {exc}") from exc

    def load_mentions(self) -> dict[str, list[Mention]]:
        with self.engine.connect() as conn:
            return _analysis.load_mentions(conn)

    def load_entities(self) -> list[Entity]:
        with self.engine.connect() as conn:
            return _analysis.load_entities(conn)

    def load_quotes(self, article_id: str | None = None) -> list[Quote]:
        with self.engine.connect() as conn:
            return _analysis.load_quotes(conn, article_id)

    def load_claims(self, article_id: str | None = None) -> list[Claim]:
        with self.engine.connect() as conn:
            return _analysis.load_claims(conn, article_id)

    def load_events(self, article_id: str | None = None) -> list[Event]:
        with self.engine.connect() as conn:
            return _analysis.load_events(conn, article_id)

    # -- export ------------------------------------------------------------
    def records(self, table: str) -> Iterator[dict[str, Any]]:
        """Export records of ``table`` (see :data:`TABLES`)."""
        if table == "articles":
            for art in self.iter_articles():
                yield art.to_record()
        elif table == "mentions":
            for aid, mentions in self.load_mentions().items():
                for m in mentions:
                    yield {"article_id": aid, **codec.to_data(m)}
        elif table == "entities":
            yield from (codec.to_data(e) for e in self.load_entities())
        elif table == "quotes":
            yield from (codec.to_data(q) for q in self.load_quotes())
        elif table == "claims":
            yield from (codec.to_data(c) for c in self.load_claims())
        elif table == "events":
            yield from (codec.to_data(e) for e in self.load_events())
        else:
            raise StoreError(f"unknown table {table!r}; known: {', '.join(TABLES)}")

    def _table(self, name: str) -> Any:
        try:
            return s.metadata.tables[name]
        except KeyError:
            raise StoreError(f"unknown table {name!r}; known: {', '.join(TABLES)}") from None
