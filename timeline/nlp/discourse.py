"""Shapes of news writing that make reports one happening whatever their words.

- One speaker's statements of one day are one happening (a briefing, a speech, an interview),
  however many things were said (``remarks``).
- In one article, a report that states no date of its own and follows closely on a happening it
  shares rare words with tells more of that happening ("The tremor was also felt in Cyprus"): the
  words are weighed by how rare each is among the reports and events around (``Rarity``), so that
  what every report of a story names weighs little (``follows_on``); so does one whose subject names
  a happening told just before ("The quake comes within 12 hours of…", ``goes_on``), and someone's
  words of what it did ("the survey said the tremor struck 18 km deep").
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .clauses import EVENT_NOUNS, HAPPENING_NOUNS, kin_of, one_noun

if TYPE_CHECKING:
    from .clustering import Profile, Report

TALK_TYPES = {"statement", "announcement"}
# A report with no date of its own up to ``NEAR`` sentences after a source of a happening in its
# article tells more of it when it shares ``NEAR_SHARE`` of its weighted words (see ``follows_on``).
NEAR = 2
NEAR_SHARE = 0.2
# A statement with no date of its own joins its speaker's statements of the day told at most so many
# sentences before it in its article (see ``remarks``).
REMARKS_NEAR = 6
# How much less such a statement telling a deed done fits an event of its speaker that is no such
# deed than one that is, however close (see ``remarks``).
OTHER_DEED = 0.1
# A report whose subject names a happening tells more of the one its article named so many sentences
# before it at most (see ``goes_on``).
GOES_ON = 4


class Rarity:
    """How much a shared word says: its inverse document frequency among the reports and events
    being matched (each one document), so that what every report of a story names weighs little."""

    def __init__(self, documents):
        self.df: dict[str, int] = {}
        self.n = 0
        for words in documents:
            self.n += 1
            for w in words:
                self.df[w] = self.df.get(w, 0) + 1

    def weight(self, word: str) -> float:
        return max(0.0, math.log((self.n + 1) / (self.df.get(word, 0) + 0.5)))

    def mass(self, words) -> float:
        return sum(self.weight(w) for w in words)

    def shared(self, a: frozenset[str], b: frozenset[str]) -> float:
        """The weighted share of the smaller word set that the other one holds (0 to 1)."""
        fewer = min(self.mass(a), self.mass(b)) if a and b else 0.0
        return self.mass(a & b) / fewer if fewer else 0.0


# Words given in writing ("In a joint statement, the agencies said"): a statement several put out
# together is not the words one of them, or someone speaking for one, said that day.
WRITTEN = {"statement"}


def remarks(report: Report, event: Profile, relation: str) -> float | None:
    """1 when the report is a statement by one of the speakers of a statement event on its day: one
    speaker's statements of one day are one happening (a briefing, a speech, an interview), also
    where their words were told undated in an article of that day (for words several said together,
    the share of them that are its speakers; not someone else's own words beside a statement they put
    out in writing, see ``WRITTEN``). A report dated only by
    publication ("he added") joins the event of its speaker (what they said or did, or a deed they
    told another did: "the spokesman announced that crews detected a drone … he said") that its article
    told of at most ``REMARKS_NEAR`` sentences before, the closer the better, and a deed done that
    their words tell before by ``OTHER_DEED`` ("Biden signed a declaration. Biden spoke by phone with
    the governor. He confirmed he signed the declaration": the signing, not the call); None when it is
    no such statement."""
    if not report.talk:
        return None
    if not report.agents & (event.speakers | event.agents) and not _tells_more(report, event):
        return None
    if report.about and not report.about & event.about:
        return None  # "as Xi departed he told Putin": said at another happening, told in its sentence
    if relation == "same" or (relation == "compatible" and event.from_publication):
        # (or their words told undated in an article of the very day the report states)
        spoke = report.precision == "day" and not report.from_publication and report.agents & event.speakers
        if spoke and event.said_in & WRITTEN and not report.said_in and report.agents - event.speakers:
            return None  # one of them in their own words ("Treasury Secretary Yellen stressed")
        # of words said together ("the Fed, the FDIC and the Treasury said"), the share of their
        # speakers the event's are: their joint statement before one of them speaking alone
        return len(spoke) / len(report.agents) if spoke else None
    if relation not in ("publication", "compatible") or not report.from_publication:
        return None
    closest = min((gap for gap, _ in told_before(report, event)), default=None)
    if closest is None or closest > REMARKS_NEAR:
        return None
    # the deed a speaker's words tell, told before as done, before the speaker's other words
    other_deed = report.of_deed and report.predicate not in event.predicates
    return 1.0 - 0.01 * closest - (OTHER_DEED if other_deed else 0.0)


def _tells_more(report: Report, event: Profile) -> bool:
    """Are the report's words those of one who told a deed of the event that another did, and of what
    that deed was done to or with ("the spokesman announced crews detected a drone … he said crews
    track the drone"), not of something else ("… the channel will open by April, he said")?"""
    if not report.agents & event.tellers:
        return False
    names = {word.casefold() for name in report.agents for word in name.split()}
    return bool((report.terms & event.vocabulary) - names)


def said_again(report: Report, event: Profile) -> float | None:
    """1 less a hundredth per sentence between, when a report of words said in a statement its article
    named before ("The Fed, the FDIC and the Treasury said in their statement") follows by at most
    ``GOES_ON`` sentences a source of ``event`` in its article that names that statement ("In a joint
    statement, agencies including the Treasury said"), of one of its speakers; or None."""
    if not report.restated or report.said_in not in event.said_in or not report.agents & event.speakers:
        return None
    return _nearest(min((gap for gap, _ in told_before(report, event) if 0 < gap <= GOES_ON), default=None))


def follows_on(report: Report, event: Profile, rarity: Rarity) -> float | None:
    """The weighted share of words a report with no date of its own shares with the source of a
    happening it follows by at most ``NEAR`` sentences in its article, or None (see ``NEAR_SHARE``).
    What the one the happening was done to did then is more of it, whatever words it uses ("Cakmak
    was pulled to safety on Wednesday. Cakmak smiled and waved"): at least ``NEAR_SHARE``; so is what
    its doer did next, told in the very next sentence as someone else's words ("Biden on Friday
    traveled to Baltimore. Biden took an aerial tour of the wreckage, the White House said")."""
    if not report.from_publication or report.article is None:
        return None
    # an undated happening is only one sentence's account: what follows further on is another's
    reach = 1 if event.from_publication else NEAR
    if report.about and not report.about & event.about:
        return None  # its sentence tells the happening it is about
    if report.event_type not in TALK_TYPES and event.speakers:
        return None  # a deed is no more of what someone said
    near = [(gap, terms) for gap, terms in told_before(report, event) if gap <= reach]
    best = max((rarity.shared(report.terms, terms) for _, terms in near), default=0.0)
    if near and report.agents & event.patients and not report.talk:
        best = max(best, NEAR_SHARE)
    doer = report.roles.partition(">")[0]
    if near and report.told_deed and doer in event.agents and min(gap for gap, _ in near) <= 1:
        best = max(best, NEAR_SHARE)  # what its doer did next, told by another's words
    return best if best >= NEAR_SHARE else None


def goes_on(report: Report, event: Profile) -> float | None:
    """1 less a hundredth per sentence between, when a report whose subject names a happening ("The
    quake was also felt in Cyprus", "The impact caused the bridge to buckle") follows by at most
    ``GOES_ON`` sentences a source of ``event`` in its article that names it too ("quake",
    "earthquake"), or None: the nearest such happening told before is the one it tells more of."""
    if not report.subject_of or report.reference:
        return None
    if report.talk and event.types <= TALK_TYPES:
        return None  # what someone said of a happening tells of the happening, not of other words
    return _nearest(named_before(report, event, report.subject_of))


# Happenings told by a noun and a verb alike ("a collapse", "collapsed"), that no one holds or pays.
INCIDENTS = HAPPENING_NOUNS - EVENT_NOUNS


def tells_named(report: Report, event: Profile) -> float | None:
    """1 less a hundredth per sentence between, when a report tells by its verb the happening that a
    source of ``event`` named by its noun at most ``GOES_ON`` sentences before in its article
    ("Baltimore was rocked by a bridge collapse. The bridge collapsed after a ship hit it"), or None."""
    if report.talk or report.reference or report.another or report.predicate not in INCIDENTS:
        return None
    if event.agents - event.speakers and not kin_of(report.predicate) & (event.predicates | event.doers):
        return None  # "Putin ordered an oath after a plane crash killed its chief": his deed, not the crash
    return _nearest(named_before(report, event, report.predicate))


def retells(report: Report, event: Profile, rarity: Rarity) -> float | None:
    """The weighted share of its rarer words beyond the verb that a report shares with a source of
    ``event`` telling the same deed by the same verb at most ``GOES_ON`` sentences before it in its
    article ("Rescue teams uncovered a field of debris. [...] The Coast Guard said the debris field was
    uncovered by a robot"), or None when it is less than ``NEAR_SHARE``: the deed told again. Told by
    the same doer and thing as well ("an aircraft picked up noises, the Coast Guard said [...] The
    aircraft picked up banging noises, the magazine reported"), it is the deed told again whatever
    else either names: at least ``NEAR_SHARE``. A verb that names a happening as a noun too tells
    its deed again the same way ("The King visited the injured. [...] The monarch visited several
    people at the hospital")."""
    verb = report.predicate
    if report.reference or report.article is None or not verb or verb not in event.predicates:
        return None
    rest = report.terms - {verb}
    told = (terms for gap, terms in told_before(report, event) if 0 < gap <= GOES_ON and verb in terms)
    shares = [rarity.shared(rest, terms - {verb}) for terms in told]
    best = max(shares, default=0.0)
    if shares and report.roles and report.roles in event.roles:
        best = max(best, NEAR_SHARE)
    return best if best >= NEAR_SHARE else None


def _nearest(gap: int | None) -> float | None:
    """1 less a hundredth per sentence between, the nearest the better; None for no gap."""
    return None if gap is None else 1.0 - 0.01 * gap


def named_before(report: Report, event: Profile, noun: str) -> int | None:
    """The fewest sentences (one to ``GOES_ON``) by which a source of ``event`` that names ``noun``
    ("quake", "earthquake") comes before the report in its article, or None."""
    if report.article is None:
        return None
    gaps = (
        gap
        for gap, terms in told_before(report, event)
        if 0 < gap <= GOES_ON and any(one_noun(t, noun) for t in terms)
    )
    return min(gaps, default=None)


def told_before(report: Report, event: Profile):
    """(sentences between, terms) of each of the event's sources that its article tells up to the
    report's sentence."""
    for article, position, terms in event.terms:
        if article == report.article and position <= report.position:
            yield report.position - position, terms
