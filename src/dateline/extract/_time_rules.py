"""Rules of the temporal tagger (private): each pairs a pattern with a normaliser.

A normaliser turns a match into a :class:`Norm` using the :class:`Ctx` of the document
(anchor date, the last anchored date for chains, tense of the clause). Unresolvable
relative parts are written in TIMEX3 X-notation (see ``dateline.extract.time``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from . import _time_patterns as P
from ._time_calendar import (
    UNIT_GRAN,
    UNKNOWN_VALUE,
    Point,
    finer,
    last_complete_quarter,
    month_date,
    month_day_date,
    nth_weekday,
    pick,
    quarter_date,
    quarter_start,
    season_point,
    shift,
    weekday_date,
)
from ._time_checks import (
    bare_month_ok,
    duration_ok,
    group,
    month_of,
    plural_ok,
    preceding_word,
    safe_date,
    season_ok,
    set_freq_ok,
    the_unit_ok,
    vague_ok,
    valid_day,
    valid_iso,
    valid_numeric,
    year_ok,
)
from ._time_lexicon import (
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    TIME_UNITS,
    UNIT_CODES,
    WEEKDAYS,
    format_count,
    parse_number,
    unit_key,
)
from ._time_tense import TenseCue, clause_tense

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class Ctx:
    """What normalisers may consult while walking a document left to right."""

    text: str
    anchor: date | None
    doc: Doc | None = None
    ref: Point | None = None
    """The last anchored DATE (chains such as "the day before" start from it)."""
    ref_end: int = -1

    def tense(self, m: re.Match[str]) -> TenseCue:
        return clause_tense(self.text, m.start(), m.end(), self.doc)

    def anchor_point(self, gran: str = "day") -> Point | None:
        return Point(self.anchor, gran) if self.anchor else None

    def chain_base(self) -> Point | None:
        return self.ref or self.anchor_point()


@dataclass(frozen=True)
class Norm:
    """A normalised expression; ``point`` is set when it names a concrete period that
    later chained expressions may start from."""

    type: str
    value: str
    gran: str
    relative: bool = False
    point: Point | None = None


Handler = Callable[[re.Match[str], Ctx], Norm]
Check = Callable[[re.Match[str], str], bool]


@dataclass(frozen=True)
class Rule:
    """``key`` names a word family (see ``KEYS``) every match of the rule contains; the
    tagger only runs ``pattern`` near occurrences of it."""

    name: str
    key: str
    pattern: re.Pattern[str]
    handler: Handler
    check: Check | None = None


# Cheap case-sensitive patterns, run on the lower-cased text.
KEYS: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern)
    for name, pattern in {
        "digit": r"\d",
        "month": r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec",
        "weekday": r"monday|tuesday|wednesday|thursday|friday|saturday|sunday",
        "unit": r"second|minute|hour|day|week|month|quarter|year|decade|centur",
        "unitpod": r"day|week|month|year|morning|afternoon|evening|night",
        "dayword": r"today|tonight|tomorrow|yesterday",
        "pod": r"morning|afternoon|evening|night|noon|midnight|midday|day",
        "ago": r"ago",
        "chain": r"later|earlier|afterward|before|after",
        "set": r"every|each|daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly"
        r"|semiannually|biannually",
        "season": r"spring|summer|fall|autumn|winter",
        "vague": r"now|current|recent|previous|formerly|lately|nowaday|present|time|future"
        r"|past|term|ahead|earlier|later",
        "decade": r"ties",
        "holiday": r"christmas|new year|thanksgiving|halloween|independence|valentine|labor"
        r"|memorial|veterans|election",
        "spelled": r"nineteen|eighteen|thousand",
        "half": r"half",
        "century": r"century",
        "quarter": r"quarter|period|year-",
    }.items()
}


# --------------------------------------------------------------------------- helpers


def _rel_dir(rel: str) -> int | None:
    """Direction a modifier word imposes (None when it imposes none)."""
    if rel.startswith(
        ("last", "past", "previous", "prior", "the past", "the previous", "this past")
    ):
        return -1
    if rel.startswith(("next", "coming", "following", "the next", "the following", "the coming")):
        return 1
    if rel.startswith("this coming"):
        return 1
    return None


def _date_norm(p: Point | None, gran: str, relative: bool, kind: str = "DATE") -> Norm:
    if p is None:
        return Norm(kind, UNKNOWN_VALUE[gran], gran, True)
    return Norm(kind, p.value(), p.gran, relative, p)


def _with_pod(n: Norm, pod: str) -> Norm:
    """Attach a part of day (``TMO``...) to a day-valued norm, making it a TIME."""
    if not pod:
        return n
    return Norm("TIME", n.value + "T" + PARTS_OF_DAY[pod], "time", n.relative, n.point)


# --------------------------------------------------------------------------- explicit dates


def h_iso(m: re.Match[str], ctx: Ctx) -> Norm:
    d = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    if m.group("hh"):
        v = f"{d.isoformat()}T{m.group('hh')}:{m.group('mm')}"
        return Norm("TIME", v, "time", False, Point(d, "day"))
    return _date_norm(Point(d, "day"), "day", False)


def h_numeric(m: re.Match[str], ctx: Ctx) -> Norm:
    y = int(m.group("y"))
    if y < 100:
        y += 1900 if y >= 50 else 2000
    d = safe_date(y, int(m.group("a")), int(m.group("b")))
    return _date_norm(Point(d, "day") if d else None, "day", False)


def h_full_date(m: re.Match[str], ctx: Ctx) -> Norm:
    d = safe_date(int(m.group("y")), month_of(m), int(m.group("d")))
    return _date_norm(Point(d, "day") if d else None, "day", False)


def h_month_day(m: re.Match[str], ctx: Ctx) -> Norm:
    mon, day = month_of(m), int(m.group("d"))
    if ctx.anchor is None:
        return Norm("DATE", f"XXXX-{mon:02d}-{day:02d}", "day", True)
    wd = group(m, "wd")
    if wd:  # the weekday pins the year
        cands = [d for y in range(ctx.anchor.year - 1, ctx.anchor.year + 2)
                 if (d := safe_date(y, mon, day)) and d.isoweekday() == WEEKDAYS[wd]]  # fmt: skip
        if cands:
            return _date_norm(Point(pick(cands, ctx.anchor, 0), "day"), "day", True)
    direction = _rel_dir(group(m, "rel"))
    firm = direction is not None
    if direction is None:
        direction = ctx.tense(m).direction
    d = month_day_date(ctx.anchor, mon, day, direction, firm)
    return _date_norm(Point(d, "day") if d else None, "day", True)


def h_month_year(m: re.Match[str], ctx: Ctx) -> Norm:
    return _date_norm(Point(date(int(m.group("y")), month_of(m), 1), "month"), "month", False)


def h_month_rel_year(m: re.Match[str], ctx: Ctx) -> Norm:
    mon = month_of(m)
    if ctx.anchor is None:
        return Norm("DATE", f"XXXX-{mon:02d}", "month", True)
    off = {"this": 0, "last": -1, "next": 1}[group(m, "rel")]
    return _date_norm(Point(date(ctx.anchor.year + off, mon, 1), "month"), "month", True)


def h_month(m: re.Match[str], ctx: Ctx) -> Norm:
    mon = month_of(m)
    if ctx.anchor is None:
        return Norm("DATE", f"XXXX-{mon:02d}", "month", True)
    rel = group(m, "rel")
    if rel.startswith("this") and "past" not in rel and "coming" not in rel:
        d = date(ctx.anchor.year, mon, 1)
    else:
        direction = _rel_dir(rel)
        strict = direction is not None
        if direction is None:
            direction = ctx.tense(m).direction
        d = month_date(ctx.anchor, mon, direction, strict)
        if strict and (d.year, d.month) == (ctx.anchor.year, ctx.anchor.month):
            d = date(d.year + direction, mon, 1)
    return _date_norm(Point(d, "month"), "month", True)


def h_year(m: re.Match[str], ctx: Ctx) -> Norm:
    return _date_norm(Point(date(int(m.group("y")), 1, 1), "year"), "year", False)


def _decade_start(two: int, ctx: Ctx) -> int:
    """The year starting the most recent decade ending in ``two`` ('80s -> 1980)."""
    base = ctx.anchor.year if ctx.anchor else 2000
    year = (base // 100) * 100 + two
    return year - 100 if year > base else year


_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                 "seventies": 70, "eighties": 80, "nineties": 90}  # fmt: skip


def h_decade(m: re.Match[str], ctx: Ctx) -> Norm:
    dec = group(m, "dec")
    if dec:
        year = _decade_start(int(dec[1:]), ctx) if dec.startswith("'") else int(dec)
        relative = dec.startswith("'")
    else:
        year = _decade_start(_DECADE_WORDS[group(m, "decw")], ctx)
        relative = True
    return _date_norm(Point(date(year, 1, 1), "decade"), "decade", relative)


_ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                  "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
                  "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
                  "twentieth", "twenty-first"]  # fmt: skip


