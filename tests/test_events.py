"""The events stage: PLOVER type, actors, modality and coding of who-did-what-to-whom."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from spacy.language import Language

from dateline.cli import cli
from dateline.cli._events import marked_sentence, parse_modalities, select_events
from dateline.extract._event_lexicon import PLOVER_TYPES, load_event_lexicon
from dateline.extract.events import classify_pair, extract_events
from dateline.models import HAPPENED, MODALITIES, Event
from dateline.nlp import load_pipeline

QUAD = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def events_of(nlp: Language, text: str, published: date | None = date(2021, 3, 10)) -> list[Event]:
    return extract_events(nlp(text), article_id="t", published=published)


def one(events: list[Event], type_: str) -> Event:
    found = [e for e in events if e.type == type_]
    assert len(found) == 1, [(e.type, e.trigger, e.modality) for e in events]
    return found[0]


# --------------------------------------------------------------------------- modality


def test_asserted_event_with_actors_place_and_date(nlp: Language) -> None:
    text = "Rebel fighters attacked an army base in Kabul on Monday."
    ev = one(events_of(nlp, text), "ASSAULT")
    assert ev.modality == "asserted" and ev.happened
    assert ev.source is not None and ev.source.text == "Rebel fighters"
    assert ev.target is not None and "army base" in ev.target.text
    assert ev.location is not None and ev.location.text == "Kabul"
    assert ev.location.country == "AFG"
    assert (ev.date, ev.date_precision, ev.date_stated) == ("2021-03-08", "day", True)
    assert text[ev.trigger_start : ev.trigger_end] == "attacked"
    assert ev.source.start is not None and text[ev.source.start : ev.source.end] == "Rebel fighters"


def test_reported_event_names_the_speaker(nlp: Language) -> None:
    ev = one(events_of(nlp, '"Soldiers shelled the village," the governor said.'), "ASSAULT")
    assert ev.modality == "reported"
    assert ev.attributed_to == "the governor"
    assert ev.mode == "heavy-weapons"


def test_denied_event_is_not_a_happening(nlp: Language) -> None:
    ev = one(events_of(nlp, "The ministry denied arresting the journalists."), "COERCE")
    assert ev.modality == "denied" and not ev.happened
    assert ev.mode == "arrest"


def test_threat_is_coded_threaten_and_the_threatened_attack_is_not_asserted(
    nlp: Language,
) -> None:
    evs = events_of(nlp, "The president threatened to bomb the rebel camps if the talks failed.")
    threat = one(evs, "THREATEN")
    assert threat.modality == "asserted" and threat.source is not None
    assert threat.source.text == "The president" and threat.source.sector == "GOV"
    attack = one(evs, "ASSAULT")
    assert attack.modality == "threatened"
    assert not any(e.type == "ASSAULT" and e.happened for e in evs)


def test_future_meeting_is_planned(nlp: Language) -> None:
    ev = one(events_of(nlp, "The prime minister will visit Berlin next week."), "CONSULT")
    assert ev.modality == "planned"
    assert ev.mode == "visit"
    assert ev.target is not None and ev.target.country == "DEU"


def test_conditional_and_hypothetical(nlp: Language) -> None:
    evs = events_of(nlp, "The army would retaliate if the rebels attacked the capital.")
    assert evs and all(e.modality == "conditional" for e in evs)


def test_negated_event(nlp: Language) -> None:
    ev = one(events_of(nlp, "The police did not arrest the protesters."), "COERCE")
    assert ev.modality == "negated"


def test_question(nlp: Language) -> None:
    ev = one(events_of(nlp, "Did the army shell the town?"), "ASSAULT")
    assert ev.modality == "question"


# --------------------------------------------------------------------------- structure


def test_several_events_in_one_sentence(nlp: Language) -> None:
    evs = events_of(nlp, "Germany praised France, and Spain criticized Italy.")
    praise, blame = one(evs, "SUPPORT"), one(evs, "ACCUSE")
    assert praise.source is not None and praise.target is not None
    assert (praise.source.country, praise.target.country) == ("DEU", "FRA")
    assert blame.source is not None and blame.target is not None
    assert (blame.source.country, blame.target.country) == ("ESP", "ITA")
    assert praise.sentence == blame.sentence and praise.id != blame.id


def test_coordinated_verbs_share_their_subject(nlp: Language) -> None:
    evs = events_of(nlp, "Police arrested ten activists and deported two foreign reporters.")
    assert len(evs) == 2
    assert all(e.source is not None and e.source.text == "Police" for e in evs)
    assert {e.target.text for e in evs if e.target} == {"ten activists", "two foreign reporters"}


def test_passive_voice_agent_is_the_source(nlp: Language) -> None:
    ev = one(events_of(nlp, "The general was killed by a U.S. drone."), "ASSAULT")
    assert ev.source is not None and ev.source.text == "a U.S. drone"
    assert (ev.source.country, ev.source.sector) == ("USA", "MIL")
    assert ev.target is not None and ev.target.text == "The general"
    assert ev.mode == "drone"


def test_passive_without_agent_takes_the_attack_noun(nlp: Language) -> None:
    text = "The commander was killed in a Turkish air strike near the border."
    ev = one(events_of(nlp, text), "ASSAULT")
    assert ev.source is not None and ev.source.country == "TUR"
    assert ev.target is not None and ev.target.text == "The commander"
    assert ev.mode == "aerial"


@pytest.mark.parametrize(
    "text",
    [
        "The weather was mild and the markets were closed on Monday.",
        "The museum has a large collection of paintings.",
        "Profits rose by four percent in the third quarter.",
    ],
)
def test_sentences_without_events_give_none(nlp: Language, text: str) -> None:
    assert events_of(nlp, text) == []


# --------------------------------------------------------------------------- coding


def test_coding_follows_from_type_and_mode(nlp: Language) -> None:
    lex = load_event_lexicon()
    text = (
        "Rebels attacked a convoy. The ministers met in Geneva. Germany sent aid to Sudan. "
        "Police arrested two journalists. The court convicted the former mayor. "
        "Workers protested against the new law. The army released fifty prisoners."
    )
    evs = events_of(nlp, text)
    assert len({e.type for e in evs}) >= 5
    for ev in evs:
        assert ev.type in PLOVER_TYPES
        assert ev.modality in MODALITIES
        coding = lex.code(ev.type, ev.mode)
        assert (ev.cameo, ev.quad, ev.intensity) == (coding.cameo, coding.quad, coding.intensity)
        assert ev.quad == QUAD[ev.type]
        assert ev.intensity is not None and -10 <= ev.intensity <= 10
        assert (ev.intensity < 0) == (ev.quad in (3, 4)) or ev.type == "REQUEST"
        assert ev.rule


def test_event_ids_are_stable(nlp: Language) -> None:
    text = "Rebels attacked a convoy near the town."
    first = [e.id for e in events_of(nlp, text)]
    assert first and first == [e.id for e in events_of(nlp, text)]
    assert len(first[0]) == 16


def test_classify_pair_gives_a_plover_type(nlp: Language) -> None:
    text = "The rebels released twelve hostages on Sunday."
    doc = nlp(text)
    got = classify_pair(doc, (0, 10), (text.index("twelve"), text.index(" on")))
    assert got == "RETREAT"


# --------------------------------------------------------------------------- CLI helpers


def test_modality_option_and_date_window(nlp: Language) -> None:
    assert parse_modalities(None) == HAPPENED
    assert parse_modalities("all") == MODALITIES
    assert parse_modalities("threatened,planned") == ("threatened", "planned")
    evs = events_of(nlp, "Rebels attacked a convoy on March 2, 2021. Police arrested a man.")
    march2 = select_events(evs, None, None, (date(2021, 3, 1), date(2021, 3, 5)))
    assert [e.type for e in march2] == ["ASSAULT"]
    assert select_events(evs, "coerce", None, (None, None))[0].type == "COERCE"


def test_explain_marks_the_spans(nlp: Language) -> None:
    ev = one(events_of(nlp, "Germany praised France."), "SUPPORT")
    assert marked_sentence(ev) == "{S: Germany} [[praised]] {T: France}."


def test_events_and_explain_commands(tmp_path: Path) -> None:
    db = str(tmp_path / "ev.db")
    story = (
        "Rebel fighters attacked an army base in the north on Monday, officials said. "
        "The defence minister threatened to bomb rebel camps. "
        "The president will visit the region next week."
    )
    runner = CliRunner()
    result = runner.invoke(
        cli, ["ingest", "-", "--db", db, "-q", "--published", "2021-03-10"], input=story
    )
    assert result.exit_code == 0, result.output
    default = runner.invoke(cli, ["events", "--db", db, "--format", "json"])
    assert default.exit_code == 0, default.output
    shown = json.loads(default.stdout)
    assert shown and all(e["modality"] in HAPPENED for e in shown)
    assert any(e["type"] == "ASSAULT" for e in shown)
    every = json.loads(
        runner.invoke(cli, ["events", "--db", db, "--modality", "all", "--format", "json"]).stdout
    )
    assert {"threatened", "planned"} <= {e["modality"] for e in every}
    listing = runner.invoke(cli, ["events", "--db", db, "--type", "ASSAULT", "--format", "text"])
    assert "ASSAULT" in listing.output and "THREATEN" not in listing.output
    explained = runner.invoke(cli, ["explain", shown[0]["id"][:10], "--db", db])
    assert explained.exit_code == 0, explained.output
    assert "[[" in explained.output and "rule:" in explained.output
    missing = runner.invoke(cli, ["explain", "nonexistent", "--db", db])
    assert missing.exit_code != 0


# --------------------------------------------------------------------------- the shared corpus


@pytest.fixture(scope="module")
def corpus_events(nlp: Language) -> list[Event]:
    from dateline.ingest import read_input

    from .conftest import CORPUS, require_shared

    path = require_shared(CORPUS)
    raws = read_input(path.read_bytes(), str(path)).articles
    out: list[Event] = []
    for k, raw in enumerate(raws):
        # the lead story of Jan. 3 is dated so ("on Friday"); the dating stage infers it
        published = date(2020, 1, 3) if (raw.title or "").startswith("U.S. says") else None
        out.extend(extract_events(nlp(raw.text), article_id=str(k), published=published))
    return out


def _find(events: list[Event], type_: str, trigger: str, target: str) -> list[Event]:
    return [
        e
        for e in events
        if e.type == type_ and e.trigger == trigger and e.target and target in e.target.text
    ]


def test_corpus_main_events(corpus_events: list[Event]) -> None:
    killed = _find(corpus_events, "ASSAULT", "killed", "Qassem Soleimani")
    assert any(
        e.source and e.source.country == "USA" and e.happened and e.date == "2020-01-03"
        for e in killed
    )
    missiles = _find(corpus_events, "ASSAULT", "fired", "bases")
    assert any(e.source and e.source.country == "IRN" and e.happened for e in missiles)
    airliner = _find(corpus_events, "ASSAULT", "shot", "Ukrainian airliner")
    assert airliner and airliner[0].happened and airliner[0].target
    assert airliner[0].target.country == "UKR"
    stormed = [e for e in corpus_events if e.trigger == "stormed"]
    assert stormed and stormed[0].type == "PROTEST"
    sanctions = [e for e in corpus_events if e.type == "SANCTION" and e.happened and e.target]
    assert any(
        e.source and e.source.country == "USA" and e.target.country == "IRN" for e in sanctions
    )


def test_corpus_threats_denials_and_plans_are_not_happenings(corpus_events: list[Event]) -> None:
    threat = [
        e for e in corpus_events if e.trigger == "target" and e.target and "52" in e.target.text
    ]
    assert threat and all(e.modality == "threatened" for e in threat)
    assert any(
        e.type == "THREATEN" and e.source and e.source.text == "Trump" and e.happened
        for e in corpus_events
    )
    hacking = [e for e in corpus_events if e.trigger == "hacking" and "denies" in e.sentence]
    assert hacking and all(e.modality == "denied" for e in hacking)
    meet = [e for e in corpus_events if e.trigger == "meet" and e.target]
    assert any(e.target.text == "Netanyahu" and e.modality == "planned" for e in meet)


def test_a_promise_of_harm_is_a_threat(nlp: Language) -> None:
    evs = events_of(nlp, "The rebels vowed bitter revenge against the northern garrison.")
    threat = [e for e in evs if e.trigger == "vowed"]
    assert threat and threat[0].type == "THREATEN"
    assert threat[0].target is None or "revenge" not in threat[0].target.text


def test_planned_attacks_are_planned(nlp: Language) -> None:
    evs = events_of(nlp, "Officials said the cell planned attacks on French embassies.")
    attacks = [e for e in evs if e.trigger == "attacks"]
    assert attacks and attacks[0].modality == "planned"


def test_weapon_fired_is_not_the_target_and_numbers_are_not_sources(nlp: Language) -> None:
    text = "Ruritania launched 12 rockets at two bases, with at least 9 hitting the Borduria depot."
    for e in events_of(nlp, text):
        assert e.target is None or "rockets" not in e.target.text
        assert e.source is None or not e.source.text[:1].isdigit()
        assert e.source is None or not e.source.text.startswith("at least")


def test_abstract_nouns_are_not_sources(nlp: Language) -> None:
    evs = events_of(nlp, "The decision to target the colonel surprised everyone.")
    assert all(e.source is None or e.source.text.lower() != "the decision" for e in evs)


def test_declining_to_comment_and_concluding_a_response_are_not_events(nlp: Language) -> None:
    evs = events_of(nlp, "The minister declined to discuss details of the deal with Ruritania.")
    assert not [e for e in evs if e.trigger == "declined"]
    evs = events_of(nlp, "The strikes concluded Ruritania's response, the ministry said.")
    assert not [e for e in evs if e.trigger == "concluded"]
    evs = events_of(nlp, "Ruritania and Borduria concluded a trade agreement on Monday.")
    assert [e for e in evs if e.type == "AGREE"]


def test_closing_date_hung_on_a_participle_dates_the_main_event(nlp: Language) -> None:
    text = "Ruritanian gunners shelled depots housing Borduran troops near Vel on Friday."
    (ev,) = [e for e in events_of(nlp, text, date(2021, 3, 14)) if e.trigger == "shelled"]
    assert ev.date == "2021-03-12" and ev.date_stated


def test_date_of_the_agreement_is_not_the_date_of_the_planned_talks(nlp: Language) -> None:
    text = "Ruritania and Borduria agreed on Tuesday to hold talks in Vienna next month."
    evs = events_of(nlp, text, date(2021, 3, 10))
    talks = [e for e in evs if e.trigger == "talks"]
    assert talks and talks[0].modality == "planned"
    assert not (talks[0].date == "2021-03-09" and talks[0].date_stated)


def test_planned_talks_take_the_week_they_are_planned_for(nlp: Language) -> None:
    text = "Ruritania and Borduria agreed on Tuesday to hold talks in Vienna next week."
    (talks,) = [e for e in events_of(nlp, text, date(2021, 3, 10)) if e.trigger == "talks"]
    assert talks.modality == "planned"
    assert (talks.date, talks.date_precision, talks.date_stated) == ("2021-W11", "week", True)
    past = "Ruritania and Borduria held talks in Vienna last week."
    for ev in events_of(nlp, past, date(2021, 3, 10)):
        assert ev.date_precision != "week"  # only a plan takes a week


@pytest.mark.parametrize(
    ("text", "trigger", "source", "mode"),
    [
        ("Dockworkers in Vell walked off the job on Monday.", "walked", "Dockworkers", "strike"),
        ("Teachers in Marlow went on strike.", "strike", "Teachers", "strike"),
        ("Miners struck for higher pay.", "struck", "Miners", "strike"),
        ("Nurses in Tamsin remain on hunger strike.", "strike", "Nurses", "hunger"),
        ("Dockworkers in Lisk went on an indefinite strike.", "strike", "Dockworkers", "strike"),
        ("Workers at the Vell mill staged a walkout over pay.", "walkout", "Workers", "strike"),
    ],
)
def test_a_work_stoppage_is_a_protest(
    nlp: Language, text: str, trigger: str, source: str, mode: str
) -> None:
    ev = one(events_of(nlp, text), "PROTEST")
    assert ev.trigger == trigger and ev.mode == mode
    assert ev.source is not None and ev.source.text.endswith(source.split()[-1])


@pytest.mark.parametrize(
    "text",
    [
        "A Zemblan air strike on the depot killed four guards on Monday.",
        "A missile strike by the crew of the frigate hit the Vell port.",
        "Lawmakers were not consulted on the strike against the militia commander.",
        "Students struck a police officer with rocks in Lisk.",
    ],
)
def test_an_attack_called_a_strike_is_no_work_stoppage(nlp: Language, text: str) -> None:
    assert not [e for e in events_of(nlp, text) if e.type == "PROTEST"]


def test_striking_a_deal_is_an_agreement(nlp: Language) -> None:
    evs = events_of(nlp, "Dockworkers struck a deal with the Vell port authority.")
    assert [e.type for e in evs if e.trigger == "struck"] == ["AGREE"]


def test_a_stated_day_of_going_on_strike_dates_the_strike(nlp: Language) -> None:
    (ev,) = events_of(nlp, "Nurses in Tamsin went on strike on Monday.")
    assert (ev.type, ev.date, ev.date_stated) == ("PROTEST", "2021-03-08", True)


def test_a_verb_the_model_lemmatises_without_its_e_is_still_read(nlp: Language) -> None:
    # the small model gives "staged" the lemma "stag"; the light verb must still lend
    # its subject to the event noun
    ev = one(events_of(nlp, "Farmers staged a demonstration outside the Marlow mill."), "PROTEST")
    assert ev.source is not None and ev.source.text == "Farmers"


def test_stones_and_tear_gas_are_attacks_of_their_own_modes(nlp: Language) -> None:
    text = "Protesters threw stones at officers in Lisk, and police fired tear gas at them."
    modes = {(e.trigger, e.mode) for e in events_of(nlp, text) if e.type == "ASSAULT"}
    assert modes == {("threw", "primitive"), ("fired", "crowd-control")}
    threw = next(e for e in events_of(nlp, text) if e.trigger == "threw")
    assert threw.target is not None and threw.target.text == "officers"
    assert events_of(nlp, "The Vell party threw its support behind the mayor.") == []
    assert events_of(nlp, "Reporters pelted the Zemblan minister with questions.") == []


def test_the_two_are_the_two_countries_named_before(nlp: Language) -> None:
    text = (
        "Ministers from Chile and Peru met in Lima on Monday. "
        "The two governments agreed to reopen the border at Tacna."
    )
    agree = one(events_of(nlp, text), "AGREE")
    assert agree.source is not None and agree.target is not None
    assert {agree.source.country, agree.target.country} == {"CHL", "PER"}
    assert agree.source.text in ("Chile", "Peru") and "pair(the two)" in agree.rule
    people = "Chile hosted Peru. Rebel leader Ana Soto met Piet Varan, and the two agreed to talk."
    for ev in events_of(nlp, people):
        assert "pair(the two)" not in ev.rule  # the two named last are people
    three = "Chile, Peru and Bolivia met in Lima. The two agreed to meet again."
    for ev in events_of(nlp, three):
        assert "pair(the two)" not in ev.rule  # three named: which two is unknown


def test_an_undated_storys_weekday_is_kept_for_the_story_layer(nlp: Language) -> None:
    text = "Zemblan gunners shelled two Lorvanian villages on Friday, officials said."
    (ev,) = events_of(nlp, text, None)
    assert ev.date is None and "; weekday(5)" in ev.rule
    (dated,) = events_of(nlp, text, date(2021, 3, 10))
    assert dated.date == "2021-03-05" and "weekday(" not in dated.rule


def test_what_nature_does_is_no_event(nlp: Language) -> None:
    assert events_of(nlp, "Floods in the Vell valley have killed at least 12 people.") == []
    assert events_of(nlp, "About 900 villagers were cut off by the water near Lisk.") == []
    (ev,) = events_of(nlp, "Gunmen killed 12 villagers in the Vell valley.")
    assert ev.type == "ASSAULT"


def test_a_dateline_is_not_a_source(nlp: Language) -> None:
    text = "VARNA -- A court in Varna has convicted two Ruritanian men over an attack on a guard."
    for e in events_of(nlp, text):
        assert e.source is None or e.source.text != "VARNA"


def test_joint_subject_of_a_symmetric_event_is_source_and_target(nlp: Language) -> None:
    evs = events_of(nlp, "Ruritania and Borduria agreed on Monday to hold talks in Vienna.")
    agree = [e for e in evs if e.type == "AGREE"]
    assert agree and agree[0].source is not None and agree[0].target is not None
    assert (agree[0].source.text, agree[0].target.text) == ("Ruritania", "Borduria")


def test_acronym_actors_are_not_datelines(nlp: Language) -> None:
    for text, source in (
        ("NATO, which leads the mission, attacked the militants on Friday.", "NATO"),
        ("IRGC (Revolutionary Guards) attacked the base on Friday.", "IRGC"),
    ):
        assert any(e.source is not None and e.source.text == source for e in events_of(nlp, text))
    evs = events_of(nlp, "VEL (Northwire): Ruritania has held talks with Borduria.")
    assert all(e.source is None or e.source.text != "VEL" for e in evs)


def test_a_day_is_not_an_actor(nlp: Language) -> None:
    evs = events_of(nlp, "Friday's attack on the Zembla embassy killed two guards.")
    assaults = [e for e in evs if e.type == "ASSAULT"]
    assert assaults and all(e.source is None for e in assaults), assaults
    named = events_of(nlp, "Theresa May's government criticised Russia.")
    assert one(named, "ACCUSE").source is not None


def test_an_attack_noun_is_the_event_not_its_source(nlp: Language) -> None:
    ev = one(events_of(nlp, "The attack also killed the militia commander Tavo Renn."), "ASSAULT")
    assert ev.source is None and ev.target is not None and "commander" in ev.target.text
    coded = one(events_of(nlp, "A U.S. drone strike killed the commander."), "ASSAULT")
    assert coded.source is not None and coded.source.country == "USA"


def test_permission_without_a_permitter_is_no_concession(nlp: Language) -> None:
    permitted = events_of(nlp, "They're allowed to travel freely.")
    assert not [e for e in permitted if e.type == "CONCEDE"]
    assert one(events_of(nlp, "Iran allowed inspectors into the site."), "CONCEDE")


def test_a_decision_to_act_is_planned(nlp: Language) -> None:
    ev = one(events_of(nlp, "Critics questioned the decision to bomb the Varn bridge."), "ASSAULT")
    assert ev.modality == "planned"


def test_the_means_of_a_conditional_act_is_conditional(nlp: Language) -> None:
    evs = events_of(nlp, "The sites could be hit if Zembla retaliates with attacks on Marlow.")
    attacks = [e for e in evs if e.type == "ASSAULT" and e.trigger == "attacks"]
    assert attacks and all(e.modality == "conditional" for e in attacks)


def test_recipients_in_prepositional_phrases(nlp: Language) -> None:
    asked = events_of(nlp, "Opposition leaders demanded an explanation from the prime minister.")
    ev = one(asked, "REQUEST")
    assert ev.target is not None and "minister" in ev.target.text
    probe_evs = events_of(nlp, "The prosecutor launched an investigation into Tavo Renn.")
    probe = one(probe_evs, "ACCUSE")
    assert probe.target is not None and "Renn" in probe.target.text


def test_a_possessive_pronoun_takes_the_verbs_subject(nlp: Language) -> None:
    evs = events_of(nlp, "Zembla's army continued their attacks on the port city.")
    ev = one(evs, "ASSAULT")
    assert ev.source is not None and "army" in ev.source.text
    # a verb that only comments on the act does not own it
    judged = events_of(nlp, "The United Nations condemned their attacks on the port city.")
    assert all(e.source is None or "Nations" not in e.source.text
               for e in judged if e.type == "ASSAULT")  # fmt: skip


def test_an_attack_noun_with_its_own_target_stays_an_event(nlp: Language) -> None:
    evs = events_of(nlp, "A Taliban attack on a government compound killed 20 policemen.")
    targets = {e.target.text for e in evs if e.type == "ASSAULT" and e.target}
    assert any("compound" in t for t in targets) and any("policemen" in t for t in targets)


def test_an_adjunct_phrase_does_not_replace_the_target(nlp: Language) -> None:
    evs = events_of(nlp, "Militiamen attacked the Zembla embassy following an air raid on Marlow.")
    attack = next(e for e in evs if e.trigger == "attacked")
    assert attack.target is not None and "embassy" in attack.target.text


def test_a_demand_is_aimed_at_whoever_must_act(nlp: Language) -> None:
    ev = one(events_of(nlp, "Party members demanded that Tavo Renn step down."), "REQUEST")
    assert ev.target is not None and "Renn" in ev.target.text
    call = one(events_of(nlp, "Marlow called for sanctions against Zembla."), "REQUEST")
    assert call.target is not None and call.target.text == "Zembla"


def test_support_for_an_actor_targets_it(nlp: Language) -> None:
    evs = events_of(nlp, "Erdogan reiterated Turkey's support for the Zembla government.")
    ev = one(evs, "SUPPORT")
    assert ev.target is not None and "Zembla" in ev.target.text


def test_who_receives_is_the_target(nlp: Language) -> None:
    ev = one(events_of(nlp, "Zembla received military aid from Marlow."), "AID")
    assert ev.source is not None and ev.source.text == "Marlow"
    assert ev.target is not None and ev.target.text == "Zembla"


def test_a_possessor_is_not_the_actor(nlp: Language) -> None:
    evs = events_of(nlp, "Tavo Renn was killed on Friday. Tavo Renn's successor vowed to expel "
                         "Marlow's forces.")  # fmt: skip
    ev = next(e for e in evs if e.type == "THREATEN")
    assert ev.source is not None and "successor" in ev.source.text
    assert ev.source.entity_id is None


def test_flight_and_questions_are_not_requests(nlp: Language) -> None:
    assert not events_of(nlp, "Thousands of villagers have sought refuge in Zembla.")
    asked = events_of(nlp, "Renn met Marlow and asked about his health.")
    assert not [e for e in asked if e.type == "REQUEST"]
    assert one(events_of(nlp, "Zembla asked the United Nations for help."), "REQUEST")


def test_a_deal_secured_with_a_partner_stays_a_deal(nlp: Language) -> None:
    ev = one(events_of(nlp, "Zembla secured a ceasefire agreement with Marlow."), "AGREE")
    assert ev.target is not None and ev.target.text == "Marlow"


def test_the_means_of_a_verb_takes_the_verbs_date(nlp: Language) -> None:
    evs = events_of(nlp, "Zembla responded with missile strikes on Marlow's bases on March 3.")
    ev = one(evs, "ASSAULT")
    assert ev.trigger == "strikes" and ev.date == "2021-03-03" and ev.date_stated


def test_a_place_name_before_a_noun_makes_a_place_only_of_a_place_noun(nlp: Language) -> None:
    targets = one(events_of(nlp, "Militants fired rockets at U.S. targets on Friday."), "ASSAULT")
    assert targets.location is None
    post = one(
        events_of(nlp, "Militants torched a guard post at the U.S. embassy on Friday."),
        "ASSAULT",
    )
    assert post.location is not None and post.location.text == "the U.S. embassy"
    assert post.location.country == "USA"


def test_an_adjective_phrase_after_the_actor_is_not_part_of_it(nlp: Language) -> None:
    text = "Protesters angry about French air strikes torched a guard post in Zembla on Tuesday."
    ev = next(e for e in events_of(nlp, text) if e.trigger == "torched")
    assert ev.type == "ASSAULT"
    assert ev.source is not None and ev.source.text == "Protesters"
    assert ev.source.country is None


def test_an_air_raid_is_an_assault_a_police_raid_coercion(nlp: Language) -> None:
    air = one(events_of(nlp, "Marlow launched an air raid on the Zembla militia."), "ASSAULT")
    assert air.trigger == "raid" and air.mode == "aerial"
    police = events_of(nlp, "Police raided the office of the Zembla Times on Monday.")
    assert one(police, "COERCE").trigger == "raided"


def test_describing_past_perfect_and_present_clauses_are_marked_background(
    nlp: Language,
) -> None:
    def aside(text: str, trigger: str) -> bool:
        ev = next(e for e in events_of(nlp, text) if e.trigger == trigger)
        return "; background(" in ev.rule

    assert aside("Renn armed militias in Zembla that helped to crush the rebels.", "helped")
    assert aside("Marlow had sought to avoid casualties among Zembla troops.", "sought")
    assert aside("Marlow blames Renn for attacks on Zembla forces.", "blames")
    assert not aside("Marlow attacked Zembla forces on Friday.", "attacked")
    assert not aside("Zembla radio said 80 Marlow soldiers had been killed.", "killed")
    assert not aside("Zembla accused Marlow of the attack.", "accused")


def test_an_attack_named_before_is_marked_as_such(nlp: Language) -> None:
    anaphor = one(events_of(nlp, "The attack also killed Zembla commander Tavo Renn."), "ASSAULT")
    assert "; anaphor(attack)" in anaphor.rule and anaphor.source is None
    own = [e for e in events_of(nlp, "The Marlow attack on the convoy killed five people.")]
    assert own and not any("anaphor" in e.rule for e in own)


def test_what_an_event_came_after_is_marked(nlp: Language) -> None:
    text = (
        "In the wake of Marlow's rocket strikes on Zembla ports, Zembla gunners shot down "
        "a cargo plane, killing its crew of nine."
    )
    evs = events_of(nlp, text)
    strikes = next(e for e in evs if e.trigger == "strikes")
    for trigger in ("shot", "killing"):
        ev = next(e for e in evs if e.trigger == trigger)
        assert f"; after(@{strikes.trigger_start})" in ev.rule
    text = "Following the attack on the embassy, Marlow sent troops."
    sent = one(events_of(nlp, text), "MOBILIZE")
    assert "; after(@" in sent.rule
    assert "after(" not in one(events_of(nlp, "Marlow attacked Zembla on Friday."), "ASSAULT").rule


def test_whoever_is_prompted_to_act_is_the_actor(nlp: Language) -> None:
    text = "The attack prompted Marlow to send additional troops to Zembla."
    ev = one(events_of(nlp, text), "MOBILIZE")
    assert ev.source is not None and ev.source.text == "Marlow"


def test_a_which_clause_that_kills_tells_what_the_strikes_did(nlp: Language) -> None:
    text = (
        "The rally came after Marlow air strikes on depots run by the Zembla militia, "
        "which killed at least 12 guards."
    )
    killed = next(e for e in events_of(nlp, text) if e.trigger == "killed")
    assert killed.source is not None and "strikes" in killed.source.text
    own = next(
        e
        for e in events_of(nlp, "The army fought the militia, which killed 25 soldiers.")
        if e.trigger == "killed"
    )
    assert own.source is not None and own.source.text == "the militia"


def test_a_when_clause_happens_at_its_verbs_time(nlp: Language) -> None:
    text = "Zembla's request won support on Sunday when Marlow's parliament backed the plan."
    backed = next(e for e in events_of(nlp, text) if e.trigger == "backed")
    assert backed.date == "2021-03-07" and backed.date_stated


def test_coordinated_verbs_share_the_object(nlp: Language) -> None:
    evs = events_of(nlp, "The blast killed and wounded dozens of people in Zembla.")
    for trigger in ("killed", "wounded"):
        ev = next(e for e in evs if e.trigger == trigger)
        assert ev.target is not None and ev.target.text.startswith("dozens of people")


def test_review_guards_on_shared_objects_which_clauses_means_and_present(
    nlp: Language,
) -> None:
    two = events_of(nlp, "Protesters attacked, and police arrested dozens of people.")
    attacked = next(e for e in two if e.trigger == "attacked")
    assert attacked.target is None  # the arrest has its own subject
    text = (
        "After the bombing, the government, which killed 25 protesters last year, imposed a curfew."
    )
    killed = next(e for e in events_of(nlp, text) if e.trigger == "killed")
    assert killed.source is not None and "government" in killed.source.text
    assert "anaphor" not in killed.rule
    charged = events_of(nlp, "Zembla was charged on Monday with the killing of the diplomat.")
    killing = next(e for e in charged if e.trigger == "killing")
    assert not killing.date_stated  # charged on Monday, not killed on Monday
    news = one(events_of(nlp, "Zembla launches missiles at Marlow bases."), "ASSAULT")
    assert "background(" not in news.rule
    strikes = (
        "The rally came after Marlow air strikes on depots run by the Zembla militia, "
        "which killed at least 12 guards."
    )
    deaths = next(e for e in events_of(nlp, strikes) if e.trigger == "killed")
    assert "background(" not in deaths.rule


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The delay sparked protests across Zembla, sometimes meeting a crackdown.", "Zembla"),
        ("Protests erupted in Marlow on Tuesday over fuel prices.", "Marlow"),
        ("Thousands protested in Marlow on Tuesday.", "Marlow"),
        ("Protests were held in Marlow on Tuesday.", "Marlow"),
    ],
)
def test_a_protest_with_no_named_target_is_against_the_place_it_is_in(
    nlp: Language, text: str, place: str
) -> None:
    ev = one(events_of(nlp, text), "PROTEST")
    assert ev.target is not None and ev.target.text == place


def test_a_protest_with_neither_party_nor_place_is_no_event(nlp: Language) -> None:
    text = "Protests over the plane disaster lasted four days in November."
    assert not [e for e in events_of(nlp, text) if e.type == "PROTEST"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("A stampede at the Vell stadium on Tuesday killed at least 12 people.", "killed"),
        (
            "Friction grew after Zembla left the treaty, and reimposed sanctions on Vell.",
            "sanctions",
        ),
    ],
)
def test_a_capital_owed_to_the_sentence_start_makes_no_actor(
    nlp: Language, text: str, trigger: str
) -> None:
    (ev,) = [e for e in events_of(nlp, text) if e.trigger == trigger]
    assert ev.source is None


def test_an_acronym_at_the_sentence_start_is_an_actor(nlp: Language) -> None:
    (ev,) = [
        e
        for e in events_of(
            nlp, "ICE returned 11 oil paintings to the Marlow Municipal Museum in Zembla."
        )
    ]
    assert ev.source is not None and ev.source.text == "ICE"


@pytest.mark.parametrize(
    ("text", "standing"),
    [
        ("Marlow's economy shrank as Zemblan sanctions began to bite.", True),
        ("Farmers already hurt by Zemblan sanctions marched in Vell.", True),
        ("Zembla imposed new sanctions on Marlow.", False),
        ("The reimposition of Zemblan sanctions angered Marlow.", False),
        ("Zemblan sanctions on Marlow were announced on Friday.", False),
        ("Zembla placed sanctions on Marlow on Friday.", False),
        ("The European Union adopted sanctions against Marlow on Friday.", False),
        ("Zemblan sanctions on Marlow took effect on Friday.", False),
    ],
)
def test_a_measure_in_force_is_background(nlp: Language, text: str, standing: bool) -> None:
    sanctions = [e for e in events_of(nlp, text) if e.type == "SANCTION"]
    assert sanctions
    assert all(("background(standing)" in e.rule) == standing for e in sanctions)


def test_he_is_the_last_person_who_was_a_subject(nlp: Language) -> None:
    text = (
        "Piet Varan, the army chief, built a network of militias on behalf of Ilka Morrow. "
        "Outside the region, the army armed allied groups. "
        "He notably mobilized militia forces in Marlow."
    )
    (ev,) = [e for e in events_of(nlp, text) if e.trigger == "mobilized"]
    assert ev.source is not None and ev.source.entity_id == "PERSON:Piet Varan"


def test_him_is_not_the_subject_of_his_own_clause(nlp: Language) -> None:
    text = (
        "Piet Varan rose through the ranks of the Zemblan army. "
        "In 2019, Ilka Morrow awarded him the Order of the Star."
    )
    (ev,) = [e for e in events_of(nlp, text) if e.trigger == "awarded"]
    assert ev.target is not None and ev.target.entity_id == "PERSON:Piet Varan"


def test_leaving_an_agreement_is_a_rejection_not_a_retreat(nlp: Language) -> None:
    """PLOVER's RETREAT `withdraw` leaves territory; leaving a treaty rejects it."""
    for text in (
        "Zembla withdrew in 2018 from a nuclear deal between Zembla and world powers.",
        "President Varan pulled Zembla out of the arms treaty last year.",
        "Marlow's withdrawal in 2018 from the trade pact angered Tamsin.",
        "Zembla backed out of the nuclear deal last year.",
    ):
        ev = one(events_of(nlp, text), "REJECT")
        assert "+accord" in ev.rule or "back out" in ev.rule
    kept = one(events_of(nlp, "Zembla withdrew its troops from the border region on Monday."),
               "RETREAT")  # fmt: skip
    assert kept.mode == "withdraw"
    for text in ("Marlow released $6 billion in frozen assets from the prisoner swap deal.",
                 "The minister resigned from the negotiations."):  # fmt: skip
        assert not [e for e in events_of(nlp, text) if e.type == "REJECT"], text


