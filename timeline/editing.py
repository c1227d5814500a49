"""What editors do to the timeline. Every change is kept as a ``Correction``, and every field an editor
set is locked so that a later import (``ingest --force``) leaves it alone.

Merging deletes the merged-away events once their sources, actors, threads and history have moved to
the survivor: an empty event would only clutter the admin, and the survivor's history says what it
absorbed. Editors cannot delete an event outright; they hide it, which a re-import respects.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from django.db import transaction

from .models import (
    Actor,
    ActorAlias,
    Article,
    Correction,
    Event,
    EventSource,
    Flag,
    Status,
    Thread,
    normalize_name,
)
from .services import recompute_event, reresolve_article
from .services.ranking import choose_key_events, month_of, rank

# Fields an editor may correct; extraction never overwrites them once corrected.
LOCKABLE_FIELDS = (
    "title",
    "summary",
    "date_start",
    "date_end",
    "precision",
    "event_type",
    "status",
    "actors",
    "threads",
    "reaction_to",
    "key_pin",
)


class EditingError(ValueError):
    """An editing operation that makes no sense for what was selected; the message says why."""


def describe(value) -> str:
    """How a value reads in the history: dates in ISO form, related objects as sorted names."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    if isinstance(value, Iterable):
        return ", ".join(sorted(str(item) for item in value))
    return str(value)


def lock(event: Event, *fields: str) -> None:
    """Adds ``fields`` to the event's locked fields, in memory and in the database."""
    missing = [f for f in fields if f not in event.locked_fields]
    if missing:
        event.locked_fields = [*event.locked_fields, *missing]
        Event.objects.filter(pk=event.pk).update(locked_fields=event.locked_fields)


def record_change(event: Event, user, field: str, before, after, *, locks: bool = True) -> Correction | None:
    """Keeps one correction in the event's history and locks the field; nothing when nothing changed."""
    before_text, after_text = describe(before), describe(after)
    if before_text == after_text:
        return None
    correction = Correction.objects.create(
        event=event, user=user, field=field, before=before_text, after=after_text
    )
    if locks:
        lock(event, field)
    return correction


def _set_status(events: Iterable[Event], status: str, user) -> int:
    changed = []
    with transaction.atomic():
        for event in events:
            if event.status == status:
                continue
            record_change(event, user, "status", event.status, status)
            event.status = status
            event.save(update_fields=["status", "updated_at"])
            changed.append(event.pk)
        # a hidden event leaves the key events and its reactions stand on their own
        rank([*changed, *Event.objects.filter(reaction_to__in=changed).values_list("pk", flat=True)])
    return len(changed)


def verify_events(*, events: Iterable[Event], user) -> int:
    """Marks events as confirmed by an editor; returns how many changed."""
    return _set_status(events, Status.VERIFIED, user)


def hide_events(*, events: Iterable[Event], user) -> int:
    """Takes events off the timeline for good (a re-import never shows them again)."""
    return _set_status(events, Status.HIDDEN, user)


def pick_survivor(events: Iterable[Event]) -> Event:
    """The event a merge keeps by default: the best-sourced one, the oldest on a tie."""
    events = list(events)
    counts = Counter(EventSource.objects.filter(event__in=events).values_list("event_id", flat=True))
    return min(events, key=lambda e: (-counts[e.pk], e.pk))


@transaction.atomic
def merge_events(
    *,
    events: Iterable[Event],
    survivor_title: str,
    date_start: dt.date | None,
    date_end: dt.date | None,
    precision: str | None,
    user,
    survivor: Event | None = None,
) -> Event:
    """Makes one event of several: every source, actor and thread moves to the survivor, whose title
    and dates are the ones the editor confirmed; the others are deleted, their history kept."""
    events = list(events)
    if len({e.pk for e in events}) < 2:
        raise EditingError("Select at least two events to merge.")
    if date_start and date_end and date_end < date_start:
        raise EditingError("The end date is before the start date.")
    survivor = survivor or pick_survivor(events)
    if survivor.pk not in {e.pk for e in events}:
        raise EditingError("The surviving event must be one of the merged events.")
    others = [e for e in events if e.pk != survivor.pk]

    actors_before = list(survivor.actors.all())
    threads_before = list(survivor.threads.all())
    sources_before = survivor.sources.count()
    survivor.actors.add(*Actor.objects.filter(events__in=others).distinct())
    survivor.threads.add(*Thread.objects.filter(events__in=others).distinct())
    EventSource.objects.filter(event__in=others).update(event=survivor)
    # reactions to any of them are reactions to the survivor, which reacts to nothing it absorbed
    Event.objects.filter(reaction_to__in=others).update(reaction_to=survivor)
    if survivor.reaction_to_id in {e.pk for e in others}:
        survivor.reaction_to = None
    # Sources an editor put together are never regrouped by a later import.
    survivor.sources.update(pinned=True)
    Correction.objects.filter(event__in=others).update(event=survivor)

    record_change(
        survivor,
        user,
        "sources",
        f"{sources_before} sources",
        f"{survivor.sources.count()} sources, merged from " + "; ".join(f"#{e.pk} {e.title}" for e in others),
    )
    for field, value in [
        ("title", survivor_title.strip()[:300]),
        ("date_start", date_start),
        ("date_end", date_end),
        ("precision", precision or None),
    ]:
        record_change(survivor, user, field, getattr(survivor, field), value)
        setattr(survivor, field, value)
    record_change(survivor, user, "actors", actors_before, survivor.actors.all())
    record_change(survivor, user, "threads", threads_before, survivor.threads.all())
    # The editor settled the date and the grouping, so neither is in doubt any more.
    survivor.flags = [f for f in survivor.flags if f != Flag.DATE_CONFLICT]
    survivor.merge_confidence = 1.0
    lock(survivor, "title", "date_start", "date_end", "precision")
    survivor.save()
    months = {month_of(e.date_start) for e in events}
    Event.objects.filter(pk__in=[e.pk for e in others]).delete()
    rank([survivor.pk])
    choose_key_events(months)
    return survivor


