"""Pages of the tasks area: lists and filters, the task page, forms with Vietnamese errors, scoping."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from hoinhap.tasks import services
from hoinhap.tasks.models import Evidence, ProgressUpdate, Task

D = dt.date
pytestmark = pytest.mark.django_db


def page(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_list_filters(client, make_user, make_task, programme):
    officer = make_user("officer", "BCT")
    make_task(title="Việc đúng hạn BCT", deadline="trước ngày 31/12/2099")
    make_task(title="Việc quá hạn BCT", deadline="trước ngày 01/01/2020")
    make_task("BTP", title="Việc của Bộ Tư pháp")
    client.force_login(officer)
    text = page(client, "/nhiem-vu/")
    assert "Việc đúng hạn BCT" in text and "Việc quá hạn BCT" in text and "Bộ Tư pháp" not in text
    text = page(client, "/nhiem-vu/", overdue="1")
    assert "Việc quá hạn BCT" in text and "Việc đúng hạn BCT" not in text
    text = page(client, "/nhiem-vu/", status="not_due")
    assert "Việc đúng hạn BCT" in text and "Việc quá hạn BCT" not in text
    text = page(client, "/nhiem-vu/", due_from="2099-01-01", due_to="2099-12-31", programme=programme.pk)
    assert "Việc đúng hạn BCT" in text and "Việc quá hạn BCT" not in text
    assert "Việc đúng hạn BCT" in page(client, "/nhiem-vu/", status="bogus", due_from="xx")  # ignored
    client.force_login(make_user("secretariat", "BNG"))
    btp = Task.objects.get(title="Việc của Bộ Tư pháp").agency
    text = page(client, "/nhiem-vu/", agency=btp.pk)
    assert "Việc của Bộ Tư pháp" in text and "Việc đúng hạn BCT" not in text


def test_filter_by_pillar_through_policy_items(client, make_user, make_task):
    from hoinhap.policy.models import PolicyDocument, PolicyItem

    doc = PolicyDocument.objects.create(
        number="THU-59-NQ/TW", kind="party_resolution", issuer="Bộ Chính trị", title="Văn bản thử"
    )
    item = PolicyItem.objects.create(
        document=doc, code="THU-59.KT", kind="task_group", pillar=2, title="Hội nhập kinh tế", quote="…"
    )
    economic = make_task(title="Việc kinh tế")
    economic.policy_items.set([item])
    make_task(title="Việc khác")
    client.force_login(make_user("officer", "BCT"))
    text = page(client, "/nhiem-vu/", pillar="2")
    assert "Việc kinh tế" in text and "Việc khác" not in text
    assert "THU-59.KT" in page(client, f"/nhiem-vu/{economic.pk}/")


def test_task_page_shows_six_rõ_status_history_and_both_timelines(client, make_user, make_task):
    task = make_task("BTP", coordinators=[("BCT", "Số liệu thương mại")], deadline="quý I/2026")
    services.add_progress(
        make_user("officer", "BTP"), task, on=D(2026, 1, 5), text="Bản dự thảo lần 1", percent=30
    )
    services.add_progress(make_user("officer", "BCT"), task, on=D(2026, 1, 6), text="Số liệu xuất khẩu 2025")
    client.force_login(make_user("secretariat", "BNG"))
    text = page(client, f"/nhiem-vu/{task.pk}/")
    for label in ("Rõ người", "Rõ việc", "Rõ thời gian", "Rõ trách nhiệm", "Rõ sản phẩm", "Rõ thẩm quyền"):
        assert label in text
    assert "“quý I/2026”" in text and "31/03/2026" in text
    assert "Tiến độ của cơ quan chủ trì" in text and "Bản dự thảo lần 1" in text
    assert "Đóng góp của cơ quan phối hợp" in text and "Số liệu xuất khẩu 2025" in text
    assert "Lịch sử thay đổi" in text


def test_coordinator_reads_and_contributes_but_cannot_edit(client, make_user, make_task):
    task = make_task("BTP", coordinators=[("BCT", "Số liệu")])
    client.force_login(make_user("officer", "BCT"))
    text = page(client, f"/nhiem-vu/{task.pk}/")
    assert "Thêm đóng góp của cơ quan phối hợp" in text and "Sửa nhiệm vụ" not in text
    assert "Ghi nhận hoàn thành" not in text
    response = client.post(f"/nhiem-vu/{task.pk}/tien-do/", {"on": "05/01/2026", "text": "Đã gửi số liệu"})
    assert response.status_code == 302
    assert ProgressUpdate.objects.get(task=task).kind == ProgressUpdate.Kind.CONTRIBUTION
    assert client.get(f"/nhiem-vu/{task.pk}/sua/").status_code == 404
    assert client.post(f"/nhiem-vu/{task.pk}/hoan-thanh/", {"product": "X"}).status_code == 404
    text = page(client, "/nhiem-vu/", role="coordinator")
    assert task.title in text
    assert task.title in page(client, "/nhiem-vu/cua-toi/")


def test_progress_on_another_agencys_task_is_not_found(client, make_user, make_task):
    task = make_task("BTP")
    client.force_login(make_user("focal_point", "BCT"))
    assert client.get(f"/nhiem-vu/{task.pk}/").status_code == 404
    response = client.post(f"/nhiem-vu/{task.pk}/tien-do/", {"on": "05/01/2026", "text": "X"})
    assert response.status_code == 404 and not ProgressUpdate.objects.exists()


def test_bad_evidence_and_missing_product_give_vietnamese_messages(client, make_user, make_task, settings):
    settings.HOINHAP_EVIDENCE_MAX_BYTES = 100
    task = make_task()
    client.force_login(make_user("officer", "BCT"))
    exe = SimpleUploadedFile("cai-dat.exe", b"MZ...")
    response = client.post(f"/nhiem-vu/{task.pk}/tien-do/", {"on": "05/01/2026", "text": "X", "files": [exe]})
    assert response.status_code == 400
    assert "Tệp “cai-dat.exe” không được chấp nhận" in response.content.decode()
    big = SimpleUploadedFile("bao-cao.pdf", b"%PDF" + b"x" * 500)
    response = client.post(f"/nhiem-vu/{task.pk}/tien-do/", {"on": "05/01/2026", "text": "X", "files": [big]})
    assert "quá lớn" in response.content.decode()
    response = client.post(f"/nhiem-vu/{task.pk}/hoan-thanh/", {"on": "05/01/2026", "product": ""})
    assert response.status_code == 400 and "Chưa nêu sản phẩm hoàn thành" in response.content.decode()
    assert not ProgressUpdate.objects.exists() and not Evidence.objects.exists()
    assert Task.objects.get(pk=task.pk).completed_on is None


def test_create_task_draft_and_unclear_deadline_messages(client, make_user, agency):
    client.force_login(make_user("focal_point", "BCT"))
    response = client.post(
        "/nhiem-vu/them/",
        {
            "title": "Thúc đẩy đối tác thực hiện cam kết",
            "agency": agency("BCT").pk,
            "deadline_text": "theo tiến độ đàm phán",
            "coordinators": "Bộ Ngoại giao: hỗ trợ\nBộ Tài chính",
        },
        follow=True,
    )
    text = response.content.decode()
    task = Task.objects.get(title="Thúc đẩy đối tác thực hiện cam kết")
    assert task.is_draft and task.due is None and task.deadline_kind == "unparsed"
    assert "Đã lưu dưới dạng bản nháp; còn thiếu: rõ người" in text
    assert "rõ trách nhiệm (phần việc của cơ quan phối hợp): Bộ Tài chính" in text
    assert "Thời hạn chưa rõ" in text and "không tự đặt ngày" in text
    response = client.post(
        "/nhiem-vu/them/", {"title": "X", "agency": agency("BCT").pk, "coordinators": "Bộ Không Tồn Tại"}
    )
    assert (
        response.status_code == 400
        and "không tìm thấy cơ quan “Bộ Không Tồn Tại”" in response.content.decode()
    )
    response = client.post("/nhiem-vu/them/", {"title": "X", "agency": agency("BTP").pk})
    assert response.status_code == 400 and not Task.objects.filter(title="X").exists()


def test_edit_complete_and_status_change(client, make_user, make_task):
    task = make_task(deadline="trước ngày 31/12/2099")
    client.force_login(make_user("officer", "BCT"))
    assert "Chưa đến hạn" in page(client, f"/nhiem-vu/{task.pk}/")
    client.post(f"/nhiem-vu/{task.pk}/tien-do/", {"on": "05/01/2026", "text": "Bắt đầu", "percent": "20"})
    assert "Đang thực hiện" in page(client, f"/nhiem-vu/{task.pk}/")
    client.post(
        f"/nhiem-vu/{task.pk}/hoan-thanh/",
        {"on": "10/01/2026", "product": "Kế hoạch số 5/KH-BCT", "document_number": "5/KH-BCT"},
    )
    assert "Hoàn thành đúng hạn" in page(client, f"/nhiem-vu/{task.pk}/")
    form = page(client, f"/nhiem-vu/{task.pk}/sua/")
    assert "trước ngày 31/12/2099" in form
    secretariat = make_user("secretariat", "BNG")
    client.force_login(secretariat)
    response = client.post(f"/nhiem-vu/{task.pk}/mo-lai/", {"reason": "Chưa đủ minh chứng"}, follow=True)
    assert "Đã mở lại nhiệm vụ" in response.content.decode()


def test_reassign_view(client, make_user, make_task, agency):
    t1, t2 = make_task(title="Một"), make_task(title="Hai")
    client.force_login(make_user("focal_point", "BCT"))
    assert (
        client.post("/nhiem-vu/giao-lai/", {"task": [t1.pk], "agency": agency("BTP").pk}).status_code == 403
    )
    client.force_login(make_user("secretariat", "BNG"))
    response = client.post(
        "/nhiem-vu/giao-lai/",
        {"task": [t1.pk, t2.pk], "agency": agency("BTP").pk, "reason": "Chức năng"},
        follow=True,
    )
    assert "Đã giao lại 2 nhiệm vụ cho Bộ Tư pháp" in response.content.decode()
    assert set(Task.objects.values_list("agency__code", flat=True)) == {"BTP"}


def test_calendar_shows_the_months_deadlines(client, make_user, make_task):
    make_task(title="Hạn giữa tháng", deadline="trước ngày 15/03/2026")
    make_task(title="Hạn tháng sau", deadline="trước ngày 15/04/2026")
    make_task(title="Báo cáo quý", deadline="hằng quý", recurrence_until=D(2026, 12, 31))
    client.force_login(make_user("officer", "BCT"))
    text = page(client, "/nhiem-vu/lich/", thang="2026-03")
    assert "Lịch thời hạn tháng 03/2026" in text and "Hạn giữa tháng" in text and "Hạn tháng sau" not in text
    assert "Báo cáo quý — Quý I/2026" in text and "?thang=2026-04" in text
    assert "Lịch thời hạn" in page(client, "/nhiem-vu/lich/", thang="rác")


def test_yearly_statistics_page_and_xlsx(client, make_user, make_task, freeze_today):
    officer = make_user("officer", "BCT")
    on_time = make_task(title="a", deadline="trước ngày 31/03/2026")
    services.complete(officer, on_time, on=D(2026, 3, 1), product="X")
    late = make_task(title="b", deadline="trước ngày 31/03/2026")
    services.complete(officer, late, on=D(2026, 4, 1), product="X")
    make_task(title="c", deadline="trước ngày 30/04/2026")  # overdue on 15/05/2026
    make_task(title="d", deadline="trước ngày 30/06/2026")  # within the deadline
    make_task("BTP", title="e", deadline="trước ngày 30/06/2026")
    make_task(title="f", deadline="trước ngày 30/06/2027")  # another year
    make_task(title="g", deadline="trước ngày 30/06/2026", product="", product_kind="")  # draft
    freeze_today(D(2026, 5, 15))
    client.force_login(make_user("secretariat", "BNG"))
    text = page(client, "/nhiem-vu/thong-ke/", nam="2026")
    assert "Bộ Công Thương" in text and "Bộ Tư pháp" in text and "15/05/2026" in text
    response = client.get("/nhiem-vu/thong-ke/xlsx/", {"nam": "2026"})
    assert response["Content-Disposition"] == 'attachment; filename="thong-ke-nhiem-vu-2026.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = {r[1]: r[2:] for r in sheet.iter_rows(min_row=5, values_only=True)}
    assert rows["Bộ Công Thương"] == (4, 1, 1, 1, 1, 50.0)
    assert rows["Bộ Tư pháp"] == (1, 0, 0, 1, 0, 0.0)
    assert rows["Tổng cộng"] == (5, 1, 1, 2, 1, 40.0)
    client.force_login(officer)  # an agency sees its own row only
    assert "Bộ Tư pháp" not in page(client, "/nhiem-vu/thong-ke/", nam="2026")


def test_programme_and_source_pages(client, make_user, make_task, programme, conclusion):
    make_task(title="Việc từ kết luận", source=conclusion)
    client.force_login(make_user("officer", "BCT"))
    assert "153/NQ-CP" in page(client, "/chuong-trinh/")
    assert "Việc từ kết luận" in page(client, f"/chuong-trinh/{programme.pk}/")
    assert "Việc từ kết luận" in page(client, f"/nguon-nhiem-vu/{conclusion.pk}/")
    assert client.get("/chuong-trinh/them/").status_code == 403
    client.force_login(make_user("secretariat", "BNG"))
    response = client.post(
        "/chuong-trinh/them/", {"code": "KH-2026", "title": "Kế hoạch công tác năm 2026", "kind": "work_plan"}
    )
    assert response.status_code == 302
    response = client.post(
        f"/chuong-trinh/{programme.pk}/sua/", {"code": "153/NQ-CP", "title": "Đổi", "kind": "action"}
    )
    assert response.status_code == 302


def test_notifications_preferences_and_settings_pages(client, make_user, make_task):
    officer = make_user("officer", "BCT")
    client.force_login(officer)
    assert "Chưa có thông báo" in page(client, "/thong-bao/")
    response = client.post("/nhac-viec/", {"kinds": ["before", "due"], "days_before": "14, 7"})
    assert response.status_code == 400 and "Nhắc khi quá hạn; không thể tắt" in response.content.decode()
    response = client.post(
        "/nhac-viec/",
        {"kinds": ["before", "due", "overdue"], "days_before": "7, 3", "email": "on"},
        follow=True,
    )
    assert "Đã lưu lựa chọn nhắc việc" in response.content.decode()
    assert client.get("/nhac-viec/quy-dinh/").status_code == 403
    client.force_login(make_user("secretariat", "BNG"))
    response = client.post(
        "/nhac-viec/quy-dinh/",
        {
            "days_before": "30, 14, 3",
            "required_days_before": "3",
            "required_kinds": ["due", "overdue"],
            "overdue_repeat_days": "7",
            "escalate_leader_after": "10",
            "escalate_secretariat_after": "5",
        },
    )
    assert response.status_code == 400 and "không được sớm hơn" in response.content.decode()
