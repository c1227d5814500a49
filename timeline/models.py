"""The newsroom's data: outlets, articles, actors, storylines, events and the sentences behind them."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.postgres.fields import DateRangeField
from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.backends.postgresql.psycopg_any import DateRange
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.db.models.fields.json import KeyTransform
from django.urls import reverse
from django.utils.text import slugify


class Precision(models.TextChoices):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class Status(models.TextChoices):
    AUTO = "auto", "as extracted"
    VERIFIED = "verified"
    HIDDEN = "hidden"


class EventType(models.TextChoices):
    STATEMENT = "statement"
    MEETING = "meeting", "meeting or visit"
    MILITARY = "military", "military action"
    ATTACK = "attack"
    DISASTER = "disaster", "disaster or accident"
    AGREEMENT = "agreement", "agreement or aid"
    ANNOUNCEMENT = "announcement"
    DECISION = "decision"
    LEGAL = "legal", "legal action"
    OTHER = "other"


class KeyPin(models.TextChoices):
    """An editor's say over the key events view: none (ranked by importance), always in, never in."""

    RANKED = "", "ranked by importance"
    IN = "in", "always a key event"
    OUT = "out", "never a key event"


class Flag(models.TextChoices):
    """What an editor should look at in an event or a source (INTERFACES: ``flags``). Each flag
    carries the ``badge`` a reader sees on the event, its ``explanation``, and last, where Django
    reads a choice's label from, the ``label`` editors filter by."""

    def __new__(cls, value: str, badge: str, explanation: str):
        flag = str.__new__(cls, value)
        flag._value_ = value
        flag.badge = badge
        flag.explanation = explanation
        return flag

    DATE_CONFLICT = (
        "date_conflict",
        "sources disagree",
        "The sources give different dates for this event.",
        "sources disagree on the date",
    )
    INVALID_DATE = (
        "invalid_date",
        "impossible date",
        "A source states a date that does not exist.",
        "impossible date",
    )
    DATE_FROM_PUBLICATION = (
        "date_from_publication",
        "date from publication",
        "No date in the sentence: dated by its article.",
        "dated by publication",
    )
    DATE_FROM_CONTEXT = (
        "date_from_context",
        "date from context",
        "No date in the sentence: dated by the day its text tells of (the day the sentence before it "
        "states, or the day before publication when that is the last day the article names).",
        "dated by its context",
    )
    PUBLISHED_INFERRED = (
        "published_inferred",
        "date inferred",
        "The article's publication date was inferred from its text.",
        "publication date inferred",
    )
    UNDATED = "undated", "undated", "No usable date was found.", "no usable date"

    @classmethod
    def unstated(cls, flags) -> bool:
        """Whether the sentence states no date of its own: the date given is its article's or the
        sentence before's (``UNSTATED_DATES``), which matching takes as weak evidence."""
        return not UNSTATED_DATES.isdisjoint(flags)

    @classmethod
    def of(cls, flags) -> list[Flag]:
        """The known flags among ``flags`` (stored strings), in their order."""
        return [cls(flag) for flag in flags if flag in cls._value2member_map_]


# The flags of a date the sentence does not state (see ``Flag.unstated``).
UNSTATED_DATES = frozenset({Flag.DATE_FROM_PUBLICATION, Flag.DATE_FROM_CONTEXT})


def unique_slug(model, text: str, *, exclude_pk=None, max_length: int = 80) -> str:
    """A slug for ``text`` not yet used by another row of ``model``."""
    return unique_slugs(model, [text], exclude_pk=exclude_pk, max_length=max_length)[0]


def unique_slugs(model, texts: list[str], *, exclude_pk=None, max_length: int = 80) -> list[str]:
    """Slugs for ``texts``, used by no row of ``model`` and by no other of them (one query)."""
    bases = [slugify(text)[:max_length].strip("-") or model._meta.model_name for text in texts]
    near = Q()
    for base in set(bases):
        near |= Q(slug__startswith=base)
    taken = set(model.objects.exclude(pk=exclude_pk).filter(near).values_list("slug", flat=True))
    slugs = []
    for base in bases:
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        slugs.append(slug)
    return slugs


