"""How much time the date normaliser adds to bare spaCy over the TempEval-3 training texts.

Run as ``.venv/bin/python bench/dates_speed.py``; the last line of stdout is JSON with ``dates_ratio``
(time of ``nlp.pipe`` + ``find_temporal_expressions`` over time of bare ``nlp.pipe``).
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

from timeline.nlp.dates import find_temporal_expressions  # noqa: E402
from timeline.nlp.pipeline import load_nlp  # noqa: E402

CORPUS = ROOT.parent / "shared" / "eval" / "tempeval3-train"


def load_corpus() -> tuple[list[str], list[dt.date]]:
    with open(CORPUS / "manifest.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    texts = [(CORPUS / row["filename"]).read_text(encoding="utf-8") for row in rows]
    return texts, [dt.date.fromisoformat(row["published"]) for row in rows]


def bare(nlp, texts, published) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return time.perf_counter() - start


def with_dates(nlp, texts, published) -> float:
    start = time.perf_counter()
    for doc, day in zip(nlp.pipe(texts), published, strict=True):
        find_temporal_expressions(doc, day)
    return time.perf_counter() - start


def main(rounds: int = 2) -> float:
    texts, published = load_corpus()
    nlp = load_nlp()
    list(nlp.pipe(texts[:5]))  # warm up the model before timing anything
    timings = {"bare": [], "dates": []}
    for _ in range(rounds):
        timings["bare"].append(bare(nlp, texts, published))
        timings["dates"].append(with_dates(nlp, texts, published))
    bare_s, dates_s = min(timings["bare"]), min(timings["dates"])
    ratio = dates_s / bare_s
    print(f"{len(texts)} documents, best of {rounds}")
    print(f"bare nlp.pipe            {bare_s:7.2f} s")
    print(f"nlp.pipe + dates         {dates_s:7.2f} s")
    print(f"ratio                    {ratio:7.3f}")
    print(
        json.dumps({"dates_ratio": round(ratio, 3), "bare_s": round(bare_s, 2), "dates_s": round(dates_s, 2)})
    )
    return ratio


if __name__ == "__main__":
    main()
