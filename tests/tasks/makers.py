"""Rows of the tasks area owned by a given agency, for the scoping walk (tests/factories.OWNED_ROW_MAKERS).

The walk's other-agency rows belong to Bộ Tư pháp; none has Bộ Công Thương as a coordinator, so a BCT
person must not read any of them (coordinators' reading is tested in tests/tasks/test_scoping.py).
"""

from __future__ import annotations

import datetime as dt

from hoinhap.agencies.models import Agency
from hoinhap.tasks.models import Coordination, Evidence, Programme, ProgressUpdate, ReportPeriod, Source, Task


def make_task(agency, marker, **fields):
    programme, _ = Programme.objects.get_or_create(
        code="WALK/NQ-CP",
        defaults={"title": "Chương trình thử", "issued": dt.date(2025, 5, 31), "end_year": 2026},
    )
    source, _ = Source.objects.get_or_create(
        number="WALK/TB-VPCP", defaults={"kind": Source.Kind.CONCLUSION, "title": "Thông báo kết luận thử"}
    )
    defaults = {
        "agency": agency,
        "programme": programme,
        "source": source,
        "title": marker,
        "description": marker,
        "responsible_title": "Thứ trưởng",
        "deadline_text": "quý I/2026",
        "deadline_kind": "quarter",
        "due": dt.date(2026, 3, 31),
        "product_kind": Task.Product.REPORT,
        "authority": Task.Authority.PRIME_MINISTER,
        "is_draft": False,
    }
    defaults.update(fields)
    return Task.objects.create(**defaults)


def make_task_row(agency, marker):
    return make_task(agency, marker)


def make_coordination_row(agency, marker):
    task = make_task(agency, marker)
    other = Agency.objects.get(code="BNG")
    return Coordination.objects.create(task=task, agency=other, share=marker)


def make_update_row(agency, marker):
    task = make_task(agency, marker, has_progress=True)
    return ProgressUpdate.objects.create(
        task=task,
        kind=ProgressUpdate.Kind.PROGRESS,
        reporter_agency=agency,
        on=dt.date(2026, 1, 5),
        text=marker,
    )


def make_evidence_row(agency, marker):
    update = make_update_row(agency, marker)
    return Evidence.objects.create(
        update=update, file="tasks/evidence/khong-co-that.pdf", name=f"{marker}.pdf"
    )


def make_period_row(agency, marker):
    task = make_task(agency, marker, recurrence=Task.Recurrence.QUARTERLY, deadline_text="hằng quý")
    return ReportPeriod.objects.create(
        task=task, label=marker, start=dt.date(2026, 1, 1), end=dt.date(2026, 3, 31), due=dt.date(2026, 3, 31)
    )


TASK_ROW_MAKERS = {
    Task: make_task_row,
    Coordination: make_coordination_row,
    ProgressUpdate: make_update_row,
    Evidence: make_evidence_row,
    ReportPeriod: make_period_row,
}
