"""One wire story run by two outlets, edited a little, is one account: its sentences join the same
events, whoever tells them and however few names they give. Another sentence of that day in other
words stays apart."""

import pytest

from tests.utils import ingest_inbox
from timeline.models import Event

pytestmark = pytest.mark.django_db

WIRE = (
    "Two fishermen were pulled from the cold water near the harbour wall and one was taken to "
    "hospital in serious condition. "
    "Divers searched the wreck of the trawler through the night."
)


def _event(sentence: str) -> Event:
    return Event.objects.filter(sources__sentence__contains=sentence).distinct().get()


def test_a_wire_story_run_by_two_outlets_is_one_account(tmp_path):
    edited = WIRE.replace("harbour wall", "harbor wall").replace(" through the night", " overnight")
    ingest_inbox(
        tmp_path / "in",
        {
            "a.txt": (f"Trawler sinks\n\n{WIRE}\n", "Trawler sinks", "Coast Herald", "2023-11-14"),
            "b.txt": (f"Fishermen rescued\n\n{edited}\n", "Fishermen rescued", "Bay Times", "2023-11-14"),
        },
    )
    pulled = Event.objects.filter(sources__sentence__contains="fishermen were pulled").distinct()
    assert pulled.count() == 1
    assert pulled.get().sources.values("article").distinct().count() == 2
    assert _event("Divers searched") != pulled.get()


def test_other_words_of_that_day_stay_apart(tmp_path):
    other = "Two fishermen were questioned by the harbour police about the trawler's cargo."
    ingest_inbox(
        tmp_path / "in",
        {
            "a.txt": (f"Trawler sinks\n\n{WIRE}\n", "Trawler sinks", "Coast Herald", "2023-11-14"),
            "b.txt": (f"Questions\n\n{other}\n", "Questions", "Bay Times", "2023-11-14"),
        },
    )
    assert _event("were pulled") != _event("were questioned")