def test_a_past_weekend_dates_its_clause(nlp: Language) -> None:
    text = "Zembla's president at the weekend threatened to bomb 52 sites in Marlow."
    ev = one(events_of(nlp, text, published=date(2020, 1, 8)), "THREATEN")
    assert (ev.date, ev.date_precision, ev.modality) == ("2020-W01-WE", "weekend", "asserted")
    jan = (date(2020, 1, 1), date(2020, 1, 31))
    assert select_events([ev], None, None, jan) == [ev]  # its Saturday and Sunday are in January
    assert select_events([ev], None, None, (date(2020, 6, 1), None)) == []


def test_a_dative_recipient_is_the_target_of_a_thing_given(nlp: Language) -> None:
    """spaCy labels "to X" after a given object a dative, not a preposition."""
    ev = one(events_of(nlp, "Zembla has granted political asylum to Piet Varan."), "CONCEDE")
    assert ev.target is not None and ev.target.text == "Piet Varan"


def test_opening_or_exchanging_fire_is_an_assault_on_the_prepositional_target(
    nlp: Language,
) -> None:
    """A lexicon entry may name the verb's object ("open fire"); the fire is no target."""
    ev = one(events_of(nlp, "Zemblan security forces opened fire on protesters in Vell."),
             "ASSAULT")  # fmt: skip
    assert ev.mode == "firearms" and ev.target is not None and ev.target.text == "protesters"
    ev = one(events_of(nlp, "Zemblan troops exchanged fire with Marlowian gunmen."), "ASSAULT")
    assert ev.target is not None and ev.target.text == "Marlowian gunmen"
    store = events_of(nlp, "The firm opened its fifth store.")
    assert not [e for e in store if e.type == "ASSAULT"]


