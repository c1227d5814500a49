"""manage.py ingest: loads article files into the timeline, idempotently, one transaction per article."""

import logging
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from timeline import task_queue
from timeline.database import LOST, DatabaseAway, with_reconnects
from timeline.files import ArticleFileError, parse_date
from timeline.matching import StoredEvents
from timeline.nlp.actors import Gazetteer
from timeline.nlp.extract import extract_texts
from timeline.nlp.pipeline import ModelMissing
from timeline.nlp.types import ArticleExtraction, ExtractionFailure
from timeline.services import (
    build_gazetteer,
    ingest_article,
    read_for_import,
    store_and_report,
    store_unnamed,
)
from timeline.services.ranking import key_events_chosen_at_the_end

logger = logging.getLogger(__name__)

# Articles handed to a worker at a time: enough for spaCy to batch, few enough to keep all busy.
# Fewer articles than that are extracted in this process: starting workers would cost more.
CHUNK = 8
# Each worker holds its own spaCy pipeline (about 300 MB).
MAX_DEFAULT_WORKERS = 4

WORKER_DIED = "its extraction process died (killed by the system or a signal)"
# How often the workers are looked at while none has finished a task (seconds; see ``_a_worker_died``).
WORKER_CHECK = 2
# How often a queued import's progress is read while waiting for the workers (seconds).
POLL = 0.5
# Nothing extracted after this long: say how to start a worker (seconds).
NO_WORKER_HINT = 15

_worker_gazetteer: Gazetteer | None = None


def _start_worker(gazetteer: Gazetteer) -> None:
    global _worker_gazetteer
    _worker_gazetteer = gazetteer
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the importer's to handle (see ``handle``)


def _extract_chunk(items) -> list[ArticleExtraction | ExtractionFailure]:
    return list(extract_texts(items, gazetteer=_worker_gazetteer))


def extract_in_processes(
    items: list, *, workers: int, gazetteer: Gazetteer
) -> Iterator[ArticleExtraction | ExtractionFailure]:
    """Extractions of (text, published) pairs in order, computed by ``workers`` processes.

    Workers are forked: they inherit the loaded code and never touch the database, which stays
    with the main process (spawned workers would have to set Django up again to import anything).
    A worker that dies (the kernel's OOM killer, a signal) takes no other article with it: the
    articles of the tasks that were running are done again in fresh processes, each alone, and an
    article whose process dies while it runs alone is reported as failed (``WORKER_DIED``)."""
    context = multiprocessing.get_context("fork")
    queue = deque(tuple(range(i, min(i + CHUNK, len(items)))) for i in range(0, len(items), CHUNK))
    suspects: set[tuple[int, ...]] = set()  # single articles running when a worker died: run alone
    done: dict[int, ArticleExtraction | ExtractionFailure] = {}
    given = 0
    while queue:
        pool = ProcessPoolExecutor(
            workers, mp_context=context, initializer=_start_worker, initargs=(gazetteer,)
        )
        running: dict = {}
        try:
            while queue or running:
                while (
                    queue
                    and len(running) < 2 * workers
                    and not (running and suspects & {queue[0], *running.values()})
                ):
                    task = queue[0]  # taken from the queue once submitted: a broken pool refuses it
                    running[pool.submit(_extract_chunk, [items[i] for i in task])] = task
                    queue.popleft()
                finished, _ = wait(running, timeout=WORKER_CHECK, return_when=FIRST_COMPLETED)
                if not finished and _a_worker_died(pool):
                    _stop_workers(pool)  # the pool breaks and ends its tasks, as when it sees a death
                    finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in sorted(finished, key=lambda f: running[f]):
                    done.update(zip(running[future], future.result(), strict=True))
                    del running[future]
                while given in done:
                    yield done.pop(given)
                    given += 1
        except BrokenProcessPool:
            broken = list(running.values())
            if len(broken) == 1 and broken[0] in suspects:
                done[broken[0][0]] = ExtractionFailure(WORKER_DIED)  # it killed its process alone
            else:
                singles = [(i,) for task in broken for i in task]
                suspects.update(singles)
                queue = deque(sorted([*queue, *singles]))
        except BaseException:
            # The import stops: closed while an article is stored (GeneratorExit), or Ctrl-C while
            # waiting here for the workers. They stop mid-task rather than finish their chunks.
            _stop_workers(pool)
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    while given in done:
        yield done.pop(given)
        given += 1


