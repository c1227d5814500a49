"""`make bench`: extraction and ingest speed and memory, ingest through the task queue, page latency
and queries at 100,000 events.

    .venv/bin/python bench/run.py            # the full run (about 12 minutes)
    .venv/bin/python bench/run.py --quick    # 64 texts, 10,000 events, 30 requests a page
    .venv/bin/python bench/run.py --only pages

The queue's part needs a broker (CELERY_BROKER_URL, default the local RabbitMQ) and PostgreSQL.
Needs PostgreSQL for the pages (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/bench_newsroom; the database is created when missing and filled
once, then reused while its counts match; --quick uses <name>_quick). Prints a table and writes
bench/results.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

import ingest_speed
import queue_speed

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
RESULTS = ROOT / "bench" / "results.json"
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/bench_newsroom"
TARGETS = {
    "extract_ratio_to_spacy": 1.3,
    "ingest_ratio_to_spacy": 1.3,
    "speedup_2_workers": 1.6,
    "page_p95_ms": 150,
    "queries_per_page": 10,
    "ingest_peak_mb": 1536,
    "queue_to_local": 0.85,
}
# The pages the issue names; the others are measured and shown too.
# Events in the archive the pages are timed on (articles a fifth of them, actors a fiftieth).
ARCHIVE_EVENTS = 100_000
NAMED_PAGES = [
    "/", "/?actor=…", "/?q=…", "/?from=…&to=…", "/events/<id>/", "/timeline.json",
    "/?view=all", "/?view=all&actor=…", "/?view=all&q=…",
]  # fmt: skip


def production_env(database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return env | {
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench",
        "DJANGO_SSL_REDIRECT": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,testserver",
    }


def run_json(args: list[str], env: dict[str, str]) -> dict:
    done = subprocess.run([PYTHON, *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def ensure_database(url: str) -> None:
    """Creates the benchmark database when the server has none of that name."""
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def bench_pages(*, quick: bool, small_database: str | None, events: int = ARCHIVE_EVENTS) -> dict:
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE)
    if quick:  # a database of its own, so a quick look never empties the full archive
        url, events = url + "_quick", 10_000
    elif events != ARCHIVE_EVENTS:  # one database per size, each filled once and reused
        url += f"_{events}"
    ensure_database(url)
    env = production_env(url)
    # articles and actors scale with the events, in the proportions of the default archive
    size = ["--events", str(events), "--articles", str(events // 5), "--actors", str(max(1, events // 50))]
    print("filling the PostgreSQL archive (reused when it already matches) ...", file=sys.stderr)
    filled = run_json(["bench/fill_db.py", *size], env)
    subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    print("timing pages over HTTP ...", file=sys.stderr)
    pages = run_json(["bench/page_speed.py", "--requests", "30" if quick else "200"], env)
    result = {"archive": filled, "pages": pages["pages"]}
    if small_database:
        small = run_json(["bench/page_speed.py", "--no-http"], production_env(f"sqlite:///{small_database}"))
        result["small_archive"] = {"events": small["events"], "articles": small["articles"]}
        for name, page in small["pages"].items():
            if name in result["pages"]:
                result["pages"][name]["queries_small_archive"] = page["queries"]
    return result


def verdicts(results: dict) -> dict[str, bool]:
    out = {}
    extract = results.get("extract")
    if extract:
        out["extract ≤ 1.3× bare spaCy"] = extract["extract_ratio"] <= TARGETS["extract_ratio_to_spacy"]
    ingest = results.get("ingest")
    if ingest:
        workers = ingest["default_workers"]
        out[f"ingest ≤ 1.3× bare spaCy (as run by default here: {workers} workers)"] = (
            ingest["ratio_to_spacy_default"] <= TARGETS["ingest_ratio_to_spacy"]
        )
        out["2 workers ≥ 1.6× faster than 1"] = ingest["speedup_2_workers"] >= TARGETS["speedup_2_workers"]
        out["ingest peak memory ≤ 1.5 GB"] = ingest["peak_mb_1_worker"] <= TARGETS["ingest_peak_mb"]
    queue = results.get("queue")
    if queue and "skipped" not in queue:
        out["through the queue ≥ 0.85× a local import's articles/s"] = (
            queue["queue_to_local"] >= TARGETS["queue_to_local"]
        )
    pages = results.get("pages", {}).get("pages")
    if pages:
        named = [pages[n] for n in NAMED_PAGES if n in pages]
        out["every page p95 ≤ 150 ms"] = all(p.get("p95_ms", 0) <= TARGETS["page_p95_ms"] for p in named)
        out["≤ 10 queries per page"] = all(
            p["queries"] <= TARGETS["queries_per_page"] for p in pages.values()
        )
        # Only the named pages show the same things on both archives; an article page's queries
        # depend on what the article holds (synthetic articles have no dates or mentions to show).
        out["queries independent of data size"] = all(
            p["queries"] == p.get("queries_small_archive", p["queries"]) for p in named
        )
    return out


def table(results: dict) -> str:
    lines = []
    extract = results.get("extract")
    if extract:
        lines += [
            f"Extraction after spaCy, {extract['texts']} TempEval-3 training texts, one process "
            f"(best of {extract['rounds']})",
            "",
            "| step | spaCy s | added s | × bare spaCy |",
            "| --- | ---: | ---: | ---: |",
        ]
        for name, label in (("dates", "temporal expressions"), ("extract", "all of `extract`")):
            lines.append(
                f"| {label} | {extract[f'{name}_parse_s']} | {extract[f'{name}_added_s']} "
                f"| {extract[f'{name}_ratio']} |"
            )
        lines.append("")
    ingest = results.get("ingest")
    if ingest:
        lines += [
            f"Ingest, {ingest['texts']} TempEval-3 training texts (best of {ingest['runs']})",
            "",
            "| run | seconds | articles/s | × bare spaCy | peak memory |",
            "| --- | ---: | ---: | ---: | ---: |",
            f"| bare spaCy nlp.pipe | {ingest['bare_spacy_s']} | | 1.00 "
            f"| {ingest['peak_mb_bare_spacy']} MB |",
            f"| ingest, 1 worker | {ingest['ingest_1_worker_s']} | {ingest['articles_per_s_1_worker']} "
            f"| {ingest['ratio_to_spacy_1_worker']} | {ingest['peak_mb_1_worker']} MB |",
            f"| ingest, 2 workers | {ingest['ingest_2_workers_s']} | {ingest['articles_per_s_2_workers']} "
            f"| {ingest['ratio_to_spacy_2_workers']} | {ingest['peak_mb_2_workers_largest_process']} MB "
            "(largest process) |",
            "",
            f"2 workers are {ingest['speedup_2_workers']}× as fast as 1.",
            "",
        ]
    queue = results.get("queue")
    if queue and "skipped" in queue:
        lines += [f"Ingest through the task queue: not measured ({queue['skipped']})", ""]
    elif queue:
        lines += [
            f"Ingest through the task queue, {queue['texts']} TempEval-3 training texts into PostgreSQL "
            f"(best of {queue['runs']})",
            "",
            "| run | seconds | articles/s |",
            "| --- | ---: | ---: |",
            f"| `ingest --workers {queue['worker_processes']}` | {queue['local_s']} "
            f"| {queue['articles_per_s_local']} |",
            f"| `ingest --queue`, one worker of {queue['worker_processes']} processes | {queue['queue_s']} "
            f"| {queue['articles_per_s_queue']} |",
            f"| storing alone (extracted beforehand) | {queue['storing_s']} "
            f"| {queue['storing_articles_per_s']} |",
            "",
            f"The queue runs at {queue['queue_to_local']}× a local import's rate; storing writes "
            f"{queue['storing_rows_per_s']:,} rows/s ({queue['storing_rows']:,} rows).",
            "",
        ]
    pages = results.get("pages")
    if pages:
        archive = pages["archive"]
        lines += [
            f"Pages, PostgreSQL with {archive['events']:,} events, {archive['articles']:,} articles, "
            f"{archive['actors']:,} actors, {archive['event_sources']:,} sources; gunicorn -w 2",
            "",
            "| page | p50 ms | p95 ms | queries | queries, small archive | errors |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for name, page in pages["pages"].items():
            lines.append(
                f"| `{name}` | {page.get('p50_ms', '')} | {page.get('p95_ms', '')} | {page['queries']} "
                f"| {page.get('queries_small_archive', '')} | {page.get('errors', '')} |"
            )
        lines.append("")
    for target, held in results["targets"].items():
        lines.append(f"{'holds ' if held else 'MISSED'}  {target}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smaller run for a first look")
    parser.add_argument("--only", choices=["extract", "ingest", "queue", "pages"])
    parser.add_argument("--table", action="store_true", help="print the table of the last results and stop")
    parser.add_argument(
        "--events",
        type=int,
        default=ARCHIVE_EVENTS,
        help="the archive's size for the pages (default 100,000)",
    )
    args = parser.parse_args()
    if args.table:
        results = json.loads(RESULTS.read_text(encoding="utf-8"))
        results["targets"] = verdicts(results)
        print(table(results))
        return
    results: dict = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "load_average_at_start": os.getloadavg(),
        "quick": args.quick,
    }
    if args.only in (None, "extract"):
        print("timing extraction against bare spaCy ...", file=sys.stderr)
        results["extract"] = run_json(["bench/extract_speed.py"], production_env(""))
    if args.only in (None, "ingest"):
        print("timing ingest against bare spaCy ...", file=sys.stderr)
        results["ingest"] = ingest_speed.run(
            env=production_env(""), limit=64 if args.quick else None, repeat=1 if args.quick else 2
        )
    if args.only in (None, "queue"):
        print("timing ingest through the task queue against a local import ...", file=sys.stderr)
        results["queue"] = queue_speed.run(
            env=production_env(""), limit=64 if args.quick else None, repeat=1 if args.quick else 2
        )
    if args.only in (None, "pages"):
        small = results.get("ingest", {}).get("small_database")
        results["pages"] = bench_pages(quick=args.quick, small_database=small, events=args.events)
    results["targets"] = verdicts(results)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(results))
    print(f"\nwritten to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
