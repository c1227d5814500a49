"""Merging reports of one happening, and choosing the date a merged event keeps."""

import datetime as dt
from dataclasses import replace

from timeline.nlp.clustering import Profile, Report, assign, keywords, match_score
from timeline.nlp.dating import ChosenDate, Dated, choose_date

D = dt.date


def report(start, end=None, *, article=1, text="Xi Jinping arrives in Moscow for talks with Putin", **kw):
    defaults = dict(
        precision="day",
        from_publication=False,
        published=D(2023, 3, 22),
        actors=frozenset({"Xi Jinping", "Moscow"}),
        countries=frozenset({"China", "Russia"}),
        words=keywords(text),
        event_type="meeting",
        article=article,
    )
    defaults.update(kw)
    return Report(start, end or start, **defaults)


def profile(start, end=None, *, articles=(9,), text="Xi Jinping arrived in Moscow on a state visit", **kw):
    defaults = dict(
        from_publication=False,
        published=D(2023, 3, 20),
        actors=frozenset({"Xi Jinping", "Moscow"}),
        countries=frozenset({"China", "Russia"}),
        words=[keywords(text)],
        types=frozenset({"meeting"}),
        articles=set(articles),
    )
    defaults.update(kw)
    return Profile(start, end or start, **defaults)


def test_a_day_inside_last_week_fits_and_merges():
    assert match_score(report(D(2023, 3, 14)), profile(D(2023, 3, 13), D(2023, 3, 19))) is not None


def test_two_stated_days_are_two_happenings():
    assert match_score(report(D(2023, 3, 21)), profile(D(2023, 3, 20))) is None


def test_reports_of_one_article_never_merge():
    assert match_score(report(D(2023, 3, 20), article=9), profile(D(2023, 3, 20))) is None


def test_unrelated_wording_and_actors_on_the_same_day_stay_apart():
    other = report(
        D(2023, 3, 20),
        text="The central bank raised interest rates by half a point",
        actors=frozenset({"European Central Bank"}),
        countries=frozenset(),
        event_type="decision",
    )
    assert match_score(other, profile(D(2023, 3, 20))) is None


def test_undated_statements_never_merge_on_publication_alone():
    said = report(
        D(2023, 3, 22),
        from_publication=True,
        event_type="statement",
        text="Xi Jinping said talks in Moscow went well",
    )
    assert match_score(said, profile(D(2023, 3, 20))) is None


def test_two_happenings_of_one_article_on_one_day_with_the_same_actors_stay_apart():
    arrival = report(D(2023, 3, 20), predicate="arrive", agents=frozenset({"Xi Jinping"}))
    dinner = report(
        D(2023, 3, 20),
        predicate="host",
        event_type="meeting",
        agents=frozenset({"Xi Jinping"}),
        text="Putin hosted Xi Jinping at an informal dinner in the Kremlin",
    )
    matches = assign([arrival, dinner], {"visit": profile(D(2023, 3, 20), predicates=frozenset({"visit"}))})
    assert matches[0][0] == "visit"
    assert matches[1][0] != "visit"


def dated(start, end=None, precision="day", *, pub=None, published=None):
    return Dated(start, end or start, precision, bool(pub), published or start)


def test_the_date_most_sources_support_wins_and_a_dissenter_is_a_conflict():
    sources = [dated(D(2023, 3, 20)), dated(D(2023, 3, 20)), dated(D(2023, 3, 26), published=D(2023, 3, 29))]
    assert choose_date(sources) == ChosenDate(D(2023, 3, 20), D(2023, 3, 20), "day", True)


def test_a_day_inside_a_month_is_preferred_to_the_month_and_is_no_conflict():
    sources = [
        dated(D(2023, 2, 24)),
        dated(D(2023, 2, 1), D(2023, 2, 28), "month"),
        dated(D(2023, 2, 1), D(2023, 2, 28), "month"),
    ]
    assert choose_date(sources) == ChosenDate(D(2023, 2, 24), D(2023, 2, 24), "day", False)


