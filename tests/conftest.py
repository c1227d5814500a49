import datetime as dt
import io
import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from timeline.nlp.dates import find_temporal_expressions
from timeline.nlp.pipeline import load_nlp

from .utils import FIXTURE_ARTICLES, require


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with nothing cached (pages cache what is the same for every reader)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def articles_dir(tmp_path) -> Path:
    """A private copy of the fixture corpus that a test may change."""
    target = tmp_path / "articles"
    shutil.copytree(FIXTURE_ARTICLES, target)
    return target


@pytest.fixture
def ingested(db, articles_dir):
    """The fixture corpus ingested into the test database."""
    call_command("ingest", str(articles_dir), stdout=io.StringIO(), stderr=io.StringIO())
    return articles_dir


@pytest.fixture
def blank_cast(db):
    """No actors or storylines beyond those the test makes (migrations may load a gazetteer)."""
    from timeline.models import Actor, Thread

    Actor.objects.all().delete()
    Thread.objects.all().delete()


CHROMIUM = Path("/usr/bin/chromium")
# Flags for a headless Chromium on a machine without a display or outside network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium driven by Playwright, one per test run."""
    if not CHROMIUM.exists():
        require("REQUIRE_BROWSER", "needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; the ORM calls around it are ours.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    """A fresh browser tab (its own cookies) for one test."""
    context = chromium.new_context()
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


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