def actors_named_in(sentence: str, actors: Iterable[Actor]) -> list[Actor]:
    """Those of ``actors`` that the sentence names by their name or one of their aliases."""
    text = normalize_name(sentence)
    named = []
    for actor in actors:
        names = {normalize_name(actor.name), *(a.normalized for a in actor.aliases.all())}
        if any(name and name in text for name in names):
            named.append(actor)
    return named


@transaction.atomic
def split_source(*, source: EventSource, user) -> Event:
    """Moves one source out into an event of its own; a later import never merges it back."""
    old = source.event
    if old.sources.count() < 2:
        raise EditingError(f"Event #{old.pk} has only this source; there is nothing to split it from.")
    # Title, dates and flags come from the source, as an import would derive them.
    new = Event.objects.create(summary=source.sentence, event_type=old.event_type)
    new.actors.set(actors_named_in(source.sentence, old.actors.prefetch_related("aliases")))
    new.threads.set(old.threads.all())
    before = old.sources.count()
    source.event = new
    source.pinned = True
    source.save(update_fields=["event", "pinned"])
    record_change(old, user, "sources", f"{before} sources", f"{before - 1} sources, #{new.pk} split out")
    record_change(new, user, "sources", f"part of #{old.pk} {old.title}", "split out on its own")
    recompute_event(new)
    recompute_event(old)
    rank([new.pk, old.pk])
    return new


@transaction.atomic
def merge_actors(*, survivor: Actor, others: Iterable[Actor], user) -> Actor:
    """Folds ``others`` into ``survivor``: their events, storylines and aliases move to it, and later
    imports resolve their names to it. The merged actors remain only as pointers to the survivor."""
    others = [a for a in others if a.pk != survivor.pk]
    if not others:
        raise EditingError("Select at least two actors to merge.")
    if survivor.merged_into_id:
        raise EditingError(f"{survivor} was itself merged into another actor.")
    moved = Event.objects.filter(actors__in=others).distinct().prefetch_related("actors")
    for event in moved:
        before = list(event.actors.all())
        event.actors.remove(*others)
        event.actors.add(survivor)
        # The actor is the same one under a better name: history, but no lock on the event's actors.
        record_change(event, user, "actors", before, event.actors.all(), locks=False)
    for thread in Thread.objects.filter(actors__in=others).distinct():
        thread.actors.remove(*others)
        thread.actors.add(survivor)
    ActorAlias.objects.filter(actor__in=others).update(actor=survivor)
    for other in others:
        if not ActorAlias.objects.filter(normalized=normalize_name(other.name)).exists():
            ActorAlias.objects.create(actor=survivor, name=other.name)
    Actor.objects.filter(merged_into__in=others).update(merged_into=survivor)
    Actor.objects.filter(pk__in=[a.pk for a in others]).update(merged_into=survivor)
    rank([event.pk for event in moved])  # the survivor is named by more events: it may be more prominent
    return survivor


@transaction.atomic
def redate_article(*, article: Article, published: dt.date, user) -> Article:
    """Corrects an article's publication date and re-resolves the relative dates it anchors; the
    events dated by them follow, except where an editor locked the dates."""
    before = article.published
    article.published = published
    article.published_inferred = False
    article.published_corrected = True
    article.save(update_fields=["published", "published_inferred", "published_corrected"])
    for event in Event.objects.filter(sources__article=article).distinct():
        record_change(
            event,
            user,
            "article published",
            f"{article.file_name}: {describe(before)}",
            published,
            locks=False,
        )
    reresolve_article(article)
    return article
