"""A second happening of a kind on one day ("a second quake") is one event however many outlets tell
it, and never the first one's: an outlet's plain account of the first quake stays apart from it."""

import io

import pytest
from django.core.management import call_command

from tests.utils import inbox_of
from timeline.models import Event

pytestmark = pytest.mark.django_db

SECOND = (
    "Second quake strikes Valdoria\n\n"
    "A second large quake struck southern Valdoria on Monday, April 7, 2025, hours after the first one.\n"
)
FIRST = (
    "Hundreds killed in Valdoria\n\n"
    "A 7.8-magnitude quake struck southern Valdoria early on Monday, killing hundreds of people.\n"
)
AGAIN = (
    "Aftershocks follow\n\n"
    "Hours later on Monday, a second quake rocked the region, the national seismic agency said.\n"
)


def event_told_by(sentence_start: str) -> Event:
    (event,) = Event.objects.filter(
        sources__sentence__startswith=sentence_start, event_type__in=["other", "attack", "disaster"]
    ).distinct()
    return event


def test_the_second_quake_is_one_event_and_the_first_quake_another(tmp_path):
    inbox = inbox_of(
        tmp_path / "inbox",
        {
            "a_second.txt": (SECOND, "Second quake strikes Valdoria", "Wire", "2025-04-07"),
            "b_first.txt": (FIRST, "Hundreds killed in Valdoria", "Gazette", "2025-04-08"),
            "c_again.txt": (AGAIN, "Aftershocks follow", "Courier", "2025-04-08"),
        },
    )
    call_command("ingest", str(inbox), stdout=io.StringIO(), stderr=io.StringIO())
    second = event_told_by("A second large quake")
    assert event_told_by("Second quake strikes") == second, "the headline tells its article's second quake"
    assert event_told_by("Hours later on Monday") == second, "another outlet's second quake, other verb"
    assert str(second.date_start) == "2025-04-07"
    first = event_told_by("A 7.8-magnitude quake")
    assert first != second, "the first quake, in the same words, is not the second"
    assert set(second.sources.values_list("article__source__name", flat=True)) == {"Wire", "Courier"}


def test_what_one_quake_did_told_by_two_outlets_in_other_words_is_one_event(tmp_path):
    inbox = inbox_of(
        tmp_path / "inbox",
        {
            "a_killed.txt": (
                "A powerful earthquake killed hundreds of people in southern "
                "Valdoria on Monday, April 7, 2025.\n",
                "Quake kills hundreds",
                "Wire",
                "2025-04-07",
            ),
            "b_flattened.txt": (
                "On Monday, the quake flattened the old market of Ostrava.\n",
                "Market in ruins",
                "Courier",
                "2025-04-08",
            ),
            "c_burned.txt": (
                "On Monday, a fire destroyed the old market of Ostrava.\n",
                "Market burns",
                "Gazette",
                "2025-04-08",
            ),
        },
    )
    call_command("ingest", str(inbox), stdout=io.StringIO(), stderr=io.StringIO())
    (killed,) = Event.objects.filter(sources__sentence__startswith="A powerful earthquake")
    (flattened,) = Event.objects.filter(sources__sentence__startswith="On Monday, the quake")
    assert flattened == killed
    (burned,) = Event.objects.filter(sources__sentence__startswith="On Monday, a fire")
    assert burned != killed, "what a fire did is another happening"


def test_a_deed_done_to_one_person_told_by_two_outlets_is_one_event_of_the_deed_s_kind(tmp_path):
    inbox = inbox_of(
        tmp_path / "inbox",
        {
            "a_confined.txt": (
                "On Wednesday, July 26, 2023, guards confined President Mohamed Bazoum to his palace.\n",
                "President confined",
                "Wire",
                "2023-07-26",
            ),
            "b_detained.txt": (
                "Guards detained Mohamed Bazoum in Niamey on Wednesday, July 26, 2023.\n",
                "President detained",
                "Courier",
                "2023-07-27",
            ),
        },
    )
    call_command("ingest", str(inbox), stdout=io.StringIO(), stderr=io.StringIO())
    (event,) = Event.objects.all()
    assert sorted(event.sources.values_list("article__source__name", flat=True)) == ["Courier", "Wire"]
    assert event.event_type == "legal", "the kind of the deed one outlet names, where the other's has none"


TWO_QUAKES = (
    "Two quakes in Valdoria\n\n"
    "A 7.8 magnitude earthquake struck southern Valdoria early on Monday, April 7, 2025, killing "
    "hundreds of people. A second tremor of 7.5 magnitude hit the region in the afternoon.\n"
)
SECOND_TOLD = (
    "Second quake\n\n"
    "Valdoria reported a second massive quake on Monday, April 7, 2025. The quake comes within 12 "
    "hours of a 7.8 magnitude jolt that shook the whole region.\n"
)
SURVEY = (
    "Survey figures\n\n"
    "A powerful earthquake hit southern Valdoria on Monday, April 7, 2025. The national survey said "
    "the 7.8 magnitude tremor struck at a depth of 18 kilometres near the city of Ostrava. A second "
    "tremor hit the region hours later.\n"
)


@pytest.mark.parametrize("names", [("a", "b", "c"), ("c", "b", "a")])
def test_a_quake_named_by_its_magnitude_or_told_as_a_surveys_words_is_the_first_quake(tmp_path, names):
    """ "a 7.8 magnitude jolt" is the first quake, whatever its noun; "the survey said the 7.8
    magnitude tremor struck" tells that quake, and names no second one in passing, whichever article
    came first."""
    inbox = inbox_of(
        tmp_path / "inbox",
        {
            f"{names[0]}_two.txt": (TWO_QUAKES, "Two quakes in Valdoria", "Wire", "2025-04-07"),
            f"{names[1]}_second.txt": (SECOND_TOLD, "Second quake", "Courier", "2025-04-07"),
            f"{names[2]}_survey.txt": (SURVEY, "Survey figures", "Gazette", "2025-04-07"),
        },
    )
    call_command("ingest", str(inbox), stdout=io.StringIO(), stderr=io.StringIO())
    first = event_told_by("A 7.8 magnitude earthquake")
    second = Event.objects.get(sources__sentence__startswith="A second tremor of 7.5")
    assert first != second
    assert first.sources.filter(sentence__contains="of a 7.8 magnitude jolt").exists()
    survey = Event.objects.filter(sources__sentence__contains="the 7.8 magnitude tremor struck")
    assert list(survey.values_list("pk", flat=True)) == [first.pk], "the survey's tremor is the first quake"
