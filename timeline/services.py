"""The write path: everything extraction produces is stored through ``ingest_article``.

Re-extracting an article updates its sources in place (matched by report key: article, span,
temporal expression), so a source stays in the event an editor put it in. New reports are matched
against the events stored in their date window and join the best match or start an event. Event
fields are then recomputed from their sources, except the fields an editor locked; extraction never
changes an event's status.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Prefetch

from . import gazetteer as gazetteer_file
from .files import ArticleFile
from .locking import lock_article_writes
from .matching import StoredEvents, report_of
from .models import (
    Actor,
    ActorAlias,
    Article,
    Event,
    EventSource,
    Flag,
    Source,
    Status,
    TemporalExpression,
    Thread,
    normalize_name,
    unique_slugs,
)
from .nlp import clustering
from .nlp.actors import Gazetteer
from .nlp.types import ArticleExtraction, ExtractedEvent

logger = logging.getLogger(__name__)


@dataclass
class Plan:
    """What an import will do with one file before anything is extracted."""

    action: str  # "create", "update" or "skip"
    article: Article | None = None
    reason: str = ""


def plan_article(file: ArticleFile, *, force: bool = False) -> Plan:
    """Skips a body already stored (unless ``force``); a changed file under a known name is an update."""
    same_body = Article.objects.filter(content_hash=file.content_hash).first()
    if same_body is not None:
        if force:
            return Plan("update", same_body)
        reason = "unchanged" if same_body.file_name == file.name else f"same text as {same_body.file_name}"
        return Plan("skip", same_body, reason)
    same_name = Article.objects.filter(file_name=file.name).order_by("-ingested_at").first()
    if same_name is not None:
        return Plan("update", same_name, "text changed")
    return Plan("create")


def load_gazetteer() -> Gazetteer:
    """Every known actor, alias, role and affiliation, as the extraction pipeline reads them.

    Names resolve to the survivor of an editor's merge (``merged_into``)."""
    gazetteer = Gazetteer()
    for entry in {id(e): e for e in gazetteer_file.known_actors().values()}.values():
        gazetteer.add(
            entry["name"],
            entry["kind"],
            entry.get("aliases", []),
            entry.get("roles", []),
            entry.get("affiliation"),
        )
    actors = {a.pk: a for a in Actor.objects.all()}

    def survivor(actor: Actor) -> Actor:
        seen = set()
        while actor.merged_into_id and actor.merged_into_id in actors and actor.pk not in seen:
            seen.add(actor.pk)
            actor = actors[actor.merged_into_id]
        return actor

    for alias in ActorAlias.objects.only("name", "normalized", "actor_id"):
        actor = survivor(actors[alias.actor_id])
        gazetteer.entries[alias.normalized] = (actor.name, actor.kind)
        gazetteer.spellings.setdefault(alias.normalized, alias.name)
    for actor in actors.values():
        if actor.merged_into_id:
            continue
        for role in actor.roles or []:
            gazetteer.roles.setdefault(normalize_name(role), set()).add(actor.name)
        if actor.affiliation_id in actors:
            gazetteer.affiliation[actor.name] = survivor(actors[actor.affiliation_id]).name
    return gazetteer


def survivor_of(actor: Actor) -> Actor:
    seen = set()
    while actor.merged_into_id and actor.pk not in seen:
        seen.add(actor.pk)
        actor = actor.merged_into
    return actor


def resolve_actor(name: str, kind: str, *, _depth: int = 0) -> Actor:
    """The stored actor a name refers to. A new one is created with the name as its first alias, or,
    when the gazetteer file knows the name, with the file's name, kind, aliases, roles and affiliation."""
    alias = ActorAlias.objects.select_related("actor").filter(normalized=normalize_name(name)).first()
    if alias is not None:
        return survivor_of(alias.actor)
    entry = gazetteer_file.known_actors().get(normalize_name(name))
    if entry is None:
        actor = Actor.objects.create(name=name, kind=kind)
        ActorAlias.objects.create(actor=actor, name=name)
        return actor
    if entry["name"] != name and _depth == 0:
        return resolve_actor(entry["name"], entry["kind"], _depth=1)
    actor = Actor.objects.create(name=entry["name"], kind=entry["kind"], roles=entry.get("roles", []))
    for spelling in (entry["name"], *entry.get("aliases", [])):
        record_alias(actor, spelling)
    if entry.get("affiliation") and _depth < 2:
        affiliation = resolve_actor(entry["affiliation"], "place", _depth=2)
        if affiliation.pk != actor.pk:
            actor.affiliation = affiliation
            actor.save(update_fields=["affiliation"])
    return actor


def ensure_threads() -> None:
    """A database without storylines gets those of the storyline file."""
    if not Thread.objects.exists():
        gazetteer_file.load_threads(
            gazetteer_file.known_threads(),
            Thread=Thread,
            ActorAlias=ActorAlias,
            resolve=lambda name: resolve_actor(name, "place"),
        )


