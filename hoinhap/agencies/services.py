"""Writes of the agencies area: every one audited, validated and scoped."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from hoinhap.agencies.models import Agency, Role, User
from hoinhap.core import audit, services
from hoinhap.core.models import AuditEntry


def _require_people_manager(actor, agency_id) -> None:
    if not actor.manages_people:
        raise PermissionDenied("Chỉ Đầu mối của cơ quan hoặc Cơ quan thường trực được quản lý người dùng.")
    services.require_agency(actor, agency_id)


def _check_role(actor, role: str) -> None:
    if role in {Role.SECRETARIAT, Role.OBSERVER} and not actor.edits_all_agencies:
        raise PermissionDenied("Chỉ Cơ quan thường trực được giao vai trò này.")


@transaction.atomic
def create_person(actor, *, username: str, password: str, agency: Agency | None, role: str, **fields) -> User:
    _require_people_manager(actor, agency.pk if agency else None)
    _check_role(actor, role)
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": "Tên đăng nhập đã được dùng."})
    person = User(username=username, agency=agency, role=role, **fields)
    person.set_password(password)
    return services.create(actor, person)


@transaction.atomic
def update_person(actor, person: User, **fields) -> User:
    _require_people_manager(actor, person.agency_id)
    if "role" in fields:
        _check_role(actor, fields["role"])
    if person.pk == actor.pk and fields.get("is_active") is False:
        raise ValidationError("Bạn không thể tự khóa tài khoản của mình.")
    return services.update(actor, person, fields)


@transaction.atomic
def set_password(actor, person: User, password: str) -> None:
    if person.pk != actor.pk:
        _require_people_manager(actor, person.agency_id)
    before = audit.snapshot(person)
    person.set_password(password)
    person.save(update_fields=["password"])
    after = dict(before, password="•••• (đã đổi)")
    audit.record(actor, AuditEntry.Action.UPDATE, person, before, after)


@transaction.atomic
def update_agency(actor, agency: Agency, **fields) -> Agency:
    if not actor.edits_all_agencies:
        raise PermissionDenied("Chỉ Cơ quan thường trực được sửa danh mục cơ quan.")
    return services.update(actor, agency, fields)


@transaction.atomic
def create_agency(actor, **fields) -> Agency:
    if not actor.edits_all_agencies:
        raise PermissionDenied("Chỉ Cơ quan thường trực được thêm cơ quan.")
    return services.create(actor, Agency(**fields))
