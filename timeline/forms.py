"""The reader's filter form: every filter state is a query string."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.dateformat import format as date_format

from . import summaries
from .models import Actor, EventType, Source, Thread


class ShortListChoices(ModelChoiceIterator):
    """The choices of a short table read by one plain query. Django's default streams them through
    a server-side cursor, which on PostgreSQL costs three round trips for a few dozen rows."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset.all():
            yield self.choice(obj)


class ShortListField(forms.ModelChoiceField):
    """An optional choice, by slug, among the rows of a short table: storylines, outlets."""

    iterator = ShortListChoices

    def __init__(self, queryset, *, label: str, empty_label: str, unknown: str):
        super().__init__(
            queryset,
            to_field_name="slug",
            required=False,
            label=label,
            empty_label=empty_label,
            error_messages={"invalid_choice": unknown},
        )


@dataclass(frozen=True)
class Chip:
    """A filter in use, shown above the results as a link that removes it."""

    text: str
    label: str  # the link's accessible name
    href: str  # the current query string without this filter, from the first page


def as_filter(field: forms.Field, narrows, *, row: int | None = None, chip: str):
    """``field`` as a filter of the timeline: ``narrows(events, value)`` applies it to an Event
    QuerySet; ``row`` places it in the form (None: drawn by hand); ``chip`` is the text of its chip,
    a format string over the value in words ("{}"). The chip's link is named "Remove filter" and that
    text, so that what it says is what a screen reader and voice control call it."""
    field.narrows, field.row, field.chip = narrows, row, chip
    return field


def date_field(label: str) -> forms.DateField:
    """An optional ISO date, typed in a date picker."""
    return forms.DateField(
        required=False,
        label=label,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": f"“{label}” must be a date written YYYY-MM-DD."},
    )


def in_words(value) -> str:
    return date_format(value, "j M Y") if isinstance(value, dt.date) else str(value)


