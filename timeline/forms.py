"""The reader's filter form: every filter state is a query string."""

from __future__ import annotations

from django import forms
from django.forms.models import ModelChoiceIterator

from .models import Actor, EventType, Source, Thread

# Parameters that take one value; a URL repeating one of them is an error, not a silent pick.
SINGLE_VALUED = ("q", "thread", "type", "source", "from", "to", "min_sources", "page", "limit")


class ShortListChoices(ModelChoiceIterator):
    """The choices of a short table read by one plain query. Django's default streams them through
    a server-side cursor, which on PostgreSQL costs three round trips for a few dozen rows."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset.all():
            yield self.choice(obj)


class ShortListField(forms.ModelChoiceField):
    """A choice among the rows of a short table: storylines, outlets."""

    iterator = ShortListChoices


class TimelineFilter(forms.Form):
    """Query parameters of the timeline (INTERFACES: Pages), validated; ``apply`` narrows events."""

    q = forms.CharField(
        required=False,
        max_length=200,
        label="Search",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "words in titles and sources"}),
    )
    actor = forms.ModelMultipleChoiceField(
        queryset=Actor.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.MultipleHiddenInput,
        error_messages={"invalid_choice": "No actor is called “%(value)s”."},
    )
    thread = ShortListField(
        queryset=Thread.objects.all(),
        to_field_name="slug",
        required=False,
        label="Storyline",
        empty_label="all storylines",
        error_messages={"invalid_choice": "No storyline has that name."},
    )
    type = forms.ChoiceField(required=False, label="Type", choices=[("", "any type"), *EventType.choices])
    source = ShortListField(
        queryset=Source.objects.all(),
        to_field_name="slug",
        required=False,
        label="Outlet",
        empty_label="all outlets",
        error_messages={"invalid_choice": "No outlet has that name."},
    )
    from_ = forms.DateField(
        required=False,
        label="From",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "“From” must be a date written YYYY-MM-DD."},
    )
    to = forms.DateField(
        required=False,
        label="To",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "“To” must be a date written YYYY-MM-DD."},
    )
    min_sources = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=1000,
        label="At least … sources",
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "size": 3}),
    )
    page = forms.IntegerField(
        required=False,
        min_value=1,
        widget=forms.HiddenInput,
        error_messages={"invalid": "The page must be a number.", "min_value": "Pages start at 1."},
    )

    def add_prefix(self, field_name):
        # ``from`` is a Python keyword, so the field is ``from_`` while the URL says ``from``.
        return "from" if field_name == "from_" else field_name

    def clean_actor(self):
        return list(self.cleaned_data["actor"])

    def clean(self):
        data = super().clean()
        for name in SINGLE_VALUED:
            if self.data is not None and len(self.data.getlist(name)) > 1:
                raise forms.ValidationError(f"Give “{name}” once; the address repeats it.")
        if data.get("from_") and data.get("to") and data["from_"] > data["to"]:
            self.add_error("to", "“To” is before “From”.")
        return data

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())

    @property
    def active(self) -> dict:
        """The valid filters that narrow the events (empty values left out)."""
        if not self.is_valid():
            return {}
        ignored = {"page", "limit"}
        return {k: v for k, v in self.cleaned_data.items() if k not in ignored and v not in (None, "", [])}

    def apply(self, events):
        """Narrows an Event QuerySet to the filters; call it only on a valid form."""
        data = self.active
        if data.get("actor"):
            events = events.involving(*data["actor"])
        if data.get("thread"):
            events = events.in_thread(data["thread"].slug)
        if data.get("type"):
            events = events.of_type(data["type"])
        if data.get("source"):
            events = events.from_source(data["source"].slug)
        if data.get("min_sources"):
            events = events.with_min_sources(data["min_sources"])
        events = events.between(data.get("from_"), data.get("to"))
        if data.get("q"):
            events = events.matching(data["q"])
        return events


class ExportFilter(TimelineFilter):
    """The timeline's filters plus the JSON export's page size (INTERFACES: default 100, at most 1000)."""

    limit = forms.IntegerField(required=False, min_value=1, max_value=1000)
