"""Writes of the tasks area: every one validated, scoped, in a transaction and in the audit log.

Who may do what (SPEC "Users", issue 7):
- the lead agency (chủ trì) edits its task, records progress and completion; the secretariat edits all;
- a coordinating agency (phối hợp) adds its contributions to a task it coordinates, even though the task
  belongs to another agency — the one explicit exception to agency scoping in this area
  (``contribution_role``), tested in tests/tasks/test_services.py; it never edits the task itself;
- observers read only; only the secretariat reopens a completed task (with a reason) and reassigns.
"""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from hoinhap.core import audit
from hoinhap.core.models import AuditEntry
from hoinhap.core.scoping import WRITE, require
from hoinhap.core.services import require_agency
from hoinhap.engines.text.deadlines import parse_deadline
from hoinhap.tasks.models import (
    Coordination,
    Evidence,
    ProgressUpdate,
    ReminderPreference,
    ReminderSettings,
    ReportPeriod,
    Task,
)
from hoinhap.tasks.status import today

SIX = {
    "nguoi": "rõ người (cơ quan chủ trì và người chịu trách nhiệm)",
    "viec": "rõ việc (nội dung công việc)",
    "thoi_gian": "rõ thời gian (thời hạn)",
    "trach_nhiem": "rõ trách nhiệm (phần việc của cơ quan phối hợp)",
    "san_pham": "rõ sản phẩm",
    "tham_quyen": "rõ thẩm quyền",
}

