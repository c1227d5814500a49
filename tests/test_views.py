"""The timeline page: order, date display, filters as URLs, htmx fragments, bad input, JSON export."""

import datetime as dt

import pytest
from django.db import connection
from django.urls import reverse
from pytest_django.asserts import assertInHTML

from timeline.models import Article, Event, EventSource, Thread

from .factories import add_source, make_actor, make_article, make_event
from .utils import element, require

TIMELINE = reverse("timeline:timeline")
HTMX = {"HX-Request": "true", "HX-Target": "results", "HX-Trigger": "filters"}

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("blank_cast")]


def page(client, **params):
    params.setdefault("view", "all")  # every event, not the key events alone
    response = client.get(TIMELINE, params)
    assert response.status_code == 200
    return response.content.decode()


def titles(client, **params) -> list[str]:
    params.setdefault("view", "all")
    response = client.get(TIMELINE, params)
    return [e.title for month in response.context["months"] for p in month.periods for e in p.events]


def test_the_timeline_lists_events_in_date_order_with_their_ids_and_dates(client):
    later = make_event(title="Xi leaves Moscow", date=dt.date(2023, 3, 22))
    earlier = make_event(title="Xi arrives in Moscow", date=dt.date(2023, 3, 20))
    html = page(client)
    first, second = html.index(f'data-event-id="{earlier.pk}"'), html.index(f'data-event-id="{later.pk}"')
    assert first < second
    assert element(html, "li", data_event_id=earlier.pk)["data-date"] == "2023-03-20"


def test_events_sit_in_an_ordered_list_under_month_and_day_headings(client):
    make_event(title="Xi arrives in Moscow", date=dt.date(2023, 3, 20))
    html = page(client)
    assertInHTML('<h2 class="month-heading">March 2023</h2>', html)
    assertInHTML('<h3 class="period-heading">Monday 20 March 2023</h3>', html)
    assert html.index("period-heading") < html.index('<ol class="events">') < html.index("Xi arrives")


def test_dates_are_shown_no_more_exactly_than_the_sources_give_them(client):
    make_event(title="Talks", date=dt.date(2023, 3, 20), date_end=dt.date(2023, 3, 22))
    make_event(title="Shelling", date=dt.date(2023, 3, 6), date_end=dt.date(2023, 3, 12), precision="week")
    make_event(title="Offensive", date=dt.date(2023, 4, 1), date_end=dt.date(2023, 4, 30), precision="month")
    html = page(client)
    assertInHTML('<time datetime="2023-03-20">20–22 March 2023</time>', html)
    assertInHTML('<time datetime="2023-W10">week of 6 March 2023</time>', html)
    assertInHTML('<time datetime="2023-04">April 2023</time>', html)
    assertInHTML('<h3 class="period-heading">Week of 6 March 2023</h3>', html)
    assertInHTML('<h3 class="period-heading">During April 2023</h3>', html)


def test_each_event_shows_where_its_date_came_from_and_its_flags(client):
    event = make_event(title="Xi arrives in Moscow", flags=["date_conflict", "date_from_publication"])
    html = page(client)
    assertInHTML('<span class="wording">“on Monday”, from an article of 20 March 2023</span>', html)
    assertInHTML(
        '<li class="badge badge-date_conflict" title="The sources give different dates for this event.">'
        "sources disagree</li>",
        html,
    )
    assertInHTML(
        '<li class="badge badge-date_from_publication" title="No date in the sentence: dated by its '
        'article.">date from publication</li>',
        html,
    )
    assertInHTML(f'<a href="{event.get_absolute_url()}">Xi arrives in Moscow</a>', html)


