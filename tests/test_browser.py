"""The reader's timeline in a real Chromium: filters in place, history, search, paging, expanding, no JS."""

import datetime as dt

import pytest

from tests.factories import add_source, make_actor, make_event
from timeline.models import Event, EventSource, Thread
from timeline.services.ranking import rank

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("blank_cast"),
]


@pytest.fixture
def corpus():
    """A small timeline: Xi's visit to Moscow and the fighting in Bakhmut."""
    xi, putin = make_actor("Xi Jinping"), make_actor("Vladimir Putin")
    visit = Thread.objects.create(slug="xi-visit", name="Xi's visit to Moscow")
    arrival = make_event(title="Xi arrives in Moscow", date=dt.date(2023, 3, 20), actors=[xi, putin])
    arrival.threads.add(visit)
    make_event(title="Xi and Putin sign a joint statement", date=dt.date(2023, 3, 21), actors=[xi, putin])
    make_event(title="Fighting rages in Bakhmut", date=dt.date(2023, 3, 13), event_type="military")
    return {"xi": xi, "visit": visit, "arrival": arrival}


# Every event: these tests are about filters, paging and expanding, not about which events are key.
ALL = "/?view=all"


def shown_titles(page) -> list[str]:
    return page.locator("#results .event-title").all_inner_texts()


def mark_document(page):
    """A flag that survives in-place updates and vanishes when the browser loads a new page."""
    page.evaluate("window.notReloaded = true")


def still_same_document(page) -> bool:
    return page.evaluate("window.notReloaded === true")


def test_choosing_a_storyline_updates_the_events_in_place_and_the_address(page, live_server, corpus):
    page.goto(live_server.url + ALL)
    assert len(shown_titles(page)) == 3
    mark_document(page)
    page.select_option("#id_thread", "xi-visit")
    page.wait_for_url("**thread=xi-visit**")
    page.locator("#results").get_by_text("Fighting rages in Bakhmut").wait_for(state="detached")
    assert shown_titles(page) == ["Xi arrives in Moscow"]
    assert "1 event matches." in page.locator("#result-status").inner_text()
    assert still_same_document(page)


def test_the_back_button_returns_to_the_unfiltered_timeline(page, live_server, corpus):
    page.goto(live_server.url + ALL)
    page.locator(".event .actors a", has_text="Xi Jinping").first.click()
    page.wait_for_url(f"**actor={corpus['xi'].slug}**")
    page.locator("#results").get_by_text("Fighting rages in Bakhmut").wait_for(state="detached")
    assert page.locator(f'#filters input[value="{corpus["xi"].slug}"]').is_checked()
    page.go_back()
    page.wait_for_url(live_server.url + ALL)
    page.locator("#results").get_by_text("Fighting rages in Bakhmut").wait_for()
    assert len(shown_titles(page)) == 3
    page.go_forward()
    page.wait_for_url(f"**actor={corpus['xi'].slug}**")
    page.locator("#results").get_by_text("Fighting rages in Bakhmut").wait_for(state="detached")
    assert len(shown_titles(page)) == 2


def test_a_search_typed_and_submitted_with_the_keyboard_narrows_the_events(page, live_server, corpus):
    page.goto(live_server.url + ALL)
    mark_document(page)
    page.locator("#id_q").fill("Bakhmut")
    page.keyboard.press("Enter")
    page.wait_for_url("**q=Bakhmut**")
    page.locator("#results").get_by_text("Xi arrives in Moscow").wait_for(state="detached")
    assert shown_titles(page) == ["Fighting rages in Bakhmut"]
    assert still_same_document(page)
    assert page.locator("#id_q").input_value() == "Bakhmut"


def test_scrolling_to_the_end_loads_more_events_under_the_same_filters(page, live_server, monkeypatch):
    from playwright.sync_api import expect

    monkeypatch.setattr("timeline.views.PAGE_SIZE", 3)
    xi = make_actor("Xi Jinping")
    for day in range(1, 8):
        make_event(title=f"Xi, day {day}", date=dt.date(2023, 3, day), actors=[xi])
        make_event(title=f"Other news, day {day}", date=dt.date(2023, 3, day))
    page.set_viewport_size({"width": 1000, "height": 700})
    page.goto(f"{live_server.url}{ALL}&actor={xi.slug}")
    assert len(shown_titles(page)) == 3
    for expected in (6, 7):
        page.locator(".more").scroll_into_view_if_needed()
        expect(page.locator("#results .event")).to_have_count(expected)
    assert shown_titles(page) == [f"Xi, day {day}" for day in range(1, 8)]
    assert page.locator(".more").count() == 0
    assert page.url.endswith(f"{ALL}&actor={xi.slug}")  # loading more does not change the address


