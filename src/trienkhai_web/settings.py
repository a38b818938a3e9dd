"""Settings, read from the environment.

With no variable set this is a development site on an embedded SQLite database under ./var/.
Production sets DATABASE_URL (PostgreSQL), SECRET_KEY, ALLOWED_HOSTS, SITE_URL and DEBUG=0; see
docs/deploy.md, which lists every variable read here (tests/web/test_settings.py checks it does).
Every value is read through the env_* helpers below, which refuse a malformed value at start-up with a
message naming the variable, rather than running with a silently different setting.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import dj_database_url
from csp import constants as csp_constants
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from trienkhai.documents.limits import MAX_FILE_BYTES


class SettingError(ImproperlyConfigured):
    """An environment variable holds a value the site cannot run with."""


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    word = value.strip().lower()
    if word in {"1", "true", "yes", "on"}:
        return True
    if word in {"0", "false", "no", "off"}:
        return False
    raise SettingError(f"{name}={value!r}: expected 1/0, true/false, yes/no or on/off.")


def env_int(name: str, default: int, minimum: int = 0) -> int:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        number = int(value.strip())
    except ValueError:
        raise SettingError(f"{name}={value!r}: expected a whole number.") from None
    if number < minimum:
        raise SettingError(f"{name}={value!r}: must be at least {minimum}.")
    return number


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    return [v.strip() for v in value.split(",") if v.strip()] if value else default


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = os.environ.get(name, default).strip().upper()
    if value not in choices:
        raise SettingError(f"{name}={value!r}: expected one of {', '.join(choices)}.")
    return value


def env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value).expanduser() if value and value.strip() else default


def env_url(name: str, default: str) -> str:
    """An absolute http(s) address without a trailing slash."""
    value = os.environ.get(name, default).strip()
    if not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", value):
        raise SettingError(f"{name}={value!r}: expected an absolute address such as https://trienkhai.example.vn")
    return value.rstrip("/")


BASE_DIR = Path(__file__).resolve().parent
# In a source checkout (the editable install) data lives in ./var beside pyproject.toml.
_CHECKOUT = BASE_DIR.parent.parent
PROJECT_DIR = env_path("TRIENKHAI_HOME", _CHECKOUT if (_CHECKOUT / "pyproject.toml").exists() else Path.cwd())
VAR_DIR = env_path("TRIENKHAI_VAR", PROJECT_DIR / "var")
VAR_DIR.mkdir(parents=True, exist_ok=True)


# Development is the default only when nothing says otherwise: a production deployment must set
# SECRET_KEY, and then DEBUG defaults to off.
_DEV_SECRET = "dev-only-insecure-key-set-SECRET_KEY-in-production"
SECRET_KEY = env_str("SECRET_KEY", _DEV_SECRET)
DEBUG = env_bool("DEBUG", SECRET_KEY == _DEV_SECRET)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "django_htmx",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "trienkhai_web.accounts",
    "trienkhai_web.audit",
    "trienkhai_web.organisations",
    "trienkhai_web.plans",
    "trienkhai_web.tracking",
    "trienkhai_web.reports",
    "trienkhai_web.operations",
    "trienkhai_web.search",
    "trienkhai_web.jobs",
]

MIDDLEWARE = [
    # Outermost: with DEBUG on, Django's technical 404/500 pages become the site's own (errors_pages.py).
    "trienkhai_web.errors_pages.FriendlyErrorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "trienkhai_web.uploads.RequestSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "trienkhai_web.language.IgnoreBrowserLanguageMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "trienkhai_web.accounts.two_factor.SecondFactorRequiredMiddleware",
    "trienkhai_web.sessions.IdleTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into our refusal page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "trienkhai_web.urls"
CSRF_FAILURE_VIEW = "trienkhai_web.errors_pages.csrf_failure"
WSGI_APPLICATION = "trienkhai_web.wsgi.application"
ASGI_APPLICATION = "trienkhai_web.asgi.application"

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
                "django.template.context_processors.i18n",
                "trienkhai_web.accounts.context.navigation",
            ],
            # Numbers, dates and cut titles the Vietnamese way on every page (trienkhai_web/ui.py).
            "builtins": ["trienkhai_web.ui"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'trienkhai.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite is the embedded default: WAL and a busy timeout let the web server and a CLI import
    # write without "database is locked" errors.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# Login throttling (accounts/throttling.py): the axes backend refuses a locked login before any hashing.
AUTHENTICATION_BACKENDS = [
    "trienkhai_web.accounts.throttling.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # either one reaching the limit locks
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "trienkhai_web.accounts.throttling.locked_out"
AXES_CLIENT_IP_CALLABLE = "trienkhai_web.accounts.throttling.client_ip"
AXES_VERBOSE = False
LOGIN_URL = "login"
# Two-step sign-in (accounts/two_factor.py): optional for everyone; with TRIENKHAI_2FA_REQUIRED on,
# administrators and monitoring bodies must set it up before they can use the site.
TWO_FACTOR_REQUIRED = env_bool("TRIENKHAI_2FA_REQUIRED", False)
OTP_TOTP_ISSUER = "trienkhai"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["trienkhai_web.formats"]

STATIC_URL = "static/"
STATIC_ROOT = env_path("STATIC_ROOT", VAR_DIR / "static")
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = DEBUG  # development serves static files straight from the apps, no collectstatic
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env_path("MEDIA_ROOT", VAR_DIR / "media")
# Evidence files are private (served only by the permission-checking view), so never under MEDIA_ROOT,
# which DEBUG serves publicly.
EVIDENCE_ROOT = env_path("EVIDENCE_ROOT", MEDIA_ROOT.parent / "evidence")
# Behind nginx: stored files are sent by nginx from internal locations after the view's permission check
# (trienkhai_web/downloads.py); off, Django streams them itself.
X_ACCEL_REDIRECT = env_bool("TRIENKHAI_X_ACCEL_REDIRECT", False)
# The site's public address: e-mails (reminders) carry absolute links built on it.
SITE_URL = env_url("SITE_URL", "http://127.0.0.1:8000")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Uploads: the largest plan document accepted (default: the core reader's 20 MB), passed to the core's
# reader; larger requests are refused before they reach a view (uploads.py).
TRIENKHAI_MAX_UPLOAD_BYTES = env_int("TRIENKHAI_MAX_UPLOAD_BYTES", MAX_FILE_BYTES, minimum=1)
# Uploads are counted as they stream in (uploads.py): nothing over the limit is held in memory or on disk.
FILE_UPLOAD_HANDLERS = [
    "trienkhai_web.uploads.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30, minimum=1)  # a stuck relay must not hang the reminder run
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "trienkhai@localhost")
# Where the file back-end (EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend) writes e-mails.
EMAIL_FILE_PATH = env_path("EMAIL_FILE_PATH", VAR_DIR / "mail")

# Reminder e-mails that fail are retried by the next `send_reminders` runs, waiting
# REMINDER_RETRY_MINUTES × 2^(attempts − 1) between tries, at most REMINDER_MAX_ATTEMPTS tries in all.
REMINDER_MAX_ATTEMPTS = env_int("REMINDER_MAX_ATTEMPTS", 5, minimum=1)
REMINDER_RETRY_MINUTES = env_int("REMINDER_RETRY_MINUTES", 30, minimum=0)
# A unit reminded by hand is not reminded again by hand within this many hours ("remind all late units").
REMINDER_REPEAT_HOURS = env_int("REMINDER_REPEAT_HOURS", 24, minimum=0)

# Background jobs (jobs/, celery_app.py). The broker: Redis in production (redis://host:6379/0); by default
# the embedded queue, folders under var/queue that the worker started by `trienkhai serve` polls, so that
# a fresh machine needs no server (docs/deploy.md).
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "filesystem://")
if not re.fullmatch(r"(filesystem://|(redis|rediss|amqp|pyamqp)://\S+)", CELERY_BROKER_URL):
    raise SettingError(f"CELERY_BROKER_URL={CELERY_BROKER_URL!r}: expected redis://host:port/db or filesystem://")
JOBS_DIR = env_path("JOBS_DIR", VAR_DIR / "jobs")  # uploads waiting to be read, results to download
# A job whose run has written no progress for this long is taken as lost (its worker killed) and run again.
JOBS_STALE_SECONDS = env_int("JOBS_STALE_SECONDS", 300, minimum=1)
JOBS_MAX_ATTEMPTS = env_int("JOBS_MAX_ATTEMPTS", 5, minimum=1)
JOBS_KEEP_DAYS = env_int("JOBS_KEEP_DAYS", 7, minimum=1)  # result files of finished jobs are removed after this
# Transient failures (database, mail relay) are retried after JOBS_RETRY_SECONDS × 2^(attempt − 1), capped.
JOBS_RETRY_SECONDS = env_int("JOBS_RETRY_SECONDS", 10, minimum=1)
JOBS_RETRY_MAX_SECONDS = env_int("JOBS_RETRY_MAX_SECONDS", 600, minimum=1)
# `trienkhai serve` starts a worker (with the beat) beside the web server unless this is 0 (production runs
# `celery -A trienkhai_web.celery_app worker` as services of their own).
JOBS_WORKER_IN_SERVE = env_bool("JOBS_WORKER_IN_SERVE", True)
JOBS_WORKER_CONCURRENCY = env_int("JOBS_WORKER_CONCURRENCY", 2, minimum=1)
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_QUEUE", "trienkhai")
if CELERY_BROKER_URL == "filesystem://":
    _QUEUE_DIR = VAR_DIR / "queue"
    (_QUEUE_DIR / "control").mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, object] = {
        "data_folder_in": str(_QUEUE_DIR), "data_folder_out": str(_QUEUE_DIR),
        "control_folder": str(_QUEUE_DIR / "control"), "polling_interval": 0.5}
else:
    # A message whose worker died is delivered again after this many seconds: longer than the longest
    # job (an OCR of 100 pages), or a running job would be delivered twice (harmless, but wasted work).
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env_int("JOBS_VISIBILITY_TIMEOUT", 3600, minimum=1)}
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "reminders": {"task": "trienkhai.jobs.reminders", "schedule": 3600.0},
    "requeue-stale": {"task": "trienkhai.jobs.requeue_stale", "schedule": 60.0},
    "clean-results": {"task": "trienkhai.jobs.clean", "schedule": 86400.0},
}

# `trienkhai serve` without DEBUG: gunicorn workers (2 × cores + 1 is the usual figure).
WEB_CONCURRENCY = env_int("WEB_CONCURRENCY", 3, minimum=1)

# Production safety: secure cookies always when not debugging; HSTS and the TLS redirect only when the
# deployment says it is behind TLS (a proxy terminating HTTPS sets X-Forwarded-Proto).
BEHIND_TLS = env_bool("BEHIND_TLS", False)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if BEHIND_TLS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Sessions end with the browser (unless SESSION_EXPIRE_AT_BROWSER_CLOSE=0) and after SESSION_IDLE_HOURS
# without a request (sessions.IdleTimeoutMiddleware keeps an active user's session alive).
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", True)
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_HOURS", 8, minimum=1) * 3600

# Content-Security-Policy: only our own scripts, styles and images (HTMX, vendored Swagger UI, inline SVG
# charts); no inline script or style anywhere (templates use data attributes, static/js/site.js).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp_constants.SELF],
        "script-src": [csp_constants.SELF],
        "style-src": [csp_constants.SELF],
        "img-src": [csp_constants.SELF, "data:"],
        "font-src": [csp_constants.SELF],
        "connect-src": [csp_constants.SELF],
        "object-src": [csp_constants.NONE],
        "base-uri": [csp_constants.SELF],
        "form-action": [csp_constants.SELF],
        "frame-ancestors": [csp_constants.NONE],
    },
}

# API keys (accounts/tokens.py) are stored hashed and expire after API_TOKEN_DAYS.
API_TOKEN_DAYS = env_int("API_TOKEN_DAYS", 90, minimum=1)
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "trienkhai_web.accounts.tokens.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    # Services' refusals (UserError, Conflict, NotFound, PermissionDenied) as 400 / 409 / 404 / 403.
    "EXCEPTION_HANDLER": "trienkhai_web.api.errors.exception_handler",
    "PAGE_SIZE": 100,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "trienkhai API",
    "DESCRIPTION": "Plans, items, targets, assignments and organisations (format trienkhai.plan/2).",
    "VERSION": "1",
    # Users have no internet: Swagger UI is vendored (npm swagger-ui-dist 5.35.0) instead of a CDN.
    "SWAGGER_UI_DIST": "/" + STATIC_URL.strip("/") + "/vendor/swagger-ui",
    "SWAGGER_UI_FAVICON_HREF": "/" + STATIC_URL.strip("/") + "/vendor/swagger-ui/favicon-32x32.png",
    "COMPONENT_SPLIT_REQUEST": True,
    # The schema describes every endpoint: signed-in users (or token holders) only.
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "ENUM_NAME_OVERRIDES": {
        "OrganisationKindEnum": "trienkhai_web.organisations.models.OrganisationKind",
        "DocumentKindEnum": "trienkhai_web.plans.models.DocumentKind",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_choice("LOG_LEVEL", "INFO", ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"))},
}
