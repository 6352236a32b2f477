"""Tasks: the six "rõ", deadlines, progress and contributions, evidence, completion, status, periods."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from hoinhap.core.models import AuditEntry
from hoinhap.tasks import services
from hoinhap.tasks import status as st
from hoinhap.tasks.models import Evidence, ProgressUpdate, ReportPeriod, Task

D = dt.date
PDF = b"%PDF-1.4\n%minh chung\n"
pytestmark = pytest.mark.django_db


def pdf(name="bao-cao.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


# ----------------------------------------------------------------------------- six "rõ", deadlines


def test_complete_task_is_not_a_draft_and_is_audited(make_task):
    task = make_task(coordinators=[("BNG", "Hỗ trợ đàm phán")])
    assert not task.is_draft and task.missing == []
    assert (task.deadline_kind, task.due) == ("date", D(2026, 3, 31))
    entry = AuditEntry.objects.get(object_type="tasks.Task", object_id=str(task.pk), action="create")
    assert entry.after["coordinations"] == ["BNG: Hỗ trợ đàm phán"]


def test_task_missing_some_rõ_is_a_draft_naming_them(make_task):
    task = make_task(
        responsible_title="", product_kind="", product="", deadline="", coordinators=[("BNG", "")]
    )
    assert task.is_draft
    text = "; ".join(task.missing)
    assert "rõ người" in text and "rõ sản phẩm" in text and "rõ thời gian" in text
    assert "rõ trách nhiệm (phần việc của cơ quan phối hợp): Bộ Ngoại giao" in text
    assert "rõ thẩm quyền" not in text and "rõ việc" not in text


def test_unparseable_deadline_is_kept_as_text_flagged_never_dated(make_task):
    task = make_task(deadline="theo tiến độ đàm phán với đối tác")
    assert task.deadline_kind == "unparsed" and task.deadline_unclear
    assert task.due is None and task.deadline_text == "theo tiến độ đàm phán với đối tác"
    assert not task.is_draft  # stated, but unclear: flagged, not invented
    assert task.status_on(D(2030, 1, 1)) == st.NOT_DUE  # never overdue on a made-up date


@pytest.mark.parametrize(
    ("phrase", "kind", "due", "recurrence"),
    [
        ("trước ngày 20/10/2025", "date", D(2025, 10, 20), ""),
        ("trong tháng 11 năm 2025", "month", D(2025, 11, 30), ""),
        ("quý I/2026", "quarter", D(2026, 3, 31), ""),
        ("6 tháng đầu năm 2026", "half_year", D(2026, 6, 30), ""),
        ("năm 2026", "year", D(2026, 12, 31), ""),
        ("hằng năm", "recurring", None, "yearly"),
        ("định kỳ 6 tháng", "recurring", None, "half_yearly"),
        ("hằng quý", "recurring", None, "quarterly"),
        ("thường xuyên", "ongoing", None, ""),
        ("quy IV", "quarter", D(2026, 12, 31), ""),  # no diacritics; year from the source (2026)
        ("trước 31/12", "date", D(2026, 12, 31), ""),  # year implied by the source's date
    ],
)
def test_deadline_forms_on_a_task_read_against_the_source_date(
    make_task, conclusion, phrase, kind, due, recurrence
):
    task = make_task(deadline=phrase, source=conclusion)
    assert (task.deadline_kind, task.due, task.recurrence) == (kind, due, recurrence)


def test_task_from_a_conclusion_keeps_its_quote(make_task, conclusion):
    quote = "Giao Bộ Công Thương ... hoàn thành trong quý I/2026"
    task = make_task(source=conclusion, source_quote=quote, deadline="trong quý I/2026")
    assert task.source.get_kind_display() == "Thông báo kết luận" and task.source_quote == quote


def test_only_own_agency_creates_and_edits(make_task, make_user, agency):
    officer = make_user("officer", "BCT")
    with pytest.raises(PermissionDenied):
        services.save_task(officer, None, {"agency": agency("BTP"), "title": "X"})
    btp_task = make_task("BTP")
    with pytest.raises(PermissionDenied):
        services.save_task(officer, btp_task, {"title": "Đổi"})
    own = make_task("BCT")
    with pytest.raises(PermissionDenied):  # no moving a task into another agency
        services.save_task(officer, own, {"agency": agency("BTP")})
    services.save_task(make_user("secretariat", "BNG"), btp_task, {"title": "Đổi tên"})
    assert Task.objects.get(pk=btp_task.pk).title == "Đổi tên"


# ----------------------------------------------------------------------------- progress and contributions


def test_lead_update_and_coordinator_contribution_are_kept_apart(make_task, make_user):
    task = make_task("BTP", coordinators=[("BCT", "Số liệu thương mại")])
    lead = services.add_progress(
        make_user("officer", "BTP"), task, on=D(2026, 1, 5), text="Đã dự thảo", percent=30
    )
    contrib = services.add_progress(make_user("officer", "BCT"), task, on=D(2026, 1, 6), text="Gửi số liệu")
    assert lead.kind == ProgressUpdate.Kind.PROGRESS and lead.reporter_agency.code == "BTP"
    assert contrib.kind == ProgressUpdate.Kind.CONTRIBUTION and contrib.reporter_agency.code == "BCT"
    assert Task.objects.get(pk=task.pk).has_progress


def test_coordinator_contributes_but_never_edits_or_completes(make_task, make_user):
    task = make_task("BTP", coordinators=[("BCT", "Số liệu")])
    bct = make_user("focal_point", "BCT")
    with pytest.raises(PermissionDenied):
        services.save_task(bct, task, {"title": "Sửa"})
    with pytest.raises(PermissionDenied, match="Chỉ cơ quan chủ trì"):
        services.complete(bct, task, on=D(2026, 1, 5), product="Báo cáo")


def test_progress_on_another_agencys_task_is_refused_and_nothing_saved(make_task, make_user):
    task = make_task("BTP")
    with pytest.raises(PermissionDenied, match="không chủ trì, cũng không phối hợp"):
        services.add_progress(make_user("officer", "BCT"), task, on=D(2026, 1, 5), text="X", files=[pdf()])
    with pytest.raises(PermissionDenied, match="chỉ được xem"):
        services.add_progress(make_user("observer", None), task, on=D(2026, 1, 5), text="X")
    assert not ProgressUpdate.objects.exists() and not Evidence.objects.exists()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("virus.exe", b"MZ\x90\x00", content_type="application/octet-stream"),
            "không được chấp nhận",
        ),
        (SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00 not a pdf"), "không đúng định dạng PDF"),
        (SimpleUploadedFile("ghi-chu.txt", b"abc\x00\x01"), "không phải văn bản thuần"),
    ],
)
def test_evidence_of_a_forbidden_type_is_refused(make_task, make_user, upload, message):
    task = make_task()
    with pytest.raises(ValidationError, match=message):
        services.add_progress(make_user("officer", "BCT"), task, on=D(2026, 1, 5), text="X", files=[upload])
    assert not ProgressUpdate.objects.exists() and not Evidence.objects.exists()


def test_evidence_too_large_is_refused(make_task, make_user, settings):
    settings.HOINHAP_EVIDENCE_MAX_BYTES = 1024
    task = make_task()
    with pytest.raises(ValidationError, match=r"quá lớn \(0,0 MB\); tối đa 0,0 MB"):
        services.add_progress(
            make_user("officer", "BCT"),
            task,
            on=D(2026, 1, 5),
            text="X",
            files=[pdf(content=PDF + b"x" * 2000)],
        )
    assert not ProgressUpdate.objects.exists()


def test_evidence_is_stored_with_the_issued_document_number(make_task, make_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    task = make_task()
    update = services.add_progress(
        make_user("officer", "BCT"),
        task,
        on=D(2026, 1, 5),
        text="Đã ban hành kế hoạch",
        document_number="45/KH-BCT",
        files=[pdf(), SimpleUploadedFile("anh.png", b"\x89PNG\r\n\x1a\n....")],
    )
    assert update.document_number == "45/KH-BCT"
    assert sorted(e.name for e in update.evidence.all()) == ["anh.png", "bao-cao.pdf"]
    assert (tmp_path / update.evidence.get(name="bao-cao.pdf").file.name).read_bytes() == PDF


def test_bad_progress_values(make_task, make_user):
    task, officer = make_task(), make_user("officer", "BCT")
    with pytest.raises(ValidationError, match="Chưa nhập nội dung"):
        services.add_progress(officer, task, on=D(2026, 1, 5), text="  ")
    with pytest.raises(ValidationError, match="sau ngày hôm nay"):
        services.add_progress(officer, task, on=st.today() + dt.timedelta(days=1), text="X")
    with pytest.raises(ValidationError, match="từ 0 đến 100"):
        services.add_progress(officer, task, on=D(2026, 1, 5), text="X", percent=120)
    assert not ProgressUpdate.objects.exists()


# ----------------------------------------------------------------------------- completion, reopening, reassignment


def test_completion_without_a_product_is_refused_and_nothing_saved(make_task, make_user):
    task = make_task()
    with pytest.raises(ValidationError, match="Chưa nêu sản phẩm hoàn thành"):
        services.complete(make_user("officer", "BCT"), task, on=D(2026, 3, 1), product=" ", files=[pdf()])
    task.refresh_from_db()
    assert task.completed_on is None and not ProgressUpdate.objects.exists()


def test_a_draft_cannot_be_completed(make_task, make_user):
    task = make_task(product="", product_kind="")
    with pytest.raises(ValidationError, match="bản nháp"):
        services.complete(make_user("officer", "BCT"), task, on=D(2026, 3, 1), product="Báo cáo")


def test_completion_on_time_late_and_reopen_by_the_secretariat(make_task, make_user):
    officer, secretariat = make_user("officer", "BCT"), make_user("secretariat", "BNG")
    task = make_task(deadline="trước ngày 31/03/2026")
    services.complete(officer, task, on=D(2026, 4, 10), product="Lộ trình", document_number="12/QĐ-BCT")
    task.refresh_from_db()
    assert task.status_on(D(2026, 5, 1)) == st.DONE_LATE and task.completion_document == "12/QĐ-BCT"
    with pytest.raises(PermissionDenied, match="Chỉ Cơ quan thường trực"):
        services.reopen(officer, task, "Sai sản phẩm")
    with pytest.raises(ValidationError, match="lý do"):
        services.reopen(secretariat, task, " ")
    services.reopen(secretariat, task, "Sản phẩm chưa được ban hành")
    task.refresh_from_db()
    assert task.completed_on is None and task.status_on(D(2026, 5, 1)) == st.OVERDUE
    assert task.updates.filter(kind=ProgressUpdate.Kind.REOPEN, text="Sản phẩm chưa được ban hành").exists()
    services.complete(officer, task, on=D(2026, 3, 20), product="Lộ trình")
    assert Task.objects.get(pk=task.pk).status_on(D(2026, 5, 1)) == st.DONE_ON_TIME


def test_bulk_reassignment_by_the_secretariat_only(make_task, make_user, agency):
    bct_user = make_user("officer", "BCT")
    t1 = make_task(coordinators=[("BTP", "Thẩm định")], responsible=bct_user)
    t2 = make_task(title="Nhiệm vụ thứ hai")
    with pytest.raises(PermissionDenied):
        services.reassign(make_user("focal_point", "BCT"), [t1, t2], agency("BTP"))
    assert services.reassign(make_user("secretariat", "BNG"), [t1, t2], agency("BTP"), "Theo chức năng") == 2
    t1.refresh_from_db()
    assert t1.agency.code == "BTP" and t1.responsible is None and not t1.coordinations.exists()
    entry = AuditEntry.objects.filter(object_type="tasks.Task", object_id=str(t1.pk), action="update").first()
    assert entry.after["reassign_reason"] == "Theo chức năng"


# ----------------------------------------------------------------------------- derived status


def _cases(make_task, make_user):
    officer = make_user("officer", "BCT")
    not_due = make_task(title="a", deadline="trước ngày 31/03/2026")
    in_progress = make_task(title="b", deadline="trước ngày 31/03/2026")
    services.add_progress(officer, in_progress, on=D(2026, 1, 5), text="Đang làm")
    overdue = make_task(title="c", deadline="trước ngày 31/01/2026")
    on_time = make_task(title="d", deadline="trước ngày 31/03/2026")
    services.complete(officer, on_time, on=D(2026, 1, 10), product="Kế hoạch")
    late = make_task(title="e", deadline="trước ngày 05/01/2026")
    services.complete(officer, late, on=D(2026, 1, 10), product="Kế hoạch")
    ongoing = make_task(title="f", deadline="thường xuyên")
    return {
        not_due.pk: st.NOT_DUE,
        in_progress.pk: st.IN_PROGRESS,
        overdue.pk: st.OVERDUE,
        on_time.pk: st.DONE_ON_TIME,
        late.pk: st.DONE_LATE,
        ongoing.pk: st.NOT_DUE,
    }


def test_every_status_derived_in_python_and_sql_alike(make_task, make_user):
    expected = _cases(make_task, make_user)
    on = D(2026, 2, 15)
    python = {t.pk: t.status_on(on) for t in Task.objects.filter(pk__in=expected)}
    sql = dict(
        st.annotate_status(Task.objects.filter(pk__in=expected), on).values_list("pk", "derived_status")
    )
    assert python == sql == expected
    assert {str(st.LABELS[s]) for s in expected.values()} == {
        "Chưa đến hạn",
        "Đang thực hiện",
        "Hoàn thành đúng hạn",
        "Hoàn thành trễ hạn",
        "Quá hạn",
    }


# ----------------------------------------------------------------------------- recurring tasks: periods


def test_periods_generated_reported_late_missing(make_task, make_user):
    task = make_task(deadline="hằng quý", period_start=None, recurrence_until=D(2026, 12, 31))
    labels = list(task.periods.values_list("label", flat=True))
    assert labels[:3] == ["Quý II/2025", "Quý III/2025", "Quý IV/2025"] and labels[-1] == "Quý IV/2026"
    officer = make_user("officer", "BCT")
    q2, q3 = task.periods.all()[:2]
    services.add_progress(officer, task, on=D(2025, 6, 28), text="Báo cáo quý II", period=q2)
    services.add_progress(officer, task, on=D(2025, 10, 15), text="Báo cáo quý III", period=q3)
    on = D(2026, 1, 10)
    statuses = [st.period_status(p, on) for p in task.periods.all()[:4]]
    assert statuses == [st.REPORTED, st.LATE, st.MISSING, st.UPCOMING]
    assert [str(st.PERIOD_LABELS[s]) for s in statuses[:3]] == ["Đã báo cáo", "Báo cáo muộn", "Chưa báo cáo"]
    assert Task.objects.get(pk=task.pk).status_on(on) == st.OVERDUE
    sql = st.annotate_status(Task.objects.filter(pk=task.pk), on).get().derived_status
    assert sql == st.OVERDUE


def test_changing_the_schedule_regenerates_periods_keeping_reported_ones(make_task, make_user):
    task = make_task(deadline="hằng quý", recurrence_until=D(2026, 12, 31))
    first = task.periods.first()
    services.add_progress(make_user("officer", "BCT"), task, on=D(2025, 6, 20), text="Báo cáo", period=first)
    services.save_task(None, task, {"deadline_text": "hằng năm", "recurrence": "", "report_offset_days": 15})
    periods = list(ReportPeriod.objects.filter(task=task).order_by("start"))
    assert [p.label for p in periods] == ["Năm 2025", "Quý II/2025", "Năm 2026"]
    kept = next(p for p in periods if p.label == "Quý II/2025")
    assert kept.pk == first.pk and kept.reported_on == D(2025, 6, 20)
    assert next(p for p in periods if p.label == "Năm 2026").due == D(2027, 1, 15)


def test_yearly_report_with_a_day_reads_the_offset(make_task):
    task = make_task(deadline="hằng năm, trước ngày 15/12", recurrence_until=D(2026, 12, 31))
    assert task.recurrence == "yearly" and task.report_offset_days == -16
    assert [p.due for p in task.periods.all()] == [D(2025, 12, 15), D(2026, 12, 15)]


def test_only_the_lead_reports_a_period(make_task, make_user):
    task = make_task("BTP", deadline="hằng quý", coordinators=[("BCT", "Số liệu")])
    with pytest.raises(ValidationError, match="Chỉ cơ quan chủ trì nộp báo cáo định kỳ"):
        services.add_progress(
            make_user("officer", "BCT"), task, on=D(2025, 6, 20), text="X", period=task.periods.first()
        )
