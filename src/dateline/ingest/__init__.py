"""Ingest: read inputs of any supported shape into stored, dated articles.

>>> from dateline.store import Store
>>> from dateline.ingest import ingest_paths
>>> with Store.open("dateline.db") as store:          # doctest: +SKIP
...     report = ingest_paths(["stories.txt"], store)
...     print(report.summary())
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..dating import date_articles
from ..errors import DatelineError, InputError, InputTooLargeError, NoArticleError
from ..models import Article, IngestReport, PublicationDate, RawArticle, Rejection
from ..store import Store
from ._decode import decode_text
from ._result import ReadResult, sniff_format
from ._wire import read_plain_text

__all__ = ["IngestOptions", "ingest_paths", "read_input", "build_article", "MAX_BYTES"]

MAX_BYTES = 256 * 1024 * 1024
"""Inputs larger than this are rejected rather than read into memory."""

STDIN = "-"


@dataclass(frozen=True)
class IngestOptions:
    """What the user can set for a whole ingest run."""

    source: str | None = None
    published: date | None = None
    max_bytes: int = MAX_BYTES


def _read_text(data: bytes, origin: str) -> ReadResult:
    return ReadResult(articles=read_plain_text(decode_text(data, origin), origin))


def _readers() -> dict[str, Callable[[bytes, str], ReadResult]]:
    from ._feed import read_feed
    from ._html import read_html
    from ._jsonrec import read_json_records
    from ._warc import read_warc

    return {
        "text": _read_text,
        "html": read_html,
        "json": read_json_records,
        "feed": read_feed,
        "warc": read_warc,
    }


def read_input(data: bytes, origin: str, name: str | None = None) -> ReadResult:
    """Read one input's bytes into articles (and per-record problems)."""
    fmt = sniff_format(data, name or origin)
    result = _readers()[fmt](data, origin)
    if not result.articles and not result.problems:
        raise NoArticleError("no article found in input", origin=origin)
    return result


def _expand(paths: Iterable[str | Path]) -> Iterator[str | Path]:
    for p in paths:
        if str(p) == STDIN:
            yield STDIN
            continue
        path = Path(p)
        if path.is_dir():
            yield from sorted(
                f for f in path.rglob("*") if f.is_file() and not f.name.startswith(".")
            )
        else:
            yield path


_WS = re.compile(r"\s+")


def _norm(text: str | None) -> str:
    return _WS.sub(" ", (text or "").strip()).casefold()


def _hash(*parts: object) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(repr(part).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


def build_article(raw: RawArticle, when: PublicationDate) -> Article:
    """Give a read article its identity, stable id, content hash and date."""
    content_hash = _hash(
        _norm(raw.title),
        _norm(raw.text),
        raw.authors,
        raw.dateline,
        raw.credits,
        raw.url,
        raw.published,
    )
    if raw.url:
        identity = f"url:{raw.url.strip()}"
    elif raw.title:
        identity = f"title:{_norm(raw.source)}|{_norm(raw.title)}"
    else:
        identity = f"content:{content_hash}"
    return Article(
        id=_hash(identity)[:16],
        identity=identity,
        content_hash=content_hash,
        text=raw.text,
        origin=raw.origin,
        title=raw.title,
        authors=raw.authors,
        dateline=raw.dateline,
        dateline_places=raw.dateline_places,
        agency=raw.agency,
        source=raw.source,
        url=raw.url,
        published=when.value,
        published_inferred=when.inferred,
        published_confidence=when.confidence,
        published_earliest=when.earliest,
        published_latest=when.latest,
        published_evidence=when.evidence,
        sections=raw.sections,
        credits=raw.credits,
    )


def _origin(item: str | Path) -> str:
    return "<stdin>" if item == STDIN else str(item)


def _load(item: str | Path, options: IngestOptions) -> bytes:
    origin = _origin(item)
    if item == STDIN:
        data = sys.stdin.buffer.read(options.max_bytes + 1)
    else:
        try:
            size = Path(item).stat().st_size
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", origin=origin) from exc
        if size > options.max_bytes:
            raise InputTooLargeError(
                f"file is {size / 2**20:.0f} MiB, over the {options.max_bytes / 2**20:.0f} "
                "MiB limit; split it",
                origin=origin,
            )
        try:
            data = Path(item).read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", origin=origin) from exc
    if len(data) > options.max_bytes:
        raise InputTooLargeError("input is over the size limit; split it", origin=origin)
    return data


def _apply_options(raw: RawArticle, options: IngestOptions) -> RawArticle:
    if options.source:
        raw.source = options.source
    if options.published and raw.published is None:
        raw.published = options.published
    return raw


def ingest_paths(
    paths: Iterable[str | Path],
    store: Store,
    options: IngestOptions | None = None,
    progress: Callable[[str], None] | None = None,
) -> IngestReport:
    """Ingest files, directories (recursively) and ``-`` (stdin) into ``store``.

    Each input is committed in one transaction, so an interrupted run leaves
    whole inputs stored or absent, and a re-run finishes the job. Problems
    are collected in the report's ``rejected`` list, never raised.
    """
    options = options or IngestOptions()
    report = IngestReport()
    for item in _expand(paths):
        origin = _origin(item)
        try:
            data = _load(item, options)
            result = read_input(data, origin)
            raws = [_apply_options(r, options) for r in result.articles]
            report.rejected.extend(result.problems)
            empty = [r for r in raws if not r.text.strip()]
            report.rejected.extend(
                Rejection(r.origin, "article has no body text", NoArticleError.code) for r in empty
            )
            raws = [r for r in raws if r.text.strip()]
            dates = date_articles(raws)
            articles = [build_article(r, d) for r, d in zip(raws, dates, strict=True)]
            report.merge(store.save_articles(articles))
        except DatelineError as exc:
            report.rejected.append(
                Rejection(origin=exc.origin or origin, reason=exc.message, code=exc.code)
            )
        if progress is not None:
            progress(origin)
    return report
