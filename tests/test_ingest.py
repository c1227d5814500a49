import datetime as dt
import io

import pytest
from django.core.management import call_command

from timeline.models import Article, Event, EventSource, TemporalExpression


def ingest(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("ingest", *map(str, args), stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_ingesting_the_fixtures_stores_articles_with_their_metadata(articles_dir):
    code, out, _ = ingest(articles_dir)
    assert code == 0
    assert Article.objects.count() == 5
    reuters = Article.objects.get(file_name="001_b91945930c94545a.txt")
    assert reuters.source.name == "Reuters"
    assert reuters.published == dt.date(2023, 3, 13)
    assert "ingested 5 new" in out


@pytest.mark.django_db
def test_events_carry_the_sentence_that_reports_them(ingested):
    source = EventSource.objects.get(
        article__file_name="002_266a9cc2f08c840b.txt", sentence__contains="Rishi Sunak"
    )
    body = source.article.body
    assert body[source.start : source.end].strip() == source.sentence
    assert source.event.date_start == dt.date(2023, 3, 17)
    assert TemporalExpression.objects.filter(article=source.article, text="Friday").exists()


@pytest.mark.django_db
def test_running_ingest_twice_changes_nothing(ingested):
    before = (Article.objects.count(), Event.objects.count(), EventSource.objects.count())
    ids = sorted(Event.objects.values_list("id", flat=True))
    code, out, _ = ingest(ingested)
    assert code == 0
    assert "0 new and 0 changed articles; 5 skipped" in out
    assert (Article.objects.count(), Event.objects.count(), EventSource.objects.count()) == before
    assert sorted(Event.objects.values_list("id", flat=True)) == ids


@pytest.mark.django_db
def test_a_bad_file_is_reported_and_the_rest_still_ingest(articles_dir):
    (articles_dir / "broken.txt").write_bytes(b"\xff\xfe\x00\x00binary")
    code, out, err = ingest(articles_dir)
    assert code == 1
    assert "broken.txt" in err and "NUL bytes" in err
    assert Article.objects.count() == 5


@pytest.mark.django_db
def test_a_changed_file_is_re_extracted_in_place(ingested):
    path = ingested / "001_b91945930c94545a.txt"
    path.write_text(path.read_text() + "\nOn Tuesday, the Kremlin said talks would follow.\n")
    code, out, _ = ingest(ingested)
    assert code == 0 and "1 changed" in out
    article = Article.objects.get(file_name=path.name)
    assert Article.objects.count() == 5
    assert article.event_sources.filter(sentence__contains="Kremlin said talks").exists()


@pytest.mark.django_db
def test_dry_run_stores_nothing(articles_dir):
    code, out, _ = ingest(articles_dir, "--dry-run")
    assert code == 0 and "would ingest 5 new" in out
    assert Article.objects.count() == 0


def events_as_read() -> set:
    return {
        (e.title, e.date_start, tuple(sorted(e.sources.values_list("article__file_name", "start", "end"))))
        for e in Event.objects.prefetch_related("sources")
    }


@pytest.mark.django_db
def test_importing_the_same_files_again_gives_the_same_events_whatever_the_archive_learned(tmp_path):
    """The second article spells a name the first one taught the archive another way; re-extracting
    both (--force) reads each as the first import did."""
    (tmp_path / "a.txt").write_text(
        "Arpad Gencz opened the parliament in Budapest on Monday.\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        "Arpad Goencz signed the treaty in Budapest on Tuesday.\n", encoding="utf-8"
    )
    ingest(tmp_path, "--published=2023-03-24")
    first = events_as_read()
    assert ingest(tmp_path, "--published=2023-03-24", "--force")[0] == 0
    assert events_as_read() == first
