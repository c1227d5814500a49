"""manage.py ingest_status: what became of the articles handed to the queue by ``ingest --queue``."""

import sys
from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count

from timeline import task_queue
from timeline.models import QueuedArticle, QueuedImport

from .ingest import write_report

# Queued imports listed when no import is named.
LISTED = 10
WAITING = {
    QueuedArticle.State.QUEUED: "waiting for a worker",
    QueuedArticle.State.READY: "extracted, to be stored after the articles before it",
}


class Command(BaseCommand):
    help = "Tells what is done, pending and failed of the imports handed to the queue (ingest --queue)."

    def add_arguments(self, parser):
        parser.add_argument("number", nargs="?", type=int, help="one import's number: its full report")
        parser.add_argument(
            "--requeue",
            action="store_true",
            help="hand the import's articles that no worker extracted to the queue again",
        )

    def handle(self, *args, number=None, requeue=False, **options):
        if number is None:
            if requeue:
                raise CommandError("--requeue needs the number of an import")
            return self.list_imports()
        queued = QueuedImport.objects.filter(pk=number).first()
        if queued is None:
            raise CommandError(f"no queued import #{number}: `manage.py ingest_status` lists them")
        if requeue:
            try:
                task_queue.check_broker()
            except task_queue.QueueUnavailable as exc:
                raise CommandError(str(exc)) from None
            self.stdout.write(f"import #{number}: {task_queue.requeue(queued)} articles queued again")
        lists = task_queue.report_lists(queued)
        pending = queued.articles.exclude(state=QueuedArticle.State.DONE)
        done = {"create": lists["create"], "update": lists["update"]}
        write_report(
            self, done, lists["skipped"], lists["failed"], summary=f"import #{number}: {queued.command}"
        )
        for article in pending.only("path", "state", "attempts"):
            tried = f", tried {article.attempts} times" if article.attempts > 1 else ""
            self.stdout.write(f"  pending  {article.path}: {WAITING[article.state]}{tried}")
        self.stdout.write(summary(queued))
        if lists["failed"]:
            sys.exit(1)

    def list_imports(self):
        imports = list(QueuedImport.objects.all()[:LISTED])
        if not imports:
            self.stdout.write("no import was handed to the queue (`manage.py ingest --queue PATH`)")
        for queued in imports:
            self.stdout.write(f"{summary(queued)}  ({queued.created_at:%Y-%m-%d %H:%M}, {queued.command})")


def summary(queued: QueuedImport) -> str:
    """The import's counts by outcome, and of the articles still pending, in one query."""
    counts: Counter[str] = Counter()
    for row in queued.articles.values("state", "outcome").annotate(n=Count("pk")).order_by():
        counts[row["outcome"] if row["state"] == QueuedArticle.State.DONE else "pending"] += row["n"]
    return (
        f"import #{queued.pk}: {counts.total()} articles, {counts['create']} new, "
        f"{counts['update']} changed, {counts['skipped']} skipped, {counts['failed']} failed, "
        f"{counts['pending']} pending"
    )
