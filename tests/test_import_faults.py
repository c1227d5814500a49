"""Nothing stops an import: a long article, an article the extraction chokes on, a worker process
killed by the kernel, a failure while storing. Each is that article's alone."""

import os
import re
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from pathlib import Path

import pytest

from timeline.management.commands import ingest as ingest_command
from timeline.models import Article, EventSource
from timeline.nlp import extract

from .test_bad_input import ingest

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[1]
# More articles than one worker's task (``CHUNK``), so that two workers share the import.
COUNT = 2 * ingest_command.CHUNK + 2
MARK = "Marlowe Quarry"  # the name in the one article a test makes fail


def article(n: int, *, marked=False) -> str:
    place = MARK if marked else f"Harbor {n}"
    return (
        f"The council of {place} approved a new budget on March {n % 20 + 1}, 2023.\n\n"
        f"Its members said on Tuesday that the vote ended a long dispute.\n"
    )


@pytest.fixture
def folder(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(COUNT):
        (inbox / f"a{n:02d}.txt").write_text(article(n, marked=n == 5), encoding="utf-8")
    return inbox


def stored_files():
    return set(Article.objects.values_list("file_name", flat=True))


def assert_only_the_marked_one_failed(code, out, err, folder, reason):
    assert code == 1
    assert f"a05.txt: could not be {reason}" in err
    assert stored_files() == {f"a{n:02d}.txt" for n in range(COUNT)} - {"a05.txt"}
    assert f"ingested {COUNT - 1} new" in out and "1 failed" in out


@pytest.mark.parametrize("workers", [1, 2])
def test_an_exception_while_extracting_one_article_fails_that_article_alone(folder, monkeypatch, workers):
    real = extract.extract_doc

    def choking(doc, *args, **kwargs):
        if MARK in doc.text:
            raise ValueError("the parser choked")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(extract, "extract_doc", choking)
    code, out, err = ingest(folder, f"--workers={workers}")
    assert_only_the_marked_one_failed(code, out, err, folder, "extracted: ValueError: the parser choked")
    monkeypatch.setattr(extract, "extract_doc", real)
    code, out, _ = ingest(folder, f"--workers={workers}")
    assert code == 0 and "ingested 1 new" in out, "a rerun retries the failed article"
    assert "a05.txt" in stored_files()


def test_a_worker_killed_mid_article_fails_that_article_alone(folder, monkeypatch):
    real = ingest_command.extract_texts

    def killed(items, **kwargs):
        if any(MARK in text for text, _ in items) and len(items) == 1:
            os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's OOM killer does
        if any(MARK in text for text, _ in items):
            time.sleep(0.2)  # the other tasks of the import are running meanwhile
            os.kill(os.getpid(), signal.SIGKILL)
        return real(items, **kwargs)

    monkeypatch.setattr(ingest_command, "extract_texts", killed)
    code, out, err = ingest(folder, "--workers=2")
    assert_only_the_marked_one_failed(code, out, err, folder, "extracted: its extraction process died")


@pytest.mark.parametrize("workers", [1, 2])
def test_an_exception_while_storing_one_article_fails_that_article_alone(folder, monkeypatch, workers):
    real = ingest_command.ingest_article

    def failing(*, file, **kwargs):
        if MARK in file.body:
            raise RuntimeError("disk full")
        return real(file=file, **kwargs)

    monkeypatch.setattr(ingest_command, "ingest_article", failing)
    code, out, err = ingest(folder, f"--workers={workers}")
    assert_only_the_marked_one_failed(code, out, err, folder, "stored: disk full")


@pytest.mark.parametrize("workers", [1, 2])
def test_an_article_longer_than_the_parser_takes_is_extracted_whole(tmp_path, workers):
    """Over a million characters (spaCy's limit) and 1.5 MB: parsed in pieces, its sources and dates
    found where they are in the whole text."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    filler = " ".join(["transcript-" + "x" * 60] * 20) + ".\n\n"  # few words, many characters
    paragraphs = [filler] * 1200
    paragraphs[700] = "The mayor of Marlowe Quarry resigned on Thursday, March 23, 2023.\n\n"
    text = "Long hearing transcript\n\n" + "".join(paragraphs)
    assert len(text.encode()) >= 1_500_000
    (inbox / "long.txt").write_text(text, encoding="utf-8")
    for n in range(COUNT if workers > 1 else 1):
        (inbox / f"a{n:02d}.txt").write_text(article(n), encoding="utf-8")
    code, out, err = ingest(inbox, "--published=2023-03-24", f"--workers={workers}")
    assert code == 0, err
    source = EventSource.objects.get(article__file_name="long.txt", sentence__contains="resigned")
    assert text[source.start : source.end].startswith("The mayor of Marlowe Quarry resigned")
    assert source.date_start.isoformat() == "2023-03-23"
    timex = Article.objects.get(file_name="long.txt").temporal_expressions.get(text__contains="March 23")
    assert text[timex.start : timex.end] == timex.text


def _slow_chunk(marks: Path, items) -> list:
    """A worker's task that takes half a minute, leaving a mark when it starts and when it ends."""
    (marks / f"started-{os.getpid()}").touch()
    time.sleep(30)
    (marks / f"finished-{os.getpid()}").touch()
    return [None] * len(items)


def test_ctrl_c_while_the_workers_extract_ends_them_mid_task(tmp_path, monkeypatch, ctrl_c_heard):
    """Ctrl-C that comes while the importer waits on its workers ends them at once: they do not
    first finish the articles they hold."""
    monkeypatch.setattr(ingest_command, "_extract_chunk", partial(_slow_chunk, tmp_path))
    results = ingest_command.extract_in_processes([("text", None)] * 40, workers=2, gazetteer=None)
    ctrl_c = threading.Timer(3, os.kill, (os.getpid(), signal.SIGINT))
    ctrl_c.start()
    with pytest.raises(KeyboardInterrupt):
        next(results)
    started = [int(mark.name.split("-")[1]) for mark in tmp_path.glob("started-*")]
    assert started, "no worker started a task"
    assert not list(tmp_path.glob("finished-*"))
    for pid in started:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def _big_chunk(items) -> list:
    """A worker's task that takes a second and whose extractions take many times the pipe's buffer
    to send; the one with the article "dies" takes two, and kills its process a second after it
    starts sending them."""
    dies = any(text == "dies" for text, _ in items)
    time.sleep(2 if dies else 1)
    if dies:
        threading.Timer(1, os.kill, (os.getpid(), signal.SIGKILL)).start()
    return [b"x" * (4 << 20)] * len(items)


def _while_the_workers_send() -> None:
    """Keeps the interpreter from the pool's reading thread (a switch interval of a minute) while the
    workers end their next chunks and start sending them: they are half-way through when this
    returns."""
    sys.setswitchinterval(60)
    start = time.monotonic()
    while time.monotonic() - start < 3:
        pass


def interrupted_while_a_worker_sends() -> None:
    """Closes an extraction by two workers while one of them is half-way through sending a chunk's
    extractions."""
    ingest_command._extract_chunk = _big_chunk
    results = ingest_command.extract_in_processes([("text", None)] * 40, workers=2, gazetteer=None)
    next(results)
    _while_the_workers_send()
    results.close()
    print("stopped")


def a_worker_dies_while_it_sends() -> None:
    """Extracts by two workers, one of which dies half-way through sending a chunk's extractions;
    prints how many articles were extracted."""
    ingest_command._extract_chunk = _big_chunk
    items = [("dies" if i == 10 else "text", None) for i in range(24)]
    results = ingest_command.extract_in_processes(items, workers=2, gazetteer=None)
    first = next(results)
    _while_the_workers_send()
    got = [first, *results]
    print(len(got), sum(isinstance(x, bytes) for x in got))


def run_alone(scenario: str) -> str:
    """What a function of this module prints, run in a process of its own as an import runs; the
    test fails if it has not ended within two minutes."""
    script = f"import django; django.setup(); from tests.test_import_faults import {scenario}; {scenario}()"
    try:
        done = subprocess.run(
            [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{scenario}: still waiting for the workers after two minutes")
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_ctrl_c_while_a_worker_sends_its_extractions_stops_the_import():
    """A worker ended half-way through a message leaves no thread waiting for the rest of it: the
    stopped import ends rather than hanging for ever."""
    assert run_alone("interrupted_while_a_worker_sends") == "stopped"


def test_a_worker_dying_while_it_sends_its_extractions_fails_no_other_article():
    """A worker killed half-way through a message (the kernel's OOM killer) does not leave the import
    waiting for the rest of it for ever: the articles it held are done again, and every other
    article is extracted."""
    count, extracted = map(int, run_alone("a_worker_dies_while_it_sends").split())
    assert count == 24 and extracted >= 23


def _echo_chunk(items) -> list:
    """A worker's task that gives each article's text back as its extraction."""
    return [text for text, _ in items]


class _FoundBrokenOnce(ProcessPoolExecutor):
    """A pool that refuses the third task handed to it as broken, as a pool does whose worker has
    just died before the importer has seen it."""

    handed = 0

    def submit(self, fn, /, *args, **kwargs):
        type(self).handed += 1
        if type(self).handed == 3:
            raise BrokenProcessPool("a worker died")
        return super().submit(fn, *args, **kwargs)


def test_a_pool_found_broken_as_a_task_is_handed_to_it_loses_no_article(monkeypatch):
    monkeypatch.setattr(ingest_command, "ProcessPoolExecutor", _FoundBrokenOnce)
    monkeypatch.setattr(ingest_command, "_extract_chunk", _echo_chunk)
    items = [(f"text {n}", None) for n in range(40)]
    assert list(ingest_command.extract_in_processes(items, workers=2, gazetteer=None)) == [
        text for text, _ in items
    ]


def long_inbox(tmp_path, count: int, *, paragraphs: int) -> Path:
    """A folder of ``count`` articles, each its paragraphs told ``paragraphs`` times over."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(count):
        (inbox / f"a{n:02d}.txt").write_text(article(n) * paragraphs, encoding="utf-8")
    return inbox


def ingest_running(inbox: Path, database_url: str, *args: str, stored: int) -> subprocess.Popen:
    """`manage.py ingest` as a user starts it, once its progress bar shows ``stored`` articles done."""
    run = subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), "ingest", str(inbox), *args],
        env={**os.environ, "DATABASE_URL": database_url, "PYTHONUNBUFFERED": "1"},
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    progress = ""
    while not (done := re.findall(r"\| *(\d+)/\d+", progress)) or int(done[-1]) < stored:
        progress += run.stderr.read(1)
    return run


def test_ctrl_c_stops_the_workers_and_reports_what_was_stored(tmp_path, ctrl_c_heard):
    """The command as a user runs it: interrupted half-way, it prints what it stored, leaves no
    process behind, and a second run does the rest."""
    inbox = long_inbox(tmp_path, 60, paragraphs=40)
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    manage = [sys.executable, str(ROOT / "manage.py")]
    env = {**os.environ, "DATABASE_URL": url}
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    run = ingest_running(inbox, url, "--workers=2", stored=1)
    run.send_signal(signal.SIGINT)
    out, err = run.communicate(timeout=120)
    assert run.returncode == 130
    assert "interrupted:" in err and "run the same command again" in err
    stored = int(out.rsplit("ingested ", 1)[1].split(" new")[0])
    assert 0 < stored < 60
    left = subprocess.run(["pgrep", "-f", str(inbox)], capture_output=True, text=True).stdout.split()
    assert not left, f"processes left behind: {left}"
    again = subprocess.run([*manage, "ingest", str(inbox)], env=env, cwd=ROOT, capture_output=True, text=True)
    assert f"ingested {60 - stored} new" in again.stdout
