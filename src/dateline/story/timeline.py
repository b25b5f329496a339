"""The story as a day-by-day timeline: rows, filters, disputed-claim flags, renderers.

A row is one story event (see :mod:`dateline.story.dedup`). Within a day, events
whose date the text states come first; a happening no report dates is shown on
the day it was first reported as "≤2020-01-03" (on or before). By default the
timeline shows what happened (asserted or reported) and what was planned or
threatened, marked as such; denied, negated, conditional and questioned events
are shown only with ``TimelineFilter.all_modalities``. Minor rows — an event
with no date at all, or a single report that states no date and lacks a second
known actor — are shown only with ``TimelineFilter.minor`` (:func:`is_minor`).

Disputed claims. A claim group in conflict (e.g. "80 U.S. troops killed" vs "no
casualties") is linked to the story event it is about: one whose type fits the
claim category (killed/wounded -> ASSAULT ...) and whose date lies within
:data:`DISPUTE_WINDOW_DAYS` of the group's date, preferring an event that shares
a sentence, then articles, with the claims, then the nearest date.
"""

from __future__ import annotations

import csv
import html
import io
import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ..models import ClaimGroup, StoryEvent
from ._dates import DateSpan, span_of, within
from .dedup import AFTER, BOUNDED, REPORTED, actor_label
from .escalation import pair_of

__all__ = [
    "TimelineFilter", "TIMELINE_FORMATS", "SHOWN_MODALITIES", "link_disputes", "select",
    "timeline_rows", "render_timeline", "actor_matches", "story_window", "day_label", "order_key",
    "is_minor",
]  # fmt: skip

TIMELINE_FORMATS = ("text", "md", "json", "html", "csv")
SHOWN_MODALITIES = ("asserted", "reported", "planned", "threatened")
DISPUTE_WINDOW_DAYS = 2
WINDOW_DAYS = 31
CATEGORY_TYPES = {
    "killed": {"ASSAULT"},
    "wounded": {"ASSAULT"},
    "weapons": {"ASSAULT", "MOBILIZE", "THREATEN"},
    "arrested": {"COERCE"},
    "displaced": {"ASSAULT", "COERCE"},
    "troops": {"MOBILIZE", "RETREAT", "CONCEDE", "ASSAULT"},
    "crowd": {"PROTEST"},
    "money": {"SANCTION", "AID"},
}
ROW_KEYS = ("date", "date_precision", "story_id", "summary", "type", "source", "target", "modality",
            "articles", "event_ids", "disputed", "claim_groups")  # fmt: skip


@dataclass
class TimelineFilter:
    """Which story events a timeline shows."""

    since: date | None = None
    until: date | None = None
    actor: str | None = None
    all_modalities: bool = False
    minor: bool = False  # also undated events, and lone unstated reports (see is_minor)


def actor_matches(story: StoryEvent, actor: str) -> bool:
    """True when ``actor`` (a country code, entity id or name part) is source or target."""
    want = actor.strip().lower()
    for a in (story.source, story.target):
        if a is None:
            continue
        codes = {(a.country or "").lower(), (a.entity_id or "").lower()}
        if want in codes or (len(want) > 3 and want in a.text.lower()):
            return True
    return False


def is_minor(story: StoryEvent) -> bool:
    """A row a default timeline leaves out: no date at all; a happening whose date no
    report states and that every report tells as background (``StoryEvent.background``:
    "militias that helped crush Islamic State", "Soleimani had killed thousands");
    or a single such report that lacks a second known actor ("he called").

    A happening whose date the text states is always kept, and so is one several
    articles report as news, or a news clause between two known actors (coded or
    named entities, as in :func:`~dateline.story.escalation.pair_of`: "Britain
    condemned the Iranian action").
    """
    if not story.date:
        return True
    if story.date_precision not in BOUNDED:
        return False
    if story.background:
        return True
    return len(story.articles) == 1 and pair_of(story) is None


