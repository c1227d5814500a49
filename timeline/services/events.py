"""Reports to events: an article's sources updated in place, and its new reports placed in stored or
new events."""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.db.models import Prefetch

from ..matching import StoredEvents, report_of, stored_names, stored_roles
from ..models import Actor, Article, Event, EventSource, EventType, Status
from ..nlp import clustering
from ..nlp.types import ArticleExtraction, ExtractedEvent
from .event_fields import derive, save_derived
from .storylines import assign_threads


def report_key(article_id: int, start: int, end: int, temporal_expression: str) -> tuple:
    return (article_id, start, end, temporal_expression)


def _timex_text(extracted: ExtractedEvent) -> str:
    return extracted.timex.text[:300] if extracted.timex else ""


def _source_fields(extracted: ExtractedEvent, actors: dict[str, Actor]) -> dict:
    """The stored fields of a report; its doers, and whom it was done to, by the names of the actors
    they were stored as ("OceanGate" as "OceanGate Expeditions"), so that reports of two articles meet."""
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
            "agents": stored_names(actors, extracted.agents),
            "predicate": extracted.predicate,
            "words": sorted(extracted.words),
            "sentence_start": extracted.sentence_start,
            "position": extracted.position,
            "terms": sorted(extracted.terms),
            "reference": extracted.reference,
            "spoken": extracted.spoken,
            "talk": clustering.is_talk(extracted.spoken, extracted.event_type),
            "another": extracted.another,
            "doer": extracted.doer,
            "patients": stored_names(actors, extracted.patients),
            "roles": stored_roles(actors, extracted.roles),
            "foreseen": extracted.foreseen,
            "said_in": extracted.said_in,
            "said_after": extracted.said_after,
        },
    }


def _new_source(article: Article, extracted: ExtractedEvent, actors: dict[str, Actor]) -> EventSource:
    return EventSource(
        article=article,
        start=extracted.start,
        end=extracted.end,
        temporal_expression=_timex_text(extracted),
        **_source_fields(extracted, actors),
    )


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


@dataclass(frozen=True)
class Placement:
    """Where a new report goes: a stored event, or a new event, known by the first of this article's
    reports to start it (the matcher's ``("new", n)``)."""

    event_id: int | None = None
    new_event: int | None = None

    @classmethod
    def of(cls, key: int | tuple[str, int]) -> Placement:
        """The matcher's key (a stored event's pk or ``("new", n)``) as a placement."""
        return cls(new_event=key[1]) if isinstance(key, tuple) else cls(event_id=key)


# Where a happening named in passing goes when it names no event: nowhere.
NOWHERE = Placement()

# A stored or new source with the report that produced it.
Reported = tuple[EventSource, ExtractedEvent]


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
    kept, fresh, left = _refresh_sources(article, extraction, actors)
    placements, scores = _place(article, fresh, actors, stored)
    if stored is not None:
        stored.unnamed += [
            (article, e, actors) for e, p in zip(fresh, placements, strict=True) if p == NOWHERE
        ]
    # a happening named in passing that names no event is left out
    placed = [(e, p) for e, p in zip(fresh, placements, strict=True) if p != NOWHERE]
    fresh, placements = [e for e, _ in placed], [p for _, p in placed]
    added = [(_new_source(article, extracted, actors), extracted) for extracted in fresh]
    created = _create_events(added, placements, scores)
    for (source, _), placement in zip(added, placements, strict=True):
        source.event_id = created[placement].pk if placement in created else placement.event_id
    EventSource.objects.bulk_create([source for source, _ in added])
    new_ids = {event.pk for event in created.values()}
    touched = ({s.event_id for s, _ in kept + added} - new_ids) | left
    updated = _with_sources(touched)
    for event in updated:
        if found := scores.get(Placement(event_id=event.pk)):
            event.merge_confidence = round(min([event.merge_confidence, *found]), 2)
    joining: dict[int, list[ExtractedEvent]] = {}
    for source, extracted in added:
        joining.setdefault(source.event_id, []).append(extracted)
    for event in updated:
        _take_kind(event, joining.get(event.pk, []))
    _add_actors([*created.values(), *updated], kept + added, actors)
    first_report: dict[int, ExtractedEvent] = {}  # for the type and summary of a stored event
    for source, extracted in kept:
        first_report.setdefault(source.event_id, extracted)
    open_threads = save_derived([(e, list(e.sources.all()), first_report.get(e.pk)) for e in updated])
    assign_threads(_with_sentences(created.values(), added) + open_threads)
    return touched | new_ids


def place_unnamed(stored: StoredEvents) -> set[int]:
    """Places again the happenings named in passing that named no event when their article was
    stored, now that the import has stored the rest (see ``clustering.named_event``): the collapse
    that the day's first article names in passing ("a state of emergency was declared after the
    bridge collapsed") is the one a later article of the day tells. Returns the events that gained
    a source."""
    added: list[Reported] = []
    actors: dict[str, Actor] = {}
    for article, extracted, named in stored.unnamed:
        report = report_of(article, extracted, named)
        # what it may name happened before its article (``clustering.may_name``): the events near that
        day = replace(report, date_start=article.published, date_end=article.published)
        key = clustering.named_event(report, stored.near([day])) if article.published else None
        if key is not None:
            source = _new_source(article, extracted, named)
            source.event_id = key
            added.append((source, extracted))
            actors |= named
    stored.unnamed.clear()
    if not added:
        return set()
    EventSource.objects.bulk_create([source for source, _ in added])
    updated = _with_sources({source.event_id for source, _ in added})
    _add_actors(updated, added, actors)
    assign_threads(save_derived([(event, list(event.sources.all()), None) for event in updated]))
    return {event.pk for event in updated}


