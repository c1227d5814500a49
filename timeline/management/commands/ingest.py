"""manage.py ingest: loads article files into the timeline, idempotently, one transaction per article."""

import logging
import multiprocessing
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from timeline.files import ArticleFileError, collect, parse_date, read_article
from timeline.locking import StoredMeanwhile
from timeline.matching import StoredEvents
from timeline.nlp.actors import Gazetteer
from timeline.nlp.extract import extract_texts
from timeline.nlp.pipeline import ModelMissing
from timeline.nlp.types import ArticleExtraction
from timeline.services import build_gazetteer, ingest_article, plan_article

logger = logging.getLogger(__name__)

# Articles handed to a worker at a time: enough for spaCy to batch, few enough to keep all busy.
# Fewer articles than that are extracted in this process: starting workers would cost more.
CHUNK = 8
# Each worker holds its own spaCy pipeline (about 300 MB).
MAX_DEFAULT_WORKERS = 4

_worker_gazetteer: Gazetteer | None = None


def _start_worker(gazetteer: Gazetteer) -> None:
    global _worker_gazetteer
    _worker_gazetteer = gazetteer


def _extract_chunk(items) -> list[ArticleExtraction]:
    return list(extract_texts(items, gazetteer=_worker_gazetteer))


def extract_in_processes(items: list, *, workers: int, gazetteer: Gazetteer) -> Iterator[ArticleExtraction]:
    """Extractions of (text, published) pairs in order, computed by ``workers`` processes.

    Workers are forked: they inherit the loaded code and never touch the database, which stays
    with the main process (spawned workers would have to set Django up again to import anything).
    """
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_start_worker, initargs=(gazetteer,)) as pool:
        for chunk in pool.imap(_extract_chunk, (items[i : i + CHUNK] for i in range(0, len(items), CHUNK))):
            yield from chunk


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
        try:
            if workers > 1 and len(todo) > CHUNK:
                results = extract_in_processes(items, workers=workers, gazetteer=gazetteer)
            else:
                results = extract_texts(items, gazetteer=gazetteer)
            for (file, plan), extraction in zip(todo, results, strict=True):
                progress.set_postfix_str(file.name[-30:])
                try:
                    if not dry_run:
                        ingest_article(file=file, extraction=extraction, plan=plan, stored=stored)
                    done[plan.action].append(f"{file.path}: {len(extraction.events)} events")
                except StoredMeanwhile as exc:
                    skipped.append(f"{file.path}: {exc}")
                except Exception as exc:  # one bad article must not stop the rest
                    logger.exception("failed to store %s", file.path)
                    failed.append(f"{file.path}: could not be stored: {exc}")
                progress.update()
        except ModelMissing as exc:
            raise CommandError(str(exc)) from None
        finally:
            progress.close()

        self.report(done, skipped, failed, dry_run=dry_run)
        if failed:
            sys.exit(1)

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
