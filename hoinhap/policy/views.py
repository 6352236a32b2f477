"""Pages of the policy catalogue. Reading: every signed-in role. Writing: the secretariat only."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from hoinhap.core.views import ScopedObjectMixin, WriteMixin
from hoinhap.policy import chart, implementers, selectors, services
from hoinhap.policy.forms import DocumentForm, ItemForm, LinkForm, ObservationForm, TargetForm
from hoinhap.policy.models import Observation, Pillar, PolicyDocument, PolicyItem, Target
from hoinhap.policy.progress import STATUSES


class SecretariatOnly:
    """Pages that change the catalogue: everyone but the secretariat is refused (403)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.edits_all_agencies:
            raise PermissionDenied(_("Chỉ Cơ quan thường trực được thay đổi danh mục căn cứ chủ trương."))
        return super().dispatch(request, *args, **kwargs)


def _add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


PILLAR_CHOICES = [(str(v), label) for v, label in Pillar.choices] + [
    (selectors.CROSS_CUTTING, _("Chung (mọi trụ cột)"))
]


class CatalogueView(View):
    def get(self, request):
        q, pillar = request.GET.get("q", ""), request.GET.get("pillar", "")
        tree, count = selectors.tree(request.user, q, pillar)
        context = {
            "tree": tree,
            "count": count,
            "q": q,
            "pillar": pillar,
            "pillars": [(value, str(label)) for value, label in PILLAR_CHOICES],
            "filtered": bool(q.strip() or pillar),
        }
        template = "policy/_tree.html" if request.htmx else "policy/catalogue.html"
        return render(request, template, context)


class DocumentDetailView(ScopedObjectMixin, View):
    model = PolicyDocument

    def get(self, request, pk):
        context = {"document": self.object, **selectors.document_detail(request.user, self.object)}
        return render(request, "policy/document_detail.html", context)


class DocumentCreateView(WriteMixin, SecretariatOnly, View):
    def get(self, request):
        return self._render(request, DocumentForm())

    def post(self, request):
        form = DocumentForm(request.POST)
        if form.is_valid():
            try:
                document = services.create_document(request.user, **form.cleaned_data)
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("Đã thêm văn bản %(n)s.") % {"n": document.number})
                return redirect(document)
        return self._render(request, form)

    def _render(self, request, form):
        return render(request, "policy/form.html", {"form": form, "title": _("Thêm văn bản chủ trương")})


class DocumentEditView(WriteMixin, ScopedObjectMixin, View):
    model = PolicyDocument

    def get(self, request, pk):
        return self._render(request, DocumentForm(instance=PolicyDocument.objects.get(pk=pk)))

    def post(self, request, pk):
        form = DocumentForm(request.POST, instance=PolicyDocument.objects.get(pk=pk))
        if form.is_valid():
            try:
                services.update_document(request.user, self.object, **form.cleaned_data)
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("Đã lưu văn bản."))
                return redirect(self.object)
        return self._render(request, form)

    def _render(self, request, form):
        title = _("Sửa văn bản %(n)s") % {"n": self.object.number}
        return render(request, "policy/form.html", {"form": form, "title": title, "back": self.object})


class LinkCreateView(WriteMixin, ScopedObjectMixin, View):
    model = PolicyDocument

    def get(self, request, pk):
        return self._render(request, LinkForm(document=self.object))

    def post(self, request, pk):
        form = LinkForm(request.POST, document=self.object)
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                services.add_link(request.user, self.object, data.pop("relation"), data.pop("target"), **data)
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("Đã thêm quan hệ giữa văn bản."))
                return redirect(self.object)
        return self._render(request, form)

    def _render(self, request, form):
        title = _("Quan hệ của %(n)s với văn bản khác") % {"n": self.object.number}
        return render(request, "policy/form.html", {"form": form, "title": title, "back": self.object})


class ItemCreateView(WriteMixin, ScopedObjectMixin, View):
    model = PolicyDocument

    def get(self, request, pk):
        initial = {"parent": request.GET.get("parent")} if request.GET.get("parent") else None
        return self._render(request, ItemForm(document=self.object, initial=initial))

    def post(self, request, pk):
        form = ItemForm(request.POST, document=self.object)
        if form.is_valid():
            try:
                item = services.create_item(request.user, document=self.object, **form.cleaned_data)
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("Đã thêm nội dung %(c)s.") % {"c": item.code})
                return redirect(item)
        return self._render(request, form)

    def _render(self, request, form):
        title = _("Thêm nội dung vào %(n)s") % {"n": self.object.number}
        return render(request, "policy/form.html", {"form": form, "title": title, "back": self.object})


