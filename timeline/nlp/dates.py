"""The date normaliser: finds temporal expressions in an article and gives each a TimeML type and
a TIMEX3 value relative to the publication date.

Candidates come from compiled patterns (``date_rules``); each kind has a resolver (``date_handlers``,
``date_relative``). spaCy's parse supplies the tense that decides whether "Monday" or "March" looks
back or forward, and vetoes numbers and names that only look like dates.
"""

from __future__ import annotations

import datetime as dt
import re

from . import date_financial, date_phrases, date_relative  # noqa: F401  (register their resolvers)
from .date_calendar import timex_interval
from .date_handlers import HANDLERS
from .date_lexicon import DAY_NUM, MONTH, YEAR, month_number
from .date_resolve import Context, Unresolved
from .date_rules import find_candidates
from .types import Timex

__all__ = ["find_temporal_expressions", "infer_publication_date", "timex_dates", "timex_interval"]

_CALENDAR = re.compile(r"\d{4}(?:-(?:\d{2}(?:-\d{2})?|W\d{2}(?:-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI))?|\d{1,3}")
_YEAR_TO_DATE = {"P6M", "P9M", "P1Y", "P12M"}


def find_temporal_expressions(doc, published: dt.date | None) -> list[Timex]:
    """Every temporal expression in ``doc`` (a parsed spaCy Doc), in text order, non-overlapping.

    Relative expressions resolve against ``published``; without it they get ``value=None`` and
    the flag ``unresolved_relative``. Anaphora ("the next day") resolve against the date the
    text mentioned last. Impossible dates get ``value=None`` and the flag ``invalid_date``.
    """
    ctx = Context(doc, published)
    found = []
    body = ctx.text
    for candidate in find_candidates(body):
        text = body[candidate.start : candidate.end]
        if _in_a_title(body, candidate.start, text):
            continue
        try:
            resolved = HANDLERS[candidate.rule](ctx, candidate)
        except Unresolved:
            found.append(Timex(text, candidate.start, candidate.end, _guess_type(candidate.rule), None,
                               flags=("unresolved_relative",)))  # fmt: skip
            continue
        if resolved is None:
            continue
        found.append(
            Timex(
                text,
                candidate.start,
                candidate.end,
                resolved.type,
                resolved.value,
                resolved.end_value,
                resolved.modifier,
                resolved.flags,
            )  # fmt: skip
        )
        if resolved.type == "DURATION" and resolved.value in _YEAR_TO_DATE:
            ctx.quarter = None  # "in the first nine months ... a year earlier" compares those months
        if ctx.quarter and resolved.value and re.fullmatch(r"\d{4}-Q[1-4]", resolved.value):
            ctx.quarter = (candidate.end, *ctx.quarter[1:])  # the text is still talking quarters
        if (
            resolved.remember
            and resolved.type in ("DATE", "TIME")
            and resolved.value
            and _CALENDAR.fullmatch(resolved.value.split("T")[0])
        ):
            ctx.remember(resolved.value, candidate.end)
    return found


_COMMON_FIRST = {
    "this", "last", "next", "today", "tonight", "tomorrow", "yesterday", "noon", "midnight", "now", "early",
    "late", "recent", "recently", "currently", "current", "future", "daily", "weekly", "monthly", "annually",
}  # fmt: skip


def _in_a_title(body: str, start: int, text: str) -> bool:
    """ "ABC's This Week", "High Noon", "VOA Today": a common word capitalised inside a sentence is a name."""
    first = text.split()[0]
    if not first[0].isupper() or first.lower().removesuffix("'s") not in _COMMON_FIRST:
        return False
    before = body[max(0, start - 200) : start].rstrip()
    if before.endswith(('"', "'", "`")):
        before = before.rstrip("\"'` ")
        return bool(before) and before[-1] not in ".!?:,;\n"
    return bool(before) and before[-1] not in ".!?:;\n_-"


def _guess_type(rule: str) -> str:
    return {"clock": "TIME", "weekday_clock": "TIME", "part_today": "TIME"}.get(rule, "DATE")


def timex_dates(timex: Timex) -> tuple[dt.date, dt.date, str] | None:
    """The days a temporal expression covers, as (first day, last day, precision), ranges included."""
    first = timex_interval(timex.value)
    if first is None:
        return None
    last = timex_interval(timex.end_value) if timex.end_value else None
    if last is None:
        return first
    precision = first[2] if first[2] == last[2] else "day"
    return first[0], max(first[1], last[1]), precision


_PUBLISHED = re.compile(
    r"(?:published|posted|updated|date)\s*(?:on)?\s*:?\s*(?P<iso>\d{4}-\d{2}-\d{2})", re.IGNORECASE
)
_FULL_DATE = re.compile(
    rf"(?P<iso>\b{YEAR}-[01]\d-[0-3]\d\b)|(?P<mon>{MONTH})\s+(?P<d>{DAY_NUM}),?\s+(?P<y>{YEAR})\b"
    rf"|\b(?P<d2>{DAY_NUM})\s+(?P<mon2>{MONTH}),?\s+(?P<y2>{YEAR})\b"
)


def infer_publication_date(text: str) -> dt.date | None:
    """The publication date a text states near its top: a "Published:" line, a dateline
    ("WASHINGTON, March 20, 2023 (Reuters) -") or the first full date in the first paragraph.
    None when the text does not say; never today's date."""
    head = text.lstrip()[:600]
    paragraph = re.split(r"\n\s*\n", head, maxsplit=1)[0]
    for pattern, where in ((_PUBLISHED, head), (_FULL_DATE, paragraph)):
        for m in pattern.finditer(where):
            day = _full_date(m)
            if day is not None:
                return day
    return None


def _full_date(m: re.Match) -> dt.date | None:
    try:
        if m.group("iso"):
            return dt.date.fromisoformat(m.group("iso"))
        if m.group("mon"):
            return dt.date(
                int(m.group("y")), month_number(m.group("mon")), int(m.group("d").rstrip("stndrh"))
            )
        return dt.date(int(m.group("y2")), month_number(m.group("mon2")), int(m.group("d2").rstrip("stndrh")))
    except (ValueError, IndexError):
        return None
