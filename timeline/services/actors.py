"""Names to stored actors: the gazetteer file, the aliases stored, and the merges editors made."""

from __future__ import annotations

import re

from django.db.models import Count, Q
from rapidfuzz import fuzz

from .. import gazetteer as gazetteer_file
from ..models import Actor, ActorAlias, Event, normalize_name, unique_slugs
from ..nlp.actors import (
    ABBREVIATED,
    DESIGNATIONS,
    Gazetteer,
    given_name_shortened,
    initials,
    name_key,
    office_acronym,
    office_of,
    same_name,
    skeleton,
    turned,
)
from ..nlp.types import ArticleExtraction


def survivor(actor: Actor, actors: dict[int, Actor] | None = None) -> Actor:
    """The actor ``actor`` lives on in after an editor's merges (``merged_into``, followed to its
    end), or ``actor`` itself. ``actors``: every actor by pk, read already, to follow the merges
    without a query each."""
    seen = set()
    while actor.merged_into_id and actor.pk not in seen:
        seen.add(actor.pk)
        merged_into = actor.merged_into if actors is None else actors.get(actor.merged_into_id)
        if merged_into is None:
            break
        actor = merged_into
    return actor


def build_gazetteer() -> Gazetteer:
    """The gazetteer file with what editors settled, as the extraction pipeline reads them: the
    spellings of actors an editor merged (they name the survivor), and every stored role and
    affiliation.

    The names imports stored are left to storing (``store_actors`` and ``named_in_archive``), so
    that what an article gives does not depend on which articles were imported before it: an
    import of the same files gives the same events however often it runs, and a name the tagger
    took wrongly once ("Angkor Wat" for a person) is not read so in every later article."""
    gazetteer = gazetteer_file.file_gazetteer()
    actors = {a.pk: a for a in Actor.objects.all()}
    merged = {a.pk for a in actors.values() if a.merged_into_id} | {
        a.merged_into_id for a in actors.values() if a.merged_into_id
    }
    for alias in ActorAlias.objects.filter(actor_id__in=merged).only("name", "normalized", "actor_id"):
        actor = survivor(actors[alias.actor_id], actors)
        gazetteer.entries[alias.normalized] = (actor.name, actor.kind)
        gazetteer.spellings.setdefault(alias.normalized, alias.name)
    for actor in actors.values():
        if actor.merged_into_id:
            continue
        for role in actor.roles or []:
            gazetteer.roles.setdefault(normalize_name(role), set()).add(actor.name)
        if actor.affiliation_id in actors:
            gazetteer.affiliation[actor.name] = survivor(actors[actor.affiliation_id], actors).name
    return gazetteer


def resolve_actor(name: str, kind: str, *, _depth: int = 0) -> Actor:
    """The stored actor a name refers to. A new one is created with the name as its first alias, or,
    when the gazetteer file knows the name, with the file's name, kind, aliases, roles and affiliation."""
    alias = ActorAlias.objects.select_related("actor").filter(normalized=normalize_name(name)).first()
    if alias is not None:
        return survivor(alias.actor)
    entry = gazetteer_file.known_actors().get(normalize_name(name))
    if entry is None:
        actor = Actor.objects.create(name=name, kind=kind)
        ActorAlias.objects.create(actor=actor, name=name)
        return actor
    if entry["name"] != name and _depth == 0:
        return resolve_actor(entry["name"], entry["kind"], _depth=1)
    actor = Actor.objects.create(name=entry["name"], kind=entry["kind"], roles=entry.get("roles", []))
    for spelling in (entry["name"], *entry.get("aliases", [])):
        record_alias(actor, spelling)
    if entry.get("affiliation") and _depth < 2:
        affiliation = resolve_actor(entry["affiliation"], "place", _depth=2)
        if affiliation.pk != actor.pk:
            actor.affiliation = affiliation
            actor.save(update_fields=["affiliation"])
    return actor


def record_alias(actor: Actor, name: str) -> None:
    """Records a new spelling of ``actor``; a spelling already taken by another actor is left alone."""
    normalized = normalize_name(name)
    if normalized and not ActorAlias.objects.filter(normalized=normalized).exists():
        ActorAlias.objects.create(actor=actor, name=name)