class Source(models.Model):
    """A news outlet."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Source, self.name)
        super().save(*args, **kwargs)


class CountOf(models.Subquery):
    """The number of rows a correlated queryset selects, as an integer annotation.

    Unlike ``Count`` over a join it needs no GROUP BY, so ``count()`` leaves it out and the database
    works it out only for the rows a page fetches.
    """

    template = "(SELECT COUNT(*) FROM (%(subquery)s) counted)"
    output_field = models.IntegerField()

    def __init__(self, queryset, *, of: str = "pk", **extra):
        super().__init__(queryset.order_by().values(of), **extra)


def hidden(event_id):
    """The event ``event_id`` (an outer reference) if an editor hid it: looked up in the small index
    of the hidden events alone, so that counting an article's or an actor's visible events reads
    no event."""
    return Event.objects.filter(pk=event_id, status=Status.HIDDEN)


class ArticleQuerySet(models.QuerySet):
    def for_listing(self):
        """Articles, newest first, with their outlet and ``event_count`` (visible events drawn from
        each); their texts are left unread. The events are counted from the article's sources alone,
        each looked up among the hidden events only, so the count reads two indexes, not the events."""
        drawn = EventSource.objects.filter(article=OuterRef("pk")).filter(
            ~Exists(hidden(OuterRef("event_id")))
        )
        return (
            self.defer("body")
            .select_related("source")
            .annotate(event_count=CountOf(drawn.distinct(), of="event_id"))
            .order_by(models.F("published").desc(nulls_last=True), "title", "id")
        )


class Article(models.Model):
    title = models.CharField(max_length=500)
    slug = models.SlugField(max_length=100, unique=True)
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="articles", null=True, blank=True
    )
    url = models.URLField(max_length=1000, blank=True)
    published = models.DateField(null=True, blank=True, db_index=True)
    published_inferred = models.BooleanField(default=False)
    # An editor corrected ``published``: imports resolve the article's dates against it, not the file's.
    published_corrected = models.BooleanField(default=False)
    body = models.TextField()
    content_hash = models.CharField(max_length=64, unique=True)
    file_name = models.CharField(max_length=500, db_index=True)
    ingested_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published", "title"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Article, self.title or self.file_name, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("timeline:article", args=[self.slug])


class TemporalExpression(models.Model):
    """A date, time, duration or set found in an article, with its TIMEX3 value."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="temporal_expressions")
    text = models.CharField(max_length=300)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    type = models.CharField(max_length=10, default="DATE")
    value = models.CharField(max_length=60, blank=True, null=True)
    end_value = models.CharField(max_length=60, blank=True, null=True)
    modifier = models.CharField(max_length=20, blank=True, null=True)
    flags = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["article", "start"]

    def __str__(self) -> str:
        return f"{self.text} = {self.value}"


class ActorQuerySet(models.QuerySet):
    def with_event_counts(self):
        """Annotates ``event_count``: visible events the actor takes part in, counted from the
        actor's links alone, each looked up among the hidden events only (as articles' are)."""
        links = Event.actors.through.objects.filter(actor=OuterRef("pk"))
        return self.annotate(
            event_count=CountOf(links.filter(~Exists(hidden(OuterRef("event_id")))), of="event_id")
        )

    def canonical(self):
        """Actors not merged into another one: the names a reader browses."""
        return self.filter(merged_into__isnull=True)

    def for_listing(self):
        """Canonical actors with ``event_count`` and their aliases, in a fixed number of queries."""
        return self.canonical().with_event_counts().prefetch_related("aliases")

    def most_active(self, limit: int = 30):
        """Canonical actors with visible events, the busiest first."""
        # One pass over the actor links (an actor takes part in an event once, so no DISTINCT),
        # cheaper than counting each of thousands of actors separately.
        counted = Count("events", filter=~Q(events__status=Status.HIDDEN))
        busy = self.canonical().annotate(event_count=counted).filter(event_count__gt=0)
        return busy.order_by("-event_count", "name")[:limit]


