"""Background jobs of the core area."""

from __future__ import annotations

import io

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from openpyxl import Workbook

from hoinhap.core.jobs import handler
from hoinhap.core.selectors import audit_entries


@handler("audit_export")
def export_audit_log(job, progress) -> str:
    """The audit log the job's owner may read, as an XLSX file."""
    user = job.created_by or get_user_model()(role="observer")
    entries = audit_entries(user, object_type=job.params.get("object_type"))
    total = entries.count()
    progress(0, total, f"Xuất {total:n} dòng nhật ký")
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Nhật ký thay đổi")
    sheet.append(
        ["Thời điểm", "Người thực hiện", "Cơ quan", "Thao tác", "Loại đối tượng", "Đối tượng", "Thay đổi"]
    )
    for index, entry in enumerate(entries.iterator(chunk_size=500), start=1):
        changes = "; ".join(f"{k}: {b!r} → {a!r}" for k, b, a in entry.changes())
        sheet.append(
            [
                timezone.localtime(entry.at).strftime("%d/%m/%Y %H:%M"),
                str(entry.actor or ""),
                str(entry.agency or ""),
                entry.get_action_display(),
                entry.object_type,
                entry.object_repr,
                changes,
            ]
        )
        if index % 500 == 0:
            progress(index)
    buffer = io.BytesIO()
    book.save(buffer)
    with transaction.atomic():
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        job.result_file.save(f"nhat-ky-thay-doi-{stamp}.xlsx", ContentFile(buffer.getvalue()), save=True)
        progress(total)
    return f"Đã xuất {total:n} dòng."
