"""Actors: NER corrections, cross-article resolution and country/sector coding."""

from __future__ import annotations

import pytest

from dateline.extract._actor_resolve import entity_id, surname_matches
from dateline.extract.actors import code_actor, extract_mentions, resolve_entities
from dateline.lexicons import load_lexicons
from dateline.models import Entity, Mention


@pytest.fixture(scope="module")
def nlp():
    from dateline.nlp import load_pipeline

    return load_pipeline()


def _mentions(nlp, text: str) -> list[Mention]:
    return extract_mentions(nlp(text))


def _by_name(entities: list[Entity], name: str) -> Entity:
    hits = [e for e in entities if e.name == name]
    assert hits, f"no entity {name!r} in {[e.name for e in entities]}"
    return hits[0]


# --- coding ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        ("Washington", "USA", "GOV"),
        ("the White House", "USA", "GOV"),
        ("Tehran", "IRN", "GOV"),
        ("the Kremlin", "RUS", "GOV"),
        ("the Pentagon", "USA", "MIL"),
        ("a spokesman for the Pentagon", "USA", "MIL"),
    ],
)
def test_capitals_and_buildings_stand_for_governments(phrase, country, sector):
    code = code_actor(phrase)
    assert (code.country, code.sector) == (country, sector)


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        ("Iranian forces", "IRN", "MIL"),
        ("the foreign minister", None, "GOV"),
        ("Iraqi militia leaders", "IRQ", "UAF"),
        ("Israeli troops", "ISR", "MIL"),
        ("a Turkish court", "TUR", "JUD"),
        ("French lawmakers", "FRA", "LEG"),
        ("Lebanese protesters", "LBN", "CVL"),
        ("the Quds Force", "IRN", "MIL"),
        ("Reuters", "GBR", "JRN"),
        ("Kenya", "KEN", None),
    ],
)
def test_nationality_and_role_coding(phrase, country, sector):
    code = code_actor(phrase)
    assert (code.country, code.sector) == (country, sector)


def test_backers_are_not_owners():
    assert code_actor("pro-Iranian militias").country is None
    code = code_actor("Iran-backed Kataib Hezbollah")
    assert (code.country, code.sector) == ("IRQ", "REB")


def test_possessive_country_owns_the_role():
    code = code_actor("Iran's U.N. ambassador")
    assert (code.country, code.sector) == ("IRN", "GOV")


def test_unknown_phrase_borrows_known_entity_coding():
    known = [Entity(id="x", name="Lena Varga", type="PERSON", country="HUN", sector="GOV")]
    assert code_actor("Lena Varga said").country is None
    code = code_actor("Lena Varga said", known)
    assert (code.country, code.sector) == ("HUN", "GOV")


def test_lexicons_load():
    lex = load_lexicons()
    assert lex.country_of("Iranian") == "IRN"
    assert lex.country_of("U.S.") == "USA"
    assert lex.agent("soldiers") == ("MIL", "")


# --- mentions ----------------------------------------------------------------


def test_titles_are_peeled_off_names(nlp):
    text = (
        "Iran's Supreme Leader Ayatollah Ali Khamenei warned Washington on Monday. "
        "Khamenei said the response would be harsh."
    )
    ms = _mentions(nlp, text)
    first = next(m for m in ms if m.name == "Ali Khamenei")
    assert first.text == "Ali Khamenei"
    assert first.role == "Supreme Leader"
    assert (first.country, first.sector) == ("IRN", "GOV")
    later = [m for m in ms if m.text == "Khamenei"]
    assert later and all(m.name == "Ali Khamenei" and m.label == "PERSON" for m in later)
    assert text[first.start : first.end] == "Ali Khamenei"


def test_role_with_organisation_before_name(nlp):
    text = "Pentagon spokesman Jonathan Hoffman told reporters the base was safe."
    ms = _mentions(nlp, text)
    hoffman = next(m for m in ms if m.name == "Jonathan Hoffman")
    assert hoffman.label == "PERSON"
    assert hoffman.role and "spokesman" in hoffman.role
    assert (hoffman.country, hoffman.sector) == ("USA", "MIL")


def test_rank_is_a_role_and_surname_keeps_person_label(nlp):
    text = (
        "A drone strike killed Major-General Qassem Soleimani near the airport. "
        "Mourners filled the streets after Soleimani was buried."
    )
    ms = _mentions(nlp, text)
    full = next(m for m in ms if m.text == "Qassem Soleimani")
    assert full.role and "General" in full.role
    assert not any("General" in m.text for m in ms)
    bare = [m for m in ms if m.text == "Soleimani"]
    assert bare and all(m.label == "PERSON" and m.name == "Qassem Soleimani" for m in bare)


def test_known_organisation_overrides_ner_label(nlp):
    ms = _mentions(nlp, "Kataib Hezbollah fired rockets at the base, officials said.")
    kh = next(m for m in ms if m.name == "Kataib Hezbollah")
    assert kh.label == "ORG"
    assert (kh.country, kh.sector) == ("IRQ", "REB")


