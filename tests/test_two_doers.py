"""One deed (the same verb) told of two doers named by name on one day is two happenings, however
alike the rest of the words ("General Motors closed at $44.875 in composite trading on the New York
Stock Exchange", "Cineplex Odeon closed at $11 in composite trading on the New York Stock Exchange")."""

import pytest

from tests.utils import ingest_two_outlets, outlets_of
from timeline.models import Event

pytestmark = pytest.mark.django_db


GM = (
    "Markets\n\nStocks were mixed on Wednesday. In composite trading on the New York Stock Exchange, "
    "General Motors closed at $44.875 on Wednesday, down $1.875.\n"
)
CINEPLEX = (
    "Theatres\n\nCinema shares were mixed on Wednesday. In composite trading on the New York Stock "
    "Exchange, Cineplex Odeon closed at $11 on Wednesday, down 25 cents.\n"
)


def test_one_deed_done_by_two_named_doers_on_one_day_is_two_events(tmp_path):
    ingest_two_outlets(tmp_path / "in", (GM, "1989-10-26"), (CINEPLEX, "1989-10-26"))
    closing = Event.objects.filter(sources__sentence__contains="closed at").distinct()
    assert sorted(len(outlets_of(e)) for e in closing) == [1, 1], "two companies' shares, two closings"
