"""Reader pages: the timeline, events, actors and articles, and the timeline's exports."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers
from django_htmx.middleware import HtmxDetails

from . import formats, summaries
from .chronology import group_by_period, highlight
from .density import density
from .export import timeline_document
from .forms import ExportFilter, TimelineFilter
from .models import Actor, Article, Event, Flag
from .services.ranking import Evidence

# Events per timeline page. Each costs about a millisecond to read and render, so a page of 25 keeps
# the first screen quick; scrolling (htmx) or "More events" fetches the next page in place.
PAGE_SIZE = 25
LIST_PAGE_SIZE = 100
# The busiest actors are counted over the whole archive, the same for every reader: a minute-old
# list is good enough and spares each timeline request a pass over all actor links.
BUSIEST_ACTORS_KEY = "timeline:busiest-actors"
BUSIEST_ACTORS_SECONDS = 60


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


@dataclass(frozen=True)
class DomIds:
    """The ids of the timeline's elements that htmx swaps: the view reads them in htmx's headers
    and the template (as ``dom``) writes them."""

    filters: str = "filters"
    results: str = "results"
    status: str = "result-status"


DOM = DomIds()


def wants_fragment(request: HtmxHttpRequest) -> bool:
    """Whether htmx asks for part of a page. A history-restore request gets the whole page, which
    htmx puts in place of the page: a fragment would break the back button."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def template_for(request: HtmxHttpRequest, name: str, partial: str) -> str:
    """The template ``name``, or only its ``partial`` when htmx asks for part of the page."""
    return f"{name}#{partial}" if wants_fragment(request) else name


def counted_weeks(events, counted_by: dict | None) -> dict:
    """The ``weekly_counts`` of ``events``: from the counts the database keeps when they hold these
    events (``counted_by``, see ``TimelineFilter.counted_by``), else counted over the events."""
    if counted_by is not None and summaries.kept(events.db):
        return summaries.weekly_counts(**counted_by, using=events.db)
    return events.weekly_counts()


def paged_events(request, events, page_number, counted_by: dict | None = None):
    """One page of the visible ``events`` grouped under date headings, with the query strings of the
    pages around it and the events' ``weekly_counts`` (counted once: they give the number of events,
    narrow the page's query to its weeks and make the density strip; see ``counted_weeks``)."""
    weeks = counted_weeks(events, counted_by)
    paginator = Paginator(events, PAGE_SIZE)
    paginator.count = sum(weeks.values())
    page = paginator.get_page(page_number)
    # The page's events and, after the first page, the one just before them (so headings it opened
    # are not repeated when pages join up), fetched together. The window is picked by ids alone,
    # which an index serves even deep into the archive; only its rows are then read in full.
    bottom = (page.number - 1) * PAGE_SIZE
    first = max(bottom - 1, 0)
    window = events.window(first, bottom + PAGE_SIZE, weeks)
    rows = list(Event.objects.for_timeline().filter(pk__in=window))
    previous = rows.pop(0) if first < bottom and rows else None
    page.object_list = rows
    params = request.GET.copy()
    if page.has_next():
        params["page"] = page.next_page_number()
    next_query = params.urlencode() if page.has_next() else ""
    if page.has_previous():
        params["page"] = page.previous_page_number()
    previous_query = params.urlencode() if page.has_previous() else ""
    return {
        "page": page,
        # headings the previous page opened are left out only where the page is added under it
        "months": group_by_period(page.object_list, previous if request.htmx else None),
        "next_query": next_query,
        "previous_query": previous_query,
        "weeks": weeks,
    }


