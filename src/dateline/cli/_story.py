"""Story commands: timeline, escalation and report."""

from __future__ import annotations

import re
from dataclasses import asdict, replace
from datetime import date
from pathlib import Path

import click

from ..errors import DatelineError
from ..story.timeline import TIMELINE_FORMATS, TimelineFilter, render_timeline, select
from ._app import DATE, DB_OPTION, cli, format_option, open_store


@cli.command()
@DB_OPTION
@click.option("--since", type=DATE, help="First day to show.")
@click.option("--until", type=DATE, help="Last day to show.")
@click.option("--actor", help="Only events with this actor (country code, entity id or name).")
@click.option("--all", "all_modalities", is_flag=True,
              help="Also show denied, negated, conditional and questioned events.")  # fmt: skip
@click.option("--minor", is_flag=True,
              help="Also show undated events, background told without a date, and "
                   "single reports that state no date and lack a second known actor.")  # fmt: skip
@format_option(TIMELINE_FORMATS)
def timeline(
    db: str, since: date | None, until: date | None, actor: str | None,
    all_modalities: bool, minor: bool, fmt: str,
) -> None:  # fmt: skip
    """Day by day, one line per real-world happening, merged across articles.

    Planned and threatened events are marked; "disputed figures" flags events
    whose casualty or other figures conflict between sources. Rows marked
    "≤DAY" are dated only by their reports (on or before that day); rows marked
    "≥DAY" only by a happening they came after ("in the aftermath of ...");
    "2020-01-04/05" rows to a weekend ("at the weekend").

    \b
    Example:
      dateline timeline --since 2020-01-01 --actor IRN
      dateline timeline --format json
    """
    from ..story.build import load_story

    with open_store(db) as store:
        try:
            data = load_story(store)
        except DatelineError as exc:
            raise click.ClickException(str(exc)) from exc
    flt = TimelineFilter(
        since=since, until=until, actor=actor, all_modalities=all_modalities, minor=minor
    )
    rows = select(data.stories, flt)
    click.echo(render_timeline(rows, fmt))
    if not minor:
        hidden = len(select(data.stories, replace(flt, minor=True))) - len(rows)
        if hidden:
            click.echo(f"({hidden} minor rows not shown: --minor shows them)", err=True)


ESCALATION_COLUMNS = ("pair", "date", "events", "unstated", "mean_intensity")


@cli.command()
@DB_OPTION
@click.option("--pair", "pairs", multiple=True,
              help="Only this actor pair, e.g. IRN-USA (repeatable, any order).")  # fmt: skip
@click.option("--since", type=DATE, help="First day to show.")
@click.option("--until", type=DATE, help="Last day to show.")
@format_option()
def escalation(
    db: str, pairs: tuple[str, ...], since: date | None, until: date | None, fmt: str
) -> None:
    """Per actor pair and day: how many happenings, and how hostile (mean intensity).

    One row per pair and day, counted over story events (a killing reported ten
    times counts once); ``unstated`` of them are dated only by their reports
    (counted on the report day) or to a weekend (counted on its Saturday).
    Intensity runs from -10 (hostile) to +10 (cooperative).

    \b
    Example:
      dateline escalation --pair IRN-USA
      dateline escalation --since 2020-01-01 --format csv
    """
    from ..export import format_listing
    from ..story.build import load_story
    from ..story.escalation import PAIR_SEP
    from ..story.escalation import escalation as daily

    with open_store(db) as store:
        try:
            data = load_story(store)
        except DatelineError as exc:
            raise click.ClickException(str(exc)) from exc
    wanted = {_pair_key(p, PAIR_SEP) for p in pairs}
    points = [
        p
        for p in daily(data.stories)
        if (not wanted or p.pair in wanted)
        and (since is None or p.date >= since.isoformat())
        and (until is None or p.date <= until.isoformat())
    ]
    records = [asdict(p) for p in points]
    click.echo(format_listing(records, fmt, ESCALATION_COLUMNS))


def _pair_key(text: str, sep: str) -> str:
    """ "usa-irn", "IRN–USA", "IRN/USA" -> "IRN–USA"; an entity id ("ent_3f2a9c…",
    which has no dash) stays as written: "ent_3f2a9c-usa" -> "USA–ent_3f2a9c"."""
    parts = [p.strip() for p in re.split(r"[-–/, ]+", text) if p.strip()]
    if len(parts) != 2:
        raise click.BadParameter(f"{text!r} is not a pair like IRN-USA", param_hint="--pair")
    codes = [p.upper() if re.fullmatch(r"[A-Za-z]{3}", p) else p for p in parts]
    return sep.join(sorted(codes))


@cli.command()
@DB_OPTION
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("report.html"),
    show_default=True,
    help="HTML file to write.",
)
@click.option("--title", default="Story report", show_default=True, help="Page title.")
def report(db: str, output: Path, title: str) -> None:
    """Write the story as one self-contained HTML page.

    Timeline, escalation per actor pair, actor network, conflicting claims and
    key quotes, each linking to the sentence it came from.

    \b
    Example:
      dateline report -o report.html
    """
    from ..report import write_report

    with open_store(db) as store:
        try:
            path = write_report(store, output, title)
        except DatelineError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"report written to {path}", err=True)
