"""What one article's temporal expressions say about its own date (private).

The expressions come from ``tag_times(text, None)`` (unanchored), so "Friday"
is ``XXXX-WXX-5`` and "Jan. 3" is ``XXXX-01-03``. Each weekday and day-date
becomes a :class:`Mention` with its clause tense and a bag of *context stems*
(the content words around it), so that the same happening can be recognised
when another sentence or another story names it by date instead of weekday.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from ..extract._time_calendar import WEEKDAY_VALUE
from ..extract._time_tense import directed, lexical_tense, word_tense
from ..models import TimeExpression

_FULL = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH_DAY = re.compile(r"^XXXX-(\d{2})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NAMED_DAY = re.compile(r"\b(" + "|".join(DAY_NAMES) + r")\b", re.I)
_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+(?=[A-Z“\"‘])|\n+")
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Sen|Rep|Gov|St|Jr|No|Inc|Corp|vs|Jan|"
    r"Feb|Aug|Sept|Sep|Oct|Nov|Dec|Fla|Calif|Ariz|Nev|Va|Pa|Mass|Ill|Mich)\.)$"
)
_OCCASION_WORDS = "super black cyber good ash holy palm bloody maundy shrove giving"
_NAMED_DAY_PREFIX = frozenset(_OCCASION_WORDS.split())
"""'Super Tuesday', 'Black Friday': names of occasions, not the weekday of this week."""
_ABBREVIATED = re.compile(
    r"\b(?:[A-Z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Sen|Rep|Gov|St|Jr|No|Jan|Feb|Aug|Sept|Sep|"
    r"Oct|Nov|Dec)\."
)
_ADJACENT = re.compile(r"^[\s,(]{1,3}$")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]")
_REACH = 12  # context words taken on each side of a mention
_REPORTING_WORDS = """said says say told tells announced announces added adds wrote writes
    tweeted stated reported reports declared declares insisted noted argued"""
_REPORTING = frozenset(_REPORTING_WORDS.split())
_STOP_WORDS = """a an the and or but of in on at to for from by with as into onto over after before
    since until during about against between through than then that this these those it its
    he she they them his her their our we you i who whom which what when where while was were
    is are be been being has have had do does did will would can could should may might must
    not no also just more most some any all both each other such only own same so very said
    says say told week weekend day days month months year years today yesterday tomorrow last
    next early late earlier later ago new one two three mr mrs ms off up out january february
    march april
    may june july august september october november december jan feb mar apr jun jul aug sep
    sept oct nov dec"""
_STOP = frozenset(_STOP_WORDS.split()) | frozenset(DAY_NAMES)
_MIN_YEAR, _MAX_YEAR = 1900, 2100
_MONTH = re.compile(r"^XXXX-(\d{2})$")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip
# years are left out: "20 years ago" linked to another story's happening is too loose
_AGO = re.compile(r"\b(\d+|" + "|".join(_NUMBERS) + r")\s+(day|week|month)s?\s+ago\b", re.I)
_SHORTLY_AFTER = re.compile(
    r"\b(?:(?:just|only|a few|several|two|three|four|five)\s+)?days\s+after\b", re.I
)
_PRECISE_AFTER = re.compile(r"\b(\d+|" + "|".join(_NUMBERS) + r")\s+(day|week)s?\s+after\b", re.I)
_WEEK_SLACK = 2
_HEDGED = re.compile(
    r"\b(?:more|less|fewer|other)\s+than\s*$|\b(?:over|under|nearly|almost|to|or|and)\s*$",
    re.I,
)
_YEARS_AFTER = re.compile(
    r"\b(?:came|comes|come|coming)\s+(\d+|" + "|".join(_NUMBERS) + r")\s+years?\s+after\s+"
    r"(?:the\s+|its\s+|a\s+)?(\d{4})\b",
    re.I,
)
_CLAUSE_END = re.compile(r"[,;:–—]|$")
_CLAUSE_START = re.compile(r"[,;:–—(“\"]|\b(?:who|which|that|when|while|whose)\b", re.I)
_BE = frozenset(["be", "been", "being", "is", "are", "was", "were", "am"])
_PRESENT_AUX = frozenset(["is", "are", "am", "'re", "has", "have", "will", "'ll"])
_PAST_AUX = frozenset(["was", "were", "had", "did"])


@dataclass(frozen=True)
class Mention:
    """A weekday ("on Friday") or a day-date ("Jan. 3", "Jan. 3, 2020") in an article."""

    start: int
    end: int
    tense: int
    """-1 past, +1 future, 0 no signal (lexical clause tense)."""
    context: frozenset[str] = frozenset()
    weekday: int | None = None
    """ISO weekday named (for a date: named right next to it, "Friday, Jan. 3")."""
    month: int = 0
    day: int = 0
    year: int | None = None
    in_lead: bool = False
    sentence: int = 0
    speech: bool = False
    """The weekday dates a reporting verb ("said on Friday"): the story's own day."""
    local: int = 0
    """Tense of the words just before it in its own clause (cut at commas and "who",
    "which", "that"): "who faces re-election in 2020" is not past even when the
    sentence's nearest marker ("posed") is. Window bounds need both to agree."""

    @property
    def is_date(self) -> bool:
        return self.month > 0


