"""Reactions linked to the happening they are about.

A statement or announcement (or an event told with a verb of saying) is a reaction to the happening
its sentence tells of too ("Kirby said after the talks that …"), or else to the happening its article
told of before it whose deed it names ("his visit", "within hours of the collapse"), or else to the
happening its article told of (not only named in passing) just before it that shares a name or a
word with it ("it", "the plan": the event last named), or else to the happening its article opens
with (news tells what happened first and the reactions after it), or else to the deed told just
before it, or else to the words another said that its article opens with (an interview, then the
answers to it), or else to a deed of the days around it that shares someone and a word with it, or
else to the most important deed of its day or the day before that shares a word with it. Words an
article opens with are its own news: only a deed of their day or the day before can be what they
answer. The speaker's name and titles are no shared word, and what the speaker did where the words
were said (a briefing, a call) is their occasion, not their subject. An event that some report
tells as having happened is a happening; it answers another only where its doer's words, told with
it, show which by what they share with it or name (the governor declares an emergency and speaks of
"the Key Bridge is gone"), and only one told before it. Editors can attach or detach a reaction; an
import leaves what they set alone.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from ..models import Actor, Event, EventSource, EventType
from ..nlp.actors import TITLE_WORDS  # "mayor", "spokesman": who speaks, not what about
from ..nlp.clustering import TALK_VERBS, of_saying  # verbs of saying and announcing
from .ranking import DEED, KIND_WEIGHT, TALK_TYPES

# A reaction is about a happening its article told of at most ``REACTION_REACH`` sentences before
# it, or else about the happening its article opens with (in its first ``LEDE`` sentences), or else
# about a deed of the archive at most ``ARCHIVE_DAYS`` before it (a day for words an article opens
# with) or ``AHEAD_DAYS`` after it (the ``ARCHIVE_CANDIDATES`` most important are compared).
REACTION_REACH = 3
LEDE = 2
ARCHIVE_DAYS = 7
AHEAD_DAYS = 1
ARCHIVE_CANDIDATES = 50
# A statement naming a deed its article tells of may look ahead to it by so many days ("his visit").
AHEAD_NAMED = 7
# Verbs telling of words, besides those that make a statement or an announcement: speaking to
# someone, answering, hoping, thanking, comparing.
SAYING = TALK_VERBS | {
    "address", "speak", "respond", "reply", "answer", "react", "hope", "thank", "compare", "pledge",
    "hail", "decline",
}  # fmt: skip


def link_reactions(article) -> set[int]:
    """Links the article's statements and announcements to the happening each is about (see the
    module's text), except where an editor set or cleared the link. Returns the events whose link
    changed and the happenings they now react to."""
    sources = list(
        EventSource.objects.filter(article=article)
        .select_related("event")
        .only(
            "start", "frame", "event__id", "event__event_type", "event__reaction_to",
            "event__locked_fields", "event__date_start", "event__date_end", "event__importance",
        )
        .order_by("start")
    )  # fmt: skip
    by_position: dict[int, list[EventSource]] = defaultdict(list)
    for source in sources:
        by_position[(source.frame or {}).get("position", -1)].append(source)
    actors = _actors_of({s.event_id for s in sources})
    deeds = _told_as_deeds({s.event_id for s in sources})
    opening = {s.event_id for s in sources if _opens(s)}
    told = {s.event_id: s.event for s in sources}
    changed: set[int] = set()
    linked: set[int] = set()  # each row brings its own copy of its event: a statement's first words decide
    for source in sources:
        event = source.event
        if event.is_locked("reaction_to") or event.pk in linked:
            continue
        if event.pk in deeds:
            target = _answer_of_deed(source, deeds[event.pk], sources, by_position, actors, told)
            if target is None and event.reaction_to_id and not _answers_in_own_words(deeds[event.pk]):
                # words linked before another report told them as having happened
                Event.objects.filter(pk=event.pk).update(reaction_to=None)
                changed |= {event.pk, event.reaction_to_id}
                linked.add(event.pk)  # no report of it can link it again: none tells its doers' words
                continue
            if target is None or target == event.reaction_to_id:
                continue
        elif event.reaction_to_id or not _talk(source):
            continue
        else:
            target = _about(source, sources, by_position, actors)
        # Announcements are news, not answers to the archive; so are words an article opens with,
        # unless they answer a deed of their day or the day before.
        if target is None and event.event_type != EventType.ANNOUNCEMENT:
            target = _in_archive(source, actors, days=1 if event.pk in opening else ARCHIVE_DAYS)
        if target is not None:
            Event.objects.filter(pk=event.pk).update(reaction_to=target)
            event.reaction_to_id = target
            linked.add(event.pk)
            changed |= {event.pk, target}
    return changed


def _actors_of(event_ids) -> dict[int, dict[int, str]]:
    """The people and organisations taking part in each event, by id with their names (a country or
    city takes part in too much of a story to say which happening a statement is about)."""
    found: dict[int, dict[int, str]] = defaultdict(dict)
    links = Event.actors.through.objects.filter(event__in=event_ids).exclude(actor__kind=Actor.Kind.PLACE)
    for event_id, actor_id, name in links.values_list("event_id", "actor_id", "actor__name"):
        found[event_id][actor_id] = name
    return found


def _talk(source: EventSource) -> bool:
    """Whether a source tells someone's words (see ``_words``)."""
    return _words(source.event.event_type, source.frame or {})


