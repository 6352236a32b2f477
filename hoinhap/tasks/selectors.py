"""Reads of the tasks area, scoped to the person.

``tasks(user)`` is plain agency scoping: the lead agency's tasks (everything for the secretariat and
observers). A coordinating agency must also read the tasks it coordinates, to add its contributions:
that is ``visible_tasks(user)`` = scoped tasks + tasks where the person's agency is a coordinator.
This is the only widening of scoping in the area and it is deliberate; it grants reading and
contributing (services.contribution_role), never editing the task. Pages of a single task use
``get_visible_task``; editing pages use plain ``get_scoped`` (WRITE) through ScopedObjectMixin.
"""

from __future__ import annotations

import calendar
import datetime as dt

from django.db.models import Count, Prefetch, Q
from django.http import Http404

from hoinhap.core.models import AuditEntry
from hoinhap.core.scoping import READ, WRITE, scope
from hoinhap.tasks import status as st
from hoinhap.tasks.models import (
    Coordination,
    Evidence,
    Notification,
    Programme,
    ProgressUpdate,
    ReportPeriod,
    Task,
)


def _base():
    return Task.objects.select_related("agency", "programme", "source", "responsible").prefetch_related(
        Prefetch("coordinations", queryset=Coordination.objects.select_related("agency")),
        "periods",
    )


def tasks(user, mode: str = READ):
    return scope(_base(), user, mode)


def coordinated_tasks(user):
    if user is None or not user.is_authenticated or not user.agency_id:
        return Task.objects.none()
    return _base().filter(coordinations__agency_id=user.agency_id)


def visible_tasks(user):
    """Scoped tasks plus those the person's agency coordinates (read and contribute)."""
    if user is None or not user.is_authenticated:
        return Task.objects.none()
    if user.sees_all_agencies or not user.agency_id:
        return tasks(user)
    coordinated = Coordination.objects.filter(agency_id=user.agency_id).values("task_id")
    return tasks(user) | _base().filter(pk__in=coordinated)


def get_visible_task(user, pk: int, mode: str = READ) -> Task:
    """One task for a task page: READ — lead, coordinator, secretariat, observer; WRITE (contributing)
    — lead, coordinator, secretariat. Else 404 (never a hint that it exists)."""
    qs = visible_tasks(user)
    if mode == WRITE and not user.may_write:
        qs = qs.none()
    try:
        return qs.get(pk=pk)
    except Task.DoesNotExist:
        raise Http404 from None


def is_coordinator(user, task: Task) -> bool:
    return bool(user.agency_id) and any(c.agency_id == user.agency_id for c in task.coordinations.all())


def can_edit(user, task: Task) -> bool:
    return user.may_write and (user.edits_all_agencies or user.agency_id == task.agency_id)


def filter_tasks(
    qs,
    *,
    on: dt.date | None = None,
    agency=None,
    status=None,
    pillar=None,
    programme=None,
    due_from=None,
    due_to=None,
    overdue_only=False,
    q=None,
    include_drafts=True,
    role=None,
    user=None,
):
    qs = st.annotate_status(qs, on)
    if agency:
        qs = qs.filter(agency_id=agency)
    if status:
        qs = qs.filter(derived_status=status)
    if overdue_only:
        qs = qs.filter(derived_status=st.OVERDUE)
    if pillar and hasattr(Task, "policy_items"):
        qs = qs.filter(policy_items__pillar=pillar).distinct()
    if programme:
        qs = qs.filter(programme_id=programme)
    if due_from:
        qs = qs.filter(due__gte=due_from)
    if due_to:
        qs = qs.filter(due__lte=due_to)
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(description__icontains=q) | Q(number__iexact=q))
    if not include_drafts:
        qs = qs.filter(is_draft=False)
    if role == "lead" and user is not None and user.agency_id:
        qs = qs.filter(pk__in=scope(Task.objects.all(), user).values("pk"))
    elif role == "coordinator" and user is not None and user.agency_id:
        qs = qs.filter(coordinations__agency_id=user.agency_id)
    return qs


def updates(task: Task):
    """The task's updates (the page already checked the person may read the task)."""
    return (
        ProgressUpdate.objects.filter(task=task)
        .select_related("author", "reporter_agency", "period")
        .prefetch_related("evidence")
    )


def history(task: Task):
    """Audit entries of the task and its updates (read only after the task itself was found visible)."""
    update_ids = [str(pk) for pk in ProgressUpdate.objects.filter(task=task).values_list("pk", flat=True)]
    return AuditEntry.objects.filter(
        Q(object_type="tasks.Task", object_id=str(task.pk))
        | Q(object_type="tasks.ProgressUpdate", object_id__in=update_ids)
    ).select_related("actor")


def get_visible_evidence(user, pk: int) -> Evidence:
    try:
        ev = Evidence.objects.select_related("update__task").get(pk=pk)
    except Evidence.DoesNotExist:
        raise Http404 from None
    get_visible_task(user, ev.update.task_id)
    return ev


