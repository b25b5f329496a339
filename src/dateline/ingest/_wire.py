"""Plain text: a single article, or a dump of concatenated wire stories.

A wire story in plain text looks like::

    Headline (sometimes repeated on the next line)
    By First Author and Second Author
    CITY[/CITY2], STATE (Agency) – First paragraph ...
    ... body paragraphs, with SECTION HEADINGS in capitals ...
    (Reporting by A in City; Additional reporting by B; Editing by C)

Articles are anchored on their dateline lead ``CITY (Agency) – ``; the header
(headline lines and byline) is what stands between the previous story's end and
that lead. Nothing here depends on a particular agency or file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import RawArticle, Section

# "WASHINGTON (Reuters) – ", "FORT BRAGG, N.C. (Reuters) – ", "(AP) — ", "PARIS, Jan 3 (AFP) - "
_DATELINE = re.compile(
    r"""^(?P<place>[A-Z][A-Za-z0-9 .,'’/&-]{0,80}?)?\s*
        \((?P<agency>[A-Z][A-Za-z0-9 .&'’-]{0,40})\)\s*
        (?:[–—-]{1,2}|:)\s+""",
    re.VERBOSE,
)
# The place part of a dateline is written in capitals (a trailing state or date may not be).
_PLACE_HEAD = re.compile(r"^[A-Z][A-Z .'’/&-]{1,}")
_BYLINE = re.compile(r"^\s*By\s+(?P<names>[A-Z].{1,200})$")
_CREDITS = re.compile(
    r"^\s*\((?P<body>(?:[A-Z][a-z]+(?:\s+[a-z]+)?\s+by\s+).+)\)\s*$",
)
_CREDIT_PART = re.compile(r"^\s*(?P<role>[A-Za-z][A-Za-z ]*?)\s+by\s+(?P<names>.+?)\s*$", re.I)
# " in Washington", " at the United Nations", " in Palm Beach, Fla."
_PLACE_SUFFIX = re.compile(
    r"\s+(?:in|at|from)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*(?:,\s+[A-Z][A-Za-z.]{1,5}\.)?"
)
_NAME_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)]\s*$")


@dataclass
class _Story:
    header: list[str] = field(default_factory=list)
    lead: re.Match[str] | None = None
    body: list[str] = field(default_factory=list)
    credits: str | None = None


def is_heading(line: str) -> bool:
    """An all-capital short line inside a body is a section heading."""
    text = line.strip()
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 3 or len(text) > 80 or len(text.split()) > 10:
        return False
    if text.endswith((".", ",", ";")) and not text.endswith("..."):
        return False
    return all(ch.isupper() for ch in letters)


def _is_dateline(line: str) -> re.Match[str] | None:
    m = _DATELINE.match(line)
    if m is None:
        return None
    place = (m.group("place") or "").strip()
    if place and not _PLACE_HEAD.match(place):
        return None
    return m


def split_names(text: str) -> list[str]:
    """'A, B and C in Dubai' → ['A', 'B', 'C'] (places dropped)."""
    text = _PLACE_SUFFIX.sub("", text.strip().rstrip("."))
    names = [n.strip(" .;") for n in _NAME_SPLIT.split(text)]
    return [n for n in names if n and any(ch.isalpha() for ch in n)]


def parse_credits(body: str) -> dict[str, list[str]]:
    """'Reporting by A in X; Editing by B and C' → {'reporting': [A], 'editing': [B, C]}."""
    credits: dict[str, list[str]] = {}
    for part in body.split(";"):
        m = _CREDIT_PART.match(part)
        if not m:
            continue
        role = re.sub(r"\s+", "_", m.group("role").strip().lower())
        credits.setdefault(role, []).extend(split_names(m.group("names")))
    return credits


def _is_header_line(line: str) -> bool:
    text = line.strip()
    if _BYLINE.match(text):
        return True
    return 0 < len(text) <= 200 and not (len(text) > 120 and _SENTENCE_END.search(text))


def _take_header(lines: list[str]) -> tuple[list[str], list[str]]:
    """Split the lines before a dateline into (previous body, this story's header).

    The header is the run of short non-sentence lines (headline, repeated
    headline, byline) directly above the dateline, at most four of them.
    """
    idx = len(lines)
    taken = 0
    while idx > 0 and taken < 4:
        line = lines[idx - 1]
        if not line.strip():
            idx -= 1
            continue
        if _CREDITS.match(line) or not _is_header_line(line):
            break
        # a headline rarely ends a sentence; a body paragraph does
        sentence_like = _SENTENCE_END.search(line) and not _BYLINE.match(line)
        if taken >= 1 and sentence_like and not _looks_like_headline(line):
            break
        idx -= 1
        taken += 1
    return lines[:idx], lines[idx:]


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    caps = sum(1 for w in words if w[:1].isupper())
    return len(words) <= 20 and not line.rstrip().endswith(".") and caps >= 1


def _split_stories(lines: list[str]) -> list[_Story]:
    stories: list[_Story] = []
    pending: list[str] = []
    for line in lines:
        lead = _is_dateline(line.strip())
        if lead is not None:
            rest, header = _take_header(pending)
            if stories:
                stories[-1].body.extend(rest)
            elif any(x.strip() for x in rest):
                header = rest + header
            stories.append(_Story(header=header, lead=lead, body=[line.strip()[lead.end() :]]))
            pending = []
            continue
        if stories and stories[-1].credits is None and _CREDITS.match(line):
            stories[-1].body.extend(pending)
            stories[-1].credits = _CREDITS.match(line).group("body")  # type: ignore[union-attr]
            pending = []
            continue
        pending.append(line)
    if stories:
        stories[-1].body.extend(pending)
    return stories


def _header_fields(header: list[str]) -> tuple[str | None, list[str]]:
    titles: list[str] = []
    authors: list[str] = []
    for line in header:
        text = line.strip()
        if not text:
            continue
        by = _BYLINE.match(text)
        if by:
            authors.extend(split_names(by.group("names")))
        elif text not in titles:
            titles.append(text)
    return (" ".join(titles) if titles else None), authors


def _body(lines: list[str]) -> tuple[str, list[Section]]:
    """Join paragraphs with blank lines; headings become sections, not text."""
    paragraphs: list[str] = []
    sections: list[Section] = []
    offset = 0
    for line in lines:
        text = line.strip()
        if not text:
            continue
        if is_heading(text):
            sections.append(Section(heading=text, offset=offset))
            continue
        paragraphs.append(text)
        offset += len(text) + 2
    return "\n\n".join(paragraphs), sections


def _strip_trailing_credits(lines: list[str]) -> tuple[list[str], str | None]:
    for i in range(len(lines) - 1, -1, -1):
        if not lines[i].strip():
            continue
        m = _CREDITS.match(lines[i])
        if m:
            return lines[:i], m.group("body")
        break
    return lines, None


def read_plain_text(text: str, origin: str) -> list[RawArticle]:
    """Split a text into articles: a wire dump gives many, any other text gives one."""
    lines = text.split("\n")
    lines = [ln.replace("\xa0", " ") for ln in lines]
    stories = _split_stories(lines)
    if not stories:
        return [_single_article(lines, origin)]
    articles: list[RawArticle] = []
    group = origin if len(stories) > 1 else None
    for n, story in enumerate(stories, start=1):
        title, authors = _header_fields(story.header)
        body_lines, trailing = _strip_trailing_credits(story.body)
        credits_text = story.credits or trailing
        body, sections = _body(body_lines)
        assert story.lead is not None
        place = (story.lead.group("place") or "").strip().rstrip(",") or None
        agency = story.lead.group("agency").strip()
        articles.append(
            RawArticle(
                text=body,
                origin=f"{origin}#{n}" if len(stories) > 1 else origin,
                title=title,
                authors=authors,
                dateline=place,
                dateline_places=[p.strip() for p in place.split("/")] if place else [],
                agency=agency,
                source=agency,
                sections=sections,
                credits=parse_credits(credits_text) if credits_text else {},
                group=group,
            )
        )
    return articles


def _single_article(lines: list[str], origin: str) -> RawArticle:
    """No dateline lead: a headline (first short line), an optional byline, a body."""
    content = [ln for ln in lines]
    while content and not content[0].strip():
        content.pop(0)
    header: list[str] = []
    first = content[0].strip() if content else ""
    if first and len(first) <= 200 and not first.endswith(".") and len(content) > 1:
        header.append(content.pop(0))
        while content and (not content[0].strip() or content[0].strip() == first):
            content.pop(0)
    if content and _BYLINE.match(content[0].strip()):
        header.append(content.pop(0))
    title, authors = _header_fields(header)
    body_lines, credits_text = _strip_trailing_credits(content)
    body, sections = _body(body_lines)
    return RawArticle(
        text=body,
        origin=origin,
        title=title,
        authors=authors,
        sections=sections,
        credits=parse_credits(credits_text) if credits_text else {},
    )
