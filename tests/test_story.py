"""Story layer: merging reports of one happening, timeline rows and filters, escalation."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import cli
from dateline.models import ArticleAnalysis, Entity, EventActor, EventLocation, StoryEvent
from dateline.store import Store
from dateline.story._dates import span_of
from dateline.story._match import facility
from dateline.story.build import coded_by_entity
from dateline.story.dedup import merge_events
from dateline.story.escalation import escalation, main_pairs
from dateline.story.timeline import (
    TimelineFilter,
    day_label,
    is_minor,
    order_key,
    render_timeline,
    select,
    timeline_rows,
)

from .conftest import CORPUS, require_shared
from .story_fixtures import (
    BAGHDAD,
    SOLEIMANI,
    TEXTS,
    USA_MIL,
    actor,
    article,
    claims,
    events,
    quotes,
    story_data,
)

PUBLISHED = {aid: v[0] for aid, v in TEXTS.items()}


def _by_type(stories: list[StoryEvent], etype: str, modality: str = "asserted") -> list:
    return [s for s in stories if s.type == etype and s.modality == modality]


def _killing(stories: list[StoryEvent]) -> StoryEvent:
    (s,) = [s for s in stories if s.type == "ASSAULT" and s.target and s.target.country == "IRN"
            and s.modality == "asserted"]  # fmt: skip
    return s


def test_reports_of_one_happening_merge_across_articles() -> None:
    stories = merge_events(events(), PUBLISHED)
    killing = _killing(stories)
    assert killing.date == "2020-01-03" and killing.date_precision == "day"
    assert killing.articles == ["a1", "a2", "a3"]  # earliest report first
    assert killing.first_reported == "2020-01-03"
    assert len(killing.event_ids) == 3 and len(killing.sentences) == 3
    assert killing.summary.startswith("USA MIL ASSAULT IRN MIL: ")
    assert "killed" in killing.summary
    # the missile attack is another happening (other direction, other day): two reports
    (attack,) = [s for s in stories if s.source and s.source.country == "IRN"]
    assert attack.date == "2020-01-08" and attack.articles == ["a3", "a4"]


def test_threat_is_not_merged_with_the_act() -> None:
    stories = merge_events(events(), PUBLISHED)
    (threat,) = [s for s in stories if s.modality == "threatened"]
    assert threat.type == "ASSAULT" and threat.event_ids == [events()[1].id]
    assert threat.id != _killing(stories).id


def test_background_mentions_land_on_their_own_dates() -> None:
    stories = merge_events(events(), PUBLISHED)
    (withdrawal,) = _by_type(stories, "RETREAT")
    assert withdrawal.date == "2018" and withdrawal.date_precision == "year"
    # the undated "U.S. killing of Soleimani" in a Jan 9 article joins the Jan 3 event
    assert "a3" in _killing(stories).articles
    assert not [s for s in stories if s.date == "2020-01-09"]


def test_undated_mention_far_after_stays_apart() -> None:
    late = replace(events()[5], id="late", article_id="late")
    stories = merge_events([events()[0], late], {**PUBLISHED, "late": date(2020, 6, 1)})
    assert len(stories) == 2
    assert sorted(s.date or "" for s in stories) == ["2020-01-03", "2020-06-01"]


def test_best_stated_date_is_the_majority_and_stated_beats_undated() -> None:
    base = events()[0]
    evs = [
        replace(base, id="x1", article_id="a1", date="2020-01-03"),
        replace(base, id="x2", article_id="a2", date="2020-01-02"),
        replace(base, id="x3", article_id="a3", date="2020-01-03"),
        replace(base, id="x4", article_id="a4", date="2020-01", date_precision="month"),
    ]
    (story,) = merge_events(evs, PUBLISHED)
    assert story.date == "2020-01-03" and len(story.event_ids) == 4


def test_incompatible_actors_places_or_dates_do_not_merge() -> None:
    base = events()[0]
    other_target = replace(base, id="t", target=actor("Iraqi militia", "IRQ", "REB"))
    other_place = replace(base, id="p", location=replace(BAGHDAD, text="Tehran", country="IRN"))
    other_day = replace(base, id="d", date="2020-01-10")
    other_type = replace(base, id="y", type="COERCE")
    stories = merge_events([base, other_target, other_place, other_day, other_type], PUBLISHED)
    assert len(stories) == 5


def test_a_targets_civilian_and_state_sectors_clash() -> None:
    fired = events()[4]  # Iran fired missiles at U.S. bases (USA MIL) on Jan. 8
    troops = replace(fired, id="m2", target=actor("U.S. troops", "USA", "MIL"))
    officials = replace(fired, id="m3", target=actor("U.S. officials", "USA", "GOV"))
    country = replace(fired, id="m4", target=actor("the United States", "USA"))
    contractor = replace(fired, id="c1", target=actor("a U.S. contractor", "USA", "BUS"))
    stories = merge_events([fired, troops, officials, country, contractor], PUBLISHED)
    assert sorted(len(s.event_ids) for s in stories) == [1, 4]
    alone = next(s for s in stories if len(s.event_ids) == 1)
    assert alone.event_ids == ["c1"]


def test_an_attacked_site_named_as_place_or_target_is_one_happening() -> None:
    base = events()[4]  # a3, published Jan. 9
    torched = replace(base, id="s1", source=actor("protesters", None, "CVL"),
                      target=actor("a guard post", None), date="2020-01-07",
                      location=EventLocation(text="the U.S. Embassy", country="USA"))  # fmt: skip
    attacked = replace(base, id="s2", source=actor("militiamen", "IRN", "UAF"),
                       target=actor("the U.S. embassy", "USA", "GOV"), date="2020-01-09",
                       date_stated=False, sentence="Last week militiamen attacked the embassy.",
                       sentence_start=500)  # fmt: skip
    elsewhere = replace(attacked, id="s3", target=actor("the French embassy", "FRA", "GOV"),
                        sentence_start=600)  # fmt: skip
    stories = merge_events([torched, attacked, elsewhere], PUBLISHED)
    merged = next(s for s in stories if "s1" in s.event_ids)
    assert sorted(merged.event_ids) == ["s1", "s2"] and merged.date == "2020-01-07"


def test_the_attack_named_before_takes_its_other_victims() -> None:
    killing = events()[0]  # a1: a U.S. drone strike killed Soleimani on Friday (Jan. 3)
    muhandis = replace(killing, id="m", source=None, date="2020-01-03", date_stated=False,
                       target=actor("Abu Mahdi al-Muhandis", "IRQ", "UAF"),
                       rule="verb:kill→ASSAULT; modality:asserted; anaphor(attack)",
                       sentence_start=killing.sentence_start + 200)  # fmt: skip
    (story,) = merge_events([killing, muhandis], PUBLISHED)
    assert sorted(story.event_ids) == sorted([killing.id, "m"])
    plain = replace(muhandis, rule="verb:kill→ASSAULT; modality:asserted")
    assert len(merge_events([killing, plain], PUBLISHED)) == 2  # the target clashes


def test_a_happening_reported_before_a_stated_day_is_not_that_days() -> None:
    killing = events()[0]  # Jan. 3, stated
    earlier = replace(killing, id="e", article_id="a0", date="2019-12-31", date_stated=False,
                      sentence_start=0)  # fmt: skip
    stories = merge_events([killing, earlier], {**PUBLISHED, "a0": date(2019, 12, 31)})
    assert len(stories) == 2


def test_an_undated_happening_after_a_dated_one_is_on_or_after_its_day() -> None:
    missiles = events()[4]  # a3: Iran fired missiles at U.S. bases on Jan. 8 (stated)
    after_missiles = f"verb:shoot down→ASSAULT; after(@{missiles.trigger_start})"
    downing = replace(missiles, id="u", article_id="undated", date=None, date_stated=False,
                      source=actor("air defenses", "IRN", "MIL"),
                      target=actor("an airliner", "UKR"), rule=after_missiles)  # fmt: skip
    mention = replace(missiles, id="r", article_id="undated", date=None)
    stories = merge_events([missiles, mention, downing], {**PUBLISHED, "undated": None})
    after = next(s for s in stories if "u" in s.event_ids)
    assert after.date == "2020-01-08" and after.date_precision == "after"
    assert day_label(after) == "≥2020-01-08"
    plain = replace(downing, rule="verb:shoot down→ASSAULT")
    alone = next(s for s in merge_events([missiles, mention, plain], {**PUBLISHED, "undated": None})
                 if "u" in s.event_ids)  # fmt: skip
    assert alone.date_precision != "after"  # without the marker it is the strike itself


def test_an_undated_plan_is_to_happen_on_or_after_its_first_report() -> None:
    missiles = events()[4]  # a3, reported Jan. 9
    plan = replace(missiles, id="p", type="CONSULT", modality="planned", date_stated=False,
                   rule="noun:talks→CONSULT; modality:planned(agreed)")  # fmt: skip
    (story,) = merge_events([plan], PUBLISHED)
    assert (story.date, story.date_precision) == ("2020-01-09", "after")
    assert day_label(story) == "≥2020-01-09"
    (done,) = merge_events([replace(plan, modality="asserted")], PUBLISHED)
    assert done.date_precision == "reported"
    undated = replace(plan, id="q", article_id="undated")
    windows = {**PUBLISHED, "undated": None}
    (window,) = merge_events(
        [undated], windows, {"undated": date(2020, 1, 14)}, earliest={"undated": date(2020, 1, 2)}
    )
    assert (window.date, window.date_precision) == ("2020-01-02", "after")  # its first day
    order = replace(plan, rule="noun:strike→ASSAULT; modality:planned(ordered)")
    (given,) = merge_events([order], PUBLISHED)  # "ordered the strike": done by then
    assert given.date_precision == "reported"


def test_an_undated_storys_weekday_places_its_event_on_or_after_that_day() -> None:
    missiles = events()[4]
    told = replace(missiles, id="w", article_id="undated", date=None, date_stated=False,
                   rule=missiles.rule + "; weekday(5)")  # fmt: skip
    published = {**PUBLISHED, "undated": None}
    (story,) = merge_events([told], published, earliest={"undated": date(2020, 1, 10)})
    # published from Jan. 10: a past Friday of its week is Jan. 10 at the earliest
    assert (story.date, story.date_precision) == ("2020-01-10", "after")
    (unknown,) = merge_events([told], published)
    assert unknown.date is None
    plan = replace(told, id="p", modality="planned")  # "will shell … on Friday": ahead
    (ahead,) = merge_events([plan], published, earliest={"undated": date(2020, 1, 11)})
    assert (ahead.date, ahead.date_precision) == ("2020-01-17", "after")


def test_a_week_sorts_with_its_monday() -> None:
    base = _killing(merge_events(events(), PUBLISHED))
    week = replace(base, id="w", date="2020-W02", date_precision="week")  # Jan. 6..12
    day = replace(base, id="d", date="2020-01-07", date_precision="day")
    early = replace(base, id="e", date="2020-01-05", date_precision="day")
    assert [s.id for s in sorted([day, week, early], key=order_key)] == ["e", "w", "d"]


def test_one_unnamed_victim_is_killed_once_and_not_by_a_killing_of_many() -> None:
    base = events()[4]  # a3, Jan. 9 report
    contractor = actor("a U.S. civilian engineer", "USA", "CVL")
    killing = replace(base, id="k1", source=None, target=contractor, trigger="killing",
                      date="2019-12", date_precision="month",
                      sentence="Strikes answered the killing of a U.S. engineer.")  # fmt: skip
    told = replace(base, id="k2", source=actor("Iran", "IRN"), date_stated=False,
                   target=actor("an American engineer", "USA", "BUS"), trigger="killed",
                   sentence="Iran killed an American engineer, a spokesman wrote.",
                   sentence_start=300)  # fmt: skip
    many = replace(told, id="k3", target=actor("80 American civilians", "USA", "CVL"),
                   sentence="Iran killed 80 American civilians, a radio said.",
                   sentence_start=400)  # fmt: skip
    stories = merge_events([killing, told, many], PUBLISHED)
    assert sorted(sorted(s.event_ids) for s in stories) == [["k1", "k2"], ["k3"]]


def test_people_alone_is_no_shared_target() -> None:
    base = events()[4]  # a3, published Jan. 9
    stampede = replace(base, id="s1", source=actor("A stampede", None),
                       target=actor("at least 56 people", None, "CVL"),
                       sentence="A stampede killed at least 56 people.")  # fmt: skip
    quote = replace(base, id="s2", source=actor("They", None), date_stated=False,
                    target=actor("our people", None, "CVL"), sentence="They kill our people.",
                    sentence_start=700)  # fmt: skip
    assert len(merge_events([stampede, quote], PUBLISHED)) == 2


def test_review_guards_on_anaphors_sites_and_victims() -> None:
    from dateline.story._match import site
    from dateline.story.dedup import _many

    killing = events()[0]  # a1, Jan. 3, stated
    threat = replace(killing, id="t", type="THREATEN", source=None, date_stated=False,
                     target=actor("the truce", None), sentence_start=killing.sentence_start + 90,
                     rule="verb:threaten→THREATEN; modality:asserted; anaphor(attack)")  # fmt: skip
    stories = merge_events([killing, threat], PUBLISHED)
    assert len(stories) == 2  # "The attack threatened the truce" is no second victim
    # the anaphor placed first (a stated date) still finds its attack
    early = replace(killing, id="k", date_stated=False)
    muhandis = replace(killing, id="m", source=None, sentence_start=killing.sentence_start + 90,
                       target=actor("Abu Mahdi al-Muhandis", "IRQ", "UAF"),
                       rule="verb:kill→ASSAULT; modality:asserted; anaphor(attack)")  # fmt: skip
    (one_story,) = merge_events([early, muhandis], PUBLISHED)
    assert sorted(one_story.event_ids) == ["k", "m"]
    assert site("Ain al-Asad air base") != site("the K-1 military base")
    assert site("the U.S. Embassy") == site("the U.S. embassy") == " embassy"
    assert _many("80 American terrorists") and _many("thousands of Americans")
    assert not _many("a 25-year-old U.S. contractor") and not _many("Abu Mahdi al-Muhandis")


def test_uncoded_actors_merge_by_shared_words_only() -> None:
    base = replace(events()[0], source=actor("the militia", None), target=actor("protesters", None))
    same = replace(base, id="s2", source=actor("militia fighters", None))
    other = replace(base, id="s3", source=actor("police", None))
    stories = merge_events([base, same, other], PUBLISHED)
    assert sorted(len(s.event_ids) for s in stories) == [1, 2]


def test_story_ids_are_stable_under_input_order() -> None:
    first = {s.id for s in merge_events(events(), PUBLISHED)}
    again = {s.id for s in merge_events(list(reversed(events())), PUBLISHED)}
    assert first == again and len(first) == 4


def test_timeline_json_shape_and_disputes() -> None:
    data = story_data()
    rows = json.loads(render_timeline(select(data.stories, TimelineFilter()), "json"))
    keys = {"date", "story_id", "summary", "type", "source", "target", "modality", "articles",
            "event_ids"}  # fmt: skip
    assert rows and all(keys <= set(r) for r in rows)
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    (disputed,) = [r for r in rows if r["disputed"]]
    assert disputed["date"] == "2020-01-08" and disputed["source"] == "IRN"
    assert disputed["claim_groups"] == [g.id for g in data.claim_groups if g.conflict]
    threat = next(r for r in rows if r["modality"] == "threatened")
    text = render_timeline(select(data.stories, TimelineFilter()), "text")
    assert "(THREATENED)" in text
    assert threat["source"] == "USA GOV"
    # the threat's date is not stated: shown on its report day as "on or before"
    assert threat["date_precision"] == "reported" and "≤2020-01-03" in text


def test_timeline_filters() -> None:
    stories = story_data().stories
    jan = select(stories, TimelineFilter(since=date(2020, 1, 1), until=date(2020, 1, 5)))
    assert {s.date for s in jan} == {"2020-01-03"}
    assert {s.date for s in select(stories, TimelineFilter(until=date(2019, 1, 1)))} == {"2018"}
    irn_source = select(stories, TimelineFilter(actor="irn"))
    assert irn_source and all("IRN" in (s.source.country, s.target.country)  # type: ignore[union-attr]
                              for s in irn_source)  # fmt: skip
    assert len(select(stories, TimelineFilter(actor="Soleimani"))) == 1
    denied = replace(stories[0], id="denied", modality="denied")
    assert denied not in select([*stories, denied], TimelineFilter())
    assert denied in select([*stories, denied], TimelineFilter(all_modalities=True))


def test_timeline_renderers() -> None:
    stories = select(story_data().stories, TimelineFilter())
    md = render_timeline(stories, "md")
    assert md.count("\n") == len(stories) + 1 and "| 2020-01-03 |" in md
    csv_text = render_timeline(stories, "csv")
    assert csv_text.splitlines()[0].startswith("date,date_precision,story_id,summary")
    evil = replace(stories[0], summary="<script>x</script>")
    page = render_timeline([evil], "html")
    assert "<script>x" not in page and "&lt;script&gt;x" in page


def test_escalation_counts_happenings_per_pair_and_day() -> None:
    stories = story_data().stories
    points = escalation(stories)
    assert {p.pair for p in points} == {"IRN–USA"}
    by_day = {p.date: p for p in points}
    assert set(by_day) == {"2020-01-03", "2020-01-08"}  # threat and 2018 left out
    assert by_day["2020-01-03"].events == 1 and by_day["2020-01-03"].mean_intensity == -10.0
    extra = replace(_killing(stories), id="coop", intensity=4.0, date="2020-01-08")
    points = escalation([*stories, extra])
    jan8 = next(p for p in points if p.date == "2020-01-08")
    assert jan8.events == 2 and jan8.mean_intensity == -3.0
    assert main_pairs(points) == ["IRN–USA"]
    unstated = replace(_killing(stories), id="u", date="2020-01-09", date_precision="reported")
    (jan9,) = [p for p in escalation([*stories, unstated]) if p.date == "2020-01-09"]
    assert jan9.events == 1 and jan9.unstated == 1  # counted on its report day, marked
    month = replace(_killing(stories), id="m", date="2020-01", date_precision="month")
    assert not [p for p in escalation([*stories, month]) if p.date.startswith("2020-01") and
                len(p.date) == 7]  # fmt: skip


def test_cli_timeline_and_report_over_a_store(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    with Store.open(db) as store:
        stored = {a.id: a for a in (article(aid) for aid in TEXTS)}
        store.save_articles(list(stored.values()))
        evs, qs, cs = events(), quotes(), claims()
        for aid in TEXTS:
            store.save_analysis(
                ArticleAnalysis(article_id=aid, events=[e for e in evs if e.article_id == aid],
                                quotes=[q for q in qs if q.article_id == aid],
                                claims=[c for c in cs if c.article_id == aid]),
                "test", "test", stored[aid].content_hash,
            )  # fmt: skip
    runner = CliRunner()
    result = runner.invoke(cli, ["timeline", "--db", db, "--format", "json", "--actor", "USA"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert any(r["date"] == "2020-01-03" and len(r["articles"]) == 3 for r in rows)
    out = tmp_path / "r.html"
    result = runner.invoke(cli, ["report", "--db", db, "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text()
    assert "Soleimani" in page and "<script>alert" not in page
    assert USA_MIL.country in page and SOLEIMANI.text in page
    assert timeline_rows([]) == []
    result = runner.invoke(cli, ["escalation", "--db", db, "--pair", "usa-irn", "--format", "json"])
    assert result.exit_code == 0, result.output
    points = json.loads(result.output)
    assert points and {p["pair"] for p in points} == {"IRN–USA"}
    assert any(p["date"] == "2020-01-03" and p["events"] >= 1 for p in points)
    assert all(p["mean_intensity"] < 0 for p in points)
    text = runner.invoke(cli, ["escalation", "--db", db, "--until", "2020-01-03"]).output
    assert "IRN–USA" in text and "2020-01-08" not in text
    from dateline.cli._story import _pair_key

    assert _pair_key("ent_3f2a9c-usa", "–") == "USA–ent_3f2a9c"
    bad = runner.invoke(cli, ["escalation", "--db", db, "--pair", "IRN"])
    assert bad.exit_code != 0 and "not a pair" in bad.output


def test_plan_dated_before_its_report_is_a_past_act_but_a_future_plan_stays_apart() -> None:
    act = events()[0]
    ordered = replace(
        act, id="ordered", article_id="a2", modality="planned"
    )  # "ordered the strike"
    future = replace(act, id="future", article_id="a2", modality="planned", date="2020-01-10")
    stories = merge_events([act, ordered, future], PUBLISHED)
    (done,) = [s for s in stories if "ordered" in s.event_ids]
    assert done.event_ids == [act.id, "ordered"] and done.modality == "asserted"
    (plan,) = [s for s in stories if "future" in s.event_ids]
    assert plan.modality == "planned" and plan.date == "2020-01-10"


def test_undated_mention_must_be_worded_like_the_story_event() -> None:
    act = events()[0]  # "A U.S. drone strike killed Iranian commander Qassem Soleimani ..."
    same = replace(events()[5], id="same")  # "... the U.S. killing of Soleimani in Baghdad."
    other = replace(same, id="other", sentence="Washington blames him for plots.", start=0,
                    end=32, sentence_start=0, sentence_end=32)  # fmt: skip
    stories = merge_events([act, same, other], PUBLISHED)
    (killing,) = [s for s in stories if act.id in s.event_ids]
    assert "same" in killing.event_ids and "other" not in killing.event_ids
    assert killing.date == "2020-01-03"


@pytest.fixture(scope="module")
def corpus_story(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from dateline.ingest import IngestOptions, ingest_paths
    from dateline.pipeline import analyze
    from dateline.story.build import load_story

    corpus = require_shared(CORPUS)
    with Store.open(tmp_path_factory.mktemp("corpus") / "c.db") as store:
        ingest_paths([str(corpus)], store, IngestOptions())
        analyze(store)
        return load_story(store)


def test_corpus_killing_of_soleimani_appears_once_on_its_day(corpus_story) -> None:  # type: ignore[no-untyped-def]
    happened = [s for s in corpus_story.stories if s.modality in ("asserted", "reported")]
    top = max(happened, key=lambda s: len(s.articles))
    assert top.type == "ASSAULT" and top.target and top.target.country == "IRN"
    assert top.date == "2020-01-03" and top.date_precision == "day"
    assert len(top.articles) >= 5
    # no second story event of the killing with several reports on another day
    others = [s for s in happened if s is not top and s.type == "ASSAULT" and s.target
              and s.target.country == "IRN" and s.source and s.source.country == "USA"
              and len(s.articles) >= 3]  # fmt: skip
    assert others == []
    missiles = [s for s in happened if s.date == "2020-01-08" and s.type == "ASSAULT"
                and s.source and s.source.country == "IRN"]  # fmt: skip
    assert missiles and len(missiles[0].articles) >= 2


def test_a_plan_to_kill_reported_after_the_killing_is_that_killing() -> None:
    act = events()[0]  # a1, stated Jan 3: the strike killed Soleimani
    plan = replace(act, id="decision", article_id="a2", modality="planned", source=None,
                   date=None, date_precision="unknown", date_stated=False,
                   sentence="Trump defended the decision to target Soleimani.", start=0,
                   end=49, sentence_start=0, sentence_end=49)  # fmt: skip
    apart = merge_events([act, plan], PUBLISHED)
    assert len(apart) == 2  # without knowing that Soleimani is a person
    (one,) = merge_events([act, plan], PUBLISHED, people=frozenset({"ent-soleimani"}))
    assert one.event_ids == [act.id, "decision"] and one.modality == "asserted"


def test_an_event_nothing_dates_needs_both_actors_or_close_wording() -> None:
    act = events()[0]
    loose = replace(act, id="loose", article_id="undated", source=None, date=None,
                    date_precision="unknown", date_stated=False,
                    sentence="Soleimani was a hero to many.", sentence_start=0,
                    sentence_end=29, start=0, end=29)  # fmt: skip
    full = replace(loose, id="full", source=actor("U.S.", "USA"),
                   sentence=act.sentence)  # fmt: skip
    stories = merge_events([act, loose, full], PUBLISHED)
    (killing,) = [s for s in stories if act.id in s.event_ids]
    assert killing.event_ids == [act.id, "full"]


def test_events_of_one_sentence_are_one_happening_and_a_facility_does_not_clash() -> None:
    salvo = replace(events()[4], target=actor("U.S. troops", "USA", "MIL"))  # a3: "Iran fired…"
    hit = replace(salvo, id="hit", source=None, target=actor("Iraq's al-Asad air base", "IRQ"),
                  date_stated=False, trigger="fired")  # fmt: skip
    (story,) = merge_events([salvo, hit], PUBLISHED)
    assert story.event_ids == [salvo.id, "hit"]
    base = replace(salvo, id="base", article_id="a4", target=actor("al-Asad air base", "IRQ"))
    militia = replace(salvo, id="militia", article_id="a4", target=actor("Iraqi militia", "IRQ"))
    stories = merge_events([salvo, base, militia], PUBLISHED)
    assert sorted(len(s.event_ids) for s in stories) == [1, 2]
    # one sentence, but another target country or another day: not the same happening
    other = replace(hit, id="other", target=actor("Israeli soldiers", "ISR", "MIL"))
    later = replace(hit, id="later", date="2020-03-08", date_stated=True)
    stories = merge_events([salvo, other, later], PUBLISHED)
    assert len(stories) == 3


def test_an_undated_article_window_bounds_its_events() -> None:
    threat = events()[1]  # a1's threat, no stated date
    moved = replace(threat, article_id="windowed")
    (story,) = merge_events([moved], PUBLISHED, latest={"windowed": date(2020, 1, 14)})
    assert story.date == "2020-01-14" and story.date_precision == "reported"
    (nothing,) = merge_events([moved], PUBLISHED)
    assert nothing.date is None


def test_minor_rows_are_left_out_unless_asked_for() -> None:
    stories = story_data().stories
    threat = next(s for s in stories if s.modality == "threatened")
    vague = replace(threat, id="vague", target=actor("him", None))
    undated = replace(threat, id="undated", date=None)
    twice = replace(vague, id="twice", articles=["a1", "a2"])
    assert [is_minor(s) for s in (threat, vague, undated, twice)] == [False, True, True, False]
    shown = select([threat, vague, undated, twice], TimelineFilter())
    assert {s.id for s in shown} == {threat.id, "twice"}
    assert len(select([threat, vague, undated, twice], TimelineFilter(minor=True))) == 4
    # told as background ("militias that helped ..."), by one article or by several
    context = replace(threat, id="context", background=True)
    widely = replace(context, id="widely", articles=["a1", "a2"])
    assert [is_minor(s) for s in (context, widely)] == [True, True]
    assert not is_minor(replace(widely, background=False))


def test_facility_is_judged_by_the_head_word() -> None:
    assert facility("Iraq's al-Asad air base") and facility("al-Asad air base and another facility")
    assert not facility("the base commander") and not facility("U.S. troops")


def test_without_a_publication_day_only_a_past_order_counts_as_done() -> None:
    act = events()[0]  # a1, Jan 3
    ordered = replace(act, id="ordered", article_id="undated", modality="planned",
                      rule="noun:killing→ASSAULT; modality:planned(ordered)")  # fmt: skip
    planned = replace(ordered, id="planned", rule="noun:strike→ASSAULT; modality:planned(plan)")
    stories = merge_events([act, ordered, planned], PUBLISHED)
    (done,) = [s for s in stories if act.id in s.event_ids]
    assert done.event_ids == [act.id, "ordered"]


def test_story_events_sharing_a_sentence_are_consolidated() -> None:
    from dateline.story.dedup import _Cluster, _make_item, _same_happening

    salvo = replace(events()[4], target=actor("U.S. troops", "USA", "MIL"))  # a3, Jan 8
    hit = replace(salvo, id="hit", source=None, target=actor("al-Asad air base", "IRQ"),
                  date_stated=False)  # fmt: skip
    apart = replace(hit, id="apart", article_id="a4")  # the same words, another report
    clusters = []
    for ev in (salvo, hit, apart):
        c = _Cluster("ASSAULT", "happened")
        c.add(_make_item(ev, PUBLISHED, {}, {}))
        clusters.append(c)
    # no role matches (no source; a facility never clashes), but one sentence holds both
    assert _same_happening(clusters[0], clusters[1])
    assert not _same_happening(clusters[0], clusters[2])


def test_a_measure_in_force_does_not_join_the_act_that_imposed_it() -> None:
    act = replace(events()[0], id="act", type="SANCTION", rule="verb:impose; modality:asserted")
    again = replace(act, id="again", article_id="a2")
    assert len(merge_events([act, again], PUBLISHED)) == 1
    in_force = replace(again, rule=act.rule + "; background(standing)")
    stories = merge_events([act, in_force], PUBLISHED)
    assert len(stories) == 2
    (state,) = [s for s in stories if "again" in s.event_ids]
    assert state.background


def test_an_actor_linked_to_an_entity_takes_the_entity_s_coding() -> None:
    he = EventActor("He", 0, 2, "ent-varan", None, None)
    army = EventActor("Zemblan troops", 10, 24, "ent-zembla", "ZMB", "MIL")
    ev = replace(events()[0], source=he, target=army)
    entities = [
        Entity(id="ent-varan", name="Piet Varan", type="PERSON", country="ZMB", sector="MIL"),
        Entity(id="ent-zembla", name="Zembla", type="GPE", country="ZMB"),
    ]
    (coded,) = coded_by_entity([ev], entities)
    assert coded.source is not None and (coded.source.country, coded.source.sector) == (
        "ZMB",
        "MIL",
    )
    assert coded.target == army  # its own coding stands
    assert ev.source is he and he.country is None  # the input is left as it was


def test_weekend_dates_are_a_saturday_sunday_span() -> None:
    span = span_of("2020-W01-WE")
    assert span is not None and span.precision == "weekend"
    assert (span.lo, span.hi) == (date(2020, 1, 4), date(2020, 1, 5))
    row = {"date": "2020-W01-WE", "date_precision": "weekend"}
    assert day_label(row) == "2020-01-04/05"
    assert day_label({**row, "date": "2020-W05-WE"}) == "2020-02-01/02"
    assert day_label({**row, "date": "2022-W52-WE"}) == "2022-12-31/2023-01-01"


def test_escalation_counts_a_weekend_happening_on_its_saturday_as_unstated() -> None:
    stories = story_data().stories
    weekend = replace(_killing(stories), id="w", date="2020-W01-WE", date_precision="weekend")
    (sat,) = [p for p in escalation([*stories, weekend]) if p.date == "2020-01-04"]
    assert sat.events == 1 and sat.unstated == 1
