"""Settings shared by every environment. Safe by default: DEBUG is off, secrets come from the
environment, and SQLite is used only when DATABASE_URL is not set."""

import os
from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO

from config.languages import EXTRA_LANG_INFO, LANGUAGE_TABLE
from config.logging import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]

INSTALLED_APPS = [
    "participation",
    "consultation",
    "survey",
    "analysis",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "csp",
    # Each app's rules.py (who may do what) is loaded at start-up and answers permission checks.
    "rules.apps.AutodiscoverRulesConfig",
    "config.apps.SiteConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

# Order matters: request ids and security headers wrap everything (static files, cached pages
# and error pages included); the page cache sits outside sessions so it sees every cookie; rate
# limits and the database-outage page come after LocaleMiddleware to answer in the resident's
# language.
MIDDLEWARE = [
    "config.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "config.middleware.SecurityHeadersMiddleware",
    "config.middleware.SiteCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "config.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "config.ratelimit.RateLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.errors.DatabaseUnavailableMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite is the embedded default so a new user needs no server; WAL mode, a busy timeout and
# IMMEDIATE transactions let several writers queue instead of failing with "database is locked".
SQLITE_OPTIONS = {
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
    ),
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}


def database_from_env(default_sqlite: Path) -> dict:
    """DATABASE_URL selects PostgreSQL (or anything dj-database-url knows); else SQLite."""
    url = os.environ.get("DATABASE_URL")
    if url:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
        config["ATOMIC_REQUESTS"] = False
        if config["ENGINE"] == "django.db.backends.sqlite3":
            config["CONN_MAX_AGE"] = 0
            config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
        return config
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": default_sqlite,
        "OPTIONS": dict(SQLITE_OPTIONS),
    }


DATABASES = {"default": database_from_env(BASE_DIR / "db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def cache_from_env() -> dict:
    """REDIS_URL gives a cache shared by every app server (rate limits, sessions)."""
    url = os.environ.get("REDIS_URL")
    if url:
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": url,
                "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "consult"),
            }
        }
    return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


CACHES = cache_from_env()
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}
# Embed each submitted or published text in a background task (analysis/services/vectors.py).
SENTENCE_VECTORS_ON_SUBMIT = True
# Results reach public pages only from an approved run with at least this many items an
# analyst reviewed by hand (analysis/services/publication.py).
PUBLICATION_MIN_REVIEWED = int(os.environ.get("PUBLICATION_MIN_REVIEWED", "50"))

# Machine translation of what residents wrote (participation/translations/backends.py): off
# unless a backend is named. "libretranslate" (a server the city runs; URL required) or
# "google" (Cloud Translation Basic; API_KEY required). What leaves the server when it is on:
# docs/data-protection.md.
MACHINE_TRANSLATION = {
    "BACKEND": os.environ.get("MACHINE_TRANSLATION_BACKEND", ""),
    "URL": os.environ.get("MACHINE_TRANSLATION_URL", ""),
    "API_KEY": os.environ.get("MACHINE_TRANSLATION_API_KEY", ""),
    "TARGET_LANGUAGES": ["en"],
    "BATCH_SIZE": 50,
    "MAX_ATTEMPTS": 5,
}

# django-rules first: each app's rules.py answers user.has_perm() for its own permissions, so
# Wagtail's views and the project's agree; database permissions (groups) still count.
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation. Django ships no Somali, Tagalog or Amharic: register them.
for _code, _info in EXTRA_LANG_INFO.items():
    LANG_INFO.setdefault(_code, _info)

LANGUAGE_CODE = "en"
LANGUAGES = [(code, name) for code, name, _local, _bidi in LANGUAGE_TABLE]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "config" / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "America/Los_Angeles")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"

WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Customer Bill of Rights")
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf", "txt", "xlsx"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False

LOGIN_URL = "wagtailadmin_login"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "consultation@localhost")
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"

