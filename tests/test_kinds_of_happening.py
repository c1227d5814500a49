"""News calls one fire "the wildfire", "the blaze" and "the inferno", and one quake "the tremor": what
each did on one day, told by two outlets, is one happening. What a value did is not a deed of one doer."""

import pytest

from tests.utils import assert_told_by_both, event_telling, ingest_two_outlets

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "A wildfire tore through the harbour town of Port Ellis on Tuesday.",
            "The blaze swept into the town of Port Ellis on Tuesday, destroying homes.",
        ),
        (
            "A powerful earthquake shook the valley towns on Friday night.",
            "The tremor flattened villages across the valley on Friday night.",
        ),
    ],
    ids=["fire and blaze", "earthquake and tremor"],
)
def test_what_one_happening_did_named_by_other_nouns_is_one_event(tmp_path, first, second):
    ingest_two_outlets(
        tmp_path / "in", (f"Disaster\n\n{first}\n", "2025-08-13"), (f"Disaster\n\n{second}\n", "2025-08-13")
    )
    assert_told_by_both(event_telling(second[:20]), first[:20])


def test_two_companies_shares_falling_on_one_day_are_two_events(tmp_path):
    ingest_two_outlets(
        tmp_path / "in",
        ("Markets\n\nHarbor Bank shares fell sharply on Friday in New York trading.\n", "2025-03-15"),
        (
            "Markets\n\nShares of Pinecrest Foods fell 15 cents to $3.10 on Friday in Chicago trading.\n",
            "2025-03-15",
        ),
    )
    assert event_telling("Harbor Bank") != event_telling("Pinecrest")


def test_a_happening_said_only_to_have_taken_place_is_the_deed_of_its_noun(tmp_path):
    ingest_two_outlets(
        tmp_path / "in",
        (
            "Derailment\n\nThe derailment happened around 9 p.m. Friday on a Norfolk Southern train.\n",
            "2023-02-04",
        ),
        (
            "Ohio\n\nResidents fled after a Norfolk Southern train derailed Friday near East Palestine.\n",
            "2023-02-06",
        ),
    )
    assert_told_by_both(event_telling("derailment happened"), "train derailed")
