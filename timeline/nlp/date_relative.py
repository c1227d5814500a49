"""Resolvers for relative, anaphoric and non-calendar expressions: "last week", "a year ago",
"the next day", durations ("four months" -> P4M) and sets ("every week" -> P1W)."""

from __future__ import annotations

import datetime as dt
import re

from .date_calendar import day_value
from .date_financial import quarter_in_focus, quarter_value, reporting_quarters
from .date_handlers import handles
from .date_lexicon import FUTURE_WORDS, MONTHS, PAST_WORDS, SEASONS, UNITS, WEEKDAYS, number_value
from .date_resolve import Context, Resolved, approx, modifier, part_of_day, unit_shift
from .date_rules import Candidate

DEICTIC_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
                "the day before yesterday": -2, "the day after tomorrow": 2}  # fmt: skip
EDGE_MODS = {"early": "START", "late": "END"}
STEP = {
    "last": -1, "past": -1, "this past": -1, "previous": -1, "prior": -1, "this": 0, "current": 0, "that": 0,
    "the same": 0, "same": 0, "next": 1, "coming": 1, "this coming": 1, "following": 1,
}  # fmt: skip
_RATE_BEFORE = re.compile(
    r"(?:\d|million|billion|percent|%|cents?|dollars?|times|once|twice|hours|miles)\s*$", re.I
)


@handles("rel_unit")
def rel_unit(ctx: Context, c: Candidate) -> Resolved | None:
    unit, rel, ana = c.g("unit"), " ".join((c.g("rel") or "").split()) or None, c.g("ana")
    mod = modifier(c.g("mod")) or EDGE_MODS.get(c.g("edge") or "")
    if c.g("the") and rel in ("past", "last", "next", "coming"):
        # "over the past year", "in the last decade": TempEval annotates the calendar unit before or after
        return Resolved("DATE", unit_shift(ctx.base(), unit, STEP[rel]), modifier=mod, remember=False)
    if rel in ("past",) or (c.g("the") and rel in ("last", "next", "coming")):
        return Resolved("DURATION", _duration(1, unit))
    if ana or (c.g("the") and rel in ("following", "previous", "prior")):
        return Resolved("DATE", unit_shift(ctx.ref_start(), unit, STEP[ana or rel]), modifier=mod)
    if rel is None:
        return None
    if unit == "quarter":
        return None
    return Resolved("DATE", unit_shift(ctx.base(), unit, STEP[rel]), modifier=mod)


@handles("year_end")
def year_end(ctx: Context, c: Candidate) -> Resolved:
    return Resolved("DATE", str(ctx.base().year), modifier="END")


_HALVES = {("Y", False): "P{}Y6M", ("D", False): "P{}DT12H", ("H", True): "PT{}H30M", ("M", True): "PT{}M30S"}


def _duration(n: int | None, unit: str, half: bool = False) -> str:
    letter, size, is_time = UNITS[unit.rstrip("s") if unit != "centuries" else "century"]
    amount = "X" if n is None else str(n * size)
    if half and n is not None and size == 1 and (letter, is_time) in _HALVES:
        return _HALVES[letter, is_time].format(n)  # "5 1/2 hours", "a minute and a half"
    return f"PT{amount}{letter}" if is_time else f"P{amount}{letter}"


@handles("ago")
def ago(ctx: Context, c: Candidate) -> Resolved | None:
    unit, direction = c.g("unit"), " ".join(c.g("dir").split())
    if direction == "since":
        return None
    if unit == "centurie":
        unit = "century"
    n = number_value(c.g("n"))
    mod = approx(c.g("approx"))
    backwards = direction in ("ago", "earlier", "before", "previously")
    if n is None:
        return Resolved("DATE", "PAST_REF" if backwards else "FUTURE_REF")
    if UNITS[unit][2]:
        base = ctx.base() if direction in ("ago", "from now", "hence") else ctx.anchor_near(c.start)
        return Resolved("DATE", day_value(base), modifier=mod) if base else None
    step = -n if backwards else n
    if unit == "decade":
        unit, step = "year", step * 10
    if direction in ("ago", "from now", "hence"):
        base = ctx.base()
        if unit == "year" and n == 1 and reporting_quarters(ctx, c):
            y, q = quarter_in_focus(ctx)
            return Resolved("DATE", quarter_value(y - 1, q), modifier=mod, remember=False)
    elif unit == "year" and reporting_quarters(ctx, c):
        y, q = quarter_in_focus(ctx)
        return Resolved("DATE", quarter_value(y + step, q), modifier=mod, remember=False)
    elif unit == "year" and ctx.ref_value and len(ctx.ref_value) == 4:
        base = ctx.base()  # "a year earlier" after a bare year compares with the present one
    else:
        base = ctx.ref_start()
    remember = direction in ("ago", "later", "after")
    return Resolved("DATE", unit_shift(base, unit, step), modifier=mod, remember=remember)


@handles("unit_dir")
def unit_dir(ctx: Context, c: Candidate) -> Resolved | None:
    if not c.g("the"):
        return None
    step = -1 if c.g("dir") in ("before", "earlier") else 1
    base = ctx.anchor() if c.g("unit") == "day" else ctx.ref_start()
    return Resolved("DATE", unit_shift(base, c.g("unit"), step))


