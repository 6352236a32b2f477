from __future__ import annotations

from django.db.models import Case, IntegerField, Q, Value, When

from hoinhap.agencies.models import Agency, User
from hoinhap.core.scoping import scope
from hoinhap.engines.text import fold

# The order in which the guidance (seed 000) addresses the bodies: central government first.
KIND_ORDER = [
    Agency.Kind.MINISTRY,
    Agency.Kind.MINISTERIAL_AGENCY,
    Agency.Kind.GOVERNMENT_AGENCY,
    Agency.Kind.PEOPLE_COMMITTEE,
    Agency.Kind.PEOPLE_COUNCIL,
    Agency.Kind.PROVINCE,
    Agency.Kind.COURT,
    Agency.Kind.PROCURACY,
    Agency.Kind.AUDIT,
    Agency.Kind.FRONT,
    Agency.Kind.NA_BODY,
    Agency.Kind.OFFICE,
    Agency.Kind.OTHER,
    Agency.Kind.PARTY_BODY,
]


def agencies(user, q: str | None = None, kind: str | None = None, include_inactive: bool = False):
    qs = scope(Agency.objects.select_related("parent", "successor"), user)
    order = Case(
        *[When(kind=kind, then=Value(i)) for i, kind in enumerate(KIND_ORDER)],
        default=Value(len(KIND_ORDER)),
        output_field=IntegerField(),
    )
    qs = qs.annotate(kind_order=order).order_by("kind_order", "name")
    if not include_inactive:
        qs = qs.filter(active=True)
    if kind:
        qs = qs.filter(kind=kind)
    if q:
        folded = fold(q.strip())
        rows = qs.values_list("pk", "name", "code", "aliases")
        qs = qs.filter(pk__in=[pk for pk, *names in rows if _matches(names, folded)])
    return qs


def _matches(names, folded_query: str) -> bool:
    name, code, aliases = names
    haystack = " | ".join([name, code, *(aliases or [])])
    return folded_query in fold(haystack)


def people(user, q: str | None = None, agency_id: int | None = None, role: str | None = None):
    qs = scope(User.objects.select_related("agency"), user)
    if agency_id:
        qs = qs.filter(agency_id=agency_id)
    if role:
        qs = qs.filter(role=role)
    if q:
        qs = qs.filter(
            Q(username__icontains=q)
            | Q(first_name__icontains=q)
            | Q(last_name__icontains=q)
            | Q(email__icontains=q)
        )
    return qs


def assignable_agencies(user):
    """Agencies a person may put people into: all for the secretariat, their own for a focal point."""
    qs = Agency.objects.filter(active=True)
    if user.edits_all_agencies:
        return qs
    return qs.filter(pk=user.agency_id)
