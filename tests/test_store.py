"""The store: migrations recorded, idempotent saves, updates, atomic batches."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from dateline.errors import NotFoundError, StoreError
from dateline.models import Article, ArticleAnalysis, Section
from dateline.store import Store


def _article(identity: str = "url:https://example.org/a", body: str = "Body text.") -> Article:
    return Article(
        id="a" * 16,
        identity=identity,
        content_hash=str(hash(body)),
        text=body,
        origin="test",
        title="Headline",
        authors=["A Writer"],
        published=date(2020, 1, 3),
        sections=[Section("HEADING", 0)],
        credits={"editing": ["B Editor"]},
    )


def test_migrations_are_recorded_once(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert store.schema_versions() == list(range(1, Store.latest_version() + 1))
    with Store.open(db_path) as store:
        assert store.migrate() == []
        with store.engine.connect() as conn:
            mode = conn.execute(text("PRAGMA journal_mode")).scalar_one()
        assert mode == "wal"


def test_save_is_idempotent_and_updates_changed_content(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert store.save_articles([_article()]).new == ["a" * 16]
        assert store.save_articles([_article()]).unchanged == ["a" * 16]
        report = store.save_articles([_article(body="Changed body.")])
        assert report.updated == ["a" * 16]
        art = store.get_article("a" * 16)
        assert art.text == "Changed body."
        assert art.sections == [Section("HEADING", 0)]
        assert art.credits == {"editing": ["B Editor"]}
        assert art.published == date(2020, 1, 3)
        assert store.count("articles") == 1


def test_same_content_under_another_identity_is_stored_once(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.save_articles([_article()])
        other = _article(identity="url:https://mirror.example.org/a")
        other.id = "b" * 16
        assert store.save_articles([other]).unchanged == ["a" * 16]
        assert store.count("articles") == 1


def test_a_failing_batch_leaves_nothing_behind(db_path: Path) -> None:
    good = _article()
    bad = _article(identity="url:https://example.org/b", body="Other")
    bad.id = "b" * 16
    bad.identity = None  # type: ignore[assignment]  # violates NOT NULL mid-batch
    with Store.open(db_path) as store:
        with pytest.raises(IntegrityError):
            store.save_articles([good, bad])
        assert store.count("articles") == 0


def test_unknown_article_and_table(db_path: Path) -> None:
    with Store.open(db_path) as store:
        with pytest.raises(NotFoundError):
            store.get_article("nope")
        with pytest.raises(StoreError):
            list(store.records("nope"))


def test_unusable_database_url_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        Store.open("nosuchdialect://x/y")


def test_migration_3_adds_publication_windows_to_an_older_database(db_path: Path) -> None:
    import sqlite3

    Store.open(db_path).close()
    con = sqlite3.connect(db_path)
    for col in ("published_earliest", "published_latest", "published_evidence"):
        con.execute(f"ALTER TABLE articles DROP COLUMN {col}")
    con.execute("DELETE FROM schema_migrations WHERE version = 3")
    con.commit()
    con.close()
    with Store.open(db_path) as store:
        assert store.schema_versions() == [1, 2, 3]
    con = sqlite3.connect(db_path)
    cols = {row[1] for row in con.execute("PRAGMA table_info(articles)")}
    con.close()
    assert {"published_earliest", "published_latest", "published_evidence"} <= cols


def test_same_text_dated_anew_is_redated_but_a_metadata_date_stays(db_path: Path) -> None:
    inferred = _article()
    inferred.published, inferred.published_inferred = None, True
    inferred.published_earliest, inferred.published_latest = date(2020, 1, 1), date(2020, 1, 9)
    with Store.open(db_path) as store:
        store.save_articles([inferred])
        art = store.get_article("a" * 16)
        assert store.save_analysis(ArticleAnalysis(article_id=art.id), "v", "m", art.content_hash)
        assert store.pending_analysis("v", "m") == []
        dated = _article()
        dated.published_inferred, dated.published_confidence = True, 0.9
        report = store.save_articles([dated])
        assert report.redated == ["a" * 16] and not report.unchanged
        assert "1 redated" in report.summary()
        assert store.get_article("a" * 16).published == date(2020, 1, 3)
        assert store.pending_analysis("v", "m") == ["a" * 16]  # its events need the new date
        # an analysis that read the old date, saved after the redating, is refused
        stale = ArticleAnalysis(article_id=art.id)
        assert not store.save_analysis(stale, "v", "m", art.content_hash, None)
        assert store.pending_analysis("v", "m") == ["a" * 16]
        assert store.save_articles([dated]).unchanged == ["a" * 16]  # nothing new
        given = _article()  # a date from metadata replaces an inferred one ...
        given.published = date(2020, 1, 4)
        assert store.save_articles([given]).redated == ["a" * 16]
        guess = _article()  # ... and is never replaced by an inferred one
        guess.published, guess.published_inferred = date(2020, 1, 5), True
        assert store.save_articles([guess]).unchanged == ["a" * 16]
        assert store.get_article("a" * 16).published == date(2020, 1, 4)
