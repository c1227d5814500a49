"""One article in: what an import will do with a file, and the article stored with its extraction."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction

from ..database import LOST, DatabaseAway
from ..files import ArticleFile, ArticleFileError, collect, read_article
from ..locking import StoredMeanwhile, lock_article_writes
from ..matching import StoredEvents
from ..models import Article, Source, TemporalExpression
from ..nlp.actors import Gazetteer
from ..nlp.types import ArticleExtraction
from .actors import build_gazetteer, store_actors
from .events import place_unnamed, store_events
from .ranking import rank
from .reactions import link_reactions
from .storylines import ensure_threads

logger = logging.getLogger(__name__)


@dataclass
class Plan:
    """What an import will do with one file before anything is extracted."""

    action: str  # "create", "update" or "skip"
    article: Article | None = None
    reason: str = ""


def plan_article(file: ArticleFile, *, force: bool = False) -> Plan:
    """Skips a body already stored (unless ``force``); a changed file under a known name is an update."""
    same_body = Article.objects.filter(content_hash=file.content_hash).first()
    if same_body is not None:
        if force:
            return Plan("update", same_body)
        reason = "unchanged" if same_body.file_name == file.name else f"same text as {same_body.file_name}"
        return Plan("skip", same_body, reason)
    same_name = Article.objects.filter(file_name=file.name).order_by("-ingested_at").first()
    if same_name is not None:
        return Plan("update", same_name, "text changed")
    return Plan("create")


@dataclass
class Reading:
    """The files of an import, read and checked: the articles to extract, and the report's lines of
    the files skipped and failed on the way."""

    todo: list[tuple[ArticleFile, Plan]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def read_for_import(
    paths: list[Path], *, manifest: Path | None = None, overrides: dict | None = None, force: bool = False
) -> Reading:
    """Reads every article file under ``paths``: a bad file is a failed line naming it, a text read
    twice or already stored (unless ``force``) a skipped one, and the rest are planned."""
    collected = collect(paths, manifest=manifest)
    reading = Reading(failed=list(collected.errors))
    hashes: dict[str, str] = {}
    for path, row in collected.files:
        try:
            file = read_article(
                path,
                manifest_row=row,
                overrides=overrides or {},
                max_bytes=settings.NEWSROOM_MAX_ARTICLE_BYTES,
            )
        except ArticleFileError as exc:
            reading.failed.append(str(exc))
            continue
        if file.content_hash in hashes:
            reading.skipped.append(f"{path}: same text as {hashes[file.content_hash]}")
            continue
        hashes[file.content_hash] = file.name
        plan = plan_article(file, force=force)
        if plan.article is not None and plan.article.published_corrected:
            file.published = plan.article.published  # an editor's correction outranks the file
        if plan.action == "skip":
            reading.skipped.append(f"{path}: {plan.reason}")
        else:
            reading.todo.append((file, plan))
    # in the order the news was told (see ``news_order``)
    reading.todo.sort(key=lambda item: news_order(item[0]))
    return reading


def news_order(file: ArticleFile) -> tuple:
    """The order an import stores its articles in: by publication, the articles of one day by file
    name, those with no date given last (their text may tell it). What a report can join depends on
    what was stored before it; so the events of a folder do not depend on how its files are named,
    but for the order of one day's articles."""
    return (file.published is None, file.published or dt.date.min, file.name, str(file.path))


def store_and_report(
    file: ArticleFile, plan: Plan, extraction: ArticleExtraction, store: Callable
) -> tuple[str, str]:
    """Runs ``store()`` (which stores the article) and tells which list of the import's report its
    line goes to ("create", "update", "skipped" or "failed"), and the line. An article that cannot be
    stored fails alone; a lost database stops the import (the error goes on)."""
    try:
        store()
    except (DatabaseAway, *LOST):
        raise
    except StoredMeanwhile as exc:
        return "skipped", f"{file.path}: {exc}"
    except Exception as exc:  # one bad article must not stop the rest
        logger.exception("failed to store %s", file.path)
        return "failed", f"{file.path}: could not be stored: {exc}"
    return plan.action, f"{file.path}: {len(extraction.happenings)} events"


def store_temporal_expressions(article: Article, extraction: ArticleExtraction) -> None:
    article.temporal_expressions.all().delete()
    TemporalExpression.objects.bulk_create(
        TemporalExpression(
            article=article,
            text=t.text[:300],
            start=t.start,
            end=t.end,
            type=t.type,
            value=t.value,
            end_value=t.end_value,
            modifier=t.modifier,
            flags=list(t.flags),
        )
        for t in extraction.temporal_expressions
    )


@transaction.atomic
def ingest_article(
    *, file: ArticleFile, extraction: ArticleExtraction, plan: Plan, stored: StoredEvents | None = None
) -> Article:
    """Stores one article and what was extracted from it, all or nothing. An import passes one
    ``stored`` to all its articles, so that stored events are read once (see ``matching``)."""
    lock_article_writes(content_hash=file.content_hash, article=plan.article)
    source = Source.objects.get_or_create(name=file.source)[0] if file.source else None
    article = plan.article or Article(file_name=file.name)
    article.title = file.title or file.path.stem
    article.source = source
    article.url = file.url
    article.published = extraction.published
    article.published_inferred = extraction.published_inferred
    article.body = file.body
    article.content_hash = file.content_hash
    article.file_name = file.name
    article.save()
    store_extraction(article=article, extraction=extraction, stored=stored)
    logger.info("stored %s: %d events", file.name, len(extraction.happenings))
    return article


@transaction.atomic
def store_extraction(
    *, article: Article, extraction: ArticleExtraction, stored: StoredEvents | None = None
) -> set[int]:
    """Stores an article's temporal expressions, actors and events (the update-in-place path)."""
    store_temporal_expressions(article, extraction)
    ensure_threads()
    actors = store_actors(extraction)
    touched = store_events(article, extraction, actors, stored)
    touched |= link_reactions(article)
    rank(touched)
    return touched


@transaction.atomic
def store_unnamed(stored: StoredEvents) -> set[int]:
    """At the end of an import, the happenings its articles named in passing before the events they
    name were stored join those events (see ``events.place_unnamed``); returns the touched events."""
    touched = place_unnamed(stored)
    rank(touched)
    return touched


@transaction.atomic
def reresolve_article(article: Article, *, gazetteer: Gazetteer | None = None) -> set[int]:
    """Re-extracts a stored article against its (corrected) publication date: its relative dates and
    the events dated by them are re-resolved, locked fields excepted. Returns the touched events."""
    from ..nlp.extract import extract_texts

    extraction = next(
        extract_texts([(article.body, article.published)], gazetteer=gazetteer or build_gazetteer())
    )
    if extraction.published != article.published:
        extraction.published = article.published
    return store_extraction(article=article, extraction=extraction)
