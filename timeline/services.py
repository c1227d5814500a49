"""The write path: everything extraction produces is stored through ``ingest_article``.

Re-extracting an article updates its sources in place (matched by report key: article, span,
temporal expression), so a source stays in the event an editor put it in. New reports are matched
against the events stored in their date window and join the best match or start an event. Event
fields are then recomputed from their sources, except the fields an editor locked; extraction never
changes an event's status.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Prefetch

from . import gazetteer as gazetteer_file
from .files import ArticleFile
from .locking import lock_article_writes
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
    """The stored actor of every canonical name the extraction uses; new spellings become aliases."""
    actors = {a.name: resolve_actor(a.name, a.kind) for a in extraction.actors}
    for extracted in extraction.actors:
        for spelling in extracted.mentions:
            record_alias(actors[extracted.name], spelling)
    for alias, name in extraction.aliases.items():
        if name in actors:
            record_alias(actors[name], alias)
    return actors


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


def _actor_names(actors) -> tuple[frozenset[str], frozenset[str]]:
    """(people, organisations and cities; countries named or stood for): "Kyiv" and "Ukraine" meet."""
    specific, countries = set(), set()
    for name, kind, affiliation in actors:
        if kind == Actor.Kind.PLACE and not affiliation:
            countries.add(name)
            continue
        specific.add(name)
        if affiliation:
            countries.add(affiliation)
    return frozenset(specific), frozenset(countries)


def _described(actors: dict[str, Actor], names) -> list[tuple[str, str, str | None]]:
    return [
        (a.name, a.kind, a.affiliation.name if a.affiliation_id else None)
        for n in names
        if (a := actors.get(n)) is not None
    ]


def _report(article: Article, extracted: ExtractedEvent, actors: dict[str, Actor]) -> clustering.Report:
    specific, countries = _actor_names(_described(actors, extracted.actors))
    agents, agent_countries = _actor_names(_described(actors, extracted.agents))
    return clustering.Report(
        date_start=extracted.date_start,
        date_end=extracted.date_end,
        precision=extracted.precision,
        from_publication=Flag.DATE_FROM_PUBLICATION in extracted.flags,
        published=article.published,
        actors=specific,
        countries=countries,
        words=extracted.words,
        event_type=extracted.event_type,
        article=article.pk,
        predicate=extracted.predicate,
        agents=agents,
        agent_countries=agent_countries | (agents & countries),
        sentence=extracted.sentence_start,
    )


def _source_words(row: dict) -> frozenset[str]:
    """A stored source's wording as the matcher compares it (sources stored before the wording was
    kept with them are read from their title and sentence)."""
    words = (row["frame"] or {}).get("words")
    return frozenset(words) if words is not None else clustering.keywords(f"{row['title']} {row['sentence']}")


def _profiles(reports: list[clustering.Report]) -> dict[int, clustering.Profile]:
    """Stored events in the new reports' date window, as the matcher sees them: three indexed
    queries (events by date, their sources, their actors), whatever the number of events."""
    dated = [r for r in reports if r.date_start is not None]
    if not dated:
        return {}
    low = min(r.date_start for r in dated) - dt.timedelta(days=clustering.LOOK_BACK)
    high = max(r.date_end for r in dated) + dt.timedelta(days=clustering.LOOK_AHEAD)
    events = {
        row["pk"]: row
        for row in Event.objects.between(low, high).values("pk", "date_start", "date_end", "event_type")
    }
    if not events:
        return {}
    sources: dict[int, list[dict]] = {}
    for row in EventSource.objects.filter(event_id__in=events).values(
        "event_id", "article_id", "article__published", "title", "sentence", "start", "flags", "frame"
    ):
        sources.setdefault(row["event_id"], []).append(row)
    members: dict[int, list[tuple]] = {}
    for row in Event.actors.through.objects.filter(event_id__in=events).values_list(
        "event_id", "actor__name", "actor__kind", "actor__affiliation__name"
    ):
        members.setdefault(row[0], []).append(row[1:])
    names = {name: (name, kind, affiliation) for rows in members.values() for name, kind, affiliation in rows}
    about = _told_together(sources, events)
    profiles = {}
    for pk, event in events.items():
        rows = sources.get(pk)
        if not rows:
            continue
        published = [r["article__published"] for r in rows if r["article__published"]]
        specific, countries = _actor_names(members.get(pk, []))
        agent_names = {n for r in rows for n in (r["frame"] or {}).get("agents", [])}
        agents, agent_countries = _actor_names(names[n] for n in agent_names if n in names)
        profiles[pk] = clustering.Profile(
            date_start=event["date_start"],
            date_end=event["date_end"],
            from_publication=all(Flag.DATE_FROM_PUBLICATION in r["flags"] for r in rows),
            published=min(published) if published else None,
            actors=specific,
            countries=countries,
            words=[_source_words(r) for r in rows],
            types=frozenset({event["event_type"]}),
            articles={r["article_id"] for r in rows},
            predicates=frozenset(p for r in rows if (p := (r["frame"] or {}).get("predicate"))),
            agents=agents,
            agent_countries=agent_countries | (agents & countries),
            about=about.get(pk, frozenset()),
        )
    return profiles


def _told_together(sources: dict[int, list[dict]], events: dict[int, dict]) -> dict[int, frozenset[int]]:
    """For each statement or announcement event, the happenings its sources' sentences tell of too."""
    by_sentence: dict[tuple, set[int]] = {}
    for event_id, rows in sources.items():
        for r in rows:
            key = (r["article_id"], (r["frame"] or {}).get("sentence_start", r["start"]))
            by_sentence.setdefault(key, set()).add(event_id)
    told: dict[int, set[int]] = {}
    for together in by_sentence.values():
        happenings = {e for e in together if events[e]["event_type"] not in clustering.TALK_TYPES}
        for e in together - happenings:
            told.setdefault(e, set()).update(happenings)
    return {e: frozenset(h) for e, h in told.items()}


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