class TimelineFilter(forms.Form):
    """Query parameters of the timeline (INTERFACES: Pages), validated; ``apply`` narrows events.

    Each filter is one field, which says how it narrows the events, where the form shows it and how
    its chip reads (see ``as_filter``): adding a filter is adding a field. The filters apply and
    their chips show in the fields' order, the search last."""

    # The actors' checkboxes are drawn by hand: they offer the busiest actors, not all of them.
    actor = as_filter(
        forms.ModelMultipleChoiceField(
            queryset=Actor.objects.all(),
            to_field_name="slug",
            required=False,
            widget=forms.MultipleHiddenInput,
            error_messages={"invalid_choice": "No actor is called “%(value)s”."},
        ),
        lambda events, actors: events.involving(*actors),
        chip="{}",
    )
    thread = as_filter(
        ShortListField(
            Thread.objects.all(),
            label="Storyline",
            empty_label="all storylines",
            unknown="No storyline has that name.",
        ),
        lambda events, thread: events.in_thread(thread.slug),
        row=2,
        chip="{}",
    )
    type = as_filter(
        forms.ChoiceField(required=False, label="Type", choices=[("", "any type"), *EventType.choices]),
        lambda events, event_type: events.of_type(event_type),
        row=2,
        chip="type: {}",
    )
    source = as_filter(
        ShortListField(
            Source.objects.all(),
            label="Outlet",
            empty_label="all outlets",
            unknown="No outlet has that name.",
        ),
        lambda events, source: events.from_source(source.slug),
        row=2,
        chip="{}",
    )
    from_ = as_filter(
        date_field("From"),
        lambda events, day: events.between(day, None),
        row=3,
        chip="from {}",
    )
    to = as_filter(
        date_field("To"),
        lambda events, day: events.between(None, day),
        row=3,
        chip="to {}",
    )
    min_sources = as_filter(
        forms.IntegerField(
            required=False,
            min_value=1,
            max_value=1000,
            label="At least … sources",
            widget=forms.NumberInput(attrs={"inputmode": "numeric", "size": 3}),
        ),
        lambda events, n: events.with_min_sources(n),
        row=3,
        chip="≥ {} sources",
    )
    q = as_filter(
        forms.CharField(
            required=False,
            max_length=200,
            label="Search",
            widget=forms.TextInput(attrs={"type": "search", "placeholder": "words in titles and sources"}),
        ),
        lambda events, q: events.matching(q),
        row=1,
        chip="“{}”",
    )
    # Which events: the key events (each week's most important happenings) or all of them. Pages
    # default to the key events, exports to all (see ``default_view``); the switch is drawn by hand.
    view = forms.ChoiceField(
        required=False,
        choices=[("key", "key events"), ("all", "all events")],
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": "“view” is “key” or “all”, not “%(value)s”."},
    )
    page = forms.IntegerField(
        required=False,
        min_value=1,
        widget=forms.HiddenInput,
        error_messages={"invalid": "The page must be a number.", "min_value": "Pages start at 1."},
    )

    def __init__(self, *args, default_view: str = "all", **kwargs):
        super().__init__(*args, **kwargs)
        self.default_view = default_view

    def add_prefix(self, field_name):
        # ``from`` is a Python keyword, so the field is ``from_`` while the URL says ``from``.
        return "from" if field_name == "from_" else field_name

    def clean_actor(self):
        return list(self.cleaned_data["actor"])

    def clean(self):
        data = super().clean()
        # A URL repeating a parameter that takes one value is an error, not a silent pick.
        for name, field in self.fields.items():
            if isinstance(field, forms.ModelMultipleChoiceField):
                continue
            if self.data is not None and len(self.data.getlist(self.add_prefix(name))) > 1:
                raise forms.ValidationError(f"Give “{self.add_prefix(name)}” once; the address repeats it.")
        if data.get("from_") and data.get("to") and data["from_"] > data["to"]:
            self.add_error("to", "“To” is before “From”.")
        return data

    def clean_view(self):
        return self.cleaned_data["view"] or self.default_view

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())

    @property
    def active(self) -> dict:
        """The valid filters in use, by field name (empty values left out)."""
        if not self.is_valid():
            return {}
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if hasattr(self.fields[name], "narrows") and value not in (None, "", [])
        }

    def apply(self, events):
        """Narrows an Event QuerySet to the filters; call it only on a valid form."""
        for name, value in self.active.items():
            events = self.fields[name].narrows(events, value)
        return events.key() if self.cleaned_data["view"] == "key" else events

    def counted_by(self) -> dict | None:
        """The arguments of ``summaries.weekly_counts`` that count these filters' events, when the
        kept weekly counts hold them: the view alone, or with one actor, or with a search alone."""
        active = dict(self.active)
        actors = active.pop("actor", [])
        key = self.cleaned_data["view"] == "key"
        if set(active) == {"q"} and not actors and summaries.counts_search(active["q"]):
            return {"key": key, "search": active["q"]}
        if active or len(actors) > 1:
            return None
        return {"key": key, "actor_id": actors[0].pk if actors else None}

    @property
    def field_groups(self) -> list[list[forms.BoundField]]:
        """The filters the form shows, row by row."""
        rows: dict[int, list[forms.BoundField]] = {}
        for field in self:
            if getattr(field.field, "row", None) is not None:
                rows.setdefault(field.field.row, []).append(field)
        return [rows[n] for n in sorted(rows)]

    @property
    def chips(self) -> list[Chip]:
        """A chip for each filter in use (for each value of a repeatable one), linking to the
        current query string without it."""
        params = self.data.copy()
        params.pop("page", None)
        chips = []
        for name, value in self.active.items():
            field, key = self.fields[name], self.add_prefix(name)
            for item in value if isinstance(value, list) else [value]:
                rest = params.copy()
                if isinstance(value, list):
                    raw = str(getattr(item, field.to_field_name or "pk"))
                    rest.setlist(key, [v for v in rest.getlist(key) if v != raw])
                else:
                    rest.pop(key, None)
                text = field.chip.format(in_words(item))
                chips.append(Chip(text, f"Remove filter {text}", f"?{rest.urlencode()}"))
        return chips


class ExportFilter(TimelineFilter):
    """The timeline's filters plus the JSON export's page size (INTERFACES: default 100, at most 1000)."""

    limit = forms.IntegerField(required=False, min_value=1, max_value=1000)
