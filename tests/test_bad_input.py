"""Whatever lands in the import folder: each bad file is refused by name and reason, nothing is lost."""

import io
import shutil

import pytest
from django.core.management import call_command
from django.db.models import QuerySet

from timeline.models import Actor, Article, Event, EventSource, TemporalExpression

GOOD = "On March 20, 2023, the minister said talks with Moscow would resume within a week.\n"
SCRIPT = '<script>alert("owned")</script>'


def ingest(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("ingest", *map(str, args), stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


def stored():
    """Everything an import writes, in a form two snapshots can be compared by."""
    return {
        "articles": sorted(Article.objects.values_list("id", "content_hash", "title", "published")),
        "events": sorted(Event.objects.values_list("id", "title", "date_start")),
        "sources": sorted(EventSource.objects.values_list("id", "event_id", "article_id", "start")),
        "timexes": TemporalExpression.objects.count(),
        "actors": sorted(Actor.objects.values_list("id", "name")),
    }


@pytest.fixture
def inbox(tmp_path):
    """A folder for the next import, holding one good article beside whatever a test adds."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good.txt").write_text("---\npublished: 2023-03-21\n---\n" + GOOD)
    return folder


@pytest.fixture
def before(ingested):
    return stored()


def assert_refused(inbox, before, name, reason):
    code, out, err = ingest(inbox)
    assert code == 1
    failed = [line for line in err.splitlines() if "FAILED" in line]
    assert len(failed) == 1, err
    assert name in failed[0] and reason in failed[0]
    after = stored()
    added = set(after["articles"]) - set(before["articles"])
    assert set(before["articles"]) <= set(after["articles"])
    assert {a[0] for a in added} == {Article.objects.get(file_name="good.txt").pk}
    assert set(before["events"]) <= set(after["events"])
    assert set(before["sources"]) <= set(after["sources"])
    assert not Article.objects.filter(file_name=name).exists()
    assert "1 new" in out and "1 failed" in out


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01", "NUL bytes"),
        ("nul.txt", b"Talks resumed\x00 on Monday.", "NUL bytes"),
        ("control.txt", b"Talks" + bytes(range(1, 9)) * 20, "control characters"),
        ("latin1.txt", "Caf\u00e9 talks resumed on Monday.".encode("latin-1"), "not valid UTF-8"),
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"  \n\t\n   ", "only white space"),
        ("only-meta.txt", b"---\ntitle: Nothing\n---\n\n", "front matter but no text"),
        ("bad-date.txt", b"---\npublished: 20 March 2023\n---\nTalks resumed.", "not an ISO date"),
        ("link.txt", b"---\nurl: javascript:alert(1)\n---\nTalks resumed.", "http:// or https://"),
        ("long.txt", b"---\ntitle: " + b"x" * 600 + b"\n---\nTalks resumed.", "'title' is 600 characters"),
    ],
)
def test_an_unusable_file_is_refused_by_name_and_reason_and_nothing_stored_changes(
    inbox, before, name, content, reason
):
    (inbox / name).write_bytes(content)
    assert_refused(inbox, before, name, reason)


def test_the_guessed_encoding_is_never_used_for_invalid_utf8(inbox, before):
    (inbox / "cp1252.txt").write_bytes("\u201cTalks\u201d resumed on Monday.".encode("cp1252"))
    assert_refused(inbox, before, "cp1252.txt", "byte 0")


def test_a_file_above_the_size_limit_is_refused(inbox, before, settings):
    settings.NEWSROOM_MAX_ARTICLE_BYTES = 1000
    (inbox / "huge.txt").write_text("Talks resumed on Monday. " * 100)
    assert_refused(inbox, before, "huge.txt", "above the limit of 1,000 bytes")


def test_a_bad_date_in_the_manifest_names_the_file_and_its_manifest_row(inbox, before):
    (inbox / "dated.txt").write_text("Talks resumed on Monday.")
    (inbox / "manifest.csv").write_text("filename,title,source,url,published\ndated.txt,T,AP,,2023-02-30\n")
    assert_refused(inbox, before, "dated.txt", "(its manifest row): 'published' is not an ISO date")


def test_a_manifest_row_naming_a_missing_file_is_reported(inbox, before):
    (inbox / "manifest.csv").write_text("filename,title,source,url,published\nghost.txt,G,AP,,2023-03-20\n")
    assert_refused(inbox, before, "ghost.txt", "does not exist")
    assert "manifest.csv" in ingest(inbox)[2]


def test_the_same_text_under_two_names_is_one_article(inbox, before):
    shutil.copy(inbox / "good.txt", inbox / "copy-of-good.txt")
    code, out, err = ingest(inbox)
    assert code == 0, err
    assert Article.objects.filter(file_name__in=["good.txt", "copy-of-good.txt"]).count() == 1
    assert (
        "copy-of-good.txt: same text as good.txt" in out or "good.txt: same text as copy-of-good.txt" in out
    )
    assert "1 new" in out and "1 skipped" in out


def test_an_article_already_stored_under_another_name_is_skipped(ingested, before, tmp_path):
    folder = tmp_path / "again"
    folder.mkdir()
    shutil.copy(ingested / "001_b91945930c94545a.txt", folder / "renamed.txt")
    code, out, _ = ingest(folder)
    assert code == 0
    assert "renamed.txt: same text as 001_b91945930c94545a.txt" in out
    assert stored() == before


def test_markup_is_stored_as_text(db, inbox):
    (inbox / "markup.txt").write_text(
        f"---\npublished: 2023-03-21\n---\nOn Monday, {SCRIPT} <b>Putin</b> said."
    )
    code, _, err = ingest(inbox)
    assert code == 0, err
    assert SCRIPT in Article.objects.get(file_name="markup.txt").body


def test_markup_in_an_article_is_escaped_on_every_page_that_shows_it(db, client, inbox):
    (inbox / "markup.txt").write_text(
        f"---\ntitle: Talks {SCRIPT}\npublished: 2023-03-21\n---\n"
        f"On March 20, 2023, the minister {SCRIPT} said talks with Moscow would resume.\n"
    )
    code, _, err = ingest(inbox)
    assert code == 0, err
    article = Article.objects.get(file_name="markup.txt")
    source = EventSource.objects.filter(article=article, sentence__contains="<script>").first()
    assert source is not None, "the sentence with markup should report an event"
    pages = [
        "/",
        "/?q=minister",
        f"/events/{source.event_id}/",
        f"/articles/{article.slug}/",
        "/timeline.json",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert SCRIPT not in response.content.decode(), url
    assert "&lt;script&gt;" in client.get(f"/events/{source.event_id}/").content.decode()


def failing_on(article_name, *, exception):
    """Storing that breaks part-way through one article, as a crash or a kill would: its events are
    already created when writing its sources fails."""
    real = QuerySet.bulk_create

    def bulk_create(queryset, objs, *args, **kwargs):
        objs = list(objs)
        if queryset.model is EventSource and any(o.article.file_name == article_name for o in objs):
            raise exception
        return real(queryset, objs, *args, **kwargs)

    return bulk_create


def test_an_import_failing_half_way_through_an_article_stores_none_of_it(db, articles_dir, monkeypatch):
    victim = "002_266a9cc2f08c840b.txt"
    monkeypatch.setattr(QuerySet, "bulk_create", failing_on(victim, exception=RuntimeError("disk full")))
    code, out, err = ingest(articles_dir)
    assert code == 1
    assert f"{victim}: could not be stored: disk full" in err
    assert not Article.objects.filter(file_name=victim).exists()
    assert not EventSource.objects.filter(article__file_name=victim).exists()
    assert not TemporalExpression.objects.filter(article__file_name=victim).exists()
    assert not Event.objects.filter(sources__isnull=True).exists()
    assert Article.objects.count() == 4
    monkeypatch.undo()
    code, out, _ = ingest(articles_dir)
    assert code == 0 and "1 new" in out and "4 skipped" in out


def test_an_import_killed_half_way_keeps_the_articles_before_and_none_of_the_one_in_progress(
    db, articles_dir, monkeypatch
):
    victim = "000_62aec61778009d5b.txt"  # the third by publication, the order articles are stored in
    monkeypatch.setattr(QuerySet, "bulk_create", failing_on(victim, exception=KeyboardInterrupt()))
    code, out, err = ingest(articles_dir)
    assert code == 130 and "interrupted: 3 articles not ingested" in err
    assert "ingested 2 new" in out, "what was stored before is reported"
    assert sorted(Article.objects.values_list("file_name", flat=True)) == [
        "001_b91945930c94545a.txt",
        "002_266a9cc2f08c840b.txt",
    ]
    assert not EventSource.objects.filter(article__file_name=victim).exists()
    assert not Event.objects.filter(sources__isnull=True).exists()
