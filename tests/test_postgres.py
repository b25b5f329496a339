"""The store on PostgreSQL: migrations, ingest + analysis, listings, idempotence.

Needs a server: set DATELINE_TEST_PG_URL (``.ci/run`` starts a throwaway one when
the machine has PostgreSQL); skipped otherwise.
"""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner
from sqlalchemy import MetaData, create_engine

from dateline.cli import cli
from dateline.demo import EXAMPLES
from dateline.store import Store

URL = os.environ.get("DATELINE_TEST_PG_URL")

pytestmark = pytest.mark.skipif(
    not URL, reason="DATELINE_TEST_PG_URL not set: no PostgreSQL server for this run"
)


@pytest.fixture
def pg_url() -> str:
    assert URL is not None
    engine = create_engine(URL)
    meta = MetaData()
    meta.reflect(engine)
    meta.drop_all(engine)
    engine.dispose()
    return URL


def test_postgres_store_end_to_end(pg_url: str) -> None:
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", str(EXAMPLES), "--db", pg_url, "-q"])
    assert first.exit_code == 0, first.output
    assert "analyze: 6 analysed" in first.stderr
    with Store.open(pg_url) as store:
        assert store.schema_versions() == [1, 2, 3]
        n_quotes = store.count("quotes")
        assert n_quotes > 0 and store.count("entities") > 0
    again = runner.invoke(cli, ["ingest", str(EXAMPLES), "--db", pg_url, "-q"])
    assert "0 new, 0 updated, 6 unchanged" in again.stderr
    listing = runner.invoke(cli, ["quotes", "--db", pg_url, "--kind", "direct", "--format", "json"])
    quotes = json.loads(listing.stdout)
    assert quotes and all(q["speaker"] for q in quotes)
    with Store.open(pg_url) as store:
        assert store.count("quotes") == n_quotes
