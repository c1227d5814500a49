"""The spaCy pipeline as the extraction uses it: line breaks and datelines that end sentences."""

import datetime as dt

import pytest

from timeline.nlp.actors import Gazetteer
from timeline.nlp.extract import extract_doc
from timeline.nlp.pipeline import load_nlp, verb_of, verb_of_noun


def sentences(text):
    return [s.text.strip() for s in load_nlp()(text).sents if s.text.strip()]


def test_a_heading_line_is_not_run_into_the_sentence_below_it():
    text = "Tactical deficit\nZelensky also revealed that he had invited Xi to visit Ukraine."
    assert sentences(text) == [
        "Tactical deficit",
        "Zelensky also revealed that he had invited Xi to visit Ukraine.",
    ]


@pytest.mark.parametrize("title", ["Brig. Gen.", "Lt. Col.", "Sgt.", "Capt.", "Maj."])
def test_a_title_written_short_before_a_name_ends_no_sentence(title):
    text = f"{title} Ann Carver, the base's spokeswoman, said on Thursday that the runway had reopened."
    assert sentences(text) == [text]


def test_a_sentence_does_not_end_on_a_word_with_no_stop_after_it():
    text = "Markets\n\nHarbor Bank shares fell sharply on Friday in New York trading."
    assert sentences(text) == ["Markets", "Harbor Bank shares fell sharply on Friday in New York trading."]


def test_a_closing_quote_stays_with_its_paragraph():
    text = 'He said: "We will go on."\n\n\nEarlier on Friday, Beijing announced the date.'
    assert sentences(text)[-1] == "Earlier on Friday, Beijing announced the date."


def test_a_hard_wrapped_line_keeps_its_sentence_whole():
    text = (
        "The minister said on Monday that the talks with the delegation of President\n"
        "Xi Jinping would resume within a week, officials confirmed."
    )
    assert len(sentences(text)) == 1


def test_a_dateline_is_not_the_doer_of_the_sentence_after_it():
    text = "Floods at Lamont\n\nLAMONT, Oregon, May 2, 2024 (AP) - Rising water forced hundreds to flee."
    assert sentences(text)[-1] == "Rising water forced hundreds to flee."
    for text in (
        "LAMONT — Rising water forced hundreds to flee.",
        "LAMONT (Reuters) Rising water forced hundreds to flee.",
        "EAST LAMONT, OREGON _ Rising water forced hundreds to flee.",
        "LAMONT, Oregon (AP)_ Rising water forced hundreds to flee.",
        "Lamont, May 2 (EFE) – Rising water forced hundreds to flee.",
        "May 2 (UPI) -- Rising water forced hundreds to flee.",
        "Lamont, May 2 (Jiji Press)--Rising water forced hundreds to flee.",
        "EAST LAMONT (OREGON)  -  Rising water forced hundreds to flee.",
        "LAMONT  -  Rising water forced hundreds to flee.",
    ):
        assert sentences(text)[-1] == "Rising water forced hundreds to flee.", text


def test_a_dateline_run_into_its_text_gives_no_title():
    text = "Lamont, May 2 (Jiji Press)--A powerful earthquake rocked Lamont County on Monday."
    extraction = extract_doc(load_nlp()(text), dt.date(2024, 5, 2), Gazetteer())
    (event,) = extraction.events
    assert event.title == "Powerful earthquake rocks Lamont County"
    assert event.sentence.startswith("A powerful earthquake")


def test_capitals_or_a_name_that_open_a_sentence_are_no_dateline():
    for text in (
        "NATO leaders met in Lamont on Monday.",
        "U.S. - Chinese talks resumed in Lamont on Monday.",
        "Smith, the mayor (D) - said little.",
    ):
        assert sentences(text) == [text]


def test_the_place_of_a_dateline_is_no_actor_of_what_follows():
    text = "MARLOWE, Oregon - Rising water forced hundreds to flee, and her house was lost, Ada Kapu said."
    extraction = extract_doc(load_nlp()(text), dt.date(2024, 5, 2), Gazetteer())
    assert [a.name for a in extraction.actors] == ["Ada Kapu"]


def test_a_noun_in_ing_gives_the_verb_it_is_the_deed_of_when_there_is_one():
    assert [verb_of(w) for w in ("banging", "ruling", "running", "looting")] == [
        "bang",
        "rule",
        "run",
        "loot",
    ]
    assert verb_of("morning") is None and verb_of("king") is None


def test_a_date_alone_before_the_agency_dates_nothing_of_the_sentence_after_it():
    text = "Feb. 9 (UPI) — Hundreds of residents returned to their homes Wednesday after the flood."
    (returned,) = extract_doc(load_nlp()(text), dt.date(2023, 2, 9), Gazetteer()).happenings
    assert str(returned.date_start) == "2023-02-08", "Wednesday, not the day the agency filed"


def test_a_noun_made_of_a_verb_gives_that_verb():
    nouns = ("release", "detonation", "declaration", "explosion", "derailment", "arrival", "failure")
    assert [verb_of_noun(n) for n in nouns] == [
        "release",
        "detonate",
        "declare",
        "explode",
        "derail",
        "arrive",
        "fail",
    ]
    assert verb_of_noun("hospital") is None and verb_of_noun("official") is None
