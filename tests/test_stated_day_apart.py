"""A report's own stated day wins over the event it would join: the events an article starts on a day
it states are not folded into a stored event its articles told on an earlier day, stating none ("a
court charged and arrested four suspects on Sunday", in Monday's paper; "Russia has detained 11
people", in Saturday's)."""

import datetime as dt

from timeline.nlp.clustering import Profile, Report, assign

SATURDAY, SUNDAY, MONDAY = dt.date(2024, 3, 23), dt.date(2024, 3, 24), dt.date(2024, 3, 25)
TERMS = frozenset(["court", "charge", "arrest", "suspect", "attack", "concert", "hall", "moscow"])
DETAINED = frozenset(["russia", "detain", "people", "suspect", "attack", "concert", "hall", "moscow"])


def told(day, published, predicate, *, unstated, article, doer, terms=TERMS):
    return Report(
        day,
        day,
        "day",
        unstated,
        published,
        actors=frozenset({doer}),
        words=terms,
        terms=terms,
        event_type="legal",
        article=article,
        predicate=predicate,
        agents=frozenset({doer}),
        agent_countries=frozenset({"Russia"}),
        sentence=0,
        position=0,
    )


def test_a_deed_stated_for_a_later_day_is_not_folded_into_an_event_told_the_day_before():
    detained = told(SATURDAY, SATURDAY, "detain", unstated=True, article=1, doer="Russia", terms=DETAINED)
    stored = {7: Profile.of(detained)}
    charged = told(SUNDAY, MONDAY, "charge", unstated=False, article=2, doer="Moscow")
    arrested = told(SUNDAY, MONDAY, "arrest", unstated=True, article=2, doer="Moscow")
    placed = assign([charged, arrested], stored)
    assert placed[0][0] == placed[1][0] == ("new", 0)
    assert stored[7].articles == {1}
