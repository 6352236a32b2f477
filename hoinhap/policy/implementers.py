"""What implements a policy item: the sections of the item page ("everything that implements it").

Targets are this app's own. Every other area that links its rows to ``policy.PolicyItem`` (tasks through
a ManyToMany, findings, commitments…) appears on the item page without editing this app: the page
discovers the reverse relations of PolicyItem, reads the rows through agency scoping (a person sees
only what they may see) and shows each section only when the relation exists and has rows. An area may
register a function to present its rows differently (label, link, status):

    from hoinhap.policy import implementers
    implementers.register("tasks.Task", lambda obj: implementers.Row(str(obj), obj.get_absolute_url(), …))
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Model
from django.urls import NoReverseMatch

from hoinhap.core.scoping import scope

LIMIT = 200


@dataclass
class Row:
    label: str
    url: str | None = None
    status: str | None = None
    extra: str | None = None


@dataclass
class Section:
    key: str
    title: str
    rows: list[Row] = field(default_factory=list)
    total: int = 0


_PRESENTERS: dict[str, Callable[[Model], Row]] = {}


def register(model_label: str, presenter: Callable[[Model], Row]) -> None:
    """Present rows of ``model_label`` ("app.Model") with ``presenter(obj) -> Row``."""
    _PRESENTERS[model_label] = presenter


def _url(obj) -> str | None:
    getter = getattr(obj, "get_absolute_url", None)
    if getter is None:
        return None
    try:
        return getter()
    except NoReverseMatch:
        return None


def _status(obj) -> str | None:
    for name in ("status_label", "get_status_display", "get_state_display"):
        value = getattr(obj, name, None)
        if value is None:
            continue
        value = value() if callable(value) else value
        if value:
            return str(value)
    return None


def default_row(obj) -> Row:
    return Row(label=str(obj), url=_url(obj), status=_status(obj))


def sections(item, user) -> list[Section]:
    """The other areas' rows that point at ``item``, scoped to ``user``; empty relations are left out."""
    found = []
    for rel in type(item)._meta.related_objects:
        model = rel.related_model
        if model._meta.app_label == "policy":
            continue
        qs = scope(model._default_manager.filter(**{rel.field.name: item}).distinct(), user)
        total = qs.count()
        if not total:
            continue
        present = _PRESENTERS.get(model._meta.label, default_row)
        found.append(
            Section(
                key=model._meta.label_lower,
                title=str(model._meta.verbose_name_plural),
                rows=[present(obj) for obj in qs[:LIMIT]],
                total=total,
            )
        )
    return found
