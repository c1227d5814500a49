"""Storylines: events join the threads whose keywords they use and whose actors they involve."""

import pytest

from timeline.models import Thread
from timeline.services import assign_threads

from .factories import make_actor, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def threads():
    xi, putin, ukraine = (
        make_actor("Xi Jinping"),
        make_actor("Vladimir Putin"),
        make_actor("Ukraine", "place"),
    )
    bakhmut = make_actor("Bakhmut", "place", aliases=["Bakhmout"])
    visit = Thread.objects.create(slug="visit", name="Xi's visit", keywords=["state visit", "talks"])
    visit.actors.set([xi, putin])
    aid = Thread.objects.create(slug="aid", name="Aid to Ukraine", keywords=["aid", "loan"])
    aid.actors.set([ukraine])
    battle = Thread.objects.create(slug="battle", name="Battle of Bakhmut", keywords=["Bakhmut"])
    battle.actors.set([bakhmut])
    return {"xi": xi, "putin": putin, "ukraine": ukraine, "bakhmut": bakhmut}


def placed(event):
    assign_threads([(event, [event.summary])])
    return set(event.threads.values_list("slug", flat=True))


def test_an_event_joins_a_thread_whose_keyword_it_says_and_whose_actor_it_involves(threads):
    talks = make_event(title="Xi Jinping holds talks with Putin", actors=[threads["xi"], threads["putin"]])
    assert placed(talks) == {"visit"}


def test_a_keyword_counts_only_as_a_whole_word(threads):
    said = make_event(title="Ukraine said the front held", actors=[threads["ukraine"]])
    assert placed(said) == set(), "'aid' is no keyword of 'said'"


def test_the_same_actors_without_the_storyline_s_words_are_another_story(threads):
    summit = make_event(
        title="Xi Jinping and Putin meet at a summit in Tashkent", actors=[threads["xi"], threads["putin"]]
    )
    assert placed(summit) == set()


def test_an_actor_spelt_otherwise_still_says_the_storyline_s_name(threads):
    shelling = make_event(title="Shelling goes on in Bakhmout", actors=[threads["bakhmut"]])
    assert placed(shelling) == {"battle"}
