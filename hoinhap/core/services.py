"""Generic writes: validate, check scoping, save in a transaction, record the audit entry.

Area services call these (or follow the same steps) so that no write escapes the audit log.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Model

from hoinhap.core import audit
from hoinhap.core.models import AuditEntry
from hoinhap.core.scoping import WRITE, agency_path, require


def require_agency(actor, agency_id) -> None:
    """May ``actor`` create rows owned by ``agency_id``?"""
    if actor is None:
        return  # system loads (reference data, migrations)
    if actor.edits_all_agencies:
        return
    if not actor.may_write or agency_id is None or actor.agency_id != agency_id:
        raise PermissionDenied("Bạn chỉ được tạo dữ liệu của cơ quan mình.")


def _owner_id(obj: Model):
    path = agency_path(type(obj))
    if path is None:
        return None
    head, _, rest = path.partition("__")
    if not rest:
        return getattr(obj, f"{head}_id", None)
    parent = getattr(obj, head)
    for part in rest.split("__"):
        parent = getattr(parent, part)
    return getattr(parent, "pk", parent)


@transaction.atomic
def create(actor, obj: Model, m2m: dict | None = None) -> Model:
    if agency_path(type(obj)) is not None:
        require_agency(actor, _owner_id(obj))
    elif actor is not None and not actor.edits_all_agencies:
        raise PermissionDenied("Chỉ Cơ quan thường trực được tạo dữ liệu này.")
    obj.full_clean()
    obj.save()
    for name, values in (m2m or {}).items():
        getattr(obj, name).set(values)
    audit.record(actor, AuditEntry.Action.CREATE, obj, None, audit.snapshot(obj))
    return obj


@transaction.atomic
def update(actor, obj: Model, fields: dict, m2m: dict | None = None) -> Model:
    if actor is not None:
        require(actor, obj, WRITE)
    before = audit.snapshot(type(obj)._default_manager.get(pk=obj.pk))
    for name, value in fields.items():
        setattr(obj, name, value)
    if actor is not None and agency_path(type(obj)) is not None:
        require_agency(actor, _owner_id(obj))  # no moving a row into another agency
    obj.full_clean()
    obj.save()
    for name, values in (m2m or {}).items():
        getattr(obj, name).set(values)
    audit.record(actor, AuditEntry.Action.UPDATE, obj, before, audit.snapshot(obj))
    return obj


@transaction.atomic
def delete(actor, obj: Model) -> None:
    if actor is not None:
        require(actor, obj, WRITE)
    before = audit.snapshot(obj)
    audit.record(actor, AuditEntry.Action.DELETE, obj, before, None)
    obj.delete()
