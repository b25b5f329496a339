"""Word lists and number parsing for the temporal tagger (private)."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

# Capitalised month names as they appear in running text (case-sensitive on purpose:
# "may" and "march" are also ordinary words).
MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)

WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
    "saturday": 6, "sunday": 7,
}  # fmt: skip
WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "overnight": "NI", "tonight": "NI",
}  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_FIXED = {"a": 1, "an": 1, "one": 1, "a couple of": 2, "a couple": 2, "a dozen": 12,
          "a hundred": 100, "one hundred": 100, "a half": 0.5, "half a": 0.5}  # fmt: skip
VAGUE = ("a few", "few", "several", "some", "many", "a number of", "dozens of", "hundreds of")

_WORD_NUM = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four"
    r"|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
# A count: digits, number words, "a"/"an", or a vague quantity ("several").
NUM_RE = (
    r"(?:\d+(?:\.\d+)?(?:\s+1/2)?|a\s+couple(?:\s+of)?|a\s+dozen|(?:a|one)\s+hundred|half\s+an?"
    r"|a\s+half|a\s+few|a\s+number\s+of|dozens\s+of|hundreds\s+of|several|few|many|some|"
    + _WORD_NUM
    + r"|an?)"
)
# Counts without the article forms (for adjectives like "two-year").
NUM_STRICT_RE = r"(?:\d+(?:\.\d+)?|" + _WORD_NUM + r")"

UNIT_CODES: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "weekend": "WE",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
    "centurie": "CE",
}  # fmt: skip
UNIT_RE = r"(?:second|minute|hour|day|weekend|week|month|quarter|year|decade|centur(?:y|ie))"
TIME_UNITS = frozenset({"second", "minute", "hour"})


def unit_key(word: str) -> str:
    """'Years' -> 'year', 'centuries' -> 'century'."""
    w = word.lower()
    if w.startswith("centur"):
        return "century"
    return w[:-1] if w.endswith("s") else w


def parse_number(words: str) -> float | None:
    """The value of a count ("two", "24", "a dozen", "5 1/2"); None when vague ("several")."""
    w = " ".join(words.lower().split())
    if w in _FIXED:
        return _FIXED[w]
    if w in VAGUE:
        return None
    if w[:1].isdigit():
        half = w.endswith(" 1/2")
        base = float(w[:-4] if half else w)
        return base + (0.5 if half else 0)
    if w in _UNITS:
        return _UNITS[w]
    if w in _TENS:
        return _TENS[w]
    if "-" in w or " " in w:
        tens, _, unit = w.replace("-", " ").partition(" ")
        if tens in _TENS and unit in _UNITS:
            return _TENS[tens] + _UNITS[unit]
    return None


def format_count(n: float | None) -> str:
    """TIMEX3 count: 3 -> '3', 1.5 -> '1.5', None -> 'X'."""
    if n is None:
        return "X"
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


# Lexical tense markers (fallback when no parse is given).
FUTURE_WORDS = frozenset(
    [
        "will",
        "shall",
        "'ll",
        "wo",
        "won't",
        "next",
        "upcoming",
        "coming",
        "plans",
        "plan",
        "planned",
        "planning",
        "scheduled",
        "expected",
        "expects",
        "expect",
        "intends",
        "intend",
        "aims",
        "aim",
        "tomorrow",
        "due",
        "soon",
        "would",
        "must",
        "should",
        "might",
        "may",
        "can",
    ]
)
PAST_WORDS = frozenset(
    [
        # past forms ending in -eed, which the "-ed" rule leaves out ("need", "proceed")
        "agreed",
        "disagreed",
        "freed",
        "guaranteed",
        "decreed",
        "said",
        "was",
        "were",
        "had",
        "did",
        "ago",
        "last",
        "told",
        "since",
        "been",
        "yesterday",
        "earlier",
        "previously",
        "came",
        "went",
        "took",
        "made",
        "met",
        "began",
        "left",
        "held",
        "won",
        "lost",
        "fell",
        "rose",
        "gave",
        "got",
        "saw",
        "knew",
        "thought",
        "found",
        "struck",
        "sent",
        "spent",
        "brought",
        "bought",
        "sold",
        "paid",
        "led",
        "ran",
        "became",
        "broke",
        "chose",
        "drew",
        "drove",
        "flew",
        "forgot",
        "froze",
        "grew",
        "hid",
        "hung",
        "kept",
        "laid",
        "lay",
        "meant",
        "overcame",
        "rode",
        "rang",
        "sought",
        "shook",
        "shot",
        "shut",
        "slid",
        "spoke",
        "stood",
        "stole",
        "swore",
        "swept",
        "swam",
        "threw",
        "understood",
        "woke",
        "wore",
        "wrote",
        "fought",
        "fled",
        "withdrew",
        "underwent",
    ]
)
NOT_PAST = frozenset(
    [
        "hundred",
        "united",
        "limited",
        "red",
        "bed",
        "need",
        "speed",
        "feed",
        "seed",
        "proceed",
        "succeed",
        "exceed",
        "indeed",
        "embed",
        "shed",
        "weed",
        "breed",
        "creed",
        "greed",
        "bred",
    ]
)