def _words(kind: str, frame: dict) -> bool:
    """Whether a report of an event of ``kind`` tells someone's words: a statement or announcement,
    or, unless the event is a deed, a verb of saying or words quoted."""
    if kind in TALK_TYPES:
        return True
    return KIND_WEIGHT.get(kind, 0.0) < DEED and _spoken(frame)


@dataclass
class Deed:
    """An event some report tells as having happened: the doers each such report names, and the
    frames of all its reports (in any article)."""

    doers: dict[int, set[str]] = field(default_factory=dict)
    frames: dict[int, dict] = field(default_factory=dict)


def _told_as_deeds(event_ids) -> dict[int, Deed]:
    """The events some report (in any article) tells as having happened, not as someone's words:
    they are happenings (see ``_answer_of_deed``)."""
    sources = EventSource.objects.filter(event__in=event_ids).exclude(event__event_type__in=TALK_TYPES)
    every: dict[int, Deed] = defaultdict(Deed)
    for pk, event_id, kind, frame in sources.values_list("pk", "event_id", "event__event_type", "frame"):
        every[event_id].frames[pk] = frame or {}
        if not _words(kind, frame or {}):
            every[event_id].doers[pk] = set((frame or {}).get("agents", []))
    return {pk: deed for pk, deed in every.items() if deed.doers}


def _spoken(frame: dict) -> bool:
    """Whether a report tells someone's words: a verb of saying, or words quoted."""
    return bool(frame.get("predicate") in SAYING or frame.get("spoken"))


def _own_words(pk: int, frame: dict, reports: dict[int, set[str]]) -> bool:
    """Whether a report tells words of someone another report of its deed names doing it."""
    doers = set().union(*(agents for other, agents in reports.items() if other != pk))
    return _spoken(frame) and bool(doers & set(frame.get("agents", [])))


def _happening(source: EventSource) -> bool:
    """Whether a source's event is a happening a statement can be about: a deed (see
    ``KIND_WEIGHT``) or something told as having happened, not as someone's words (a deed that
    answers another is a happening still)."""
    return KIND_WEIGHT.get(source.event.event_type, 0.0) >= DEED or not _talk(source)


def _about(statement: EventSource, sources, by_position, actors, *, evident: bool = False) -> int | None:
    """The happening of the statement's own article it is about: the one its sentence tells of too
    (a deed before anything else); else the nearest of those told at most ``REACTION_REACH``
    sentences before it, or in the article's opening, whose deed it names; else the nearest of those
    told within that reach that shares a word or someone other than the speaker with it; else the
    one the article opens with (in its first ``LEDE`` sentences) if it shares one; else (unless
    ``evident`` asks for what the words show and nothing less) the nearest deed within reach; else
    the happening the article opens with."""
    position = (statement.frame or {}).get("position", -1)
    within = [
        [s for s in by_position.get(position - back, []) if _answerable(statement, s)]
        for back in range(REACTION_REACH + 1)
    ]
    # "Tchiani, who has declared himself leader, warned ...": what the speaker did, told in passing
    # to say who they are, is not what their words answer
    here = [s for s in within[0] if not (s.in_passing and _by_speaker(statement, s))]
    if here:
        return max(here, key=lambda s: (KIND_WEIGHT.get(s.event.event_type, 0.0), -s.start)).event_id
    opening = sorted(
        (s for s in sources if _opens(s) and _answerable(statement, s)),
        key=lambda s: (s.frame["position"], s.start),
    )
    # "Xi should use his visit to Moscow to …": the happening whose deed the statement names
    if named := [
        s for s in [*(s for told in within[1:] for s in told), *opening] if _names_deed(statement, s)
    ]:
        return named[0].event_id
    if named := _named_elsewhere(statement, sources, actors):
        return named
    for told in within[1:]:
        # a happening named in passing there is no telling of it that words go on from
        if sharing := [s for s in told if _shares(statement, s, actors) and not s.in_passing]:
            return max(sharing, key=lambda s: (KIND_WEIGHT.get(s.event.event_type, 0.0), -s.start)).event_id
    deeds = [s for told in within for s in told if KIND_WEIGHT.get(s.event.event_type, 0.0) >= DEED]
    # of the opening's happenings, the one it shares most with ("warning sirens", not "Maui")
    if sharing := [s for s in opening if _shares(statement, s, actors)]:
        return max(sharing, key=lambda s: _shared(statement, s, actors)).event_id
    if evident:
        return None
    for choice in (deeds, opening):
        if choice:
            return choice[0].event_id
    return _opening_words(statement, sources)


