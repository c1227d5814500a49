"""What matters most: reactions linked to the happening they are about, each event's importance, and
the key events of each day and month.

- A statement or announcement is a reaction to the happening its sentence tells of too ("Kirby said
  after the talks that …"), or else to the happening its article told of just before it that shares
  a name or a word with it ("it", "the plan": the event last named), or else to the happening its
  article opens with, or else to a deed of the days around it that shares someone and a word with
  it. Editors can attach or detach a reaction; an import leaves what they set alone.
- ``importance`` weighs what a reader would accept as evidence: the outlets and articles reporting
  the event, the reactions it drew, its kind (a meeting, attack, agreement or decision outranks a
  remark) and how often its actors appear in the archive.
- The key events view shows the most important events of each month, and of each day those that
  stand out in their month, more for a busy day but not proportionally more (see
  ``choose_key_events``), plus those an editor pinned in; reactions are listed under their
  happening, not among the key events, unless several outlets report them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count

from ..models import Actor, Event, EventSource, EventType, KeyPin, Status
from ..nlp.clauses import EVENT_TYPES

TALK_TYPES = {EventType.STATEMENT, EventType.ANNOUNCEMENT}
# Verbs of saying and announcing: a report told with one is someone's words, whatever its event's type.
TALK_VERBS = EVENT_TYPES["statement"] | EVENT_TYPES["announcement"]
# What an event's kind adds to its importance: a deed outranks a remark.
KIND_WEIGHT = {
    EventType.MEETING: 1.0,
    EventType.MILITARY: 1.0,
    EventType.ATTACK: 1.0,
    EventType.AGREEMENT: 1.0,
    EventType.DECISION: 1.0,
    EventType.LEGAL: 0.8,
    EventType.ANNOUNCEMENT: 0.4,
    EventType.OTHER: 0.3,
    EventType.STATEMENT: 0.2,
}
# Each further article of an outlet already counted weighs this much of a new outlet; reactions
# count up to ``REACTIONS_COUNTED``, each ``REACTION_WEIGHT``.
REPEAT_ARTICLE = 0.5
REACTION_WEIGHT = 0.5
REACTIONS_COUNTED = 6
# An actor in 100 events of the archive adds 1 (log10 of its events, halved, at most 1).
PROMINENCE_SCALE = 2.0
# A reaction is about a happening its article told of at most ``REACTION_REACH`` sentences before
# it, or else about the happening its article opens with (in its first ``LEDE`` sentences: news puts
# what happened first and the reactions after it), or else about a deed of the archive at most
# ``ARCHIVE_DAYS`` before it or ``AHEAD_DAYS`` after it (the ``ARCHIVE_CANDIDATES`` most important
# sharing someone with it are compared).
REACTION_REACH = 3
LEDE = 2
ARCHIVE_DAYS = 7
AHEAD_DAYS = 1
ARCHIVE_CANDIDATES = 50
# A day's key events are at most this share of the square root of its events (see ``quota``).
DAY_SHARE = 0.75
# A statement that so many outlets report is news of its own: the key view may show it beside the
# happening it reacts to.
NEWS_OUTLETS = 2
# The weight of a kind that is a deed, not words (see ``KIND_WEIGHT``).
DEED = 0.8


@dataclass(frozen=True)
class Evidence:
    """What an event's importance is made of."""

    outlets: int
    articles: int
    reactions: int
    kind: str
    prominence: float = 0.0

    @property
    def importance(self) -> float:
        return round(
            self.outlets
            + REPEAT_ARTICLE * (self.articles - self.outlets)
            + REACTION_WEIGHT * min(self.reactions, REACTIONS_COUNTED)
            + KIND_WEIGHT.get(self.kind, KIND_WEIGHT[EventType.OTHER])
            + self.prominence,
            3,
        )

    def explained(self) -> str:
        """One line a reader can check: "reported by 4 outlets in 5 articles, 6 reactions"."""
        outlets = f"{self.outlets} outlet{'s' if self.outlets != 1 else ''}"
        line = f"reported by {outlets}"
        if self.articles != self.outlets:
            line += f" in {self.articles} articles"
        if self.reactions:
            line += f", {self.reactions} reaction{'s' if self.reactions != 1 else ''}"
        return line


def quota(events: int) -> int:
    """How many of a day's events the key view may show: ``DAY_SHARE`` of the square root, at least
    one, so that a busy day shows more than a quiet one, but not proportionally more."""
    return max(1, round(DAY_SHARE * math.sqrt(events))) if events else 0


def month_of(day: dt.date | None) -> dt.date | None:
    return None if day is None else day.replace(day=1)


