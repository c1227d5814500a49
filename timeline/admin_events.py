"""The editors' event pages: list, corrections with history, merge, split and the review queue."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, prefetch_related_objects
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from . import editing
from .models import Correction, Event, EventSource, Flag, Precision, Source
from .services.duplicates import likely_duplicates
from .services.ranking import rank

# Event fields whose edits are recorded and locked; actors and threads are compared after save_related.
SCALAR_FIELDS = [
    "title", "summary", "date_start", "date_end", "precision", "event_type", "status",
    "reaction_to", "key_pin",
]  # fmt: skip
RELATED_FIELDS = ["actors", "threads"]


def admin_page(model_admin, request, template: str, title: str, **context) -> TemplateResponse:
    """One of the editors' own pages in the admin's frame (header, breadcrumbs, the name under which
    action forms post the selected objects back)."""
    context = {
        **model_admin.admin_site.each_context(request),
        "title": title,
        "opts": model_admin.opts,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        **context,
    }
    return TemplateResponse(request, template, context)


class WithoutDeleting:
    """Takes the bulk delete action away: a deleted event or source comes back with the next import,
    and a deleted actor loses the names later imports resolve. Editors hide, split and merge instead."""

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions


class FlagFilter(admin.SimpleListFilter):
    title = "flag"
    parameter_name = "flag"

    def lookups(self, request, model_admin):
        return Flag.choices

    def queryset(self, request, queryset):
        return queryset.flagged(self.value()) if self.value() else queryset


class OutletFilter(admin.SimpleListFilter):
    title = "source"
    parameter_name = "source"

    def lookups(self, request, model_admin):
        return Source.objects.values_list("slug", "name")

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        reported = EventSource.objects.filter(article__source__slug=self.value()).values("event_id")
        return queryset.filter(pk__in=reported)


class EventSourceInline(admin.TabularInline):
    """The sentences behind an event, each with the date it states; sources are split out, not edited."""

    model = EventSource
    extra = 0
    can_delete = False
    fields = ["article", "sentence", "temporal_expression", "date_start", "date_end", "pinned", "split"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article", "article__source")

    @admin.display(description="")
    def split(self, source):
        url = reverse("admin:timeline_event_split", args=[source.event_id, source.pk])
        return format_html('<a href="{}">Split out</a>', url)


class CorrectionInline(admin.TabularInline):
    """The event's history: who changed which field when, before and after."""

    model = Correction
    extra = 0
    can_delete = False
    fields = ["at", "user", "field", "before", "after"]
    readonly_fields = fields
    verbose_name_plural = "history of corrections"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")


