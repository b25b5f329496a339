"""Ingest end to end: formats, idempotence, interruption and every kind of bad input."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from dateline.ingest import IngestOptions, ingest_paths
from dateline.store import Store

from .conftest import ROOT

EXAMPLES = ROOT / "src" / "dateline" / "examples"
WIRE = EXAMPLES / "harbor-dispute-wire.txt"


def _ingest(store: Store, *paths: object, **opts: object) -> object:
    return ingest_paths([str(p) for p in paths], store, IngestOptions(**opts))  # type: ignore[arg-type]


def test_examples_directory_ingests_every_format(db_path: Path) -> None:
    with Store.open(db_path) as store:
        report = _ingest(store, EXAMPLES)
        assert not report.rejected  # type: ignore[attr-defined]
        records = {r["title"]: r for r in store.records("articles")}
    assert len(records) == 6
    html = records["Why Saltmere harbor matters to both Norland and Veskia"]
    assert html["published"] == "2026-11-18" and html["published_inferred"] is False
    assert html["authors"] == ["Hana Ito"]
    feed = records["Norland navy puts detained fishermen at 12"]
    assert feed["url"] == "https://example.org/northwire/norland-navy-fishermen"
    assert feed["published"] == "2026-11-16"


def test_reingest_is_idempotent_and_changes_update(tmp_path: Path, db_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(WIRE.read_text(encoding="utf-8"), encoding="utf-8")
    with Store.open(db_path) as store:
        first = _ingest(store, story)
        assert len(first.new) == 3  # type: ignore[attr-defined]
        again = _ingest(store, story)
        assert len(again.unchanged) == 3 and not again.new  # type: ignore[attr-defined]
        story.write_text(
            story.read_text(encoding="utf-8").replace(
                "About 200 protesters", "About 300 protesters"
            ),
            encoding="utf-8",
        )
        changed = _ingest(store, story)
        assert len(changed.updated) == 1 and len(changed.unchanged) == 2  # type: ignore[attr-defined]
        assert store.count("articles") == 3


def test_options_set_source_and_default_date(tmp_path: Path, db_path: Path) -> None:
    story = tmp_path / "one.txt"
    story.write_text("Quiet day\n\nNothing happened in the town.\n", encoding="utf-8")
    with Store.open(db_path) as store:
        _ingest(store, story, source="Town Crier", published=date(2021, 5, 4))
        (rec,) = list(store.records("articles"))
    assert rec["source"] == "Town Crier"
    assert rec["published"] == "2021-05-04" and rec["published_inferred"] is False


def test_stdin(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> None:
    data = b"Headline from a pipe\n\nA body read from standard input.\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    with Store.open(db_path) as store:
        report = _ingest(store, "-")
        (rec,) = list(store.records("articles"))
    assert report.new  # type: ignore[attr-defined]
    assert rec["title"] == "Headline from a pipe" and rec["origin"] == "<stdin>"


def test_interrupted_ingest_leaves_whole_inputs_and_a_rerun_finishes(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(WIRE.read_text(encoding="utf-8"), encoding="utf-8")
    second.write_text(
        "\n".join(json.dumps({"title": f"T{i}", "text": f"Body {i}."}) for i in range(5)),
        encoding="utf-8",
    )
    second.rename(tmp_path / "b.jsonl")
    second = tmp_path / "b.jsonl"
    import dateline.store as store_module

    real = store_module._article_values
    calls = {"n": 0}

    def dying(article: object) -> dict[str, object]:
        calls["n"] += 1
        if calls["n"] == 6:  # in the middle of the second input's transaction
            raise KeyboardInterrupt
        return real(article)  # type: ignore[arg-type]

    monkeypatch.setattr(store_module, "_article_values", dying)
    with Store.open(db_path) as store, pytest.raises(KeyboardInterrupt):
        _ingest(store, first, second)
    monkeypatch.setattr(store_module, "_article_values", real)
    with Store.open(db_path) as store:
        assert store.count("articles") == 3  # the first input whole, nothing of the second
        report = _ingest(store, first, second)
        assert len(report.new) == 5 and len(report.unchanged) == 3  # type: ignore[attr-defined]
        assert store.count("articles") == 8


BAD_INPUTS = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"  \n\n\t\n", "whitespace"),
    "image.png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    "garbled.txt": (bytes(range(128, 256)) * 8, "encoding"),
    "broken.json": (b'{"title": "x", "text": ', "json"),
    "broken.rss": (b"<rss><channel><item><title>x</title", "feed"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_rejected_with_a_reason_and_the_batch_goes_on(
    name: str, tmp_path: Path, db_path: Path
) -> None:
    data, _kind = BAD_INPUTS[name]
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text("Good headline\n\nA perfectly fine article body.\n", encoding="utf-8")
    with Store.open(db_path) as store:
        report = _ingest(store, bad, good)
        assert store.count("articles") == 1
    (rejection,) = report.rejected  # type: ignore[attr-defined]
    assert rejection.origin.startswith(str(bad))
    assert rejection.reason and rejection.code.startswith("E1")


def test_too_large_input_is_rejected(tmp_path: Path, db_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Headline\n\n" + "word " * 5000, encoding="utf-8")
    with Store.open(db_path) as store:
        report = _ingest(store, big, max_bytes=1000)
    (rejection,) = report.rejected  # type: ignore[attr-defined]
    assert "limit" in rejection.reason and rejection.code == "E105"


def test_missing_file_is_rejected(tmp_path: Path, db_path: Path) -> None:
    with Store.open(db_path) as store:
        report = _ingest(store, tmp_path / "nope.txt")
    (rejection,) = report.rejected  # type: ignore[attr-defined]
    assert "nope.txt" in rejection.origin


def test_shared_corpus_ingests_ten_dated_articles(corpus_path: Path, db_path: Path) -> None:
    with Store.open(db_path) as store:
        report = _ingest(store, corpus_path)
        records = list(store.records("articles"))
    assert len(report.new) == 10 and not report.rejected  # type: ignore[attr-defined]
    assert {r["source"] for r in records} == {"Reuters"}
    for rec in records:
        assert rec["published_inferred"] is True
        if rec["published"] is not None:
            assert "2019-12-01" <= rec["published"] <= "2020-02-29", rec["title"]
