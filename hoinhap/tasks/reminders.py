"""Reminders (đôn đốc): who is reminded of what on a day, and the idempotent daily run.

What is due on ``day`` (``plan``), for each open, non-draft task (or each unreported period of a
recurring task):
- before the deadline, at the person's thresholds (the secretariat's schedule, e.g. 14 and 3 days, or the
  person's own choice, never below the secretariat's minimum): the tightest threshold reached fires once,
  so a day the run did not happen is caught up without sending stale reminders;
- on the day; when overdue (day 1, then every ``overdue_repeat_days``);
- escalation to the lead agency's leaders after N days overdue, to the secretariat after M days.
Recipients: the responsible official and the lead agency's focal points; the coordinating agencies'
focal points for the reminders before and on the day.

The run (``run``) is idempotent and safe to re-run after a crash:
1. record — in one transaction: one ``Notification`` (digest) per person per day (unique), one
   ``Reminder`` per (person, occurrence key) (unique); an occurrence already recorded on any day is
   never recorded again, and a digest already sent is never added to (new items wait for tomorrow).
   A crash here rolls everything back: nothing recorded, nothing sent.
2. send — each pending digest is claimed by a conditional UPDATE (pending -> sending, committed) before
   the SMTP conversation and marked sent after it. An SMTP error puts it back (failed, retried by the
   next run); a crash after claiming leaves it "sending", which a later run never sends again
   (at most once: reported as unconfirmed instead of risking a duplicate).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import F, Prefetch
from django.urls import reverse
from django.utils import timezone

from hoinhap.agencies.models import Role
from hoinhap.tasks.models import (
    Coordination,
    Notification,
    Reminder,
    ReminderPreference,
    ReminderSettings,
    ReportPeriod,
    Task,
)

log = logging.getLogger(__name__)
Kind = Reminder.Kind


@dataclass
class Item:
    recipient: object
    task: Task
    period: ReportPeriod | None
    kind: str
    key: str
    text: str
    due: dt.date | None


def _d(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


class _People:
    """Active people by agency and role, and each one's effective reminder choice."""

    def __init__(self, rules: ReminderSettings):
        self.rules = rules
        self.by_agency: dict[tuple[int, str], list] = defaultdict(list)
        self.secretariat = []
        for person in get_user_model().objects.filter(is_active=True).exclude(role=Role.OBSERVER):
            if person.role == Role.SECRETARIAT:
                self.secretariat.append(person)
            if person.agency_id:
                self.by_agency[(person.agency_id, person.role)].append(person)
        self.prefs = {p.user_id: p for p in ReminderPreference.objects.all()}

    def focal_points(self, agency_id):
        return self.by_agency.get((agency_id, Role.FOCAL_POINT), [])

    def leaders(self, agency_id):
        return self.by_agency.get((agency_id, Role.LEADER), [])

    def kinds(self, person) -> set[str]:
        pref = self.prefs.get(person.pk)
        chosen = set(pref.kinds) if pref else {"before", "due", "overdue", "period"}
        required = set(self.rules.required_kinds)
        if self.rules.required_days_before:
            required.add("before")
        return chosen | required

    def days(self, person) -> list[int]:
        pref = self.prefs.get(person.pk)
        chosen = set(pref.days_before) if pref else set(self.rules.days_before)
        return sorted(chosen | set(self.rules.required_days_before))

    def wants_email(self, person) -> bool:
        pref = self.prefs.get(person.pk)
        return bool(person.email) and (pref.email if pref else True)


def _open_tasks():
    return (
        Task.objects.filter(is_draft=False, completed_on__isnull=True)
        .select_related("agency", "responsible")
        .prefetch_related(
            Prefetch("coordinations", queryset=Coordination.objects.select_related("agency")),
            Prefetch("periods", queryset=ReportPeriod.objects.filter(reported_on__isnull=True)),
        )
    )


def plan(day: dt.date) -> list[Item]:
    """Every reminder occurrence due on ``day`` (not yet checked against what was already sent)."""
    rules = ReminderSettings.current()
    people = _People(rules)
    items: list[Item] = []
    for task in _open_tasks():
        if task.recurrence:
            targets = [(p, p.due) for p in task.periods.all()]
        elif task.due:
            targets = [(None, task.due)]
        else:
            continue  # ongoing, as soon as possible, unclear deadline: nothing dated to remind of
        lead = [task.responsible] if task.responsible and task.responsible.is_active else []
        lead += [p for p in people.focal_points(task.agency_id) if p not in lead]
        coordinators = [p for c in task.coordinations.all() for p in people.focal_points(c.agency_id)]
        for period, due in targets:
            items.extend(_occurrences(day, task, period, due, lead, coordinators, people, rules))
    return items


