"""The density strip: events per week over the whole span of the events shown, as an inline SVG
whose bars link to their week."""

from __future__ import annotations

import datetime as dt

from django.utils.dates import MONTHS
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# The strip's drawing sizes, in SVG units; the stylesheet stretches the drawing to the page's width.
COLUMN = 10  # the width given to each week
BAR = 8  # the width of a week's bar, leaving a gap between weeks
TALLEST = 40  # the busiest week's bar
SHORTEST = 2  # a week with one event among busy ones still shows
BASELINE = 43  # where the bars stand
HEIGHT = 44  # the drawing's height: the bars and the axis half a unit below them


def density(weeks: dict) -> dict:
    """Events per week over the whole span of ``weekly_counts``, as bars and the sizes of the drawing."""
    counts = {week: n for week, n in weeks.items() if week is not None}
    if not counts:
        return {"bars": [], "weeks": 0}
    first, last = min(counts), max(counts)
    weeks = (last - first).days // 7 + 1
    tallest = max(counts.values())
    bars = []
    for i in range(weeks):
        week = first + dt.timedelta(weeks=i)
        n = counts.get(week, 0)
        height = round(max(SHORTEST, TALLEST * n / tallest), 1) if n else 0
        bars.append(
            {
                "x": i * COLUMN,
                "n": n,
                "height": height,
                "top": BASELINE - height,
                "start": week,
                "end": week + dt.timedelta(6),
            }
        )
    return {
        "bars": bars,
        "weeks": weeks,
        "first": first,
        "last": first + dt.timedelta(weeks=weeks) - dt.timedelta(1),
        "width": weeks * COLUMN,
        "height": HEIGHT,
        "axis": BASELINE + 0.5,
    }


def draw_bars(bars, params) -> SafeString:
    """The strip's bars: a link to its week around each week that has events; ``params`` are the
    page's other filters (a QueryDict without ``page``), which each link keeps. Written in Python
    rather than in a template loop: the strip of a ten-year archive has over 500 bars, and a loop of
    tags and filters would take most of the page's time."""
    params = params.copy()
    # The query string is the same for every bar but for the two dates, which need no quoting.
    params["from"], params["to"] = "FROM", "TO"
    fields = {"from=FROM": "from={0}", "to=TO": "to={1}"}
    query = "&".join(
        fields.get(f, f.replace("{", "{{").replace("}", "}}")) for f in params.urlencode().split("&")
    )
    query = escape(f"?{query}")
    # Translated once here: a lazy month name would be translated again for every bar.
    months = {n: escape(str(name)) for n, name in MONTHS.items()}
    out = []
    for bar in bars:
        n, start = bar["n"], bar["start"]
        if not n:
            continue
        href = query.format(start.isoformat(), bar["end"].isoformat())
        label = f"Week of {start.day} {months[start.month]} {start.year}: {n} event{'' if n == 1 else 's'}"
        out.append(
            f'\n      <a href="{href}" hx-get="{href}" aria-label="{label}">\n'
            f'        <rect x="{bar["x"]}" y="{bar["top"]}" width="{BAR}" height="{bar["height"]}">'
            f"<title>{label}</title></rect>\n      </a>"
        )
    return mark_safe("".join(out))
