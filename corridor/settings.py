"""Corridor's one settings module, configured by environment variables.

Defaults give the embedded set-up: SQLite under ``var/``, no outside services.
``docs/configuration.md`` lists every variable; production sets at least
SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and CORRIDOR_SECURE=1.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url

from corridor.core.csp import policy as csp_policy
from corridor.env import envbool, envint, envlist, envstr, profile

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(envstr("CORRIDOR_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = envbool("DEBUG", False)
# Demo mode: `corridor demo` may create its users and their printed passwords only here.
DEMO_MODE = envbool("CORRIDOR_DEMO", False)
# Behind TLS in production: secure cookies, HSTS and redirects to https.
SECURE = envbool("CORRIDOR_SECURE", False)
# CORRIDOR_PROFILE=production: required variables checked, TLS settings on, logs to stdout.
PROFILE = profile()
if PROFILE == "production":
    SECURE = True


def _secret_key() -> str:
    """SECRET_KEY from the environment, else one kept under var/ for the embedded set-up."""
    key = envstr("SECRET_KEY")
    if key:
        return key
    key_file = VAR_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text(encoding="utf-8").strip()
    key = secrets.token_urlsafe(50)
    try:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(key, encoding="utf-8")
        key_file.chmod(0o600)
    except OSError:
        pass  # a read-only checkout still starts; sessions just do not survive a restart
    return key


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",
    "corridor.core",
    "corridor.registry",
    "corridor.calls",
    "corridor.supplychain",
    "corridor.workforce",
    "corridor.programs",
    "corridor.intel",
    "corridor.outreach",
    "corridor.reports",
    "corridor.calendars",
    "corridor.contacts",
    "corridor.notifications",
    "corridor.attraction",
    "corridor.bench",  # `corridor bench …`: docs/benchmarks.md
    "corridor.api",
    "django_tasks",  # Django's tasks framework (backport): docs/worker.md
    "django_tasks_db",  # its database queue
    "corridor.jobs",
    "axes",  # sign-in throttle: corridor/core/auth.py
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "corridor.core.middleware.RejectNullCharactersMiddleware",
    "corridor.core.middleware.ChangeContextMiddleware",
    "corridor.core.middleware.DatabaseBusyMiddleware",
    # last, as axes asks: turns a sign-in it refused into the locked-out sign-in page
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "corridor.urls"
WSGI_APPLICATION = "corridor.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "corridor" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "corridor.core.context_processors.corridor",
            ],
        },
    },
]


# Form widgets are drawn by Jinja2 (Django's own widget templates in their Jinja2
# form), the admin's by Django templates: corridor/core/form_renderer.py.
FORM_RENDERER = "corridor.core.form_renderer.CorridorFormRenderer"


def _database() -> dict[str, Any]:
    default_url = f"sqlite:///{VAR_DIR / 'corridor.sqlite3'}"
    config: dict[str, Any] = dict(
        dj_database_url.parse(envstr("DATABASE_URL", default_url), conn_max_age=0)
    )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets readers work while one writer writes; IMMEDIATE takes the write
        # lock at the start of a transaction so concurrent writers queue for up to
        # `timeout` seconds instead of failing with "database is locked".
        # what DATABASE_URL sets (?timeout=5, say) is kept and wins
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
            " PRAGMA foreign_keys=ON;",
            "transaction_mode": "IMMEDIATE",
            "timeout": envint("CORRIDOR_SQLITE_TIMEOUT", 20),
            **config.get("OPTIONS", {}),
        }
        config["TEST"] = {"NAME": None}
    else:
        config["CONN_MAX_AGE"] = envint("CORRIDOR_DB_CONN_MAX_AGE", 60)
        config["CONN_HEALTH_CHECKS"] = True
        # Parameters bound by the server, and a query run this many times on one
        # connection is prepared: PostgreSQL plans it once instead of on every page
        # (planning a list's nine-table join took it 17 ms, running it 4 ms). 0
        # turns both off: behind a PgBouncer older than 1.21 in transaction mode.
        prepare = envint("CORRIDOR_PG_PREPARE_THRESHOLD", 5)
        if prepare > 0:
            # added to what DATABASE_URL sets (sslmode=require, say), never instead of it
            config.setdefault("OPTIONS", {}).update(
                server_side_binding=True, prepare_threshold=prepare
            )
    return config


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
# The throttle first: a locked sign-in never reaches the password check.
AUTHENTICATION_BACKENDS = [
    "corridor.core.auth.ThrottleBackend",
    "corridor.core.auth.CorridorBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
SESSION_COOKIE_AGE = envint("CORRIDOR_SESSION_SECONDS", 8 * 3600)

# Sign-in throttle (django-axes; corridor/core/auth.py, docs/access-policy.md): this many
# failures lock the account (from every address) and, separately, the address (for every
# account) for the cool-off; 0 minutes: until the coordinator unlocks (`corridor axes_reset`).
AXES_FAILURE_LIMIT = envint("CORRIDOR_SIGNIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=max(0, envint("CORRIDOR_SIGNIN_LOCK_MINUTES", 15))) or None
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each one counted on its own
AXES_RESET_ON_SUCCESS = True  # the account's own failures only: auth.ThrottleHandler
AXES_HANDLER = "corridor.core.auth.ThrottleHandler"
AXES_LOCKOUT_CALLABLE = "corridor.core.views.account.locked_out"
AXES_HTTP_RESPONSE_CODE = 429
# the client's address: behind this many proxies, the one the outermost saw (X-Forwarded-For)
AXES_CLIENT_IP_CALLABLE = "corridor.core.auth.client_address"
AXES_IPWARE_PROXY_COUNT = envint("CORRIDOR_PROXY_COUNT", 1 if SECURE else 0)
AXES_ENABLE_ADMIN = False  # Corridor's admin is its own site; unlocking is by command
AXES_DISABLE_ACCESS_LOG = True  # failures are counted; successful sign-ins are not logged
AXES_VERBOSE = False  # no start-up line in every command's output

LANGUAGE_CODE = "en-ca"
TIME_ZONE = "America/Toronto"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "corridor" / "static"]
# Production runs `corridor collectstatic` and sets CORRIDOR_STATIC_MANIFEST=1 for
# hashed, compressed, long-cached files; the embedded set-up serves straight
# from the apps' static folders.
STATIC_MANIFEST = envbool("CORRIDOR_STATIC_MANIFEST", False)
STATIC_ROOT = (
    Path(envstr("CORRIDOR_STATIC_ROOT", str(VAR_DIR / "static"))) if STATIC_MANIFEST else None
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST
MEDIA_ROOT = VAR_DIR / "media"

# Maps: the tile server is a setting; with none, maps still show their markers.
CORRIDOR_TILE_URL = envstr("CORRIDOR_TILE_URL", "")
# The address people reach Corridor at, for the links in e-mails (notifications, digests).
CORRIDOR_SITE_URL = envstr("CORRIDOR_SITE_URL", "http://127.0.0.1:8000")
# Watched sources may read the server's own networks (off: docs/intel.md, "Watching").
CORRIDOR_WATCH_ALLOW_INTERNAL = envbool("CORRIDOR_WATCH_ALLOW_INTERNAL", False)
CORRIDOR_TILE_ATTRIBUTION = envstr(
    "CORRIDOR_TILE_ATTRIBUTION", "Map data © OpenStreetMap contributors"
)
# Content-Security-Policy on every response: scripts and styles from Corridor only,
# map tiles from CORRIDOR_TILE_URL's host only (corridor/core/csp.py).
CONTENT_SECURITY_POLICY = csp_policy(CORRIDOR_TILE_URL)

# API
CORRIDOR_API_PAGE_SIZE = envint("CORRIDOR_API_PAGE_SIZE", 50)
CORRIDOR_API_MAX_PAGE_SIZE = 500

# Email: the console in the embedded set-up, SMTP when EMAIL_HOST is set.
EMAIL_HOST = envstr("EMAIL_HOST")
EMAIL_PORT = envint("EMAIL_PORT", 587)
EMAIL_HOST_USER = envstr("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = envstr("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", True)
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "corridor@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

if SECURE:
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = envint("CORRIDOR_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = envbool("CORRIDOR_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": envstr("CORRIDOR_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

# Corporate calls: days to respond to a flag before it shows as overdue.
CORRIDOR_RED_FLAG_DAYS = envint("CORRIDOR_RED_FLAG_DAYS", 7)
CORRIDOR_YELLOW_FLAG_DAYS = envint("CORRIDOR_YELLOW_FLAG_DAYS", 30)
# Follow-ups due within this many days get a reminder from `corridor send-reminders`.
CORRIDOR_REMINDER_DAYS = envint("CORRIDOR_REMINDER_DAYS", 3)
# Evidence figures (messaging library, briefs) are region-wide sums over every call
# and plant: each process reuses a reading this many seconds (0: read every time).
CORRIDOR_EVIDENCE_SECONDS = envint("CORRIDOR_EVIDENCE_SECONDS", 60)
# A list's count of at least CORRIDOR_COUNT_REUSE_FROM rows is reused by each process
# for CORRIDOR_COUNT_SECONDS (0: count every time); see corridor/core/counting.py.
CORRIDOR_COUNT_SECONDS = envint("CORRIDOR_COUNT_SECONDS", 30)
CORRIDOR_COUNT_REUSE_FROM = envint("CORRIDOR_COUNT_REUSE_FROM", 10_000)
# Change records older than this many days are deleted daily by the worker and by
# `corridor purge-history`; 0 keeps the change history forever (the default).
CORRIDOR_HISTORY_RETENTION_DAYS = envint("CORRIDOR_HISTORY_RETENTION_DAYS", 0, minimum=0)

# Background work (docs/worker.md): tasks are queued in the database and run by
# `corridor worker`; no broker. A failed task is tried CORRIDOR_JOB_ATTEMPTS times in
# all, waiting CORRIDOR_JOB_RETRY_SECONDS x 2^(attempt-1) between; a worker's task is
# run again elsewhere once the worker is gone (same machine: its process; another
# machine: no heartbeat for CORRIDOR_WORKER_STALE_SECONDS).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
CORRIDOR_JOB_ATTEMPTS = envint("CORRIDOR_JOB_ATTEMPTS", 3)
CORRIDOR_JOB_RETRY_SECONDS = envint("CORRIDOR_JOB_RETRY_SECONDS", 30)
CORRIDOR_WORKER_HEARTBEAT_SECONDS = envint("CORRIDOR_WORKER_HEARTBEAT_SECONDS", 5)
CORRIDOR_WORKER_STALE_SECONDS = envint("CORRIDOR_WORKER_STALE_SECONDS", 60)

if PROFILE == "production":
    LOGGING["handlers"]["console"]["stream"] = "ext://sys.stdout"  # type: ignore[index]
