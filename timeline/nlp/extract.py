"""Runs the whole pipeline over article texts: dates, actors and events, streamed through spaCy."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from .actors import Gazetteer, employers, find_actors, paren_aliases
from .dates import find_temporal_expressions, infer_publication_date
from .events import events_from_doc
from .pipeline import load_nlp, text_of
from .types import ArticleExtraction, ExtractedActor

# Texts spaCy parses together: news articles are long, and larger batches only pad more.
BATCH_SIZE = 16


def extract_doc(doc, published: dt.date | None, gazetteer: Gazetteer | None = None) -> ArticleExtraction:
    """Everything the pipeline finds in one parsed article."""
    inferred = False
    if published is None:
        published = infer_publication_date(text_of(doc))
        inferred = published is not None
    gazetteer = gazetteer or Gazetteer()
    timexes = find_temporal_expressions(doc, published)
    mentions = find_actors(doc, gazetteer)
    actors: dict[str, ExtractedActor] = {}
    for m in mentions:
        actor = actors.setdefault(m.name, ExtractedActor(name=m.name, kind=m.kind))
        for spelling in (m.text, m.written) if not m.role else ():
            if spelling and spelling not in actor.mentions:
                actor.mentions.append(spelling)
    kinds = {name: a.kind for name, a in actors.items()}
    events = events_from_doc(doc, timexes, mentions, published)
    serving = employers(text_of(doc), mentions)
    for event in events:
        # "Coast Guard Rear Adm. John Mauger said": the organisation he speaks for takes part too
        event.actors += [
            org for name in list(event.actors) if (org := serving.get(name)) not in (None, *event.actors)
        ]
        # "Kyiv announced": a capital or an institution speaks for its country, which takes part too
        for name in list(event.actors):
            country = gazetteer.stands_for(name, kinds.get(name, ""))
            if country and country not in event.actors:
                event.actors.append(country)
                kind = gazetteer.kind_of(country) or "place"
                actors.setdefault(country, ExtractedActor(name=country, kind=kind))
        if inferred:
            event.flags.append("published_inferred")
    return ArticleExtraction(
        published=published,
        published_inferred=inferred,
        temporal_expressions=timexes,
        events=events,
        actors=list(actors.values()),
        aliases=paren_aliases(text_of(doc), mentions),
    )


def extract_texts(
    items: Iterable[tuple[str, dt.date | None]],
    *,
    gazetteer: Gazetteer | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[ArticleExtraction]:
    """Extracts (text, publication date) pairs in order, streaming the texts through ``nlp.pipe``."""
    items = list(items)
    docs = load_nlp().pipe((text for text, _ in items), batch_size=batch_size)
    for (_, published), doc in zip(items, docs, strict=True):
        yield extract_doc(doc, published, gazetteer)
