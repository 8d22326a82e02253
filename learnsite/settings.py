"""The one settings module. Every knob is an environment variable read in this file.

With no variable set, the site runs for development: DEBUG on, a development secret key and
an embedded SQLite database at ``BASE_DIR/db.sqlite3``. See README.md, "Configuration".
"""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from learnsite.environment import env_bool, env_choice, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("QUIZGEN_DEBUG", True)

_DEV_SECRET_KEY = "dev-only-insecure-key-set-QUIZGEN_SECRET_KEY-in-production"
SECRET_KEY = env_str("QUIZGEN_SECRET_KEY", _DEV_SECRET_KEY)
if not DEBUG and SECRET_KEY == _DEV_SECRET_KEY:
    raise ImproperlyConfigured(
        "QUIZGEN_DEBUG is off but QUIZGEN_SECRET_KEY is not set: set it to a long random string made once and "
        "kept (changing it logs everyone out), e.g. the output of "
        "python3 -c 'import secrets; print(secrets.token_urlsafe(50))', in the site's environment file."
    )

ALLOWED_HOSTS = env_list("QUIZGEN_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "learnsite.lessons",
    "learnsite.accounts",
    "learnsite.quizzes",
    "ninja",  # the API docs (/api/docs) from its own static files, not from a CDN
    "axes",  # failed log-ins per account and per address (settings at the end)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "learnsite.oversized_forms.OversizedFormMiddleware",  # a paste over 2.5 MB: refused by its page, text kept
    "axes.middleware.AxesMiddleware",  # last: it answers a locked-out log-in with 429
]

if not DEBUG:  # static files from the app server (gunicorn) after collectstatic; runserver serves them itself
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "learnsite.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "learnsite.wsgi.application"