def store_actors(extraction: ArticleExtraction) -> dict[str, Actor]:
    """The stored actor of every canonical name the extraction uses; new spellings become aliases.

    Names already stored are looked up in one query; only new actors cost more. A spelling that
    another actor holds already (or that a concurrent import has just stored) is left alone."""
    spellings = [(e.name, s) for e in extraction.actors for s in (e.name, *e.mentions)]
    spellings += [(name, alias) for alias, name in extraction.aliases.items()]
    known = {
        alias.normalized: alias
        for alias in ActorAlias.objects.select_related("actor").filter(
            normalized__in={normalize_name(s) for _, s in spellings}
        )
    }
    actors, plain = {}, {}
    for extracted in extraction.actors:
        alias = known.get(normalize_name(extracted.name))
        if alias is not None:
            actors[extracted.name] = survivor(alias.actor)
        elif gazetteer_file.known_actors().get(normalize_name(extracted.name)):
            actors[extracted.name] = resolve_actor(extracted.name, extracted.kind)
        elif (found := named_in_archive(extracted.name, extracted.kind)) is not None:
            actors[extracted.name] = found
        else:
            plain[extracted.name] = extracted.kind
    actors |= _created_once(plain)
    new = {}
    for name, spelling in spellings:
        normalized = normalize_name(spelling)
        if name in actors and normalized and normalized not in known:
            new.setdefault(normalized, ActorAlias(actor=actors[name], name=spelling, normalized=normalized))
    ActorAlias.objects.bulk_create(new.values(), ignore_conflicts=True)
    return actors


def named_in_archive(name: str, kind: str) -> Actor | None:
    """The one stored actor that a new name is another form of, or None: the same name written
    another way ("Kahramanmaraş", "US Geological Survey"), an acronym or the last words of its name
    ("FDIC", "Coast Guard"), or for a person the surname ("Bazoum", "Mr Bazoum") or another spelling
    of the full name ("Abdourahmane Tchiani", "Mohammed Bazoum"). Different people sharing a word stay
    apart: a name that fits two actors fits none, unless it is one of them written another way, or
    an organisation's short form that the archive names one of them far more often by."""
    key = name_key(name)
    words = key.split()
    if not words:
        return None
    rows = ActorAlias.objects.all()
    if len(words) == 1 and name.isupper():
        # an acronym's first letter begins the name it stands for (a range an index serves)
        first = key[0]
        rows = rows.filter(normalized__gte=first, normalized__lt=chr(ord(first) + 1))
    else:  # parts of words, which PostgreSQL finds by their trigrams (migration 0012)
        near = Q(normalized__contains=words[-1][:4]) | Q(normalized__contains=words[0][:4])
        if kind == "organization":
            near |= _offices_near(name) | Q(normalized=initials(name).lower())
        rows = rows.filter(near)
    spellings, actor_names = set(), {}
    for alias_name, actor_id, actor_kind, actor_name in rows.values_list(
        "name", "actor_id", "actor__kind", "actor__name"
    )[:ARCHIVE_CANDIDATES]:
        spellings |= {(alias_name, actor_id, actor_kind), (actor_name, actor_id, actor_kind)}
        actor_names[actor_id] = actor_name
    found = set()
    for spelling, actor_id, actor_kind in spellings:
        acronym = _acronym_of(spelling, name)
        if acronym and spelling != actor_names[actor_id]:
            continue  # the acronym of another name stored with it ("CIS", Commonwealth of Independent States)
        sharing = name.isupper() or set(words) & set(name_key(spelling).split())
        sharing = sharing or office_of(name, spelling) or office_of(spelling, name) or acronym
        sharing = sharing or spelt_alike(name, kind, spelling, actor_kind)
        if actor_id not in found and sharing and _forms_of_one(name, kind, spelling, actor_kind):
            found.add(actor_id)
    if len(found) > 1:
        # the same name written another way outranks a shorter or looser form ("US Coast Guard" is the
        # "U.S. Coast Guard" stored, whatever "Coast Guard" stands for)
        same = {
            actor_id for spelling, actor_id, _ in spellings if actor_id in found and name_key(spelling) == key
        }
        found = same or found
    if len(found) > 1 and office_acronym(name):
        found = _told_with_place(found, name.split()[1])
    if len(found) > 1 and kind == "organization":
        found = _most_told(found)
    if len(found) != 1:
        return None
    return survivor(Actor.objects.get(pk=found.pop()))


# How many times more events an organisation must take part in than any other that a short form of
# its name fits, to be the one the short form stands for (see ``_most_told``).
MOST_TOLD = 2


def _most_told(actor_ids: set[int]) -> set[int]:
    """Of the organisations a short form fits ("Coast Guard": the U.S. and the Canadian one), the one
    that takes part in ``MOST_TOLD`` times as many events as any other (and in ``MOST_TOLD`` at
    least), as a reader takes "the Coast Guard" of a story for the one it keeps naming; else all."""
    counts = dict(
        Actor.objects.filter(pk__in=actor_ids).annotate(told=Count("events")).values_list("pk", "told")
    )
    first, second, *_ = sorted(counts, key=counts.get, reverse=True)
    return {first} if counts[first] >= MOST_TOLD * max(counts[second], 1) else actor_ids


