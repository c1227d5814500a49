"""What an outlet says a person will do on a day, and what another outlet says that person did that
day, are one event, titled by what was done."""

import pytest

from tests.utils import ingest_two_outlets, outlets_of
from timeline.models import Event

pytestmark = pytest.mark.django_db

PLANNED = (
    "President to speak\n\n"
    "President Anna Varga said on Sunday, April 6, 2025, that she will address the nation on Monday "
    "about the floods.\n"
)
DONE = (
    "President calms the country\n\n"
    "President Anna Varga on Monday told the country that the flood defences had held.\n"
)


def test_a_plan_for_a_day_and_the_deed_of_that_day_are_one_event_titled_by_the_deed(tmp_path):
    ingest_two_outlets(tmp_path / "inbox", (PLANNED, "2025-04-06"), (DONE, "2025-04-07"))
    (monday,) = Event.objects.filter(sources__sentence__startswith="President Anna Varga on Monday")
    assert str(monday.date_start) == "2025-04-07"
    assert outlets_of(monday) == {"Wire", "Gazette"}
    assert "address" not in monday.title.lower(), "the title tells what was done, not what was to be"
    assert "Varga" in monday.title
