"""Programmes, sources and tasks under "6 rõ"; progress with evidence; report periods; reminders.

Ownership (hoinhap.core.scoping): a task belongs to its lead agency (chủ trì); its coordinations,
report periods, progress updates and evidence belong to the task's lead agency through
``agency_field``. A coordinating agency reads and contributes to a task it coordinates through the
one explicit exception in ``hoinhap.tasks.selectors.visible_tasks`` (see that module).
Programmes and sources are national (no agency): every signed-in person reads them, the secretariat
writes them. Notifications, reminders and preferences are personal (read by their recipient only).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hoinhap.core.models import AgencyOwned


class Programme(models.Model):
    class Kind(models.TextChoices):
        ACTION = "action", _("Chương trình hành động")
        WORK_PLAN = "work_plan", _("Kế hoạch công tác")
        OTHER = "other", _("Khác")

    code = models.CharField(max_length=60, unique=True, verbose_name=_("Số hiệu"))
    title = models.CharField(max_length=400, verbose_name=_("Tên chương trình"))
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.ACTION, verbose_name=_("Loại"))
    issuer = models.CharField(max_length=200, blank=True, verbose_name=_("Cơ quan ban hành"))
    issued = models.DateField(null=True, blank=True, verbose_name=_("Ngày ban hành"))
    start_year = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("Từ năm"))
    end_year = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("Đến năm"))
    targets_count = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("Số chỉ tiêu"))
    description = models.TextField(blank=True, verbose_name=_("Mô tả"))

    class Meta:
        ordering = ["-issued", "code"]
        verbose_name = _("Chương trình")
        verbose_name_plural = _("Chương trình")

    def __str__(self) -> str:
        return f"{self.code} — {self.title}"


class Source(models.Model):
    """Where tasks come from: a programme, a conclusion notice (thông báo kết luận), a directive letter."""

    class Kind(models.TextChoices):
        PROGRAMME = "programme", _("Chương trình hành động")
        CONCLUSION = "conclusion", _("Thông báo kết luận")
        DIRECTIVE = "directive", _("Văn bản chỉ đạo")
        WORK_PLAN = "work_plan", _("Kế hoạch công tác")
        OTHER = "other", _("Khác")

    kind = models.CharField(max_length=20, choices=Kind.choices, verbose_name=_("Loại nguồn"))
    programme = models.ForeignKey(
        Programme,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sources",
        verbose_name=_("Chương trình"),
    )
    number = models.CharField(max_length=80, blank=True, verbose_name=_("Số, ký hiệu"))
    title = models.CharField(max_length=400, verbose_name=_("Trích yếu"))
    issuer = models.CharField(max_length=200, blank=True, verbose_name=_("Cơ quan ban hành"))
    issued = models.DateField(null=True, blank=True, verbose_name=_("Ngày ban hành"))
    text = models.TextField(blank=True, verbose_name=_("Toàn văn"))
    url = models.URLField(blank=True, verbose_name=_("Đường dẫn"))

    class Meta:
        ordering = ["-issued", "number"]
        verbose_name = _("Nguồn nhiệm vụ")
        verbose_name_plural = _("Nguồn nhiệm vụ")

    def __str__(self) -> str:
        return " ".join(p for p in [self.get_kind_display(), self.number, self.title] if p)


class Task(AgencyOwned):
    """A task with its six "rõ". ``agency`` is the lead agency (chủ trì). Status is derived (status.py)."""

    class Product(models.TextChoices):
        LAW = "law", _("Luật, nghị quyết của Quốc hội")
        DECREE = "decree", _("Nghị định")
        RESOLUTION = "resolution", _("Nghị quyết")
        DECISION = "decision", _("Quyết định")
        DIRECTIVE = "directive", _("Chỉ thị")
        CIRCULAR = "circular", _("Thông tư")
        SCHEME = "scheme", _("Đề án")
        PROGRAMME = "programme", _("Chương trình")
        PLAN = "plan", _("Kế hoạch")
        STRATEGY = "strategy", _("Chiến lược")
        REPORT = "report", _("Báo cáo")
        AGREEMENT = "agreement", _("Điều ước, thỏa thuận đã ký")
        EVENT = "event", _("Hội nghị, sự kiện")
        OTHER = "other", _("Khác")

    class Authority(models.TextChoices):
        POLITBURO = "politburo", _("Bộ Chính trị, Ban Bí thư")
        NATIONAL_ASSEMBLY = "national_assembly", _("Quốc hội, Ủy ban Thường vụ Quốc hội")
        GOVERNMENT = "government", _("Chính phủ")
        PRIME_MINISTER = "prime_minister", _("Thủ tướng Chính phủ")
        STEERING_COMMITTEE = "steering_committee", _("Ban Chỉ đạo quốc gia về hội nhập quốc tế")
        MINISTER = "minister", _("Bộ trưởng, Thủ trưởng cơ quan ngang Bộ")
        PROVINCE = "province", _("Ủy ban nhân dân cấp tỉnh")
        LEAD_AGENCY = "lead_agency", _("Cơ quan chủ trì")
        OTHER = "other", _("Khác")

    class Recurrence(models.TextChoices):
        YEARLY = "yearly", _("Hằng năm")
        HALF_YEARLY = "half_yearly", _("Định kỳ 6 tháng")
        QUARTERLY = "quarterly", _("Hằng quý")
        MONTHLY = "monthly", _("Hằng tháng")

    programme = models.ForeignKey(
        Programme,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tasks",
        verbose_name=_("Chương trình"),
    )
    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.PROTECT, related_name="tasks", verbose_name=_("Nguồn")
    )
    source_quote = models.TextField(blank=True, verbose_name=_("Trích dẫn nguồn"))
    number = models.CharField(max_length=30, blank=True, verbose_name=_("Số thứ tự"))
    # rõ người
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="responsible_tasks",
        verbose_name=_("Người chịu trách nhiệm"),
    )
    responsible_title = models.CharField(
        max_length=200, blank=True, verbose_name=_("Người chịu trách nhiệm (chức danh)")
    )
    # rõ việc
    title = models.CharField(max_length=400, verbose_name=_("Tên nhiệm vụ"))
    description = models.TextField(blank=True, verbose_name=_("Nội dung công việc"))
    # rõ thời gian
    deadline_text = models.CharField(max_length=300, blank=True, verbose_name=_("Thời hạn (như văn bản)"))
    deadline_kind = models.CharField(max_length=20, default="none", verbose_name=_("Loại thời hạn"))
    due = models.DateField(null=True, blank=True, db_index=True, verbose_name=_("Hạn"))
    period_start = models.DateField(null=True, blank=True, verbose_name=_("Bắt đầu kỳ"))
    recurrence = models.CharField(
        max_length=20, choices=Recurrence.choices, blank=True, verbose_name=_("Định kỳ báo cáo")
    )
    recurrence_until = models.DateField(null=True, blank=True, verbose_name=_("Báo cáo định kỳ đến"))
    report_offset_days = models.IntegerField(
        default=0,
        verbose_name=_("Hạn báo cáo so với cuối kỳ (ngày)"),
        help_text=_("0: ngày cuối kỳ; -15: 15 ngày trước cuối kỳ; 10: 10 ngày sau cuối kỳ."),
    )
    # rõ trách nhiệm: Coordination rows
    # rõ sản phẩm
    product_kind = models.CharField(
        max_length=20, choices=Product.choices, blank=True, verbose_name=_("Loại sản phẩm")
    )
    product = models.CharField(max_length=400, blank=True, verbose_name=_("Sản phẩm"))
    # rõ thẩm quyền
    authority = models.CharField(
        max_length=30, choices=Authority.choices, blank=True, verbose_name=_("Thẩm quyền ban hành, phê duyệt")
    )
    authority_text = models.CharField(max_length=200, blank=True, verbose_name=_("Thẩm quyền (ghi rõ)"))

    policy_items = models.ManyToManyField(
        "policy.PolicyItem", blank=True, related_name="tasks", verbose_name=_("Nội dung chủ trương thực hiện")
    )

    is_draft = models.BooleanField(default=True, verbose_name=_("Bản nháp"))
    missing = models.JSONField(default=list, blank=True, verbose_name=_("Còn thiếu"))
    # Done: the lead recorded completion with its product.
    completed_on = models.DateField(null=True, blank=True, verbose_name=_("Ngày hoàn thành"))
    completion_product = models.CharField(max_length=400, blank=True, verbose_name=_("Sản phẩm hoàn thành"))
    completion_document = models.CharField(max_length=100, blank=True, verbose_name=_("Số văn bản ban hành"))
    has_progress = models.BooleanField(default=False, editable=False)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due", "id"]
        verbose_name = _("Nhiệm vụ")
        verbose_name_plural = _("Nhiệm vụ")
        indexes = [models.Index(fields=["agency", "due"])]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}" if self.number else self.title

    @property
    def deadline_unclear(self) -> bool:
        return self.deadline_kind == "unparsed"

    @property
    def is_recurring(self) -> bool:
        return bool(self.recurrence)

    @property
    def is_done(self) -> bool:
        return self.completed_on is not None

    def status_on(self, today: dt.date | None = None) -> str:
        from hoinhap.tasks.status import task_status

        return task_status(self, today)

    @property
    def status(self) -> str:
        return self.status_on()

    @property
    def status_label(self) -> str:
        from hoinhap.tasks.status import LABELS

        return LABELS[self.status]


class Coordination(models.Model):
    """rõ trách nhiệm: a coordinating agency (phối hợp) and its share of the task."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="coordinations")
    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="+", verbose_name=_("Cơ quan phối hợp")
    )
    share = models.CharField(max_length=400, blank=True, verbose_name=_("Phần việc"))

    agency_field = "task__agency"

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["task", "agency"], name="tasks_coordination_unique")]
        verbose_name = _("Cơ quan phối hợp")

    def __str__(self) -> str:
        return f"{self.agency}: {self.share}" if self.share else str(self.agency)


