"""HTML article pages: main text and metadata through trafilatura.

trafilatura's XML output keeps the structure we need: the ``<doc>`` element
carries the metadata (title, author, date, url, sitename, hostname) and
``<main>`` holds paragraphs, headings (``<head rend="h2">``), lists, quotes and
tables. Headings become :class:`~dateline.models.Section` records, not text,
as in the plain-text reader; the headline itself is dropped from the body.

The published date comes from the page's markup and URL only (htmldate without
its extensive text search), so a date merely mentioned in the body is never
taken for the publication date.
"""

from __future__ import annotations

import codecs
import logging
import re

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from ..errors import MalformedInputError, NoArticleError
from ..models import RawArticle
from ._decode import decode_text, looks_binary
from ._result import ReadResult, join_blocks, parse_date, split_authors

__all__ = ["read_html", "read_html_page", "MIN_WORDS"]

MIN_WORDS = 5
"""Extracted text shorter than this is navigation or boilerplate, not an article."""

_LOG = logging.getLogger(__name__)

# <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x">,
# <?xml version="1.0" encoding="x"?>
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.I,
)
_CONTENT_TYPE_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
# Browsers (WHATWG Encoding) read these labels as windows-1252.
_LATIN1_LABELS = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii"}
_TAG = re.compile(r"<[A-Za-z!/?]")
_WS = re.compile(r"\s+")
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def charset_from_content_type(content_type: str | None) -> str | None:
    """'text/html; charset=ISO-8859-1' → 'ISO-8859-1'."""
    if not content_type:
        return None
    m = _CONTENT_TYPE_CHARSET.search(content_type)
    return m.group(1) if m else None


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    if label in _LATIN1_LABELS:
        label = "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(data: bytes, origin: str, charset: str | None = None) -> str:
    """Decode an HTML page honoring its declared charset.

    ``charset`` (e.g. from an HTTP header) wins over a ``<meta charset>``
    declaration in the first 4 KB. A byte-order mark, no declaration, a UTF-8
    declaration or an unknown label go through :func:`decode_text`. A page
    declared as a single-byte charset that is in fact valid UTF-8 with non-ASCII
    characters is read as UTF-8: mislabelled UTF-8 is far more common than
    Latin text that happens to be valid UTF-8.
    """
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data, origin)
    if charset is None:
        m = _META_CHARSET.search(data[:4096])
        if m:
            charset = (m.group(1) or m.group(2)).decode("ascii", "replace")
    codec = _codec(charset)
    if codec is None or codec == "utf-8" or codec.startswith(("utf-16", "utf-32")):
        return decode_text(data, origin)
    if looks_binary(data):
        return decode_text(data, origin)  # raises BinaryInputError
    if not data.isascii():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return decode_text(data, origin)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        _LOG.debug("%s: not valid %s despite its declaration", origin, codec)
        return decode_text(data, origin)
    return decode_text(text.encode("utf-8"), origin)


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _block_text(el: etree._Element) -> str:
    """The text of one block, line breaks kept as newlines inside the paragraph."""
    parts: list[str] = []
    if el.text:
        parts.append(el.text)
    for child in el:
        if child.tag == "lb":
            parts.append("\n")
        else:
            parts.append(_block_text(child))
        if child.tail:
            parts.append(child.tail)
    lines = [_norm(line) for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line)


def _paragraphs(main: etree._Element) -> list[tuple[str, str]]:
    """(kind, text) for each block of trafilatura's ``<main>``: kind is 'head' or 'p'."""
    blocks: list[tuple[str, str]] = []
    if main.text and main.text.strip():
        blocks.append(("p", _norm(main.text)))
    for el in main:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "head":
            text = _norm("".join(el.itertext()))
            if text:
                blocks.append(("head", text))
        elif tag == "list":
            for item in el.iter("item"):
                text = _block_text(item)
                if text:
                    blocks.append(("p", text))
        elif tag == "table":
            for row in el.iter("row"):
                cells = [_norm("".join(c.itertext())) for c in row.iter("cell")]
                text = " | ".join(c for c in cells if c)
                if text:
                    blocks.append(("p", text))
        elif tag == "graphic":
            pass
        else:
            text = _block_text(el)
            if text:
                blocks.append(("p", text))
        if el.tail and el.tail.strip():
            blocks.append(("p", _norm(el.tail)))
    return blocks


def _parse_tree(text: str, origin: str) -> lxml_html.HtmlElement:
    if not _TAG.search(text):
        raise MalformedInputError("no HTML markup found (is this plain text?)", origin=origin)
    tree = trafilatura.load_html(text)
    if tree is None:
        # trafilatura turns down fragments without an <html> element; parse them wrapped.
        try:
            tree = lxml_html.document_fromstring(f"<html><body>{text}</body></html>")
        except (etree.ParserError, ValueError) as exc:
            raise MalformedInputError(f"HTML does not parse: {exc}", origin=origin) from exc
    return tree


def read_html_page(
    data: bytes,
    origin: str,
    *,
    url: str | None = None,
    charset: str | None = None,
) -> RawArticle:
    """Read one HTML page into an article, or raise why not.

    ``url`` is where the page was fetched from (the page's canonical link wins
    when it has one); ``charset`` is a charset declared outside the page (HTTP).
    Raises :class:`MalformedInputError` for content that is not HTML and
    :class:`NoArticleError` for a page without main text.
    """
    text = decode_html(data, origin, charset)
    tree = _parse_tree(text, origin)
    xml = trafilatura.extract(
        tree,
        url=url,
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        date_extraction_params=dict(_DATE_PARAMS),
    )
    if not xml:
        raise NoArticleError("no article text found in the HTML page", origin=origin)
    try:
        doc = etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError as exc:  # pragma: no cover - trafilatura writes valid XML
        raise MalformedInputError(f"HTML extraction failed: {exc}", origin=origin) from exc
    main = doc.find("main")
    title = _norm(doc.get("title") or "") or None
    body, sections = join_blocks(_paragraphs(main) if main is not None else [], title)
    if len(body.split()) < MIN_WORDS:
        raise NoArticleError(
            f"no article text found in the HTML page (only {len(body.split())} words of main text)",
            origin=origin,
        )
    published = None
    if doc.get("date"):
        try:
            published = parse_date(doc.get("date", ""))
        except ValueError:
            published = None
    return RawArticle(
        text=body,
        origin=origin,
        title=title,
        authors=split_authors(doc.get("author")),
        source=doc.get("sitename") or doc.get("hostname") or None,
        url=doc.get("url") or url,
        published=published,
        sections=sections,
    )


def read_html(data: bytes, origin: str) -> ReadResult:
    """Read an HTML page (one article). See :func:`read_html_page`."""
    return ReadResult(articles=[read_html_page(data, origin)])
