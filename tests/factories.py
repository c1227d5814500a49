"""Plain factory functions for tests."""

import datetime as dt
import importlib
import itertools

from timeline.files import body_hash
from timeline.models import Actor, ActorAlias, Article, Event, EventSource, Source
from timeline.services.ranking import rank

_counter = itertools.count(1)


def make_article(
    *, title=None, body=None, published=dt.date(2023, 3, 20), source="Reuters", **extra
) -> Article:
    n = next(_counter)
    body = body or f"Article number {n} reports on the war."
    return Article.objects.create(
        title=title or f"Article {n}",
        body=body,
        content_hash=body_hash(body),
        file_name=extra.pop("file_name", f"{n:03}_article.txt"),
        published=published,
        source=Source.objects.get_or_create(name=source)[0] if source else None,
        **extra,
    )


def make_actor(name="Xi Jinping", kind="person", aliases=()) -> Actor:
    actor = Actor.objects.create(name=name, kind=kind)
    for alias in (name, *aliases):
        ActorAlias.objects.create(actor=actor, name=alias)
    return actor


def make_event(
    *, title="Xi Jinping arrives in Moscow", date=dt.date(2023, 3, 20), actors=(), article=None, **extra
):
    event = Event.objects.create(
        title=title,
        summary=extra.pop("summary", title + "."),
        date_start=date,
        date_end=extra.pop("date_end", date),
        precision=extra.pop("precision", "day"),
        **extra,
    )
    event.actors.set(actors)
    article = article or make_article()
    EventSource.objects.create(
        event=event,
        article=article,
        sentence=event.summary,
        start=0,
        end=len(event.summary),
        temporal_expression="on Monday",
        date_start=date,
        date_end=date,
        precision="day",
    )
    rank([event.pk])  # as an import ranks what it stores
    return event


def make_editor(username="editor", password="a-long-editor-password"):
    """A staff user in the "Editors" group that the migrations create."""
    from django.apps import apps
    from django.contrib.auth.models import Group, User

    if not Group.objects.filter(name="Editors").exists():
        # A transactional test flushes what data migrations stored: make the group the same way again.
        importlib.import_module("timeline.migrations.0003_editors_group").create_editors(apps, None)
    user = User.objects.create_user(username, password=password, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def add_source(
    event, *, sentence, temporal_expression, date_start, date_end=None, precision="day", **article
):
    """Another article's report of ``event``, stating its own date."""
    return EventSource.objects.create(
        event=event,
        article=make_article(**article),
        sentence=sentence,
        start=0,
        end=len(sentence),
        temporal_expression=temporal_expression,
        date_start=date_start,
        date_end=date_end or date_start,
        precision=precision,
    )
