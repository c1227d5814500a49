"""Template tags over ``timeline.chronology`` and ``timeline.density``: dates, flags, highlighting,
the density strip, and links that add a filter."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from .. import chronology, density
from ..models import Flag

register = template.Library()


@register.simple_tag
def event_time(thing) -> SafeString:
    """``<time>`` for an event or a source: its dates by precision."""
    return format_html(
        '<time datetime="{}">{}</time>',
        chronology.datetime_value(thing.date_start, thing.precision),
        chronology.describe_dates(thing.date_start, thing.date_end, thing.precision),
    )


register.filter("wording", chronology.wording)
register.filter("mark_phrase", chronology.mark_phrase)


@register.filter
def first_reported(event) -> dt.date | None:
    """The earliest publication date among the event's articles."""
    dates = [s.article.published for s in event.source_list if s.article.published]
    return min(dates, default=None)


@register.filter
def also_called(actor) -> str:
    """The actor's other names (its aliases besides its name), comma-separated."""
    return ", ".join(a.name for a in actor.aliases.all() if a.name != actor.name)


@register.filter
def badges(flags) -> list[Flag]:
    """The event's flags, each with the ``badge`` a reader sees and its ``explanation``."""
    return Flag.of(flags)


def current_filters(context):
    """The request's query parameters without ``page`` and their query string, worked out once per
    render: a page of events asks for them for every actor link."""
    cached = context.render_context.get("current_filters")
    if cached is None:
        params = context["request"].GET.copy()
        params.pop("page", None)
        cached = context.render_context["current_filters"] = (params, params.urlencode())
    return cached


@register.simple_tag(takes_context=True)
def with_filter(context, key: str, value: str) -> str:
    """The current query string with ``key=value`` added (repeatable keys) and the page reset."""
    params, query = current_filters(context)
    if value in params.getlist(key):
        return f"?{query}"
    added = urlencode({key: value})
    return f"?{query}&{added}" if query else f"?{added}"


@register.simple_tag(takes_context=True)
def density_bars(context, bars) -> SafeString:
    """The density strip's bars, each linking to its week with the other filters kept."""
    return density.draw_bars(bars, current_filters(context)[0])
