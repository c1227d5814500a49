"""Resolvers for phrases TimeML annotates that carry no digits: spoken years ("nineteen ninety-six",
"the year two thousand"), the reporting year ("for the year", "the fiscal year ended June 30") and
"the past", "the nineties", "4 in the morning"."""

from __future__ import annotations

from .date_handlers import handles
from .date_lexicon import SEASONS, month_number, number_value
from .date_resolve import Context, Resolved, modifier
from .date_rules import Candidate


def spoken_year(words: str) -> int | None:
    """The year a spoken form names: "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001."""
    words = " ".join(words.lower().replace("-", " ").split())
    if words.startswith("two thousand"):
        rest = words.removeprefix("two thousand").removeprefix(" and").strip()
        return 2000 + (number_value(rest) or 0) if rest else 2000
    rest = words.removeprefix("nineteen").strip()
    if rest == "hundred":
        return 1900
    n = number_value(rest)
    return 1900 + n if n is not None and 10 <= n < 100 else None


@handles("spoken_year")
def spoken(ctx: Context, c: Candidate) -> Resolved | None:
    year = spoken_year(c.g("sy"))
    if year is None:
        return None
    if c.g("mon"):
        return Resolved("DATE", f"{year:04d}-{month_number(c.g('mon')):02d}")
    if c.g("s"):
        return Resolved("DATE", f"{year:04d}-{SEASONS[c.g('s')]}")
    return Resolved("DATE", f"{year:04d}")


@handles("the_year")
def the_year(ctx: Context, c: Candidate) -> Resolved:
    """A company's year: "the year ended March 31" spans a year (a duration), "for the year" is this one."""
    after = ctx.text[c.end : c.end + 12].lower()
    if after.lstrip().startswith(("ended", "ending", "to ")):
        return Resolved("DURATION", "P1Y")
    year = ctx.base().year - (c.g("adj") in ("latest fiscal", "previous", "prior", "last fiscal"))
    return Resolved("DATE", str(year))


@handles("the_past")
def the_past(ctx: Context, c: Candidate) -> Resolved:
    return Resolved("DATE", "PAST_REF")


DECADES = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
           "eighties": 8, "nineties": 9}  # fmt: skip


@handles("decade_word")
def decade_word(ctx: Context, c: Candidate) -> Resolved:
    """ "The nineties": the decade of the century before the publication's own when it lies ahead."""
    digit = DECADES[c.g("dw")]
    year = ctx.dct.year if ctx.dct else 1999
    century = year // 100 - (digit * 10 > year % 100)
    return Resolved("DATE", f"{century}{digit}", modifier=modifier(c.g("mod")))


@handles("clock_part")
def clock_part(ctx: Context, c: Candidate) -> Resolved:
    hour = int(c.g("h")) % 12 + (12 if c.g("part") in ("afternoon", "evening") else 0)
    return Resolved("TIME", f"{ctx.anchor().isoformat()}T{hour:02d}:00")


@handles("in_the_day")
def in_the_day(ctx: Context, c: Candidate) -> Resolved | None:
    """ "Later in the day", "hours later": the day the text is talking about."""
    day = ctx.anchor_near(c.start)
    return Resolved("DATE", day.isoformat()) if day else None
