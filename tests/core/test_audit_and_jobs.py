import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from openpyxl import load_workbook

from hoinhap.agencies import services
from hoinhap.core import jobs
from hoinhap.core.models import AuditEntry, Job


@pytest.mark.django_db
def test_create_and_update_person_are_audited_with_before_and_after(make_user, agency):
    focal = make_user("focal_point", "BCT")
    person = services.create_person(
        focal,
        username="chuyenvien.moi",
        password="Mat-khau-dai-2026",
        agency=agency("BCT"),
        role="officer",
        first_name="Hoa",
        last_name="Trần Thị",
    )
    services.update_person(focal, person, position="Chuyên viên chính")
    entries = AuditEntry.objects.filter(object_type="agencies.User", object_id=str(person.pk)).order_by("id")
    assert [e.action for e in entries] == ["create", "update"]
    update = entries[1]
    assert update.actor == focal and update.agency == agency("BCT")
    assert ("position", "", "Chuyên viên chính") in update.changes()
    assert update.before["password"] == "••••"  # secrets never stored


@pytest.mark.django_db
def test_focal_point_cannot_touch_another_agency(make_user, agency):
    focal = make_user("focal_point", "BCT")
    other = make_user("officer", "BTP")
    before = AuditEntry.objects.count()
    with pytest.raises(PermissionDenied):
        services.update_person(focal, other, position="x")
    with pytest.raises(PermissionDenied):
        services.create_person(
            focal, username="x1", password="Mat-khau-dai-2026", agency=agency("BTP"), role="officer"
        )
    with pytest.raises(PermissionDenied):
        services.create_person(
            focal, username="x2", password="Mat-khau-dai-2026", agency=agency("BCT"), role="secretariat"
        )
    other.refresh_from_db()
    assert other.position == "" and AuditEntry.objects.count() == before


@pytest.mark.django_db
def test_person_without_agency_is_refused(make_user):
    secretariat = make_user("secretariat", "BNG")
    with pytest.raises(ValidationError):
        services.create_person(
            secretariat, username="khongcoquan", password="Mat-khau-dai-2026", agency=None, role="officer"
        )


@pytest.mark.django_db
def test_job_runs_with_progress_and_result_file(make_user, django_capture_on_commit_callbacks):
    secretariat = make_user("secretariat", "BNG")
    services.update_person(secretariat, secretariat, position="Chuyên viên")
    with django_capture_on_commit_callbacks(execute=True):
        job = jobs.start("audit_export", "Xuất nhật ký", secretariat)
    job.refresh_from_db()
    assert job.state == Job.State.DONE, job.error
    assert job.percent == 100 and job.result_file
    with job.result_file.open("rb") as fh:
        sheet = load_workbook(fh).active
        assert sheet.cell(1, 1).value == "Thời điểm"
        assert sheet.max_row >= 2


@pytest.mark.django_db
def test_failed_job_keeps_error_and_changes_nothing(make_user, agency, django_capture_on_commit_callbacks):
    from django.db import transaction

    @jobs.handler("test_failing")
    def failing(job, progress):
        progress(1, 3, "Đang xử lý")
        with transaction.atomic():
            agency("BCT").__class__.objects.filter(code="BCT").update(name="Tên bị sửa dở")
            raise ValueError("Dòng 2: ngày không hợp lệ")

    user = make_user("secretariat", "BNG")
    with django_capture_on_commit_callbacks(execute=True):
        job = jobs.start("test_failing", "Việc lỗi", user)
    job.refresh_from_db()
    assert job.state == Job.State.FAILED
    assert "ngày không hợp lệ" in job.error
    assert agency("BCT").name == "Bộ Công Thương"
    jobs.HANDLERS.pop("test_failing")
