"""Reads shared by every area, already scoped to the person."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Count

from hoinhap.core.models import AuditEntry, Job
from hoinhap.core.scoping import scope


def audit_entries(user, actor=None, object_type=None, date_from=None, date_to=None):
    entries = scope(AuditEntry.objects.select_related("actor", "agency"), user)
    if actor:
        entries = entries.filter(actor_id=actor)
    if object_type:
        entries = entries.filter(object_type=object_type)
    if date_from:
        entries = entries.filter(at__date__gte=date_from)
    if date_to:
        entries = entries.filter(at__date__lte=date_to)
    return entries


def audit_object_types(user) -> list[str]:
    return list(
        scope(AuditEntry.objects.all(), user).order_by().values_list("object_type", flat=True).distinct()
    )


def audit_actors(user):
    ids = scope(AuditEntry.objects.all(), user).order_by().values_list("actor_id", flat=True).distinct()
    return get_user_model().objects.filter(pk__in=ids)


def jobs(user):
    return scope(Job.objects.select_related("created_by", "agency"), user)


def home_summary(user) -> dict:
    from hoinhap.agencies.models import Agency

    agencies = Agency.objects.filter(active=True).values("kind").annotate(n=Count("id")).order_by()
    counts = {row["kind"]: row["n"] for row in agencies}
    from hoinhap.core.home import widgets

    return {
        "widgets": widgets(user),
        "agency_counts": counts,
        "active_agencies": sum(counts.values()),
        "recent_jobs": jobs(user)[:5],
        "recent_changes": audit_entries(user)[:8] if (user.manages_people or user.sees_all_agencies) else [],
    }
