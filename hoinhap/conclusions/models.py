"""A conclusion notice pasted or uploaded (Notice) and the tasks proposed from it (ProposedTask).

A notice belongs to the agency of the person who brought it in (AgencyOwned); its rows belong to the
notice's agency (``agency_field = "notice__agency"``). Rows are kept between steps so that a person can
correct, merge, split and drop them before the tasks are created in one transaction
(hoinhap.conclusions.services.create_tasks).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hoinhap.core.models import AgencyOwned


class Notice(AgencyOwned):
    class State(models.TextChoices):
        DRAFT = "draft", _("Đang xác nhận")
        CREATED = "created", _("Đã tạo nhiệm vụ")

    text = models.TextField(verbose_name=_("Toàn văn"))
    filename = models.CharField(max_length=255, blank=True, verbose_name=_("Tệp tải lên"))
    kind = models.CharField(max_length=60, blank=True, verbose_name=_("Loại văn bản"))
    number = models.CharField(max_length=80, blank=True, verbose_name=_("Số, ký hiệu"))
    title = models.CharField(max_length=400, verbose_name=_("Trích yếu"))
    issuer = models.CharField(max_length=200, blank=True, verbose_name=_("Cơ quan ban hành"))
    issued = models.DateField(null=True, blank=True, verbose_name=_("Ngày ban hành"))
    meeting_date = models.DateField(null=True, blank=True, verbose_name=_("Ngày họp"))
    state = models.CharField(
        max_length=10, choices=State.choices, default=State.DRAFT, verbose_name=_("Trạng thái")
    )
    source = models.ForeignKey(
        "tasks.Source",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("Nguồn nhiệm vụ"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Người tải lên"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("Thông báo kết luận")
        verbose_name_plural = _("Thông báo kết luận")

    def __str__(self) -> str:
        return " ".join(p for p in [self.number, self.title] if p) or f"#{self.pk}"

    @property
    def is_draft(self) -> bool:
        return self.state == self.State.DRAFT


class ProposedTask(models.Model):
    """One task proposed from a notice, with its six fields as the person corrected them."""

    class State(models.TextChoices):
        PENDING = "pending", _("Chờ xác nhận")
        CONFIRMED = "confirmed", _("Đã xác nhận")
        DROPPED = "dropped", _("Đã bỏ")

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="rows")
    position = models.PositiveIntegerField(default=0, verbose_name=_("Thứ tự"))
    state = models.CharField(
        max_length=10, choices=State.choices, default=State.PENDING, verbose_name=_("Trạng thái")
    )
    collective = models.BooleanField(default=False, verbose_name=_("Giao chung cho nhóm cơ quan"))
    # rõ người: the chosen lead, the words of the notice, and joint leads (each gets its own task)
    lead = models.ForeignKey(
        "agencies.Agency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("Cơ quan chủ trì"),
    )
    lead_text = models.CharField(max_length=300, blank=True, verbose_name=_("Chủ trì (như văn bản)"))
    co_leads = models.ManyToManyField(
        "agencies.Agency", blank=True, related_name="+", verbose_name=_("Đồng chủ trì")
    )
    co_leads_text = models.CharField(
        max_length=500, blank=True, verbose_name=_("Đồng chủ trì chưa xác định (như văn bản)")
    )
    # rõ trách nhiệm
    coordinators = models.ManyToManyField(
        "agencies.Agency", blank=True, related_name="+", verbose_name=_("Cơ quan phối hợp")
    )
    coordinators_text = models.CharField(
        max_length=500, blank=True, verbose_name=_("Phối hợp chưa xác định (như văn bản)")
    )
    # rõ việc, rõ thời gian, rõ sản phẩm, rõ thẩm quyền
    title = models.CharField(max_length=400, blank=True, verbose_name=_("Nội dung công việc"))
    deadline_text = models.CharField(max_length=300, blank=True, verbose_name=_("Thời hạn (như văn bản)"))
    due = models.DateField(null=True, blank=True, verbose_name=_("Hạn (đọc từ thời hạn)"))
    deliverable = models.CharField(max_length=400, blank=True, verbose_name=_("Sản phẩm"))
    authority_text = models.CharField(max_length=200, blank=True, verbose_name=_("Thẩm quyền"))
    # where it came from
    quote = models.TextField(blank=True, verbose_name=_("Trích dẫn"))
    quote_start = models.PositiveIntegerField(default=0)
    quote_end = models.PositiveIntegerField(default=0)
    note = models.CharField(max_length=400, blank=True, verbose_name=_("Ghi chú"))

    agency_field = "notice__agency"

    class Meta:
        ordering = ["notice", "position", "id"]
        verbose_name = _("Nhiệm vụ đề xuất")
        verbose_name_plural = _("Nhiệm vụ đề xuất")

    def __str__(self) -> str:
        return f"{self.position}. {self.title or self.quote[:80]}"

    @property
    def is_pending(self) -> bool:
        return self.state == self.State.PENDING

    @property
    def is_confirmed(self) -> bool:
        return self.state == self.State.CONFIRMED

    @property
    def is_dropped(self) -> bool:
        return self.state == self.State.DROPPED
