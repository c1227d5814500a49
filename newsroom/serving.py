"""What a serving process does once the site is loaded (called by wsgi.py and asgi.py)."""

import gc

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# A timeline page builds thousands of model instances that refer to each other (events, their
# sources, actors and prefetch caches): garbage the collector must find. With the default
# thresholds they outlive a request's many young collections and pile up for full collections
# over everything loaded; the timeline's p95 was twice its median. Rarer young collections free
# them young (measured on the 100,000-event archive: p95 290 -> 156 ms, same median).
GC_THRESHOLDS = (50_000, 20, 10)


def prepare() -> None:
    """Refuses to serve without a secret key; then leaves what is loaded (Django, the app, the
    settings) out of every future collection, and collects young objects less often."""
    try:
        key = settings.SECRET_KEY
    except ImproperlyConfigured:  # Django's own refusal of an empty key names no variable
        key = ""
    if not key:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set to serve the site when DJANGO_DEBUG is off."
        )
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
