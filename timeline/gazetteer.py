"""Loads the gazetteer (fixtures/actors.json) and the storylines (fixtures/threads.json) into the database.

The extraction reads the files directly (``known_actors``), so a fresh database needs no loading:
an actor is stored, with its aliases, roles and affiliation, the first time an article names it.
``manage.py load_gazetteer`` stores them all ahead (to edit them in the admin before any import).
Loading is additive and idempotent: an editor's changes (a merged actor, a renamed thread, an
alias moved to another actor) are never undone; only what is missing is added.

Names are compared in ``models.normalize_name``'s form. The models are imported where they are used,
because ``manage.py extract`` and the benchmark read the file (``file_gazetteer``) without a database.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .nlp.actors import Gazetteer

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ACTORS_FILE = FIXTURES / "actors.json"
THREADS_FILE = FIXTURES / "threads.json"
KINDS = {"person", "organization", "place", "group"}


class GazetteerError(ValueError):
    """A gazetteer file that cannot be loaded; the message names the file and the entry."""


def read_entries(path: Path, required: tuple[str, ...]) -> list[dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GazetteerError(f"{path}: cannot be read as JSON: {exc}") from None
    if not isinstance(data, list):
        raise GazetteerError(f"{path}: expected a JSON list of entries")
    for n, entry in enumerate(data):
        missing = [k for k in required if not isinstance(entry, dict) or not entry.get(k)]
        if missing:
            raise GazetteerError(f"{path}: entry {n + 1} lacks {', '.join(missing)}")
        if "kind" in required and entry["kind"] not in KINDS:
            raise GazetteerError(
                f"{path}: entry {n + 1} ({entry['name']}): kind must be one of {sorted(KINDS)}"
            )
    return data


@functools.cache
def actor_entries(path: Path = ACTORS_FILE) -> tuple[dict, ...]:
    """The gazetteer file's entries, in the file's order, then every country of ISO 3166 that the
    file does not name (read once per process)."""
    from .nlp.actors import normalize  # the models' form, without the database the benchmark lacks

    entries = read_entries(path, ("name", "kind"))
    named = {normalize(n) for e in entries for n in (e["name"], *e.get("aliases", []))}
    countries = (
        c for c in country_entries() if not named & {normalize(n) for n in (c["name"], *c["aliases"])}
    )
    return (*entries, *countries)


def country_entries() -> list[dict]:
    """The countries of ISO 3166 (``pycountry``) as places: "Niger" and "Mali" are countries, not
    organisations, wherever the tagger puts them. Each goes by its common name, with its short and
    official names as aliases; names written as a list's entries ("Congo, The Democratic Republic
    of the") are left out. They are known only where the tagger finds a name (``exact``): read in
    every capitalised word, or in another spelling, they would find "Jersey" in "New Jersey" and
    "Colombia" in a company called Columbia."""
    import pycountry

    out = []
    for country in pycountry.countries:
        forms = (getattr(country, "common_name", None), country.name, getattr(country, "official_name", None))
        names = list(dict.fromkeys(f for f in forms if f and "," not in f and "(" not in f))
        if names:
            out.append({"name": names[0], "kind": "place", "aliases": names[1:], "exact": True})
    return out


@functools.cache
def known_actors(path: Path = ACTORS_FILE) -> dict[str, dict]:
    """The gazetteer file's entries by normalised name and alias."""
    from .models import normalize_name

    out = {}
    for entry in actor_entries(path):
        for name in (entry["name"], *entry.get("aliases", [])):
            out.setdefault(normalize_name(name), entry)
    return out


def file_gazetteer(path: Path = ACTORS_FILE) -> Gazetteer:
    """The gazetteer file as the extraction reads it: alone for commands that touch no database, and
    under what the database knows in ``services.build_gazetteer``."""
    from .nlp.actors import Gazetteer

    gazetteer = Gazetteer()
    for entry in actor_entries(path):
        gazetteer.add(
            entry["name"],
            entry["kind"],
            entry.get("aliases", []),
            entry.get("roles", []),
            entry.get("affiliation"),
            exact=entry.get("exact", False),
        )
    return gazetteer


def known_threads(path: Path = THREADS_FILE) -> list[dict]:
    return read_entries(path, ("slug", "name"))


def load_actors(entries: list[dict], *, Actor, ActorAlias) -> int:
    """Adds the actors and aliases not yet stored; returns how many actors were created. A new actor's
    slug and an alias's normalised form are set as the models save them."""
    from .models import normalize_name

    created = 0
    by_name = {}
    for entry in entries:
        alias = (
            ActorAlias.objects.select_related("actor")
            .filter(normalized=normalize_name(entry["name"]))
            .first()
        )
        actor = alias.actor if alias else None
        if actor is None:
            actor = Actor.objects.create(name=entry["name"], kind=entry["kind"], roles=entry.get("roles", []))
            created += 1
        elif entry.get("roles") and not actor.roles:
            actor.roles = entry["roles"]
            actor.save(update_fields=["roles"])
        by_name[entry["name"]] = actor
        for name in (entry["name"], *entry.get("aliases", [])):
            if name and not ActorAlias.objects.filter(normalized=normalize_name(name)).exists():
                ActorAlias.objects.create(actor=actor, name=name)
    for entry in entries:
        actor = by_name[entry["name"]]
        if entry.get("affiliation") and actor.affiliation_id is None:
            target = by_name.get(entry["affiliation"])
            if target is None:
                alias = ActorAlias.objects.filter(normalized=normalize_name(entry["affiliation"])).first()
                target = alias.actor if alias else None
            if target is not None and target.pk != actor.pk:
                actor.affiliation = target
                actor.save(update_fields=["affiliation"])
    return created


def load_threads(entries: list[dict], *, Thread, ActorAlias, resolve=None) -> int:
    """Adds the storylines not yet stored (by slug); returns how many were created."""
    from .models import normalize_name

    created = 0
    for entry in entries:
        thread, new = Thread.objects.get_or_create(
            slug=entry["slug"],
            defaults={
                "name": entry["name"],
                "description": entry.get("description", ""),
                "keywords": entry.get("keywords", []),
            },
        )
        if not new:
            continue
        created += 1
        for name in entry.get("actors", []):
            if resolve is not None:
                thread.actors.add(resolve(name))
                continue
            alias = ActorAlias.objects.filter(normalized=normalize_name(name)).first()
            if alias is not None:
                thread.actors.add(alias.actor)
    return created


def load_fixtures(*, Actor, ActorAlias, Thread, actors_file=ACTORS_FILE, threads_file=THREADS_FILE):
    """Both files: (actors created, threads created)."""
    actors = load_actors(read_entries(actors_file, ("name", "kind")), Actor=Actor, ActorAlias=ActorAlias)
    threads = load_threads(read_entries(threads_file, ("slug", "name")), Thread=Thread, ActorAlias=ActorAlias)
    return actors, threads
