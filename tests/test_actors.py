"""Actors: the gazetteer corrects spaCy, short forms and new spellings resolve, roles attach."""

import pytest

from timeline.nlp.actors import Gazetteer, clean_name, find_actors, paren_aliases, skeleton
from timeline.nlp.pipeline import load_nlp


@pytest.fixture(scope="module")
def gazetteer():
    g = Gazetteer()
    g.add("Kyiv", "place", ["Kiev"], affiliation="Ukraine")
    g.add("Ukraine", "place", ["Ukrainian"])
    g.add("China", "place", ["Chinese"])
    g.add("Bakhmut", "place", ["Artemovsk"], affiliation="Ukraine")
    g.add("Xi Jinping", "person", ["Xi"], roles=["Chinese president"], affiliation="China")
    g.add("Volodymyr Zelensky", "person", ["Zelensky"], roles=["Ukrainian president"], affiliation="Ukraine")
    return g


def names(text, gazetteer):
    return [(m.name, m.kind) for m in find_actors(load_nlp()(text), gazetteer)]


def test_kyiv_is_a_place_even_where_the_tagger_calls_it_a_person(gazetteer):
    assert ("Kyiv", "place") in names("Kyiv said it would defend the town.", gazetteer)
    assert ("Kyiv", "place") in names("Kiev rejected the offer on Monday.", gazetteer)


def test_titles_and_possessives_are_stripped_from_a_name():
    assert clean_name("President Xi Jinping's") == "Xi Jinping"
    assert clean_name("the Kremlin’s", person=False) == "Kremlin"


def test_a_demonym_and_title_before_a_known_person_leave_only_the_person(gazetteer):
    found = names("Chinese President Xi Jinping's plane landed.", gazetteer)
    assert ("Xi Jinping", "person") in found
    assert not any(name.startswith("Chinese") for name, _ in found)


def test_a_surname_resolves_to_the_full_name_given_earlier_in_the_article():
    text = "Defence official Marta Kowalczyk spoke first. Later, Kowalczyk left the room."
    found = [m.name for m in find_actors(load_nlp()(text), Gazetteer()) if m.kind == "person"]
    assert found == ["Marta Kowalczyk", "Marta Kowalczyk"]


@pytest.mark.parametrize("spelling", ["Bakhmout", "Pakhmut", "Bakhmoot"])
def test_a_transliteration_of_a_known_place_is_matched_to_it(gazetteer, spelling):
    assert gazetteer.fuzzy(spelling) == ("Bakhmut", "place")


def test_different_names_do_not_share_a_spelling_key():
    assert skeleton("Kyiv") == skeleton("Kiev")
    assert skeleton("Kyiv") != skeleton("Kursk")
    assert skeleton("Zelenskiy") == skeleton("Zelensky") == skeleton("Zelenskyy")


def test_a_name_in_brackets_after_a_known_name_becomes_its_alias(gazetteer):
    text = "Fighting went on near Bakhmut (Artyomovsk) all week."
    mentions = find_actors(load_nlp()(text), gazetteer)
    assert paren_aliases(text, mentions) == {"Artyomovsk": "Bakhmut"}


def test_the_chinese_president_names_xi_only_in_an_article_that_names_him(gazetteer):
    named = "Xi Jinping flew in. Later the Chinese president said he was pleased."
    assert [m.name for m in find_actors(load_nlp()(named), gazetteer) if m.role] == ["Xi Jinping"]
    unnamed = "Later the Chinese president said he was pleased."
    assert not [m for m in find_actors(load_nlp()(unnamed), gazetteer) if m.role]