def test_on_a_tie_the_earliest_report_wins():
    sources = [
        dated(D(2023, 3, 26), published=D(2023, 3, 29)),
        dated(D(2023, 3, 20), pub=True, published=D(2023, 3, 20)),
    ]
    chosen = choose_date(sources)
    assert chosen.date_start == D(2023, 3, 20) and chosen.conflict


def test_a_publication_date_later_than_the_stated_one_is_no_conflict():
    sources = [dated(D(2023, 2, 24)), dated(D(2023, 3, 17), pub=True)]
    assert choose_date(sources) == ChosenDate(D(2023, 2, 24), D(2023, 2, 24), "day", False)


def test_statements_by_speakers_of_different_countries_never_merge():
    tweet = report(
        D(2023, 3, 17),
        event_type="statement",
        predicate="write",
        agents=frozenset({"Hua Chunying"}),
        agent_countries=frozenset({"China"}),
        text="Hua Chunying wrote that Xi will visit Russia at the invitation of Putin",
    )
    spokesman = profile(
        D(2023, 3, 17),
        types=frozenset({"statement"}),
        predicates=frozenset({"say"}),
        agents=frozenset({"Rishi Sunak"}),
        agent_countries=frozenset({"United Kingdom"}),
        text="A spokesman for Rishi Sunak said Xi should use his visit to Russia to press Putin",
    )
    assert match_score(tweet, spokesman) is None


def test_an_arrival_stated_days_after_the_visit_merges_as_a_conflict_only_when_all_else_agrees():
    arrival = report(D(2023, 3, 26), predicate="arrive", agents=frozenset({"Xi Jinping"}))
    visit = profile(D(2023, 3, 20), predicates=frozenset({"visit"}), agents=frozenset({"Xi Jinping"}))
    assert match_score(arrival, visit) is not None
    signing = report(
        D(2023, 3, 26), predicate="sign", event_type="agreement", agents=frozenset({"Xi Jinping"})
    )
    assert match_score(signing, visit) is None


def test_a_report_dated_by_publication_merges_only_when_it_tells_the_same_kind_of_deed():
    published = report(D(2023, 3, 22), from_publication=True, predicate="publish", event_type="announcement")
    unveiled = profile(D(2023, 2, 24), predicates=frozenset({"unveil"}), types=frozenset({"announcement"}))
    assert match_score(published, unveiled) is not None
    decided = report(D(2023, 3, 22), from_publication=True, predicate="decide", event_type="decision")
    assert match_score(decided, unveiled) is None


def test_a_launched_offensive_is_not_the_same_deed_as_a_launched_plan():
    offensive = report(
        D(2023, 3, 22),
        from_publication=True,
        predicate="launch",
        event_type="military",
        agents=frozenset({"Moscow"}),
        text="Moscow has launched a massive winter offensive",
    )
    announced = profile(
        D(2023, 3, 17),
        predicates=frozenset({"announce"}),
        types=frozenset({"announcement"}),
        agents=frozenset({"Beijing", "Moscow"}),
    )
    assert match_score(offensive, announced) is None
    unveiled = replace(
        offensive, event_type="announcement", words=keywords("Moscow has launched a peace plan")
    )
    assert match_score(unveiled, announced) is not None


def statement(**kw):
    defaults = dict(
        event_type="statement",
        predicate="announce",
        agents=frozenset({"Beijing", "Moscow"}),
        agent_countries=frozenset({"China", "Russia"}),
        text="Beijing and Moscow announced the date of the Chinese president's trip",
        sentence=1,
    )
    return report(D(2023, 3, 17), **defaults | kw)


def tweet(**kw):
    defaults = dict(
        types=frozenset({"statement"}),
        predicates=frozenset({"write"}),
        agents=frozenset({"Hua Chunying"}),
        agent_countries=frozenset({"China"}),
        text="Hua Chunying wrote in a tweet: at the invitation of Putin, Xi will go to Russia",
    )
    return profile(D(2023, 3, 17), **defaults | kw)


