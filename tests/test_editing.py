"""Editing operations, and the promise that a re-import (`ingest --force`) keeps every correction."""

import datetime as dt

import pytest

from tests.factories import make_actor, make_article, make_editor, make_event
from tests.utils import corpus_picks, event_of, reingest, report_key
from timeline import editing
from timeline.models import Actor, ActorAlias, Article, Correction, Event, EventSource, Flag, Status
from timeline.services import build_gazetteer, resolve_actor

pytestmark = pytest.mark.django_db

FRIDAY_ARTICLE = "002_266a9cc2f08c840b.txt"


def two_event_sources(article=None):
    article = article or make_article()
    first = make_event(title="Xi arrives in Moscow", article=article)
    second = make_event(title="Xi lands in Moscow", date=dt.date(2023, 3, 21), article=make_article())
    return first, second


def merge_both(first, second, *, title, end, editor):
    """The editor's merge of ``two_event_sources()`` into the first, confirmed as ``title`` from 20 March."""
    return editing.merge_events(
        events=[first, second],
        survivor=first,
        survivor_title=title,
        date_start=dt.date(2023, 3, 20),
        date_end=end,
        precision="day",
        user=editor,
    )


def test_a_change_is_recorded_with_its_author_and_locks_the_field():
    editor = make_editor()
    event = make_event()
    correction = editing.record_change(event, editor, "title", event.title, "Xi Jinping lands in Moscow")
    assert (correction.user, correction.field, correction.after) == (
        editor,
        "title",
        "Xi Jinping lands in Moscow",
    )
    event.refresh_from_db()
    assert event.locked_fields == ["title"]


def test_recording_an_unchanged_value_adds_no_history_and_no_lock():
    event = make_event()
    assert editing.record_change(event, None, "date_start", event.date_start, event.date_start) is None
    assert not Correction.objects.exists()
    assert Event.objects.get(pk=event.pk).locked_fields == []


def test_verifying_and_hiding_set_the_status_and_record_it():
    editor = make_editor()
    kept, dropped = two_event_sources()
    assert editing.verify_events(events=[kept], user=editor) == 1
    assert editing.hide_events(events=[dropped], user=editor) == 1
    assert editing.hide_events(events=[dropped], user=editor) == 0
    assert Event.objects.get(pk=kept.pk).status == Status.VERIFIED
    assert list(Event.objects.visible()) == [kept]
    assert Correction.objects.get(event=dropped).after == "hidden"


def test_merging_keeps_every_source_and_the_confirmed_title_and_dates():
    editor = make_editor()
    first, second = two_event_sources()
    editing.record_change(second, editor, "precision", "day", "week")
    title = "Xi Jinping arrives in Moscow for a state visit"
    survivor = merge_both(first, second, title=title, end=dt.date(2023, 3, 20), editor=editor)
    assert list(Event.objects.all()) == [first]
    assert survivor.sources.count() == 2
    assert all(s.pinned for s in survivor.sources.all())
    assert survivor.title == title
    assert {"title", "date_start", "date_end", "precision"} <= set(survivor.locked_fields)
    # The merged-away event's history now belongs to the survivor.
    assert survivor.corrections.filter(field="precision", after="week").exists()
    assert "merged from" in survivor.corrections.get(field="sources").after


def test_merging_a_single_event_is_refused_with_a_reason():
    event = make_event()
    with pytest.raises(editing.EditingError, match="at least two"):
        editing.merge_events(
            events=[event], survivor_title="x", date_start=None, date_end=None, precision=None, user=None
        )


