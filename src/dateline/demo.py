"""The main job: ingest a corpus (the bundled sample by default), analyse it, show what came out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .export import format_listing
from .ingest import IngestOptions, ingest_paths
from .pipeline import analyze
from .store import Store, codec_record
from .story.conflicts import conflict_text

EXAMPLES = Path(__file__).resolve().parent / "examples"


def run_demo(paths: list[str], db: str, echo: Callable[[str], None] = print) -> None:
    """Ingest ``paths`` (default: the bundled fictional stories) into ``db`` and report."""
    inputs = paths or [str(EXAMPLES)]
    with Store.open(db) as store:
        report = ingest_paths(inputs, store, IngestOptions())
        echo(f"ingest: {report.summary()}")
        for rejection in report.rejected:
            echo(f"  rejected {rejection}")
        analysis = analyze(store)
        echo(f"analyze: {analysis.summary()}")
        records = [r for r in store.records("articles")]
        echo("")
        echo(format_listing(records, "text", ("id", "published", "source", "dateline", "title")))
        actors = [codec_record(e) for e in store.load_entities()[:10]]
        echo("\nMain actors")
        echo(format_listing(actors, "text", ("name", "type", "country", "sector", "mentions")))
        quotes = [codec_record(q) for q in store.load_quotes() if q.kind == "direct"]
        echo("\nDirect quotes")
        echo(format_listing(quotes, "text", ("date", "speaker", "text")))
        disputed = [c for c in store.load_claims() if c.conflict]
        titles = {a.id: a.title or "" for a in store.iter_articles()}
        echo("\nDisputed figures")
        echo(conflict_text(disputed, titles))
        # The story: one page with the timeline, escalation, network, claims and quotes.
        from .report import render_report
        from .story.build import load_story
        from .story.timeline import TimelineFilter, render_timeline, select, story_window

        story = load_story(store)
        local = db.removeprefix("sqlite:///")
        out = Path("report.html") if "://" in local else Path(local).parent / "report.html"
        out.write_text(render_report(story), encoding="utf-8")
        window = story_window(story.stories, [a.published for a in story.articles])
        flt = TimelineFilter(since=window.lo, until=window.hi) if window else TimelineFilter()
        shown = select(story.stories, flt)  # as in the report: minor rows left out
        echo(f"\nTimeline ({len(shown)} of {len(story.stories)} story events; all are in "
             "the report)")  # fmt: skip
        echo(render_timeline(shown, "text"))
        echo(f"\nreport: {out.resolve()}")
