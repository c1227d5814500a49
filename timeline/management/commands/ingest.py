"""manage.py ingest: loads article files into the timeline, idempotently, one transaction per article."""

import logging
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from timeline.database import DatabaseAway, with_reconnects
from timeline.files import ArticleFileError, collect, parse_date, read_article
from timeline.locking import StoredMeanwhile
from timeline.matching import StoredEvents
from timeline.nlp.actors import Gazetteer
from timeline.nlp.extract import extract_texts
from timeline.nlp.pipeline import ModelMissing
from timeline.nlp.types import ArticleExtraction, ExtractionFailure
from timeline.services import build_gazetteer, ingest_article, plan_article

logger = logging.getLogger(__name__)

# Articles handed to a worker at a time: enough for spaCy to batch, few enough to keep all busy.
# Fewer articles than that are extracted in this process: starting workers would cost more.
CHUNK = 8
# Each worker holds its own spaCy pipeline (about 300 MB).
MAX_DEFAULT_WORKERS = 4

WORKER_DIED = "its extraction process died (killed by the system or a signal)"

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
                    task = queue.popleft()
                    running[pool.submit(_extract_chunk, [items[i] for i in task])] = task
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
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    while given in done:
        yield done.pop(given)
        given += 1


def default_workers() -> int:
    """One extraction process per core this process may use, at most ``MAX_DEFAULT_WORKERS``."""
    return max(1, min(MAX_DEFAULT_WORKERS, len(os.sched_getaffinity(0))))


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
        **kw,
    ):
        overrides = {k: v for k, v in {"published": published, "source": source}.items() if v}
        try:
            if published:
                parse_date(published, where="--published")
        except ArticleFileError as exc:
            raise CommandError(str(exc)) from None
        collected = collect(paths, manifest=manifest)
        failed: list[str] = list(collected.errors)
        skipped: list[str] = []
        todo = []
        hashes: dict[str, str] = {}
        for path, row in collected.files:
            try:
                file = read_article(
                    path, manifest_row=row, overrides=overrides, max_bytes=settings.NEWSROOM_MAX_ARTICLE_BYTES
                )
            except ArticleFileError as exc:
                failed.append(str(exc))
                continue
            if file.content_hash in hashes:
                skipped.append(f"{path}: same text as {hashes[file.content_hash]}")
                continue
            hashes[file.content_hash] = file.name
            plan = plan_article(file, force=force)
            if plan.article is not None and plan.article.published_corrected:
                file.published = plan.article.published  # an editor's correction outranks the file
            if plan.action == "skip":
                skipped.append(f"{path}: {plan.reason}")
            else:
                todo.append((file, plan))

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
        try:
            for (file, plan), extraction in zip(todo, results, strict=True):
                progress.set_postfix_str(file.name[-30:])
                if isinstance(extraction, ExtractionFailure):
                    failed.append(f"{file.path}: could not be extracted: {extraction.reason}")
                else:
                    outcome, line = self.store(file, plan, extraction, stored=stored, dry_run=dry_run)
                    lists[outcome].append(line)
                progress.update()
        except ModelMissing as exc:
            raise CommandError(str(exc)) from None
        except KeyboardInterrupt:  # the article being stored is rolled back; the workers stop
            results.close()
            stopped = ("interrupted", 130)
        except DatabaseAway as exc:
            results.close()
            stopped = (f"stopped: {exc}", 1)
        finally:
            progress.close()

        self.report(done, skipped, failed, dry_run=dry_run)
        if stopped:
            why, status = stopped
            left = len(todo) - progress.n  # the bar counts the articles dealt with
            self.stderr.write(f"{why}: {left} articles not ingested; run the same command again for them")
            sys.exit(status)
        if failed:
            sys.exit(1)

    def store(self, file, plan, extraction, *, stored, dry_run) -> tuple[str, str]:
        """Stores one article (waiting for the database if it went away): which list its line of the
        report goes to ("create", "update", "skipped" or "failed"), and the line."""
        try:
            if not dry_run:
                with_reconnects(
                    partial(ingest_article, file=file, extraction=extraction, plan=plan, stored=stored),
                    seconds=settings.NEWSROOM_DATABASE_WAIT,
                )
        except DatabaseAway:
            raise  # the import stops (see ``handle``)
        except StoredMeanwhile as exc:
            return "skipped", f"{file.path}: {exc}"
        except Exception as exc:  # one bad article must not stop the rest
            logger.exception("failed to store %s", file.path)
            return "failed", f"{file.path}: could not be stored: {exc}"
        return plan.action, f"{file.path}: {len(extraction.happenings)} events"

    def report(self, done, skipped, failed, *, dry_run):
        verb = "would ingest" if dry_run else "ingested"
        for line in done["create"]:
            self.stdout.write(f"  new      {line}")
        for line in done["update"]:
            self.stdout.write(f"  updated  {line}")
        for line in skipped:
            self.stdout.write(f"  skipped  {line}")
        for line in failed:
            self.stderr.write(self.style.ERROR(f"  FAILED   {line}"))
        self.stdout.write(
            f"{verb} {len(done['create'])} new and {len(done['update'])} changed articles; "
            f"{len(skipped)} skipped, {len(failed)} failed"
        )