def record_alias(actor: Actor, name: str) -> None:
    """Records a new spelling of ``actor``; a spelling already taken by another actor is left alone."""
    normalized = normalize_name(name)
    if normalized and not ActorAlias.objects.filter(normalized=normalized).exists():
        ActorAlias.objects.create(actor=actor, name=name)


def store_actors(extraction: ArticleExtraction) -> dict[str, Actor]:
    """The stored actor of every canonical name the extraction uses; new spellings become aliases.

    Names already stored are looked up in one query; only new actors cost more. A spelling that
    another actor holds already (or that a concurrent import has just stored) is left alone."""
    spellings = [(e.name, s) for e in extraction.actors for s in (e.name, *e.mentions)]
    spellings += [(name, alias) for alias, name in extraction.aliases.items()]
    known = {
        alias.normalized: alias
        for alias in ActorAlias.objects.select_related("actor").filter(
            normalized__in={normalize_name(s) for _, s in spellings}
        )
    }
    actors, plain = {}, {}
    for extracted in extraction.actors:
        alias = known.get(normalize_name(extracted.name))
        if alias is not None:
            actors[extracted.name] = survivor_of(alias.actor)
        elif gazetteer_file.known_actors().get(normalize_name(extracted.name)):
            actors[extracted.name] = resolve_actor(extracted.name, extracted.kind)
        else:
            plain[extracted.name] = extracted.kind
    actors |= _create_actors(plain)
    new = {}
    for name, spelling in spellings:
        normalized = normalize_name(spelling)
        if name in actors and normalized and normalized not in known:
            new.setdefault(normalized, ActorAlias(actor=actors[name], name=spelling, normalized=normalized))
    ActorAlias.objects.bulk_create(new.values(), ignore_conflicts=True)
    return actors


def _create_actors(kinds: dict[str, str]) -> dict[str, Actor]:
    """New actors the gazetteer does not know, by name, in three queries (slugs, actors, aliases)."""
    if not kinds:
        return {}
    names = list(kinds)
    created = Actor.objects.bulk_create(
        Actor(name=name, kind=kinds[name], slug=slug)
        for name, slug in zip(names, unique_slugs(Actor, names), strict=True)
    )
    ActorAlias.objects.bulk_create(
        (ActorAlias(actor=a, name=a.name, normalized=normalize_name(a.name)) for a in created),
        ignore_conflicts=True,
    )
    return {a.name: a for a in created}


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
    kept = _save_derived([(e, list(e.sources.all()), creator.get(e.pk)) for e in updated])
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


# What ``derive`` may change on an event.
DERIVED_FIELDS = [
    "date_start", "date_end", "precision", "title", "event_type", "summary", "flags", "merge_confidence",
    "updated_at",
]  # fmt: skip


def recompute_event(event: Event, *, extracted: ExtractedEvent | None = None) -> None:
    """Re-derives one event's fields and storylines from its sources, except those an editor locked;
    an event left without sources is deleted, unless an editor touched it."""
    sources = list(event.sources.select_related("article").order_by("article__published", "start", "id"))
    assign_threads(_save_derived([(event, sources, extracted)]))


def _save_derived(items) -> list[tuple[Event, list[str]]]:
    """Re-derives and saves stored events, each given with its sources (with their articles, in
    report order) and the report that created it, when at hand, for the headline, summary and
    type. Returns the events kept whose storylines are open, with their sources' sentences."""
    open_threads = []
    for event, sources, extracted in items:
        if not sources:
            if not event.locked_fields and event.status == Status.AUTO:
                event.delete()
            continue
        derive(event, sources, extracted)
        event.save(update_fields=DERIVED_FIELDS)
        if not event.is_locked("threads"):
            open_threads.append((event, [s.sentence for s in sources]))
    return open_threads


def derive(event: Event, sources: list[EventSource], extracted: ExtractedEvent | None = None) -> None:
    """Sets an event's date, title, type, summary and flags from its sources, in memory, except the
    fields an editor locked."""
    chosen = clustering.choose_date(
        [
            clustering.Dated(
                s.date_start,
                s.date_end,
                s.precision,
                Flag.DATE_FROM_PUBLICATION in s.flags,
                s.article.published,
            )
            for s in sources
        ]
    )
    derived: dict = {}
    if chosen is not None:
        derived.update(date_start=chosen.date_start, date_end=chosen.date_end, precision=chosen.precision)
    span = (chosen.date_start, chosen.date_end) if chosen is not None else None
    main = next((s for s in sources if (s.date_start, s.date_end) == span), sources[0])
    derived["title"] = main.title or main.sentence[:300]
    if extracted is not None:
        derived["event_type"] = extracted.event_type
        derived["summary"] = extracted.summary or extracted.sentence
    for name, value in derived.items():
        if not event.is_locked(name):
            setattr(event, name, value)
    flags = set().union(*(set(s.flags) for s in sources)) - {Flag.DATE_CONFLICT, Flag.DATE_FROM_PUBLICATION}
    if all(Flag.DATE_FROM_PUBLICATION in s.flags for s in sources):
        flags.add(Flag.DATE_FROM_PUBLICATION)
    # Sources may still disagree, but a date an editor set is no longer in doubt.
    settled = event.is_locked("date_start") or event.is_locked("date_end")
    if chosen is not None and chosen.conflict and not settled:
        flags.add(Flag.DATE_CONFLICT)
    if chosen is not None:
        flags.discard(Flag.UNDATED)
    event.flags = sorted(flags)
    if len(sources) == 1:
        event.merge_confidence = 1.0


