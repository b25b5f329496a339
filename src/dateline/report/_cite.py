"""Citations: every item in the report links to the sentence it came from.

:class:`Citations` registers sentences (article id + character span) as they are
cited and hands back an anchor; the Sources section then lists, per article, the
headline and each cited sentence under that anchor. All text is escaped here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

from ..models import Article

__all__ = ["Citations"]

_END = re.compile(r"[.!?][\"'”’)]*\s+|\n+")


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence(s) around ``text[start:end]``."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    lo = 0
    for found in _END.finditer(text, 0, start):
        lo = found.end()
    nxt = _END.search(text, max(end - 1, start))
    if nxt is None:
        return lo, len(text)
    return lo, nxt.start() + 1 if text[nxt.start()] in ".!?" else nxt.start()


@dataclass
class _Cited:
    anchor: str
    start: int
    end: int
    text: str


@dataclass
class Citations:
    """Sentences cited so far, per article, with their anchors."""

    articles: dict[str, Article]
    cited: dict[str, dict[int, _Cited]] = field(default_factory=dict)
    numbers: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for i, art in enumerate(self._ordered(), start=1):
            self.numbers[art.id] = f"A{i}"

    def _ordered(self) -> list[Article]:
        return sorted(
            self.articles.values(),
            key=lambda a: (a.published.isoformat() if a.published else "9999", a.id),
        )

    def number(self, article_id: str) -> str:
        """The short label of an article ("A3"): its place in publication order."""
        return self.numbers.get(article_id, "?")

    def cite(self, article_id: str | None, start: int, end: int, text: str | None = None) -> str:
        """Register a cited sentence and return its anchor ("" when the article is unknown)."""
        if not article_id or article_id not in self.articles:
            return ""
        body = self.articles[article_id].text
        if text and body[start:end] != text:
            found = body.find(text)
            start, end = (found, found + len(text)) if found >= 0 else (start, end)
            text = text if found >= 0 else None
        if not text:
            start, end = _sentence_span(body, start, end)
            text = body[start:end]
        per = self.cited.setdefault(article_id, {})
        if start not in per:
            per[start] = _Cited(f"s-{article_id}-{start}", start, end, text)
        return per[start].anchor

    def cite_within(self, article_id: str | None, start: int, end: int) -> str:
        """Cite the sentence containing ``[start, end)`` of an article."""
        return self.cite(article_id, start, end)

    def headline(self, article_id: str) -> str:
        art = self.articles.get(article_id)
        return (art.title or "(untitled)") if art else article_id

    def link(self, anchor: str, label: str) -> str:
        if not anchor:
            return ""
        return f'<a class="cite" href="#{escape(anchor)}">{escape(label)}</a>'

    def render_sources(self) -> str:
        """The Sources section: each article's headline and its cited sentences."""
        parts = ['<section id="sources"><h2>Sources</h2>']
        for art in self._ordered():
            when = art.published.isoformat() if art.published else "date unknown"
            meta = ", ".join(x for x in (art.source, art.dateline, when) if x)
            parts.append(
                f'<article id="art-{escape(art.id)}"><h3><span class="num">'
                f"{self.number(art.id)}</span> {escape(art.title or '(untitled)')}"
                f" <small>{escape(meta)} · id {escape(art.id)}</small></h3><ol>"
            )
            for c in sorted(self.cited.get(art.id, {}).values(), key=lambda c: c.start):
                parts.append(
                    f'<li id="{escape(c.anchor)}"><span class="sid">'
                    f"{escape(art.id)}:{c.start}</span> {escape(c.text)}</li>"
                )
            parts.append("</ol></article>")
        parts.append("</section>")
        return "".join(parts)
