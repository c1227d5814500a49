"""manage.py load_gazetteer: adds the known actors and storylines from the fixture files (idempotent)."""

import logging
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from timeline.gazetteer import ACTORS_FILE, THREADS_FILE, GazetteerError, load_fixtures
from timeline.models import Actor, ActorAlias, Thread

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Adds the actors, aliases and storylines of fixtures/actors.json and fixtures/threads.json."

    def add_arguments(self, parser):
        parser.add_argument("--actors", type=Path, default=ACTORS_FILE)
        parser.add_argument("--threads", type=Path, default=THREADS_FILE)

    def handle(self, *args, actors, threads, **options):
        try:
            with transaction.atomic():
                made = load_fixtures(
                    Actor=Actor,
                    ActorAlias=ActorAlias,
                    Thread=Thread,
                    actors_file=actors,
                    threads_file=threads,
                )
        except GazetteerError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"added {made[0]} actors and {made[1]} storylines")