def select(stories: list[StoryEvent], flt: TimelineFilter) -> list[StoryEvent]:
    """The story events ``flt`` keeps, in timeline order."""
    out = []
    for s in stories:
        if not flt.all_modalities and s.modality not in SHOWN_MODALITIES:
            continue
        if not flt.minor and is_minor(s):
            continue
        if (flt.since or flt.until) and not within(span_of(s.date), flt.since, flt.until):
            continue
        if flt.actor and not actor_matches(s, flt.actor):
            continue
        out.append(s)
    return sorted(out, key=order_key)


def order_key(s: StoryEvent) -> tuple[str, bool, int, str, str]:
    """Timeline order: by day; stated dates first, then the most-reported happenings."""
    stated = s.date_precision not in BOUNDED
    day = s.date or "9999"
    if s.date_precision in ("week", "weekend") and (span := span_of(s.date)) is not None:
        day = span.lo.isoformat()  # "2026-W48" sorts with its Monday, its weekend with Saturday
    return (day, not stated, -len(s.articles), s.first_reported or "9999", s.id)


def day_label(s: StoryEvent | dict[str, Any]) -> str:
    """The date as shown: "2020-01-03"; "≤2020-01-03" when only the report date is
    known; "≥2020-01-08" when only a happening it came after is dated;
    "2020-01-04/05" for a weekend ("2020-01-31/02-01", "2022-12-31/2023-01-01")."""
    when = s["date"] if isinstance(s, dict) else s.date
    precision = s["date_precision"] if isinstance(s, dict) else s.date_precision
    if not when:
        return "undated"
    if precision == "weekend" and (span := span_of(when)) is not None:
        lo, hi = span.lo, span.hi
        end = hi.isoformat() if hi.year != lo.year else hi.strftime("%m-%d")
        return f"{lo.isoformat()}/{hi.day:02d}" if hi.month == lo.month else f"{lo}/{end}"
    if precision == AFTER:
        return f"≥{when}"
    return f"≤{when}" if precision == REPORTED else when


