"""Reads of "meeting conclusions into tasks", scoped to the person (hoinhap.core.scoping)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q

from hoinhap.agencies.models import Agency
from hoinhap.conclusions.models import Notice, ProposedTask
from hoinhap.core.scoping import READ, scope


def notices(user, mode: str = READ):
    return (
        scope(Notice.objects.all(), user, mode)
        .select_related("agency", "created_by", "source")
        .annotate(
            row_count=Count("rows"),
            confirmed_count=Count("rows", filter=Q(rows__state=ProposedTask.State.CONFIRMED)),
        )
        .order_by("-created_at", "-id")
    )


def agency_choices() -> list[tuple[int, str]]:
    """Active agencies for the lead, joint-lead and coordinator selects."""
    return list(Agency.objects.filter(active=True).order_by("name").values_list("pk", "name"))


def rows(notice: Notice):
    return notice.rows.select_related("lead").prefetch_related(
        Prefetch("co_leads", queryset=Agency.objects.order_by("name")),
        Prefetch("coordinators", queryset=Agency.objects.order_by("name")),
    )


def counts(notice: Notice) -> dict:
    c = {s: 0 for s in ProposedTask.State.values}
    for state, n in notice.rows.values_list("state").annotate(n=Count("id")):
        c[state] = n
    return c


@dataclass
class Segment:
    text: str
    rows: list[int] = field(default_factory=list)  # pks of the rows whose quote covers this piece
    first_of: list[int] = field(default_factory=list)  # rows whose quote starts here (anchor ids)

    @property
    def classes(self) -> str:
        return " ".join(f"q-{pk}" for pk in self.rows)


def segments(text: str, row_list) -> list[Segment]:
    """The notice text cut at every quote boundary, each piece with the rows that quote it."""
    spans = [
        (r.pk, max(0, r.quote_start), min(len(text), r.quote_end))
        for r in row_list
        if r.quote_end > r.quote_start
    ]
    cuts = sorted({0, len(text), *(s for _, s, _ in spans), *(e for _, _, e in spans)})
    out = []
    started: set[int] = set()
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a >= b:
            continue
        covering = [pk for pk, s, e in spans if s <= a and b <= e]
        first = [pk for pk in covering if pk not in started]
        started.update(first)
        out.append(Segment(text[a:b], covering, first))
    return out
