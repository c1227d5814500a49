"""A lede that gives the toll as told on a day, then the happening on its own earlier day ("has killed
more than 1,300 people, authorities said Saturday. The quake struck late Friday"), tells two things:
the quake is the quake other outlets tell on Friday, and the tally is no part of it."""

import pytest

from tests.utils import event_telling, ingest_two_outlets, outlets_of

pytestmark = pytest.mark.django_db

STRUCK = (
    "Quake in the hills\n\n"
    "A powerful earthquake struck the Lamont hills late on Friday, flattening mountain villages.\n"
)
LEDE = (
    "Toll rises\n\n"
    "Lamont's deadliest earthquake in decades has killed more than 1,300 people, authorities said "
    "Saturday, as troops scrambled to reach remote villages. "
    "The 6.8-magnitude quake struck late Friday in a mountainous area south of the capital.\n"
)


def test_the_happening_told_after_its_toll_joins_the_happening_not_the_tally(tmp_path):
    ingest_two_outlets(tmp_path / "in", (STRUCK, "2023-09-10"), (LEDE, "2023-09-10"))
    quake = event_telling("flattening mountain villages")
    assert event_telling("quake struck late Friday") == quake
    assert outlets_of(quake) == {"Wire", "Gazette"}
    tally = event_telling("1,300 people")
    assert tally != quake
    assert tally.date_start.isoformat() == "2023-09-09"


def test_the_lede_first_the_happening_still_stands_apart_from_its_tally(tmp_path):
    ingest_two_outlets(tmp_path / "in", (LEDE, "2023-09-10"), (STRUCK, "2023-09-10"))
    quake = event_telling("quake struck late Friday")
    assert quake != event_telling("1,300 people")
    assert quake == event_telling("flattening mountain villages")
    assert quake.date_start.isoformat() == "2023-09-08"


def test_a_count_told_undated_days_later_is_a_tally_not_the_happening(tmp_path):
    struck = STRUCK.replace("villages.", "villages. The quake killed at least 90 people on Friday.")
    later = "Toll climbs\n\nThe earthquake killed at least 2,862 people and injured over 2,562 others.\n"
    ingest_two_outlets(tmp_path / "in", (struck, "2023-09-09"), (later, "2023-09-12"))
    quake = event_telling("flattening mountain villages")
    assert event_telling("at least 90 people") == quake
    assert event_telling("at least 2,862 people") != quake