def _refresh_sources(
    article: Article, extraction: ArticleExtraction, actors: dict[str, Actor]
) -> tuple[list[Reported], list[ExtractedEvent], set[int]]:
    """Updates in place the article's sources that the extraction still reports and deletes the
    others. Returns the sources kept (with their reports), the reports without a source yet, and
    the events that lost a source."""
    existing = {
        report_key(s.article_id, s.start, s.end, s.temporal_expression): s
        for s in article.event_sources.all()
    }
    kept, fresh = [], []
    for extracted in extraction.events:
        source = existing.pop(
            report_key(article.pk, extracted.start, extracted.end, _timex_text(extracted)), None
        )
        if source is None:
            fresh.append(extracted)
            continue
        for name, value in _source_fields(extracted, actors).items():
            setattr(source, name, value)
        source.save()
        kept.append((source, extracted))
    EventSource.objects.filter(pk__in=[s.pk for s in existing.values()]).delete()
    return kept, fresh, {s.event_id for s in existing.values()}


def _place(
    article: Article, fresh: list[ExtractedEvent], actors: dict[str, Actor], stored: StoredEvents | None
) -> tuple[list[Placement], dict[Placement, list[float]]]:
    """Where each new report goes, and the match scores of the events that take reports: a report
    overlapping a sentence an editor pinned goes to that sentence's event; the matcher places the
    others among the stored events near them and the events they start."""
    pinned = list(article.event_sources.filter(pinned=True).values_list("start", "end", "event_id"))
    placements = [
        None
        if e.reference  # what a pinned sentence names in passing is another happening
        else next(
            (Placement(event_id=pk) for start, end, pk in pinned if start < e.end and e.start < end), None
        )
        for e in fresh
    ]
    loose = [i for i, placement in enumerate(placements) if placement is None]
    reports = [report_of(article, fresh[i], actors) for i in loose]
    scores: dict[Placement, list[float]] = {}
    for j, (key, score) in clustering.assign(reports, (stored or StoredEvents()).near(reports)).items():
        placements[loose[j]] = NOWHERE if key is None else Placement.of(key)
        if score is not None:
            scores.setdefault(placements[loose[j]], []).append(score)
    return placements, scores


def _take_kind(event: Event, reports: list[ExtractedEvent]) -> None:
    """An event of no known kind takes the kind of a deed that one of its new reports tells ("the
    bridge was hit by a ship" joining "Baltimore was rocked by a bridge collapse"); words said do not
    make a happening a statement, and a kind an editor set stays."""
    if event.event_type != EventType.OTHER or event.is_locked("event_type"):
        return
    kinds = [r.event_type for r in reports if not r.reference and r.event_type not in clustering.TALK_TYPES]
    event.event_type = next((kind for kind in kinds if kind != EventType.OTHER), event.event_type)


def _create_events(
    added: list[Reported], placements: list[Placement], scores: dict[Placement, list[float]]
) -> dict[Placement, Event]:
    """The new events the reports start, each derived from its reports and written in one query."""
    members: dict[Placement, list[Reported]] = {}
    for reported, placement in zip(added, placements, strict=True):
        if placement.new_event is not None:
            members.setdefault(placement, []).append(reported)
    created = {}
    for placement, reports in members.items():
        first = reports[0][1]
        event = _new_event(first)
        derive(event, [source for source, _ in reports], first)
        _take_kind(event, [extracted for _, extracted in reports])
        if placement in scores:
            event.merge_confidence = round(min(scores[placement]), 2)
        created[placement] = event
    Event.objects.bulk_create(created.values())
    return created


def _with_sources(ids: set[int]) -> list[Event]:
    """Stored events with their sources (and the sources' articles) in report order."""
    return list(
        Event.objects.filter(pk__in=ids).prefetch_related(
            Prefetch(
                "sources",
                queryset=EventSource.objects.select_related("article").order_by(
                    "article__published", "start", "id"
                ),
            )
        )
    )


def _with_sentences(events, added: list[Reported]) -> list[tuple[Event, list[str]]]:
    """New events with the sentences of their sources, as ``assign_threads`` reads them."""
    sentences: dict[int, list[str]] = {}
    for source, _ in added:
        sentences.setdefault(source.event_id, []).append(source.sentence)
    return [(event, sentences[event.pk]) for event in events]


def _add_actors(events: list[Event], reports: list[Reported], actors: dict[str, Actor]) -> None:
    """Adds each report's actors to its source's event (one query), except where an editor locked them."""
    open_events = {e.pk for e in events if not e.is_locked("actors")}
    through = Event.actors.through
    rows = {
        (source.event_id, actors[n].pk)
        for source, extracted in reports
        if source.event_id in open_events
        for n in extracted.actors
        if n in actors
    }
    through.objects.bulk_create([through(event_id=e, actor_id=a) for e, a in rows], ignore_conflicts=True)
