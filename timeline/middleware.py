"""A content security policy on every response: the site loads nothing from anywhere else."""

from __future__ import annotations

from django.conf import settings

# No inline scripts or styles anywhere: htmx's indicator styles are switched off in base.html
# (htmx-config), and the Django admin's own templates keep their scripts and styles in files.
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
