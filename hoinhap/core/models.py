"""What every area uses: the agency-owned base, the audit log and background jobs."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AgencyOwned(models.Model):
    """A row that belongs to one agency. Scoping (hoinhap.core.scoping) reads ``agency_field``."""

    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="+", verbose_name=_("Cơ quan")
    )

    agency_field = "agency"

    class Meta:
        abstract = True


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", _("Tạo mới")
        UPDATE = "update", _("Cập nhật")
        DELETE = "delete", _("Xóa")

    at = models.DateTimeField(auto_now_add=True, db_index=True, verbose_name=_("Thời điểm"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("Người thực hiện"),
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Cơ quan"),
    )
    action = models.CharField(max_length=10, choices=Action.choices, verbose_name=_("Thao tác"))
    object_type = models.CharField(max_length=100, db_index=True, verbose_name=_("Loại đối tượng"))
    object_id = models.CharField(max_length=64, verbose_name=_("Mã đối tượng"))
    object_repr = models.CharField(max_length=300, verbose_name=_("Đối tượng"))
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)

    agency_field = "agency"

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("Nhật ký thay đổi")

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.object_repr}"

    def changes(self) -> list[tuple[str, object, object]]:
        before, after = self.before or {}, self.after or {}
        keys = sorted(set(before) | set(after))
        return [(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]


class Job(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang chạy")
        DONE = "done", _("Hoàn thành")
        FAILED = "failed", _("Thất bại")

    kind = models.CharField(max_length=50, verbose_name=_("Loại việc"))
    title = models.CharField(max_length=200, verbose_name=_("Tên"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, verbose_name=_("Người tạo")
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("Cơ quan"),
    )
    params = models.JSONField(default=dict, blank=True)
    state = models.CharField(
        max_length=10, choices=State.choices, default=State.QUEUED, verbose_name=_("Trạng thái")
    )
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    messages = models.JSONField(default=list, blank=True)
    error = models.TextField(blank=True, verbose_name=_("Lỗi"))
    result_file = models.FileField(upload_to="jobs/%Y/%m/", blank=True, verbose_name=_("Tệp kết quả"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Tạo lúc"))
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Kết thúc lúc"))

    agency_field = "agency"

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("Công việc nền")

    def __str__(self) -> str:
        return self.title

    @property
    def percent(self) -> int:
        if self.state == self.State.DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def finished(self) -> bool:
        return self.state in {self.State.DONE, self.State.FAILED}
