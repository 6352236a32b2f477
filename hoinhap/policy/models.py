"""The policy basis catalogue (Căn cứ chủ trương): documents, their items, targets and observations.

None of these rows belongs to an agency: the catalogue is read by every signed-in role and written
only by the secretariat (hoinhap.core.scoping treats a model without ``agency_field`` that way).
A target names the agency responsible for it, which is information, not ownership.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hoinhap.engines.text.normalize import fold, normalize


class Pillar(models.IntegerChoices):
    """The three pillars of international integration (seeds 001 and 002)."""

    POLITICS = 1, _("(i) Chính trị, quốc phòng, an ninh")
    ECONOMY = 2, _("(ii) Kinh tế")
    CULTURE = 3, _("(iii) Văn hóa, xã hội, khoa học công nghệ, giáo dục đào tạo và các lĩnh vực khác")


class PolicyDocument(models.Model):
    class Kind(models.TextChoices):
        PARTY_RESOLUTION = "party_resolution", _("Nghị quyết của Đảng")
        CONGRESS = "congress", _("Văn kiện Đại hội Đảng")
        DIRECTIVE = "directive", _("Chỉ thị")
        CONCLUSION = "conclusion", _("Kết luận")
        GOVERNMENT_RESOLUTION = "government_resolution", _("Nghị quyết của Chính phủ")
        NA_RESOLUTION = "na_resolution", _("Nghị quyết của Quốc hội")
        OTHER = "other", _("Văn bản khác")

    class Status(models.TextChoices):
        IN_FORCE = "in_force", _("Đang có hiệu lực")
        SUPERSEDED = "superseded", _("Đã được thay thế")
        EXPIRED = "expired", _("Hết hiệu lực")

    number = models.CharField(max_length=60, unique=True, verbose_name=_("Số, ký hiệu"))
    short_name = models.CharField(max_length=60, blank=True, verbose_name=_("Tên ngắn"))
    kind = models.CharField(max_length=30, choices=Kind.choices, verbose_name=_("Loại văn bản"))
    issuer = models.CharField(max_length=150, verbose_name=_("Cơ quan ban hành"))
    date = models.DateField(null=True, blank=True, verbose_name=_("Ngày ban hành"))
    title = models.CharField(max_length=500, verbose_name=_("Trích yếu"))
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.IN_FORCE, verbose_name=_("Tình trạng")
    )
    note = models.TextField(blank=True, verbose_name=_("Ghi chú"))
    quote = models.TextField(blank=True, verbose_name=_("Trích nguồn"))
    source = models.CharField(max_length=300, blank=True, verbose_name=_("Văn bản nguồn của trích dẫn"))
    position = models.PositiveIntegerField(default=0, verbose_name=_("Thứ tự"))
    search_text = models.TextField(blank=True, editable=False)

    class Meta:
        ordering = ["position", "date", "number"]
        verbose_name = _("Văn bản chủ trương")
        verbose_name_plural = _("Văn bản chủ trương")

    def __str__(self) -> str:
        return self.number if not self.short_name else f"{self.short_name} ({self.number})"

    def get_absolute_url(self) -> str:
        return reverse("policy:document", kwargs={"pk": self.pk})

    def save(self, *args, **kwargs):
        self.title, self.quote = normalize(self.title), normalize(self.quote)
        self.search_text = fold(" ".join([self.number, self.short_name, self.title, self.issuer]))
        super().save(*args, **kwargs)


class DocumentLink(models.Model):
    """``source`` supersedes / implements / updates ``target`` (59 supersedes 22; 153 implements 59)."""

    class Relation(models.TextChoices):
        SUPERSEDES = "supersedes", _("thay thế")
        IMPLEMENTS = "implements", _("triển khai, cụ thể hóa")
        UPDATES = "updates", _("cập nhật, bổ sung")

    INVERSE = {
        "supersedes": _("được thay thế bởi"),
        "implements": _("được triển khai bởi"),
        "updates": _("được cập nhật, bổ sung bởi"),
    }

    source = models.ForeignKey(
        PolicyDocument, on_delete=models.CASCADE, related_name="links_out", verbose_name=_("Văn bản")
    )
    relation = models.CharField(max_length=20, choices=Relation.choices, verbose_name=_("Quan hệ"))
    target = models.ForeignKey(
        PolicyDocument, on_delete=models.CASCADE, related_name="links_in", verbose_name=_("Văn bản liên quan")
    )
    quote = models.TextField(blank=True, verbose_name=_("Trích nguồn"))
    source_text = models.CharField(max_length=300, blank=True, verbose_name=_("Văn bản nguồn của trích dẫn"))

    class Meta:
        ordering = ["source__position", "relation", "target__position"]
        constraints = [
            models.UniqueConstraint(fields=["source", "relation", "target"], name="policy_link_unique"),
        ]
        verbose_name = _("Quan hệ giữa văn bản")
        verbose_name_plural = _("Quan hệ giữa văn bản")

    def __str__(self) -> str:
        return f"{self.source.number} {self.get_relation_display()} {self.target.number}"

    @property
    def inverse_label(self) -> str:
        return self.INVERSE[self.relation]


class PolicyItem(models.Model):
    """One content of a document: an objective, viewpoint, task group, orientation, requirement…

    Items nest (a task group holds its points). ``quote`` is the exact text the item came from,
    ``source`` the text that carries it (which may be another document, e.g. the MOFA guidance
    quoting Resolution 59) and ``section`` where in that text.
    """

    class Kind(models.TextChoices):
        OBJECTIVE = "objective", _("Mục tiêu")
        VIEWPOINT = "viewpoint", _("Quan điểm")
        TASK_GROUP = "task_group", _("Nhóm nhiệm vụ")
        TASK = "task", _("Nhiệm vụ, giải pháp")
        ORIENTATION = "orientation", _("Định hướng")
        REQUIREMENT = "requirement", _("Yêu cầu")
        PILLAR = "pillar", _("Trụ cột")
        IMPLEMENTATION = "implementation", _("Tổ chức thực hiện")
        OTHER = "other", _("Nội dung khác")

    document = models.ForeignKey(
        PolicyDocument, on_delete=models.PROTECT, related_name="items", verbose_name=_("Văn bản")
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("Thuộc nội dung"),
    )
    code = models.CharField(max_length=40, unique=True, verbose_name=_("Mã"))
    kind = models.CharField(max_length=20, choices=Kind.choices, verbose_name=_("Loại nội dung"))
    pillar = models.PositiveSmallIntegerField(
        null=True, blank=True, choices=Pillar.choices, verbose_name=_("Trụ cột")
    )
    title = models.CharField(max_length=300, verbose_name=_("Tiêu đề"))
    text = models.TextField(blank=True, verbose_name=_("Nội dung"))
    quote = models.TextField(verbose_name=_("Trích nguyên văn"))
    source = models.CharField(max_length=300, blank=True, verbose_name=_("Văn bản nguồn của trích dẫn"))
    section = models.CharField(max_length=100, blank=True, verbose_name=_("Mục trong văn bản nguồn"))
    position = models.PositiveIntegerField(default=0, verbose_name=_("Thứ tự"))
    search_text = models.TextField(blank=True, editable=False)

    class Meta:
        ordering = ["document__position", "position", "code"]
        verbose_name = _("Nội dung chủ trương")
        verbose_name_plural = _("Nội dung chủ trương")

    def __str__(self) -> str:
        return f"{self.code} — {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("policy:item", kwargs={"pk": self.pk})

    def save(self, *args, **kwargs):
        self.title, self.text, self.quote = normalize(self.title), normalize(self.text), normalize(self.quote)
        self.search_text = fold(" ".join([self.code, self.title, self.text, self.quote]))
        super().save(*args, **kwargs)

    def ancestors(self) -> list[PolicyItem]:
        chain, seen, node = [], {self.pk}, self.parent
        while node is not None and node.pk not in seen:
            chain.append(node)
            seen.add(node.pk)
            node = node.parent
        return list(reversed(chain))


class Target(models.Model):
    """A quantitative target (chỉ tiêu) of an item, or an indicator followed without a goal."""

    class Comparator(models.TextChoices):
        AT_LEAST = "ge", _("≥ (đạt ít nhất)")
        AT_MOST = "le", _("≤ (không vượt quá)")
        TOP_RANK = "rank", _("Thuộc nhóm N dẫn đầu (thứ hạng ≤ N, càng thấp càng tốt)")

    item = models.ForeignKey(
        PolicyItem, on_delete=models.PROTECT, related_name="targets", verbose_name=_("Nội dung chủ trương")
    )
    code = models.CharField(max_length=40, unique=True, verbose_name=_("Mã"))
    indicator = models.CharField(max_length=300, verbose_name=_("Chỉ số"))
    unit = models.CharField(max_length=60, verbose_name=_("Đơn vị tính"))
    comparator = models.CharField(
        max_length=10, choices=Comparator.choices, blank=True, verbose_name=_("Cách so sánh")
    )
    goal = models.DecimalField(
        max_digits=14, decimal_places=2, null=True, blank=True, verbose_name=_("Giá trị mục tiêu")
    )
    target_year = models.PositiveSmallIntegerField(null=True, blank=True, verbose_name=_("Năm mục tiêu"))
    baseline_value = models.DecimalField(
        max_digits=14, decimal_places=2, null=True, blank=True, verbose_name=_("Giá trị cơ sở")
    )
    baseline_year = models.PositiveSmallIntegerField(verbose_name=_("Năm cơ sở"))
    responsible_agency = models.ForeignKey(
        "agencies.Agency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="policy_targets",
        verbose_name=_("Cơ quan chịu trách nhiệm"),
    )
    responsibility_note = models.CharField(max_length=300, blank=True, verbose_name=_("Căn cứ giao trách nhiệm"))
    quote = models.TextField(blank=True, verbose_name=_("Trích nguyên văn"))
    source = models.CharField(max_length=300, blank=True, verbose_name=_("Văn bản nguồn của trích dẫn"))
    section = models.CharField(max_length=100, blank=True, verbose_name=_("Mục trong văn bản nguồn"))
    note = models.TextField(blank=True, verbose_name=_("Ghi chú"))
    position = models.PositiveIntegerField(default=0, verbose_name=_("Thứ tự"))

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("Chỉ tiêu")
        verbose_name_plural = _("Chỉ tiêu")

    def __str__(self) -> str:
        return f"{self.code} — {self.indicator}"

    def get_absolute_url(self) -> str:
        return reverse("policy:target", kwargs={"pk": self.pk})

    def save(self, *args, **kwargs):
        self.indicator, self.quote = normalize(self.indicator), normalize(self.quote)
        super().save(*args, **kwargs)

    @property
    def has_goal(self) -> bool:
        return self.goal is not None

    @property
    def lower_is_better(self) -> bool:
        return self.comparator in {self.Comparator.AT_MOST, self.Comparator.TOP_RANK}

    def progress(self, observations=None):
        """The derived status (hoinhap.policy.progress); never stored, never typed."""
        from hoinhap.policy.progress import assess_target

        return assess_target(self, observations)


class Observation(models.Model):
    """An observed value of a target on a date, with its source."""

    target = models.ForeignKey(
        Target, on_delete=models.CASCADE, related_name="observations", verbose_name=_("Chỉ tiêu")
    )
    date = models.DateField(verbose_name=_("Ngày số liệu"))
    value = models.DecimalField(max_digits=14, decimal_places=2, verbose_name=_("Giá trị"))
    source = models.CharField(max_length=300, verbose_name=_("Nguồn số liệu"))
    quote = models.TextField(blank=True, verbose_name=_("Trích nguyên văn"))
    note = models.CharField(max_length=300, blank=True, verbose_name=_("Ghi chú"))
    is_demo = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["target", "date", "id"]
        verbose_name = _("Số liệu quan sát")
        verbose_name_plural = _("Số liệu quan sát")

    def __str__(self) -> str:
        return f"{self.target.code} {self.date:%d/%m/%Y}: {self.value}"
