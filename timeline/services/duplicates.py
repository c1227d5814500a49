"""Events that may tell of the same happening as a given one, for an editor to merge.

An import merges reports only on strong evidence, so outlets that tell one happening in different
words ("the bridge collapsed", "a ship struck the bridge") can leave it as several events. These are
the events around it an editor should look at first: those of the day before to the day after,
ranked by how much of the rarer wording of their closest sentences they share (words every report
of those days uses weigh little), by the people, organisations and places they share, and by
whether they start on the same day. Events reported by exactly the same articles are left out: an
article telling two things tells two happenings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..matching import profiles_of
from ..models import Event
from ..nlp.clustering import Profile
from ..nlp.discourse import Rarity

# How many days before and after the event's dates others are looked at, how many of them are
# compared (the most important first), how many are suggested, and the likeness they need.
DAYS = 1
COMPARED = 300
SUGGESTED = 5
THRESHOLD = 0.15
# The likeness: the shared rarer wording of the closest sentences, the shared actors, the same day.
WEIGHTS = {"words": 0.7, "actors": 0.3, "same_day": 0.1}


@dataclass(frozen=True)
class Duplicate:
    event: Event
    likeness: float


def likeness(a: Profile, b: Profile, rarity: Rarity) -> float:
    """How alike two events' accounts are (0 to 1.1): the weighted share of rarer words that the
    closest pair of their sentences shares (two sentences, not one telling both), the share of the
    actors of the one naming fewer that the other names too, and a little more for the same first
    day."""
    words = max(
        (rarity.shared(x, y) for *at, x in a.terms for *where, y in b.terms if at != where), default=0.0
    )  # one sentence telling both (one names the other in passing) is no likeness of their accounts
    fewer = min(len(a.actors), len(b.actors))
    actors = len(a.actors & b.actors) / fewer if fewer else 0.0
    same_day = a.date_start is not None and a.date_start == b.date_start
    return WEIGHTS["words"] * words + WEIGHTS["actors"] * actors + WEIGHTS["same_day"] * same_day


def likely_duplicates(event: Event, limit: int = SUGGESTED) -> list[Duplicate]:
    """The events most like ``event`` among those of the days around it that a reader sees, best
    first, at most ``limit`` and only those at least ``THRESHOLD`` alike."""
    if event.date_start is None:
        return []
    low = event.date_start - dt.timedelta(days=DAYS)
    high = (event.date_end or event.date_start) + dt.timedelta(days=DAYS)
    near = list(
        Event.objects.visible()
        .between(low, high)
        .exclude(pk=event.pk)
        .order_by("-importance", "pk")
        .values_list("pk", flat=True)[:COMPARED]
    )
    profiles = profiles_of([event.pk, *near])
    own = profiles.get(event.pk)
    if own is None:
        return []
    rarity = Rarity(p.vocabulary for p in profiles.values())
    scored = (
        (likeness(own, other, rarity), pk)
        for pk, other in profiles.items()
        if pk != event.pk and other.articles != own.articles
    )
    best = sorted((s for s in scored if s[0] >= THRESHOLD), key=lambda s: (-s[0], s[1]))[:limit]
    events = Event.objects.in_bulk([pk for _, pk in best])
    return [Duplicate(events[pk], round(score, 2)) for score, pk in best if pk in events]
