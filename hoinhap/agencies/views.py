from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views import View

from hoinhap.agencies import selectors, services
from hoinhap.agencies.forms import AgencyForm, LoginForm, PersonForm
from hoinhap.agencies.models import Agency, Role, User
from hoinhap.core.views import ScopedObjectMixin, WriteMixin, paginate


class LoginView(auth_views.LoginView):
    template_name = "agencies/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "agencies/password_change.html"
    success_url = reverse_lazy("home")

    def form_valid(self, form):
        services.set_password(self.request.user, self.request.user, form.cleaned_data["new_password1"])
        from django.contrib.auth import update_session_auth_hash

        update_session_auth_hash(self.request, form.user)
        messages.success(self.request, _("Đã đổi mật khẩu."))
        return redirect(self.success_url)


class AgencyListView(View):
    def get(self, request):
        include_inactive = request.GET.get("inactive") == "1"
        qs = selectors.agencies(request.user, request.GET.get("q"), request.GET.get("kind"), include_inactive)
        context = {"page": paginate(request, qs, 100), "kinds": Agency.Kind.choices, "filters": request.GET}
        return render(request, "agencies/agency_list.html", context)


class AgencyDetailView(ScopedObjectMixin, View):
    model = Agency

    def get(self, request, pk):
        agency = self.object
        context = {
            "agency": agency,
            "children": agency.children.all(),
            "predecessors": agency.predecessors.all(),
            "current": agency.current(),
            "people": selectors.people(request.user, agency_id=agency.pk)[:50],
        }
        return render(request, "agencies/agency_detail.html", context)


class AgencyEditView(WriteMixin, ScopedObjectMixin, View):
    model = Agency

    def get(self, request, pk):
        return self._render(request, AgencyForm(instance=self.object))

    def post(self, request, pk):
        form = AgencyForm(request.POST, instance=Agency.objects.get(pk=pk))
        if form.is_valid():
            try:
                services.update_agency(request.user, self.object, **form.cleaned_values())
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Đã lưu cơ quan."))
                return redirect("agencies:detail", pk=pk)
        return self._render(request, form)

    def _render(self, request, form):
        return render(request, "agencies/agency_form.html", {"form": form, "agency": self.object})


class AgencyCreateView(WriteMixin, View):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.edits_all_agencies:
            raise PermissionDenied(_("Chỉ Cơ quan thường trực được thêm cơ quan."))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return render(request, "agencies/agency_form.html", {"form": AgencyForm()})

    def post(self, request):
        form = AgencyForm(request.POST)
        if form.is_valid():
            try:
                agency = services.create_agency(request.user, **form.cleaned_values())
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Đã thêm cơ quan."))
                return redirect("agencies:detail", pk=agency.pk)
        return render(request, "agencies/agency_form.html", {"form": form})


class PeopleListView(View):
    def get(self, request):
        user = request.user
        if not (user.manages_people or user.sees_all_agencies):
            raise PermissionDenied(_("Bạn không có quyền xem danh sách người dùng."))
        qs = selectors.people(
            user, request.GET.get("q"), request.GET.get("agency") or None, request.GET.get("role")
        )
        context = {"page": paginate(request, qs), "roles": Role.choices, "filters": request.GET}
        return render(request, "agencies/people_list.html", context)


class PersonCreateView(WriteMixin, View):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.manages_people:
            raise PermissionDenied(_("Chỉ Đầu mối hoặc Cơ quan thường trực được thêm người dùng."))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        form = PersonForm(actor=request.user, initial={"agency": request.user.agency_id})
        return render(request, "agencies/person_form.html", {"form": form})

    def post(self, request):
        form = PersonForm(request.POST, actor=request.user)
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                person = services.create_person(request.user, **data)
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("Đã thêm người dùng %(name)s.") % {"name": person.display_name})
                return redirect("agencies:person", pk=person.pk)
        return render(request, "agencies/person_form.html", {"form": form})


class PersonDetailView(ScopedObjectMixin, View):
    model = User

    def get(self, request, pk):
        return render(request, "agencies/person_detail.html", {"person": self.object})


class PersonEditView(WriteMixin, ScopedObjectMixin, View):
    model = User
    fields = ("last_name", "first_name", "email", "position", "phone", "agency", "role", "is_active")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.manages_people:
            raise PermissionDenied(_("Chỉ Đầu mối hoặc Cơ quan thường trực được sửa người dùng."))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, pk):
        initial = {name: getattr(self.object, name) for name in self.fields}
        initial["username"] = self.object.username
        form = PersonForm(initial=initial, actor=request.user, person=self.object)
        return render(request, "agencies/person_form.html", {"form": form, "person": self.object})

    def post(self, request, pk):
        form = PersonForm(
            request.POST, initial={"username": self.object.username}, actor=request.user, person=self.object
        )
        if form.is_valid():
            data = {name: form.cleaned_data[name] for name in self.fields}
            try:
                services.update_person(request.user, self.object, **data)
                if form.cleaned_data.get("password"):
                    services.set_password(request.user, self.object, form.cleaned_data["password"])
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("Đã lưu người dùng."))
                return redirect("agencies:person", pk=pk)
        return render(request, "agencies/person_form.html", {"form": form, "person": self.object})


def _add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)
