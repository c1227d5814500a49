"""The Celery application behind ``ingest --queue``; ``celery -A newsroom worker`` runs a worker.

Nothing imports this module unless a queue is used: ``runserver`` and a local ``ingest`` load no
part of Celery.
"""

import os

from celery import Celery
from celery.signals import worker_process_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

app = Celery("newsroom")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_process_init.connect
def load_pipeline(**kwargs) -> None:
    """Each worker process loads the spaCy pipeline once, before its first task."""
    from timeline.nlp.pipeline import load_nlp

    load_nlp()
