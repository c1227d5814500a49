"""Fills a PostgreSQL database with a large synthetic archive for the page benchmark.

Run with DATABASE_URL pointing at the database (``bench/run.py`` does): migrates it, then, unless it
already holds exactly the archive asked for, empties the timeline tables and bulk-creates

- articles from ~40 outlets with Zipf-like reach, published over ten years;
- actors (people, organisations, places) with Zipf-like popularity: a few appear everywhere;
- events dated over ten years with bursts (a story breaks, weeks of coverage follow), mostly to the
  day, some only to the week, month or year, a few undated; 1-5 sources each, from articles
  published on or after the event; 0-4 actors; a third in a storyline; some hidden or flagged.

Prints one JSON line with the counts and the time taken.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
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
from timeline.services.ranking import Evidence, choose_key_events, month_of  # noqa: E402


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
# The share of statements that react to a happening before them.
REACTION_SHARE = 0.6
TYPE_WEIGHTS = [30, 15, 10, 5, 10, 12, 10, 4, 4]
START, DAYS = dt.date(2015, 1, 1), 3652


def zipf_weights(n: int, s: float = 1.1) -> list[float]:
    return [1 / (rank**s) for rank in range(1, n + 1)]


def bursty_days(rng: random.Random, n: int) -> list[int]:
    """Day offsets: 40% spread evenly, 60% in bursts of coverage around 80 news stories."""
    centres = [rng.randrange(DAYS) for _ in range(80)]
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


def make_actors(rng: random.Random, n: int) -> list[Actor]:
    actors, names = [], set()
    while len(actors) < n:
        kind = rng.choices(["person", "organization", "place"], [60, 25, 15])[0]
        if kind == "person":
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        elif kind == "organization":
            name = f"{rng.choice(PLACES)} {rng.choice(LAST)} {rng.choice(ORGS)}"
        else:
            name = f"{rng.choice(PLACES)} {rng.choice(LAST)}grad"
        if name in names:
            name = f"{name} {len(actors)}"
        names.add(name)
        actors.append(Actor(name=name, kind=kind, slug=f"{slugify(name)[:80]}-{len(actors)}"))
    return actors


def fill(*, events: int, articles: int, actors: int, seed: int = 7) -> dict:
    rng = random.Random(seed)
    with transaction.atomic():
        with connection.cursor() as cursor:
            tables = [
                m._meta.db_table for m in (Event, EventSource, Article, Actor, ActorAlias, Source, Thread)
            ]
            cursor.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")

        sources = Source.objects.bulk_create(
            Source(name=f"The {place} {org} Times", slug=f"{place}-{org}-times".lower())
            for place in PLACES[:8]
            for org in ["Daily", "Evening", "Weekly", "Morning", "Sunday"]
        )
        source_weights = zipf_weights(len(sources))
        people = Actor.objects.bulk_create(make_actors(rng, actors), batch_size=2000)
        ActorAlias.objects.bulk_create(
            (ActorAlias(actor=a, name=a.name, normalized=normalize_name(a.name)) for a in people),
            batch_size=2000,
        )
        actor_weights = zipf_weights(len(people))
        threads = Thread.objects.bulk_create(
            Thread(slug=f"{topic}-story", name=f"The {topic} story", keywords=[topic]) for topic in TOPICS
        )

        published = sorted(START + dt.timedelta(days=d) for d in bursty_days(rng, articles))
        stored_articles = []
        for i, day in enumerate(published):
            topic = rng.choice(TOPICS)
            title = f"{rng.choice(people).name} and the {topic} question, day {i}"
            body = " ".join(
                f"Paragraph {p} of article {i} on {topic}: {rng.choice(people).name} spoke about it."
                for p in range(12)
            )
            stored_articles.append(
                Article(
                    title=title,
                    slug=f"{slugify(title)[:60]}-{i}",
                    source=rng.choices(sources, source_weights)[0],
                    published=day,
                    body=body,
                    content_hash=body_hash(body),
                    file_name=f"{i:05}_{topic}.txt",
                )
            )
        stored_articles = Article.objects.bulk_create(stored_articles, batch_size=2000)

        days = bursty_days(rng, events)
        types = list(VERBS)
        event_rows, plans = [], []
        for day_offset in days:
            day = START + dt.timedelta(days=day_offset)
            precision = rng.choices(["day", "week", "month", "year", None], [70, 5, 15, 5, 5])[0]
            date_start, date_end = span(day, precision)
            event_type = rng.choices(types, TYPE_WEIGHTS)[0]
            cast = list(
                {
                    a.pk: a
                    for a in rng.choices(
                        people, actor_weights, k=rng.choices([0, 1, 2, 3, 4], [8, 45, 30, 12, 5])[0]
                    )
                }.values()
            )
            topic = rng.choice(TOPICS)
            who = cast[0].name if cast else "Officials"
            title = f"{who} {rng.choice(VERBS[event_type])} {topic}"
            flags = ["undated"] if precision is None else (["date_conflict"] if rng.random() < 0.05 else [])
            status = rng.choices(["auto", "verified", "hidden"], [93, 5, 2])[0]
            lo = bisect.bisect_left(published, day)
            hi = bisect.bisect_right(published, day + dt.timedelta(days=14))
            pool = stored_articles[lo:hi] or stored_articles[-50:]
            reporting = rng.sample(pool, min(len(pool), rng.choices([1, 2, 3, 4, 5], [50, 25, 13, 8, 4])[0]))
            event_rows.append(
                Event(
                    title=title,
                    summary=f"{title}, reports said on {day:%d %B %Y}; the {topic} dispute continues.",
                    date_start=date_start,
                    date_end=date_end,
                    precision=precision,
                    event_type=event_type,
                    status=status,
                    flags=flags,
                    importance=Evidence(
                        outlets=len({a.source_id for a in reporting}),
                        articles=len(reporting),
                        reactions=0,
                        kind=event_type,
                    ).importance,
                )
            )
            plans.append((day, cast, topic, reporting))
        stored_events = Event.objects.bulk_create(event_rows, batch_size=5000)

        offsets: dict[int, int] = {}
        source_rows, actor_links, thread_links = [], [], []
        thread_by_topic = {t.keywords[0]: t for t in threads}
        for event, (day, cast, topic, reporting) in zip(stored_events, plans, strict=True):
            for article in reporting:
                start = offsets.get(article.pk, 0)
                offsets[article.pk] = start + 120
                source_rows.append(
                    EventSource(
                        event=event,
                        article=article,
                        sentence=event.summary,
                        start=start,
                        end=start + 110,
                        title=event.title,
                        temporal_expression=f"{day:%B %d}",
                        temporal_value=day.isoformat(),
                        date_start=event.date_start,
                        date_end=event.date_end,
                        precision=event.precision,
                    )
                )
            actor_links += [Event.actors.through(event_id=event.pk, actor_id=a.pk) for a in cast]
            if rng.random() < 0.35:
                thread_links.append(
                    Event.threads.through(event_id=event.pk, thread_id=thread_by_topic[topic].pk)
                )
        EventSource.objects.bulk_create(source_rows, batch_size=5000)
        # Statements react to a happening of the days before them, as imports link them; importance
        # from the evidence, and the key events of every month, as imports keep them.
        reactions, happenings = [], []
        for event in stored_events:
            if event.date_start is None:
                continue
            if event.event_type == "statement" and happenings and rng.random() < REACTION_SHARE:
                target = happenings[-1 - rng.randrange(min(len(happenings), 50))]
                event.reaction_to_id = target.pk
                reactions.append(event)
            elif event.event_type != "statement":
                happenings.append(event)
        Event.objects.bulk_update(reactions, ["reaction_to"], batch_size=5000)
        choose_key_events({month_of(e.date_start) for e in stored_events})
        Event.actors.through.objects.bulk_create(actor_links, batch_size=10000)
        Event.threads.through.objects.bulk_create(thread_links, batch_size=10000)
    # What autovacuum does to a live archive: statistics, and a visibility map, without which no
    # index-only scan can serve the timeline's counts. (VACUUM runs outside a transaction, as here.)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--actors", type=int, default=2_000)
    parser.add_argument("--refill", action="store_true", help="refill even when the counts already match")
    args = parser.parse_args()
    started = time.perf_counter()
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
