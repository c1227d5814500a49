"""Imports through a task queue: ``ingest --queue`` hands its articles to Celery workers.

The command reads and checks the files as a local import does, writes each good article into the
database (``QueuedArticle``, with the import's plan for it) and queues one task per article. Any
worker, on any machine with the project and the database, extracts the article (the costly part,
done by every worker at once), keeps the extraction in the article's row, then stores every
extracted article whose turn has come. An article is stored only after the articles before it in
its import, as a local import stores them, so the events are the ones a local import of the same
files gives, whichever worker finishes first.

Tasks are acknowledged when done (``acks_late``): the task of a worker killed mid-article is
delivered again, and finds in its article's row what is left to do. Every step is a transaction,
and storing an article moves its import on in the same transaction, so an article is stored once.
"""

from __future__ import annotations

import pickle
from functools import partial
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, Q

from .files import META_FIELDS, ArticleFile
from .locking import stored_meanwhile
from .matching import StoredEvents
from .models import Article, QueuedArticle, QueuedImport
from .nlp.actors import Gazetteer
from .nlp.extract import extract_texts
from .nlp.types import ExtractionFailure
from .services import Plan, Reading, build_gazetteer, ingest_article, store_and_report

# Deliveries of one article's task that may start extracting it: past that, its worker died each
# time (the kernel's OOM killer, say) and the article fails alone instead of killing workers forever.
MAX_ATTEMPTS = 3
WORKERS_DIED = (
    f"its worker died each of the {MAX_ATTEMPTS} times it was extracted (killed by the system or a signal)"
)

State = QueuedArticle.State
Outcome = QueuedArticle.Outcome


class QueueUnavailable(Exception):
    """No broker is configured, or it does not answer; the message says which and what to do."""


def check_broker() -> str:
    """The broker's address (without its password) once it answers; ``QueueUnavailable`` if not."""
    if not settings.CELERY_BROKER_URL:
        raise QueueUnavailable(
            "--queue needs a message broker: set CELERY_BROKER_URL "
            "(amqp://user:password@host:5672// for RabbitMQ, redis://host:6379/0 for Redis)"
        )
    from kombu.exceptions import OperationalError

    from newsroom.celery import app

    with app.connection_for_write() as connection:
        try:
            connection.ensure_connection(max_retries=1, interval_start=0, timeout=5)
        except OperationalError as exc:
            raise QueueUnavailable(
                f"the message broker at {connection.as_uri()} does not answer: {exc}"
            ) from None
        return connection.as_uri()


def enqueue(reading: Reading, *, command: str, force: bool) -> QueuedImport:
    """Stores the articles to extract as one queued import and hands them to the workers."""
    with transaction.atomic():
        queued = QueuedImport.objects.create(command=command[:1000], force=force)
        QueuedArticle.objects.bulk_create(
            QueuedArticle(
                queued_import=queued,
                position=position,
                path=str(file.path),
                body=file.body,
                **{name: getattr(file, name) for name in META_FIELDS},
                action=plan.action,
                planned_article=plan.article,
            )
            for position, (file, plan) in enumerate(reading.todo)
        )
    send(queued.articles.values_list("pk", flat=True))
    return queued


def requeue(queued: QueuedImport) -> int:
    """Hands the import's articles that no worker finished extracting to the queue again (a broker
    that lost its messages, say); a task delivered twice does its article's work once."""
    pending = list(queued.articles.filter(state=State.QUEUED).values_list("pk", flat=True))
    send(pending)
    if not pending and queued.articles.exclude(state=State.DONE).exists():
        send(queued.articles.values_list("pk", flat=True)[:1])  # its task stores the rest
    return len(pending)


def send(pks) -> None:
    from .tasks import ingest_queued_article

    for pk in pks:
        ingest_queued_article.delay(pk)


def as_file(article: QueuedArticle) -> ArticleFile:
    return ArticleFile(
        path=Path(article.path), body=article.body, **{name: getattr(article, name) for name in META_FIELDS}
    )


def work_on(pk: int) -> None:
    """A worker's task: extracts the queued article ``pk`` unless that was done, then stores what
    of its import is extracted and due."""
    article = QueuedArticle.objects.select_related("queued_import").filter(pk=pk).first()
    if article is None:
        return  # its import was deleted
    if article.state == State.QUEUED:
        extract(article)
    store_in_order(article.queued_import_id)


