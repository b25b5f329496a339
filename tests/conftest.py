"""Shared test helpers: where ../shared lives, and skipping cleanly without it."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "iran-us-crisis-2020.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def require_shared(path: Path) -> Path:
    """Return ``path`` or skip the test with a message when ../shared is absent."""
    if not path.exists():
        pytest.skip(f"shared data not available: {path} (tests needing ../shared are skipped)")
    return path


@pytest.fixture
def corpus_path() -> Path:
    return require_shared(CORPUS)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"
