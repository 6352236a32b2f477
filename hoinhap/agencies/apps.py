from django.apps import AppConfig


class AgenciesConfig(AppConfig):
    name = "hoinhap.agencies"
    verbose_name = "Cơ quan, người dùng"
