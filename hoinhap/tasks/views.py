"""Pages of the tasks area (thin: selectors read, services write)."""

from __future__ import annotations

import datetime as dt
import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views import View

from hoinhap.agencies.models import Agency
from hoinhap.core import services as core_services
from hoinhap.core.scoping import READ, WRITE
from hoinhap.core.views import ScopedObjectMixin, WriteMixin, paginate
from hoinhap.tasks import selectors, services
from hoinhap.tasks import status as st
from hoinhap.tasks.forms import (
    CompleteForm,
    PreferenceForm,
    ProgrammeForm,
    ProgressForm,
    ReassignForm,
    ReminderSettingsForm,
    ReopenForm,
    SourceForm,
    TaskFilterForm,
    TaskForm,
)
from hoinhap.tasks.models import (
    Evidence,
    Programme,
    ProgressUpdate,
    ReminderPreference,
    ReminderSettings,
    Source,
    Task,
)


def _add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            for error in errors:
                for message in error.messages:
                    form.add_error(field if field in form.fields else None, message)
    else:
        for message in exc.messages:
            form.add_error(None, message)


def pillar_choices() -> list[tuple[str, str]]:
    field = Task._meta.get_field("policy_items") if hasattr(Task, "policy_items") else None
    if field is None:
        return []
    try:
        return list(field.related_model._meta.get_field("pillar").choices or [])
    except Exception:  # noqa: BLE001 — the catalogue may name its pillar field otherwise
        return []


class TaskVisibleMixin(ScopedObjectMixin):
    """A task page open to the lead agency (scoping) and to coordinating agencies (selectors.visible_tasks).

    READ: lead, coordinators, secretariat, observers. WRITE (with WriteMixin): lead, coordinators (their
    contributions only — services decide), secretariat. Anyone else: 404.
    """

    model = Task

    def dispatch(self, request, *args, **kwargs):
        self.object = selectors.get_visible_task(request.user, kwargs["pk"], self.scope_mode)
        return super(ScopedObjectMixin, self).dispatch(request, *args, **kwargs)


# ----------------------------------------------------------------------------- lists


class TaskListView(View):
    def get(self, request):
        filters = TaskFilterForm(request.GET).values()
        qs = selectors.filter_tasks(selectors.visible_tasks(request.user), user=request.user, **filters)
        context = {
            "page": paginate(request, qs, 50),
            "filters": request.GET,
            "statuses": list(st.LABELS.items()),
            "badges": st.BADGES,
            "labels": st.LABELS,
            "programmes": Programme.objects.all(),
            "agencies": Agency.objects.filter(active=True) if request.user.sees_all_agencies else [],
            "pillars": pillar_choices(),
            "reassign_form": ReassignForm() if request.user.edits_all_agencies else None,
            "today": st.today(),
        }
        return render(request, "tasks/task_list.html", context)


class MyTasksView(View):
    def get(self, request):
        user = request.user
        today = st.today()
        lead = selectors.filter_tasks(selectors.tasks(user), on=today, role="lead", user=user)
        if not user.agency_id:
            lead = lead.none()
        coordinated = st.annotate_status(selectors.coordinated_tasks(user), today)
        mine = st.annotate_status(selectors.visible_tasks(user).filter(responsible=user), today)
        context = {
            "lead": lead.exclude(derived_status__in=[st.DONE_ON_TIME, st.DONE_LATE]),
            "lead_done": lead.filter(derived_status__in=[st.DONE_ON_TIME, st.DONE_LATE])[:20],
            "coordinated": coordinated,
            "mine": mine,
            "counts": selectors.status_counts(lead, today),
            "labels": st.LABELS,
            "badges": st.BADGES,
            "notifications": selectors.notifications(user)[:5],
            "today": today,
        }
        return render(request, "tasks/my_tasks.html", context)


