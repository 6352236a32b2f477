from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from hoinhap.agencies.models import Agency
from hoinhap.conclusions import services
from hoinhap.conclusions.models import Notice, ProposedTask

DATE_INPUTS = ["%d/%m/%Y", "%Y-%m-%d"]


class PasteForm(forms.Form):
    text = forms.CharField(
        widget=forms.Textarea(
            attrs={"rows": 14, "placeholder": _("Dán toàn văn thông báo kết luận vào đây…")}
        ),
        required=False,
        strip=False,
        label=_("Toàn văn thông báo kết luận"),
    )
    file = forms.FileField(
        required=False,
        label=_("hoặc tải tệp lên"),
        help_text=_("TXT, DOCX hoặc PDF có lớp chữ."),
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.docx,.pdf"}),
    )

    def clean(self):
        data = super().clean()
        upload, text = data.get("file"), data.get("text") or ""
        if upload is not None and text.strip():
            raise ValidationError(_("Chỉ dán văn bản hoặc chọn tệp, không cả hai."))
        if upload is not None:
            try:
                data["text"] = services.read_upload(upload)
            except ValidationError as exc:
                self.add_error("file", exc)
            data["filename"] = upload.name
        elif not text.strip():
            raise ValidationError(_("Chưa có nội dung: hãy dán toàn văn thông báo kết luận hoặc chọn tệp."))
        return data


class NoticeForm(forms.ModelForm):
    issued = forms.DateField(
        required=False,
        input_formats=DATE_INPUTS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        label=_("Ngày ban hành"),
        error_messages={"invalid": _("Ngày không hợp lệ (dd/mm/yyyy).")},
    )

    class Meta:
        model = Notice
        fields = ["number", "title", "issuer", "issued"]


class AgencyMultiple(forms.ModelMultipleChoiceField):
    widget = forms.SelectMultiple(attrs={"size": 4})


def _active():
    return Agency.objects.filter(active=True).order_by("name")


class RowForm(forms.ModelForm):
    """The six fields of one proposed task (the service checks them and confirms the row)."""

    lead = forms.ModelChoiceField(
        _active(), required=False, label=_("Cơ quan chủ trì (rõ người)"), empty_label=_("— chọn cơ quan —")
    )
    co_leads = AgencyMultiple(_active(), required=False, label=_("Đồng chủ trì (mỗi cơ quan một nhiệm vụ)"))
    coordinators = AgencyMultiple(_active(), required=False, label=_("Cơ quan phối hợp (rõ trách nhiệm)"))

    class Meta:
        model = ProposedTask
        fields = [
            "lead",
            "co_leads",
            "coordinators",
            "title",
            "deadline_text",
            "deliverable",
            "authority_text",
        ]
        labels = {
            "title": _("Nội dung công việc (rõ việc)"),
            "deadline_text": _("Thời hạn như văn bản (rõ thời gian)"),
            "deliverable": _("Sản phẩm (rõ sản phẩm)"),
            "authority_text": _("Thẩm quyền trình, phê duyệt (rõ thẩm quyền)"),
        }
        widgets = {"title": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pk = self.instance.pk
        self.auto_id = f"id_r{pk}_%s" if pk else "id_%s"
        self.fields["deadline_text"].help_text = _(
            "“quý I/2026”, “trước ngày 30/6/2026”, “hằng năm”…; hạn được đọc từ thời hạn này."
        )

    def service_data(self) -> dict:
        d = self.cleaned_data
        return {k: d.get(k) for k in ("lead", "title", "deadline_text", "deliverable", "authority_text")}
