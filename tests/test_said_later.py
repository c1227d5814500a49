"""Words said on a day of a deed done by then: the day they were said bounds the deed's, it does
not contradict an earlier day another article states."""

import pytest

from tests.utils import ingest_two_outlets, outlets_of
from timeline.models import Event, Flag

pytestmark = pytest.mark.django_db

SPOTTED = "Slick seen\n\nA patrol boat spotted an oil slick near the harbour wall on Tuesday.\n"
SAID_LATER = (
    "Port update\n\nA patrol boat spotted an oil slick near the harbour wall, the port authority "
    "said Wednesday.\n"
)
SAID_OF_THAT_DAY = (
    "Port update\n\nThe port authority said a patrol boat spotted an oil slick near the harbour wall "
    "on Wednesday.\n"
)


def _ingest(tmp_path, second_text):
    ingest_two_outlets(tmp_path / "in", (SPOTTED, "2025-04-09"), (second_text, "2025-04-10"))
    return Event.objects.filter(sources__sentence__contains="oil slick").distinct()


def test_a_deed_told_in_words_said_the_next_day_is_the_deed_of_the_day_before(tmp_path):
    (slick,) = _ingest(tmp_path, SAID_LATER)
    assert outlets_of(slick) == {"Wire", "Gazette"}
    assert str(slick.date_start) == "2025-04-08", "the day the deed was done, not the day it was told"
    assert Flag.DATE_CONFLICT not in slick.flags, "a day it was told by is no other day for it"


def test_a_day_written_after_the_deed_it_follows_dates_the_deed(tmp_path):
    found = _ingest(tmp_path, SAID_OF_THAT_DAY)
    assert len(found) == 2, "spotted on Wednesday is not the slick spotted on Tuesday"


def test_a_deed_told_by_words_said_later_and_by_its_article_then_meets_the_day_another_states(tmp_path):
    """The port's words of Wednesday and the article's own sentence on it (dated by publication) are
    stored first; neither states the day of the deed, so Tuesday's sighting is the same one."""
    told = (
        "Port update\n\nA patrol boat spotted an oil slick near the harbour wall, the port authority "
        "said Wednesday. The patrol boat spotted the slick while it circled the harbour wall.\n"
    )
    first = "Slick seen\n\nA patrol boat first spotted the oil slick near the harbour wall on Tuesday.\n"
    ingest_two_outlets(tmp_path / "in", (told, "2025-04-09"), (first, "2025-04-09"))
    (slick,) = Event.objects.filter(sources__sentence__contains="slick").distinct()
    assert outlets_of(slick) == {"Wire", "Gazette"}
    assert str(slick.date_start) == "2025-04-08"
