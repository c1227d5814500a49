"""manage.py export_timeline: the whole timeline as JSON."""

import json
import logging
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from timeline.export import timeline_document
from timeline.models import Actor, Article, Event

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Writes the timeline (articles, actors, threads, events with their sources) as JSON."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json"], default="json")
        parser.add_argument("--output", type=Path, help="file to write (default: standard output)")

    def handle(self, *args, output=None, **options):
        document = timeline_document(
            Event.objects.chronological(),
            articles=Article.objects.all(),
            actors=Actor.objects.filter(merged_into__isnull=True),
        )
        text = json.dumps(document, ensure_ascii=False, indent=1)
        if output is None:
            self.stdout.write(text)
            return
        try:
            output.write_text(text + "\n", encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"{output}: cannot write: {exc.strerror or exc}") from None
        self.stderr.write(f"wrote {len(document['events'])} events to {output}")
