"""Publication dating: weekday/date pins, abstention, and joint inference over a dump.

All texts are fictional (Port Avalon on the Tamsin coast does not exist).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from dateline.dating import (
    MIN_CONFIDENCE,
    TIERS,
    Evidence,
    Mention,
    anchors_by_article,
    date_articles,
    evidence_for,
    infer_group,
    infer_publication_date,
)
from dateline.ingest import read_input
from dateline.models import RawArticle
from tests.conftest import CORPUS, ROOT, require_shared

WIRE = "Harbor Wire"

PINNED = (
    "The Tamsin port council voted on Friday, March 6, to close the old fish quay, "
    "officials said. The quay was built in 1931 and last repaired in 2019. Fishing crews "
    "will move to the new pier on Gull Point. The council will meet again in April."
)

STRIKE = """Crane operators walk out at Avalon container terminal

By Mara Quell

PORT AVALON (Harbor Wire) – Crane operators at the Avalon container terminal walked off \
the job on Friday, halting the loading of ships at the busiest port on the Tamsin coast.

The union said its members wanted a pay rise of eight percent and safer night shifts.

Port managers called the walkout illegal and said they would seek a court order.

Ships queued outside the breakwater as the evening tide turned.

The terminal, which opened in 2019, handles most of the region's grain exports.

Freight rates for barley cargoes rose sharply, brokers in the capital said.

(Reporting by Mara Quell; Editing by Tobias Wren)

Avalon port talks open as strike enters fourth day

By Mara Quell and Ivo Brandt

PORT AVALON (Harbor Wire) – Union leaders and port managers met on Monday for the first \
time since crane operators walked off the job at the Avalon container terminal on Friday.

Crane operators at the Avalon container terminal walked off the job on Jan. 3, \
demanding a pay rise and safer night shifts.

Grain traders said the stoppage had already delayed three ships bound for the northern islands.

The mayor urged both sides to settle before the harvest fair.

Fishing boats were unaffected and landed a record catch of herring.

(Reporting by Mara Quell and Ivo Brandt; Editing by Tobias Wren)

Avalon lighthouse museum reopens after repairs

By Ivo Brandt

PORT AVALON (Harbor Wire) – The lighthouse museum on Gull Point reopened to visitors \
after two years of repairs to its spiral stair and lantern room.

Curators said the collection of ship models had been cleaned and catalogued.

Entry remains free for children.

(Reporting by Ivo Brandt; Editing by Tobias Wren)

Tamsin wool prices steady at autumn auction

By Lena Orrin

KESTREL BAY (Harbor Wire) – Wool prices held steady at the autumn auction in Kestrel Bay as \
buyers from the mainland mills bid cautiously.

Fine merino fleeces fetched slightly more than coarse crossbred lots.

Several farmers withheld their best bales, hoping for firmer bids in spring.

Auctioneers blamed the muted demand on weak orders for winter coats.

A new shearing shed cooperative plans to open near the salt marshes.

Transport costs for bales have doubled, one farmer complained.

(Reporting by Lena Orrin; Editing by Tobias Wren)

Storm warning lifted for northern islands

By Lena Orrin

KESTREL BAY (Harbor Wire) – Forecasters lifted the storm warning for the northern islands \
as gale-force winds eased overnight.

Ferries to the outer skerries resumed a reduced timetable.

Power lines on Heron Isle were repaired by volunteer crews.

Schools on the islands reopened after a two-day closure.

The weather bureau expects calm seas and light drizzle.

