"""Whom a deed was done to says which happening it is, however the deed is told: by a verb behind a
verb of manner ("rushed to close the bank"), by a noun ("took possession of the bank"), as someone's
words ("..., the agency said"), or in a clause about the place of the sentence's happening ("a coup
was under way in Lomara, where guards detained the president")."""

import pytest

from tests.utils import event_telling, ingest_inbox, ingest_two_outlets, outlets_of
from timeline.models import Event

pytestmark = pytest.mark.django_db

TAKEN = (
    "Regulator acts\n\nThe state's banking regulator has taken possession of Harbor Trust Bank, citing "
    "inadequate liquidity and insolvency, the agency said. The banking regulator appointed the deposit "
    "insurer as the receiver of Harbor Trust Bank.\n"
)
CLOSED = (
    "Weekend of worry\n\nRegulators rushed to close Harbor Trust Bank on Friday when it experienced a "
    "run on its deposits. Markets fell on Monday.\n"
)


def test_a_bank_taken_possession_of_and_closed_that_day_is_one_event(tmp_path):
    # Friday 7 March 2025: the regulator's words are told undated in an article of that day
    ingest_two_outlets(tmp_path / "in", (TAKEN, "2025-03-07"), (CLOSED, "2025-03-10"))
    closed = event_telling("rushed to close")
    assert outlets_of(closed) == {"Wire", "Gazette"}
    assert str(closed.date_start) == "2025-03-07"
    assert not Event.objects.filter(title__icontains="rush").exclude(pk=closed.pk).exists()
    # told right after the regulator's deed told as the agency's words, the appointment is more of it
    assert event_telling("appointed the deposit insurer") == closed


WANTED = (
    "Weekend of worry\n\nRegulators wanted to close Harbor Trust Bank on Friday when it experienced a "
    "run on its deposits.\n"
)


def test_what_was_only_wanted_is_not_the_deed(tmp_path):
    ingest_two_outlets(tmp_path / "in", (TAKEN, "2025-03-07"), (WANTED, "2025-03-10"))
    wanted = event_telling("wanted to close")
    assert outlets_of(wanted) == {"Gazette"}, "wanting to close the bank is not closing it"


COMPARED = (
    "Investor speaks\n\nA hedge fund manager compared the collapse of Harbor Trust Bank to the failure "
    "of a Wall Street firm on Friday.\n"
)


def test_comparing_a_banks_collapse_is_not_a_deed_done_to_the_bank(tmp_path):
    ingest_two_outlets(tmp_path / "in", (COMPARED, "2025-03-07"), (CLOSED, "2025-03-10"))
    closed = event_telling("rushed to close")
    compared = Event.objects.get(title__icontains="compares")
    assert compared != closed and outlets_of(compared) == {"Wire"}
    # the comparison's sentence names the collapse in passing: a source with no say in the date
    assert list(closed.sources.filter(article__source__name="Wire").values_list("date_start", flat=True)) in (
        [],
        [None],
    )


SHARES = "Bank shares slide\n\nHarbor Trust Bank's shares fell 60% on Thursday, a day before it was closed.\n"
ASSURED = (
    "President speaks\n\nThe president told residents on Monday that the banking system is sound after "
    "the collapse of Harbor Trust Bank.\n"
)


def ingest_week(folder, *articles):
    """Imports each ``(file name, text, published)`` as an article of its own outlet."""
    ingest_inbox(
        folder,
        {name: (text, text.partition("\n")[0], name.upper(), day) for name, text, day in articles},
    )


def test_the_collapse_of_a_bank_named_later_is_what_was_done_to_the_bank(tmp_path):
    # Thursday 6 to Monday 10 March 2025
    ingest_week(
        tmp_path / "in",
        ("a.txt", SHARES, "2025-03-06"),
        ("b.txt", TAKEN, "2025-03-07"),
        ("c.txt", COMPARED, "2025-03-07"),
        ("d.txt", ASSURED, "2025-03-10"),
    )
    taken = event_telling("has taken possession of Harbor Trust Bank")
    assert taken.sources.filter(sentence__contains="after the collapse of Harbor Trust Bank").exists()
    # not the investor's words that name its collapse too, nor what befell its shares the day before
    for other in ("compares", "shares fall"):
        event = Event.objects.get(title__icontains=other)
        assert not event.sources.filter(sentence__contains="sound after the").exists()


BLAMED = (
    "Depositors speak\n\nDepositors on Monday blamed Harbor Trust Bank's failure to raise capital for "
    "their losses.\n"
)


def test_a_banks_failure_to_do_something_is_not_its_end(tmp_path):
    ingest_week(tmp_path / "in", ("b.txt", TAKEN, "2025-03-07"), ("d.txt", BLAMED, "2025-03-10"))
    taken = event_telling("has taken possession of Harbor Trust Bank")
    assert not taken.sources.filter(sentence__contains="failure to raise capital").exists()


UNDER_WAY = (
    "Unrest in Lomara\n\nAn attempted coup was under way on Wednesday in the small state of Lomara, "
    "where members of the presidential guard detained President Lena Moro, sources said.\n"
)
CONFINED = (
    "Guard turns\n\nPresident Lena Moro was confined on Wednesday by members of her guard, who "
    "surrounded the palace.\n"
)


def test_a_deed_told_in_a_clause_about_the_place_of_the_day_is_an_event_of_that_day(tmp_path):
    ingest_two_outlets(tmp_path / "in", (UNDER_WAY, "2025-05-08"), (CONFINED, "2025-05-08"))
    detained = event_telling("confined")
    assert outlets_of(detained) == {"Wire", "Gazette"}
    assert str(detained.date_start) == "2025-05-07"
    assert detained.sources.filter(sentence__startswith="where members").exists()
    (coup,) = Event.objects.filter(title__icontains="coup")
    assert coup != detained, "the coup under way stays an event of its own"


WASTED = (
    "Governor acts\n\nGovernor Ada Kline wasted no time in declaring a State of Emergency after the "
    "Harlow Bridge collapsed into the river.\n"
)
DECLARED_TWICE = (
    "Bridge falls\n\nA State of Emergency has been declared after a section of the Harlow Bridge "
    "collapsed early on Tuesday. "
    "Crews searched the valley. Governor Ada Kline declared a State of Emergency for the state on Tuesday "
    "morning.\n"
)


def test_a_state_of_emergency_declared_is_one_decision_however_told(tmp_path):
    # Tuesday 4 March 2025, both articles of that day
    ingest_two_outlets(tmp_path / "in", (WASTED, "2025-03-04"), (DECLARED_TWICE, "2025-03-04"))
    declared = event_telling("wasted no time")
    assert outlets_of(declared) == {"Wire", "Gazette"}
    assert declared.event_type == "decision", "a state of emergency declared is a decision, not words"
    assert declared.sources.filter(sentence__startswith="A State of Emergency has been declared").exists()
    assert declared.sources.filter(sentence__startswith="Governor Ada Kline declared").exists()
