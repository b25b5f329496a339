"""The HTML report: content, links to sources, escaping, and a real render in headless Chromium."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from dateline.report import render_report

from .story_fixtures import HOSTILE, story_data

CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)  # fmt: skip


@pytest.fixture(scope="module")
def page() -> str:
    return render_report(story_data(), title="Crisis <test>")


def test_page_is_self_contained(page: str) -> None:
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page.lower()
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "<link" not in page and "@import" not in page


def test_article_text_is_escaped(page: str) -> None:
    assert HOSTILE not in page and "<b>80</b>" not in page
    assert "&lt;script&gt;alert(&#x27;pwned&#x27;)&lt;/script&gt;" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; We slapped them" in page
    assert "Crisis &lt;test&gt;" in page


def test_sections_present(page: str) -> None:
    for anchor in ("timeline", "escalation", "network", "claims", "quotes", "sources"):
        assert f'id="{anchor}"' in page
    assert page.count("<svg") >= 2  # an escalation chart and the network
    assert "IRN–USA" in page
    assert "THREATENED" in page.upper() and "badge m-threatened" in page
    # conflicting claims side by side, with their sources
    claims = page[page.index('id="claims"') : page.index('id="quotes"')]
    assert claims.count("class='side'") == 2
    assert "Pentagon" in claims and "Iranian state television" in claims
    # quotes grouped under the entity's name
    quotes = page[page.index('id="quotes"') : page.index('id="sources"')]
    assert "Donald Trump" in quotes and "We took action to stop a war" in quotes


def test_every_link_reaches_a_cited_sentence(page: str) -> None:
    targets = set(re.findall(r'href="#([^"]+)"', page))
    ids = set(re.findall(r'id="([^"]+)"', page)) | set(re.findall(r"id='([^']+)'", page))
    assert targets and targets <= ids
    sentence_links = [t for t in targets if t.startswith("s-")]
    assert len(sentence_links) >= 8
    # the Soleimani row links to its three reports
    rows = re.findall(r"<tr id=\"se-.*?</tr>", page)
    (row,) = [r for r in rows if "Soleimani" in r]
    assert row.count('class="cite"') == 3
    assert '<li id="s-a2-0">' in page  # cited sentence listed under its article


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_renders_in_headless_chromium(page: str, tmp_path: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium not installed (apt-get install chromium); render test skipped")
    html_file = tmp_path / "report.html"
    html_file.write_text(page, encoding="utf-8")
    png = tmp_path / "report.png"
    cmd = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
           f"--screenshot={png}", "--window-size=1280,2000", html_file.as_uri()]  # fmt: skip
    subprocess.run(cmd, capture_output=True, timeout=60, check=False)
    assert png.exists(), "chromium wrote no screenshot"
    assert _png_size(png) == (1280, 2000)
    # a blank page compresses to a few kB; a rendered report with text and charts does not
    assert png.stat().st_size > 40_000


def test_a_row_with_two_disputed_groups_links_each_once() -> None:
    from dateline.report._timeline import _dispute_links

    html = _dispute_links(["g1", "g2"])
    assert html.count("disputed figures") == 1
    assert 'href="#claims-g1">disputed figures</a>' in html and 'href="#claims-g2">2</a>' in html
    assert _dispute_links([]) == ""
