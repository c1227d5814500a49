"""Soak: the 256 TempEval-3 texts imported ten times over (`ingest --force`, default workers) while 50
readers browse the timeline, on PostgreSQL, against 127.0.0.1 only.

    .venv/bin/python bench/soak.py                # ten rounds, 50 readers
    .venv/bin/python bench/soak.py --rounds 3 --readers 10

Measures per round: the import's time and peak memory (the command and its workers together), the
web server's memory after it, and the readers' requests and errors meanwhile. At the end it checks
that no request failed, that no round's memory grew past the first round's by more than 10 %, and
that the events are the same as after the first round. Prints a table and writes bench/soak.json.
Needs PostgreSQL (SOAK_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/soak_newsroom; the
database is created afresh each run).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

from page_speed import free_port, serve
from run import PYTHON, ROOT, ensure_database, production_env

TEXTS = ROOT.parent / "shared" / "eval" / "tempeval3-train"
RESULTS = ROOT / "bench" / "soak.json"
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/soak_newsroom"
GROWTH = 1.10  # a later round may use at most this much of the first round's memory
PAGES = [
    "/",
    "/?q=president",
    "/?q=market&page=2",
    "/actors/",
    "/articles/",
    "/timeline.json",
    "/?from=1998-01-01",
]


def rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants (kB), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo += children.get(current, [])
        try:
            status = (Path("/proc") / str(current) / "status").read_text()
        except OSError:
            continue
        total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
    return total


def timed_import(env: dict[str, str], force: bool) -> dict:
    """One `ingest` of the texts, its peak memory sampled five times a second."""
    args = [PYTHON, "manage.py", "ingest", str(TEXTS), *(["--force"] if force else [])]
    started = time.monotonic()
    run = subprocess.Popen(
        args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    peak = 0
    while run.poll() is None:
        peak = max(peak, rss_kb(run.pid))
        time.sleep(0.2)
    out = run.stdout.read()
    if run.returncode != 0:
        raise SystemExit(f"ingest failed ({run.returncode}):\n{out[-3000:]}")
    return {
        "seconds": round(time.monotonic() - started, 1),
        "peak_mb": round(peak / 1024),
        "report": out.splitlines()[-1],
    }


class Readers:
    """``count`` threads each requesting a random page again and again, a short pause between."""

    def __init__(self, port: int, count: int, *, pause: float = 0.05, limit: int = 200_000):
        self.port, self.count, self.pause, self.limit = port, count, pause, limit
        self.requests = self.errors = 0
        self.failures: list[str] = []
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self.read, daemon=True) for _ in range(count)]

    def read(self) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        while not self.stop.is_set() and self.requests < self.limit:
            page = random.choice(PAGES)
            try:
                conn.request("GET", page)
                response = conn.getresponse()
                response.read()
                failed = response.status >= 400 and f"{page}: {response.status}"
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                failed = f"{page}: {exc!r}"
            with self.lock:
                self.requests += 1
                if failed:
                    self.errors += 1
                    self.failures.append(failed)
            time.sleep(self.pause)

    def counts(self) -> tuple[int, int]:
        with self.lock:
            return self.requests, self.errors


def events_of(env: dict[str, str]) -> list:
    """The events as a reader would compare them: title, dates and the sentences reporting them."""
    done = subprocess.run(
        [PYTHON, "manage.py", "export_timeline", "--format", "json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    files = {a["id"]: a.get("file") for a in json.loads(done.stdout)["articles"]}
    return sorted(
        (
            e["title"],
            e["date_start"],
            e["date_end"],
            sorted((files.get(s.get("article")), s["start"], s["end"]) for s in e["sources"]),
        )
        for e in json.loads(done.stdout)["events"]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--readers", type=int, default=50)
    options = parser.parse_args()
    url = os.environ.get("SOAK_DATABASE_URL", DEFAULT_DATABASE)
    ensure_database(url)
    env = production_env(url)
    for step in (
        ["migrate", "--noinput", "-v0"],
        ["flush", "--noinput"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        subprocess.run([PYTHON, "manage.py", *step], cwd=ROOT, env=env, check=True)
    port = free_port(8765)
    os.environ.update(env)  # the server's settings
    server = serve(port, workers=2)
    readers = Readers(port, options.readers)
    rounds, seen = [], []  # the events after the first and the second round
    try:
        for thread in readers.threads:
            thread.start()
        for n in range(1, options.rounds + 1):
            before = readers.counts()
            result = timed_import(env, force=n > 1)
            after = readers.counts()
            result |= {
                "round": n,
                "server_mb": round(rss_kb(server.pid) / 1024),
                "requests": after[0] - before[0],
                "errors": after[1] - before[1],
            }
            rounds.append(result)
            print(json.dumps(result), file=sys.stderr)
            if n <= 2:
                seen.append(events_of(env))
    finally:
        readers.stop.set()
        for thread in readers.threads:
            thread.join(timeout=60)
        server.terminate()
        server.wait(timeout=30)
    last = events_of(env)
    first = rounds[0]
    verdict = {
        "no_errors": readers.errors == 0,
        "import_memory_within_10_percent": all(r["peak_mb"] <= GROWTH * first["peak_mb"] for r in rounds),
        "server_memory_within_10_percent": all(r["server_mb"] <= GROWTH * first["server_mb"] for r in rounds),
        "same_events_as_after_round_1": last == seen[0],
        "same_events_as_after_round_2": last == seen[-1],
    }
    results = {
        "rounds": rounds,
        "readers": options.readers,
        "requests": readers.requests,
        "errors": readers.errors,
        "failures": readers.failures[:20],
        "events": [len(seen[0]), len(last)],
        "events_changed_by_round_2": len(set(map(repr, seen[0])) ^ set(map(repr, seen[-1]))) // 2,
        "verdict": verdict,
    }
    RESULTS.write_text(json.dumps(results, indent=1))
    print("| round | import s | import peak MB | server MB | requests | errors |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rounds:
        cells = [r["round"], r["seconds"], r["peak_mb"], r["server_mb"], r["requests"], r["errors"]]
        print("| " + " | ".join(map(str, cells)) + " |")
    print(json.dumps(verdict))
    sys.exit(0 if all(verdict.values()) else 1)


if __name__ == "__main__":
    main()
