"""Loads the policy basis catalogue (hoinhap/policy/data/catalogue.yaml) into the database, idempotently.

Rows are matched by their stable keys (document number, item and target code, link triple, observation
target + date). A missing row is created; a row that differs from the file is updated — unless a person
has changed it since (an audit entry with an actor): the secretariat's edit wins over the shipped data.
Nothing is ever deleted. Every create and update is recorded in the audit log (actor: the system).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache
from pathlib import Path

import yaml
from django.db import transaction

from hoinhap.agencies.models import Agency
from hoinhap.core import audit
from hoinhap.core.models import AuditEntry
from hoinhap.policy.models import DocumentLink, Observation, PolicyDocument, PolicyItem, Target

DATA = Path(__file__).resolve().parent / "data" / "catalogue.yaml"


@cache
def _read(path: str) -> dict:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def read_catalogue(path: str | Path | None = None) -> dict:
    return _read(str(path or DATA))


class _Sync:
    def __init__(self):
        self.counts = {"created": 0, "updated": 0, "kept": 0}
        self.edited = {
            (t, i)
            for t, i in AuditEntry.objects.filter(actor__isnull=False, object_type__startswith="policy.")
            .values_list("object_type", "object_id")
            .distinct()
        }

    def put(self, model, lookup: dict, values: dict):
        obj = model._default_manager.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup, **values)
            obj.save()
            audit.record(None, AuditEntry.Action.CREATE, obj, None, audit.snapshot(obj))
            self.counts["created"] += 1
            return obj
        if (obj._meta.label, str(obj.pk)) in self.edited:
            self.counts["kept"] += 1
            return obj
        before = audit.snapshot(obj)
        for name, value in values.items():
            setattr(obj, name, value)
        obj.save()
        if audit.record(None, AuditEntry.Action.UPDATE, obj, before, audit.snapshot(obj)):
            self.counts["updated"] += 1
        return obj


def _dec(value) -> Decimal | None:
    """Two decimals, as the database keeps them (so an unchanged value is not an update)."""
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))


@transaction.atomic
def load_catalogue(path: str | Path | None = None) -> dict[str, int]:
    data = read_catalogue(path)
    labels = {key: source["label"] for key, source in data["sources"].items()}
    sync = _Sync()
    documents: dict[str, PolicyDocument] = {}
    for position, entry in enumerate(data["documents"], start=1):
        documents[entry["number"]] = sync.put(
            PolicyDocument,
            {"number": entry["number"]},
            {
                "short_name": entry.get("short_name") or "",
                "kind": entry["kind"],
                "issuer": entry["issuer"],
                "date": entry.get("date"),
                "title": entry["title"],
                "status": entry.get("status") or PolicyDocument.Status.IN_FORCE,
                "note": entry.get("note") or "",
                "quote": entry.get("quote") or "",
                "source": f"{labels[entry['seed']]}, mục {entry['section']}" if entry.get("seed") else "",
                "position": position * 10,
            },
        )
    for entry in data.get("links", []):
        sync.put(
            DocumentLink,
            {
                "source": documents[entry["source"]],
                "relation": entry["relation"],
                "target": documents[entry["target"]],
            },
            {
                "quote": entry.get("quote") or "",
                "source_text": labels[entry["seed"]] if entry.get("seed") else "",
            },
        )
    items: dict[str, PolicyItem] = {}
    for position, entry in enumerate(data["items"], start=1):
        items[entry["code"]] = sync.put(
            PolicyItem,
            {"code": entry["code"]},
            {
                "document": documents[entry["document"]],
                "parent": items[entry["parent"]] if entry.get("parent") else None,
                "kind": entry["kind"],
                "pillar": entry.get("pillar"),
                "title": entry["title"],
                "text": entry.get("text") or "",
                "quote": entry["quote"],
                "source": labels[entry["seed"]],
                "section": entry.get("section") or "",
                "position": position * 10,
            },
        )
    agencies = {a.code: a for a in Agency.objects.filter(code__in=[t.get("agency") for t in data["targets"]])}
    targets: dict[str, Target] = {}
    for position, entry in enumerate(data["targets"], start=1):
        agency = agencies.get(entry.get("agency"))
        targets[entry["code"]] = sync.put(
            Target,
            {"code": entry["code"]},
            {
                "item": items[entry["item"]],
                "indicator": entry["indicator"],
                "unit": entry["unit"],
                "comparator": entry.get("comparator") or "",
                "goal": _dec(entry.get("goal")),
                "target_year": entry.get("target_year"),
                "baseline_year": entry["baseline_year"],
                "baseline_value": _dec(entry.get("baseline_value")),
                "responsible_agency": agency,
                "responsibility_note": "Theo chức năng quản lý nhà nước; các văn bản mẫu không giao cơ quan."
                if agency
                else "",
                "quote": entry.get("quote") or "",
                "source": labels[entry["seed"]] if entry.get("seed") else "",
                "section": entry.get("section") or "",
                "note": entry.get("note") or "",
                "position": position * 10,
            },
        )
    for entry in data.get("observations", []):
        date = entry["date"] if isinstance(entry["date"], dt.date) else dt.date.fromisoformat(entry["date"])
        sync.put(
            Observation,
            {"target": targets[entry["target"]], "date": date},
            {
                "value": _dec(entry["value"]),
                "source": labels[entry["seed"]],
                "quote": entry.get("quote") or "",
                "note": entry.get("note") or "",
            },
        )
    return {
        **sync.counts,
        "documents": len(documents),
        "items": len(items),
        "targets": len(targets),
        "observations": len(data.get("observations", [])),
    }
