"""What PostgreSQL keeps up to date so that no page reads the whole archive.

- Each event's ``search_document``: the full-text document of its title, summary and every source
  sentence, so a search is one pass over one GIN index.
- ``SearchWords``: each event's week, visibility and key flag beside the words of its document
  without their positions, in narrow rows, so that a search's weekly counts read a tenth of what
  the events' own rows hold.
- ``WeekCount``: visible events per week of their start, of all events and of each actor's, key
  events apart. The timeline's counts, paging and density strip read it instead of counting the
  events whenever the filters are ones it holds (none, the view, one actor).
- ``WordCount``: visible events per week whose document holds each word, key events apart, so that
  a search for one word is counted without reading the events it finds.
- ``ArticleCount``: the number of articles, for the list of articles' page numbers.

All are written by the database's own triggers (installed by migrations 0011, 0014, 0016 and 0017),
so every write path keeps them current: imports, merges and splits, the admin, bulk updates.
Triggers on events, on their actor links, on ``SearchWords`` and on articles append the change of
each statement to the counts as rows to be added up; as nothing is updated in place,
concurrent imports never wait on one another or deadlock there.
``compact`` folds the rows of a week together; imports call it when they finish. ``rebuild_all``
computes everything afresh (after a bulk load with the triggers off).

On other databases nothing is kept: searches and counts read the events themselves.
"""

from __future__ import annotations

import datetime as dt
import re

from django.contrib.postgres.search import SearchQuery
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import Count, Sum
from django.db.models.expressions import RawSQL

from .models import FIRST_MONDAY, ArticleCount, SearchWords, WeekCount, WordCount

# The week of an event's start, as ``models.WeekNumber`` computes it; NULL for an undated event.
WEEK = "(({0}.date_start - DATE '0001-01-01') / 7)"
VISIBLE = "{0}.status <> 'hidden'"
DOCUMENT = (
    "to_tsvector('english', concat_ws(' ', {0}.title, {0}.summary, (SELECT string_agg(s.sentence, ' ' "
    "ORDER BY s.id) FROM timeline_eventsource s WHERE s.event_id = {0}.id)))"
)


def _event_changes(rows: str, sign: int) -> str:
    """The counts a set of event rows (a transition table) adds or, with sign -1, takes away."""
    week, visible = WEEK.format("e"), VISIBLE.format("e")
    return (
        f"SELECT NULL::integer AS actor_id, {week} AS week, e.key, {sign} AS n FROM {rows} e WHERE {visible} "
        f"UNION ALL SELECT l.actor_id, {week}, e.key, {sign} FROM {rows} e "
        f"JOIN timeline_event_actors l ON l.event_id = e.id WHERE {visible}"
    )


def _append(changes: str, table: str = "timeline_weekcount", by: str = "actor_id") -> str:
    """Appends to ``table`` the sum of ``changes`` for each ``by`` (actor or word), week and kind."""
    return (
        f"INSERT INTO {table} ({by}, week, key, n) SELECT {by}, week, key, sum(n) "
        f"FROM ({changes}) AS changes GROUP BY {by}, week, key HAVING sum(n) <> 0;"
    )


def _statement_triggers(
    table: str,
    function: str,
    *,
    inserted: str,
    updated: str | None,
    deleted: str,
    name: str = "summaries",
) -> str:
    """A trigger function that runs the SQL of the statement's kind, over its transition tables
    ``new_rows`` and ``old_rows``, and the statement triggers on ``table`` that call it (named
    ``<table>_<operation>_<name>``): on insert, on delete and, unless ``updated`` is None (updates
    change nothing kept), on update."""
    triggers = "".join(
        f"CREATE TRIGGER {table}_{op.lower()}_{name} AFTER {op} ON {table} REFERENCING {tables} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {function}();\n"
        for op, tables in (
            ("INSERT", "NEW TABLE AS new_rows"),
            ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
            ("DELETE", "OLD TABLE AS old_rows"),
        )
        if op != "UPDATE" or updated is not None
    )
    updated = updated or "NULL;"
    return f"""
CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        {inserted}
    ELSIF TG_OP = 'DELETE' THEN
        {deleted}
    ELSE
        {updated}
    END IF;
    RETURN NULL;
END $$;
{triggers}"""


