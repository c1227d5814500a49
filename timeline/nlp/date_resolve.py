"""Turns candidate matches into TIMEX3 values, tracking the date last mentioned for anaphora.

Relative expressions resolve against the publication date (``dct``, the document creation time);
anaphoric ones ("the next day", "that week") against the date the text mentioned last.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from .date_calendar import day_value, month_value, safe_date, shift, value_start, week_value
from .date_lexicon import PARTS_OF_DAY, WEEKDAYS, month_number
from .date_rules import Candidate
from .pipeline import text_of

MODIFIERS = {"early": "START", "mid": "MID", "late": "END", "the end of": "END", "end of": "END",
             "the beginning of": "START", "the start of": "START", "the middle of": "MID",
             "the first half of": "START", "the second half of": "END", "the rest of": "END"}  # fmt: skip
APPROX_MODS = {"about": "APPROX", "nearly": "APPROX", "almost": "APPROX", "roughly": "APPROX",
               "around": "APPROX", "some": "APPROX", "more than": "MORE_THAN", "over": "MORE_THAN",
               "less than": "LESS_THAN",
               "under": "LESS_THAN", "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS",
               "no more than": "EQUAL_OR_LESS"}  # fmt: skip
FUTURE_AUX = {
    "will",
    "'ll",
    "shall",
    "wo",
    "would",
    "'d",
    "going",
    "gon",
    "to",
    "may",
    "might",
    "could",
    "can",
    "should",
    "must",
}
# A word the tagger calls a verb that stands where a noun does ("detected sounds late Tuesday").
NOMINAL = {"dobj", "nsubj", "nsubjpass", "pobj", "attr", "appos", "compound", "npadvmod", "poss"}
SAY_VERBS = {"say", "tell", "report", "announce", "confirm", "state", "add", "note", "deny", "claim"}
# Verbs of arranging look forward whatever their own tense: "scheduled a news conference Thursday",
# "planned to leave on Friday", "is set to resume Monday".
ARRANGE_VERBS = {
    "schedule", "plan", "set", "slate", "due", "intend", "expect", "prepare", "poise", "reschedule",
    "suppose",
}  # fmt: skip
SCHEDULE_VERBS = {"schedule", "plan", "slate", "reschedule"}  # without "to": "has scheduled a talk Monday"


# Words that put a date without a year ahead of the writer: "payable Jan. 2", "effective Feb. 1".
_FORWARD_CUE = re.compile(
    r"\b(payable|effective|expires?|expiring|due|until|till|through|starting|beginning|scheduled\s+for)\s+"
    r"(?:on\s+|in\s+)?(?:early\s+|mid-?|late\s+)?$",
    re.IGNORECASE,
)
_UNTIL = re.compile(r"\b(?:until|till)\s+$", re.IGNORECASE)


class Unresolved(Exception):
    """The expression needs the publication date, and there is none."""


@dataclass(frozen=True)
class Resolved:
    type: str
    value: str | None
    end_value: str | None = None
    modifier: str | None = None
    flags: tuple[str, ...] = ()
    remember: bool = True  # False for comparisons ("a year earlier") that do not move the narrative


def modifier(word: str | None) -> str | None:
    return MODIFIERS.get(" ".join(word.split())) if word else None


def approx(word: str | None) -> str | None:
    return APPROX_MODS.get(" ".join(word.split())) if word else None


def invalid() -> Resolved:
    return Resolved("DATE", None, flags=("invalid_date",))


class Context:
    """What resolution needs besides the match: the publication date, the parse, the last date mentioned."""

    def __init__(self, doc, dct: dt.date | None):
        self.doc, self.text, self.dct = doc, text_of(doc), dct
        self.ref_day = dct
        self.ref_value = day_value(dct) if dct else None
        self.quarter: tuple[int, int, int] | None = None  # (offset, year, quarter) of the last quarter named
        self.ref_at: int | None = None  # where the text named the day ``anchor`` gives (None: publication)
        self._sentence_starts: list[int] | None = None

    def base(self) -> dt.date:
        if self.dct is None:
            raise Unresolved
        return self.dct

    def anchor(self) -> dt.date:
        if self.ref_day is None:
            raise Unresolved
        return self.ref_day

    def anchor_near(self, at: int) -> dt.date | None:
        """``anchor`` for an expression at ``at`` that counts hours from what the text told last
        ("four hours later"): None when the day was named before the sentence before it, for what
        the text told since has no day of its own ("The aircraft was launched on Sunday. [...] It
        detected sounds. The sounds were still there four hours later")."""
        if self.ref_at is not None and self._sentence_of(at) - self._sentence_of(self.ref_at - 1) > 1:
            return None
        return self.anchor()

    def _sentence_of(self, at: int) -> int:
        if self._sentence_starts is None:
            parsed = self.doc.has_annotation("SENT_START")
            self._sentence_starts = [sent.start_char for sent in self.doc.sents] if parsed else []
        return bisect.bisect_right(self._sentence_starts, at)

    def ref_start(self) -> dt.date:
        start = value_start(self.ref_value) if self.ref_value else None
        if start is None:
            raise Unresolved
        return start

    def remember(self, value: str | None, offset: int = 0) -> None:
        if value and re.fullmatch(r"\d{4}-Q[1-4]", value):
            self.quarter = (offset, int(value[:4]), int(value[-1]))
        start = value_start(value) if value else None
        if start is None:
            return
        self.ref_value = value.split("T")[0]
        if len(self.ref_value) == 10:
            self.ref_day, self.ref_at = start, offset

    def token(self, c: Candidate):
        span = self.doc.char_span(c.start, c.end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    @staticmethod
    def _aux(tok):
        return [child for child in tok.children if child.dep_ in ("aux", "auxpass")]

    def tense(self, c: Candidate) -> str | None:
        """``past``, ``future``, ``present`` or None, from the verb that governs the expression."""
        tok = self.token(c)
        if tok is not None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].tag_ == "POS":
            return "past"  # "Wednesday's ruling" names something that has happened
        for _ in range(8):
            if tok is None or tok.head == tok:
                break
            verb = tok.pos_ in ("VERB", "AUX") and tok.dep_ not in NOMINAL  # not "sounds" as an object
            if verb and (tok.tag_ not in ("VBG", "VB") or self._aux(tok)):
                break
            tok = tok.head
        if tok is None or tok.pos_ not in ("VERB", "AUX"):
            return None
        aux = self._aux(tok)
        present_aux = any(a.tag_ in ("VBZ", "VBP") for a in aux)
        if any(a.lower_ == "had" for a in aux + self._aux(tok.head) + self._aux(tok.head.head)):
            return "past"  # the past perfect: "it had been due to expire Friday"
        if any(a.lower_ == "have" for a in aux) and any(a.tag_ == "MD" for a in aux):
            return "past"  # "may have been responsible Wednesday"
        if (
            tok.tag_ != "VBD"
            and not any(a.lower_ == "to" for a in aux)
            and (
                tok.lemma_ in SCHEDULE_VERBS
                or (tok.lemma_ in ARRANGE_VERBS and (present_aux or _for_next(tok)))
            )
        ):
            return "future"  # "has scheduled a talk Monday", "is expected in December", "set for April"
        if any(a.lower_ == "to" for a in aux) and tok.head != tok:
            head = tok.head
            if head.tag_ != "VBD" and (head.lemma_ in ARRANGE_VERBS or head.lower_ in ARRANGE_VERBS):
                return "future"
            if tok.head.tag_ in ("VBD", "VBN") or any(a.tag_ == "VBD" for a in self._aux(head)):
                return "past"  # "she was trying to reach them Wednesday morning"
        if any(a.lower_ in FUTURE_AUX for a in aux) or tok.lower_ in ("will", "'ll"):
            return "future"
        if any(a.tag_ == "VBD" for a in aux) or tok.tag_ in ("VBD", "VBN"):
            return "past"
        if tok.tag_ == "VBG" and present_aux and not any(a.lower_ == "been" for a in aux):
            return "future"
        if tok.tag_ in ("VBZ", "VBP") and tok.lemma_ not in SAY_VERBS and tok.pos_ == "VERB":
            return "present"
        return None


def _for_next(tok) -> bool:
    return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "for"


def pick_year(
    ctx: Context, c: Candidate, month: int, day: int | None = None, forward_when_present=False
) -> int:
    """The year of a month (and day) given without one: the nearest past unless the clause looks forward."""
    base = ctx.base()
    tense = ctx.tense(c)
    forward = tense == "future" or (forward_when_present and tense == "present")
    if cue := _FORWARD_CUE.search(ctx.text, max(0, c.start - 24), c.start):
        if cue.group(1).lower() in ("until", "through", "till"):
            years = (base.year - 1, base.year, base.year + 1)
            return min(years, key=lambda y: abs(_gap(base, y, month, day)))
        forward, tense = True, "future"
    candidate = (month, day or 0)
    here = (base.month, base.day if day else 0)
    # a clause's tense is a hint, not proof: a date within a few weeks of publication keeps its year
    gap = ((safe_date(base.year, month, day or 1) or dt.date(base.year, month, 28)) - base).days
    if forward:
        return base.year if candidate >= here or (day and gap > -30) else base.year + 1
    if candidate <= here or (day and gap <= 60) or (not day and tense != "past" and gap <= 31):
        return base.year
    return base.year - 1


def _gap(base: dt.date, year: int, month: int, day: int | None) -> int:
    return ((safe_date(year, month, day or 15) or dt.date(year, month, 28)) - base).days


def weekday_date(ctx: Context, c: Candidate, weekday: int, rel: str | None) -> dt.date:
    """Weekdays by tense: past looks back, future looks forward, the publication's own weekday is that day."""
    base = ctx.base()
    back = (base.weekday() - weekday) % 7
    ahead = (weekday - base.weekday()) % 7
    if rel in ("last", "previous"):
        return base - dt.timedelta(days=back or 7)
    if rel in ("next", "coming", "this coming", "following"):
        return base + dt.timedelta(days=ahead or 7)
    if back == 0:
        return base
    if _UNTIL.search(ctx.text, max(0, c.start - 8), c.start):
        return base + dt.timedelta(days=ahead)  # a deadline: "postponed until Tuesday"
    tense = ctx.tense(c)
    if tense == "future" or (tense == "present" and rel != "this") or (rel == "this" and tense != "past"):
        return base + dt.timedelta(days=ahead)
    return base - dt.timedelta(days=back)


def month_day(ctx: Context, c: Candidate) -> Resolved:
    month = month_number(c.g("mon"))
    d1 = int(c.g("d1").rstrip("stndrh"))
    year = int(c.g("y")) if c.g("y") else None
    if d1 > 31 or (year and safe_date(year, month, d1) is None) or safe_date(2000, month, d1) is None:
        return invalid()
    if year is None:
        year = pick_year(ctx, c, month, d1, forward_when_present=True)
        if safe_date(year, month, d1) is None:
            return invalid()
    start = dt.date(year, month, d1)
    end_value = None
    if c.g("d2"):
        month2 = month_number(c.g("mon2")) if c.g("mon2") else month
        d2 = int(c.g("d2").rstrip("stndrh"))
        end = safe_date(year + (month2 < month), month2, d2)
        if end is None or end <= start:
            return invalid() if end is None else Resolved("DATE", day_value(start))
        end_value = day_value(end)
    if c.g("wd") and not c.g("d2") and WEEKDAYS[c.g("wd")] != start.weekday() and not c.g("y"):
        start = weekday_date(ctx, c, WEEKDAYS[c.g("wd")], None)  # the weekday outranks a clashing day number
    return Resolved("DATE", day_value(start), end_value, modifier(c.g("mod")))


def part_of_day(day: dt.date, part: str | None, default_type="DATE") -> Resolved:
    if part:
        return Resolved("TIME", f"{day_value(day)}T{PARTS_OF_DAY[part]}")
    return Resolved(default_type, day_value(day))


def unit_shift(d: dt.date, unit: str, n: int) -> str:
    """The value ``n`` (week, month, ...) units from ``d``, at the unit's own granularity."""
    if unit == "decade":
        return str(d.year // 10 + n)
    if unit == "century":
        return str(d.year // 100 + n)
    return shift(d, {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}[unit], n)


def week_of(d: dt.date) -> str:
    return week_value(d)


def month_of(d: dt.date) -> str:
    return month_value(d.year, d.month)
