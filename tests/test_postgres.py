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


@pytest.mark.django_db
def test_an_import_finds_the_sources_of_a_doer_or_of_a_doer_and_thing_by_index_on_postgresql():
    # the stored events a new report may join are looked up by what its sources tell, not by reading
    # every source of the archive ("the quake killed", "an aircraft picked up noises")
    if connection.vendor != "postgresql":
        require("REQUIRE_POSTGRES", "needs PostgreSQL (set DATABASE_URL=postgres://...)")
    from django.db.models import Q

    from timeline.models import EventSource

    for n in range(40):
        event = make_event(title=f"Event {n}")
        frame = {"doer": "quake" if n == 3 else "fire", "roles": "aircraft>noise" if n == 5 else f"x{n}>y"}
        EventSource.objects.filter(event=event).update(frame=frame)
    for lookup, want, index in (
        (Q(frame__roles__in=["aircraft>noise"]), "Event 5", "eventsource_roles_idx"),
        (Q(frame__doer__in=["quake"]), "Event 3", "eventsource_doer_idx"),
    ):
        found = EventSource.objects.filter(lookup)
        assert [s.event.title for s in found] == [want]
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE timeline_eventsource")
            cursor.execute("SET LOCAL enable_seqscan = off")
            sql, params = found.values_list("event_id", flat=True).query.sql_with_params()
            cursor.execute(f"EXPLAIN {sql}", params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        assert index in plan, plan
