"""One happening told in other ways by two outlets: as an announcement made at a press conference and
as the same announcement made that day, as a deed named by the noun a light verb takes ("carried out
a controlled detonation") and by its verb ("detonated"), and by its verb in one article and by its
noun in another ("derailed", "the derailment")."""

import pytest

from tests.utils import event_telling, ingest_inbox, ingest_two_outlets, outlets_of
from timeline.matching import profiles_of
from timeline.models import Event

pytestmark = pytest.mark.django_db


def test_an_announcement_made_at_a_press_conference_is_the_speakers_announcement_of_that_day(tmp_path):
    at_conference = (
        "Order lifted\n\nGovernor Anna Reyes made the announcement at a Wednesday afternoon press "
        "conference in Carver.\n"
    )
    that_day = (
        "Residents return\n\nGovernor Anna Reyes made the announcement Wednesday, together with the fire "
        "department and state health officials.\n"
    )
    ingest_two_outlets(tmp_path / "in", (at_conference, "2025-04-10"), (that_day, "2025-04-10"))
    assert outlets_of(event_telling("made the announcement")) == {"Wire", "Gazette"}


def test_a_stored_announcement_made_at_a_press_conference_keeps_its_speaker(tmp_path):
    """What the matcher reads of a stored event is what it knew of it while placing its reports: the
    governor is the speaker of an announcement made at a press conference, and later reports of her
    words that day are matched against her."""
    text = "Order lifted\n\nGovernor Anna Reyes made the announcement at a Wednesday press conference.\n"
    ingest_inbox(tmp_path / "in", {"a.txt": (text, "Order lifted", "Wire", "2025-04-10")})
    event = event_telling("made the announcement")
    assert "Anna Reyes" in profiles_of([event.pk])[event.pk].speakers


def test_a_deed_named_by_the_noun_a_light_verb_takes_is_the_deed_its_verb_tells(tmp_path):
    noun = (
        "Tanks cleared\n\nCrews carried out a controlled detonation of the tank cars near Millbrook "
        "on Monday.\n"
    )
    verb = "Tanks cleared\n\nCrews detonated the tank cars near Millbrook on Monday.\n"
    ingest_two_outlets(tmp_path / "in", (noun, "2025-04-08"), (verb, "2025-04-08"))
    assert outlets_of(event_telling("tank cars")) == {"Wire", "Gazette"}


def test_a_happening_told_by_its_verb_is_the_one_another_article_names_by_its_noun(tmp_path):
    verb = "Train off the rails\n\nA freight train derailed near Millbrook on Friday.\n"
    noun = "Residents leave\n\nResidents near Millbrook left their homes after the derailment.\n"
    ingest_two_outlets(tmp_path / "in", (verb, "2025-04-04"), (noun, "2025-04-05"))
    derailed = event_telling("freight train derailed")
    assert outlets_of(derailed) == {"Wire", "Gazette"}, "the derailment is the train that derailed"
    assert Event.objects.filter(sources__sentence__contains="left their homes").exists()


def test_a_doers_own_account_of_its_deed_told_the_next_day_is_the_same_account(tmp_path):
    """ "She said she held talks" is the president's own words and deed, not a deed someone else tells:
    told again the next day, it is the account of the day before."""
    first = (
        "Talks held\n\nIn the evening, President Ana Lund stated that she had held talks with rebel "
        "chief Omar Dane and persuaded him to stop.\n"
    )
    again = (
        "Revolt over\n\nPresident Ana Lund said she held talks with the rebel chief Omar Dane, who "
        "agreed to turn back.\n"
    )
    ingest_two_outlets(tmp_path / "in", (first, "2025-04-05"), (again, "2025-04-06"))
    assert outlets_of(event_telling("held talks")) == {"Wire", "Gazette"}


def test_a_happening_named_with_a_after_another_deed_is_named_in_passing(tmp_path):
    verb = "Train off the rails\n\nA freight train derailed near Millbrook on Friday.\n"
    lifted = (
        "Order lifted\n\nThe evacuation order in Millbrook has been lifted following a train "
        "derailment last weekend.\n"
    )
    ingest_two_outlets(tmp_path / "in", (verb, "2025-04-04"), (lifted, "2025-04-09"))
    derailed = Event.objects.get(sources__sentence__contains="freight train derailed")
    assert outlets_of(derailed) == {"Wire", "Gazette"}, "the derailment names the train that derailed"
    (lifting,) = Event.objects.filter(title__contains="lifted")
    assert str(lifting.date_start) == "2025-04-09", "last weekend is the derailment's, not the lifting's"
