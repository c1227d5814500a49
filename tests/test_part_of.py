"""A deed is part of the happening it brought about or befell in, also when that happening was
stored by an earlier import."""

import io

import pytest
from django.core.management import call_command

from tests.utils import inbox_of
from timeline.models import Event

pytestmark = pytest.mark.django_db

COLLAPSE = "Span falls\n\nThe old span collapsed into the harbour early on Monday, April 7, 2025.\n"
COLLIDED = (
    "Ship to blame\n\nA container ship struck the old span early on Monday, causing a sudden collapse.\n"
)


def test_a_deed_that_brought_about_a_happening_stored_by_an_earlier_import_is_part_of_it(tmp_path):
    out = io.StringIO()
    first = inbox_of(tmp_path / "first", {"a_fell.txt": (COLLAPSE, "Span falls", "Wire", "2025-04-07")})
    call_command("ingest", str(first), stdout=out, stderr=io.StringIO())
    second = inbox_of(
        tmp_path / "second", {"b_ship.txt": (COLLIDED, "Ship to blame", "Gazette", "2025-04-08")}
    )
    call_command("ingest", str(second), stdout=out, stderr=io.StringIO())
    (collapse,) = Event.objects.filter(sources__sentence__startswith="The old span collapsed").distinct()
    sources = set(collapse.sources.values_list("article__source__name", flat=True))
    assert sources == {"Wire", "Gazette"}, "the collision that brought the collapse about is part of it"
