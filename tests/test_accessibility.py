"""A reader's walk through a larger archive in Chromium: no content-security-policy violation at any
step, and no accessibility violation (axe-core) on any reader page, filtered or not."""

import datetime as dt
from pathlib import Path

import pytest

from timeline.models import Thread

from .factories import make_actor, make_article, make_event
from .test_security import WATCH_VIOLATIONS
from .utils import require

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[1] / ".venv/node/node_modules/axe-core/axe.min.js"


@pytest.fixture
def archive(monkeypatch):
    """Three weeks of events of a few actors and storylines, several pages long."""
    monkeypatch.setattr("timeline.views.PAGE_SIZE", 10)
    people = [make_actor(name) for name in ("Xi Jinping", "Vladimir Putin", "Volodymyr Zelensky")]
    visit = Thread.objects.create(slug="xi-visit", name="Xi's visit to Moscow")
    events = []
    for n in range(45):
        day = dt.date(2023, 3, 1) + dt.timedelta(days=n % 21)
        event = make_event(
            title=f"{people[n % 3].name} meets envoys in Bakhmut, round {n}"
            if n % 4
            else f"Talks, round {n}",
            date=day,
            actors=people[: n % 3 + 1],
            article=make_article(title=f"Report {n}", body=f"Report {n}: envoys met in Bakhmut."),
        )
        if n % 5 == 0:
            event.threads.add(visit)
        events.append(event)
    return {"people": people, "events": events, "article": events[3].sources.first().article}


def no_violations(page) -> list:
    return page.evaluate("window.cspViolations")


def test_filters_search_paging_and_the_back_button_run_under_the_policy(page, live_server, archive):
    from playwright.sync_api import expect

    page.add_init_script(WATCH_VIOLATIONS)
    errors = []  # what the browser's console shows as errors: a missing favicon, a blocked style
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(live_server.url + "/?view=all")  # every event, so that there are pages to load
    page.wait_for_function("() => window.htmx !== undefined")
    xi = archive["people"][0]
    page.locator("details.actor-choices summary").click()
    with page.expect_response(lambda r: f"actor={xi.slug}" in r.url):
        page.check(f'#filters input[value="{xi.slug}"]')
    page.wait_for_url(f"**actor={xi.slug}**")
    assert no_violations(page) == [], "after filtering by an actor"
    with page.expect_response(lambda r: "q=Bakhmut" in r.url):
        page.fill("input[name=q]", "Bakhmut")
        page.press("input[name=q]", "Enter")
    assert no_violations(page) == [], "after a search by Enter"
    before = page.locator("#results .event").count()
    page.locator(".more").click()
    expect(page.locator("#results .event")).not_to_have_count(before)
    assert no_violations(page) == [], "after loading more events"
    for _ in range(3):
        page.go_back()
        page.wait_for_load_state()
        page.locator("#results .event").first.wait_for()
    assert no_violations(page) == [], "after going back"
    assert errors == []


def reader_pages(archive) -> list[str]:
    xi, event, article = archive["people"][0], archive["events"][3], archive["article"]
    return [
        "/",
        f"/?actor={xi.slug}",
        "/?q=Bakhmut",
        "/?thread=xi-visit&from=2023-03-05&to=2023-03-15",
        "/?page=2",
        "/actors/",
        f"/actors/{xi.slug}/",
        "/articles/",
        f"/articles/{article.slug}/",
        f"/events/{event.pk}/",
    ]


def test_no_reader_page_has_an_accessibility_violation(page, live_server, archive):
    if not AXE.exists():
        require("REQUIRE_BROWSER", f"needs axe-core at {AXE} (make install, with npm)")
    found = {}
    for path in reader_pages(archive):
        page.goto(live_server.url + path)
        page.evaluate(AXE.read_text(encoding="utf-8"))  # as the browser's console would, past the policy
        violations = page.evaluate("async () => (await axe.run()).violations")
        found[path] = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    assert found == {path: [] for path in found}