def test_offsets_and_sentences(nlp):
    text = "The minister spoke. Later, Farid Okonkwo met U.S. envoys in Lagos."
    ms = _mentions(nlp, text)
    for m in ms:
        assert text[m.start : m.end] == m.text
        assert m.sentence_start <= m.start < m.end <= m.sentence_end


# --- resolution --------------------------------------------------------------


def test_aliases_merge_across_articles(nlp):
    articles = {
        "a1": "Defense Minister Farid Okonkwo met the envoys in Abuja on Monday.",
        "a2": "Okonkwo said on Tuesday that the talks had failed.",
        "a3": "Farid Okonkwo later left for London.",
    }
    by_article = {aid: _mentions(nlp, text) for aid, text in articles.items()}
    entities = resolve_entities(by_article)
    okonkwo = _by_name(entities, "Farid Okonkwo")
    assert okonkwo.type == "PERSON"
    assert set(okonkwo.articles) == {"a1", "a2", "a3"}
    assert {"Okonkwo", "Farid Okonkwo"} <= set(okonkwo.aliases)
    assert okonkwo.sector == "GOV"
    ids = {m.entity_key for ms in by_article.values() for m in ms if "Okonkwo" in m.text}
    assert ids == {okonkwo.id}


def test_shared_surname_is_not_merged(nlp):
    articles = {
        "a1": "Reporter Jeff Mason asked the president about the strike.",
        "a2": "Senator Tom Mason criticised the strike on Friday.",
        "a3": "Mason said the decision was a mistake.",
    }
    entities = resolve_entities({aid: _mentions(nlp, t) for aid, t in articles.items()})
    jeff = _by_name(entities, "Jeff Mason")
    tom = _by_name(entities, "Tom Mason")
    assert jeff.id != tom.id
    assert jeff.articles == ["a1"] and tom.articles == ["a2"]
    assert "Mason" not in jeff.aliases and "Mason" not in tom.aliases


def test_shared_first_name_is_not_merged(nlp):
    articles = {
        "a1": "Ahmed Rasheed reported from Baghdad.",
        "a2": "Ahmed Aboulenein reported from Baghdad.",
    }
    entities = resolve_entities({aid: _mentions(nlp, t) for aid, t in articles.items()})
    assert _by_name(entities, "Ahmed Rasheed").id != _by_name(entities, "Ahmed Aboulenein").id


def test_surname_ambiguous_within_article_stays_apart(nlp):
    text = (
        "Jeff Mason and his brother Tom Mason arrived in Cairo on Monday. "
        "Mason said the trip was long."
    )
    ms = _mentions(nlp, text)
    bare = [m for m in ms if m.text == "Mason"]
    assert bare and all(m.name == "Mason" for m in bare)


def test_surname_matching_and_stable_ids():
    assert surname_matches("Abdul Mahdi", ["Adel Abdul Mahdi", "Abu Mahdi al-Muhandis"]) == [
        "Adel Abdul Mahdi"
    ]
    assert surname_matches("Muhandis", ["Abu Mahdi al-Muhandis"]) == ["Abu Mahdi al-Muhandis"]
    assert surname_matches("Ahmed", ["Ahmed Rasheed"]) == []
    assert entity_id("PERSON", "Farid Okonkwo") == entity_id("PERSON", "Farid Okonkwo")
    assert entity_id("PERSON", "Farid Okonkwo") != entity_id("ORG", "Farid Okonkwo")


def test_unknown_name_owning_state_organs_is_a_country() -> None:
    from dateline.extract.actors import extract_mentions
    from dateline.nlp import parse

    text = (
        "Zembla's navy said on Monday it had detained a trawler. "
        "Zembla Foreign Minister Anja Hollis called the crew spies, and Zembla demanded calm."
    )
    labels = {m.label for m in extract_mentions(parse(text)) if m.name == "Zembla"}
    assert labels == {"GPE"}


def test_a_person_owning_an_army_stays_a_person() -> None:
    from dateline.extract.actors import extract_mentions
    from dateline.nlp import parse

    text = "General Tomas Marlow ordered an advance. Marlow's army crossed the river on Monday."
    labels = {m.label for m in extract_mentions(parse(text)) if "Marlow" in m.name}
    assert labels == {"PERSON"}


def test_names_differing_only_in_case_are_one_entity() -> None:
    from dateline.models import Mention

    def org(name: str) -> Mention:
        return Mention(name, 0, len(name), 0, 40, "ORG", name)

    entities = resolve_entities({"a1": [org("ISIS")], "a2": [org("Isis"), org("ISIS")]})
    assert [(e.name, e.mentions) for e in entities] == [("ISIS", 3)]


def test_a_later_bare_tail_of_an_organisation_is_that_organisation(nlp):
    text = (
        "The Revolutionary Guards fired rockets on Monday, officials said. It took days for "
        "the Guards to admit it. The Zembla Liberation Front and the Marlow Liberation Front "
        "met. Fighters of the Front were seen."
    )
    mentions = _mentions(nlp, text)
    guards = [m for m in mentions if m.text == "Guards"]
    assert guards and guards[0].rule == "tail-rescan" and guards[0].country == "IRN"
    fronts = [m for m in mentions if m.text == "Front"]
    assert all(m.rule != "tail-rescan" for m in fronts)  # two fronts: which one?
