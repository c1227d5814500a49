"""Deciding that two reports tell of one happening, and which date a merged event keeps.

Pure functions over ``Report`` (what one source says) and ``Profile`` (what a stored event's sources
say together), so the rules can be tested without a database and without spaCy.

Besides the agreement of date, deed, doers and wording (``match_score``), two shapes of news
writing make reports one happening whatever their words (see ``discourse``).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, replace

from .clauses import EVENT_TYPES, GATHERINGS, HAPPENING_NOUNS, kin_of, kinds_of, one_kind, one_noun
from .dating import overlaps
from .discourse import (
    GOES_ON,
    REMARKS_NEAR,
    TALK_TYPES,
    Rarity,
    follows_on,
    goes_on,
    named_before,
    remarks,
    retells,
    said_again,
    tells_named,
    told_before,
)

# How far (days) from a report's dates stored events are looked up: a report dated only by its
# article's publication may tell of anything a while before it; one stating its own date may
# contradict another source by up to ``DISAGREE_DAYS``.
LOOK_BACK = 60
LOOK_AHEAD = 14
DISAGREE_DAYS = 14
# An article can tell of a happening, undated, only up to so many days before it took place ("hours
# before Xi visits Moscow"); a report days ahead of a dated happening is of another one.
AHEAD_OF_PUBLICATION = 2
# Weights of the four agreements that make the similarity (see ``Agreement.score``).
WEIGHTS = {"predicate": 0.35, "agents": 0.2, "actors": 0.2, "words": 0.25}
# Minimum similarity to merge, by how the dates relate (see ``date_relation``).
THRESHOLDS = {"same": 0.5, "compatible": 0.55, "publication": 0.6, "disagree": 0.65}
# Two reports in one article are one happening only when they tell the same thing in the same words.
# (the words of the shorter report found in the other, as a clause is shorter than its sentence).
SAME_ARTICLE = {"predicate": 0.9, "words": 0.5}
# Statements are many and each is its own happening unless the same speaker says the same thing;
# "other" is no evidence either way.
WEAK_TYPES = {"statement", "other"}
STATEMENT_WORDS = 0.4
# Words told undated by an article of a later day than the one a speaker's statement event states may
# have been said any day up to the article: they are that statement only when they say more of the
# same (see ``said_by_then``).
LATER_STATEMENT_WORDS = 0.5
# How much an actor says about which happening is meant: a person or an organisation names it, a
# country appears in everything.
COUNTRY_WEIGHT = 0.3
# How alike two reports of another happening of a kind on one day are ("a second quake").
SECOND_OF_KIND = 0.9
# Verbs and event nouns that tell of the same kind of happening.
PREDICATE_FAMILIES = [
    {"visit", "arrive", "travel", "trip", "tour", "come", "fly"},
    {"depart", "leave"},
    {"meet", "meeting", "talk", "talks", "summit", "host", "hold", "conference"},
    {"announce", "unveil", "publish", "present", "propose", "release", "introduce", "disclose", "launch"},
    {"say", "tell", "state", "write", "tweet", "post", "declare", "remark", "add", "comment", "statement"},
    {"decide", "order", "approve", "adopt", "decision"},
    {"attack", "strike", "bomb", "raid", "hit", "shell", "bombing"},
    {"sign", "agree", "agreement", "deal", "treaty"},
    {"capture", "seize", "take", "occupy"},
    {"kill", "die", "death"},
    {"arrest", "detain", "charge", "indict"},
    {
        "fall",
        "drop",
        "plunge",
        "tumble",
        "tank",
        "slide",
        "sink",
        "slump",
        "plummet",
        "decline",
        "dive",
        "dip",
    },
    {"rise", "jump", "climb", "surge", "soar", "gain", "rebound", "rally", "leap"},
    {"disappear", "vanish"},
]
FAMILY_OF = {word: i for i, family in enumerate(PREDICATE_FAMILIES) for word in family}
MOVES = {FAMILY_OF["fall"], FAMILY_OF["rise"]}  # what a value did: fell, rose
TALK_VERBS = EVENT_TYPES["statement"] | EVENT_TYPES["announcement"]
STOP_WORDS = set(
    """a an the and or but if of to in on at by for from with about as into over after before between
    during since until than that this these those it its it's he she they them his her their we our you
    your i me my be is are was were been being has have had do does did will would could should may might
    must can not no nor so such also there here which who whom whose what when where why how all any each
    both more most other some only own same too very just said says say told tell according people
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december week weeks month months year years day days today
    yesterday tomorrow last next earlier later ago recently now time times hours hour""".split()  # noqa: SIM905
)
WORD = re.compile(r"[a-z][a-z'-]+")


def keywords(text: str) -> frozenset[str]:
    """Content words of a text, cut to five letters so that "proposal" and "proposed" meet."""
    words = (w.strip("'-").removesuffix("'s") for w in WORD.findall(text.casefold().replace("’", "'")))
    return frozenset(w[:5] for w in words if len(w) > 2 and w not in STOP_WORDS)


@dataclass(frozen=True)
class Report:
    """One source's account: its dates, whether they come only from publication, who did what, and
    the words it uses."""

    date_start: dt.date | None
    date_end: dt.date | None
    precision: str | None
    from_publication: bool
    published: dt.date | None
    actors: frozenset[str] = frozenset()  # canonical names of people, organisations, cities
    words: frozenset[str] = frozenset()
    event_type: str = "other"
    article: object = None  # whatever identifies the article
    countries: frozenset[str] = frozenset()  # countries named or stood for ("Kyiv" -> Ukraine)
    predicate: str = ""  # lemma of the verb or event noun telling what happened
    agents: frozenset[str] = frozenset()  # who did it (a statement's speaker)
    agent_countries: frozenset[str] = frozenset()  # the countries the agents belong to or stand for
    sentence: object = None  # identifies the report's sentence within its article
    about: frozenset = frozenset()  # the events that the other reports of its sentence joined
    position: int = -1  # the sentence's number in its article
    # what it is about: lemmas of its content words and the words of the names it names
    terms: frozenset[str] = frozenset()
    reference: bool = False  # a happening named in passing: joins the event it names, starts none
    told_subject: bool = False  # named as the subject of what its report's words tell (see ``told_here``)
    deed_told: bool = False  # named in passing by its verb ("after the bridge collapsed", see ``may_name``)
    spoken: bool = False  # told as someone's words, whatever its type (see ``discourse.remarks``)
    subject_of: str = ""  # the happening it tells more of (see ``discourse.goes_on``)
    another: bool = False  # another happening of a kind told before (see ``events.tells_another``)
    doer: str = ""  # the noun of the happening that did it (see ``same_doer``)
    patients: frozenset[str] = frozenset()  # whom it was done to (see ``same_patient``, ``befell``)
    # who did it and what it was done to, both by their nouns: "aircraft>noise" (see ``same_roles``)
    roles: str = ""
    foreseen: bool = False  # told as what will or would be done (see ``as_foreseen``)
    part_of: str = ""  # the noun of the happening its deed is part of (see ``part_of``)
    said_in: str = ""  # the noun of the words given its words were said in ("in a joint statement")
    restated: bool = False  # said "in their statement" (see ``discourse.said_again``)
    said_after: bool = False  # dated by the day its words were said, of a deed done by then

    @property
    def talk(self) -> bool:
        return is_talk(self.spoken, self.event_type)

    @property
    def doer_named(self) -> bool:
        """Is the doer of its roles one it names by name ("Biden>declaration"), not by a noun?"""
        return self.roles.partition(">")[0] in self.agents

    @property
    def of_deed(self) -> bool:
        """Does it tell a deed done, whoever's words tell it: its verb is none of saying, or it is told
        as no words ("crews released the gas into a trench", not "released a statement")?"""
        return not (of_saying(self.predicate) and self.talk)

    @property
    def told_deed(self) -> bool:
        """See ``told_deed``."""
        return told_deed(self.spoken, self.roles, self.predicate, self.agents)


@dataclass(frozen=True)
class Profile:
    """A stored event as the matcher sees it: its current date and what its sources say together.
    A value: ``absorbed`` gives the profile the event has once a report joined it."""

    date_start: dt.date | None
    date_end: dt.date | None
    from_publication: bool
    published: dt.date | None
    actors: frozenset[str] = frozenset()
    words: tuple[frozenset[str], ...] = ()  # one set per source
    types: frozenset[str] = frozenset()
    articles: frozenset = frozenset()
    countries: frozenset[str] = frozenset()
    predicates: frozenset[str] = frozenset()
    agents: frozenset[str] = frozenset()
    agent_countries: frozenset[str] = frozenset()
    about: frozenset = frozenset()  # events told in the same sentences as this one's sources
    # per source: its article, its sentence's number there and its terms (see ``Report.terms``)
    terms: tuple[tuple[object, int, frozenset[str]], ...] = ()
    # who is told speaking in any of its sources (see ``remarks``)
    speakers: frozenset[str] = frozenset()
    # who is told telling a deed another did in any of its sources ("the Coast Guard said an aircraft
    # picked up noises", see ``remarks``)
    tellers: frozenset[str] = frozenset()
    another: bool = False  # a source tells it as another of its kind ("a second quake")
    doers: frozenset[str] = frozenset()  # the nouns of the happenings its sources tell doing it
    patients: frozenset[str] = frozenset()  # whom its sources tell it was done to
    roles: frozenset[str] = frozenset()  # its sources' (see ``Report.roles``)
    foreseen: bool = False  # all its sources tell it as what will or would be done
    foresees: bool = False  # one of its sources does
    said_in: frozenset[str] = frozenset()  # the words given its sources' words were said in
    # none of its sources states the day of its deed: each is dated by the day its words were said
    # or by its article's publication (not all by publication: see ``from_publication``)
    said_after: bool = False

    def absorbed(self, report: Report) -> Profile:
        """What the event says once ``report`` has joined it (its date is left to ``choose_date``); a
        happening named in passing adds its words, names and article only."""
        if report.reference:
            return replace(
                self,
                actors=self.actors | report.actors,
                articles=self.articles | {report.article},
                terms=(*self.terms, (report.article, report.position, report.terms)),
            )
        return replace(
            self,
            actors=self.actors | report.actors,
            countries=self.countries | report.countries,
            words=(*self.words, report.words),
            types=self.types | {report.event_type},
            articles=self.articles | {report.article},
            predicates=self.predicates | ({report.predicate} - {""}),
            agents=self.agents | (frozenset() if report.told_deed else report.agents),
            agent_countries=self.agent_countries | report.agent_countries,
            from_publication=self.from_publication and report.from_publication,
            about=self.about | report.about,
            terms=(*self.terms, (report.article, report.position, report.terms)),
            speakers=(self.speakers | report.agents)
            if report.talk and not report.told_deed
            else self.speakers,
            tellers=(self.tellers | report.agents) if report.told_deed else self.tellers,
            another=self.another or report.another,
            doers=self.doers | ({report.doer} - {""}),
            patients=self.patients | report.patients,
            roles=self.roles | ({report.roles} - {""}),
            foreseen=self.foreseen and report.foreseen,
            foresees=self.foresees or report.foreseen,
            said_in=self.said_in | ({report.said_in} - {""}),
            said_after=self.said_after and (report.said_after or report.from_publication),
        )

    @classmethod
    def of(cls, report: Report) -> Profile:
        first = cls(
            report.date_start,
            report.date_end,
            report.from_publication,
            report.published,
            foreseen=True,
            said_after=True,
        )
        return first.absorbed(report)

    @functools.cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every term any of its sources uses (an import reads a stored event's once)."""
        return frozenset().union(*(terms for *_, terms in self.terms))

    @functools.cached_property
    def keys(self) -> frozenset[tuple]:
        """What a report must share with this event to be its match (see ``_Candidates``)."""
        keys = {("p", p) for p in self.predicates} | {
            ("f", FAMILY_OF[p]) for p in self.predicates if p in FAMILY_OF
        }
        keys |= {("t", t) for t in self.types - {"other"}}
        keys |= {("a", a) for a in self.actors} | {("c", c) for c in self.countries}
        keys |= {("g", g) for g in self.agents | self.agent_countries}
        if self.types & TALK_TYPES and not self.types <= WEAK_TYPES:
            keys.add(("talk",))
        keys |= {("s", a) for a in self.speakers} | {("in", a) for a in self.articles}
        keys |= {("w", w) for w in self.vocabulary}  # what a happening named in passing may name
        if self.another:
            keys |= {("n", noun) for noun in self.vocabulary & HAPPENING_NOUNS}
        keys |= {("d", noun) for doer in self.doers for noun in kinds_of(doer)}
        keys |= {("pt", name) for name in self.patients}
        keys |= {("r", r) for r in self.roles}
        return frozenset(keys)


