"""Inline SVG charts for the report: escalation per actor pair, and the actor network."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from ..models import EscalationPoint, StoryEvent
from ..story.escalation import PAIR_SEP, pair_of

__all__ = ["escalation_chart", "network_chart", "intensity_colour", "short_name"]


def intensity_colour(value: float | None) -> str:
    """Red for hostile (−10), grey for neutral, green for cooperative (+10)."""
    if value is None:
        return "#888888"
    v = max(-10.0, min(10.0, value)) / 10.0
    if v < 0:
        r, g, b = 150 + int(-v * 80), int(150 * (1 + v)), int(150 * (1 + v))
    else:
        r, g, b = int(150 * (1 - v)), 150 + int(v * 40), int(150 * (1 - v))
    return f"#{r:02x}{g:02x}{b:02x}"


def short_name(name: str, limit: int = 14) -> str:
    """A node label that fits its circle."""
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _days(lo: date, hi: date) -> list[date]:
    return [lo + timedelta(i) for i in range((hi - lo).days + 1)]


def escalation_chart(pair: str, points: list[EscalationPoint], lo: date, hi: date) -> str:
    """Bars: events per day between the pair; colour: mean intensity; line: intensity."""
    mine = {p.date: p for p in points if p.pair == pair}
    days = _days(lo, hi)
    width, height, left, top, plot_h = 900, 200, 40, 14, 130
    step = (width - left - 40) / max(1, len(days))
    top_count = max([p.events for p in mine.values()] + [1])
    mid = top + plot_h / 2
    out = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" '
           f'height="{height}" role="img" aria-label="escalation {escape(pair)}">',
           f"<title>Events per day and mean intensity, {escape(pair)}</title>",
           f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 40}" y2="{top + plot_h}" '
           'stroke="#999"/>',
           f'<line x1="{left}" y1="{mid}" x2="{width - 40}" y2="{mid}" stroke="#ddd" '
           'stroke-dasharray="4 3"/>',
           f'<text x="{left - 6}" y="{top + 8}" text-anchor="end">{top_count}</text>',
           f'<text x="{left - 6}" y="{top + plot_h}" text-anchor="end">0</text>',
           f'<text x="{width - 36}" y="{top + 8}">+10</text>',
           f'<text x="{width - 36}" y="{top + plot_h}">−10</text>']  # fmt: skip
    line: list[str] = []
    last_tick = 0
    for i, day in enumerate(days):
        x = left + i * step
        p = mine.get(day.isoformat())
        if p is not None:
            h = plot_h * p.events / top_count
            faint = plot_h * p.unstated / top_count  # the top part: by report or weekend only
            bar = min(max(step - 2, 1), 22)
            bx = f"{x + (step - bar) / 2:.1f}"
            note = f", {p.unstated} not dated to the day" if p.unstated else ""
            out.append(f'<rect x="{bx}" y="{top + plot_h - h:.1f}" '
                       f'width="{bar:.1f}" height="{h:.1f}" '
                       f'fill="{intensity_colour(p.mean_intensity)}"><title>{day.isoformat()}: '
                       f"{p.events} event(s){note}, mean intensity {p.mean_intensity:+.1f}"
                       "</title></rect>")  # fmt: skip
            if faint:
                out.append(f'<rect x="{bx}" y="{top + plot_h - h:.1f}" width="{bar:.1f}" '
                           f'height="{faint:.1f}" fill="#fff" fill-opacity="0.55" '
                           'stroke="#999" stroke-dasharray="2 2"/>')  # fmt: skip
            y = mid - (plot_h / 2) * p.mean_intensity / 10
            line.append(f"{x + step / 2:.1f},{y:.1f}")
        every_day = len(days) <= 14
        if i == 0 or every_day or (day.weekday() == 0 and i - last_tick >= 4):
            last_tick = i
            out.append(f'<text x="{x:.1f}" y="{top + plot_h + 16}" class="tick">'
                       f"{day.strftime('%d %b')}</text>")  # fmt: skip
    if len(line) > 1:
        out.append(f'<polyline points="{" ".join(line)}" fill="none" stroke="#333" '
                   'stroke-width="1.5"/>')  # fmt: skip
    for pt in line:
        px, py = pt.split(",")
        out.append(f'<circle cx="{px}" cy="{py}" r="2.5" fill="#333"/>')
    out.append(f'<text x="{left}" y="{height - 8}" class="legend">bars: events per day '
               "(red hostile, green cooperative; pale top: dated only as on or before "
               "that day) · line: mean intensity, dashed = 0"
               "</text></svg>")  # fmt: skip
    return "".join(out)


@dataclass
class _Edge:
    count: int = 0
    intensity: float = 0.0
    known: int = 0


def network_chart(stories: list[StoryEvent], names: dict[str, str], limit: int = 12) -> str:
    """Actors as nodes (country code or entity), story events between them as edges."""
    edges: dict[str, _Edge] = defaultdict(_Edge)
    degree: dict[str, int] = defaultdict(int)
    for s in stories:
        pair = pair_of(s)
        if pair is None:
            continue
        e = edges[pair]
        e.count += 1
        if s.intensity is not None:
            e.intensity += s.intensity
            e.known += 1
        for code in pair.split(PAIR_SEP):
            degree[code] += 1
    nodes = sorted(degree, key=lambda k: (-degree[k], k))[:limit]
    if not nodes:
        return '<p class="empty">No events between two coded actors.</p>'
    size, radius = 480, 170
    cx = cy = size / 2
    pos = {}
    for i, node in enumerate(nodes):
        angle = 2 * math.pi * i / len(nodes) - math.pi / 2
        pos[node] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
    top = max(e.count for e in edges.values())
    out = [
        f'<svg class="network" viewBox="0 0 {size} {size}" width="{size}" height="{size}" '
        'role="img" aria-label="actor network"><title>Actor network</title>'
    ]
    for pair, e in sorted(edges.items()):
        a, b = pair.split(PAIR_SEP)
        if a not in pos or b not in pos:
            continue
        (x1, y1), (x2, y2) = pos[a], pos[b]
        mean = e.intensity / e.known if e.known else None
        w = 1.5 + 7 * e.count / top
        out.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                   f'stroke="{intensity_colour(mean)}" stroke-width="{w:.1f}" '
                   f'stroke-opacity="0.8"><title>{escape(pair)}: {e.count} event(s)'
                   f"</title></line>")  # fmt: skip
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        out.append(f'<circle cx="{mx:.1f}" cy="{my:.1f}" r="9" fill="#fff" stroke="#ccc"/>'
                   f'<text x="{mx:.1f}" y="{my + 4:.1f}" text-anchor="middle" class="elabel">'
                   f"{e.count}</text>")  # fmt: skip
    for node in nodes:
        x, y = pos[node]
        r = 14 + 3 * math.sqrt(degree[node])
        label = names.get(node, node)
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#e8eef7" '
                   f'stroke="#35598f"><title>{escape(label)}</title></circle>'
                   f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle" class="node">'
                   f"{escape(short_name(label))}</text>")  # fmt: skip
    out.append("</svg>")
    return "".join(out)
