"""The report's sections, each a string of HTML. Every piece of article text is escaped."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from html import escape

from ..models import HAPPENED, Claim, Quote, StoryEvent
from ..story.build import StoryData
from ..story.conflicts import interval
from ..story.escalation import PAIR_SEP, escalation, main_pairs, pair_of
from ..story.timeline import story_window
from ._cite import Citations
from ._svg import escalation_chart, network_chart

__all__ = ["escalation_section", "network_section", "claims_section",
           "quotes_section"]  # fmt: skip

QUOTES_PER_ACTOR = 3
QUOTE_ACTORS = 8


def escalation_section(data: StoryData) -> str:
    names = {e.id: e.name for e in data.entities}
    points = escalation(data.stories)
    window = story_window(data.stories, [a.published for a in data.articles])
    if window is not None:
        points = [p for p in points if window.lo <= date.fromisoformat(p.date) <= window.hi]
    pairs = main_pairs(points)
    head = '<section id="escalation"><h2>Escalation</h2>'
    if not pairs:
        return head + '<p class="empty">No dated events between two actors.</p></section>'
    days = [date.fromisoformat(p.date) for p in points]
    lo, hi = min(days), max(days)
    charts = []
    for pair in pairs:
        total = sum(p.events for p in points if p.pair == pair)
        charts.append(f"<h3>{escape(_pair_name(pair, names))} <small>{total} event(s)</small></h3>"
                      + escalation_chart(pair, points, lo, hi))  # fmt: skip
    return head + "".join(charts) + "</section>"


def _pair_name(pair: str, names: dict[str, str]) -> str:
    return PAIR_SEP.join(names.get(code, code) for code in pair.split(PAIR_SEP))


def _edge_table(stories: list[StoryEvent], names: dict[str, str]) -> str:
    by_pair: dict[str, list[StoryEvent]] = defaultdict(list)
    for s in stories:
        pair = pair_of(s)
        if pair:
            by_pair[pair].append(s)
    rows = []
    for pair in sorted(by_pair, key=lambda p: (-len(by_pair[p]), p))[:15]:
        group = by_pair[pair]
        known = [s.intensity for s in group if s.intensity is not None]
        mean = f"{sum(known) / len(known):+.1f}" if known else "–"
        types = Counter(s.type for s in group).most_common(3)
        rows.append(
            f"<tr><td>{escape(_pair_name(pair, names))}</td><td class='n'>{len(group)}</td>"
            f"<td class='n'>{mean}</td>"
            f"<td>{escape(', '.join(f'{t} ×{n}' for t, n in types))}</td></tr>"
        )
    return ("<table class='edges'><thead><tr><th>pair</th><th>events</th><th>mean intensity"
            "</th><th>main types</th></tr></thead><tbody>" + "".join(rows)
            + "</tbody></table>")  # fmt: skip


def network_section(data: StoryData) -> str:
    names = {e.id: e.name for e in data.entities}
    happened = [s for s in data.stories if s.modality in HAPPENED]
    return ('<section id="network"><h2>Actor network</h2><p class="note">Nodes are actors '
            "(country codes, or entities without one); an edge counts the events that "
            "happened between two of them, coloured by mean intensity (red hostile, green "
            "cooperative).</p><div class='netwrap'>" + network_chart(happened, names)
            + _edge_table(happened, names) + "</div></section>")  # fmt: skip


def claims_section(data: StoryData, cites: Citations) -> str:
    groups = [g for g in data.claim_groups if g.conflict]
    head = '<section id="claims"><h2>Conflicting claims</h2>'
    if not groups:
        return head + '<p class="empty">No conflicting figures found.</p></section>'
    out = [head]
    for g in groups:
        out.append(
            f'<div class="claimgroup" id="claims-{escape(g.id)}"><h3>'
            f"{escape(g.what)} <small>{escape(g.category)}"
            f"{', ' + escape(g.date) if g.date else ''}</small></h3><div class='sides'>"
        )
        for side in g.sides:
            members = [c for c in g.claims if _bounds(c) == (side.lo, side.hi)]
            items = []
            for c in members:
                anchor = cites.cite(c.article_id, c.start, c.end, c.sentence)
                items.append(f"<li>{_claim_sentence(c)} "
                             f"<span class='who'>— {escape(c.attributed_to or 'unattributed')}"
                             f"</span> {cites.link(anchor, cites.number(c.article_id or ''))}"
                             "</li>")  # fmt: skip
            out.append(f"<div class='side'><div class='value'>{escape(side.label)}</div>"
                       f"<div class='who'>{escape(', '.join(side.sources))}</div>"
                       f"<ul>{''.join(items)}</ul></div>")  # fmt: skip
        out.append("</div></div>")
    out.append("</section>")
    return "".join(out)


def _claim_sentence(c: Claim, limit: int = 240) -> str:
    """The claim's sentence, escaped, with the figure in bold."""
    sentence = " ".join(c.sentence.split())
    at = sentence.find(c.text) if c.text else -1
    if at < 0:
        return escape(sentence[:limit])
    lo = max(0, min(at - limit // 2, len(sentence) - limit))
    head, fig = sentence[lo:at], c.text
    tail = sentence[at + len(fig) : at + len(fig) + max(0, limit - len(head) - len(fig))]
    more = "…" if lo + len(head) + len(fig) + len(tail) < len(sentence) else ""
    return ("…" if lo else "") + escape(head) + f"<b>{escape(fig)}</b>" + escape(tail) + more


def _bounds(c: Claim) -> tuple[float, float]:
    iv = interval(c)
    return iv if iv is not None else (c.value, c.value if c.value_max is None else c.value_max)


def _speaker(q: Quote, names: dict[str, str]) -> str | None:
    if q.speaker_entity_id and q.speaker_entity_id in names:
        return names[q.speaker_entity_id]
    return q.speaker.strip() if q.speaker and q.speaker.strip() else None


def _quote_rank(q: Quote) -> tuple[int, int, int]:
    n = len(q.text)
    return (0 if q.kind == "direct" else 1, 0 if 40 <= n <= 320 else 1, -min(n, 320))


def quotes_section(data: StoryData, cites: Citations) -> str:
    names = {e.id: e.name for e in data.entities}
    by_actor: dict[str, list[Quote]] = defaultdict(list)
    for q in data.quotes:
        who = _speaker(q, names)
        if who:
            by_actor[who].append(q)
    head = '<section id="quotes"><h2>Key quotes by actor</h2>'
    if not by_actor:
        return head + '<p class="empty">No attributed quotes.</p></section>'
    actors = sorted(by_actor, key=lambda k: (-len(by_actor[k]), k))[:QUOTE_ACTORS]
    out = [head, "<div class='quotes'>"]
    for who in actors:
        quotes = sorted(by_actor[who], key=_quote_rank)[:QUOTES_PER_ACTOR]
        items = []
        for q in quotes:
            anchor = cites.cite_within(q.article_id, q.start, q.end)
            text = q.text.strip().rstrip(",")
            text = text if len(text) <= 400 else text[:399] + "…"
            mark = ("“", "”") if q.kind != "indirect" else ("", "")
            items.append(
                f"<li><span class='qt'>{mark[0]}{escape(text)}{mark[1]}</span> "
                f"{cites.link(anchor, cites.number(q.article_id or ''))}</li>"
            )
        out.append(f"<div class='actor'><h3>{escape(who)} <small>{len(by_actor[who])} "
                   f"quote(s)</small></h3><ul>{''.join(items)}</ul></div>")  # fmt: skip
    out.append("</div></section>")
    return "".join(out)
