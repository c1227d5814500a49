"""Ingest through the task queue against a local import, both into PostgreSQL, and storing's rate.

Over the same TempEval-3 training texts, each run into a fresh PostgreSQL database (the fastest of
two runs of each import counts):

* ``ingest --workers 2``: a local import, timed from start to exit as a user starts it;
* ``ingest --queue`` with one `celery -A newsroom worker -c 2` already running (a desk's workers
  run all day: their start and the loading of the model are not counted), timed the same way;
* storing alone: every text extracted first, then ``ingest_article`` for each, timed; the rows it
  writes per second bound what any number of workers can store, since articles are stored one at a
  time, in order.

Needs PostgreSQL (BENCH_DATABASE_URL's server) and a broker (CELERY_BROKER_URL, default the local
RabbitMQ); without them it says what it needs and measures nothing.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import ingest_speed

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
CELERY = str(ROOT / ".venv" / "bin" / "celery")
DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432"
DEFAULT_BROKER = "amqp://guest:guest@127.0.0.1:5672//"
WORKER_PROCESSES = 2


def missing(server: str, broker: str) -> str | None:
    """What the bench needs and this machine does not answer, if anything."""
    for what, url in (("PostgreSQL", server), ("a message broker (CELERY_BROKER_URL)", broker)):
        address = urlsplit(url)
        with socket.socket() as probe:
            probe.settimeout(2)
            if probe.connect_ex((address.hostname or "127.0.0.1", address.port or 5432)) != 0:
                return f"needs {what} at {address.hostname}:{address.port}"
    return None


def fresh_database(server: str, name: str, env: dict[str, str]) -> dict[str, str]:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    env = env | {"DATABASE_URL": f"{server}/{name}"}
    subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    return env


def timed(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return time.perf_counter() - started


def through_queue(folder: Path, env: dict[str, str], work: Path) -> float:
    log = work / "worker.log"
    with log.open("w") as output:
        worker = subprocess.Popen(
            [CELERY, "-A", "newsroom", "worker", "-c", str(WORKER_PROCESSES), "-l", "info"]
            + ["--without-mingle", "--without-gossip"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 120
        while " ready." not in log.read_text():  # its processes started
            if worker.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the worker did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.2)
        time.sleep(3)  # the model is loaded by each worker process as it starts
        return timed([PYTHON, "manage.py", "ingest", "--queue", str(folder)], env)
    finally:
        worker.terminate()
        worker.wait(timeout=60)


STORING = """
import json, time
from pathlib import Path
from django.db import connection
from timeline.files import collect, read_article
from timeline.matching import StoredEvents
from timeline.nlp.extract import extract_texts
from timeline.services import build_gazetteer, ingest_article, plan_article

files = [read_article(path, manifest_row=row) for path, row in collect([Path({folder!r})]).files]
extractions = list(extract_texts([(f.body, f.published) for f in files], gazetteer=build_gazetteer()))
stored = StoredEvents()
started = time.perf_counter()
for file, extraction in zip(files, extractions):
    ingest_article(file=file, extraction=extraction, plan=plan_article(file), stored=stored)
seconds = time.perf_counter() - started
with connection.cursor() as cursor:
    rows = 0
    for table in ("article", "event", "eventsource", "temporalexpression", "actor", "actoralias",
                  "event_actors", "event_threads"):
        cursor.execute(f"SELECT count(*) FROM timeline_{{table}}")
        rows += cursor.fetchone()[0]
print(json.dumps({{"articles": len(files), "seconds": seconds, "rows": rows}}))
"""


def storing(folder: Path, env: dict[str, str]) -> dict:
    done = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", STORING.format(folder=str(folder))],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"storing alone failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(*, env: dict[str, str], limit: int | None = None, repeat: int = 2) -> dict:
    server = os.environ.get("BENCH_DATABASE_URL", DEFAULT_SERVER + "/bench_newsroom").rsplit("/", 1)[0]
    broker = env.get("CELERY_BROKER_URL") or DEFAULT_BROKER
    if (need := missing(server, broker)) is not None:
        return {"skipped": need}
    work = Path(tempfile.mkdtemp(prefix="newsroom-queue-bench-"))
    folder = ingest_speed.corpus(limit, work)
    texts = len(list(folder.glob("*.txt")))
    env = env | {"CELERY_BROKER_URL": broker, "NEWSROOM_QUEUE": f"newsroom-bench-{uuid.uuid4().hex[:8]}"}
    local = queued = float("inf")  # the fastest of ``repeat`` runs each: the slower measure the neighbours
    for _ in range(repeat):
        local = min(
            local,
            timed(
                [PYTHON, "manage.py", "ingest", str(folder), "--workers", str(WORKER_PROCESSES)],
                fresh_database(server, "bench_queue_local", env),
            ),
        )
        queued = min(queued, through_queue(folder, fresh_database(server, "bench_queue", env), work))
    alone = storing(folder, fresh_database(server, "bench_queue_storing", env))
    return {
        "texts": texts,
        "runs": repeat,
        "worker_processes": WORKER_PROCESSES,
        "local_s": round(local, 2),
        "queue_s": round(queued, 2),
        "articles_per_s_local": round(texts / local, 1),
        "articles_per_s_queue": round(texts / queued, 1),
        "queue_to_local": round(local / queued, 2),
        "storing_s": round(alone["seconds"], 2),
        "storing_rows": alone["rows"],
        "storing_rows_per_s": round(alone["rows"] / alone["seconds"]),
        "storing_articles_per_s": round(alone["articles"] / alone["seconds"], 1),
    }


if __name__ == "__main__":
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env |= {"DJANGO_SECRET_KEY": "bench", "DJANGO_ALLOWED_HOSTS": "127.0.0.1,testserver"}
    print(json.dumps(run(env=env, limit=int(sys.argv[1]) if len(sys.argv) > 1 else None, repeat=1)))