@dataclass(frozen=True)
class Relative:
    """A happening dated relative to the story's own day: "last week", "earlier this
    month", "two months ago", "days after ...". Its ``mention.context`` holds the stems
    of the clause the expression dates, to find that happening dated elsewhere."""

    mention: Mention
    unit: str
    """"day", "week", "month" or "year"."""
    offset: int
    """0 this unit, -1 last unit, -n "n units ago", +1 next unit."""
    kind: str
    """"this", "last", "ago", "next" (a planned happening: "talks next week") or
    "after" ("days after X": the story's day follows X)."""
    bounded: bool = True
    """For "after": whether the story's own clause is present or future, so its day
    (not only some past happening) lies days after X."""


@dataclass(frozen=True)
class Offset:
    """A precise interval after a named happening: "Thursday's violence came *a day
    after* the two governments agreed on an aid corridor". ``context`` holds the stems
    of the clause after "after" (the happening X), to find X dated elsewhere."""

    sentence: int
    days: int
    """The interval in days ("a day" 1, "two weeks" 14)."""
    slack: int
    """Days either side the interval allows: 0 for days, 2 for weeks ("a week after")."""
    context: frozenset[str]
    x_span: tuple[int, int] = (0, 0)
    """Where "N days after X" runs: a weekday inside it ("a week after Thursday's
    raid") is X's, not the later happening's."""


@dataclass
class Evidence:
    """One article's dating evidence."""

    weekdays: list[Mention] = field(default_factory=list)
    dates: list[Mention] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    """Explicit years not in a future-tense clause ("in 2019", "Jan. 3, 2020")."""
    past_years: list[int] = field(default_factory=list)
    """Explicit years in a past-tense clause ("was indicted in 2019")."""
    full_dates: list[date] = field(default_factory=list)
    """Explicit full dates in past-tense clauses: publication is on or after them."""
    era_years: list[int] = field(default_factory=list)
    """The year of the story's own happening by "came seven years after the 2012 attack"."""
    months: list[Mention] = field(default_factory=list)
    """Month names without a year or day ("in November"): ``month`` set, ``day`` 0."""
    relatives: list[Relative] = field(default_factory=list)
    offsets: list[Offset] = field(default_factory=list)
    sentence_stems: Counter[str] = field(default_factory=Counter)
    """In how many of the article's sentences each stem occurs (for its weight)."""
    sentences: int = 0
    wire: bool = False
    """The article carries an agency dateline ("CITY (Reuters) –"): an original wire
    story, whose lead weekday is its publication day by agency convention."""

    @property
    def lead(self) -> Mention | None:
        """The first weekday the lead sentence names, unless it is future."""
        named = [m for m in self.weekdays + self.dates if m.in_lead and m.weekday is not None]
        first = min(named, key=lambda m: m.start, default=None)
        return first if first is not None and first.tense <= 0 else None


_SAME_STEM = {"death": "kill", "deaths": "kill", "died": "kill", "dies": "kill",
              "slain": "kill", "killings": "kill"}  # fmt: skip
"""Words of one happening that the suffix rules cannot meet ("his death" ~ "killed him")."""


def stem(word: str) -> str:
    """A crude stem so "strikes"/"strike" and "killed"/"killing" meet."""
    w = word.lower().replace("’", "'")
    w = w.removesuffix("'s").rstrip(".'")
    if w in _SAME_STEM:
        return _SAME_STEM[w]
    for suffix in ("ing", "ed", "es", "s"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            w = w[: -len(suffix)]
            break
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w[:7]


def _sentences(text: str) -> list[tuple[int, int]]:
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text) if not _abbreviation(text, m)]
    ends = starts[1:] + [len(text)]
    return list(zip(starts, ends, strict=True))


def _abbreviation(text: str, end: re.Match[str]) -> bool:
    """Whether a sentence-end match is the period of "U.S." or "Jan." instead."""
    stop = end.start() + 1
    return _ABBREVIATION.search(text, max(0, stop - 12), stop) is not None


def _sentence_of(spans: list[tuple[int, int]], pos: int) -> int:
    for i, (s, e) in enumerate(spans):
        if s <= pos < e:
            return i
    return len(spans) - 1