class ReportPeriod(models.Model):
    """One reporting period of a recurring task, generated from its schedule (services.regenerate_periods)."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="periods")
    label = models.CharField(max_length=60, verbose_name=_("Kỳ báo cáo"))
    start = models.DateField(verbose_name=_("Từ ngày"))
    end = models.DateField(verbose_name=_("Đến ngày"))
    due = models.DateField(db_index=True, verbose_name=_("Hạn báo cáo"))
    reported_on = models.DateField(null=True, blank=True, verbose_name=_("Ngày báo cáo"))

    agency_field = "task__agency"

    class Meta:
        ordering = ["due", "id"]
        constraints = [models.UniqueConstraint(fields=["task", "start", "end"], name="tasks_period_unique")]
        verbose_name = _("Kỳ báo cáo")

    def __str__(self) -> str:
        return self.label

    def status_on(self, today: dt.date | None = None) -> str:
        from hoinhap.tasks.status import period_status

        return period_status(self, today)

    @property
    def status_label(self) -> str:
        from hoinhap.tasks.status import PERIOD_LABELS

        return PERIOD_LABELS[self.status_on()]


class ProgressUpdate(models.Model):
    """A dated update. The lead's updates and each coordinator's contributions are kept apart by ``kind``."""

    class Kind(models.TextChoices):
        PROGRESS = "progress", _("Cập nhật của cơ quan chủ trì")
        CONTRIBUTION = "contribution", _("Đóng góp của cơ quan phối hợp")
        COMPLETION = "completion", _("Hoàn thành")
        REOPEN = "reopen", _("Mở lại")

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="updates")
    kind = models.CharField(max_length=20, choices=Kind.choices, verbose_name=_("Loại"))
    reporter_agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="+", verbose_name=_("Cơ quan báo cáo")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, verbose_name=_("Người cập nhật")
    )
    on = models.DateField(verbose_name=_("Ngày"))
    text = models.TextField(verbose_name=_("Nội dung"))
    percent = models.PositiveSmallIntegerField(null=True, blank=True, verbose_name=_("Tỷ lệ hoàn thành (%)"))
    document_number = models.CharField(max_length=100, blank=True, verbose_name=_("Số văn bản đã ban hành"))
    period = models.ForeignKey(
        ReportPeriod,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports",
        verbose_name=_("Kỳ báo cáo"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    agency_field = "task__agency"

    class Meta:
        ordering = ["-on", "-id"]
        verbose_name = _("Cập nhật tiến độ")
        verbose_name_plural = _("Cập nhật tiến độ")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.on:%d/%m/%Y}: {self.text[:60]}"


def evidence_path(instance, filename: str) -> str:
    return f"tasks/evidence/{dt.date.today():%Y/%m}/{filename}"


class Evidence(models.Model):
    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to=evidence_path, max_length=300, verbose_name=_("Tệp minh chứng"))
    name = models.CharField(max_length=255, verbose_name=_("Tên tệp"))
    size = models.PositiveIntegerField(default=0, verbose_name=_("Dung lượng (byte)"))
    content_type = models.CharField(max_length=100, blank=True)

    agency_field = "update__task__agency"

    class Meta:
        ordering = ["id"]
        verbose_name = _("Minh chứng")

    def __str__(self) -> str:
        return self.name


# ----------------------------------------------------------------------------- reminders (đôn đốc)


def default_days_before() -> list[int]:
    return [14, 3]


def default_required_days() -> list[int]:
    return [3]


def default_kinds() -> list[str]:
    return ["before", "due", "overdue", "period"]


def default_required_kinds() -> list[str]:
    return ["due", "overdue"]


class ReminderSettings(models.Model):
    """The secretariat's schedule and the minimum every person receives (one row, pk=1)."""

    days_before = models.JSONField(default=default_days_before, verbose_name=_("Nhắc trước hạn (ngày)"))
    required_days_before = models.JSONField(
        default=default_required_days,
        blank=True,
        verbose_name=_("Mức tối thiểu: nhắc trước hạn bắt buộc (ngày)"),
    )
    required_kinds = models.JSONField(
        default=default_required_kinds, blank=True, verbose_name=_("Mức tối thiểu: loại nhắc bắt buộc")
    )
    overdue_repeat_days = models.PositiveIntegerField(
        default=7, verbose_name=_("Nhắc lại khi quá hạn sau mỗi (ngày)")
    )
    escalate_leader_after = models.PositiveIntegerField(
        default=7, verbose_name=_("Báo lãnh đạo cơ quan khi quá hạn (ngày)")
    )
    escalate_secretariat_after = models.PositiveIntegerField(
        default=30, verbose_name=_("Báo Cơ quan thường trực khi quá hạn (ngày)")
    )

    class Meta:
        verbose_name = _("Quy định nhắc việc")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)

    @classmethod
    def current(cls) -> ReminderSettings:
        obj, _created = cls.objects.get_or_create(pk=1)
        return obj