# Evidence: extension -> accepted leading bytes (None: plain text, no signature).
EVIDENCE_TYPES = {
    ".pdf": (b"%PDF",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".pptx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
    ".ods": (b"PK\x03\x04",),
    ".doc": (b"\xd0\xcf\x11\xe0",),
    ".xls": (b"\xd0\xcf\x11\xe0",),
    ".png": (b"\x89PNG",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".txt": None,
}
EVIDENCE_TYPES_LABEL = (
    "PDF, Word (DOC, DOCX), Excel (XLS, XLSX), PowerPoint (PPTX), ODT/ODS, ảnh PNG/JPG, TXT"
)


def evidence_max_bytes() -> int:
    return int(getattr(settings, "HOINHAP_EVIDENCE_MAX_BYTES", 20 * 1024 * 1024))


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f}".replace(".", ",")


# ----------------------------------------------------------------------------- the six "rõ"


def missing_six(task: Task, coordinations: list[tuple[object, str]]) -> list[str]:
    missing = []
    if not task.agency_id or not (task.responsible_id or task.responsible_title.strip()):
        missing.append(SIX["nguoi"])
    if not task.title.strip():
        missing.append(SIX["viec"])
    if task.deadline_kind == "none" and not task.recurrence:
        missing.append(SIX["thoi_gian"])
    without_share = [str(agency) for agency, share in coordinations if not (share or "").strip()]
    if without_share:
        missing.append(f"{SIX['trach_nhiem']}: {', '.join(without_share)}")
    if not (task.product_kind or task.product.strip()):
        missing.append(SIX["san_pham"])
    if not (task.authority or task.authority_text.strip()):
        missing.append(SIX["tham_quyen"])
    return missing


def reference_date(task: Task) -> dt.date:
    """The date a deadline without a year is read against: the source's, else the programme's, else today."""
    for holder in (task.source, task.programme):
        if holder is not None and holder.issued:
            return holder.issued
    return today()


def _task_snapshot(task: Task) -> dict:
    data = audit.snapshot(task)
    data["coordinations"] = [
        f"{c.agency.code}: {c.share}" for c in task.coordinations.select_related("agency")
    ]
    return data


@transaction.atomic
def save_task(
    actor,
    task: Task | None,
    data: dict,
    coordinators: list[tuple[object, str]] | None = None,
    policy_items=None,
) -> Task:
    """Create (``task`` None) or update a task. Missing "rõ" -> saved as a draft naming them.

    ``data`` holds model fields (``agency`` the lead agency). The deadline phrase is parsed here: an
    unparseable phrase is kept as written, ``deadline_kind`` "unparsed", no date ("thời hạn chưa rõ").
    """
    creating = task is None
    coordinators = list(coordinators or [])
    if creating:
        task = Task()
        before = None
    else:
        if actor is not None:
            require(actor, task, WRITE)
        task = Task.objects.select_related("source", "programme").get(pk=task.pk)
        before = _task_snapshot(task)
    for name, value in data.items():
        setattr(task, name, value)
    if actor is not None:
        if not actor.may_write:
            raise PermissionDenied("Vai trò của bạn chỉ được xem.")
        require_agency(actor, task.agency_id)  # own agency only, unless secretariat
    if task.responsible_id and task.responsible.agency_id != task.agency_id:
        raise ValidationError({"responsible": "Người chịu trách nhiệm phải thuộc cơ quan chủ trì."})
    agencies = [a for a, _share in coordinators]
    if any(a.pk == task.agency_id for a in agencies):
        raise ValidationError({"coordinators": "Cơ quan chủ trì không đồng thời là cơ quan phối hợp."})
    if len({a.pk for a in agencies}) != len(agencies):
        raise ValidationError({"coordinators": "Một cơ quan phối hợp được nêu hai lần."})

    deadline = parse_deadline(task.deadline_text, reference_date(task))
    task.deadline_text = task.deadline_text.strip()
    task.deadline_kind = deadline.kind
    task.due = deadline.due
    task.period_start = deadline.start
    if deadline.kind == "recurring" and not task.recurrence:
        task.recurrence = deadline.period or ""
    if deadline.kind == "recurring" and deadline.due and "report_offset_days" not in data:
        task.report_offset_days = (deadline.due - _period_bounds(task.recurrence, deadline.due)[1]).days
    task.missing = missing_six(task, coordinators)
    task.is_draft = bool(task.missing)
    task.full_clean()
    task.save()
    task.coordinations.exclude(agency__in=agencies).delete()
    for agency, share in coordinators:
        Coordination.objects.update_or_create(task=task, agency=agency, defaults={"share": share or ""})
    if policy_items is not None and hasattr(task, "policy_items"):
        task.policy_items.set(policy_items)
    regenerate_periods(task)
    after = _task_snapshot(task)
    action = AuditEntry.Action.CREATE if creating else AuditEntry.Action.UPDATE
    audit.record(actor, action, task, before, after)
    return task


# ----------------------------------------------------------------------------- report periods

QUARTERS = ["I", "II", "III", "IV"]


def _period_bounds(recurrence: str, day: dt.date) -> tuple[dt.date, dt.date]:
    y, m = day.year, day.month
    if recurrence == "yearly":
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    if recurrence == "half_yearly":
        return (dt.date(y, 1, 1), dt.date(y, 6, 30)) if m <= 6 else (dt.date(y, 7, 1), dt.date(y, 12, 31))
    if recurrence == "quarterly":
        q = (m - 1) // 3
        first = dt.date(y, 3 * q + 1, 1)
        last_month = 3 * q + 3
        return first, dt.date(y, last_month, calendar.monthrange(y, last_month)[1])
    if recurrence == "monthly":
        return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
    raise ValueError(recurrence)


def _period_label(recurrence: str, start: dt.date) -> str:
    if recurrence == "yearly":
        return f"Năm {start.year}"
    if recurrence == "half_yearly":
        return f"6 tháng {'đầu' if start.month == 1 else 'cuối'} năm {start.year}"
    if recurrence == "quarterly":
        return f"Quý {QUARTERS[(start.month - 1) // 3]}/{start.year}"
    return f"Tháng {start.month}/{start.year}"


def period_schedule(task: Task) -> list[tuple[dt.date, dt.date, dt.date, str]]:
    """(start, end, due, label) of every period of a recurring task, from its schedule."""
    if not task.recurrence:
        return []
    first = task.period_start or reference_date(task)
    if task.recurrence_until:
        until = task.recurrence_until
    elif task.programme_id and task.programme.end_year:
        until = dt.date(task.programme.end_year, 12, 31)
    else:
        until = dt.date(first.year + 1, 12, 31)
    out = []
    start, end = _period_bounds(task.recurrence, first)
    while start <= until and len(out) < 400:
        due = end + dt.timedelta(days=task.report_offset_days)
        out.append((start, end, due, _period_label(task.recurrence, start)))
        start, end = _period_bounds(task.recurrence, end + dt.timedelta(days=1))
    return out


def regenerate_periods(task: Task) -> None:
    """Bring the periods in line with the schedule; periods already reported are never lost or moved."""
    wanted = {(s, e): (due, label) for s, e, due, label in period_schedule(task)}
    existing = {(p.start, p.end): p for p in task.periods.all()}
    for key, period in existing.items():
        if period.reported_on is not None:
            continue
        if key not in wanted:
            period.delete()
        elif (period.due, period.label) != wanted[key]:
            period.due, period.label = wanted[key]
            period.save(update_fields=["due", "label"])
    for (s, e), (due, label) in wanted.items():
        if (s, e) not in existing:
            ReportPeriod.objects.create(task=task, start=s, end=e, due=due, label=label)


# ----------------------------------------------------------------------------- progress


def contribution_role(actor, task: Task) -> str:
    """ProgressUpdate.Kind the actor may add to ``task``; PermissionDenied if none.

    The lead agency and the secretariat add the lead's updates; a coordinating agency adds its
    contributions (the explicit exception to agency scoping); anyone else is refused.
    """
    if actor is None or not actor.is_authenticated or not actor.may_write:
        raise PermissionDenied("Vai trò của bạn chỉ được xem.")
    if actor.edits_all_agencies or (actor.agency_id and actor.agency_id == task.agency_id):
        return ProgressUpdate.Kind.PROGRESS
    if actor.agency_id and task.coordinations.filter(agency_id=actor.agency_id).exists():
        return ProgressUpdate.Kind.CONTRIBUTION
    raise PermissionDenied(
        "Cơ quan của bạn không chủ trì, cũng không phối hợp thực hiện nhiệm vụ này nên không được "
        "cập nhật tiến độ."
    )


def check_evidence(files) -> None:
    """Refuse (ValidationError, nothing saved) a file too large or of a type that is not accepted."""
    limit = evidence_max_bytes()
    errors = []
    for f in files:
        name = Path(f.name or "").name
        ext = Path(name).suffix.lower()
        if ext not in EVIDENCE_TYPES:
            errors.append(f"Tệp “{name}” không được chấp nhận: chỉ nhận {EVIDENCE_TYPES_LABEL}.")
            continue
        if f.size > limit:
            errors.append(f"Tệp “{name}” quá lớn ({_mb(f.size)} MB); tối đa {_mb(limit)} MB mỗi tệp.")
            continue
        signatures = EVIDENCE_TYPES[ext]
        if signatures is not None:
            f.seek(0)
            head = f.read(8)
            f.seek(0)
            if not any(head.startswith(sig) for sig in signatures):
                errors.append(
                    f"Tệp “{name}” không đúng định dạng {ext[1:].upper()} (nội dung không khớp đuôi tệp)."
                )
        elif f.size:
            f.seek(0)
            chunk = f.read(4096)
            f.seek(0)
            if b"\x00" in chunk:
                errors.append(f"Tệp “{name}” không phải văn bản thuần (TXT).")
    if errors:
        raise ValidationError({"files": errors})


def _check_day(on: dt.date) -> None:
    if on is None:
        raise ValidationError({"on": "Chưa nhập ngày."})
    if on > today():
        raise ValidationError({"on": "Ngày cập nhật không được sau ngày hôm nay."})


def _attach(update: ProgressUpdate, files) -> None:
    for f in files:
        name = Path(f.name).name
        ev = Evidence(
            update=update, name=name[:255], size=f.size, content_type=getattr(f, "content_type", "") or ""
        )
        ev.file.save(name, f, save=False)
        ev.save()


@transaction.atomic
def add_progress(
    actor,
    task: Task,
    *,
    on: dt.date,
    text: str,
    percent: int | None = None,
    document_number: str = "",
    files=(),
    period: ReportPeriod | None = None,
) -> ProgressUpdate:
    kind = contribution_role(actor, task)
    task = Task.objects.select_for_update().get(pk=task.pk)
    if task.is_done:
        raise ValidationError(
            "Nhiệm vụ đã hoàn thành; nếu cần cập nhật thêm, đề nghị Cơ quan thường trực mở lại nhiệm vụ."
        )
    if not (text or "").strip():
        raise ValidationError({"text": "Chưa nhập nội dung cập nhật."})
    _check_day(on)
    if percent is not None and not 0 <= percent <= 100:
        raise ValidationError({"percent": "Tỷ lệ hoàn thành phải từ 0 đến 100%."})
    if period is not None:
        if period.task_id != task.pk:
            raise ValidationError({"period": "Kỳ báo cáo không thuộc nhiệm vụ này."})
        if kind != ProgressUpdate.Kind.PROGRESS:
            raise ValidationError({"period": "Chỉ cơ quan chủ trì nộp báo cáo định kỳ."})
    files = list(files or [])
    check_evidence(files)
    update = ProgressUpdate.objects.create(
        task=task,
        kind=kind,
        reporter_agency=task.agency if kind == ProgressUpdate.Kind.PROGRESS else actor.agency,
        author=actor,
        on=on,
        text=text.strip(),
        percent=percent,
        document_number=(document_number or "").strip(),
        period=period,
    )
    _attach(update, files)
    if period is not None and period.reported_on is None:
        period.reported_on = on
        period.save(update_fields=["reported_on"])
    if not task.has_progress:
        Task.objects.filter(pk=task.pk).update(has_progress=True)
    audit.record(actor, AuditEntry.Action.CREATE, update, None, audit.snapshot(update))
    return update


def _require_lead(actor, task: Task) -> None:
    if contribution_role(actor, task) != ProgressUpdate.Kind.PROGRESS:
        raise PermissionDenied("Chỉ cơ quan chủ trì (hoặc Cơ quan thường trực) ghi nhận hoàn thành nhiệm vụ.")


@transaction.atomic
def complete(
    actor,
    task: Task,
    *,
    on: dt.date,
    product: str,
    document_number: str = "",
    text: str = "",
    files=(),
) -> Task:
    """Done = the lead records completion with its product (rõ sản phẩm)."""
    _require_lead(actor, task)
    task = Task.objects.select_for_update().get(pk=task.pk)
    if task.is_done:
        raise ValidationError("Nhiệm vụ đã được ghi nhận hoàn thành.")
    if task.is_draft:
        raise ValidationError(
            "Nhiệm vụ còn là bản nháp (thiếu: "
            + "; ".join(task.missing)
            + "), chưa ghi nhận hoàn thành được."
        )
    if not (product or "").strip():
        raise ValidationError(
            {
                "product": "Chưa nêu sản phẩm hoàn thành (rõ sản phẩm), ví dụ “Nghị định số 12/2026/NĐ-CP” "
                "hoặc “Báo cáo số 45/BC-BCT gửi Thủ tướng Chính phủ”. Nhiệm vụ chưa được ghi nhận hoàn thành."
            }
        )
    _check_day(on)
    files = list(files or [])
    check_evidence(files)
    before = _task_snapshot(task)
    update = ProgressUpdate.objects.create(
        task=task,
        kind=ProgressUpdate.Kind.COMPLETION,
        reporter_agency=task.agency,
        author=actor,
        on=on,
        text=(text or "").strip() or f"Hoàn thành: {product.strip()}",
        percent=100,
        document_number=(document_number or "").strip(),
    )
    _attach(update, files)
    task.completed_on = on
    task.completion_product = product.strip()
    task.completion_document = (document_number or "").strip()
    task.has_progress = True
    task.save(update_fields=["completed_on", "completion_product", "completion_document", "has_progress"])
    audit.record(actor, AuditEntry.Action.CREATE, update, None, audit.snapshot(update))
    audit.record(actor, AuditEntry.Action.UPDATE, task, before, _task_snapshot(task))
    return task


@transaction.atomic
def reopen(actor, task: Task, reason: str) -> Task:
    if actor is None or not actor.edits_all_agencies:
        raise PermissionDenied("Chỉ Cơ quan thường trực được mở lại nhiệm vụ đã hoàn thành.")
    task = Task.objects.select_for_update().get(pk=task.pk)
    if not task.is_done:
        raise ValidationError("Nhiệm vụ chưa được ghi nhận hoàn thành nên không cần mở lại.")
    if not (reason or "").strip():
        raise ValidationError({"reason": "Cần nêu lý do mở lại nhiệm vụ."})
    before = _task_snapshot(task)
    update = ProgressUpdate.objects.create(
        task=task,
        kind=ProgressUpdate.Kind.REOPEN,
        reporter_agency=actor.agency or task.agency,
        author=actor,
        on=today(),
        text=reason.strip(),
    )
    task.completed_on = None
    task.completion_product = ""
    task.completion_document = ""
    task.save(update_fields=["completed_on", "completion_product", "completion_document"])
    audit.record(actor, AuditEntry.Action.CREATE, update, None, audit.snapshot(update))
    audit.record(actor, AuditEntry.Action.UPDATE, task, before, _task_snapshot(task))
    return task


@transaction.atomic
def reassign(actor, tasks, agency, reason: str = "") -> int:
    """Bulk reassignment of tasks to another lead agency (secretariat only)."""
    if actor is None or not actor.edits_all_agencies:
        raise PermissionDenied("Chỉ Cơ quan thường trực được giao lại nhiệm vụ cho cơ quan khác.")
    if agency is None:
        raise ValidationError({"agency": "Chưa chọn cơ quan chủ trì mới."})
    if not agency.active:
        raise ValidationError({"agency": f"{agency} đã giải thể, hợp nhất; hãy chọn cơ quan kế thừa."})
    changed = 0
    for task in Task.objects.select_for_update().filter(pk__in=[t.pk for t in tasks]):
        if task.agency_id == agency.pk:
            continue
        before = _task_snapshot(task)
        task.coordinations.filter(agency=agency).delete()
        task.agency = agency
        if task.responsible_id and task.responsible.agency_id != agency.pk:
            task.responsible = None
        task.missing = missing_six(task, [(c.agency, c.share) for c in task.coordinations.all()])
        task.is_draft = bool(task.missing)
        task.save()
        after = _task_snapshot(task)
        if reason:
            after["reassign_reason"] = reason
        audit.record(actor, AuditEntry.Action.UPDATE, task, before, after)
        changed += 1
    return changed


# ----------------------------------------------------------------------------- reminder settings


KIND_LABELS = {
    "before": "Nhắc trước hạn",
    "due": "Nhắc vào ngày đến hạn",
    "overdue": "Nhắc khi quá hạn",
    "period": "Nhắc báo cáo định kỳ",
}


def _days(values, field: str) -> list[int]:
    try:
        days = sorted({int(v) for v in values}, reverse=True)
    except (TypeError, ValueError):
        raise ValidationError({field: "Số ngày phải là số nguyên, cách nhau bởi dấu phẩy."}) from None
    if any(d < 1 or d > 90 for d in days):
        raise ValidationError({field: "Số ngày nhắc trước hạn phải từ 1 đến 90."})
    return days


@transaction.atomic
def update_reminder_settings(actor, **fields) -> ReminderSettings:
    if actor is None or not actor.edits_all_agencies:
        raise PermissionDenied("Chỉ Cơ quan thường trực đặt quy định nhắc việc.")
    obj = ReminderSettings.current()
    before = audit.snapshot(obj)
    for name in ("days_before", "required_days_before"):
        if name in fields:
            fields[name] = _days(fields[name], name)
    if "required_kinds" in fields:
        unknown = set(fields["required_kinds"]) - set(KIND_LABELS)
        if unknown:
            raise ValidationError({"required_kinds": "Loại nhắc không hợp lệ."})
    for name, value in fields.items():
        setattr(obj, name, value)
    if obj.escalate_secretariat_after < obj.escalate_leader_after:
        raise ValidationError(
            {
                "escalate_secretariat_after": "Thời điểm báo Cơ quan thường trực không được sớm hơn "
                "thời điểm báo lãnh đạo cơ quan."
            }
        )
    obj.full_clean()
    obj.save()
    audit.record(actor, AuditEntry.Action.UPDATE, obj, before, audit.snapshot(obj))
    return obj


@transaction.atomic
def save_preference(actor, *, kinds, days_before, email: bool) -> ReminderPreference:
    """A person's own choice, never below the secretariat's minimum (named in the message)."""
    rules = ReminderSettings.current()
    kinds = [k for k in kinds if k in KIND_LABELS]
    dropped = [KIND_LABELS[k] for k in rules.required_kinds if k not in kinds]
    if dropped:
        raise ValidationError(
            {
                "kinds": "Cơ quan thường trực yêu cầu mọi người nhận: "
                + ", ".join(dropped)
                + "; không thể tắt."
            }
        )
    days = _days(days_before, "days_before")
    below = [d for d in rules.required_days_before if d not in days]
    if "before" in kinds and below:
        raise ValidationError(
            {
                "days_before": "Mức tối thiểu của Cơ quan thường trực: phải nhận nhắc trước hạn "
                + ", ".join(str(d) for d in below)
                + " ngày."
            }
        )
    if "before" not in kinds and rules.required_days_before:
        raise ValidationError(
            {"kinds": "Cơ quan thường trực yêu cầu mọi người nhận nhắc trước hạn; không thể tắt."}
        )
    pref, _created = ReminderPreference.objects.get_or_create(user=actor)
    before = audit.snapshot(pref)
    pref.kinds, pref.days_before, pref.email = kinds, days, bool(email)
    pref.save()
    audit.record(actor, AuditEntry.Action.UPDATE, pref, before, audit.snapshot(pref))
    return pref
