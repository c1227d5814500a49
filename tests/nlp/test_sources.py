"""What each report's source holds: the words that tell it, a quotation whole."""

import datetime as dt

from timeline.nlp.actors import Gazetteer
from timeline.nlp.extract import extract_doc
from timeline.nlp.pipeline import load_nlp

PUBLISHED = dt.date(2024, 5, 2)


def events(text):
    return extract_doc(load_nlp()(text), PUBLISHED, Gazetteer()).events


def test_a_quotation_that_goes_on_past_its_sentence_is_one_source_with_it():
    text = (
        'Mayor Ada Kapu spoke on Monday. "The levee held," Kapu said. "We moved every family out '
        'in time ... I can only thank the crews. They worked all night."\n\n'
        "Crews repaired the road on Tuesday."
    )
    found = events(text)
    quoted = next(e for e in found if e.title.startswith("Ada Kapu says levee held"))
    assert quoted.sentence.endswith('They worked all night."')
    assert text[quoted.start : quoted.end] == quoted.sentence
    assert found[-1].sentence == "Crews repaired the road on Tuesday."


def test_a_quotation_in_a_new_paragraph_or_after_a_deed_is_not_taken_for_the_words_before():
    text = '"The levee held," Mayor Ada Kapu said on Monday.\n\n"We are proud."'
    assert events(text)[0].sentence == '"The levee held," Mayor Ada Kapu said on Monday.'
    text = 'Crews repaired the levee on Monday. "We are proud of it."'
    assert events(text)[0].sentence == "Crews repaired the levee on Monday."


def test_a_quotation_begun_a_sentence_before_its_speaker_is_one_source_with_the_speaker():
    text = (
        'Crews repaired the levee on Monday.\n\n"They never told us anything. No warning at all," '
        'Ada Kapu, a resident, said in a phone interview on Tuesday. "No siren, nothing."'
    )
    found = events(text)
    quoted = next(e for e in found if e.title.startswith("Ada Kapu says"))
    assert quoted.sentence.startswith('"They never told us') and quoted.sentence.endswith('nothing."')
    assert text[quoted.start : quoted.end] == quoted.sentence
    assert {"warn", "siren"} & quoted.terms, "what the quotation is about counts when it is compared"
    assert quoted.title == "Ada Kapu says they never told us anything", "what she said, not where"
    assert found[0].sentence == "Crews repaired the levee on Monday."
    text = text.replace('anything. No warning at all," Ada', 'anything," Ada Kapu said. "No warning," Ada')
    quoted = [e for e in events(text) if e.title.startswith("Ada Kapu says")]
    assert quoted[-1].sentence.startswith('"No warning,"'), "a quotation closed before is not these words"


def test_a_quotation_begun_sentences_before_its_speaker_is_one_source_with_the_speaker():
    text = (
        "Crews repaired the levee on Monday.\n\n"
        '"On behalf of the whole county I offer my deepest thanks to the crews. I can only imagine '
        'how long their nights were. They held the water back," Ada Kapu, the mayor, said on Tuesday.'
    )
    quoted = next(e for e in events(text) if e.title.startswith("Ada Kapu"))
    assert quoted.sentence.startswith('"On behalf of the whole county'), quoted.sentence
    assert text[quoted.start : quoted.end] == quoted.sentence
    broken = text.replace("I can only imagine", "\n\nI can only imagine")
    quoted = next(e for e in events(broken) if e.title.startswith("Ada Kapu"))
    assert not quoted.sentence.startswith('"On behalf'), "a paragraph between ends the quotation"
    broken = text.replace("They held", "\n\nThey held")
    quoted = next(e for e in events(broken) if e.title.startswith("Ada Kapu"))
    assert quoted.sentence.startswith("They held"), "also right before the speaker's sentence"
