"""Pages of "meeting conclusions into tasks" (thin: selectors read, services write).

Row actions answer htmx requests with the changed piece (a row, or the whole workspace when rows
are added or removed) and plain requests with a redirect to the notice, so the page also works
without JavaScript.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from hoinhap.conclusions import selectors, services
from hoinhap.conclusions.forms import NoticeForm, PasteForm, RowForm
from hoinhap.conclusions.models import Notice, ProposedTask
from hoinhap.core.views import ScopedObjectMixin, WriteMixin, paginate


class CreatorMixin:
    """Write pages: only the secretariat and focal points (observers already stopped by WriteMixin)."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not services.may_create_tasks(request.user):
            raise PermissionDenied(
                _("Chỉ Cơ quan thường trực và đầu mối của cơ quan được tạo nhiệm vụ từ thông báo kết luận.")
            )
        return super().dispatch(request, *args, **kwargs)


def _errors(exc: ValidationError) -> list[str]:
    return list(exc.messages)


def workspace_context(request, notice: Notice, row_forms: dict | None = None) -> dict:
    rows = list(selectors.rows(notice))
    forms = row_forms or {}
    items = [(r, forms.get(r.pk) or RowForm(instance=r)) for r in rows]
    return {
        "notice": notice,
        "agencies": selectors.agency_choices(),
        "items": items,
        "segments": selectors.segments(notice.text, [r for r in rows if not r.is_dropped]),
        "counts": selectors.counts(notice),
        "may_edit": notice.is_draft and services.may_create_tasks(request.user),
        "notice_form": NoticeForm(instance=notice),
    }


class NoticeListView(View):
    def get(self, request):
        return render(
            request,
            "conclusions/notice_list.html",
            {
                "page": paginate(request, selectors.notices(request.user), 30),
                "may_create": services.may_create_tasks(request.user),
            },
        )


class NoticeCreateView(WriteMixin, CreatorMixin, View):
    def get(self, request):
        return render(request, "conclusions/notice_new.html", {"form": PasteForm()})

    def post(self, request):
        form = PasteForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                notice = services.propose(
                    request.user, form.cleaned_data["text"], form.cleaned_data.get("filename") or ""
                )
            except ValidationError as exc:
                for message in exc.messages:
                    form.add_error(None, message)
            else:
                n = notice.rows.count()
                messages.success(
                    request,
                    _("Đã đọc văn bản: %(n)d nhiệm vụ đề xuất. Hãy kiểm tra, sửa và xác nhận từng dòng.")
                    % {"n": n},
                )
                return redirect("conclusions:detail", pk=notice.pk)
        return render(request, "conclusions/notice_new.html", {"form": form}, status=400)


class NoticeDetailView(ScopedObjectMixin, View):
    model = Notice

    def get(self, request, pk):
        context = workspace_context(request, self.object)
        if self.object.source_id:
            from hoinhap.tasks import selectors as task_selectors
            from hoinhap.tasks import status as st

            context["tasks"] = st.annotate_status(
                task_selectors.visible_tasks(request.user).filter(source=self.object.source)
            )
        return render(request, "conclusions/notice_detail.html", context)


def _workspace_done(request, notice: Notice, errors: list[str] | None = None, ok: str | None = None):
    """After a change of the list: the workspace (htmx) or the notice page with messages."""
    if request.htmx:
        context = workspace_context(request, Notice.objects.get(pk=notice.pk))
        context["errors"], context["ok"] = errors or [], ok
        return render(request, "conclusions/_workspace.html", context)
    for e in errors or []:
        messages.error(request, e)
    if ok:
        messages.success(request, ok)
    return redirect("conclusions:detail", pk=notice.pk)


class _NoticeWrite(WriteMixin, CreatorMixin, ScopedObjectMixin, View):
    model = Notice

    def done(self, request, notice: Notice, errors: list[str] | None = None, ok: str | None = None):
        return _workspace_done(request, notice, errors, ok)


class NoticeEditView(_NoticeWrite):
    def post(self, request, pk):
        form = NoticeForm(request.POST, instance=Notice.objects.get(pk=pk))
        if not form.is_valid():
            return self.done(request, self.object, [f"{e}" for errs in form.errors.values() for e in errs])
        try:
            services.update_notice(request.user, self.object, form.cleaned_data)
        except ValidationError as exc:
            return self.done(request, self.object, _errors(exc))
        return self.done(request, self.object, ok=_("Đã lưu thông tin văn bản."))


