"""The plain-text reader: wire dumps split into articles with their metadata."""

from __future__ import annotations

from pathlib import Path

from dateline.ingest._wire import is_heading, parse_credits, read_plain_text, split_names

from .conftest import ROOT

SAMPLE = ROOT / "src" / "dateline" / "examples" / "harbor-dispute-wire.txt"


def test_sample_dump_splits_into_its_three_stories() -> None:
    arts = read_plain_text(SAMPLE.read_text(encoding="utf-8"), "sample.txt")
    assert [a.title for a in arts] == [
        "Norland and Veskia agree to talks after harbor standoff",
        "Fishermen return home as harbor tensions ease",
        "Talks on Saltmere harbor open in Geneva",
    ]
    first = arts[0]
    assert first.authors == ["Mara Quill", "Tomas Brey"]
    assert first.dateline == "PORT ALDER/KESTOVA"
    assert first.dateline_places == ["PORT ALDER", "KESTOVA"]
    assert first.agency == "Northwire"
    assert [s.heading for s in first.sections] == ["THE STANDOFF"]
    assert "THE STANDOFF" not in first.text
    assert first.text.startswith("Norland and Veskia agreed on Tuesday")
    assert first.credits == {
        "reporting": ["Mara Quill", "Tomas Brey"],
        "additional_reporting": ["Lena Ortiz"],
        "editing": ["Paul Renner"],
    }
    assert "(Reporting" not in first.text
    assert arts[2].credits["writing"] == ["Tomas Brey"]
    assert {a.group for a in arts} == {"sample.txt"}
    assert [a.origin for a in arts] == ["sample.txt#1", "sample.txt#2", "sample.txt#3"]


def test_section_offsets_point_at_the_paragraph_after_the_heading() -> None:
    arts = read_plain_text(SAMPLE.read_text(encoding="utf-8"), "sample.txt")
    section = arts[0].sections[0]
    assert arts[0].text[section.offset :].startswith("The confrontation began")


def test_other_agency_and_dash_shapes() -> None:
    text = (
        "Storm closes ports\n\nBy Ana Lima\n\n"
        "LISBON, Portugal (AP) — A storm closed three ports on Monday.\n\n"
        "More rain is expected.\n\n"
        "Second story headline\n"
        "PARIS (AFP) - Officials met on Tuesday.\n"
    )
    arts = read_plain_text(text, "x.txt")
    assert len(arts) == 2
    assert arts[0].agency == "AP"
    assert arts[0].dateline == "LISBON, Portugal"
    assert arts[0].authors == ["Ana Lima"]
    assert arts[0].text.endswith("More rain is expected.")
    assert arts[1].title == "Second story headline"
    assert arts[1].agency == "AFP"


def test_single_article_without_dateline() -> None:
    arts = read_plain_text("A quiet headline\n\nBy Jo Park\n\nFirst paragraph.\n\nSecond.\n", "a")
    assert len(arts) == 1
    assert arts[0].title == "A quiet headline"
    assert arts[0].authors == ["Jo Park"]
    assert arts[0].text == "First paragraph.\n\nSecond."
    assert arts[0].group is None


def test_credit_roles_and_names_with_places() -> None:
    credits = parse_credits(
        "Reporting by A One in Palm Beach, Fla. and B Two, C Three in Dubai; "
        "Additional reporting by D Four at the United Nations; Writing by E Five; "
        "Editing by F Six, G Seven and H Eight"
    )
    assert credits == {
        "reporting": ["A One", "B Two", "C Three"],
        "additional_reporting": ["D Four"],
        "writing": ["E Five"],
        "editing": ["F Six", "G Seven", "H Eight"],
    }


def test_names_with_oxford_comma() -> None:
    assert split_names("A One, B Two in X, and C Three in Y") == ["A One", "B Two", "C Three"]


def test_headings_are_short_capital_lines() -> None:
    assert is_heading("TENSIONS OVER AIR STRIKES")
    assert is_heading("‘AMERICAN CLOWNS’")
    assert is_heading("WAY OUT?")
    assert not is_heading("NATO said on Monday it would meet.")
    assert not is_heading("U.S.")


def test_shared_corpus_gives_its_ten_articles(corpus_path: Path) -> None:
    arts = read_plain_text(corpus_path.read_text(encoding="utf-8"), str(corpus_path))
    assert len(arts) == 10
    for art in arts:
        assert art.title and art.authors and art.agency == "Reuters"
        assert art.credits, art.title
        assert not any(line.startswith("By ") for line in art.text.split("\n"))
    titles = [a.title for a in arts]
    assert len(set(titles)) == 10
    # a repeated headline line is one headline
    assert all(t.count(t[:30]) == 1 for t in titles if t)
    assert sum(len(a.sections) for a in arts) >= 10
    assert arts[7].dateline is None  # "(Reuters) – " with no place