class Actor(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person"
        ORGANIZATION = "organization"
        PLACE = "place"
        GROUP = "group"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PERSON)
    merged_into = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="merged_from"
    )
    # Role phrases that name this actor in an article that names it ("Chinese president").
    roles = models.JSONField(default=list, blank=True)
    # The country a person serves or a capital or institution speaks for ("Kyiv" -> Ukraine).
    affiliation = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="affiliates"
    )
    # What the actor adds to the importance of its events, from how many events of the archive name
    # it (see ``ranking.prominence``); its events are ranked again whenever it steps.
    prominence = models.FloatField(default=0.0)

    objects = ActorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        # the list of actors, a page at a time in the order of their names
        indexes = [models.Index(fields=["name"], condition=Q(merged_into=None), name="actor_listing_idx")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Actor, self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("timeline:actor", args=[self.slug])


def normalize_name(name: str) -> str:
    """The form aliases are compared in: case-folded, single spaces, no surrounding punctuation."""
    return " ".join(name.casefold().replace("\u2019", "'").split()).strip(".,;:'\"")


class ActorAlias(models.Model):
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    normalized = models.CharField(max_length=200, unique=True, editable=False)

    class Meta:
        verbose_name_plural = "actor aliases"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.normalized = normalize_name(self.name)
        super().save(*args, **kwargs)


class Thread(models.Model):
    """A storyline: events are assigned to it by keywords and actors, and editors can adjust it."""

    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    keywords = models.JSONField(
        default=list, blank=True, help_text="Words or phrases that place an event here."
    )
    actors = models.ManyToManyField(Actor, blank=True, related_name="threads")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


# Monday 1 January of year 1: weeks are counted from it.
FIRST_MONDAY = dt.date(1, 1, 1)


class DaySpan(models.Func):
    """An event's days as a PostgreSQL date range, both ends included: the expression of the GiST
    index of migration 0013."""

    template = "daterange(%(expressions)s, '[]')"
    output_field = DateRangeField()

    def __init__(self):
        super().__init__("date_start", "date_end")


class WeekNumber(models.Func):
    """The week a date falls in, as whole weeks since ``FIRST_MONDAY``: plain arithmetic on the day
    number, cheaper over a large archive than truncating each date to its week."""

    arity = 1
    output_field = models.IntegerField()
    template = "((%(expressions)s) - DATE '0001-01-01') / 7"

    def as_sqlite(self, compiler, connection, **extra):
        template = "CAST((julianday(%(expressions)s) - julianday('0001-01-01')) / 7 AS INTEGER)"
        return self.as_sql(compiler, connection, template=template, **extra)


class EventQuerySet(models.QuerySet):
    def visible(self):
        """Events a reader may see: everything an editor has not hidden."""
        return self.exclude(status=Status.HIDDEN)

    def between(self, start: dt.date | None, end: dt.date | None):
        """Events whose span overlaps [start, end]; either bound may be None.

        PostgreSQL: as date ranges, which the GiST index of migration 0013 finds wherever in the
        archive they lie (two comparisons on the dates would read every event before ``end``)."""
        if start is None and end is None:
            return self
        if connections[self.db].vendor == "postgresql":
            return (
                self.filter(date_start__isnull=False, date_end__isnull=False)
                .alias(span=DaySpan())
                .filter(span__overlap=DateRange(start, end, "[]"))
            )
        qs = self
        if start:
            qs = qs.filter(date_end__gte=start)
        if end:
            qs = qs.filter(date_start__lte=end)
        return qs

    def involving(self, *actors):
        """Events in which every given actor (slug or Actor) takes part."""
        qs = self
        for actor in actors:
            # By id when the actor is at hand: the database then knows how many events it has
            # from its statistics and plans a busy actor's pages and counts accordingly.
            qs = qs.filter(actors=actor.pk) if isinstance(actor, Actor) else qs.filter(actors__slug=actor)
        return qs

    def in_thread(self, slug: str):
        """Events of one storyline."""
        return self.filter(threads__slug=slug)

    def of_type(self, event_type: str):
        """Events of one ``EventType``."""
        return self.filter(event_type=event_type)

    def from_source(self, slug: str):
        """Events reported by at least one article of the outlet ``slug``."""
        return self.filter(pk__in=EventSource.objects.filter(article__source__slug=slug).values("event_id"))

    def reported_in(self, article):
        """Events drawn from one article."""
        return self.filter(pk__in=EventSource.objects.filter(article=article).values("event_id"))

    def with_min_sources(self, n: int):
        """Events reported by at least ``n`` sentences."""
        counted = EventSource.objects.values("event_id").annotate(n=Count("id")).filter(n__gte=n)
        return self.filter(pk__in=counted.values("event_id"))

    def matching(self, q: str):
        """Events whose title, summary or a source sentence match the reader's search ``q``.

        PostgreSQL: full-text search in websearch syntax ("a b", "a or b", -a) over the event's
        stored ``search_document``.
        Other databases: every word must occur in the title, summary or a source sentence.
        """
        if connections[self.db].vendor == "postgresql":
            # One GIN index over each event's stored document (title, summary and every source
            # sentence), kept current by the triggers of migration 0011.
            return self.filter(search_document=SearchQuery(q, search_type="websearch", config="english"))
        qs = self
        for word in q.replace('"', " ").split():
            if word.lower() == "or" or word.startswith("-"):
                continue
            in_sources = EventSource.objects.filter(sentence__icontains=word).values("event_id")
            qs = qs.filter(Q(title__icontains=word) | Q(summary__icontains=word) | Q(pk__in=in_sources))
        return qs

    def weekly_counts(self) -> dict[dt.date | None, int]:
        """Events per week of their start, keyed by the week's Monday (None: undated), in one GROUP BY
        that an index on ``date_start`` serves; the values add up to the number of events."""
        counted = self.order_by().values_list(WeekNumber("date_start")).annotate(n=Count("id"))
        return {None if w is None else FIRST_MONDAY + dt.timedelta(weeks=w): n for w, n in counted}

    def window(self, first: int, stop: int, weeks: dict[dt.date | None, int]):
        """The ids of ``self[first:stop]`` in timeline order (see ``chronological``).

        ``weeks``, these same events' ``weekly_counts``, tells which weeks the window falls in: the
        database then reads only those weeks instead of skipping ``first`` rows from the start, so
        a deep page, or a page of a costly filter such as a search, costs what the first page does.
        The weeks are named by number too: a search then finds its events of those weeks in one
        index of each event's words and week (migration 0018), not among all the events it finds.
        A window in the second half of its weeks is read from their end, so the last page of the
        undated events (one bucket, which grows with the archive) costs what their first does.
        """
        ids = self.chronological().values("pk")
        span, offset, seen = [], 0, 0
        for week in sorted(weeks, key=lambda w: (w is None, w or dt.date.min)):
            n = weeks[week]
            if seen + n > first and seen < stop:
                if not span:
                    offset = first - seen
                span.append(week)
            seen += n
        if not span:  # past the end
            return ids.none()
        low, high = span[0], span[-1]
        if low is None:
            ids = ids.filter(date_start=None)
        elif high is None:
            ids = ids.filter(Q(date_start__gte=low) | Q(date_start=None))
        else:
            numbers = [(week - FIRST_MONDAY).days // 7 for week in span]
            ids = ids.filter(date_start__gte=low, date_start__lt=high + dt.timedelta(weeks=1))
            ids = ids.alias(week=WeekNumber("date_start")).filter(week__in=numbers)
        after = sum(weeks[week] for week in span) - offset - (stop - first)  # rows of the span after it
        if after < offset:
            return ids.reverse()[max(after, 0) : after + stop - first]
        return ids[offset : offset + stop - first]

    def reacting_to(self, event):
        """The visible reactions to ``event``, as a list of events shows them."""
        return self.for_timeline().filter(reaction_to=event)

    def key(self):
        """The key events view: the happenings ranked most important in their week (see ``ranking``)."""
        return self.filter(key=True)

    def flagged(self, flag: str):
        """Events carrying ``flag`` (see ``Flag``)."""
        return self.filter(flags__icontains=f'"{flag}"')

    def needing_review(self, *, confidence_below: float = 0.7):
        """Events no editor has settled yet whose date is in doubt or whose sources were merged with
        little confidence."""
        doubt = Q(merge_confidence__lt=confidence_below)
        for flag in (Flag.DATE_CONFLICT, Flag.INVALID_DATE, Flag.PUBLISHED_INFERRED):
            doubt |= Q(flags__icontains=f'"{flag}"')
        return self.filter(doubt, status=Status.AUTO)

    def chronological(self):
        """Dated events first, in date order; undated ones last."""
        return self.order_by(models.F("date_start").asc(nulls_last=True), "date_end", "id")

    def for_timeline(self):
        """Everything a list of events shows for each event, in a fixed number of queries: its
        ``actor_list`` and ``thread_list`` as plain lists, its ``source_count``, and the source
        that dates it (see ``with_dating_source``)."""
        # Lists (to_attr) rather than prefetched managers: Django then skips building a related
        # manager and a queryset for every event, which costs more than the queries themselves.
        return (
            self.visible()
            .chronological()
            .with_dating_source()
            .annotate(
                source_count=CountOf(EventSource.objects.filter(event=OuterRef("pk"))),
                reaction_count=CountOf(Event.objects.visible().filter(reaction_to=OuterRef("pk"))),
                # the happening a reaction is about, unless an editor hid it
                reaction_to_title=models.Case(
                    models.When(~Q(reaction_to__status=Status.HIDDEN), then=models.F("reaction_to__title"))
                ),
            )
            .prefetch_related(
                Prefetch(
                    "actors", queryset=Actor.objects.only("id", "name", "slug", "kind"), to_attr="actor_list"
                ),
                Prefetch(
                    "threads", queryset=Thread.objects.only("id", "name", "slug"), to_attr="thread_list"
                ),
            )
        )

    def with_dating_source(self):
        """Annotates where each event's date was read: ``dated_by_expression``, the wording of the
        first source (oldest article first) that states a date, else "" from the first source;
        and that source's article's ``dated_by_published`` and ``dated_by_inferred``. Read in the
        events' own query, so a list of events needs no source or article rows at all."""
        first = EventSource.objects.filter(event=OuterRef("pk")).order_by(
            models.Case(models.When(temporal_expression="", then=1), default=0),
            "article__published",
            "id",
        )
        return self.annotate(
            dated_by_expression=models.Subquery(first.values("temporal_expression")[:1]),
            dated_by_published=models.Subquery(first.values("article__published")[:1]),
            dated_by_inferred=models.Subquery(first.values("article__published_inferred")[:1]),
        )

    def with_sources(self):
        """Prefetches each event's ``source_list`` (oldest article first), with their articles
        (without the text) and outlets."""
        return self.prefetch_related(
            Prefetch(
                "sources",
                queryset=EventSource.objects.select_related("article", "article__source")
                .defer("article__body")
                .order_by("article__published", "id"),
                to_attr="source_list",
            )
        )


class Event(models.Model):
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    date_start = models.DateField(null=True, blank=True)
    date_end = models.DateField(null=True, blank=True)
    precision = models.CharField(max_length=10, choices=Precision.choices, null=True, blank=True)
    event_type = models.CharField(max_length=20, choices=EventType.choices, default=EventType.OTHER)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.AUTO)
    flags = models.JSONField(default=list, blank=True)
    threads = models.ManyToManyField(Thread, blank=True, related_name="events")
    actors = models.ManyToManyField(Actor, blank=True, related_name="events")
    # Fields an editor has changed; extraction never overwrites them.
    locked_fields = models.JSONField(default=list, blank=True)
    # How sure the extraction was when it merged sources into this event (1.0 = a single source).
    merge_confidence = models.FloatField(default=1.0)
    # The happening a statement or reaction is about: it is listed under that event.
    reaction_to = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reactions",
        verbose_name="reaction to",
        help_text="The happening this statement or reaction is about; it is listed under it.",
    )
    # How much the event matters, from the evidence (see ``ranking.importance``), kept current on writes.
    importance = models.FloatField(default=0.0)
    # Whether the key events view shows it: among the most important of its week, or pinned in.
    key = models.BooleanField("key event", default=False)
    key_pin = models.CharField(
        "key events view", max_length=3, choices=KeyPin.choices, default=KeyPin.RANKED, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # PostgreSQL: the full-text document of the title, summary and every source sentence, written by
    # the database's triggers (migration 0011) whenever any of them changes; empty elsewhere.
    search_document = SearchVectorField(null=True, editable=False)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["date_start", "id"]
        indexes = [
            models.Index(fields=["date_start", "date_end", "id"], name="event_dates_idx"),
            models.Index(fields=["status", "date_start"], name="event_status_date_idx"),
            models.Index(fields=["event_type"], name="event_type_idx"),
            # The visible events in timeline order: pages, counts and the density strip read it alone.
            models.Index(
                fields=["date_start", "date_end", "id"],
                condition=~Q(status=Status.HIDDEN),
                name="event_visible_order_idx",
            ),
            # The key events view in timeline order, read alone like the one above.
            models.Index(
                fields=["date_start", "date_end", "id"],
                condition=Q(key=True) & ~Q(status=Status.HIDDEN),
                name="event_key_order_idx",
            ),
            # The hidden events alone: a count of the events an article reports looks its sources'
            # events up here, in a small index, instead of reading each event for its status.
            models.Index(fields=["id"], condition=Q(status=Status.HIDDEN), name="event_hidden_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("timeline:event", args=[self.pk])

    def clean(self):
        if self.pk is not None and self.reaction_to_id == self.pk:
            raise ValidationError({"reaction_to": "An event cannot be a reaction to itself."})

    def is_locked(self, field: str) -> bool:
        return field in self.locked_fields


class EventSource(models.Model):
    """One article's report of an event: the sentence, and the date that sentence states."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sources")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="event_sources")
    sentence = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    title = models.CharField(max_length=300, blank=True)
    temporal_expression = models.CharField(max_length=300, blank=True)
    temporal_value = models.CharField(max_length=60, blank=True)
    date_start = models.DateField(null=True, blank=True)
    date_end = models.DateField(null=True, blank=True)
    precision = models.CharField(max_length=10, choices=Precision.choices, null=True, blank=True)
    flags = models.JSONField(default=list, blank=True)
    # Who did what, as the sentence tells it: {"agents": [actor names], "predicate": lemma}; reports
    # of one happening agree on both.
    frame = models.JSONField(default=dict, blank=True)
    # An editor split this source out: never merge it back automatically.
    pinned = models.BooleanField(default=False)

    class Meta:
        ordering = ["article", "start"]
        # the sources telling of one verb, of one happening's doing, or of a doer and a thing done to,
        # for an import to find the stored events it may join
        indexes = [
            models.Index(KeyTransform("predicate", "frame"), name="eventsource_predicate_idx"),
            models.Index(KeyTransform("doer", "frame"), name="eventsource_doer_idx"),
            models.Index(KeyTransform("roles", "frame"), name="eventsource_roles_idx"),
            # an article's events, from the index alone
            models.Index(fields=["article", "event"], name="eventsource_article_event_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "start", "end", "temporal_expression"], name="one_source_per_report"
            )
        ]

    def __str__(self) -> str:
        return f"{self.article} @{self.start}"

    @property
    def in_passing(self) -> bool:
        """Whether the sentence only names the event's happening in passing ("since the coup")."""
        return bool((self.frame or {}).get("reference"))


class Correction(models.Model):
    """One change an editor made, kept for the event's history."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="corrections")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    at = models.DateTimeField(auto_now_add=True)
    field = models.CharField(max_length=50)
    before = models.TextField(blank=True)
    after = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.field}: {self.before} → {self.after}"


class QueuedImport(models.Model):
    """One ``ingest --queue``: its articles are extracted by any worker and stored in their order."""

    created_at = models.DateTimeField(auto_now_add=True)
    command = models.CharField(max_length=1000, blank=True)  # the paths and options, for the report
    force = models.BooleanField(default=False)
    # The position of the next article to store: an article is stored only after those before it, so
    # the events are the ones a local import of the same files gives.
    next_position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"import #{self.pk}"


class QueuedArticle(models.Model):
    """An article file handed to the queue, with what became of it."""

    class State(models.TextChoices):
        QUEUED = "queued", "waiting for a worker"
        READY = "ready", "extracted, waiting for the articles before it"
        DONE = "done", "done"

    class Outcome(models.TextChoices):
        CREATE = "create", "new"
        UPDATE = "update", "updated"
        SKIPPED = "skipped", "skipped"
        FAILED = "failed", "failed"

    queued_import = models.ForeignKey(QueuedImport, on_delete=models.CASCADE, related_name="articles")
    position = models.PositiveIntegerField()
    path = models.CharField(max_length=1000)
    body = models.TextField(blank=True)  # emptied once the article is done
    title = models.CharField(max_length=500, blank=True)
    source = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    published = models.DateField(null=True, blank=True)
    # What the import planned when it read the file ("create" or "update"), as a local import does.
    action = models.CharField(max_length=10)
    planned_article = models.ForeignKey(
        Article, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True)
    line = models.TextField(blank=True)  # the report's line for this article
    attempts = models.PositiveSmallIntegerField(default=0)  # extractions started (a killed worker's too)
    extraction = models.BinaryField(null=True, blank=True)  # kept from extraction until stored

    class Meta:
        ordering = ["queued_import", "position"]
        constraints = [
            models.UniqueConstraint(fields=["queued_import", "position"], name="one_article_per_position")
        ]
        indexes = [models.Index(fields=["queued_import", "state"], name="queued_article_state")]

    def __str__(self) -> str:
        return self.path


class WeekCount(models.Model):
    """Visible events per week of their start (PostgreSQL), for the timeline's counts and density
    strip without a pass over the archive: of all events (``actor_id`` None) and of each actor's,
    key events apart from the rest. The database's triggers (migration 0011) append a row of changes
    for every write to events or their actors, so concurrent imports never wait on one another; a
    week's count is the sum of its rows, and ``summaries.compact`` folds them together."""

    actor_id = models.IntegerField(null=True)
    # Weeks since ``FIRST_MONDAY`` (as ``WeekNumber``); None for undated events.
    week = models.IntegerField(null=True)
    key = models.BooleanField()
    n = models.IntegerField()

    class Meta:
        indexes = [models.Index(fields=["actor_id", "key", "week", "n"], name="weekcount_lookup_idx")]

    def __str__(self) -> str:
        return f"{self.n:+} in week {self.week} (actor {self.actor_id}, key {self.key})"


class SearchWords(models.Model):
    """One narrow row per event (PostgreSQL): the week of its start, whether it is visible and key,
    and the words of its search document without their positions. A search's weekly counts (its
    number of results and density strip) read these rows, a tenth of the size of the events' own,
    instead of every matching event. The database's triggers (migration 0014) write the row whenever
    the event is stored, changed or deleted; other databases leave the table empty."""

    event = models.OneToOneField(
        Event, primary_key=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    week = models.IntegerField(null=True)  # as ``WeekCount.week``
    visible = models.BooleanField()
    key = models.BooleanField()
    words = SearchVectorField(null=True)

    def __str__(self) -> str:
        return f"words of event {self.event_id}"


class WordCount(models.Model):
    """Visible events per week whose search document holds a word (PostgreSQL), key events apart:
    a search for one word reads its count of each week here instead of reading every event it finds,
    so that its number of results and density strip cost the same whatever the archive's size. The
    database's triggers (migration 0016) append the changes of every write to ``SearchWords`` as
    rows to add up, marked unfolded; ``summaries.compact`` folds the rows of the words and weeks
    that changed."""

    word = models.TextField()  # a lexeme of the English text search configuration
    week = models.IntegerField(null=True)  # as ``WeekCount.week``
    key = models.BooleanField()
    n = models.IntegerField()
    folded = models.BooleanField(db_default=False)

    class Meta:
        indexes = [
            models.Index(fields=["word", "key", "week", "n"], name="wordcount_lookup_idx"),
            models.Index(
                fields=["word", "key", "week"],
                name="wordcount_unfolded_idx",
                condition=models.Q(folded=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.n:+} of {self.word!r} in week {self.week} (key {self.key})"


class ArticleCount(models.Model):
    """The number of articles (PostgreSQL), for the list of articles' page numbers without counting
    the archive's articles: the database's triggers (migration 0017) append each write's change as a
    row to add up, and ``summaries.compact`` folds them into one."""

    n = models.IntegerField()

    def __str__(self) -> str:
        return f"{self.n:+} articles"
