"""What a fire did, told by one outlet on the day it states and by another undated in the next day's
paper, is one happening: "A brush fire raced through the hills on Wednesday" (Thursday's paper) and
"The blaze caught the town unprepared" (Thursday's too) tell the same fire. Told undated a week
later, it may be another fire."""

import pytest

from tests.utils import event_telling, ingest_two_outlets, outlets_of

pytestmark = pytest.mark.django_db

STATED = (
    "Fire in the hills\n\n"
    "A brush fire raced through the hills above Santa Rita on Wednesday, burning dozens of homes.\n"
)
UNDATED = (
    "Town counts losses\n\n"
    "The blaze caught the town of Santa Rita unprepared, leaving charred cars along the main road.\n"
)


def test_what_the_fire_did_told_undated_the_next_day_joins_the_fire(tmp_path):
    ingest_two_outlets(tmp_path / "in", (STATED, "2023-08-10"), (UNDATED, "2023-08-10"))
    raced = event_telling("raced through")
    assert raced == event_telling("unprepared")
    assert outlets_of(raced) == {"Wire", "Gazette"}


def test_told_undated_a_week_later_it_stays_apart(tmp_path):
    ingest_two_outlets(tmp_path / "in", (STATED, "2023-08-10"), (UNDATED, "2023-08-17"))
    assert event_telling("raced through") != event_telling("unprepared")
