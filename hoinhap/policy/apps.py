from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PolicyConfig(AppConfig):
    name = "hoinhap.policy"
    label = "policy"
    verbose_name = _("Căn cứ chủ trương")
    default_auto_field = "django.db.models.BigAutoField"
