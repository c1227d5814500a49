"""What someone said on the day an article tells they met others is said at that meeting: "Putin met
his security council on Monday. He said on Monday that radical Islamists carried out the attack"
is one event, the meeting, whether the meeting is told by a noun or by the verb "met"."""

import pytest

from tests.utils import ingest_inbox
from timeline.models import Event

pytestmark = pytest.mark.django_db

TEXT = (
    "Kremlin response\n\n"
    "Russian President Vladimir Putin met on Monday with members of his security council. "
    "Putin admitted on Monday that radical Islamists had carried out the attack on the concert hall.\n"
)


def test_words_said_on_the_day_someone_met_others_join_the_meeting(tmp_path):
    ingest_inbox(tmp_path / "in", {"a.txt": (TEXT, "Kremlin response", "Wire", "2024-03-26")})
    met = Event.objects.filter(sources__sentence__contains="security council").distinct().get()
    admitted = Event.objects.filter(sources__sentence__contains="radical Islamists").distinct().get()
    assert met == admitted
