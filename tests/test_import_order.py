"""An import stores its articles in the order the news was told (by publication, then file name), so
a folder gives one timeline however its files are named; and a happening first told undated ("China
recently published a plan") is the one a later article dates ("On February 24, China unveiled it"),
however long after the happening the first article was published."""

import io

import pytest
from django.core.management import call_command

from tests.utils import event_telling, inbox_of, ingest_inbox, outlets_of
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


# One day's two accounts of a bridge struck by a ship: by what was done to the bridge, and by the
# collapse and what caused it. Each fits the other only by its own rule, whichever came first.
STRUCK = (
    "Ship strikes bridge\n\nThe Harbor Bridge in Portsmouth was hit by a large cargo ship early on "
    "Tuesday, police said. Divers searched the river all day.\n"
)
FELL = (
    "City shaken\n\nPortsmouth was rocked by a major bridge collapse early on Tuesday. The Harbor "
    "Bridge collapsed after a collision with a cargo ship. Traffic was diverted through the tunnel.\n"
)


@pytest.mark.parametrize(
    "names", [("a.txt", "b.txt"), ("b.txt", "a.txt")], ids=["struck first", "fell first"]
)
def test_one_happening_told_two_ways_is_one_event_whichever_article_comes_first(tmp_path, names):
    texts = {names[0]: (STRUCK, "Ship strikes bridge", "Gazette"), names[1]: (FELL, "City shaken", "Wire")}
    ingest_inbox(tmp_path / "in", {n: (t, title, o, "2024-03-26") for n, (t, title, o) in texts.items()})
    collapse = event_telling("collapsed after a collision")
    assert event_telling("was hit by a large cargo ship") == collapse
    assert event_telling("rocked by a major bridge collapse") == collapse
    assert outlets_of(collapse) == {"Gazette", "Wire"}


@pytest.mark.parametrize(
    "names", [("a.txt", "b.txt"), ("b.txt", "a.txt")], ids=["struck first", "fell first"]
)
def test_an_event_told_by_two_articles_leads_takes_its_title_from_the_fuller_one_whichever_comes_first(
    tmp_path, names
):
    """Both articles open with the happening (no headline line before it); the one that tells more
    of it gives the title."""
    struck = STRUCK.partition("\n\n")[2]
    fell = FELL.partition("\n\n")[2]
    texts = {names[0]: (struck, "Ship strikes bridge", "Gazette"), names[1]: (fell, "City shaken", "Wire")}
    ingest_inbox(tmp_path / "in", {n: (t, title, o, "2024-03-26") for n, (t, title, o) in texts.items()})
    collapse = event_telling("collapsed after a collision")
    assert outlets_of(collapse) == {"Gazette", "Wire"}
    assert collapse.title == "Portsmouth is rocked by major bridge collapse"


# The day's first article names the collapse only in passing, the second tells it.
EMERGENCY = (
    "Emergency declared\n\nA state of emergency was declared in Portsmouth on Tuesday after a section "
    "of the Harbor Bridge collapsed into the river.\n",
    "Emergency declared",
    "Wire",
    "2024-03-26",
)
COLLAPSE = (
    "Bridge falls\n\nThe Harbor Bridge collapsed early on Tuesday after a cargo ship struck one of its "
    "piers.\n",
    "Bridge falls",
    "Gazette",
    "2024-03-26",
)


def emergency_apart_from(collapse: Event) -> Event:
    """The event of the state of emergency (whose sentence may be a source of the collapse too)."""
    (emergency,) = Event.objects.filter(sources__sentence__contains="state of emergency").exclude(
        pk=collapse.pk
    )
    return emergency


def test_a_happening_named_in_passing_joins_the_event_told_as_one_of_its_kind(tmp_path):
    """The emergency's sentence names the collapse too, and was stored first; "after the collapse of
    the bridge" is the collapse all the same."""
    missing = (
        "Workers missing\n\nSix road workers are missing after the collapse of the Harbor Bridge in "
        "Portsmouth, the mayor said on Wednesday.\n",
        "Workers missing",
        "Herald",
        "2024-03-27",
    )
    ingest_inbox(tmp_path / "in", {"a.txt": EMERGENCY, "b.txt": COLLAPSE, "c.txt": missing})
    collapse = event_telling("The Harbor Bridge collapsed early on Tuesday")
    assert {"Gazette", "Herald"} <= outlets_of(collapse)
    assert outlets_of(emergency_apart_from(collapse)) == {"Wire"}


def test_a_happening_named_in_passing_before_any_article_told_it_joins_it_once_one_does(tmp_path):
    """Once the import has stored both articles, the first one's sentence is a source of the collapse
    too; it gives the collapse no title."""
    ingest_inbox(tmp_path / "in", {"a.txt": EMERGENCY, "b.txt": COLLAPSE})
    collapse = event_telling("The Harbor Bridge collapsed early on Tuesday")
    assert outlets_of(collapse) == {"Gazette", "Wire"}
    assert collapse.title == "Harbor Bridge collapses"
    assert emergency_apart_from(collapse).title.startswith("State of emergency is declared")
