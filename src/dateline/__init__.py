"""Dateline: turn a pile of news articles into a sourced, structured account of a story.

Public API (imported lazily, so ``import dateline.models`` stays light)::

    from dateline import Store, ingest_paths, IngestOptions, DatelineError
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "DatelineError": "dateline.errors",
    "IngestOptions": "dateline.ingest",
    "ingest_paths": "dateline.ingest",
    "Store": "dateline.store",
}

__all__ = [*_EXPORTS, "__version__"]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'dateline' has no attribute {name!r}")