class CalendarView(View):
    def get(self, request):
        today = st.today()
        try:
            year, month = (int(p) for p in request.GET.get("thang", "").split("-"))
            first = dt.date(year, month, 1)
        except (ValueError, TypeError):
            first = today.replace(day=1)
        agency = request.GET.get("agency") or None
        agency = int(agency) if agency and agency.isdigit() else None
        prev_month = (first - dt.timedelta(days=1)).replace(day=1)
        next_month = (first + dt.timedelta(days=32)).replace(day=1)
        context = {
            "weeks": selectors.calendar_month(request.user, first.year, first.month, agency),
            "first": first,
            "prev": f"{prev_month:%Y-%m}",
            "next": f"{next_month:%Y-%m}",
            "today": today,
            "labels": st.LABELS,
            "badges": st.BADGES,
            "weekdays": [
                _("Thứ Hai"),
                _("Thứ Ba"),
                _("Thứ Tư"),
                _("Thứ Năm"),
                _("Thứ Sáu"),
                _("Thứ Bảy"),
                _("Chủ nhật"),
            ],
        }
        return render(request, "tasks/calendar.html", context)


def _year(request) -> int:
    try:
        return int(request.GET.get("nam") or st.today().year)
    except ValueError:
        return st.today().year


class StatsView(View):
    def get(self, request):
        stats = selectors.yearly_statistics(request.user, _year(request))
        return render(
            request, "tasks/stats.html", {"stats": stats, "years": range(st.today().year + 1, 2019, -1)}
        )


class StatsXlsxView(View):
    def get(self, request):
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font

        stats = selectors.yearly_statistics(request.user, _year(request))
        book = Workbook()
        sheet = book.active
        sheet.title = f"Năm {stats['year']}"
        sheet.append([f"TÌNH HÌNH THỰC HIỆN NHIỆM VỤ NĂM {stats['year']}"])
        sheet.append([f"(Số liệu tính đến ngày {stats['on']:%d/%m/%Y})"])
        sheet.append([])
        header = ["STT", "Cơ quan", *[label for _k, label in stats["columns"]], "Tỷ lệ hoàn thành (%)"]
        sheet.append(header)
        for cell in sheet[4]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        for n, row in enumerate(stats["rows"], start=1):
            sheet.append([n, row["agency"].name, *[row[k] for k, _l in stats["columns"]], row["done_rate"]])
        total = stats["total"]
        sheet.append(["", "Tổng cộng", *[total[k] for k, _l in stats["columns"]], total["done_rate"]])
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        sheet.column_dimensions["B"].width = 45
        for col in "CDEFGH":
            sheet.column_dimensions[col].width = 16
        buffer = io.BytesIO()
        book.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="thong-ke-nhiem-vu-{stats["year"]}.xlsx"'
        return response


# ----------------------------------------------------------------------------- one task


class TaskDetailView(TaskVisibleMixin, View):
    scope_mode = READ

    def get(self, request, pk):
        return render(request, "tasks/task_detail.html", task_context(request, self.object))


def task_context(request, task: Task, progress_form=None, complete_form=None, reopen_form=None) -> dict:
    user = request.user
    today = st.today()
    status = task.status_on(today)
    all_updates = list(selectors.updates(task))
    lead_kinds = {ProgressUpdate.Kind.PROGRESS, ProgressUpdate.Kind.COMPLETION, ProgressUpdate.Kind.REOPEN}
    contributions: dict[str, list] = {}
    for u in all_updates:
        if u.kind == ProgressUpdate.Kind.CONTRIBUTION:
            contributions.setdefault(u.reporter_agency.name, []).append(u)
    is_lead = selectors.can_edit(user, task)
    is_coord = user.may_write and selectors.is_coordinator(user, task)
    percent = next((u.percent for u in all_updates if u.percent is not None and u.kind in lead_kinds), None)
    return {
        "task": task,
        "status": status,
        "status_label": st.LABELS[status],
        "badge": st.BADGES[status],
        "lead_updates": [u for u in all_updates if u.kind in lead_kinds],
        "contributions": contributions,
        "periods": [(p, st.period_status(p, today)) for p in task.periods.all()],
        "period_labels": st.PERIOD_LABELS,
        "period_badges": st.PERIOD_BADGES,
        "history": selectors.history(task)[:50],
        "percent": 100 if task.is_done else percent,
        "can_edit": is_lead,
        "is_coordinator": is_coord,
        "progress_form": progress_form
        or ((is_lead or is_coord) and not task.is_done and ProgressForm(task=task, lead=is_lead)),
        "complete_form": complete_form
        or (is_lead and not task.is_done and not task.is_draft and CompleteForm()),
        "reopen_form": reopen_form or (user.edits_all_agencies and task.is_done and ReopenForm()),
        "policy_items": list(task.policy_items.all()) if hasattr(task, "policy_items") else [],
        "today": today,
    }


