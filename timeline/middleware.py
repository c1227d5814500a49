"""Every response: a content security policy (the site loads nothing from anywhere else), and a short
503 page while the database is away."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render

from .database import LOST, answers

# Seconds a reader (or a crawler) is told to wait before asking again while the database is away.
RETRY_AFTER = 10

# No inline scripts or styles anywhere: htmx's indicator styles are switched off in base.html
# (htmx-config), and so is its copying of ``style`` attributes onto swapped elements (it writes them
# with setAttribute, which the policy blocks even when empty); the Django admin's own templates keep
# their scripts and styles in files.
POLICY = {
    "default-src": "'self'",
    "img-src": "'self' data:",
    "style-src": "'self'",
    "script-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def policy_header(policy: dict[str, str]) -> str:
    return "; ".join(f"{directive} {sources}" for directive, sources in policy.items())


class ContentSecurityPolicyMiddleware:
    """Sets ``Content-Security-Policy`` unless a view set its own; ``NEWSROOM_CSP`` extends the policy."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = policy_header(POLICY | getattr(settings, "NEWSROOM_CSP", {}))

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.header)
        return response


class DatabaseUnavailableMiddleware:
    """While the database cannot be reached (a restart, a fail-over), pages answer 503 with a short
    page saying so, instead of a server error; the next request after it is back is served as usual."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, LOST) or answers():
            return None
        response = render(request, "unavailable.html", status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        return response
