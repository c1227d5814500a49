"""Two imports of the same folder at the same time, on PostgreSQL, store everything once."""

import os
import subprocess
import sys
from collections import Counter

import pytest
from django.db import connection

from timeline.models import Actor, ActorAlias, Article, Event, EventSource

from .utils import ROOT, require


def start_ingest(folder, database_url):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env |= {"DATABASE_URL": database_url, "DJANGO_DEBUG": "1", "DJANGO_CONN_MAX_AGE": "0"}
    return subprocess.Popen(
        [sys.executable, "manage.py", "ingest", str(folder)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def duplicates(values):
    return [value for value, n in Counter(values).items() if n > 1]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_imports_of_one_folder_at_once_store_each_article_event_and_actor_once(articles_dir):
    if connection.vendor != "postgresql":
        require("REQUIRE_POSTGRES", "needs PostgreSQL (set DATABASE_URL=postgres://...)")
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    runs = [start_ingest(articles_dir, url) for _ in range(2)]
    results = [(run.wait(timeout=300), *run.communicate()) for run in runs]
    for code, out, err in results:
        assert code == 0, out + err
    new = sum(int(out.split("ingested ")[1].split(" new")[0]) for _, out, _ in results)
    assert new == 5

    assert Article.objects.count() == 5
    assert duplicates(Article.objects.values_list("content_hash", flat=True)) == []
    report_keys = EventSource.objects.values_list("article_id", "start", "end", "temporal_expression")
    assert duplicates(report_keys) == []
    assert duplicates(ActorAlias.objects.values_list("normalized", flat=True)) == []
    assert duplicates(Actor.objects.values_list("name", flat=True)) == []
    events_by_sources = [
        frozenset(event.sources.values_list("article_id", "start", "end", "temporal_expression"))
        for event in Event.objects.prefetch_related("sources")
    ]
    assert duplicates(events_by_sources) == []
    assert Event.objects.filter(sources__isnull=True).count() == 0