def window(report: Report, undated: bool = False) -> tuple[dt.date, dt.date] | None:
    """The days within which a stored event may be this report's happening (see ``LOOK_BACK``); for an
    ``undated`` event, dated only by its articles' publication, up to ``LOOK_BACK`` days after the
    report's: an article may tell undated what happened that long before it (see ``date_relation``)."""
    if report.date_start is None:
        return None
    ahead = LOOK_BACK if undated else LOOK_AHEAD
    return report.date_start - dt.timedelta(days=LOOK_BACK), report.date_end + dt.timedelta(days=ahead)


def within(report: Report, event: Profile) -> bool:
    """Do the event's dates fall in the report's window (see ``window``)?"""
    span = window(report, undated=event.from_publication)
    return (
        span is not None
        and event.date_start is not None
        and overlaps(*span, event.date_start, event.date_end)
    )


def windows(reports: list[Report], undated: bool = False) -> list[tuple[dt.date, dt.date]]:
    """The reports' windows, overlapping ones joined: the stretches of days worth looking up."""
    out: list[list[dt.date]] = []
    for low, high in sorted(w for r in reports if (w := window(r, undated)) is not None):
        if out and low <= out[-1][1]:
            out[-1][1] = max(out[-1][1], high)
        else:
            out.append([low, high])
    return [(low, high) for low, high in out]


