"""Table definitions (SQLAlchemy Core). Only the store package imports this."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Float,
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
    Column("sections", JSON, nullable=False),
    Column("credits", JSON, nullable=False),
    Column("n_words", Integer, nullable=False),
    Column("origin", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("ingested_at", String(40), nullable=False),
    Column("updated_at", String(40), nullable=False),
)
