"""The policy basis catalogue (Căn cứ chủ trương): documents, their items, targets and observations.

None of these rows belongs to an agency: the catalogue is read by every signed-in role and written
only by the secretariat (hoinhap.core.scoping treats a model without ``agency_field`` that way).
A target names the agency responsible for it, which is information, not ownership.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hoinhap.engines.text.normalize import fold, nfc


def _fmt(value) -> str:
    """A number the Vietnamese way (1.234,5), for messages."""
    if value is None:
        return "—"
    text = f"{Decimal(value):,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


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

    def save(self, *args, **kwargs):
        self.number, self.title, self.quote = nfc(self.number), nfc(self.title), nfc(self.quote)
        self.search_text = fold(" ".join([self.number, self.short_name, self.title, self.issuer]))
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("policy:document", kwargs={"pk": self.pk})

    def clean(self):
        self.number = nfc(self.number or "").strip()
        if not self.number:
            raise ValidationError({"number": _("Văn bản phải có số, ký hiệu.")})
        clash = PolicyDocument.objects.filter(number__iexact=self.number).exclude(pk=self.pk).first()
        if clash:
            raise ValidationError(
                {"number": _("Số, ký hiệu “%(n)s” đã có trong danh mục.") % {"n": clash.number}}
            )

    def validate_unique(self, exclude=None):
        super().validate_unique(exclude=set(exclude or ()) | {"number"})  # clean() says it in Vietnamese

    def superseded_by(self):
        return [
            link.source for link in self.links_in.all() if link.relation == DocumentLink.Relation.SUPERSEDES
        ]


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

    def validate_constraints(self, exclude=None):
        # The unique triple is checked by clean() with a Vietnamese message.
        super().validate_constraints(exclude=set(exclude or ()) | {"source"})

    def clean(self):
        if not (self.source_id and self.target_id and self.relation):
            return
        if self.source_id == self.target_id:
            raise ValidationError(
                _("Một văn bản không thể %(rel)s chính nó.") % {"rel": self.get_relation_display()}
            )
        if (
            DocumentLink.objects.filter(
                source_id=self.source_id, target_id=self.target_id, relation=self.relation
            )
            .exclude(pk=self.pk)
            .exists()
        ):
            raise ValidationError(_("Quan hệ này đã có."))
        # A cycle: following the same relation from the target leads back to the source.
        edges: dict[int, set[int]] = {}
        for src, dst in (
            DocumentLink.objects.filter(relation=self.relation)
            .exclude(pk=self.pk)
            .values_list("source_id", "target_id")
        ):
            edges.setdefault(src, set()).add(dst)
        path = _path(edges, self.target_id, self.source_id)
        if path:
            numbers = dict(PolicyDocument.objects.filter(pk__in=path).values_list("pk", "number"))
            chain = " → ".join(numbers[pk] for pk in [self.source_id, *path])
            raise ValidationError(
                _(
                    "Không thể lưu: tạo thành vòng lặp “%(rel)s” (%(chain)s). Một văn bản không thể gián tiếp %(rel)s chính nó."
                )
                % {"rel": self.get_relation_display(), "chain": chain}
            )


def _path(edges: dict[int, set[int]], start: int, goal: int) -> list[int] | None:
    """A path start → … → goal in ``edges`` (breadth first), or None."""
    previous: dict[int, int | None] = {start: None}
    queue = [start]
    while queue:
        node = queue.pop(0)
        if node == goal:
            path = []
            while node is not None:
                path.append(node)
                node = previous[node]
            return list(reversed(path))
        for nxt in sorted(edges.get(node, ())):
            if nxt not in previous:
                previous[nxt] = node
                queue.append(nxt)
    return None


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

    def save(self, *args, **kwargs):
        self.title, self.text, self.quote = nfc(self.title), nfc(self.text), nfc(self.quote)
        number = self.document.number if self.document_id else ""
        short = self.document.short_name if self.document_id else ""
        self.search_text = fold(" ".join([self.code, number, short, self.title, self.text, self.quote]))
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("policy:item", kwargs={"pk": self.pk})

    def clean(self):
        errors = {}
        self.code = nfc(self.code or "").strip()
        if self.code:
            clash = PolicyItem.objects.filter(code__iexact=self.code).exclude(pk=self.pk).first()
            if clash:
                errors["code"] = _("Mã “%(code)s” đã được dùng cho nội dung “%(title)s” (%(doc)s).") % {
                    "code": clash.code,
                    "title": clash.title,
                    "doc": clash.document.number,
                }
        if not (self.quote or "").strip():
            errors["quote"] = _("Cần trích nguyên văn đoạn văn bản mà nội dung này được lấy ra.")
        if self.parent_id:
            parent = self.parent
            if self.document_id and parent.document_id != self.document_id:
                errors["parent"] = _("Nội dung cha phải thuộc cùng văn bản.")
            node, seen = parent, set()
            while node is not None and node.pk not in seen:
                if self.pk and node.pk == self.pk:
                    errors["parent"] = _("Một nội dung không thể nằm trong chính nó.")
                    break
                seen.add(node.pk)
                node = node.parent
        if errors:
            raise ValidationError(errors)

    def validate_unique(self, exclude=None):
        super().validate_unique(exclude=set(exclude or ()) | {"code"})

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
    responsibility_note = models.CharField(
        max_length=300, blank=True, verbose_name=_("Căn cứ giao trách nhiệm")
    )
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

    def save(self, *args, **kwargs):
        self.indicator, self.quote = nfc(self.indicator), nfc(self.quote)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("policy:target", kwargs={"pk": self.pk})

    def clean_fields(self, exclude=None):
        # The unit is checked by clean() with a message that says why it matters.
        super().clean_fields(exclude=set(exclude or ()) | {"unit"})

    def validate_unique(self, exclude=None):
        super().validate_unique(exclude=set(exclude or ()) | {"code"})

    @property
    def is_percent(self) -> bool:
        return (self.unit or "").strip() in {"%", "phần trăm"}

    def clean(self):
        errors: dict[str, str] = {}
        self.unit = (self.unit or "").strip()
        self.code = nfc(self.code or "").strip()
        if not self.unit:
            errors["unit"] = _("Chỉ tiêu phải có đơn vị tính (ví dụ: %, thứ hạng, tỷ USD, số đối tác).")
        if self.code and Target.objects.filter(code__iexact=self.code).exclude(pk=self.pk).exists():
            errors["code"] = _("Mã chỉ tiêu “%(code)s” đã được dùng.") % {"code": self.code}
        goal, comp = self.goal, self.comparator
        if goal is not None and not comp:
            errors["comparator"] = _(
                "Có giá trị mục tiêu thì phải chọn cách so sánh (≥, ≤ hoặc nhóm N dẫn đầu)."
            )
        if comp and goal is None:
            errors["goal"] = _("Đã chọn cách so sánh thì phải có giá trị mục tiêu.")
        if goal is not None and not self.target_year:
            errors["target_year"] = _("Chỉ tiêu có giá trị mục tiêu phải có năm mục tiêu.")
        if self.target_year and self.baseline_year and self.target_year < self.baseline_year:
            errors["target_year"] = _("Năm mục tiêu %(t)s trước năm cơ sở %(b)s.") % {
                "t": self.target_year,
                "b": self.baseline_year,
            }
        if goal is not None and comp == self.Comparator.TOP_RANK and (goal < 1 or goal != int(goal)):
            errors["goal"] = _(
                "Chỉ tiêu “thuộc nhóm N dẫn đầu” cần N là số nguyên dương (thứ hạng 1 là cao nhất), không phải %(g)s."
            ) % {"g": _fmt(goal)}
        if goal is not None and self.is_percent and not (0 <= goal <= 100):
            errors["goal"] = _("Mục tiêu tính bằng %% phải nằm trong khoảng 0–100, không phải %(g)s.") % {
                "g": _fmt(goal)
            }
        base = self.baseline_value
        if base is not None and comp == self.Comparator.TOP_RANK and (base < 1 or base != int(base)):
            errors["baseline_value"] = _("Thứ hạng cơ sở phải là số nguyên dương.")
        if goal is not None and base is not None and "goal" not in errors:
            if comp == self.Comparator.AT_LEAST and goal < base:
                errors["goal"] = _(
                    "Mục tiêu “≥ %(g)s” mâu thuẫn với cách so sánh: giá trị cơ sở đã là %(b)s, "
                    "mục tiêu “đạt ít nhất” phải không thấp hơn giá trị cơ sở."
                ) % {"g": _fmt(goal), "b": _fmt(base)}
            elif comp in (self.Comparator.AT_MOST, self.Comparator.TOP_RANK) and goal > base:
                errors["goal"] = _(
                    "Mục tiêu “%(sign)s %(g)s” mâu thuẫn với cách so sánh: giá trị cơ sở đã là %(b)s, "
                    "với chỉ tiêu càng thấp càng tốt mục tiêu phải không cao hơn giá trị cơ sở."
                ) % {
                    "sign": "≤" if comp == self.Comparator.AT_MOST else "nhóm",
                    "g": _fmt(goal),
                    "b": _fmt(base),
                }
        if self.pk and self.baseline_year:
            early = self.observations.filter(date__year__lt=self.baseline_year).order_by("date").first()
            if early:
                errors["baseline_year"] = _("Đã có số liệu ngày %(d)s, trước năm cơ sở %(y)s.") % {
                    "d": early.date.strftime("%d/%m/%Y"),
                    "y": self.baseline_year,
                }
        if errors:
            raise ValidationError(errors)

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
        return f"{self.target.code} {self.date:%d/%m/%Y}: {_fmt(self.value)}"

    def clean(self):
        if not (self.target_id and self.date and self.value is not None):
            return
        target = self.target
        errors: dict[str, str] = {}
        if self.date.year < target.baseline_year:
            errors["date"] = _(
                "Số liệu ngày %(d)s có trước năm cơ sở %(y)s của chỉ tiêu; nhập số liệu từ năm %(y)s trở đi "
                "hoặc sửa năm cơ sở của chỉ tiêu."
            ) % {"d": self.date.strftime("%d/%m/%Y"), "y": target.baseline_year}
        elif self.date > timezone.localdate() + dt.timedelta(days=1):
            errors["date"] = _("Ngày số liệu %(d)s ở tương lai.") % {"d": self.date.strftime("%d/%m/%Y")}
        elif (
            Observation.objects.filter(target_id=self.target_id, date=self.date).exclude(pk=self.pk).exists()
        ):
            errors["date"] = _("Chỉ tiêu đã có số liệu ngày %(d)s; sửa số liệu đó thay vì thêm mới.") % {
                "d": self.date.strftime("%d/%m/%Y")
            }
        if target.comparator == Target.Comparator.TOP_RANK and (
            self.value < 1 or self.value != int(self.value)
        ):
            errors["value"] = _("Thứ hạng phải là số nguyên dương, không phải %(v)s.") % {
                "v": _fmt(self.value)
            }
        elif target.is_percent and not (0 <= self.value <= 100):
            errors["value"] = _("Tỉ lệ phần trăm phải nằm trong khoảng 0–100, không phải %(v)s.") % {
                "v": _fmt(self.value)
            }
        if not (self.source or "").strip():
            errors["source"] = _("Cần ghi nguồn của số liệu.")
        if errors:
            raise ValidationError(errors)
