"""What the matcher knows of stored events, read from the database for ``clustering.assign``.

An import compares every new report with the stored events of its date window, and the articles of
one import mostly share windows. ``StoredEvents`` therefore keeps, for one import, what it has read
of each event with the event's ``updated_at``: an article costs one query listing the window's
events and their stamps, and only events new or changed since (by this import, another one or an
editor) are read again. Changes that leave an event's stamp alone (an actor renamed by an editor's
merge) reach the matcher with the next import.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from django.contrib.postgres.search import SearchQuery
from django.db import connections
from django.db.models import CharField, Q
from django.db.models.functions import Cast

from .models import Actor, Event, EventSource, Flag
from .nlp import clustering
from .nlp.clauses import kin_of, kinds_of
from .nlp.clustering import FAMILY_OF, PREDICATE_FAMILIES
from .nlp.dating import overlaps
from .nlp.types import ExtractedEvent


def actor_names(actors) -> tuple[frozenset[str], frozenset[str]]:
    """(people, organisations and cities; countries named or stood for): "Kyiv" and "Ukraine" meet.

    ``actors`` are (name, kind, affiliation's name or None) triples."""
    specific, countries = set(), set()
    for name, kind, affiliation in actors:
        if kind == Actor.Kind.PLACE and not affiliation:
            countries.add(name)
            continue
        specific.add(name)
        if affiliation:
            countries.add(affiliation)
    return frozenset(specific), frozenset(countries)


def _described(actors: dict[str, Actor], names) -> list[tuple[str, str, str | None]]:
    return [
        (a.name, a.kind, a.affiliation.name if a.affiliation_id else None)
        for n in names
        if (a := actors.get(n)) is not None
    ]


def report_of(article, extracted: ExtractedEvent, actors: dict[str, Actor]) -> clustering.Report:
    """A new report as the matcher sees it; ``actors`` are the stored actors of its names."""
    specific, countries = actor_names(_described(actors, extracted.actors))
    agents, agent_countries = actor_names(_described(actors, extracted.agents))
    return clustering.Report(
        date_start=extracted.date_start,
        date_end=extracted.date_end,
        precision=extracted.precision,
        from_publication=Flag.unstated(extracted.flags),
        published=article.published,
        actors=specific,
        countries=countries,
        words=extracted.words,
        event_type=extracted.event_type,
        article=article.pk,
        predicate=extracted.predicate,
        agents=agents,
        agent_countries=agent_countries | (agents & countries),
        sentence=extracted.sentence_start,
        position=extracted.position,
        terms=extracted.terms,
        reference=extracted.reference,
        told_subject=extracted.told_subject,
        deed_told=extracted.deed_told,
        spoken=extracted.spoken,
        subject_of=extracted.subject_of,
        another=extracted.another,
        doer=extracted.doer,
        patients=frozenset(stored_names(actors, extracted.patients)),
        roles=stored_roles(actors, extracted.roles),
        foreseen=extracted.foreseen,
        part_of=extracted.part_of,
        said_in=extracted.said_in,
        restated=extracted.restated,
        said_after=extracted.said_after,
    )


def stored_names(actors: dict[str, Actor], names) -> list[str]:
    """The names of the actors that names in a text were stored as ("Bazoum": "Mohamed Bazoum")."""
    return [actors[n].name if n in actors else n for n in names]


def stored_roles(actors: dict[str, Actor], roles: str) -> str:
    """A report's roles (``ExtractedEvent.roles``) with its doer's name as the actor was stored."""
    doer, _, thing = roles.partition(">")
    return f"{stored_names(actors, [doer])[0]}>{thing}" if thing else roles


def could_join(reports: list[clustering.Report]):
    """The stored events that any of the reports could join at all, as the matcher tells
    (``clustering._Candidates``, ``match_score``): those sharing a name with them (a person,
    organisation, city or country taking part or doing it), a verb or one of its family, or an
    article, those a happening named in passing names, those a happening of a report's doer's kind
    did or of the kind a report's deed is part of, and those of a report's own day and kind.
    Each part is found by an index, so an import reads what it may join, not every event of a busy
    window, and costs the same in a large archive as in a small one. A query of event ids."""
    names = set().union(*(r.actors | r.countries | r.agents | r.agent_countries for r in reports))
    # Verbs of saying are left out: statements of other days match only by who said them.
    verbs = {r.predicate for r in reports if r.predicate and not r.reference and r.of_deed}
    verbs |= {v for p in verbs if p in FAMILY_OF for v in PREDICATE_FAMILIES[FAMILY_OF[p]]}
    # the happening a deed is part of, told by its noun or by what it did (``part_of``)
    part_of = {noun for r in reports if r.part_of for noun in kin_of(r.part_of)}
    verbs |= part_of
    articles = {r.article for r in reports if r.article is not None}
    sources = EventSource.objects.order_by()
    parts = [sources.filter(article_id__in=articles).values_list("event_id", flat=True)]
    if verbs:
        parts.append(sources.filter(frame__predicate__in=sorted(verbs)).values_list("event_id", flat=True))
    named = list(Actor.objects.filter(name__in=names).values_list("pk", flat=True))
    taking_part = [*named, *Actor.objects.filter(affiliation_id__in=named).values_list("pk", flat=True)]
    links = Event.actors.through.objects.filter(actor_id__in=taking_part)
    parts.append(links.values_list("event_id", flat=True))
    events = Event.objects.order_by()
    spoken_of = sorted(
        {noun for r in reports if r.reference and r.predicate for noun in kinds_of(r.predicate)}
    )
    if spoken_of and connections[events.db].vendor == "postgresql":
        # the words of the stored events' sentences, in their search documents' index
        query = SearchQuery(" or ".join(spoken_of), search_type="websearch", config="english")
        # what an article names in passing happened before it, at most ``LOOK_BACK`` days before
        for published in {r.published for r in reports if r.reference and r.published}:
            low = published - dt.timedelta(days=clustering.LOOK_BACK)
            found = events.between(low, published).filter(search_document=query)
            parts.append(found.values_list("pk", flat=True))
    elif spoken_of:
        in_words = Q()
        for word in spoken_of:
            in_words |= Q(frame__terms__icontains=f'"{word}"')
        parts.append(sources.filter(in_words).values_list("event_id", flat=True))
    # Events that a happening of a report's doer's kind did (``same_doer``).
    doers = sorted(
        {noun for r in reports if r.doer and not r.reference for noun in kinds_of(r.doer)} | part_of
    )
    if doers:
        parts.append(sources.filter(frame__doer__in=doers).values_list("event_id", flat=True))
    # Events whose deed was done by a doer and to a thing of a report's nouns (``same_roles``).
    roles = sorted({r.roles for r in reports if r.roles and not r.reference})
    if roles:
        parts.append(sources.filter(frame__roles__in=roles).values_list("event_id", flat=True))
    # Events told as another of a kind on the days of a report told so (``second_of_kind``).
    second_days = Q()
    for r in reports:
        if r.another and r.date_start is not None:
            second_days |= Q(event__date_start__lte=r.date_end, event__date_end__gte=r.date_start)
    if second_days:
        parts.append(sources.filter(second_days, frame__another=True).values_list("event_id", flat=True))
    # Events of exactly a report's day and of its kind: the same day is enough to match on what
    # happened alone (``match_score``).
    days: dict[tuple, set[str]] = {}
    for r in reports:
        kinds = {r.event_type} - {"other"} | (clustering.TALK_TYPES if r.talk else set())
        if r.precision == "day" and not r.from_publication and kinds and not r.reference:
            days.setdefault((r.date_start, r.date_end), set()).update(kinds)
    for (start, end), kinds in days.items():
        same_day = events.filter(date_start=start, date_end=end, event_type__in=sorted(kinds))
        parts.append(same_day.values_list("pk", flat=True))
    return parts[0].union(*parts[1:])


def _source_words(row: dict) -> frozenset[str]:
    """A stored source's wording as the matcher compares it (sources stored before the wording was
    kept with them are read from their title and sentence)."""
    words = (row["frame"] or {}).get("words")
    if words is not None:
        return frozenset(words)
    return clustering.keywords(f"{row['title']} {row['sentence']}")


@dataclass
class _Read:
    """One stored event as last read: its stamp, its profile, and the sentences its sources are in."""

    updated_at: str  # the event's ``updated_at``, as the database writes it
    profile: clustering.Profile
    sentences: frozenset[tuple]


class StoredEvents:
    """The stored events near new reports, as ``clustering.Profile``\\ s (see the module docstring)."""

    def __init__(self) -> None:
        self._read: dict[int, _Read] = {}
        # happenings named in passing that named no event when their article was stored, with the
        # article and its stored actors: placed again once the import has stored the rest
        self.unnamed: list[tuple] = []

    def near(self, reports: list[clustering.Report]) -> dict[int, clustering.Profile]:
        """Profiles of the stored events in the reports' date windows, for ``assign`` to change."""
        spans = clustering.windows(reports)
        if not spans:
            return {}
        undated_spans = clustering.windows(reports, undated=True)
        # the stamp as text: comparing needs no datetime built for every event of the window
        # read by id (the candidates are few), kept when they fall in a window
        candidates = Event.objects.filter(pk__in=list(could_join(reports)), date_start__isnull=False)
        stamps = {
            pk: at
            for pk, start, end, at, flags in candidates.values_list(
                "pk", "date_start", "date_end", Cast("updated_at", CharField()), "flags"
            )
            if end is not None
            and any(
                overlaps(low, high, start, end)
                for low, high in (undated_spans if Flag.unstated(flags) else spans)
            )
        }
        stale = [pk for pk, at in stamps.items() if pk not in self._read or self._read[pk].updated_at != at]
        if stale:
            self._read.update(_read_events(stale))
        found = {pk: self._read[pk] for pk in stamps if pk in self._read}
        about = _told_together(found)
        for pk, read in found.items():
            if read.profile.about != about.get(pk, frozenset()):
                read.profile = replace(read.profile, about=about.get(pk, frozenset()))
        return {pk: read.profile for pk, read in found.items()}


def _read_events(pks: list[int]) -> dict[int, _Read]:
    """Three queries (events, their sources, their actors) for any number of events."""
    events = {
        row["pk"]: row
        for row in Event.objects.filter(pk__in=pks).values(
            "pk", "date_start", "date_end", "event_type", stamp=Cast("updated_at", CharField())
        )
    }
    sources: dict[int, list[dict]] = {}
    for row in EventSource.objects.filter(event_id__in=events).values(
        "event_id", "article_id", "article__published", "title", "sentence", "start", "flags", "frame"
    ):
        sources.setdefault(row["event_id"], []).append(row)
    members: dict[int, list[tuple]] = {}
    for row in Event.actors.through.objects.filter(event_id__in=events).values_list(
        "event_id", "actor__name", "actor__kind", "actor__affiliation__name"
    ):
        members.setdefault(row[0], []).append(row[1:])
    names = {n: (n, kind, affiliation) for rows in members.values() for n, kind, affiliation in rows}
    out = {}
    for pk, event in events.items():
        rows = sources.get(pk)
        if not rows:
            continue
        sentences = {(r["article_id"], (r["frame"] or {}).get("sentence_start", r["start"])) for r in rows}
        profile = _profile(event, rows, members.get(pk, []), names)
        out[pk] = _Read(event["stamp"], profile, frozenset(sentences))
    return out


def profiles_of(pks: list[int]) -> dict[int, clustering.Profile]:
    """The profiles of the given events (those with sources), in three queries."""
    return {pk: read.profile for pk, read in _read_events(pks).items()}


def _profile(event: dict, every_row: list[dict], members: list[tuple], names: dict) -> clustering.Profile:
    # what its sources say; those naming it in passing add only their words and articles
    rows = [r for r in every_row if not (r["frame"] or {}).get("reference")] or every_row
    published = [r["article__published"] for r in rows if r["article__published"]]
    specific, countries = actor_names(members)
    # the tellers of a deed told as their words are neither its doers nor its speakers
    own, theirs = [], []
    for f in (r["frame"] or {} for r in rows):
        told = clustering.told_deed(
            f.get("spoken"), f.get("roles", ""), f.get("predicate", ""), f.get("agents", ())
        )
        (theirs if told else own).append(f)
    tellers, _ = actor_names(names[n] for f in theirs for n in f.get("agents", []) if n in names)
    agent_names = {n for f in own for n in f.get("agents", [])}
    agents, agent_countries = actor_names(names[n] for n in agent_names if n in names)
    said = {
        n
        for f in own
        if f.get("talk", f.get("spoken") or clustering.of_saying(f.get("predicate", "")))
        for n in f.get("agents", [])
    }
    speakers, _ = actor_names(names[n] for n in said if n in names)
    return clustering.Profile(
        date_start=event["date_start"],
        date_end=event["date_end"],
        from_publication=all(Flag.unstated(r["flags"]) for r in rows),
        published=min(published) if published else None,
        actors=specific,
        countries=countries,
        words=tuple(_source_words(r) for r in rows),
        types=frozenset({event["event_type"]}),
        articles=frozenset(r["article_id"] for r in every_row),
        predicates=frozenset(p for r in rows if (p := (r["frame"] or {}).get("predicate"))),
        another=any((r["frame"] or {}).get("another") for r in rows),
        doers=frozenset(d for r in rows if (d := (r["frame"] or {}).get("doer"))),
        patients=frozenset(n for r in rows for n in (r["frame"] or {}).get("patients", ())),
        roles=frozenset(x for r in rows if (x := (r["frame"] or {}).get("roles"))),
        foreseen=all((r["frame"] or {}).get("foreseen") for r in rows),
        foresees=any((r["frame"] or {}).get("foreseen") for r in rows),
        said_in=frozenset(x for r in rows if (x := (r["frame"] or {}).get("said_in"))),
        said_after=all((r["frame"] or {}).get("said_after") or Flag.unstated(r["flags"]) for r in rows),
        agents=agents,
        agent_countries=agent_countries | (agents & countries),
        terms=tuple(
            (
                r["article_id"],
                (r["frame"] or {}).get("position", -1),
                frozenset((r["frame"] or {}).get("terms", ())),
            )
            for r in every_row
        ),
        speakers=speakers,
        tellers=tellers,
    )


def _told_together(found: dict[int, _Read]) -> dict[int, frozenset[int]]:
    """For each statement or announcement event, the happenings its sources' sentences tell of too."""
    by_sentence: dict[tuple, set[int]] = {}
    for pk, read in found.items():
        for key in read.sentences:
            by_sentence.setdefault(key, set()).add(pk)
    told: dict[int, set[int]] = {}
    for together in by_sentence.values():
        happenings = {e for e in together if not found[e].profile.types & clustering.TALK_TYPES}
        for e in together - happenings:
            told.setdefault(e, set()).update(happenings)
    return {e: frozenset(h) for e, h in told.items()}
