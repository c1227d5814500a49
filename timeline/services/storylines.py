"""Storylines: the file's storylines for a new database, and events placed in them by keywords."""

from __future__ import annotations

import re

from .. import gazetteer as gazetteer_file
from ..models import ActorAlias, Event, Thread
from .actors import resolve_actor


def ensure_threads() -> None:
    """A database without storylines gets those of the storyline file."""
    if not Thread.objects.exists():
        gazetteer_file.load_threads(
            gazetteer_file.known_threads(),
            Thread=Thread,
            ActorAlias=ActorAlias,
            resolve=lambda name: resolve_actor(name, "place"),
        )


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
