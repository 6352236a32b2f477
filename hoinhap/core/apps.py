from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "hoinhap.core"
    verbose_name = "Nền tảng"

    def ready(self):
        from hoinhap.core import job_handlers  # noqa: F401  (registers the handlers)
