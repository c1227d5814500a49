"""What PostgreSQL keeps for the pages (``timeline.summaries``): the weekly counts equal a full count
of the events, the number of articles a count of them, and each event's search document holds its
words, after every kind of write."""

import datetime as dt
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.http import QueryDict

from timeline import summaries
from timeline.editing import hide_events, merge_actors, merge_events, split_source
from timeline.forms import TimelineFilter
from timeline.models import Actor, Article, Event, EventSource, SearchWords, WeekCount, WordCount
from timeline.views import counted_weeks

from .factories import add_source, make_actor, make_event
from .utils import reingest, require

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def postgres():
    if connection.vendor != "postgresql":
        require("REQUIRE_POSTGRES", "the kept search documents and weekly counts need PostgreSQL")


@pytest.fixture
def editor():
    return User.objects.create_user("editor", is_staff=True)


# Searches a reader might make of the seed articles: one word (counted from ``WordCount``), words, a
# word left out, either word, a quoted phrase and a hyphenated word (the last two are counted over
# the events' own documents).
SEARCHES = [
    "Putin",
    "Bakhmut",
    "talks",
    "Kyiv",
    "Xi visit",
    "Moscow -Putin",
    "Putin or Zelensky",
    "U.S.",
    '"peace plan"',
    "Wagner-led",
]


def assert_counts_hold():
    """The kept counts, of all events and of each actor's, key events or all, equal a full count;
    so do the counts of each search in both views, as the timeline reads them."""
    visible = Event.objects.visible()
    assert SearchWords.objects.count() == Event.objects.count()
    assert summaries.article_count() == Article.objects.count()
    for words in SEARCHES:
        for view in ("key", "all"):
            form = TimelineFilter(QueryDict(urlencode({"q": words, "view": view})))
            assert form.is_valid()
            events = form.apply(visible)
            assert counted_weeks(events, form.counted_by()) == events.weekly_counts(), (words, view)
    assert sum(summaries.weekly_counts(key=False).values()) == visible.count()
    for key in (False, True):
        events = visible.key() if key else visible
        assert summaries.weekly_counts(key=key) == events.weekly_counts()
        for actor in Actor.objects.all():
            assert (
                summaries.weekly_counts(key=key, actor_id=actor.pk) == events.involving(actor).weekly_counts()
            ), (
                actor.name,
                key,
            )


def found(words: str) -> set[int]:
    return set(Event.objects.matching(words).values_list("pk", flat=True))


def test_weekly_counts_equal_a_full_count_after_ingest_merge_split_hide_and_edit(ingested, editor):
    assert_counts_hold()
    # the import folded what its writes appended: one row per week, actor and kind
    rows = WeekCount.objects.values_list("actor_id", "week", "key")
    assert rows.count() == len(set(rows))
    words = WordCount.objects.values_list("word", "week", "key")
    assert words.count() == len(set(words)) and not words.filter(folded=False).exists()

    busy = list(
        Event.objects.visible().exclude(actors=None).exclude(date_start=None).order_by("date_start", "pk")[:2]
    )
    survivor = merge_events(
        events=busy,
        survivor_title=busy[0].title,
        date_start=busy[0].date_start,
        date_end=busy[0].date_end,
        precision=busy[0].precision,
        user=editor,
    )
    assert_counts_hold()

    source = EventSource.objects.filter(event=survivor).order_by("-id").first()
    split_source(source=source, user=editor)
    assert_counts_hold()

    hide_events(events=Event.objects.visible().filter(key=True)[:3], user=editor)
    assert_counts_hold()

    moved = Event.objects.visible().exclude(actors=None).first()
    moved.date_start = moved.date_end = dt.date(2021, 6, 1)
    moved.save()
    assert_counts_hold()

    first, second = Actor.objects.filter(events__isnull=False).distinct()[:2]
    merge_actors(survivor=first, others=[second], user=editor)
    assert_counts_hold()

    Event.objects.visible().order_by("-id").first().delete()
    assert_counts_hold()

    Article.objects.order_by("-id").first().delete()  # with its sources
    assert_counts_hold()

    reingest(ingested)
    assert_counts_hold()
    summaries.compact()
    assert_counts_hold()


def test_rebuilding_gives_the_counts_the_triggers_kept(ingested):
    before = {key: summaries.weekly_counts(key=key) for key in (False, True)}
    summaries.rebuild_all()
    assert {key: summaries.weekly_counts(key=key) for key in (False, True)} == before
    assert_counts_hold()


def test_search_finds_the_words_of_every_source_after_edits(editor):
    sanctions = make_event(title="Ministry announces new measures", summary="")
    add_source(
        sanctions,
        sentence="The ministry announced sanctions on the shipping firms.",
        temporal_expression="on Monday",
        date_start=dt.date(2023, 3, 20),
    )
    bridge = make_event(title="Ship strikes bridge", summary="A ship hit it.", date=dt.date(2023, 3, 26))
    assert found("sanctions") == {sanctions.pk}
    assert found("shipping firms") == {sanctions.pk}

    # the sentence leaves with its source: split out, only the new event holds its words
    source = EventSource.objects.get(sentence__startswith="The ministry announced")
    alone = split_source(source=source, user=editor)
    assert found("sanctions") == {alone.pk}

    # an editor's new title is searchable at once, and the old one no longer
    bridge.title = "Container ship collides with the Key Bridge"
    bridge.save()
    assert found("collides") == {bridge.pk}
    assert found("strikes") == set()

    # a merge brings every source's words to the survivor
    survivor = merge_events(
        events=[bridge, alone],
        survivor_title=bridge.title,
        date_start=bridge.date_start,
        date_end=bridge.date_end,
        precision=bridge.precision,
        user=editor,
        survivor=bridge,
    )
    assert found("sanctions") == found("collides") == {survivor.pk}


def test_an_event_saved_from_memory_keeps_its_search_document():
    actor = make_actor("Wes Moore")
    event = make_event(title="Governor declares emergency", actors=[actor])
    stale = Event.objects.get(pk=event.pk)
    add_source(
        event,
        sentence="Moore declared a state of emergency after the collapse.",
        temporal_expression="on Tuesday",
        date_start=dt.date(2023, 3, 21),
    )
    stale.importance = 3.0
    stale.save()  # written from a copy read before the new source: the document is not rolled back
    assert found("collapse") == {event.pk}
