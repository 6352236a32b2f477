"""Agency scoping: the one place that decides which rows a person may see and change.

Every selector, view, API endpoint, export and search goes through ``scope``/``get_scoped``.
A model opts in by having an ``agency_field`` (the lookup path to its owning agency, e.g.
"agency" or "task__agency"); ``AgencyOwned`` sets it. Rules (SPEC "Users"):
- the secretariat sees and edits everything;
- observers read everything and change nothing;
- everyone else sees and edits only their own agency's rows (the officer's finer rights are
  the area's business, checked after scoping).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404

READ = "read"
WRITE = "write"


def agency_path(model: type[Model]) -> str | None:
    return getattr(model, "agency_field", None)


def agency_of(obj: Model):
    """The agency id that owns ``obj`` (None for rows nobody owns)."""
    path = agency_path(type(obj))
    if path is None:
        return None
    value = obj
    for part in path.split("__"):
        value = getattr(value, part, None)
        if value is None:
            return None
    return value.pk if isinstance(value, Model) else value


def scope(queryset: QuerySet, user, mode: str = READ) -> QuerySet:
    """Restrict ``queryset`` to what ``user`` may read (or write)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return queryset.none()
    path = agency_path(queryset.model)
    if user.sees_all_agencies and (mode == READ or user.edits_all_agencies):
        return queryset
    if mode == WRITE and not user.may_write:
        return queryset.none()
    if path is None:
        # Not agency-owned: readable by every signed-in person, writable only by the secretariat.
        return queryset if mode == READ else queryset.none()
    if not user.agency_id:
        return queryset.none()
    return queryset.filter(**{path: user.agency_id})


def get_scoped(queryset_or_model, user, mode: str = READ, **lookup):
    """One object the user may read (or write), else 404 — never a hint that it exists."""
    queryset = (
        queryset_or_model if isinstance(queryset_or_model, QuerySet) else queryset_or_model._default_manager
    )
    queryset = queryset.all() if not isinstance(queryset, QuerySet) else queryset
    try:
        return scope(queryset, user, mode).get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404 from None


def can(user, obj: Model, mode: str = READ) -> bool:
    model = type(obj)
    return scope(model._default_manager.filter(pk=obj.pk), user, mode).exists()


def require(user, obj: Model, mode: str = WRITE) -> None:
    """For services: refuse a change the user is not allowed to make."""
    if not can(user, obj, mode):
        raise PermissionDenied("Bạn không có quyền thay đổi dữ liệu này.")
