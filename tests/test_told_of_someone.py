"""What a named person has done, told in passing by a clause about them ("General Okafor, who has
declared himself the interim president, warned ..."), is a source of the event of that deed, not an
event of its own; and one deed told again in an article by the same doer, verb and thing ("the
aircraft picked up noises") is that article's one event, however few other words the two share."""

import pytest

from tests.utils import event_telling, ingest_two_outlets, outlets_of
from timeline.models import Event

pytestmark = pytest.mark.django_db

DECLARED = (
    "Coup in Lomara\n\nGeneral Samuel Okafor declared himself the interim president of Lomara on "
    "Friday, two days after soldiers seized the presidential palace.\n"
)
WARNED = (
    "Neighbours meet\n\nLeaders of the region held an emergency summit in Abuja on Sunday. General Samuel "
    "Okafor, who has declared himself the interim president, warned neighbouring states against any "
    "intervention ahead of the summit.\n"
)


def test_a_deed_told_in_a_clause_about_its_doer_is_a_source_of_its_event(tmp_path):
    ingest_two_outlets(tmp_path / "in", (DECLARED, "2025-05-09"), (WARNED, "2025-05-11"))
    (declared,) = Event.objects.filter(title__icontains="declares")
    assert outlets_of(declared) == {"Wire", "Gazette"}
    assert str(declared.date_start) == "2025-05-09", "named in passing, it has no say in the date"
    (warned,) = Event.objects.filter(title__icontains="warns")
    assert warned.reaction_to == Event.objects.get(title__icontains="summit"), (
        "he answers the summit, not what he did himself"
    )
    assert not Event.objects.filter(title__icontains="who has").exists(), "no event of its own"


HEARD = (
    "Search goes on\n\nA patrol aircraft picked up underwater noises near the wreck site on Tuesday, "
    "the coast guard said. Ships from three countries have joined the search. Crews are working in "
    "rough seas. The aircraft reportedly picked up banging noises at 30-minute intervals, the Herald "
    "reported, citing internal emails.\n"
)
HEARD_ELSEWHERE = (
    "Noises heard\n\nA patrol aircraft detected underwater noises near the wreck site on Tuesday, "
    "officials said.\n"
)


def test_a_deed_told_again_by_its_doer_verb_and_thing_is_one_event(tmp_path):
    ingest_two_outlets(tmp_path / "in", (HEARD_ELSEWHERE, "2025-06-21"), (HEARD, "2025-06-21"))
    (noises,) = Event.objects.filter(title__icontains="detects")
    assert outlets_of(noises) == {"Wire", "Gazette"}
    assert noises.sources.filter(sentence__contains="banging").exists(), "told again, in its article"
    assert not Event.objects.filter(title__icontains="banging").exists()


DETAINED = "Palace seized\n\nSoldiers detained President Lena Moro in the palace on Wednesday.\n"
HELD = (
    "Calm urged\n\nPresident Lena Moro, who was detained by soldiers in the palace, urged calm in a "
    "message read on the radio on Saturday.\n"
)


def test_what_was_done_to_someone_told_in_a_clause_about_them_is_a_source_of_its_event(tmp_path):
    ingest_two_outlets(tmp_path / "in", (DETAINED, "2025-05-07"), (HELD, "2025-05-10"))
    (detained,) = Event.objects.filter(title__icontains="detain")
    assert outlets_of(detained) == {"Wire", "Gazette"}
    assert str(detained.date_start) == "2025-05-07"
    assert Event.objects.filter(title__icontains="urges").exists(), "the sentence's own deed stays"


TOURED = (
    "Visit to the port\n\nPresident Ada Kapu on Friday traveled to Harbortown to see the damaged pier. "
    "Kapu took an aerial tour of the wreckage, the Palace said.\n"
)
REOPENS = "Port plans\n\nThe Palace said on Friday that the port would reopen by the end of May.\n"


def test_whoever_tells_of_a_doer_s_deed_is_no_speaker_of_its_event_in_a_later_import(tmp_path):
    ingest_two_outlets(tmp_path / "in", (TOURED, "2025-05-09"), (REOPENS, "2025-05-09"))
    visit = event_telling("traveled to Harbortown")
    assert event_telling("aerial tour") == visit, "what he did next, told by the Palace, is his visit"
    assert event_telling("would reopen") != visit, "the Palace's own words are not the president's visit"
