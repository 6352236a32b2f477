from django import template
from django.utils.html import format_html

from hoinhap.tasks import status as st

register = template.Library()


@register.simple_tag
def status_badge(code):
    """The derived status as a badge with its exact label (Chưa đến hạn, Đang thực hiện, …)."""
    if not code:
        return ""
    return format_html(
        '<span class="badge {} status-{}">{}</span>', st.BADGES.get(code, ""), code, st.LABELS[code]
    )


@register.simple_tag
def period_badge(code):
    return format_html(
        '<span class="badge {}">{}</span>', st.PERIOD_BADGES.get(code, ""), st.PERIOD_LABELS[code]
    )


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None
