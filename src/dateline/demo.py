"""The main job: ingest a corpus (the bundled sample by default) and show what came out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .export import format_listing
from .ingest import IngestOptions, ingest_paths
from .store import Store

EXAMPLES = Path(__file__).resolve().parent / "examples"


def run_demo(paths: list[str], db: str, echo: Callable[[str], None] = print) -> None:
    """Ingest ``paths`` (default: the bundled fictional stories) into ``db`` and report."""
    inputs = paths or [str(EXAMPLES)]
    with Store.open(db) as store:
        report = ingest_paths(inputs, store, IngestOptions())
        echo(f"ingest: {report.summary()}")
        for rejection in report.rejected:
            echo(f"  rejected {rejection}")
        records = [r for r in store.records("articles")]
    echo("")
    echo(format_listing(records, "text", ("id", "published", "source", "dateline", "title")))
