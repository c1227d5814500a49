"""What matters most: each event's importance, and the key events of each day and month (reactions
are linked to their happening in ``reactions``).

- ``importance`` weighs what a reader would accept as evidence: the outlets and articles reporting
  the event, the reactions it drew, its kind (a meeting, attack, disaster, agreement or decision
  outranks a remark) and how often its actors appear in the archive.
- The key events view shows the most important events of each month, and of each day those that
  stand out in their month, more for a busy day but not proportionally more (see
  ``choose_key_events``), plus those an editor pinned in; reactions are listed under their
  happening, not among the key events, unless several outlets report them.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections import Counter, defaultdict
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.db import DatabaseError, transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from .. import summaries
from ..models import Actor, Event, EventSource, EventType, KeyPin, Status
from ..nlp.clustering import TALK_VERBS, keywords

logger = logging.getLogger(__name__)

TALK_TYPES = {EventType.STATEMENT, EventType.ANNOUNCEMENT}
# What an event's kind adds to its importance: a deed outranks a remark.
KIND_WEIGHT = {
    EventType.MEETING: 1.0,
    EventType.MILITARY: 1.0,
    EventType.ATTACK: 1.0,
    EventType.DISASTER: 1.0,
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
# An actor in 100 events of the archive adds 1 (log10 of its events, halved, at most 1), in steps of
# an eighth (see ``prominence``).
PROMINENCE_SCALE = 2.0
PROMINENCE_STEPS = 8
# A day's key events are at most this share of the square root of its events (see ``quota``).
DAY_SHARE = 0.7
# A statement that so many outlets report is news of its own: the key view may show it beside the
# happening it reacts to.
NEWS_OUTLETS = 2
# The weight of a kind that is a deed, not words (see ``KIND_WEIGHT``).
DEED = 0.8
# Titles sharing so many words (besides names and words of saying) tell of one happening in the key
# view (see ``told_alike``).
ALIKE_WORDS = 2
ALIKE_COMMON, ALIKE_SHARE = 3, 0.05
ALIKE_PART = 0.5
ALIKE_DAY_COMMON = 20
ALIKE_CONTENDERS, ALIKE_QUOTAS = 60, 4
SAYING_STEMS = frozenset(w[:5] for w in TALK_VERBS)


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


def prominence(events: int) -> float:
    """What an actor named by so many events of the archive adds to their importance: log10 of its
    events, halved, at most 1 (from 99 events on), rounded down to a ``PROMINENCE_STEPS``th. In
    steps, it changes a few times in an actor's life, not with each of its events: its events are
    then ranked again (see ``restepped``), however large the archive."""
    return min(
        1.0, math.floor(PROMINENCE_STEPS * math.log10(1 + events) / PROMINENCE_SCALE) / PROMINENCE_STEPS
    )


def evidence_of(event_ids) -> dict[int, Evidence]:
    """The evidence for each of the events, in a fixed number of queries (the prominence of their
    actors as ``restepped`` last stored it)."""
    ids = set(event_ids)
    articles, outlets = _reports(ids)
    reactions = dict(
        Event.objects.visible()
        .filter(reaction_to__in=ids)
        .values_list("reaction_to")
        .annotate(n=Count("id"))
        .values_list("reaction_to", "n")
    )
    named: Counter = Counter()
    for event_id, weight in Event.actors.through.objects.filter(event__in=ids).values_list(
        "event_id", "actor__prominence"
    ):
        named[event_id] = max(named[event_id], weight)
    kinds = dict(Event.objects.filter(pk__in=ids).values_list("pk", "event_type"))
    return {
        pk: Evidence(
            outlets=len(outlets[pk]),
            articles=len(articles[pk]),
            reactions=reactions.get(pk, 0),
            kind=kind,
            prominence=named[pk],
        )
        for pk, kind in kinds.items()
    }


def restepped(event_ids) -> set[int]:
    """Stores the prominence of the actors of the events where a write made it step, and returns the
    events of those actors (to be ranked again). An actor steps at most ``PROMINENCE_STEPS`` times
    on its way to 99 events, so this is a few hundred events at most, whatever the archive."""
    links = Event.actors.through.objects
    # (hidden events count too: a few, and counting them spares reading every event of a busy actor)
    named = links.filter(actor=OuterRef("pk")).values("actor").annotate(n=Count("id")).values("n")
    actors = (
        Actor.objects.filter(pk__in=links.filter(event__in=event_ids).values("actor_id"))
        .annotate(named_by=Coalesce(Subquery(named), 0))
        .only("id", "prominence")
    )
    stepped = []
    for actor in actors:  # one query, and two more when some actor stepped
        if (now := prominence(actor.named_by)) != actor.prominence:
            actor.prominence = now
            stepped.append(actor)
    if not stepped:
        return set()
    Actor.objects.bulk_update(stepped, ["prominence"])
    return set(links.filter(actor__in=stepped).values_list("event_id", flat=True))


def rank(event_ids) -> None:
    """Brings the importance of the events (and of the happenings they react to, and of the events
    of their actors whose prominence stepped) up to date, and the key events of the months they fall
    in, or fell in before an edit moved them."""
    ids = {pk for pk in event_ids if pk is not None}
    if not ids:
        return
    ids |= set(
        Event.objects.filter(pk__in=ids, reaction_to__isnull=False).values_list("reaction_to", flat=True)
    )
    others = restepped(ids) - ids  # events of actors that stepped, which the write did not touch
    ids |= others
    events = list(Event.objects.filter(pk__in=ids).only("id", "importance", "date_start"))
    found = evidence_of(ids)
    changed = []
    for event in events:
        importance = found[event.pk].importance
        if importance != event.importance:
            event.importance = importance
            changed.append(event)
    Event.objects.bulk_update(changed, ["importance"])
    # (an untouched event of an actor that stepped changes its month only if its importance changed)
    moved = [e for e in events if e.pk not in others] + [e for e in changed if e.pk in others]
    months = {month_of(e.date_start) for e in moved} | set(_months_of_key(ids - others))
    if (pending := _months_pending.get()) is not None:
        pending |= months
    else:
        choose_key_events(months)


# The months whose key events are chosen once an import's articles are all stored (see
# ``key_events_chosen_at_the_end``), or None: chosen at once.
_months_pending: ContextVar[set | None] = ContextVar("months_pending", default=None)


@contextmanager
def key_events_chosen_at_the_end():
    """Within it, ``rank`` brings importance up to date at once but leaves the key events of the
    months it touches to be chosen once, on leaving: an import of many articles into a large archive
    then reads each busy month once, not once per article. If they cannot be chosen then (the
    database went away), the next import or ``manage.py rank_events`` chooses them."""
    months: set = set()
    token = _months_pending.set(months)
    try:
        yield
    finally:
        _months_pending.reset(token)
        try:
            choose_key_events(months)
            summaries.compact()  # the weekly counts the import's writes appended, folded once
        except DatabaseError:
            logger.warning(
                "the key events of %d months were not chosen: run manage.py rank_events", len(months)
            )


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
    chosen (it is listed under that happening). Reports of one happening that the merging left apart
    but whose titles tell it alike (see ``told_alike``) weigh with the outlets of them all, and only
    one of them is chosen."""
    for month in months:
        with transaction.atomic():
            _choose_in(month)