class MergeView(_NoticeWrite):
    def post(self, request, pk):
        ids = [int(v) for v in request.POST.getlist("rows") if v.isdigit()]
        rows = list(ProposedTask.objects.filter(notice=self.object, pk__in=ids))
        if len(rows) != len(set(ids)):
            return self.done(request, self.object, [_("Chỉ gộp được các dòng của cùng một thông báo.")])
        try:
            keep = services.merge_rows(request.user, self.object, rows)
        except ValidationError as exc:
            return self.done(request, self.object, _errors(exc))
        return self.done(request, self.object, ok=_("Đã gộp thành dòng %(n)d.") % {"n": keep.position})


class CreateTasksView(_NoticeWrite):
    def post(self, request, pk):
        try:
            created = services.create_tasks(request.user, self.object)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            if request.htmx:
                return self.done(request, self.object, [])
            return redirect("conclusions:detail", pk=pk)
        messages.success(request, _("Đã tạo %(n)d nhiệm vụ từ thông báo.") % {"n": len(created)})
        drafts = sum(1 for t in created if t.is_draft)
        if drafts:
            messages.warning(
                request,
                _(
                    "%(n)d nhiệm vụ được lưu dưới dạng bản nháp vì còn thiếu một trong “6 rõ” "
                    "(thường là người chịu trách nhiệm hoặc phần việc của cơ quan phối hợp); hãy bổ sung."
                )
                % {"n": drafts},
            )
        url = reverse("conclusions:detail", args=[pk])
        if request.htmx:
            from django.http import HttpResponse

            response = HttpResponse(status=204)
            response["HX-Redirect"] = url
            return response
        return redirect(url)


class _RowWrite(WriteMixin, CreatorMixin, ScopedObjectMixin, View):
    model = ProposedTask

    def row_response(self, request, row: ProposedTask, form=None, ok: str | None = None):
        if request.htmx:
            row = selectors.rows(row.notice).get(pk=row.pk)
            context = {
                "row": row,
                "form": form or RowForm(instance=row),
                "agencies": selectors.agency_choices(),
                "notice": row.notice,
                "may_edit": True,
                "ok": ok,
                "counts": selectors.counts(row.notice),
                "oob": True,
            }
            return render(request, "conclusions/_row.html", context)
        if form is not None and form.errors:
            for errs in form.errors.values():
                for e in errs:
                    messages.error(request, _("Dòng %(n)d: %(e)s") % {"n": row.position, "e": e})
        elif ok:
            messages.success(request, ok)
        return redirect(reverse("conclusions:detail", args=[row.notice_id]) + f"#row-{row.pk}")

    def workspace_response(self, request, notice: Notice, errors=None, ok=None):
        return _workspace_done(request, notice, errors, ok)


class RowSaveView(_RowWrite):
    def post(self, request, pk):
        row = self.object
        form = RowForm(request.POST, instance=ProposedTask.objects.get(pk=pk))
        if form.is_valid():
            try:
                row = services.save_row(
                    request.user,
                    row,
                    form.service_data(),
                    list(form.cleaned_data["co_leads"]),
                    list(form.cleaned_data["coordinators"]),
                )
            except ValidationError as exc:
                if hasattr(exc, "error_dict"):
                    for name, errs in exc.error_dict.items():
                        for err in errs:
                            for message in err.messages:
                                form.add_error(name if name in form.fields else None, message)
                else:
                    for message in exc.messages:
                        form.add_error(None, message)
            else:
                return self.row_response(request, row, ok=_("Đã xác nhận dòng %(n)d.") % {"n": row.position})
        row = ProposedTask.objects.get(pk=pk)
        return self.row_response(request, row, form)


class RowDropView(_RowWrite):
    def post(self, request, pk):
        try:
            services.drop_row(request.user, self.object, request.POST.get("note", ""))
        except ValidationError as exc:
            return self.workspace_response(request, self.object.notice, _errors(exc))
        return self.workspace_response(
            request, self.object.notice, ok=_("Đã bỏ dòng %(n)d.") % {"n": self.object.position}
        )


class RowRestoreView(_RowWrite):
    def post(self, request, pk):
        try:
            services.restore_row(request.user, self.object)
        except ValidationError as exc:
            return self.workspace_response(request, self.object.notice, _errors(exc))
        return self.workspace_response(
            request, self.object.notice, ok=_("Đã khôi phục dòng %(n)d.") % {"n": self.object.position}
        )


class RowSplitView(_RowWrite):
    def post(self, request, pk):
        try:
            first, second = services.split_row(request.user, self.object)
        except ValidationError as exc:
            return self.workspace_response(request, self.object.notice, _errors(exc))
        return self.workspace_response(
            request,
            self.object.notice,
            ok=_("Đã tách dòng %(a)d thành hai dòng %(a)d và %(b)d.")
            % {"a": first.position, "b": second.position},
        )
