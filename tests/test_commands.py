import io
import json

import pytest
from django.core.management import call_command

from .utils import FIXTURE_ARTICLES


def run(name, *args) -> str:
    out = io.StringIO()
    call_command(name, *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_extract_prints_dates_events_and_actors_per_file_without_a_database():
    path = FIXTURE_ARTICLES / "002_266a9cc2f08c840b.txt"
    data = json.loads(run("extract", str(path), "--manifest", str(FIXTURE_ARTICLES / "manifest.csv")))
    assert [d["file"] for d in data] == [path.name]
    doc = data[0]
    assert doc["published"] == "2023-03-17" and doc["published_inferred"] is False
    fridays = [t for t in doc["temporal_expressions"] if t["text"] == "Friday"]
    assert fridays and all(t["value"] == "2023-03-17" for t in fridays)
    body = path.read_text()
    assert all(body[t["start"] : t["end"]] == t["text"] for t in doc["temporal_expressions"])
    assert any(a["name"] == "Rishi Sunak" and a["kind"] == "person" for a in doc["actors"])
    assert any(e["date_start"] == "2023-03-17" for e in doc["events"])


@pytest.mark.django_db
def test_export_lists_every_event_with_its_sources(ingested, tmp_path):
    out = tmp_path / "export.json"
    run("export_timeline", "--format", "json", "--output", str(out))
    doc = json.loads(out.read_text())
    assert {a["file"] for a in doc["articles"]} == {p.name for p in ingested.glob("*.txt")}
    assert doc["events"] and all(e["sources"] for e in doc["events"])
    actor_ids = {a["id"] for a in doc["actors"]}
    assert all(set(e["actors"]) <= actor_ids for e in doc["events"])
    dated = [e["date_start"] for e in doc["events"] if e["date_start"]]
    assert dated == sorted(dated)