class MergeEventsForm(forms.Form):
    """What the merged event will say: the editor confirms the surviving title and dates."""

    survivor = forms.ModelChoiceField(
        queryset=Event.objects.none(), widget=forms.RadioSelect, empty_label=None
    )
    title = forms.CharField(max_length=300, widget=forms.TextInput(attrs={"size": 80}))
    date_start = forms.DateField(
        required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    date_end = forms.DateField(
        required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    precision = forms.ChoiceField(choices=[("", "none"), *Precision.choices], required=False)

    def __init__(self, *args, events, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"].queryset = Event.objects.filter(pk__in=[e.pk for e in events])
        self.fields["survivor"].label_from_instance = lambda e: f"#{e.pk} {e.title}"

    def clean(self):
        data = super().clean()
        start, end = data.get("date_start"), data.get("date_end")
        if start and end and end < start:
            self.add_error("date_end", "The end date is before the start date.")
        if (start or end) and not data.get("precision"):
            self.add_error("precision", "Say how precise the confirmed date is.")
        return data


@admin.register(Event)
class EventAdmin(WithoutDeleting, admin.ModelAdmin):
    list_display = [
        "date_start",
        "title",
        "precision",
        "status",
        "source_count",
        "importance",
        "key",
        "flag_list",
    ]
    list_display_links = ["title"]
    list_filter = [
        "status", "key", FlagFilter, "threads", "precision", OutletFilter, "date_start", "event_type",
    ]  # fmt: skip
    list_per_page = 50
    ordering = ["date_start", "id"]
    # Every column is on the event row or annotated; nothing is fetched per row.
    list_select_related = False
    search_fields = ["title", "summary", "sources__sentence"]
    date_hierarchy = "date_start"
    autocomplete_fields = ["actors", "threads", "reaction_to"]
    readonly_fields = [
        "duplicates",
        "flags",
        "locked_fields",
        "merge_confidence",
        "importance",
        "key",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["title", "summary", "status", "event_type"]}),
        ("Date", {"fields": [("date_start", "date_end", "precision")]}),
        ("Who and which storyline", {"fields": ["actors", "threads"]}),
        (
            "Importance",
            {
                "fields": ["reaction_to", "key_pin", ("importance", "key")],
                "description": "A reaction is listed under the happening it is about, not among the key "
                "events; pin an event to keep it in or out of the key events view.",
            },
        ),
        (
            "Extraction",
            {
                "fields": [
                    "duplicates",
                    "flags",
                    "merge_confidence",
                    "locked_fields",
                    "created_at",
                    "updated_at",
                ]  # fmt: skip
            },
        ),
    ]
    inlines = [EventSourceInline, CorrectionInline]
    actions = ["verify_selected", "hide_selected", "merge_selected"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(source_count=Count("sources", distinct=True))

    @admin.display(description="sources", ordering="source_count")
    def source_count(self, event):
        return event.source_count

    @admin.display(description="likely duplicates")
    def duplicates(self, event):
        if event.pk is None:
            return "-"
        url = reverse("admin:timeline_event_duplicates", args=[event.pk])
        return format_html('<a href="{}">Compare with the events of the days around it</a>', url)

    @admin.display(description="flags")
    def flag_list(self, event):
        return ", ".join(event.flags)

    # Corrections made through the change form are recorded and locked.

    def save_model(self, request, obj, form, change):
        before = Event.objects.get(pk=obj.pk) if change else None
        if before is not None:
            obj._related_before = {f: list(getattr(before, f).all()) for f in RELATED_FIELDS}
        super().save_model(request, obj, form, change)
        if before is None:
            return
        for field in SCALAR_FIELDS:
            if field in form.changed_data:
                editing.record_change(obj, request.user, field, getattr(before, field), getattr(obj, field))
        if set(form.changed_data) & {"date_start", "status", "event_type", "reaction_to", "key_pin"}:
            rank([obj.pk, before.reaction_to_id])

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        for field in RELATED_FIELDS:
            if change and field in form.changed_data:
                before = obj._related_before[field]
                editing.record_change(obj, request.user, field, before, getattr(obj, field).all())

    # Actions on the selected events.

    @admin.action(description="Verify the selected events", permissions=["change"])
    def verify_selected(self, request, queryset):
        n = editing.verify_events(events=queryset, user=request.user)
        self.message_user(request, f"{n} events verified.", messages.SUCCESS)

    @admin.action(description="Hide the selected events", permissions=["change"])
    def hide_selected(self, request, queryset):
        n = editing.hide_events(events=queryset, user=request.user)
        self.message_user(request, f"{n} events hidden; later imports will not show them again.")

    @admin.action(description="Merge the selected events…", permissions=["change"])
    def merge_selected(self, request, queryset):
        events = list(queryset.order_by("date_start", "pk").prefetch_related(self.sources_prefetch()))
        if len(events) < 2:
            self.message_user(request, "Select at least two events to merge.", messages.WARNING)
            return None
        if "confirm" in request.POST:
            form = MergeEventsForm(request.POST, events=events)
            if form.is_valid():
                data = form.cleaned_data
                survivor = editing.merge_events(
                    events=events,
                    survivor=data["survivor"],
                    survivor_title=data["title"],
                    date_start=data["date_start"],
                    date_end=data["date_end"],
                    precision=data["precision"] or None,
                    user=request.user,
                )
                self.message_user(
                    request, f"Merged {len(events)} events into “{survivor}”.", messages.SUCCESS
                )
                return HttpResponseRedirect(reverse("admin:timeline_event_change", args=[survivor.pk]))
        else:
            survivor = editing.pick_survivor(events)
            form = MergeEventsForm(
                events=events,
                initial={
                    "survivor": survivor.pk,
                    "title": survivor.title,
                    "date_start": survivor.date_start,
                    "date_end": survivor.date_end,
                    "precision": survivor.precision,
                },
            )
        return admin_page(
            self,
            request,
            "admin/timeline/event/merge_confirm.html",
            "Merge events",
            form=form,
            selected=events,
            action="merge_selected",
        )

    @staticmethod
    def sources_prefetch():
        return Prefetch("sources", queryset=EventSource.objects.select_related("article", "article__source"))

    # Pages of their own: splitting a source out, and the review queue.

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("review/", view(self.review_view), name="timeline_event_review"),
            path(
                "<path:object_id>/duplicates/", view(self.duplicates_view), name="timeline_event_duplicates"
            ),
            path(
                "<path:object_id>/split/<int:source_id>/", view(self.split_view), name="timeline_event_split"
            ),
            *super().get_urls(),
        ]

    def split_view(self, request, object_id, source_id):
        source = get_object_or_404(EventSource.objects.select_related("event", "article"), pk=source_id)
        if str(source.event_id) != str(object_id):
            return HttpResponseRedirect(reverse("admin:timeline_event_change", args=[source.event_id]))
        if not self.has_change_permission(request, source.event):
            raise PermissionDenied
        if request.method == "POST":
            try:
                new = editing.split_source(source=source, user=request.user)
            except editing.EditingError as exc:
                self.message_user(request, str(exc), messages.ERROR)
                return HttpResponseRedirect(reverse("admin:timeline_event_change", args=[source.event_id]))
            self.message_user(request, f"The source is now event #{new.pk} of its own.", messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:timeline_event_change", args=[new.pk]))
        return admin_page(
            self,
            request,
            "admin/timeline/event/split_confirm.html",
            "Split a source out",
            source=source,
            event=source.event,
        )

    def duplicates_view(self, request, object_id):
        event = get_object_or_404(Event.objects.prefetch_related(self.sources_prefetch()), pk=object_id)
        if not self.has_view_or_change_permission(request, event):
            raise PermissionDenied
        if request.method == "POST":
            response = self.response_action(request, queryset=self.get_queryset(request))
            if response is not None:
                return response
        found = likely_duplicates(event)
        prefetch_related_objects([d.event for d in found], self.sources_prefetch())
        return admin_page(
            self,
            request,
            "admin/timeline/event/duplicates.html",
            f"Likely duplicates of #{event.pk}",
            event=event,
            compared=[(event, None), *((d.event, d.likeness) for d in found)],
            found=bool(found),
            can_change=self.has_change_permission(request, event),
        )

    def review_view(self, request):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            response = self.response_action(request, queryset=self.get_queryset(request))
            if response is not None:
                return response
        events = (
            Event.objects.needing_review()
            .order_by("merge_confidence", "date_start", "pk")
            .prefetch_related(self.sources_prefetch())
        )
        page = Paginator(events, 50).get_page(request.GET.get("page"))
        return admin_page(
            self,
            request,
            "admin/timeline/event/review.html",
            "Events to review",
            page=page,
            can_change=self.has_change_permission(request),
        )

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "review_count": Event.objects.needing_review().count()}
        return super().changelist_view(request, extra_context)