def test_an_event_expands_in_place_to_show_its_sources(page, live_server, corpus):
    EventSource.objects.filter(event=corpus["arrival"]).update(sentence="Xi landed in Moscow on Monday.")
    page.goto(live_server.url + ALL)
    mark_document(page)
    summary = page.locator(f"#event-{corpus['arrival'].pk} summary")
    summary.focus()
    page.keyboard.press("Enter")
    quote = page.locator(f"#event-{corpus['arrival'].pk} .expanded blockquote")
    quote.wait_for()
    assert quote.inner_text() == "Xi landed in Moscow on Monday."
    assert quote.locator("mark.date").inner_text() == "on Monday"
    assert still_same_document(page) and page.url == live_server.url + ALL


def test_without_javascript_the_form_and_the_more_link_load_whole_pages(chromium, live_server, monkeypatch):
    monkeypatch.setattr("timeline.views.PAGE_SIZE", 2)
    for day in range(1, 5):
        make_event(title=f"Shelling, day {day}", date=dt.date(2023, 3, day))
    make_event(title="Talks", date=dt.date(2023, 3, 2))
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + ALL)
    page.locator("#id_q").fill("Shelling")
    page.get_by_role("button", name="Show events").click()
    page.wait_for_url("**q=Shelling**")
    assert shown_titles(page) == ["Shelling, day 1", "Shelling, day 2"]
    page.locator(".more").click()
    page.wait_for_url("**page=2**")
    assert "q=Shelling" in page.url
    assert shown_titles(page) == ["Shelling, day 3", "Shelling, day 4"]
    context.close()


@pytest.fixture
def ranked():
    """A busy day of nine happenings, the first reported by the most outlets, and a reaction to it."""
    day = dt.date(2023, 5, 1)
    events = []
    for i in range(9):
        event = make_event(title=f"Happening {i}", date=day, event_type="meeting")
        for j in range(9 - i):
            add_source(
                event, sentence=f"Happening {i} took place.", temporal_expression="on Monday", date_start=day,
                source=f"Outlet {i}-{j}",
            )  # fmt: skip
        events.append(event)
    reaction = make_event(title="Farmers say happening 0 came late", date=day, event_type="statement")
    Event.objects.filter(pk=reaction.pk).update(reaction_to=events[0])
    rank([e.pk for e in events] + [reaction.pk])
    return {
        "top": events[0],
        "reaction": reaction,
        "key": list(Event.objects.key().values_list("title", flat=True)),
    }


def test_the_key_view_is_the_default_and_the_switch_to_all_events_and_back_follows_the_address(
    page, live_server, ranked
):
    from playwright.sync_api import expect

    page.goto(live_server.url)
    key = shown_titles(page)
    assert 1 < len(key) < 9 and key[0] == "Happening 0" and sorted(key) == sorted(ranked["key"])
    mark_document(page)
    page.get_by_role("link", name="All events").click()
    page.wait_for_url("**view=all**")
    expect(page.locator("#results .event")).to_have_count(10)
    expect(page.get_by_role("link", name="All events")).to_have_attribute("aria-current", "page")
    assert page.locator("#id_view").input_value() == "all"  # the form keeps the view for the next filter
    page.go_back()
    page.wait_for_url(live_server.url + "/")
    expect(page.locator("#results .event")).to_have_count(len(key))
    page.go_forward()
    page.wait_for_url("**view=all**")
    expect(page.locator("#results .event")).to_have_count(10)
    page.get_by_role("link", name="Key events").click()
    page.wait_for_url("**view=key**")
    expect(page.locator("#results .event")).to_have_count(len(key))
    assert still_same_document(page)


def test_a_reaction_list_expands_in_place_under_its_happening(page, live_server, ranked):
    page.goto(live_server.url)
    mark_document(page)
    item = page.locator(f"#event-{ranked['top'].pk}")
    item.locator(".reactions summary").click()
    reaction = item.locator(f'.reaction-list li[data-event-id="{ranked["reaction"].pk}"]')
    reaction.wait_for()
    assert reaction.locator("a").inner_text() == "Farmers say happening 0 came late"
    assert page.locator(f'#results > .pages li.event[data-event-id="{ranked["reaction"].pk}"]').count() == 0
    assert still_same_document(page) and page.url == live_server.url + "/"


def test_without_javascript_the_view_switch_and_the_reactions_are_plain_links(chromium, live_server, ranked):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url)
    assert len(shown_titles(page)) == len(ranked["key"])
    page.get_by_role("link", name="All events").click()
    page.wait_for_url("**view=all**")
    assert len(shown_titles(page)) == 10
    page.get_by_role("link", name="Key events").click()
    page.wait_for_url("**view=key**")
    item = page.locator(f"#event-{ranked['top'].pk}")
    item.locator(".reactions summary").click()
    item.get_by_role("link", name="Read the reactions on the event's page").click()
    page.wait_for_url(f"**/events/{ranked['top'].pk}/#reactions")
    assert page.locator("#reactions").inner_text() == "1 reaction"
    assert page.locator(f'li[data-event-id="{ranked["reaction"].pk}"]').count() == 1
    context.close()
