"""A vessel vanishing told by outlets in other words ("lost contact with", "went missing", "has been
missing since", "disappeared") is one happening; someone else vanishing that day is another."""

import pytest

from tests.utils import assert_told_by_both, event_telling, ingest_two_outlets
from timeline.models import Event

pytestmark = pytest.mark.django_db

LOST_CONTACT = (
    "Dive ends in silence\n\nThe crew of the support ship Arctic Tern lost contact with the Deepstar "
    "submersible on Sunday morning, about two hours into a dive to the wreck.\n",
    "2025-06-16",
)

TOLD_OTHERWISE = {
    "went missing": (
        "Tourist sub missing\n\nThe Deepstar submersible went missing on Sunday during a dive to the wreck "
        "off Newfoundland.\n",
        "goes missing",
    ),
    "disappeared": (
        "Tourist sub missing\n\nThe Deepstar submersible disappeared on Sunday during a dive to the wreck "
        "off Newfoundland.\n",
        "disappears",
    ),
    "has been missing since": (
        "Search widens\n\nRescuers widened the search on Monday for the Deepstar submersible, which has been "
        "missing since Sunday.\n",
        "is missing",
    ),
}


@pytest.mark.parametrize(("gazette", "title"), TOLD_OTHERWISE.values(), ids=TOLD_OTHERWISE.keys())
def test_a_vessel_vanishing_told_in_other_words_by_two_outlets_is_one_event(tmp_path, gazette, title):
    ingest_two_outlets(tmp_path / "in", LOST_CONTACT, (gazette, "2025-06-16"))
    (event,) = Event.objects.filter(sources__title__contains=title).distinct()
    assert_told_by_both(event, "lost contact")
    assert str(event.date_start) == "2025-06-15"


def test_someone_else_going_missing_that_day_is_another_event(tmp_path):
    hiker = (
        "Hiker sought\n\nA hiker went missing on Sunday on a trail above Lake Louise in Alberta.\n",
        "2025-06-16",
    )
    ingest_two_outlets(tmp_path / "in", LOST_CONTACT, hiker)
    assert event_telling("went missing") != event_telling("lost contact")
