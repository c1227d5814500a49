"""Which date an event keeps when its sources tell it differently.

Pure functions over ``Dated`` (one source's date), so the rule can be tested without a database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, None: 4}


def overlaps(a_start, a_end, b_start, b_end) -> bool:
    return a_start <= b_end and b_start <= a_end


@dataclass(frozen=True)
class Dated:
    """A source's date, for choosing an event's date."""

    date_start: dt.date
    date_end: dt.date
    precision: str | None
    from_publication: bool  # or from the sentence before: no date of its own
    published: dt.date | None
    from_context: bool = False  # from the day the sentence before states


def weak_date(unstated: bool, said_after: bool, date_end, published) -> tuple[bool, dt.date | None]:
    """Whether a source's date is weak evidence of its happening's day, and the day by which the
    happening was told: a date taken from the article or the sentence before (``unstated``) is weak,
    told by publication; so is the day words were said of a deed done by then ("the Coast Guard said
    Wednesday an aircraft picked up noises": done by Wednesday)."""
    if said_after and not unstated:
        return True, date_end
    return unstated, published


def supports(source: Dated, start: dt.date, end: dt.date) -> bool:
    if source.from_publication:
        return source.published is None or end <= source.published
    return source.date_start <= start and end <= source.date_end


@dataclass(frozen=True)
class ChosenDate:
    """An event's date as chosen from its sources; ``conflict``: a source stating its own date disagrees."""

    date_start: dt.date
    date_end: dt.date
    precision: str | None
    conflict: bool


def choose_date(sources: list[Dated]) -> ChosenDate | None:
    """The date most sources support, then the most precise, then the earliest report's;
    and whether a source stating its own date disagrees with it (a date conflict)."""
    dated = [s for s in sources if s.date_start is not None]
    if not dated:
        return None

    def rank(c: Dated):
        support = sum(supports(s, c.date_start, c.date_end) for s in dated)
        reported = c.published or dt.date.max
        # of one article's, a day its text gives, if only by the sentence before, goes before its day
        guessed = c.from_publication and not c.from_context
        return (
            -support,
            PRECISION_RANK.get(c.precision, 4),
            (c.date_end - c.date_start).days,
            reported,
            guessed,
        )

    best = min(dated, key=rank)
    conflict = any(
        not s.from_publication and not overlaps(s.date_start, s.date_end, best.date_start, best.date_end)
        for s in dated
    )
    return ChosenDate(best.date_start, best.date_end, best.precision, conflict)