def _named_elsewhere(statement: EventSource, sources, actors) -> int | None:
    """The nearest happening told anywhere in the statement's article whose deed the statement names
    and that has someone other than the speaker in common with it; it may lie up to ``AHEAD_NAMED``
    days after the statement ("his visit to Moscow" before the visit)."""
    position = (statement.frame or {}).get("position", -1)
    others = _others(statement, actors)
    found = [
        s
        for s in sources
        if s.event_id != statement.event_id
        and _happening(s)
        and _names_deed(statement, s)
        and others & actors.get(s.event_id, {}).keys()
        and not _later(s.event, statement.event, days=AHEAD_NAMED)
    ]
    nearest = min(found, key=lambda s: abs((s.frame or {}).get("position", -1) - position), default=None)
    return None if nearest is None else nearest.event_id


def _names_deed(statement: EventSource, source: EventSource) -> bool:
    """Does the statement name the deed the happening's report tells ("his visit" of "Xi visits
    Moscow"), other than by its own verb, and not a deed of saying?"""
    deed = (source.frame or {}).get("predicate", "")
    frame = statement.frame or {}
    return (
        bool(deed)
        and not of_saying(deed)
        and deed != frame.get("predicate")
        and deed in frame.get("terms", [])
    )


def _opens(source: EventSource) -> bool:
    """Whether a report is in its article's opening (its first ``LEDE`` sentences)."""
    return 0 <= (source.frame or {}).get("position", -1) < LEDE


def _opening_words(statement: EventSource, sources) -> int | None:
    """The words of another the statement's article opens with (an interview, then the answers to
    it), or the happening those words react to."""
    speakers = set((statement.frame or {}).get("agents", []))
    for source in sorted(filter(_opens, sources), key=lambda s: (s.frame["position"], s.start)):
        theirs = set(source.frame.get("agents", []))
        answered = source.event.reaction_to_id or source.event_id
        if (
            answered != statement.event_id  # never the statement itself, nor words answering it
            and source.event_id != statement.event_id
            and theirs
            and not theirs & speakers
            and not _later(source.event, statement.event)
        ):
            return answered
    return None


def _shares(statement: EventSource, source: EventSource, actors) -> bool:
    """Whether a happening's report shares a word (other than its verb, the words of the speaker's
    name and titles such as "mayor") or someone other than the speaker with the statement."""
    return _shared(statement, source, actors) > 0


def _shared(statement: EventSource, source: EventSource, actors) -> int:
    """How many such words and people a happening's report shares with the statement (see
    ``_shares``)."""
    frame, theirs = statement.frame or {}, source.frame or {}
    named = {word for name in frame.get("agents", []) for word in name.casefold().split()}
    words = set(frame.get("terms", [])) - {theirs.get("predicate")} - named - TITLE_WORDS
    others = _others(statement, actors)
    return len(words & set(theirs.get("terms", []))) + len(others & actors.get(source.event_id, {}).keys())


def _others(statement: EventSource, actors) -> set[int]:
    """The people and organisations of the statement's event other than its speakers."""
    speakers = set((statement.frame or {}).get("agents", []))
    return {pk for pk, name in actors.get(statement.event_id, {}).items() if name not in speakers}


