"""manage.py rank_events: links every article's reactions and ranks the whole archive again."""

from django.core.management.base import BaseCommand
from django.db import transaction

from timeline.models import Article, Event
from timeline.services.ranking import rank_all
from timeline.services.reactions import link_reactions


class Command(BaseCommand):
    help = (
        "Links statements to the happenings they are about and recomputes every event's importance and "
        "the key events of every month (imports keep them current; run it once after an upgrade)."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            for article in Article.objects.only("id").iterator():
                link_reactions(article)
            rank_all()
        key = Event.objects.visible().key().count()
        reactions = Event.objects.visible().filter(reaction_to__isnull=False).count()
        self.stdout.write(
            f"ranked {Event.objects.count()} events: {key} key events, "
            f"{reactions} reaction{'' if reactions == 1 else 's'} linked to their happening"
        )
