"""Imports through the task queue: `ingest --queue` and `celery -A newsroom worker`, as a desk runs
them, against the real broker (RabbitMQ, and Redis) and PostgreSQL; workers killed for real."""

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from kombu import Connection

from timeline import task_queue
from timeline.editing import hide_events, record_change
from timeline.models import Article, Event, EventSource, QueuedArticle

from .test_import_faults import long_inbox
from .utils import FIXTURE_ARTICLES, ROOT, require

pytestmark = pytest.mark.django_db(transaction=True)

BROKERS = {
    "rabbitmq": ("amqp://guest:guest@127.0.0.1:5672//", 5672),
    "redis": ("redis://127.0.0.1:6379/15", 6379),
}
CELERY = Path(sys.executable).with_name("celery")
ARTICLE = (
    "The council of Harbor approved a budget on March 3, 2023.\n\nIts members said the vote was close.\n"
)


def answers(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(params=["rabbitmq"])
def env(request):  # the tests using it are marked ``postgres``
    """The environment of the commands a desk runs: this test's database, a broker, a queue of its own."""
    if connection.vendor != "postgresql":
        require("REQUIRE_POSTGRES", "needs PostgreSQL (set DATABASE_URL=postgres://...)")
    url, port = BROKERS[request.param]
    if not answers(port):
        require("REQUIRE_POSTGRES", f"needs {request.param} at 127.0.0.1:{port}")
    db = connection.settings_dict
    queue = f"newsroom-test-{uuid.uuid4().hex[:12]}"
    yield {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT']}/{db['NAME']}",
        "DJANGO_DEBUG": "1",
        "CELERY_BROKER_URL": url,
        "NEWSROOM_QUEUE": queue,
        # Redis hands a task no worker acknowledged to another after this time (RabbitMQ at once).
        "NEWSROOM_TASK_TIMEOUT": "10",
        "PYTHONUNBUFFERED": "1",
    }
    with Connection(url) as broker:
        broker.default_channel.queue_delete(queue)


class Worker:
    """`celery -A newsroom worker` with ``processes`` worker processes, its log kept."""

    def __init__(self, env: dict, processes: int):
        self.log: list[str] = []
        self.run = subprocess.Popen(
            [str(CELERY), "-A", "newsroom", "worker", "-c", str(processes), "-l", "info"]
            + ["--without-mingle", "--without-gossip", "-n", f"test-{uuid.uuid4().hex[:8]}@%h"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        threading.Thread(target=self.read, daemon=True).start()
        self.wait_for(" ready.", seconds=60)

    def read(self):
        for line in self.run.stdout:
            self.log.append(line)

    def wait_for(self, text: str, *, seconds: float):
        deadline = time.monotonic() + seconds
        while not any(text in line for line in self.log):
            assert self.run.poll() is None, "the worker stopped:\n" + "".join(self.log)
            assert time.monotonic() < deadline, f"no {text!r} in the worker's log:\n" + "".join(self.log)
            time.sleep(0.1)

    def processes(self) -> list[int]:
        """The worker processes (the children of the main one)."""
        children = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.run.pid:
                children.append(int(stat.parent.name))
        return children

    def kill(self):
        """SIGKILL to the main process and its worker processes, as a machine lost would."""
        os.killpg(self.run.pid, signal.SIGKILL)
        self.run.wait(timeout=30)

    def stop(self):
        if self.run.poll() is None:
            os.killpg(self.run.pid, signal.SIGTERM)
            try:
                self.run.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def workers(env):
    started: list[Worker] = []

    def start(processes: int = 2) -> Worker:
        started.append(Worker(env, processes))
        return started[-1]

    yield start
    for worker in started:
        worker.stop()


def manage(env: dict, *args: str, python: tuple = (), timeout: float = 300) -> tuple[int, str, str]:
    """`manage.py` with ``args`` as a user runs it (``python``: the interpreter's own options)."""
    run = subprocess.run(
        [sys.executable, *python, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return run.returncode, run.stdout, run.stderr


def export(env) -> dict:
    code, out, err = manage(env, "export_timeline")
    assert code == 0, err
    timeline = json.loads(out)
    # Rows are numbered by the database: articles and actors are told by file and name instead.
    files = {article.pop("id"): article["file"] for article in timeline["articles"]}
    names = {actor.pop("id"): actor["name"] for actor in timeline["actors"]}
    # an event by its title and first sentence
    told = {event["id"]: (event["title"], event["sources"][0]["sentence"]) for event in timeline["events"]}
    for event in timeline["events"]:
        del event["id"]
        event["reaction_to"] = told.get(event["reaction_to"])
        event["actors"] = sorted(names[pk] for pk in event["actors"])
        for source in event["sources"]:
            source["article"] = files[source["article"]]
    timeline["events"].sort(key=lambda e: (e["date_start"] or "", e["title"], e["sources"][0]["sentence"]))
    return timeline


def taken_mid_article(article: QueuedArticle, *, attempts: int, seconds: float = 120) -> None:
    """Returns once a worker has started extracting ``article`` for the ``attempts``-th time."""
    deadline = time.monotonic() + seconds
    while True:
        article.refresh_from_db(fields=["attempts", "state"])
        if article.attempts >= attempts and article.state == QueuedArticle.State.QUEUED:
            return
        assert article.state == QueuedArticle.State.QUEUED, "extracted before a worker could be killed"
        assert time.monotonic() < deadline, "no worker took the article"
        time.sleep(0.02)


def finished(queued_import: int | None = None, *, seconds: float = 240) -> None:
    """Returns once the workers are done with the import (every queued import when None)."""
    pending = QueuedArticle.objects.exclude(state=QueuedArticle.State.DONE)
    if queued_import is not None:
        pending = pending.filter(queued_import=queued_import)
    deadline = time.monotonic() + seconds
    while pending.exists():
        assert time.monotonic() < deadline, "the workers did not finish the import"
        time.sleep(0.2)


@pytest.mark.postgres
@pytest.mark.parametrize("env", ["rabbitmq", "redis"], indirect=True)
def test_a_queued_import_stores_what_a_local_import_stores(env, workers):
    code, local_report, err = manage(env, "ingest", str(FIXTURE_ARTICLES))
    assert code == 0, err
    local = export(env)
    for model in (EventSource, Event, Article):
        model.objects.all().delete()
    workers(processes=2)
    code, queued_report, err = manage(env, "ingest", "--queue", str(FIXTURE_ARTICLES))
    assert code == 0, err
    assert "queued 5 articles as import" in err and "5/5" in err  # the progress bar
    assert queued_report == local_report
    assert export(env) == local
    code, out, _ = manage(env, "ingest_status")
    assert "5 articles, 5 new, 0 changed, 0 skipped, 0 failed, 0 pending" in out


@pytest.mark.postgres
def test_a_bad_file_is_named_at_once_and_the_good_ones_are_queued(env, workers, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (inbox / "empty.txt").write_text("", encoding="utf-8")
    code, out, err = manage(env, "ingest", "--queue", "--no-wait", str(inbox))
    assert code == 1
    assert "empty.txt" in err and "1 articles queued; 0 skipped, 1 failed" in out
    workers(processes=1)
    finished()
    assert list(Article.objects.values_list("file_name", flat=True)) == ["good.txt"]


@pytest.mark.postgres
def test_an_editors_correction_stands_through_a_queued_reimport(env, workers):
    workers(processes=2)
    assert manage(env, "ingest", "--queue", str(FIXTURE_ARTICLES))[0] == 0
    event = Event.objects.filter(sources__isnull=False).order_by("date_start", "pk").first()
    record_change(event, None, "title", event.title, "Corrected by the desk")
    event.title = "Corrected by the desk"
    event.save()
    hidden = Event.objects.exclude(pk=event.pk).order_by("pk").first()
    hide_events(events=[hidden], user=None)
    code, out, err = manage(env, "ingest", "--queue", "--force", str(FIXTURE_ARTICLES))
    assert code == 0, err
    assert "ingested 0 new and 5 changed articles" in out
    event.refresh_from_db()
    hidden.refresh_from_db()
    assert event.title == "Corrected by the desk"
    assert hidden.status == "hidden"


@pytest.mark.postgres
def test_two_imports_of_one_folder_queued_at_once_store_each_article_once(env, workers):
    for _ in range(2):
        code, out, err = manage(env, "ingest", "--queue", "--no-wait", str(FIXTURE_ARTICLES))
        assert code == 0, err
        assert "5 articles queued" in out
    workers(processes=2)
    finished()
    outcomes = sorted(QueuedArticle.objects.values_list("outcome", flat=True))
    assert outcomes == ["create"] * 5 + ["skipped"] * 5
    assert Article.objects.count() == 5
    keys = list(EventSource.objects.values_list("article_id", "start", "end", "temporal_expression"))
    assert len(keys) == len(set(keys)), "a report stored twice"
    code, out, _ = manage(env, "ingest_status")
    assert out.count("5 articles,") == 2 and "0 pending" in out


@pytest.mark.postgres
@pytest.mark.parametrize("env", ["rabbitmq", "redis"], indirect=True)
def test_a_task_whose_worker_is_killed_mid_article_is_done_again_and_stored_once(env, workers, tmp_path):
    inbox = long_inbox(tmp_path, 3, paragraphs=200)
    code, out, err = manage(env, "ingest", "--queue", "--no-wait", str(inbox))
    assert code == 0, err
    first = QueuedArticle.objects.order_by("position").first()

    worker = workers(processes=1)
    taken_mid_article(first, attempts=1)
    (process,) = worker.processes()
    os.kill(process, signal.SIGKILL)  # one worker process, as the kernel's OOM killer would
    taken_mid_article(first, attempts=2)  # delivered again, to the worker's next process
    worker.kill()  # now the whole machine, mid-article: the broker hands the task to the next worker
    workers(processes=1)
    finished(first.queued_import_id)
    code, out, _ = manage(env, "ingest_status", str(first.queued_import_id))
    assert code == 0
    assert "3 articles, 3 new, 0 changed, 0 skipped, 0 failed" in out
    assert sorted(Article.objects.values_list("file_name", flat=True)) == [f"a{n:02d}.txt" for n in range(3)]
    keys = list(EventSource.objects.values_list("article_id", "start", "end", "temporal_expression"))
    assert len(keys) == len(set(keys)), "a report stored twice"
    first.refresh_from_db()
    assert first.attempts == 3


@pytest.mark.postgres
def test_an_article_whose_worker_dies_each_time_fails_alone_by_name(env, workers, tmp_path):
    inbox = long_inbox(tmp_path, 3, paragraphs=200)
    code, out, err = manage(env, "ingest", "--queue", "--no-wait", str(inbox))
    assert code == 0, err
    doomed = QueuedArticle.objects.get(path__endswith="a01.txt")
    worker = workers(processes=1)
    for attempt in range(1, task_queue.MAX_ATTEMPTS + 1):
        taken_mid_article(doomed, attempts=attempt)
        for process in worker.processes():
            os.kill(process, signal.SIGKILL)
    finished(doomed.queued_import_id)
    code, out, err = manage(env, "ingest_status", str(doomed.queued_import_id))
    assert code == 1
    assert f"a01.txt: could not be extracted: {task_queue.WORKERS_DIED}" in err
    assert "3 articles, 2 new, 0 changed, 0 skipped, 1 failed, 0 pending" in out
    assert sorted(Article.objects.values_list("file_name", flat=True)) == ["a00.txt", "a02.txt"]


@pytest.mark.postgres
def test_without_a_broker_a_queued_import_says_what_it_needs_and_stores_nothing(env):
    no_broker = {key: value for key, value in env.items() if key != "CELERY_BROKER_URL"}
    code, out, err = manage(no_broker, "ingest", "--queue", str(FIXTURE_ARTICLES))
    assert code == 1 and "--queue needs a message broker: set CELERY_BROKER_URL" in err
    code, out, err = manage(
        {**env, "CELERY_BROKER_URL": "amqp://guest:guest@127.0.0.1:1//"},
        "ingest",
        "--queue",
        str(FIXTURE_ARTICLES),
    )
    assert code == 1 and "the message broker at amqp://guest:**@127.0.0.1:1// does not answer" in err
    assert not Article.objects.exists() and not QueuedArticle.objects.exists()


def test_the_queue_status_says_when_nothing_was_queued_and_names_an_unknown_import(capsys):
    call_command("ingest_status")
    assert "no import was handed to the queue" in capsys.readouterr().out
    with pytest.raises(CommandError, match="no queued import #41"):
        call_command("ingest_status", "41")


def test_a_dry_run_is_no_queued_import():
    with pytest.raises(CommandError, match="--dry-run imports here and stores nothing"):
        call_command("ingest", "--queue", "--dry-run", str(FIXTURE_ARTICLES))


def test_without_a_broker_a_local_import_loads_nothing_of_the_queue(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "DJANGO_DEBUG": "1"}
    env.pop("CELERY_BROKER_URL", None)
    assert manage(env, "migrate", "-v0")[0] == 0
    code, out, err = manage(env, "ingest", str(FIXTURE_ARTICLES), python=("-X", "importtime"))
    assert "ingested 5 new" in out, err[-2000:]
    imported = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in err.splitlines() if "|" in line}
    assert "django" in imported and "spacy" in imported
    assert not imported & {"celery", "kombu", "amqp", "redis"}
