"""The extraction pipeline's tests: plain Python over text, no database.

``pytest tests/nlp`` runs them alone. pytest-django configures the settings, as for every test,
but no test here asks for the database (pytest-django refuses any query they would make), so none
is created or even connected to.
"""

import datetime as dt

import pytest

from timeline.nlp.dates import find_temporal_expressions
from timeline.nlp.pipeline import load_nlp


@pytest.fixture(autouse=True)
def empty_cache():
    """These tests cache nothing: the Django tests' fixture of that name is not needed here."""


# The date normaliser's unit tests publish their sentences on a Wednesday.
WEDNESDAY = dt.date(2024, 5, 15)


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


@pytest.fixture(scope="session")
def timexes(nlp):
    def run(text, published=WEDNESDAY):
        return find_temporal_expressions(nlp(text), published)

    return run


@pytest.fixture(scope="session")
def value_of(timexes):
    """The value of the expression whose text is ``phrase`` (or the only one found)."""

    def run(text, phrase=None, published=WEDNESDAY):
        found = timexes(text, published)
        hits = [t for t in found if phrase is None or phrase.lower() in t.text.lower()]
        assert hits, f"nothing found for {phrase!r} in {found}"
        return hits[0].value

    return run