def test_the_wording_shown_is_the_oldest_report_that_states_a_date_else_the_article_that_dates_it(
    client,
):
    stated = make_event(title="Talks open", article=make_article(published=dt.date(2023, 3, 21)))
    add_source(
        stated,
        sentence="The talks opened yesterday.",
        temporal_expression="yesterday",
        date_start=dt.date(2023, 3, 20),
        published=dt.date(2023, 3, 21),
    )
    add_source(
        stated,
        sentence="Talks are under way.",
        temporal_expression="",
        date_start=None,
        published=dt.date(2023, 3, 19),
    )
    unstated = make_event(title="Shelling goes on", date=dt.date(2023, 3, 18))
    EventSource.objects.filter(event=unstated).update(temporal_expression="")
    Article.objects.filter(event_sources__event=unstated).update(published_inferred=True)
    bare = make_event(title="No report left", date=dt.date(2023, 3, 17))
    EventSource.objects.filter(event=bare).delete()
    html = page(client)
    assertInHTML('<span class="wording">“on Monday”, from an article of 21 March 2023</span>', html)
    assert "“yesterday”" not in html
    assertInHTML(
        '<span class="wording">no date in the text; dated by an article of about 20 March 2023</span>', html
    )
    bare_item = html[html.index(f'data-event-id="{bare.pk}"') :].split("</li>")[0]
    assert 'class="wording"' not in bare_item


def test_an_actor_link_on_an_event_adds_that_actor_to_the_filters(client):
    xi = make_actor("Xi Jinping")
    putin = make_actor("Vladimir Putin")
    make_event(title="Summit", actors=[xi, putin])
    html = page(client, thread="", actor=xi.slug)
    query = f"/?thread=&amp;actor={xi.slug}&amp;view=all&amp;actor={putin.slug}"
    assertInHTML(f'<a href="{query}" hx-get="{query}">Vladimir Putin</a>', html)


def test_several_actors_narrow_to_events_in_which_all_take_part(client):
    xi, putin = make_actor("Xi Jinping"), make_actor("Vladimir Putin")
    make_event(title="Summit", actors=[xi, putin])
    make_event(title="Xi alone", actors=[xi])
    assert titles(client, actor=[xi.slug, putin.slug]) == ["Summit"]
    assert titles(client, actor=[xi.slug]) == ["Summit", "Xi alone"]


def test_thread_type_source_and_date_filters_narrow_the_events(client):
    visit = Thread.objects.create(slug="xi-visit", name="Xi's visit")
    summit = make_event(title="Summit", date=dt.date(2023, 3, 21), event_type="meeting")
    summit.threads.add(visit)
    make_event(
        title="Strike", date=dt.date(2023, 3, 25), event_type="attack", article=make_article(source="AP")
    )
    assert titles(client, thread="xi-visit") == ["Summit"]
    assert titles(client, type="attack") == ["Strike"]
    assert titles(client, source="ap") == ["Strike"]
    assert titles(client, **{"from": "2023-03-22"}) == ["Strike"]
    assert titles(client, to="2023-03-22") == ["Summit"]


def test_a_minimum_of_sources_keeps_only_events_reported_that_often(client):
    busy = make_event(title="Widely reported")
    EventSource.objects.create(event=busy, article=make_article(), sentence="Again.", start=0, end=6)
    make_event(title="Reported once")
    assert titles(client, min_sources=2) == ["Widely reported"]


def test_search_finds_words_in_titles_summaries_and_source_sentences(client):
    make_event(title="Xi arrives in Moscow", summary="The Chinese leader lands at Vnukovo.")
    event = make_event(title="A visit", summary="A visit.")
    EventSource.objects.create(
        event=event, article=make_article(), sentence="Putin greeted the guest warmly.", start=0, end=30
    )
    make_event(title="Shelling in Bakhmut")
    assert titles(client, q="Moscow") == ["Xi arrives in Moscow"]
    assert titles(client, q="Vnukovo") == ["Xi arrives in Moscow"]
    assert titles(client, q="greeted") == ["A visit"]
    assert titles(client, q="Bakhmut shelling") == ["Shelling in Bakhmut"]