_LINK_CHANGES = (
    "SELECT l.actor_id, {week} AS week, e.key, l.n FROM ({links}) l "
    "JOIN timeline_event e ON e.id = l.event_id WHERE {visible}"
)


def _link_changes(*parts: tuple[str, int]) -> str:
    links = " UNION ALL ".join(f"SELECT actor_id, event_id, {sign} AS n FROM {rows}" for rows, sign in parts)
    return _LINK_CHANGES.format(links=links, week=WEEK.format("e"), visible=VISIBLE.format("e"))


# The sources whose sentence or event changed, as event ids whose document must be written again.
_CHANGED_SOURCES = (
    "SELECT o.event_id FROM old_rows o JOIN new_rows n ON n.id = o.id "
    "WHERE o.sentence IS DISTINCT FROM n.sentence OR o.event_id <> n.event_id "
    "UNION SELECT n.event_id FROM old_rows o JOIN new_rows n ON n.id = o.id "
    "WHERE o.sentence IS DISTINCT FROM n.sentence OR o.event_id <> n.event_id"
)

# Asks the events' own trigger to write the documents of these events again.
_RENEW = "UPDATE timeline_event SET search_document = NULL WHERE id IN ({});"

INSTALL = f"""
CREATE OR REPLACE FUNCTION timeline_event_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_document := (
        SELECT {DOCUMENT.format("e")}
        FROM (SELECT NEW.id AS id, NEW.title AS title, NEW.summary AS summary) AS e
    );
    RETURN NEW;
END $$;
CREATE TRIGGER timeline_event_insert_document BEFORE INSERT ON timeline_event
    FOR EACH ROW EXECUTE FUNCTION timeline_event_document();
-- Written again when the words change, or when a write brings a stale or empty document (a model
-- saved from memory, or the sources' trigger below asking for it by writing NULL).
CREATE TRIGGER timeline_event_update_document BEFORE UPDATE ON timeline_event FOR EACH ROW
    WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.summary IS DISTINCT FROM NEW.summary
          OR NEW.search_document IS NULL OR OLD.search_document IS DISTINCT FROM NEW.search_document)
    EXECUTE FUNCTION timeline_event_document();

{
    _statement_triggers(
        "timeline_eventsource",
        "timeline_sources_changed",
        inserted=_RENEW.format("SELECT event_id FROM new_rows"),
        updated=_RENEW.format(_CHANGED_SOURCES),
        deleted=_RENEW.format("SELECT event_id FROM old_rows"),
    )
}
{
    _statement_triggers(
        "timeline_event",
        "timeline_events_counted",
        inserted=_append(_event_changes("new_rows", 1)),
        updated=_append(_event_changes("old_rows", -1) + " UNION ALL " + _event_changes("new_rows", 1)),
        deleted=_append(_event_changes("old_rows", -1)),
    )
}
{
    _statement_triggers(
        "timeline_event_actors",
        "timeline_event_actors_counted",
        inserted=_append(_link_changes(("new_rows", 1))),
        updated=_append(_link_changes(("old_rows", -1), ("new_rows", 1))),
        deleted=_append(_link_changes(("old_rows", -1))),
    )
}
"""

# Each event's narrow row of ``SearchWords`` (migration 0014), from the events a statement wrote;
# a row is written again only when something in it changed.
_WORDS_OF = "SELECT e.id, {week}, {visible}, e.key, strip(e.search_document) FROM {{0}} e".format(
    week=WEEK.format("e"), visible=VISIBLE.format("e")
)
_WRITE_WORDS = (
    "INSERT INTO timeline_searchwords AS w (event_id, week, visible, key, words) {0} "
    "ON CONFLICT (event_id) DO UPDATE SET week = EXCLUDED.week, visible = EXCLUDED.visible, "
    "key = EXCLUDED.key, words = EXCLUDED.words WHERE (w.week, w.visible, w.key, w.words) "
    "IS DISTINCT FROM (EXCLUDED.week, EXCLUDED.visible, EXCLUDED.key, EXCLUDED.words);"
)
WORDS_INSTALL = _statement_triggers(
    "timeline_event",
    "timeline_events_searched",
    inserted=_WRITE_WORDS.format(_WORDS_OF.format("new_rows")),
    updated=_WRITE_WORDS.format(_WORDS_OF.format("new_rows")),
    deleted="DELETE FROM timeline_searchwords WHERE event_id IN (SELECT id FROM old_rows);",
    name="searchwords",
)
WORDS_UNINSTALL = "DROP FUNCTION IF EXISTS timeline_events_searched() CASCADE;"