class TaskActionView(View):
    """A form posted from the task page: validate, call the service, back to the task; else the page
    again with the form's errors (400). Subclasses give the form, the service call and the messages."""

    form_key = ""  # the task_context keyword that takes the invalid form
    success_message = ""
    error_message = ""

    def get(self, request, pk):
        return redirect("tasks:detail", pk=pk)

    def get_task(self, request, pk):
        return selectors.get_visible_task(request.user, pk)

    def make_form(self, request, task):
        raise NotImplementedError

    def perform(self, request, task, data) -> None:
        raise NotImplementedError

    def post(self, request, pk):
        task = self.get_task(request, pk)
        form = self.make_form(request, task)
        if form.is_valid():
            try:
                self.perform(request, task, form.cleaned_data)
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _(self.success_message))
                return redirect("tasks:detail", pk=pk)
        if self.error_message:
            messages.error(request, _(self.error_message))
        context = task_context(request, task, **{self.form_key: form})
        return render(request, "tasks/task_detail.html", context, status=400)


class ProgressCreateView(WriteMixin, TaskVisibleMixin, TaskActionView):
    form_key = "progress_form"
    success_message = gettext_noop("Đã ghi nhận cập nhật tiến độ.")
    error_message = gettext_noop("Chưa lưu cập nhật tiến độ: xem lỗi bên dưới.")

    def get_task(self, request, pk):
        return self.object

    def make_form(self, request, task):
        lead = selectors.can_edit(request.user, task)
        return ProgressForm(request.POST, request.FILES, task=task, lead=lead)

    def perform(self, request, task, data) -> None:
        services.add_progress(
            request.user,
            task,
            on=data["on"],
            text=data["text"],
            percent=data.get("percent"),
            document_number=data.get("document_number", ""),
            files=data.get("files") or [],
            period=data.get("period"),
        )


class CompleteView(WriteMixin, ScopedObjectMixin, TaskActionView):
    model = Task
    form_key = "complete_form"
    success_message = gettext_noop("Đã ghi nhận hoàn thành nhiệm vụ.")
    error_message = gettext_noop("Chưa ghi nhận hoàn thành: xem lỗi bên dưới.")

    def make_form(self, request, task):
        return CompleteForm(request.POST, request.FILES)

    def perform(self, request, task, data) -> None:
        services.complete(
            request.user,
            task,
            on=data["on"],
            product=data.get("product", ""),
            document_number=data.get("document_number", ""),
            text=data.get("text", ""),
            files=data.get("files") or [],
        )


class ReopenView(WriteMixin, ScopedObjectMixin, TaskActionView):
    model = Task
    form_key = "reopen_form"
    success_message = gettext_noop("Đã mở lại nhiệm vụ.")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.edits_all_agencies:
            raise PermissionDenied(_("Chỉ Cơ quan thường trực được mở lại nhiệm vụ."))
        return super().dispatch(request, *args, **kwargs)

    def make_form(self, request, task):
        return ReopenForm(request.POST)

    def perform(self, request, task, data) -> None:
        services.reopen(request.user, task, data.get("reason", ""))


class TaskCreateView(WriteMixin, View):
    def get(self, request):
        initial = {"agency": request.user.agency_id}
        if request.GET.get("programme", "").isdigit():
            initial["programme"] = int(request.GET["programme"])
        return render(
            request, "tasks/task_form.html", {"form": TaskForm(actor=request.user, initial=initial)}
        )

    def post(self, request):
        form = TaskForm(request.POST, actor=request.user)
        if form.is_valid():
            try:
                task = services.save_task(
                    request.user,
                    None,
                    form.task_data(),
                    form.cleaned_data["coordinators"],
                    form.cleaned_data.get("policy_items"),
                )
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                _saved_message(request, task)
                return redirect("tasks:detail", pk=task.pk)
        return render(request, "tasks/task_form.html", {"form": form}, status=400)


