"""What a fire did, told by one outlet on the day it states and by another undated in the next day's
paper, is one happening: "A brush fire raced through the hills on Wednesday" (Thursday's paper) and
"The blaze caught the town unprepared" (Thursday's too) tell the same fire. Told undated a week
later, it may be another fire."""

import pytest

from tests.utils import ingest_inbox
from timeline.models import Event

pytestmark = pytest.mark.django_db

STATED = (
    "Fire in the hills\n\n"
    "A brush fire raced through the hills above Santa Rita on Wednesday, burning dozens of homes.\n"
)
UNDATED = (
    "Town counts losses\n\n"
    "The blaze caught the town of Santa Rita unprepared, leaving charred cars along the main road.\n"
)


def _events(tmp_path, undated_published: str) -> tuple[Event, Event]:
    ingest_inbox(
        tmp_path / "in",
        {
            "a.txt": (STATED, "Fire in the hills", "Wire", "2023-08-10"),
            "b.txt": (UNDATED, "Town counts losses", "Gazette", undated_published),
        },
    )
    raced = Event.objects.filter(sources__sentence__contains="raced through").distinct().get()
    caught = Event.objects.filter(sources__sentence__contains="unprepared").distinct().get()
    return raced, caught


def test_what_the_fire_did_told_undated_the_next_day_joins_the_fire(tmp_path):
    raced, caught = _events(tmp_path, "2023-08-10")
    assert raced == caught
    assert raced.sources.values("article").distinct().count() == 2


def test_told_undated_a_week_later_it_stays_apart(tmp_path):
    raced, caught = _events(tmp_path, "2023-08-17")
    assert raced != caught