def _told_with_place(actor_ids: set[int], place: str) -> set[int]:
    """Of the organisations an office's acronym fits ("RCC Halifax": the Joint Rescue Coordination
    Centre, the Emergency Response Coordination Centre), those the archive tells of with its place."""
    there = Event.objects.filter(actors__aliases__normalized=normalize_name(place)).values("pk")
    links = Event.actors.through.objects.filter(event_id__in=there, actor_id__in=actor_ids)
    return set(links.values_list("actor_id", flat=True))


def _offices_near(name: str) -> Q:
    """Stored names that an office written as an acronym and a place ("RCC Halifax", see
    ``office_of``) may be of, those whose last words begin with its letters; for another name, the
    stored offices written with the letters of its last words."""
    if acronym := office_acronym(name):
        return Q(normalized__regex="(^| )" + " ".join(rf"{re.escape(c)}\S*" for c in acronym.lower()) + "$")
    letters = initials(name).lower()
    tails = [re.escape(letters[-k:]) for k in range(3, len(letters) + 1)]
    return Q(normalized__regex=f"^({'|'.join(tails)}) ") if tails else Q(pk__in=[])


# How many stored spellings a new name is compared with, at most.
ARCHIVE_CANDIDATES = 2000
# rapidfuzz ratio above which two spellings of a person's name are one name ("Abdourahmane"/"Abdourahamane")
SPELLING = 88
# and above which their given names, shorter, are ("Louis"/"Louie", not "Jill"/"Joe")
GIVEN_SPELLING = 80


# A country written before an institution's name ("US Treasury", "U.S. Navy", as ``name_key`` writes it).
NATIONAL = {"us", "uk"}


# Kinds of actors that are bodies of people: a tagger takes one for the other.
BODY_KINDS = {"organization", "group"}


# How long a place's or organisation's name must be for another spelling of it to be one name.
SPELT_ALIKE = 6


def spelt_alike(name: str, kind: str, stored: str, stored_kind: str) -> bool:
    """Are two names of places or organisations, of ``SPELT_ALIKE`` letters or more, one name spelt
    two ways ("Marrakesh", "Marrakech"), whichever of the two kinds a tagger took each for?"""
    if "person" in (kind, stored_kind) or min(len(name_key(name)), len(name_key(stored))) < SPELT_ALIKE:
        return False
    return skeleton(name) == skeleton(stored)


def _forms_of_one(name: str, kind: str, stored: str, stored_kind: str) -> bool:
    if name_key(name) == name_key(stored) or spelt_alike(name, kind, stored, stored_kind):
        return True
    if kind != stored_kind and "person" in (kind, stored_kind):
        # a tagger takes a bridge for a place or an organisation, never for a person; but it takes an
        # unknown word alone for a person ("Lahaina"), which may be the place named in full
        doubted = next((k for n, k in ((name, kind), (stored, stored_kind)) if _in_doubt(n)), None)
        if doubted != "person":
            return False
        kind = stored_kind = next(k for k in (kind, stored_kind) if k != "person")
    if same_name(name, stored, kind) or (kind == stored_kind == "organization" and office_of(stored, name)):
        return True
    if kind == "person" and given_name_shortened(name_key(stored).split(), name_key(name).split()):
        return True  # "Patrick Ryder" is the "Pat Ryder" stored
    if kind == stored_kind == "organization" and _acronym_of(stored, name):
        return True  # "Environmental Protection Agency" is the "EPA" stored
    if (
        kind == stored_kind == "organization"
        and (len(core := _undesignated(name)) > 1 or _abbreviated(name) or _abbreviated(stored))
        and core == _undesignated(stored)
    ):
        return True  # "Norfolk Southern Railway" is the "Norfolk Southern" stored, "Boeing Co." "Boeing"
    if name_key(name).startswith(name_key(stored) + " ") and same_name(stored, name, stored_kind):
        return True  # "Signature Bank of New York", "OceanGate Expeditions": no other than the stored
    new, old = name_key(name).split(), name_key(stored).split()
    if {kind, stored_kind} <= BODY_KINDS and len(new) > 1 and sorted(new) == sorted(old):
        return True  # "Wagner PMC" is the "PMC Wagner" stored
    if kind == stored_kind and turned(old, new):
        return True  # "Kahramanmaraş" is the "Kahramanmaras province" stored
    if kind != "person":
        return new[0] in NATIONAL and new[1:] == old  # "US Treasury" is the "Treasury" stored
    if new[-1] != old[-1] and fuzz.ratio(skeleton(new[-1]), skeleton(old[-1])) < SPELLING:
        return False
    if len(new) == 1:
        return len(old) > 1  # "Bazoum" is the Mohamed Bazoum the archive knows
    if (
        len(old) > 1
        and new[0] == old[0]
        and new[-1] == old[-1]
        and (set(new) <= set(old) or set(old) <= set(new))
    ):
        return True  # a middle name left out: "Dorlian Castillo Cabrera", "Dorlian Ronial Castillo Cabrera"
    if len(old) < 2 or fuzz.ratio(skeleton(name), skeleton(stored)) < SPELLING:
        return False
    # the given names must be spellings of one too: "Jill Biden" is not "Joe Biden"
    return fuzz.ratio(skeleton(" ".join(new[:-1])), skeleton(" ".join(old[:-1]))) >= GIVEN_SPELLING


