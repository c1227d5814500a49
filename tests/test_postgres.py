import pytest
from django.db import connection

from timeline.models import Event

from .factories import make_event
from .utils import require


@pytest.mark.django_db
def test_flag_filter_finds_flagged_events_on_postgresql():
    if connection.vendor != "postgresql":
        require("REQUIRE_POSTGRES", "needs PostgreSQL (set DATABASE_URL=postgres://...)")
    flagged = make_event(title="Disputed", flags=["date_conflict"])
    make_event(title="Clean")
    assert list(Event.objects.flagged("date_conflict")) == [flagged]