# Each word of the visible events of a set of ``SearchWords`` rows, with the event's week and kind.
_WORDS_COUNTED = (
    "SELECT word, w.week, w.key, {1} AS n FROM {0} w "
    "CROSS JOIN LATERAL unnest(tsvector_to_array(w.words)) AS word WHERE w.visible"
)


def _word_changes(*parts: tuple[str, int]) -> str:
    changes = " UNION ALL ".join(_WORDS_COUNTED.format(rows, sign) for rows, sign in parts)
    return _append(changes, "timeline_wordcount", "word")


# ``WordCount`` (migration 0016): the changes of each write to ``SearchWords``, appended unfolded.
WORD_COUNTS_INSTALL = _statement_triggers(
    "timeline_searchwords",
    "timeline_words_counted",
    inserted=_word_changes(("new_rows", 1)),
    updated=_word_changes(("old_rows", -1), ("new_rows", 1)),
    deleted=_word_changes(("old_rows", -1)),
    name="wordcount",
)
WORD_COUNTS_UNINSTALL = "DROP FUNCTION IF EXISTS timeline_words_counted() CASCADE;"

# ``ArticleCount`` (migration 0017): the articles each write added or took away.
_ARTICLES = "INSERT INTO timeline_articlecount (n) SELECT {0}count(*) FROM {1} HAVING count(*) > 0;"
ARTICLE_COUNT_INSTALL = _statement_triggers(
    "timeline_article",
    "timeline_articles_counted",
    inserted=_ARTICLES.format("", "new_rows"),
    updated=None,
    deleted=_ARTICLES.format("-", "old_rows"),
    name="articlecount",
)
ARTICLE_COUNT_UNINSTALL = "DROP FUNCTION IF EXISTS timeline_articles_counted() CASCADE;"

UNINSTALL = """
DROP TRIGGER IF EXISTS timeline_event_insert_document ON timeline_event;
DROP TRIGGER IF EXISTS timeline_event_update_document ON timeline_event;
DROP FUNCTION IF EXISTS timeline_event_document() CASCADE;
DROP FUNCTION IF EXISTS timeline_sources_changed() CASCADE;
DROP FUNCTION IF EXISTS timeline_events_counted() CASCADE;
DROP FUNCTION IF EXISTS timeline_event_actors_counted() CASCADE;
"""


