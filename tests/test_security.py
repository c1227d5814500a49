"""Security headers, CSRF, the admin's login, and pages that work under the content security policy."""

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from .factories import make_actor, make_event

# Migrations may load a gazetteer; these tests make their own actors.
pytestmark = pytest.mark.usefixtures("blank_cast")

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=|javascript:", re.IGNORECASE)


@pytest.fixture
def event(db):
    return make_event(actors=[make_actor("Xi Jinping")])


def inline_code(html: str) -> list[str]:
    """What a strict content security policy (no 'unsafe-inline') would block in a page."""
    return [m.group(0) for rx in (INLINE_SCRIPT, INLINE_STYLE, INLINE_HANDLER) for m in rx.finditer(html)]


def test_every_page_carries_a_policy_that_allows_only_the_site_itself(client, event):
    response = client.get("/")
    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'" and policy["frame-ancestors"] == "'none'"
    assert policy["form-action"] == "'self'" and policy["base-uri"] == "'self'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_json_and_error_pages_carry_the_headers_too(client, event):
    for url in ("/timeline.json", "/events/999999/"):
        response = client.get(url)
        assert "default-src 'self'" in response["Content-Security-Policy"], url
        assert response["X-Content-Type-Options"] == "nosniff", url


def test_hsts_is_sent_over_https_and_behind_a_proxy_that_terminates_it(client, event):
    assert "Strict-Transport-Security" not in client.get("/")
    assert "max-age=31536000" in client.get("/", secure=True)["Strict-Transport-Security"]
    behind_proxy = client.get("/", headers={"X-Forwarded-Proto": "https"})
    assert "includeSubDomains" in behind_proxy["Strict-Transport-Security"]


def test_the_readers_pages_need_nothing_the_policy_blocks(client, event):
    actor = event.actors.first()
    article = event.sources.first().article
    for url in ("/", f"/events/{event.pk}/", "/actors/", actor.get_absolute_url(), "/articles/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert inline_code(response.content.decode()) == [], url
    assert client.get(article.get_absolute_url()).status_code == 200


def test_htmx_is_told_not_to_inject_its_indicator_styles(client, event):
    assert '"includeIndicatorStyles": false' in client.get("/").content.decode()


def test_the_admin_asks_for_a_login(client, event):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert client.get(f"/admin/timeline/event/{event.pk}/change/").status_code == 302


def test_admin_pages_need_nothing_the_policy_blocks(client, event):
    client.force_login(User.objects.create_superuser("editor", "e@example.org", "a-long-passphrase"))
    pages = [
        "/admin/",
        "/admin/timeline/event/",
        f"/admin/timeline/event/{event.pk}/change/",
        "/admin/timeline/event/add/",
        "/admin/timeline/actor/",
        "/admin/timeline/article/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert inline_code(response.content.decode()) == [], url
        assert "script-src 'self'" in response["Content-Security-Policy"]


def test_a_post_without_a_csrf_token_is_refused(event):
    client = Client(enforce_csrf_checks=True)
    assert client.post("/admin/login/", {"username": "x", "password": "y"}).status_code == 403
    assert client.post("/", {"q": "Moscow"}).status_code == 403
    editor = User.objects.create_superuser("editor", "e@example.org", "a-long-passphrase")
    client.force_login(editor)
    response = client.post(f"/admin/timeline/event/{event.pk}/change/", {"title": "Changed"})
    assert response.status_code == 403
    event.refresh_from_db()
    assert event.title != "Changed"


WATCH_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation",
    (e) => window.cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline")));
"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_htmx_and_the_admin_run_under_the_policy_without_a_violation(page, live_server):
    from playwright.sync_api import expect

    page.add_init_script(WATCH_VIOLATIONS)
    make_event(title="Xi arrives in Moscow", actors=[make_actor("Xi Jinping")])
    make_event(title="Fighting in Bakhmut")
    page.goto(live_server.url)
    page.wait_for_function("() => window.htmx !== undefined")
    with page.expect_response(lambda r: "q=Bakhmut" in r.url):
        page.fill("input[name=q]", "Bakhmut")
        page.press("input[name=q]", "Enter")
    # a locator assertion: a string predicate would be re-evaluated by eval(), which the policy forbids
    expect(page.locator("#results")).not_to_contain_text("Xi arrives")
    assert page.evaluate("window.cspViolations") == []

    User.objects.create_superuser("editor", "e@example.org", "a-long-passphrase")
    page.goto(f"{live_server.url}/admin/timeline/event/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-passphrase")
    page.click("input[type=submit]")
    page.get_by_role("link", name="Xi arrives in Moscow").click()
    page.wait_for_selector("#id_title")
    assert page.evaluate("window.cspViolations") == []