@handles("anaphor")
def anaphor(ctx: Context, c: Candidate) -> Resolved | None:
    text = ctx.text[c.start : c.end].lower()
    rel, unit = c.g("rel"), c.g("unit")
    if text.startswith("the") and not (rel or c.g("same")):
        return None
    day = ctx.anchor() + dt.timedelta(days=STEP.get(rel, 0) if rel else 0)
    return part_of_day(day, None if unit == "day" else unit)


@handles("deictic")
def deictic(ctx: Context, c: Candidate) -> Resolved:
    word = " ".join(c.g("deix").split())
    day = ctx.base() + dt.timedelta(days=DEICTIC_DAYS[word])
    edge = c.g("edge") or ""
    part = c.g("part") or ("night" if word == "tonight" else "afternoon" if "afternoon" in edge else None)
    resolved = part_of_day(day, part)
    return Resolved(resolved.type, resolved.value, modifier=EDGE_MODS.get(edge))


@handles("part_today")
def part_today(ctx: Context, c: Candidate) -> Resolved:
    if c.g("ovn"):
        anchor = ctx.anchor()
        day = anchor - dt.timedelta(days=1) if anchor == ctx.dct else anchor
        return part_of_day(day, "night", "TIME")
    rel = c.g("rel")
    offset = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    return part_of_day(ctx.base() + dt.timedelta(days=offset), c.g("part"))


@handles("duration")
def duration(ctx: Context, c: Candidate) -> Resolved | None:
    unit, word = c.g("unit"), c.g("n")
    if unit == "centurie":
        unit = "century"
    if word in ("a", "an", "one") and unit in ("second", "quarter"):
        return None
    if unit == "quarter" and ctx.text[c.end : c.end + 3] == " of":
        return None
    n = number_value(word)
    if word in ("a", "an", "one", "per") and _RATE_BEFORE.search(ctx.text, max(0, c.start - 12), c.start):
        return None  # a rate ("$2 million a year"): TempEval annotators mostly leave it out
    half = "half" in ctx.text[c.start : c.end].lower() or "1/2" in ctx.text[c.start : c.end]
    return Resolved("DURATION", _duration(n, unit, half), modifier=approx(c.g("approx")))


@handles("long")
def long_(ctx: Context, c: Candidate) -> Resolved:
    plural = ctx.text[c.start : c.end].lower().split("-")[0].endswith("s")
    unit = c.g("unit")
    return Resolved("DURATION", _duration(None if plural else 1, "century" if unit == "centurie" else unit))


@handles("for_units", "recent_units")
def plural_units(ctx: Context, c: Candidate) -> Resolved:
    unit = "century" if c.g("unit") == "centurie" else c.g("unit") or c.g("unit2")
    if c.g("pre") == "recent" and unit in ("year", "decade"):
        return Resolved("DATE", "PAST_REF")
    if not ctx.text[c.start : c.end].lower().startswith("the"):
        # without an article a vague plural points at a time, not a length: "in coming months"
        if c.g("pre") == "coming":
            return Resolved("DATE", "FUTURE_REF")
        if c.g("pre") == "past":
            return Resolved("DATE", "PAST_REF")
    return Resolved("DURATION", _duration(None, unit))


@handles("set")
def set_(ctx: Context, c: Candidate) -> Resolved:
    every_other = "other" in ctx.text[c.start : c.end].lower()
    if c.g("wd"):
        return Resolved("SET", f"XXXX-WXX-{WEEKDAYS[c.g('wd')] + 1}")
    if c.g("mon"):
        return Resolved("SET", f"XXXX-{MONTHS[c.g('mon').rstrip('.')]:02d}")
    if c.g("s"):
        return Resolved("SET", f"XXXX-{SEASONS[c.g('s')]}")
    unit = c.g("unit")
    if unit in ("morning", "night"):
        return Resolved("SET", f"XXXX-XX-XXT{'MO' if unit == 'morning' else 'NI'}")
    return Resolved("SET", _duration(2 if every_other else 1, "century" if unit == "centurie" else unit))


SET_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
               "hourly": "PT1H", "quarterly": "P3M", "nightly": "XXXX-XX-XXTNI",
               "biannually": "P6M"}  # fmt: skip


@handles("set_adverb")
def set_adverb(ctx: Context, c: Candidate) -> Resolved | None:
    tok = ctx.token(c)
    if tok is not None and tok.dep_ == "amod" and c.g("adv") == "quarterly":
        return None  # "a quarterly dividend" describes the payment; TimeML leaves it out
    return Resolved("SET", SET_ADVERBS[c.g("adv")])


@handles("times_a")
def times_a(ctx: Context, c: Candidate) -> Resolved:
    return Resolved("SET", _duration(1, c.g("unit")))


@handles("ref")
def reference(ctx: Context, c: Candidate) -> Resolved | None:
    word = " ".join(c.g("ref").split())
    if word == "current":
        tok = ctx.token(c)
        if (
            tok is None
            or tok.head.lower_ in ("account", "accounts", "events", "affairs")
            or tok.dep_ != "amod"
        ):
            return None
    if word in PAST_WORDS:
        return Resolved("DATE", "PAST_REF")
    if word in FUTURE_WORDS:
        return Resolved("DATE", "FUTURE_REF")
    return Resolved("DATE", "PRESENT_REF")
