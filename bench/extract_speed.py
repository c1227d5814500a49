"""How much time extraction adds to bare spaCy over the TempEval-3 training texts.

Run as ``.venv/bin/python bench/extract_speed.py`` (``make bench`` runs it too). In one process,
with the model loaded, streams the 256 texts through ``nlp.pipe`` and, after each, does what
``manage.py extract`` does with a parsed text (temporal expressions alone; then dates, actors and
events), timing spaCy and the extraction apart in the same pass. The ratio is (spaCy + extraction)
/ spaCy; the best of ``rounds`` counts. The last line of stdout is JSON.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline.gazetteer import file_gazetteer  # noqa: E402
from timeline.nlp.dates import find_temporal_expressions  # noqa: E402
from timeline.nlp.extract import BATCH_SIZE, extract_doc  # noqa: E402
from timeline.nlp.pipeline import load_nlp  # noqa: E402

CORPUS = ROOT.parent / "shared" / "eval" / "tempeval3-train"


def load_corpus() -> tuple[list[str], list[dt.date]]:
    with open(CORPUS / "manifest.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    texts = [(CORPUS / row["filename"]).read_text(encoding="utf-8") for row in rows]
    return texts, [dt.date.fromisoformat(row["published"]) for row in rows]


def timed(nlp, texts, published, step) -> tuple[float, float]:
    """(seconds spaCy took to parse, seconds ``step`` took after it), measured in one pass, so that
    a neighbour slowing the machine down slows both alike."""
    parse = work = 0.0
    docs = iter(nlp.pipe(texts, batch_size=BATCH_SIZE))
    for day in published:
        started = time.perf_counter()
        doc = next(docs)
        parsed = time.perf_counter()
        step(doc, day)
        parse += parsed - started
        work += time.perf_counter() - parsed
    return parse, work


def run(rounds: int = 2) -> dict:
    texts, published = load_corpus()
    nlp = load_nlp()
    gazetteer = file_gazetteer()
    list(nlp.pipe(texts[:5]))  # warm up the model before timing anything
    steps = {
        "dates": find_temporal_expressions,
        "extract": lambda doc, day: extract_doc(doc, day, gazetteer),
    }
    out = {"texts": len(texts), "rounds": rounds}
    for name, step in steps.items():
        parse, work = min(
            (timed(nlp, texts, published, step) for _ in range(rounds)), key=lambda t: t[1] / t[0]
        )
        out[f"{name}_parse_s"] = round(parse, 2)
        out[f"{name}_added_s"] = round(work, 2)
        out[f"{name}_ratio"] = round((parse + work) / parse, 3)
    return out


def main() -> None:
    result = run()
    print(f"{result['texts']} documents, best of {result['rounds']}")
    for name, label in (("dates", "dates alone"), ("extract", "all of extract")):
        print(
            f"{label:15} spaCy {result[f'{name}_parse_s']:6.2f} s + {result[f'{name}_added_s']:5.2f} s"
            f" = {result[f'{name}_ratio']:.3f}× bare spaCy"
        )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