def _in_archive(statement: EventSource, actors, days: int) -> int | None:
    """A deed of the days around the statement (``days`` before, ``AHEAD_DAYS`` after, as a
    statement may look ahead to a visit) that shares someone other than the speaker and a word with
    it: the most important one; else the most important deed of its day or the day before that
    shares a word with it (the President's words on the day a bridge fell)."""
    event, frame = statement.event, statement.frame or {}
    if event.date_start is None:
        return None
    named = {word for name in frame.get("agents", []) for word in name.casefold().split()}
    words = set(frame.get("terms", [])) - {frame.get("predicate")} - named - TITLE_WORDS
    deeds = (
        Event.objects.visible()
        .filter(
            event_type__in=[k for k, w in KIND_WEIGHT.items() if w >= DEED],
            date_start__lte=event.date_start + dt.timedelta(days=AHEAD_DAYS),
        )
        .exclude(pk=event.pk)
    )
    if others := set(actors.get(event.pk, {})):
        found = _sharing(
            deeds.filter(actors__in=others, date_start__gte=event.date_start - dt.timedelta(days=days)),
            words,
        )
        if found is not None:
            return found
    return _sharing(
        deeds.filter(
            date_start__gte=event.date_start - dt.timedelta(days=1), date_start__lte=event.date_start
        ),
        words,
    )


def _sharing(deeds, words: set[str]) -> int | None:
    """Of the ``ARCHIVE_CANDIDATES`` most important ``deeds``, the first whose reports share one of
    the words."""
    ids = list(
        deeds.distinct().order_by("-importance", "pk").values_list("pk", flat=True)[:ARCHIVE_CANDIDATES]
    )
    if not ids or not words:
        return None
    terms: dict[int, set[str]] = defaultdict(set)
    for event_id, theirs in EventSource.objects.filter(event__in=ids).values_list("event_id", "frame"):
        terms[event_id] |= set((theirs or {}).get("terms", [])) - {(theirs or {}).get("predicate")}
    return next((pk for pk in ids if words & terms[pk]), None)


def _by_speaker(statement: EventSource, source: EventSource) -> bool:
    """Whether ``source`` tells of something done by one of the statement's speakers."""
    speakers = set((statement.frame or {}).get("agents", []))
    return bool(speakers & set((source.frame or {}).get("agents", [])))


def _answerable(statement: EventSource, source: EventSource) -> bool:
    """Whether the statement can be about the happening ``source`` tells of: another event, a
    happening (see ``_happening``), not later than the statement, and, unless it is a deed, not done
    by the speaker (a spokesman "at a press briefing" is the occasion of the words, not their subject)."""
    event = source.event
    if event.pk == statement.event_id or not _happening(source) or _later(event, statement.event):
        return False
    return KIND_WEIGHT.get(event.event_type, 0.0) >= DEED or not _by_speaker(statement, source)


def _answer_of_deed(source: EventSource, deed: Deed, sources, by_position, actors, told) -> int | None:
    """The happening a deed answers, as its doers' own words told with it show (see ``_about``,
    what they share with it or name, nothing less): one of the weightier kinds (see
    ``KIND_WEIGHT``: a meeting, an attack, a decision), not after the deed, and no report of it in
    the article with the deed's verb (then they tell one deed twice); else None."""
    if not _own_words(source.pk, source.frame or {}, deed.doers):
        return None
    target = _about(source, sources, by_position, actors, evident=True)
    if target is None:
        return None
    happening, event = told[target], source.event
    if KIND_WEIGHT.get(happening.event_type, 0.0) < DEED or _later(happening, event, days=0):
        return None
    verbs = {
        pk: {(s.frame or {}).get("predicate") for s in sources if s.event_id == pk} - {None, ""}
        for pk in (target, event.pk)
    }
    return None if verbs[target] & verbs[event.pk] else target  # one deed told twice answers nothing


def _answers_in_own_words(deed: Deed) -> bool:
    """Whether some report (in any article) of the deed tells its doers' words: then the happening
    it was found to answer stands."""
    return any(_own_words(pk, frame, deed.doers) for pk, frame in deed.frames.items())


def _later(happening: Event, statement: Event, days: int = 1) -> bool:
    """Whether the happening took place more than ``days`` after the statement (then it cannot be
    what it answers)."""
    if happening.date_start is None or statement.date_end is None:
        return False
    return happening.date_start > statement.date_end + dt.timedelta(days=days)
