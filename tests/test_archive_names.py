"""A name an article gives in part resolves to the full name the archive knows, once and only once;
reports stored under a short form meet those of the full name."""

import io

import pytest
from django.core.management import call_command

from tests.utils import inbox_of
from timeline.models import Actor, ActorAlias, Event
from timeline.nlp.types import ArticleExtraction, ExtractedActor
from timeline.services import named_in_archive, store_actors

pytestmark = pytest.mark.django_db


def stored(name, kind="person"):
    actor = Actor.objects.create(name=name, kind=kind)
    ActorAlias.objects.create(actor=actor, name=name)
    return actor


def test_a_surname_or_a_titled_surname_resolves_to_the_one_person_of_that_name():
    bazoum = stored("Mohamed Bazoum")
    assert named_in_archive("Bazoum", "person") == bazoum


def test_another_spelling_of_a_full_name_resolves_to_it():
    tchiani = stored("Abdourahamane Tchiani")
    assert named_in_archive("Abdourahmane Tchiani", "person") == tchiani
    assert named_in_archive("Abdou Sidikou Issa", "person") is None


def test_a_city_spelt_another_way_is_the_stored_city_whichever_kind_the_tagger_took_it_for():
    marrakech = stored("Marrakech", "organization")
    assert named_in_archive("Marrakesh", "place") == marrakech
    assert named_in_archive("Marrakesh", "organization") == marrakech
    stored("Slovenia", "place")
    assert named_in_archive("Slovakia", "place") is None
    stored("Omar Chahed")
    assert named_in_archive("Omar Shahed", "place") is None, "a person's name is no place's"


def test_a_company_with_an_abbreviated_designation_is_the_company_stored_without_it():
    boeing = stored("Boeing", "organization")
    assert named_in_archive("Boeing Co.", "organization") == boeing
    apple = stored("Apple Inc.", "organization")
    assert named_in_archive("Apple", "organization") == apple
    assert named_in_archive("Boeing Defense", "organization") is None


def test_a_spouse_of_the_same_surname_is_another_person():
    stored("Joe Biden")
    stored("Ron DeSantis")
    assert named_in_archive("Jill Biden", "person") is None
    assert named_in_archive("Casey DeSantis", "person") is None


def test_a_given_name_written_short_resolves_to_the_full_name_and_back_but_another_name_does_not():
    dominic = stored("Dominic Varga")
    assert named_in_archive("Dom Varga", "person") == dominic
    alex = stored("Alex Moreau")
    assert named_in_archive("Alexander Moreau", "person") == alex
    stored("Edwina Whitfield")
    assert named_in_archive("Ed Whitfield", "person") is None, "two letters begin too many names"


def test_a_full_name_without_its_middle_name_resolves_to_it_but_another_first_name_does_not():
    captain = stored("Dorlian Ronial Castillo Cabrera")
    assert named_in_archive("Dorlian Castillo Cabrera", "person") == captain
    assert named_in_archive("Maynor Castillo Cabrera", "person") is None


def test_a_surname_two_people_share_resolves_to_neither():
    stored("Brandon Scott")
    stored("Rick Scott")
    assert named_in_archive("Scott", "person") is None


def test_an_acronym_or_a_place_spelt_with_accents_resolves_to_the_stored_name():
    fdic = stored("Federal Deposit Insurance Corporation", "organization")
    city = stored("Kahramanmaraş", "place")
    assert named_in_archive("FDIC", "organization") == fdic
    assert named_in_archive("Kahramanmaras", "organization") == city, (
        "a tagger may call a city an organisation"
    )


def test_an_organisation_named_by_its_words_in_another_order_resolves_to_it():
    wagner = stored("Northern Legion", "group")
    ActorAlias.objects.create(actor=wagner, name="PMC Northern")
    assert named_in_archive("Northern PMC", "organization") == wagner
    assert named_in_archive("Northern Legion Fund", "organization") is None, "more words: another body"


def test_a_company_named_with_or_without_what_kind_of_company_it_is_resolves_to_it():
    railway = stored("Norfolk Southern", kind="organization")
    assert named_in_archive("Norfolk Southern Railway", "organization") == railway
    assert named_in_archive("Norfolk Southern Railroad", "organization") == railway
    assert named_in_archive("Norfolk", "organization") is None


def test_a_full_name_resolves_to_its_acronym_stored_before_it():
    agency = stored("EPA", "organization")
    assert named_in_archive("Environmental Protection Agency", "organization") == agency
    assert named_in_archive("Energy Policy Authority Council", "organization") is None, (
        "the acronym must be of every word of the name"
    )
    commonwealth = stored("Commonwealth of Independent States", "organization")
    ActorAlias.objects.create(actor=commonwealth, name="CIS")
    assert named_in_archive("Cuban Interests Section", "organization") is None, (
        "an acronym given for another name is that name's"
    )