class ReminderPreference(models.Model):
    """What one person chooses to receive (never below the secretariat's minimum)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_preference"
    )
    kinds = models.JSONField(default=default_kinds, verbose_name=_("Loại nhắc nhận"))
    days_before = models.JSONField(default=default_days_before, verbose_name=_("Nhắc trước hạn (ngày)"))
    email = models.BooleanField(default=True, verbose_name=_("Nhận qua thư điện tử"))

    class Meta:
        verbose_name = _("Lựa chọn nhắc việc")

    def __str__(self) -> str:
        return str(self.user)


class Notification(models.Model):
    """The one digest of a person for a day: shown in the application and sent by email once."""

    class State(models.TextChoices):
        PENDING = "pending", _("Chờ gửi")
        SENDING = "sending", _("Đang gửi")
        SENT = "sent", _("Đã gửi")
        IN_APP = "in_app", _("Chỉ trong ứng dụng")
        FAILED = "failed", _("Gửi lỗi, sẽ thử lại")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="task_notifications"
    )
    day = models.DateField(verbose_name=_("Ngày"))
    subject = models.CharField(max_length=300, verbose_name=_("Tiêu đề"))
    body = models.TextField(verbose_name=_("Nội dung"))
    email_to = models.EmailField(blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    sending_since = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-day", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "day"], name="tasks_one_digest_per_person_day")
        ]
        verbose_name = _("Thông báo nhắc việc")

    def __str__(self) -> str:
        return self.subject


class Reminder(models.Model):
    """One reminder occurrence for one person, recorded once (``key``) and carried by one digest."""

    class Kind(models.TextChoices):
        BEFORE = "before", _("Sắp đến hạn")
        DUE = "due", _("Đến hạn hôm nay")
        OVERDUE = "overdue", _("Quá hạn")
        PERIOD = "period", _("Báo cáo định kỳ")
        ESCALATE_LEADER = "escalate_leader", _("Báo lãnh đạo cơ quan")
        ESCALATE_SECRETARIAT = "escalate_secretariat", _("Báo Cơ quan thường trực")

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    notification = models.ForeignKey(Notification, on_delete=models.CASCADE, related_name="reminders")
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="reminders")
    period = models.ForeignKey(
        ReportPeriod, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    key = models.CharField(max_length=120)
    text = models.CharField(max_length=500)
    due = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due", "id"]
        constraints = [models.UniqueConstraint(fields=["recipient", "key"], name="tasks_reminder_once")]

    def __str__(self) -> str:
        return self.text
