"""The timeline as a JSON document (INTERFACES: export_timeline and /timeline.json)."""

from __future__ import annotations

from django.db.models import Prefetch

from .models import Actor, Article, Event, EventSource, Thread


def iso(value) -> str | None:
    return value.isoformat() if value else None


def article_json(article: Article) -> dict:
    return {
        "id": article.pk,
        "file": article.file_name,
        "title": article.title,
        "source": article.source.name if article.source else "",
        "url": article.url,
        "published": iso(article.published),
        "published_inferred": article.published_inferred,
    }


def actor_json(actor: Actor) -> dict:
    return {
        "id": actor.pk,
        "name": actor.name,
        "slug": actor.slug,
        "kind": actor.kind,
        "aliases": [a.name for a in actor.aliases.all() if a.name != actor.name],
    }


def source_json(source: EventSource) -> dict:
    return {
        "article": source.article_id,
        "file": source.article.file_name,
        "sentence": source.sentence,
        "start": source.start,
        "end": source.end,
        "temporal_expression": source.temporal_expression,
        "temporal_value": source.temporal_value,
        "date_start": iso(source.date_start),
        "date_end": iso(source.date_end),
    }


def event_json(event: Event) -> dict:
    return {
        "id": event.pk,
        "title": event.title,
        "summary": event.summary,
        "date_start": iso(event.date_start),
        "date_end": iso(event.date_end),
        "precision": event.precision,
        "event_type": event.event_type,
        "threads": [t.slug for t in event.thread_list],
        "actors": [a.pk for a in event.actor_list],
        "status": event.status,
        "flags": list(event.flags),
        "importance": event.importance,
        "reaction_to": event.reaction_to_id,
        "sources": [source_json(s) for s in event.source_list],
    }


def events_for_export(events):
    """The prefetches the document needs, so it costs a fixed number of queries: each event's
    ``actor_list``, ``thread_list`` and ``source_list`` as plain lists, as ``for_timeline`` has them
    (articles without their text, which the document leaves out)."""
    return events.prefetch_related(
        Prefetch("actors", queryset=Actor.objects.only("id"), to_attr="actor_list"),
        Prefetch("threads", queryset=Thread.objects.only("id", "slug"), to_attr="thread_list"),
        Prefetch(
            "sources",
            queryset=EventSource.objects.select_related("article")
            .defer("article__body")
            .order_by("article_id", "start"),
            to_attr="source_list",
        ),
    )


def timeline_document(events, *, articles=None, actors=None, threads=None) -> dict:
    """The export document for ``events``; the other lists default to what those events refer to."""
    events = list(events_for_export(events))
    if articles is None:
        ids = {s.article_id for e in events for s in e.source_list}
        articles = Article.objects.filter(pk__in=ids)
    if actors is None:
        ids = {a.pk for e in events for a in e.actor_list}
        actors = Actor.objects.filter(pk__in=ids)
    if threads is None:
        threads = Thread.objects.all()
    return {
        "articles": [article_json(a) for a in articles.select_related("source").defer("body").order_by("id")],
        "actors": [actor_json(a) for a in actors.prefetch_related("aliases").order_by("id")],
        "threads": [{"slug": t.slug, "name": t.name} for t in threads.order_by("slug")],
        "events": [event_json(e) for e in events],
    }
