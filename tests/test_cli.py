"""The command line, run the way a user runs it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import cli

from .conftest import ROOT

EXAMPLES = ROOT / "src" / "dateline" / "examples"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _ingested(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(cli, ["ingest", str(EXAMPLES), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "command", [[], ["ingest"], ["export"], ["articles"], ["show"], ["dates"], ["demo"]]
)
def test_every_command_explains_itself_with_an_example(
    runner: CliRunner, command: list[str]
) -> None:
    result = runner.invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output


def test_ingest_summary_and_exit_code_on_rejection(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(cli, ["ingest", str(EXAMPLES), str(empty), "--db", str(db), "-q"])
    assert result.exit_code == 1
    assert "6 new, 0 updated, 0 unchanged, 1 rejected" in result.output
    assert "empty.txt: file is empty [E101]" in result.output


def test_export_jsonl_csv_parquet(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    _ingested(runner, db)
    result = runner.invoke(cli, ["export", "--db", str(db), "--table", "articles"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 6
    required = {
        "id",
        "title",
        "authors",
        "dateline",
        "source",
        "published",
        "published_inferred",
        "published_confidence",
        "url",
        "sections",
        "credits",
        "n_words",
        "text",
    }
    assert required <= set(rows[0])
    wire = next(r for r in rows if r["dateline"] == "PORT ALDER/KESTOVA")
    assert wire["sections"] == ["THE STANDOFF"] and wire["credits"]["editing"] == ["Paul Renner"]

    out = tmp_path / "a.csv"
    runner.invoke(cli, ["export", "--db", str(db), "--format", "csv", "-o", str(out)])
    with out.open(encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == 6

    pq_out = tmp_path / "a.parquet"
    result = runner.invoke(
        cli, ["export", "--db", str(db), "--format", "parquet", "-o", str(pq_out)]
    )
    assert result.exit_code == 0, result.output
    import pyarrow.parquet as pq

    assert pq.read_table(pq_out).num_rows == 6


def test_parquet_needs_a_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["export", "--db", str(tmp_path / "x.db"), "--format", "parquet"])
    assert result.exit_code != 0 and "-o FILE" in result.output


def test_articles_listing_formats(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    _ingested(runner, db)
    as_json = json.loads(
        runner.invoke(cli, ["articles", "--db", str(db), "--format", "json"]).stdout
    )
    assert len(as_json) == 6 and "text" not in as_json[0]
    as_csv = runner.invoke(cli, ["articles", "--db", str(db), "--format", "csv"]).stdout
    assert len(list(csv.DictReader(io.StringIO(as_csv)))) == 6
    text = runner.invoke(cli, ["articles", "--db", str(db)]).stdout
    assert "Talks on Saltmere harbor open in Geneva" in text


def test_show_and_unknown_id(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    _ingested(runner, db)
    first = json.loads(
        runner.invoke(cli, ["articles", "--db", str(db), "--format", "json"]).stdout
    )[0]
    shown = runner.invoke(cli, ["show", first["id"], "--db", str(db)])
    assert shown.exit_code == 0 and (first["title"] or "") in shown.output
    missing = runner.invoke(cli, ["show", "nope", "--db", str(db)])
    assert missing.exit_code == 1 and "no article with id 'nope'" in missing.output


def test_demo_runs_on_the_bundled_sample(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["demo", "--db", str(tmp_path / "demo.db")])
    assert result.exit_code == 0, result.output
    assert "6 new" in result.output
    assert "Fishermen return home as harbor tensions ease" in result.output


def test_dates_on_text_and_on_a_stored_article(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        cli,
        [
            "dates",
            "--text",
            "The ships met on Sunday.",
            "--published",
            "2026-11-17",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    (found,) = json.loads(result.stdout)
    assert found["value"] == "2026-11-15" and found["text"].endswith("Sunday")
    db = tmp_path / "x.db"
    _ingested(runner, db)
    rows = json.loads(runner.invoke(cli, ["articles", "--db", str(db), "--format", "json"]).stdout)
    html = next(r for r in rows if r["published"] == "2026-11-18")
    listed = runner.invoke(cli, ["dates", html["id"], "--db", str(db), "--format", "csv"])
    assert listed.exit_code == 0 and ",2019," in listed.stdout


def test_undated_article_shows_its_window_and_why(runner: CliRunner, tmp_path: Path) -> None:
    from datetime import date

    from dateline.models import Article
    from dateline.store import Store

    db = tmp_path / "w.db"
    art = Article(
        id="a1",
        identity="title:x|y",
        content_hash="h1",
        text="Body.",
        origin="test",
        title="Talks resume",
        published_inferred=True,
        published_earliest=date(2020, 1, 8),
        published_latest=date(2020, 1, 14),
        published_evidence="no lead weekday: between 2020-01-08 and 2020-01-14",
    )
    with Store.open(db) as store:
        store.save_articles([art])
    listing = runner.invoke(cli, ["articles", "--db", str(db)]).stdout
    assert "2020-01-08..2020-01-14" in listing
    shown = runner.invoke(cli, ["show", "a1", "--db", str(db)]).stdout
    assert "window 2020-01-08..2020-01-14" in shown and "no lead weekday" in shown
    as_json = runner.invoke(cli, ["articles", "--db", str(db), "--format", "json"]).stdout
    record = json.loads(as_json)
    assert record[0]["published"] is None and record[0]["published_latest"] == "2020-01-14"