@require_GET
@vary_on_headers("HX-Request", "HX-Target")
def timeline(request: HtmxHttpRequest):
    """The chronology: filters, a density strip and paged events; htmx gets only what changes."""
    form = TimelineFilter(request.GET, default_view="key")
    # What the response shows: the whole page, the results (with the filters when something other
    # than the form changed them), or the next page alone for the "More" link.
    fragment = wants_fragment(request)
    show_results = not fragment or request.htmx.target == DOM.results
    show_filters = show_results and not (fragment and request.htmx.trigger == DOM.filters)
    context = {"form": form, "dom": DOM, "form_changed_elsewhere": show_filters}
    if form.is_valid():
        context |= paged_events(
            request, form.apply(Event.objects.visible()), form.cleaned_data["page"], form.counted_by()
        )
        if show_results:
            context["density"] = density(context["weeks"])
        selected = form.cleaned_data["actor"]
    else:
        selected = []
    if show_filters:
        context["actor_choices"] = actor_choices(selected)
    partial = "results-fragment" if show_results else "page"
    return TemplateResponse(request, template_for(request, "timeline/timeline.html", partial), context)


def actor_choices(selected) -> list[tuple[Actor, bool]]:
    """The actors offered as checkboxes: the busiest, plus any already chosen."""
    busiest = cache.get_or_set(
        BUSIEST_ACTORS_KEY, lambda: list(Actor.objects.most_active()), BUSIEST_ACTORS_SECONDS
    )
    chosen = {a.pk for a in selected}
    extra = [a for a in selected if a.pk not in {b.pk for b in busiest}]
    return [(a, a.pk in chosen) for a in sorted([*busiest, *extra], key=lambda a: a.name)]


@require_GET
@vary_on_headers("HX-Request")
def event_detail(request: HtmxHttpRequest, pk: int):
    """One event with every source sentence; htmx gets the body alone to expand it in place."""
    event = get_object_or_404(Event.objects.for_timeline().with_sources(), pk=pk)
    sources = event.source_list
    stated = {(s.date_start, s.date_end, s.precision) for s in sources if s.date_start}
    reactions = list(Event.objects.reacting_to(event))
    evidence = Evidence(
        outlets=len({s.article.source_id or f"article {s.article_id}" for s in sources}),
        articles=len({s.article_id for s in sources}),
        reactions=len(reactions),
        kind=event.event_type,
    )
    return TemplateResponse(
        request,
        template_for(request, "timeline/event.html", "event-body"),
        {
            "event": event,
            "sources": sources,
            "dates_differ": len(stated) > 1 or Flag.DATE_CONFLICT in event.flags,
            "conflict": Flag.DATE_CONFLICT in event.flags,
            "reactions": reactions,
            "evidence": evidence,
        },
    )


@require_GET
@vary_on_headers("HX-Request")
def event_reactions(request: HtmxHttpRequest, pk: int):
    """The reactions to an event, for htmx to list them under it in place; without htmx, the event's
    page, where they are listed too."""
    event = get_object_or_404(Event.objects.visible(), pk=pk)
    if not request.htmx:
        return redirect(f"{event.get_absolute_url()}#reactions")
    return TemplateResponse(
        request,
        "timeline/events.html#reaction-list",
        {"reactions": Event.objects.reacting_to(event), "event": event},
    )


def list_page(request, rows, count: int | None = None):
    """The page of ``rows`` the request asks for: its rows are found in ``rows``' order alone, and
    only they are read with what ``rows`` annotates and selects, so a deep page costs what the first
    does but for skipping the rows before it. ``count``: the number of rows, when it is kept."""
    paginator = Paginator(rows.values("pk"), LIST_PAGE_SIZE)
    if count is not None:
        paginator.count = count
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = rows.filter(pk__in=page.object_list)
    return page


@require_GET
def actor_list(request):
    page = list_page(request, Actor.objects.for_listing().order_by("name"))
    return TemplateResponse(request, "timeline/actors.html", {"page": page})


@require_GET
@vary_on_headers("HX-Request", "HX-Target")
def actor_detail(request: HtmxHttpRequest, slug: str):
    actor = get_object_or_404(Actor.objects.prefetch_related("aliases", "merged_from"), slug=slug)
    if actor.merged_into_id:
        return redirect(actor.merged_into, permanent=False)
    events = Event.objects.visible().involving(actor)
    paged = paged_events(request, events, request.GET.get("page"), {"key": False, "actor_id": actor.pk})
    context = {"actor": actor, **paged}
    return TemplateResponse(request, template_for(request, "timeline/actor.html", "page"), context)


