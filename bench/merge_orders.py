"""How much the merging of reports depends on the order one day's articles come in.

    python bench/merge_orders.py             # the six development stories, as named and 11 orders more
    python bench/merge_orders.py --runs 4    # as named and 3 orders more
    python bench/merge_orders.py --seeds     # the seed articles instead

An import stores one day's articles by file name, and what a report can join depends on what was
stored before it; an importer's files are named anyhow. Each run copies the corpus into a folder
under other file names (a random prefix each, the same for a run and its number), ingests it into a
throw-away SQLite database as ``manage.py ingest`` does, and scores the export against the gold with
``score.py``'s rules (the gold's file names renamed alike). Prints each run's merge figures, then
their mean, lowest and highest; the first run keeps the names as they are.

Gold and texts are read from ``../shared`` beside the project; nothing of them is copied here.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import hashlib
import io
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from key_events import ROOT, available, corpora, load_scorer

FIGURES = ["merge_recall", "merge_precision", "merge_b3_recall", "merge_b3_precision", "events_total"]


def renamed(name: str, run: int) -> str:
    """The file's name in a run: as it is in run 0, after a prefix that orders it at random else."""
    return name if run == 0 else f"{hashlib.md5(f'{run}:{name}'.encode()).hexdigest()[:8]}_{name}"


def laid_out(folders: list[Path], run: int, into: Path) -> dict[str, str]:
    """Copies the corpus's articles and manifests into one folder under the run's names; returns
    each original name's new one."""
    into.mkdir()
    names: dict[str, str] = {}
    rows = []
    for folder in folders:
        manifest = folder / "manifest.csv"
        for row in csv.DictReader(manifest.open(encoding="utf-8")) if manifest.exists() else []:
            names[row["filename"]] = renamed(row["filename"], run)
            rows.append({**row, "filename": names[row["filename"]]})
        for text in folder.glob("*.txt"):
            names.setdefault(text.name, renamed(text.name, run))
            shutil.copy(text, into / names[text.name])
    with (into / "manifest.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=["filename", "title", "source", "url", "published"])
        writer.writeheader()
        writer.writerows(rows)
    return names


def scored(folder: Path, names: dict[str, str], gold_files: list[Path]) -> dict:
    """Ingests the folder into the current database and scores its export's merges."""
    from django.core.management import call_command

    from timeline.export import timeline_document
    from timeline.models import Event

    with contextlib.redirect_stderr(io.StringIO()):  # the import's progress bar
        call_command("ingest", str(folder), stdout=io.StringIO(), stderr=io.StringIO())
    document = timeline_document(Event.objects.visible().chronological())
    scorer = load_scorer()
    golds = [json.loads(g.read_text(encoding="utf-8")) for g in gold_files]
    for gold in golds:
        for event in gold["events"]:
            for mention in event["mentions"]:
                mention["doc"] = names.get(mention["doc"], mention["doc"])
    texts = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.txt")}
    metrics, _ = scorer.score_events(
        scorer.merge_gold_events(golds), document, texts, {"same": [], "different": []}
    )
    return {k: round(metrics[k], 4) for k in FIGURES}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=12, help="orders to try, the first as named (12)")
    parser.add_argument("--seeds", action="store_true", help="the seed articles, not the development stories")
    args = parser.parse_args()
    name = "seeds" if args.seeds else "development stories"
    folders, gold_files = corpora()[name]
    if not available(folders, gold_files):
        print(f"merge_orders: {name} not found (needs ../shared beside the project)", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django
    from django.core.management import call_command
    from django.db import connections

    runs = []
    for run in range(args.runs):
        with tempfile.TemporaryDirectory() as work:
            os.environ["DATABASE_URL"] = f"sqlite:///{work}/orders.sqlite3"
            django.setup()
            connections.close_all()
            connections["default"].settings_dict["NAME"] = f"{work}/orders.sqlite3"
            call_command("migrate", verbosity=0)
            names = laid_out(folders, run, Path(work) / "in")
            runs.append(scored(Path(work) / "in", names, gold_files))
            connections.close_all()
        print(f"run {run:2} {'as named' if run == 0 else 'shuffled'}: {json.dumps(runs[-1])}", flush=True)
    summary = {
        figure: {
            "mean": round(statistics.mean(r[figure] for r in runs), 3),
            "lowest": min(r[figure] for r in runs),
            "highest": max(r[figure] for r in runs),
        }
        for figure in FIGURES
    }
    print(json.dumps({"corpus": name, "runs": len(runs), **summary}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
