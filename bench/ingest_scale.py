"""Ingest throughput at scale: 500 new articles into the archive of ``--events`` events, against the
same import into an empty database; both PostgreSQL, both ``manage.py ingest --workers 2`` as a user
runs it, timed from start to exit.

The articles are real news of 2023 and 2024, inside the archive's ten years, so the import's events
are matched against the stored events of their days: the development stories and the seed articles,
in editions (each edition's text ends with a line naming it, so each is a new article whose events
join those of the earlier editions, as syndicated copies do). The archive is copied first
(``CREATE DATABASE … TEMPLATE``), so the benchmark's archive stays as it was filled. Run with
DATABASE_URL pointing at the filled archive (``bench/run.py --only ingest-scale`` does so). Prints one
JSON line.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg
from ingest_speed import PYTHON, ROOT, measured

SHARED = ROOT.parent / "shared"
STORIES = [
    *sorted((SHARED / "eval" / "devsets").glob("*/manifest.csv")),
    ROOT / "fixtures/articles/manifest.csv",
]


def editions(into: Path, count: int) -> Path:
    """``count`` articles: the stories' articles, edition after edition, with one manifest."""
    originals = []
    for manifest in STORIES:
        with manifest.open(encoding="utf-8", newline="") as f:
            originals += [(manifest.parent / row["filename"], row) for row in csv.DictReader(f)]
    rows = []
    for i in range(count):
        path, row = originals[i % len(originals)]
        edition = i // len(originals) + 1
        name = f"e{edition:02}_{path.name}"
        text = path.read_text(encoding="utf-8").rstrip()
        (into / name).write_text(f"{text}\n\nEdition {edition} of this report.\n", encoding="utf-8")
        rows.append({**row, "filename": name, "url": f"{row['url']}#edition-{edition}" if row["url"] else ""})
    with (into / "manifest.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return into


def recreated(server: str, name: str, template: str | None = None) -> str:
    """A database ``name`` made afresh (a copy of ``template`` when given); its URL."""
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    return f"{server}/{name}"


def dropped(server: str, name: str) -> None:
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


def timed_import(folder: Path, url: str, env: dict[str, str], workers: int) -> float:
    env = env | {"DATABASE_URL": url}
    subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    return measured([PYTHON, "manage.py", "ingest", str(folder), "--workers", str(workers)], env)["wall_s"]


def run(*, env: dict[str, str], archive_url: str, articles: int = 500, workers: int = 2) -> dict:
    server, archive = archive_url.rsplit("/", 1)
    folder = editions(Path(tempfile.mkdtemp(prefix="newsroom-scale-")), articles)
    results = {}
    for name, template in (("empty", None), ("archive", archive)):
        scratch = f"{archive}_ingest_{name}"
        try:
            url = recreated(server, scratch, template)
            results[name] = timed_import(folder, url, env, workers)
        finally:
            dropped(server, scratch)
    rate = {name: round(articles / seconds, 2) for name, seconds in results.items()}
    return {
        "articles": articles,
        "workers": workers,
        "empty_s": results["empty"],
        "archive_s": results["archive"],
        "articles_per_s_empty": rate["empty"],
        "articles_per_s_archive": rate["archive"],
        "archive_to_empty": round(rate["archive"] / rate["empty"], 2),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        raise SystemExit("set DATABASE_URL to the filled PostgreSQL archive (bench/run.py does)")
    sys.stdout.flush()
    print(
        json.dumps(run(env=dict(os.environ), archive_url=url, articles=args.articles, workers=args.workers))
    )
