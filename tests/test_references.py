"""A happening named in passing in a later article ("killed in the collapse of the bridge") makes that
sentence a source of the event it names, without an event of its own or a say in its date."""

import io

import pytest
from django.core.management import call_command

from tests.utils import inbox_of
from timeline.models import Event

pytestmark = pytest.mark.django_db

TUESDAY = (
    "The Harbor Bridge collapsed on Tuesday, March 26, 2024, after a cargo ship struck one of its piers.\n"
)
WEDNESDAY = (
    "Divers recovered the bodies of two road workers on Wednesday. The workers were killed in the "
    "collapse of the Harbor Bridge, officials said.\n"
)


@pytest.fixture
def inbox(tmp_path):
    return inbox_of(
        tmp_path / "inbox",
        {
            "a_tuesday.txt": (TUESDAY, "Bridge falls", "Wire", "2024-03-26"),
            "b_wednesday.txt": (WEDNESDAY, "Bodies found", "Wire", "2024-03-27"),
        },
    )


def ingest(folder, *args):
    call_command("ingest", str(folder), *args, stdout=io.StringIO(), stderr=io.StringIO())


def test_the_later_sentence_naming_the_collapse_is_a_source_of_the_collapse(inbox):
    ingest(inbox)
    collapse = Event.objects.get(title__contains="collapses")
    count = collapse.sources.count()
    files = sorted(set(collapse.sources.values_list("article__file_name", flat=True)))
    assert files == ["a_tuesday.txt", "b_wednesday.txt"]
    assert collapse.date_start.isoformat() == "2024-03-26", "named in passing, it has no say in the date"
    assert not Event.objects.filter(title__icontains="the collapse of").exists(), "no event of its own"
    ingest(inbox, "--force")
    assert Event.objects.get(pk=collapse.pk).sources.count() == count, "a re-import changes nothing"


def test_the_event_page_shows_the_sentence_that_names_it(client, inbox):
    ingest(inbox)
    collapse = Event.objects.get(title__contains="collapses")
    page = client.get(collapse.get_absolute_url()).content.decode()
    assert "killed in the collapse of the Harbor Bridge" in page


def test_a_deed_told_in_a_clause_beside_another_is_a_source_of_that_deed_s_event(tmp_path):
    inbox = inbox_of(
        tmp_path / "clauses",
        {
            "a_held.txt": (
                "Guards confined the president to his palace on Wednesday, July 26, 2023.\n",
                "President confined",
                "Wire",
                "2023-07-26",
            ),
            "b_television.txt": (
                "Soldiers appeared on national television on Wednesday night, hours after guards "
                "confined the president to his palace.\n",
                "Soldiers on television",
                "Courier",
                "2023-07-27",
            ),
        },
    )
    ingest(inbox)
    confined = Event.objects.get(title__contains="confine")
    files = sorted(set(confined.sources.values_list("article__file_name", flat=True)))
    assert files == ["a_held.txt", "b_television.txt"]
    appeared = Event.objects.get(title__contains="appear")
    assert appeared != confined and appeared.date_start.isoformat() == "2023-07-26"


QUAKES = (
    "A powerful earthquake of magnitude 7.4 struck the coast of Lorvania early on Monday, February 6, "
    "2023, flattening houses in three towns.\n\n"
    "Hours later, a second quake of magnitude 6.1 hit the same region.\n"
)


def quake_inbox(folder, later: str):
    return inbox_of(
        folder,
        {
            "a_quakes.txt": (QUAKES, "Quakes hit Lorvania", "Wire", "2023-02-06"),
            "b_later.txt": (later, "Relief arrives", "Courier", "2023-02-08"),
        },
    )


def files_of(event):
    return sorted(set(event.sources.values_list("article__file_name", flat=True)))


def test_the_quake_named_bare_is_the_one_quake_not_told_as_another(tmp_path):
    later = (
        "Relief convoys reached the coastal towns on Wednesday.\n\n"
        "Aid workers handed out tents to families whose homes were lost in the quake.\n"
    )
    ingest(quake_inbox(tmp_path / "bare", later))
    first = Event.objects.get(title__startswith="Powerful earthquake")
    second = Event.objects.get(title__contains="second quake")
    assert files_of(first) == ["a_quakes.txt", "b_later.txt"]
    assert files_of(second) == ["a_quakes.txt"]


def test_a_quake_named_as_another_in_passing_is_the_second_one_not_the_first(tmp_path):
    later = (
        "Relief convoys reached the coastal towns on Wednesday.\n\n"
        "Aid workers handed out tents to families whose homes were lost in the second quake.\n"
    )
    ingest(quake_inbox(tmp_path / "second", later))
    first = Event.objects.get(title__startswith="Powerful earthquake")
    second = Event.objects.get(title__contains="second quake")
    assert files_of(first) == ["a_quakes.txt"]
    assert files_of(second) == ["a_quakes.txt", "b_later.txt"]


def test_a_quake_named_with_a_and_words_of_its_own_is_the_quake_those_words_tell(tmp_path):
    later = (
        "Relief convoys reached the coastal towns on Wednesday.\n\n"
        "Aid workers handed out tents to families who lost their homes in a powerful earthquake.\n"
    )
    ingest(quake_inbox(tmp_path / "powerful", later))
    first = Event.objects.get(title__startswith="Powerful earthquake")
    assert files_of(first) == ["a_quakes.txt", "b_later.txt"]
    assert not Event.objects.filter(title__icontains="powerful earthquake").exclude(pk=first.pk).exists()