def test_splitting_a_source_makes_its_own_event_and_leaves_locked_fields_alone():
    editor = make_editor()
    xi = make_actor("Xi Jinping", aliases=["Xi"])
    putin = make_actor("Vladimir Putin", aliases=["Putin"])
    first, second = two_event_sources()
    first.actors.set([xi, putin])
    merged = merge_both(first, second, title="Xi in Moscow", end=dt.date(2023, 3, 21), editor=editor)
    moved = merged.sources.get(date_start=dt.date(2023, 3, 21))
    new = editing.split_source(source=moved, user=editor)
    moved.refresh_from_db()
    merged.refresh_from_db()
    assert moved.event == new and moved.pinned
    assert new.title.startswith("Xi lands in Moscow") and new.date_start == dt.date(2023, 3, 21)
    assert list(new.actors.all()) == [xi]  # only the actor its sentence names
    # The editor's title and dates on the old event stand; its sources are down to one.
    assert (merged.title, merged.date_end) == ("Xi in Moscow", dt.date(2023, 3, 21))
    assert merged.sources.count() == 1
    assert new.corrections.get(field="sources").user == editor


def test_splitting_the_only_source_of_an_event_is_refused():
    event = make_event()
    with pytest.raises(editing.EditingError, match="only this source"):
        editing.split_source(source=event.sources.get(), user=None)


def test_merged_actors_take_events_and_aliases_and_later_imports_resolve_the_old_names():
    editor = make_editor()
    bakhmut = make_actor("Bakhmut", kind="place")
    artemovsk = make_actor("Artemovsk", kind="place", aliases=["Artyomovsk"])
    event = make_event(title="Fighting in Artemovsk", actors=[artemovsk])
    editing.merge_actors(survivor=bakhmut, others=[artemovsk], user=editor)
    assert list(event.actors.all()) == [bakhmut]
    assert set(bakhmut.aliases.values_list("name", flat=True)) == {"Bakhmut", "Artemovsk", "Artyomovsk"}
    assert list(Actor.objects.canonical()) == [bakhmut]
    assert resolve_actor("Artyomovsk", "place") == bakhmut
    assert build_gazetteer().entries["artemovsk"] == ("Bakhmut", "place")
    assert Actor.objects.get(pk=artemovsk.pk).merged_into == bakhmut
    assert event.corrections.get(field="actors").before == "Artemovsk"


# The re-import contract, against the real pipeline over the fixture corpus.


@pytest.fixture
def edited(ingested):
    """The fixture corpus after an editor retitled, hid, merged and split events; then re-imported."""
    editor = make_editor()
    picks = corpus_picks()
    retitled, hidden, to_merge = picks.retitled, picks.hidden, picks.to_merge
    for field, value in [("title", "Corrected headline"), ("summary", "Summary written by the desk")]:
        editing.record_change(retitled, editor, field, getattr(retitled, field), value)
        Event.objects.filter(pk=retitled.pk).update(**{field: value})
    editing.hide_events(events=[hidden], user=editor)
    merged = editing.merge_events(
        events=to_merge,
        survivor=to_merge[0],
        survivor_title="Merged by an editor",
        date_start=dt.date(2023, 3, 20),
        date_end=dt.date(2023, 3, 22),
        precision="day",
        user=editor,
    )
    split_out = editing.split_source(source=merged.sources.get(pk=picks.to_split.pk), user=editor)
    state = {
        "retitled": retitled.pk,
        "retitled_keys": {report_key(s) for s in retitled.sources.all()},
        "hidden_keys": {report_key(s) for s in hidden.sources.all()},
        "hidden_reports": set(hidden.sources.values_list("sentence", "temporal_expression")),
        "merged": merged.pk,
        "merged_keys": {report_key(s) for s in merged.sources.all()},
        "split": split_out.pk,
        "split_key": report_key(split_out.sources.get()),
        "history": set(Correction.objects.values_list("pk", flat=True)),
        "sources": EventSource.objects.count(),
    }
    reingest(ingested)
    return state


def test_a_forced_reimport_never_overwrites_a_corrected_title_or_summary(edited):
    retitled = Event.objects.get(pk=edited["retitled"])
    assert (retitled.title, retitled.summary) == ("Corrected headline", "Summary written by the desk")
    assert {event_of(key).pk for key in edited["retitled_keys"]} == {retitled.pk}, (
        "the corrected event lost sources to a new duplicate"
    )


