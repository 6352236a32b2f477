"""The audit log: every create, update and delete made through services is recorded here."""

from __future__ import annotations

import datetime
import decimal
import uuid

from django.db.models import Model
from django.db.models.fields.files import FieldFile

from hoinhap.core.models import AuditEntry
from hoinhap.core.scoping import agency_of

SECRET_FIELDS = {"password"}


def _jsonable(value):
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name or None
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return value


def snapshot(obj: Model) -> dict:
    """The concrete field values of ``obj`` (foreign keys as ids, secrets masked)."""
    data = {}
    for field in obj._meta.concrete_fields:
        if field.name in SECRET_FIELDS:
            data[field.name] = "••••"
            continue
        data[field.attname] = _jsonable(getattr(obj, field.attname))
    for field in obj._meta.many_to_many:
        if obj.pk:
            data[field.name] = sorted(getattr(obj, field.name).values_list("pk", flat=True))
    return data


def record(actor, action: str, obj: Model, before: dict | None, after: dict | None) -> AuditEntry | None:
    if action == AuditEntry.Action.UPDATE and before == after:
        return None
    agency_id = agency_of(obj)
    if agency_id is None and obj._meta.label == "agencies.Agency":
        agency_id = obj.pk
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        agency_id=agency_id,
        action=action,
        object_type=obj._meta.label,
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        before=before,
        after=after,
    )
