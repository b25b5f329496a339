"""Core commands: ingest, export, articles, show, dates, demo."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from ..errors import DatelineError
from ..export import EXPORT_FORMATS, export_records, format_listing
from ..ingest import IngestOptions, ingest_paths
from ..models import IngestReport
from ..store import TABLES, Store
from ._analysis import MODEL_OPTION, run_analysis
from ._app import DATE, DB_OPTION, cli, format_option, open_store


def _print_report(report: IngestReport) -> None:
    click.echo(f"ingest: {report.summary()}", err=True)
    for rejection in report.rejected:
        click.echo(f"  rejected {rejection}", err=True)


def run_ingest(
    paths: list[str], store: Store, options: IngestOptions, show_progress: bool
) -> IngestReport:
    if not show_progress:
        return ingest_paths(paths, store, options)
    from tqdm import tqdm

    with tqdm(desc="ingest", unit="input", file=sys.stderr, leave=False) as bar:
        return ingest_paths(paths, store, options, progress=lambda _o: bar.update(1))


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@click.option("--source", help="Publisher name to record for every article read.")
@click.option("--published", type=DATE, help="Publication date for articles that give none.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option(
    "--analyze/--no-analyze",
    "analyse",
    default=True,
    show_default=True,
    help="Run the extractors on new and changed articles after reading.",
)
@MODEL_OPTION
def ingest(
    paths: tuple[str, ...],
    db: str,
    source: str | None,
    published: date | None,
    quiet: bool,
    analyse: bool,
    model: str | None,
) -> None:
    """Read files, directories or - (stdin) into the database.

    Plain text (one article or a dump of wire stories), HTML, JSON/JSONL,
    RSS/Atom and WARC are recognised. Exit code 1 when anything was rejected.

    \b
    Example:
      dateline ingest ../shared/corpus/iran-us-crisis-2020.txt
      cat story.txt | dateline ingest - --source "Agency" --published 2020-01-03
    """
    with open_store(db) as store:
        report = run_ingest(
            list(paths), store, IngestOptions(source=source, published=published), not quiet
        )
        _print_report(report)
        if analyse and (report.new or report.updated or report.redated):
            run_analysis(store, model, quiet=quiet)
    if report.rejected:
        sys.exit(1)


@cli.command()
@DB_OPTION
@click.option(
    "--table",
    type=click.Choice(TABLES),
    default="articles",
    show_default=True,
    help="Which table to export.",
)
@click.option(
    "--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="jsonl", show_default=True
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File.")
def export(db: str, table: str, fmt: str, output: Path | None) -> None:
    """Export a table as JSONL, JSON, CSV or Parquet.

    \b
    Example:
      dateline export --table articles --format jsonl -o articles.jsonl
    """
    with open_store(db) as store:
        try:
            n = export_records(store.records(table), fmt, output, sys.stdout)
        except DatelineError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"exported {n} {table}", err=True)


ARTICLE_COLUMNS = ("id", "published", "source", "dateline", "n_words", "title")


@cli.command()
@DB_OPTION
@format_option()
def articles(db: str, fmt: str) -> None:
    """List stored articles.

    \b
    Example:
      dateline articles --format csv
    """
    with open_store(db) as store:
        records = [{k: v for k, v in r.items() if k != "text"} for r in store.records("articles")]
    if fmt == "text":
        for r in records:
            window = _window(r["published_earliest"], r["published_latest"])
            r["published"] = r["published"] or window
    click.echo(format_listing(records, fmt, ARTICLE_COLUMNS))


def _window(earliest: str | None, latest: str | None) -> str | None:
    """An undated article's window as text: "2020-01-08..2020-01-14", "≥…", "≤…"."""
    if earliest and latest:
        return f"{earliest}..{latest}"
    if earliest:
        return f"≥{earliest}"
    return f"≤{latest}" if latest else None


@cli.command()
@click.argument("article_id")
@DB_OPTION
def show(article_id: str, db: str) -> None:
    """Print one article with its metadata.

    \b
    Example:
      dateline show 3f2a9c0d1b2e4f56
    """
    with open_store(db) as store:
        try:
            art = store.get_article(article_id)
        except DatelineError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(art.title or "(no headline)")
    if art.authors:
        click.echo("By " + ", ".join(art.authors))
    published = art.published.isoformat() if art.published else "unknown"
    how = f"inferred, confidence {art.published_confidence:.2f}" if art.published_inferred else ""
    if art.published is None:
        window = _window(
            art.published_earliest.isoformat() if art.published_earliest else None,
            art.published_latest.isoformat() if art.published_latest else None,
        )
        how = f"(window {window}; {art.published_evidence})" if window else art.published_evidence
    click.echo(
        f"{art.dateline or ''} ({art.source or 'unknown source'}) published {published} {how}"
    )
    click.echo()
    click.echo(art.text)


DATE_COLUMNS = ("start", "end", "type", "value", "granularity", "text", "rule")


@cli.command()
@click.argument("article_id", required=False)
@DB_OPTION
@click.option("--text", "text_", help="Tag this text instead of a stored article.")
@click.option("--published", type=DATE, help="Anchor date for --text.")
@format_option()
def dates(
    article_id: str | None, db: str, text_: str | None, published: date | None, fmt: str
) -> None:
    """List the temporal expressions of an article with their normalised values.

    \b
    Example:
      dateline dates 3f2a9c0d1b2e4f56
      dateline dates --text "Iran fired missiles on Wednesday." --published 2020-01-09
    """
    from ..extract.time import tag_times

    if text_ is None:
        if article_id is None:
            raise click.UsageError("give an ARTICLE_ID or --text")
        with open_store(db) as store:
            try:
                art = store.get_article(article_id)
            except DatelineError as exc:
                raise click.ClickException(str(exc)) from exc
        text_, published = art.text, art.published
    records = [{"article_id": article_id, **t.to_record()} for t in tag_times(text_, published)]
    click.echo(format_listing(records, fmt, DATE_COLUMNS))


@cli.command()
@click.argument("paths", nargs=-1)
@DB_OPTION
def demo(paths: tuple[str, ...], db: str) -> None:
    """Run the main job on the bundled sample stories (or on PATHS).

    \b
    Example:
      dateline demo
      dateline demo ../shared/corpus --db crisis.db
    """
    from ..demo import run_demo

    try:
        run_demo(list(paths), db, echo=click.echo)
    except DatelineError as exc:
        raise click.ClickException(str(exc)) from exc