# DATABASE_URL switches to PostgreSQL (psycopg 3), e.g. postgres://quizgen:secret@127.0.0.1:5432/quizgen;
# unset, the site uses the embedded SQLite file. SQLite waits for a lock instead of failing at
# once and starts write transactions IMMEDIATE, so concurrent answers queue instead of erroring.
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / "db.sqlite3",
        "OPTIONS": {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
    }
}
_DATABASE_URL = env_str("DATABASE_URL", "")
if _DATABASE_URL:
    import dj_database_url

    try:
        _parsed = dj_database_url.parse(_DATABASE_URL, conn_max_age=60, conn_health_checks=True)
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL is not a database address ({exc}). "
                                   "Use e.g. postgres://user:password@127.0.0.1:5432/quizgen.") from None
    if _parsed["ENGINE"] == "django.db.backends.sqlite3":  # another SQLite file keeps the lock options
        _parsed["OPTIONS"] = {**DATABASES["default"]["OPTIONS"], **_parsed.get("OPTIONS", {})}
        _parsed["CONN_MAX_AGE"] = 0
    DATABASES["default"] = _parsed

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # OWASP ASVS 2.1.1: at least 12 characters
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The interface speaks English and German; the texts it analyses are always German.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("de", _("German"))]
LOCALE_PATHS = [BASE_DIR / "learnsite" / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Berlin"
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "learnsite" / "static"]
STATIC_ROOT = Path(env_str("QUIZGEN_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
# In production (QUIZGEN_DEBUG=0) `manage.py collectstatic` writes compressed files with hashed
# names that WhiteNoise serves with far-future cache headers.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage" if DEBUG
                    else "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Production behind HTTPS (on by default when QUIZGEN_DEBUG=0): secure cookies, HSTS, redirect
# to https. Behind a proxy that ends TLS, it must set X-Forwarded-Proto (README, "Scale path").
# QUIZGEN_HTTPS=0 (plain http, e.g. on loopback for a test) turns all four off.
QUIZGEN_HTTPS = env_bool("QUIZGEN_HTTPS", not DEBUG)
if QUIZGEN_HTTPS:
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # Strict-Transport-Security: max-age=31536000; includeSubDomains; preload (with the defaults)
    SECURE_HSTS_SECONDS = env_int("QUIZGEN_HSTS_SECONDS", 31_536_000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("QUIZGEN_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("QUIZGEN_HSTS_PRELOAD", SECURE_HSTS_INCLUDE_SUBDOMAINS)
    if SECURE_HSTS_PRELOAD and not SECURE_HSTS_INCLUDE_SUBDOMAINS:
        raise ImproperlyConfigured(
            "QUIZGEN_HSTS_PRELOAD=1 needs QUIZGEN_HSTS_INCLUDE_SUBDOMAINS=1 (browsers' preload lists accept only "
            "includeSubDomains): set QUIZGEN_HSTS_PRELOAD=0, or allow the subdomains.")
CSRF_TRUSTED_ORIGINS = env_list("QUIZGEN_CSRF_TRUSTED_ORIGINS", [])

# Longest text, in characters, the site accepts for one analysis.
QUIZGEN_MAX_CHARS = env_int("QUIZGEN_MAX_CHARS", 100_000, minimum=1_000)
# Longest text the analysis page shows: its token tables take about 90 bytes of HTML per
# character of text, so 20,000 characters (a few articles) make a page of under 2 MB.
QUIZGEN_ANALYSIS_MAX_CHARS = env_int("QUIZGEN_ANALYSIS_MAX_CHARS", 20_000, minimum=1_000)

# Accounts and quizzes (learnsite.accounts, learnsite.quizzes).
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "quizzes:list"
LOGOUT_REDIRECT_URL = "lessons:home"
# Password-reset mails go to the console unless a real backend is configured.
EMAIL_BACKEND = env_str("QUIZGEN_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("QUIZGEN_FROM_EMAIL", "quizgen@localhost")
# Generations one account may start per hour (each runs the full NLP pipeline).
QUIZGEN_GENERATIONS_PER_HOUR = env_int("QUIZGEN_GENERATIONS_PER_HOUR", 20, minimum=1)
# Fetching a text from a URL: seconds, bytes, and whether private/loopback hosts are allowed.
QUIZGEN_FETCH_TIMEOUT = env_int("QUIZGEN_FETCH_TIMEOUT", 10, minimum=1)
QUIZGEN_FETCH_MAX_BYTES = env_int("QUIZGEN_FETCH_MAX_BYTES", 2_000_000, minimum=10_000)
QUIZGEN_FETCH_ALLOW_PRIVATE = env_bool("QUIZGEN_FETCH_ALLOW_PRIVATE", False)
QUIZGEN_MAX_UPLOAD_BYTES = env_int("QUIZGEN_MAX_UPLOAD_BYTES", 1_000_000, minimum=10_000)

# Generation jobs. With CELERY_BROKER_URL set (Redis, e.g. redis://127.0.0.1:6379/0), generation
# runs on Celery workers (`celery -A learnsite worker`) and the page follows the job; unset, it
# runs in the request. A job's state lives in the database, so no result backend is needed.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "")
CELERY_TASK_IGNORE_RESULT = True
# A task is acknowledged only when it has finished; a worker killed half-way leaves it to be
# delivered again: at once when a pool process dies; when the whole worker dies, the workers'
# sweep queues its silent jobs again (QUIZGEN_JOB_STALLED_AFTER below), and the broker's
# visibility timeout is the last resort. Tasks are idempotent: a finished job is never run
# twice, nor a job whose run is alive.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Seconds: longer than any generation (QUIZGEN_JOB_TIME_LIMIT), or a slow task would run twice.
QUIZGEN_JOB_TIME_LIMIT = env_int("QUIZGEN_JOB_TIME_LIMIT", 600, minimum=30)
CELERY_TASK_TIME_LIMIT = QUIZGEN_JOB_TIME_LIMIT
CELERY_TASK_SOFT_TIME_LIMIT = QUIZGEN_JOB_TIME_LIMIT - 10
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("QUIZGEN_JOB_VISIBILITY_TIMEOUT", 2 * QUIZGEN_JOB_TIME_LIMIT, minimum=5),
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Runs of one job (retries after a lost worker included) before it is marked failed.
QUIZGEN_JOB_MAX_ATTEMPTS = env_int("QUIZGEN_JOB_MAX_ATTEMPTS", 3, minimum=1)
# A running job whose worker gave no sign of life (it beats six times in this span, see
# services/jobs.py) for this many seconds is stalled: shown so, with "Run again", and queued
# again by the workers' sweep, which runs every QUIZGEN_JOB_SWEEP_INTERVAL seconds on every
# worker. A whole worker lost costs at most the sum of the two plus the job's own time, instead
# of the visibility timeout (2 x the time limit, 20 minutes by default). Small values are for tests.
QUIZGEN_JOB_STALLED_AFTER = env_int("QUIZGEN_JOB_STALLED_AFTER", 120, minimum=3)
QUIZGEN_JOB_SWEEP_INTERVAL = env_int("QUIZGEN_JOB_SWEEP_INTERVAL", 30, minimum=1)
# Most articles in one batch import.
QUIZGEN_BATCH_MAX_ARTICLES = env_int("QUIZGEN_BATCH_MAX_ARTICLES", 200, minimum=1)
# ... and on the site without Celery workers, where the whole batch runs in one request and must
# end before gunicorn's 120 s timeout (learnsite/gunicorn_conf.py); manage.py import_articles has no such limit.
QUIZGEN_BATCH_MAX_IN_REQUEST = env_int("QUIZGEN_BATCH_MAX_IN_REQUEST", 20, minimum=1)

# Errors (tracebacks of 500s, failed jobs) go to standard error, where gunicorn and Celery
# collect them; with DEBUG off Django would otherwise only mail them to ADMINS. QUIZGEN_LOG_LEVEL
# is the level of the site's own lines (jobs run, swept, done; pipeline loads).
_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "learnsite": {"handlers": ["console"], "level": env_choice("QUIZGEN_LOG_LEVEL", "INFO", _LOG_LEVELS)},
    },
}

# --- Limits and throttles (issue 15); README, "Configuration", "Limits and throttles". -----------
# Every throttle answers 429 with a page that says what to do and when to try again.

# Log-ins (the site's and the admin's): django-axes counts failures in the database, so every
# web worker sees them. After QUIZGEN_LOGIN_FAILURES failures for one account, or from one
# address, that account (or address) cannot log in for QUIZGEN_LOGIN_LOCKOUT_MINUTES.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = env_int("QUIZGEN_LOGIN_FAILURES", 5, minimum=1)
AXES_COOLOFF_TIME = env_int("QUIZGEN_LOGIN_LOCKOUT_MINUTES", 15, minimum=1) / 60  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "learnsite.client_address.client_address"
AXES_VERBOSE = False
# Proxies in front of the site that add X-Forwarded-For (0: none, the client is REMOTE_ADDR; 1:
# one nginx). The throttles per address read the client's address through it.
QUIZGEN_PROXY_COUNT = env_int("QUIZGEN_PROXY_COUNT", 0, minimum=0)

# The other throttles count in Django's cache: in this process's memory by default, in Redis
# (shared by every web worker) with QUIZGEN_CACHE_URL, e.g. redis://127.0.0.1:6379/1.
_CACHE_URL = env_str("QUIZGEN_CACHE_URL", "")
if _CACHE_URL and not _CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured(f"QUIZGEN_CACHE_URL={_CACHE_URL!r} is not a Redis address: use e.g. "
                               "redis://127.0.0.1:6379/1, or leave it unset for a cache in each process.")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _CACHE_URL,
                      "KEY_PREFIX": "quizgen"} if _CACHE_URL else
          {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "quizgen"}}
QUIZGEN_SIGNUPS_PER_HOUR = env_int("QUIZGEN_SIGNUPS_PER_HOUR", 10, minimum=1)  # per address
QUIZGEN_PASSWORD_RESETS_PER_HOUR = env_int("QUIZGEN_PASSWORD_RESETS_PER_HOUR", 5, minimum=1)  # per address, per e-mail
QUIZGEN_CODE_GUESSES_PER_HOUR = env_int("QUIZGEN_CODE_GUESSES_PER_HOUR", 60, minimum=1)  # wrong class codes per address
QUIZGEN_ANALYSES_PER_HOUR = env_int("QUIZGEN_ANALYSES_PER_HOUR", 30, minimum=1)  # per account, or per address

# Sizes: a learner's answer, a CSV of articles, a batch run in the request.
QUIZGEN_ANSWER_MAX_CHARS = env_int("QUIZGEN_ANSWER_MAX_CHARS", 500, minimum=50)
QUIZGEN_CSV_MAX_BYTES = env_int("QUIZGEN_CSV_MAX_BYTES", 5_000_000, minimum=10_000)
QUIZGEN_CSV_MAX_ROWS = env_int("QUIZGEN_CSV_MAX_ROWS", 1_000, minimum=1)
# A batch on the site without workers runs in its request: besides QUIZGEN_BATCH_MAX_IN_REQUEST
# articles it holds at most this many characters (a 20,000-character text takes about 2.5 CPU
# seconds to generate, a 96,000-character one 23), and starts no fetch or generation after this
# many seconds, so it ends well inside gunicorn's 120 s timeout; what does not fit is reported.
QUIZGEN_BATCH_MAX_CHARS_IN_REQUEST = env_int("QUIZGEN_BATCH_MAX_CHARS_IN_REQUEST", 150_000, minimum=1_000)
QUIZGEN_BATCH_SECONDS_IN_REQUEST = env_int("QUIZGEN_BATCH_SECONDS_IN_REQUEST", 60, minimum=1)

# A log-in lasts this many hours (Django's default is two weeks), in the browser's cookie and on
# the server alike.
SESSION_COOKIE_AGE = env_int("QUIZGEN_SESSION_HOURS", 12, minimum=1) * 3600

# Content-Security-Policy: scripts, styles, images and fonts only from the site itself, no
# inline script or style, no plug-ins, no framing; forms post only to the site.
from csp.constants import NONE, SELF  # noqa: E402  (beside the policy it builds)

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}
# Permissions-Policy: the site uses none of these browser features.
PERMISSIONS_POLICY: dict[str, list[str]] = {feature: [] for feature in (
    "accelerometer", "camera", "display-capture", "geolocation", "gyroscope", "magnetometer", "microphone",
    "midi", "payment", "usb", "interest-cohort", "browsing-topics")}
