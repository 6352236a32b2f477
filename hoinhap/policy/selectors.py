"""Reads of the policy catalogue, every one through agency scoping (the catalogue is readable by all)."""

from __future__ import annotations

from django.db.models import Prefetch, Q

from hoinhap.core.scoping import scope
from hoinhap.engines.text import fold
from hoinhap.policy.models import DocumentLink, Observation, PolicyDocument, PolicyItem, Target

CROSS_CUTTING = "0"  # the pillar filter's value for items of every pillar


def documents(user):
    return scope(PolicyDocument.objects.all(), user).prefetch_related("links_out__target", "links_in__source")


def items(user, q: str | None = None, pillar: str | None = None, document_id=None, kind: str | None = None):
    """Items matching a Vietnamese-aware query (with or without diacritics, either tone placement)."""
    qs = scope(PolicyItem.objects.select_related("document", "parent"), user)
    if document_id:
        qs = qs.filter(document_id=document_id)
    if kind:
        qs = qs.filter(kind=kind)
    if pillar == CROSS_CUTTING:
        qs = qs.filter(pillar__isnull=True)
    elif pillar in {"1", "2", "3"}:
        qs = qs.filter(pillar=int(pillar))
    for word in fold(q or "").split():
        qs = qs.filter(search_text__contains=word)
    return qs


def tree(user, q: str | None = None, pillar: str | None = None):
    """[(document, [(item, depth), …])] — the whole tree, or the matching items with their ancestors."""
    docs = list(documents(user))
    all_items = list(items(user))
    filtered = bool((q or "").strip() or pillar)
    matched = {i.pk for i in items(user, q, pillar)} if filtered else None
    by_parent: dict[int | None, list[PolicyItem]] = {}
    by_pk = {i.pk: i for i in all_items}
    for item in all_items:
        by_parent.setdefault(item.parent_id, []).append(item)
    keep = None
    if filtered:
        keep = set(matched)
        for pk in matched:
            node = by_pk[pk].parent_id
            while node is not None and node not in keep:
                keep.add(node)
                node = by_pk[node].parent_id
    result = []
    for doc in docs:
        rows: list[tuple[PolicyItem, int, bool]] = []

        def walk(parent_id, depth, doc_id=doc.pk, rows=rows):
            for item in by_parent.get(parent_id, []):
                if item.document_id != doc_id or (keep is not None and item.pk not in keep):
                    continue
                rows.append((item, depth, matched is None or item.pk in matched))
                walk(item.pk, depth + 1)

        walk(None, 0)
        doc_matches = (
            filtered
            and (q or "").strip()
            and all(w in doc.search_text for w in fold(q or "").split())
            and not pillar
        )
        if rows or not filtered or doc_matches:
            result.append((doc, rows))
    return result, (len(matched) if matched is not None else len(all_items))


def document_detail(user, document: PolicyDocument):
    doc_items = list(items(user, document_id=document.pk))
    depth: dict[int, int] = {}
    by_parent: dict[int | None, list[PolicyItem]] = {}
    for item in doc_items:
        by_parent.setdefault(item.parent_id, []).append(item)
    rows = []

    def walk(parent_id, level):
        for item in by_parent.get(parent_id, []):
            depth[item.pk] = level
            rows.append((item, level))
            walk(item.pk, level + 1)

    walk(None, 0)
    links_out = scope(DocumentLink.objects.filter(source=document).select_related("target"), user)
    links_in = scope(DocumentLink.objects.filter(target=document).select_related("source"), user)
    targets_qs = targets(user).filter(item__document=document)
    return {"rows": rows, "links_out": links_out, "links_in": links_in, "targets": with_progress(targets_qs)}


def targets(user, pillar: str | None = None):
    qs = scope(Target.objects.select_related("item__document", "responsible_agency"), user)
    if pillar == CROSS_CUTTING:
        qs = qs.filter(item__pillar__isnull=True)
    elif pillar in {"1", "2", "3"}:
        qs = qs.filter(item__pillar=int(pillar))
    return qs.prefetch_related(Prefetch("observations", queryset=Observation.objects.order_by("date", "id")))


def with_progress(qs):
    """[(target, assessment, latest observation)] with the derived status of each target."""
    out = []
    for target in qs:
        observations = list(target.observations.all())
        out.append((target, target.progress(observations), observations[-1] if observations else None))
    return out


def observations(user, target: Target):
    return scope(Observation.objects.filter(target=target), user).order_by("date", "id")


def search_documents(user, q: str):
    qs = scope(PolicyDocument.objects.all(), user)
    for word in fold(q or "").split():
        qs = qs.filter(Q(search_text__contains=word))
    return qs
