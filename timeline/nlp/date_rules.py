"""Candidate temporal expressions: one compiled pattern per kind of expression, and the span chooser.

Every pattern is written for English news text in general. A pattern may name a group ``x``: the
expression is then that group only (the rest of the match is context, like "for" in "for years").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .date_lexicon import (
    DAY_NUM,
    FUTURE_WORDS,
    HOLIDAYS,
    MONTH,
    NUMBER_WORD,
    PART,
    PAST_WORDS,
    PRESENT_WORDS,
    SEASON,
    UNIT,
    WEEKDAY,
    YEAR,
    _alt,
)

MOD = (
    r"(?:(?P<mod>early|mid|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
    r"the\s+middle\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of|the\s+rest\s+of)[\s-]+)?"
)
APPROX = r"(?:(?P<approx>about|nearly|almost|some|more\s+than|less\s+than|roughly|around|just|only|over|"
APPROX += r"at\s+least|up\s+to|no\s+more\s+than|under|barely|another|an\s+additional)\s+)?"
REL = r"(?P<rel>last|next|this|coming|this\s+coming|this\s+past|past|previous|following|current)"
RANGE_SEP = r"\s*(?:-|–|—|and|to|through|until|till)\s*"
_HOLIDAY_NAMES = _alt([*HOLIDAYS, "thanksgiving day", "thanksgiving", "easter sunday", "easter",
                       "election day", "labor day", "memorial day", "good friday"])  # fmt: skip
_DEICTIC = (
    r"(?P<deix>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)"
)
_PLURAL = "minute|hour|day|week|month|quarter|year|decade|centurie"
_TIME = r"(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)"

_TENS = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ONES = "(?:one|two|three|four|five|six|seven|eight|nine)"

PATTERNS: list[tuple[str, str]] = [
    ("iso", rf"\b(?P<y>{YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    ("numeric", rf"\b(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>{YEAR}|\d\d)\b"),
    (
        "month_day",
        rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+))?(?P<mon>{MONTH})\s+"
        rf"(?P<d1>{DAY_NUM})\b(?:{RANGE_SEP}(?:(?P<mon2>{MONTH})\s+)?(?P<d2>{DAY_NUM})\b(?![.,]?\d))?"
        rf"(?:,?\s+(?P<y>{YEAR})\b)?",
    ),
    (
        "day_month",
        rf"(?:(?P<wd>{WEEKDAY}),?\s+)?\b(?P<d1>{DAY_NUM})(?:{RANGE_SEP}(?P<d2>{DAY_NUM}))?\s+(?:of\s+)?"
        rf"(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR})\b)?",
    ),
    ("month_year", rf"{MOD}(?P<mon>{MONTH}),?\s+(?:of\s+)?(?P<y>{YEAR})\b"),
    ("month_range", rf"(?:from\s+)?(?P<mon>{MONTH}){RANGE_SEP}(?P<mon2>{MONTH})(?:,?\s+(?P<y>{YEAR})\b)?"),
    (
        "month_rel",
        rf"{MOD}(?:{REL}\s+(?P<mon>{MONTH})\b|(?P<mon2>{MONTH})\s+(?P<rel2>last|next|this)\s+year)",
    ),
    ("month", rf"{MOD}(?P<mon>{MONTH})\b(?!-)"),
    ("decade", rf"(?:the\s+)?{MOD}(?:(?P<dec>1[0-9]\d0|20\d0)'?s|'(?P<dec2>\d0)s)\b"),
    (
        "century",
        r"(?:the\s+)?(?P<c>\d\d)(?:st|nd|rd|th)\s+century|(?:the\s+)?(?P<cw>nineteenth|twentieth|twenty-first)\s+century",
    ),
    (
        "year",
        rf"{MOD}(?:(?P<fiscal>fiscal|calendar)\s+)?(?<![\d$£€.,])(?P<y>{YEAR})(?![\d%]|,\d|\.\d|-\d|s\b|'s\b)",
    ),
    ("year_span", rf"(?P<y>{YEAR})\s*[-–]\s*(?P<y2>{YEAR}|\d\d)\b"),
    (
        "season",
        rf"(?P<pre>{REL}\s+|the\s+|in\s+)?{MOD}(?P<s>{SEASON})\b(?:\s+(?:of\s+)?(?P<y>{YEAR}))?(?!\s+(?-i:[A-Z]))",
    ),
    (
        "quarter",
        rf"(?:(?P<det>the|this|that|its|their|last|next)\s+)?(?:(?P<yp>{YEAR}|this\s+year's|last\s+year's|"
        r"next\s+year's|fiscal(?:\s+" + YEAR + r")?|year-(?:ago|earlier)|latest|comparable|current|same|"
        r"previous|prior|recent|just-ended|just-completed|comparable\s+year-(?:ago|earlier))\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|"
        rf"final|latest)?[\s-]*(?P<unit>quarter)\b(?:\s+of\s+(?:fiscal\s+)?(?P<y>{YEAR}))?",
    ),
    (
        "period",
        rf"(?:the\s+)?(?P<yp>(?<![\d$£€.,]){YEAR}(?![\d%]|[.,]\d|-\d)|latest|year-ago|year-earlier|comparable\s+year-(?:ago|earlier)|"
        r"year-(?:ago|earlier))(?:\s+(?P<unit>period|quarter|results|level|net|profit|loss|sales))?\b",
    ),
    ("q_abbr", rf"(?-i:\bQ(?P<qn>[1-4])\b)(?:\s+(?P<y>{YEAR}))?"),
    (
        "half",
        rf"(?:the\s+)?(?P<ord>first|second)\s+half\s+of\s+(?:(?P<y>{YEAR})|(?P<rel>this|last|next)\s+year)",
    ),
    (
        "rel_unit",
        rf"{MOD}(?:(?P<edge>earlier|later|early|late)\s+)?(?P<the>the\s+)?(?:{REL}|(?P<ana>that|the\s+same))\s+"
        r"(?P<unit>week|month|year|decade|century)\b(?!-)",
    ),
    (
        "in_the_day",
        r"(?:(?:later|earlier)\s+in\s+(?P<x>the\s+day)"
        r"|(?:(?:a\s+few|several|some|just)\s+)?(?:hours|minutes|moments)\s+(?:later|afterwards?))\b",
    ),
    ("year_end", r"(?:the\s+)?(?:year-end|year\s+end|year's\s+end|end\s+of\s+the\s+year)\b"),
    (
        "ago",
        rf"{APPROX}(?P<n>{NUMBER_WORD})[\s-]+(?P<unit>{UNIT})s?\s+(?:or\s+so\s+)?"
        r"(?P<dir>ago|earlier|later|from\s+now|hence|previously|since|(?:before|after)(?=\s*(?:[.,;:!?]|$)))\b",
    ),
    (
        "unit_dir",
        r"(?P<the>the\s+)(?P<unit>day|week|month|year)\s+(?P<dir>earlier|later|(?:before|after)(?=\s*(?:[.,;:!?]|$)))\b",
    ),
    (
        "anaphor",
        r"(?:(?P<edge>earlier|later)\s+)?(?:that|the)\s+(?:(?P<same>same)\s+|(?P<rel>next|following|previous|prior)\s+)?"
        r"(?P<unit>day|morning|afternoon|evening|night)\b(?!-)",
    ),
    (
        "weekday",
        rf"(?:(?P<rel>last|next|this|this\s+coming|coming|previous|following|early|late|earlier|later)\s+)?"
        rf"(?P<wd>{WEEKDAY})(?P<pl>s)?\b(?:'s)?(?:\s+(?P<part>{PART}))?",
    ),
    ("part_weekday", rf"(?:(?P<rel>early|late)\s+)?(?P<part>{PART})\s+(?:of\s+|on\s+)?(?P<wd>{WEEKDAY})\b"),
    (
        "deictic",
        rf"(?:(?P<edge>earlier|later|early|late|mid-?afternoon|midday)\s+)?{_DEICTIC}(?:'s)?(?:\s+(?P<part>{PART}))?",
    ),
    ("part_today", rf"(?:(?P<rel>this|last|yesterday|tomorrow)\s+)(?P<part>{PART})\b|(?P<ovn>overnight)\b"),
    (
        "clock",
        rf"(?:{_TIME}|(?P<noon>noon|midnight|midday))(?:\s+(?P<tz>(?-i:[A-Z]{{2,3}}T|GMT|UTC)))?"
        rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{WEEKDAY})|(?P<deix>today|yesterday|tomorrow)|(?P<mon>{MONTH})\s+(?P<d1>{DAY_NUM})))?",
    ),
    ("weekday_clock", rf"(?P<wd>{WEEKDAY})\s+at\s+{_TIME}"),
    ("holiday", rf"(?:(?P<rel>last|next|this)\s+)?(?P<hol>{_HOLIDAY_NAMES})\b(?:\s+(?P<y>{YEAR}))?"),
    ("weekend", r"(?:(?P<rel>this|last|next|the|that)\s+)?(?P<x>weekend)\b"),
    (
        "duration",
        rf"{APPROX}(?:the\s+(?P<edge>first|last|past|next|previous|following|coming|final)\s+)?"
        rf"(?P<n>{NUMBER_WORD})(?:\s+and\s+a\s+half|\s+1/2)?(?:\s+(?:more|additional|straight|consecutive|trading|"
        rf"business|working))?[\s-]+(?P<unit>{UNIT})s?\b(?:\s+and\s+a\s+half\b)?"
        r"(?!-old|\s+old\b|-olds|-long)",
    ),
    ("long", rf"(?P<unit>{UNIT})s?-long\b"),
    (
        "for_units",
        r"(?:for|within|in|over)\s+(?P<x>(?:(?P<few>a\s+few|few|several|many)\s+|(?<=over\s)the\s+)?(?P<unit>"
        + _PLURAL
        + r")s)\b(?!\s+(?:of|to|before|after|ago|earlier|later)\b)",
    ),
    (
        "recent_units",
        r"(?:the\s+)?(?P<pre>recent|past|last|next|coming)\s+(?:(?P<few>few|several)\s+)?(?P<unit>"
        + _PLURAL
        + r")s\b|the\s+(?P<unit2>day|week|month|year)s\s+(?:ahead|to\s+come)\b",
    ),
    (
        "set",
        rf"(?:every|each|per)\s+(?:other\s+)?(?:(?P<wd>{WEEKDAY})|(?P<mon>{MONTH})|(?P<s>{SEASON})|(?P<unit>{UNIT}|morning|night))\b",
    ),
    (
        "set_adverb",
        r"(?-i:\b(?P<adv>daily|weekly|monthly|annually|yearly|hourly|quarterly|nightly|biannually))\b",
    ),
    ("times_a", rf"(?P<n>once|twice|three\s+times|\d+\s+times)\s+(?:a|an|per)\s+(?P<unit>{UNIT})\b"),
    (
        "foreign",
        r"\b(?P<d1>\d{1,2})\.?\s+(?P<w>[^\W\d_]{3,}\.?)\s+(?P<y>\d{4})\b|\b\d{1,2}\.\d{1,2}\.\d{4}\b",
    ),
    (
        "spoken_year",
        rf"(?:(?P<mon>{MONTH})\s+|(?:the\s+)?(?P<s>{SEASON})\s+of\s+|the\s+year\s+|in\s+(?=two))?"
        rf"(?P<sy>nineteen[\s-]+(?:hundred|{_TENS}(?:[\s-]+{_ONES})?|ten|eleven|twelve|thirteen|fourteen|"
        rf"fifteen|sixteen|seventeen|eighteen|nineteen)|(?<=year\s|. in\s)two\s+thousand"
        rf"(?:\s+(?:and\s+)?(?:{_ONES}|ten))?)\b(?![\s-]+(?:year|percent|people|dollar))",
    ),
    (
        "decade_word",
        r"(?:the\s+)(?:(?P<mod>early|mid|late)[\s-]+)?(?:nineteen[\s-]+)?"
        r"(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
    ),
    ("clock_part", r"\b(?P<h>[1-9]|1[0-2])(?:\s+o'clock)?\s+in\s+the\s+(?P<part>morning|afternoon|evening)"),
    (
        "the_year",
        r"(?P<the>the\s+)(?:(?P<adj>full|fiscal|current|current\s+fiscal|latest\s+fiscal|previous|prior|last\s+fiscal)\s+)?year\b"
        r"(?!-|'|\s+(?:ago|earlier|before|after|later|\d|two|nineteen|of\s+the))",
    ),
    ("the_past", r"\b(?:the\s+)past\b(?!\s*-|\s+(?:\d|[a-z]+\s+[a-z]+s\b|[a-z]+s\b))"),
    ("ref", r"\b(?P<ref>" + _alt(PRESENT_WORDS | PAST_WORDS | FUTURE_WORDS) + r")\b"),
]
# A match never starts inside a word; saying so up front spares the engine a try at every letter
# (the patterns open with optional words, so nothing else anchors them): about 2.7 times faster.
COMPILED = [(name, re.compile(rf"(?<!\w)(?:{pattern})", re.IGNORECASE)) for name, pattern in PATTERNS]
PRIORITY = {name: i for i, (name, _) in enumerate(PATTERNS)}


@dataclass(frozen=True)
class Candidate:
    """A pattern match that may be a temporal expression."""

    start: int
    end: int
    rule: str
    groups: dict

    def g(self, name: str) -> str | None:
        value = self.groups.get(name)
        return value.lower() if value else None


_LEADING = re.compile(r"(?:in|on|at|from|by|since|until|during)\s+", re.IGNORECASE)


def find_candidates(text: str) -> list[Candidate]:
    """Every non-overlapping pattern match in ``text``, longest first, in text order."""
    found = []
    for name, regex in COMPILED:
        for m in regex.finditer(text):
            start, end = m.span("x") if m.groupdict().get("x") else m.span()
            if (start and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
                continue  # inside a word: "headquarters", "Marching"
            if lead := _LEADING.match(text, start, end):
                start = lead.end()
            while end > start and text[end - 1] in " \t\n,":
                end -= 1
            if end > start:
                found.append(Candidate(start, end, name, m.groupdict()))
    found.sort(key=lambda c: (-(c.end - c.start), PRIORITY[c.rule], c.start))
    taken: list[Candidate] = []
    occupied = bytearray(len(text) + 1)
    for c in found:
        if not any(occupied[c.start : c.end]):
            taken.append(c)
            occupied[c.start : c.end] = b"\x01" * (c.end - c.start)
    return sorted(taken, key=lambda c: c.start)
