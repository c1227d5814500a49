"""Page latency over HTTP (gunicorn, production settings) and the queries each page makes.

Run with DATABASE_URL and the production variables set (``bench/run.py`` does). Picks real values
from the database for the parameterised pages, counts each page's queries in-process, then serves
the site with gunicorn and times ``--requests`` sequential GETs per page; with ``--against URL``,
another archive's pages too, served beside it, its requests and this one's alternating. Prints one
JSON line.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Count, Exists, OuterRef  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from timeline.models import Actor, Article, Event  # noqa: E402
from timeline.views import PAGE_SIZE  # noqa: E402

VIEWS = {"key": Event.objects.visible().key(), "all": Event.objects.visible()}


def pages() -> dict[str, str]:
    """The pages to time, named as the issue names them, with values that exist in this database."""
    actor = Actor.objects.annotate(n=Count("events")).order_by("-n").first()
    # the most reported event that drew reactions (its page lists them), else the most reported
    reported = Event.objects.visible().annotate(n=Count("sources")).order_by("-n", "id")
    reacted = Exists(Event.objects.visible().filter(reaction_to=OuterRef("pk")))
    busiest = reported.filter(reacted).first() or reported.first()
    dated = Event.objects.visible().exclude(date_start=None).order_by("date_start")
    middle = dated[dated.count() // 2].date_start
    article = Article.objects.filter(event_sources__isnull=False).order_by("id").first()
    word = "sanctions" if Event.objects.filter(title__icontains="sanctions").exists() else "said"
    # the last page of 25 events in each view (the very last holds what is left over, a different
    # number of events in each archive), so that a deep page shows as much as the first
    last_full = {view: max(1, events.count() // PAGE_SIZE) for view, events in VIEWS.items()}
    return {
        "/": "/",
        "/?actor=…": f"/?actor={actor.slug}",
        "/?q=…": f"/?q={word}",
        "/?from=…&to=…": f"/?from={middle.replace(day=1)}&to={middle.replace(day=28)}",
        "/?page=last": f"/?page={last_full['key']}",
        "/?view=all": "/?view=all",
        "/?view=all&actor=…": f"/?view=all&actor={actor.slug}",
        "/?view=all&q=…": f"/?view=all&q={word}",
        "/?view=all&page=last": f"/?view=all&page={last_full['all']}",
        "/events/<id>/": f"/events/{busiest.pk}/",
        "/timeline.json": "/timeline.json",
        "/actors/": "/actors/",
        "/actors/<slug>/": f"/actors/{actor.slug}/",
        "/articles/": "/articles/",
        "/articles/<slug>/": f"/articles/{article.slug}/",
    }


def count_queries(urls: dict[str, str]) -> dict[str, int]:
    client = Client()
    counted = {}
    for name, url in urls.items():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        counted[name] = len(queries)
    return counted


def get(conn: http.client.HTTPConnection, url: str) -> tuple[float, int]:
    """Milliseconds to the last byte of the response, and its status."""
    started = time.perf_counter()
    conn.request("GET", url, headers={"Host": "127.0.0.1"})
    response = conn.getresponse()
    response.read()
    return (time.perf_counter() - started) * 1000, response.status


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def free_port(preferred: int) -> int:
    """``preferred`` unless something already listens there (then any free port)."""
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", preferred))
        except OSError:
            probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(port: int, workers: int, env: dict[str, str] | None = None) -> subprocess.Popen:
    """gunicorn serving the site on ``port`` (with ``env``'s database when given)."""
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "newsroom.wsgi", "-w", str(workers), "-b", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    for _ in range(300):
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=1).connect()
            return server
        except OSError:
            if server.poll() is not None:
                raise SystemExit(f"gunicorn exited: {server.stderr.read().decode()[-2000:]}") from None
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("gunicorn did not start within 30 s")


def summary(answers: list[tuple[float, int]], url: str) -> dict:
    samples = [ms for ms, _ in answers]
    return {
        "requests": len(answers),
        "errors": sum(status != 200 for _, status in answers),
        "statuses": sorted({status for _, status in answers}),
        "url": url,
        "p50_ms": round(statistics.median(samples), 1),
        "p95_ms": round(percentile(samples, 95), 1),
        "max_ms": round(max(samples), 1),
    }


def time_pages(
    sites: list[tuple[dict[str, str], dict[str, str] | None]],
    *,
    port: int,
    workers: int,
    requests: int,
    budget: float,
) -> list[dict[str, dict]]:
    """The timings of each site's pages: ``sites`` are (the pages' URLs, the environment naming the
    site's database), each served by its own gunicorn. The sites' requests for a page alternate, one
    after the other, so that a change in the machine's speed meanwhile weighs on every site alike."""
    servers = []
    try:
        for _, env in sites:
            port = free_port(port + 1 if servers else port)
            servers.append((serve(port, workers, env), port))
        conns = [http.client.HTTPConnection("127.0.0.1", port, timeout=60) for _, port in servers]
        timings: list[dict[str, dict]] = [{} for _ in sites]
        for name in sites[0][0]:
            pairs = [(conn, urls[name]) for conn, (urls, _) in zip(conns, sites, strict=True)]
            for conn, url in pairs:
                for _ in range(5):  # both workers warm: connections open, templates and plans cached
                    get(conn, url)
            answers: list[list] = [[] for _ in sites]
            started = time.perf_counter()
            # Bounded: ``requests`` GETs of each site, or fewer (never under 50) once the page has had
            # its time budget for each site.
            while len(answers[0]) < requests and (
                len(answers[0]) < 50 or time.perf_counter() - started < budget * len(sites)
            ):
                for (conn, url), answered in zip(pairs, answers, strict=True):
                    answered.append(get(conn, url))
            for (_, url), answered, timed in zip(pairs, answers, timings, strict=True):
                timed[name] = summary(answered, url)
        return timings
    finally:
        for server, _ in servers:
            server.terminate()
            server.wait(timeout=30)


def measured_pages() -> dict:
    """This database's pages, with the queries each makes."""
    urls = pages()
    queries = count_queries(urls)
    return {
        "events": Event.objects.count(),
        "articles": Article.objects.count(),
        "pages": {name: {"url": url, "queries": queries[name]} for name, url in urls.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--budget", type=float, default=30, help="seconds of requests per page, at most")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-http", action="store_true", help="count queries only")
    parser.add_argument(
        "--against",
        metavar="DATABASE_URL",
        help="time this other archive's pages too, its requests alternating with this one's",
    )
    args = parser.parse_args()
    result = measured_pages()
    sites = [(result, None)]
    if args.against:
        env = os.environ | {"DATABASE_URL": args.against}
        done = subprocess.run(
            [sys.executable, __file__, "--no-http"], env=env, capture_output=True, text=True, check=True
        )
        sites.append((json.loads(done.stdout.strip().splitlines()[-1]), env))
    if not args.no_http:
        timings = time_pages(
            [({name: page["url"] for name, page in site["pages"].items()}, env) for site, env in sites],
            port=args.port,
            workers=args.workers,
            requests=args.requests,
            budget=args.budget,
        )
        for (site, _), timed in zip(sites, timings, strict=True):
            for name, timing in timed.items():
                site["pages"][name].update(timing)
    if args.against:
        result["against"] = sites[1][0]
    print(json.dumps({"database": connection.vendor, **result}))


if __name__ == "__main__":
    main()
