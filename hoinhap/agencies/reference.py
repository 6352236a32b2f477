"""Loads the agency directory (hoinhap/agencies/data/agencies.yaml) into the database, idempotently.

The file is read by the same loader the engines use (hoinhap.engines.text.agencies), so the
web app and the engines normalise agency names from one source.
"""

from __future__ import annotations

from django.db import transaction

from hoinhap.agencies.models import Agency
from hoinhap.core import audit
from hoinhap.core.models import AuditEntry
from hoinhap.engines.text.agencies import load_directory

FIELDS = ("name", "kind", "group", "aliases", "active", "abolished", "successor_note", "source")


@transaction.atomic
def load_agencies(directory=None) -> dict[str, int]:
    directory = directory or load_directory()
    existing = {a.code: a for a in Agency.objects.all()}
    created = updated = 0
    for entry in directory.agencies:
        values = {
            "name": entry.name,
            "kind": entry.kind,
            "group": entry.group or "",
            "aliases": list(entry.aliases),
            "active": entry.active,
            "abolished": entry.abolished,
            "successor_note": entry.successor_note or "",
            "source": entry.source or "",
        }
        agency = existing.get(entry.code)
        if agency is None:
            agency = Agency.objects.create(code=entry.code, **values)
            existing[entry.code] = agency
            audit.record(None, AuditEntry.Action.CREATE, agency, None, audit.snapshot(agency))
            created += 1
            continue
        before = audit.snapshot(agency)
        for name, value in values.items():
            setattr(agency, name, value)
        agency.save()
        if audit.record(None, AuditEntry.Action.UPDATE, agency, before, audit.snapshot(agency)):
            updated += 1
    # Links in a second pass: parents and successors may come later in the file.
    for entry in directory.agencies:
        agency = existing[entry.code]
        parent = existing[entry.parent] if entry.parent else None
        successor = existing[entry.successor] if entry.successor else None
        if agency.parent_id != getattr(parent, "pk", None) or agency.successor_id != getattr(
            successor, "pk", None
        ):
            before = audit.snapshot(agency)
            agency.parent, agency.successor = parent, successor
            agency.save(update_fields=["parent", "successor"])
            audit.record(None, AuditEntry.Action.UPDATE, agency, before, audit.snapshot(agency))
    return {"created": created, "updated": updated, "total": len(directory.agencies)}
