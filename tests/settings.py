"""Test settings: production settings with a throw-away secret and no HTTPS redirect."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-not-secret")
os.environ.setdefault("DJANGO_SSL_REDIRECT", "0")

from newsroom.settings import *  # noqa: E402,F403

# Production serves hashed names from `collectstatic`'s manifest; tests serve the source files
# through the finders, so there is no manifest to read.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"}}  # noqa: F405
