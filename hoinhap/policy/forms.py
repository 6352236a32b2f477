"""Secretariat forms of the catalogue. Model validation (Vietnamese messages) runs in ``is_valid``."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from hoinhap.agencies.models import Agency
from hoinhap.policy.models import DocumentLink, Observation, PolicyDocument, PolicyItem, Target


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


TEXTAREA = forms.Textarea(attrs={"rows": 4})


class DocumentForm(forms.ModelForm):
    class Meta:
        model = PolicyDocument
        fields = [
            "number",
            "short_name",
            "kind",
            "issuer",
            "date",
            "title",
            "status",
            "note",
            "quote",
            "source",
        ]
        widgets = {
            "date": DateInput(),
            "title": forms.Textarea(attrs={"rows": 2}),
            "note": TEXTAREA,
            "quote": TEXTAREA,
        }
        error_messages = {
            "number": {"required": _("Văn bản phải có số, ký hiệu.")},
            "issuer": {"required": _("Cần ghi cơ quan ban hành.")},
            "title": {"required": _("Cần ghi trích yếu của văn bản.")},
        }


class LinkForm(forms.ModelForm):
    class Meta:
        model = DocumentLink
        fields = ["relation", "target", "quote", "source_text"]
        widgets = {"quote": TEXTAREA}
        labels = {"relation": _("Văn bản này"), "target": _("Văn bản")}

    def __init__(self, *args, document: PolicyDocument, **kwargs):
        kwargs.setdefault("instance", DocumentLink(source=document))
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = PolicyDocument.objects.exclude(pk=document.pk)


class ItemForm(forms.ModelForm):
    class Meta:
        model = PolicyItem
        fields = ["code", "kind", "pillar", "parent", "title", "text", "quote", "source", "section"]
        widgets = {"text": TEXTAREA, "quote": TEXTAREA}
        error_messages = {
            "code": {"required": _("Nội dung phải có mã (ví dụ NQ59-NV8).")},
            "title": {"required": _("Cần tiêu đề ngắn của nội dung.")},
            "quote": {"required": _("Cần trích nguyên văn đoạn văn bản mà nội dung này được lấy ra.")},
        }
        help_texts = {
            "pillar": _("Để trống nếu nội dung thuộc mọi trụ cột."),
            "quote": _("Chép nguyên văn từ văn bản, không sửa chữ."),
        }

    def __init__(self, *args, document: PolicyDocument, **kwargs):
        kwargs.setdefault("instance", PolicyItem(document=document))
        super().__init__(*args, **kwargs)
        parents = PolicyItem.objects.filter(document=document)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents
        self.fields["pillar"].empty_label = _("Chung (mọi trụ cột)")


class TargetForm(forms.ModelForm):
    goal = forms.DecimalField(label=_("Giá trị mục tiêu"), required=False, localize=True)
    baseline_value = forms.DecimalField(label=_("Giá trị cơ sở"), required=False, localize=True)

    class Meta:
        model = Target
        fields = [
            "code",
            "indicator",
            "unit",
            "comparator",
            "goal",
            "target_year",
            "baseline_value",
            "baseline_year",
            "responsible_agency",
            "quote",
            "source",
            "section",
            "note",
        ]
        widgets = {"quote": TEXTAREA, "note": TEXTAREA}
        error_messages = {
            "code": {"required": _("Chỉ tiêu phải có mã.")},
            "indicator": {"required": _("Cần ghi tên chỉ số.")},
            "baseline_year": {"required": _("Cần năm cơ sở của chỉ tiêu.")},
        }
        help_texts = {
            "comparator": _("Để trống nếu chỉ theo dõi, không có mục tiêu."),
            "baseline_value": _("Để trống nếu chưa có: số liệu đầu tiên sẽ là điểm xuất phát."),
        }

    def __init__(self, *args, item: PolicyItem, **kwargs):
        kwargs.setdefault("instance", Target(item=item))
        super().__init__(*args, **kwargs)
        self.fields["unit"].required = False  # the model says why a unit is needed
        self.fields["responsible_agency"].queryset = Agency.objects.filter(active=True)


class ObservationForm(forms.ModelForm):
    value = forms.DecimalField(
        label=_("Giá trị"),
        localize=True,
        error_messages={
            "required": _("Cần nhập giá trị."),
            "invalid": _("Giá trị phải là một số (ví dụ 25,5)."),
        },
    )

    class Meta:
        model = Observation
        fields = ["date", "value", "source", "quote", "note"]
        widgets = {"date": DateInput(), "quote": forms.Textarea(attrs={"rows": 2})}
        error_messages = {
            "date": {"required": _("Cần ngày của số liệu."), "invalid": _("Ngày không hợp lệ (dd/mm/yyyy).")},
            "source": {"required": _("Cần ghi nguồn của số liệu.")},
        }

    def __init__(self, *args, target: Target, **kwargs):
        kwargs.setdefault("instance", Observation(target=target))
        super().__init__(*args, **kwargs)
