"""Views shared by every area: the base mixins that apply scoping, the home page, audit log and jobs."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from hoinhap.core import selectors
from hoinhap.core.models import Job
from hoinhap.core.scoping import READ, WRITE, get_scoped


class ScopedObjectMixin:
    """Loads ``self.object`` for ``pk`` through agency scoping (404 outside it).

    ``scope_mode`` is READ for pages that show, WRITE for pages that change; the scoping walk test
    reads ``model`` and ``scope_mode`` to know what each URL must refuse.
    """

    model = None
    scope_mode = READ

    def get_queryset(self):
        return self.model._default_manager.all()

    def dispatch(self, request, *args, **kwargs):
        self.object = get_scoped(self.get_queryset(), request.user, self.scope_mode, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)


class WriteMixin:
    """For pages that change data: observers and read-only roles are refused."""

    scope_mode = WRITE

    def dispatch(self, request, *args, **kwargs):
        if not request.user.may_write:
            raise PermissionDenied(_("Vai trò của bạn chỉ được xem."))
        return super().dispatch(request, *args, **kwargs)


def paginate(request, queryset, per_page: int = 50):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def form_errors_to_messages(request, exc: ValidationError) -> None:
    for msg in exc.messages:
        messages.error(request, msg)


class HomeView(View):
    def get(self, request):
        return render(request, "core/home.html", selectors.home_summary(request.user))


class AuditLogView(View):
    def get(self, request):
        user = request.user
        if not (user.manages_people or user.sees_all_agencies):
            raise PermissionDenied(_("Bạn không có quyền xem nhật ký thay đổi."))
        filters = {
            "actor": request.GET.get("actor") or None,
            "object_type": request.GET.get("object_type") or None,
            "date_from": _parse_date(request.GET.get("date_from")),
            "date_to": _parse_date(request.GET.get("date_to")),
        }
        entries = selectors.audit_entries(user, **filters)
        context = {
            "page": paginate(request, entries),
            "filters": request.GET,
            "object_types": selectors.audit_object_types(user),
            "actors": selectors.audit_actors(user),
        }
        return render(request, "core/audit_list.html", context)


def _parse_date(value: str | None):
    if not value:
        return None
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


class JobListView(View):
    def get(self, request):
        return render(
            request, "core/job_list.html", {"page": paginate(request, selectors.jobs(request.user))}
        )


class JobDetailView(ScopedObjectMixin, View):
    model = Job

    def get(self, request, pk):
        template = "core/_job_progress.html" if request.htmx else "core/job_detail.html"
        return render(request, template, {"job": self.object})


class JobResultView(ScopedObjectMixin, View):
    model = Job

    def get(self, request, pk):
        if not self.object.result_file:
            raise Http404
        return FileResponse(self.object.result_file.open("rb"), as_attachment=True)


class AuditExportView(View):
    """Queue an XLSX export of the audit log the user may read (a background job with progress)."""

    def post(self, request):
        user = request.user
        if not (user.manages_people or user.sees_all_agencies):
            raise PermissionDenied(_("Bạn không có quyền xem nhật ký thay đổi."))
        from hoinhap.core import jobs

        job = jobs.start(
            "audit_export",
            _("Xuất nhật ký thay đổi (XLSX)"),
            user,
            params={"object_type": request.POST.get("object_type") or None},
        )
        return redirect("core:job", pk=job.pk)