def _a_worker_died(pool: ProcessPoolExecutor) -> bool:
    """Has one of the pool's processes ended? The pool finds out itself, except when the process
    died while it sent a chunk's extractions: its reading thread then waits for the rest of the
    message for ever (see ``_stop_workers``)."""
    return any(process.exitcode is not None for process in list((pool._processes or {}).values()))


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Ends the pool's processes now, without waiting for the articles they are extracting (an
    import stopped by Ctrl-C must not wait minutes for a chunk of long articles to finish). Python
    3.11's pool has no public way to do so (3.14 adds ``terminate_workers``).

    A worker ended while it sends a chunk's extractions leaves the pool's reading thread waiting for
    the rest of the message, and the pool's shutdown (and the interpreter's exit) waiting for that
    thread. Once the workers are gone, this process holds the last writing end of the results' pipe:
    closing it ends the wait, as the end of the pipe."""
    processes = list((pool._processes or {}).values())
    for process in processes:
        process.kill()
    for process in processes:
        process.join()
    pool._result_queue._writer.close()


def default_workers() -> int:
    """One extraction process per core this process may use, at most ``MAX_DEFAULT_WORKERS``."""
    return max(1, min(MAX_DEFAULT_WORKERS, len(os.sched_getaffinity(0))))


def write_report(
    command: BaseCommand,
    done: dict,
    skipped: list,
    failed: list,
    *,
    verb: str = "ingested",
    summary: str = "",
) -> None:
    """An import's report: a line per article (new, updated, skipped, failed), then the counts (or
    ``summary``)."""
    for line in done["create"]:
        command.stdout.write(f"  new      {line}")
    for line in done["update"]:
        command.stdout.write(f"  updated  {line}")
    for line in skipped:
        command.stdout.write(f"  skipped  {line}")
    for line in failed:
        command.stderr.write(command.style.ERROR(f"  FAILED   {line}"))
    command.stdout.write(
        summary
        or f"{verb} {len(done['create'])} new and {len(done['update'])} changed articles; "
        f"{len(skipped)} skipped, {len(failed)} failed"
    )


def _nothing() -> None:
    """Storing under --dry-run."""


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = "Imports article files (*.txt, folders recursively) and extracts their events."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
        parser.add_argument("--manifest", type=Path, help="CSV with filename,title,source,url,published")
        parser.add_argument("--published", help="publication date for every file (YYYY-MM-DD)")
        parser.add_argument("--source", help="outlet name for every file")
        parser.add_argument("--force", action="store_true", help="re-extract articles already stored")
        parser.add_argument("--dry-run", action="store_true", help="report what would happen, store nothing")
        parser.add_argument(
            "--workers",
            type=positive,
            default=default_workers(),
            metavar="N",
            help=f"extract in N processes (default here: {default_workers()}, one per core, at most "
            f"{MAX_DEFAULT_WORKERS}); 1 extracts in this process; storing always stays in this process",
        )
        parser.add_argument(
            "--queue",
            action="store_true",
            help="hand the articles to Celery workers (`celery -A newsroom worker`, on any machine with "
            "the project and the database) through the broker at CELERY_BROKER_URL",
        )
        parser.add_argument(
            "--no-wait",
            dest="wait",
            action="store_false",
            help="with --queue: return once queued; `manage.py ingest_status` tells what is done",
        )

    def handle(
        self,
        *args,
        paths,
        manifest=None,
        published=None,
        source=None,
        force=False,
        dry_run=False,
        workers=1,
        queue=False,
        wait=True,
        **kw,
    ):
        overrides = {k: v for k, v in {"published": published, "source": source}.items() if v}
        try:
            if published:
                parse_date(published, where="--published")
        except ArticleFileError as exc:
            raise CommandError(str(exc)) from None
        if queue and dry_run:
            raise CommandError("--dry-run imports here and stores nothing: leave out --queue")
        if queue:
            try:
                broker = task_queue.check_broker()  # before anything is read, let alone queued
            except task_queue.QueueUnavailable as exc:
                raise CommandError(str(exc)) from None
        reading = read_for_import(paths, manifest=manifest, overrides=overrides, force=force)
        if queue:
            self.hand_to_queue(reading, broker=broker, force=force, wait=wait)
        else:
            self.ingest_here(reading, workers=workers, dry_run=dry_run)

    def ingest_here(self, reading, *, workers, dry_run):
        """Extracts in ``workers`` processes and stores in this one, in the files' order."""
        todo, skipped, failed = reading.todo, reading.skipped, reading.failed
        done = {"create": [], "update": []}
        progress = tqdm(total=len(todo), desc="ingest", unit="article", file=sys.stderr, disable=not todo)
        items = [(f.body, f.published) for f, _ in todo]
        gazetteer = build_gazetteer()
        stored = StoredEvents()
        if workers > 1 and len(todo) > CHUNK:
            results = extract_in_processes(items, workers=workers, gazetteer=gazetteer)
        else:
            results = extract_texts(items, gazetteer=gazetteer)
        lists = {**done, "skipped": skipped, "failed": failed}
        stopped = None  # why the import stopped before the end, and its exit status
        # the key events of the months the articles touch are chosen once, when all are stored
        with key_events_chosen_at_the_end():
            try:
                for (file, plan), extraction in zip(todo, results, strict=True):
                    progress.set_postfix_str(file.name[-30:])
                    if isinstance(extraction, ExtractionFailure):
                        failed.append(f"{file.path}: could not be extracted: {extraction.reason}")
                    else:
                        store = partial(
                            with_reconnects,
                            partial(
                                ingest_article, file=file, extraction=extraction, plan=plan, stored=stored
                            ),
                            seconds=settings.NEWSROOM_DATABASE_WAIT,
                        )
                        outcome, line = store_and_report(
                            file, plan, extraction, _nothing if dry_run else store
                        )
                        lists[outcome].append(line)
                    progress.update()
                if not dry_run:
                    with_reconnects(partial(store_unnamed, stored), seconds=settings.NEWSROOM_DATABASE_WAIT)
            except ModelMissing as exc:
                raise CommandError(str(exc)) from None
            except KeyboardInterrupt:  # the article being stored is rolled back; the workers stop
                results.close()
                stopped = ("interrupted", 130)
            except (DatabaseAway, *LOST) as exc:
                results.close()
                stopped = (f"stopped: {exc}", 1)
            finally:
                progress.close()

        write_report(self, done, skipped, failed, verb="would ingest" if dry_run else "ingested")
        if stopped:
            why, status = stopped
            left = len(todo) - progress.n  # the bar counts the articles dealt with
            self.stderr.write(f"{why}: {left} articles not ingested; run the same command again for them")
            sys.exit(status)
        if failed:
            sys.exit(1)

    def hand_to_queue(self, reading, *, broker, force, wait):
        """Queues the articles read; waits for the workers, showing the same bar and report as a
        local import, unless ``wait`` is off."""
        queued = task_queue.enqueue(reading, command=" ".join(sys.argv[1:]), force=force)
        total = len(reading.todo)
        self.stderr.write(f"queued {total} articles as import #{queued.pk} on {broker}")
        for line in reading.failed if wait else []:  # at once, not after the wait (and in the report)
            self.stderr.write(self.style.ERROR(f"  not queued: {line}"))
        if not wait:
            summary = (
                f"import #{queued.pk}: {total} articles queued; {len(reading.skipped)} skipped, "
                f"{len(reading.failed)} failed; `manage.py ingest_status {queued.pk}` tells what is done"
            )
            write_report(self, {"create": [], "update": []}, reading.skipped, reading.failed, summary=summary)
            sys.exit(1 if reading.failed else 0)
        progress = tqdm(total=total, desc="ingest", unit="article", file=sys.stderr, disable=not total)
        started, hinted = time.monotonic(), False
        try:
            while progress.n < total:
                time.sleep(POLL)
                counts = task_queue.progress(queued)
                progress.update(counts[task_queue.State.DONE] - progress.n)
                if not (hinted or counts["started"]) and time.monotonic() - started > NO_WORKER_HINT:
                    progress.write(
                        "no worker has taken an article yet: start one with `celery -A newsroom worker`"
                    )
                    hinted = True
        except KeyboardInterrupt:
            progress.close()
            self.stderr.write(
                f"stopped waiting; the workers go on with import #{queued.pk}: "
                f"`manage.py ingest_status {queued.pk}` tells what is done"
            )
            sys.exit(130)
        progress.close()
        lists = task_queue.report_lists(queued)
        done = {"create": lists["create"], "update": lists["update"]}
        skipped, failed = reading.skipped + lists["skipped"], reading.failed + lists["failed"]
        write_report(self, done, skipped, failed, verb="ingested")
        if failed:
            sys.exit(1)
