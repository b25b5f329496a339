"""Tests for dateline.extract.quotes (sentences invented for these tests)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dateline.extract._quote_lexicon import load_cues, parse_lexicon, speech_lemmas
from dateline.extract._quote_marks import find_quote_spans
from dateline.extract.quotes import extract_quotes
from dateline.models import Quote
from dateline.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def quotes_of(nlp: Language, text: str) -> list[Quote]:
    return extract_quotes(nlp(text))


def span(text: str, start: int | None, end: int | None) -> str | None:
    if start is None or end is None:
        return None
    return text[start:end]


def only(qs: list[Quote], kind: str) -> list[Quote]:
    return [q for q in qs if q.kind == kind]


# ---------------------------------------------------------------------------
# quotation marks
# ---------------------------------------------------------------------------


def test_marks_apostrophes_are_not_quotes() -> None:
    text = "The mayor’s plan didn’t pass, and the council’s vote was close."
    assert find_quote_spans(text) == []


def test_marks_single_curly_quote_at_word_start() -> None:
    text = "She called it ‘a bad idea’ and left the town’s hall."
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["‘a bad idea’"]


def test_marks_nested_quotes_are_one_span() -> None:
    text = "“He told me ‘never again’ that night,” she said."
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["“He told me ‘never again’ that night,”"]


def test_marks_multi_paragraph_quote() -> None:
    text = "“The bridge was old.\n\n“We had warned them for years,” he said."
    spans = find_quote_spans(text)
    assert len(spans) == 1
    assert text[spans[0].start : spans[0].end] == text[: text.index(",”") + 2]
    assert len(spans[0].parts) == 2


def test_marks_unclosed_quote_ends_with_paragraph() -> None:
    text = "“The bridge was old.\n\nThe river rose again on Monday."
    spans = find_quote_spans(text)
    assert len(spans) == 1
    assert spans[0].closed is False
    assert text[spans[0].start : spans[0].end] == "“The bridge was old."


# ---------------------------------------------------------------------------
# direct quotes
# ---------------------------------------------------------------------------


def test_direct_quote_cue_after_with_named_speaker(nlp: Language) -> None:
    text = "“The harvest was poor this year,” said Lena Okafor, a farmer."
    (q,) = quotes_of(nlp, text)
    assert q.kind == "direct"
    assert q.text == "The harvest was poor this year,"
    assert span(text, q.start, q.end) == "“The harvest was poor this year,”"
    assert q.speaker is not None and q.speaker.startswith("Lena Okafor")
    assert q.cue == "said"
    assert span(text, q.cue_start, q.cue_end) == "said"
    assert q.date is None
    assert q.rule.startswith("direct-cue-after")


def test_split_quote_is_one_quote(nlp: Language) -> None:
    text = (
        "Martin Dubois spoke first. “If the rain keeps up, the roads will flood,” "
        "he said, “and then nobody can reach the clinic.”"
    )
    qs = only(quotes_of(nlp, text), "direct")
    assert len(qs) == 1
    q = qs[0]
    assert q.start == text.index("“If")
    assert q.end == len(text)
    assert "roads will flood" in q.text and "nobody can reach the clinic" in q.text
    assert "he said" not in q.text
    assert q.rule.endswith("+split")
    assert span(text, q.speaker_start, q.speaker_end) == "he"
    assert q.speaker == "Martin Dubois"


def test_straight_quotes(nlp: Language) -> None:
    text = 'Priya Raman said: "The library will open on Sunday."'
    (q,) = quotes_of(nlp, text)
    assert q.kind == "direct"
    assert q.text == "The library will open on Sunday."
    assert q.speaker == "Priya Raman"
    assert q.rule == "direct-cue-before"


def test_single_curly_quote_used_as_quotation(nlp: Language) -> None:
    text = "‘We’re not leaving,’ said Tomas Varga, who didn’t look up."
    qs = only(quotes_of(nlp, text), "direct")
    assert len(qs) == 1
    assert qs[0].text == "We’re not leaving,"
    assert qs[0].speaker is not None and qs[0].speaker.startswith("Tomas Varga")


def test_nested_quote_stays_inside_outer(nlp: Language) -> None:
    text = "“My father used to say ‘keep the gate shut’ every night,” Ana Silva said."
    qs = quotes_of(nlp, text)
    assert len(qs) == 1
    assert "‘keep the gate shut’" in qs[0].text
    assert qs[0].speaker == "Ana Silva"


def test_multi_paragraph_quote_is_one_record(nlp: Language) -> None:
    text = (
        "Rosa Lind, a nurse, described the night.\n\n"
        "“The lights went out at nine.\n\n"
        "“Then the generators failed too,” she said."
    )
    qs = only(quotes_of(nlp, text), "direct")
    assert len(qs) == 1
    q = qs[0]
    assert q.start == text.index("“The lights")
    assert "generators failed" in q.text and "lights went out" in q.text
    assert q.speaker == "Rosa Lind"
    assert span(text, q.speaker_start, q.speaker_end) == "she"


def test_quote_paragraph_continues_previous_speaker(nlp: Language) -> None:
    text = (
        "“We will rebuild the school,” said Omar Haddad, the village head.\n\n"
        "“The children deserve nothing less.”"
    )
    qs = only(quotes_of(nlp, text), "direct")
    assert len(qs) == 2
    second = qs[1]
    assert second.rule == "direct-previous-paragraph"
    assert second.text == "The children deserve nothing less."
    assert second.speaker is not None and second.speaker.startswith("Omar Haddad")
    assert second.cue is None


def test_uncued_quote_after_narration_is_unattributed(nlp: Language) -> None:
    text = "The storm passed by noon.\n\n“Nobody expected this.”"
    (q,) = quotes_of(nlp, text)
    assert q.rule == "direct-unattributed"
    assert q.speaker is None


def test_partial_quote_inside_reported_speech(nlp: Language) -> None:
    text = "The minister said the city could not accept the “quiet blackmail” of the lenders."
    qs = quotes_of(nlp, text)
    partial = only(qs, "partial")
    indirect = only(qs, "indirect")
    assert len(partial) == 1 and len(indirect) == 1
    assert partial[0].text == "quiet blackmail"
    assert span(text, partial[0].start, partial[0].end) == "“quiet blackmail”"
    assert partial[0].speaker == "The minister"
    assert indirect[0].start <= partial[0].start and partial[0].end <= indirect[0].end


def test_scare_quote_without_cue_is_ignored(nlp: Language) -> None:
    text = "The so-called “green corridor” opened in May."
    assert quotes_of(nlp, text) == []


# ---------------------------------------------------------------------------
# reported speech
# ---------------------------------------------------------------------------


def test_said_that(nlp: Language) -> None:
    text = "Helen Park said that the factory would close in March."
    (q,) = quotes_of(nlp, text)
    assert q.kind == "indirect"
    assert q.text == "that the factory would close in March"
    assert q.speaker == "Helen Park"
    assert q.cue == "said"
    assert q.rule == "indirect-ccomp"


@pytest.mark.parametrize(
    "text",
    [
        "The Vell mayor said in a statement that the bridge was safe.",
        "Officials in Marlow said in a statement on Friday that the pier had been repaired.",
    ],
)
def test_a_that_clause_parsed_under_the_statement_is_what_was_said(
    nlp: Language, text: str
) -> None:
    (q,) = quotes_of(nlp, text)
    assert q.kind == "indirect" and q.cue == "said" and q.text.startswith("that ")


def test_continued_is_a_cue(nlp: Language) -> None:
    (q,) = quotes_of(nlp, "“We have the money for the bridge,” Mayor Ana Brisk continued.")
    assert q.kind == "direct" and q.cue == "continued" and q.speaker == "Mayor Ana Brisk"
    assert quotes_of(nlp, "Protests in Marlow continued on Monday.") == []
    # only of quotation marks: a strike that goes on says nothing
    assert quotes_of(nlp, "The Vell bridge stayed shut on Monday, the strike continued.") == []


def test_a_relative_that_after_a_day_is_no_quote(nlp: Language) -> None:
    assert quotes_of(nlp, "The mayor spoke on the day that the Vell bridge reopened.") == []


def test_recalling_an_envoy_or_sharing_a_border_says_nothing(nlp: Language) -> None:
    assert quotes_of(nlp, "Zembla recalled its ambassador to Lorvania on Friday.") == []
    assert quotes_of(nlp, "The two towns share a border along the Vell river.") == []
    (q,) = quotes_of(nlp, "Ana Brisk recalled that the ferry had never been late.")
    assert q.speaker == "Ana Brisk" and q.cue == "recalled"


def test_according_to(nlp: Language) -> None:
    text = "According to the fire department, the blaze started in a kitchen."
    (q,) = quotes_of(nlp, text)
    assert q.kind == "indirect"
    assert q.cue == "According to"
    assert q.speaker == "the fire department"
    assert q.text == "the blaze started in a kitchen"
    assert q.rule == "indirect-according-to"


def test_told_reporters(nlp: Language) -> None:
    text = "Coach Ben Alvarez told reporters the team was ready for the final."
    (q,) = quotes_of(nlp, text)
    assert q.kind == "indirect"
    assert q.cue == "told"
    assert q.text == "the team was ready for the final"
    assert "Ben Alvarez" in (q.speaker or "")


def test_wrote_on_twitter(nlp: Language) -> None:
    text = "Senator Ruth Moyo wrote on Twitter that the bill was a mistake."
    (q,) = quotes_of(nlp, text)
    assert q.cue == "wrote"
    assert q.text == "that the bill was a mistake"
    assert "Ruth Moyo" in (q.speaker or "")


def test_denied(nlp: Language) -> None:
    text = "The company denied the allegations on Friday."
    (q,) = quotes_of(nlp, text)
    assert q.kind == "indirect"
    assert q.cue == "denied"
    assert q.text == "the allegations"
    assert q.speaker == "The company"


def test_accused_of(nlp: Language) -> None:
    text = "The union accused the board of hiding the losses."
    (q,) = quotes_of(nlp, text)
    assert q.cue == "accused"
    assert q.text == "the board of hiding the losses"
    assert q.speaker == "The union"


def test_parenthetical_cue_after_content(nlp: Language) -> None:
    text = "The road will reopen next week, officials said."
    (q,) = quotes_of(nlp, text)
    assert q.text == "The road will reopen next week"
    assert q.speaker == "officials"
    assert q.cue == "said"


def test_verbs_inside_quotes_are_not_cues(nlp: Language) -> None:
    text = "“My brother said the river was safe,” Karl Berg said."
    qs = quotes_of(nlp, text)
    assert len(qs) == 1
    assert qs[0].kind == "direct" and qs[0].speaker == "Karl Berg"


# ---------------------------------------------------------------------------
# speakers
# ---------------------------------------------------------------------------


def test_pronoun_resolves_to_last_named_speaker(nlp: Language) -> None:
    text = (
        "Maria Costa, the mayor, said the budget was balanced. "
        "Paulo Reis said taxes would rise. "
        "He added that the plan was fair."
    )
    qs = quotes_of(nlp, text)
    assert [q.speaker for q in qs][:2] == ["Maria Costa, the mayor", "Paulo Reis"]
    last = qs[-1]
    assert span(text, last.speaker_start, last.speaker_end) == "He"
    assert last.speaker == "Paulo Reis"
    assert last.cue == "added"


def test_pronoun_without_antecedent_kept(nlp: Language) -> None:
    text = "She said the rain would stop."
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "She"


def test_title_and_name_speaker(nlp: Language) -> None:
    text = "Navy spokesman Daniel Ortiz said the ship had returned to port."
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Navy spokesman Daniel Ortiz"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“Best day of my life,” the letter gushed.", "the letter"),
        ("“We did it!” one cheered.", "one"),
        ("A sergeant said the gate had been locked.", "A sergeant"),
        ("National state radio said the border was closed.", "National state radio"),
    ],
)
def test_descriptive_speakers_kept_as_written(nlp: Language, text: str, speaker: str) -> None:
    qs = quotes_of(nlp, text)
    assert len(qs) == 1
    assert qs[0].speaker == speaker
    assert span(text, qs[0].speaker_start, qs[0].speaker_end) == speaker


def test_relative_pronoun_speaker_resolves_to_noun(nlp: Language) -> None:
    text = "The plan was drafted by Ingrid Holm, who said it would save money."
    qs = quotes_of(nlp, text)
    q = next(q for q in qs if q.cue == "said")
    assert span(text, q.speaker_start, q.speaker_end) == "who"
    assert q.speaker == "Ingrid Holm"


def test_offsets_point_into_text(nlp: Language) -> None:
    text = "“Prices are rising,” said Yuki Sato.\n\nShe said that rents doubled."
    for q in quotes_of(nlp, text):
        assert 0 <= q.start < q.end <= len(text)
        if q.cue_start is not None and q.cue_end is not None:
            assert text[q.cue_start : q.cue_end] == q.cue
        assert q.rule


# ---------------------------------------------------------------------------
# lexicon
# ---------------------------------------------------------------------------


def test_lexicon_parsing_and_classes() -> None:
    lex = parse_lexicon(
        ["# comment", "say speech", "accuse speech obj prep=of", "hope thought xcomp"]
    )
    assert lex["accuse"].obj and "of" in lex["accuse"].preps
    assert lex["hope"].xcomp and not lex["hope"].speech
    cues = load_cues()
    assert {"say", "tell", "deny", "accuse", "write", "tweet"} <= speech_lemmas()
    assert "believe" in cues and "believe" not in speech_lemmas()


def test_dash_attribution_after_quote(nlp: Language) -> None:
    text = "“The park should stay open for everyone.” ― Lucia Benn\n\nThe vote is on Friday."
    qs = quotes_of(nlp, text)
    assert len(qs) == 1
    assert qs[0].rule == "direct-dash"
    assert qs[0].speaker == "Lucia Benn"
    assert qs[0].cue == "―"


def test_transcript_colon_speaker(nlp: Language) -> None:
    text = "HARRIS: We have to finish the bridge before winter comes.\n\nThe host nodded."
    qs = quotes_of(nlp, text)
    assert len(qs) == 1
    assert qs[0].rule == "colon-speaker"
    assert qs[0].speaker == "HARRIS"
    assert qs[0].text == "We have to finish the bridge before winter comes."


def test_cue_before_with_colon(nlp: Language) -> None:
    text = 'Nadia Petrova said: "We are not done yet."'
    (q,) = quotes_of(nlp, text)
    assert q.cue == "said"
    assert q.speaker == "Nadia Petrova"
    assert q.text == "We are not done yet."


# ---------------------------------------------------------------------------
# continuation of an attribution sentence, colon cues, inverted speakers
# ---------------------------------------------------------------------------


def test_quote_after_its_attribution_sentence_is_the_same_quote(nlp: Language) -> None:
    text = (
        "“The bridge will reopen in March,” Mayor Lina Petrov said on the radio. "
        "“We owe the drivers that much.”"
    )
    direct = only(quotes_of(nlp, text), "direct")
    assert len(direct) == 1
    assert direct[0].speaker == "Mayor Lina Petrov"
    assert direct[0].text.endswith("We owe the drivers that much.")
    assert direct[0].rule.endswith("+continued")


def test_quote_after_a_partial_quote_takes_its_speaker(nlp: Language) -> None:
    text = (
        "The union “will not back down,” Olga Brandt said. “Our members have waited long enough.”"
    )
    direct = [q for q in only(quotes_of(nlp, text), "direct") if "members" in q.text]
    assert direct and direct[0].speaker == "Olga Brandt"
    assert direct[0].rule == "direct-continued"


def test_colon_cue_after_a_prepositional_phrase(nlp: Language) -> None:
    text = "In Lisbon, Kovacs said in a televised address: “The port stays open. Nothing changes.”"
    direct = only(quotes_of(nlp, text), "direct")
    assert [q.speaker for q in direct] == ["Kovacs"]


def test_inverted_speaker_without_parsed_subject(nlp: Language) -> None:
    text = (
        "“I heard the sirens first,” said the 31-year-old, one of several nurses on duty. "
        "“Then the lights went out.”"
    )
    direct = only(quotes_of(nlp, text), "direct")
    assert direct and direct[0].speaker is not None
    assert "31-year-old" in direct[0].speaker


def test_quote_after_an_unrelated_sentence_stays_unattributed(nlp: Language) -> None:
    text = (
        "Officials ordered the market closed, and the crowd gave a long cheer: "
        "“Freedom for the harbor!”"
    )
    direct = only(quotes_of(nlp, text), "direct")
    assert all(q.speaker is None for q in direct)


def test_statement_noun_before_a_colon_is_a_cue(nlp: Language) -> None:
    text = "The ministry issued a statement: “The border stays closed.”"
    (q,) = only(quotes_of(nlp, text), "direct")
    assert q.speaker == "The ministry" and q.cue == "issued"
