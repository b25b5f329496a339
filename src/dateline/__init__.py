"""Dateline: turn a pile of news articles into a sourced, structured account of a story.

Public API::

    from dateline import Store, ingest_paths, IngestOptions
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import DatelineError  # noqa: E402
from .ingest import IngestOptions, ingest_paths  # noqa: E402
from .store import Store  # noqa: E402

__all__ = ["DatelineError", "IngestOptions", "Store", "__version__", "ingest_paths"]