def _occurrences(day, task, period, due, lead, coordinators, people, rules):
    left = (due - day).days
    base = f"t{task.pk}:p{period.pk if period else 0}:{due.isoformat()}"
    what = f"{task.title} — chủ trì: {task.agency.name}"
    if period:
        what = f"báo cáo kỳ {period.label} của nhiệm vụ “{task.title}” — chủ trì: {task.agency.name}"
    if left > 0:
        for person in [*lead, *coordinators]:
            kinds = people.kinds(person)
            if ("period" if period else "before") not in kinds:
                continue
            reached = [d for d in people.days(person) if d >= left]
            if not reached:
                continue
            threshold = min(reached)
            kind = Kind.PERIOD if period else Kind.BEFORE
            text = f"Còn {left} ngày đến hạn ({_d(due)}): {what}"
            yield Item(person, task, period, kind, f"{base}:before:{threshold}", text, due)
        return
    if left == 0:
        for person in [*lead, *coordinators]:
            if "due" in people.kinds(person):
                text = f"Đến hạn hôm nay ({_d(due)}): {what}"
                yield Item(person, task, period, Kind.DUE, f"{base}:due", text, due)
        return
    late = -left
    repeat = rules.overdue_repeat_days
    round_ = (late - 1) // repeat if repeat else 0
    for person in lead:
        if "overdue" in people.kinds(person):
            text = f"Quá hạn {late} ngày (hạn {_d(due)}): {what}"
            yield Item(person, task, period, Kind.OVERDUE, f"{base}:overdue:{round_}", text, due)
    if rules.escalate_leader_after and late >= rules.escalate_leader_after:
        for person in people.leaders(task.agency_id):
            text = f"Nhiệm vụ của cơ quan đã quá hạn {late} ngày (hạn {_d(due)}), đề nghị lãnh đạo chỉ đạo: {what}"
            yield Item(person, task, period, Kind.ESCALATE_LEADER, f"{base}:leader", text, due)
    if rules.escalate_secretariat_after and late >= rules.escalate_secretariat_after:
        for person in people.secretariat:
            text = f"Quá hạn {late} ngày (hạn {_d(due)}), đề nghị Cơ quan thường trực đôn đốc: {what}"
            yield Item(person, task, period, Kind.ESCALATE_SECRETARIAT, f"{base}:secretariat", text, due)


def _dedupe(items: list[Item]) -> list[Item]:
    seen, out = set(), []
    for item in items:
        k = (item.recipient.pk, item.key)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def _base_url() -> str:
    return (getattr(settings, "HOINHAP_BASE_URL", None) or os.environ.get("HOINHAP_BASE_URL") or "").rstrip(
        "/"
    )


def compose(notification: Notification) -> tuple[str, str]:
    reminders = list(notification.reminders.select_related("task").order_by("due", "id"))
    overdue = sum(
        r.kind in {Kind.OVERDUE, Kind.ESCALATE_LEADER, Kind.ESCALATE_SECRETARIAT} for r in reminders
    )
    subject = f"[hoinhap] Nhắc việc ngày {_d(notification.day)}: {len(reminders)} mục"
    if overdue:
        subject += f" ({overdue} quá hạn)"
    base = _base_url()
    lines = [
        f"Kính gửi {notification.recipient.display_name},",
        "",
        f"Hệ thống theo dõi nhiệm vụ hội nhập quốc tế nhắc việc ngày {_d(notification.day)}:",
        "",
    ]
    for r in reminders:
        lines.append(f"- [{r.get_kind_display()}] {r.text}")
        lines.append(f"  {base}{reverse('tasks:detail', args=[r.task_id])}")
    lines += [
        "",
        "Anh/chị có thể chọn loại nhắc và số ngày nhắc trước hạn tại trang Nhắc việc của mình "
        "(trong mức tối thiểu do Cơ quan thường trực quy định).",
        "Thư này được gửi tự động, xin không trả lời.",
    ]
    return subject, "\n".join(lines)


def _fresh(items: list[Item]) -> list[Item]:
    """Drop occurrences already recorded (on any earlier day or run)."""
    if not items:
        return []
    keys = {
        (r, k)
        for r, k in Reminder.objects.filter(key__in={i.key for i in items}).values_list("recipient_id", "key")
    }
    return [i for i in items if (i.recipient.pk, i.key) not in keys]


