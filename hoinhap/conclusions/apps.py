from django.apps import AppConfig


class ConclusionsConfig(AppConfig):
    name = "hoinhap.conclusions"
    label = "conclusions"
    verbose_name = "Kết luận cuộc họp thành nhiệm vụ"
