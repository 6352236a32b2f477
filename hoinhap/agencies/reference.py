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
    before = {code: audit.snapshot(a) for code, a in existing.items()}
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
            existing[entry.code] = Agency.objects.create(code=entry.code, **values)
        elif any(getattr(agency, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(agency, name, value)
            agency.save()
    # Links in a second pass: parents and successors may come later in the file.
    for entry in directory.agencies:
        agency = existing[entry.code]
        parent_id = existing[entry.parent].pk if entry.parent else None
        successor_id = existing[entry.successor].pk if entry.successor else None
        if (agency.parent_id, agency.successor_id) != (parent_id, successor_id):
            agency.parent_id, agency.successor_id = parent_id, successor_id
            agency.save(update_fields=["parent", "successor"])
    # One audit entry per agency created or changed by this load, with its final state.
    created = updated = 0
    for entry in directory.agencies:
        agency = existing[entry.code]
        after = audit.snapshot(agency)
        if entry.code not in before:
            audit.record(None, AuditEntry.Action.CREATE, agency, None, after)
            created += 1
        elif audit.record(None, AuditEntry.Action.UPDATE, agency, before[entry.code], after):
            updated += 1
    return {"created": created, "updated": updated, "total": len(directory.agencies)}
