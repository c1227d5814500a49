"""Names on stories no gazetteer knows: short forms, acronyms, other spellings, and what is no name."""

import pytest

from timeline.nlp.actors import Gazetteer, clean_name, find_actors, name_key, same_name
from timeline.nlp.extract import extract_doc
from timeline.nlp.pipeline import load_nlp


@pytest.mark.parametrize(
    ("short", "full", "kind"),
    [
        ("FDIC", "Federal Deposit Insurance Corporation", "organization"),
        ("USCG", "United States Coast Guard", "organization"),
        ("Key Bridge", "Francis Scott Key Bridge", "place"),
        ("Coast Guard", "U.S. Coast Guard", "organization"),
        ("Dorlian Castillo Cabrera", "Dorlian Ronial Castillo Cabrera", "person"),
        ("Federal Deposit Insurance Corp.", "Federal Deposit Insurance Corporation", "organization"),
        ("Navy", "US Navy", "organization"),
        ("OceanGate", "OceanGate Expeditions", "organization"),
        ("SVB", "SVB Financial Group", "organization"),
        ("Signature Bank", "Signature Bank of New York", "organization"),
        ("County of Maui", "Maui County", "place"),
        ("Lahaina Town", "Lahaina", "place"),
    ],
)
def test_a_short_form_names_the_full_name(short, full, kind):
    assert same_name(short, full, kind)


@pytest.mark.parametrize(
    ("short", "full", "kind"),
    [
        ("Syria", "Turkey", "place"),
        ("Scott", "Brandon Scott", "person"),  # a surname alone is settled by the article or archive
        ("Maui", "Maui County", "place"),
        ("NATO", "United Nations", "organization"),
        ("Bank", "Bank of America", "organization"),
        ("Maui County", "Maui", "place"),
    ],
)
def test_a_name_that_is_no_form_of_another_stays_apart(short, full, kind):
    assert not same_name(short, full, kind)


def test_accents_and_the_ways_of_writing_us_or_corp_make_no_difference():
    assert name_key("Kahramanmaraş") == name_key("Kahramanmaras")
    assert name_key("U.S. Geological Survey") == name_key("United States Geological Survey")


@pytest.mark.parametrize(
    ("written", "person", "name"),
    [
        ("BOSTON – Coast Guard", False, "Coast Guard"),
        ("Baltimore’s Francis Scott Key Bridge", False, "Francis Scott Key Bridge"),
        ("Joint Rescue Coordination Centre (JRCC", False, "Joint Rescue Coordination Centre"),
        ("Coast Guard Rear", False, "Coast Guard"),
        ("Mr Bazoum", False, "Bazoum"),
        ("Adm. Shannon Gilreath", True, "Shannon Gilreath"),
        ("McDonald's Corp.", False, "McDonald's Corp"),
    ],
)
def test_what_a_tagger_takes_into_a_name_is_left_out(written, person, name):
    assert clean_name(written, person=person) == name


def actors_of(text):
    return {(a.name, tuple(a.mentions)) for a in extract_doc(load_nlp()(text), None, Gazetteer()).actors}


def test_an_acronym_after_the_full_name_is_the_same_organisation():
    text = (
        "The Federal Deposit Insurance Corporation took over the bank on Friday. "
        "The FDIC said all insured deposits were safe."
    )
    names = {name for name, _ in actors_of(text)}
    assert "FDIC" not in names
    assert any("Federal Deposit Insurance" in n for n in names)


def test_the_title_written_before_a_name_is_kept_as_a_spelling_of_it():
    text = (
        "Maryland Governor Wes Moore declared an emergency. “We are working,” Governor Moore said on Tuesday."
    )
    spellings = {s for name, mentions in actors_of(text) if name == "Wes Moore" for s in mentions}
    assert "Governor Moore" in spellings


def test_two_people_sharing_a_surname_in_one_article_stay_apart():
    text = "Brandon Scott met Rick Scott on Monday. Scott said the talks went well."
    mentions = [m.name for m in find_actors(load_nlp()(text), Gazetteer()) if m.text == "Scott"]
    assert mentions == ["Scott"], "two full names fit: the surname alone is left as written"
