"""Event commands: ``events`` (list, filter) and ``explain`` (why an event was coded so)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import click

from ..export import format_listing
from ..models import HAPPENED, MODALITIES, Event, EventActor
from ..story._dates import span_of
from ._app import DATE, DB_OPTION, cli, format_option, open_store

EVENT_COLUMNS = (
    "id",
    "date",
    "type",
    "mode",
    "modality",
    "source",
    "src_cc",
    "target",
    "tgt_cc",
    "intensity",
    "trigger",
)


def _actor_text(actor: EventActor | None) -> str:
    return actor.text if actor is not None else ""


def flat_record(ev: Event) -> dict[str, Any]:
    """One row for the text and CSV listings."""
    return {
        "id": ev.id,
        "article_id": ev.article_id,
        "date": ev.date,
        "date_precision": ev.date_precision,
        "type": ev.type,
        "mode": ev.mode,
        "cameo": ev.cameo,
        "quad": ev.quad,
        "intensity": ev.intensity,
        "modality": ev.modality,
        "attributed_to": ev.attributed_to,
        "source": _actor_text(ev.source),
        "src_cc": ev.source.country if ev.source else None,
        "src_sector": ev.source.sector if ev.source else None,
        "target": _actor_text(ev.target),
        "tgt_cc": ev.target.country if ev.target else None,
        "tgt_sector": ev.target.sector if ev.target else None,
        "location": ev.location.text if ev.location else None,
        "trigger": ev.trigger,
        "rule": ev.rule,
    }


def parse_modalities(value: str | None) -> tuple[str, ...]:
    """``None`` → the modalities of things that happened; ``all`` → every one."""
    if not value:
        return HAPPENED
    if value.strip().lower() == "all":
        return MODALITIES
    chosen = tuple(v.strip().lower() for v in value.split(",") if v.strip())
    unknown = [v for v in chosen if v not in MODALITIES]
    if unknown:
        raise click.BadParameter(
            f"unknown modality {', '.join(unknown)}; use {', '.join(MODALITIES)} or all",
            param_hint="--modality",
        )
    return chosen


def _bounds(value: str) -> tuple[str, str]:
    """Earliest and latest ISO day a (possibly partial) TIMEX3 date can mean."""
    span = span_of(value)
    if span is not None and span.precision in ("week", "weekend"):
        return span.lo.isoformat(), span.hi.isoformat()  # "2020-W01-WE": its Sat and Sun
    parts = value[:10].split("-")
    lo = "-".join(parts + ["01"] * (3 - len(parts)))
    hi = "-".join(parts + (["12", "31"] if len(parts) == 1 else ["31"])[: 3 - len(parts)])
    return lo, hi


def _actor_matches(actor: EventActor | None, wanted: str) -> bool:
    if actor is None:
        return False
    w = wanted.lower()
    return (
        (actor.country or "").lower() == w
        or (actor.entity_id or "").lower() == w
        or w in actor.text.lower()
    )


def select_events(
    events: list[Event], type_: str | None, actor: str | None, window: tuple[date | None, ...]
) -> list[Event]:
    """Filter by type, actor (country code, entity id or text) and date window."""
    since, until = window
    out = []
    for ev in events:
        if type_ and ev.type != type_.upper():
            continue
        if actor and not (_actor_matches(ev.source, actor) or _actor_matches(ev.target, actor)):
            continue
        if since or until:
            if not ev.date or not ev.date[:4].isdigit():
                continue
            lo, hi = _bounds(ev.date)
            if since and hi < since.isoformat():
                continue
            if until and lo > until.isoformat():
                continue
        out.append(ev)
    return out


@cli.command()
@DB_OPTION
@click.option("--type", "type_", help="PLOVER type, e.g. ASSAULT.")
@click.option("--actor", help="Source or target: country code (IRN), entity id or name.")
@click.option("--since", type=DATE, help="Events on or after this date.")
@click.option("--until", type=DATE, help="Events on or before this date.")
@click.option(
    "--modality",
    help="Comma-separated modalities, or 'all' (default: asserted,reported — what happened).",
)
@format_option()
def events(
    db: str,
    type_: str | None,
    actor: str | None,
    since: date | None,
    until: date | None,
    modality: str | None,
    fmt: str,
) -> None:
    """List extracted events (who did what to whom), PLOVER-coded.

    By default only events the text holds as having happened are listed;
    threats, denials, plans, conditionals, negations and questions are shown
    with --modality (e.g. --modality threatened,planned or --modality all).

    \b
    Example:
      dateline events --type ASSAULT --actor IRN --since 2020-01-01
      dateline events --modality all --format json
    """
    wanted = parse_modalities(modality)
    with open_store(db) as store:
        stored = store.load_events()
    chosen = [
        e for e in select_events(stored, type_, actor, (since, until)) if e.modality in wanted
    ]
    chosen.sort(key=lambda e: (_bounds(e.date)[0] if e.date else "", e.article_id or "", e.start))
    if fmt == "json":
        click.echo(json.dumps([e.to_record() for e in chosen], ensure_ascii=False, indent=2))
        return
    click.echo(format_listing([flat_record(e) for e in chosen], fmt, EVENT_COLUMNS))


def marked_sentence(ev: Event) -> str:
    """The sentence with the trigger [[…]], source {S: …} and target {T: …} marked."""
    marks: list[tuple[int, int, str, str]] = [(ev.trigger_start, ev.trigger_end, "[[", "]]")]
    for actor, tag in ((ev.source, "S"), (ev.target, "T")):
        if actor is not None and actor.start is not None and actor.end is not None:
            marks.append((actor.start, actor.end, "{" + tag + ": ", "}"))
    text = ev.sentence
    inserts: list[tuple[int, int, str]] = []  # position, order, text
    for start, end, left, right in marks:
        s, e = start - ev.sentence_start, end - ev.sentence_start
        if 0 <= s <= e <= len(text):
            inserts.append((s, 1, left))
            inserts.append((e, 0, right))
    for pos, _order, piece in sorted(inserts, key=lambda x: (x[0], x[1]), reverse=True):
        text = text[:pos] + piece + text[pos:]
    return text


def _describe_actor(actor: EventActor | None) -> str:
    if actor is None:
        return "(none)"
    code = "/".join(x for x in (actor.country, actor.sector) if x) or "uncoded"
    entity = f", entity {actor.entity_id}" if actor.entity_id else ""
    return f"{actor.text!r} [{code}{entity}] at {actor.start}–{actor.end}"


@cli.command()
@click.argument("event_id")
@DB_OPTION
def explain(event_id: str, db: str) -> None:
    """Show where an event came from: its sentence, spans, rule, modality and coding.

    EVENT_ID may be a unique prefix of the id.

    \b
    Example:
      dateline explain 3f2a9c0d1b2e4f56
    """
    with open_store(db) as store:
        stored = store.load_events()
    found = [e for e in stored if e.id == event_id] or [
        e for e in stored if e.id.startswith(event_id)
    ]
    if not found:
        raise click.ClickException(f"no event {event_id!r}")
    if len(found) > 1:
        raise click.ClickException(f"{event_id!r} matches {len(found)} events; give more of it")
    ev = found[0]
    click.echo(f"event {ev.id} (article {ev.article_id})")
    click.echo(f"  sentence: {marked_sentence(ev)}")
    click.echo(f"  trigger:  {ev.trigger!r} at {ev.trigger_start}–{ev.trigger_end}")
    click.echo(f"  source:   {_describe_actor(ev.source)}")
    click.echo(f"  target:   {_describe_actor(ev.target)}")
    if ev.location is not None:
        click.echo(f"  location: {ev.location.text!r} [{ev.location.country or 'uncoded'}]")
    click.echo(
        f"  coding:   {ev.type}" + (f" ({ev.mode})" if ev.mode else "") + f", CAMEO {ev.cameo}, "
        f"quad {ev.quad}, intensity {ev.intensity}"
    )
    reported = f", attributed to {ev.attributed_to}" if ev.attributed_to else ""
    click.echo(f"  modality: {ev.modality}{reported}")
    stated = "stated in the text" if ev.date_stated else "publication date"
    click.echo(f"  date:     {ev.date or 'unknown'} ({ev.date_precision}, {stated})")
    click.echo(f"  rule:     {ev.rule}")
