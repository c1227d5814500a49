"""Resolvers for the calendar of company reports: quarters ("the third quarter", "Q3", "the quarter"),
halves, and comparisons with the period a year before ("the year-ago period", "the 1988 period")."""

from __future__ import annotations

from .date_calendar import add_quarters, quarter_of
from .date_handlers import handles
from .date_lexicon import ORDINALS
from .date_resolve import Context, Resolved
from .date_rules import Candidate

STEP_YEAR = {"last": -1, "this": 0, "next": 1}


def quarter_in_focus(ctx: Context) -> tuple[int, int]:
    """The quarter the text talks about: the one mentioned last, else the last one before publication."""
    if ctx.quarter:
        return ctx.quarter[1:]
    base = ctx.base()
    return add_quarters(base.year, quarter_of(base), -1)


def reporting_quarters(ctx: Context, c: Candidate) -> bool:
    """Is the text reporting quarterly results here (a quarter named in the last few sentences)?"""
    return ctx.quarter is not None and c.start - ctx.quarter[0] < 1000


def quarter_value(year: int, quarter: int) -> str:
    return f"{year:04d}-Q{quarter}"


@handles("quarter")
def quarter(ctx: Context, c: Candidate) -> Resolved | None:
    det, yp, ord_ = c.g("det"), " ".join((c.g("yp") or "").split()), c.g("ord")
    after = ctx.text[c.end : c.end + 4]
    if after.startswith("-") or (not ord_ and (not (det or yp) or after.startswith(" of"))):
        return None
    year = int(c.g("y")) if c.g("y") else None
    if yp and yp[:4].isdigit():
        year = int(yp[:4])
    elif yp.startswith("fiscal") and yp[-4:].isdigit():
        year = int(yp[-4:])
    if ord_ in ORDINALS or ord_ == "final":
        number = ORDINALS.get(ord_, 4)
        if year is None:
            base = ctx.base()
            if yp in ("last year's", "year-ago", "year-earlier") or det == "last":
                year = base.year - 1
            elif yp == "next year's" or det == "next":
                year = base.year + 1
            else:
                year = base.year - (number > quarter_of(base) and ctx.tense(c) != "future")
        return Resolved("DATE", quarter_value(year, number))
    if year is not None:
        return Resolved("DATE", quarter_value(year, quarter_in_focus(ctx)[1]))
    if det == "last" or yp in ("previous", "prior"):
        base = ctx.base()
        return Resolved("DATE", quarter_value(*add_quarters(base.year, quarter_of(base), -1)))
    if det == "next":
        base = ctx.base()
        return Resolved("DATE", quarter_value(*add_quarters(base.year, quarter_of(base), 1)))
    if yp in ("latest", "current"):
        base = ctx.base()
        latest = add_quarters(base.year, quarter_of(base), -(yp == "latest"))
        return Resolved("DATE", quarter_value(*latest), remember=False)
    y, q = quarter_in_focus(ctx)
    if yp in ("year-ago", "year-earlier", "last year's", "comparable"):
        return Resolved("DATE", quarter_value(y - 1, q), remember=False)
    return Resolved("DATE", quarter_value(y, q))


@handles("period")
def period(ctx: Context, c: Candidate) -> Resolved | None:
    """Financial comparisons: "the 1988 period", "the latest period", "year-earlier" (profit)."""
    yp, unit = " ".join((c.g("yp") or "").split()), c.g("unit")
    quarterly = reporting_quarters(ctx, c)
    if yp[:4].isdigit():
        if unit != "period":
            return Resolved("DATE", yp[:4])  # "the 1995 shooting", "the 1987 level"
        value = quarter_value(int(yp[:4]), quarter_in_focus(ctx)[1]) if quarterly else yp[:4]
        return Resolved("DATE", value, remember=False)
    if yp == "latest":
        return quarter(ctx, c) if unit == "period" else None
    if quarterly:
        y, q = quarter_in_focus(ctx)
        return Resolved("DATE", quarter_value(y - 1, q), remember=False)
    return Resolved("DATE", str(ctx.base().year - 1), remember=False)


@handles("q_abbr")
def q_abbr(ctx: Context, c: Candidate) -> Resolved:
    year = int(c.g("y")) if c.g("y") else ctx.base().year
    return Resolved("DATE", quarter_value(year, int(c.g("qn"))))


@handles("half")
def half(ctx: Context, c: Candidate) -> Resolved:
    year = int(c.g("y")) if c.g("y") else ctx.base().year + STEP_YEAR[c.g("rel")]
    return Resolved("DATE", f"{year}-H{ORDINALS[c.g('ord')]}")