def story_window(stories: list[StoryEvent], published: list[date | None]) -> DateSpan | None:
    """The days the story covers: around its articles' publication dates.

    From :data:`WINDOW_DAYS` before the first publication date to as many after the
    last; with no publication date, around the median day of the dated story events.
    """
    days = sorted(d for d in published if d is not None)
    if not days:
        spans = [sp for s in stories if (sp := span_of(s.date)) and sp.precision == "day"]
        days = [sorted(sp.lo for sp in spans)[len(spans) // 2]] if spans else []
    if not days:
        return None
    lo, hi = days[0] - timedelta(WINDOW_DAYS), days[-1] + timedelta(WINDOW_DAYS)
    return DateSpan(f"{lo.isoformat()}/{hi.isoformat()}", "window", lo, hi)


def _dispute_score(story: StoryEvent, group: ClaimGroup, gday: date) -> tuple[int, int, int]:
    sentences = {c.sentence for c in group.claims}
    articles = {c.article_id for c in group.claims}
    span = span_of(story.date)
    dist = abs((span.lo - gday).days) if span else 99
    return (-len(sentences & set(story.sentences)), -len(articles & set(story.articles)), dist)


def link_disputes(stories: list[StoryEvent], groups: list[ClaimGroup]) -> None:
    """Flag the story event each conflicting claim group is about (sets ``disputed``)."""
    for group in groups:
        if not group.conflict:
            continue
        gspan = span_of(group.date)
        types = CATEGORY_TYPES.get(group.category, set())
        candidates = []
        for s in stories:
            span = span_of(s.date)
            if s.type not in types or span is None or gspan is None:
                continue
            if span.precision != "day" or s.modality not in ("asserted", "reported"):
                continue
            if abs((span.lo - gspan.lo).days) <= DISPUTE_WINDOW_DAYS:
                candidates.append(s)
        if gspan is None or not candidates:
            continue
        best = min(candidates, key=lambda s: _dispute_score(s, group, gspan.lo))
        best.disputed = True
        if group.id not in best.claim_groups:
            best.claim_groups.append(group.id)


def timeline_rows(stories: list[StoryEvent]) -> list[dict[str, Any]]:
    """The JSON form of a timeline: one plain dict per story event."""
    return [
        {
            "date": s.date,
            "date_precision": s.date_precision,
            "story_id": s.id,
            "summary": s.summary,
            "type": s.type,
            "source": actor_label(s.source) if s.source else None,
            "target": actor_label(s.target) if s.target else None,
            "modality": s.modality,
            "articles": list(s.articles),
            "event_ids": list(s.event_ids),
            "disputed": s.disputed,
            "claim_groups": list(s.claim_groups),
        }
        for s in stories
    ]


def _marks(row: dict[str, Any]) -> str:
    n = len(row["articles"])
    marks = [f"{n} article{'s' if n != 1 else ''}"]
    if row["disputed"]:
        marks.append("disputed figures")
    return "[" + "; ".join(marks) + "]"


def _prefix(row: dict[str, Any]) -> str:
    return "" if row["modality"] in ("asserted", "reported") else f"({row['modality'].upper()}) "


def _text(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "(no events)"
    lines, last = [], None
    width = max(11, *(len(day_label(r)) for r in rows))
    for r in rows:
        day = day_label(r)
        head = day.ljust(width) if day != last else " " * width
        lines.append(f"{head}  {_prefix(r)}{r['summary']} {_marks(r)}")
        last = day
    return "\n".join(lines)


def _md(rows: list[dict[str, Any]]) -> str:
    out = ["| date | event | type | actors | articles | disputed |", "|---|---|---|---|---|---|"]
    for r in rows:
        summary = (_prefix(r) + r["summary"]).replace("|", "\\|")
        actors = f"{r['source'] or '?'} → {r['target'] or '?'}"
        out.append(f"| {day_label(r)} | {summary} | {r['type']} | {actors} | "
                   f"{len(r['articles'])} | {'yes' if r['disputed'] else ''} |")  # fmt: skip
    return "\n".join(out)


def _csv(rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(ROW_KEYS), lineterminator="\n")
    writer.writeheader()
    for r in rows:
        writer.writerow({k: ";".join(v) if isinstance(v, list) else v for k, v in r.items()})
    return buf.getvalue().rstrip("\n")


def _html(rows: list[dict[str, Any]]) -> str:
    e = html.escape
    body = []
    for r in rows:
        flag = ' <b class="disputed">disputed figures</b>' if r["disputed"] else ""
        body.append(
            f'<tr class="m-{e(r["modality"])}"><td>{e(day_label(r))}</td>'
            f"<td>{e(_prefix(r) + r['summary'])}{flag}</td><td>{e(r['type'])}</td>"
            f"<td>{e(r['source'] or '?')} → {e(r['target'] or '?')}</td>"
            f"<td>{len(r['articles'])}</td></tr>"
        )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Timeline</title>'
        "<style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}"
        ".m-threatened,.m-planned{color:#8a5a00;font-style:italic}.disputed{color:#b00}"
        "</style></head><body><h1>Timeline</h1><table><tr><th>date</th><th>event</th>"
        "<th>type</th><th>actors</th><th>articles</th></tr>" + "".join(body) + "</table>"
        "</body></html>"
    )


def render_timeline(stories: list[StoryEvent], fmt: str) -> str:
    """Render story events as ``text``, ``md``, ``json``, ``csv`` or ``html``."""
    rows = timeline_rows(stories)
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    renderers = {"text": _text, "md": _md, "csv": _csv, "html": _html}
    if fmt not in renderers:
        raise ValueError(f"unknown timeline format {fmt!r}; use one of {TIMELINE_FORMATS}")
    return renderers[fmt](rows)
