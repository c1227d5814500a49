"""The editors' admin. Events live in ``admin_events``; actors, articles, storylines and outlets here."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.urls import reverse

from . import editing
from .admin_events import (
    EventAdmin,  # noqa: F401  (registers the event pages)
    WithoutDeleting,
    admin_page,
)
from .models import Actor, ActorAlias, Article, EventSource, Source, TemporalExpression, Thread


class ActorAliasInline(admin.TabularInline):
    model = ActorAlias
    extra = 1
    fields = ["name"]


class MergedFilter(admin.SimpleListFilter):
    """Merged actors only point at their survivor; the list hides them unless asked."""

    title = "merged"
    parameter_name = "merged"

    def lookups(self, request, model_admin):
        return [("yes", "merged into another actor"), ("all", "all")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(merged_into__isnull=False)
        if self.value() == "all":
            return queryset
        return queryset.canonical()


class MergeActorsForm(forms.Form):
    survivor = forms.ModelChoiceField(
        queryset=Actor.objects.none(), widget=forms.RadioSelect, empty_label=None
    )

    def __init__(self, *args, actors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"].queryset = Actor.objects.filter(pk__in=[a.pk for a in actors])


@admin.register(Actor)
class ActorAdmin(WithoutDeleting, admin.ModelAdmin):
    list_display = ["name", "kind", "event_count", "alias_list", "merged_into"]
    list_filter = [MergedFilter, "kind"]
    list_select_related = ["merged_into"]
    ordering = ["name"]
    search_fields = ["name", "aliases__name"]
    readonly_fields = ["merged_into"]
    fields = ["name", "slug", "kind", "merged_into"]
    inlines = [ActorAliasInline]
    actions = ["merge_selected"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_event_counts().prefetch_related("aliases")

    def get_search_results(self, request, queryset, search_term):
        if request.path == reverse("admin:autocomplete"):
            queryset = queryset.canonical()
        return super().get_search_results(request, queryset, search_term)

    @admin.display(description="events", ordering="event_count")
    def event_count(self, actor):
        return actor.event_count

    @admin.display(description="aliases")
    def alias_list(self, actor):
        return ", ".join(a.name for a in actor.aliases.all())

    @admin.action(description="Merge the selected actors…", permissions=["change"])
    def merge_selected(self, request, queryset):
        actors = list(queryset.canonical().order_by("-event_count", "pk"))
        if len(actors) < 2:
            self.message_user(
                request, "Select at least two actors (not yet merged) to merge.", messages.WARNING
            )
            return None
        form = MergeActorsForm(request.POST if "confirm" in request.POST else None, actors=actors)
        if form.is_valid():
            survivor = form.cleaned_data["survivor"]
            editing.merge_actors(survivor=survivor, others=actors, user=request.user)
            self.message_user(request, f"Merged {len(actors)} actors into {survivor}.", messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:timeline_actor_change", args=[survivor.pk]))
        if not form.is_bound:
            form.initial = {"survivor": actors[0].pk}
        return admin_page(
            self,
            request,
            "admin/timeline/actor/merge_confirm.html",
            "Merge actors",
            form=form,
            selected=actors,
            action="merge_selected",
        )


class TemporalExpressionInline(admin.TabularInline):
    """The dates found in the article and what they resolved to."""

    model = TemporalExpression
    extra = 0
    can_delete = False
    fields = ["text", "start", "type", "value", "end_value", "flags"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "source", "published", "published_inferred", "event_count", "file_name"]
    list_filter = ["source", "published_inferred", "published"]
    list_select_related = ["source"]
    ordering = ["-published", "title"]
    search_fields = ["title", "file_name", "url"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    date_hierarchy = "published"
    fields = [
        "title",
        "source",
        "url",
        ("published", "published_inferred", "published_corrected"),
        "file_name",
        "ingested_at",
        "body",
    ]
    readonly_fields = ["published_inferred", "published_corrected", "file_name", "ingested_at", "body"]
    inlines = [TemporalExpressionInline]

    def get_queryset(self, request):
        return (
            super().get_queryset(request).annotate(event_count=Count("event_sources__event", distinct=True))
        )

    @admin.display(description="events", ordering="event_count")
    def event_count(self, article):
        return article.event_count

    def has_add_permission(self, request):
        return False  # articles come in through `manage.py ingest`

    def save_model(self, request, obj, form, change):
        if change and "published" in form.changed_data:
            stored = Article.objects.get(pk=obj.pk)
            editing.redate_article(article=stored, published=obj.published, user=request.user)
            obj.published_inferred = stored.published_inferred
            obj.published_corrected = True
            self.message_user(
                request, "The article's relative dates and the events they date were re-resolved."
            )
        super().save_model(request, obj, form, change)


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "event_count"]
    ordering = ["name"]
    search_fields = ["name", "slug", "keywords"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["actors"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(event_count=Count("events", distinct=True))

    @admin.display(description="events", ordering="event_count")
    def event_count(self, thread):
        return thread.event_count


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "article_count"]
    ordering = ["name"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, source):
        return source.article_count


@admin.register(EventSource)
class EventSourceAdmin(WithoutDeleting, admin.ModelAdmin):
    """Every reported sentence; an editor can split several out at once from here."""

    list_display = ["sentence", "article", "date_start", "temporal_expression", "event", "pinned"]
    list_filter = ["pinned", "article__source"]
    list_select_related = ["event", "article"]
    search_fields = ["sentence", "temporal_expression", "article__title"]
    fields = [
        "event",
        "article",
        "sentence",
        ("start", "end"),
        "title",
        ("temporal_expression", "temporal_value"),
        ("date_start", "date_end", "precision"),
        "flags",
        "pinned",
    ]
    readonly_fields = [name for row in fields for name in ((row,) if isinstance(row, str) else row)]
    actions = ["split_selected"]

    def has_add_permission(self, request):
        return False

    @admin.action(
        description="Split the selected sources out into events of their own", permissions=["change"]
    )
    def split_selected(self, request, queryset):
        done = 0
        for source in queryset.select_related("event"):
            try:
                editing.split_source(source=source, user=request.user)
                done += 1
            except editing.EditingError as exc:
                self.message_user(request, str(exc), messages.WARNING)
        self.message_user(request, f"{done} sources split out.")
