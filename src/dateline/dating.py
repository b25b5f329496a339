"""Publication dates: from metadata when given, else inferred from the text.

Inference reads the temporal expressions of an article *without* an anchor
(``dateline.extract.time.tag_times(text, None)``), so relative parts stay
unresolved (``XXXX-01-03`` for "Jan. 3", ``XXXX-WXX-5`` for "Friday"):

1. **Reference dates.** Explicit day dates with a year are taken as they are.
   A month-day without a year gets the year that its weekday pins ("Friday,
   Jan. 3" or "on Friday … on Jan. 3" in one sentence), else the latest year
   the article — or, for a dump of related stories, its group — mentions.
2. **The lead weekday.** News leads name the day of the news ("said on
   Thursday"); the publication day is that weekday on or shortly after the
   latest reference date.
3. **Abstain** when there is no reference date at all, or when the evidence
   is too weak (confidence below :data:`MIN_CONFIDENCE`). The confidences of
   each evidence tier are measured on the PolNeAR train split
   (``eval/dating.py``), not guessed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, timedelta

from .models import PublicationDate, RawArticle, TimeExpression

__all__ = ["date_articles", "infer_publication_date", "Evidence", "MIN_CONFIDENCE", "TIERS"]

_FULL = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH_DAY = re.compile(r"^XXXX-(\d{2})-(\d{2})$")
_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])$")
_YEAR = re.compile(r"^(\d{4})$")
_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NAMED_DAY = re.compile(r"\b(" + "|".join(_DAY_NAMES) + r")\b", re.I)
_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+(?=[A-Z“\"‘])")

# Exact-day precision of each evidence tier measured on PolNeAR train with
# ``eval/dating.py --calibrate`` (2026-11-27): date-only 0.06 (n=160),
# lead-weekday-after-date 0.00 (n=21). "weekday-pinned-date" (a date whose own
# weekday is named in its sentence, and the lead names that weekday) 0.50 (n=4,
# all within a day). Only that tier reaches the threshold and answers.
TIERS: dict[str, float] = {
    "weekday-pinned-date": 0.5,
    "lead-weekday-after-date": 0.0,
    "date-only": 0.06,
}
MIN_CONFIDENCE = 0.5
"""Below this the date is not stored: abstaining beats a wrong exact day."""


@dataclass
class Evidence:
    """What an article's temporal expressions say about its own date."""

    full_dates: list[date] = field(default_factory=list)
    pinned_dates: list[date] = field(default_factory=list)
    """Full dates whose weekday is named in the same sentence ("Thursday, Nov. 19, 2026")."""
    month_days: list[tuple[int, int, int | None]] = field(default_factory=list)
    """(month, day, weekday pinned next to it or None)."""
    years: list[int] = field(default_factory=list)
    lead_weekday: int | None = None
    """ISO weekday (1 = Monday) named in the lead sentence."""


def collect_evidence(text: str, expressions: list[TimeExpression]) -> Evidence:
    ev = Evidence()
    lead_end = _lead_end(text)
    sentences = _sentence_starts(text)
    weekdays_by_sentence: dict[int, list[int]] = defaultdict(list)
    for ex in expressions:
        m = _WEEKDAY.match(ex.value)
        # a weekday is its own expression ("Friday") or leads a date ("Friday, Jan. 3")
        named = _NAMED_DAY.search(ex.text) if ex.type == "DATE" else None
        day = int(m.group(1)) if m else (_day_number(named.group(1)) if named else None)
        if day is not None:
            weekdays_by_sentence[_sentence_of(sentences, ex.start)].append(day)
            if ev.lead_weekday is None and ex.start < lead_end:
                ev.lead_weekday = day
    for ex in expressions:
        if ex.type != "DATE":
            continue
        full = _FULL.match(ex.value)
        if full and not ex.relative:
            with suppress(ValueError):
                when = date(*(int(g) for g in full.groups()))
                ev.full_dates.append(when)
                same = weekdays_by_sentence.get(_sentence_of(sentences, ex.start), [])
                if when.isoweekday() in same:
                    ev.pinned_dates.append(when)
            ev.years.append(int(full.group(1)))
            continue
        md = _MONTH_DAY.match(ex.value)
        if md:
            same = weekdays_by_sentence.get(_sentence_of(sentences, ex.start), [])
            pinned = same[0] if len(set(same)) == 1 else None
            ev.month_days.append((int(md.group(1)), int(md.group(2)), pinned))
            continue
        year = _YEAR.match(ex.value)
        if year and not ex.relative:
            ev.years.append(int(year.group(1)))
    return ev


