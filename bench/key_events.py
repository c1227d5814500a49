"""Key events and reactions, measured on annotated news.

    python bench/key_events.py            # the seed articles and the six development stories

Each corpus is ingested into a throw-away SQLite database as ``manage.py ingest`` does, then:

- key share: the key events view's share of all visible events;
- key-event recall: of the gold happenings reported by at least two articles, the share shown in
  the key view (an event carrying one of their reports is a key event);
- reaction links: of the statements annotated in ``bench/reactions.json`` (an offset inside the
  statement and the gold happening it is about), the share whose event is linked to an event of
  that happening: one that carries a report of it, or, where the gold names no report of the
  event linked to, one of its days (``score.interval``, a day either side) sharing one of its actors;
  or whose sentence is itself a report of that happening (then it is listed under it already).

Gold and texts are read from ``../shared`` beside the project; nothing of them is copied here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib.util
import io
import json
import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REACTIONS = Path(__file__).with_name("reactions.json")


def corpora() -> dict[str, tuple[list[Path], list[Path]]]:
    """Name -> (article folders, gold files): the seeds, and the development stories together (none
    when ``../shared`` is not beside the project)."""
    devsets = SHARED / "eval/devsets"
    stories = sorted(p for p in devsets.iterdir() if (p / "gold.json").exists()) if devsets.is_dir() else []
    return {
        "seeds": ([ROOT / "fixtures/articles"], [SHARED / "eval/seed_gold.json"]),
        "development stories": (stories, [s / "gold.json" for s in stories]),
    }


def available(folders: list[Path], gold_files: list[Path]) -> bool:
    """Are a corpus's articles and gold all there?"""
    return bool(folders) and all(f.exists() for f in [*folders, *gold_files])


def load_scorer():
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval/score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def covering(events: list[dict], doc: str, start: int, end: int) -> list[dict]:
    """The events with a source in ``doc`` whose span holds [start, end)."""
    return [
        e
        for e in events
        if any(s["file"] == doc and s["start"] <= start and end <= s["end"] for s in e["sources"])
    ]


def mention_span(texts: dict[str, str], mention: dict) -> tuple[int, int] | None:
    text = texts.get(mention["doc"], "")
    at = text.find(mention["evidence"])
    return None if at < 0 else (at, at + len(mention["evidence"]))


def measure(document: dict, key_ids: set[int], golds: list[dict], texts: dict[str, str], corpus: str) -> dict:
    """The three figures for one exported corpus (see the module's text)."""
    events = [e for e in document["events"] if e["status"] != "hidden"]
    by_id = {e["id"]: e for e in events}
    happenings: dict[str, list[dict]] = {}
    facts: dict[str, dict] = {}
    for gold in golds:
        for event in gold["events"]:
            happenings.setdefault(event["id"], []).extend(event["mentions"])
            facts[event["id"]] = event
    names = {
        a["id"]: {a["name"].casefold(), *(n.casefold() for n in a.get("aliases", []))}
        for a in document["actors"]
    }
    interval = load_scorer().interval

    def carriers(gold_id: str) -> set[int]:
        found = set()
        for mention in happenings.get(gold_id, []):
            if span := mention_span(texts, mention):
                found |= {e["id"] for e in covering(events, mention["doc"], *span)}
        return found

    reported_twice = [g for g, mentions in happenings.items() if len({m["doc"] for m in mentions}) >= 2]
    shown = [g for g in reported_twice if carriers(g) & key_ids]
    carried = {g: carriers(g) for g in happenings}
    anything = set().union(*carried.values())

    def of_happening(event: dict, gold_id: str) -> bool:
        if event["id"] in carried[gold_id]:
            return True
        span = interval(facts[gold_id].get("date"))
        if event["id"] in anything or span is None or event["date_start"] is None:
            return False
        day = dt.date.fromisoformat(event["date_start"])
        near = span[0] - dt.timedelta(days=1) <= day <= span[1] + dt.timedelta(days=1)
        theirs = {n.casefold() for n in facts[gold_id].get("actors", [])}
        return near and any(names[a] & theirs for a in event["actors"])

    annotations = json.loads(REACTIONS.read_text(encoding="utf-8"))["reactions"]
    annotated = [r for r in annotations if (r["corpus"] == "seeds") == (corpus == "seeds")]
    linked = as_sources = 0
    for reaction in annotated:
        told = covering(events, reaction["doc"], reaction["at"], reaction["at"] + 1)
        targets = [by_id[e["reaction_to"]] for e in told if e["reaction_to"] in by_id]
        if any(of_happening(t, reaction["about"]) for t in targets):
            linked += 1
        elif any(e["id"] in carried[reaction["about"]] for e in told):
            as_sources += 1  # its sentence is a report of the happening: listed under it already
    return {
        "events": len(events),
        "key_events": len(key_ids),
        "key_share": round(len(key_ids) / len(events), 3) if events else 0.0,
        "happenings_reported_twice": len(reported_twice),
        "key_event_recall": round(len(shown) / len(reported_twice), 3) if reported_twice else 1.0,
        "missed": sorted(set(reported_twice) - set(shown)),
        "reactions_annotated": len(annotated),
        "reaction_link_accuracy": round((linked + as_sources) / len(annotated), 3) if annotated else 1.0,
        "reactions_told_as_reports": as_sources,
    }


