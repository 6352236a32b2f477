"""Pages of "meeting conclusions into tasks": paste/upload, htmx row edits, merge/split/drop, create, roles."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hoinhap.conclusions.models import Notice, ProposedTask
from hoinhap.tasks.models import Task
from tests.conclusions.conftest import row_led_by

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}
P = ProposedTask.State


def row_post(row, **overrides):
    data = {
        "lead": row.lead_id or "",
        "co_leads": [a.pk for a in row.co_leads.all()],
        "coordinators": [a.pk for a in row.coordinators.all()],
        "title": row.title,
        "deadline_text": row.deadline_text,
        "deliverable": row.deliverable,
        "authority_text": row.authority_text,
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_paste_seed_shows_the_proposal_beside_the_text(client, secretariat, seed_text):
    client.force_login(secretariat)
    assert client.get(reverse("conclusions:new")).status_code == 200
    response = client.post(reverse("conclusions:new"), {"text": seed_text.replace("\n", "\r\n")})
    notice = Notice.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "conclusions:detail", args=[notice.pk]
    )
    assert notice.text == seed_text  # browsers send CRLF: offsets are kept on the stored text
    page = client.get(response["Location"]).content.decode()
    fta = row_led_by(notice, "BCT")
    assert f'id="row-{fta.pk}"' in page
    assert f'class="q q-{fta.pk}"' in page  # its quote is marked in the text
    assert "Giao chung: các bộ, ngành, địa phương" in page
    assert "Giao cho cơ quan cụ thể" in page
    assert "Tạo các nhiệm vụ đã xác nhận" in page
    listing = client.get(reverse("conclusions:list")).content.decode()
    assert "0/10 dòng đã xác nhận" in listing


def test_paste_errors_are_vietnamese_and_change_nothing(client, secretariat):
    client.force_login(secretariat)
    response = client.post(reverse("conclusions:new"), {"text": "   "})
    assert response.status_code == 400 and "Chưa có nội dung" in response.content.decode()
    response = client.post(reverse("conclusions:new"), {"text": "Hội nghị đánh giá cao kết quả năm 2025."})
    assert (
        response.status_code == 400 and "Không tìm thấy nhiệm vụ nào được giao" in response.content.decode()
    )
    bad = SimpleUploadedFile("thong-bao.pdf", b"%PDF-1.4 hong")
    response = client.post(reverse("conclusions:new"), {"file": bad})
    assert response.status_code == 400 and "Không đọc được tệp “thong-bao.pdf”" in response.content.decode()
    exe = SimpleUploadedFile("thong-bao.exe", b"MZ")
    response = client.post(reverse("conclusions:new"), {"file": exe})
    assert "chỉ nhận TXT, DOCX, PDF" in response.content.decode()
    both = SimpleUploadedFile("tb.txt", "Giao Bộ Tư pháp chủ trì rà soát, trong quý I/2026.".encode())
    response = client.post(reverse("conclusions:new"), {"file": both, "text": "abc"})
    assert "không cả hai" in response.content.decode()
    assert not Notice.objects.exists()


def test_upload_a_txt_file(client, secretariat, seed_text):
    client.force_login(secretariat)
    f = SimpleUploadedFile("tb-ket-luan.txt", seed_text.encode("utf-8"))
    response = client.post(reverse("conclusions:new"), {"file": f})
    assert response.status_code == 302
    notice = Notice.objects.get()
    assert notice.filename == "tb-ket-luan.txt" and notice.rows.count() == 10


def test_htmx_row_confirm_and_refusal(client, seed_notice, secretariat):
    client.force_login(secretariat)
    fta = row_led_by(seed_notice, "BCT")
    url = reverse("conclusions:row", args=[fta.pk])
    response = client.post(url, row_post(fta, deadline_text="trước ngày 30/6/2026"), **HX)
    body = response.content.decode()
    assert response.status_code == 200 and body.startswith("<article")
    assert "Đã xác nhận dòng 7" in body and 'hx-swap-oob="true"' in body and "Đã xác nhận: 1" in body
    assert "30/06/2026" in body
    fta.refresh_from_db()
    assert fta.state == P.CONFIRMED and fta.due == dt.date(2026, 6, 30)

    response = client.post(url, row_post(fta, lead=""), **HX)
    body = response.content.decode()
    assert response.status_code == 200 and "Chưa chọn cơ quan chủ trì" in body
    fta.refresh_from_db()
    assert fta.lead.code == "BCT" and fta.state == P.CONFIRMED  # unchanged

    response = client.post(url, row_post(fta, lead=""))  # without htmx: message and back to the page
    assert response.status_code == 302
    page = client.get(reverse("conclusions:detail", args=[seed_notice.pk])).content.decode()
    assert "Dòng 7: Chưa chọn cơ quan chủ trì" in page


def test_split_merge_drop_restore_through_the_page(client, seed_notice, secretariat):
    client.force_login(secretariat)
    fta, synthesis = row_led_by(seed_notice, "BCT"), row_led_by(seed_notice, "BNG")
    response = client.post(reverse("conclusions:row_split", args=[fta.pk]), **HX)
    assert response.status_code == 200 and 'id="workspace"' in response.content.decode()
    assert "Đã tách dòng 7 thành hai dòng 7 và 8" in response.content.decode()
    assert seed_notice.rows.count() == 11
    second = seed_notice.rows.get(position=8)
    response = client.post(
        reverse("conclusions:merge", args=[seed_notice.pk]), {"rows": [fta.pk, second.pk]}, **HX
    )
    assert "Đã gộp thành dòng 7" in response.content.decode() and seed_notice.rows.count() == 10
    response = client.post(reverse("conclusions:merge", args=[seed_notice.pk]), {"rows": [fta.pk]}, **HX)
    assert "Chọn ít nhất hai dòng để gộp" in response.content.decode()
    response = client.post(reverse("conclusions:row_drop", args=[synthesis.pk]))
    assert response.status_code == 302
    synthesis.refresh_from_db()
    assert synthesis.state == P.DROPPED
    client.post(reverse("conclusions:row_restore", args=[synthesis.pk]), **HX)
    synthesis.refresh_from_db()
    assert synthesis.state == P.PENDING


def test_create_all_from_the_page(client, seed_notice, secretariat):
    client.force_login(secretariat)
    create = reverse("conclusions:create_tasks", args=[seed_notice.pk])
    response = client.post(create, follow=True)
    assert "Còn dòng chưa xác nhận hoặc chưa bỏ: 7, 10" in response.content.decode()
    for code in ("BCT", "BNG"):
        row = row_led_by(seed_notice, code)
        client.post(reverse("conclusions:row", args=[row.pk]), row_post(row), **HX)
    response = client.post(create, follow=True)
    body = response.content.decode()
    assert "Đã tạo 2 nhiệm vụ từ thông báo." in body
    assert "Nhiệm vụ đã tạo" in body and "Xây dựng lộ trình đàm phán và ký kết các FTA" in body
    assert Task.objects.filter(source=Notice.objects.get().source).count() == 2
    assert "Tạo các nhiệm vụ đã xác nhận" not in body  # done: read-only


def test_roles_and_navigation(client, make_user, seed_notice):
    label = "Kết luận thành nhiệm vụ"
    for role, code, sees in (
        ("secretariat", "BNG", True),
        ("focal_point", "BCT", True),
        ("officer", "BCT", False),
        ("leader", "BCT", False),
        ("observer", None, False),
    ):
        client.force_login(make_user(role, code))
        home = client.get("/").content.decode()
        assert (label in home) is sees, role
        assert client.get(reverse("conclusions:new")).status_code == (200 if sees else 403), role
    officer = make_user("officer", "BNG")  # same agency as the notice: reads it, changes nothing
    client.force_login(officer)
    assert client.get(reverse("conclusions:detail", args=[seed_notice.pk])).status_code == 200
    row = row_led_by(seed_notice, "BCT")
    assert client.post(reverse("conclusions:row", args=[row.pk]), row_post(row)).status_code == 403
    assert client.post(reverse("conclusions:create_tasks", args=[seed_notice.pk])).status_code == 403
    client.force_login(make_user("focal_point", "BCT"))  # another agency's notice: not found
    assert client.get(reverse("conclusions:detail", args=[seed_notice.pk])).status_code == 404
    assert client.post(reverse("conclusions:row", args=[row.pk]), row_post(row)).status_code == 404


def test_notice_details_are_edited_and_checked(client, seed_notice, secretariat):
    client.force_login(secretariat)
    url = reverse("conclusions:edit", args=[seed_notice.pk])
    data = {"number": "15/TB-VPCP", "title": "Kết luận của Thủ tướng", "issuer": "Văn phòng Chính phủ"}
    response = client.post(url, {**data, "issued": "32/01/2026"}, follow=True)
    assert "Ngày không hợp lệ (dd/mm/yyyy)." in response.content.decode()
    seed_notice.refresh_from_db()
    assert seed_notice.number == ""
    response = client.post(url, {**data, "issued": "20/01/2026"}, follow=True)
    assert "Đã lưu thông tin văn bản." in response.content.decode()
    seed_notice.refresh_from_db()
    assert seed_notice.number == "15/TB-VPCP" and seed_notice.issued == dt.date(2026, 1, 20)


def test_overlapping_quotes_are_marked_for_every_row():
    from types import SimpleNamespace as Row

    from hoinhap.conclusions.selectors import segments

    text = "abcdefghij"
    parts = segments(text, [Row(pk=1, quote_start=2, quote_end=6), Row(pk=2, quote_start=4, quote_end=8)])
    assert "".join(p.text for p in parts) == text
    assert [(p.text, p.rows) for p in parts] == [
        ("ab", []),
        ("cd", [1]),
        ("ef", [1, 2]),
        ("gh", [2]),
        ("ij", []),
    ]
    assert parts[2].classes == "q-1 q-2"
