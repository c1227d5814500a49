"""Whatever a stranger puts in the address bar: never a server error, and nothing comes back unescaped."""

import datetime as dt
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.models import Actor, Event

from .factories import make_actor, make_article, make_event

# Migrations may load a gazetteer; these tests make their own actors.
pytestmark = pytest.mark.usefixtures("blank_cast")

FILTERS = ["q", "actor", "thread", "from", "to", "type", "source", "min_sources", "page", "limit"]
PAYLOAD = '<script>alert("owned")</script>'
PAGES = [
    "/",
    "/timeline.json",
    "/events/{event}/",
    "/actors/",
    "/actors/{actor}/",
    "/articles/",
    "/articles/{article}/",
]
EXPORTS = ["/timelinejs.json", "/timeline.csv", "/timeline.ics"]

values = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.dates(min_value=dt.date(1, 1, 1)).map(str),
    st.sampled_from(["xi-jinping", "reuters", "statement", "2023-02-30", "9" * 400, "1e309", "NaN", PAYLOAD]),
    st.sampled_from(["\x00", "' OR 1=1 --", "%00", "../../etc/passwd", "\u202e", "\ud7ff", "😀" * 50]),
)
queries = st.lists(
    st.tuples(st.one_of(st.sampled_from(FILTERS), st.text(min_size=1, max_size=10)), values), max_size=8
)


@pytest.fixture
def archive(db):
    xi = make_actor("Xi Jinping")
    putin = make_actor("Vladimir Putin")
    article = make_article(title="Talks in Moscow")
    event = make_event(actors=[xi, putin], article=article)
    for day in range(1, 12):
        make_event(title=f"Statement {day}", date=dt.date(2023, 3, day), actors=[xi])
    return event


def page_urls(event):
    actor = Actor.objects.first()
    article = event.sources.first().article
    return [p.format(event=event.pk, actor=actor.slug, article=article.slug) for p in PAGES + EXPORTS]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    query=queries, page=st.integers(min_value=0, max_value=len(PAGES) + len(EXPORTS) - 1), htmx=st.booleans()
)
def test_random_query_parameters_never_give_a_server_error(client, archive, query, page, htmx):
    url = page_urls(archive)[page]
    headers = {"HX-Request": "true"} if htmx else {}
    response = client.get(f"{url}?{urlencode(query)}", headers=headers)
    assert response.status_code < 500
    if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
        assert PAYLOAD not in response.content.decode()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    pk=st.integers(min_value=-(10**30), max_value=10**30),
    slug=st.from_regex(r"[-a-zA-Z0-9_]{1,300}", fullmatch=True),
)
def test_made_up_ids_and_slugs_are_not_found_rather_than_errors(client, archive, pk, slug):
    if not Event.objects.filter(pk=pk).exists() and pk >= 0:
        assert client.get(f"/events/{pk}/").status_code == 404
    for prefix in ("/actors/", "/articles/"):
        assert client.get(f"{prefix}{slug}/").status_code in (200, 404)


@pytest.mark.parametrize("param", FILTERS)
def test_a_script_in_any_filter_comes_back_escaped(client, archive, param):
    response = client.get("/", {param: PAYLOAD})
    assert response.status_code in (200, 400)
    body = response.content.decode()
    assert PAYLOAD not in body
    if param == "q":
        assert "&lt;script&gt;" in body


def test_a_script_in_the_json_export_is_served_as_json_not_html(client, archive):
    response = client.get("/timeline.json", {"q": PAYLOAD, "actor": PAYLOAD})
    assert response.status_code in (200, 400)
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_an_enormous_query_string_is_refused_or_served_never_an_error(client, archive):
    response = client.get("/", {"actor": ["xi-jinping"] * 2000, "q": "x" * 100_000})
    assert response.status_code < 500
