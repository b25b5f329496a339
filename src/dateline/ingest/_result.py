"""What every reader returns, format sniffing, and small helpers the readers share.

Every reader is a plain function ``read_xxx(data: bytes, origin: str) -> ReadResult``.
A problem with the whole input is raised as a :mod:`dateline.errors` exception;
a problem with one record of a multi-record input (a JSONL line, a feed entry,
a WARC record) is returned in :attr:`ReadResult.problems` next to the articles
that were read, so one bad record neither kills the rest nor disappears silently.
"""

from __future__ import annotations

import codecs
import re
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import PurePath

from ..models import RawArticle, Rejection, Section

__all__ = [
    "ReadResult",
    "Rejection",
    "sniff_format",
    "split_authors",
    "parse_date",
    "looks_like_archive",
    "join_blocks",
    "FORMATS",
]

FORMATS = ("html", "json", "feed", "warc", "text")


@dataclass(frozen=True)
class ReadResult:
    """The articles a reader found in one input, and the records it had to skip."""

    articles: list[RawArticle] = field(default_factory=list)
    problems: list[Rejection] = field(default_factory=list)


# ---------------------------------------------------------------------------
# Format sniffing
# ---------------------------------------------------------------------------

_EXTENSIONS: dict[str, str] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".json": "json",
    ".jsonl": "json",
    ".ndjson": "json",
    ".jsonlines": "json",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
    ".arc": "warc",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
}
_GZIP_MAGIC = b"\x1f\x8b"
_ARCHIVE_HEADS = (b"WARC/", b"filedesc://")
_UTF_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Markup that may stand before the root element: declarations, comments, PIs.
_PROLOGUE = re.compile(r"^(?:\s+|<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>)*", re.S | re.I)
_ROOT = re.compile(r"<([A-Za-z_][\w:.-]*)")
_FEED_ROOTS = {"rss", "feed", "rdf:rdf", "rdf"}
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)\b", re.I)


def _text_head(data: bytes, size: int = 4096) -> str:
    """The start of ``data`` as text, for sniffing only (never fails)."""
    head = data[:size]
    for bom, codec in _UTF_BOMS:
        if head.startswith(bom):
            return head.decode(codec, errors="ignore").lstrip("\ufeff")
    return head.decode("utf-8", errors="ignore")


def _gunzip_head(data: bytes, size: int = 64) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:4096], size)
    except zlib.error:
        return b""


def looks_like_archive(data: bytes) -> bool:
    """Does ``data`` (gzipped or not) start with a WARC or ARC record header?"""
    head = _gunzip_head(data) if data.startswith(_GZIP_MAGIC) else data[:64]
    return head.startswith(_ARCHIVE_HEADS)


def _markup_kind(head: str) -> str | None:
    """'feed' or 'html' for markup, from its root element; None if not markup."""
    rest = head[_PROLOGUE.match(head).end() :]  # type: ignore[union-attr]
    root = _ROOT.match(rest)
    if root is not None:
        name = root.group(1).lower()
        if name in _FEED_ROOTS:
            return "feed"
        if name == "html" or _HTML_START.match(rest):
            return "html"
    if head.lstrip().lower().startswith("<?xml"):
        # XML whose root is neither a feed nor <html>: the feed reader rejects it
        # with a message naming the root element, which says more than an HTML
        # extractor finding "no article" in it would.
        return "feed"
    if _HTML_START.search(head[:1024]) or rest.startswith("<"):
        return "html"
    return None