def assign_threads(events: list[tuple[Event, list[str]]], threads=None) -> None:
    """Places events (each with its sources' sentences) in the storylines whose keywords they use,
    as whole words, in their title, sentences or the names of their actors ("Bakhmout" names
    Bakhmut), and, for a storyline with actors, that involve one of them. Threads already set are
    kept. Three queries, whatever the number of events."""
    threads = list(threads if threads is not None else Thread.objects.prefetch_related("actors"))
    if not threads or not events:
        return
    involved: dict[int, dict[int, str]] = {}
    for event_id, actor_id, name in Event.actors.through.objects.filter(
        event_id__in=[e.pk for e, _ in events]
    ).values_list("event_id", "actor_id", "actor__name"):
        involved.setdefault(event_id, {})[actor_id] = name
    said = {t.pk: _keyword_pattern(t.keywords) for t in threads}
    cast = {t.pk: {a.pk for a in t.actors.all()} for t in threads}
    rows = []
    for event, sentences in events:
        actors = involved.get(event.pk, {})
        text = " ".join([event.title, event.summary, *sentences, *actors.values()])
        for thread in threads:
            pattern = said[thread.pk]
            if pattern and pattern.search(text) and (not cast[thread.pk] or cast[thread.pk] & actors.keys()):
                rows.append(Event.threads.through(event_id=event.pk, thread_id=thread.pk))
    Event.threads.through.objects.bulk_create(rows, ignore_conflicts=True)


def _keyword_pattern(keywords) -> re.Pattern | None:
    words = [k.strip() for k in keywords or [] if k.strip()]
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)", re.IGNORECASE)


def store_temporal_expressions(article: Article, extraction: ArticleExtraction) -> None:
    article.temporal_expressions.all().delete()
    TemporalExpression.objects.bulk_create(
        TemporalExpression(
            article=article,
            text=t.text[:300],
            start=t.start,
            end=t.end,
            type=t.type,
            value=t.value,
            end_value=t.end_value,
            modifier=t.modifier,
            flags=list(t.flags),
        )
        for t in extraction.temporal_expressions
    )


@transaction.atomic
def ingest_article(
    *, file: ArticleFile, extraction: ArticleExtraction, plan: Plan, stored: StoredEvents | None = None
) -> Article:
    """Stores one article and what was extracted from it, all or nothing. An import passes one
    ``stored`` to all its articles, so that stored events are read once (see ``matching``)."""
    lock_article_writes(content_hash=file.content_hash, article=plan.article)
    source = Source.objects.get_or_create(name=file.source)[0] if file.source else None
    article = plan.article or Article(file_name=file.name)
    article.title = file.title or file.path.stem
    article.source = source
    article.url = file.url
    article.published = extraction.published
    article.published_inferred = extraction.published_inferred
    article.body = file.body
    article.content_hash = file.content_hash
    article.file_name = file.name
    article.save()
    store_extraction(article=article, extraction=extraction, stored=stored)
    logger.info("stored %s: %d events", file.name, len(extraction.events))
    return article


@transaction.atomic
def store_extraction(
    *, article: Article, extraction: ArticleExtraction, stored: StoredEvents | None = None
) -> set[int]:
    """Stores an article's temporal expressions, actors and events (the update-in-place path)."""
    store_temporal_expressions(article, extraction)
    ensure_threads()
    actors = store_actors(extraction)
    return store_events(article, extraction, actors, stored)


@transaction.atomic
def reresolve_article(article: Article, *, gazetteer: Gazetteer | None = None) -> set[int]:
    """Re-extracts a stored article against its (corrected) publication date: its relative dates and
    the events dated by them are re-resolved, locked fields excepted. Returns the touched events."""
    from .nlp.extract import extract_texts

    extraction = next(
        extract_texts([(article.body, article.published)], gazetteer=gazetteer or load_gazetteer())
    )
    if extraction.published != article.published:
        extraction.published = article.published
    return store_extraction(article=article, extraction=extraction)
