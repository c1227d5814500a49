"""Crowds protesting on one day, told by two outlets in other words, are one protest:
"Demonstrators marched through Lomara on Saturday" and "Thousands of activists gathered outside the
parliament in Lomara on Saturday". What activists said that day is their words, not the protest."""

import pytest

from tests.utils import ingest_inbox
from timeline.models import Event

pytestmark = pytest.mark.django_db

MARCHED = (
    "Tax protest\n\n"
    "Demonstrators marched through the centre of Lomara on Saturday, chanting against the new tax.\n"
)
GATHERED = (
    "Anger over tax\n\n"
    "Thousands of activists gathered outside the parliament in Lomara on Saturday. "
    "Opposition leaders said on Saturday that the tax was unfair.\n"
)


def _event(sentence: str) -> Event:
    return Event.objects.filter(sources__sentence__contains=sentence).distinct().get()


def test_crowds_of_one_day_told_in_other_words_are_one_protest(tmp_path):
    ingest_inbox(
        tmp_path / "in",
        {
            "a.txt": (MARCHED, "Tax protest", "Wire", "2023-08-06"),
            "b.txt": (GATHERED, "Anger over tax", "Gazette", "2023-08-06"),
        },
    )
    assert _event("marched through") == _event("activists gathered")
    assert _event("tax was unfair") != _event("marched through")


def test_a_crowd_that_only_speaks_is_no_protest(tmp_path):
    spoke = GATHERED.replace("Thousands of activists gathered outside", "Activists said they met at")
    ingest_inbox(
        tmp_path / "in",
        {
            "a.txt": (MARCHED, "Tax protest", "Wire", "2023-08-06"),
            "b.txt": (spoke, "Anger over tax", "Gazette", "2023-08-06"),
        },
    )
    assert _event("marched through") != _event("Activists said")
