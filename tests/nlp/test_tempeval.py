"""Regression over the 256 TempEval-3 training documents (general news of 1989-2000): the date
normaliser, scored like score.py, and the events' titles, judged like title_check.py."""

import csv
import datetime as dt
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.gazetteer import file_gazetteer
from timeline.nlp.extract import extract_doc
from timeline.nlp.pipeline import load_nlp

CORPUS = Path(__file__).resolve().parents[2].parent / "shared/eval/tempeval3-train"
SCORER = CORPUS.parent / "score.py"
VALUE_F1_FLOOR = 0.81
RELAXED_F1_FLOOR = 0.94
TITLES_SENT_BACK = 0.03


def load_scorer():
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_tempeval_training_scores_stay_above_their_floors(tmp_path):
    if not (CORPUS / "gold.json").exists() or not SCORER.exists():
        pytest.skip(f"TempEval-3 training data not found at {CORPUS}")
    with open(CORPUS / "manifest.csv", encoding="utf-8") as f:
        published = {row["filename"]: dt.date.fromisoformat(row["published"]) for row in csv.DictReader(f)}
    gold = json.loads((CORPUS / "gold.json").read_text(encoding="utf-8"))["documents"]
    texts = {name: (CORPUS / name).read_text(encoding="utf-8") for name in gold}
    names = sorted(gold)
    gazetteer = file_gazetteer()
    found = {
        name: extract_doc(doc, published[name], gazetteer)
        for name, doc in zip(names, load_nlp().pipe(texts[n] for n in names), strict=True)
    }
    extracted = [
        {"file": name, "temporal_expressions": [t.as_json() for t in found[name].temporal_expressions]}
        for name in names
    ]
    scores, _ = load_scorer().score_timex(gold, extracted, texts)
    assert scores["te3_value_f1"] >= VALUE_F1_FLOOR, scores
    assert scores["te3_relaxed_f1"] >= RELAXED_F1_FLOOR, scores

    titles = tmp_path / "titles.json"
    events = [{"title": e.title} for extraction in found.values() for e in extraction.happenings]
    assert len(events) > 5 * len(names), "an article of general news tells of several happenings"
    titles.write_text(json.dumps({"events": events}), encoding="utf-8")
    judged = subprocess.run(
        [sys.executable, str(CORPUS.parent / "title_check.py"), str(titles), "--max", str(TITLES_SENT_BACK)],
        capture_output=True,
        text=True,
    )
    assert judged.returncode == 0, judged.stdout[-2000:]
