"""Quantities: numbers in digits and words, ranges, qualifiers, zero claims, categories."""

from __future__ import annotations

import pytest

from dateline.extract.quantities import extract_quantities


def _q(text: str):
    return extract_quantities(text)


def _one(text: str):
    qs = _q(text)
    assert len(qs) == 1, [(q.text, q.value) for q in qs]
    return qs[0]


@pytest.mark.parametrize(
    ("text", "value", "value_max"),
    [
        ("Five soldiers arrived at the base.", 5, None),
        ("The rebels fired a dozen rockets.", 12, None),
        ("Twenty-five protesters gathered outside.", 25, None),
        ("Hundreds of thousands of people marched in the capital.", 1e5, 1e6),
        ("Tens of thousands of mourners filled the streets.", 1e4, 1e5),
        ("The plan will cost 1.5 million dollars.", 1.5e6, None),
        ("Two-thirds of the voters stayed home.", 2 / 3, None),
    ],
)
def test_number_words_and_scales(text: str, value: float, value_max: float | None) -> None:
    q = _one(text)
    assert q.value == pytest.approx(value)
    if value_max is None:
        assert q.value_max is None
    else:
        assert q.value_max == pytest.approx(value_max)


def test_money_percent_and_hyphenated_units() -> None:
    money = _one("The ministry approved $50 billion for the program.")
    assert money.value == 5e10 and money.category == "money" and money.unit == "$"
    pct = _one("Prices rose 3% last month.")
    assert pct.value == 3 and pct.unit_normalized == "percentage" and pct.change == "up"
    bomb = _one("A 75-pound bomb hit the bridge.")
    assert bomb.value == 75 and bomb.unit_normalized == "pound" and bomb.category == "other"


@pytest.mark.parametrize(
    "text",
    [
        "Between 10 and 15 rockets landed.",
        "Some 10 to 15 rockets landed.",
        "The 10-15 rockets landed.",
    ],  # fmt: skip
)
def test_ranges(text: str) -> None:
    q = _one(text)
    assert (q.value, q.value_max) == (10, 15)
    assert q.what == "rockets" and q.category == "weapons"


@pytest.mark.parametrize(
    ("text", "change", "qualifier"),
    [
        ("At least 25 people were killed.", ">", "At least"),
        ("More than 300 protesters were arrested.", ">", "More than"),
        ("About 40 soldiers were wounded.", "~", "About"),
        ("Up to 400 troops will be deployed.", "<", "Up to"),
        ("Nearly 60 civilians fled the town.", "~", "Nearly"),
        ("Fewer than 20 missiles hit the base.", "<", "Fewer than"),
        ("As many as 14 drones were launched.", "<", "As many as"),
    ],
)
def test_qualifiers(text: str, change: str, qualifier: str) -> None:
    q = _one(text)
    assert q.change == change
    assert q.qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The attack killed 80 people in the town.", "killed"),
        ("Officials said 80 people were killed.", "killed"),
        ("At least 12 villagers were injured in the blast.", "wounded"),
        ("Police detained 45 demonstrators.", "arrested"),
        ("Iran launched 15 missiles at the base.", "weapons"),
        ("The Pentagon will send 3,000 troops to the region.", "troops"),
        ("Thousands of protesters gathered in the square.", "crowd"),
        ("The town has 12 schools.", "other"),
    ],
)
def test_categories(text: str, category: str) -> None:
    qs = [q for q in _q(text) if q.value]
    assert qs and qs[0].category == category, [(q.text, q.category) for q in qs]


def test_counted_object_phrase() -> None:
    q = _one("Iran fired 15 short-range ballistic missiles at two bases overnight.".replace(
        " at two bases", ""))  # fmt: skip
    assert q.what == "short-range ballistic missiles"
    assert _one("He said 80 U.S. troops were killed.").what == "U.S. troops"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("None of their troops were hurt in the attack.", "wounded"),
        ("The military did not announce any casualties.", "killed"),
        ("There were no casualties at the base.", "killed"),
        ("No one was killed in the strike.", "killed"),
    ],
)
def test_zero_claims(text: str, category: str) -> None:
    q = _one(text)
    assert q.value == 0 and q.category == category and q.rule == "zero"


def test_no_zero_claim_for_ordinary_nouns() -> None:
    assert _q("There's no GPS and no NFC on the tablet.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The strike took place on Jan. 3.",
        "The company was founded in 2018.",
        "The meeting ended at 2:30 p.m. on Friday.",
        "Soldiers of the 82nd Airborne Division left.",
        "It is the second most powerful army in the region.",
        "The FTSE 100 closed higher.",
        "She lives at 49 Zorro Ranch Road.",
        "The iPhone 11 is popular.",
    ],
)
def test_dates_times_ordinals_and_labels_are_not_quantities(text: str) -> None:
    assert _q(text) == []


def test_offsets_point_into_text() -> None:
    text = "Officials said more than 1,000 people were evacuated."
    q = _one(text)
    assert text[q.start : q.end].startswith("more than 1,000")
    assert q.value == 1000 and q.category == "displaced"