@pytest.mark.parametrize(
    "params, message",
    [
        ({"from": "2023-02-30"}, "“From” must be a date written YYYY-MM-DD."),
        ({"to": "yesterday"}, "“To” must be a date written YYYY-MM-DD."),
        ({"from": "2023-03-10", "to": "2023-03-01"}, "“To” is before “From”."),
        ({"actor": "nobody-at-all"}, "No actor is called “nobody-at-all”."),
        ({"thread": "no-such-thread"}, "No storyline has that name."),
        ({"type": "parade"}, "Select a valid choice."),
        ({"min_sources": "many"}, "Enter a whole number."),
        ({"page": "two"}, "The page must be a number."),
        ({"page": "-1"}, "Pages start at 1."),
        ({"thread": ["a", "b"]}, "Give “thread” once; the address repeats it."),
        ({"q": ["one", "two"]}, "Give “q” once; the address repeats it."),
    ],
)
def test_bad_filter_values_are_explained_on_the_page_never_a_server_error(client, params, message):
    make_event()
    html = page(client, **params)
    assert message in html
    assert "No events are shown until the filters above are fixed." in html
    assert "data-event-id" not in html


def test_a_page_number_past_the_end_shows_the_last_page(client):
    make_event(title="Only event")
    assert titles(client, page="99999999999999999999") == ["Only event"]


def test_every_page_holds_the_events_of_its_place_in_the_timeline_read_from_either_end():
    for day in (1, 2, 9):
        make_event(title=f"Dated {day}", date=dt.date(2023, 3, day))
    for i in range(57):
        make_event(title=f"Undated {i}", date=None)
    events = Event.objects.visible()
    weeks = events.weekly_counts()
    every = list(events.chronological().values_list("pk", flat=True))
    last = events.window(len(every) - 5, len(every) + 4, weeks)
    assert "DESC" in str(last.query), "the last page is read from the end, not after every row before it"
    for first in range(0, len(every) + 5, 7):  # windows of 9 from the front to past the end
        assert (
            list(
                Event.objects.filter(pk__in=events.window(first, first + 9, weeks))
                .chronological()
                .values_list("pk", flat=True)
            )
            == every[first : first + 9]
        ), first


def test_the_filter_form_asks_htmx_to_update_the_results_and_the_address(client):
    html = page(client)
    form = element(html, "form", id="filters")
    assert (form["hx-get"], form["hx-target"], form["hx-push-url"]) == ("/", "#results", "true")
    assert (form["method"], form["action"]) == ("get", "/")  # the same form works without JavaScript


def test_an_htmx_filter_request_gets_the_results_and_the_live_status_alone(client):
    make_event(title="Xi arrives in Moscow")
    html = client.get(TIMELINE, {"q": "Moscow"}, headers=HTMX).content.decode()
    assert "Xi arrives in Moscow" in html
    assert "<html" not in html
    assertInHTML(
        '<p id="result-status" class="status" role="status" aria-live="polite" hx-swap-oob="true">'
        "1 key event matches.</p>",
        html,
    )
    assert 'id="filters"' not in html  # the form the reader is typing in is left alone


def test_a_filter_link_outside_the_form_also_refreshes_the_form(client):
    xi = make_actor("Xi Jinping")
    make_event(actors=[xi])
    headers = {**HTMX, "HX-Trigger": ""}
    html = client.get(TIMELINE, {"actor": xi.slug}, headers=headers).content.decode()
    assert 'id="filters"' in html
    assertInHTML(f'<input type="checkbox" name="actor" value="{xi.slug}" checked>', html)


def test_a_history_restore_request_gets_the_whole_page(client):
    make_event()
    headers = {**HTMX, "HX-History-Restore-Request": "true"}
    assert "<html" in client.get(TIMELINE, headers=headers).content.decode()


def test_the_more_link_keeps_the_filters_and_loads_the_next_page_when_revealed(client, monkeypatch):
    monkeypatch.setattr("timeline.views.PAGE_SIZE", 2)
    xi = make_actor("Xi Jinping")
    for day in range(1, 6):
        make_event(title=f"Xi day {day}", date=dt.date(2023, 3, day), actors=[xi])
    make_event(title="Without Xi", date=dt.date(2023, 3, 2))
    html = page(client, actor=xi.slug, q="Xi")
    more = f"?actor={xi.slug}&amp;q=Xi&amp;view=all&amp;page=2"
    assertInHTML(
        f'<a class="more" href="{more}" hx-get="{more}" hx-trigger="revealed, click" '
        'hx-target="closest .more-wrap" hx-swap="outerHTML" hx-push-url="false">'
        "More events (page 2 of 3)</a>",
        html,
    )
    fragment = client.get(
        TIMELINE, {"actor": xi.slug, "q": "Xi", "view": "all", "page": 2}, headers={"HX-Request": "true"}
    )
    text = fragment.content.decode()
    assert "Xi day 3" in text and "Xi day 4" in text and "Without Xi" not in text
    assert "<html" not in text and "page=3" in text


