"""Event, actor and article pages, and the number of queries every list page costs."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from pytest_django.asserts import assertInHTML

from timeline.models import Actor, ActorAlias, EventSource, Status, TemporalExpression, Thread

from .factories import add_source, make_actor, make_article, make_event

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("blank_cast")]


def test_the_event_page_quotes_every_source_with_its_date_words_highlighted(client):
    xi = make_actor("Xi Jinping")
    article = make_article(title="Xi lands in Moscow", source="Reuters", published=dt.date(2023, 3, 21))
    event = make_event(title="Xi arrives", summary="Xi arrived on Monday.", actors=[xi], article=article)
    html = client.get(event.get_absolute_url()).content.decode()
    assertInHTML(
        f'<blockquote cite="{article.get_absolute_url()}"><p>Xi arrived '
        '<mark class="date" title="the date this sentence states">on Monday</mark>.</p></blockquote>',
        html,
    )
    assertInHTML(f'<a href="{article.get_absolute_url()}">Xi lands in Moscow</a>', html)
    assert "Reuters" in html and "21 March 2023" in html
    assertInHTML(f'<a href="{xi.get_absolute_url()}">Xi Jinping</a>', html)
    assertInHTML("<dt>First reported</dt>", html)
    assertInHTML('<dd><time datetime="2023-03-21">21 March 2023</time></dd>', html)


def test_when_sources_disagree_the_event_page_sets_their_dates_side_by_side(client):
    event = make_event(title="Xi arrives", date=dt.date(2023, 3, 20), flags=["date_conflict"])
    add_source(
        event,
        sentence="Xi arrived on Tuesday.",
        temporal_expression="on Tuesday",
        date_start=dt.date(2023, 3, 21),
        source="TASS",
        published=dt.date(2023, 3, 22),
    )
    html = client.get(event.get_absolute_url()).content.decode()
    assertInHTML("<caption>The sources disagree on the date</caption>", html)
    monday, tuesday = (s.article.get_absolute_url() for s in event.sources.order_by("date_start"))
    assertInHTML(
        f'<tr><th scope="row"><a href="{monday}">Reuters, 20 Mar 2023</a></th><td>“on Monday”</td>'
        '<td><time datetime="2023-03-20">20 March 2023</time></td></tr>',
        html,
    )
    assertInHTML(
        f'<tr><th scope="row"><a href="{tuesday}">TASS, 22 Mar 2023</a></th><td>“on Tuesday”</td>'
        '<td><time datetime="2023-03-21">21 March 2023</time></td></tr>',
        html,
    )


def test_dates_that_fit_together_are_shown_side_by_side_without_a_disagreement(client):
    event = make_event(title="Plan unveiled", date=dt.date(2023, 2, 24))
    add_source(
        event,
        sentence="In February 2023, China presented a plan.",
        temporal_expression="In February 2023",
        date_start=dt.date(2023, 2, 1),
        date_end=dt.date(2023, 2, 28),
        precision="month",
        published=dt.date(2023, 3, 29),
    )
    html = client.get(event.get_absolute_url()).content.decode()
    assertInHTML("<caption>The dates each source gives, which fit together</caption>", html)
    assert "disagree" not in html[html.index('<table class="stated-dates">') :]


def test_an_event_expanded_in_place_gets_its_body_without_the_page_around_it(client):
    event = make_event(title="Xi arrives")
    html = client.get(event.get_absolute_url(), headers={"HX-Request": "true"}).content.decode()
    assert html.lstrip().startswith('<div class="event-body">') and "<html" not in html and "<h1" not in html


def test_a_hidden_event_has_no_page(client):
    event = make_event(status="hidden")
    assert client.get(event.get_absolute_url()).status_code == 404


def test_the_actor_page_shows_kind_aliases_and_the_actors_events(client):
    xi = make_actor("Xi Jinping", aliases=["Xi", "President Xi"])
    make_event(title="Xi arrives", actors=[xi])
    make_event(title="Someone else")
    html = client.get(xi.get_absolute_url()).content.decode()
    assertInHTML("<h1>Xi Jinping</h1>", html)
    assertInHTML("<dt>Kind</dt><dd>Person</dd>", html)
    assertInHTML("<dt>Also called</dt><dd>President Xi, Xi</dd>", html)
    assert "Xi arrives" in html and "Someone else" not in html


def test_an_actor_merged_into_another_sends_the_reader_to_that_actor(client):
    xi = make_actor("Xi Jinping")
    old = make_actor("Xi Jin-ping")
    old.merged_into = xi
    old.save()
    response = client.get(old.get_absolute_url())
    assert response.status_code == 302 and response["Location"] == xi.get_absolute_url()


def test_the_actor_list_gives_each_actors_kind_aliases_and_number_of_events(client):
    xi = make_actor("Xi Jinping", aliases=["Xi"])
    make_actor("Moscow", kind="place")
    make_event(actors=[xi])
    make_event(actors=[xi])
    html = client.get(reverse("timeline:actors")).content.decode()
    assertInHTML(
        f'<tr><th scope="row"><a href="{xi.get_absolute_url()}">Xi Jinping</a></th>'
        '<td>Person</td><td>Xi</td><td class="num">2</td></tr>',
        html,
    )
    assert "Moscow" in html


def test_the_article_page_highlights_dates_and_actors_and_lists_its_events(client):
    body = "Xi Jinping arrived in Moscow on Monday."
    article = make_article(title="Xi in Moscow", body=body)
    TemporalExpression.objects.create(article=article, text="on Monday", start=29, end=38, value="2023-03-20")
    xi = make_actor("Xi Jinping")
    make_event(title="Xi arrives", actors=[xi], article=article)
    html = client.get(article.get_absolute_url()).content.decode()
    assertInHTML('<mark class="date" title="2023-03-20">on Monday</mark>', html)
    assertInHTML(
        f'<mark class="actor" title="Xi Jinping"><a href="{xi.get_absolute_url()}">Xi Jinping</a></mark>',
        html,
    )
    assert "1 event drawn from it" in html and "Xi arrives" in html


def test_the_article_list_gives_outlet_date_and_number_of_events_newest_first(client):
    older = make_article(title="Older", published=dt.date(2023, 3, 1), source="AP")
    newer = make_article(title="Newer", published=dt.date(2023, 3, 9))
    # two sentences of the article report its first event, a third another, a fourth a hidden one
    told_twice = make_event(article=newer)
    EventSource.objects.create(event=told_twice, article=newer, sentence="Again.", start=50, end=56)
    make_event(title="Putin greets Xi", article=newer)
    make_event(title="A fragment", article=newer, status=Status.HIDDEN)
    html = client.get(reverse("timeline:articles")).content.decode()
    assert html.index("Newer") < html.index("Older")
    counts = re.findall(r'<td class="num">(\d+)</td>', html)
    assert counts == ["2", "0"]  # newest first: its two visible events, and none of the older one's
    assertInHTML(f'<a href="{older.get_absolute_url()}">Older</a>', html)
    assertInHTML("<td>AP</td>", html)
    assertInHTML('<time datetime="2023-03-09">9 Mar 2023</time>', html)


def test_a_later_page_of_the_article_list_holds_the_next_articles_with_their_events(client):
    days = [dt.date(2023, 1, 1) + dt.timedelta(days=n) for n in range(102)]
    articles = [make_article(title=f"Day {n}", published=day) for n, day in enumerate(days)]
    make_event(article=articles[0])  # the oldest, on the second page
    second = client.get(reverse("timeline:articles"), {"page": 2}).content.decode()
    assert "Page 2 of 2" in second
    assert re.findall(r">Day (\d+)</a>", second) == ["1", "0"]  # newest first
    assert re.findall(r'<td class="num">(\d+)</td>', second) == ["0", "1"]
    first = client.get(reverse("timeline:articles")).content.decode()
    assert len(re.findall(r">Day (\d+)</a>", first)) == 100 and ">Day 101</a>" in first


# Query counts: every list page costs the same for 1 event as for 200.


def populate(n: int):
    """``n`` events, each with its own article, actor (with an alias) and storyline."""
    for i in range(n):
        actor = make_actor(f"Actor {i}", aliases=[f"Alias {i}"])
        thread = Thread.objects.create(slug=f"thread-{i}", name=f"Thread {i}")
        event = make_event(
            title=f"Event {i}", date=dt.date(2023, 1, 1) + dt.timedelta(days=i), actors=[actor]
        )
        event.threads.add(thread)
        EventSource.objects.create(
            event=event, article=make_article(), sentence="A second report.", start=0, end=16
        )
    return Actor.objects.get(name="Actor 0"), event.sources.first().article


# (name, url for the first actor and article, queries)
LIST_PAGES = [
    ("timeline", lambda actor, article: reverse("timeline:timeline"), 7),
    ("all events", lambda actor, article: f"{reverse('timeline:timeline')}?view=all", 7),
    ("event", lambda actor, article: article.event_sources.first().event.get_absolute_url(), 5),
    ("last timeline page", lambda actor, article: f"{reverse('timeline:timeline')}?page=999999", 7),
    ("filtered timeline", lambda actor, article: f"/?actor={actor.slug}&q=Event&from=2023-01-01", 8),
    ("actors", lambda actor, article: reverse("timeline:actors"), 3),
    ("actor", lambda actor, article: actor.get_absolute_url(), 7),
    ("articles", lambda actor, article: reverse("timeline:articles"), 2),
    ("article", lambda actor, article: article.get_absolute_url(), 7),
]


@pytest.mark.parametrize("n", [1, 200])
@pytest.mark.parametrize("name, url, queries", LIST_PAGES, ids=[p[0] for p in LIST_PAGES])
def test_list_pages_cost_a_fixed_number_of_queries(client, django_assert_num_queries, n, name, url, queries):
    actor, article = populate(n)
    target = url(actor, article)
    with django_assert_num_queries(queries):
        response = client.get(target)
    assert response.status_code == 200
    assert ActorAlias.objects.count() == 2 * n  # the data really is there


def test_the_favicon_is_served_where_browsers_ask_for_it(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("favicon.svg")
    assert client.get(response["Location"]).status_code == 200
