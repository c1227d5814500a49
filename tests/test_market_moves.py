"""A share price's move told by two outlets in other verbs ("tumbled", "plunged", "was down 27%") is
one happening; a fall and a rebound of one day are two."""

import pytest

from tests.utils import assert_told_by_both, event_telling, ingest_two_outlets
from timeline.models import Event

pytestmark = pytest.mark.django_db

TUMBLED = (
    "Bank under pressure\n\nHarbor Bank shares tumbled on Wednesday amid growing doubts about its funding.\n",
    "2025-03-12",
)

FELL_TWICE = {
    "two verbs of falling": (
        "Harbor Bank slides\n\nThe shares of Harbor Bank plunged by more than 25 percent to a record low on "
        "Wednesday after its largest shareholder ruled out more help.\n",
        "plunged by more",
    ),
    "a value told down by a measure": (
        "Harbor Bank slides\n\nHarbor Bank stock was down more than 27 percent in afternoon trading on "
        "Wednesday.\n",
        "was down more",
    ),
}


@pytest.mark.parametrize(("gazette", "words"), FELL_TWICE.values(), ids=FELL_TWICE.keys())
def test_a_share_fall_told_in_other_verbs_by_two_outlets_is_one_event(tmp_path, gazette, words):
    ingest_two_outlets(tmp_path / "in", TUMBLED, (gazette, "2025-03-12"))
    assert_told_by_both(event_telling(words), "shares tumbled")


def test_a_rebound_of_the_same_day_is_not_the_fall(tmp_path):
    rebound = (
        "Harbor Bank recovers\n\nHarbor Bank shares rebounded on Wednesday after the central bank offered "
        "a loan.\n",
        "2025-03-12",
    )
    ingest_two_outlets(tmp_path / "in", TUMBLED, rebound)
    assert event_telling("shares tumbled") != event_telling("shares rebounded")
    assert Event.objects.filter(title__icontains="rebound").count() == 1