def date_relation(report: Report, event: Profile) -> str | None:
    """ "same" (the same dates), "compatible" (the dates fit at their precision: a day inside "last
    week"), "publication" (one side is dated only by publication and the other's date is not later),
    "disagree" (the sources state different dates close together: a conflict, if everything else
    agrees), or None (too far apart to be one happening)."""
    if report.date_start is None or event.date_start is None:
        return None
    if report.from_publication and event.from_publication:
        if report.published and event.published and abs((report.published - event.published).days) <= 2:
            return "publication"
        return None
    if report.from_publication or event.from_publication:
        undated, dated = (report, event) if report.from_publication else (event, report)
        ref = undated.published or undated.date_start
        if dated.date_start <= ref <= dated.date_end:
            return "compatible"  # "Xi visits Moscow" in an article of the visit's second day
        if dated.date_end <= ref and (ref - dated.date_start).days <= LOOK_BACK:
            return "publication"
        if 0 < (dated.date_start - ref).days <= AHEAD_OF_PUBLICATION:
            return "disagree"  # "Xi visits Moscow" on the 20th, "Xi arrived" on the 21st
        return None
    if (report.date_start, report.date_end) == (event.date_start, event.date_end):
        return "same"
    if overlaps(report.date_start, report.date_end, event.date_start, event.date_end):
        return "compatible"
    gap = max((report.date_start - event.date_end).days, (event.date_start - report.date_end).days)
    if gap > DISAGREE_DAYS:
        return None
    later = report if report.date_start > event.date_end else event
    # "the Coast Guard said Wednesday an aircraft picked up noises", of noises heard on Tuesday
    return "publication" if later.said_after else "disagree"


def stated_before(report: Report, event: Profile) -> bool:
    """Does a report state a day of its own before the days of ``event``, which its sources give only
    as the day by which they told it ("has killed more than 1,300 people, authorities said Saturday.
    The quake struck late Friday": the quake's own day, not more of the toll)?"""
    return (
        report.precision == "day"
        and not (report.from_publication or report.said_after)
        and event.said_after
        and event.date_start is not None
        and report.date_end < event.date_start
    )


def weakly_dated(report: Report, event: Profile) -> tuple[Report | Profile, Report | Profile]:
    """Of two sides in relation "publication", the one whose date is weak (see ``date_relation``),
    then the other."""
    if report.from_publication or (report.said_after and not event.from_publication):
        return report, event
    return event, report


def said_by_then(report: Report, event: Profile) -> bool:
    """Is the report told undated by an article of a later day than the one ``event`` states ("the
    debris is consistent with a loss, said Mauger", in Thursday's paper, of Mauger's Monday
    briefing)?"""
    return (
        report.from_publication
        and not event.from_publication
        and report.published is not None
        and event.date_end is not None
        and event.date_end < report.published
    )


def is_talk(spoken: bool, event_type: str) -> bool:
    """Is a report words, told as someone's or of a statement's or announcement's type?"""
    return spoken or event_type in TALK_TYPES


def told_on(side: Report | Profile) -> dt.date | None:
    """The day by which a weakly dated side tells its happening: its article's publication, or the
    day its words were said."""
    return side.published if side.from_publication else side.date_end


