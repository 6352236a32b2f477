from __future__ import annotations

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Agency(models.Model):
    """A body of the directory (hoinhap/agencies/data/agencies.yaml), active or abolished with a successor."""

    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("Bộ")
        MINISTERIAL_AGENCY = "ministerial_agency", _("Cơ quan ngang Bộ")
        GOVERNMENT_AGENCY = "government_agency", _("Cơ quan thuộc Chính phủ")
        PROVINCE = "province", _("Tỉnh, thành phố trực thuộc Trung ương")
        PEOPLE_COMMITTEE = "people_committee", _("Ủy ban nhân dân")
        PEOPLE_COUNCIL = "people_council", _("Hội đồng nhân dân")
        COURT = "court", _("Tòa án")
        PROCURACY = "procuracy", _("Viện kiểm sát")
        AUDIT = "audit", _("Kiểm toán")
        FRONT = "front", _("Mặt trận Tổ quốc")
        NA_BODY = "na_body", _("Cơ quan của Quốc hội")
        OFFICE = "office", _("Văn phòng")
        PARTY_BODY = "party_body", _("Cơ quan của Đảng")
        OTHER = "other", _("Khác")

    code = models.SlugField(max_length=40, unique=True, verbose_name=_("Mã"))
    name = models.CharField(max_length=200, verbose_name=_("Tên cơ quan"))
    kind = models.CharField(max_length=30, choices=Kind.choices, verbose_name=_("Loại"))
    group = models.CharField(max_length=100, blank=True, verbose_name=_("Nhóm"))
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("Trực thuộc"),
    )
    aliases = models.JSONField(default=list, blank=True, verbose_name=_("Tên gọi khác, viết tắt"))
    active = models.BooleanField(default=True, verbose_name=_("Đang hoạt động"))
    abolished = models.DateField(null=True, blank=True, verbose_name=_("Ngày giải thể, hợp nhất"))
    successor = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
        verbose_name=_("Cơ quan kế thừa"),
    )
    successor_note = models.TextField(blank=True, verbose_name=_("Ghi chú kế thừa"))
    source = models.TextField(blank=True, verbose_name=_("Nguồn"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("Cơ quan")
        verbose_name_plural = _("Cơ quan")

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.active and self.successor_id:
            raise ValidationError({"successor": _("Cơ quan đang hoạt động không có cơ quan kế thừa.")})
        if self.successor_id and self.successor_id == self.pk:
            raise ValidationError({"successor": _("Cơ quan không thể kế thừa chính nó.")})
        if self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": _("Cơ quan không thể trực thuộc chính nó.")})

    def current(self) -> Agency:
        """The active body that holds this one's work today."""
        seen, agency = set(), self
        while agency.successor_id and agency.pk not in seen:
            seen.add(agency.pk)
            agency = agency.successor
        return agency


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", _("Cơ quan thường trực")
    FOCAL_POINT = "focal_point", _("Đầu mối")
    OFFICER = "officer", _("Chuyên viên")
    LEADER = "leader", _("Lãnh đạo")
    OBSERVER = "observer", _("Thành viên BCĐ / xem")


class HoinhapUserManager(UserManager):
    pass


class User(AbstractUser):
    """A person: one agency, one role (SPEC "Users and what they do")."""

    agency = models.ForeignKey(
        Agency,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
        verbose_name=_("Cơ quan"),
    )
    role = models.CharField(
        max_length=20, choices=Role.choices, default=Role.OFFICER, verbose_name=_("Vai trò")
    )
    position = models.CharField(max_length=150, blank=True, verbose_name=_("Chức vụ"))
    phone = models.CharField(max_length=30, blank=True, verbose_name=_("Điện thoại"))
    is_demo = models.BooleanField(default=False, editable=False)

    agency_field = "agency"
    objects = HoinhapUserManager()

    class Meta:
        ordering = ["last_name", "first_name", "username"]
        verbose_name = _("Người dùng")
        verbose_name_plural = _("Người dùng")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        full = " ".join(p for p in [self.last_name, self.first_name] if p)
        return full or self.username

    def clean(self):
        super().clean()
        if self.role != Role.OBSERVER and not self.agency_id and not self.is_superuser:
            raise ValidationError({"agency": _("Người dùng phải thuộc một cơ quan.")})

    # Capabilities read by hoinhap.core.scoping — the only place they are interpreted.
    @property
    def sees_all_agencies(self) -> bool:
        return self.is_superuser or self.role in {Role.SECRETARIAT, Role.OBSERVER}

    @property
    def edits_all_agencies(self) -> bool:
        return self.is_superuser or self.role == Role.SECRETARIAT

    @property
    def may_write(self) -> bool:
        return self.is_superuser or self.role != Role.OBSERVER

    @property
    def is_secretariat(self) -> bool:
        return self.edits_all_agencies

    @property
    def manages_people(self) -> bool:
        return self.is_superuser or self.role in {Role.SECRETARIAT, Role.FOCAL_POINT}
