"""The write path: everything extraction produces is stored through ``ingest_article``.

Re-extracting an article updates its sources in place (matched by report key: article, span,
temporal expression), so a source stays in the event an editor put it in. New reports are matched
against the events stored in their date window and join the best match or start an event. Event
fields are then recomputed from their sources, except the fields an editor locked; extraction never
changes an event's status.

One module per concern: ``articles`` (an import's plan, the article and its extraction), ``actors``
(names to stored actors), ``events`` (reports to events), ``event_fields`` (an event's fields from
its sources) and ``storylines``.
"""

from .actors import build_gazetteer, named_in_archive, record_alias, resolve_actor, store_actors, survivor
from .articles import (
    Plan,
    Reading,
    ingest_article,
    plan_article,
    read_for_import,
    reresolve_article,
    store_and_report,
    store_extraction,
    store_temporal_expressions,
    store_unnamed,
)
from .event_fields import DERIVED_FIELDS, derive, recompute_event
from .events import report_key, store_events
from .storylines import assign_threads, ensure_threads

__all__ = [
    "DERIVED_FIELDS",
    "Plan",
    "Reading",
    "assign_threads",
    "build_gazetteer",
    "derive",
    "ensure_threads",
    "ingest_article",
    "named_in_archive",
    "plan_article",
    "read_for_import",
    "recompute_event",
    "record_alias",
    "report_key",
    "reresolve_article",
    "resolve_actor",
    "store_actors",
    "store_and_report",
    "store_events",
    "store_extraction",
    "store_temporal_expressions",
    "store_unnamed",
    "survivor",
]