(Reporting by Lena Orrin; Editing by Tobias Wren)
"""


def _wire(text: str, group: str | None = None) -> RawArticle:
    return RawArticle(text=text, origin="test", agency=WIRE, group=group)


def test_adjacent_weekday_pins_date_and_year() -> None:
    ev = evidence_for(PINNED, wire=True)
    (mention,) = ev.dates
    assert (mention.month, mention.day, mention.weekday) == (3, 6, 5)
    (result,) = date_articles([_wire(PINNED)])
    # "last repaired in 2019": published 2019-2021; March 6 is a Friday only in 2020
    assert result.value == date(2020, 3, 6)
    assert result.inferred
    assert result.confidence == TIERS["wire"]
    assert "lead-weekday-dated" in result.evidence


def test_weekday_that_disagrees_with_the_date_is_no_anchor() -> None:
    text = PINNED.replace("on Friday, March 6", "on Tuesday, March 6").replace("2019", "2020")
    (result,) = date_articles([_wire(text)])
    # "last repaired in 2020": published 2020 or 2021, and neither has a Tuesday March 6
    assert result.value is None
    assert result.evidence.startswith("no year")


def test_abstains_without_a_year() -> None:
    text = "Dockers walked out on Friday, March 6, the union said. Talks resume on Monday."
    (result,) = date_articles([_wire(text)])
    assert result.value is None
    assert result.confidence == 0.0
    assert result.evidence.startswith("no year")


def test_abstains_on_plain_text_without_dates() -> None:
    result = infer_publication_date(evidence_for("The museum reopened. Entry is free."))
    assert result.value is None
    assert result.inferred


def test_weak_tier_is_not_stored_but_says_what_it_would_be() -> None:
    # no agency dateline: the lead-weekday convention is under MIN_CONFIDENCE
    assert TIERS["other"] < MIN_CONFIDENCE <= TIERS["wire"]
    (result,) = date_articles([RawArticle(text=PINNED, origin="test")])
    assert result.value is None
    assert result.evidence.startswith("weak") and "2020-03-06" in result.evidence
    # the window keeps the guessed day and the republishing days after it
    assert (result.earliest, result.latest) == (date(2020, 3, 6), date(2020, 3, 8))


def test_metadata_date_wins() -> None:
    raw = _wire(PINNED)
    raw.published = date(2021, 5, 4)
    (result,) = date_articles([raw])
    assert (result.value, result.inferred, result.confidence) == (date(2021, 5, 4), False, 1.0)


def test_reporting_weekday_never_links() -> None:
    ev = evidence_for("The union said on Friday that the strike at the Avalon terminal goes on.")
    (friday,) = ev.weekdays
    assert friday.speech


@pytest.fixture
def dump() -> list[RawArticle]:
    raws = read_input(STRIKE.encode("utf-8"), "strike.txt").articles
    assert [r.agency for r in raws] == [WIRE] * 5
    assert len({r.group for r in raws}) == 1
    return raws


def test_group_ties_weekday_in_one_story_to_date_in_another(dump: list[RawArticle]) -> None:
    first, second, museum, *_ = date_articles(dump)
    # story 1 says "on Friday", story 2 dates the same walkout "Jan. 3": Friday Jan. 3, 2020
    assert first.value == date(2020, 1, 3)
    assert first.evidence.startswith("group")
    # story 2's Monday lead lies in the week after that Friday
    assert second.value == date(2020, 1, 6)
    assert museum.value is None
    assert museum.evidence.startswith("no anchor")


def test_alone_the_first_story_cannot_be_dated(dump: list[RawArticle]) -> None:
    first = dump[0]
    first.group = None
    (result,) = date_articles([first])
    assert result.value is None


def test_anchors_link_only_the_same_happening(dump: list[RawArticle]) -> None:
    evidence = [evidence_for(r.text, wire=True) for r in dump]
    anchors = anchors_by_article(evidence)
    first_anchor = {(a.kind, a.when) for a in anchors[0]}
    assert first_anchor == {("group", date(2020, 1, 3))}
    assert anchors[2] == anchors[3] == anchors[4] == []


def _mention(start: int, sentence: int, context: set[str], **kw: int) -> Mention:
    return Mention(start, start + 6, -1, frozenset(context), sentence=sentence, **kw)  # type: ignore[arg-type]


def test_conflicting_anchors_abstain() -> None:
    strike, talks = {"crane", "walkout", "tamsin"}, {"ferry", "charter", "signed"}
    ev = Evidence(
        weekdays=[
            replace(_mention(0, 0, strike, weekday=5), in_lead=True),
            _mention(40, 1, talks, weekday=3),
        ],
        # the walkout on Jan. 3, 2020 (a Friday), the charter signed Jan. 15 (a Wednesday)
        # each named twice: one weekday-date pair alone does not make an anchor
        dates=[
            _mention(80, 2, strike, month=1, day=3, year=2020),
            _mention(90, 3, strike, month=1, day=3),
            _mention(120, 4, talks, month=1, day=15, year=2020),
            _mention(130, 5, talks, month=1, day=15),
        ],
        years=[2020],
        sentence_stems=Counter(strike | talks),
        sentences=100,
        wire=True,
    )
    (result,) = infer_group([ev])
    # Friday (the lead) is Jan. 3, yet "on Wednesday" (Jan. 15) must lie in the week before
    assert result.value is None
    assert result.evidence.startswith("conflict")
    # had the charter been signed on Wednesday, Jan. 1, the two would agree on Jan. 3
    ev.dates[2:] = [replace(d, day=1) for d in ev.dates[2:]]
    (result,) = infer_group([ev])
    assert result.value == date(2020, 1, 3)


def _key() -> dict[str, dict[str, object]]:
    data = json.loads((ROOT / "eval" / "data" / "dating_corpus_key.json").read_text("utf-8"))
    return {re.sub(r"\W+", " ", a["headline"].lower()): a for a in data["articles"]}


def test_shared_corpus_answers_agree_with_the_key() -> None:
    path = require_shared(CORPUS)
    raws = read_input(Path(path).read_bytes(), str(path)).articles
    key = _key()
    results = date_articles(raws)
    answered = 0
    for raw, result in zip(raws, results, strict=True):
        entry = key[re.sub(r"\W+", " ", (raw.title or "").lower())]
        if result.value is None:
            assert result.evidence  # every abstention gives its reason
            continue
        answered += 1
        lo, hi = (date.fromisoformat(str(d)) for d in entry["window"])  # type: ignore[attr-defined]
        assert lo <= result.value <= hi, raw.title
        if entry["date"]:
            assert result.value == date.fromisoformat(str(entry["date"])), raw.title
    assert answered >= 3


FINED = """Heron Isle fishermen fined over silo blockade

