"""One resolver per kind of calendar expression (explicit dates, months, years, weekdays, clock times)."""

from __future__ import annotations

import datetime as dt
import functools
import re

from .date_calendar import add_months, day_value, easter, month_value, nth_weekday, safe_date, week_value
from .date_lexicon import MONTHS, SEASONS, UNITS, WEEKDAYS, month_number
from .date_resolve import (
    Context,
    Resolved,
    invalid,
    modifier,
    month_day,
    part_of_day,
    pick_year,
    weekday_date,
)
from .date_rules import Candidate

HANDLERS = {}
_NAMED_AFTER = re.compile(r"\s+(?:for|of)\s+(?:the\s+)?(?-i:[A-Z])", re.IGNORECASE)
_DETERMINER = re.compile(r"\b(?:the|its|his|her|their|this|that)\s+$", re.IGNORECASE)
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def handles(*rules):
    def register(fn):
        for rule in rules:
            HANDLERS[rule] = fn
        return fn

    return register


@handles("iso", "numeric")
def numeric_date(ctx: Context, c: Candidate) -> Resolved:
    year = int(c.g("y"))
    year += 0 if year >= 100 else (1900 if year > 50 else 2000)
    d = safe_date(year, int(c.g("m")), int(c.g("d")))
    return Resolved("DATE", day_value(d)) if d else invalid()


@functools.lru_cache(maxsize=4096)
def _dateparser(text: str, base: dt.date | None) -> dt.date | None:
    import dateparser  # imported late: it is slow to load and rarely needed

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY", "PREFER_DATES_FROM": "past"}
    if base:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    parsed = dateparser.parse(text, settings=settings)
    return parsed.date() if parsed else None


@handles("foreign")
def foreign_date(ctx: Context, c: Candidate) -> Resolved | None:
    """Dates in other languages or numeric orders ("20 mars 2023", "20.03.2023"): dateparser's strength."""
    word = c.g("w")
    if word and (word.rstrip(".") in MONTHS or word.rstrip(".") in UNITS or word.endswith("s")):
        return None
    parsed = _dateparser(ctx.text[c.start : c.end], ctx.dct)
    return Resolved("DATE", day_value(parsed)) if parsed else None


handles("month_day", "day_month")(month_day)


@handles("month_year")
def month_year(ctx: Context, c: Candidate) -> Resolved:
    return Resolved(
        "DATE", month_value(int(c.g("y")), month_number(c.g("mon"))), modifier=modifier(c.g("mod"))
    )


@handles("month_range")
def month_range(ctx: Context, c: Candidate) -> Resolved:
    first, last = month_number(c.g("mon")), month_number(c.g("mon2"))
    year = int(c.g("y")) if c.g("y") else pick_year(ctx, c, first)
    end_year = int(c.g("y")) if c.g("y") else year + (last < first)
    return Resolved("DATE", month_value(year, first), month_value(end_year, last))


@handles("month_rel")
def month_rel(ctx: Context, c: Candidate) -> Resolved:
    base = ctx.base()
    if c.g("mon2"):
        year = base.year + {"last": -1, "next": 1, "this": 0}[c.g("rel2")]
        return Resolved("DATE", month_value(year, month_number(c.g("mon2"))), modifier=modifier(c.g("mod")))
    month, rel = month_number(c.g("mon")), " ".join((c.g("rel") or "").split())
    if rel in ("last", "past", "previous", "this past"):
        year = base.year if month < base.month else base.year - 1
    elif rel in ("next", "coming", "following"):
        year = base.year if month > base.month else base.year + 1
    else:
        year = base.year
    return Resolved("DATE", month_value(year, month), modifier=modifier(c.g("mod")))


@handles("month")
def bare_month(ctx: Context, c: Candidate) -> Resolved | None:
    tok = ctx.token(c)
    name = c.g("mon")
    if tok is not None and (tok.tag_ == "MD" or tok.ent_type_ in ("PERSON", "ORG") or tok.pos_ == "VERB"):
        return None
    if name == "may" and tok is not None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].tag_ == "VB":
        return None
    if _NAMED_AFTER.match(ctx.text, c.end):
        return None  # "the March for Life", "the March of the Combatant Mothers"
    month = month_number(name)
    return Resolved("DATE", month_value(pick_year(ctx, c, month), month), modifier=modifier(c.g("mod")))


@handles("year")
def year(ctx: Context, c: Candidate) -> Resolved | None:
    tok = ctx.token(c)
    if c.g("fiscal") or _DETERMINER.search(ctx.text, max(0, c.start - 8), c.start):
        return Resolved("DATE", c.g("y"), modifier=modifier(c.g("mod")))  # "the 1995 shooting"
    if tok is not None and tok.ent_type_ in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT"):
        return None
    if tok is not None and tok.dep_ == "nummod" and tok.head.tag_ == "NNS" and tok.head.i == tok.i + 1:
        return None  # "1990 people"
    return Resolved("DATE", c.g("y"), modifier=modifier(c.g("mod")))


@handles("year_span")
def year_span(ctx: Context, c: Candidate) -> Resolved | None:
    first, second = c.g("y"), c.g("y2")
    second = first[:2] + second if len(second) == 2 else second
    return Resolved("DATE", first, second) if first < second else None


@handles("decade")
def decade(ctx: Context, c: Candidate) -> Resolved:
    if c.g("dec"):
        digits = c.g("dec")[:3]
    else:
        century = ctx.dct.year // 100 if ctx.dct else 19
        digits = f"{century - (int(c.g('dec2')) > (ctx.dct.year % 100 if ctx.dct else 99))}{c.g('dec2')[0]}"
    return Resolved("DATE", digits, modifier=modifier(c.g("mod")))