def programmes():
    return Programme.objects.annotate(n_tasks=Count("tasks"))


def notifications(user):
    return Notification.objects.filter(recipient=user).prefetch_related("reminders__task")


def unread_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


# ----------------------------------------------------------------------------- calendar


def calendar_month(user, year: int, month: int, agency=None):
    """Weeks (Mon..Sun) of the month, each day with the tasks and report periods due that day."""
    first = dt.date(year, month, 1)
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    qs = visible_tasks(user).filter(is_draft=False, recurrence="", due__gte=first, due__lte=last)
    if agency:
        qs = qs.filter(agency_id=agency)
    items: dict[dt.date, list] = {}
    for task in st.annotate_status(qs, None):
        items.setdefault(task.due, []).append(
            {"task": task, "label": task.title, "status": task.derived_status, "period": None}
        )
    visible_ids = visible_tasks(user).values("pk")
    periods = ReportPeriod.objects.filter(task_id__in=visible_ids, due__gte=first, due__lte=last)
    if agency:
        periods = periods.filter(task__agency_id=agency)
    for period in periods.select_related("task"):
        items.setdefault(period.due, []).append(
            {
                "task": period.task,
                "label": f"{period.task.title} — {period.label}",
                "status": None,
                "period": period,
            }
        )
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        weeks.append([{"day": d, "in_month": d.month == month, "items": items.get(d, [])} for d in week])
    return weeks


# ----------------------------------------------------------------------------- yearly statistics

STAT_COLUMNS = [
    ("due", "Số nhiệm vụ đến hạn trong năm"),
    ("on_time", "Hoàn thành đúng hạn"),
    ("late", "Hoàn thành trễ hạn"),
    ("within", "Chưa hoàn thành nhưng còn hạn"),
    ("overdue", "Quá hạn chưa hoàn thành"),
]


def yearly_statistics(user, year: int, on: dt.date | None = None) -> dict:
    """Per lead agency, the tasks whose deadline falls in ``year`` (Government Office form).

    Recurring tasks are counted per period due in the year (reported on time / late / missing / upcoming).
    Drafts are not counted. ``on`` is the day the figures are taken (today by default).
    """
    on = on or st.today()
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    rows: dict[int, dict] = {}

    def row(agency):
        if agency.pk not in rows:
            rows[agency.pk] = {"agency": agency, "due": 0, "on_time": 0, "late": 0, "within": 0, "overdue": 0}
        return rows[agency.pk]

    qs = tasks(user).filter(is_draft=False, recurrence="", due__gte=start, due__lte=end)
    for task in st.annotate_status(qs, on):
        r = row(task.agency)
        r["due"] += 1
        r[
            {
                st.DONE_ON_TIME: "on_time",
                st.DONE_LATE: "late",
                st.OVERDUE: "overdue",
                st.IN_PROGRESS: "within",
                st.NOT_DUE: "within",
            }[task.derived_status]
        ] += 1
    periods = scope(ReportPeriod.objects.select_related("task__agency"), user).filter(
        task__is_draft=False, due__gte=start, due__lte=end
    )
    for period in periods:
        r = row(period.task.agency)
        r["due"] += 1
        r[
            {st.REPORTED: "on_time", st.LATE: "late", st.MISSING: "overdue", st.UPCOMING: "within"}[
                st.period_status(period, on)
            ]
        ] += 1
    ordered = sorted(rows.values(), key=lambda r: r["agency"].name)
    total = {k: sum(r[k] for r in ordered) for k, _label in STAT_COLUMNS}
    for r in [*ordered, total]:
        done = r["on_time"] + r["late"]
        r["done_rate"] = round(100 * done / r["due"], 1) if r["due"] else None
    return {"year": year, "on": on, "rows": ordered, "total": total, "columns": STAT_COLUMNS}


def status_counts(qs, on=None) -> dict[str, int]:
    counts = dict.fromkeys(st.STATUSES, 0)
    for row in st.annotate_status(qs.order_by(), on).values("derived_status").annotate(n=Count("id")):
        counts[row["derived_status"]] = row["n"]
    return counts


def home_widget(user) -> dict:
    """The home page's task summary: counts by status, overdue and coming deadlines, in the person's scope."""
    on = st.today()
    qs = visible_tasks(user).filter(is_draft=False)
    counts = status_counts(qs, on)
    annotated = st.annotate_status(qs.order_by(), on)
    overdue = annotated.filter(derived_status=st.OVERDUE).order_by("due", "pk")[:5]
    soon = annotated.filter(
        derived_status__in=[st.NOT_DUE, st.IN_PROGRESS], due__gte=on, due__lte=on + dt.timedelta(days=30)
    ).order_by("due", "pk")[:5]
    return {
        "counts": [(key, st.LABELS[key], st.BADGES[key], counts[key]) for key in st.STATUSES],
        "total": sum(counts.values()),
        "overdue": overdue,
        "soon": soon,
        "scope": user.agency.name if user.agency_id and not user.sees_all_agencies else None,
    }
