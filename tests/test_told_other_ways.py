"""One happening told in other ways by two outlets: an announcement made at a press conference and
the same announcement made that day; a deed named by the noun a light verb takes ("carried out a
controlled detonation") and by its verb ("detonated"); a happening told by its verb in one article
and named by its noun in another ("derailed", "the derailment"); and a doer's own account of its
deed told on two days."""

import pytest

from tests.utils import event_telling, ingest_inbox, ingest_two_outlets, outlets_of
from timeline.matching import profiles_of
from timeline.models import Event

pytestmark = pytest.mark.django_db

DERAILED = ("Train off the rails\n\nA freight train derailed near Millbrook on Friday.\n", "2025-04-04")

TOLD_TWICE = {
    "an announcement at a press conference, and made that day": (
        (
            "Order lifted\n\nGovernor Anna Reyes made the announcement at a Wednesday afternoon press "
            "conference in Carver.\n",
            "2025-04-10",
        ),
        (
            "Residents return\n\nGovernor Anna Reyes made the announcement Wednesday, together with the "
            "fire department and state health officials.\n",
            "2025-04-10",
        ),
        "made the announcement",
    ),
    "the noun a light verb takes, and the verb": (
        (
            "Tanks cleared\n\nCrews carried out a controlled detonation of the tank cars near Millbrook "
            "on Monday.\n",
            "2025-04-08",
        ),
        ("Tanks cleared\n\nCrews detonated the tank cars near Millbrook on Monday.\n", "2025-04-08"),
        "tank cars",
    ),
    "a chemical let out, and a light verb's release of it": (
        (
            "Tanks cleared\n\nCrews released vinyl chloride from the tank cars into a trench near "
            "Millbrook on Monday.\n",
            "2025-04-08",
        ),
        (
            "Tanks cleared\n\nOn Monday, crews conducted a controlled release of vinyl chloride near "
            "Millbrook.\n",
            "2025-04-08",
        ),
        "vinyl chloride",
    ),
    "a doer's own account of its deed, and the same told the next day": (
        (
            "Talks held\n\nIn the evening, President Ana Lund stated that she had held talks with rebel "
            "chief Omar Dane and persuaded him to stop.\n",
            "2025-04-05",
        ),
        (
            "Revolt over\n\nPresident Ana Lund said she held talks with the rebel chief Omar Dane, who "
            "agreed to turn back.\n",
            "2025-04-06",
        ),
        "held talks",
    ),
    "its verb, and its noun named in passing": (
        DERAILED,
        (
            "Residents leave\n\nResidents near Millbrook left their homes after the derailment.\n",
            "2025-04-05",
        ),
        "freight train derailed",
    ),
    "its verb, and its noun named with a after another deed": (
        DERAILED,
        (
            "Order lifted\n\nThe evacuation order in Millbrook has been lifted following a train "
            "derailment last weekend.\n",
            "2025-04-09",
        ),
        "freight train derailed",
    ),
}


@pytest.mark.parametrize(("wire", "gazette", "words"), TOLD_TWICE.values(), ids=TOLD_TWICE.keys())
def test_a_happening_told_in_other_words_by_two_outlets_is_one_event(tmp_path, wire, gazette, words):
    ingest_two_outlets(tmp_path / "in", wire, gazette)
    (event,) = Event.objects.filter(sources__sentence__contains=words).order_by().distinct()
    assert outlets_of(event) == {"Wire", "Gazette"}


def test_a_stored_announcement_made_at_a_press_conference_keeps_its_speaker(tmp_path):
    """What the matcher reads of a stored event is what it knew of it while placing its reports: the
    governor is the speaker of an announcement made at a press conference, and later reports of her
    words that day are matched against her."""
    text = "Order lifted\n\nGovernor Anna Reyes made the announcement at a Wednesday press conference.\n"
    ingest_inbox(tmp_path / "in", {"a.txt": (text, "Order lifted", "Wire", "2025-04-10")})
    event = event_telling("made the announcement")
    assert "Anna Reyes" in profiles_of([event.pk])[event.pk].speakers


def test_the_date_of_a_happening_named_after_another_deed_is_not_that_deeds(tmp_path):
    lifted = (
        "Order lifted\n\nThe evacuation order in Millbrook has been lifted following a train derailment "
        "last weekend.\n"
    )
    ingest_inbox(tmp_path / "in", {"a.txt": (lifted, "Order lifted", "Wire", "2025-04-09")})
    (lifting,) = Event.objects.filter(title__contains="lifted")
    assert str(lifting.date_start) == "2025-04-09", "last weekend is the derailment's, not the lifting's"


def test_more_words_of_one_who_told_a_deed_are_of_the_deed_they_told(tmp_path):
    """A spokesman telling what others did is no speaker of that deed, but what he adds later, undated,
    is more of the same account, not a statement of its own."""
    text = (
        "Drone sighted\n\nArmy spokesman Colonel Dan Okafor announced on Thursday that radar crews detected "
        "a drone over the northern border. The minister delayed a trip abroad, an aide told reporters. "
        "Okafor said that crews continue to track the drone closely and acted at once to protect "
        "sensitive sites. Okafor also said the base would hold an open day for families next month.\n"
    )
    ingest_inbox(tmp_path / "in", {"a.txt": (text, "Drone sighted", "Wire", "2025-04-11")})
    event = event_telling("radar crews detected")
    assert event_telling("continue to track") == event
    assert not event.sources.filter(sentence__contains="open day"), "his words of something else are not"
    assert "Dan Okafor" in profiles_of([event.pk])[event.pk].tellers, "as a later import reads it"


def test_a_deed_told_after_a_happening_it_names_is_not_that_happening(tmp_path):
    """A sentence that names a crash in passing after a named doer's deed tells the deed; the crash
    its article goes on to tell is the crash told before, and the deed stays an event of its own."""
    crash = (
        "Plane down\n\nA cargo plane crashed near Lakeview on Wednesday, killing all six crew.\n",
        "2025-04-09",
    )
    order = (
        "Flags lowered\n\nGovernor Anna Reyes has ordered flags flown at half-staff after a plane crash "
        "killed six crew members. The cargo plane crashed on Wednesday evening near Lakeview, officials "
        "said. Flags will stay lowered until Sunday.\n",
        "2025-04-11",
    )
    ingest_two_outlets(tmp_path / "in", crash, order)
    assert event_telling("has ordered flags") != event_telling("killing all six crew")


@pytest.mark.parametrize(
    ("text", "later", "earlier"),
    [
        pytest.param(
            "President Ana Lund on Monday expressed gratitude to the soldiers for preventing bloodshed. "
            "In a televised address, Lund asserted that enemies had wanted the country to split.",
            "Lund asserted",
            "expressed gratitude",
            id="what they asserted",
        ),
        pytest.param(
            "Government spokesman Ivan Petrov said on Saturday that the case against the fighters would be "
            "dropped. \u201cNo one will prosecute the fighters in view of their merits at the front,\u201d "
            "Interfax quoted Petrov as saying.",
            "Interfax quoted",
            "case against the fighters",
            id="what an agency quoted them as saying",
        ),
    ],
)
def test_more_words_of_one_speaker_that_day_are_their_statement(tmp_path, text, later, earlier):
    """Words are a speaker's whatever the verb ("asserted") and whoever passed them on ("Interfax
    quoted Petrov as saying": Petrov's words, not the agency's)."""
    ingest_inbox(tmp_path / "in", {"a.txt": (f"Words\n\n{text}\n", "Words", "Wire", "2025-04-06")})
    event = event_telling(later)
    assert event == event_telling(earlier)
    assert "Interfax" not in event.title
