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
