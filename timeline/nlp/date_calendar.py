"""Calendar arithmetic on TIMEX3 values: formatting, shifting, and turning values into day intervals."""

from __future__ import annotations

import calendar
import datetime as dt
import re

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def day_value(d: dt.date) -> str:
    return d.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + n
    return index // 12, index % 12 + 1


def add_quarters(year: int, quarter: int, n: int) -> tuple[int, int]:
    index = year * 4 + quarter - 1 + n
    return index // 4, index % 4 + 1


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def shift(d: dt.date, unit: str, n: int) -> str:
    """The value ``n`` units away from ``d`` at that unit's granularity ("W" -> an ISO week)."""
    if unit == "D":
        return day_value(d + dt.timedelta(days=n))
    if unit == "W":
        return week_value(d + dt.timedelta(weeks=n))
    if unit == "M":
        return month_value(*add_months(d.year, d.month, n))
    if unit == "Q":
        y, q = add_quarters(d.year, quarter_of(d), n)
        return f"{y:04d}-Q{q}"
    if unit == "Y":
        return f"{d.year + n:04d}"
    return f"{d.year + n:04d}"[:3]  # decades: n is already in years


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th given weekday of a month (n = -1 for the last one)."""
    days = [
        d
        for d in range(1, calendar.monthrange(year, month)[1] + 1)
        if dt.date(year, month, d).weekday() == weekday
    ]
    return dt.date(year, month, days[n if n < 0 else n - 1])


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return dt.date(year, month, day + 1)


def value_start(value: str) -> dt.date | None:
    """First day of a calendar value, used to track the date last mentioned."""
    span = timex_interval(value)
    return span[0] if span else None


def timex_interval(value: str | None) -> tuple[dt.date, dt.date, str] | None:
    """A TIMEX3 calendar value as (first day, last day, precision); None for durations, sets, refs.

    Precision is ``day``, ``week``, ``month`` or ``year`` (quarters and halves count as month spans;
    seasons, decades and centuries as year spans, since their edges are fuzzy).
    """
    if not value:
        return None
    value = value.split("T", 1)[0]
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
            d = dt.date(*map(int, m.groups()))
            return d, d, "day"
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value):
            start = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return start + dt.timedelta(days=5), start + dt.timedelta(days=6), "day"
            return start, start + dt.timedelta(days=6), "week"
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            y, mo = int(m[1]), int(m[2])
            return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1]), "month"
        if m := re.fullmatch(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)", value):
            y, part = int(m[1]), m[2]
            if part[0] == "Q":
                first, last = 3 * int(part[1]) - 2, 3 * int(part[1])
            elif part[0] == "H":
                first, last = 6 * int(part[1]) - 5, 6 * int(part[1])
            else:
                first, last = SEASON_MONTHS[part]
            end_year = y + 1 if last < first else y
            precision = "year" if part[0] not in "QH" else "month"
            return (
                dt.date(y, first, 1),
                dt.date(end_year, last, calendar.monthrange(end_year, last)[1]),
                precision,
            )
        if m := re.fullmatch(r"(\d{1,4})X*", value):
            digits = m[1]
            width = 10 ** (4 - len(digits))
            start = int(digits) * width
            return dt.date(max(start, 1), 1, 1), dt.date(start + width - 1, 12, 31), "year"
    except ValueError:
        return None
    return None
