"""Keeps concurrent imports from storing the same article, event or actor twice.

Two ``ingest`` runs over the same folder both plan to create the same articles; extraction runs in
parallel, but writes are serialised by a transaction-scoped PostgreSQL advisory lock, and the body's
hash is checked again once the lock is held. SQLite allows a single writer anyway, so there the lock
is a no-op and the re-check alone suffices.
"""

from __future__ import annotations

from django.db import connection

from .models import Article

# An arbitrary constant: the lock protects "the article write path", not one row.
INGEST_LOCK_KEY = 0x6E657773  # "news"


class StoredMeanwhile(Exception):
    """Another import stored this article's text after it was planned; nothing is written."""


def lock_article_writes(*, content_hash: str, article: Article | None) -> None:
    """Waits for the ingest lock (held until the transaction ends), then re-checks the body's hash.

    ``article`` is the stored article the import means to update, if any; finding the same text
    stored under any other article means another import got there first.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [INGEST_LOCK_KEY])
    if (reason := stored_meanwhile(content_hash=content_hash, article=article)) is not None:
        raise StoredMeanwhile(reason)


def stored_meanwhile(*, content_hash: str, article: Article | None) -> str | None:
    """Why an article planned for ``article`` (None: a new one) is already stored, if it is."""
    others = Article.objects.filter(content_hash=content_hash)
    if article is not None and article.pk:
        others = others.exclude(pk=article.pk)
    other = others.only("file_name").first()
    return None if other is None else f"same text stored meanwhile as {other.file_name}"