def _day_number(name: str) -> int:
    return _DAY_NAMES.index(name.lower()) + 1


def _lead_end(text: str) -> int:
    m = _SENTENCE_END.search(text)
    return m.end() if m else len(text)


def _sentence_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def _sentence_of(starts: list[int], pos: int) -> int:
    idx = 0
    for i, s in enumerate(starts):
        if s > pos:
            break
        idx = i
    return idx


def _year_for(month: int, day: int, pinned: int | None, ref_year: int) -> int | None:
    """The year of a month-day: pinned by its weekday near ``ref_year``, else ``ref_year``."""
    if pinned is not None:
        for year in (ref_year, ref_year + 1, ref_year - 1):
            try:
                if date(year, month, day).isoweekday() == pinned:
                    return year
            except ValueError:
                return None
    try:
        date(ref_year, month, day)
    except ValueError:
        return None
    return ref_year


@dataclass
class _Reference:
    when: date
    pinned: bool


def _references(ev: Evidence, ref_year: int | None) -> list[_Reference]:
    refs = [_Reference(d, d in ev.pinned_dates) for d in ev.full_dates]
    for month, day, pinned in ev.month_days:
        if ref_year is None:
            continue
        year = _year_for(month, day, pinned, ref_year)
        if year is None:
            continue
        when = date(year, month, day)
        refs.append(_Reference(when, pinned is not None and when.isoweekday() == pinned))
    return refs


def infer_publication_date(
    ev: Evidence, group_years: list[int] | None = None, min_confidence: float = MIN_CONFIDENCE
) -> PublicationDate:
    """Infer a date from one article's evidence (and its group's years)."""
    years = ev.years + list(group_years or [])
    ref_year = max(years) if years else None
    refs = _references(ev, ref_year)
    if not refs:
        return PublicationDate(None, inferred=True, confidence=0.0, evidence="no anchor")
    latest = max(refs, key=lambda r: r.when)
    if ev.lead_weekday is not None:
        gap = (ev.lead_weekday - latest.when.isoweekday()) % 7
        when = latest.when + timedelta(days=gap)
        tier = "weekday-pinned-date" if gap == 0 and latest.pinned else "lead-weekday-after-date"
    else:
        when, tier = latest.when, "date-only"
    confidence = TIERS[tier]
    if confidence < min_confidence:
        return PublicationDate(None, inferred=True, confidence=0.0, evidence=f"weak: {tier}")
    return PublicationDate(when, inferred=True, confidence=confidence, evidence=tier)


def _tag(text: str) -> list[TimeExpression]:
    from .extract.time import tag_times

    return tag_times(text, None)


def date_articles(raws: list[RawArticle]) -> list[PublicationDate]:
    """A publication date for each article: metadata first, else inference.

    Articles that share a ``group`` (one dump of related stories) pool their
    year mentions, so a story that names no year still gets one.
    """
    evidence: dict[int, Evidence] = {}
    group_years: dict[str, list[int]] = defaultdict(list)
    for i, raw in enumerate(raws):
        if raw.published is not None:
            continue
        ev = collect_evidence(raw.text, _tag(raw.text))
        evidence[i] = ev
        if raw.group:
            group_years[raw.group].extend(ev.years)
    out: list[PublicationDate] = []
    for i, raw in enumerate(raws):
        if raw.published is not None:
            out.append(
                PublicationDate(raw.published, inferred=False, confidence=1.0, evidence="metadata")
            )
            continue
        years = group_years.get(raw.group or "", [])
        out.append(infer_publication_date(evidence[i], years))
    return out