def test_a_curfew_or_alert_with_no_named_target_is_laid_on_its_place(nlp: Language) -> None:
    """PLOVER's annotation marks the place a curfew, blockade or alert covers as target."""
    ev = one(events_of(nlp, "Zemblan authorities imposed a curfew in parts of Marlow."), "COERCE")
    assert ev.target is not None and ev.target.text == "Marlow"
    ev = one(events_of(nlp, "Zemblan troops remained on alert in Marlow."), "MOBILIZE")
    assert ev.target is not None and ev.target.text == "Marlow"
    ev = one(events_of(nlp, "Zembla imposed a curfew on its own border towns."), "COERCE")
    assert ev.target is None or ev.target.text != "Zembla"


def test_a_relative_clause_takes_the_date_of_the_phrase_it_describes(nlp: Language) -> None:
    text = "Crowds filled Vell after protests in November in which many demonstrators were killed."
    ev = one(events_of(nlp, text, published=date(2020, 1, 8)), "ASSAULT")
    assert (ev.date, ev.date_precision) == ("2019-11", "month")
    text = "The strike that killed 20 people drew protests in Marlow in May."
    ev = one(events_of(nlp, text, published=date(2020, 1, 8)), "ASSAULT")
    assert not ev.date_stated  # "in May" dates the protests, not the strike


