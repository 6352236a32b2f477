from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from hoinhap.agencies.models import Agency
from hoinhap.tasks import status as st
from hoinhap.tasks.models import Programme, ReminderSettings, Source, Task
from hoinhap.tasks.services import KIND_LABELS

DATE_INPUTS = ["%d/%m/%Y", "%Y-%m-%d"]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def date_field(label, required=True, **kwargs):
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_INPUTS,
        widget=DateInput(),
        error_messages={"invalid": _("Ngày không hợp lệ (dd/mm/yyyy).")},
        **kwargs,
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data if d]
        return [super().clean(data, initial)] if data else []


def resolve_agency(text: str) -> Agency | None:
    """An agency from its code, name or a usual abbreviation (the directory resolver), current body."""
    text = (text or "").strip()
    if not text:
        return None
    found = (
        Agency.objects.filter(code__iexact=text).first() or Agency.objects.filter(name__iexact=text).first()
    )
    if found is None:
        from hoinhap.engines.text.agencies import load_directory

        hit = load_directory().resolve(text)
        if hit is not None:
            found = Agency.objects.filter(code=hit.code).first()
    return found.current() if found is not None else None


class TaskForm(forms.Form):
    programme = forms.ModelChoiceField(Programme.objects.all(), required=False, label=_("Chương trình"))
    source = forms.ModelChoiceField(Source.objects.all(), required=False, label=_("Nguồn nhiệm vụ"))
    number = forms.CharField(max_length=30, required=False, label=_("Số thứ tự"))
    title = forms.CharField(max_length=400, label=_("Tên nhiệm vụ (rõ việc)"))
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), required=False, label=_("Nội dung")
    )
    agency = forms.ModelChoiceField(Agency.objects.filter(active=True), label=_("Cơ quan chủ trì (rõ người)"))
    responsible = forms.ModelChoiceField(
        get_user_model().objects.none(), required=False, label=_("Người chịu trách nhiệm")
    )
    responsible_title = forms.CharField(
        max_length=200, required=False, label=_("hoặc chức danh người chịu trách nhiệm")
    )
    deadline_text = forms.CharField(
        max_length=300,
        required=False,
        label=_("Thời hạn (rõ thời gian)"),
        help_text=_(
            "Như văn bản: “trước ngày 20/10/2025”, “quý I/2026”, “6 tháng đầu năm 2026”, “hằng năm”, "
            "“thường xuyên”…"
        ),
    )
    recurrence = forms.ChoiceField(
        choices=[("", _("Không định kỳ"))] + list(Task.Recurrence.choices),
        required=False,
        label=_("Báo cáo định kỳ"),
    )
    recurrence_until = date_field(_("Báo cáo định kỳ đến ngày"), required=False)
    report_offset_days = forms.IntegerField(
        required=False,
        initial=0,
        min_value=-180,
        max_value=180,
        label=_("Hạn báo cáo so với cuối kỳ (ngày)"),
    )
    coordinators = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        label=_("Cơ quan phối hợp và phần việc (rõ trách nhiệm)"),
        help_text=_("Mỗi dòng một cơ quan: “Bộ Ngoại giao: hỗ trợ đàm phán với đối tác”."),
    )
    product_kind = forms.ChoiceField(
        choices=[("", "—")] + list(Task.Product.choices), required=False, label=_("Loại sản phẩm")
    )
    product = forms.CharField(max_length=400, required=False, label=_("Sản phẩm (rõ sản phẩm)"))
    authority = forms.ChoiceField(
        choices=[("", "—")] + list(Task.Authority.choices),
        required=False,
        label=_("Thẩm quyền (rõ thẩm quyền)"),
    )
    authority_text = forms.CharField(max_length=200, required=False, label=_("Thẩm quyền (ghi rõ)"))
    source_quote = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False, label=_("Trích dẫn từ văn bản nguồn")
    )

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = actor
        people = get_user_model().objects.filter(is_active=True).exclude(agency=None)
        if not actor.edits_all_agencies:
            self.fields["agency"].queryset = Agency.objects.filter(pk=actor.agency_id)
            self.fields["agency"].initial = actor.agency_id
            people = people.filter(agency_id=actor.agency_id)
        self.fields["responsible"].queryset = people.select_related("agency")
        self.fields["responsible"].label_from_instance = lambda u: f"{u.display_name} — {u.agency}"
        try:
            from hoinhap.policy.models import PolicyItem
        except ImportError:  # the policy catalogue is not installed
            PolicyItem = None
        if PolicyItem is not None and hasattr(Task, "policy_items"):
            self.fields["policy_items"] = forms.ModelMultipleChoiceField(
                PolicyItem.objects.all(),
                required=False,
                label=_("Nội dung chủ trương thực hiện"),
                widget=forms.SelectMultiple(attrs={"size": 6}),
            )

    def clean_coordinators(self):
        out, errors = [], []
        for n, line in enumerate((self.cleaned_data.get("coordinators") or "").splitlines(), start=1):
            if not line.strip():
                continue
            name, _sep, share = line.partition(":")
            agency = resolve_agency(name)
            if agency is None:
                errors.append(
                    _("Dòng %(n)s: không tìm thấy cơ quan “%(name)s”.") % {"n": n, "name": name.strip()}
                )
                continue
            out.append((agency, share.strip()))
        if errors:
            raise forms.ValidationError(errors)
        return out

    def task_data(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("coordinators", None)
        data.pop("policy_items", None)
        if data.get("report_offset_days") is None:
            data["report_offset_days"] = 0
        return data

    @staticmethod
    def initial_for(task: Task) -> dict:
        initial = {
            f: getattr(task, f) for f in TaskForm.base_fields if hasattr(task, f) and f != "coordinators"
        }
        initial["agency"] = task.agency_id
        initial["responsible"] = task.responsible_id
        initial["programme"] = task.programme_id
        initial["source"] = task.source_id
        initial["coordinators"] = "\n".join(
            f"{c.agency.name}: {c.share}" if c.share else c.agency.name for c in task.coordinations.all()
        )
        if hasattr(task, "policy_items"):
            initial["policy_items"] = list(task.policy_items.values_list("pk", flat=True))
        return initial


class ProgressForm(forms.Form):
    on = date_field(_("Ngày"), initial=dt.date.today)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label=_("Nội dung tiến độ"))
    percent = forms.IntegerField(
        required=False,
        min_value=0,
        max_value=100,
        label=_("Tỷ lệ hoàn thành (%)"),
        error_messages={
            "min_value": _("Tỷ lệ hoàn thành phải từ 0 đến 100%."),
            "max_value": _("Tỷ lệ hoàn thành phải từ 0 đến 100%."),
        },
    )
    document_number = forms.CharField(max_length=100, required=False, label=_("Số văn bản đã ban hành"))
    period = forms.ModelChoiceField(queryset=None, required=False, label=_("Báo cáo cho kỳ"))
    files = MultipleFileField(label=_("Tệp minh chứng"))

    def __init__(self, *args, task, lead: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if task.recurrence and lead:
            self.fields["period"].queryset = task.periods.filter(reported_on__isnull=True)
        else:
            del self.fields["period"]


class CompleteForm(forms.Form):
    on = date_field(_("Ngày hoàn thành"), initial=dt.date.today)
    product = forms.CharField(
        max_length=400,
        required=False,
        label=_("Sản phẩm hoàn thành"),
        help_text=_("VD: Nghị định số 12/2026/NĐ-CP; Báo cáo số 45/BC-BCT gửi Thủ tướng Chính phủ."),
    )
    document_number = forms.CharField(max_length=100, required=False, label=_("Số văn bản đã ban hành"))
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False, label=_("Ghi chú"))
    files = MultipleFileField(label=_("Tệp minh chứng"))


class ReopenForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False, label=_("Lý do mở lại")
    )


class ReassignForm(forms.Form):
    agency = forms.ModelChoiceField(Agency.objects.filter(active=True), label=_("Cơ quan chủ trì mới"))
    reason = forms.CharField(max_length=300, required=False, label=_("Lý do"))


class ProgrammeForm(forms.ModelForm):
    issued = date_field(_("Ngày ban hành"), required=False)

    class Meta:
        model = Programme
        fields = [
            "code",
            "title",
            "kind",
            "issuer",
            "issued",
            "start_year",
            "end_year",
            "targets_count",
            "description",
        ]


class SourceForm(forms.ModelForm):
    issued = date_field(_("Ngày ban hành"), required=False)
    url = forms.URLField(required=False, assume_scheme="https", label=_("Đường dẫn"))

    class Meta:
        model = Source
        fields = ["kind", "programme", "number", "title", "issuer", "issued", "url", "text"]


def _int_list(value: str) -> list[str]:
    return [p.strip() for p in (value or "").replace(";", ",").split(",") if p.strip()]


class PreferenceForm(forms.Form):
    kinds = forms.MultipleChoiceField(
        choices=list(KIND_LABELS.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Nhận nhắc"),
    )
    days_before = forms.CharField(
        max_length=60,
        label=_("Nhắc trước hạn (số ngày, cách nhau bởi dấu phẩy)"),
        help_text=_("VD: 14, 7, 3"),
    )
    email = forms.BooleanField(required=False, label=_("Nhận qua thư điện tử"))

    def clean_days_before(self):
        return _int_list(self.cleaned_data["days_before"])


class ReminderSettingsForm(forms.Form):
    days_before = forms.CharField(max_length=60, label=_("Lịch nhắc trước hạn mặc định (ngày)"))
    required_days_before = forms.CharField(
        max_length=60, required=False, label=_("Mức tối thiểu: nhắc trước hạn bắt buộc (ngày)")
    )
    required_kinds = forms.MultipleChoiceField(
        choices=list(KIND_LABELS.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Mức tối thiểu: loại nhắc bắt buộc"),
    )
    overdue_repeat_days = forms.IntegerField(
        min_value=0, max_value=90, label=_("Nhắc lại khi quá hạn sau mỗi (ngày)")
    )
    escalate_leader_after = forms.IntegerField(
        min_value=0, max_value=365, label=_("Báo lãnh đạo cơ quan khi quá hạn (ngày)")
    )
    escalate_secretariat_after = forms.IntegerField(
        min_value=0, max_value=365, label=_("Báo Cơ quan thường trực khi quá hạn (ngày)")
    )

    def clean_days_before(self):
        return _int_list(self.cleaned_data["days_before"])

    def clean_required_days_before(self):
        return _int_list(self.cleaned_data["required_days_before"])

    @staticmethod
    def initial_for(rules: ReminderSettings) -> dict:
        return {
            "days_before": ", ".join(str(d) for d in rules.days_before),
            "required_days_before": ", ".join(str(d) for d in rules.required_days_before),
            "required_kinds": rules.required_kinds,
            "overdue_repeat_days": rules.overdue_repeat_days,
            "escalate_leader_after": rules.escalate_leader_after,
            "escalate_secretariat_after": rules.escalate_secretariat_after,
        }


class TaskFilterForm(forms.Form):
    """Reads the list filters (GET); invalid values are ignored rather than failing the page."""

    q = forms.CharField(required=False)
    agency = forms.IntegerField(required=False)
    status = forms.ChoiceField(choices=[("", "")] + [(k, v) for k, v in st.LABELS.items()], required=False)
    pillar = forms.CharField(required=False)
    programme = forms.IntegerField(required=False)
    due_from = forms.DateField(required=False, input_formats=DATE_INPUTS)
    due_to = forms.DateField(required=False, input_formats=DATE_INPUTS)
    overdue = forms.BooleanField(required=False)
    role = forms.ChoiceField(choices=[("", ""), ("lead", ""), ("coordinator", "")], required=False)

    def values(self) -> dict:
        self.is_valid()
        data = {k: v for k, v in self.cleaned_data.items() if k not in self.errors}
        return {
            "q": data.get("q") or None,
            "agency": data.get("agency"),
            "status": data.get("status") or None,
            "pillar": data.get("pillar") or None,
            "programme": data.get("programme"),
            "due_from": data.get("due_from"),
            "due_to": data.get("due_to"),
            "overdue_only": bool(data.get("overdue")),
            "role": data.get("role") or None,
        }
