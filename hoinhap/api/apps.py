from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "hoinhap.api"
    verbose_name = "API"
