"""WARC (and ARC) web archives, gzipped or not, through warcio.

Every ``response`` record with a 2xx HTTP status and an HTML content type, and
every ``resource`` record with an HTML content type, is read as one HTML page
(:func:`~dateline.ingest._html.read_html_page`) with the record's
``WARC-Target-URI`` as the fetched URL (a canonical link in the page wins) and
the HTTP ``charset`` as the declared encoding. Other records (``warcinfo``,
``request``, ``revisit``, images, redirects, error pages) are skipped silently.
``WARC-Date`` is the crawl time, not the publication date, and is not used.

Origins are ``path#N`` where N is the record's 1-based position in the archive
(counting every record), so a problem can be found with ``warcio index``.

A page without an article is a problem for its record. Input that does not
start with a WARC/ARC header, or whose first record cannot be read, raises
:class:`MalformedInputError`. An archive that breaks off or goes wrong part-way
(a truncated record, a bad record header, a wrong Content-Length) keeps the
pages read intact before the damage and reports the damage as a problem.
"""

from __future__ import annotations

import contextlib
import io
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.limitreader import LimitReader

from ..errors import EmptyInputError, InputError, MalformedInputError
from ._html import charset_from_content_type, read_html_page
from ._result import ReadResult, Rejection, looks_like_archive

__all__ = ["read_warc"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")


class _Damaged(Exception):
    """The archive is damaged at the current record."""


def _is_html(content_type: str | None) -> bool:
    if not content_type:
        return False
    return content_type.split(";")[0].strip().lower() in _HTML_TYPES


def _page(record: Any) -> tuple[str | None, str | None] | None:
    """(url, content type) when the record is an HTML page to read, else None."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    if record.rec_type == "response":
        http = record.http_headers
        if http is None:
            return None
        status = (http.get_statuscode() or "").strip()
        if not status.startswith("2"):
            return None
        content_type = http.get_header("Content-Type")
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type")
    else:
        return None
    return (url, content_type) if _is_html(content_type) else None


def _read_record(record: Any) -> bytes:
    """The record's payload, checking that the whole record was there."""
    if record.length is None:
        raise _Damaged("record header is incomplete (no Content-Length)")
    payload = record.content_stream().read()
    raw = record.raw_stream
    while raw.read(65536):
        pass
    if isinstance(raw, LimitReader) and raw.limit > 0:
        raise _Damaged(f"record is truncated ({raw.limit} bytes missing)")
    return payload


def _message(exc: BaseException) -> str:
    if isinstance(exc, AttributeError | KeyError | TypeError | IndexError):
        return "record header is incomplete or invalid"  # warcio choking on missing fields
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def read_warc(data: bytes, origin: str) -> ReadResult:
    """Read the HTML pages of a WARC/ARC archive; see the module docstring."""
    if not data.strip():
        raise EmptyInputError("file is empty", origin=origin)
    if not looks_like_archive(data):
        raise MalformedInputError(
            "not a WARC archive (no WARC/ or ARC header at the start)", origin=origin
        )
    pages: list[tuple[int, bytes, str | None, str | None]] = []
    n = 0
    inside = False
    damage: str | None = None
    records = ArchiveIterator(io.BytesIO(data), arc2warc=True)
    # warcio writes warnings about bad record lengths to stderr; they are counted
    # in records.err_count and reported as a problem instead.
    with contextlib.redirect_stderr(io.StringIO()):
        try:
            for record in records:
                n += 1
                inside = True
                payload = _read_record(record)
                page = _page(record)
                if page is not None:
                    pages.append((n, payload, *page))
                inside = False
        except Exception as exc:  # warcio fails in many ways on damaged input
            where = f"in record {n}" if inside else f"after record {n}"
            damage = f"WARC archive is damaged {where}: {_message(exc)}"
    if damage is None and n and data[records.offset :].strip():
        # warcio stops quietly at a record header cut short (common in gzip)
        left = len(data) - records.offset
        damage = f"WARC archive is damaged after record {n}: {left} bytes could not be read"
    if n == 0 or (n == 1 and inside):
        reason = damage.split(": ", 1)[1] if damage else "no records"
        raise MalformedInputError(f"not a readable WARC archive: {reason}", origin=origin)
    if damage is None and records.err_count:
        damage = (
            f"WARC archive has {records.err_count} record(s) with a wrong Content-Length; "
            "records after them may be misread"
        )
    many = len(pages) > 1
    result = ReadResult()
    for number, payload, url, content_type in pages:
        where = f"{origin}#{number}"
        try:
            article = read_html_page(
                payload, where, url=url, charset=charset_from_content_type(content_type)
            )
        except InputError as exc:
            result.problems.append(Rejection(where, exc.message, exc.code))
            continue
        article.group = origin if many else None
        result.articles.append(article)
    if damage:
        result.problems.append(Rejection(origin, damage, MalformedInputError.code))
    return result
