"""A deed its own sentence tells as done and as someone's account of it ("Spain sent a plane …, the
defence ministry said") is one event, the deed's; the account is one of its sources, not a second
event."""

import pytest

from tests.utils import ingest_inbox
from timeline.models import Event

pytestmark = pytest.mark.django_db

TEXT = (
    "Rescue teams\n\nSpain on Sunday sent a plane with 56 rescuers and four search dogs to the quake zone "
    "after it received a formal request for help, the defence ministry said.\n"
)


def test_a_deed_told_as_a_ministrys_account_is_one_event(tmp_path):
    ingest_inbox(tmp_path / "in", {"a.txt": (TEXT, "Rescue teams", "Wire", "2023-09-10")})
    (event,) = Event.objects.filter(sources__sentence__contains="sent a plane").distinct()
    assert event.title.startswith("Spain sends plane")
    assert not Event.objects.filter(title__icontains="ministry says").exists()
