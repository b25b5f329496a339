"""Helpers and match checks of the temporal tagger's rules (private).

A check takes a pattern match and the text and says whether the match is a time
expression at all ("May" in "Theresa May" is not; "2019" before "people" is a count).
The helpers read named groups and the word before a match.
"""

from __future__ import annotations

import re
from datetime import date

from ._time_lexicon import MONTHS


def group(m: re.Match[str], name: str) -> str:
    """A named group, lower-cased and whitespace-normalised ('' when absent)."""
    v = m.groupdict().get(name)
    return " ".join(v.lower().split()) if v else ""


def month_of(m: re.Match[str]) -> int:
    return MONTHS[group(m, "mon").rstrip(".")]


def safe_date(y: int, mo: int, d: int) -> date | None:
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def preceding_word(text: str, start: int) -> str:
    m = _PREV_WORD.search(text, max(0, start - 30), start)
    return m.group(1) if m else ""


_PREV_WORD = re.compile(r"([\w$%'.-]+)\s*$")
_NAME_OK = frozenset(
    [
        "in",
        "on",
        "since",
        "by",
        "until",
        "till",
        "from",
        "through",
        "during",
        "before",
        "after",
        "early",
        "late",
        "mid",
        "last",
        "next",
        "this",
        "of",
        "and",
        "or",
        "to",
        "the",
        "a",
        "between",
        "around",
        "about",
        "for",
    ]
)


# --------------------------------------------------------------------------- checks


def valid_numeric(m: re.Match[str], text: str) -> bool:
    a, b = int(m.group("a")), int(m.group("b"))
    return 1 <= a <= 12 and 1 <= b <= 31


def valid_day(m: re.Match[str], text: str) -> bool:
    d = int(m.group("d"))
    return 1 <= d <= 31 and safe_date(2000, month_of(m), d) is not None


def valid_iso(m: re.Match[str], text: str) -> bool:
    return safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d"))) is not None


def bare_month_ok(m: re.Match[str], text: str) -> bool:
    """Reject month names used as names ("Theresa May") or verbs."""
    if m.group("pmod") or m.group("rel"):
        return True
    prev = preceding_word(text, m.start())
    if prev and prev[0].isupper() and prev.lower() not in _NAME_OK and not prev.endswith("."):
        return False
    if group(m, "mon") == "may":
        return prev.lower() in _NAME_OK
    return True


_YEAR_NOUN = re.compile(
    r"\s*(?:%|percent|people|persons|men|women|troops|soldiers|tons|tonnes|cars|units|shares|"
    r"votes|deaths|cases|acres|feet|miles|meters|metres|km|kg|pounds|dollars|barrels|jobs|"
    r"homes|students|members|employees|workers|points|times|to\s+\d|-\d)",
    re.I,
)


def year_ok(m: re.Match[str], text: str) -> bool:
    if _YEAR_NOUN.match(text, m.end()):
        return False
    before = text[max(0, m.start() - 2) : m.start()]
    return not re.search(r"[\d,.$#]\s?$", before) and not re.search(r"(?i)\bNo\.?\s?$", before)


def season_ok(m: re.Match[str], text: str) -> bool:
    if m.group("y") or m.group("pmod"):
        return True
    word = m.group("season")
    rel = group(m, "rel")
    if word[0].isupper() and m.start("season") > 0 and rel:
        return False  # "the Arab Spring"
    if rel and rel != "the":
        return True
    prev = preceding_word(text, m.start()).lower()
    if rel == "the":
        return prev in {"in", "during", "over", "since", "until", "by", "through", "this", "of"}
    return word.lower() in {"summer", "winter", "autumn"} and prev in {
        "in", "during", "over", "since", "until", "by", "through", "last", "next", "this"
    }  # fmt: skip


_MODALS = frozenset(
    [
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "should",
        "must",
        "to",
        "'ll",
        "not",
        "n't",
        "did",
        "does",
    ]
)


_OFFSET_NEXT = re.compile(r"\s+(?:after|before|later|earlier)\b", re.I)


def duration_ok(m: re.Match[str], text: str) -> bool:
    num = group(m, "num")
    if num in ("a", "an", "some", "many", "few") and not (m.group("qmod") or m.group("dir")):
        prev = preceding_word(text, m.start()).lower()
        if prev not in {"for", "in", "within", "over", "after", "than", "about", "nearly",
                        "almost", "of", "during", "lasted", "last", "took", "spent", "past",
                        "least", "under", "around", "just", "only", "is", "was", "be"} and (
            not _OFFSET_NEXT.match(text, m.end())
        ):  # fmt: skip
            return False  # but "came *a day* after the deal" is a duration
    if group(m, "dir") == "last" and not m.group("det"):
        prev = preceding_word(text, m.start()).lower()
        if prev in _MODALS:
            return False  # "it would last several months": a verb
    return not (
        num in ("some", "many") and group(m, "unit") not in ("year", "month", "week", "day", "hour")
    )


def plural_ok(m: re.Match[str], text: str) -> bool:
    if m.group("dir"):
        return True
    prev = preceding_word(text, m.start()).lower()
    return prev in {"for", "within", "over", "in", "than", "after", "lasted", "took", "last"}


def set_freq_ok(m: re.Match[str], text: str) -> bool:
    if m.group("freq"):
        return True
    before = text[max(0, m.start() - 25) : m.start()].lower()
    return (
        bool(
            re.search(
                r"(\d|%|percent|million|billion|thousand|dollars|cents|hours|days|times)\s*$",
                before,
            )
        )
        or group(m, "unit") in ()
        or before.rstrip().endswith(("per",))
    )


_VAGUE_BAD_NEXT = re.compile(
    r"\s+(?:account|accounts|affairs|events|president|prime|leader|leaders|government|"
    r"administration|chairman|members?|owner|state|law|rules|system|price|prices|level|"
    r"levels|policy|policies|situation|crisis|conflict|climate|form|version|generation|"
    r"issue|model|trend|status|contract|position|speaker|chief|director|head|regime|staff)\b",
    re.I,
)


def vague_ok(m: re.Match[str], text: str) -> bool:
    w = group(m, "word")
    if w in ("current", "future", "recent"):
        return not _VAGUE_BAD_NEXT.match(text, m.end())
    if w == "earlier":  # only as a sentence adverb: "Earlier, ..."
        prev = preceding_word(text, m.start())
        at_start = m.start() == 0 or text[m.start() - 1] == "\n" or prev.endswith(".")
        return at_start and text[m.end() : m.end() + 1] == ","
    return True


_THE_UNIT_PREV = frozenset(
    ["for", "during", "in", "of", "over", "throughout", "through", "since", "at"]
)


def the_unit_ok(m: re.Match[str], text: str) -> bool:
    return preceding_word(text, m.start()).lower() in _THE_UNIT_PREV
