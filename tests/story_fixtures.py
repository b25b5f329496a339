"""Hand-built articles, events, claims and quotes for the story and report tests."""

from __future__ import annotations

import re
from datetime import date

from dateline.models import Article, Claim, Entity, Event, EventActor, EventLocation, Quote
from dateline.story.build import StoryData, build_story
from dateline.story.conflicts import group_claims

_SENT_END = re.compile(r"(?<!U\.S)[.!?\"]\s")
HOSTILE = "<script>alert('pwned')</script> Iran says <b>80</b> & more"

TEXTS = {
    "a1": (
        date(2020, 1, 3),
        "U.S. kills Iran's top general",
        "A U.S. drone strike killed Iranian commander Qassem Soleimani at Baghdad airport on "
        "Friday. Trump threatened to strike 52 Iranian sites if Iran retaliated. "
        '"We took action to stop a war," Trump said.',
    ),
    "a2": (
        date(2020, 1, 4),
        "Soleimani killed in Baghdad",
        "The United States killed Soleimani in an air strike in Baghdad on Friday. "
        "Tensions have risen since Washington's withdrawal in 2018 from the nuclear deal.",
    ),
    "a3": (
        date(2020, 1, 9),
        "Iran fires missiles at U.S. bases",
        "Iran fired missiles at U.S. bases in Iraq on Wednesday. No casualties were reported, "
        "the Pentagon said. The strike followed the U.S. killing of Soleimani in Baghdad. "
        '"All is well," Trump said.',
    ),
    "a4": (
        date(2020, 1, 9),
        HOSTILE,
        "Iranian state television said 80 U.S. troops were killed in the attack on Wednesday. "
        '"<script>alert(1)</script> We slapped them," Khamenei said.',
    ),
}


def article(aid: str) -> Article:
    published, title, text = TEXTS[aid]
    return Article(id=aid, identity=aid, content_hash=aid, text=text, origin="test",
                   title=title, source="Wire", published=published)  # fmt: skip


def actor(text: str, country: str | None, sector: str | None = None,
          entity: str | None = None) -> EventActor:  # fmt: skip
    return EventActor(text=text, country=country, sector=sector, entity_id=entity)


def event(aid: str, sentence_part: str, trigger: str, etype: str, **kw: object) -> Event:
    """An event in article ``aid`` in the sentence containing ``sentence_part``.

    Keyword overrides: source, target, location, date, date_precision, date_stated,
    modality, intensity.
    """
    text = TEXTS[aid][2]
    at = text.index(sentence_part)
    ends = [m.end() for m in _SENT_END.finditer(text)]
    s_start = max([e for e in ends if e <= at], default=0)
    s_end = min([e for e in ends if e > at], default=len(text)) - 1
    s_end = len(text) if s_end >= len(text) - 1 else s_end
    t_start = text.index(trigger, s_start)
    ev = Event(
        id=f"{aid}-{t_start}-{etype}", article_id=aid, type=etype, mode=None, cameo=None,
        quad=4, intensity=-10.0 if etype == "ASSAULT" else -4.0, source=None, target=None,
        location=None, date=TEXTS[aid][0].isoformat(), date_precision="day",
        modality="asserted", attributed_to=None, sentence=text[s_start:s_end],
        sentence_start=s_start, sentence_end=s_end, trigger=trigger, trigger_start=t_start,
        trigger_end=t_start + len(trigger), start=s_start, end=s_end, rule="test",
    )  # fmt: skip
    for key, value in kw.items():
        setattr(ev, key, value)
    return ev


USA_MIL = actor("U.S. drone strike", "USA", "MIL")
SOLEIMANI = actor("Qassem Soleimani", "IRN", "MIL", "ent-soleimani")
BAGHDAD = EventLocation(text="Baghdad", country="IRQ")


def events() -> list[Event]:
    jan3 = {"date": "2020-01-03", "date_stated": True}
    return [
        event("a1", "A U.S. drone strike", "killed", "ASSAULT", source=USA_MIL,
              target=SOLEIMANI, location=BAGHDAD, **jan3),
        event("a1", "Trump threatened", "strike", "ASSAULT", source=actor("Trump", "USA", "GOV"),
              target=actor("52 Iranian sites", "IRN"), modality="threatened", date=None,
              date_precision="unknown"),
        event("a2", "The United States killed", "killed", "ASSAULT",
              source=actor("The United States", "USA"),
              target=actor("Soleimani", "IRN", "MIL", "ent-soleimani"), location=BAGHDAD, **jan3),
        event("a2", "withdrawal in 2018", "withdrawal", "RETREAT",
              source=actor("Washington", "USA", "GOV"), target=actor("the nuclear deal", None),
              date="2018", date_precision="year", date_stated=True, intensity=-2.0),
        event("a3", "Iran fired missiles", "fired", "ASSAULT", source=actor("Iran", "IRN"),
              target=actor("U.S. bases", "USA", "MIL"), date="2020-01-08", date_stated=True),
        event("a3", "The strike followed", "killing", "ASSAULT", source=actor("U.S.", "USA"),
              target=actor("Soleimani", "IRN", "MIL", "ent-soleimani"), location=BAGHDAD),
        event("a4", "Iranian state television", "attack", "ASSAULT",
              source=actor("Iran", "IRN"), target=actor("U.S. troops", "USA", "MIL"),
              date="2020-01-08", date_stated=True, modality="reported"),
    ]  # fmt: skip


def claims() -> list[Claim]:
    def claim(aid: str, part: str, value: float, source: str, what: str) -> Claim:
        text = TEXTS[aid][2]
        at = text.index(part)
        return Claim(
            value=value,
            value_max=None,
            qualifier=None,
            change="=",
            unit=what,
            what=what,
            category="killed",
            attributed_to=source,
            date="2020-01-08",
            start=at,
            end=at + len(part),
            sentence=part,
            text=part,
            article_id=aid,
            id=f"c-{aid}-{at}",
        )

    return [
        claim("a3", "No casualties were reported, the Pentagon said.", 0, "Pentagon",
              "casualties"),
        claim("a4", "Iranian state television said 80 U.S. troops were killed in the attack on "
              "Wednesday.", 80, "Iranian state television", "U.S. troops"),
    ]  # fmt: skip


def quotes() -> list[Quote]:
    out = []
    for aid, part, speaker, ent in (
        ("a1", "We took action to stop a war,", "Trump", "ent-trump"),
        ("a3", "All is well,", "Trump", "ent-trump"),
        ("a4", "<script>alert(1)</script> We slapped them,", "Khamenei", None),
    ):
        text = TEXTS[aid][2]
        at = text.index(part)
        out.append(Quote(text=part, kind="direct", start=at, end=at + len(part), speaker=speaker,
                         speaker_entity_id=ent, article_id=aid, id=f"q-{aid}-{at}"))  # fmt: skip
    return out


def story_data() -> StoryData:
    data = StoryData(
        articles=[article(a) for a in TEXTS],
        events=events(),
        claim_groups=group_claims(claims()),
        quotes=quotes(),
        entities=[Entity(id="ent-trump", name="Donald Trump", type="PERSON", country="USA",
                         sector="GOV"),
                  Entity(id="ent-soleimani", name="Qassem Soleimani", type="PERSON",
                         country="IRN", sector="MIL")],
    )  # fmt: skip
    return build_story(data)