def extract(article: QueuedArticle) -> None:
    QueuedArticle.objects.filter(pk=article.pk).update(attempts=F("attempts") + 1)
    article.refresh_from_db(fields=["attempts"])
    file = as_file(article)
    if article.attempts > MAX_ATTEMPTS:
        return ready(
            article, outcome=Outcome.FAILED, line=f"{file.path}: could not be extracted: {WORKERS_DIED}"
        )
    if (
        reason := stored_meanwhile(content_hash=file.content_hash, article=article.planned_article)
    ) is not None:
        return ready(article, outcome=Outcome.SKIPPED, line=f"{file.path}: {reason}")  # by another import
    (extraction,) = extract_texts(
        [(file.body, file.published)], gazetteer=gazetteer_for(article.queued_import_id)
    )
    if isinstance(extraction, ExtractionFailure):
        return ready(
            article, outcome=Outcome.FAILED, line=f"{file.path}: could not be extracted: {extraction.reason}"
        )
    ready(article, extraction=pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL))


def ready(
    article: QueuedArticle, *, outcome: str = "", line: str = "", extraction: bytes | None = None
) -> None:
    """Marks the article extracted (or settled without storing), unless another delivery of its
    task got there first."""
    QueuedArticle.objects.filter(pk=article.pk, state=State.QUEUED).update(
        state=State.READY, outcome=outcome, line=line, extraction=extraction
    )


# What a worker process keeps of the import it works on: the gazetteer its articles are extracted
# with, built once as a local import builds it once, and what it read of the stored events (which
# reads again what changed since, whoever changed it: see ``matching``).
_kept: dict = {"import": None}


def kept_for(queued_import: int) -> dict:
    if _kept["import"] != queued_import:
        _kept.clear()
        _kept["import"] = queued_import
    return _kept


def gazetteer_for(queued_import: int) -> Gazetteer:
    kept = kept_for(queued_import)
    if "gazetteer" not in kept:
        kept["gazetteer"] = build_gazetteer()
    return kept["gazetteer"]


def stored_events_for(queued_import: int) -> StoredEvents:
    return kept_for(queued_import).setdefault("stored", StoredEvents())


def store_in_order(queued_import: int) -> None:
    """Stores the import's articles that are extracted and due, each after the ones before it.

    One worker stores at a time; the others go back to extracting instead of waiting their turn.
    A worker that finds the next article not yet extracted looks once more after letting go of the
    import: a worker that extracted that article meanwhile, and found the import taken, has left
    the storing to it."""
    stored = stored_events_for(queued_import)
    while True:
        step = store_next(queued_import, stored=stored)
        if step == BUSY or (step == NOT_DUE and not due(queued_import)):
            return


STORED, NOT_DUE, BUSY = "stored", "not due", "busy"


def due(queued_import: int) -> bool:
    """Is the import's next article extracted (or settled), waiting to be stored?"""
    position = QueuedImport.objects.filter(pk=queued_import).values("next_position")[:1]
    return (
        QueuedArticle.objects.filter(queued_import=queued_import, position=position)
        .exclude(state=State.QUEUED)
        .exists()
    )


@transaction.atomic
def store_next(queued_import: int, *, stored: StoredEvents) -> str:
    """Stores the import's next article if it is extracted (``STORED``); ``NOT_DUE`` when it is not
    (or none is left), ``BUSY`` when another worker is storing the import's articles (or it is gone)."""
    queued = QueuedImport.objects.select_for_update(skip_locked=True).filter(pk=queued_import).first()
    if queued is None:  # another worker is storing (or the import was deleted): nothing to do here
        return BUSY
    article = queued.articles.filter(position=queued.next_position).first()
    if article is None or article.state == State.QUEUED:
        return NOT_DUE
    if article.state == State.READY and not article.outcome:
        file = as_file(article)
        extraction = pickle.loads(article.extraction)
        planned = Article.objects.filter(pk=article.planned_article_id).first()
        plan = Plan(article.action if planned else "create", planned)  # planned article deleted: anew
        store = partial(ingest_article, file=file, extraction=extraction, plan=plan, stored=stored)
        article.outcome, article.line = store_and_report(file, plan, extraction, store)
    article.state = State.DONE
    article.body, article.extraction = "", None  # stored in the article now, or failed for good
    article.save(update_fields=["state", "outcome", "line", "body", "extraction"])
    queued.next_position = F("next_position") + 1
    queued.save(update_fields=["next_position"])
    return STORED


def progress(queued: QueuedImport) -> dict[str, int]:
    """How many of the import's articles are in each state, and how many a worker has taken."""
    counts = {state: 0 for state in State.values} | {"started": 0}
    rows = queued.articles.values("state").annotate(
        n=Count("pk"), started=Count("pk", filter=Q(attempts__gt=0))
    )
    for row in rows.order_by():
        counts[row["state"]] = row["n"]
        counts["started"] += row["started"]
    return counts


def report_lists(queued: QueuedImport) -> dict[str, list[str]]:
    """The report's lines of the articles done, by outcome, in the import's order."""
    lists: dict[str, list[str]] = {outcome: [] for outcome in Outcome.values}
    for outcome, line in queued.articles.filter(state=State.DONE).values_list("outcome", "line"):
        lists[outcome].append(line)
    return lists
