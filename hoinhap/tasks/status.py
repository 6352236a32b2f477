"""Status is derived, never typed (SPEC area 3).

A task is, on a given day:
- Hoàn thành đúng hạn / Hoàn thành trễ hạn — the lead recorded completion (with its product) on or
  before / after the deadline (a task without a dated deadline is done on time);
- Quá hạn — not done and the deadline has passed; for a recurring task: a period's report is missing
  after its due date;
- Đang thực hiện — not done, not overdue and some progress has been recorded;
- Chưa đến hạn — not done, not overdue, nothing recorded yet.
The same rule exists twice — ``task_status`` for one task in Python and ``annotate_status`` for a
queryset in SQL (filters, counts, statistics); a test checks that they agree on every case.
A period of a recurring task is reported, reported late, missing (due passed, no report) or upcoming.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Case, CharField, Exists, F, OuterRef, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

NOT_DUE = "not_due"
IN_PROGRESS = "in_progress"
DONE_ON_TIME = "done_on_time"
DONE_LATE = "done_late"
OVERDUE = "overdue"

LABELS = {
    NOT_DUE: _("Chưa đến hạn"),
    IN_PROGRESS: _("Đang thực hiện"),
    DONE_ON_TIME: _("Hoàn thành đúng hạn"),
    DONE_LATE: _("Hoàn thành trễ hạn"),
    OVERDUE: _("Quá hạn"),
}
BADGES = {NOT_DUE: "", IN_PROGRESS: "warn", DONE_ON_TIME: "ok", DONE_LATE: "ok", OVERDUE: "bad"}
STATUSES = list(LABELS)

REPORTED = "reported"
LATE = "late"
MISSING = "missing"
UPCOMING = "upcoming"
PERIOD_LABELS = {
    REPORTED: _("Đã báo cáo"),
    LATE: _("Báo cáo muộn"),
    MISSING: _("Chưa báo cáo"),
    UPCOMING: _("Chưa đến hạn"),
}
PERIOD_BADGES = {REPORTED: "ok", LATE: "warn", MISSING: "bad", UPCOMING: ""}


def today() -> dt.date:
    return timezone.localdate()


def task_status(task, on: dt.date | None = None) -> str:
    on = on or today()
    if task.completed_on is not None:
        if not task.recurrence and task.due is not None and task.completed_on > task.due:
            return DONE_LATE
        return DONE_ON_TIME
    if task.recurrence:
        if any(p.reported_on is None and p.due < on for p in task.periods.all()):
            return OVERDUE
    elif task.due is not None and task.due < on:
        return OVERDUE
    return IN_PROGRESS if task.has_progress else NOT_DUE


def period_status(period, on: dt.date | None = None) -> str:
    on = on or today()
    if period.reported_on is not None:
        return REPORTED if period.reported_on <= period.due else LATE
    return MISSING if period.due < on else UPCOMING


def status_expression(on: dt.date):
    from hoinhap.tasks.models import ReportPeriod

    missing = ReportPeriod.objects.filter(task=OuterRef("pk"), reported_on__isnull=True, due__lt=on)
    return Case(
        When(
            Q(completed_on__isnull=False, recurrence="", due__isnull=False, completed_on__gt=F("due")),
            then=Value(DONE_LATE),
        ),
        When(completed_on__isnull=False, then=Value(DONE_ON_TIME)),
        When(Q(recurrence="", due__lt=on), then=Value(OVERDUE)),
        When(~Q(recurrence="") & Exists(missing), then=Value(OVERDUE)),
        When(has_progress=True, then=Value(IN_PROGRESS)),
        default=Value(NOT_DUE),
        output_field=CharField(),
    )


def annotate_status(queryset: QuerySet, on: dt.date | None = None) -> QuerySet:
    return queryset.annotate(derived_status=status_expression(on or today()))
