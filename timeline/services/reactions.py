"""Reactions linked to the happening they are about.

A statement or announcement (or an event told with a verb of saying) is a reaction to the happening
its sentence tells of too ("Kirby said after the talks that …"), or else to the happening its article
told of just before it that shares a name or a word with it ("it", "the plan": the event last named),
or else to the happening its article opens with (news tells what happened first and the reactions
after it), or else to a deed of the days around it that shares someone and a word with it. Editors
can attach or detach a reaction; an import leaves what they set alone.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ..models import Actor, Event, EventSource, EventType
from ..nlp.clustering import TALK_VERBS  # verbs of saying and announcing
from .ranking import DEED, KIND_WEIGHT, TALK_TYPES

# A reaction is about a happening its article told of at most ``REACTION_REACH`` sentences before
# it, or else about the happening its article opens with (in its first ``LEDE`` sentences), or else
# about a deed of the archive at most ``ARCHIVE_DAYS`` before it or ``AHEAD_DAYS`` after it (the
# ``ARCHIVE_CANDIDATES`` most important sharing someone with it are compared).
REACTION_REACH = 3
LEDE = 2
ARCHIVE_DAYS = 7
AHEAD_DAYS = 1
ARCHIVE_CANDIDATES = 50


def link_reactions(article) -> set[int]:
    """Links the article's statements and announcements to the happening each is about (see the
    module's text), except where an editor set or cleared the link. Returns the events whose link
    changed and the happenings they now react to."""
    sources = list(
        EventSource.objects.filter(article=article)
        .select_related("event")
        .only(
            "start", "frame", "event__id", "event__event_type", "event__reaction_to",
            "event__locked_fields", "event__date_start", "event__date_end", "event__importance",
        )
        .order_by("start")
    )  # fmt: skip
    by_position: dict[int, list[EventSource]] = defaultdict(list)
    for source in sources:
        by_position[(source.frame or {}).get("position", -1)].append(source)
    actors = _actors_of({s.event_id for s in sources})
    changed: set[int] = set()
    for source in sources:
        event = source.event
        if not _talk(source) or event.is_locked("reaction_to") or event.reaction_to_id:
            continue
        target = _told_with(source, by_position, actors) or _lede(source, sources)
        if target is None and event.event_type != EventType.ANNOUNCEMENT:
            target = _in_archive(source, actors)
        if target is not None:
            Event.objects.filter(pk=event.pk).update(reaction_to=target)
            event.reaction_to_id = target
            changed |= {event.pk, target}
    return changed


def _lede(statement: EventSource, sources) -> int | None:
    """The happening the statement's article opens with (in its first ``LEDE`` sentences), when it
    took place no later than the statement."""
    opening = sorted(
        (s for s in sources if 0 <= (s.frame or {}).get("position", -1) < LEDE),
        key=lambda s: (s.frame["position"], s.start),
    )
    for source in opening:
        if (
            source.event_id != statement.event_id
            and _happening(source)
            and not _later(source.event, statement.event)
        ):
            return source.event_id
    return None


def _actors_of(event_ids) -> dict[int, set[int]]:
    """The people and organisations taking part in each event (a country or city takes part in too
    much of a story to say which happening a statement is about)."""
    found: dict[int, set[int]] = defaultdict(set)
    links = Event.actors.through.objects.filter(event__in=event_ids).exclude(actor__kind=Actor.Kind.PLACE)
    for event_id, actor_id in links.values_list("event_id", "actor_id"):
        found[event_id].add(actor_id)
    return found


def _talk(source: EventSource) -> bool:
    """Whether a source tells someone's words: a statement or announcement, or, unless its event is
    a deed, a verb of saying or words quoted."""
    frame, kind = source.frame or {}, source.event.event_type
    if kind in TALK_TYPES:
        return True
    return KIND_WEIGHT.get(kind, 0.0) < DEED and (frame.get("predicate") in TALK_VERBS or frame.get("spoken"))


def _happening(source: EventSource) -> bool:
    """Whether a source's event is a happening a statement can be about: no reaction, and a deed
    (see ``KIND_WEIGHT``) or something told as having happened, not as someone's words."""
    event = source.event
    if event.reaction_to_id:
        return False
    return KIND_WEIGHT.get(event.event_type, 0.0) >= DEED or not _talk(source)


def _told_with(statement: EventSource, by_position, actors) -> int | None:
    """The happening the statement's sentence tells of too, a deed before anything else; or the one
    its article told of at most ``REACTION_REACH`` sentences before that shares a word or someone
    other than the speaker with it."""
    frame = statement.frame or {}
    position = frame.get("position", -1)
    words = set(frame.get("terms", []))
    others = actors.get(statement.event_id, set())
    for back in range(REACTION_REACH + 1):
        found = []
        for source in by_position.get(position - back, []):
            event, theirs = source.event, source.frame or {}
            if event.pk == statement.event_id or not _happening(source) or _later(event, statement.event):
                continue
            shared = words & set(theirs.get("terms", [])) - {theirs.get("predicate")} - set(
                frame.get("agents", [])
            )
            if back == 0 or shared or others & actors.get(event.pk, set()):
                found.append((KIND_WEIGHT.get(event.event_type, 0.0), -source.start, event.pk))
        if found:
            return max(found)[2]
    return None


def _in_archive(statement: EventSource, actors) -> int | None:
    """A deed of the days around the statement (``ARCHIVE_DAYS`` before, ``AHEAD_DAYS`` after, as a
    statement may look ahead to a visit) that shares someone other than the speaker and a word with
    it: the most important one."""
    event, frame = statement.event, statement.frame or {}
    named = actors.get(event.pk, set())
    if event.date_start is None or not named:
        return None
    words = set(frame.get("terms", [])) - {frame.get("predicate")}
    candidates = (
        Event.objects.visible()
        .filter(
            actors__in=named,
            event_type__in=[k for k, w in KIND_WEIGHT.items() if w >= DEED],
            reaction_to__isnull=True,
            date_start__gte=event.date_start - dt.timedelta(days=ARCHIVE_DAYS),
            date_start__lte=event.date_start + dt.timedelta(days=AHEAD_DAYS),
        )
        .exclude(pk=event.pk)
        .distinct()
        .order_by("-importance", "pk")
        .values_list("pk", flat=True)[:ARCHIVE_CANDIDATES]
    )
    ids = list(candidates)
    if not ids:
        return None
    terms: dict[int, set[str]] = defaultdict(set)
    for event_id, theirs in EventSource.objects.filter(event__in=ids).values_list("event_id", "frame"):
        terms[event_id] |= set((theirs or {}).get("terms", [])) - {(theirs or {}).get("predicate")}
    return next((pk for pk in ids if words & terms[pk]), None)


def _later(happening: Event, statement: Event) -> bool:
    """Whether the happening took place after the statement (then it cannot be what it answers)."""
    if happening.date_start is None or statement.date_end is None:
        return False
    return happening.date_start > statement.date_end + dt.timedelta(days=1)