By Lena Orrin

KESTREL BAY (Harbor Wire) – A magistrate fined six fishermen from Heron Isle on Monday.

The fishermen blocked the gates of the Avalon grain silo with trawler nets on Thursday, \
in support of the crane operators.

(Reporting by Lena Orrin; Editing by Tobias Wren)
"""


def test_dated_story_dates_its_weekdays_for_the_others() -> None:
    freight = "Freight rates for barley cargoes rose sharply, brokers in the capital said."
    blockade = (
        "Fishermen from Heron Isle blocked the gates of the Avalon grain silo with trawler "
        "nets on Thursday."
    )
    text = STRIKE.replace(freight, f"{freight}\n\n{blockade}") + "\n" + FINED
    raws = read_input(text.encode("utf-8"), "strike.txt").articles
    results = date_articles(raws)
    assert results[0].value == date(2020, 1, 3)
    # once story 1 is dated (Friday Jan. 3), its "Thursday" blockade is Jan. 2; the last
    # story's "on Thursday" blockade links to it, and its Monday lead is Jan. 6
    assert raws[-1].title == "Heron Isle fishermen fined over silo blockade"
    assert results[-1].value == date(2020, 1, 6)


def test_an_abstention_keeps_the_window_the_text_allows() -> None:
    (weak,) = date_articles([RawArticle(text=PINNED, origin="test")])
    assert weak.value is None
    assert weak.earliest is not None and weak.latest is not None
    assert weak.earliest <= date(2020, 3, 6) <= weak.latest
    none = infer_publication_date(evidence_for("The museum reopened. Entry is free."))
    assert none.earliest is None and none.latest is None


# --- windows for stories no weekday anchors (all fictional: the Tamsin coast) ---

LATER = """Ferry crews back dockers as harbor dispute drags on

By Lena Orrin

KESTREL BAY (Harbor Wire) – {lead}

{body}

