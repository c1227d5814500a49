"""An import stores its articles in the order the news was told (by publication, then file name), so
a folder gives one timeline however its files are named; and a happening first told undated ("China
recently published a plan") is the one a later article dates ("On February 24, China unveiled it"),
however long after the happening the first article was published."""

import io

import pytest
from django.core.management import call_command

from tests.utils import inbox_of, outlets_of
from timeline.models import Actor, Article, Event

pytestmark = pytest.mark.django_db

UNDATED = (
    "Ceasefire call rejected\n\nWashington rejected calls for a ceasefire on Friday. China recently "
    "published a 12-point plan to resolve the Ukraine crisis peacefully.\n",
    "2023-03-17",
)
DATED = (
    "Beijing's role\n\nOn February 24, China unveiled a 12-point proposal to settle the Ukraine crisis "
    "peacefully. The Kremlin welcomed it on Monday.\n",
    "2023-03-20",
)


def timeline():
    """What a reader sees of the events: title, dates and outlets of each."""
    return sorted(
        (e.title, str(e.date_start), str(e.date_end), tuple(sorted(outlets_of(e))))
        for e in Event.objects.all()
    )


def import_named(folder, names):
    """Imports UNDATED and DATED under the given file names, from one folder."""
    articles = {
        name: (text, text.partition("\n")[0], outlet, published)
        for name, (text, published), outlet in zip(names, (UNDATED, DATED), ("Wire", "Gazette"), strict=True)
    }
    call_command("ingest", str(inbox_of(folder, articles)), stdout=io.StringIO(), stderr=io.StringIO())


def test_a_happening_told_undated_is_the_one_a_later_article_dates(tmp_path):
    import_named(tmp_path / "in", ["a.txt", "b.txt"])
    (plan,) = Event.objects.filter(sources__sentence__contains="12-point").distinct()
    assert outlets_of(plan) == {"Wire", "Gazette"}
    assert str(plan.date_start) == "2023-02-24", "the date an article states wins over a publication"


def test_a_folder_gives_one_timeline_however_its_files_are_named(tmp_path):
    import_named(tmp_path / "first", ["a.txt", "b.txt"])  # the undated report's file first by name
    first = timeline()
    for model in (Event, Article, Actor):
        model.objects.all().delete()
    import_named(tmp_path / "second", ["z.txt", "b.txt"])  # and last
    assert timeline() == first
