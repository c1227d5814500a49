import io
import os
import shutil
import signal
from pathlib import Path

import pytest
from django.core.management import call_command

from .utils import FIXTURE_ARTICLES, require


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with nothing cached (pages cache what is the same for every reader)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def ctrl_c_heard():
    """Ctrl-C as a terminal delivers it, here and in the processes started from here, even when these
    tests run where SIGINT is ignored (started in the background by a shell without job control)."""
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, before)


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
