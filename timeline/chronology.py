"""How the reader sees dates: by precision, in words, grouped under headings; and highlighted text.

Plain functions over dates and events, shared by the pages (through the ``chronology`` template
tags), the views and the exports.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.dateformat import format as date_format
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst


def _day_range(start: dt.date, end: dt.date) -> str:
    if start == end:
        return date_format(start, "j F Y")
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{date_format(end, 'j F Y')}"
    if start.year == end.year:
        return f"{date_format(start, 'j F')} – {date_format(end, 'j F Y')}"
    return f"{date_format(start, 'j F Y')} – {date_format(end, 'j F Y')}"


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def describe_dates(start: dt.date | None, end: dt.date | None, precision: str | None) -> str:
    """The dates as a reader says them, no more exact than the source: "20–22 March 2023", "March 2023"."""
    if start is None:
        return "undated"
    end = end or start
    if precision == "year":
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    if precision == "month":
        if (start.year, start.month) == (end.year, end.month):
            return date_format(start, "F Y")
        if start.year == end.year:
            return f"{date_format(start, 'F')} – {date_format(end, 'F Y')}"
        return f"{date_format(start, 'F Y')} – {date_format(end, 'F Y')}"
    if precision == "week":
        first, last = monday(start), monday(end)
        if first == last:
            return f"week of {date_format(first, 'j F Y')}"
        return f"weeks of {_day_range(first, last)}"
    return _day_range(start, end)


def datetime_value(start: dt.date | None, precision: str | None) -> str:
    """The HTML ``<time datetime>`` value at the event's precision (a day, ISO week, month or year)."""
    if start is None:
        return ""
    if precision == "year":
        return f"{start.year:04}"
    if precision == "month":
        return f"{start.year:04}-{start.month:02}"
    if precision == "week":
        year, week, _ = start.isocalendar()
        return f"{year:04}-W{week:02}"
    return start.isoformat()


def article_date(published: dt.date | None, inferred: bool) -> str:
    if published is None:
        return "an undated article"
    about = "about " if inferred else ""
    return f"an article of {about}{date_format(published, 'j F Y')}"


def wording(event) -> str:
    """Where the date came from: "“on Monday”, from an article of 20 March 2023" (an event from
    ``Event.objects.for_timeline``, which annotates its dating source)."""
    if event.dated_by_expression is None:  # no source at all
        return ""
    article = article_date(event.dated_by_published, event.dated_by_inferred)
    if event.dated_by_expression:
        return f"“{event.dated_by_expression}”, from {article}"
    return f"no date in the text; dated by {article}"


@dataclass
class Period:
    key: tuple
    heading: str
    show_heading: bool = True
    events: list = field(default_factory=list)


@dataclass
class Month:
    key: tuple
    heading: str
    show_heading: bool = True
    periods: list[Period] = field(default_factory=list)


def headings(start: dt.date | None, end: dt.date | None, precision: str | None):
    """((month key, month heading), (period key, period heading)) under which an event is listed."""
    if start is None:
        return ("undated",), "Undated", ("undated",), "No usable date"
    end = end or start
    if precision == "year":
        month = (start.year,), str(start.year)
    else:
        month = (start.year, start.month), date_format(start, "F Y")
    if precision in ("year", "month"):
        period = (precision, start, end), f"During {describe_dates(start, end, precision)}"
    elif precision == "week":
        period = ("week", monday(start), monday(end)), capfirst(describe_dates(start, end, precision))
    elif start == end:
        period = ("day", start), date_format(start, "l j F Y")
    else:
        period = ("days", start, end), _day_range(start, end)
    return (*month, *period)


def group_by_period(events, previous=None) -> list[Month]:
    """Events under month headings, then day, week or month headings; ``previous`` is the event
    listed just before these (on the previous page): headings it already opened are not repeated."""
    months: list[Month] = []
    last_month, last_period = None, None
    if previous is not None:
        last_month, _, last_period, _ = headings(previous.date_start, previous.date_end, previous.precision)
    for event in events:
        month_key, month_heading, period_key, period_heading = headings(
            event.date_start, event.date_end, event.precision
        )
        if not months or months[-1].key != month_key:
            months.append(Month(month_key, month_heading, show_heading=month_key != last_month))
            last_month = None
        month = months[-1]
        if not month.periods or month.periods[-1].key != period_key:
            continuing = not month.show_heading and period_key == last_period and not month.periods
            month.periods.append(Period(period_key, period_heading, show_heading=not continuing))
        month.periods[-1].events.append(event)
    return months


def highlight(text: str, spans) -> SafeString:
    """``text`` escaped, with each (start, end, css class, title, href or "") span marked.
    Overlapping spans keep the one that starts first."""
    out, pos = [], 0
    for start, end, css, title, href in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < pos or end <= start:
            continue
        out.append(escape(text[pos:start]))
        inner = escape(text[start:end])
        if href:
            inner = format_html('<a href="{}">{}</a>', href, inner)
        out.append(format_html('<mark class="{}" title="{}">{}</mark>', css, title, inner))
        pos = end
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))


def mark_phrase(sentence: str, phrase: str) -> SafeString:
    """The sentence with the first occurrence of ``phrase`` (a temporal expression) highlighted."""
    at = sentence.lower().find(phrase.lower()) if phrase else -1
    if at < 0:
        return escape(sentence)
    return highlight(sentence, [(at, at + len(phrase), "date", "the date this sentence states", "")])
