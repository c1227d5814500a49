"""`make bench`: extraction and ingest speed and memory, ingest through the task queue, page latency
and queries at 100,000 and at 1,000,000 events, side by side.

    .venv/bin/python bench/run.py                          # the full run (about 25 minutes)
    .venv/bin/python bench/run.py --quick                  # 64 texts, 10,000 events, 30 requests a page
    .venv/bin/python bench/run.py --only pages             # the pages alone, at both sizes
    .venv/bin/python bench/run.py --only pages --events N  # the pages alone, at N events
    .venv/bin/python bench/run.py --only ingest-scale      # 500 articles into the 1,000,000 archive
    .venv/bin/python bench/run.py --table                  # the table of the last results

The queue's part needs a broker (CELERY_BROKER_URL, default the local RabbitMQ) and PostgreSQL.
The pages need PostgreSQL (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/bench_newsroom): one database per size, <name> for 100,000
events and <name>_<events> for any other (<name>_1000000, <name>_quick for --quick), each created
when missing, filled once by bench/fill_db.py (about 5 minutes for 1,000,000 events), then reused
while its counts match. Articles are a fifth of the events, actors a fiftieth. Prints a table and
writes bench/results.json: ``pages`` at 100,000 events (or the one size asked for), ``pages_1m``
at 1,000,000, ``ingest_scale`` for the import into the large archive; a run of one part (--only)
keeps the other parts of the last results.
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

import ingest_scale
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
    "home_p95_ms_large": 100,
    "p95_ratio_large_to_archive": 1.3,
    "queries_per_page": 10,
    "ingest_peak_mb": 1536,
    "queue_to_local": 0.85,
    "ingest_scale_to_empty": 0.8,
}
# Events in the archives the pages are timed on (articles a fifth of them, actors a fiftieth): the
# large one tells whether the pages keep their speed and their queries as the archive grows.
ARCHIVE_EVENTS = 100_000
LARGE_ARCHIVE_EVENTS = 1_000_000
QUICK_EVENTS = 10_000
# The pages the issue names; the others are measured and shown too.
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


def ensure_database(url: str) -> str | None:
    """Creates the benchmark database when the server has none of that name. Returns what is
    missing when the server cannot be reached, else None."""
    import psycopg

    server, name = url.rsplit("/", 1)
    try:
        with psycopg.connect(server + "/postgres", autocommit=True, connect_timeout=10) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as error:
        return (
            f"the pages need PostgreSQL at BENCH_DATABASE_URL (default {DEFAULT_DATABASE}; "
            f"one database per size is created there); {server} could not be reached: "
            f"{' '.join(str(error).split())}"
        )
    return None


def filled_archive(*, quick: bool, events: int) -> tuple[str, dict]:
    """The URL of the archive of ``events`` events, filled (or reused), and its counts; or the URL
    and ``{"skipped": why}`` when PostgreSQL cannot be reached."""
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE)
    if quick:  # a database of its own, so a quick look never empties the full archive
        url, events = url + "_quick", QUICK_EVENTS
    elif events != ARCHIVE_EVENTS:  # one database per size, each filled once and reused
        url += f"_{events}"
    if (missing := ensure_database(url)) is not None:
        return url, {"skipped": missing}
    # articles and actors scale with the events, in the proportions of the default archive
    size = ["--events", str(events), "--articles", str(events // 5), "--actors", str(max(1, events // 50))]
    print(f"filling the archive of {events:,} events (reused when it already matches) ...", file=sys.stderr)
    return url, run_json(["bench/fill_db.py", *size], production_env(url))


def bench_pages(
    *, quick: bool, small_database: str | None, events: int = ARCHIVE_EVENTS, against: int | None = None
) -> dict:
    """Fills (or reuses) the archive of ``events`` events and times its pages; with ``against``, the
    archive of that many events too, timed side by side (``pages_against`` in the result);
    ``{"skipped": why}`` when PostgreSQL cannot be reached."""
    url, filled = filled_archive(quick=quick, events=events)
    if "skipped" in filled:
        return filled
    env = production_env(url)
    subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    args = ["bench/page_speed.py", "--requests", "30" if quick else "200"]
    if against:
        other_url, other = filled_archive(quick=quick, events=against)
        args += ["--against", other_url]
        print(f"timing pages over HTTP ({events:,} and {against:,} events side by side) ...", file=sys.stderr)
    else:
        print(f"timing pages over HTTP ({events:,} events) ...", file=sys.stderr)
    pages = run_json(args, env)
    result = {"archive": filled, "pages": pages["pages"]}
    if against:
        result["pages_against"] = {"archive": other, "pages": pages["against"]["pages"]}
    if small_database:
        small = run_json(["bench/page_speed.py", "--no-http"], production_env(f"sqlite:///{small_database}"))
        result["small_archive"] = {"events": small["events"], "articles": small["articles"]}
        for name, page in small["pages"].items():
            if name in result["pages"]:
                result["pages"][name]["queries_small_archive"] = page["queries"]
    return result


def bench_ingest_scale(*, quick: bool) -> dict:
    """An import of 500 new articles (50 for --quick) into the large archive against the same import
    into an empty database (``bench/ingest_scale.py``)."""
    url, filled = filled_archive(quick=quick, events=LARGE_ARCHIVE_EVENTS)
    if "skipped" in filled:
        return filled
    print("timing an import into the large archive against an empty database ...", file=sys.stderr)
    scale = ingest_scale.run(env=production_env(url), archive_url=url, articles=50 if quick else 500)
    return {"archive_events": filled["events"], **scale}


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
    scale = results.get("ingest_scale")
    if scale and "skipped" not in scale:
        out["an import into the large archive ≥ 0.8× the articles/s into an empty one"] = (
            scale["archive_to_empty"] >= TARGETS["ingest_scale_to_empty"]
        )
    pages = results.get("pages", {}).get("pages")
    large = results.get("pages_1m", {}).get("pages")
    if pages:
        named = [pages[n] for n in NAMED_PAGES if n in pages]
        out["every page p95 ≤ 150 ms"] = all(p.get("p95_ms", 0) <= TARGETS["page_p95_ms"] for p in named)
        out["≤ 10 queries per page"] = all(
            p["queries"] <= TARGETS["queries_per_page"] for p in [*pages.values(), *(large or {}).values()]
        )
        # Only the named pages show the same things on both archives; an article page's queries
        # depend on what the article holds (synthetic articles have no dates or mentions to show).
        out["queries independent of data size"] = all(
            p["queries"] == p.get("queries_small_archive", p["queries"]) for p in named
        )
    if pages and large:
        both = [(pages[n], large[n]) for n in NAMED_PAGES if n in pages and n in large]
        out["at 1M every page p95 ≤ 150 ms"] = all(
            big.get("p95_ms", 0) <= TARGETS["page_p95_ms"] for _, big in both
        )
        out["at 1M `/` p95 ≤ 100 ms"] = large.get("/", {}).get("p95_ms", 0) <= TARGETS["home_p95_ms_large"]
        out["every page's p95 at 1M ≤ 1.3× its p95 at 100k"] = all(
            p95_ratio(page, big) <= TARGETS["p95_ratio_large_to_archive"] for page, big in both
        )
        out["queries at 1M = queries at 100k"] = all(page["queries"] == big["queries"] for page, big in both)
    return out


def p95_ratio(page: dict, large: dict) -> float:
    """A page's p95 on the large archive over its p95 on the default one (0 when not timed)."""
    return round(large["p95_ms"] / page["p95_ms"], 2) if page.get("p95_ms") and "p95_ms" in large else 0.0


