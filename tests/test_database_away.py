"""The database goes away for a moment: pages say so with a 503, imports wait for it, bounded."""

import os
import shutil
import subprocess
import time

import pytest
from django.db import OperationalError, connection
from django.db.backends.utils import CursorWrapper

from timeline import database, middleware
from timeline.management.commands import ingest as ingest_command
from timeline.models import Article

from .test_bad_input import ingest
from .test_import_faults import COUNT, folder, ingest_running, long_inbox  # noqa: F401 (a fixture)
from .utils import require

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_page_answers_503_with_a_short_page_while_the_database_is_away(client, monkeypatch, ingested):
    def lost(*args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", lost)  # every query, as with the server stopped
    monkeypatch.setattr(middleware, "answers", lambda: False)
    response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == str(middleware.RETRY_AFTER)
    assert "briefly unavailable" in response.content.decode()
    monkeypatch.undo()
    assert client.get("/").status_code == 200, "served as usual once the database answers"


def test_an_import_waits_for_the_database_and_stores_every_article(folder, monkeypatch):  # noqa: F811
    real = ingest_command.ingest_article
    server = {"down": True, "asked": 0}

    def answers():  # the server is back on the third time the import asks
        server["asked"] += 1
        server["down"] = server["asked"] < 3
        return not server["down"]

    def flaky(**kwargs):
        if server["down"]:
            raise OperationalError("server closed the connection unexpectedly")
        return real(**kwargs)

    monkeypatch.setattr(ingest_command, "ingest_article", flaky)
    monkeypatch.setattr(database, "answers", answers)
    code, out, err = ingest(folder)
    assert code == 0, err
    assert server["asked"] == 3, "it asked until the server answered"
    assert f"ingested {COUNT} new" in out and "0 failed" in out
    assert Article.objects.count() == COUNT


def test_an_import_stops_with_a_clear_message_when_the_database_stays_away(folder, monkeypatch, settings):  # noqa: F811
    settings.NEWSROOM_DATABASE_WAIT = 0.5

    def away(**kwargs):
        raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")

    monkeypatch.setattr(ingest_command, "ingest_article", away)
    monkeypatch.setattr(database, "answers", lambda: False)
    code, out, err = ingest(folder)
    assert code == 1
    assert "stopped: the database did not answer for 0 seconds (connection to server" in err
    assert f"{COUNT} articles not ingested; run the same command again" in err
    assert Article.objects.count() == 0


def test_a_postgresql_restart_during_an_import_fails_no_article(tmp_path, client):
    """The real server stopped for a few seconds while `ingest` runs: pages answer 503 meanwhile,
    the import waits and stores every article, and pages recover by themselves."""
    if connection.vendor != "postgresql" or not shutil.which("pg_ctlcluster") or os.geteuid() != 0:
        require("REQUIRE_POSTGRES", "needs PostgreSQL on this machine, run by root (pg_ctlcluster)")
    cluster = [
        "pg_ctlcluster",
        "--skip-systemctl-redirect",
        sorted(os.listdir("/etc/postgresql"))[-1],
        "main",
    ]
    inbox = long_inbox(tmp_path, 40, paragraphs=30)
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    run = ingest_running(inbox, url, stored=3)
    try:
        subprocess.run([*cluster, "stop"], check=True)
        assert client.get("/").status_code == 503
        time.sleep(5)
    finally:
        subprocess.run([*cluster, "start"], check=True)
    out, err = run.communicate(timeout=300)
    assert run.returncode == 0, err[-2000:]
    assert "ingested 40 new" in out and "0 failed" in out
    connection.close()
    assert client.get("/").status_code == 200
    assert Article.objects.count() == 40
