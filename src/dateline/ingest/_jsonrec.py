"""JSON article records: a JSON array of objects, one object, or JSON Lines.

Each object is one article::

    {"title": "...", "text": "...", "published": "2024-03-01",
     "url": "...", "source": "...", "authors": ["A", "B"]}

``text`` is required (``body`` and ``content`` are accepted in its place, as a
string or a list of paragraph strings); ``author`` is accepted for ``authors``
and ``date`` for ``published``. An object whose only list of objects sits under
``articles``, ``items`` or ``records`` (an API response) is read as that list.

Which shape a file has:

- a file named ``.jsonl``/``.ndjson``/``.jsonlines`` is always read line by line;
- otherwise a file that parses as one JSON document is an array or an object;
- otherwise, when at least half of its non-blank lines are JSON objects on their
  own, it is JSON Lines with some bad lines;
- otherwise it is broken JSON: :class:`MalformedInputError` with line and column.

A bad record (a line that does not parse, a non-object, no text, a field of
the wrong type, an unreadable ``published`` date) is reported in
:attr:`ReadResult.problems` and left out; the other records are read. Record
origins are ``path:LINE`` for JSON Lines and ``path#N`` (1-based) for arrays of
more than one record.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any

from ..errors import MalformedInputError, NoArticleError
from ..models import RawArticle
from ._decode import decode_text
from ._result import ReadResult, Rejection, parse_date, split_authors

__all__ = ["read_json_records", "record_to_article"]

_LINE_SUFFIXES = {".jsonl", ".ndjson", ".jsonlines"}
_TEXT_KEYS = ("text", "body", "content")
_WRAPPER_KEYS = ("articles", "items", "records")


class RecordError(ValueError):
    """One record cannot become an article; ``code`` is the dateline.errors code."""

    def __init__(self, reason: str, code: str = MalformedInputError.code) -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code


def _string(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise RecordError(f"field {key!r} must be a string, not {type(value).__name__}")
    text = str(value).strip()
    return text or None


def _text(record: dict[str, Any]) -> str:
    for key in _TEXT_KEYS:
        value = record.get(key)
        if value is None:
            continue
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = "\n\n".join(v.strip() for v in value if v.strip())
        if not isinstance(value, str):
            raise RecordError(
                f"field {key!r} must be a string or a list of strings, not {type(value).__name__}"
            )
        value = value.replace("\r\n", "\n").replace("\r", "\n").strip()
        if value:
            return value
    raise RecordError(
        "record has no text (expected a non-empty 'text', 'body' or 'content' field)",
        NoArticleError.code,
    )


def _authors(record: dict[str, Any]) -> list[str]:
    key = "authors" if record.get("authors") is not None else "author"
    value = record.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        return split_authors(value)
    if isinstance(value, list):
        names: list[str] = []
        for item in value:
            if isinstance(item, dict) and isinstance(item.get("name"), str):
                item = item["name"]
            if not isinstance(item, str):
                raise RecordError(f"field {key!r} must hold names (strings)")
            names.extend(n for n in split_authors(item) if n not in names)
        return names
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return split_authors(value["name"])
    raise RecordError(f"field {key!r} must be a string or a list of strings")


def _published(record: dict[str, Any]) -> Any:
    key = "published" if record.get("published") is not None else "date"
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise RecordError(f"field {key!r} must be an ISO date string, not {type(value).__name__}")
    try:
        return parse_date(value)
    except ValueError as exc:
        raise RecordError(f"field {key!r} is not a date: {exc}") from exc


def record_to_article(record: Any, origin: str, group: str | None = None) -> RawArticle:
    """One JSON value → an article; raises :class:`RecordError` naming what is wrong."""
    if not isinstance(record, dict):
        raise RecordError(f"record is a JSON {_json_type(record)}, not an object")
    return RawArticle(
        text=_text(record),
        origin=origin,
        title=_string(record, "title"),
        authors=_authors(record),
        published=_published(record),
        url=_string(record, "url"),
        source=_string(record, "source"),
        group=group,
    )


def _json_type(value: Any) -> str:
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return "null" if value is None else type(value).__name__


def _unwrap(doc: Any) -> Any:
    if isinstance(doc, dict) and not any(k in doc for k in _TEXT_KEYS):
        for key in _WRAPPER_KEYS:
            value = doc.get(key)
            if isinstance(value, list):
                return value
    return doc


def _read_document(doc: Any, origin: str) -> ReadResult:
    doc = _unwrap(doc)
    if isinstance(doc, dict):
        try:
            return ReadResult(articles=[record_to_article(doc, origin)])
        except RecordError as exc:
            return ReadResult(problems=[Rejection(origin, exc.reason, exc.code)])
    if not isinstance(doc, list):
        raise MalformedInputError(
            f"JSON holds a {_json_type(doc)}, not an article object or an array of them",
            origin=origin,
        )
    if not doc:
        raise NoArticleError("JSON array is empty", origin=origin)
    many = len(doc) > 1
    group = origin if many else None
    result = ReadResult()
    for n, item in enumerate(doc, start=1):
        where = f"{origin}#{n}" if many else origin
        try:
            result.articles.append(record_to_article(item, where, group))
        except RecordError as exc:
            result.problems.append(Rejection(where, exc.reason, exc.code))
    return result


def _parse_lines(text: str) -> list[tuple[int, Any, json.JSONDecodeError | None]]:
    parsed: list[tuple[int, Any, json.JSONDecodeError | None]] = []
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            parsed.append((lineno, json.loads(line), None))
        except json.JSONDecodeError as exc:
            parsed.append((lineno, None, exc))
    return parsed


def _read_lines(
    parsed: list[tuple[int, Any, json.JSONDecodeError | None]], origin: str
) -> ReadResult:
    result = ReadResult()
    group = origin if len(parsed) > 1 else None
    for lineno, value, error in parsed:
        where = f"{origin}:{lineno}"
        if error is not None:
            result.problems.append(
                Rejection(
                    where,
                    f"invalid JSON at column {error.colno}: {error.msg}",
                    MalformedInputError.code,
                )
            )
            continue
        try:
            result.articles.append(record_to_article(value, where, group))
        except RecordError as exc:
            result.problems.append(Rejection(where, exc.reason, exc.code))
    return result


def read_json_records(data: bytes, origin: str) -> ReadResult:
    """Read JSON or JSON Lines article records; see the module docstring."""
    text = decode_text(data, origin).lstrip("\ufeff")
    if PurePath(origin).suffix.lower() in _LINE_SUFFIXES:
        parsed = _parse_lines(text)
        if all(error is not None for _, _, error in parsed):
            lineno, _, error = parsed[0]
            assert error is not None
            raise MalformedInputError(
                f"invalid JSON Lines: no line is valid JSON (line {lineno}, "
                f"column {error.colno}: {error.msg})",
                origin=origin,
            )
        return _read_lines(parsed, origin)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        whole_error = exc
    else:
        return _read_document(doc, origin)
    parsed = _parse_lines(text)
    objects = sum(1 for _, value, error in parsed if error is None and isinstance(value, dict))
    if objects and objects * 2 >= len(parsed):
        return _read_lines(parsed, origin)
    raise MalformedInputError(
        f"invalid JSON at line {whole_error.lineno}, column {whole_error.colno}: {whole_error.msg}",
        origin=origin,
    )
