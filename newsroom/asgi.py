"""ASGI entry point."""

import os

from django.core.asgi import get_asgi_application

from newsroom import serving

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
application = get_asgi_application()
serving.prepare()
