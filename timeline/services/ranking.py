"""What matters most: each event's importance, and the key events of each day and month (reactions
are linked to their happening in ``reactions``).

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
import logging
import math
from collections import Counter, defaultdict
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.db import DatabaseError, transaction
from django.db.models import Count

from ..models import Event, EventSource, EventType, KeyPin, Status

logger = logging.getLogger(__name__)

TALK_TYPES = {EventType.STATEMENT, EventType.ANNOUNCEMENT}
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
    # (hidden events too: a few, and counting them spares reading every event of a busy actor)
    busy = dict(
        Event.actors.through.objects.filter(actor__in={a for _, a in links})
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
    months = {month_of(e.date_start) for e in events} | set(_months_of_key(ids))
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
    chosen (it is listed under that happening)."""
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
        in_month.values_list("pk", "date_start", "importance", "key_pin", "status", "reaction_to", "key")
        .order_by("-importance", "pk")
    )  # fmt: skip
    # a statement that several outlets report is news of its own, not only a reaction
    news = set(
        in_month.filter(reaction_to__isnull=False)
        .annotate(outlets=Count("sources__article__source", distinct=True))
        .filter(outlets__gte=NEWS_OUTLETS)
        .values_list("pk", flat=True)
    )
    visible = [(*r[:5], None if r[0] in news else r[5], r[6]) for r in rows if r[4] != Status.HIDDEN]
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
    with key_events_chosen_at_the_end():
        for start in range(0, len(ids), 1000):
            rank(ids[start : start + 1000])
