"""An event's fields derived from its sources: date, title, type, summary and flags."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from ..models import UNSTATED_DATES, Event, EventSource, Flag, Status
from ..nlp import dating
from ..nlp.types import ExtractedEvent
from .storylines import assign_threads

# What ``derive`` may change on an event.
DERIVED_FIELDS = [
    "date_start", "date_end", "precision", "title", "event_type", "summary", "flags", "merge_confidence",
    "updated_at",
]  # fmt: skip


def recompute_event(event: Event, *, extracted: ExtractedEvent | None = None) -> None:
    """Re-derives one event's fields and storylines from its sources, except those an editor locked;
    an event left without sources is deleted, unless an editor touched it."""
    sources = list(event.sources.select_related("article").order_by("article__published", "start", "id"))
    assign_threads(save_derived([(event, sources, extracted)]))


def save_derived(items) -> list[tuple[Event, list[str]]]:
    """Re-derives and saves stored events, each given with its sources (with their articles, in
    report order) and the report that created it, when at hand, for the headline, summary and
    type. Returns the events kept whose storylines are open, with their sources' sentences."""
    open_threads = []
    for event, sources, extracted in items:
        if not reports_of(sources):  # no source of its own, or only mentions in passing
            if not event.locked_fields and event.status == Status.AUTO:
                event.delete()
            continue
        derive(event, sources, extracted)
        event.save(update_fields=DERIVED_FIELDS)
        if not event.is_locked("threads"):
            open_threads.append((event, [s.sentence for s in sources]))
    return open_threads


def reports_of(sources: list[EventSource]) -> list[EventSource]:
    """The sources that report the event, not those that only name it in passing."""
    return [s for s in sources if not s.in_passing]


def derive(event: Event, sources: list[EventSource], extracted: ExtractedEvent | None = None) -> None:
    """Sets an event's date, title, type, summary and flags from its sources that report it (those
    naming it in passing have no say), in memory, except the fields an editor locked."""
    sources = reports_of(sources) or sources
    chosen = dating.choose_date(
        [
            dating.Dated(
                s.date_start,
                s.date_end,
                s.precision,
                *dating.weak_date(
                    Flag.unstated(s.flags),
                    (s.frame or {}).get("said_after", False),
                    s.date_end,
                    s.article.published,
                ),
                Flag.DATE_FROM_CONTEXT in s.flags,
            )
            for s in sources
        ]
    )
    derived: dict = {}
    if chosen is not None:
        derived.update(date_start=chosen.date_start, date_end=chosen.date_end, precision=chosen.precision)
    span = (chosen.date_start, chosen.date_end) if chosen is not None else None
    # the title tells what happened, not what was to happen ("Biden to address nation")
    on_day = [s for s in sources if (s.date_start, s.date_end) == span] or sources
    told = [s for s in on_day if not (s.frame or {}).get("foreseen")] or on_day
    # the earliest article's first report; of two articles' leads, the lead of the one that tells the
    # event more fully, whichever was stored first
    fully = Counter(s.article_id for s in sources)
    main = min(
        told,
        key=lambda s: (
            s.article.published or dt.date.max,
            s.start,
            -fully[s.article_id],
            Flag.unstated(s.flags),
            s.title,
        ),
    )
    derived["title"] = main.title or main.sentence[:300]
    if extracted is not None:
        derived["event_type"] = extracted.event_type
        derived["summary"] = extracted.summary or extracted.sentence
    for name, value in derived.items():
        if not event.is_locked(name):
            setattr(event, name, value)
    flags = set().union(*(set(s.flags) for s in sources)) - {Flag.DATE_CONFLICT} - UNSTATED_DATES
    if all(Flag.unstated(s.flags) for s in sources):
        # the date chosen is the article's, or the sentence before's
        flags |= UNSTATED_DATES & set(main.flags)
    # Sources may still disagree, but a date an editor set is no longer in doubt.
    settled = event.is_locked("date_start") or event.is_locked("date_end")
    if chosen is not None and chosen.conflict and not settled:
        flags.add(Flag.DATE_CONFLICT)
    if chosen is not None:
        flags.discard(Flag.UNDATED)
    event.flags = sorted(flags)
    if len(sources) == 1:
        event.merge_confidence = 1.0
