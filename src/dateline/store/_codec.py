"""Records to and from their JSON ``data`` column (tolerant of unknown keys)."""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any, TypeVar

from ..models import Claim, Entity, Event, EventActor, EventLocation, Mention, Quote

T = TypeVar("T")


def to_data(record: Any) -> dict[str, Any]:
    return asdict(record)


def build(cls: type[T], data: dict[str, Any]) -> T:
    """``cls(**data)`` keeping only the fields ``cls`` knows (older or newer rows)."""
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in data.items() if k in names})


def quote(data: dict[str, Any]) -> Quote:
    return build(Quote, data)


def claim(data: dict[str, Any]) -> Claim:
    return build(Claim, data)


def mention(data: dict[str, Any]) -> Mention:
    return build(Mention, data)


def entity(data: dict[str, Any]) -> Entity:
    return build(Entity, data)


def event(data: dict[str, Any]) -> Event:
    d = dict(data)
    for key in ("source", "target"):
        if isinstance(d.get(key), dict):
            d[key] = build(EventActor, d[key])
    if isinstance(d.get("location"), dict):
        d["location"] = build(EventLocation, d["location"])
    return build(Event, d)