def _saved_message(request, task: Task) -> None:
    if task.is_draft:
        messages.warning(
            request, _("Đã lưu dưới dạng bản nháp; còn thiếu: %(m)s.") % {"m": "; ".join(task.missing)}
        )
    else:
        messages.success(request, _("Đã lưu nhiệm vụ."))
    if task.deadline_unclear:
        messages.warning(
            request,
            _("Thời hạn chưa rõ: không đọc được “%(t)s” thành ngày; đã giữ nguyên văn, không tự đặt ngày.")
            % {"t": task.deadline_text},
        )


class TaskEditView(WriteMixin, ScopedObjectMixin, View):
    model = Task

    def get(self, request, pk):
        form = TaskForm(actor=request.user, initial=TaskForm.initial_for(self.object))
        return render(request, "tasks/task_form.html", {"form": form, "task": self.object})

    def post(self, request, pk):
        form = TaskForm(request.POST, actor=request.user)
        if form.is_valid():
            try:
                task = services.save_task(
                    request.user,
                    self.object,
                    form.task_data(),
                    form.cleaned_data["coordinators"],
                    form.cleaned_data.get("policy_items"),
                )
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                _saved_message(request, task)
                return redirect("tasks:detail", pk=task.pk)
        return render(request, "tasks/task_form.html", {"form": form, "task": self.object}, status=400)


class ReassignView(WriteMixin, View):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.edits_all_agencies:
            raise PermissionDenied(_("Chỉ Cơ quan thường trực được giao lại nhiệm vụ."))
        return super().dispatch(request, *args, **kwargs)

    def post(self, request):
        form = ReassignForm(request.POST)
        ids = [int(v) for v in request.POST.getlist("task") if v.isdigit()]
        chosen = list(selectors.tasks(request.user, WRITE).filter(pk__in=ids))
        if not chosen:
            messages.error(request, _("Chưa chọn nhiệm vụ nào để giao lại."))
        elif not form.is_valid():
            messages.error(request, _("Chưa chọn cơ quan chủ trì mới."))
        else:
            try:
                n = services.reassign(
                    request.user, chosen, form.cleaned_data["agency"], form.cleaned_data["reason"]
                )
            except ValidationError as exc:
                for m in exc.messages:
                    messages.error(request, m)
            else:
                messages.success(
                    request,
                    _("Đã giao lại %(n)s nhiệm vụ cho %(a)s.")
                    % {"n": n, "a": form.cleaned_data["agency"].name},
                )
        return redirect(request.POST.get("next") or "tasks:list")


class EvidenceView(ScopedObjectMixin, View):
    """A progress file, for whoever may read its task (lead, coordinators, secretariat, observers)."""

    model = Evidence

    def dispatch(self, request, *args, **kwargs):
        self.object = selectors.get_visible_evidence(request.user, kwargs["pk"])
        return super(ScopedObjectMixin, self).dispatch(request, *args, **kwargs)

    def get(self, request, pk):
        try:
            handle = self.object.file.open("rb")
        except (FileNotFoundError, ValueError):
            raise Http404 from None
        return FileResponse(handle, as_attachment=True, filename=self.object.name)


# ----------------------------------------------------------------------------- programmes and sources


class ProgrammeListView(View):
    def get(self, request):
        return render(request, "tasks/programme_list.html", {"programmes": selectors.programmes()})


class ProgrammeDetailView(ScopedObjectMixin, View):
    model = Programme

    def get(self, request, pk):
        qs = selectors.visible_tasks(request.user).filter(programme=self.object)
        context = {
            "programme": self.object,
            "page": paginate(request, st.annotate_status(qs), 100),
            "counts": selectors.status_counts(qs),
            "labels": st.LABELS,
            "badges": st.BADGES,
            "sources": self.object.sources.all(),
            "filters": request.GET,
        }
        return render(request, "tasks/programme_detail.html", context)


class _SecretariatFormView(WriteMixin, View):
    form_class = None
    title = ""
    success = ""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.edits_all_agencies:
            raise PermissionDenied(_("Chỉ Cơ quan thường trực được thực hiện thao tác này."))
        return super().dispatch(request, *args, **kwargs)

    def instance(self):
        return getattr(self, "object", None)

    def get(self, request, pk=None):
        return self._render(request, self.form_class(instance=self.instance()))

    def post(self, request, pk=None):
        instance = self.instance()
        form = self.form_class(request.POST, instance=instance)
        if form.is_valid():
            obj = form.save(commit=False)
            try:
                if instance is None:
                    obj = core_services.create(request.user, obj)
                else:
                    obj = core_services.update(
                        request.user,
                        type(obj).objects.get(pk=obj.pk),
                        {f: form.cleaned_data[f] for f in form.fields},
                    )
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, self.success)
                return redirect(self.success_url(obj))
        return self._render(request, form, status=400)

    def _render(self, request, form, status=200):
        return render(request, "tasks/simple_form.html", {"form": form, "title": self.title}, status=status)


