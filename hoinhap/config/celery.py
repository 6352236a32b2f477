"""The Celery app. Broker from CELERY_BROKER_URL (Redis in production, a folder in the embedded mode)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hoinhap.config.settings")

app = Celery("hoinhap")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