class ItemDetailView(ScopedObjectMixin, View):
    model = PolicyItem

    def get(self, request, pk):
        item = self.object
        context = {
            "item": item,
            "ancestors": item.ancestors(),
            "children": selectors.items(request.user).filter(parent=item),
            "targets": selectors.with_progress(selectors.targets(request.user).filter(item=item)),
            "sections": implementers.sections(item, request.user),
        }
        return render(request, "policy/item_detail.html", context)


class ItemEditView(WriteMixin, ScopedObjectMixin, View):
    model = PolicyItem

    def get(self, request, pk):
        return self._render(request, ItemForm(instance=self._fresh(), document=self.object.document))

    def post(self, request, pk):
        form = ItemForm(request.POST, instance=self._fresh(), document=self.object.document)
        if form.is_valid():
            try:
                services.update_item(request.user, self.object, **form.cleaned_data)
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("Đã lưu nội dung."))
                return redirect(self.object)
        return self._render(request, form)

    def _fresh(self):
        return PolicyItem.objects.get(pk=self.object.pk)

    def _render(self, request, form):
        title = _("Sửa nội dung %(c)s") % {"c": self.object.code}
        return render(request, "policy/form.html", {"form": form, "title": title, "back": self.object})


class TargetCreateView(WriteMixin, ScopedObjectMixin, View):
    model = PolicyItem

    def get(self, request, pk):
        return self._render(request, TargetForm(item=self.object))

    def post(self, request, pk):
        form = TargetForm(request.POST, item=self.object)
        if form.is_valid():
            try:
                target = services.create_target(request.user, item=self.object, **form.cleaned_data)
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("Đã thêm chỉ tiêu %(c)s.") % {"c": target.code})
                return redirect(target)
        return self._render(request, form)

    def _render(self, request, form):
        title = _("Thêm chỉ tiêu cho %(c)s") % {"c": self.object.code}
        return render(request, "policy/form.html", {"form": form, "title": title, "back": self.object})


class TargetListView(View):
    def get(self, request):
        pillar = request.GET.get("pillar", "")
        rows = selectors.with_progress(selectors.targets(request.user, pillar))
        counts = {}
        for _target, assessment, _latest in rows:
            counts[assessment.code] = counts.get(assessment.code, 0) + 1
        legend = [(code, label, css, counts.get(code, 0)) for code, (label, css, _c) in STATUSES.items()]
        context = {
            "rows": rows,
            "legend": legend,
            "pillar": pillar,
            "pillars": [(value, str(label)) for value, label in PILLAR_CHOICES],
        }
        return render(request, "policy/target_list.html", context)


def _target_context(request, target: Target, form=None) -> dict:
    observations = list(selectors.observations(request.user, target))
    assessment = target.progress(observations)
    return {
        "target": target,
        "observations": observations,
        "assessment": assessment,
        "chart": chart.series(target, observations, assessment),
        "form": form if form is not None else ObservationForm(target=target),
        "statuses": [(label, css) for label, css, _c in STATUSES.values()],
    }


class TargetDetailView(ScopedObjectMixin, View):
    model = Target

    def get(self, request, pk):
        return render(request, "policy/target_detail.html", _target_context(request, self.object))


class TargetEditView(WriteMixin, ScopedObjectMixin, View):
    model = Target

    def get(self, request, pk):
        return self._render(request, TargetForm(instance=self._fresh(), item=self.object.item))

    def post(self, request, pk):
        form = TargetForm(request.POST, instance=self._fresh(), item=self.object.item)
        if form.is_valid():
            try:
                services.update_target(request.user, self.object, **form.cleaned_data)
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("Đã lưu chỉ tiêu."))
                return redirect(self.object)
        return self._render(request, form)

    def _fresh(self):
        return Target.objects.get(pk=self.object.pk)

    def _render(self, request, form):
        title = _("Sửa chỉ tiêu %(c)s") % {"c": self.object.code}
        return render(request, "policy/form.html", {"form": form, "title": title, "back": self.object})


class ObservationCreateView(WriteMixin, ScopedObjectMixin, View):
    model = Target

    def get(self, request, pk):
        return render(request, "policy/target_detail.html", _target_context(request, self.object))

    def post(self, request, pk):
        form = ObservationForm(request.POST, target=self.object)
        if form.is_valid():
            try:
                services.add_observation(request.user, self.object, **form.cleaned_data)
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("Đã thêm số liệu."))
                return redirect(self.object)
        context = _target_context(request, self.object, form)
        return render(request, "policy/target_detail.html", context, status=400)


class ObservationDeleteView(WriteMixin, ScopedObjectMixin, View):
    model = Observation

    def get(self, request, pk):
        return render(request, "policy/observation_delete.html", {"observation": self.object})

    def post(self, request, pk):
        target = self.object.target
        services.delete_observation(request.user, self.object)
        messages.success(request, _("Đã xóa số liệu."))
        return redirect(target)