# Words that end a company's name saying only what kind of company it is, besides the designations
# the extraction knows ("Inc.", "Corp.", "Group"): "Norfolk Southern Railway" is Norfolk Southern.
DESIGNATORS = DESIGNATIONS | ABBREVIATED | {"railway", "railways", "railroad", "limited"}


def _undesignated(name: str) -> list[str]:
    """A company name's words without the designators that end it (see ``DESIGNATORS``)."""
    words = name_key(name).split()
    while len(words) > 1 and words[-1] in DESIGNATORS:
        words.pop()
    return words


def _abbreviated(name: str) -> bool:
    """Does a company's name end in an abbreviated designation ("Boeing Co.", "Apple Inc.")?"""
    words = name_key(name).split()
    return len(words) > 1 and words[-1] in ABBREVIATED


def _acronym_of(acronym: str, name: str) -> bool:
    """Is ``acronym`` the acronym of the words of ``name`` ("EPA", "Environmental Protection Agency")?"""
    return " " not in acronym and acronym.isupper() and len(acronym) >= 3 and initials(name) == acronym


def _in_doubt(name: str) -> bool:
    """Is a name one word the gazetteer does not know, whose kind a tagger guesses?"""
    return (
        len(name_key(name).split()) == 1
        and not name.isupper()
        and not gazetteer_file.known_actors().get(normalize_name(name))
    )


def _created_once(kinds: dict[str, str]) -> dict[str, Actor]:
    """``_create_actors`` for one article's new names, one actor for the names that are one name
    written two ways ("US Geological Survey", "United States Geological Survey"), or a short form of
    only one of the longer ones ("Jayark" of "Jayark Corp.", "Lahaina" taken for a person of "Lahaina
    Town"), as the archive would take the one for the other had they come in two articles (see
    ``named_in_archive``)."""
    forms: dict[str, list[str]] = {}
    for name in kinds:
        forms.setdefault(name_key(name), []).append(name)
    # of two forms, the one written as a name is: "Pierre Thomas", not "PIERRE THOMAS"
    chosen = {key: max(names, key=_as_a_name) for key, names in forms.items()}
    longest = sorted(chosen.values(), key=lambda n: (-len(name_key(n).split()), n))
    whole: dict[str, str] = {}  # each name's longer form, or itself
    for name in longest:
        fits = [w for w, of in whole.items() if w == of and _forms_of_one(name, kinds[name], w, kinds[w])]
        whole[name] = fits[0] if len(fits) == 1 else name
    created = _create_actors({name: kinds[name] for name in whole if whole[name] == name})
    return {name: created[whole[chosen[name_key(name)]]] for name in kinds}


def _as_a_name(name: str) -> tuple[bool, int]:
    """How much a spelling is written as a name: not in capitals throughout, its words capitalised."""
    return not name.isupper(), sum(word[:1].isupper() for word in name.split())


def _create_actors(kinds: dict[str, str]) -> dict[str, Actor]:
    """New actors the gazetteer does not know, by name, in three queries (slugs, actors, aliases)."""
    if not kinds:
        return {}
    names = list(kinds)
    created = Actor.objects.bulk_create(
        Actor(name=name, kind=kinds[name], slug=slug)
        for name, slug in zip(names, unique_slugs(Actor, names), strict=True)
    )
    ActorAlias.objects.bulk_create(
        (ActorAlias(actor=a, name=a.name, normalized=normalize_name(a.name)) for a in created),
        ignore_conflicts=True,
    )
    return {a.name: a for a in created}