def size_label(events: int) -> str:
    """100,000 -> 100k, 1,000,000 -> 1M."""
    return f"{events / 1e6:g}M" if events >= 1_000_000 else f"{events / 1000:g}k"


def archive_line(archive: dict) -> str:
    return (
        f"{archive['events']:,} events, {archive['articles']:,} articles, {archive['actors']:,} actors, "
        f"{archive['event_sources']:,} sources"
    )


def pages_table(pages: dict, large: dict | None) -> list[str]:
    """The pages' table: one archive, or the default and the large one side by side."""
    if large is None:
        lines = [
            f"Pages, PostgreSQL with {archive_line(pages['archive'])}; gunicorn -w 2",
            "",
            "| page | p50 ms | p95 ms | queries | queries, small archive | errors |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for name, page in pages["pages"].items():
            lines.append(
                f"| `{name}` | {page.get('p50_ms', '')} | {page.get('p95_ms', '')} | {page['queries']} "
                f"| {page.get('queries_small_archive', '')} | {page.get('errors', '')} |"
            )
        return [*lines, ""]
    small, big = size_label(pages["archive"]["events"]), size_label(large["archive"]["events"])
    ratio = f"p95 ratio ({big} / {small})"
    lines = [
        f"Pages, PostgreSQL with {archive_line(pages['archive'])}, and with "
        f"{archive_line(large['archive'])}; gunicorn -w 2",
        "",
        f"| page | p50 ms {small} | p95 ms {small} | p50 ms {big} | p95 ms {big} | {ratio} "
        f"| queries {small} | queries {big} | queries, small archive | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, page in pages["pages"].items():
        other = large["pages"].get(name, {})
        errors = [e for e in (page.get("errors"), other.get("errors")) if e is not None]
        lines.append(
            f"| `{name}` | {page.get('p50_ms', '')} | {page.get('p95_ms', '')} | {other.get('p50_ms', '')} "
            f"| {other.get('p95_ms', '')} | {p95_ratio(page, other) or ''} | {page['queries']} "
            f"| {other.get('queries', '')} | {page.get('queries_small_archive', '')} "
            f"| {sum(errors) if errors else ''} |"
        )
    return [*lines, ""]


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
    pages, large = results.get("pages"), results.get("pages_1m")
    for part in (pages, large):
        if part and "skipped" in part:
            lines += [f"Pages: not measured ({part['skipped']})", ""]
    if pages and "skipped" not in pages:
        lines += pages_table(pages, large if large and "skipped" not in large else None)
    scale = results.get("ingest_scale")
    if scale and "skipped" in scale:
        lines += [f"Ingest into the large archive: not measured ({scale['skipped']})", ""]
    elif scale:
        lines += [
            f"Ingest of {scale['articles']} new articles (`ingest --workers {scale['workers']}`, PostgreSQL)",
            "",
            "| into | seconds | articles/s |",
            "| --- | ---: | ---: |",
            f"| an empty database | {scale['empty_s']} | {scale['articles_per_s_empty']} |",
            f"| the archive of {scale['archive_events']:,} events | {scale['archive_s']} "
            f"| {scale['articles_per_s_archive']} |",
            "",
            f"Into the archive at {scale['archive_to_empty']}× the rate into an empty database.",
            "",
        ]
    for target, held in results["targets"].items():
        lines.append(f"{'holds ' if held else 'MISSED'}  {target}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smaller run for a first look")
    parser.add_argument("--only", choices=["extract", "ingest", "queue", "pages", "ingest-scale"])
    parser.add_argument("--table", action="store_true", help="print the table of the last results and stop")
    parser.add_argument(
        "--events",
        type=int,
        help="time the pages at this archive size alone (default: 100,000 and 1,000,000 events)",
    )
    args = parser.parse_args()
    if args.table:
        results = json.loads(RESULTS.read_text(encoding="utf-8"))
        results["targets"] = verdicts(results)
        print(table(results))
        return
    earlier = json.loads(RESULTS.read_text(encoding="utf-8")) if args.only and RESULTS.exists() else {}
    results: dict = earlier | {
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
        if args.quick or args.events:  # one size
            results["pages"] = bench_pages(
                quick=args.quick, small_database=small, events=args.events or ARCHIVE_EVENTS
            )
        else:
            # both sizes timed side by side, so that the machine's changes of speed weigh on both alike
            results["pages"] = bench_pages(quick=False, small_database=small, against=LARGE_ARCHIVE_EVENTS)
            if "pages_against" in results["pages"]:
                results["pages_1m"] = results["pages"].pop("pages_against")
        if args.only == "pages" and "skipped" in results["pages"]:
            raise SystemExit(results["pages"]["skipped"])
    if args.only in (None, "ingest-scale") and not args.events:
        results["ingest_scale"] = bench_ingest_scale(quick=args.quick)
        if args.only == "ingest-scale" and "skipped" in results["ingest_scale"]:
            raise SystemExit(results["ingest_scale"]["skipped"])
    results["targets"] = verdicts(results)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(results))
    print(f"\nwritten to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
