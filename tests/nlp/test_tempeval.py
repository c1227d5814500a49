"""Regression: the date normaliser over the 256 TempEval-3 training documents, scored like score.py."""

import csv
import datetime as dt
import importlib.util
import json
from pathlib import Path

import pytest

from timeline.nlp.dates import find_temporal_expressions
from timeline.nlp.pipeline import load_nlp

CORPUS = Path(__file__).resolve().parents[2].parent / "shared/eval/tempeval3-train"
SCORER = CORPUS.parent / "score.py"
VALUE_F1_FLOOR = 0.81
RELAXED_F1_FLOOR = 0.94


def load_scorer():
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_tempeval_training_scores_stay_above_their_floors():
    if not (CORPUS / "gold.json").exists() or not SCORER.exists():
        pytest.skip(f"TempEval-3 training data not found at {CORPUS}")
    with open(CORPUS / "manifest.csv", encoding="utf-8") as f:
        published = {row["filename"]: dt.date.fromisoformat(row["published"]) for row in csv.DictReader(f)}
    gold = json.loads((CORPUS / "gold.json").read_text(encoding="utf-8"))["documents"]
    texts = {name: (CORPUS / name).read_text(encoding="utf-8") for name in gold}
    names = sorted(gold)
    extracted = [
        {
            "file": name,
            "temporal_expressions": [t.as_json() for t in find_temporal_expressions(doc, published[name])],
        }
        for name, doc in zip(names, load_nlp().pipe(texts[n] for n in names), strict=True)
    ]
    scores, _ = load_scorer().score_timex(gold, extracted, texts)
    assert scores["te3_value_f1"] >= VALUE_F1_FLOOR, scores
    assert scores["te3_relaxed_f1"] >= RELAXED_F1_FLOOR, scores
