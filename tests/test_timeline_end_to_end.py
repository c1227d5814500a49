"""The fixture articles ingested: merged events, their sources and flags as a reader sees them."""

import datetime as dt
import io

import pytest
from django.core.management import call_command

from timeline.export import timeline_document
from timeline.models import Actor, Event, EventSource, Status
from timeline.services import reresolve_article

pytestmark = pytest.mark.django_db


def event_with(sentence_part):
    return Event.objects.get(sources__sentence__contains=sentence_part)


def test_chinas_peace_plan_is_one_event_reported_by_several_articles(ingested):
    plan = event_with("China unveiled a proposal")
    files = sorted(s.article.file_name[:3] for s in plan.sources.select_related("article"))
    assert {"000", "003"} <= set(files)
    assert (plan.date_start, plan.date_end) == (dt.date(2023, 2, 24), dt.date(2023, 2, 24))
    assert "date_conflict" not in plan.flags
    month = plan.sources.get(sentence__contains="In February 2023")
    assert (month.date_start, month.date_end) == (dt.date(2023, 2, 1), dt.date(2023, 2, 28)), (
        "a source keeps its own date"
    )


def test_kyivs_decision_is_reported_last_week_and_this_month_as_one_event(ingested):
    decision = event_with("Kyiv announced that it had decided")
    assert decision.sources.filter(sentence__contains="Ukraine decided this month").exists()
    assert (decision.date_start, decision.date_end) == (dt.date(2023, 3, 6), dt.date(2023, 3, 12))
    assert decision.precision == "week"


def test_spellings_of_one_actor_are_one_actor(ingested):
    doc = timeline_document(Event.objects.all())

    def ids(name):
        return {
            a["id"]
            for a in doc["actors"]
            if name.casefold() in {a["name"].casefold(), *map(str.casefold, a["aliases"])}
        }

    for group in (
        ["Kyiv", "Kiev"],
        ["Bakhmut", "Bakhmout", "Pakhmot", "Artemovsk"],
        ["Xi Jinping", "Xi"],
        ["Volodymyr Zelensky", "Zelenskiy"],
    ):
        assert len(set.union(*map(ids, group))) == 1, group
    assert Actor.objects.get(name="Kyiv").kind == "place"


def test_an_undated_report_is_dated_by_its_article_and_says_so(ingested):
    offensive = event_with("Moscow has launched a massive winter offensive")
    assert offensive.date_start == dt.date(2023, 3, 22)
    assert "date_from_publication" in offensive.flags


def test_an_undated_report_of_a_dated_happening_joins_it_and_keeps_its_own_date(ingested):
    ordered = EventSource.objects.get(sentence__contains="Zelenskiy earlier ordered the military")
    assert ordered.date_start == dt.date(2023, 3, 20) and "date_from_publication" in ordered.flags
    decision = event_with("Kyiv announced that it had decided")
    assert ordered.event == decision, "'earlier ordered ... to defend the city' is Kyiv's decision"
    assert "date_from_publication" not in decision.flags


def test_the_imf_loan_and_the_end_of_the_talks_are_two_events_of_one_day(ingested):
    loan = event_with("the International Monetary Fund announced preliminary agreement")
    talks = event_with("As Xi and Putin ended their talks on Tuesday")
    assert loan != talks and loan.date_start == talks.date_start == dt.date(2023, 3, 21)
    assert loan.title.startswith("International Monetary Fund announces")


def test_events_are_placed_in_storylines(ingested):
    assert event_with("Last week, Kyiv announced").threads.filter(slug="battle-of-bakhmut").exists()


def test_a_forced_reimport_keeps_events_sources_and_hidden_status(ingested):
    before = dict(EventSource.objects.values_list("pk", "event_id"))
    hidden = event_with("China unveiled a proposal")
    Event.objects.filter(pk=hidden.pk).update(
        status=Status.HIDDEN, title="Hidden by an editor", locked_fields=["title"]
    )
    call_command("ingest", str(ingested), "--force", stdout=io.StringIO(), stderr=io.StringIO())
    assert dict(EventSource.objects.values_list("pk", "event_id")) == before
    hidden.refresh_from_db()
    assert (hidden.status, hidden.title) == (Status.HIDDEN, "Hidden by an editor")


def test_a_corrected_publication_date_moves_relative_dates_but_not_locked_ones(ingested):
    friday = EventSource.objects.select_related("article").get(
        sentence__contains="Rishi Sunak said on Friday"
    )
    locked = EventSource.objects.get(sentence__contains="China's foreign minister said").event
    Event.objects.filter(pk=locked.pk).update(locked_fields=["date_start", "date_end", "precision"])
    article = friday.article
    article.published = dt.date(2023, 3, 24)
    article.save()
    reresolve_article(article)
    friday.refresh_from_db()
    assert friday.date_start == dt.date(2023, 3, 24)
    assert Event.objects.get(pk=locked.pk).date_start == dt.date(2023, 3, 17)
