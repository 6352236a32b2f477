"""Agency <option>s built once in Python: a proposal has three agency selects per row (~150 agencies each)."""

from __future__ import annotations

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def agency_options(agencies, value, empty: str = ""):
    """``agencies``: [(pk, name)]; ``value``: the bound field value (a pk, a list of pks or of agencies)."""
    values = value if isinstance(value, list | tuple) else [value]
    chosen = {str(getattr(v, "pk", v)) for v in values if v not in (None, "")}
    parts = [f'<option value="">{escape(empty)}</option>'] if empty else []
    for pk, name in agencies:
        selected = " selected" if str(pk) in chosen else ""
        parts.append(f'<option value="{pk}"{selected}>{escape(name)}</option>')
    return mark_safe("".join(parts))  # noqa: S308 - every piece escaped above
