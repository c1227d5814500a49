"""Settings for the newsroom timeline, read from the environment with safe local defaults.

DATABASE_URL          sqlite:///<repo>/db.sqlite3 by default; postgres://USER@HOST:PORT/NAME for PostgreSQL
DJANGO_DEBUG          off unless set to 1/true/yes
DJANGO_SECRET_KEY     required to serve the site when debug is off
DJANGO_ALLOWED_HOSTS  comma-separated; defaults to localhost names
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_flag("DJANGO_DEBUG")
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "django-insecure-local-development-only"
# With debug off and no key, the data commands (ingest, extract, export_timeline) still run: they
# sign nothing. Serving refuses to start (``newsroom.serving.prepare``, called by wsgi.py and
# asgi.py), and anything else that signs fails on Django's own check for an empty key.

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.postgres",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials.apps.SimpleAppConfig",
    "timeline",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "timeline.middleware.DatabaseUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "timeline.middleware.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            "builtins": ["template_partials.templatetags.partials"],
            # Loaders named here replace Django's default, which caches compiled templates: the
            # cache is named again (runserver still reloads a changed template).
            "loaders": [
                (
                    "template_partials.loader.Loader",
                    [
                        (
                            "django.template.loaders.cached.Loader",
                            [
                                "django.template.loaders.filesystem.Loader",
                                "django.template.loaders.app_directories.Loader",
                            ],
                        )
                    ],
                )
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,  # a connection the database dropped (a restart) is opened again
    )
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Pages and imports run short queries: compiling them (JIT, which a large archive's cost
    # estimates switch on) takes longer than running them.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Tests and `make run` serve files straight from the finders, without a collectstatic step.
WHITENOISE_USE_FINDERS = True
WHITENOISE_MANIFEST_STRICT = False

# Security: strict by default, relaxed only for local debugging over plain HTTP.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if not DEBUG:
    SECURE_SSL_REDIRECT = env_flag("DJANGO_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

# How long an import waits for a database that stopped answering before it stops (seconds).
NEWSROOM_DATABASE_WAIT = float(os.environ.get("NEWSROOM_DATABASE_WAIT", "60"))
# Articles larger than this are refused by `ingest` (bytes).
NEWSROOM_MAX_ARTICLE_BYTES = int(os.environ.get("NEWSROOM_MAX_ARTICLE_BYTES", str(5 * 1024 * 1024)))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "timeline": {"handlers": ["console"], "level": os.environ.get("NEWSROOM_LOG_LEVEL", "WARNING")}
    },
}

# Imports through a task queue (`ingest --queue`, workers started with `celery -A newsroom worker`).
# Unset, nothing of Celery is loaded and `ingest` extracts on this machine.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
# The queue's name on the broker: archives sharing a broker each take their own.
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("NEWSROOM_QUEUE", "newsroom")
# A task is acknowledged when done: the task of a worker killed mid-article is delivered again.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# Each worker process holds its next article while it works on one: no wait for the broker between
# articles, and only two articles per process wait on a worker that is slow to come to them.
CELERY_WORKER_PREFETCH_MULTIPLIER = 2
CELERY_TASK_IGNORE_RESULT = True  # what became of each article is kept in the database
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Redis as broker: a task not acknowledged within this time is delivered to another worker (seconds),
# looked for every tenth of it (at most every 10 s).
NEWSROOM_TASK_TIMEOUT = int(os.environ.get("NEWSROOM_TASK_TIMEOUT", "3600"))
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": NEWSROOM_TASK_TIMEOUT,
    "unacked_restore_interval": min(10, max(1, NEWSROOM_TASK_TIMEOUT // 10)),
    "unacked_restore_throttle": 1,
}
