"""Tests for the rule-based temporal tagger (dateline.extract.time)."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.extract.time import event_date, resolve_weekdays, resolve_years, tag_times
from dateline.models import TimeExpression

WED = date(2020, 1, 8)  # a Wednesday


def only(text: str, anchor: date | None = WED, **kw: object) -> TimeExpression:
    found = tag_times(text, anchor, **kw)  # type: ignore[arg-type]
    assert len(found) == 1, found
    return found[0]


def values(text: str, anchor: date | None = WED) -> list[tuple[str, str]]:
    return [(e.text, e.value) for e in tag_times(text, anchor)]


# --------------------------------------------------------------------------- explicit dates


@pytest.mark.parametrize(
    "phrase, value",
    [
        ("Jan. 3, 2020", "2020-01-03"),
        ("January 3, 2020", "2020-01-03"),
        ("3 January 2020", "2020-01-03"),
        ("2020-01-03", "2020-01-03"),
        ("01/03/2020", "2020-01-03"),
        ("March 2017", "2017-03"),
    ],
)
def test_explicit_dates(phrase: str, value: str) -> None:
    text = f"The ship sailed on {phrase} from the port."
    e = only(text)
    assert (e.text, e.value, e.type, e.relative) == (phrase, value, "DATE", False)
    assert text[e.start : e.end] == phrase


def test_year_span_excludes_preposition() -> None:
    e = only("The dam was finished in 2018 after delays.")
    assert (e.text, e.value, e.granularity) == ("2018", "2018", "year")


def test_decade_season_quarter() -> None:
    assert values("Prices were low in the 1990s.") == [("the 1990s", "199")]
    assert values("Sales fell last summer.") == [("last summer", "2019-SU")]
    assert values("Profit rose in the third quarter.") == [("the third quarter", "2019-Q3")]
    assert values("Profit will rise in the third quarter.") == [("the third quarter", "2020-Q3")]


def test_numbers_are_not_years() -> None:
    assert tag_times("About 2500 people marched.", WED) == []


def test_month_name_as_surname_is_ignored() -> None:
    assert tag_times("Theresa May spoke to reporters.", WED) == []


# --------------------------------------------------------------------------- weekdays and tense


def test_weekday_past_clause_resolves_backwards() -> None:
    e = only("The convoy was attacked on Friday.")
    assert (e.text, e.value, e.relative) == ("Friday", "2020-01-03", True)


def test_weekday_future_clause_resolves_forwards() -> None:
    assert only("The envoy will arrive on Friday.").value == "2020-01-10"
    assert only("The envoy is going to arrive Friday.").value == "2020-01-10"
    assert only("The envoy plans to arrive Friday.").value == "2020-01-10"


def test_weekday_possessive_and_modifiers() -> None:
    assert only("Officials condemned Friday's attack.").value == "2020-01-03"
    assert only("They meet next Tuesday.").value == "2020-01-14"
    assert only("They met last Wednesday.").value == "2020-01-01"
    # the anchor's own weekday is the anchor day in a past clause
    assert only("The talks ended on Wednesday.").value == "2020-01-08"


def test_weekday_tense_from_spacy_doc() -> None:
    from dateline.nlp import load_pipeline

    nlp = load_pipeline()
    past = "The rebels seized the airport on Friday."
    future = "The rebels will seize the airport on Friday."
    assert only(past, doc=nlp(past)).value == "2020-01-03"
    assert only(future, doc=nlp(future)).value == "2020-01-10"


def test_doc_of_another_text_is_ignored() -> None:
    from dateline.nlp import load_pipeline

    doc = load_pipeline()("Something else entirely.")
    assert only("The envoy will arrive on Friday.", doc=doc).value == "2020-01-10"


# --------------------------------------------------------------------------- year rollover


def test_december_story_future_january_goes_to_next_year() -> None:
    e = only("The court will rule on Jan. 3.", anchor=date(2019, 12, 20))
    assert (e.text, e.value) == ("Jan. 3", "2020-01-03")


def test_january_story_past_december_goes_to_previous_year() -> None:
    e = only("The embassy was stormed on Dec. 27.", anchor=date(2020, 1, 10))
    assert (e.text, e.value) == ("Dec. 27", "2019-12-27")


def test_bare_month_follows_tense() -> None:
    from dateline.nlp import load_pipeline

    nlp = load_pipeline()
    past, future = "Elections were held in August.", "Elections will be held in August."
    assert only(past, doc=nlp(past)).value == "2019-08"
    assert only(future, doc=nlp(future)).value == "2020-08"
    assert only(past).value == "2019-08"
    assert only(future).value == "2020-08"
    # tense only decides between comparably distant candidates: a March 2019 reading
    # would be five times farther from a January 2020 anchor than March 2020
    assert only("Elections were held in March.").value == "2020-03"


# --------------------------------------------------------------------------- relative words


@pytest.mark.parametrize(
    "phrase, value, type_",
    [
        ("today", "2020-01-08", "DATE"),
        ("yesterday", "2020-01-07", "DATE"),
        ("tomorrow", "2020-01-09", "DATE"),
        ("tonight", "2020-01-08TNI", "TIME"),
        ("this morning", "2020-01-08TMO", "TIME"),
        ("this week", "2020-W02", "DATE"),
        ("last week", "2020-W01", "DATE"),
        ("this month", "2020-01", "DATE"),
        ("last month", "2019-12", "DATE"),
        ("earlier this month", "2020-01", "DATE"),
        ("this year", "2020", "DATE"),
        ("last year", "2019", "DATE"),
        ("later this year", "2020", "DATE"),
        ("next year", "2021", "DATE"),
        ("two months ago", "2019-11", "DATE"),
        ("10 days ago", "2019-12-29", "DATE"),
    ],
)
def test_anchor_relative(phrase: str, value: str, type_: str) -> None:
    e = only(f"The board said {phrase} that it agreed.")
    assert (e.text, e.value, e.type, e.relative) == (phrase, value, type_, True)


def test_weekend_follows_tense() -> None:
    assert only("Protesters gathered at the weekend.").value == "2020-W01-WE"
    assert only("Protesters will gather at the weekend.").value == "2020-W02-WE"
    assert only("Protesters gathered at the weekend.").text == "the weekend"


@pytest.mark.parametrize(
    "phrase, value",
    [
        ("recently", "PAST_REF"),
        ("previously", "PAST_REF"),
        ("formerly", "PAST_REF"),
        ("now", "PRESENT_REF"),
        ("currently", "PRESENT_REF"),
    ],
)
def test_vague_references(phrase: str, value: str) -> None:
    e = only(f"The mill {phrase} employs many people.")
    assert (e.text, e.value, e.type) == (phrase, value, "DATE")


def test_past_and_future_phrases() -> None:
    assert values("Floods happened in the past.") == [("the past", "PAST_REF")]
    assert values("Floods may happen in the future.") == [("the future", "FUTURE_REF")]


# --------------------------------------------------------------------------- chains


def test_chain_from_last_anchored_date() -> None:
    text = (
        "The strike began on Jan. 3, 2020. Talks had failed the day before. "
        "Three days later the union returned. A week later the plant reopened."
    )
    got = values(text, anchor=date(2020, 2, 1))
    assert got == [
        ("Jan. 3, 2020", "2020-01-03"),
        ("the day before", "2020-01-02"),
        ("Three days later", "2020-01-05"),
        ("A week later", "2020-01-12"),
    ]
    assert all(e.relative for e in tag_times(text, date(2020, 2, 1))[1:])


def test_chain_without_earlier_date_uses_anchor() -> None:
    assert only("Two days later the bridge reopened.").value == "2020-01-10"


# --------------------------------------------------------------------------- durations, times, sets


@pytest.mark.parametrize(
    "phrase, value",
    [
        ("three days", "P3D"),
        ("two years", "P2Y"),
        ("several months", "PXM"),
        ("24 hours", "PT24H"),
        ("a dozen years", "P12Y"),
        ("the past two weeks", "P2W"),
    ],
)
def test_durations(phrase: str, value: str) -> None:
    e = only(f"The siege lasted for {phrase}, witnesses said.")
    assert (e.text, e.value, e.type) == (phrase, value, "DURATION")


def test_hyphenated_duration_and_ages() -> None:
    assert values("It was a two-year program.") == [("two-year", "P2Y")]
    assert tag_times("A 6-year-old boy was rescued.", WED) == []


def test_clock_times() -> None:
    assert values("The vote closed at 2:30 p.m. sharp.") == [("2:30 p.m.", "2020-01-08T14:30")]
    assert values("The vote closed at noon.") == [("noon", "2020-01-08T12:00")]


@pytest.mark.parametrize(
    "phrase, value",
    [("every week", "P1W"), ("daily", "P1D"), ("annually", "P1Y"), ("every Friday", "XXXX-WXX-5")],
)
def test_sets(phrase: str, value: str) -> None:
    e = only(f"The council meets {phrase} in the hall.")
    assert (e.text, e.value, e.type) == (phrase, value, "SET")


# --------------------------------------------------------------------------- no anchor


def test_unanchored_values_use_x_notation() -> None:
    got = {e.text: (e.value, e.rule, e.relative) for e in tag_times(
        "Troops left on Jan. 3 and returned Friday; yesterday they rested this week.", None
    )}  # fmt: skip
    assert got["Jan. 3"] == ("XXXX-01-03", "month_day", True)
    assert got["Friday"] == ("XXXX-WXX-5", "weekday", True)
    assert got["yesterday"] == ("XXXX-XX-XX", "dayword", True)
    assert got["this week"] == ("XXXX-WXX", "rel_unit", True)


def test_unanchored_chain_after_explicit_date_resolves() -> None:
    got = values("On March 5, 2019 the dam broke. The day before, rain fell.", None)
    assert got == [("March 5, 2019", "2019-03-05"), ("The day before", "2019-03-04")]


def test_unanchored_keeps_absolute_values() -> None:
    assert values("It was built in 1971 and lasted three days.", None) == [
        ("1971", "1971"),
        ("three days", "P3D"),
    ]


# --------------------------------------------------------------------------- event_date


def test_event_date_prefers_clause_then_sentence_then_publication() -> None:
    text = "On Jan. 3, 2020, troops moved, and by March 2020 they had left."
    exprs = tag_times(text, WED)
    first = text.index("troops")
    clause = event_date(exprs, 0, first + 12, WED)
    assert (clause.value, clause.precision, clause.stated) == ("2020-01-03", "day", True)
    assert clause.expression is not None and clause.expression.text == "Jan. 3, 2020"

    second = text.index("they")
    month = event_date(exprs, text.index("by March"), len(text), WED)
    assert (month.value, month.precision) == ("2020-03", "month")

    sentence = event_date(exprs, second, len(text), WED, sentence_span=(0, len(text)))
    assert (sentence.value, sentence.precision, sentence.stated) == ("2020-01-03", "day", True)


def test_event_date_defaults_to_publication() -> None:
    text = "The troops moved quickly."
    ed = event_date(tag_times(text, WED), 0, len(text), WED)
    assert (ed.value, ed.precision, ed.stated, ed.expression) == ("2020-01-08", "day", False, None)
    none = event_date([], 0, 10, None)
    assert (none.value, none.precision, none.stated) == (None, "unknown", False)


def test_event_date_ignores_durations_and_unresolved() -> None:
    text = "Friday the siege lasted three days."
    exprs = tag_times(text, None)
    ed = event_date(exprs, 0, len(text), date(2020, 1, 8))
    assert (ed.value, ed.stated) == ("2020-01-08", False)
    yearly = event_date(tag_times("It rained in 2019.", None), 0, 17, None)
    assert (yearly.value, yearly.precision, yearly.stated) == ("2019", "year", True)


def test_dump_reference_gives_month_days_their_year() -> None:
    text = "Strikes came on Jan. 8, after the Dec. 31 attack, and again on Wednesday."
    values = [e.value for e in resolve_years(tag_times(text, None), date(2020, 1, 6))]
    assert "2020-01-08" in values and "2019-12-31" in values
    assert any(v.startswith("XXXX-W") for v in values)  # weekdays need the article's own day
    far = resolve_years(tag_times("It opened on Aug. 20.", None), date(2020, 1, 6))
    assert far[0].value == "XXXX-08-20"  # more than half a year away: left alone


def test_a_future_month_day_takes_the_year_ahead_of_the_dump() -> None:
    text = "The mayor, who will stand again in a Nov. 3 vote, opened the pier on Nov. 2."
    values = [e.value for e in resolve_years(tag_times(text, None), date(2020, 1, 6), text)]
    assert values == ["2020-11-03", "2019-11-02"]  # the plan ahead, the opening past
    for past in (
        "Prosecutors will seek charges over the Nov. 20 shooting at the pier.",
        "The gunman will face trial for the Nov. 20 shooting at the pier.",
    ):
        value = resolve_years(tag_times(past, None), date(2020, 1, 6), past)[0].value
        assert value == "2019-11-20", past
    back = "He will unveil a plan he first showed last Nov. 20."
    assert resolve_years(tag_times(back, None), date(2020, 1, 6), back)[0].value == "2019-11-20"


def test_a_weekday_of_an_undated_story_takes_the_one_day_its_window_allows() -> None:
    text = "The ferry sank on Wednesday, officials said. Talks will resume on Monday."
    exprs = tag_times(text, None)
    # published Jan. 8 or 9, 2020: the past Wednesday is Jan. 8 (Jan. 1 is too early),
    # the coming Monday Jan. 13
    values = [e.value for e in resolve_weekdays(exprs, date(2020, 1, 8), date(2020, 1, 9), text)]
    assert values == ["2020-01-08", "2020-01-13"]
    # published Jan. 8 to 14: still one past Wednesday, but two coming Mondays
    week = resolve_weekdays(exprs, date(2020, 1, 8), date(2020, 1, 14), text)
    assert [e.value for e in week] == ["2020-01-08", "XXXX-WXX-1"]
    shifted = "Talks resume next Monday."
    later = resolve_weekdays(tag_times(shifted, None), date(2020, 1, 8), date(2020, 1, 9), shifted)
    assert [e.value for e in later] == ["XXXX-WXX-1"]  # "next Monday": not the window's
    hit = "The blast hit Lisk at 3 p.m. on Wednesday, officials said."
    clock = resolve_weekdays(tag_times(hit, None), date(2020, 1, 8), date(2020, 1, 9), hit)
    assert [e.value for e in clock] == ["2020-01-08T15:00"]
    sank = "The ferry sank on Wednesday morning, officials said."
    timed = resolve_weekdays(tag_times(sank, None), date(2020, 1, 8), date(2020, 1, 9), sank)
    assert [e.value for e in timed] == ["2020-01-08TMO"]
    # a window of three weeks allows several Wednesdays: left alone
    wide = resolve_weekdays(exprs, date(2020, 1, 8), date(2020, 1, 28), text)
    assert wide[0].value == "XXXX-WXX-3"


def test_a_day_after_something_is_a_duration() -> None:
    text = "The ferry sailed a day after the storm, and the crew had a day of rest."
    assert [(e.text, e.value) for e in tag_times(text, None)] == [("a day", "P1D")]