def test_pages_continue_a_day_without_repeating_its_heading(client, monkeypatch):
    monkeypatch.setattr("timeline.views.PAGE_SIZE", 2)
    for n in range(3):
        make_event(title=f"Same day {n}", date=dt.date(2023, 3, 20))
    second = client.get(TIMELINE, {"view": "all", "page": 2}, headers={"HX-Request": "true"}).content.decode()
    assert "Same day 2" in second and "Monday 20 March 2023" not in second


@pytest.mark.parametrize("size", [1, 2, 3])
def test_paging_through_shows_every_event_once_in_order_across_weeks_and_into_the_undated(
    client, monkeypatch, size
):
    monkeypatch.setattr("timeline.views.PAGE_SIZE", size)
    xi = make_actor("Xi Jinping")
    days = ["1969-12-28", "2023-03-19", "2023-03-20", "2023-03-20", "2023-03-26", "2023-04-10", None, None]
    for n, day in enumerate(days):
        make_event(title=f"Event {n}", date=day and dt.date.fromisoformat(day), actors=[xi])
    make_event(title="Without Xi", date=dt.date(2023, 3, 21))
    expected = list(Event.objects.filter(actors=xi).chronological().values_list("title", flat=True))
    seen = []
    for number in range(1, -(-len(days) // size) + 1):
        seen += titles(client, actor=xi.slug, page=number)
    assert seen == expected and len(set(seen)) == len(days)


def test_the_density_strip_has_a_bar_per_week_linking_to_that_week(client):
    make_event(date=dt.date(2023, 3, 1))
    make_event(date=dt.date(2023, 3, 2))
    make_event(date=dt.date(2023, 3, 22))
    html = page(client, type="")
    # Four weeks, 27 February to 26 March (an HTML parser lowercases the names of attributes).
    assert element(html, "svg")["viewbox"] == "0 0 40 44"
    week = "?type=&amp;view=all&amp;from=2023-02-27&amp;to=2023-03-05"
    label = "Week of 27 February 2023: 2 events"
    assertInHTML(
        f'<a href="{week}" hx-get="{week}" aria-label="{label}">'
        f'<rect x="0" y="3.0" width="8" height="40.0"><title>{label}</title></rect></a>',
        html,
    )
    assert "from=2023-03-06" not in html  # an empty week is not a link


def test_the_density_strip_links_keep_the_other_filters_and_start_at_the_first_page(client, monkeypatch):
    monkeypatch.setattr("timeline.views.PAGE_SIZE", 1)
    make_event(title="Moscow talks", date=dt.date(2023, 3, 1))
    make_event(title="Moscow visit", date=dt.date(2023, 3, 8))
    html = page(client, q="Moscow", type="", page=2)
    assert "Moscow visit" in html and "Moscow talks" not in html
    for x, first, last, label in [
        (0, "2023-02-27", "2023-03-05", "Week of 27 February 2023: 1 event"),
        (10, "2023-03-06", "2023-03-12", "Week of 6 March 2023: 1 event"),
    ]:
        week = f"?q=Moscow&amp;type=&amp;view=all&amp;from={first}&amp;to={last}"
        assertInHTML(
            f'<a href="{week}" hx-get="{week}" aria-label="{label}">'
            f'<rect x="{x}" y="3.0" width="8" height="40.0"><title>{label}</title></rect></a>',
            html,
        )


def test_export_links_carry_the_current_filters(client):
    make_event()
    html = page(client, q="Moscow", page=1)
    for name, text in [
        ("timeline-json", "JSON"),
        ("timelinejs-json", "TimelineJS"),
        ("timeline-csv", "CSV"),
        ("timeline-ics", "calendar (iCalendar)"),
    ]:
        assertInHTML(f'<a href="{reverse("timeline:" + name)}?q=Moscow&amp;view=all">{text}</a>', html)


def test_timeline_json_filters_and_pages(client):
    xi = make_actor("Xi Jinping", aliases=["Xi"])
    for day in range(1, 4):
        make_event(title=f"Event {day}", date=dt.date(2023, 3, day), actors=[xi])
    make_event(title="Other", date=dt.date(2023, 3, 5))
    doc = client.get(reverse("timeline:timeline-json"), {"actor": xi.slug, "limit": 2}).json()
    assert [e["title"] for e in doc["events"]] == ["Event 1", "Event 2"]
    assert doc["actors"][0]["name"] == "Xi Jinping" and doc["actors"][0]["aliases"] == ["Xi"]
    assert "page=2" in doc["next"]
    rest = client.get(doc["next"]).json()
    assert [e["title"] for e in rest["events"]] == ["Event 3"] and rest["next"] is None


def test_timeline_json_lists_only_the_articles_its_events_cite(client):
    cited = make_article(title="Cited")
    make_article(title="Never cited")
    make_event(article=cited)
    doc = client.get(reverse("timeline:timeline-json")).json()
    assert [a["title"] for a in doc["articles"]] == ["Cited"]


@pytest.mark.parametrize("params", [{"limit": "1001"}, {"limit": "0"}, {"limit": "ten"}, {"from": "soon"}])
def test_timeline_json_refuses_bad_parameters_with_a_400_naming_them(client, params):
    response = client.get(reverse("timeline:timeline-json"), params)
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"from_" if "from" in params else "limit"}


def test_static_files_are_served(client):
    assert client.get("/static/css/site.css").status_code == 200


def needs_postgres():
    if connection.vendor != "postgresql":
        require("REQUIRE_POSTGRES", "needs PostgreSQL (set DATABASE_URL=postgres://...)")


def test_postgresql_search_takes_web_search_syntax_and_stems_words(client):
    needs_postgres()
    make_event(title="Xi arrives in Moscow", summary="Talks with Putin begin.")
    make_event(title="Putin visits Mariupol", summary="A night trip.")
    make_event(title="Shelling continues", summary="Heavy shelling near Bakhmut.")
    assert titles(client, q="arrive") == ["Xi arrives in Moscow"]  # stemmed
    assert titles(client, q="Putin -Mariupol") == ["Xi arrives in Moscow"]
    assert titles(client, q="Moscow or Bakhmut") == ["Xi arrives in Moscow", "Shelling continues"]
    assert titles(client, q='"night trip"') == ["Putin visits Mariupol"]


def test_postgresql_search_is_served_by_the_gin_index_of_stored_documents(client):
    needs_postgres()
    for n in range(30):
        make_event(title=f"Event {n}", summary="Nothing to see.")
    for day in (dt.date(2023, 3, 20), dt.date(2023, 4, 3)):
        make_event(title="Xi Jinping arrives in Moscow", date=day)
    # the weeks of those two hold many other events
    others = [dt.date(2023, 3, 20) + dt.timedelta(days=n % 21) for n in range(600)]
    Event.objects.bulk_create(Event(title="Other news", date_start=d, date_end=d) for d in others)
    events = Event.objects.matching("Moscow").order_by()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE timeline_event")  # the planner knows the word is rare
        # neither reading the whole table nor walking another index in order
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        sql, params = events.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    # one index over each event's document of title, summary and source sentences
    assert "event_search_week_idx" in plan and "eventsource" not in plan

    # a page of the search names its weeks by number, which the index of words and weeks can
    # answer (whether the planner asks it depends on the archive's size), and holds its events
    page = events.window(0, 25, events.weekly_counts())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE timeline_event")
        sql, params = page.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "/ 7) = ANY ('{105514,105516}'" in plan, plan
    days = Event.objects.filter(pk__in=page).order_by("date_start").values_list("date_start", flat=True)
    assert list(days) == [dt.date(2023, 3, 20), dt.date(2023, 4, 3)]