def overlap(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def cosine(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / (len(a) * len(b)) ** 0.5


def predicate_agreement(report: Report, event: Profile) -> float:
    """1 for the same verb, 0.9 for one of the same family ("visit"/"arrive") telling the same kind
    of event ("launched an offensive" is no "launched a plan"), 0.6 for the same kind of event, 0.5
    for two ways of saying something ("write"/"announce"), else 0."""
    if report.predicate and report.predicate in event.predicates:
        return 1.0
    family = FAMILY_OF.get(report.predicate)
    same_kind = report.event_type == "other" or report.event_type in event.types or event.types <= {"other"}
    if family is not None and same_kind and any(FAMILY_OF.get(p) == family for p in event.predicates):
        return 0.9
    if report.event_type != "other" and report.event_type in event.types:
        return 0.6
    if report.event_type in TALK_TYPES and event.types & TALK_TYPES:
        return 0.5
    return 0.0


def agent_agreement(report: Report, event: Profile) -> float | None:
    """1 for the same doer, 0.7 for doers of one country ("Kyiv" and Zelensky), 0.5 when either side
    names none, None when both name different ones: then it is not the same happening."""
    if not (report.agents or report.agent_countries) or not (event.agents or event.agent_countries):
        return 0.5
    if report.agents & event.agents:
        return 1.0
    if report.agent_countries & event.agent_countries:
        return 0.7
    return None


def actor_agreement(report: Report, event: Profile) -> float:
    """Shared actors over those of the side naming fewer; a country counts ``COUNTRY_WEIGHT`` of a
    person, an organisation or a city."""
    shared = len(report.actors & event.actors) + COUNTRY_WEIGHT * len(report.countries & event.countries)
    fewer = min(len(report.actors), len(event.actors)) + COUNTRY_WEIGHT * min(
        len(report.countries), len(event.countries)
    )
    return min(1.0, shared / fewer) if fewer else 0.0


def word_agreement(report: Report, event: Profile) -> float:
    """The wording's cosine with the closest source; 1 for statements about one happening: when a
    report's sentence tells of a happening that the event's sentences tell of too ("Beijing
    announced the date of Xi's visit" and "Hua wrote: Xi will visit"), both say the same thing."""
    if report.event_type in TALK_TYPES and report.about & event.about:
        return 1.0
    return max((cosine(report.words, w) for w in event.words), default=0.0)


@dataclass(frozen=True)
class Agreement:
    relation: str
    predicate: float
    agents: float
    actors: float
    words: float

    @property
    def score(self) -> float:
        return (
            WEIGHTS["predicate"] * self.predicate
            + WEIGHTS["agents"] * self.agents
            + WEIGHTS["actors"] * self.actors
            + WEIGHTS["words"] * self.words
        )


# Doers and wording alone never reach a threshold: what happened or who took part must agree too.
# (``agreement`` stops early on this, which spares most of the comparisons an import makes.)
assert WEIGHTS["agents"] + WEIGHTS["words"] < min(THRESHOLDS.values())


def agreement(report: Report, event: Profile) -> Agreement | None:
    """How far ``report`` and ``event`` agree, or None when their dates or doers rule it out, or
    when neither what happened nor who took part agrees (see the assertion above)."""
    relation = date_relation(report, event)
    if relation is None:
        return None
    agents = agent_agreement(report, event)
    if agents is None:
        return None
    predicate = predicate_agreement(report, event)
    actors = actor_agreement(report, event)
    if not predicate and not actors:
        return None
    return Agreement(relation, predicate, agents, actors, word_agreement(report, event))


def told_apart(report: Report, event: Profile) -> bool:
    """Does one side tell of another happening of a kind ("a second quake") and the other not? Then
    they are two happenings, unless the second is told on in the article that told it as another
    ("a second quake hit ... It was centred 18 km deep"). So are what a fire did and what a quake
    did."""
    if report.another and not event.another:
        return True  # "a second quake" is not the quake told before
    if (
        report.doer
        and event.doers
        and not doers_meet(report, event)
        and not kin_of(report.doer) & event.vocabulary
    ):
        return True  # what a fire did is not what the quake did, which names no fire
    return event.another and not report.another and report.article not in event.articles


def second_of_kind(report: Report, event: Profile, relation: str | None) -> float | None:
    """``SECOND_OF_KIND`` when two reports tell, of one day, another happening of a kind they both
    name ("a second quake", "a fresh quake"): the second one of that day, however told, in a headline
    and its article or in two articles; in one article, also when neither states its day."""
    if not (report.another and event.another):
        return None
    one_article = relation == "publication" and report.article in event.articles
    if relation not in ("same", "compatible") and not one_article:
        return None
    return SECOND_OF_KIND if report.terms & event.vocabulary & HAPPENING_NOUNS else None


def match_score(report: Report, event: Profile, rarity: Rarity | None = None) -> float | None:
    """The similarity when ``report`` may join ``event``, or None.

    Statements merge only with the same speaker saying much the same thing. Sources stating
    different dates merge (and the event is flagged) only when they agree on what happened, who did
    it and who took part; so do those dated only by their article's publication. Unless they state
    the same day, reports whose doers are not both known share a person, an organisation or a city.
    Two reports in one article merge only when they tell the same thing in much the same words.
    """
    if told_apart(report, event):
        return None
    if tells_its_deed(report, event):
        return TOLD_HERE
    relation = date_relation(report, event)
    if relation not in (None, "disagree") and (copy := verbatim(report, event)):
        return copy
    if relation == "disagree" and report.predicate in GATHERINGS and event.predicates & GATHERINGS:
        return None  # a meeting on Tuesday and one on Thursday: one holds many
    if second := second_of_kind(report, event, relation):
        return second
    if relation is not None and (again := said_again(report, event)):
        return again
    if relation is not None and (spoken := remarks(report, event, relation)):
        return spoken
    if at_meeting(report, event, relation):
        return SAME_DOER
    if relation is not None and rarity is not None and (near := follows_on(report, event, rarity)):
        return near
    on_its_day = relation in ("same", "compatible", "publication") and not stated_before(report, event)
    if on_its_day and (more := goes_on(report, event) or tells_named(report, event)):
        return more
    a_deed = rarity is not None and report.of_deed
    if (
        a_deed
        and relation in ("same", "compatible", "publication")
        and (again := retells(report, event, rarity))
    ):
        return again
    if as_foreseen(report, event, relation):
        return SAME_DOER
    if rarity is not None and (within := part_of(report, event, relation, rarity)):
        return within
    if same_doer(report, event, relation) or same_patient(report, event, relation):
        return SAME_DOER
    if (
        relation in ("same", "compatible", "publication")
        and rarity is not None
        and same_roles(report, event, relation)
    ):
        return rarity.shared(report.terms, event.vocabulary)
    if relation is not None and rarity is not None and (deed := _same_deed(report, event, relation, rarity)):
        return deed
    found = agreement(report, event)
    if found is None:
        return None
    kin_deed = (
        not report.talk
        and found.predicate >= 0.9
        and found.agents == 1.0
        and found.relation in ("same", "compatible")
    )
    if (report.event_type in WEAK_TYPES or event.types <= WEAK_TYPES) and not kin_deed:
        if found.agents < 0.7 or found.words < STATEMENT_WORDS:
            return None
        if found.relation == "disagree":
            return None
        if report.talk and said_by_then(report, event) and found.words < LATER_STATEMENT_WORDS:
            return None
    # a date known only from publication, or contradicted, is weak evidence: what happened must agree
    if found.relation in ("publication", "disagree") and found.predicate < 0.9:
        return None
    if found.relation == "disagree" and found.actors < 0.5:
        return None
    # unless the day is the same, it takes the same doers or a shared person, organisation or city:
    # the same verb and the same countries are not enough ("ordered" in two Iraq stories)
    same_day = found.relation == "same" and report.precision == "day"
    if not same_day and found.agents < 0.7 and not report.actors & event.actors:
        return None
    if report.article is not None and report.article in event.articles:
        if found.relation not in ("same", "compatible") or found.predicate < SAME_ARTICLE["predicate"]:
            return None
        if max((overlap(report.words, w) for w in event.words), default=0.0) < SAME_ARTICLE["words"]:
            return None
    return found.score if found.score >= THRESHOLDS[found.relation] else None


# A report whose words are mostly those of a source of the event in another article (at least
# ``VERBATIM`` of the two together, of ``VERBATIM_TERMS`` words or more) is that account again: one
# wire story run by two outlets, edited a little. (Words are not weighed by rarity: the words a copy
# changes are the rarest.)
VERBATIM = 0.6
VERBATIM_TERMS = 6


def verbatim(report: Report, event: Profile) -> float | None:
    """How alike a report is to the closest source of ``event`` in another article that tells it
    in nearly the same words (see ``VERBATIM``), or None."""
    if report.reference or len(report.terms) < VERBATIM_TERMS:
        return None
    alike = max(
        (
            len(report.terms & terms) / len(report.terms | terms)
            for article, _, terms in event.terms
            if article != report.article
        ),
        default=0.0,
    )
    return alike if alike >= VERBATIM else None


# How alike an account of a deed is to the event its own sentence tells that deed in (see
# ``tells_its_deed``): the same report, told as the deed and as someone's words.
TOLD_HERE = 1.0


def tells_its_deed(report: Report, event: Profile) -> bool:
    """Is a report someone's account of the deed that its own sentence tells as done, and ``event``
    the event of that deed ("Spain on Sunday sent a plane with 56 rescuers, the defence ministry
    said": Spain's deed, which the ministry told)? One sentence, one verb, the same doer and thing."""
    if not (
        report.talk and report.roles and report.roles in event.roles and report.predicate in event.predicates
    ):
        return False
    if of_saying(report.predicate):
        return False
    return any((a, p) == (report.article, report.position) for a, p, _ in event.terms)


# How alike two articles' reports of one day are whose doer, or whom it was done to, is one (see
# ``same_doer``, ``same_patient``).
SAME_DOER = 0.8


def same_doer(report: Report, event: Profile, relation: str | None) -> bool:
    """Does a report tell, in another article than the event's and of days that fit, what the
    happening the event's sources tell doing things did ("A 7.8 earthquake killed 1,700", "the quake
    flattened the family's home")? Where neither states its day, only the same deed ("The fire took
    the island by surprise" in two articles of one day); where one does, any deed told undated by an
    article of up to ``SAME_DEED_LATER`` days later. What it did told as said on a day after the
    day the event states is a tally by then ("has killed 1,300 people, authorities said Saturday", of a
    quake of Friday), not the happening."""
    if relation not in ("same", "compatible", "publication") or report.reference:
        return False
    if relation == "publication" and tallied_later(report, event):
        return False  # "has killed 1,300 people, authorities said Saturday": a tally by then
    if (
        relation == "publication"
        and report.predicate not in event.predicates
        and not told_soon_after(report, event)
    ):
        return False
    return report.article not in event.articles and doers_meet(report, event)


def told_soon_after(report: Report, event: Profile) -> bool:
    """Of two sides in relation "publication", is the weakly dated one told (see ``told_on``) on the
    day the other states or at most ``SAME_DEED_LATER`` days after it?"""
    undated, dated = weakly_dated(report, event)
    if dated.from_publication or (told := told_on(undated)) is None:
        return False
    return 0 <= (told - dated.date_end).days <= SAME_DEED_LATER


def tallied_later(report: Report, event: Profile) -> bool:
    """Is a report, dated only by when it was said or published, a count of what the event's happening
    did by a later day than the event states ("has killed more than 1,300 people, authorities said
    Saturday"; "It killed at least 2,862 people", in Tuesday's paper, of a quake of Friday)?"""
    if not (report.said_after or report.from_publication) or event.from_publication or event.date_end is None:
        return False
    told = told_on(report)
    if told is None or told <= event.date_end:
        return False
    return report.said_after or any(t[:1].isdigit() for t in report.terms)


def part_of(report: Report, event: Profile, relation: str | None, rarity: Rarity) -> float | None:
    """The weighted share of its words that a report of a deed shares with ``event``, when the deed is
    part of a happening of the event's kind, on days that fit: what the deed brought about ("the ship
    collided with the bridge, resulting in its collapse", of the collapse of the bridge) or what it
    befell in ("who died in Monday's quake", of the quake). None when it is not, or when it shares
    less than ``REFERENCE_SHARE`` and the two do not state the same day."""
    if not report.part_of or relation not in ("same", "compatible", "publication"):
        return None
    if not kin_of(report.part_of) & (event.predicates | event.doers):
        return None
    share = rarity.shared(report.terms, event.vocabulary)
    if relation == "same":
        return max(share, LONE_OF_KIND)  # its noun and its day say which happening
    return share if share >= REFERENCE_SHARE else None


def of_one_day(report: Report, event: Profile, relation: str | None) -> bool:
    """Do a report and an event tell of one day: both stating it, or one of them told undated by an
    article of the day the other states (see ``date_relation``)?"""
    undated = report.from_publication or event.from_publication
    return report.precision == "day" and (relation == "same" or (relation == "compatible" and undated))


def at_meeting(report: Report, event: Profile, relation: str | None) -> bool:
    """Is one side a meeting an article tells of and the other what those who took part in it did or
    said there, told by the same article of that day ("As Xi and Putin ended their talks on Tuesday",
    "Xi said on Tuesday that China had an impartial position"; "Leaders from Ecowas held an
    emergency summit on Sunday", "West African leaders have imposed sanctions on Niger")? The doers
    are the same named ones, or told by the same noun ("leaders"); the day is stated by both, or by
    one of them in an article of that day."""
    if not of_one_day(report, event, relation) or report.reference or report.article not in event.articles:
        return False
    doer = report.roles.partition(">")[0]
    doers = {role.partition(">")[0] for role in event.roles} - {""}
    if (event.predicates | {role.partition(">")[2] for role in event.roles}) & GATHERINGS:
        return (bool(report.agents) and report.agents <= event.agents) or doer in doers
    if {report.predicate, report.roles.partition(">")[2]} & GATHERINGS and not report.talk:
        return (bool(event.agents) and event.agents <= report.agents) or (bool(doer) and doers == {doer})
    return False


def as_foreseen(report: Report, event: Profile, relation: str | None) -> bool:
    """Is one of a report and a source of an event told as what its doer will do on a day ("Biden will
    address the nation Monday morning") and the other as what that doer did on that day ("Biden on
    Monday told residents the banking system is sound"), both by other articles' words stating the
    day? (Whichever comes first: what was done joins the event of what would be done once others
    told it done too.)"""
    if relation != "same" or report.precision != "day":
        return False
    # a plan meets an event some source tells done; a deed, one some source tells as planned
    if not (not event.foreseen if report.foreseen else event.foresees):
        return False
    return report.article not in event.articles and bool(report.agents & event.agents)


def same_roles(report: Report, event: Profile, relation: str) -> bool:
    """Does a report tell by another verb what a source of ``event`` tells was done: by a doer and to
    a thing of the same nouns ("an aircraft detected underwater noises", "the aircraft heard noises",
    "a military aircraft picked up noises")? On days that fit, that is the same deed, in one article
    or two; how alike they are is then the weighted share of their words. (The same verb is
    ``_same_deed``'s and ``retells``'s to weigh.) A doer named by name does many things to one thing
    over time ("GM sought clearance", "GM received clearance"): both must state the same day."""
    if report.reference or not report.roles or report.roles not in event.roles:
        return False
    if report.doer_named and relation != "same":
        return False
    return report.predicate not in event.predicates


def same_patient(report: Report, event: Profile, relation: str | None) -> bool:
    """Does a report tell, in another article than the event's, a deed done on a day to someone the
    event's sources tell a deed was done to that day ("guards detained Bazoum", "Bazoum was confined
    by his guard")? One side may be told undated by an article of the day the other states ("the
    regulator has taken possession of the bank, the agency said"), whichever comes first. Whoever
    tells the deed, but not for words said."""
    if (report.from_publication and event.from_publication) or not of_one_day(report, event, relation):
        return False
    if not report.of_deed or report.reference:
        return False
    return report.article not in event.articles and bool(report.patients & event.patients)


def doers_meet(report: Report, event: Profile) -> bool:
    """Is the happening that did what the report tells of the kind of one the event's sources tell
    doing things ("quake", "earthquake")?"""
    return bool(report.doer) and any(one_kind(report.doer, doer) for doer in event.doers)


# Reports from two articles of one deed (the same verb or event noun) tell of one happening when they
# also share so much of their rarer words (see ``discourse.Rarity``): stating one day, or one of them
# stating none and published at most ``SAME_DEED_LATER`` days after the day the other states, or
# neither stating one and both giving the same count ("271 structures were damaged").
SAME_DEED_SHARE = 0.1
SAME_DEED_LATER = 2


def of_saying(predicate: str) -> bool:
    """Is the verb one of saying or announcing (not of a deed done)?"""
    return FAMILY_OF.get(predicate) == FAMILY_OF["say"] or predicate in TALK_VERBS


def told_deed(spoken: bool, roles: str, predicate: str, agents=()) -> bool:
    """Is a report (or a stored source) an account, in someone's words, of a deed a doer did to a
    thing ("an aircraft picked up noises, the Coast Guard said")? Its teller is neither a speaker
    nor a doer of the deed's event; but the doer telling its own deed is both ("Lukashenko said he
    held talks with Prigozhin")."""
    return bool(spoken and roles) and not of_saying(predicate) and roles.partition(">")[0] not in agents


def _same_deed(report: Report, event: Profile, relation: str, rarity: Rarity) -> float | None:
    """The weighted share of rarer words beyond the verb that a report of the same deed in another
    article shares with the event, on its day, told undated just after, or told undated by both with
    a count both give; or None (whoever tells it: "the Coast Guard said an aircraft picked up noises",
    "an aircraft picked up noises, Rolling Stone reported")."""
    if report.predicate not in event.predicates or not report.of_deed or report.article in event.articles:
        return None
    doers = event.agents - event.speakers  # (a teller of the deed is none of its doers)
    if not report.talk and report.agents and doers and not report.agents & doers:
        return None  # "GM closed at $44.875", "Cineplex closed at $11": two doers, two deeds
    if FAMILY_OF.get(report.predicate) in MOVES and not (report.agents | report.actors) & event.actors:
        return None  # "Harbor Bank shares fell", "shares of Pinecrest fell": two values, two moves
    if relation == "publication" and report.from_publication and event.from_publication:
        if not any(t.isdigit() for t in report.terms & event.vocabulary):
            return None  # told undated by both: only a count both give says it is one deed
    elif relation == "publication":
        if not told_soon_after(report, event):
            return None
    elif relation not in ("same", "compatible") or report.from_publication or event.from_publication:
        return None
    share = rarity.shared(report.terms - {report.predicate}, event.vocabulary - {report.predicate})
    if relation == "same" and report.precision == "day" and _one_day_deed(report, event, share):
        return max(share, ONE_DAY_DEED)
    return share if share >= SAME_DEED_SHARE else None


# How alike two articles' reports of one deed on one stated day are, done to no one else (see
# ``_same_deed``): as alike as a deed of one doer or done to one patient (``SAME_DOER``), and more.
ONE_DAY_DEED = 0.85


def _one_day_deed(report: Report, event: Profile, share: float) -> bool:
    """Is a report's deed, which the event's sources tell by its verb on the day it states, that
    event's: sharing words with it and a person, organisation, place or country, or more words
    (``SAME_DEED_SHARE``), and done to no one else? Not a value's move: on one day many prices fall."""
    named = (report.actors & event.actors) | (report.countries & event.countries)
    if not share or (share < SAME_DEED_SHARE and not named):
        return False
    if FAMILY_OF.get(report.predicate) in MOVES:
        return False
    return not (report.patients and event.patients and not report.patients & event.patients)


# A happening named in passing is the event whose words hold its noun and which shares so much of
# the rest of its words (see ``refers_to``); it happened before the article, at most ``LOOK_BACK``
# days before.
REFERENCE_SHARE = 0.2


def may_name(report: Report, event: Profile) -> bool:
    """Could the happening a report names in passing be ``event`` at all: told before the article,
    at most ``LOOK_BACK`` days before, by sources that use its noun or tell a deed done to whom it
    befell (see ``befell``), in other sentences than its own, and with no number it gives that they
    do not?"""
    if report.published is None or event.date_start is None or event.date_start > report.published:
        return False
    if told_apart(report, event) or (report.published - event.date_start).days > LOOK_BACK:
        return False
    if not befell(report, event):
        kin = kinds_of(report.predicate)
        if not kin & event.vocabulary:
            return False
        told_by_verb = report.deed_told or report.predicate not in HAPPENING_NOUNS
        if told_by_verb and not kin & (event.predicates | event.doers):
            return False  # "after the bridge collapsed": what it tells was done is the event's deed
        if event.types <= TALK_TYPES and report.predicate not in event.predicates:
            return False  # a statement that names the happening too is not the happening
    if (report.article, report.position) in {(article, position) for article, position, _ in event.terms}:
        return False  # its own sentence's event is another happening ("X said after the collapse")
    numbers = {t for t in report.terms if t[:1].isdigit()}
    return not numbers or bool(numbers & event.vocabulary)  # "the 7.8-magnitude quake" is not the 7.5


def befell(report: Report, event: Profile) -> bool:
    """Is ``event`` a deed done to whom the end a report names in passing befell ("after the collapse
    of Silicon Valley Bank", of "the regulator has taken possession of Silicon Valley Bank")? Its
    sources tell it, whatever their words, and not as words said (see ``Report.patients``)."""
    return bool(report.patients & event.patients)


def of_its_kind(report: Report, event: Profile) -> bool:
    """Is ``event`` a happening of the kind a report names in passing ("the quake", "the blaze"): one
    its sources tell by that noun or another of its kind (``kinds_of``), as what happened or as what did
    something ("A powerful earthquake hit", "A wildfire tore through"), or the deed done to whom the
    end it names befell (see ``befell``)?"""
    return bool(kinds_of(report.predicate) & (event.predicates | event.doers)) or befell(report, event)


# How alike a happening named in passing is to the one event of its kind it may name (see ``_scored``).
LONE_OF_KIND = 0.1


def refers_to(report: Report, event: Profile, rarity: Rarity) -> float | None:
    """How well the happening a report names in passing ("the collapse of the bridge") is ``event``:
    the weighted share of its words the event's sources use, when they use its noun too, or None."""
    return _naming_share(report, event, rarity) if may_name(report, event) else None


def _naming_share(report: Report, event: Profile, rarity: Rarity) -> float | None:
    """``refers_to`` for an event the report may name (see ``may_name``)."""
    kin = kinds_of(report.predicate)
    share = rarity.shared(report.terms - kin, event.vocabulary - kin)
    if share >= REFERENCE_SHARE or report.actors & event.actors:
        return share
    # "the quake" alone: the happening of its kind told last before it in its article
    closest = named_before(report, event, report.predicate)
    return REFERENCE_SHARE * (1 - closest / (GOES_ON + 1)) if closest is not None else None


def _report_keys(report: Report) -> set[tuple]:
    if report.reference:
        return {("w", noun) for noun in kinds_of(report.predicate)} | {
            ("pt", name) for name in report.patients
        }
    keys = {("g", g) for g in report.agents | report.agent_countries}
    keys |= {("s", a) for a in report.agents} | {("in", report.article)}
    if report.of_deed:
        keys.add(("p", report.predicate))  # the same deed (see ``_same_deed``)
    if report.another:
        keys |= {("n", noun) for noun in report.terms & HAPPENING_NOUNS}  # see ``second_of_kind``
    keys |= {("d", noun) for noun in kinds_of(report.doer)} if report.doer else set()  # see ``same_doer``
    keys |= {("pt", name) for name in report.patients}  # see ``same_patient``
    if report.roles and not report.reference:
        keys.add(("r", report.roles))
    if report.part_of:  # see ``part_of``
        keys |= {(k, noun) for noun in kin_of(report.part_of) for k in ("p", "d")}
    if report.event_type in WEAK_TYPES:
        return keys  # a statement joins only an event of the same doer (see ``match_score``)
    keys |= {("p", report.predicate), ("t", report.event_type)}
    if report.predicate in FAMILY_OF:
        keys.add(("f", FAMILY_OF[report.predicate]))
    keys |= {("a", a) for a in report.actors} | {("c", c) for c in report.countries}
    if report.event_type in TALK_TYPES:
        keys.add(("talk",))
    return keys


class _Candidates:
    """The events a report could possibly join, by what they share with it.

    A match needs what happened or who took part to agree (see ``agreement``), and a statement
    needs the same doer; so an event sharing no verb, verb family, type, actor, country or doer with
    a report is never its match, and is not compared with it. Candidates come in the order the
    events were given, which breaks ties between equal scores."""

    def __init__(self, events: dict[object, Profile]):
        self.by_key: dict[tuple, set] = {}
        self.rank: dict[object, int] = {}
        self.folded: set = set()  # events started by the article and folded into stored ones
        for key, profile in events.items():
            self.add(key, profile)

    def add(self, key, profile: Profile) -> None:
        self.rank.setdefault(key, len(self.rank))
        for k in profile.keys:
            self.by_key.setdefault(k, set()).add(key)

    def of(self, report: Report) -> list:
        found = set().union(*(self.by_key.get(k, ()) for k in _report_keys(report))) - self.folded
        return sorted(found, key=self.rank.__getitem__)


def _scored(report: Report, events: dict[object, Profile], candidates: _Candidates, rarity: Rarity):
    """(event key, similarity or None) of each candidate event of a report."""
    if report.reference:
        found = candidates.of(report)
        if report.told_subject and any(told_here(report, events[key]) for key in found):
            return  # "the survey said the tremor struck 18 km deep": the tremor its report tells
        keys = [key for key in found if may_name(report, events[key])]
        scores = [(key, _naming_share(report, events[key], rarity)) for key in keys]
        if all(score is None for _, score in scores) and report.terms <= kin_of(report.predicate):
            # "the quake" that names nothing more: the one event of its kind, if there is only one and
            # its own sentence tells no other ("The tremor was also felt": that tremor, not a later one)
            of_kind = [key for key in keys if of_its_kind(report, events[key])]
            here = any(_tells_here(report, events[key]) for key in found)
            scores = [(of_kind[0], LONE_OF_KIND)] if len(of_kind) == 1 and not here else scores
        # an event told as a happening of its kind ("the bridge collapsed") before one whose sentences
        # only name it ("an emergency was declared after the bridge collapsed"), whichever came first
        of_kind = {key for key, score in scores if score is not None and of_its_kind(report, events[key])}
        # and of those, the one its own article told before it ("A wildfire tore through the island.
        # [...] The wind-driven conflagration swept into the town"), not another article's fire
        told = {key for key in of_kind if any(gap > 0 for gap, _ in told_before(report, events[key]))}
        kept = told or of_kind
        yield from ((key, score if not kept or key in kept else None) for key, score in scores)
        return
    for key in candidates.of(report) if report.date_start is not None else ():
        profile = events[key]
        if not within(report, profile):
            continue  # cheaper than finding out that the dates rule it out
        yield key, match_score(report, profile, rarity)


def _fold(report: Report, best, fitting: list, events: dict[object, Profile]) -> tuple[object, list]:
    """(the stored event, the events the article started) that a report of a deed shows are one
    happening, or (None, []). A deed may fit an event its article started ("Baltimore was rocked by a
    bridge collapse. The bridge collapsed after a ship struck it") and one stored before ("The
    bridge was hit by a container ship"), each by its own rule: then both tell one happening,
    whichever article came first. Not for words said, a happening named in passing, or another one of
    a kind ("a second quake")."""
    if best is None or report.talk or report.reference or report.another:
        return None, []
    stored = [key for key in fitting if not isinstance(key, tuple) and not events[key].another]
    started = [key for key in fitting if isinstance(key, tuple) and not events[key].another]
    if not (stored and started):
        return None, []
    into = best if best in stored else stored[0]
    # an event the article started on a day it states stays apart from a stored one of another day
    # ("a court charged four suspects on Sunday", in Monday's paper; "Russia has detained 11", in
    # Saturday's)
    started = [key for key in started if not _stated_apart(events[key], events[into])]
    return (into, started) if started else (None, [])


def _stated_apart(a: Profile, b: Profile) -> bool:
    """Do two events' sources state days of their own that do not overlap, or does one state a day
    after the day the other's articles, stating none, were published?"""
    if None in (a.date_start, b.date_start) or (a.from_publication and b.from_publication):
        return False
    if a.from_publication or b.from_publication:
        undated, dated = (a, b) if a.from_publication else (b, a)
        return dated.date_start > (undated.date_end or undated.date_start)
    return not overlaps(a.date_start, a.date_end or a.date_start, b.date_start, b.date_end or b.date_start)


def _fold_into(
    into, started, reports: list[Report], events: dict, candidates: _Candidates, out: dict
) -> None:
    """Moves the reports placed in an event the article started to the stored event ``into``."""
    for j, (key, score) in list(out.items()):
        if key == started:
            events[into] = events[into].absorbed(reports[j])
            out[j] = (into, score)
    del events[started]
    candidates.folded.add(started)
    candidates.add(into, events[into])


def named_event(report: Report, events: dict[object, Profile]) -> object | None:
    """The event among ``events`` that a happening named in passing names, as ``assign`` places it,
    or None: for one that named none when its article was stored, once the events an import
    stored after it are there ("after a section of the bridge collapsed", in the day's first
    article, is the collapse a later article of the day tells)."""
    rarity = Rarity([*(p.vocabulary for p in events.values()), report.terms])
    return _best(_scored(report, events, _Candidates(events), rarity))[0]


def _best(scores) -> tuple[object, float | None]:
    """The (event key, similarity) of the highest similarity, the first of equals; (None, None) when
    every similarity is None."""
    best, best_score = None, None
    for key, score in scores:
        if score is not None and (best_score is None or score > best_score):
            best, best_score = key, score
    return best, best_score


def told_here(report: Report, event: Profile) -> bool:
    """Is ``event`` the happening of the kind a report names in passing that its own sentence tells
    as what happened, not as words said? Named as the subject of what its report's words tell, it
    is that one: its sentence is already the event's source, and it names no other."""
    return _tells_here(report, event) and not event.types <= TALK_TYPES


def _tells_here(report: Report, event: Profile) -> bool:
    """Is ``event`` of the kind a report names in passing and told by its own sentence?"""
    here = (report.article, report.position)
    return of_its_kind(report, event) and any((a, p) == here for a, p, _ in event.terms)


def _of_words(report: Report, reports: list[Report]) -> bool:
    """Is the report words alone (placed once the happenings are)? Someone's account of what a
    happening did ("the survey said the tremor struck 18 km deep") or of a deed a doer did to a
    thing ("an aircraft picked up underwater noises, the Coast Guard said") is placed with the
    happenings, so that what its article tells next may join it; but not the doer's own words of
    its deed ("Biden announced he approved a declaration"), nor an account that goes on with its
    speaker's remarks told just before ("Yellen stressed Sunday that … She said the system proved
    its resilience"), which are more of their words."""
    if not report.talk or report.subject_of:
        return False
    if not report.told_deed or report.doer_named:
        return True
    return any(
        r.talk and r.agents & report.agents and 0 < report.position - r.position <= REMARKS_NEAR
        for r in reports
    )


def _told_in_passing_before(report: Report, reports: list[Report]) -> bool:
    """Does the report go on telling a happening that its article named before only in passing ("after
    the collapse of the bridge … The disaster occurred when the ship crashed")? It is placed after
    the happenings named in passing, to join the event they joined."""
    noun = report.subject_of
    if not noun or report.talk or any(one_noun(t, noun) for t in report.terms):
        return False  # its sentence names the happening itself
    before = [
        r
        for r in reports
        if r.position < report.position
        and any(x and one_noun(x, noun) for x in (r.predicate, r.doer, r.subject_of))
    ]
    return bool(before) and all(r.reference for r in before)


def assign(reports: list[Report], events: dict[object, Profile]) -> dict[int, tuple[object, float | None]]:
    """One article's reports, each joining the stored or new event it fits best: report index ->
    (event key, similarity). A report fitting none starts an event, keyed ``("new", index)`` with
    similarity None, that the article's later reports may join; a happening named in passing
    (``reference``) fitting none is left out, keyed None. A deed that fits both an event the article
    started and a stored one folds the started event into the stored one (see ``_fold``).

    Happenings (and words telling what one or a doer did, see ``_of_words``) are placed first, in
    text order, then statements and announcements, so that what a statement is about (the events
    its sentence's happenings joined) is known when it is placed."""
    out = {}
    candidates = _Candidates(events)
    rarity = Rarity([*(p.vocabulary for p in events.values()), *(r.terms for r in reports)])
    late = {i for i, r in enumerate(reports) if r.reference or _told_in_passing_before(r, reports)}
    order = sorted(range(len(reports)), key=lambda i: (i in late, _of_words(reports[i], reports), i))
    for i in order:
        report = reports[i]
        if report.event_type in TALK_TYPES and report.sentence is not None:
            told = {
                out[j][0]
                for j in out
                if reports[j].sentence == report.sentence and reports[j].event_type not in TALK_TYPES
            }
            report = reports[i] = replace(report, about=report.about | told)
        scores = list(_scored(report, events, candidates, rarity))
        best, best_score = _best(scores)
        fitting = [key for key, score in scores if score is not None]
        into, started = _fold(report, best, fitting, events)
        for key in started:
            _fold_into(into, key, reports, events, candidates, out)
        best = into or best
        if best is None and report.reference:
            out[i] = (None, None)
            continue
        if best is None:
            best = ("new", i)
            events[best] = Profile.of(report)
        else:
            events[best] = events[best].absorbed(report)
        candidates.add(best, events[best])
        out[i] = (best, best_score)
    return out