def test_an_office_written_as_an_acronym_and_its_place_is_its_organisation_whichever_came_first():
    centre = stored("Joint Rescue Coordination Centre", "organization")
    assert named_in_archive("RCC Halifax", "organization") == centre
    assert named_in_archive("RCC", "organization") is None, "an acronym alone must be of the whole name"
    assert named_in_archive("NTSB Halifax", "organization") is None
    centre.delete()
    office = stored("RCC Halifax", "organization")
    assert named_in_archive("Joint Rescue Coordination Centre", "organization") == office
    stored("RCC Norfolk", "organization")
    assert named_in_archive("Joint Rescue Coordination Centre", "organization") is None, (
        "a name that fits two offices fits neither"
    )


def test_an_office_whose_acronym_fits_two_organisations_is_the_one_told_of_with_its_place():
    joint = stored("Joint Rescue Coordination Centre", "organization")
    response = stored("Emergency Response Coordination Centre", "organization")
    assert named_in_archive("RCC Halifax", "organization") is None, "nothing tells which"
    halifax = stored("Halifax", "place")
    event = Event.objects.create(title="Centre sends ships", date_start="2023-06-20", date_end="2023-06-20")
    event.actors.add(joint, halifax)
    Event.objects.create(
        title="Centre sends teams", date_start="2023-02-07", date_end="2023-02-07"
    ).actors.add(response)
    assert named_in_archive("RCC Halifax", "organization") == joint
    assert named_in_archive("RCC Brussels", "organization") is None


def test_a_name_written_another_way_is_its_actor_though_a_shorter_form_fits_another():
    guard = stored("U.S. Coast Guard", "organization")
    stored("Coast Guard", "organization")
    assert named_in_archive("US Coast Guard", "organization") == guard


def told_in(actor, events):
    """Makes ``actor`` take part in so many more events."""
    for n in range(events):
        Event.objects.create(
            title=f"Guard acts {n}", date_start="2023-06-20", date_end="2023-06-20"
        ).actors.add(actor)


def test_a_short_form_two_organisations_fit_is_the_one_the_archive_keeps_naming():
    us = stored("U.S. Coast Guard", "organization")
    canada = stored("Canadian Coast Guard", "organization")
    told_in(us, 2)
    told_in(canada, 2)
    assert named_in_archive("Coast Guard", "organization") is None, "named as often: nothing tells which"
    told_in(us, 2)
    assert named_in_archive("Coast Guard", "organization") == us
    mayor = stored("Brandon Scott")
    stored("Rick Scott")
    told_in(mayor, 4)
    assert named_in_archive("Scott", "person") is None, "people sharing a name stay apart, however told"


def test_a_person_is_never_taken_for_an_organisation_of_the_same_words():
    stored("Francis Scott Key Bridge", "place")
    assert named_in_archive("Scott Key", "person") is None


def test_a_lone_unknown_word_taken_for_a_person_is_the_place_it_names_but_a_surname_stays_a_person():
    town = stored("Lahaina Town", "place")
    assert named_in_archive("Lahaina", "person") == town, "a tagger took the town for a person"
    town.delete()
    word = stored("Lahaina", "person")
    assert named_in_archive("Lahaina Town", "place") == word, "whichever came first"
    stored("Cardenas", "place")
    assert named_in_archive("Diana de Cardenas", "person") is None, "a person named after a town"


def test_a_longer_name_of_a_stored_company_resolves_to_it_but_a_foreign_namesake_does_not():
    bank = stored("Signature Bank", "organization")
    stored("Coast Guard", "organization")
    assert named_in_archive("Signature Bank of New York", "organization") == bank
    assert named_in_archive("Canadian Coast Guard", "organization") is None


def test_a_country_written_before_a_stored_institution_is_the_same_institution():
    treasury = stored("Treasury", "organization")
    assert named_in_archive("US Treasury", "organization") == treasury
    assert named_in_archive("U.S. Treasury", "organization") == treasury
    assert named_in_archive("Royal Treasury", "organization") is None, "only a country prefix"


def test_a_province_named_after_its_city_is_the_city_but_a_county_is_not_its_island():
    province = stored("Tokat province", "place")
    assert named_in_archive("Tokat", "place") == province
    city = stored("Sivas", "place")
    assert named_in_archive("Sivas Province", "place") == city
    stored("Kauai", "place")
    assert named_in_archive("Kauai County", "place") is None


