"""RSS and Atom feeds through feedparser: one article per entry.

An entry's text is its longest ``content`` (Atom content, RSS
``content:encoded``), or else its ``summary``/``description``, with HTML turned
into paragraphs separated by blank lines. Dates are taken as written in the
entry (``published``, else ``updated``), in the entry's own timezone.

A feed that does not parse and yields no entry, or XML that is not a feed,
raises :class:`MalformedInputError`. An entry without text is a problem for
that entry. A feed that breaks off part-way (feedparser's "bozo" flag with an
XML error) keeps the entries read before the break and reports the break as a
problem, since entries after it may be lost.
"""

from __future__ import annotations

import codecs
import html
import io
import re
import xml.sax
from datetime import date
from typing import Any

import feedparser
from lxml import etree
from lxml import html as lxml_html

from ..errors import BinaryInputError, EmptyInputError, MalformedInputError, NoArticleError
from ..models import RawArticle, Section
from ._decode import looks_binary
from ._result import ReadResult, Rejection, join_blocks, parse_date, split_authors

__all__ = ["read_feed", "html_to_text", "html_to_blocks"]

_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "ol", "p", "pre", "section", "table", "tr", "ul",
}  # fmt: skip
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_DROP_TAGS = {"script", "style", "noscript", "template", "iframe", "object", "embed"}
_BLANK_LINES = re.compile(r"\n\s*\n")
_ROOT = re.compile(r"<([A-Za-z_][\w:.-]*)")
_PROLOGUE = re.compile(r"^(?:\s+|<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>)*", re.S | re.I)
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def html_to_blocks(fragment: str) -> list[tuple[str, str]]:
    """An HTML fragment → ``("p" | "head", text)`` blocks: one per block element.

    ``<br>`` is a line break inside a paragraph; ``<h1>``–``<h6>`` are headings.
    """
    if "<" not in fragment:  # text in an HTML field: entities, blank-line paragraphs
        return [("p", p) for p in _plain_paragraphs(html.unescape(fragment))]
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return [("p", p) for p in _plain_paragraphs(re.sub(r"<[^>]*>", " ", fragment))]
    blocks: list[tuple[str, str]] = []
    current: list[str] = []

    def flush(kind: str = "p") -> None:
        lines = (" ".join(line.split()) for line in "".join(current).split("\n"))
        text = "\n".join(line for line in lines if line)
        if text:
            blocks.append((kind, text))
        current.clear()

    def walk(el: Any) -> None:
        if not isinstance(el.tag, str) or el.tag.lower() in _DROP_TAGS:
            return
        tag = el.tag.lower()
        block = tag in _BLOCK_TAGS
        if tag == "br":
            current.append("\n")
        elif block:
            flush()
        if el.text:
            current.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block:
            flush("head" if tag in _HEADINGS else "p")
        elif tag in ("td", "th"):
            current.append(" ")

    walk(root)
    flush()
    return blocks


def html_to_text(fragment: str) -> tuple[str, list[Section]]:
    """An HTML fragment → (text with blank-line-separated paragraphs, sections)."""
    return join_blocks(html_to_blocks(fragment))


def _plain_paragraphs(text: str) -> list[str]:
    paragraphs = (" ".join(p.split()) for p in _BLANK_LINES.split(text))
    return [p for p in paragraphs if p]


def _detail_text(detail: Any) -> tuple[str, list[Section]]:
    value = detail.get("value") or ""
    kind = (detail.get("type") or "text/html").lower()
    if kind in _HTML_TYPES:
        return html_to_text(value)
    return "\n\n".join(_plain_paragraphs(value)), []


def _entry_text(entry: Any) -> tuple[str, list[Section]]:
    """The longest content of the entry, else its summary."""
    contents = [_detail_text(c) for c in entry.get("content") or []]
    contents = [c for c in contents if c[0]]
    if contents:
        return max(contents, key=lambda c: len(c[0]))
    if entry.get("summary_detail"):
        return _detail_text(entry["summary_detail"])
    return "\n\n".join(_plain_paragraphs(entry.get("summary") or "")), []


