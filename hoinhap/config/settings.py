"""Django settings, all from the environment (see README, "Cấu hình")."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hoinhap.config.env import (
    SettingsError,
    database_config,
    email_config,
    env_bool,
    env_int,
    env_list,
)

BASE_DIR = Path(__file__).resolve().parents[2]
PACKAGE_DIR = BASE_DIR / "hoinhap"
VAR_DIR = Path(os.environ.get("HOINHAP_VAR_DIR", BASE_DIR / "var"))

DEBUG = env_bool("DEBUG", False)
# Under pytest (or HOINHAP_TESTING=1): insecure key allowed, jobs run eagerly, demo logins allowed.
TESTING = env_bool("HOINHAP_TESTING", "pytest" in sys.modules)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG or TESTING:
        SECRET_KEY = "hoinhap-insecure-development-key-do-not-use-in-production"
    else:
        raise SettingsError("Thiếu SECRET_KEY: đặt biến môi trường SECRET_KEY (hoặc DEBUG=1 khi phát triển).")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG or TESTING else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "hoinhap.core",
    "hoinhap.agencies",
    "hoinhap.policy",
    "hoinhap.tasks",
    "hoinhap.conclusions",
    "hoinhap.api",
    "hoinhap.reviews",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "hoinhap.core.middleware.VietnameseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "hoinhap.core.middleware.LoginRequiredMiddleware",
]

ROOT_URLCONF = "hoinhap.config.urls"
WSGI_APPLICATION = "hoinhap.config.wsgi.application"
ASGI_APPLICATION = "hoinhap.config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hoinhap.core.context_processors.navigation",
            ],
        },
    }
]

DATABASES = {"default": database_config(os.environ.get("DATABASE_URL"), BASE_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "agencies.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast tests; never in production

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese first, English available.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
FORMAT_MODULE_PATH = ["hoinhap.config.formats"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Ho_Chi_Minh")
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING
if WHITENOISE_USE_FINDERS:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# Uploads: refused above this size (bytes) before being read whole.
HOINHAP_MAX_UPLOAD_BYTES = env_int("HOINHAP_MAX_UPLOAD_MB", 50) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

globals().update(email_config())
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "hoinhap <khong-tra-loi@hoinhap.local>")

# Background work. Production: CELERY_BROKER_URL=redis://…; embedded default: Celery's filesystem
# transport in var/queue, consumed by the worker that `hoinhap embedded` starts (no broker process).
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "filesystem://")
QUEUE_DIR = VAR_DIR / "queue"
if CELERY_BROKER_URL.startswith("filesystem"):
    for sub in ("in", "processed", "control"):
        (QUEUE_DIR / sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(QUEUE_DIR / "in"),
        "data_folder_out": str(QUEUE_DIR / "in"),
        "processed_folder": str(QUEUE_DIR / "processed"),
        "store_processed": False,
        "control_folder": str(QUEUE_DIR / "control"),
    }
elif not CELERY_BROKER_URL.startswith(("redis://", "rediss://", "amqp://", "memory://")):
    raise SettingsError(f"CELERY_BROKER_URL không hợp lệ ({CELERY_BROKER_URL!r}): dùng redis://máy:cổng/số.")
# Results only for tasks that return data (screening chunks); Redis beside a Redis broker, else files.
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND") or (
    CELERY_BROKER_URL
    if CELERY_BROKER_URL.startswith(("redis://", "rediss://"))
    else f"file://{VAR_DIR / 'results'}"
)
if CELERY_RESULT_BACKEND.startswith("file://"):
    (VAR_DIR / "results").mkdir(parents=True, exist_ok=True)
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", TESTING)
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_IGNORE_RESULT = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_TIMEZONE = TIME_ZONE
# Daily reminder run (đôn đốc, hoinhap/tasks/reminders.py) at HOINHAP_REMINDER_HOUR local time (default 7).
CELERY_BEAT_SCHEDULE = {
    "nhac-viec-hang-ngay": {
        "task": "hoinhap.tasks.remind_daily",
        "schedule": __import__("celery.schedules").schedules.crontab(
            hour=env_int("HOINHAP_REMINDER_HOUR", 7), minute=0
        ),
    },
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {"TITLE": "hoinhap API", "VERSION": "1", "SERVE_INCLUDE_SCHEMA": False}

SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG and not TESTING)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_PROXY", False) else None

# Demo data (and its logins) exist only where DEBUG is on.
HOINHAP_DEMO_LOGINS_ALLOWED = DEBUG or TESTING

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

AUTHENTICATION_BACKENDS = ["hoinhap.agencies.backends.AgencyAuthBackend"]