def preview(day: dt.date) -> dict:
    """What a run on ``day`` would record and send (nothing is written)."""
    items = _fresh(_dedupe(plan(day)))
    delivered = set(
        Notification.objects.filter(day=day)
        .exclude(state__in=[Notification.State.PENDING, Notification.State.FAILED])
        .values_list("recipient_id", flat=True)
    )
    people: dict[int, list[Item]] = defaultdict(list)
    for item in items:
        if item.recipient.pk not in delivered:
            people[item.recipient.pk].append(item)
    return {"day": day, "people": dict(people)}


def record(day: dt.date) -> int:
    """Phase 1: record today's digests and reminders (one transaction). Returns reminders recorded."""
    recorded = 0
    items = _dedupe(plan(day))
    by_person: dict[int, list[Item]] = defaultdict(list)
    for item in items:
        by_person[item.recipient.pk].append(item)
    prefs_email = _People(ReminderSettings.current())
    with transaction.atomic():
        for group in by_person.values():
            person = group[0].recipient
            fresh = _fresh(group)
            if not fresh:
                continue
            notification, created = Notification.objects.select_for_update().get_or_create(
                recipient=person,
                day=day,
                defaults={
                    "subject": "",
                    "body": "",
                    "email_to": person.email if prefs_email.wants_email(person) else "",
                },
            )
            if (
                notification.state not in (Notification.State.PENDING, Notification.State.FAILED)
                and not created
            ):
                continue  # today's digest already went out: these wait for tomorrow's
            for item in fresh:
                _r, made = Reminder.objects.get_or_create(
                    recipient=person,
                    key=item.key,
                    defaults={
                        "notification": notification,
                        "task": item.task,
                        "period": item.period,
                        "kind": item.kind,
                        "text": item.text[:500],
                        "due": item.due,
                    },
                )
                recorded += made
            notification.subject, notification.body = compose(notification)
            if not notification.email_to:
                notification.state = Notification.State.IN_APP
            notification.save()
    return recorded


def _after_send(notification: Notification) -> None:
    """Test seam: runs between the SMTP conversation and marking the digest sent."""


def send(day: dt.date) -> dict:
    """Phase 2: send each pending digest (of the last week) once."""
    sent = failed = 0
    since = day - dt.timedelta(days=7)
    pending = Notification.objects.filter(
        day__gte=since, day__lte=day, state__in=[Notification.State.PENDING, Notification.State.FAILED]
    ).exclude(email_to="")
    connection = None
    for notification in pending.order_by("day", "id"):
        claimed = Notification.objects.filter(
            pk=notification.pk, state__in=[Notification.State.PENDING, Notification.State.FAILED]
        ).update(state=Notification.State.SENDING, sending_since=timezone.now(), attempts=F("attempts") + 1)
        if not claimed:
            continue  # another run took it
        message = EmailMessage(
            notification.subject,
            notification.body,
            settings.DEFAULT_FROM_EMAIL,
            [notification.email_to],
            headers={"Message-ID": f"<nhacviec-{notification.pk}-{notification.day:%Y%m%d}@hoinhap>"},
        )
        try:
            if connection is None:
                connection = get_connection(fail_silently=False)
                connection.open()
            connection.send_messages([message])
        except Exception as exc:  # SMTP refused or unreachable: not sent, retried by the next run
            log.warning("reminder digest %s not sent: %s", notification.pk, exc)
            Notification.objects.filter(pk=notification.pk).update(
                state=Notification.State.FAILED, error=str(exc)[:1000]
            )
            failed += 1
            connection = None
            continue
        _after_send(notification)
        Notification.objects.filter(pk=notification.pk).update(
            state=Notification.State.SENT, sent_at=timezone.now(), error=""
        )
        sent += 1
    if connection is not None:
        try:
            connection.close()
        except Exception:  # noqa: BLE001 — closing a finished session must not fail the run
            pass
    unconfirmed = Notification.objects.filter(day__gte=since, state=Notification.State.SENDING).count()
    return {"sent": sent, "failed": failed, "unconfirmed": unconfirmed}


def run(day: dt.date | None = None) -> dict:
    day = day or timezone.localdate()
    recorded = record(day)
    result = send(day)
    result["recorded"] = recorded
    result["day"] = day
    return result


def describe(result: dict) -> str:
    text = (
        f"Nhắc việc ngày {_d(result['day'])}: ghi nhận {result['recorded']} mục mới, gửi {result['sent']} thư"
    )
    if result["failed"]:
        text += f", {result['failed']} thư gửi lỗi (sẽ thử lại lần chạy sau)"
    if result["unconfirmed"]:
        text += f", {result['unconfirmed']} thư chưa xác nhận đã gửi (không gửi lại để tránh trùng)"
    return text + "."