def test_a_forced_reimport_never_shows_a_hidden_event_again(edited):
    assert {event_of(key).status for key in edited["hidden_keys"]} == {Status.HIDDEN}
    # a sentence may report other events too; the hidden reports (sentence and date) show nowhere
    shown = set(
        EventSource.objects.filter(event__in=Event.objects.visible()).values_list(
            "sentence", "temporal_expression"
        )
    )
    assert not shown & edited["hidden_reports"]


def test_a_forced_reimport_never_splits_what_an_editor_merged(edited):
    assert {event_of(key).pk for key in edited["merged_keys"]} == {edited["merged"]}
    merged = Event.objects.get(pk=edited["merged"])
    assert (merged.title, merged.date_start, merged.date_end) == (
        "Merged by an editor",
        dt.date(2023, 3, 20),
        dt.date(2023, 3, 22),
    )


def test_a_forced_reimport_never_sends_a_merge_the_editor_dated_back_to_review(edited):
    merged = Event.objects.get(pk=edited["merged"])
    assert len({s.date_start for s in merged.sources.all()}) > 1, "the sources no longer disagree"
    assert Flag.DATE_CONFLICT not in merged.flags
    assert not Event.objects.needing_review().filter(pk=merged.pk).exists()


def test_a_forced_reimport_never_merges_back_what_an_editor_split(edited):
    assert event_of(edited["split_key"]).pk == edited["split"]


def test_a_forced_reimport_keeps_the_history_and_adds_no_duplicate_sources(edited):
    assert edited["history"] <= set(Correction.objects.values_list("pk", flat=True))
    assert EventSource.objects.count() == edited["sources"]


def test_a_forced_reimport_resolves_a_merged_actors_old_name_to_the_survivor(ingested):
    bakhmut = Actor.objects.get(name="Bakhmut")
    ActorAlias.objects.filter(normalized="bakhmut").delete()
    ActorAlias.objects.create(actor=bakhmut, name="Bakhmut town")
    stray = Actor.objects.create(name="Bakhmut", kind="place")
    ActorAlias.objects.create(actor=stray, name="Bakhmut")
    editing.merge_actors(survivor=bakhmut, others=[stray], user=None)

    reingest(ingested)

    assert not Event.objects.filter(actors=stray).exists()
    assert Event.objects.filter(actors=bakhmut).exists()


def test_correcting_a_publication_date_moves_relative_dates_but_not_locked_ones(ingested):
    editor = make_editor()
    friday = EventSource.objects.get(article__file_name=FRIDAY_ARTICLE, sentence__contains="Rishi Sunak")
    assert friday.date_start == dt.date(2023, 3, 17)
    article = friday.article
    locked = (
        EventSource.objects.filter(article=article, date_start__isnull=False)
        .exclude(event=friday.event)
        .exclude(temporal_value__regex=r"^\d{4}-\d\d-\d\d$")
        .first()
    )
    if locked is not None:
        editing.record_change(
            locked.event, editor, "date_start", locked.event.date_start, dt.date(2020, 1, 1)
        )
        Event.objects.filter(pk=locked.event_id).update(date_start=dt.date(2020, 1, 1))

    editing.redate_article(article=article, published=dt.date(2023, 3, 24), user=editor)

    friday = event_of(report_key(friday))
    assert friday.date_start == dt.date(2023, 3, 24)
    assert friday.corrections.filter(field="article published", after="2023-03-24").exists()
    if locked is not None:
        assert Event.objects.get(pk=locked.event_id).date_start == dt.date(2020, 1, 1)


def test_a_corrected_publication_date_survives_a_forced_reimport(ingested):
    friday = EventSource.objects.get(article__file_name=FRIDAY_ARTICLE, sentence__contains="Rishi Sunak")
    editing.redate_article(article=friday.article, published=dt.date(2023, 3, 24), user=make_editor())

    reingest(ingested)

    article = Article.objects.get(file_name=FRIDAY_ARTICLE)
    assert (article.published, article.published_corrected) == (dt.date(2023, 3, 24), True)
    assert event_of(report_key(friday)).date_start == dt.date(2023, 3, 24)
