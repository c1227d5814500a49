"""Crowds protesting on one day, told by two outlets in other words, are one protest:
"Demonstrators marched through Lomara on Saturday" and "Thousands of activists gathered outside the
parliament in Lomara on Saturday". What activists said that day is their words, not the protest."""

import pytest

from tests.utils import event_telling, ingest_two_outlets, outlets_of

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


def test_crowds_of_one_day_told_in_other_words_are_one_protest(tmp_path):
    ingest_two_outlets(tmp_path / "in", (MARCHED, "2023-08-06"), (GATHERED, "2023-08-06"))
    protest = event_telling("marched through")
    assert protest == event_telling("activists gathered")
    assert outlets_of(protest) == {"Wire", "Gazette"}
    assert event_telling("tax was unfair") != protest


def test_a_crowd_that_only_speaks_is_no_protest(tmp_path):
    spoke = GATHERED.replace("Thousands of activists gathered outside", "Activists said they met at")
    ingest_two_outlets(tmp_path / "in", (MARCHED, "2023-08-06"), (spoke, "2023-08-06"))
    assert event_telling("marched through") != event_telling("Activists said")
