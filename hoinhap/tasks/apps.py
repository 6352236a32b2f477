from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "hoinhap.tasks"
    label = "tasks"
    verbose_name = "Chương trình hành động, nhiệm vụ"

    def ready(self):
        from hoinhap.tasks import jobs  # noqa: F401  (registers the reminder job handler)