def sniff_format(data: bytes, name: str) -> str:
    """Which reader should read ``data``: one of ``FORMATS``.

    The file name decides first:

    - ``.html .htm .xhtml .shtml`` → ``html``
    - ``.json .jsonl .ndjson .jsonlines`` → ``json`` (the reader tells arrays,
      objects and JSON Lines apart itself)
    - ``.rss .atom`` → ``feed``
    - ``.warc .arc`` and ``.warc.gz .arc.gz`` → ``warc``
    - ``.txt .text .md`` → ``text``
    - ``.xml`` → ``html`` when the root element is ``<html>`` (XHTML), otherwise
      ``feed``; the feed reader rejects XML that is not RSS/Atom with a message
      naming its root element.

    Any other name (``<stdin>``, no extension, ``.gz`` ...) is decided by content:
    gzip whose content starts with a WARC/ARC header, or a ``WARC/`` prefix →
    ``warc``; a leading ``{`` or ``[`` → ``json``; markup whose root is
    ``rss``/``feed``/``rdf:RDF`` → ``feed``; ``<!doctype html>``, ``<html>`` or
    other HTML tags → ``html``; anything else → ``text`` (the text reader then
    reports binary or undecodable content).
    """
    suffixes = [s.lower() for s in PurePath(name).suffixes]
    last = suffixes[-1] if suffixes else ""
    if last == ".gz" and len(suffixes) >= 2 and suffixes[-2] in (".warc", ".arc"):
        return "warc"
    if last in _EXTENSIONS:
        return _EXTENSIONS[last]
    if last == ".xml":
        return "html" if _is_xhtml(data) else "feed"
    return _sniff_content(data)


def _is_xhtml(data: bytes) -> bool:
    head = _text_head(data)
    root = _ROOT.match(head[_PROLOGUE.match(head).end() :])  # type: ignore[union-attr]
    return root is not None and root.group(1).lower() == "html"


def _sniff_content(data: bytes) -> str:
    if looks_like_archive(data):
        return "warc"
    head = _text_head(data)
    stripped = head.lstrip()
    if stripped[:1] in ("{", "["):
        return "json"
    if stripped[:1] == "<":
        return _markup_kind(head) or "text"
    return "text"


# ---------------------------------------------------------------------------
# Shared field helpers
# ---------------------------------------------------------------------------

_BY = re.compile(r"^\s*by\s+", re.I)
_AUTHOR_SPLIT = re.compile(r"\s*[;|]\s*|\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", re.I)


def split_authors(value: str | list[str] | None) -> list[str]:
    """'By A, B and C' / 'A; B' / ['A', 'B & C'] → ['A', 'B', 'C'], order kept, no repeats."""
    if value is None:
        return []
    items = [value] if isinstance(value, str) else list(value)
    names: list[str] = []
    for item in items:
        for part in _AUTHOR_SPLIT.split(_BY.sub("", item.strip())):
            name = " ".join(part.split()).strip(" .,;")
            if name and any(ch.isalpha() for ch in name) and name not in names:
                names.append(name)
    return names


def parse_date(value: str) -> date:
    """An ISO 8601 date or datetime, or an RFC 822 date (feeds), → the date as written.

    The date is taken in the timezone the value is written in (``2024-03-01T23:30-05:00``
    is March 1st), because that is the calendar date the publisher printed.
    Raises ValueError when the value is none of those.
    """
    text = value.strip()
    if not text:
        raise ValueError("empty date")
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace(" ", "T", 1) if " " in text else text).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    raise ValueError(f"not an ISO 8601 or RFC 822 date: {text[:40]!r}")


def join_blocks(
    blocks: list[tuple[str, str]], title: str | None = None
) -> tuple[str, list[Section]]:
    """Blocks of ``("p" | "head", text)`` → body text and its sections.

    Paragraphs are joined with blank lines; headings become sections (not text)
    whose offset is where the next paragraph starts, as in the plain-text reader.
    A block repeating the title before any paragraph (the headline) is dropped.
    """
    folded_title = " ".join(title.split()).casefold() if title else None
    paragraphs: list[str] = []
    sections: list[Section] = []
    offset = 0
    for kind, text in blocks:
        if not paragraphs and not sections and " ".join(text.split()).casefold() == folded_title:
            continue
        if kind == "head":
            sections.append(Section(heading=text, offset=offset))
            continue
        paragraphs.append(text)
        offset += len(text) + 2
    body = "\n\n".join(paragraphs)
    for section in sections:
        section.offset = min(section.offset, len(body))
    return body, sections
