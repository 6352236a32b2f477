"""Writes of the policy catalogue: secretariat only, validated, in a transaction, audited.

Everything goes through hoinhap.core.services (create/update/delete), which refuses any role but the
secretariat for rows no agency owns, runs ``full_clean`` (the models' Vietnamese messages) and records
the audit entry. Nothing is saved when a check fails.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max

from hoinhap.core import services
from hoinhap.policy.models import DocumentLink, Observation, PolicyDocument, PolicyItem, Target

ONLY_SECRETARIAT = "Chỉ Cơ quan thường trực được thay đổi danh mục căn cứ chủ trương."


def _require_secretariat(actor) -> None:
    if actor is not None and not actor.edits_all_agencies:
        raise PermissionDenied(ONLY_SECRETARIAT)


@transaction.atomic
def create_document(actor, **fields) -> PolicyDocument:
    _require_secretariat(actor)
    return services.create(actor, PolicyDocument(**fields))


@transaction.atomic
def update_document(actor, document: PolicyDocument, **fields) -> PolicyDocument:
    _require_secretariat(actor)
    return services.update(actor, document, fields)


@transaction.atomic
def add_link(actor, source: PolicyDocument, relation: str, target: PolicyDocument, **fields) -> DocumentLink:
    """``source`` supersedes / implements / updates ``target``; a superseded target changes status."""
    _require_secretariat(actor)
    link = services.create(actor, DocumentLink(source=source, relation=relation, target=target, **fields))
    if relation == DocumentLink.Relation.SUPERSEDES and target.status != PolicyDocument.Status.SUPERSEDED:
        services.update(actor, target, {"status": PolicyDocument.Status.SUPERSEDED})
    return link


@transaction.atomic
def remove_link(actor, link: DocumentLink) -> None:
    _require_secretariat(actor)
    services.delete(actor, link)


@transaction.atomic
def create_item(actor, **fields) -> PolicyItem:
    _require_secretariat(actor)
    if not fields.get("position") and fields.get("document") is not None:
        last = fields["document"].items.aggregate(m=Max("position"))["m"] or 0
        fields["position"] = last + 10
    return services.create(actor, PolicyItem(**fields))


@transaction.atomic
def update_item(actor, item: PolicyItem, **fields) -> PolicyItem:
    _require_secretariat(actor)
    return services.update(actor, item, fields)


@transaction.atomic
def create_target(actor, **fields) -> Target:
    _require_secretariat(actor)
    if not fields.get("position"):
        fields["position"] = (Target.objects.aggregate(m=Max("position"))["m"] or 0) + 10
    return services.create(actor, Target(**fields))


@transaction.atomic
def update_target(actor, target: Target, **fields) -> Target:
    _require_secretariat(actor)
    return services.update(actor, target, fields)


@transaction.atomic
def add_observation(actor, target: Target, **fields) -> Observation:
    _require_secretariat(actor)
    return services.create(actor, Observation(target=target, **fields))


@transaction.atomic
def delete_observation(actor, observation: Observation) -> None:
    _require_secretariat(actor)
    services.delete(actor, observation)