def h_century(m: re.Match[str], ctx: Ctx) -> Norm:
    o = group(m, "ord")
    n = int(o[:-2]) if o[0].isdigit() else _ORDINAL_WORDS.index(o) + 1
    return Norm("DATE", f"{n - 1:02d}", "century", False)


def _season_near(anchor: date, code: str, rel: str, direction: int) -> Point:
    """The season named ``code`` nearest the anchor in ``direction``; the season the anchor
    is in wins unless a modifier ("last", "next") points away from it."""
    cands = [season_point(y, code) for y in range(anchor.year - 2, anchor.year + 2)]
    current = [p for p in cands if p.day <= anchor < shift(p, 3, "month").day]
    if current and _rel_dir(rel) is None:
        return current[0]
    if direction < 0:
        return max((p for p in cands if shift(p, 3, "month").day <= anchor), key=lambda p: p.day)
    if direction > 0:
        return min((p for p in cands if p.day > anchor), key=lambda p: p.day)
    return min(cands, key=lambda p: abs((p.day - anchor).days))


def h_season(m: re.Match[str], ctx: Ctx) -> Norm:
    code = SEASONS[group(m, "season")]
    if m.group("y"):
        return _date_norm(season_point(int(m.group("y")), code), "season", False)
    if ctx.anchor is None:
        return Norm("DATE", f"XXXX-{code}", "season", True)
    rel = group(m, "rel")
    if rel.startswith("this") and "past" not in rel and "coming" not in rel:
        return _date_norm(season_point(ctx.anchor.year, code), "season", True)
    direction = _rel_dir(rel)
    if direction is None:
        direction = ctx.tense(m).direction
    return _date_norm(_season_near(ctx.anchor, code, rel, direction), "season", True)


