"""The report's timeline: the story window day by day, then background and undated events."""

from __future__ import annotations

from html import escape

from ..models import Event, StoryEvent
from ..story._dates import DateSpan, span_of, within
from ..story.build import StoryData
from ..story.dedup import BOUNDED, actor_label
from ..story.timeline import TimelineFilter, day_label, is_minor, select, story_window
from ._cite import Citations

__all__ = ["timeline_section"]

_HEAD = (
    "<table><thead><tr><th>date</th><th>what happened</th><th>type</th><th>actors</th>"
    "<th>articles</th><th>sources</th></tr></thead><tbody>"
)


def _event_links(story: StoryEvent, events: dict[str, Event], cites: Citations) -> str:
    links, seen = [], set()
    for eid in story.event_ids:
        ev = events.get(eid)
        if ev is None or ev.article_id in seen:
            continue
        seen.add(ev.article_id)
        anchor = cites.cite(ev.article_id, ev.sentence_start, ev.sentence_end, ev.sentence)
        links.append((cites.number(ev.article_id or ""), anchor))
    links.sort()
    return " ".join(cites.link(a, label) for label, a in links)


def _badge(modality: str) -> str:
    if modality in ("asserted", "reported"):
        return ""
    return f'<span class="badge m-{escape(modality)}">{escape(modality)}</span> '


def _dispute_links(groups: list[str]) -> str:
    """ "disputed figures" linking the first conflicting claim group, "2", "3" … the others."""
    return "".join(
        f' <a class="disputed" href="#claims-{escape(g)}">{"disputed figures" if k == 1 else k}</a>'
        for k, g in enumerate(groups, start=1)
    )


def _rows(stories: list[StoryEvent], events: dict[str, Event], cites: Citations) -> str:
    rows, last = [], None
    for s in stories:
        day = day_label(s)
        day_cell = escape(day) if day != last else ""
        last = day
        unstated = " unstated" if s.date_precision in BOUNDED else ""
        dispute = _dispute_links(s.claim_groups)
        rows.append(
            f'<tr id="{escape(s.id)}" class="row-{escape(s.modality)}{unstated}"><td class="day">'
            f"{day_cell}</td><td>{_badge(s.modality)}{escape(s.summary)}{dispute}</td>"
            f"<td>{escape(s.type)}</td>"
            f"<td>{escape(actor_label(s.source))} → {escape(actor_label(s.target))}</td>"
            f'<td class="n">{len(s.articles)}</td>'
            f'<td class="src">{_event_links(s, events, cites)}</td></tr>'
        )
    return _HEAD + "".join(rows) + "</tbody></table>"


def _inside(story: StoryEvent, window: DateSpan) -> bool:
    return story.date is not None and within(span_of(story.date), window.lo, window.hi)


def timeline_section(data: StoryData, cites: Citations) -> str:
    """Story events inside the story window; background and undated ones folded below."""
    events = {e.id: e for e in data.events}
    window = story_window(data.stories, [a.published for a in data.articles])
    shown = select(data.stories, TimelineFilter(minor=True))
    if not shown:
        return '<section id="timeline"><h2>Timeline</h2><p class="empty">No events.</p></section>'
    if window is None:
        main, background = [s for s in shown if s.date], []
    else:
        main = [s for s in shown if _inside(s, window)]
        background = [s for s in shown if s.date and not _inside(s, window)]
    undated = [s for s in shown if not s.date]
    minor = [s for s in main if is_minor(s)]
    main = [s for s in main if s not in minor]
    span = f" ({window.lo.isoformat()} – {window.hi.isoformat()})" if window else ""
    out = [
        '<section id="timeline"><h2>Timeline</h2><p class="note">One row per real-world '
        "happening, merged across articles. Within a day, events the text dates come "
        "first (most-reported first); grey rows marked ≤ are dated only by their first "
        "report, or an undated article's publication window (they happened on or before "
        "that day); grey rows marked ≥ are dated only by a happening they came after "
        "(on or after that day). Threatened and planned events are "
        "marked; the links go to the sentences that report each event. Story window"
        f"{escape(span)}.</p>",
        _rows(main, events, cites),
    ]
    groups = (
        (
            "Reports without a stated date told as background, or single ones lacking a "
            "second known actor",
            minor,
        ),
        ("Background: earlier events the articles recall", background),
        ("Undated: no date in the text or the article", undated),
    )
    for label, group in groups:
        if group:
            out.append(f"<details><summary>{escape(label)}: {len(group)} event(s)</summary>"
                       + _rows(group, events, cites) + "</details>")  # fmt: skip
    out.append("</section>")
    return "".join(out)
