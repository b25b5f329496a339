"""Listing commands over the analysis tables: actors, quotes, claims."""

from __future__ import annotations

from datetime import date

import click

from ..export import format_listing
from ..models import Entity, Quote
from ..store import codec_record
from ..story.conflicts import conflict_text
from ._app import DATE, DB_OPTION, cli, format_option, open_store

ACTOR_COLUMNS = ("id", "name", "type", "country", "sector", "mentions", "n_articles", "roles")
QUOTE_COLUMNS = ("date", "kind", "speaker", "cue", "text", "article_id")
CLAIM_COLUMNS = ("date", "category", "value", "value_max", "qualifier", "what", "attributed_to")


def _upper(value: str | None) -> str | None:
    return value.upper() if value else None


@cli.command()
@DB_OPTION
@click.option("--country", help="Only actors coded with this ISO alpha-3 country (e.g. IRN).")
@click.option("--sector", help="Only actors of this PLOVER sector (e.g. MIL, GOV).")
@click.option("--type", "type_", help="Only entities of this type (PERSON, ORG, GPE, ...).")
@click.option("--limit", type=int, default=0, help="At most this many (0: all).")
@format_option()
def actors(
    db: str, country: str | None, sector: str | None, type_: str | None, limit: int, fmt: str
) -> None:
    """List actors (entities merged across articles) with their coding and mention counts.

    \b
    Example:
      dateline actors --country IRN --sector MIL
      dateline actors --type PERSON --format json
    """
    with open_store(db) as store:
        entities = store.load_entities()
    picked = [e for e in entities if _entity_matches(e, _upper(country), _upper(sector), type_)]
    if limit:
        picked = picked[:limit]
    records = [codec_record(e) for e in picked]
    if fmt == "text":
        for r in records:
            r["n_articles"] = len(r["articles"])
            r["roles"] = ", ".join(r["roles"][:2])
    click.echo(format_listing(records, fmt, ACTOR_COLUMNS))


def _entity_matches(e: Entity, country: str | None, sector: str | None, type_: str | None) -> bool:
    if country and e.country != country:
        return False
    if sector and e.sector != sector:
        return False
    return not (type_ and e.type != type_.upper())


@cli.command()
@DB_OPTION
@click.option("--speaker", help="Only quotes whose speaker (or its entity) matches this name.")
@click.option("--since", type=DATE, help="Only quotes dated on or after this day.")
@click.option("--until", type=DATE, help="Only quotes dated on or before this day.")
@click.option(
    "--kind", type=click.Choice(["direct", "partial", "indirect"]), help="Only this kind."
)
@click.option("--article", "article_id", help="Only quotes of this article.")
@format_option()
def quotes(
    db: str,
    speaker: str | None,
    since: date | None,
    until: date | None,
    kind: str | None,
    article_id: str | None,
    fmt: str,
) -> None:
    """List who said what: direct, partial and reported quotes with their speakers.

    \b
    Example:
      dateline quotes --speaker Zarif
      dateline quotes --since 2020-01-08 --kind direct --format csv
    """
    with open_store(db) as store:
        found = store.load_quotes(article_id)
        entities = store.load_entities() if speaker else []
    names = {e.id: [e.name, *e.aliases] for e in entities}
    picked = [
        q
        for q in found
        if (kind is None or q.kind == kind)
        and _speaker_matches(q, speaker, names)
        and _in_window(q.date, since, until)
    ]
    click.echo(format_listing([codec_record(q) for q in picked], fmt, QUOTE_COLUMNS))


def _speaker_matches(q: Quote, wanted: str | None, names: dict[str, list[str]]) -> bool:
    if not wanted:
        return True
    needle = wanted.casefold()
    candidates = [q.speaker or "", *names.get(q.speaker_entity_id or "", [])]
    return any(needle in c.casefold() for c in candidates)


def _in_window(value: str | None, since: date | None, until: date | None) -> bool:
    """True when the (possibly partial) TIMEX date can fall within [since, until]."""
    if since is None and until is None:
        return True
    if not value or not value[:4].isdigit():
        return False
    lo, hi = value, value + "\uffff"  # "2020-01" spans every day of January
    if since is not None and hi < since.isoformat():
        return False
    return not (until is not None and lo[:10] > until.isoformat())


@cli.command()
@DB_OPTION
@click.option("--conflicts", is_flag=True, help="Only claims in groups whose figures disagree.")
@click.option("--category", help="Only this category (killed, wounded, weapons, money, ...).")
@format_option()
def claims(db: str, conflicts: bool, category: str | None, fmt: str) -> None:
    """List numeric claims with who claims them; --conflicts shows disagreements side by side.

    \b
    Example:
      dateline claims --conflicts
      dateline claims --category killed --format json
    """
    with open_store(db) as store:
        found = store.load_claims()
        titles = {a.id: a.title or a.id for a in store.iter_articles()}
    picked = [
        c
        for c in found
        if (not conflicts or c.conflict) and (category is None or c.category == category)
    ]
    if fmt == "text" and conflicts:
        click.echo(conflict_text(picked, titles))
        return
    click.echo(format_listing([codec_record(c) for c in picked], fmt, CLAIM_COLUMNS))