def triggers_installed(install_sql: str, uninstall_sql: str, fill, *, analyze: str = ""):
    """A migration's ``RunPython`` functions, forwards and backwards: on PostgreSQL, the triggers of
    ``install_sql`` installed and what they keep filled by ``fill(using)`` (then ``analyze``'s table
    analyzed), or ``uninstall_sql`` run; other databases are left alone."""

    def install(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(install_sql)
        fill(schema_editor.connection.alias)
        if analyze:
            with schema_editor.connection.cursor() as cursor:
                cursor.execute(f"ANALYZE {analyze}")

    def uninstall(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            with schema_editor.connection.cursor() as cursor:
                cursor.execute(uninstall_sql)  # the tables go with their models

    return install, uninstall


def kept(using: str = DEFAULT_DB_ALIAS) -> bool:
    """Whether this database keeps the search documents and weekly counts (PostgreSQL does)."""
    return connections[using].vendor == "postgresql"


def rebuild_all(using: str = DEFAULT_DB_ALIAS, *, words: bool = True) -> None:
    """Writes every event's search document and the weekly counts afresh, in a few passes over the
    archive: after a bulk load with the triggers off, or when a database first gets them; then,
    unless ``words`` is false (a database before migration 0014), the events' ``SearchWords``, the
    words' ``WordCount`` and the ``ArticleCount``."""
    if not kept(using):
        return
    week, visible = WEEK.format("e"), VISIBLE.format("e")
    with transaction.atomic(using), connections[using].cursor() as cursor:
        # The events' own triggers would write each document twice and count every event again.
        cursor.execute("ALTER TABLE timeline_event DISABLE TRIGGER USER")
        cursor.execute(
            "UPDATE timeline_event e SET search_document = to_tsvector('english', "
            "concat_ws(' ', e.title, e.summary, d.sentences)) FROM (SELECT e2.id, string_agg(s.sentence, ' ' "
            "ORDER BY s.id) AS sentences FROM timeline_event e2 LEFT JOIN timeline_eventsource s "
            "ON s.event_id = e2.id GROUP BY e2.id) d WHERE d.id = e.id"
        )
        cursor.execute("ALTER TABLE timeline_event ENABLE TRIGGER USER")
        cursor.execute("TRUNCATE timeline_weekcount")
        cursor.execute(
            "INSERT INTO timeline_weekcount (actor_id, week, key, n) "
            f"SELECT NULL, {week}, e.key, count(*) FROM timeline_event e WHERE {visible} GROUP BY 2, 3 "
            f"UNION ALL SELECT l.actor_id, {week}, e.key, count(*) FROM timeline_event e "
            f"JOIN timeline_event_actors l ON l.event_id = e.id WHERE {visible} GROUP BY 1, 2, 3"
        )
    if words:
        rebuild_words(using)
        rebuild_word_counts(using)
        rebuild_article_count(using)


def rebuild_article_count(using: str = DEFAULT_DB_ALIAS) -> None:
    """Counts the articles afresh into ``ArticleCount``."""
    if not kept(using):
        return
    with transaction.atomic(using), connections[using].cursor() as cursor:
        cursor.execute("TRUNCATE timeline_articlecount")
        cursor.execute("INSERT INTO timeline_articlecount (n) SELECT count(*) FROM timeline_article")


def article_count(using: str = DEFAULT_DB_ALIAS) -> int:
    """The number of articles, as ``ArticleCount`` keeps it."""
    return ArticleCount.objects.using(using).aggregate(n=Sum("n", default=0))["n"]


def rebuild_words(using: str = DEFAULT_DB_ALIAS) -> None:
    """Writes every event's ``SearchWords`` row afresh from the events' search documents (the words'
    counts are left to ``rebuild_word_counts``)."""
    if not kept(using):
        return
    with transaction.atomic(using), connections[using].cursor() as cursor:
        cursor.execute("TRUNCATE timeline_searchwords")
        # Its own triggers would append every word of every event to counts rebuilt in one pass.
        cursor.execute("ALTER TABLE timeline_searchwords DISABLE TRIGGER USER")
        cursor.execute(
            "INSERT INTO timeline_searchwords (event_id, week, visible, key, words) "
            + _WORDS_OF.format("timeline_event")
        )
        cursor.execute("ALTER TABLE timeline_searchwords ENABLE TRIGGER USER")


def rebuild_word_counts(using: str = DEFAULT_DB_ALIAS) -> None:
    """Counts every word of the events' ``SearchWords`` afresh into ``WordCount``."""
    if not kept(using):
        return
    with transaction.atomic(using), connections[using].cursor() as cursor:
        cursor.execute("TRUNCATE timeline_wordcount")
        cursor.execute(
            "INSERT INTO timeline_wordcount (word, week, key, n, folded) SELECT word, week, key, "
            f"sum(n), true FROM ({_WORDS_COUNTED.format('timeline_searchwords', 1)}) AS counted "
            "GROUP BY word, week, key"
        )


def compact(using: str = DEFAULT_DB_ALIAS) -> None:
    """Folds the rows of each week (and actor, and key or not) that writes appended into one row,
    and the rows of each word and week that writes changed since the last time. Safe beside writers:
    rows appended meanwhile are left for the next time."""
    if not kept(using):
        return
    with connections[using].cursor() as cursor:
        cursor.execute(
            "WITH folded AS (SELECT coalesce(actor_id, 0) AS actor, coalesce(week, -1) AS wk, key "
            "FROM timeline_weekcount GROUP BY 1, 2, 3 HAVING count(*) > 1), "
            "gone AS (DELETE FROM timeline_weekcount w USING folded f "
            "WHERE coalesce(w.actor_id, 0) = f.actor AND coalesce(w.week, -1) = f.wk AND w.key = f.key "
            "RETURNING w.actor_id, w.week, w.key, w.n) "
            "INSERT INTO timeline_weekcount (actor_id, week, key, n) SELECT actor_id, week, key, sum(n) "
            "FROM gone GROUP BY actor_id, week, key HAVING sum(n) <> 0"
        )
        cursor.execute(
            "WITH gone AS (DELETE FROM timeline_articlecount RETURNING n) "
            "INSERT INTO timeline_articlecount (n) SELECT coalesce(sum(n), 0) FROM gone"
        )
        # The words' counts: only the words and weeks that writes changed since the last time.
        cursor.execute(
            "WITH changed AS (SELECT DISTINCT word, coalesce(week, -1) AS wk, key FROM timeline_wordcount "
            "WHERE NOT folded), "
            "gone AS (DELETE FROM timeline_wordcount w USING changed c "
            "WHERE w.word = c.word AND w.key = c.key AND coalesce(w.week, -1) = c.wk "
            "RETURNING w.word, w.week, w.key, w.n) "
            "INSERT INTO timeline_wordcount (word, week, key, n, folded) "
            "SELECT word, week, key, sum(n), true FROM gone GROUP BY word, week, key HAVING sum(n) <> 0"
        )


def weekly_counts(
    *, key: bool, actor_id: int | None = None, search: str | None = None, using: str = DEFAULT_DB_ALIAS
) -> dict:
    """Visible events per week, keyed by the week's Monday (None: undated), as
    ``EventQuerySet.weekly_counts`` counts them: the key events or all, of every actor or of one,
    or those a search finds (see ``counts_search``)."""
    if search is not None and not one_word(search):
        found = SearchWords.objects.using(using).filter(
            visible=True, words=SearchQuery(search, search_type="websearch", config="english")
        )
        if key:
            found = found.filter(key=True)
        counted = found.order_by().values_list("week").annotate(total=Count("pk"))
    else:  # rows of changes to add up: of one word, or of every actor or one
        if search is not None:
            rows = WordCount.objects.using(using).filter(word=RawSQL(_LEXEME, [search]))
        else:
            rows = WeekCount.objects.using(using).filter(actor_id=actor_id)
        if key:
            rows = rows.filter(key=True)
        counted = rows.order_by().values_list("week").annotate(total=Sum("n")).filter(total__gt=0)
    return {None if w is None else FIRST_MONDAY + dt.timedelta(weeks=w): n for w, n in counted}


# A search whose words the kept words without positions answer: no quoted phrase, and no word that
# the parser splits into a phrase ("state-run"); a full stop or an apostrophe inside a word is kept
# whole or dropped ("U.S.", "Xi's").
_PHRASE = re.compile(r"\"|\w[^\w\s.'’]\w")


# A search for one plain word: the word's lexeme, as the events' documents hold it (nothing for a
# word the English configuration leaves out, such as "the", which no search finds either).
_ONE_WORD = re.compile(r"\s*[^\W_]+\s*")
_LEXEME = "(SELECT unnest(tsvector_to_array(to_tsvector('english', %s))) LIMIT 1)"


def one_word(q: str) -> bool:
    """Whether a search for ``q`` finds the events whose documents hold one word, so that
    ``WordCount`` counts them. ("or" alone is the search syntax's own word.)"""
    return bool(_ONE_WORD.fullmatch(q)) and q.strip().lower() != "or"


def counts_search(q: str) -> bool:
    """Whether ``SearchWords`` count the events a search for ``q`` finds, as the events' own search
    documents do (see ``EventQuerySet.search``)."""
    return not _PHRASE.search(q)