def evidence_of(event_ids) -> dict[int, Evidence]:
    """The evidence for each of the events, in a fixed number of queries."""
    ids = set(event_ids)
    outlets: dict[int, set] = defaultdict(set)
    articles: dict[int, set] = defaultdict(set)
    for event_id, article_id, source_id in EventSource.objects.filter(event__in=ids).values_list(
        "event_id", "article_id", "article__source_id"
    ):
        articles[event_id].add(article_id)
        outlets[event_id].add(source_id or f"article {article_id}")
    reactions = dict(
        Event.objects.visible()
        .filter(reaction_to__in=ids)
        .values_list("reaction_to")
        .annotate(n=Count("id"))
        .values_list("reaction_to", "n")
    )
    links = list(Event.actors.through.objects.filter(event__in=ids).values_list("event_id", "actor_id"))
    busy = dict(
        Event.actors.through.objects.filter(actor__in={a for _, a in links})
        .exclude(event__status=Status.HIDDEN)
        .values_list("actor_id")
        .annotate(n=Count("id"))
        .values_list("actor_id", "n")
    )
    prominence: Counter = Counter()
    for event_id, actor_id in links:
        weight = min(1.0, math.log10(1 + busy.get(actor_id, 0)) / PROMINENCE_SCALE)
        prominence[event_id] = max(prominence[event_id], weight)
    kinds = dict(Event.objects.filter(pk__in=ids).values_list("pk", "event_type"))
    return {
        pk: Evidence(
            outlets=len(outlets[pk]),
            articles=len(articles[pk]),
            reactions=reactions.get(pk, 0),
            kind=kind,
            prominence=round(prominence[pk], 3),
        )
        for pk, kind in kinds.items()
    }


def rank(event_ids) -> None:
    """Brings the importance of the events (and of the happenings they react to) up to date, and
    the key events of the months they fall in, or fell in before an edit moved them."""
    ids = {pk for pk in event_ids if pk is not None}
    if not ids:
        return
    ids |= set(
        Event.objects.filter(pk__in=ids, reaction_to__isnull=False).values_list("reaction_to", flat=True)
    )
    events = list(Event.objects.filter(pk__in=ids).only("id", "importance", "date_start"))
    found = evidence_of(ids)
    changed = []
    for event in events:
        importance = found[event.pk].importance
        if importance != event.importance:
            event.importance = importance
            changed.append(event)
    Event.objects.bulk_update(changed, ["importance"])
    choose_key_events({month_of(e.date_start) for e in events} | set(_months_of_key(ids)))


def _months_of_key(ids) -> list[dt.date | None]:
    """The months in which any of the events is a key event now (an edit may have moved it out)."""
    return [
        month_of(day)
        for day in Event.objects.filter(pk__in=ids, key=True).values_list("date_start", flat=True)
    ]


def choose_key_events(months) -> None:
    """Marks the key events of each given month (its first day; None for the undated events).

    The month's ``quota(n)`` most important events are key whatever their day, so that a quiet
    month shows its happenings; on each day, so are its ``quota`` most important events that reach
    the month's median importance, so that a busy day shows more without burying the rest. Events
    pinned in are key and those pinned out never; a reaction to a happening already chosen is not
    chosen (it is listed under that happening)."""
    for month in months:
        if month is None:
            in_month = Event.objects.filter(date_start__isnull=True)
        else:
            following = (month + dt.timedelta(days=32)).replace(day=1)
            in_month = Event.objects.filter(date_start__gte=month, date_start__lt=following)
        rows = list(
            in_month.annotate(outlets=Count("sources__article__source", distinct=True))
            .values_list(
                "pk", "date_start", "importance", "key_pin", "status", "reaction_to", "key", "outlets"
            )
            .order_by("-importance", "pk")
        )  # fmt: skip
        # a statement that several outlets report is news of its own, not only a reaction
        visible = [
            (*r[:5], r[5] if r[7] < NEWS_OUTLETS else None, r[6]) for r in rows if r[4] != Status.HIDDEN
        ]
        chosen = {r[0] for r in visible if r[3] == KeyPin.IN}
        ranked = [r for r in visible if r[3] == KeyPin.RANKED]

        _pick(ranked, chosen, quota(len(visible)), floor=-math.inf)
        median = sorted(r[2] for r in visible)[len(visible) // 2] if visible else 0.0
        per_day = Counter(r[1] for r in visible)
        days: dict = defaultdict(list)
        for row in ranked:
            days[row[1]].append(row)
        for day, candidates in days.items():
            _pick(candidates, chosen, quota(per_day[day]), floor=median)
        now = {r[0] for r in rows if r[6]}
        if chosen - now:
            Event.objects.filter(pk__in=chosen - now).update(key=True)
        if now - chosen:
            Event.objects.filter(pk__in=now - chosen).update(key=False)


def _pick(candidates, chosen: set[int], room: int, floor: float) -> None:
    """Adds to ``chosen`` up to ``room`` of the candidates (most important first) that reach
    ``floor``, leaving out those already in and reactions to a happening already in."""
    for pk, _, importance, _, _, about, _ in candidates:
        if room <= 0 or importance < floor:
            break
        if pk not in chosen and about not in chosen:
            chosen.add(pk)
            room -= 1


def rank_all() -> None:
    """Ranks the whole archive again (after a change of the rules)."""
    ids = list(Event.objects.values_list("pk", flat=True))
    for start in range(0, len(ids), 1000):
        rank(ids[start : start + 1000])


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