class ProgrammeCreateView(_SecretariatFormView):
    form_class = ProgrammeForm
    title = "Thêm chương trình"
    success = "Đã lưu chương trình."

    def success_url(self, obj):
        from django.urls import reverse

        return reverse("tasks:programme", args=[obj.pk])


class ProgrammeEditView(ScopedObjectMixin, ProgrammeCreateView):
    model = Programme
    scope_mode = WRITE
    title = "Sửa chương trình"


class SourceCreateView(_SecretariatFormView):
    form_class = SourceForm
    title = "Thêm nguồn nhiệm vụ"
    success = "Đã lưu nguồn nhiệm vụ."

    def success_url(self, obj):
        from django.urls import reverse

        return reverse("tasks:source", args=[obj.pk])


class SourceDetailView(ScopedObjectMixin, View):
    model = Source

    def get(self, request, pk):
        qs = st.annotate_status(selectors.visible_tasks(request.user).filter(source=self.object))
        return render(
            request,
            "tasks/source_detail.html",
            {"source": self.object, "tasks": qs, "labels": st.LABELS, "badges": st.BADGES},
        )


# ----------------------------------------------------------------------------- reminders


class NotificationsView(View):
    def get(self, request):
        return render(
            request,
            "tasks/notifications.html",
            {"page": paginate(request, selectors.notifications(request.user), 20), "filters": request.GET},
        )

    def post(self, request):
        from hoinhap.tasks.models import Notification

        Notification.objects.filter(recipient=request.user, read_at__isnull=True).update(
            read_at=timezone.now()
        )
        messages.success(request, _("Đã đánh dấu tất cả là đã đọc."))
        return redirect("tasks:notifications")


class PreferenceView(View):
    def get(self, request):
        pref = ReminderPreference.objects.filter(user=request.user).first()
        rules = ReminderSettings.current()
        initial = {
            "kinds": pref.kinds if pref else ["before", "due", "overdue", "period"],
            "days_before": ", ".join(str(d) for d in (pref.days_before if pref else rules.days_before)),
            "email": pref.email if pref else True,
        }
        return self._render(request, PreferenceForm(initial=initial), rules)

    def post(self, request):
        if not request.user.may_write:
            raise PermissionDenied(_("Vai trò của bạn chỉ được xem."))
        form = PreferenceForm(request.POST)
        rules = ReminderSettings.current()
        if form.is_valid():
            try:
                services.save_preference(
                    request.user,
                    kinds=form.cleaned_data["kinds"],
                    days_before=form.cleaned_data["days_before"],
                    email=form.cleaned_data["email"],
                )
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("Đã lưu lựa chọn nhắc việc."))
                return redirect("tasks:preferences")
        return self._render(request, form, rules, status=400)

    def _render(self, request, form, rules, status=200):
        return render(request, "tasks/preferences.html", {"form": form, "rules": rules}, status=status)


class ReminderSettingsView(View):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.sees_all_agencies:
            raise PermissionDenied(_("Chỉ Cơ quan thường trực đặt quy định nhắc việc."))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        rules = ReminderSettings.current()
        return self._render(request, ReminderSettingsForm(initial=ReminderSettingsForm.initial_for(rules)))

    def post(self, request):
        form = ReminderSettingsForm(request.POST)
        if form.is_valid():
            try:
                services.update_reminder_settings(request.user, **form.cleaned_data)
            except ValidationError as exc:
                _add_errors(form, exc)
            except PermissionDenied:
                raise
            else:
                messages.success(request, _("Đã lưu quy định nhắc việc."))
                return redirect("tasks:reminder_settings")
        return self._render(request, form, status=400)

    def _render(self, request, form, status=200):
        return render(request, "tasks/reminder_settings.html", {"form": form}, status=status)
