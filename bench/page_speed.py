"""Page latency over HTTP (gunicorn, production settings) and the queries each page makes.

Run with DATABASE_URL and the production variables set (``bench/run.py`` does). Picks real values
from the database for the parameterised pages, counts each page's queries in-process, then serves
the site with gunicorn and times ``--requests`` sequential GETs per page. Prints one JSON line.
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
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from timeline.models import Actor, Article, Event  # noqa: E402


def pages() -> dict[str, str]:
    """The pages to time, named as the issue names them, with values that exist in this database."""
    actor = Actor.objects.annotate(n=Count("events")).order_by("-n").first()
    busiest = Event.objects.visible().annotate(n=Count("sources")).order_by("-n", "id").first()
    dated = Event.objects.visible().exclude(date_start=None).order_by("date_start")
    middle = dated[dated.count() // 2].date_start
    article = Article.objects.filter(event_sources__isnull=False).order_by("id").first()
    word = "sanctions" if Event.objects.filter(title__icontains="sanctions").exists() else "said"
    return {
        "/": "/",
        "/?actor=…": f"/?actor={actor.slug}",
        "/?q=…": f"/?q={word}",
        "/?from=…&to=…": f"/?from={middle.replace(day=1)}&to={middle.replace(day=28)}",
        "/?page=last": "/?page=999999",
        "/?view=all": "/?view=all",
        "/?view=all&actor=…": f"/?view=all&actor={actor.slug}",
        "/?view=all&q=…": f"/?view=all&q={word}",
        "/?view=all&page=last": "/?view=all&page=999999",
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


def serve(port: int, workers: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "newsroom.wsgi", "-w", str(workers), "-b", f"127.0.0.1:{port}"],
        cwd=ROOT,
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


def time_pages(
    urls: dict[str, str], *, port: int, workers: int, requests: int, budget: float
) -> dict[str, dict]:
    port = free_port(port)
    server = serve(port, workers)
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        timings = {}
        for name, url in urls.items():
            for _ in range(5):  # both workers warm: connections open, templates and plans cached
                get(conn, url)
            answers, started = [], time.perf_counter()
            # Bounded: ``requests`` GETs, or fewer (never under 50) once a page has had its time budget.
            while len(answers) < requests and (len(answers) < 50 or time.perf_counter() - started < budget):
                answers.append(get(conn, url))
            samples = [ms for ms, _ in answers]
            timings[name] = {
                "requests": len(answers),
                "errors": sum(status != 200 for _, status in answers),
                "statuses": sorted({status for _, status in answers}),
                "url": url,
                "p50_ms": round(statistics.median(samples), 1),
                "p95_ms": round(percentile(samples, 95), 1),
                "max_ms": round(max(samples), 1),
            }
        return timings
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--budget", type=float, default=30, help="seconds of requests per page, at most")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-http", action="store_true", help="count queries only")
    args = parser.parse_args()
    urls = pages()
    queries = count_queries(urls)
    result = {name: {"url": url, "queries": queries[name]} for name, url in urls.items()}
    if not args.no_http:
        for name, timing in time_pages(
            urls, port=args.port, workers=args.workers, requests=args.requests, budget=args.budget
        ).items():
            result[name].update(timing)
    result_counts = {"events": Event.objects.count(), "articles": Article.objects.count()}
    print(json.dumps({"database": connection.vendor, **result_counts, "pages": result}))


if __name__ == "__main__":
    main()