@require_GET
def article_list(request):
    articles = Article.objects.for_listing()
    # the number of articles as the database keeps it, not counted over the archive
    count = summaries.article_count(articles.db) if summaries.kept(articles.db) else None
    page = list_page(request, articles, count)
    return TemplateResponse(request, "timeline/articles.html", {"page": page})


@require_GET
def article_detail(request, slug: str):
    article = get_object_or_404(Article.objects.select_related("source"), slug=slug)
    events = list(Event.objects.for_timeline().reported_in(article))
    actors = {a.pk: a for e in events for a in e.actor_list}
    aliases = Actor.objects.filter(pk__in=actors).prefetch_related("aliases")
    spans = [
        (t.start, t.end, "date", t.value or "no usable date", "")
        for t in article.temporal_expressions.all()
        if 0 <= t.start < t.end <= len(article.body)
    ]
    spans += mention_spans(article.body, aliases)
    context = {"article": article, "events": events, "body": highlight(article.body, spans)}
    return TemplateResponse(request, "timeline/article.html", context)


def mention_spans(body: str, actors) -> list[tuple]:
    """Where the article names the given actors (by any alias), as spans for ``highlight``."""
    spans = []
    for actor in actors:
        names = sorted({actor.name, *(a.name for a in actor.aliases.all())}, key=len, reverse=True)
        pattern = r"\b(?:" + "|".join(re.escape(n) for n in names if n) + r")\b"
        for match in re.finditer(pattern, body):
            spans.append((match.start(), match.end(), "actor", actor.name, actor.get_absolute_url()))
    return spans


def filtered_events(request, form_class=TimelineFilter):
    """The form and the visible events it selects, or the form and None when the filters are invalid."""
    form = form_class(request.GET)
    if not form.is_valid():
        return form, None
    return form, form.apply(Event.objects.for_timeline())


def bad_filters(form) -> JsonResponse:
    return JsonResponse({"errors": form.errors.get_json_data()}, status=400)


@require_GET
def timeline_json(request):
    """INTERFACES' export document for one page of the filtered events, with ``next``."""
    form = ExportFilter(request.GET)
    if not form.is_valid():
        return bad_filters(form)
    events = form.apply(Event.objects.visible().chronological())
    paginator = Paginator(events.values_list("pk", flat=True), form.cleaned_data["limit"] or 100)
    paginator.count = sum(counted_weeks(events, form.counted_by()).values())
    page = paginator.get_page(form.cleaned_data["page"])
    document = timeline_document(Event.objects.filter(pk__in=list(page)).chronological())
    document["next"] = None
    if page.has_next():
        params = request.GET.copy()
        params["page"] = page.next_page_number()
        document["next"] = request.build_absolute_uri(
            f"{reverse('timeline:timeline-json')}?{params.urlencode()}"
        )
    return JsonResponse(document, json_dumps_params={"ensure_ascii": False})


@require_GET
def timelinejs_json(request):
    """The filtered events in TimelineJS's JSON format."""
    form, events = filtered_events(request)
    if events is None:
        return bad_filters(form)
    return JsonResponse(formats.timelinejs(events, request), json_dumps_params={"ensure_ascii": False})


@require_GET
def timeline_csv(request):
    """The filtered events as a CSV spreadsheet."""
    form, events = filtered_events(request)
    if events is None:
        return HttpResponse(formats.error_text(form), status=400, content_type="text/plain; charset=utf-8")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="timeline.csv"'
    formats.write_csv(events, response, request)
    return response


@require_GET
def timeline_ics(request):
    """The filtered, dated events as an iCalendar file of all-day events."""
    form, events = filtered_events(request)
    if events is None:
        return HttpResponse(formats.error_text(form), status=400, content_type="text/plain; charset=utf-8")
    response = HttpResponse(formats.icalendar(events, request), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="timeline.ics"'
    return response
