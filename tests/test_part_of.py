"""A deed is part of the happening it brought about or befell in, also when that happening was
stored by an earlier import."""

import pytest

from tests.utils import ingest_inbox, outlets_of
from timeline.models import Event

pytestmark = pytest.mark.django_db

COLLAPSE = "Span falls\n\nThe old span collapsed into the harbour early on Monday, April 7, 2025.\n"
COLLIDED = (
    "Ship to blame\n\nA container ship struck the old span early on Monday, causing a sudden collapse.\n"
)


def test_a_deed_that_brought_about_a_happening_stored_by_an_earlier_import_is_part_of_it(tmp_path):
    ingest_inbox(tmp_path / "first", {"a_fell.txt": (COLLAPSE, "Span falls", "Wire", "2025-04-07")})
    ingest_inbox(tmp_path / "second", {"b_ship.txt": (COLLIDED, "Ship to blame", "Gazette", "2025-04-08")})
    (collapse,) = Event.objects.filter(sources__sentence__startswith="The old span collapsed").distinct()
    assert outlets_of(collapse) == {"Wire", "Gazette"}, (
        "the collision that brought the collapse about is part of it"
    )