def test_statements_in_other_words_about_one_happening_are_one_statement():
    assert match_score(statement(about=frozenset({"visit"})), tweet(about=frozenset({"visit"}))) is not None
    assert match_score(statement(), tweet()) is None
    assert match_score(statement(about=frozenset({"visit"})), tweet(about=frozenset({"summit"}))) is None


def test_a_statement_learns_what_it_is_about_from_the_happening_its_sentence_tells():
    visit = report(D(2023, 3, 20), D(2023, 3, 22), predicate="visit", sentence=1)
    stored = {"visit": profile(D(2023, 3, 20), D(2023, 3, 22), predicates=frozenset({"visit"}))}
    stored["tweet"] = tweet(about=frozenset({"visit"}))
    matches = assign([statement(), visit], stored)
    assert matches == {1: ("visit", matches[1][1]), 0: ("tweet", matches[0][1])}


def test_the_same_verb_and_countries_without_a_known_doer_or_shared_actor_are_not_enough():
    embargo = profile(
        D(1990, 8, 6),
        predicates=frozenset({"order"}),
        types=frozenset({"decision"}),
        actors=frozenset({"United Nations Security Council"}),
        countries=frozenset({"Iraq", "Kuwait"}),
        agents=frozenset({"United Nations Security Council"}),
        text="The Security Council ordered a global embargo on trade with Iraq for seizing Kuwait",
    )
    assembly = report(
        D(1990, 8, 16),
        from_publication=True,
        published=D(1990, 8, 16),
        predicate="order",
        event_type="decision",
        actors=frozenset(),
        countries=frozenset({"Iraq", "Kuwait"}),
        text="Iraqi authorities ordered all Americans in Kuwait to assemble at a hotel, with Iraq",
    )
    assert match_score(assembly, embargo) is None
    assert match_score(replace(assembly, actors=frozenset({"United Nations Security Council"})), embargo)


def test_an_undated_report_published_days_before_a_dated_happening_is_another_one():
    clinton = {"agents": frozenset({"Bill Clinton"}), "actors": frozenset({"Bill Clinton"})}
    assessment = report(
        D(1998, 8, 14),
        from_publication=True,
        published=D(1998, 8, 14),
        predicate="order",
        event_type="decision",
        **clinton,
    )
    strikes = profile(
        D(1998, 8, 20), predicates=frozenset({"order"}), types=frozenset({"decision"}), **clinton
    )
    assert match_score(assessment, strikes) is None
    early = replace(assessment, date_start=D(1998, 8, 19), date_end=D(1998, 8, 19), published=D(1998, 8, 19))
    assert match_score(early, strikes) is not None, "a day ahead: the same happening, told early"
    years_later = replace(
        assessment, date_start=D(2003, 1, 1), date_end=D(2003, 1, 1), published=D(2003, 1, 1)
    )
    assert match_score(years_later, strikes) is None


def test_the_same_year_with_unknown_doers_is_no_evidence_of_one_happening():
    year = {"precision": "year", "actors": frozenset(), "countries": frozenset()}
    first = report(
        D(1988, 1, 1),
        D(1988, 12, 31),
        predicate="report",
        event_type="announcement",
        text="The company reported a net loss of 39 cents a share",
        **year,
    )
    other = profile(
        D(1988, 1, 1),
        D(1988, 12, 31),
        predicates=frozenset({"report"}),
        types=frozenset({"announcement"}),
        text="It reported 16 cents a share",
        actors=frozenset(),
        countries=frozenset(),
    )
    assert match_score(first, other) is None


def test_of_one_articles_undated_reports_the_day_its_text_gives_wins_over_its_publication():
    published = D(2023, 3, 29)
    context = Dated(D(2023, 3, 26), D(2023, 3, 26), "day", True, published, from_context=True)
    sources = [dated(published, pub=True, published=published), context]
    assert choose_date(sources) == ChosenDate(D(2023, 3, 26), D(2023, 3, 26), "day", False)