def _title(item: Any) -> str | None:
    """A feed's or entry's title as plain text (titles may be HTML)."""
    detail = item.get("title_detail") or {}
    value = item.get("title") or ""
    if (detail.get("type") or "").lower() in _HTML_TYPES:
        value = " ".join(text for _, text in html_to_blocks(value))
    return " ".join(value.split()) or None


def _entry_date(entry: Any) -> date | None:
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if raw:
            try:
                return parse_date(raw)
            except ValueError:
                pass
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return date(*parsed[:3])  # feedparser's UTC time: a fallback only
    return None


def _entry_authors(entry: Any) -> list[str]:
    names: list[str] = []
    for author in entry.get("authors") or []:
        name = author.get("name") if isinstance(author, dict) else None
        if name:
            names.extend(n for n in split_authors(name) if n not in names)
    if not names and entry.get("author"):
        names = split_authors(entry["author"])
    return names


def _is_fatal(exc: BaseException | None) -> bool:
    """A bozo exception that means the XML broke (not a mere encoding override)."""
    return isinstance(exc, xml.sax.SAXException)


def _root_name(data: bytes) -> str | None:
    head = data[:4096].decode("utf-8", errors="ignore").lstrip("\ufeff")
    m = _ROOT.match(head[_PROLOGUE.match(head).end() :])  # type: ignore[union-attr]
    return m.group(1) if m else None


def _parse_error(exc: BaseException | None, data: bytes) -> str:
    if isinstance(exc, xml.sax.SAXParseException):
        line = exc.getLineNumber() or 1
        # feedparser puts an XML declaration line in front of data that has none
        if not data.removeprefix(codecs.BOM_UTF8).startswith(b"<?xml"):
            line = max(1, line - 1)
        return f"{exc.getMessage()} at line {line}, column {exc.getColumnNumber()}"
    return str(exc) if exc else "unknown error"


def read_feed(data: bytes, origin: str) -> ReadResult:
    """Read an RSS or Atom feed; see the module docstring."""
    if not data.strip():
        raise EmptyInputError("file is empty", origin=origin)
    if looks_binary(data):
        raise BinaryInputError("binary content, not a feed", origin=origin)
    # A file object, never a string: feedparser fetches strings that look like URLs.
    parsed = feedparser.parse(io.BytesIO(data))
    entries = list(parsed.entries)
    broken = bool(parsed.get("bozo")) and _is_fatal(parsed.get("bozo_exception"))
    if not parsed.get("version") and not entries:
        if broken:
            raise MalformedInputError(
                f"feed does not parse: {_parse_error(parsed.get('bozo_exception'), data)}",
                origin=origin,
            )
        root = _root_name(data)
        raise MalformedInputError(
            "not an RSS or Atom feed" + (f" (root element <{root}>)" if root else ""),
            origin=origin,
        )
    if not entries:
        if broken:
            raise MalformedInputError(
                f"feed does not parse: {_parse_error(parsed.get('bozo_exception'), data)}",
                origin=origin,
            )
        raise NoArticleError("feed has no entries", origin=origin)
    source = _title(parsed.feed)
    many = len(entries) > 1
    group = origin if many else None
    result = ReadResult()
    for n, entry in enumerate(entries, start=1):
        where = f"{origin}#{n}" if many else origin
        text, sections = _entry_text(entry)
        if not text:
            result.problems.append(
                Rejection(
                    where, "feed entry has no text (no content or summary)", NoArticleError.code
                )
            )
            continue
        result.articles.append(
            RawArticle(
                text=text,
                origin=where,
                title=_title(entry),
                authors=_entry_authors(entry),
                source=source,
                url=entry.get("link") or None,
                published=_entry_date(entry),
                sections=sections,
                group=group,
            )
        )
    if broken:
        error = _parse_error(parsed.get("bozo_exception"), data)
        if not result.articles:
            raise MalformedInputError(f"feed does not parse: {error}", origin=origin)
        result.problems.append(
            Rejection(
                origin,
                f"feed is malformed ({error}); entries after the error may be missing",
                MalformedInputError.code,
            )
        )
    return result