def _words(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _region(text: str, ex: TimeExpression, bounds: tuple[int, int], others: list[int]) -> str:
    """The part of the sentence closer to ``ex`` than to any other time expression."""
    lo, hi = bounds
    for pos in others:
        if pos < ex.start:
            lo = max(lo, (pos + ex.start) // 2)
        elif pos > ex.end:
            hi = min(hi, (ex.end + pos) // 2)
    left = _words(text[lo : ex.start])
    right = _words(text[ex.end : hi])
    if left and lo > 0 and text[lo - 1].isalnum():
        left = left[1:]  # a word cut in half by the midpoint
    if right and hi < len(text) and text[hi].isalnum():
        right = right[:-1]
    left, right = left[-_REACH:], right[:_REACH]
    return " ".join(left + right)


def _context(region: str) -> frozenset[str]:
    stems = {stem(w) for w in _words(region) if w.lower() not in _STOP}
    return frozenset(s for s in stems if len(s) > 2 and s not in _STOP)


def _is_speech(text: str, start: int, sentence_start: int) -> bool:
    """The weekday dates a reporting verb just before it, in its own sentence ("said on
    Friday"; not "… the army said. Thursday's violence …")."""
    region = text[max(sentence_start, start - 40) : start]
    left = [w.lower() for w in _words(region)][-3:]
    return any(w in _REPORTING for w in left)


def _named_occasion(text: str, start: int) -> bool:
    before = _words(text[max(0, start - 12) : start])
    return bool(before) and before[-1].lower() in _NAMED_DAY_PREFIX


def collect_evidence(text: str, expressions: list[TimeExpression]) -> Evidence:
    """Gather weekday and day-date mentions, years and full dates from one article."""
    spans = _sentences(text)
    ev = Evidence(sentences=len(spans))
    for s, e in spans:
        ev.sentence_stems.update(_context(text[s:e]))
    lead_end = spans[0][1] if spans else len(text)
    # the tense helper ends sentences at any ". ": hide the periods of "U.S." and "Jan."
    masked = _ABBREVIATED.sub(lambda m: m.group(0).replace(".", "_"), text)
    dated = [ex for ex in expressions if ex.type in ("DATE", "TIME")]
    for ex in dated:
        index = _sentence_of(spans, ex.start)
        bounds = spans[index]
        others = [o.start for o in dated if o is not ex and bounds[0] <= o.start < bounds[1]]
        proto = Mention(
            start=ex.start,
            end=ex.end,
            tense=lexical_tense(masked, ex.start, ex.end),
            context=_context(_region(text, ex, bounds, others)),
            in_lead=ex.start < lead_end,
            sentence=index,
            local=local_tense(masked[bounds[0] : ex.start]),
        )
        _add(ev, ex, text, proto, dated, bounds[0])
        relative = _relative(ex, text[bounds[0] : bounds[1]], proto)
        if relative is not None:
            ev.relatives.append(relative)
    _add_clauses(ev, text, masked, spans, lead_end)
    return ev


def _relative(ex: TimeExpression, sentence: str, proto: Mention) -> Relative | None:
    """ "last week", "earlier this month", "last month", "two months ago" as a Relative
    whose context is the whole sentence (the happening it dates may sit far from it)."""
    if ex.type != "DATE" or not ex.relative:
        return None
    low = ex.text.lower()
    context = _context(sentence)
    ahead = re.fullmatch(r"(?:the\s+)?next (week|month)", low)
    if ahead and ex.rule == "rel_unit":
        return Relative(replace(proto, context=context), ahead.group(1), 1, "next")
    if proto.tense > 0 or "later" in low or "next" in low or "coming" in low:
        return None
    ago = _AGO.search(low)
    if ago and ex.rule == "ago":
        n = _number(ago.group(1))
        return Relative(replace(proto, context=context), ago.group(2).lower(), -n, "ago")
    for unit in ("week", "month"):
        if re.search(rf"\b(?:this|last|past) {unit}\b", low) and ex.rule == "rel_unit":
            offset = -1 if ("last" in low or "past" in low) else 0
            kind = "last" if offset else "this"
            return Relative(replace(proto, context=context), unit, offset, kind)
    return None


def local_tense(left: str) -> int:
    """The tense of the nearest marker word in the clause ending where ``left`` ends."""
    cuts = list(_CLAUSE_START.finditer(left))
    words = _words(left[cuts[-1].end() :] if cuts else left)[::-1]
    for k, w in enumerate(words):
        if directed(words, k):
            return 1  # "urging voters to turn out in March"
        t = word_tense(w)
        if t < 0 and k + 1 < len(words) and words[k + 1].lower() in _BE:
            continue  # "be published", "was indicted" is a passive, its tense is "was"
        if t:
            return t
    return 0


def _main_clause_present(rest: str) -> bool:
    """Whether the first auxiliary after a fronted "Days after X," is present or future
    ("the troops are moving out"); participles alone ("storied") prove nothing."""
    for w in _words(rest.replace("’", "'")):
        low = w.lower()
        if low in _PRESENT_AUX:
            return True
        if low in _PAST_AUX:
            return False
    return False


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


def _add_clauses(
    ev: Evidence, text: str, masked: str, spans: list[tuple[int, int]], lead_end: int
) -> None:
    """Phrases the tagger leaves alone: "days after X", "a day after X", "came N years
    after the YYYY"."""
    for m in _SHORTLY_AFTER.finditer(text):
        index = _sentence_of(spans, m.start())
        s, e = spans[index]
        rest = text[m.end() : e]
        stop = _CLAUSE_END.search(rest)
        clause = rest[: stop.start()] if stop else rest
        proto = Mention(
            start=m.start(),
            end=m.end(),
            tense=-1,
            context=_context(clause),
            in_lead=m.start() < lead_end,
            sentence=index,
        )
        bounded = _main_clause_present(rest[len(clause) :])
        ev.relatives.append(Relative(proto, "day", 0, "after", bounded=bounded))
    for m in _PRECISE_AFTER.finditer(text):
        if _HEDGED.search(text[max(0, m.start() - 16) : m.start()]):
            continue  # "more than a week after", "two to three days after": no interval
        index = _sentence_of(spans, m.start())
        rest = text[m.end() : spans[index][1]]
        stop = _CLAUSE_END.search(rest)
        weeks = m.group(2).lower() == "week"
        n = _number(m.group(1)) * (7 if weeks else 1)
        slack = _WEEK_SLACK if weeks else 0
        clause = rest[: stop.start()] if stop else rest
        x_end = m.end() + len(clause)
        ev.offsets.append(Offset(index, n, slack, _context(clause), (m.start(), x_end)))
    for m in _YEARS_AFTER.finditer(masked):
        year = int(m.group(2)) + _number(m.group(1))
        if _MIN_YEAR <= year <= _MAX_YEAR:
            ev.era_years.append(year)


def _add(
    ev: Evidence,
    ex: TimeExpression,
    text: str,
    proto: Mention,
    dated: list[TimeExpression],
    sentence_start: int,
) -> None:
    wd = WEEKDAY_VALUE.match(ex.value)
    if wd:
        if _named_occasion(text, ex.start):
            return
        speech = _is_speech(text, ex.start, sentence_start)
        ev.weekdays.append(replace(proto, weekday=int(wd.group(1)), speech=speech))
        return
    ymd = _year_month_day(ex)
    if ymd is not None:
        year, month, day = ymd
        weekday = _pinned_weekday(ex, text, dated)
        ev.dates.append(replace(proto, weekday=weekday, month=month, day=day, year=year))
        if year is not None:
            _add_year(ev, year, proto.tense)
        if year is not None and proto.tense < 0:
            ev.full_dates.append(date(year, month, day))
        return
    yr = _YEAR.match(ex.value)
    if yr and not ex.relative and _MIN_YEAR <= int(yr.group(1)) <= _MAX_YEAR:
        _add_year(ev, int(yr.group(1)), proto.tense)
        return
    named = _MONTH.match(ex.value)
    if named and ex.rule == "month" and 1 <= int(named.group(1)) <= 12:
        ev.months.append(replace(proto, month=int(named.group(1))))


def _add_year(ev: Evidence, year: int, tense: int) -> None:
    if tense <= 0:
        ev.years.append(year)
    if tense < 0:
        ev.past_years.append(year)


def _year_month_day(ex: TimeExpression) -> tuple[int | None, int, int] | None:
    full = _FULL.match(ex.value)
    if full and not ex.relative:
        year: int | None = int(full.group(1))
        month, day = int(full.group(2)), int(full.group(3))
    else:
        md = _MONTH_DAY.match(ex.value)
        if not md:
            return None
        year, month, day = None, int(md.group(1)), int(md.group(2))
    return (year, month, day) if _valid(year, month, day) else None


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        date(year or 2000, month, day)  # 2000 is a leap year: Feb. 29 stays valid
    except ValueError:
        return False
    return year is None or _MIN_YEAR <= year <= _MAX_YEAR


def _pinned_weekday(ex: TimeExpression, text: str, dated: list[TimeExpression]) -> int | None:
    """A weekday named in or right next to a date: "Friday, Jan. 3", "Jan. 3 (Friday)"."""
    named = _NAMED_DAY.search(ex.text)
    if named:
        return DAY_NAMES.index(named.group(1).lower()) + 1
    for other in dated:
        wd = WEEKDAY_VALUE.match(other.value)
        if not wd:
            continue
        gap = (
            text[other.end : ex.start]
            if other.end <= ex.start
            else text[ex.end : other.start]
            if ex.end <= other.start
            else ""
        )
        if gap and _ADJACENT.match(gap):
            return int(wd.group(1))
    return None
