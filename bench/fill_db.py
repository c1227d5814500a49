"""Fills a PostgreSQL database with a large synthetic archive for the page benchmark.

Run with DATABASE_URL pointing at a PostgreSQL database (``bench/run.py`` does, from
BENCH_DATABASE_URL): migrates it, then, unless it already holds exactly the archive asked for (the
same numbers of events, articles and actors, and key events chosen), empties the timeline tables and
loads

- articles from ~40 outlets with Zipf-like reach, published over ten years, in bursts around the
  days of the stories the events tell;
- actors (people, organisations, places) with Zipf-like popularity: a few appear everywhere;
- events dated over ten years with bursts (a story breaks, weeks of coverage follow), mostly to the
  day, some only to the week, month or year, a few undated; 1-5 sources each, from articles
  published on or after the event; 0-4 actors; a third in a storyline; some hidden or flagged;
  most statements react to a happening of the days before them.

Rows are drawn into compact arrays, then streamed to PostgreSQL with COPY, one statement a table,
ids given, in one transaction with the database's triggers and foreign key checks off. Then the key
events of every month are chosen as imports choose them, the tables the triggers keep (search
documents, weekly counts) are rebuilt in bulk, and VACUUM ANALYZE runs. 1,000,000 events take a few
minutes.

Prints one JSON line with the counts, whether the archive was reused, and the seconds taken; the
time of each step goes to stderr.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import json
import os
import random
import sys
import time
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import OperationalError, connection, transaction  # noqa: E402
from django.utils.text import slugify  # noqa: E402

from timeline.files import body_hash  # noqa: E402
from timeline.models import (  # noqa: E402
    Actor,
    ActorAlias,
    Article,
    Event,
    EventSource,
    Source,
    Thread,
    normalize_name,
)
from timeline.services.ranking import Evidence, choose_key_events, month_of, prominence  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/bench_newsroom"


def words(text: str) -> list[str]:
    return text.split()


FIRST = words(
    "Anna Boris Carla David Elena Farid Grace Hiro Ines Jonas Kira Luis Maya Nikos Olga Pavel Rosa Sami"
)
LAST = words(
    "Ahmed Berg Costa Dubois Eriksen Fischer Garcia Haddad Ivanova Jensen Kowalski Lopez Moreau Novak"
)
ORGS = words("Ministry Council Bank Agency Union Court Army Party Commission Fund Institute Alliance")
PLACES = words("North South East West Upper Lower New Port Lake River Mount Saint")
TOPICS = words(
    "sanctions grain exports ceasefire elections pipeline tariffs refugees vaccine drought budget "
    "strike protest summit treaty inflation satellite border talks reactor harbour railway"
)
VERBS = {
    "statement": ["says", "warns", "denies", "insists"],
    "meeting": ["meets", "visits", "hosts"],
    "military": ["shells", "deploys troops near", "withdraws from"],
    "attack": ["attacks", "bombs"],
    "agreement": ["signs deal on", "pledges aid for"],
    "announcement": ["announces", "unveils"],
    "decision": ["approves", "rejects", "suspends"],
    "legal": ["sues over", "charges officials over"],
    "other": ["faces questions over", "reports on"],
}
TYPES = list(VERBS)
STATEMENT = TYPES.index("statement")
# The share of statements that react to a happening before them.
REACTION_SHARE = 0.6
TYPE_WEIGHTS = [30, 15, 10, 5, 10, 12, 10, 4, 4]
START, DAYS = dt.date(2015, 1, 1), 3652

# Weighted draws take cumulative weights computed once: ``rng.choices(pop, cum_weights=list(
# accumulate(w)))`` draws exactly what ``rng.choices(pop, w)`` does, without summing the weights
# again at every draw (20,000 of them for the actors of a large archive).
PRECISIONS = ["day", "week", "month", "year", None]
UNDATED = PRECISIONS.index(None)
PRECISION_CUM = list(itertools.accumulate([70, 5, 15, 5, 5]))
TYPE_CUM = list(itertools.accumulate(TYPE_WEIGHTS))
CAST_SIZES, CAST_CUM = [0, 1, 2, 3, 4], list(itertools.accumulate([8, 45, 30, 12, 5]))
STATUSES, STATUS_CUM = ["auto", "verified", "hidden"], list(itertools.accumulate([93, 5, 2]))
REPORTS, REPORTS_CUM = [1, 2, 3, 4, 5], list(itertools.accumulate([50, 25, 13, 8, 4]))
KINDS, KIND_CUM = ["person", "organization", "place"], list(itertools.accumulate([60, 25, 15]))

NULL = "\\N"  # COPY's text format: NULL; tabs separate columns, a newline ends a row


def zipf_weights(n: int, s: float = 1.1) -> list[float]:
    return [1 / (rank**s) for rank in range(1, n + 1)]


def story_days(rng: random.Random) -> list[int]:
    """The days of 80 news stories, around which coverage comes in bursts."""
    return [rng.randrange(DAYS) for _ in range(80)]


def bursty_days(rng: random.Random, n: int, centres: list[int]) -> list[int]:
    """Day offsets: 40% spread evenly, 60% in bursts of coverage around the stories' ``centres``
    (the same for events and articles: a story's happenings are reported when they happen)."""
    burst_weights = zipf_weights(len(centres), 0.8)
    days = []
    for _ in range(n):
        if rng.random() < 0.4:
            days.append(rng.randrange(DAYS))
        else:
            centre = rng.choices(centres, burst_weights)[0]
            days.append(min(DAYS - 1, max(0, int(centre + abs(rng.gauss(0, 12)) - 3))))
    return days


def span(day: dt.date, precision: str | None) -> tuple[dt.date | None, dt.date | None]:
    if precision is None:
        return None, None
    if precision == "week":
        start = day - dt.timedelta(days=day.weekday())
        return start, start + dt.timedelta(days=6)
    if precision == "month":
        start = day.replace(day=1)
        return start, (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    if precision == "year":
        return day.replace(month=1, day=1), day.replace(month=12, day=31)
    return day, day


@cache
def dated(day_offset: int, precision: int) -> tuple[str, str, str]:
    """An event's date_start, date_end and precision as COPY text, from its day and precision."""
    start, end = span(START + dt.timedelta(days=day_offset), PRECISIONS[precision])
    if start is None:
        return NULL, NULL, NULL
    return start.isoformat(), end.isoformat(), PRECISIONS[precision]


@cache
def day_text(day_offset: int) -> tuple[str, str, str]:
    """A day as a summary ("05 March 2019"), a temporal expression ("March 05") and an ISO value."""
    day = START + dt.timedelta(days=day_offset)
    return f"{day:%d %B %Y}", f"{day:%B %d}", day.isoformat()


def text(value: str) -> str:
    """``value`` escaped for COPY's text format (the generated words need it rarely, if ever)."""
    if "\\" in value or "\t" in value or "\n" in value or "\r" in value:
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return value


def copy_value(value) -> str:
    if value is None:
        return NULL
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, list | dict):
        return text(json.dumps(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return text(str(value))


def copy_rows(cursor, model, columns: list[str], rows: Iterable[str]) -> int:
    """COPYs ``rows`` into ``model``'s table: each row the tab-separated text of ``columns``, in
    that order. Every other NOT NULL column of the model gets its default (the time of the load for
    ``auto_now`` fields), so a column a migration adds with a default needs nothing here; one
    without a default stops the load, naming it. Returns the number of rows."""
    now = dt.datetime.now(dt.UTC)
    rest, defaults = [], []
    for field in model._meta.concrete_fields:
        if field.column in columns or field.null:
            continue
        auto = getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
        value = now if auto else field.get_default()  # "" for a text field without a default
        if value is None:
            raise SystemExit(f"fill_db.py gives no value for {model._meta.db_table}.{field.column}")
        rest.append(field.column)
        defaults.append(copy_value(value))
    tail = "".join("\t" + value for value in defaults) + "\n"
    names = ", ".join(connection.ops.quote_name(c) for c in columns + rest)
    # FREEZE: the rows are written already frozen (the table was emptied in this transaction), so
    # VACUUM afterwards has little to do on the tables nothing updates.
    statement = f"COPY {model._meta.db_table} ({names}) FROM STDIN WITH (FREEZE)"
    written, batch = 0, []
    with cursor.copy(statement) as copy:
        for row in rows:
            batch.append(row + tail)
            if len(batch) == 10_000:
                copy.write("".join(batch))
                written += len(batch)
                batch.clear()
        copy.write("".join(batch))
    return written + len(batch)


def make_actors(rng: random.Random, n: int) -> list[tuple[str, str, str]]:
    """(name, kind, slug) of ``n`` actors with distinct names."""
    actors, names = [], set()
    while len(actors) < n:
        kind = rng.choices(KINDS, cum_weights=KIND_CUM)[0]
        if kind == "person":
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        elif kind == "organization":
            name = f"{rng.choice(PLACES)} {rng.choice(LAST)} {rng.choice(ORGS)}"
        else:
            name = f"{rng.choice(PLACES)} {rng.choice(LAST)}grad"
        if name in names:
            name = f"{name} {len(actors)}"
        names.add(name)
        actors.append((name, kind, f"{slugify(name)[:80]}-{len(actors)}"))
    return actors


class Plan:
    """The events drawn, one slot of small arrays per event (event ``i`` gets id ``i + 1``), instead
    of a million model instances: day, precision, type, topic, verb, status, a date conflict; the
    actors and reporting articles (0-based indexes) as flat arrays cut by end offsets; then the
    storyline links and the happening each reaction is about (an event id, 0 for none)."""

    def __init__(self) -> None:
        self.day, self.precision = array("H"), array("B")
        self.type, self.topic, self.verb, self.status = array("B"), array("B"), array("B"), array("B")
        self.conflict = bytearray()
        self.cast, self.cast_end = array("i"), array("q")
        self.reporting, self.reporting_end = array("i"), array("q")
        self.in_thread = bytearray()
        self.reaction_to = array("i")

    def __len__(self) -> int:
        return len(self.day)

    def cast_of(self, i: int):
        return self.cast[self.cast_end[i - 1] if i else 0 : self.cast_end[i]]

    def reporting_of(self, i: int):
        return self.reporting[self.reporting_end[i - 1] if i else 0 : self.reporting_end[i]]


def draw_events(
    rng: random.Random, n: int, *, published: list[int], actor_cum: list[float], stories: list[int]
) -> Plan:
    """Draws the events, their storylines and reactions, in the order of draws the archive has
    always been generated with (so a seed gives the same archive): every event first, then whether
    each is in a storyline, then the reactions."""
    plan = Plan()
    actor_ids = range(len(actor_cum))
    articles = len(published)
    latest = bisect.bisect_left(published, published[-1] - 14) if published else 0
    for day_offset in bursty_days(rng, n, stories):
        precision = rng.choices(range(len(PRECISIONS)), cum_weights=PRECISION_CUM)[0]
        event_type = rng.choices(range(len(TYPES)), cum_weights=TYPE_CUM)[0]
        size = rng.choices(CAST_SIZES, cum_weights=CAST_CUM)[0]
        # each actor once, in the order first drawn
        plan.cast.extend(dict.fromkeys(rng.choices(actor_ids, cum_weights=actor_cum, k=size)))
        plan.cast_end.append(len(plan.cast))
        plan.topic.append(rng.choice(range(len(TOPICS))))
        plan.verb.append(rng.choice(range(len(VERBS[TYPES[event_type]]))))
        plan.conflict.append(precision != UNDATED and rng.random() < 0.05)
        plan.status.append(rng.choices(range(len(STATUSES)), cum_weights=STATUS_CUM)[0])
        # articles published on the day or in the two weeks after it, else (an event after the last
        # article) those of the last article's fortnight, so that the newest articles carry as many
        # reports as the others whatever the archive's size
        lo = bisect.bisect_left(published, day_offset)
        hi = bisect.bisect_right(published, day_offset + 14)
        pool = range(lo, hi) if hi > lo else range(latest, articles)
        wanted = rng.choices(REPORTS, cum_weights=REPORTS_CUM)[0]
        plan.reporting.extend(rng.sample(pool, min(len(pool), wanted)))
        plan.reporting_end.append(len(plan.reporting))
        plan.day.append(day_offset)
        plan.precision.append(precision)
        plan.type.append(event_type)
    plan.in_thread = bytearray(rng.random() < 0.35 for _ in range(n))
    # Statements react to a happening of the days before them (one of the 50 dated happenings
    # generated last), as imports link them.
    plan.reaction_to = array("i", bytes(4 * n))
    happenings = array("i")
    for i in range(n):
        if plan.precision[i] == UNDATED:
            continue
        if plan.type[i] == STATEMENT and happenings and rng.random() < REACTION_SHARE:
            plan.reaction_to[i] = happenings[-1 - rng.randrange(min(len(happenings), 50))]
        elif plan.type[i] != STATEMENT:
            happenings.append(i + 1)
    return plan


@cache
def importance(outlets: int, articles: int, reactions: int, event_type: int, named: float) -> float:
    """From the evidence the archive holds for an event: its outlets, its articles, its visible
    reactions, its kind and the prominence of its most prominent actor."""
    return Evidence(
        outlets=outlets, articles=articles, reactions=reactions, kind=TYPES[event_type], prominence=named
    ).importance


def actor_prominence(plan: Plan, actors: int) -> list[float]:
    """Each actor's prominence (``ranking.prominence``), from the events naming it."""
    named = [0] * actors
    for actor in plan.cast:
        named[actor] += 1
    return [prominence(n) for n in named]


def wording(plan: Plan, i: int, names: list[str]) -> tuple[str, str]:
    """Event ``i``'s title and summary (its sources' title and sentence), escaped for COPY."""
    cast, topic = plan.cast_of(i), TOPICS[plan.topic[i]]
    title = f"{names[cast[0]] if cast else 'Officials'} {VERBS[TYPES[plan.type[i]]][plan.verb[i]]} {topic}"
    summary = f"{title}, reports said on {day_text(plan.day[i])[0]}; the {topic} dispute continues."
    return text(title), text(summary)


def event_rows(plan: Plan, names: list[str], article_source: array, weights: list[float]) -> Iterator[str]:
    """id, title, summary, date_start, date_end, precision, event_type, status, flags, importance,
    reaction_to_id (``weights``: each actor's prominence)."""
    hidden = STATUSES.index("hidden")
    reactions = Counter(
        pk for pk, status in zip(plan.reaction_to, plan.status, strict=True) if pk and status != hidden
    )
    for i in range(len(plan)):
        title, summary = wording(plan, i, names)
        start, end, precision = dated(plan.day[i], plan.precision[i])
        flags = '["undated"]' if precision == NULL else '["date_conflict"]' if plan.conflict[i] else "[]"
        reporting = plan.reporting_of(i)
        outlets = len({article_source[a] for a in reporting})
        named = max((weights[a] for a in plan.cast_of(i)), default=0.0)
        weight = importance(outlets, len(reporting), reactions[i + 1], plan.type[i], named)
        yield (
            f"{i + 1}\t{title}\t{summary}\t{start}\t{end}\t{precision}\t{TYPES[plan.type[i]]}"
            f"\t{STATUSES[plan.status[i]]}\t{flags}\t{weight}"
            f"\t{plan.reaction_to[i] or NULL}"
        )


def source_rows(plan: Plan, names: list[str], articles: int) -> Iterator[str]:
    """id, event_id, article_id, sentence, start, end, title, temporal_expression, temporal_value,
    date_start, date_end, precision: each report of an event, at the next free place of its article."""
    offsets = array("i", bytes(4 * articles))
    source_id = 0
    for i in range(len(plan)):
        title, sentence = wording(plan, i, names)
        _, expression, value = day_text(plan.day[i])
        start, end, precision = dated(plan.day[i], plan.precision[i])
        for article in plan.reporting_of(i):
            at = offsets[article]
            offsets[article] = at + 120
            source_id += 1
            yield (
                f"{source_id}\t{i + 1}\t{article + 1}\t{sentence}\t{at}\t{at + 110}\t{title}"
                f"\t{expression}\t{value}\t{start}\t{end}\t{precision}"
            )


def actor_link_rows(plan: Plan) -> Iterator[str]:
    link_id = 0
    for i in range(len(plan)):
        for actor in plan.cast_of(i):
            link_id += 1
            yield f"{link_id}\t{i + 1}\t{actor + 1}"


def thread_link_rows(plan: Plan) -> Iterator[str]:
    link_id = 0
    for i in range(len(plan)):
        if plan.in_thread[i]:
            link_id += 1
            yield f"{link_id}\t{i + 1}\t{plan.topic[i] + 1}"


class Steps:
    """Reports the time of each step on stderr."""

    def __init__(self) -> None:
        self.last = time.perf_counter()

    def done(self, step: str) -> None:
        now = time.perf_counter()
        print(f"fill_db: {step} {now - self.last:.1f} s", file=sys.stderr, flush=True)
        self.last = now


def fill(*, events: int, articles: int, actors: int, seed: int = 7) -> dict:
    rng = random.Random(seed)
    steps = Steps()
    m2m_actors, m2m_threads = Event.actors.through, Event.threads.through
    loaded = [Source, Thread, Actor, ActorAlias, Article, Event, EventSource, m2m_actors, m2m_threads]
    with transaction.atomic(), connection.cursor() as cursor:
        raw = cursor.connection.cursor()  # psycopg's own cursor, for COPY
        # Off for this transaction: the triggers that keep derived tables (rebuilt in bulk below)
        # and the foreign key checks (the generator's ids are consistent by construction).
        cursor.execute("SET LOCAL session_replication_role = replica")
        # (CASCADE: and what refers to them, such as corrections and queued imports' articles)
        cursor.execute(f"TRUNCATE {', '.join(m._meta.db_table for m in loaded)} RESTART IDENTITY CASCADE")

        outlets = [
            (place, org)
            for place in PLACES[:8]
            for org in ["Daily", "Evening", "Weekly", "Morning", "Sunday"]
        ]
        copy_rows(
            raw,
            Source,
            ["id", "name", "slug"],
            (f"{i}\tThe {p} {o} Times\t{p.lower()}-{o.lower()}-times" for i, (p, o) in enumerate(outlets, 1)),
        )
        source_cum = list(itertools.accumulate(zipf_weights(len(outlets))))
        copy_rows(
            raw,
            Thread,
            ["id", "slug", "name", "keywords"],
            (f"{i}\t{t}-story\tThe {t} story\t{copy_value([t])}" for i, t in enumerate(TOPICS, 1)),
        )
        people = make_actors(rng, actors)
        names = [name for name, _, _ in people]
        copy_rows(
            raw,
            Actor,
            ["id", "name", "slug", "kind"],
            (f"{i}\t{text(name)}\t{slug}\t{kind}" for i, (name, kind, slug) in enumerate(people, 1)),
        )
        copy_rows(
            raw,
            ActorAlias,
            ["id", "actor_id", "name", "normalized"],
            (f"{i}\t{i}\t{text(name)}\t{text(normalize_name(name))}" for i, name in enumerate(names, 1)),
        )
        actor_cum = list(itertools.accumulate(zipf_weights(len(people))))
        steps.done(f"{actors:,} actors")

        # Articles, oldest first, streamed to the database as they are drawn.
        stories = story_days(rng)
        published = sorted(bursty_days(rng, articles, stories))
        article_source = array("B")

        def article_rows() -> Iterator[str]:
            for i, day_offset in enumerate(published):
                topic = rng.choice(TOPICS)
                title = f"{rng.choice(names)} and the {topic} question, day {i}"
                body = " ".join(
                    f"Paragraph {p} of article {i} on {topic}: {rng.choice(names)} spoke about it."
                    for p in range(12)
                )
                source = rng.choices(range(len(outlets)), cum_weights=source_cum)[0]
                article_source.append(source)
                yield (
                    f"{i + 1}\t{text(title)}\t{slugify(title)[:60]}-{i}\t{source + 1}"
                    f"\t{day_text(day_offset)[2]}\t{text(body)}\t{body_hash(body)}\t{i:05}_{topic}.txt"
                )

        copy_rows(
            raw,
            Article,
            ["id", "title", "slug", "source_id", "published", "body", "content_hash", "file_name"],
            article_rows(),
        )
        steps.done(f"{articles:,} articles")

        plan = draw_events(rng, events, published=published, actor_cum=actor_cum, stories=stories)
        weights = actor_prominence(plan, len(people))
        raw.execute(
            "UPDATE timeline_actor SET prominence = weights.p"
            " FROM unnest(%s::int[], %s::float8[]) AS weights(id, p) WHERE timeline_actor.id = weights.id",
            (list(range(1, len(people) + 1)), weights),
        )
        steps.done(f"{events:,} events drawn")
        copy_rows(
            raw,
            Event,
            [
                "id", "title", "summary", "date_start", "date_end", "precision", "event_type", "status",
                "flags", "importance", "reaction_to_id",
            ],
            event_rows(plan, names, article_source, weights),
        )  # fmt: skip
        steps.done("events copied")
        sources = copy_rows(
            raw,
            EventSource,
            [
                "id", "event_id", "article_id", "sentence", "start", "end", "title", "temporal_expression",
                "temporal_value", "date_start", "date_end", "precision",
            ],
            source_rows(plan, names, articles),
        )  # fmt: skip
        steps.done(f"{sources:,} sources copied")
        links = copy_rows(raw, m2m_actors, ["id", "event_id", "actor_id"], actor_link_rows(plan))
        copy_rows(raw, m2m_threads, ["id", "event_id", "thread_id"], thread_link_rows(plan))
        steps.done(f"{links:,} actor links and the storyline links copied")

        # Ids were given: each sequence continues after the largest.
        for model in loaded:
            table = model._meta.db_table
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence(%s, 'id'), coalesce(max(id), 0) + 1, false) "
                f"FROM {table}",
                [table],
            )
        # Statistics for the queries choosing the key events (VACUUM cannot run in a transaction).
        cursor.execute(f"ANALYZE {', '.join(m._meta.db_table for m in loaded)}")
        steps.done("sequences and ANALYZE")

        # The key events of every month, as imports choose them, over the archive as loaded.
        months = {
            month_of(span(START + dt.timedelta(days=d), PRECISIONS[p])[0])
            for d, p in set(zip(plan.day, plan.precision, strict=True))
        }
        del plan
        choose_key_events(sorted(months, key=lambda m: (m is None, m or dt.date.min)))
        steps.done(f"key events of {len(months)} months")

        # The tables the triggers would have kept, rebuilt in bulk. (Still in replica mode: rewriting
        # rows this transaction wrote would otherwise queue a foreign key check for each of them.)
        try:
            from timeline.summaries import rebuild_all
        except ImportError:
            pass  # a schema without derived tables
        else:
            rebuild_all()
            steps.done("search documents, search words and weekly counts rebuilt")
    # What autovacuum does to a live archive: statistics, and a visibility map, without which no
    # index-only scan can serve the timeline's counts. (VACUUM runs outside a transaction, as here.)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    steps.done("VACUUM ANALYZE")
    return counts()


def counts() -> dict:
    return {
        "events": Event.objects.count(),
        "articles": Article.objects.count(),
        "actors": Actor.objects.count(),
        "event_sources": EventSource.objects.count(),
        "event_actor_links": Event.actors.through.objects.count(),
        "key_events": Event.objects.filter(key=True).count(),
    }


def require_postgresql() -> None:
    """Stops with what to do unless DATABASE_URL names a PostgreSQL server that answers."""
    how = (
        "bench/fill_db.py needs PostgreSQL: set DATABASE_URL=postgres://USER@HOST:PORT/NAME "
        f"(bench/run.py sets it from BENCH_DATABASE_URL, default {DEFAULT_URL}, and creates the database)"
    )
    if connection.vendor != "postgresql":
        raise SystemExit(f"{how}; DATABASE_URL is {os.environ.get('DATABASE_URL', 'unset (SQLite)')}")
    try:
        connection.ensure_connection()
    except OperationalError as error:
        raise SystemExit(f"{how}; could not connect: {str(error).strip()}") from None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--actors", type=int, default=2_000)
    parser.add_argument("--refill", action="store_true", help="refill even when the counts already match")
    args = parser.parse_args()
    started = time.perf_counter()
    require_postgresql()
    call_command("migrate", verbosity=0)
    now = counts()
    wanted = {"events": args.events, "articles": args.articles, "actors": args.actors}
    # an archive filled before events were ranked has no key events: filled again
    reused = not args.refill and all(now[k] == v for k, v in wanted.items()) and now["key_events"] > 0
    if not reused:
        now = fill(**wanted)
    print(json.dumps({**now, "reused": reused, "seconds": round(time.perf_counter() - started, 1)}))


if __name__ == "__main__":
    main()
