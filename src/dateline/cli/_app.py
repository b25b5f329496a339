"""Shared pieces of the CLI: the command group, common options, the store opener."""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from .. import __version__
from ..errors import DatelineError
from ..export import LIST_FORMATS
from ..store import DEFAULT_DB, Store

DB_OPTION = click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    envvar="DATELINE_DB",
    help="SQLite file or database URL (e.g. postgresql+psycopg://user@host/db).",
)


def format_option(choices: tuple[str, ...] = LIST_FORMATS) -> Any:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help="Output format.",
    )


class _DateType(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: Any, ctx: Any) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date like 2020-01-03", param, ctx)


DATE = _DateType()


def open_store(db: str) -> Store:
    try:
        return Store.open(db)
    except DatelineError as exc:
        raise click.ClickException(str(exc)) from exc


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dateline")
def cli() -> None:
    """Dateline: turn news articles into a sourced, structured account of a story.

    \b
    Example:
      dateline demo                         # ingest the bundled sample stories
      dateline ingest stories.txt feed.xml  # ingest your own files
      dateline export --table articles --format csv -o articles.csv
    """