def ingested(folders: list[Path]) -> tuple[dict, set[int]]:
    """Ingests the folders' articles into the current database: (export document, key event ids)."""
    from django.core.management import call_command

    from timeline.export import timeline_document
    from timeline.models import Event

    for folder in folders:
        call_command("ingest", str(folder), stdout=io.StringIO(), stderr=io.StringIO())
    visible = Event.objects.visible().chronological()
    return timeline_document(visible), set(visible.key().values_list("pk", flat=True))


def stale_importance() -> int:
    """How many events' stored importance differs from one computed afresh, with their actors'
    prominence counted now (an import must keep it current, not only for the events it touched)."""
    from django.db.models import Count

    from timeline.models import Event
    from timeline.services.ranking import evidence_of, prominence

    links = Event.actors.through.objects
    counts = dict(links.values_list("actor_id").annotate(n=Count("id")).values_list("actor_id", "n"))
    named: dict[int, float] = {}
    for event_id, actor_id in links.values_list("event_id", "actor_id"):
        named[event_id] = max(named.get(event_id, 0.0), prominence(counts[actor_id]))
    stored = dict(Event.objects.values_list("pk", "importance"))
    fresh = {
        pk: replace(e, prominence=named.get(pk, 0.0)).importance for pk, e in evidence_of(stored).items()
    }
    return sum(fresh[pk] != importance for pk, importance in stored.items())


def texts_of(folders: list[Path]) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for folder in folders for p in folder.glob("*.txt")}


def main() -> int:
    sys.path.insert(0, str(ROOT))
    results = {}
    for name, (folders, gold_files) in corpora().items():
        if not available(folders, gold_files):
            print(f"key_events: {name} not found (needs ../shared beside the project)", file=sys.stderr)
            continue
        with tempfile.TemporaryDirectory() as work:
            os.environ["DATABASE_URL"] = f"sqlite:///{work}/key.sqlite3"
            os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
            import django
            from django.db import connections

            django.setup()
            connections.close_all()
            connections["default"].settings_dict["NAME"] = f"{work}/key.sqlite3"
            from django.core.management import call_command

            call_command("migrate", verbosity=0)
            with contextlib.redirect_stderr(io.StringIO()):  # the import's progress bar
                document, key_ids = ingested(folders)
            golds = [json.loads(g.read_text(encoding="utf-8")) for g in gold_files]
            results[name] = measure(document, key_ids, golds, texts_of(folders), name)
            results[name]["stale_importance"] = stale_importance()
            connections.close_all()
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
