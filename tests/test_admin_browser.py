"""An editor merges two events in a real Chromium, through the admin's action and confirmation page."""

import datetime as dt

import pytest

from tests.factories import make_article, make_editor, make_event
from timeline.models import Event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_merges_two_events_and_one_event_keeps_both_sources(page, live_server):
    make_editor(password="a-long-editor-password")
    arrival = make_event(title="Xi arrives in Moscow", article=make_article(source="Reuters"))
    landing = make_event(
        title="Chinese leader lands in Russia", date=dt.date(2023, 3, 21), article=make_article(source="TASS")
    )
    make_event(title="Fighting in Bakhmut", date=dt.date(2023, 3, 22))

    page.goto(f"{live_server.url}/admin/timeline/event/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-editor-password")
    page.click("input[type=submit]")

    page.get_by_role("checkbox", name="Select this object for an action - Xi arrives in Moscow").check()
    page.get_by_role(
        "checkbox", name="Select this object for an action - Chinese leader lands in Russia"
    ).check()
    page.select_option("select[name=action]", "merge_selected")
    page.click("button[name=index]")

    page.wait_for_selector("#merge-form")
    page.check(f"input[name=survivor][value='{arrival.pk}']")
    page.fill("input[name=title]", "Xi Jinping arrives in Moscow for a state visit")
    page.fill("input[name=date_start]", "2023-03-20")
    page.fill("input[name=date_end]", "2023-03-20")
    page.select_option("select[name=precision]", "day")
    page.click("#merge-form input[type=submit]")

    page.wait_for_url(f"**/admin/timeline/event/{arrival.pk}/change/")
    assert "Xi Jinping arrives in Moscow for a state visit" in page.input_value("#id_title")
    assert page.locator("#sources-group tbody tr.has_original").count() == 2
    assert list(Event.objects.values_list("pk", flat=True).order_by("pk")) == sorted(
        [arrival.pk, Event.objects.exclude(pk__in=[arrival.pk, landing.pk]).get().pk]
    )
    assert Event.objects.get(pk=arrival.pk).sources.count() == 2