# Hashing secret for values we must compare but never keep (addresses behind rate limits).
PSEUDONYM_KEY = os.environ.get("PSEUDONYM_KEY", "")

# Security headers on every response. Resident pages load scripts and styles from this origin
# only (no inline code); the Wagtail admin's widgets need inline scripts, so /admin/ gets its
# own policy, still limited to this origin.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
MEDIA_ORIGINS = [o for o in os.environ.get("MEDIA_ORIGINS", "").split(",") if o.strip()]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *MEDIA_ORIGINS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
ADMIN_PATH_PREFIX = "/admin/"
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *MEDIA_ORIGINS],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
WAGTAIL_GRAVATAR_PROVIDER_URL = None
CSRF_FAILURE_VIEW = "config.errors.csrf_failure"

# Rate limits counted in the shared cache by participation/ratelimit.py: entries with a path are
# applied by config/ratelimit.py to every request; the others are counted by the views that send
# residents' comments, status lookups and survey responses. The client address is the
# RATE_LIMIT_TRUSTED_PROXIES-th entry from the right of X-Forwarded-For (0: REMOTE_ADDR).
RATE_LIMIT_TRUSTED_PROXIES = int(os.environ.get("RATE_LIMIT_TRUSTED_PROXIES", "0"))
# Whether a proxy (load balancer, TLS terminator) is in front: "true" or "false"; unset means
# "judge by the proxy header settings". config/checks.py warns when the two disagree.
BEHIND_PROXY = {"true": True, "false": False}.get(os.environ.get("BEHIND_PROXY", "").lower())
RATE_LIMITS = {
    "comment": {"limit": 10, "window": 600},
    # A kiosk (library PC, meeting tablet) counts its comments per kiosk, not per address.
    "kiosk-comment": {"limit": 200, "window": 3600},
    "status": {"limit": 60, "window": 600},
    "survey-response": {"limit": 10, "window": 3600},
    # One resident votes on many statements: a vote is a click, not a text to moderate.
    "vote": {"limit": 300, "window": 600},
    "meeting-signup": {"limit": 10, "window": 3600},
    # The open data API (analysis/opendata): pages and whole-file downloads per address.
    "open-data": {"limit": int(os.environ.get("OPEN_DATA_LIMIT", "120")), "window": 60},
    "open-data-download": {"limit": 20, "window": 3600},
    "admin-login": {
        "path": r"^/admin/login/$",
        "methods": ("POST",),
        "limit": int(os.environ.get("ADMIN_LOGIN_LIMIT", "10")),
        "window": 300,
    },
}

# Open data (analysis/opendata): the licence every answer and download names, and the fewest
# published comments a district needs before the open data names it.
OPEN_DATA_LICENCE = {
    "name": os.environ.get("OPEN_DATA_LICENCE_NAME", "CC BY 4.0"),
    "url": os.environ.get("OPEN_DATA_LICENCE_URL", "https://creativecommons.org/licenses/by/4.0/"),
}
OPEN_DATA_MIN_GROUP_SIZE = int(os.environ.get("OPEN_DATA_MIN_GROUP_SIZE", "10"))

# Anonymous public pages kept in the shared cache (config/pagecache.py); 0 turns it off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "60"))
PAGE_CACHE_LOCAL_SECONDS = float(os.environ.get("PAGE_CACHE_LOCAL_SECONDS", "1"))

# Readiness fails when the oldest runnable background task has waited longer than this.
HEALTH_MAX_WORKER_LAG = int(os.environ.get("HEALTH_MAX_WORKER_LAG", "300"))

LOGGING = logging_config(
    fmt=os.environ.get("LOG_FORMAT", "json"), level=os.environ.get("LOG_LEVEL", "INFO")
)

# Plain-language check: the city's thresholds per language, each key merged over the defaults
# in consultation/readability/profiles.py, e.g. {"en": {"sentence_length": 18}}.
READABILITY_THRESHOLDS: dict[str, dict[str, float]] = {}
