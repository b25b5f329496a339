"""Versioned schema migrations, recorded in the ``schema_migrations`` table.

Append new migrations to :data:`MIGRATIONS`; never edit one that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, insert, inspect, select, text

from . import _schema as s


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Connection], None]


def _create(*tables: str) -> Callable[[Connection], None]:
    def run(conn: Connection) -> None:
        s.metadata.create_all(conn, tables=[s.metadata.tables[t] for t in tables])

    return run


def _add_columns(table: str, *columns: str) -> Callable[[Connection], None]:
    """Add columns of the current schema that an older database lacks."""

    def run(conn: Connection) -> None:
        have = {c["name"] for c in inspect(conn).get_columns(table)}
        tbl = s.metadata.tables[table]
        for name in columns:
            if name not in have:
                col = tbl.c[name]
                kind = col.type.compile(dialect=conn.dialect)
                conn.execute(text(f'ALTER TABLE {table} ADD COLUMN "{name}" {kind}'))

    return run


MIGRATIONS: list[Migration] = [
    Migration(1, "create articles", _create("articles")),
    Migration(
        2,
        "create analysis tables",
        _create("analyses", "mentions", "entities", "quotes", "claims", "events"),
    ),
    Migration(
        3,
        "publication windows and dating evidence",
        _add_columns("articles", "published_earliest", "published_latest", "published_evidence"),
    ),
]


def applied_versions(conn: Connection) -> set[int]:
    if not inspect(conn).has_table("schema_migrations"):
        return set()
    return {row[0] for row in conn.execute(select(s.schema_migrations.c.version))}


def migrate(conn: Connection) -> list[int]:
    """Apply every pending migration inside the caller's transaction; return what ran."""
    s.metadata.create_all(conn, tables=[s.schema_migrations])
    done = applied_versions(conn)
    ran: list[int] = []
    for migration in sorted(MIGRATIONS, key=lambda m: m.version):
        if migration.version in done:
            continue
        migration.apply(conn)
        conn.execute(
            insert(s.schema_migrations).values(
                version=migration.version,
                name=migration.name,
                applied_at=datetime.now(UTC).isoformat(timespec="seconds"),
            )
        )
        ran.append(migration.version)
    return ran
