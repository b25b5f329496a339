"""Table definitions (SQLAlchemy Core). Only the store package imports this."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("applied_at", String(40), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("identity", Text, nullable=False, unique=True),
    Column("content_hash", String(64), nullable=False, index=True),
    Column("title", Text),
    Column("authors", JSON, nullable=False),
    Column("dateline", Text),
    Column("dateline_places", JSON, nullable=False),
    Column("agency", Text),
    Column("source", Text),
    Column("url", Text),
    Column("published", Date),
    Column("published_inferred", Boolean, nullable=False),
    Column("published_confidence", Float, nullable=False),
    Column("published_earliest", Date),  # migration 3
    Column("published_latest", Date),  # migration 3
    Column("published_evidence", Text),  # migration 3
    Column("sections", JSON, nullable=False),
    Column("credits", JSON, nullable=False),
    Column("n_words", Integer, nullable=False),
    Column("origin", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("ingested_at", String(40), nullable=False),
    Column("updated_at", String(40), nullable=False),
)

# -- analysis (migration 2) ---------------------------------------------------
# Each record table keeps a few indexed columns to filter on and the full record
# as JSON in ``data``, so adding a field to a record needs no migration.

analyses = Table(
    "analyses",
    metadata,
    Column(
        "article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("content_hash", String(64), nullable=False),
    Column("version", String(40), nullable=False),
    Column("model", String(200), nullable=False),
    Column("analyzed_at", String(40), nullable=False),
)

mentions = Table(
    "mentions",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("entity_id", String(64), index=True),
    Column("data", JSON, nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("country", String(8), index=True),
    Column("sector", String(8), index=True),
    Column("mentions", Integer, nullable=False),
    Column("data", JSON, nullable=False),
)


def _record_table(name: str, *columns: Column[Any]) -> Table:
    return Table(
        name,
        metadata,
        Column("id", String(32), primary_key=True),
        Column(
            "article_id",
            String(32),
            ForeignKey("articles.id", ondelete="CASCADE"),
            index=True,
            nullable=False,
        ),
        Column("start", Integer, nullable=False),
        *columns,
        Column("data", JSON, nullable=False),
    )


quotes = _record_table(
    "quotes",
    Column("kind", String(16), nullable=False),
    Column("speaker", Text),
    Column("speaker_entity_id", String(64), index=True),
    Column("date", String(32)),
)

claims = _record_table(
    "claims",
    Column("category", String(16), nullable=False),
    Column("group_id", String(64), index=True),
    Column("conflict", Boolean, nullable=False, default=False),
    Column("date", String(32)),
)

events = _record_table(
    "events",
    Column("type", String(16), nullable=False, index=True),
    Column("modality", String(16), nullable=False),
    Column("date", String(32), index=True),
    Column("source_country", String(8)),
    Column("target_country", String(8)),
)
