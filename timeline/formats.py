"""The timeline in other tools' formats: TimelineJS JSON, CSV and iCalendar (RFC 5545)."""

from __future__ import annotations

import csv
import datetime as dt

from django.utils.html import escape

from .chronology import describe_dates, wording

CHUNK = 500


def error_text(form) -> str:
    """The form's errors as plain text, one per line, naming the parameter."""
    lines = []
    for name, errors in form.errors.items():
        label = "from" if name == "from_" else name
        lines += [f"{label}: {error}" if name != "__all__" else error for error in errors]
    return "\n".join(lines) + "\n"


def rows(events):
    """The events streamed in chunks, so a large export does not hold every event at once."""
    return events.iterator(chunk_size=CHUNK)


def _timelinejs_date(day: dt.date, precision: str | None) -> dict:
    date = {"year": day.year}
    if precision != "year":
        date["month"] = day.month
    if precision not in ("year", "month"):
        date["day"] = day.day
    return date


def timelinejs(events, request) -> dict:
    """TimelineJS's JSON format (a title slide and one slide per dated event)."""
    slides = []
    for event in rows(events):
        if event.date_start is None:
            continue
        threads = [t.name for t in event.thread_list]
        text = escape(event.summary)
        text += f'<p><a href="{escape(request.build_absolute_uri(event.get_absolute_url()))}">'
        text += f"{event.source_count} source{'s' if event.source_count != 1 else ''}</a></p>"
        slide = {
            "unique_id": f"event-{event.pk}",
            "start_date": _timelinejs_date(event.date_start, event.precision),
            "display_date": describe_dates(event.date_start, event.date_end, event.precision),
            "text": {"headline": escape(event.title), "text": text},
        }
        if event.date_end and event.date_end != event.date_start:
            slide["end_date"] = _timelinejs_date(event.date_end, event.precision)
        if threads:
            slide["group"] = threads[0]
        slides.append(slide)
    return {
        "title": {"text": {"headline": "Newsroom timeline", "text": "Events drawn from news articles."}},
        "events": slides,
    }


CSV_COLUMNS = [
    "id",
    "date_start",
    "date_end",
    "precision",
    "dates",
    "date_wording",
    "title",
    "summary",
    "event_type",
    "threads",
    "actors",
    "sources",
    "flags",
    "url",
]


def _cell(value: str) -> str:
    # A spreadsheet runs a cell starting with one of these as a formula; a quote keeps it text.
    return f"'{value}" if value[:1] in ("=", "+", "-", "@") else value


def write_csv(events, out, request) -> None:
    """One row per event with its dates, wording, actors and threads (``;``-separated)."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for event in rows(events):
        writer.writerow(
            [
                event.pk,
                event.date_start.isoformat() if event.date_start else "",
                event.date_end.isoformat() if event.date_end else "",
                event.precision or "",
                describe_dates(event.date_start, event.date_end, event.precision),
                _cell(wording(event)),
                _cell(event.title),
                _cell(event.summary),
                event.event_type,
                "; ".join(t.name for t in event.thread_list),
                "; ".join(a.name for a in event.actor_list),
                event.source_count,
                "; ".join(event.flags),
                request.build_absolute_uri(event.get_absolute_url()),
            ]
        )


def ics_text(text: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """RFC 5545 folding: lines of at most 75 octets, continued after CRLF and a space,
    never splitting a UTF-8 character."""
    parts, current, limit = [], b"", 75
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > limit:
            parts.append(current)
            current, limit = b"", 74  # the leading space counts
        current += encoded
    parts.append(current)
    return "\r\n ".join(part.decode() for part in parts)


def icalendar(events, request) -> str:
    """A VCALENDAR of all-day VEVENTs; DTEND is the day after the last day (exclusive)."""
    host = request.get_host().split(":")[0]
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Newsroom timeline//Reader export//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Newsroom timeline",
    ]
    for event in rows(events):
        if event.date_start is None:
            continue
        last = event.date_end or event.date_start
        dates = describe_dates(event.date_start, event.date_end, event.precision)
        description = "\n".join(part for part in (dates, wording(event), event.summary) if part)
        lines += [
            "BEGIN:VEVENT",
            f"UID:event-{event.pk}@{host}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{event.date_start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{last + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{ics_text(event.title)}",
            f"DESCRIPTION:{ics_text(description)}",
            f"URL:{request.build_absolute_uri(event.get_absolute_url())}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