# --------------------------------------------------------------------------- quarters


def _quarter_year(m: re.Match[str], ctx: Ctx) -> int | None:
    if m.group("y"):
        return int(m.group("y"))
    if m.group("py"):
        return int(m.group("py"))
    yrel = group(m, "yrel") or group(m, "yrel2")
    rel = group(m, "rel")
    base = ctx.anchor.year if ctx.anchor else None
    if ctx.ref is not None and ctx.ref.gran in ("quarter", "year", "half"):
        base = ctx.ref.day.year if ctx.anchor is None else base
    if base is None:
        return None
    off = {"this": 0, "last": -1, "next": 1, "": 0}[yrel]
    if any(w in rel for w in ("year-ago", "year-earlier", "prior-year")):
        off -= 1
    elif not yrel and ctx.anchor is not None and base == ctx.anchor.year:
        q = ORDINALS[group(m, "ord")]
        return quarter_date(ctx.anchor, q, ctx.tense(m).direction).year
    return base + off


def h_quarter(m: re.Match[str], ctx: Ctx) -> Norm:
    q = ORDINALS[group(m, "ord")]
    year = _quarter_year(m, ctx)
    if year is None:
        return Norm("DATE", f"XXXX-Q{q}", "quarter", True)
    explicit = bool(m.group("y") or m.group("py"))
    return _date_norm(Point(quarter_start(year, q), "quarter"), "quarter", not explicit)