def _choose_in(month: dt.date | None) -> None:
    """Marks the key events of one month (see ``choose_key_events``)."""
    if month is None:
        in_month = Event.objects.filter(date_start__isnull=True)
    else:
        following = (month + dt.timedelta(days=32)).replace(day=1)
        in_month = Event.objects.filter(date_start__gte=month, date_start__lt=following)
    rows = list(
        in_month.values_list(
            "pk", "date_start", "importance", "key_pin", "status", "reaction_to", "key", "title"
        ).order_by("-importance", "pk")
    )  # fmt: skip
    contenders = _contenders([r for r in rows if r[4] != Status.HIDDEN])
    alike = told_alike(contenders, *_reports([pk for pk, _, _ in contenders]))
    # a statement that several outlets report, or tell alike, is news of its own, not only a reaction
    news = set(
        in_month.filter(reaction_to__isnull=False)
        .annotate(outlets=Count("sources__article__source", distinct=True))
        .filter(outlets__gte=NEWS_OUTLETS)
        .values_list("pk", flat=True)
    ) | {pk for pk, (_, reach, _) in alike.items() if reach >= NEWS_OUTLETS}
    visible = [
        Candidate(
            pk, day, importance + alike[pk][2] if pk in alike else importance,
            None if pk in news else about, alike[pk][0] if pk in alike else pk, pin,
        )
        for pk, day, importance, pin, status, about, *_ in rows
        if status != Status.HIDDEN
    ]  # fmt: skip
    visible.sort(key=lambda c: (-c.weight, c.pk))
    chosen = {c.pk for c in visible if c.pin == KeyPin.IN}
    told = {c.group for c in visible if c.pk in chosen}
    ranked = [c for c in visible if c.pin == KeyPin.RANKED]

    _pick(ranked, chosen, told, quota(len(visible)), floor=-math.inf)
    median = sorted(c.weight for c in visible)[len(visible) // 2] if visible else 0.0
    per_day = Counter(c.day for c in visible)
    days: dict = defaultdict(list)
    for candidate in ranked:
        days[candidate.day].append(candidate)
    for day, candidates in days.items():
        _pick(candidates, chosen, told, quota(per_day[day]), floor=median)
    now = {r[0] for r in rows if r[6]}
    if chosen - now:
        Event.objects.filter(pk__in=chosen - now).update(key=True)
    if now - chosen:
        Event.objects.filter(pk__in=now - chosen).update(key=False)


@dataclass(frozen=True)
class Candidate:
    """An event as the key view's choice sees it: its importance, with the outlets that tell of it
    alike counted (see ``told_alike``), the happening it reacts to, and the group of events told
    alike it belongs to (itself alone when none)."""

    pk: int
    day: dt.date | None
    weight: float
    about: int | None
    group: int
    pin: str


def _pick(candidates, chosen: set[int], told: set[int], room: int, floor: float) -> None:
    """Adds to ``chosen`` up to ``room`` of the candidates (most important first) that reach
    ``floor``, leaving out those already in, reactions to a happening already in and events told
    alike with one already in."""
    for candidate in candidates:
        if room <= 0 or candidate.weight < floor:
            break
        if candidate.pk not in chosen and candidate.about not in chosen and candidate.group not in told:
            chosen.add(candidate.pk)
            told.add(candidate.group)
            room -= 1


def told_alike(rows, articles: dict[int, set], outlets: dict[int, set]) -> dict[int, tuple[int, int, int]]:
    """Reports of one happening that the merging left apart, as the key view sees them: events
    (``rows`` of id, day and title) of days at most one apart, reported in no common article, whose
    titles share at least ``ALIKE_WORDS`` words, and at least ``ALIKE_PART`` of their words (Dice),
    besides the names of their actors, words of saying and words many titles of the month or the
    day use. Returns, for each event so joined: its group (the id of one member), the outlets
    reporting any member, and how many of them do not report the event itself."""
    if len(rows) < 2:
        return {}
    ids = [pk for pk, _, _ in rows]
    names: dict[int, set[str]] = defaultdict(set)
    for event_id, name in Event.actors.through.objects.filter(event__in=ids).values_list(
        "event_id", "actor__name"
    ):
        names[event_id] |= keywords(name)
    words = {pk: keywords(title) - names[pk] - SAYING_STEMS for pk, _, title in rows}
    # a word many of the month's titles use tells the story, not which of its happenings
    used = Counter(w for found in words.values() for w in found)
    common = {w for w, n in used.items() if n > max(ALIKE_COMMON, len(rows) * ALIKE_SHARE)}
    words = {pk: found - common for pk, found in words.items()}
    by_word: dict[tuple, list[int]] = defaultdict(list)
    for pk, day, _ in rows:
        for word in words[pk]:
            by_word[(day, word)].append(pk)
    group = {pk: pk for pk in ids}

    def root(pk):
        while group[pk] != pk:
            group[pk] = group[group[pk]]
            pk = group[pk]
        return pk

    for pk, day, _ in rows:
        if day is None:
            continue
        shared: Counter = Counter()
        for word in words[pk]:
            for near in (day - dt.timedelta(days=1), day, day + dt.timedelta(days=1)):
                others = by_word.get((near, word), ())
                if len(others) <= ALIKE_DAY_COMMON:
                    shared.update(other for other in others if other > pk)
        for other, n in shared.items():
            both = len(words[pk]) + len(words[other])
            if n >= ALIKE_WORDS and 2 * n >= ALIKE_PART * both and not articles[pk] & articles[other]:
                group[root(other)] = root(pk)
    members: dict[int, list[int]] = defaultdict(list)
    for pk in ids:
        members[root(pk)].append(pk)
    found = {}
    for head, joined in members.items():
        if len(joined) > 1:
            reach = len(set().union(*(outlets[pk] for pk in joined)))
            found |= {pk: (head, reach, reach - len(outlets[pk])) for pk in joined}
    return found


def _contenders(rows) -> list[tuple]:
    """The events (id, day, title) of each day compared for reports told alike: its
    ``ALIKE_CONTENDERS`` most important, or ``ALIKE_QUOTAS`` times its ``quota`` on a busier day
    (``rows`` come most important first), so that the work stays the same however large the
    archive grows."""
    days: dict = defaultdict(list)
    for row in rows:
        days[row[1]].append((row[0], row[1], row[7]))
    return [
        row
        for found in days.values()
        for row in found[: max(ALIKE_CONTENDERS, ALIKE_QUOTAS * quota(len(found)))]
    ]


def _reports(event_ids) -> tuple[dict[int, set], dict[int, set]]:
    """The articles and the outlets reporting each of the events."""
    articles: dict[int, set[int]] = defaultdict(set)
    outlets: dict[int, set] = defaultdict(set)
    for event_id, article_id, source_id in EventSource.objects.filter(event__in=event_ids).values_list(
        "event_id", "article_id", "article__source_id"
    ):
        articles[event_id].add(article_id)
        outlets[event_id].add(source_id or f"article {article_id}")
    return articles, outlets


def rank_all() -> None:
    """Ranks the whole archive again (after a change of the rules)."""
    ids = list(Event.objects.values_list("pk", flat=True))
    with key_events_chosen_at_the_end():
        for start in range(0, len(ids), 1000):
            rank(ids[start : start + 1000])
