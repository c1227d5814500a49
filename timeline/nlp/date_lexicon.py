"""Words that temporal expressions in English news are made of, and the regex pieces built from them."""

from __future__ import annotations

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12,
    "dozen": 12,
}  # fmt: skip
VAGUE_NUMBERS = ("several", "a few", "few", "many", "some", "numerous")
# unit -> (TIMEX3 duration letter, how many of it, is it a time-of-day unit)
UNITS = {
    "second": ("S", 1, True), "minute": ("M", 1, True), "hour": ("H", 1, True), "day": ("D", 1, False),
    "week": ("W", 1, False), "month": ("M", 1, False), "quarter": ("Q", 1, False),
    "year": ("Y", 1, False), "decade": ("Y", 10, False), "century": ("Y", 100, False),
}  # fmt: skip
HOLIDAYS = {
    "christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
    "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
    "halloween": (10, 31), "valentine's day": (2, 14), "veterans day": (11, 11),
}  # fmt: skip
PRESENT_WORDS = {"now", "currently", "current", "nowadays", "right now", "at present", "these days"}
PAST_WORDS = {"recently", "recent", "lately", "more recently", "until recently"}
FUTURE_WORDS = {"the future", "the near future", "the near term", "the short term", "the long term"}


def _alt(words) -> str:
    return "|".join(sorted((w.replace(" ", r"\s+") for w in words), key=len, reverse=True))


_FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_ABBR_MONTHS = [m for m in MONTHS if m not in _FULL_MONTHS]
# Month names are matched case-sensitively (capitalised) so "may" and "march" as words stay words.
_ABBR = _alt(m.capitalize() for m in _ABBR_MONTHS)
MONTH = (
    r"(?-i:(?:" + _alt(m.capitalize() for m in _FULL_MONTHS) + r"|(?:" + _ABBR
    + r")(?:\.|(?=\s+\d))|(?:" + _alt(m.upper() for m in _FULL_MONTHS) + r")))"
)  # fmt: skip
WEEKDAY = r"(?-i:(?:" + _alt(w.capitalize() for w in WEEKDAYS) + r"))"
SEASON = "(?:" + _alt(SEASONS) + ")"
PART = "(?:morning|afternoon|evening|night)"
NUMBER_WORD = (
    r"(?:\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\s](?:one|two|three|four"
    r"|five|six|seven|eight|nine)|" + _alt(list(NUMBERS) + list(VAGUE_NUMBERS)) + ")"
)
UNIT = r"(?:second|minute|hour|day|week|month|quarter|year|decade|centur(?:y|ie))"
DAY_NUM = r"(?:[12]\d|3[01]|0?[1-9]|[4-9]\d)(?:st|nd|rd|th)?"  # up to 99 so "March 40" is caught and flagged
YEAR = r"(?:1[6-9]\d\d|20\d\d)"


def number_value(word: str) -> int | None:
    """The integer a number word stands for, or None for vague ones ("several")."""
    w = " ".join(word.lower().replace("-", " ").split())
    if w in NUMBERS:
        return NUMBERS[w]
    if w.replace(".", "", 1).isdigit():
        return int(float(w)) if float(w) == int(float(w)) else None
    parts = w.split()
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]]
    return None


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]
