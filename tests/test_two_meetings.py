"""Someone's meetings on two days that two articles state are two meetings, each on its own day, not
one meeting whose sources disagree on its date."""

import datetime as dt

import pytest

from tests.utils import ingest_inbox
from timeline.models import Event

pytestmark = pytest.mark.django_db

TUESDAY = (
    "Quake response\n\n"
    '"The search and rescue of those hit by the quake is a battle against time," Prime Minister '
    "Hana Sato said during an emergency meeting on Tuesday.\n"
)
THURSDAY = (
    "Rescuers race the clock\n\n"
    '"I ask that you make every effort to save as many lives as possible by this evening," Prime '
    "Minister Hana Sato said at a government meeting on Thursday.\n"
)


def test_a_leaders_meetings_on_two_stated_days_are_two_events(tmp_path):
    ingest_inbox(
        tmp_path / "in",
        {
            "a.txt": (TUESDAY, "Quake response", "Wire", "2024-01-02"),
            "b.txt": (THURSDAY, "Rescuers race the clock", "Daily", "2024-01-04"),
        },
    )
    tuesday = Event.objects.filter(sources__sentence__contains="battle against time").distinct().get()
    thursday = Event.objects.filter(sources__sentence__contains="every effort").distinct().get()
    assert tuesday != thursday
    assert (tuesday.date_start, thursday.date_start) == (dt.date(2024, 1, 2), dt.date(2024, 1, 4))
