"""Readers for structured inputs: HTML pages, JSON records, feeds and WARC archives."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.errors import (
    BinaryInputError,
    EmptyInputError,
    MalformedInputError,
    NoArticleError,
)
from dateline.ingest._feed import html_to_text, read_feed
from dateline.ingest._html import read_html
from dateline.ingest._jsonrec import read_json_records
from dateline.ingest._result import (
    ReadResult,
    Rejection,
    parse_date,
    sniff_format,
    split_authors,
)
from dateline.ingest._warc import read_warc

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "readers"


def _fixture(name: str) -> tuple[bytes, str]:
    path = FIXTURES / name
    return path.read_bytes(), str(path)


# ---------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------


def _page(body: str, head: str = "", charset_meta: str = '<meta charset="utf-8">') -> str:
    return (
        f"<!DOCTYPE html><html><head>{charset_meta}<title>Quay news</title>{head}</head>"
        f"<body><article>{body}</article></body></html>"
    )


def test_html_article_page_gives_text_and_metadata() -> None:
    data, origin = _fixture("article.html")
    result = read_html(data, origin)
    assert result.problems == []
    (art,) = result.articles
    assert art.origin == origin
    assert art.title == "Lantern festival returns to Brisa after four-year pause"
    assert art.authors == ["Ana Ruiz", "Piet Vos"]
    # the date as the page writes it (18:45 at UTC-5 is already March 5th in UTC)
    assert art.published == date(2025, 3, 4)
    assert art.url == "https://ledger.example.net/culture/brisa-lantern-festival"
    assert art.source == "The Coastal Ledger"
    paragraphs = art.text.split("\n\n")
    assert len(paragraphs) == 5
    assert paragraphs[0].startswith("The lantern festival in the fictional port town of Brisa")
    assert paragraphs[-1].endswith("on each of the three nights.")
    # no headline, byline, navigation, headings or footer in the body
    for boilerplate in ("Lantern festival returns", "By Ana Ruiz", "Home", "Rebuilding", "©"):
        assert boilerplate not in art.text


def test_html_headings_become_sections_pointing_at_their_paragraph() -> None:
    data, origin = _fixture("article.html")
    (art,) = read_html(data, origin).articles
    assert [s.heading for s in art.sections] == ["Rebuilding the quay", "What visitors can expect"]
    assert art.text[art.sections[0].offset :].startswith("Work on the quay began in 2021")
    assert art.text[art.sections[1].offset :].startswith("The procession will start")


def test_html_declared_charset_is_honored() -> None:
    body = "<p>Le café du port rouvre ses portes après les travaux du quai, dit la mairie.</p>"
    data = _page(body, charset_meta='<meta charset="iso-8859-1">').encode("latin-1")
    (art,) = read_html(data, "cafe.html").articles
    assert "Le café du port rouvre ses portes après" in art.text


def test_html_http_equiv_windows_1252_declaration() -> None:
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
    body = "<p>“The quay is open again,” the harbour master said on Monday morning.</p>"
    data = _page(body, charset_meta=meta).encode("cp1252")
    (art,) = read_html(data, "quay.html").articles
    assert art.text.startswith("“The quay is open again,”")


def test_html_utf8_page_mislabelled_as_latin1_reads_as_utf8() -> None:
    body = "<p>Der Fischmarkt in Brisa öffnet nächste Woche eine zweite Halle am Kai.</p>"
    data = _page(body, charset_meta='<meta charset="iso-8859-1">').encode("utf-8")
    (art,) = read_html(data, "markt.html").articles
    assert "öffnet nächste Woche" in art.text


def test_html_without_metadata_leaves_fields_empty() -> None:
    body = "<p>A short notice about the ferry timetable, which changes on Monday.</p>"
    (art,) = read_html(_page(body).encode(), "notice.html").articles
    assert art.published is None and art.authors == [] and art.url is None
    assert art.text == "A short notice about the ferry timetable, which changes on Monday."


def test_garbage_html_is_malformed() -> None:
    with pytest.raises(MalformedInputError, match="no HTML markup") as info:
        read_html(b"<<<>>> %%% ### this is not markup at all", "junk.html")
    assert info.value.origin == "junk.html"
    assert str(info.value).startswith("junk.html: ")


def test_html_without_main_text_has_no_article() -> None:
    data = b"<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body>"
    with pytest.raises(NoArticleError, match="no article text"):
        read_html(data, "menu.html")


@pytest.mark.parametrize(
    ("data", "error"),
    [(b"", EmptyInputError), (b"\x00\x01\x02\x03" * 100, BinaryInputError)],
)
def test_html_empty_or_binary(data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        read_html(data, "x.html")


# ---------------------------------------------------------------------------
# JSON and JSON Lines
# ---------------------------------------------------------------------------


def test_jsonl_reads_good_lines_and_reports_bad_ones() -> None:
    data, origin = _fixture("records.jsonl")
    result = read_json_records(data, origin)
    assert [a.origin for a in result.articles] == [f"{origin}:1", f"{origin}:5"]
    first, second = result.articles
    assert first.title == "Ferry timetable changes on the Brisa line"
    assert first.text == (
        "The Brisa ferry will run every forty minutes from Monday, the operator said."
        "\n\nEvening crossings are unchanged."
    )
    assert first.published == date(2025, 2, 10)
    assert first.url == "https://ledger.example.net/travel/ferry-timetable"
    assert first.source == "The Coastal Ledger"
    assert first.authors == ["Piet Vos"]
    # aliases: body for text, author (a string) for authors; a datetime gives its date
    assert second.text == "A second hall opened at the Brisa fish market on Thursday."
    assert second.authors == ["Ana Ruiz", "Lio Markan"]
    assert second.published == date(2025, 2, 13)
    assert {a.group for a in result.articles} == {origin}

    problems = {p.origin: p for p in result.problems}
    assert sorted(problems) == [f"{origin}:3", f"{origin}:4", f"{origin}:6"]
    assert "invalid JSON" in problems[f"{origin}:3"].reason
    assert problems[f"{origin}:3"].code == MalformedInputError.code
    assert "no text" in problems[f"{origin}:4"].reason
    assert problems[f"{origin}:4"].code == NoArticleError.code
    assert "'published' is not a date" in problems[f"{origin}:6"].reason
    assert "next Tuesday" in problems[f"{origin}:6"].reason


def test_json_array_of_records() -> None:
    data, origin = _fixture("records.json")
    result = read_json_records(data, origin)
    first, second = result.articles
    assert first.origin == f"{origin}#1" and second.origin == f"{origin}#2"
    assert first.title == "Harbour office names new pilot"
    assert first.text == (
        "Brisa's harbour office named Oda Fenn as its chief pilot on Friday."
        "\n\nShe replaces Tam Rook, who retires after 22 years."
    )
    assert first.authors == ["Lio Markan", "Ana Ruiz"]
    assert first.published == date(2025, 1, 24)
    assert second.published == date(2025, 1, 27) and second.authors == []
    assert result.problems == [
        Rejection(f"{origin}#3", "record is a JSON string, not an object", "E104")
    ]


def test_single_json_object_is_one_article() -> None:
    data = json.dumps(
        {
            "title": "Tide tables",
            "text": "High tide at 6:10.",
            "published": "2025-03-01T23:30:00-05:00",
        }
    ).encode()
    (art,) = read_json_records(data, "one.json").articles
    assert art.origin == "one.json" and art.group is None
    assert art.published == date(2025, 3, 1)  # the date as written, not converted to UTC


def test_json_api_response_wrapper() -> None:
    data = json.dumps({"status": "ok", "articles": [{"title": "A", "text": "Body a."}]}).encode()
    (art,) = read_json_records(data, "api.json").articles
    assert art.title == "A" and art.text == "Body a."


def test_json_record_with_wrong_field_type_is_a_problem() -> None:
    data = json.dumps([{"title": {"en": "x"}, "text": "Body."}, {"text": "Fine."}]).encode()
    result = read_json_records(data, "typed.json")
    assert [a.text for a in result.articles] == ["Fine."]
    (problem,) = result.problems
    assert problem.origin == "typed.json#1" and "'title' must be a string" in problem.reason


def test_jsonl_without_jsonl_extension_is_recognised() -> None:
    lines = [json.dumps({"title": "A", "text": "Body a."}), "{broken", json.dumps({"text": "B."})]
    result = read_json_records("\n".join(lines).encode(), "<stdin>")
    assert [a.origin for a in result.articles] == ["<stdin>:1", "<stdin>:3"]
    assert [p.origin for p in result.problems] == ["<stdin>:2"]


def test_broken_json_names_line_and_column() -> None:
    data = b'[\n  {"title": "x",\n   "text": "y"\n  ,,\n]\n'
    with pytest.raises(MalformedInputError, match=r"invalid JSON at line 4, column 4"):
        read_json_records(data, "broken.json")


def test_broken_pretty_array_is_not_mistaken_for_jsonl() -> None:
    data = b'[\n  {"title": "a", "text": "b"},\n  {"title": "c", "text": "d"}\n'  # no closing ]
    with pytest.raises(MalformedInputError, match="invalid JSON at line"):
        read_json_records(data, "cut.json")


def test_jsonl_file_with_no_valid_line_is_malformed() -> None:
    with pytest.raises(MalformedInputError, match="no line is valid JSON"):
        read_json_records(b"nope\nstill nope\n", "bad.jsonl")


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (b"42", MalformedInputError, "not an article object"),
        (b"[]", NoArticleError, "empty"),
        (b"   \n", EmptyInputError, "empty"),
    ],
)
def test_json_whole_input_problems(data: bytes, error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words):
        read_json_records(data, "x.json")


# ---------------------------------------------------------------------------
# Feeds
# ---------------------------------------------------------------------------


def test_rss_feed_entries() -> None:
    data, origin = _fixture("feed.rss")
    result = read_feed(data, origin)
    storm, tours = result.articles
    assert storm.origin == f"{origin}#1" and tours.origin == f"{origin}#2"
    assert storm.title == "Storm warning for the Brisa coast"
    assert storm.url == "https://ledger.example.net/local/storm-warning"
    assert storm.source == "The Coastal Ledger – Local"
    assert storm.authors == ["Piet Vos", "Ana Ruiz"]
    assert storm.published == date(2025, 3, 9)  # 23:30 at UTC-5, as written
    # content:encoded wins over description; HTML becomes paragraphs, <br> a line break
    assert storm.text == (
        "The weather service issued a storm warning for the Brisa coast on Sunday evening."
        "\n\nFerries will stay in port\nuntil Tuesday.\n\nSchools close Monday."
    )
    assert tours.authors == ["Lio Markan"]  # name from "email (Name)", no email
    assert tours.text == (
        "Guided tours of the Brisa lighthouse resume on Saturday.\n\nTickets cost five crowns."
    )
    assert tours.published == date(2025, 3, 7)
    (problem,) = result.problems
    assert problem.origin == f"{origin}#3" and "no text" in problem.reason
    assert problem.code == NoArticleError.code


def test_atom_feed_entries() -> None:
    data, origin = _fixture("feed.atom")
    budget, market = read_feed(data, origin).articles
    assert budget.title == "Council approves budget for sea wall repairs"
    assert budget.source == "Brisa Evening Post"
    assert budget.authors == ["Mirela Dask", "Oda Fenn"]
    assert budget.published == date(2025, 4, 1)  # published, not updated
    assert budget.url == "https://post.example.org/2025/04/sea-wall-budget"
    assert budget.text == (
        "Brisa's council approved 2.4 million crowns for repairs to the sea wall on Tuesday "
        "night.\n\nWork starts in May."
    )
    assert [s.heading for s in budget.sections] == ["Next steps"]
    assert budget.text[budget.sections[0].offset :] == "Work starts in May."
    assert market.published == date(2025, 3, 30)  # only <updated>
    assert market.text == (
        "The night market moves into the old net hall for April.\n\nStalls open at six."
    )


def test_broken_feed_is_malformed_with_position() -> None:
    with pytest.raises(MalformedInputError, match=r"feed does not parse: .* line 1, column"):
        read_feed(b"<rss><channel><item><title>x</title", "broken.rss")


def test_feed_cut_off_keeps_earlier_entries_and_reports_the_break() -> None:
    data, _ = _fixture("feed.rss")
    cut = data[: data.index(b"<title>Lighthouse")]
    result = read_feed(cut, "cut.rss")
    assert [a.title for a in result.articles] == ["Storm warning for the Brisa coast"]
    assert any(
        p.origin == "cut.rss" and "feed is malformed" in p.reason and p.code == "E104"
        for p in result.problems
    )


def test_xml_that_is_not_a_feed() -> None:
    data = b'<?xml version="1.0"?><urlset><url><loc>https://x.example</loc></url></urlset>'
    match = r"not an RSS or Atom feed \(root element <urlset>\)"
    with pytest.raises(MalformedInputError, match=match):
        read_feed(data, "sitemap.xml")


def test_feed_without_entries() -> None:
    data = b'<rss version="2.0"><channel><title>Quiet</title></channel></rss>'
    with pytest.raises(NoArticleError, match="no entries"):
        read_feed(data, "quiet.rss")


def test_html_to_text_drops_scripts_and_keeps_blocks() -> None:
    text, sections = html_to_text(
        "<div>Intro <i>text</i><script>alert(1)</script></div><h3>Part two</h3><p>More.</p>"
    )
    assert text == "Intro text\n\nMore."
    assert [s.heading for s in sections] == ["Part two"]


# ---------------------------------------------------------------------------
# WARC
# ---------------------------------------------------------------------------

_NO_DATE_PAGE = _page(
    "<p>The harbour office will publish new mooring fees for the old quay next week.</p>"
).encode()
_LATIN1_PAGE = (
    "<html><head><title>Caf\u00e9</title></head><body><article>"
    "<p>Le caf\u00e9 du quai ouvre d\u00e8s six heures pour les p\u00eacheurs du port.</p>"
    "</article></body></html>"
).encode("latin-1")


def _build_warc(gz: bool) -> bytes:
    article, _ = _fixture("article.html")
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))

    def response(url: str, payload: bytes, content_type: str, status: str = "200 OK") -> None:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(payload), http_headers=headers
        )
        record.rec_headers.replace_header("WARC-Date", "2026-01-15T12:00:00Z")
        writer.write_record(record)

    response("https://ledger.example.net/c?id=1", article, "text/html; charset=utf-8")  # 2
    response("https://ledger.example.net/logo.png", b"\x89PNG\r\n", "image/png")  # 3
    response("https://ledger.example.net/gone", _NO_DATE_PAGE, "text/html", "404 Not Found")  # 4
    response("https://ledger.example.net/fees", _NO_DATE_PAGE, "text/html")  # 5
    response("https://ledger.example.net/cafe", _LATIN1_PAGE, "text/html; charset=ISO-8859-1")  # 6
    menu = b"<html><body><nav><a href='/'>Home</a></nav></body></html>"
    response("https://ledger.example.net/menu", menu, "text/html")  # 7
    return buf.getvalue()


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzip"])
def test_warc_html_responses_become_articles(gz: bool) -> None:
    result = read_warc(_build_warc(gz), "crawl.warc")
    festival, fees, cafe = result.articles
    assert [a.origin for a in result.articles] == ["crawl.warc#2", "crawl.warc#5", "crawl.warc#6"]
    assert festival.title == "Lantern festival returns to Brisa after four-year pause"
    assert festival.authors == ["Ana Ruiz", "Piet Vos"]
    # the page's canonical link wins over the fetched URL; dates come from the page
    assert festival.url == "https://ledger.example.net/culture/brisa-lantern-festival"
    assert festival.published == date(2025, 3, 4)
    assert [s.heading for s in festival.sections][0] == "Rebuilding the quay"
    # no date in the page: WARC-Date (the crawl time) is not a publication date
    assert fees.published is None
    assert fees.url == "https://ledger.example.net/fees"
    assert fees.text.startswith("The harbour office will publish new mooring fees")
    # charset from the HTTP header
    assert "Le café du quai ouvre dès six heures" in cafe.text
    assert {a.group for a in result.articles} == {"crawl.warc"}
    (problem,) = result.problems
    assert problem.origin == "crawl.warc#7" and "no article text" in problem.reason
    assert problem.code == NoArticleError.code


def test_warc_resource_record_and_html_title_in_feed() -> None:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    record = writer.create_warc_record(
        "https://post.example.org/saved",
        "resource",
        payload=io.BytesIO(_NO_DATE_PAGE),
        warc_content_type="text/html",
    )
    writer.write_record(record)
    (art,) = read_warc(buf.getvalue(), "saved.warc").articles
    assert art.origin == "saved.warc#1" and art.url == "https://post.example.org/saved"
    assert art.group is None

    feed = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">Brisa &lt;b&gt;'
        b'Post&lt;/b&gt;</title><entry><title type="html">Quay &amp;amp; market</title>'
        b'<content type="text">Both reopen.</content></entry></feed>'
    )
    (entry,) = read_feed(feed, "t.atom").articles
    assert entry.source == "Brisa Post" and entry.title == "Quay & market"
    assert entry.origin == "t.atom"


def test_not_a_warc_is_malformed() -> None:
    with pytest.raises(MalformedInputError, match="not a WARC archive"):
        read_warc(b"GET / HTTP/1.1\r\nHost: example.org\r\n\r\n", "fake.warc")


def test_warc_with_a_broken_first_record_is_malformed() -> None:
    with pytest.raises(MalformedInputError, match="not a readable WARC archive"):
        read_warc(b"WARC/1.0\r\nWARC-Type: response\r\n\r\n", "broken.warc")


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzip"])
def test_warc_truncated_first_record_is_malformed(gz: bool) -> None:
    data = _build_warc(gz)
    with pytest.raises(MalformedInputError, match="not a readable WARC archive: record header"):
        read_warc(data[:150], "cut.warc")


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzip"])
def test_warc_cut_in_a_later_record_header_is_reported(gz: bool) -> None:
    data = _build_warc(gz)
    first_end = data.index(b"WARC/1.0", 10) if not gz else data.index(b"\x1f\x8b", 10)
    result = read_warc(data[: first_end + 12], "cut.warc")
    assert result.articles == []
    (damage,) = result.problems
    assert damage.origin == "cut.warc" and "damaged" in damage.reason


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzip"])
def test_warc_truncated_later_keeps_earlier_pages_and_reports_damage(gz: bool) -> None:
    data = _build_warc(gz)
    result = read_warc(data[:-40], "cut.warc")
    assert [a.origin for a in result.articles] == ["cut.warc#2", "cut.warc#5", "cut.warc#6"]
    (damage,) = result.problems
    assert damage.origin == "cut.warc" and damage.code == MalformedInputError.code
    assert "damaged in record 7" in damage.reason and "truncated" in damage.reason


def test_warc_empty() -> None:
    with pytest.raises(EmptyInputError):
        read_warc(b"", "empty.warc")


# ---------------------------------------------------------------------------
# Format sniffing
# ---------------------------------------------------------------------------

_WARC_BYTES = b"WARC/1.1\r\nWARC-Type: warcinfo\r\n\r\n"


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        # the extension decides
        ("a.html", b"plain words", "html"),
        ("A.HTM", b"", "html"),
        ("a.xhtml", b"", "html"),
        ("a.json", b"", "json"),
        ("a.jsonl", b"", "json"),
        ("a.ndjson", b"", "json"),
        ("a.rss", b"", "feed"),
        ("a.atom", b"", "feed"),
        ("a.warc", b"", "warc"),
        ("a.warc.gz", b"\x1f\x8b", "warc"),
        ("a.arc", b"", "warc"),
        ("a.txt", b"<html></html>", "text"),
        ("a.md", b"# x", "text"),
        # .xml: XHTML goes to the HTML reader, any other XML to the feed reader
        ("a.xml", b'<?xml version="1.0"?>\n<rss version="2.0"></rss>', "feed"),
        ("a.xml", b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">', "html"),
        ("a.xml", b'<?xml version="1.0"?><urlset></urlset>', "feed"),
        # content decides for other names
        ("<stdin>", _WARC_BYTES, "warc"),
        ("dump", b"filedesc://crawl.arc 0.0.0.0 20250101000000 text/plain 75\n", "warc"),
        ("page.gz", None, "warc"),  # gzipped WARC (built below)
        ("data.gz", None, "text"),  # gzipped something else
        ("<stdin>", b'  {"title": "x"}', "json"),
        ("<stdin>", b'[{"title": "x"}]', "json"),
        ("<stdin>", b'\xef\xbb\xbf{"a": 1}', "json"),
        ("<stdin>", b'<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0">', "feed"),
        ("<stdin>", b'<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        ("<stdin>", b'<rdf:RDF xmlns:rdf="x">', "feed"),
        ("<stdin>", b"<!DOCTYPE html>\n<html><body>", "html"),
        ("<stdin>", b"<html><body>", "html"),
        ("<stdin>", b"<!-- saved page -->\n<div class=story><p>x</p>", "html"),
        ("<stdin>", "<!DOCTYPE html><html>".encode("utf-16"), "html"),
        ("<stdin>", b"Headline\n\nBody text.", "text"),
        ("notes", b"", "text"),
    ],
)
def test_sniff_format(name: str, data: bytes | None, expected: str) -> None:
    if data is None:
        import gzip

        data = gzip.compress(_WARC_BYTES if name == "page.gz" else b"hello")
    assert sniff_format(data, name) == expected


# ---------------------------------------------------------------------------
# Shared helpers
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("By Ana Ruiz, Piet Vos and Lio Markan", ["Ana Ruiz", "Piet Vos", "Lio Markan"]),
        ("Ana Ruiz; Piet Vos", ["Ana Ruiz", "Piet Vos"]),
        (["Ana Ruiz & Piet Vos", "Ana Ruiz"], ["Ana Ruiz", "Piet Vos"]),
        ("", []),
        (None, []),
    ],
)
def test_split_authors(value: str | list[str] | None, names: list[str]) -> None:
    assert split_authors(value) == names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-03-04", date(2025, 3, 4)),
        ("2025-03-04T23:59:00-08:00", date(2025, 3, 4)),
        ("2025-03-04T10:00:00Z", date(2025, 3, 4)),
        ("2025-03-04 10:00:00", date(2025, 3, 4)),
        ("Tue, 04 Mar 2025 23:00:00 -0500", date(2025, 3, 4)),
    ],
)
def test_parse_date(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "yesterday", "2025-13-01", "04/03/2025"])
def test_parse_date_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


def test_read_result_defaults_are_empty_and_independent() -> None:
    a, b = ReadResult(), ReadResult()
    a.problems.append(Rejection("x#1", "bad", "E104"))
    assert b.problems == [] and b.articles == []
    assert str(a.problems[0]) == "x#1: bad [E104]"
