from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from hoinhap.agencies.models import Agency, Role, User


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý chữ hoa, chữ thường."),
        "inactive": _("Tài khoản này đã bị khóa. Hãy liên hệ Đầu mối của cơ quan bạn."),
        "no_agency": _(
            "Tài khoản chưa được gán cơ quan nên chưa dùng được. Hãy liên hệ Đầu mối hoặc Cơ quan thường trực."
        ),
        "demo": _("Tài khoản trình diễn chỉ dùng được ở chế độ trình diễn (DEBUG bật)."),
    }

    def confirm_login_allowed(self, user):
        if not user.is_active:
            raise forms.ValidationError(self.error_messages["inactive"], code="inactive")
        if user.is_demo and not settings.HOINHAP_DEMO_LOGINS_ALLOWED:
            raise forms.ValidationError(self.error_messages["demo"], code="demo")
        if not user.agency_id and not user.sees_all_agencies:
            raise forms.ValidationError(self.error_messages["no_agency"], code="no_agency")


class PersonForm(forms.Form):
    username = forms.RegexField(
        regex=r"^[\w.@+-]+\Z",
        max_length=150,
        label=_("Tên đăng nhập"),
        error_messages={"invalid": _("Tên đăng nhập chỉ gồm chữ, số và các ký tự . @ + - _")},
    )
    last_name = forms.CharField(max_length=150, label=_("Họ và tên đệm"), required=False)
    first_name = forms.CharField(max_length=150, label=_("Tên"))
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    position = forms.CharField(max_length=150, label=_("Chức vụ"), required=False)
    phone = forms.CharField(max_length=30, label=_("Điện thoại"), required=False)
    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), label=_("Cơ quan"), required=False)
    role = forms.ChoiceField(choices=Role.choices, label=_("Vai trò"))
    is_active = forms.BooleanField(label=_("Đang hoạt động"), required=False, initial=True)
    password = forms.CharField(
        widget=forms.PasswordInput, label=_("Mật khẩu"), required=False, help_text=_("Ít nhất 8 ký tự.")
    )

    def __init__(self, *args, actor, person=None, **kwargs):
        super().__init__(*args, **kwargs)
        from hoinhap.agencies.selectors import assignable_agencies

        self.actor, self.person = actor, person
        self.fields["agency"].queryset = assignable_agencies(actor)
        if not actor.edits_all_agencies:
            self.fields["role"].choices = [
                c for c in Role.choices if c[0] not in {Role.SECRETARIAT, Role.OBSERVER}
            ]
        if person is None:
            self.fields["password"].required = True
        else:
            self.fields["username"].disabled = True
            self.fields["password"].help_text = _("Để trống nếu không đổi.")

    def clean(self):
        data = super().clean()
        if data.get("role") != Role.OBSERVER and not data.get("agency"):
            self.add_error("agency", _("Người dùng phải thuộc một cơ quan."))
        if data.get("password"):
            try:
                validate_password(data["password"], self.person)
            except forms.ValidationError as exc:
                self.add_error("password", exc)
        return data


class AgencyForm(forms.ModelForm):
    aliases_text = forms.CharField(
        label=_("Tên gọi khác, viết tắt"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Mỗi dòng một tên."),
    )

    class Meta:
        model = Agency
        fields = [
            "code",
            "name",
            "kind",
            "group",
            "parent",
            "active",
            "abolished",
            "successor",
            "successor_note",
            "source",
        ]
        widgets = {"abolished": forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["aliases_text"].initial = "\n".join(self.instance.aliases)
            self.fields["code"].disabled = True

    def cleaned_values(self) -> dict:
        values = {name: self.cleaned_data[name] for name in self.Meta.fields if name in self.cleaned_data}
        values["aliases"] = [
            line.strip() for line in self.cleaned_data["aliases_text"].splitlines() if line.strip()
        ]
        return values


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj.display_name} ({obj.username})"
