"""The tasks Celery workers run (``celery -A newsroom worker``); see ``task_queue``."""

from functools import partial

from celery import shared_task
from django.conf import settings

from .database import LOST, DatabaseAway, with_reconnects
from .task_queue import work_on


@shared_task(
    name="timeline.ingest_queued_article",
    acks_late=True,  # a task is taken off the queue once done: a killed worker's is delivered again
    reject_on_worker_lost=True,
    autoretry_for=(DatabaseAway, *LOST),
    retry_backoff=True,
    max_retries=10,
)
def ingest_queued_article(pk: int) -> None:
    """Extracts one queued article and stores what of its import is due."""
    with_reconnects(partial(work_on, pk), seconds=settings.NEWSROOM_DATABASE_WAIT)