def store_events(article: Article, extraction: ArticleExtraction, actors: dict[str, Actor]) -> set[int]:
    """Updates the article's sources in place, adds its new reports to matching or new events, and
    removes sources no longer produced. Returns the ids of the events whose sources changed."""
    existing = {
        report_key(s.article_id, s.start, s.end, s.temporal_expression): s
        for s in article.event_sources.all()
    }
    touched: set[int] = set()
    fresh: list[ExtractedEvent] = []
    fresh_event_of: dict[int, ExtractedEvent] = {}
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
        fresh_event_of.setdefault(source.event_id, extracted)
    touched |= {s.event_id for s in existing.values()}
    EventSource.objects.filter(pk__in=[s.pk for s in existing.values()]).delete()

    # an editor put these sentences in their events: they stay there
    pinned = list(article.event_sources.filter(pinned=True).values_list("start", "end", "event_id"))
    placed = {
        i: next((pk for start, end, pk in pinned if start < e.end and e.start < end), None)
        for i, e in enumerate(fresh)
    }
    loose = [i for i in range(len(fresh)) if placed[i] is None]
    reports = [_report(article, fresh[i], actors) for i in loose]
    matches = clustering.assign(reports, _profiles(reports))
    created = {key: _new_event(fresh[loose[key[1]]]) for key, _ in matches.values() if isinstance(key, tuple)}
    Event.objects.bulk_create(created.values())
    scores: dict[int, list[float]] = {}
    for j, (key, score) in matches.items():
        event_id = created[key].pk if key in created else key
        placed[loose[j]] = event_id
        if score is not None:
            scores.setdefault(event_id, []).append(score)
    for key, event in created.items():
        fresh_event_of[event.pk] = fresh[loose[key[1]]]
    EventSource.objects.bulk_create(
        EventSource(
            event_id=placed[i],
            article=article,
            start=extracted.start,
            end=extracted.end,
            temporal_expression=_timex_text(extracted),
            **_source_fields(extracted),
        )
        for i, extracted in enumerate(fresh)
    )
    members += [(placed[i], extracted) for i, extracted in enumerate(fresh)]
    touched |= set(placed.values())
    events = list(
        Event.objects.filter(pk__in=touched).prefetch_related(
            Prefetch(
                "sources",
                queryset=EventSource.objects.select_related("article").order_by(
                    "article__published", "start", "id"
                ),
            )
        )
    )
    _add_actors(events, members, actors)
    threads = list(Thread.objects.prefetch_related("actors"))
    for event in events:
        if event.pk in scores:
            event.merge_confidence = round(min([event.merge_confidence, *scores[event.pk]]), 2)
        recompute_event(event, extracted=fresh_event_of.get(event.pk), threads=threads, prefetched=True)
    return touched


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


def recompute_event(
    event: Event, *, extracted: ExtractedEvent | None = None, threads=None, prefetched: bool = False
) -> None:
    """Re-derives an event's fields from its sources, except those an editor locked.

    An event left without sources is deleted, unless an editor touched it. ``extracted`` is the
    report that created the event, when it is at hand, for the headline, summary and type.
    ``prefetched``: the event's sources were fetched with their articles, in report order.
    """
    if prefetched:
        sources = list(event.sources.all())
    else:
        sources = list(event.sources.select_related("article").order_by("article__published", "start", "id"))
    if not sources:
        if not event.locked_fields and event.status == Status.AUTO:
            event.delete()
        return
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
        derived.update(date_start=chosen[0], date_end=chosen[1], precision=chosen[2])
    main = next((s for s in sources if chosen and (s.date_start, s.date_end) == chosen[:2]), sources[0])
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
    if chosen is not None and chosen[3] and not settled:
        flags.add(Flag.DATE_CONFLICT)
    if chosen is not None:
        flags.discard(Flag.UNDATED)
    event.flags = sorted(flags)
    if len(sources) == 1:
        event.merge_confidence = 1.0
    event.save()
    if not event.is_locked("threads"):
        assign_threads(event, threads, sentences=[s.sentence for s in sources])


def assign_threads(event: Event, threads=None, *, sentences: list[str] | None = None) -> None:
    """Places an event in the storylines whose keywords its text uses and whose actors it involves
    (or whose actors all take part in it). Threads already set by hand are kept."""
    threads = threads if threads is not None else Thread.objects.prefetch_related("actors")
    if sentences is None:
        sentences = list(event.sources.values_list("sentence", flat=True))
    text = " ".join([event.title, event.summary, *sentences]).casefold()
    involved = set(event.actors.values_list("pk", flat=True))
    chosen = []
    if not threads:
        return
    for thread in threads:
        members = {a.pk for a in thread.actors.all()}
        said = any(k.casefold() in text for k in thread.keywords or [])
        if (said and (not members or members & involved)) or (members and members <= involved):
            chosen.append(thread)
    event.threads.add(*chosen)


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
def ingest_article(*, file: ArticleFile, extraction: ArticleExtraction, plan: Plan) -> Article:
    """Stores one article and what was extracted from it, all or nothing."""
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
    store_extraction(article=article, extraction=extraction)
    logger.info("stored %s: %d events", file.name, len(extraction.events))
    return article


@transaction.atomic
def store_extraction(*, article: Article, extraction: ArticleExtraction) -> set[int]:
    """Stores an article's temporal expressions, actors and events (the update-in-place path)."""
    store_temporal_expressions(article, extraction)
    ensure_threads()
    actors = store_actors(extraction)
    return store_events(article, extraction, actors)


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