def test_what_was_fired_is_no_target(nlp: Language) -> None:
    ev = one(events_of(nlp, "Rockets were fired at the Zemblan embassy on Monday."), "ASSAULT")
    assert ev.target is not None and ev.target.text == "the Zemblan embassy"
    sky = events_of(nlp, "Footage showed the missiles being fired into the night sky.")
    assert not [e for e in sky if e.type == "ASSAULT"]
    sent = one(events_of(nlp, "About 750 soldiers were being sent to Marlow."), "AID")
    assert sent.target is not None  # troops sent somewhere still make an event


def test_a_bare_definite_attack_noun_takes_the_victim_told_before(nlp: Language) -> None:
    text = ("A Zemblan drone strike on Friday killed Marlow's top general, Piet Varan. "
            "Zembla's president said he ordered the killing to stop a war.")  # fmt: skip
    events = events_of(nlp, text, published=date(2020, 1, 8))
    (order,) = [e for e in events if e.trigger == "killing"]
    assert order.target is not None and order.target.text == "Marlow's top general"
    assert "anaphor(the killing)" in order.rule
    alone = events_of(nlp, "Zembla's president said he ordered the killing to stop a war.")
    assert all(e.target is None for e in alone if e.trigger == "killing")


def test_second_review_cases(nlp: Language) -> None:
    """Shot people keep their event; a bare "opened fire" has no "fire" target; an
    object is no particle unless the lexicon names it; "which" clauses keep their day."""
    shot = one(events_of(nlp, "Three Zembla soldiers were shot dead in Marlow on Monday."),
               "ASSAULT")  # fmt: skip
    assert shot.target is not None and "soldiers" in shot.target.text
    fire = one(events_of(nlp, "Zembla troops opened fire overnight."), "ASSAULT")
    assert fire.target is None
    assert not events_of(nlp, "Tamsin pulled his back in training.")
    pact = one(events_of(nlp, "Zembla left the 2015 nuclear pact, which Vell abandoned.",
                         published=date(2020, 1, 8)), "REJECT")  # fmt: skip
    assert pact.date != "2015"
