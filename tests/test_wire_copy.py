"""One wire story run by two outlets, edited a little, is one account: its sentences join the same
events, whoever tells them and however few names they give. Another sentence of that day in other
words stays apart."""

import pytest

from tests.utils import event_telling, ingest_two_outlets, outlets_of

pytestmark = pytest.mark.django_db

WIRE = (
    "Trawler sinks\n\n"
    "Two fishermen were pulled from the cold water near the harbour wall and one was taken to "
    "hospital in serious condition. "
    "Divers searched the wreck of the trawler through the night.\n"
)


def test_a_wire_story_run_by_two_outlets_is_one_account(tmp_path):
    edited = WIRE.replace("harbour wall", "harbor wall").replace(" through the night", " overnight")
    ingest_two_outlets(tmp_path / "in", (WIRE, "2023-11-14"), (edited, "2023-11-14"))
    pulled = event_telling("fishermen were pulled")
    assert outlets_of(pulled) == {"Wire", "Gazette"}
    assert event_telling("Divers searched") != pulled


def test_other_words_of_that_day_stay_apart(tmp_path):
    other = "Questions\n\nTwo fishermen were questioned by the harbour police about the trawler's cargo.\n"
    ingest_two_outlets(tmp_path / "in", (WIRE, "2023-11-14"), (other, "2023-11-14"))
    assert event_telling("were pulled") != event_telling("were questioned")