@handles("century")
def century(ctx: Context, c: Candidate) -> Resolved:
    number = int(c.g("c")) if c.g("c") else {"nineteenth": 19, "twentieth": 20, "twenty-first": 21}[c.g("cw")]
    return Resolved("DATE", f"{number - 1:02d}")


@handles("season")
def season(ctx: Context, c: Candidate) -> Resolved | None:
    code = SEASONS[c.g("s")]
    pre = (c.g("pre") or "").strip()
    if not (pre or c.g("y") or c.g("mod")):
        return None
    if c.g("y"):
        return Resolved("DATE", f"{c.g('y')}-{code}", modifier=modifier(c.g("mod")))
    base = ctx.base()
    start = SEASON_START[code]
    this_year = base.year - (code == "WI" and base.month < 3)
    current = dt.date(this_year, start, 1)
    rel = " ".join((c.g("rel") or "").split())
    if rel in ("last", "past", "previous", "this past"):
        ended = add_months(this_year, start, 3)
        year = this_year if dt.date(*ended, 1) <= base else this_year - 1  # the last season that is over
    elif rel in ("next", "coming", "following"):
        year = this_year + 1 if current <= base else this_year
    elif ctx.tense(c) == "past" and current > base:
        year = this_year - 1
    else:
        year = this_year
    return Resolved("DATE", f"{year}-{code}", modifier=modifier(c.g("mod")))


@handles("weekday", "part_weekday")
def weekday(ctx: Context, c: Candidate) -> Resolved:
    number = WEEKDAYS[c.g("wd")]
    if c.g("pl"):
        return Resolved("SET", f"XXXX-WXX-{number + 1}")
    rel = c.g("rel")
    day = weekday_date(ctx, c, number, rel if rel not in ("early", "late", "earlier", "later") else None)
    resolved = part_of_day(day, c.g("part"))
    mod = {"early": "START", "late": "END"}.get(rel)
    return Resolved(resolved.type, resolved.value, modifier=mod)


@handles("clock", "weekday_clock")
def clock(ctx: Context, c: Candidate) -> Resolved:
    if c.g("noon"):
        hhmm = "24:00" if c.g("noon") == "midnight" else "12:00"
    else:
        hour = int(c.g("h")) % 12 + (12 if c.g("ap").startswith("p") else 0)
        hhmm = f"{hour:02d}:{c.g('mi') or '00'}"
    if c.g("wd"):
        day = weekday_date(ctx, c, WEEKDAYS[c.g("wd")], None)
    elif c.g("deix"):
        day = ctx.base() + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[c.g("deix")])
    elif c.g("mon"):
        month, d = month_number(c.g("mon")), int(c.g("d1").rstrip("stndrh"))
        day = safe_date(pick_year(ctx, c, month, d), month, d)
        if day is None:
            return invalid()
    else:
        day = ctx.anchor()
    return Resolved("TIME", f"{day_value(day)}T{hhmm}")


def holiday_date(name: str, year: int) -> dt.date:
    from .date_lexicon import HOLIDAYS

    if name in HOLIDAYS:
        return dt.date(year, *HOLIDAYS[name])
    if name.startswith("thanksgiving"):
        return nth_weekday(year, 11, 3, 4)
    if name.startswith("easter"):
        return easter(year)
    if name == "good friday":
        return easter(year) - dt.timedelta(days=2)
    if name == "labor day":
        return nth_weekday(year, 9, 0, 1)
    if name == "memorial day":
        return nth_weekday(year, 5, 0, -1)
    return nth_weekday(year, 11, 0, 1) + dt.timedelta(
        days=1
    )  # election day: the Tuesday after the first Monday


@handles("holiday")
def holiday(ctx: Context, c: Candidate) -> Resolved:
    name = " ".join(c.g("hol").split())
    if c.g("y"):
        return Resolved("DATE", day_value(holiday_date(name, int(c.g("y")))))
    base = ctx.base()
    days = [holiday_date(name, y) for y in (base.year - 1, base.year, base.year + 1)]
    rel, tense = c.g("rel"), ctx.tense(c)
    if rel == "last" or (rel is None and tense == "past"):
        day = max(d for d in days if d < base or (rel is None and d == base))
    elif rel == "next" or tense == "future":
        day = min(d for d in days if d > base or (rel is None and d == base))
    else:
        day = days[1]
    return Resolved("DATE", day_value(day))


@handles("weekend")
def weekend(ctx: Context, c: Candidate) -> Resolved | None:
    rel = c.g("rel")
    if rel is None:
        return None
    if rel == "that":
        saturday = ctx.anchor() + dt.timedelta(days=(5 - ctx.anchor().weekday()) % 7)
        return Resolved("DATE", week_value(saturday) + "-WE")
    base = ctx.base()
    past_saturday = base - dt.timedelta(days=(base.weekday() - 5) % 7)
    next_saturday = base + dt.timedelta(days=(5 - base.weekday()) % 7)
    ahead = rel == "next" or (rel == "this" and base.weekday() < 5)
    if ahead or (rel == "the" and ctx.tense(c) in ("future", "present") and base.weekday() < 5):
        saturday = next_saturday
    else:
        saturday = past_saturday
    return Resolved("DATE", week_value(saturday) + "-WE")


def month_shift(d: dt.date, n: int) -> str:
    return month_value(*add_months(d.year, d.month, n))
