"""A happening named in passing in a later article ("killed in the collapse of the bridge") makes that
sentence a source of the event it names, without an event of its own or a say in its date."""

import io

import pytest
from django.core.management import call_command

from tests.utils import event_telling, inbox_of, ingest_two_outlets, outlets_of
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


def files_of(event):
    return sorted(set(event.sources.values_list("article__file_name", flat=True)))


BOTH, FIRST = ["a_quakes.txt", "b_later.txt"], ["a_quakes.txt"]


@pytest.mark.parametrize(
    "lost, first_files, second_files",
    [
        ("whose homes were lost in the quake", BOTH, FIRST),  # the one quake not told as another
        ("whose homes were lost in the second quake", FIRST, BOTH),
        ("who lost their homes in a powerful earthquake", BOTH, FIRST),  # the words of the first
    ],
)
def test_a_quake_named_in_passing_later_is_the_quake_its_words_tell(
    tmp_path, lost, first_files, second_files
):
    later = (
        "Relief convoys reached the coastal towns on Wednesday.\n\n"
        f"Aid workers handed out tents to families {lost}.\n"
    )
    ingest(
        inbox_of(
            tmp_path / "inbox",
            {
                "a_quakes.txt": (QUAKES, "Quakes hit Lorvania", "Wire", "2023-02-06"),
                "b_later.txt": (later, "Relief arrives", "Courier", "2023-02-08"),
            },
        )
    )
    first = Event.objects.get(title__startswith="Powerful earthquake")
    second = Event.objects.get(title__icontains="second quake")
    assert (files_of(first), files_of(second)) == (first_files, second_files)
    assert Event.objects.count() == 4, "two quakes, the convoys and the tents: no event of its own"


@pytest.mark.parametrize(
    ("frame", "joins"),
    [
        ("The disaster occurred early Tuesday when", True),
        ("The accident happened early Tuesday when", True),
        # told without saying that it is the disaster, the crash is a happening of its own
        ("Early Tuesday,", False),
    ],
)
def test_the_disaster_occurring_when_a_ship_crashed_is_the_collapse_named_before(tmp_path, frame, joins):
    later = (
        "Six road workers are presumed dead after the collapse of the Harbor Bridge. Divers searched "
        f"the river on Wednesday. {frame} the Maple, a Liberian-flagged ship, crashed into a pier around "
        "1:30 a.m., bringing down the bridge in seconds.\n"
    )
    inbox = inbox_of(
        tmp_path / "frames",
        {
            "a_tuesday.txt": (TUESDAY, "Bridge falls", "Wire", "2024-03-26"),
            "b_wednesday.txt": (later, "Workers presumed dead", "Courier", "2024-03-27"),
        },
    )
    ingest(inbox)
    collapse = Event.objects.get(title__contains="collapses")
    crash = "crashed into a pier" in " ".join(collapse.sources.values_list("sentence", flat=True))
    assert crash is joins
    assert Event.objects.filter(title__icontains="crash").exists() is not joins


def test_a_happening_named_by_another_noun_of_its_kind_is_a_source_of_that_happening(tmp_path):
    """ "The conflagration" of a later article is the wildfire told before, as "the blaze" would be."""
    ingest_two_outlets(
        tmp_path / "kinds",
        (
            "Fire in Pinecrest\nA wildfire tore through the hill town of Pinecrest on Tuesday, destroying "
            "hundreds of homes.\n",
            "2031-08-06",
        ),
        (
            "Back to Pinecrest\nResidents returned to Pinecrest on Thursday. The wind-driven conflagration "
            "swept through the hill town with alarming speed, leaping across wooden homes.\n",
            "2031-08-08",
        ),
    )
    fire = event_telling("tore through the hill town")
    assert outlets_of(fire) == {"Wire", "Gazette"}
    assert not Event.objects.filter(sources__sentence__contains="conflagration").exclude(pk=fire.pk).exists()


def test_a_happening_that_does_something_in_a_clause_beside_another_is_a_source_of_that_happening(tmp_path):
    """ "as blazes swept across the island": the fire told before, not an event of the sweeping."""
    ingest_two_outlets(
        tmp_path / "as_clause",
        (
            "Fire on Kalea\nA wildfire tore through the island of Kalea on Tuesday, destroying the old "
            "harbour town.\n",
            "2031-08-06",
        ),
        (
            "Flight from Kalea\nThousands of residents raced to escape their homes on Kalea on Tuesday as "
            "blazes swept across the island, destroying parts of the old harbour town.\n",
            "2031-08-07",
        ),
    )
    fire = event_telling("tore through the island")
    assert outlets_of(fire) == {"Wire", "Gazette"}
    flight = Event.objects.get(title__contains="race to escape")
    assert flight != fire, "the residents' flight stays an event of its own"
    assert not Event.objects.filter(title__icontains="swept").exists()