def test_a_speaker_named_by_surname_in_one_outlet_and_in_full_in_another_said_one_thing(tmp_path):
    inbox = inbox_of(
        tmp_path / "inbox",
        {
            "a_first.txt": (
                "Captain Ada Kapu steered the Deepvale vessel out of the harbour on Sunday, June 18, 2023.\n",
                "Vessel out",
                "Wire",
                "2023-06-18",
            ),
            "b_short.txt": (
                "Kapu said on Thursday that the five men aboard had sadly been lost.\n",
                "Five lost",
                "Courier",
                "2023-06-22",
            ),
            "c_full.txt": (
                "Ada Kapu told reporters on Thursday that the company grieves with the families.\n",
                "Grief",
                "Herald",
                "2023-06-22",
            ),
        },
    )
    call_command("ingest", str(inbox), stdout=io.StringIO(), stderr=io.StringIO())
    said = Event.objects.filter(sources__article__file_name__in=["b_short.txt", "c_full.txt"]).distinct()
    assert said.count() == 1, "one speaker's words of one day are one event, however the outlets name her"


def test_a_deed_done_to_someone_named_by_surname_in_one_outlet_and_in_full_in_another_is_one_event(tmp_path):
    inbox = inbox_of(
        tmp_path / "inbox",
        {
            "a_full.txt": (
                "Guards detained President Mohamed Bazoum in the palace on Wednesday, July 26, 2023.\n",
                "Held",
                "Wire",
                "2023-07-26",
            ),
            "b_short.txt": (
                "Soldiers confined President Bazoum to the palace on Wednesday, officials said.\n",
                "Confined",
                "Courier",
                "2023-07-27",
            ),
        },
    )
    call_command("ingest", str(inbox), stdout=io.StringIO(), stderr=io.StringIO())
    assert Event.objects.count() == 1, [e.title for e in Event.objects.all()]


def test_every_country_is_a_place_and_no_speaker_of_its_own(tmp_path):
    # "Niger" is not in the gazetteer file: the tagger alone would take it for an organisation that
    # speaks, and the army chief's words and the minister's would be one speaker's of one day
    inbox = inbox_of(
        tmp_path / "inbox",
        {
            "a_chief.txt": (
                "Niger's army chief said on Thursday, July 27, 2023, that the troops had his support.\n",
                "Chief",
                "Wire",
                "2023-07-27",
            ),
            "b_minister.txt": (
                "Niger's foreign minister said on Thursday, July 27, 2023, that the embassy stays open.\n",
                "Minister",
                "Courier",
                "2023-07-27",
            ),
        },
    )
    call_command("ingest", str(inbox), stdout=io.StringIO(), stderr=io.StringIO())
    assert Actor.objects.get(name="Niger").kind == Actor.Kind.PLACE
    assert Event.objects.count() == 2, [e.title for e in Event.objects.all()]


SURVEY = (
    "Quake measured\n\nThe United States Geological Survey said on Monday that the quake struck 18 km "
    "deep. According to the US Geological Survey, it was felt as far as Cyprus.\n"
)


@pytest.mark.parametrize("names", [("a", "b"), ("b", "a")])
def test_one_name_written_two_ways_in_one_article_is_one_actor_whichever_came_first(tmp_path, names):
    inbox = inbox_of(
        tmp_path / "inbox",
        {
            f"{names[0]}_survey.txt": (SURVEY, "Quake measured", "Wire", "2023-02-06"),
            f"{names[1]}_usgs.txt": (
                "Aftershocks\n\nThe U.S. Geological Survey counted 40 aftershocks on Monday.\n",
                "Aftershocks",
                "Courier",
                "2023-02-06",
            ),
        },
    )
    call_command("ingest", str(inbox), stdout=io.StringIO(), stderr=io.StringIO())
    survey = Actor.objects.filter(aliases__name__icontains="geological survey").distinct()
    assert survey.count() == 1, list(survey.values_list("name", flat=True))
    assert {"United States Geological Survey", "US Geological Survey"} <= set(
        survey.get().aliases.values_list("name", flat=True)
    )


def test_the_new_names_of_one_article_that_are_forms_of_one_name_are_one_actor():
    names = [
        ExtractedActor("Jayark", "place", ["Jayark"]),
        ExtractedActor("Jayark Corp.", "organization", ["Jayark Corp."]),
        ExtractedActor("Lahaina", "person", ["Lahaina"]),
        ExtractedActor("Lahaina Town", "place", ["Lahaina Town"]),
        ExtractedActor("Shahzada Dawood", "person", ["Shahzada Dawood"]),
        ExtractedActor("Suleman Dawood", "person", ["Suleman Dawood"]),
        ExtractedActor("Dawood", "person", ["Dawood"]),
    ]
    actors = store_actors(ArticleExtraction(None, False, [], [], names, {}))
    assert actors["Jayark"] == actors["Jayark Corp."]
    assert actors["Lahaina"] == actors["Lahaina Town"]
    assert len({actors[n].pk for n in ("Shahzada Dawood", "Suleman Dawood", "Dawood")}) == 3, (
        "a surname two of them share is neither"
    )


def test_a_government_body_written_the_other_way_round_resolves_to_the_stored_one():
    interior = stored("Chile's Ministry of the Interior", "organization")
    assert named_in_archive("Chile's Interior Ministry", "organization") == interior
    assert named_in_archive("Interior Ministry", "organization") == interior
