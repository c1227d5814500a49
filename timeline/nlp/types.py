"""Plain data passed from the extraction pipeline to whoever stores or prints it."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Timex:
    """A temporal expression found in a text, with its TimeML type and TIMEX3 value.

    ``start``/``end`` are ``str`` offsets into the article body. ``value`` is ``None`` when the
    expression cannot be resolved (undated article, impossible date); ``flags`` says why.
    """

    text: str
    start: int
    end: int
    type: str = "DATE"  # DATE, TIME, DURATION or SET
    value: str | None = None
    end_value: str | None = None
    modifier: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER
    flags: tuple[str, ...] = ()

    def as_json(self) -> dict:
        data = asdict(self)
        data["flags"] = list(self.flags)
        return data


@dataclass
class ActorMention:
    """One place in the text that names an actor, already resolved to its canonical name."""

    name: str
    kind: str  # person, organization, place, group
    text: str
    start: int
    end: int
    # named by a phrase standing for a name ("the Chinese president", "he", "the city"), not by a name
    role: bool = False
    written: tuple[str, ...] = ()  # the name with the titles written before it ("President Biden"), if any


@dataclass
class ExtractedActor:
    name: str
    kind: str
    mentions: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return asdict(self)


@dataclass
class ExtractedEvent:
    """A happening or statement that one clause asserts, with the date attached to that clause."""

    title: str
    sentence: str  # the words that report it: the sentence, or its clause when the sentence reports more
    start: int  # the span of ``sentence`` in the body
    end: int
    date_start: dt.date | None
    date_end: dt.date | None
    precision: str | None  # day, week, month, year
    event_type: str = "other"
    actors: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    timex: Timex | None = None
    summary: str = ""  # the whole sentence
    # who did it and what was done: the subject's actors ("the speaker" of a statement) and the
    # lemma of the verb or event noun that tells what happened ("announce", "visit")
    agents: list[str] = field(default_factory=list)
    predicate: str = ""
    # the content words of title and clause, with the names of the actors that words like "he" and
    # "the city" stand for, for comparing one report's wording with another's
    words: frozenset[str] = frozenset()
    sentence_start: int = -1  # where the sentence begins: reports of one sentence are told together
    position: int = -1  # the sentence's number in the article
    # lemmas of its content words and the words of the names it names (see ``discourse.Rarity``)
    terms: frozenset[str] = frozenset()
    # a happening the sentence names in passing ("killed in the collapse of the bridge"): no event of
    # its own, the sentence becomes a source of the event it names, if any (see ``clustering.assign``)
    reference: bool = False
    # named in passing as the subject of what a report's words tell ("the survey said the tremor
    # struck 18 km deep"): the happening that report tells (see ``clustering.told_here``)
    told_subject: bool = False
    # named in passing by its verb, in a clause ("after the bridge collapsed"), not by a noun
    deed_told: bool = False
    # told as someone's words ("Zelensky revealed he had invited Xi"), whatever its type says it tells
    spoken: bool = False
    # the happening its subject names ("The quake was also felt in Cyprus": "quake"), or for someone's
    # words the subject of what they report it did ("the survey said the tremor struck 18 km deep"): it
    # tells more of a happening its article has told of (see ``discourse.goes_on``)
    subject_of: str = ""
    # it tells of another happening of a kind told before ("a second quake", "another fire")
    another: bool = False
    # the happening that did it, by its noun: "A 7.8 earthquake killed 1,700" and "the survey said a
    # tremor struck 18 km deep" ("earthquake", "tremor"); reports of one day in two articles whose
    # doer is one happening tell of it (see ``clustering.same_doer``)
    doer: str = ""
    # the people and organisations the deed was done to ("guards detained Bazoum", "Bazoum was
    # confined"): reports of one day in two articles doing something to one of them tell of one
    # happening (see ``clustering.same_patient``); for a happening named in passing, whom the end it
    # names befell ("the collapse of Silicon Valley Bank", see ``clustering.befell``)
    patients: list[str] = field(default_factory=list)
    # who did it and what it was done to, by the nouns of the clause's subject and object: "an aircraft
    # picked up noises" and "noises were heard by the aircraft" give "aircraft>noise"; reports of one
    # day telling the same by another verb tell of one deed (see ``clustering.same_roles``)
    roles: str = ""
    # told as what will or would be done ("Biden will address the nation Monday"): on its day, what its
    # doer is told doing is its happening (see ``clustering.as_foreseen``)
    foreseen: bool = False
    # the happening its deed is part of, by its noun: what the deed brought about ("the ship collided
    # with the bridge, resulting in its collapse": "collapse") or what it befell in ("her mother, who
    # died in Monday's quake": "quake"); the deed is of that happening (see ``clustering.part_of``)
    part_of: str = ""
    # the noun of the words given that its words were said in ("In a joint statement, the agencies
    # said": "statement"), and whether they are named as told before ("said in their statement"): then
    # they are of the statement its article told (see ``discourse.said_again``)
    said_in: str = ""
    restated: bool = False
    # its date is the day its words were said, and the deed they tell was done by then ("the Coast
    # Guard said Wednesday an aircraft picked up noises"): that day is no more than a bound on the
    # deed's (see ``dating.weak_date``)
    said_after: bool = False

    def as_json(self) -> dict:
        return {
            "date_start": self.date_start.isoformat() if self.date_start else None,
            "date_end": self.date_end.isoformat() if self.date_end else None,
            "precision": self.precision,
            "title": self.title,
            "event_type": self.event_type,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "actors": list(self.actors),
            "flags": list(self.flags),
            "temporal_expression": self.timex.text if self.timex else None,
        }


@dataclass
class ArticleExtraction:
    """Everything the pipeline finds in one article."""

    published: dt.date | None
    published_inferred: bool
    temporal_expressions: list[Timex] = field(default_factory=list)
    events: list[ExtractedEvent] = field(default_factory=list)
    actors: list[ExtractedActor] = field(default_factory=list)
    # "X (Y)" in the text: alias Y -> canonical name X
    aliases: dict[str, str] = field(default_factory=dict)

    @property
    def happenings(self) -> list[ExtractedEvent]:
        """The events its clauses assert, without the happenings it names in passing."""
        return [e for e in self.events if not e.reference]

    def as_json(self) -> dict:
        return {
            "published": self.published.isoformat() if self.published else None,
            "published_inferred": self.published_inferred,
            "temporal_expressions": [t.as_json() for t in self.temporal_expressions],
            "events": [e.as_json() for e in self.happenings],
            "actors": [a.as_json() for a in self.actors],
        }


@dataclass(frozen=True)
class ExtractionFailure:
    """An article the pipeline could not extract, and why, in one line."""

    reason: str
