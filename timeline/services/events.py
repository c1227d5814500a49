"""Reports to events: an article's sources updated in place, and its new reports placed in stored or
new events."""

from __future__ import annotations

from django.db.models import Prefetch

from ..matching import StoredEvents, report_of
from ..models import Actor, Article, Event, EventSource, Status
from ..nlp import clustering
from ..nlp.types import ArticleExtraction, ExtractedEvent
from .event_fields import derive, save_derived
from .storylines import assign_threads


def report_key(article_id: int, start: int, end: int, temporal_expression: str) -> tuple:
    return (article_id, start, end, temporal_expression)


def _timex_text(extracted: ExtractedEvent) -> str:
    return extracted.timex.text[:300] if extracted.timex else ""


def _source_fields(extracted: ExtractedEvent) -> dict:
    timex = extracted.timex
    return {
        "sentence": extracted.sentence,
        "title": extracted.title[:300],
        "temporal_value": ((timex.value or "") if timex else "")[:60],
        "date_start": extracted.date_start,
        "date_end": extracted.date_end,
        "precision": extracted.precision,
        "flags": list(extracted.flags),
        "frame": {
            "agents": list(extracted.agents),
            "predicate": extracted.predicate,
            "words": sorted(extracted.words),
            "sentence_start": extracted.sentence_start,
        },
    }


def _new_event(extracted: ExtractedEvent) -> Event:
    return Event(
        title=extracted.title[:300],
        summary=extracted.summary or extracted.sentence,
        date_start=extracted.date_start,
        date_end=extracted.date_end,
        precision=extracted.precision,
        event_type=extracted.event_type,
        flags=list(extracted.flags),
        status=Status.AUTO,
    )


def store_events(
    article: Article,
    extraction: ArticleExtraction,
    actors: dict[str, Actor],
    stored: StoredEvents | None = None,
) -> set[int]:
    """Updates the article's sources in place, adds its new reports to matching or new events, and
    removes sources no longer produced. Returns the ids of the events whose sources changed.
    ``stored``: what this import has read of stored events already (see ``matching``).

    New events are derived from their reports in memory and written once; events stored before
    that gain or lose a source are re-derived and saved one by one (a few per article)."""
    existing = {
        report_key(s.article_id, s.start, s.end, s.temporal_expression): s
        for s in article.event_sources.all()
    }
    touched: set[int] = set()
    fresh: list[ExtractedEvent] = []
    creator: dict[int, ExtractedEvent] = {}  # stored event -> a report of it, for type and summary
    members: list[tuple[int, ExtractedEvent]] = []
    for extracted in extraction.events:
        source = existing.pop(
            report_key(article.pk, extracted.start, extracted.end, _timex_text(extracted)), None
        )
        if source is None:
            fresh.append(extracted)
            continue
        for name, value in _source_fields(extracted).items():
            setattr(source, name, value)
        source.save()
        touched.add(source.event_id)
        members.append((source.event_id, extracted))
        creator.setdefault(source.event_id, extracted)
    touched |= {s.event_id for s in existing.values()}
    EventSource.objects.filter(pk__in=[s.pk for s in existing.values()]).delete()

    # an editor put these sentences in their events: they stay there
    pinned = list(article.event_sources.filter(pinned=True).values_list("start", "end", "event_id"))
    placed: dict[int, object] = {
        i: next((pk for start, end, pk in pinned if start < e.end and e.start < end), None)
        for i, e in enumerate(fresh)
    }
    loose = [i for i in range(len(fresh)) if placed[i] is None]
    reports = [report_of(article, fresh[i], actors) for i in loose]
    scores: dict[object, list[float]] = {}
    for j, (key, score) in clustering.assign(reports, (stored or StoredEvents()).near(reports)).items():
        placed[loose[j]] = key
        if score is not None:
            scores.setdefault(key, []).append(score)
    sources = [
        EventSource(
            article=article,
            start=e.start,
            end=e.end,
            temporal_expression=_timex_text(e),
            **_source_fields(e),
        )
        for e in fresh
    ]
    created = _create_events(fresh, sources, placed, scores)
    for i, source in enumerate(sources):
        source.event_id = created[placed[i]].pk if placed[i] in created else placed[i]
    EventSource.objects.bulk_create(sources)
    members += [(s.event_id, e) for s, e in zip(sources, fresh, strict=True)]
    touched |= {s.event_id for s in sources} - {e.pk for e in created.values()}
    updated = list(
        Event.objects.filter(pk__in=touched).prefetch_related(
            Prefetch(
                "sources",
                queryset=EventSource.objects.select_related("article").order_by(
                    "article__published", "start", "id"
                ),
            )
        )
    )
    for event in updated:
        if event.pk in scores:
            event.merge_confidence = round(min([event.merge_confidence, *scores[event.pk]]), 2)
    events = [*created.values(), *updated]
    _add_actors(events, members, actors)
    kept = save_derived([(e, list(e.sources.all()), creator.get(e.pk)) for e in updated])
    grouped: dict[int, list[str]] = {}
    for source in sources:
        grouped.setdefault(source.event_id, []).append(source.sentence)
    assign_threads([(e, grouped[e.pk]) for e in created.values()] + kept)
    return touched | {e.pk for e in created.values()}


def _create_events(
    fresh: list[ExtractedEvent], sources: list[EventSource], placed: dict[int, object], scores: dict
) -> dict[tuple, Event]:
    """The new events the matcher keyed ``("new", j)``, derived from their reports and written in
    one query: new key -> Event."""
    reports: dict[tuple, list[int]] = {}
    for i, key in placed.items():
        if isinstance(key, tuple):
            reports.setdefault(key, []).append(i)
    created = {}
    for key, members in reports.items():
        first = fresh[members[0]]
        event = _new_event(first)
        derive(event, [sources[i] for i in members], first)
        if key in scores:
            event.merge_confidence = round(min(scores[key]), 2)
        created[key] = event
    Event.objects.bulk_create(created.values())
    return created


def _add_actors(
    events: list[Event], members: list[tuple[int, ExtractedEvent]], actors: dict[str, Actor]
) -> None:
    """Adds each report's actors to its event (one query), except where an editor locked them."""
    open_events = {e.pk for e in events if not e.is_locked("actors")}
    through = Event.actors.through
    rows = {
        (event_id, actors[n].pk)
        for event_id, extracted in members
        if event_id in open_events
        for n in extracted.actors
        if n in actors
    }
    through.objects.bulk_create([through(event_id=e, actor_id=a) for e, a in rows], ignore_conflicts=True)
