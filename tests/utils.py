"""Helpers shared by the test modules (fixtures stay in conftest.py)."""

import io
import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.test.html import parse_html

from timeline.models import Event, EventSource

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_ARTICLES = ROOT / "fixtures" / "articles"


def require(flag: str, reason: str):
    """Skips locally when a part is missing, fails when CI demands the part (flag set)."""
    if os.environ.get(flag):
        pytest.fail(f"{reason}, but {flag} is set")
    pytest.skip(reason)


def inbox_of(folder: Path, articles: dict[str, tuple[str, str, str, str]]) -> Path:
    """A folder an importer hands over: each file's text, and a manifest giving its title, outlet and
    publication date (``{file name: (text, title, outlet, published)}``)."""
    folder.mkdir()
    rows = ["filename,title,source,url,published"]
    for name, (text, title, outlet, published) in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
        rows.append(f"{name},{title},{outlet},,{published}")
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def ingest_inbox(folder: Path, articles: dict[str, tuple[str, str, str, str]]) -> None:
    """Imports the articles (as ``inbox_of`` takes them) from a new folder, as an importer would."""
    call_command("ingest", str(inbox_of(folder, articles)), stdout=io.StringIO(), stderr=io.StringIO())


def ingest_two_outlets(folder: Path, wire: tuple[str, str], gazette: tuple[str, str]) -> None:
    """Imports one article of the outlet "Wire" and then one of "Gazette" (each ``(text, published)``,
    titled by its text's first line), as an importer would."""
    ingest_inbox(
        folder,
        {
            "a_wire.txt": (wire[0], wire[0].partition("\n")[0], "Wire", wire[1]),
            "b_gazette.txt": (gazette[0], gazette[0].partition("\n")[0], "Gazette", gazette[1]),
        },
    )


def event_telling(words: str) -> Event:
    """The one event a source sentence holding ``words`` is a source of."""
    (event,) = Event.objects.filter(sources__sentence__contains=words).distinct()
    return event


def outlets_of(event) -> set[str]:
    """The names of the outlets whose articles are the event's sources."""
    return set(event.sources.values_list("article__source__name", flat=True))


def assert_told_by_both(event, words: str) -> None:
    """``event`` is the one a source sentence holding ``words`` reports, told by both outlets of
    ``ingest_two_outlets``."""
    assert event == event_telling(words)
    assert outlets_of(event) == {"Wire", "Gazette"}


# The re-import contract, against the real pipeline over the fixture corpus.


def reingest(path):
    call_command("ingest", str(path), "--force", stdout=io.StringIO(), stderr=io.StringIO())


def report_key(source):
    return (source.article_id, source.start, source.end, source.temporal_expression)


def event_of(key):
    article, start, end, timex = key
    return EventSource.objects.get(article=article, start=start, end=end, temporal_expression=timex).event


def reported(article, words, **when):
    """The source in which article ``article`` (its number in the corpus) says ``words`` (and, where a
    sentence reports several events, dates it by ``when["temporal_expression"]``)."""
    return EventSource.objects.get(
        article__file_name__startswith=f"{article}_", sentence__contains=words, **when
    )


def corpus_picks():
    """What the editor corrects in the ingested fixture corpus, each event picked by a report it holds.

    The events to retitle, hide and verify are each reported by several articles (merged on import);
    the merge joins reports of Xi's visit to Moscow that the import kept apart and whose dates
    disagree, and the report of the talks' end is then split out again."""
    visit = [
        reported("000", "Xi Jinping visits Moscow"),
        reported("003", "That same day, Xi arrived"),
        reported("004", "As Xi and Putin ended their talks"),
    ]
    picks = SimpleNamespace(
        retitled=reported("001", "decided to defend Bakhmut").event,
        hidden=reported("000", "China unveiled a proposal").event,
        verified=reported("002", "Beijing and Moscow announced", temporal_expression="Friday").event,
        to_merge=list({s.event_id: s.event for s in visit}.values()),
        to_split=visit[2],
    )
    singles = [picks.retitled, picks.hidden, picks.verified]
    assert all(e.sources.count() > 1 for e in singles) and len(picks.to_merge) > 1
    assert len({e.pk for e in [*singles, *picks.to_merge]}) == len(singles) + len(picks.to_merge)
    return picks


def element(html: str, tag: str, **attrs) -> dict:
    """The attributes of the first ``tag`` element of ``html`` (parsed as HTML) that has ``attrs``
    (``data_event_id=3`` for ``data-event-id="3"``)."""
    wanted = {name.replace("_", "-"): str(value) for name, value in attrs.items()}
    found = [parse_html(html)]
    while found:
        node = found.pop(0)
        if isinstance(node, str):
            continue
        have = dict(node.attributes)
        if node.name == tag and wanted.items() <= have.items():
            return have
        found[:0] = node.children
    raise AssertionError(f"no <{tag}> with {wanted}")
