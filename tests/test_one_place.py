"""Adding a filter or a flag is a change in one place: a field of the filter form, a Flag member."""

import pytest
from django import forms
from pytest_django.asserts import assertContains, assertInHTML, assertNotContains

from timeline.forms import TimelineFilter, as_filter
from timeline.models import Flag, Status

from .factories import make_event

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("blank_cast")]


class WithStatus(TimelineFilter):
    """The timeline's filters and one more, declared as the form's own filters are."""

    status = as_filter(
        forms.ChoiceField(required=False, label="Status", choices=[("", "any status"), *Status.choices]),
        lambda events, status: events.filter(status=status),
        row=2,
        chip="status: {}",
    )


@pytest.fixture
def status_filter(monkeypatch):
    monkeypatch.setattr("timeline.views.TimelineFilter", WithStatus)


def test_a_new_filter_field_narrows_the_events_and_shows_in_the_form_and_as_a_chip(client, status_filter):
    make_event(title="Confirmed", status=Status.VERIFIED)
    make_event(title="As extracted")
    response = client.get("/", {"status": "verified", "q": "Confirmed"})
    assertContains(response, "Confirmed")
    assertNotContains(response, "As extracted")
    html = response.content.decode()
    assertInHTML('<label for="id_status">Status</label>', html)
    assertInHTML(
        '<a href="?q=Confirmed" hx-get="?q=Confirmed" aria-label="Remove filter status: verified">'
        'status: verified <span aria-hidden="true">×</span></a>',
        html,
    )


def test_a_new_filter_field_is_validated_like_the_others(client, status_filter):
    make_event()
    assertContains(client.get("/", {"status": "lost"}), "Select a valid choice.")
    assertContains(
        client.get("/", {"status": ["auto", "hidden"]}), "Give “status” once; the address repeats it."
    )


@pytest.mark.parametrize("flag", list(Flag), ids=[f.value for f in Flag])
def test_every_flag_shows_the_badge_and_explanation_its_choice_carries(client, flag):
    event = make_event(flags=[flag.value])
    assertContains(
        client.get("/"),
        f'<li class="badge badge-{flag.value}" title="{flag.explanation}">{flag.badge}</li>',
        html=True,
    )
    assertContains(
        client.get(event.get_absolute_url()),
        f'<li class="badge badge-{flag.value}">'
        f'{flag.badge}<span class="why">: {flag.explanation}</span></li>',
        html=True,
    )
