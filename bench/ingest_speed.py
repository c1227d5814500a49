"""Ingest throughput against bare spaCy on the same texts, with 1 and 2 workers, and peak memory.

Each measurement is a separate process started the way a user starts it (``manage.py ingest`` on a
fresh SQLite database; ``bench/bare_spacy.py`` for the floor), timed from start to exit, its peak
resident memory read from ``getrusage(RUSAGE_CHILDREN)`` by a small wrapper process. The fastest
of ``--repeat`` runs counts: on a shared machine the slower runs measure the neighbours.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
CORPUS = ROOT.parent / "shared" / "eval" / "tempeval3-train"


def measured(cmd: list[str], env: dict[str, str]) -> dict:
    """Runs ``cmd`` under a wrapper that reports wall seconds and the peak RSS of the command."""
    wrapper = subprocess.run(
        [PYTHON, __file__, "--measure", *cmd], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if wrapper.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{wrapper.stdout[-3000:]}\n{wrapper.stderr[-3000:]}")
    return json.loads(wrapper.stdout.strip().splitlines()[-1])


def measure_main(cmd: list[str]) -> None:
    started = time.perf_counter()
    child = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if child.returncode not in (0,):
        sys.stderr.write(child.stdout[-3000:] + child.stderr[-3000:])
        raise SystemExit(child.returncode)
    # On Linux ru_maxrss is in kilobytes: the largest resident set of any descendant waited for.
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    tail = child.stdout.strip().splitlines()[-1:] or [""]
    print(json.dumps({"wall_s": round(wall, 2), "peak_mb": round(peak_kb / 1024), "last_line": tail[0]}))


def corpus(limit: int | None, into: Path) -> Path:
    """The TempEval-3 training texts (all, or the first ``limit``) with their manifest."""
    if limit is None:
        return CORPUS
    folder = into / "corpus"
    folder.mkdir()
    names = sorted(p.name for p in CORPUS.glob("*.txt"))[:limit]
    for name in names:
        shutil.copy(CORPUS / name, folder / name)
    rows = (CORPUS / "manifest.csv").read_text(encoding="utf-8").splitlines()
    kept = [rows[0]] + [row for row in rows[1:] if row.split(",", 1)[0] in names]
    (folder / "manifest.csv").write_text("\n".join(kept) + "\n", encoding="utf-8")
    return folder


def ingest_run(folder: Path, workers: int, work: Path, env: dict[str, str]) -> dict:
    database = work / f"ingest-{workers}-{time.monotonic_ns()}.sqlite3"
    env = env | {"DATABASE_URL": f"sqlite:///{database}"}
    subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    result = measured([PYTHON, "manage.py", "ingest", str(folder), "--workers", str(workers)], env)
    result["database"] = str(database)
    return result


def run(*, env: dict[str, str], limit: int | None = None, repeat: int = 2) -> dict:
    work = Path(tempfile.mkdtemp(prefix="newsroom-bench-"))
    folder = corpus(limit, work)
    texts = len(list(folder.glob("*.txt")))
    best: dict[str, dict] = {}
    for _ in range(repeat):
        for name, step in (
            (
                "bare_spacy",
                lambda: measured([PYTHON, str(ROOT / "bench" / "bare_spacy.py"), str(folder)], env),
            ),
            ("ingest_1_worker", lambda: ingest_run(folder, 1, work, env)),
            ("ingest_2_workers", lambda: ingest_run(folder, 2, work, env)),
        ):
            result = step()
            if name not in best or result["wall_s"] < best[name]["wall_s"]:
                best[name] = result
    bare, one, two = best["bare_spacy"], best["ingest_1_worker"], best["ingest_2_workers"]
    default = min(2, len(os.sched_getaffinity(0)))  # what ``ingest`` uses here, of the two measured
    return {
        "texts": texts,
        "default_workers": default,
        "ratio_to_spacy_default": round((one if default == 1 else two)["wall_s"] / bare["wall_s"], 2),
        "runs": repeat,
        "bare_spacy_s": bare["wall_s"],
        "ingest_1_worker_s": one["wall_s"],
        "ingest_2_workers_s": two["wall_s"],
        "ratio_to_spacy_1_worker": round(one["wall_s"] / bare["wall_s"], 2),
        "ratio_to_spacy_2_workers": round(two["wall_s"] / bare["wall_s"], 2),
        "speedup_2_workers": round(one["wall_s"] / two["wall_s"], 2),
        "articles_per_s_1_worker": round(texts / one["wall_s"], 1),
        "articles_per_s_2_workers": round(texts / two["wall_s"], 1),
        "peak_mb_bare_spacy": bare["peak_mb"],
        "peak_mb_1_worker": one["peak_mb"],
        "peak_mb_2_workers_largest_process": two["peak_mb"],
        "ingest_report": one["last_line"],
        "small_database": one["database"],
    }


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        measure_main(sys.argv[2:])
    else:
        env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
        env |= {"DJANGO_SECRET_KEY": "bench", "DJANGO_ALLOWED_HOSTS": "127.0.0.1,testserver"}
        limit = int(sys.argv[1]) if len(sys.argv) > 1 else None
        print(json.dumps(run(env=env, limit=limit, repeat=1)))
