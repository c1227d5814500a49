"""Runs the whole pipeline over article texts: dates, actors and events, streamed through spaCy."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from .actors import Gazetteer, employers, find_actors, paren_aliases, parents
from .dates import find_temporal_expressions, infer_publication_date
from .discourse import TALK_TYPES
from .events import events_from_doc
from .pipeline import load_nlp, sentences_of, text_of
from .types import ArticleExtraction, ExtractedActor, ExtractionFailure, Timex

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
        for spelling in (m.text, *m.written) if not m.role else ():
            if spelling and spelling not in actor.mentions:
                actor.mentions.append(spelling)
    kinds = {name: a.kind for name, a in actors.items()}
    events = events_from_doc(doc, timexes, mentions, published)
    serving = employers(text_of(doc), mentions) | parents(mentions)
    for event in events:
        # "Coast Guard Rear Adm. John Mauger said", "the First Coast Guard District said": the
        # organisation he speaks for, or the one it is part of, takes part too
        for name in event.actors:  # the list grows: the whole a person's unit belongs to comes too
            if (org := serving.get(name)) is not None and org not in event.actors:
                event.actors.append(org)
        if event.spoken or event.event_type in TALK_TYPES:
            # ... and speaks through them: the admiral's words of the day are the Coast Guard's too
            event.agents += [
                org for name in event.agents if (org := serving.get(name)) and org not in event.agents
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


# Longest piece of text parsed at once. spaCy refuses texts over a million characters and its memory
# grows with the text, so a longer article is parsed in pieces (see ``pieces``) and put back together.
PIECE_CHARS = 100_000
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+")


def pieces(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) pairs covering ``text`` in order, each at most ``limit`` characters, cut after
    the last paragraph break of each stretch, else after its last sentence, else at a space."""
    out, start = [], 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = window.rfind("\n\n") + 2
        if cut < limit // 2:
            ends = [m.end() for m in SENTENCE_END.finditer(window)]
            cut = ends[-1] if ends and ends[-1] >= limit // 2 else window.rfind(" ") + 1
        if cut <= 0:
            cut = limit
        out.append((start, text[start : start + cut]))
        start += cut
    out.append((start, text[start:]))
    return out


def _shifted(extraction: ArticleExtraction, chars: int, sentences: int) -> ArticleExtraction:
    """A piece's extraction with its offsets and sentence numbers counted in the whole article."""
    if not chars:
        return extraction

    def moved(timex: Timex | None) -> Timex | None:
        return replace(timex, start=timex.start + chars, end=timex.end + chars) if timex else None

    extraction.temporal_expressions = [moved(t) for t in extraction.temporal_expressions]
    for event in extraction.events:
        event.start += chars
        event.end += chars
        event.sentence_start += chars if event.sentence_start >= 0 else 0
        event.position += sentences if event.position >= 0 else 0
        event.timex = moved(event.timex)
    return extraction


def _joined(parts: list[ArticleExtraction]) -> ArticleExtraction:
    """One article's extraction from those of its pieces, in order."""
    whole = parts[0]
    actors = {a.name: a for a in whole.actors}
    for part in parts[1:]:
        whole.temporal_expressions += part.temporal_expressions
        whole.events += part.events
        whole.aliases = part.aliases | whole.aliases
        for actor in part.actors:
            known = actors.setdefault(actor.name, actor)
            known.mentions += [m for m in actor.mentions if m not in known.mentions]
    whole.actors = list(actors.values())
    return whole


def _failure(exc: Exception) -> ExtractionFailure:
    return ExtractionFailure(" ".join(f"{type(exc).__name__}: {exc}".split())[:200])


def _extract_stream(nlp, items: list, gazetteer: Gazetteer | None, batch_size: int):
    """The extractions of ``items``, their pieces streamed through ``nlp.pipe`` (one piece's parse held
    at a time)."""
    jobs = [(n, offset, piece) for n, (text, _) in enumerate(items) for offset, piece in pieces(text)]
    docs = nlp.pipe((piece for _, _, piece in jobs), batch_size=batch_size)
    parts: list[ArticleExtraction] = []
    sentences = 0
    for (n, offset, piece), doc in zip(jobs, docs, strict=True):
        published = items[n][1] if not parts else parts[0].published
        parts.append(_shifted(extract_doc(doc, published, gazetteer), offset, sentences))
        if offset + len(piece) >= len(items[n][0]):
            yield _joined(parts)
            parts, sentences = [], 0
        else:
            sentences += len(sentences_of(doc))


def extract_texts(
    items: Iterable[tuple[str, dt.date | None]],
    *,
    gazetteer: Gazetteer | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[ArticleExtraction | ExtractionFailure]:
    """Extracts (text, publication date) pairs in order, streaming the texts through ``nlp.pipe``.

    An article that cannot be extracted gives an ``ExtractionFailure`` in its place and the others
    go on: a batch that fails is done again one article at a time, so that the failure is that
    article's alone."""
    items = list(items)
    nlp = load_nlp()
    for first in range(0, len(items), batch_size):
        batch = items[first : first + batch_size]
        try:
            results = list(_extract_stream(nlp, batch, gazetteer, batch_size))
        except Exception:
            results = [_extract_one(nlp, item, gazetteer) for item in batch]
        yield from results


def _extract_one(nlp, item, gazetteer) -> ArticleExtraction | ExtractionFailure:
    try:
        return next(_extract_stream(nlp, [item], gazetteer, 1))
    except Exception as exc:
        return _failure(exc)