def h_quarter_ref(m: re.Match[str], ctx: Ctx) -> Norm:
    kind = group(m, "kind") or group(m, "pkind") or group(m, "adj")
    base: Point | None
    if ctx.ref is not None and ctx.ref.gran == "quarter":
        base = ctx.ref
    elif ctx.anchor is not None and kind in ("current",):
        base = Point(quarter_start(ctx.anchor.year, (ctx.anchor.month - 1) // 3 + 1), "quarter")
    elif ctx.anchor is not None:
        base = last_complete_quarter(ctx.anchor)
    else:
        base = None
    if m.group("adj") and ctx.ref is not None and ctx.ref.gran != "quarter":
        base = ctx.ref
    if base is None:
        return Norm("DATE", "XXXX-QX", "quarter", True)
    if kind[:4].isdigit():
        base = Point(quarter_start(int(kind[:4]), (base.day.month - 1) // 3 + 1), "quarter")
    elif kind in ("year-ago", "year-earlier", "prior-year", "comparable"):
        return Norm("DATE", shift(base, -1, "year").value(), base.gran, True)
    elif kind == "previous":
        base = shift(base, -1, "quarter")
    return _date_norm(base, base.gran, True)


def h_half(m: re.Match[str], ctx: Ctx) -> Norm:
    h = 1 if group(m, "ord") == "first" else 2
    if m.group("y"):
        year: int | None = int(m.group("y"))
    elif ctx.anchor is not None:
        year = ctx.anchor.year + {"this": 0, "last": -1, "next": 1, "": 0}[group(m, "yrel")]
    else:
        year = None
    if year is None:
        return Norm("DATE", f"XXXX-H{h}", "half", True)
    return _date_norm(Point(date(year, 1 if h == 1 else 7, 1), "half"), "half", not m.group("y"))


# --------------------------------------------------------------------------- holidays


def _holiday_date(name: str, year: int) -> date:
    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's": (1, 1), "new year's day": (1, 1), "new year's eve": (12, 31),
             "halloween": (10, 31), "independence day": (7, 4), "valentine's day": (2, 14),
             "veterans day": (11, 11)}  # fmt: skip
    if name in fixed:
        return date(year, *fixed[name])
    if name.startswith("thanksgiving"):
        return nth_weekday(year, 11, 4, 4)
    if name == "labor day":
        return nth_weekday(year, 9, 1, 1)
    if name == "memorial day":
        return nth_weekday(year, 5, 1, -1)
    # US election day: the Tuesday after the first Monday of November
    return nth_weekday(year, 11, 1, 1) + timedelta(days=1)


def h_holiday(m: re.Match[str], ctx: Ctx) -> Norm:
    name = group(m, "hol")
    if ctx.anchor is None:
        return Norm("DATE", "XXXX-XX-XX", "day", True)
    cands = [_holiday_date(name, y) for y in range(ctx.anchor.year - 1, ctx.anchor.year + 2)]
    direction = _rel_dir(group(m, "rel"))
    if direction is None:
        direction = ctx.tense(m).direction
    if direction and group(m, "rel"):
        cands = [c for c in cands if (c - ctx.anchor).days * direction > 0]
    return _date_norm(Point(pick(cands, ctx.anchor, direction), "day"), "day", True)


# --------------------------------------------------------------------------- relative days


_DAY_OFFSET = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def h_dayword(m: re.Match[str], ctx: Ctx) -> Norm:
    w = group(m, "dw")
    p = ctx.anchor_point()
    n = _date_norm(shift(p, _DAY_OFFSET[w], "day") if p else None, "day", True)
    pod = group(m, "pod") or group(m, "pod1") or ("night" if w == "tonight" else "")
    return _with_pod(n, pod)


def h_day_before_yesterday(m: re.Match[str], ctx: Ctx) -> Norm:
    p = ctx.anchor_point()
    off = -2 if "before" in group(m, "dir") else 2
    return _date_norm(shift(p, off, "day") if p else None, "day", True)


def h_last_night(m: re.Match[str], ctx: Ctx) -> Norm:
    p = ctx.anchor_point()
    return _with_pod(_date_norm(shift(p, -1, "day") if p else None, "day", True), "night")


def h_this_pod(m: re.Match[str], ctx: Ctx) -> Norm:
    pod = group(m, "pod") or group(m, "pod2")
    if pod == "day":
        return Norm("TIME", "T12:00" if ctx.anchor is None else f"{ctx.anchor}T12:00", "time",
                    True)  # fmt: skip
    return _with_pod(_date_norm(ctx.anchor_point(), "day", True), pod)


def _unit_point(anchor: date, unit: str) -> Point:
    if unit in ("week", "weekend"):
        p = Point(anchor, "week", "WE" if unit == "weekend" else "")
    elif unit == "month":
        p = Point(anchor, "month")
    elif unit == "quarter":
        p = Point(quarter_start(anchor.year, (anchor.month - 1) // 3 + 1), "quarter")
    elif unit == "decade":
        p = Point(date(anchor.year // 10 * 10, 1, 1), "decade")
    elif unit == "century":
        p = Point(date(anchor.year // 100 * 100, 1, 1), "century")
    else:
        p = Point(anchor, "year")
    return p


def h_rel_unit(m: re.Match[str], ctx: Ctx) -> Norm:
    unit = group(m, "unit")
    gran = UNIT_GRAN[unit]
    if ctx.anchor is None:
        return Norm("DATE", UNKNOWN_VALUE[gran] + ("-WE" if unit == "weekend" else ""), gran, True)
    rel = group(m, "rel")
    p = _unit_point(ctx.anchor, unit)
    direction = _rel_dir(rel) or 0
    if unit == "weekend" and direction == 0 and ctx.anchor.isoweekday() < 6:
        direction = 0 if ctx.tense(m).direction >= 0 else -1
    return _date_norm(shift(p, direction, unit), gran, True)


def h_past_unit(m: re.Match[str], ctx: Ctx) -> Norm:
    """'the past year' (a duration) / 'last year' without 'the' handled by h_rel_unit."""
    unit = group(m, "unit")
    rel = group(m, "rel")
    if not m.group("the") and rel in ("last", "next", "coming"):
        return h_rel_unit(m, ctx)
    if rel in ("previous", "following"):
        return _chain(ctx, 1 if rel == "following" else -1, unit, update=True)
    return Norm("DURATION", _duration_value(1, unit), "none", False)


def h_weekday(m: re.Match[str], ctx: Ctx) -> Norm:
    wd = WEEKDAYS[group(m, "wd")]
    pod = group(m, "pod")
    rel = group(m, "rel")
    chained = ctx.ref is not None and ctx.ref.gran in ("day", "week")
    if rel in ("the previous", "the following", "the next", "that") and chained:
        assert ctx.ref is not None
        base = ctx.ref.day
        direction = {"the previous": -1, "that": 0}.get(rel, 1)
        d = weekday_date(base, wd, direction, strict=direction != 0)
        return _with_pod(_date_norm(Point(d, "day"), "day", True), pod)
    if ctx.anchor is None:
        n = Norm("DATE", f"XXXX-WXX-{wd}", "day", True)
        return _with_pod(n, pod)
    forced = _rel_dir(rel)
    if forced is not None:
        d = weekday_date(ctx.anchor, wd, forced, strict=True)
    else:
        direction = 0 if rel.startswith("this") else ctx.tense(m).direction
        d = weekday_date(ctx.anchor, wd, direction)
    return _with_pod(_date_norm(Point(d, "day"), "day", True), pod)


def h_weekend(m: re.Match[str], ctx: Ctx) -> Norm:
    if ctx.anchor is None:
        return Norm("DATE", "XXXX-WXX-WE", "week", True)
    rel = group(m, "rel")
    direction = _rel_dir(rel)
    if direction is None:
        direction = 0 if rel == "this" else ctx.tense(m).direction
    if direction == 0 and rel != "this":
        direction = -1 if ctx.anchor.isoweekday() <= 2 else 1
    sat = weekday_date(ctx.anchor, 6, direction, strict=bool(_rel_dir(rel)))
    if direction < 0 and ctx.anchor.isoweekday() == 7 and not _rel_dir(rel):
        sat = ctx.anchor - timedelta(days=1)
    return _date_norm(Point(sat, "week", "WE"), "week", True)


# --------------------------------------------------------------------------- shifts


def _ago_base(ctx: Ctx, unit: str) -> Point | None:
    """'A year ago' in a report about a quarter means that quarter a year before."""
    if unit == "year" and ctx.ref is not None and ctx.ref.gran in ("quarter", "half"):
        return ctx.ref
    p = ctx.anchor_point()
    if p is None:
        return None
    gran = UNIT_GRAN.get(unit, "day")
    if unit == "decade":
        gran = "year"
    return Point(p.day, gran)


def h_ago(m: re.Match[str], ctx: Ctx) -> Norm:
    unit = unit_key(group(m, "unit"))
    num = group(m, "num")
    n = parse_number(num) if num else None
    if n is None:
        return Norm("DATE", "PAST_REF", "none", False)
    if unit in TIME_UNITS:
        unit = "day"
        n = round(n / 24) if group(m, "unit").startswith("hour") else 0
    base = _ago_base(ctx, unit)
    if base is None:
        gran = "year" if unit in ("decade", "century") else UNIT_GRAN[unit]
        return Norm("DATE", UNKNOWN_VALUE[gran], gran, True)
    p = shift(base, -int(n), unit)
    return Norm("DATE", p.value(), p.gran, True)


def _pad(value: str, gran: str) -> str:
    """Pad a coarse value with X down to ``gran`` ('2018' -> '2018-XX-XX')."""
    tail = {"day": "-XX-XX", "week": "-WXX", "month": "-XX"}.get(gran, "")
    if gran == "day" and len(value) == 7:
        return value + "-XX"
    return value + tail if len(value) == 4 else value


def _chain(ctx: Ctx, n: int, unit: str, update: bool) -> Norm:
    """Shift the last anchored date (or the anchor) by ``n`` units."""
    base = ctx.chain_base()
    gran = UNIT_GRAN.get(unit, "day")
    if base is None:
        return Norm("DATE", UNKNOWN_VALUE[gran], gran, True)
    if finer(gran, base.gran) and gran in ("day", "week", "month"):
        return Norm("DATE", _pad(base.value(), gran), gran, True)
    keep = n != 0 and unit == "year" and base.gran in ("quarter", "half", "month", "season")
    if base.gran == "day" and unit == "week":
        gran = "day"  # "a week later" than a day is a day
    p = shift(Point(base.day, base.gran if keep else gran, base.tag if keep else ""), n, unit)
    return Norm("DATE", p.value(), p.gran, True, p if update else None)


def h_chain_shift(m: re.Match[str], ctx: Ctx) -> Norm:
    unit = unit_key(group(m, "unit"))
    n = parse_number(group(m, "num"))
    sign = -1 if group(m, "dir") in ("earlier", "before") else 1
    if n is None:
        return Norm("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", "none", True)
    if unit in TIME_UNITS:
        return Norm("DURATION", _duration_value(n, unit), "none", False)
    return _chain(ctx, sign * int(n), unit, update=UNIT_GRAN[unit] in ("day", "week"))


def h_chain_neighbour(m: re.Match[str], ctx: Ctx) -> Norm:
    unit = group(m, "unit") or group(m, "unit2")
    rel = group(m, "rel") or group(m, "dir")
    n = (
        1
        if rel in ("next", "following", "after", "later")
        else 0
        if "same" in rel or (rel.startswith("that"))
        else -1
    )
    pod = unit if unit in PARTS_OF_DAY else ""
    if pod:
        unit = "day"
    norm = _chain(ctx, n, unit, update=True)
    return _with_pod(norm, pod) if norm.gran == "day" else norm


# --------------------------------------------------------------------------- durations, sets


_HALF_UNIT = {"year": "6M", "day": "T12H", "hour": "30M", "minute": "30S"}


def _duration_value(n: float | None, unit: str) -> str:
    unit = unit_key(unit)
    if n is not None and n % 1 == 0.5 and unit in _HALF_UNIT:
        whole = f"{int(n)}{UNIT_CODES[unit]}" if n > 1 else ""
        prefix = "PT" if unit in TIME_UNITS else "P"
        return prefix + whole + _HALF_UNIT[unit]
    if unit in TIME_UNITS:
        return f"PT{format_count(n)}{UNIT_CODES[unit]}"
    if unit == "decade":
        return "PXDE" if n is None else f"P{format_count(n * 10)}Y"
    if unit == "century":
        return "PXCE" if n is None else f"P{format_count(n * 100)}Y"
    if unit == "weekend":
        return "P2D" if n == 1 else f"P{format_count(n)}WE"
    return f"P{format_count(n)}{UNIT_CODES[unit]}"


def h_duration(m: re.Match[str], ctx: Ctx) -> Norm:
    n = parse_number(group(m, "num"))
    return Norm("DURATION", _duration_value(n, group(m, "unit")), "none", False)


def h_duration_range(m: re.Match[str], ctx: Ctx) -> Norm:
    return Norm("DURATION", _duration_value(None, group(m, "unit")), "none", False)


def h_duration_plural(m: re.Match[str], ctx: Ctx) -> Norm:
    return Norm("DURATION", _duration_value(None, group(m, "unit")), "none", False)


def h_unit_long(m: re.Match[str], ctx: Ctx) -> Norm:
    s = m.group(0).lower()
    n = None if s.split("-")[0].endswith("s") else 1
    return Norm("DURATION", _duration_value(n, group(m, "unit")), "none", False)


_ADVERB_PERIOD = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
                  "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W",
                  "quarterly": "P3M", "semiannually": "P6M", "biannually": "P6M"}  # fmt: skip


def h_set_adverb(m: re.Match[str], ctx: Ctx) -> Norm:
    return Norm("SET", _ADVERB_PERIOD[group(m, "adv")], "none", False)


def h_set_every(m: re.Match[str], ctx: Ctx) -> Norm:
    if m.group("wd"):
        return Norm("SET", f"XXXX-WXX-{WEEKDAYS[group(m, 'wd')]}", "none", False)
    if m.group("pod"):
        return Norm("SET", "XXXX-XX-XXT" + PARTS_OF_DAY[group(m, "pod")], "none", False)
    num = group(m, "num")
    n = parse_number(num) if num else 1
    if "other" in m.group(0).lower():
        n = (n or 1) * 2
    return Norm("SET", _duration_value(n, group(m, "unit")), "none", False)


def h_set_freq(m: re.Match[str], ctx: Ctx) -> Norm:
    return Norm("SET", _duration_value(1, group(m, "unit")), "none", False)


_VAGUE_VALUE = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
                "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
                "at present": "PRESENT_REF", "for the time being": "PRESENT_REF",
                "to date": "PRESENT_REF", "so far": "PRESENT_REF", "soon": "FUTURE_REF",
                "a later date": "FUTURE_REF", "earlier": "PAST_REF"}  # fmt: skip


def h_vague(m: re.Match[str], ctx: Ctx) -> Norm:
    w = group(m, "word")
    if w in _VAGUE_VALUE:
        v = _VAGUE_VALUE[w]
    elif "future" in w or "ahead" in w or "term" in w:
        v = "FUTURE_REF"
    else:
        v = "PAST_REF"
    return Norm("DATE", v, "none", False)


def h_recent_units(m: re.Match[str], ctx: Ctx) -> Norm:
    return Norm("DATE", "PAST_REF", "none", False)


# --------------------------------------------------------------------------- clock times


def _clock_day(m: re.Match[str], ctx: Ctx) -> Norm:
    """The day a clock time falls on: an attached day word, else the anchor."""
    if m.groupdict().get("dw"):
        return h_dayword(m, ctx)
    if m.groupdict().get("wd"):
        return h_weekday(m, ctx)
    if m.groupdict().get("mon"):
        return h_month_day(m, ctx)
    if ctx.ref is not None and ctx.ref.gran == "day" and 0 <= m.start() - ctx.ref_end < 80:
        return _date_norm(ctx.ref, "day", True)
    return _date_norm(ctx.anchor_point(), "day", True)


def _day_part(day: Norm) -> str:
    return day.value.split("T")[0]


def h_clock(m: re.Match[str], ctx: Ctx) -> Norm:
    h = int(m.group("h"))
    mins = int(m.group("m") or 0)
    ap = group(m, "ap")
    if (ap.startswith("p") or "afternoon" in ap or "evening" in ap) and h < 12:
        h += 12
    elif (ap.startswith("a") or "morning" in ap) and h == 12:
        h = 0
    day = _clock_day(m, ctx)
    return Norm("TIME", f"{_day_part(day)}T{h:02d}:{mins:02d}", "time", True, day.point)


def h_noon(m: re.Match[str], ctx: Ctx) -> Norm:
    day = _clock_day(m, ctx)
    hhmm = "24:00" if group(m, "w") == "midnight" else "12:00"
    return Norm("TIME", f"{_day_part(day)}T{hhmm}", "time", True, day.point)


def h_the_unit(m: re.Match[str], ctx: Ctx) -> Norm:
    """'the year' as in 'for the year' (a duration) or 'earlier in the year' (this year)."""
    unit = group(m, "unit")
    prev = preceding_word(ctx.text, m.start()).lower()
    if prev in ("for", "over", "throughout") and group(m, "adj") not in ("full", "current"):
        return Norm("DURATION", _duration_value(1, unit), "none", False)
    gran = UNIT_GRAN[unit]
    base = ctx.ref if ctx.ref is not None and not finer(ctx.ref.gran, gran) else None
    if base is None and ctx.anchor is not None:
        base = _unit_point(ctx.anchor, unit)
    if base is None:
        return Norm("DATE", UNKNOWN_VALUE[gran], gran, True)
    return Norm("DATE", Point(base.day, gran).value(), gran, True)


def h_spelled_year(m: re.Match[str], ctx: Ctx) -> Norm:
    if m.group("cent"):
        rest = group(m, "rest")
        tail = 0 if rest == "hundred" else int(parse_number(rest) or 0)
        year = (18 if group(m, "cent") == "eighteen" else 19) * 100 + tail
    else:
        year = 2000 + int(parse_number(group(m, "rest2")) or 0) if m.group("rest2") else 2000
    if m.group("mon"):
        return _date_norm(Point(date(year, month_of(m), 1), "month"), "month", False)
    return _date_norm(Point(date(year, 1, 1), "year"), "year", False)


# --------------------------------------------------------------------------- the table

# Order matters only to break ties between equally long matches (earlier wins).
RULES: tuple[Rule, ...] = (
    Rule("iso_date", "digit", P.ISO_DATE, h_iso, valid_iso),
    Rule("numeric_date", "digit", P.NUMERIC_DATE, h_numeric, valid_numeric),
    Rule("month_day_year", "month", P.MONTH_DAY_YEAR, h_full_date, valid_day),
    Rule("day_month_year", "month", P.DAY_MONTH_YEAR, h_full_date, valid_day),
    Rule("clock", "digit", P.CLOCK, h_clock),
    Rule("clock24", "digit", P.CLOCK24, h_clock),
    Rule("noon", "pod", P.NOON, h_noon),
    Rule("month_day", "month", P.MONTH_DAY, h_month_day, valid_day),
    Rule("day_month", "month", P.DAY_MONTH, h_month_day, valid_day),
    Rule("month_year", "month", P.MONTH_YEAR, h_month_year),
    Rule("month_rel_year", "month", P.MONTH_REL_YEAR, h_month_rel_year),
    Rule("quarter", "quarter", P.QUARTER, h_quarter),
    Rule("quarter_ref", "quarter", P.QUARTER_REF, h_quarter_ref),
    Rule("half", "half", P.HALF, h_half),
    Rule("season", "season", P.SEASON, h_season, season_ok),
    Rule("decade", "digit", P.DECADE, h_decade),
    Rule("decade_word", "decade", P.DECADE_WORD, h_decade),
    Rule("century", "century", P.CENTURY, h_century),
    Rule("holiday", "holiday", P.HOLIDAY, h_holiday),
    Rule("month", "month", P.MONTH, h_month, bare_month_ok),
    Rule("year", "digit", P.YEAR_RE, h_year, year_ok),
    Rule("day_before_yesterday", "dayword", P.DAY_BEFORE_YESTERDAY, h_day_before_yesterday),
    Rule("dayword", "dayword", P.DAYWORD_RE, h_dayword),
    Rule("last_night", "pod", P.LAST_NIGHT, h_last_night),
    Rule("this_pod", "pod", P.THIS_POD, h_this_pod),
    Rule("ago", "ago", P.AGO, h_ago),
    Rule("chain_shift", "chain", P.CHAIN_SHIFT, h_chain_shift),
    Rule("chain_neighbour", "unitpod", P.CHAIN_NEIGHBOUR, h_chain_neighbour),
    Rule("weekend", "unit", P.WEEKEND, h_weekend),
    Rule("rel_unit", "unit", P.REL_UNIT, h_rel_unit),
    Rule("past_unit", "unit", P.PAST_UNIT, h_past_unit),
    Rule("weekday", "weekday", P.WEEKDAY, h_weekday),
    Rule("set_every", "set", P.SET_EVERY, h_set_every),
    Rule("set_adverb", "set", P.SET_ADVERB, h_set_adverb),
    Rule("set_freq", "unit", P.SET_FREQ, h_set_freq, set_freq_ok),
    Rule("duration_range", "unit", P.DURATION_RANGE, h_duration_range),
    Rule("duration", "unit", P.DURATION, h_duration, duration_ok),
    Rule("duration_adj", "unit", P.DURATION_ADJ, h_duration),
    Rule("unit_long", "unit", P.UNIT_LONG, h_unit_long),
    Rule("duration_plural", "unit", P.DURATION_PLURAL, h_duration_plural, plural_ok),
    Rule("recent_units", "unit", P.RECENT_UNITS, h_recent_units),
    Rule("vague", "vague", P.VAGUE, h_vague, vague_ok),
    Rule("the_unit", "unit", P.THE_UNIT, h_the_unit, the_unit_ok),
    Rule("spelled_year", "spelled", P.SPELLED_YEAR, h_spelled_year),
)
