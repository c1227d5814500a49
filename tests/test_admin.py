"""The editors' admin through the test client: lists, corrections, actions, history, roles, re-import."""

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.db.models import Model
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_actor, make_article, make_editor, make_event
from tests.utils import corpus_picks, event_of, reingest, report_key
from timeline.models import Actor, Article, Correction, Event, EventSource, Status, Thread
from timeline.services import resolve_actor

pytestmark = pytest.mark.django_db

EVENTS = reverse("admin:timeline_event_changelist")
REVIEW = reverse("admin:timeline_event_review")


@pytest.fixture
def editor():
    return make_editor()


@pytest.fixture
def as_editor(client, editor):
    client.force_login(editor)
    return client


def change_url(event):
    return reverse("admin:timeline_event_change", args=[event.pk])


def as_post_value(value):
    if isinstance(value, Model):
        return value.pk
    if isinstance(value, list | tuple):
        return [as_post_value(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else value


def change_form_data(client, url, **changes):
    """What the change page would post back untouched, with ``changes`` applied."""
    response = client.get(url)
    assert response.status_code == 200
    data = {}
    form = response.context["adminform"].form
    for name in form.fields:
        data[name] = as_post_value(form[name].value())
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{name}"] = value
        for subform in formset.forms:
            for name in subform.fields:
                data[subform.add_prefix(name)] = as_post_value(subform[name].value())
    data.update({k: as_post_value(v) for k, v in changes.items()})
    return data


def add_source(event, sentence, **fields):
    """Another article's report of ``event``, in ``sentence``."""
    return EventSource.objects.create(
        event=event, article=make_article(), sentence=sentence, start=0, end=len(sentence), **fields
    )


def run_action(client, action, events, **extra):
    data = {"action": action, "_selected_action": [e.pk for e in events], **extra}
    return client.post(EVENTS, data)


def confirm_merge(client, events, survivor, title, start, end, precision="day"):
    return run_action(
        client,
        "merge_selected",
        events,
        confirm="yes",
        survivor=survivor.pk,
        title=title,
        date_start=start,
        date_end=end,
        precision=precision,
    )


# Roles


def test_the_admin_needs_a_login_and_readers_need_none(client):
    make_event()
    response = client.get(EVENTS)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert client.get("/").status_code == 200


def test_the_editors_group_can_correct_events_but_not_delete_them_or_manage_users():
    codenames = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    assert {"change_event", "view_event", "change_actor", "change_article", "view_correction"} <= codenames
    assert "delete_event" not in codenames and "change_correction" not in codenames
    auth_permissions = Permission.objects.filter(content_type__app_label="auth")
    assert not Group.objects.get(name="Editors").permissions.filter(pk__in=auth_permissions).exists()


def test_an_editor_can_open_the_event_pages_but_not_the_user_admin(as_editor):
    event = make_event()
    assert as_editor.get(EVENTS).status_code == 200
    assert as_editor.get(change_url(event)).status_code == 200
    assert as_editor.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert as_editor.get(reverse("admin:auth_group_changelist")).status_code == 403


def test_a_staff_user_outside_the_editors_group_cannot_change_events(client):
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_user("intern", is_staff=True))
    event = make_event()
    assert client.get(change_url(event)).status_code == 403
    run_action(client, "hide_selected", [event])
    assert Event.objects.get(pk=event.pk).status == Status.AUTO


# The event list


def test_the_event_list_shows_date_title_precision_status_sources_and_flags(as_editor):
    event = make_event(title="Xi lands in Moscow", flags=["date_conflict"])
    add_source(event, "Xi landed.", temporal_expression="today")
    page = as_editor.get(EVENTS).content.decode()
    row = re.search(r"<tr>(?:(?!</tr>).)*Xi lands in Moscow.*?</tr>", page, re.S).group(0)
    for shown in ["20 Mar 2023", "Day", "as extracted", ">2<", "date_conflict"]:
        assert shown in row


def test_the_event_list_filters_by_flag_source_thread_and_status(as_editor):
    thread = Thread.objects.create(slug="xi-visit", name="Xi's visit")
    flagged = make_event(title="Flagged event", flags=["invalid_date"])
    tass = make_event(title="Reported by TASS", article=make_article(source="TASS"))
    threaded = make_event(title="In the storyline")
    threaded.threads.add(thread)
    hidden = make_event(title="Hidden event", status=Status.HIDDEN)

    def titles(query):
        return {e.title for e in as_editor.get(EVENTS + query).context["cl"].result_list}

    assert titles("?flag=invalid_date") == {flagged.title}
    assert titles("?source=tass") == {tass.title}
    assert titles(f"?threads__id__exact={thread.pk}") == {threaded.title}
    assert titles("?status__exact=hidden") == {hidden.title}
    assert titles("?q=storyline") == {threaded.title}


def test_the_event_list_costs_the_same_queries_for_one_event_and_for_fifty(as_editor):
    from django.db import connection

    make_event(flags=["date_conflict"])
    with CaptureQueriesContext(connection) as one:
        assert as_editor.get(EVENTS).status_code == 200
    for n in range(49):
        make_event(title=f"Event {n}", date=dt.date(2023, 3, 1 + n % 28))
    with CaptureQueriesContext(connection) as fifty:
        response = as_editor.get(EVENTS)
    assert len(response.context["cl"].result_list) == 50
    assert len(fifty) == len(one)


def test_the_event_list_query_count_is_pinned(as_editor, django_assert_num_queries):
    for n in range(50):
        make_event(title=f"Event {n}", date=dt.date(2023, 3, 1 + n % 28))
    # session, user, permissions, count, filtered count, events, precision, source and thread
    # filter choices, date hierarchy (two), review count
    with django_assert_num_queries(12):
        as_editor.get(EVENTS)


# Corrections through the change form


def test_editing_an_event_records_each_change_and_locks_the_fields(as_editor, editor):
    xi = make_actor("Xi Jinping")
    event = make_event(title="Xi arives in Moscow")
    data = change_form_data(
        as_editor,
        change_url(event),
        title="Xi Jinping arrives in Moscow",
        date_start="2023-03-21",
        date_end="2023-03-21",
        actors=[xi.pk],
    )
    response = as_editor.post(change_url(event), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    event.refresh_from_db()
    assert event.title == "Xi Jinping arrives in Moscow"
    assert set(event.locked_fields) == {"title", "date_start", "date_end", "actors"}
    title = event.corrections.get(field="title")
    assert (title.user, title.before, title.after) == (
        editor,
        "Xi arives in Moscow",
        "Xi Jinping arrives in Moscow",
    )
    assert event.corrections.get(field="actors").after == "Xi Jinping"


def test_the_event_page_shows_the_history_of_corrections(as_editor, editor):
    event = make_event(title="Old headline")
    as_editor.post(change_url(event), change_form_data(as_editor, change_url(event), title="New headline"))
    page = as_editor.get(change_url(event)).content.decode()
    assert "history of corrections" in page.lower()
    assert "Old headline" in page and "New headline" in page and editor.username in page


def test_saving_an_event_unchanged_records_nothing(as_editor):
    event = make_event()
    as_editor.post(change_url(event), change_form_data(as_editor, change_url(event)))
    assert not Correction.objects.exists()
    assert Event.objects.get(pk=event.pk).locked_fields == []


# Actions


def test_the_merge_action_asks_for_the_surviving_title_and_date_first(as_editor):
    first = make_event(title="Xi arrives in Moscow")
    second = make_event(title="Chinese leader lands in Russia", date=dt.date(2023, 3, 21))
    response = run_action(as_editor, "merge_selected", [first, second])
    assert response.status_code == 200
    page = response.content.decode()
    assert "Xi arrives in Moscow" in page and "Chinese leader lands in Russia" in page
    assert 'name="title"' in page and 'name="date_start"' in page
    assert Event.objects.count() == 2


def test_confirming_a_merge_leaves_one_event_with_every_source(as_editor):
    first = make_event(title="Xi arrives in Moscow")
    second = make_event(title="Chinese leader lands in Russia", date=dt.date(2023, 3, 21))
    response = confirm_merge(
        as_editor, [first, second], second, "Xi arrives in Moscow", "2023-03-20", "2023-03-20"
    )
    assert response.status_code == 302 and response["Location"] == change_url(second)
    assert list(Event.objects.all()) == [second]
    second.refresh_from_db()
    assert (second.title, second.date_start, second.sources.count()) == (
        "Xi arrives in Moscow",
        dt.date(2023, 3, 20),
        2,
    )


def test_a_merge_with_an_end_before_its_start_is_sent_back_with_the_reason(as_editor):
    first, second = make_event(), make_event(title="Other")
    response = confirm_merge(as_editor, [first, second], first, "Xi", "2023-03-22", "2023-03-20")
    assert response.status_code == 200
    assert "The end date is before the start date." in response.content.decode()
    assert Event.objects.count() == 2


def test_verify_and_hide_actions_change_the_status(as_editor):
    kept, dropped = make_event(), make_event(title="Noise")
    run_action(as_editor, "verify_selected", [kept])
    run_action(as_editor, "hide_selected", [dropped])
    assert Event.objects.get(pk=kept.pk).status == Status.VERIFIED
    assert Event.objects.get(pk=dropped.pk).status == Status.HIDDEN
    assert "Noise" not in as_editor.get("/").content.decode()


def test_splitting_a_source_out_from_the_event_page(as_editor):
    event = make_event(title="Xi in Moscow")
    stray = add_source(event, "Putin flew to Beijing.")
    page = as_editor.get(change_url(event)).content.decode()
    split_url = reverse("admin:timeline_event_split", args=[event.pk, stray.pk])
    assert split_url in page
    assert "Putin flew to Beijing." in as_editor.get(split_url).content.decode()
    response = as_editor.post(split_url)
    stray.refresh_from_db()
    assert response["Location"] == change_url(stray.event)
    assert stray.event != event and stray.pinned
    assert event.sources.count() == 1


def test_merging_actors_moves_events_and_aliases_and_hides_the_old_name(as_editor):
    bakhmut = make_actor("Bakhmut", kind="place")
    artemovsk = make_actor("Artemovsk", kind="place")
    event = make_event(actors=[artemovsk])
    actors = reverse("admin:timeline_actor_changelist")
    data = {"action": "merge_selected", "_selected_action": [bakhmut.pk, artemovsk.pk]}
    assert "Artemovsk" in as_editor.post(actors, data).content.decode()
    response = as_editor.post(actors, {**data, "confirm": "yes", "survivor": bakhmut.pk})
    assert response.status_code == 302
    assert list(event.actors.all()) == [bakhmut]
    assert resolve_actor("Artemovsk", "place") == bakhmut
    listed = {a.name for a in as_editor.get(actors).context["cl"].result_list}
    assert listed == {"Bakhmut"}


def test_the_actor_autocomplete_offers_no_merged_actor(as_editor):
    bakhmut = make_actor("Bakhmut", kind="place")
    Actor.objects.create(name="Bakhmut (old)", kind="place", merged_into=bakhmut)
    response = as_editor.get(
        reverse("admin:autocomplete"),
        {"term": "Bakh", "app_label": "timeline", "model_name": "event", "field_name": "actors"},
    )
    assert [r["text"] for r in response.json()["results"]] == ["Bakhmut"]


# The review queue


def test_the_review_queue_lists_doubtful_events_with_their_evidence(as_editor):
    conflict = make_event(title="Dates disagree", flags=["date_conflict"])
    add_source(
        conflict,
        "The talks began on Tuesday.",
        temporal_expression="on Tuesday",
        temporal_value="2023-03-21",
        date_start=dt.date(2023, 3, 21),
    )
    make_event(title="Unsure merge", merge_confidence=0.4)
    make_event(title="Settled", flags=["date_conflict"], status=Status.VERIFIED)
    make_event(title="Nothing wrong")
    page = as_editor.get(REVIEW).content.decode()
    assert "Dates disagree" in page and "Unsure merge" in page
    assert "Settled" not in page and "Nothing wrong" not in page
    assert "The talks began on Tuesday." in page and "on Tuesday" in page and "2023-03-21" in page
    assert "Review queue (2)" in as_editor.get(EVENTS).content.decode()


def test_the_review_queue_costs_the_same_queries_for_one_event_and_for_twenty(as_editor):
    from django.db import connection

    make_event(title="Doubtful 0", flags=["date_conflict"])
    with CaptureQueriesContext(connection) as one:
        as_editor.get(REVIEW)
    for n in range(1, 20):
        make_event(title=f"Doubtful {n}", flags=["invalid_date"], article=make_article(source=f"Outlet {n}"))
    with CaptureQueriesContext(connection) as twenty:
        page = as_editor.get(REVIEW).content.decode()
    assert page.count('class="module review-item"') == 20
    assert len(twenty) == len(one)


def test_verifying_from_the_review_queue_takes_the_event_off_it(as_editor):
    doubtful = make_event(title="Inferred date", flags=["published_inferred"])
    response = as_editor.post(REVIEW, {"action": "verify_selected", "_selected_action": [doubtful.pk]})
    assert response.status_code == 302 and response["Location"] == REVIEW
    assert "Inferred date" not in as_editor.get(REVIEW).content.decode()


# Articles


def test_an_article_cannot_be_added_by_hand_and_its_body_is_read_only(as_editor):
    article = make_article()
    assert as_editor.get(reverse("admin:timeline_article_add")).status_code == 403
    page = as_editor.get(reverse("admin:timeline_article_change", args=[article.pk])).content.decode()
    assert 'name="body"' not in page and article.body in page


def test_correcting_a_publication_date_in_the_admin_re_dates_its_relative_dates(as_editor, ingested):
    friday = EventSource.objects.get(
        article__file_name="002_266a9cc2f08c840b.txt", sentence__contains="Sunak"
    )
    url = reverse("admin:timeline_article_change", args=[friday.article_id])
    response = as_editor.post(url, change_form_data(as_editor, url, published="2023-03-24"))
    assert response.status_code == 302
    article = Article.objects.get(pk=friday.article_id)
    assert article.published == dt.date(2023, 3, 24) and not article.published_inferred
    friday = EventSource.objects.get(article=article, start=friday.start, end=friday.end)
    assert friday.date_start == dt.date(2023, 3, 24)
    assert friday.event.date_start == dt.date(2023, 3, 24)


# The whole flow: every correction made in the admin stands after `ingest --force`.


def test_every_correction_made_in_the_admin_stands_after_a_forced_reimport(as_editor, ingested):
    picks = corpus_picks()
    retitled, hidden, verified, split = picks.retitled, picks.hidden, picks.verified, picks.to_split
    to_merge = picks.to_merge
    url = change_url(retitled)
    fixed = {"title": "Headline fixed by the desk", "summary": "Summary by the desk", "precision": "month"}
    response = as_editor.post(url, change_form_data(as_editor, url, **fixed))
    assert response.status_code == 302
    run_action(as_editor, "hide_selected", [hidden])
    run_action(as_editor, "verify_selected", [verified])
    confirm_merge(as_editor, to_merge, to_merge[0], "Xi's state visit to Moscow", "2023-03-20", "2023-03-22")
    merged = Event.objects.get(pk=to_merge[0].pk)
    assert merged.sources.filter(pk=split.pk).exists()
    as_editor.post(reverse("admin:timeline_event_split", args=[merged.pk, split.pk]))
    split.refresh_from_db()
    assert split.event_id != merged.pk

    def keys(event):
        return {report_key(s) for s in event.sources.all()}

    retitled_keys, hidden_keys, verified_keys, merged_keys = map(keys, [retitled, hidden, verified, merged])
    split_key, split_event = report_key(split), split.event

    reingest(ingested)

    retitled = Event.objects.get(pk=retitled.pk)
    assert {field: getattr(retitled, field) for field in fixed} == fixed
    assert {event_of(k).pk for k in retitled_keys} == {retitled.pk}, "sources went to a fresh duplicate"
    assert {event_of(k).status for k in hidden_keys} == {Status.HIDDEN}
    assert {event_of(k).status for k in verified_keys} == {Status.VERIFIED}
    assert {event_of(k).pk for k in merged_keys} == {merged.pk}
    merged = Event.objects.get(pk=merged.pk)
    assert (merged.title, merged.date_start, merged.date_end) == (
        "Xi's state visit to Moscow",
        dt.date(2023, 3, 20),
        dt.date(2023, 3, 22),
    )
    assert not Event.objects.needing_review().filter(pk=merged.pk).exists()
    assert event_of(split_key).pk == split_event.pk
    assert Correction.objects.filter(event=merged, field="title").exists()


def test_attaching_a_reaction_in_the_admin_records_it_locks_it_and_folds_it_under_its_happening(
    as_editor, editor, client
):
    happening = make_event(title="Dam opens", event_type="meeting")
    statement = make_event(title="Farmers say the dam is late", event_type="statement")
    response = as_editor.post(
        change_url(statement), change_form_data(as_editor, change_url(statement), reaction_to=happening.pk)
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    statement.refresh_from_db()
    assert statement.reaction_to == happening and statement.is_locked("reaction_to")
    change = statement.corrections.get(field="reaction_to")
    assert (change.user, change.before, change.after) == (editor, "", "Dam opens")
    timeline = client.get(reverse("timeline:timeline")).content.decode()
    assert "Dam opens" in timeline and "1 reaction" in timeline and "Farmers say" not in timeline


def test_an_event_made_a_reaction_to_itself_is_refused_with_the_field_named(as_editor):
    statement = make_event(title="Farmers say the dam is late", event_type="statement")
    response = as_editor.post(
        change_url(statement), change_form_data(as_editor, change_url(statement), reaction_to=statement.pk)
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["reaction_to"] == [
        "An event cannot be a reaction to itself."
    ]
    statement.refresh_from_db()
    assert statement.reaction_to is None


@pytest.mark.parametrize("pin, key", [("in", True), ("out", False)])
def test_pinning_an_event_puts_it_in_or_out_of_the_key_view_at_once(as_editor, pin, key):
    top = make_event(title="Summit", event_type="meeting")
    for n in range(8):
        make_event(title=f"Remark {n}", event_type="statement")
    event = Event.objects.get(title="Remark 7") if key else top
    event.refresh_from_db()
    assert event.key is not key  # what the ranking alone decides
    data = change_form_data(as_editor, change_url(event), key_pin=pin)
    assert as_editor.post(change_url(event), data).status_code == 302
    event.refresh_from_db()
    assert event.key is key and event.is_locked("key_pin")
