from django.urls import path

from . import views

app_name = "timeline"

urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("timeline.json", views.timeline_json, name="timeline-json"),
    path("timelinejs.json", views.timelinejs_json, name="timelinejs-json"),
    path("timeline.csv", views.timeline_csv, name="timeline-csv"),
    path("timeline.ics", views.timeline_ics, name="timeline-ics"),
    path("events/<int:pk>/", views.event_detail, name="event"),
    path("events/<int:pk>/reactions/", views.event_reactions, name="event-reactions"),
    path("actors/", views.actor_list, name="actors"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor"),
    path("articles/", views.article_list, name="articles"),
    path("articles/<slug:slug>/", views.article_detail, name="article"),
]
