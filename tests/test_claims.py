"""Claims: attribution of quantities, and conflicts between claims across articles."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.extract.claims import extract_claims
from dateline.extract.quantities import extract_quantities
from dateline.models import Claim, Quote
from dateline.nlp import parse
from dateline.story.conflicts import compatible, conflict_text, group_claims, interval

PUB = date(2020, 1, 8)


def _claims(text: str, quotes: list[Quote] | None = None, publisher: str | None = "Reuters"):
    doc = parse(text)
    return extract_claims(extract_quantities(text, doc), quotes or [], doc, PUB, publisher)


def test_attribution_inside_quote() -> None:
    text = 'The general said: "We fired 16 rockets at the base." He left.'
    start = text.index("We fired")
    end = text.index('."') + 1
    quote = Quote(text=text[start:end], kind="direct", start=start, end=end, speaker="Gen. Smith")
    (claim,) = _claims(text, [quote])
    assert claim.value == 16 and claim.category == "weapons"
    assert claim.attributed_to == "Gen. Smith" and claim.attribution == "quote"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Iranian state television said 80 U.S. troops were killed.", "Iranian state television"),
        ("Washington said 15 missiles hit two bases.", "Washington"),
        ("Twelve soldiers were wounded, the Pentagon said.", "Pentagon"),
        ("According to the ministry, 40 protesters were arrested.", "ministry"),
    ],
)
def test_attribution_by_cue(text: str, source: str) -> None:
    claims = [c for c in _claims(text) if c.value]
    assert claims, text
    assert claims[0].attributed_to == source
    assert claims[0].date == "2020-01-08"
    assert claims[0].sentence == text


def test_attribution_defaults_to_publisher() -> None:
    (claim,) = _claims("Five people were killed in the blast.")
    assert claim.attributed_to == "Reuters" and claim.attribution == "publisher"
    (anon,) = _claims("Five people were killed in the blast.", publisher=None)
    assert anon.attributed_to is None


def test_other_quantities_are_not_claims() -> None:
    assert _claims("The town has 12 schools and a 30-minute bus ride.") == []


def _c(value: float, change: str = "=", *, what: str = "troops", category: str = "killed",
       source: str = "A", value_max: float | None = None, vague: bool = False,
       when: str | None = "2020-01-08") -> Claim:  # fmt: skip
    return Claim(
        value=value, value_max=value_max, qualifier=None, change=change, unit=what, what=what,
        category=category, attributed_to=source, date=when, start=0, end=1, sentence="",
        vague=vague,
    )  # fmt: skip


def _group(*claims: Claim):
    groups = group_claims(list(claims))
    assert len(groups) == 1, [(g.what, len(g.claims)) for g in groups]
    return groups[0]


def test_exact_values_that_differ_conflict() -> None:
    a, b = _c(15, what="missiles", category="weapons"), _c(16, what="rockets", category="weapons")
    g = _group(a, b)
    assert g.conflict and a.conflict and b.conflict
    assert a.group_id == b.group_id == g.id
    assert [s.label for s in g.sides] == ["15", "16"]


def test_eighty_against_zero_conflicts() -> None:
    iran = _c(80, what="U.S. troops", source="Iranian state television")
    us = _c(0, what="casualties", source="Washington")
    g = _group(iran, us)
    assert g.conflict
    assert {s for side in g.sides for s in side.sources} == {"Iranian state television",
                                                             "Washington"}  # fmt: skip


def test_at_least_twice_is_compatible() -> None:
    g = _group(_c(25, ">"), _c(25, ">", source="B"))
    assert not g.conflict and len(g.sides) == 1 and g.sides[0].sources == ["A", "B"]


def test_at_least_and_a_larger_exact_value_are_compatible() -> None:
    assert not _group(_c(25, ">"), _c(30)).conflict
    assert _group(_c(25, ">"), _c(20)).conflict


def test_ranges_and_approximations() -> None:
    assert not _group(_c(10, value_max=15), _c(12, value_max=20)).conflict
    assert not _group(_c(100, "~"), _c(108)).conflict
    assert _group(_c(100, "~"), _c(150)).conflict


def test_orders_of_magnitude_conflict() -> None:
    hundreds = _c(1e5, "~", value_max=1e6, vague=True, what="people", category="crowd")
    millions = _c(1e6, "~", value_max=1e7, vague=True, what="people", category="crowd")
    assert not compatible(hundreds, millions)
    assert interval(_c(25, ">")) == (25, float("inf"))


def test_different_things_dates_and_places_are_not_grouped() -> None:
    assert len(group_claims([_c(15, what="missiles", category="weapons"), _c(16)])) == 2
    assert len(group_claims([_c(15), _c(16, when="2020-01-20")])) == 2
    assert len(group_claims([_c(15, what="U.S. troops"), _c(16, what="Iranian troops")])) == 2


def test_a_conflict_is_named_by_its_most_specific_noun() -> None:
    people = _c(9, what="people", category="arrested", source="state radio")
    fishers = _c(12, what="Zemblan fishermen", category="arrested", source="the navy")
    assert _group(people, fishers).conflict
    text = conflict_text([people, fishers], {})
    assert text.startswith("CONFLICT arrested: Zemblan fishermen (2020-01-08)")


def test_men_and_women_are_not_any_people() -> None:
    men, women = _c(15, what="men", category="arrested"), _c(20, what="women", category="arrested")
    assert len(group_claims([men, women])) == 2


def test_group_ids_are_stable() -> None:
    first = [g.id for g in group_claims([_c(15), _c(16)])]
    second = [g.id for g in group_claims([_c(16), _c(15)])]
    assert first == second


# -- causes, crowds, troops, attribution details ---------------------------------------


def test_cause_of_casualty_figures() -> None:
    (stampede,) = _claims("A stampede at the funeral on Tuesday killed at least 56 people.")
    assert stampede.cause == "stampede"
    strike = _claims("Air strikes on the depots, which killed 25 fighters and wounded 55, ended.")
    assert [(c.value, c.cause) for c in strike] == [(25, "strike"), (55, "strike")]
    (shot,) = _claims("Gunners shot down a passenger jet, killing all 176 people on board.")
    assert shot.cause == "shoot"
    (unknown,) = _claims("State television said 80 soldiers had been killed.")
    assert unknown.cause is None


def test_different_causes_are_different_things() -> None:
    a = _c(56, what="people", source="A")
    a.cause = "stampede"
    b = _c(80, what="people", source="B")
    assert len(group_claims([a, b])) == 2
    c = _c(90, what="people", source="C")
    c.cause = "stampede"
    assert _group(a, c).conflict


def test_crowds_are_compared_on_the_same_day_and_activity() -> None:
    def crowd(v: float, when: str | None, cause: str = "gather", what: str = "mourners") -> Claim:
        c = _c(v, "~", value_max=v * 10, vague=True, what=what, category="crowd", when=when)
        c.cause = cause
        return c

    assert _group(crowd(1e5, "2020-01-06"), crowd(1e6, "2020-01-06", what="crowd")).conflict
    assert len(group_claims([crowd(100, "2020-01-06"), crowd(1e5, "2020-01-07")])) == 2
    assert len(group_claims([crowd(100, "2020-01-06"), crowd(1e3, None)])) == 2
    assert len(group_claims([crowd(100, "2020-01-06"), crowd(1e3, "2020-01-06", "tell")])) == 2


def test_troop_figures_group_without_conflict() -> None:
    g = _group(
        _c(750, what="troops", category="troops"), _c(4000, what="troops", category="troops")
    )
    assert not g.conflict


def test_figures_of_people_addressed_or_single_people_are_not_claims() -> None:
    told = _claims("The cleric told thousands of worshippers that the fight would go on.")
    assert all(c.attributed_to == "Reuters" for c in told)
    assert _claims("One soldier from Ohio said he was ready.") == []


def test_relative_pronoun_is_not_the_source_and_numbered_in_counts() -> None:
    text = "The crowd, which state media said numbered in the millions, filled the square."
    (claim,) = _claims(text)
    assert claim.what == "crowd" and claim.category == "crowd" and claim.value == 1e6
    assert claim.attributed_to == "state media"


def test_fishermen_are_some_of_the_men_but_not_of_the_women() -> None:
    men = _c(12, what="men", category="arrested", source="the navy")
    fishers = _c(9, what="Zemblan fishermen", category="arrested", source="state radio")
    (group,) = group_claims([men, fishers])
    assert group.conflict
    assert conflict_text([men, fishers], {}).startswith("CONFLICT arrested: Zemblan fishermen")
    women = _c(20, what="women", category="arrested")
    assert len(group_claims([_c(9, what="fishermen", category="arrested"), women])) == 2
    police = _c(20, what="policewomen", category="arrested")
    assert len(group_claims([_c(9, what="men", category="arrested"), police])) == 2
    assert len(group_claims([_c(9, what="women", category="arrested"), police])) == 1
