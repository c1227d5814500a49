"""Likely duplicates: the events an editor should compare with one, and merging them from that page."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.factories import make_editor
from tests.utils import event_telling, inbox_of
from timeline import editing
from timeline.models import Event, Status
from timeline.services.duplicates import likely_duplicates

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("blank_cast")]

# Two outlets tell one happening with different verbs ("struck", "collapsed"), which an import keeps
# apart; the first also tells a council vote of the same day.
GAZETTE = """Ship strikes bridge in Hullport

HULLPORT, May 7 (Harbor Gazette) - A cargo ship named Marlin Star struck the Old Weir Bridge in \
Hullport early on Tuesday, sending two of its spans into the estuary.

Separately, the Hullport city council approved a new parking budget on Tuesday.
"""
WIRE = """Hullport bridge falls into estuary

Two spans of the Old Weir Bridge in Hullport collapsed into the estuary on Tuesday after the Marlin \
Star container vessel lost power and drifted into a pier.
"""


@pytest.fixture
def bridge(tmp_path):
    folder = inbox_of(
        tmp_path / "bridge",
        {
            "gazette.txt": (GAZETTE, "Ship strikes bridge in Hullport", "Harbor Gazette", "2024-05-07"),
            "wire.txt": (WIRE, "Hullport bridge falls into estuary", "Coast Wire", "2024-05-08"),
        },
    )
    call_command("ingest", str(folder), stdout=io.StringIO(), stderr=io.StringIO())
    struck = event_telling("Marlin Star struck the Old Weir Bridge")
    collapsed = event_telling("collapsed into the estuary")
    council = event_telling("parking budget")
    assert struck.pk != collapsed.pk, "the two reports are kept apart by the import (else pick other words)"
    return struck, collapsed, council


def test_another_outlet_s_account_of_the_happening_comes_first_and_an_unrelated_one_not_at_all(bridge):
    struck, collapsed, council = bridge
    found = likely_duplicates(struck)
    assert found and found[0].event == collapsed
    assert council not in [d.event for d in found]
    assert likely_duplicates(collapsed)[0].event == struck


def test_hidden_events_and_events_of_the_same_articles_are_not_suggested(bridge):
    struck, collapsed, council = bridge
    editing.hide_events(events=Event.objects.filter(pk=collapsed.pk), user=make_editor())
    assert collapsed not in [d.event for d in likely_duplicates(struck)]
    # the council's vote is told by the same article only: never its duplicate, however alike
    assert struck not in [d.event for d in likely_duplicates(council)]


def test_the_editor_compares_and_merges_from_the_event_s_page(client, bridge):
    struck, collapsed, council = bridge
    client.force_login(make_editor())
    change = client.get(reverse("admin:timeline_event_change", args=[struck.pk])).content.decode()
    url = reverse("admin:timeline_event_duplicates", args=[struck.pk])
    assert url in change

    page = client.get(url).content.decode()
    assert collapsed.title in page and "collapsed into the estuary" in page  # its sentence, to judge by
    assert council.title not in page
    assert page.index(struck.title) < page.index(collapsed.title)

    told = struck.sources.count() + collapsed.sources.count()
    data = {"action": "merge_selected", "_selected_action": [struck.pk, collapsed.pk]}
    confirm = client.post(url, data)
    assert confirm.status_code == 200 and 'name="title"' in confirm.content.decode()
    done = client.post(
        url,
        {
            **data,
            "confirm": "yes",
            "survivor": struck.pk,
            "title": struck.title,
            "date_start": "2024-05-07",
            "date_end": "2024-05-07",
            "precision": "day",
        },
    )
    assert done.status_code == 302
    assert not Event.objects.filter(pk=collapsed.pk).exists()
    assert struck.sources.count() == told


def test_an_event_with_nothing_alike_says_so(client, bridge):
    struck, collapsed, council = bridge
    client.force_login(make_editor())
    Event.objects.filter(pk__in=[struck.pk, collapsed.pk]).update(status=Status.HIDDEN)
    page = client.get(reverse("admin:timeline_event_duplicates", args=[council.pk])).content.decode()
    assert "No other event of those days is alike." in page
    assert "Merge selected" not in page