(Reporting by Lena Orrin)
"""


def _later(lead: str, body: str) -> list[date | None]:
    text = STRIKE + "\n" + LATER.format(lead=lead, body=body)
    raws = read_input(text.encode("utf-8"), "quay.txt").articles
    results = date_articles(raws)
    assert results[0].value == date(2020, 1, 3)  # the frame: Jan. 3 and Jan. 6, 2020
    last = results[-1]
    assert last.value is None
    return [last.earliest, last.latest]


def test_past_yearless_date_bounds_the_window_from_below() -> None:
    lo, hi = _later(
        "Ferry crews said they would refuse to cross picket lines at the terminal.",
        "Port police arrested two pickets outside the Avalon gates on Jan. 9, the union said.",
    )
    # Jan. 9 read next to the frame (2020), past: on or after it, within a year
    assert lo == date(2020, 1, 9)
    assert hi is not None and hi < date(2021, 1, 9)


def test_month_names_bound_both_sides() -> None:
    lo, hi = _later(
        "Ferry crews backed the dockers.",
        "The harbor board was reorganised in November. Ferry crews will strike in March.",
    )
    assert (lo, hi) == (date(2019, 11, 1), date(2020, 3, 31))


def test_month_in_a_present_relative_clause_is_no_past_bound() -> None:
    lo, hi = _later(
        "Ferry crews backed the dockers.",
        "The walkout angered the mayor, who faces a recall vote in November.",
    )
    assert (lo, hi) == (None, None)


def test_days_after_a_dated_happening_bounds_the_story() -> None:
    lo, hi = _later(
        "Days after crane operators demanded a pay rise and safer night shifts, "
        "ferry crews are refusing to cross picket lines.",
        "The ferry union has 300 members.",
    )
    # the walkout is dated Jan. 3 by the second story: a day to two weeks later
    assert (lo, hi) == (date(2020, 1, 4), date(2020, 1, 16))


def test_days_after_in_a_past_sentence_gives_only_a_lower_bound() -> None:
    lo, hi = _later(
        "Days after crane operators demanded a pay rise and safer night shifts, "
        "ferry crews were refusing to cross picket lines.",
        "The ferry union has 300 members.",
    )
    assert (lo, hi) == (date(2020, 1, 4), None)


def test_last_week_links_to_the_dated_happening() -> None:
    lo, hi = _later(
        "Ferry crews backed the dockers.",
        "Last week crane operators demanded a pay rise and safer night shifts.",
    )
    # the walkout (Friday Jan. 3) was last week: Jan. 4 to Sunday Jan. 12
    assert (lo, hi) == (date(2020, 1, 4), date(2020, 1, 12))


def test_unrelated_relative_expression_links_to_nothing() -> None:
    lo, hi = _later(
        "Ferry crews backed the dockers.",
        "Last week the lighthouse museum on Gull Point sold its thousandth ticket.",
    )
    assert (lo, hi) == (None, None)


def test_lead_weekday_trims_the_window_and_lists_candidates() -> None:
    text = (
        STRIKE
        + "\n"
        + LATER.format(
            lead="Ferry crews voted to back the dockers on Thursday.",
            body="Port police arrested two pickets outside the Avalon gates on Jan. 9, "
            "the union said. The ferry crews will strike in February.",
        )
    )
    raws = read_input(text.encode("utf-8"), "quay.txt").articles
    last = date_articles(raws)[-1]
    # Jan. 9 (a Thursday) .. Feb. 29: Thursdays or the Fridays after them
    assert (last.earliest, last.latest) == (date(2020, 1, 9), date(2020, 2, 28))
    assert "2020-01-16" in last.evidence and "lead Thursday" in last.evidence


def test_years_after_names_the_story_year() -> None:
    ev = evidence_for("The walkout came seven years after the 2012 strike at the old quay.")
    assert ev.era_years == [2019]
    (result,) = date_articles([_wire("The walkout came seven years after the 2012 strike.")])
    assert (result.earliest, result.latest) == (date(2019, 1, 1), date(2020, 1, 7))


def test_shared_corpus_windows_hold_the_key() -> None:
    path = require_shared(CORPUS)
    raws = read_input(Path(path).read_bytes(), str(path)).articles
    key = _key()
    windows = 0
    for raw, result in zip(raws, date_articles(raws), strict=True):
        entry = key[re.sub(r"\W+", " ", (raw.title or "").lower())]
        lo, hi = (date.fromisoformat(str(d)) for d in entry["window"])  # type: ignore[attr-defined]
        if result.value is None and result.earliest is None and result.latest is None:
            continue
        windows += 1
        if result.value is not None:  # an answer commits to a day the key allows
            assert lo <= result.value <= hi, raw.title
            continue
        # an abstention's window is sound: it rules out no day the key allows
        assert (result.earliest or date.min) <= lo, raw.title
        assert hi <= (result.latest or date.max), raw.title
    assert windows >= 8


def test_a_linked_weekday_without_tense_bounds_both_sides() -> None:
    from datetime import date

    from dateline.dating._evidence import Mention
    from dateline.dating._infer import _window
    from dateline.dating._links import Anchor

    friday = date(2020, 1, 3)
    past = Anchor(Mention(0, 6, tense=-1, weekday=5), friday, "linked")
    plain = Anchor(Mention(0, 6, tense=0, weekday=5), friday, "linked")
    future = Anchor(Mention(0, 6, tense=1, weekday=5), friday, "linked")
    assert _window([past], None) == (friday, date(2020, 1, 9))
    assert _window([future], None) == (date(2019, 12, 28), friday)
    assert _window([plain], None) == (date(2019, 12, 28), date(2020, 1, 9))


def test_a_window_with_two_lead_weekdays_abstains() -> None:
    from datetime import date

    from dateline.dating._evidence import Evidence, Mention
    from dateline.dating._infer import _decide
    from dateline.dating._links import Anchor

    friday = date(2020, 1, 3)
    lead = Mention(0, 6, tense=0, weekday=2, in_lead=True)  # "on Tuesday"
    other = Anchor(Mention(50, 56, tense=0, weekday=5), friday, "linked")
    ev = Evidence(weekdays=[lead])
    result = _decide(ev, [other], (2020,), 0.0)
    assert result.value is None and "ambiguous" in (result.evidence or "")
    assert (result.earliest, result.latest) == (date(2019, 12, 28), date(2020, 1, 9))


def _monday_adds(line: str, fined: str = FINED) -> list[RawArticle]:
    """The strike dump with ``line`` added to its Monday story, then an undated story
    (``fined``)."""
    talks = "The mayor urged both sides to settle before the harvest fair."
    text = STRIKE.replace(talks, f"{talks}\n\n{line}") + "\n" + fined
    return read_input(text.encode("utf-8"), "silo.txt").articles


def _fined_after(when: str, fined: str = FINED) -> list[RawArticle]:
    """The strike dump, its Monday story recalling the silo blockade ``when`` ("Last
    week"), then an undated story (``fined``)."""
    recalled = (
        f"{when} fishermen from Heron Isle blocked the gates of the Avalon grain silo "
        "with trawler nets."
    )
    return _monday_adds(recalled, fined)


def test_a_weekday_in_a_relatively_dated_span_anchors_the_story() -> None:
    raws = _fined_after("Last week")
    results = date_articles(raws)
    assert results[1].value == date(2020, 1, 6)  # Monday; "last week" is Dec. 30..Jan. 5
    # the only Thursday of that span is Jan. 2: the fined story's Monday lead is Jan. 6
    assert raws[-1].title == "Heron Isle fishermen fined over silo blockade"
    assert results[-1].value == date(2020, 1, 6)
    assert results[-1].evidence.startswith("span ")


def test_a_weekday_in_a_span_planned_for_next_week_anchors_the_story() -> None:
    planned = (
        "Fishermen from Heron Isle plan to block the gates of the Avalon grain silo with "
        "trawler nets next week."
    )
    results = date_articles(_monday_adds(planned))
    assert results[1].value == date(2020, 1, 6)  # Monday: "next week" is Jan. 13..19
    # the only Thursday of that week is Jan. 16: the fined story's Monday lead is Jan. 20
    assert results[-1].value == date(2020, 1, 20)
    assert results[-1].evidence.startswith("span ")


def test_a_month_someone_is_told_to_act_in_is_ahead_of_the_story() -> None:
    text = (
        "The governor urged voters on Friday to turn out in a March referendum, "
        "weeks after the floods of January."
    )
    ev = evidence_for(text)
    by_month = {m.month: (m.tense, m.local) for m in ev.months}
    assert by_month[3] == (1, 1)  # what they are told to do lies ahead
    assert by_month[1][0] < 0
    told = evidence_for("Officials told reporters the convoy returned to base in March.")
    assert [m.tense for m in told.months] == [-1]  # "returned to base": no infinitive


def test_a_weekday_falling_twice_in_the_span_only_bounds_the_story() -> None:
    fined = date_articles(_fined_after("Last month"))[-1]
    # "last month" from Jan. 6: Dec. 1..Jan. 5, with Thursdays Dec. 5 .. Jan. 2
    assert fined.value is None
    assert fined.earliest is not None and fined.latest is not None
    assert date(2019, 12, 5) <= fined.earliest <= fined.latest <= date(2020, 1, 8)
    assert "Thursday in 2019-12-01..2020-01-05" in fined.evidence


def test_an_unrelated_weekday_takes_nothing_from_the_span() -> None:
    museum = FINED.replace(
        "The fishermen blocked the gates of the Avalon grain silo with trawler nets on "
        "Thursday, in support of the crane operators.",
        "The lighthouse museum on Gull Point sold its thousandth ticket on Thursday.",
    )
    fined = date_articles(_fined_after("Last week", museum))[-1]
    assert fined.value is None and "span" not in fined.evidence


def test_weak_links_from_two_stories_pool_into_one() -> None:
    from dateline.dating._links import Pool, Pooled, _scores

    context = frozenset({"convoy", "airport", "strik", "kill"})
    mine = Mention(start=0, end=6, tense=-1, context=context, weekday=5)
    told = frozenset({"airport", "strik", "kill", "revenge"})  # three stems shared

    def friday(article: int) -> Pooled:
        m = Mention(start=0, end=6, tense=-1, context=told, weekday=5, month=1, day=3, year=2020)
        return Pooled(article, m, derived=True)

    weights = {"airport": 3.0, "strik": 3.0, "kill": 3.0}  # 9 each: too weak alone
    alone = _scores(0, mine, Pool([friday(1)]), (2020,), weights)
    assert alone == {}
    pooled = _scores(0, mine, Pool([friday(1), friday(2)]), (2020,), weights)
    assert pooled == {date(2020, 1, 3): (18.0, "group", 2)}


def test_a_death_and_a_killing_share_a_stem() -> None:
    from dateline.dating._evidence import stem

    assert stem("death") == stem("killed") == stem("killing") == stem("died")


_ACCORD = """Zembla and Marlow sign river accord

By Ada Quill

VELL (Northwire) – Zembla and Marlow agreed on Wednesday, March 10, 2027, on a river \
corridor for grain barges, ending months of wrangling over tolls.

(Reporting by Ada Quill; Editing by Piet Varan)

Raiders hit Marlow toll post

By Ada Quill

KESH (Northwire) – Raiders attacked a Marlow toll post near Kesh on Thursday, wounding \
two guards, the army said.

{follow}

(Reporting by Ada Quill; Editing by Piet Varan)
"""


_FOLLOW = "Thursday's attack came {interval} after the two governments agreed in Vell on a {what}."


def _raid_day(interval: str, what: str = "river corridor", follow: str = _FOLLOW) -> date | None:
    text = _ACCORD.format(follow=follow.format(interval=interval, what=what))
    raws = read_input(text.encode("utf-8"), "accord.txt").articles
    accord, raid = date_articles(raws)
    assert accord.value == date(2027, 3, 10)
    return raid.value


def test_a_day_after_a_dated_happening_dates_the_weekday() -> None:
    # the accord is Wednesday, March 10: "a day after" it, Thursday is March 11
    assert _raid_day("a day") == date(2027, 3, 11)


def test_an_interval_the_weekday_cannot_fit_dates_nothing() -> None:
    assert _raid_day("two days") is None  # two days after a Wednesday is no Thursday


def test_an_interval_after_another_happening_dates_nothing() -> None:
    assert _raid_day("a day", what="ceasefire") is None  # shares only "agreed" with it


def test_a_reporting_verb_of_the_sentence_before_is_not_the_weekday_s() -> None:
    ev = evidence_for("Raiders hit the post, the army said.\n\nThursday's attack was the third.")
    (thursday,) = ev.weekdays
    assert not thursday.speech


def test_a_hedged_interval_dates_nothing() -> None:
    assert _raid_day("more than a day") is None


def test_a_weekday_inside_the_after_phrase_is_the_earlier_happening_s() -> None:
    follow = "Talks resumed {interval} after Wednesday's {what} deal was agreed in Vell."
    assert _raid_day("a week", follow=follow) is None  # Wednesday is the accord's own


def test_an_abbreviation_is_no_sentence_break_for_speech() -> None:
    (friday,) = evidence_for("Zembla's envoy told U.S. lawmakers Friday that talks go on.").weekdays
    assert friday.speech
