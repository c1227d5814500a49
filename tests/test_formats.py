"""Exports in other tools' formats, each honouring the timeline's filters."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse

from timeline.formats import fold, ics_text
from timeline.models import Thread

from .factories import make_actor, make_event

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("blank_cast")]


def test_timelinejs_gets_each_dated_event_at_its_precision_with_its_storyline(client):
    visit = Thread.objects.create(slug="xi-visit", name="Xi's visit")
    talks = make_event(title="Talks & toasts", date=dt.date(2023, 3, 20), date_end=dt.date(2023, 3, 22))
    talks.threads.add(visit)
    make_event(title="Offensive", date=dt.date(2023, 4, 1), date_end=dt.date(2023, 4, 30), precision="month")
    make_event(title="Undated", date=None)
    doc = client.get(reverse("timeline:timelinejs-json")).json()
    assert doc["title"]["text"]["headline"] == "Newsroom timeline"
    first, second = doc["events"]
    assert first["start_date"] == {"year": 2023, "month": 3, "day": 20}
    assert first["end_date"] == {"year": 2023, "month": 3, "day": 22}
    assert first["text"]["headline"] == "Talks &amp; toasts" and first["group"] == "Xi's visit"
    assert first["display_date"] == "20–22 March 2023"
    assert second["start_date"] == {"year": 2023, "month": 4} and second["display_date"] == "April 2023"


def test_timelinejs_honours_the_filters(client):
    xi = make_actor("Xi Jinping")
    make_event(title="With Xi", actors=[xi])
    make_event(title="Without")
    doc = client.get(reverse("timeline:timelinejs-json"), {"actor": xi.slug}).json()
    assert [e["text"]["headline"] for e in doc["events"]] == ["With Xi"]


def test_the_csv_has_a_row_per_event_with_dates_wording_and_actors(client):
    xi, putin = make_actor("Xi Jinping"), make_actor("Vladimir Putin")
    make_event(title="Summit, day one", actors=[xi, putin], date_end=dt.date(2023, 3, 21))
    make_event(title="=HYPERLINK(bad)", date=dt.date(2023, 3, 25))
    response = client.get(reverse("timeline:timeline-csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert rows[0]["title"] == "Summit, day one" and rows[0]["dates"] == "20–21 March 2023"
    assert rows[0]["actors"] == "Vladimir Putin; Xi Jinping"
    assert rows[0]["date_wording"] == "“on Monday”, from an article of 20 March 2023"
    assert rows[1]["title"] == "'=HYPERLINK(bad)"  # a spreadsheet must not run it as a formula


def test_the_csv_honours_the_filters_and_refuses_bad_ones(client):
    make_event(title="March", date=dt.date(2023, 3, 1))
    make_event(title="April", date=dt.date(2023, 4, 1))
    rows = list(csv.DictReader(io.StringIO(client.get("/timeline.csv?from=2023-03-15").content.decode())))
    assert [r["title"] for r in rows] == ["April"]
    bad = client.get("/timeline.csv?from=someday")
    assert bad.status_code == 400 and "from: “From” must be a date" in bad.content.decode()


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_the_calendar_has_all_day_events_ending_the_day_after_their_last_day(client):
    event = make_event(
        title="Talks; day one, in Moscow", date=dt.date(2023, 3, 20), date_end=dt.date(2023, 3, 22)
    )
    make_event(title="Undated", date=None)
    response = client.get(reverse("timeline:timeline-ics"))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    text = response.content.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and text.endswith("END:VCALENDAR\r\n")
    lines = unfold(text)
    assert lines.count("BEGIN:VEVENT") == 1
    assert f"UID:event-{event.pk}@testserver" in lines
    assert "DTSTART;VALUE=DATE:20230320" in lines and "DTEND;VALUE=DATE:20230323" in lines
    assert "SUMMARY:Talks\\; day one\\, in Moscow" in lines
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_calendar_text_escapes_backslashes_separators_and_line_breaks():
    assert ics_text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"


def test_long_calendar_lines_fold_at_75_octets_without_splitting_a_character():
    line = "DESCRIPTION:" + "Зеленський " * 20
    folded = fold(line)
    parts = folded.split("\r\n")
    assert len(parts) > 1 and all(len(p.encode()) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert folded.replace("\r\n ", "") == line
