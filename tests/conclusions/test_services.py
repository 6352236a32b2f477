"""Meeting conclusions into tasks: proposal from seed 001, corrections, one-transaction creation, bad input."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from hoinhap.agencies.models import Agency
from hoinhap.conclusions import services
from hoinhap.conclusions.models import Notice, ProposedTask
from hoinhap.core.models import AuditEntry
from hoinhap.tasks.models import Source, Task
from tests.conclusions.conftest import row_led_by

pytestmark = pytest.mark.django_db
P = ProposedTask.State


def confirm(actor, row, **data):
    return services.save_row(actor, row, data)


# ----------------------------------------------------------------------------- seed 001


def test_seed_001_pasted_as_is_proposes_its_assignments(seed_notice, seed_text):
    rows = list(seed_notice.rows.all())
    assert len(rows) == 10
    assert [r.position for r in rows] == list(range(1, 11))
    for r in rows:  # every quote is the text it came from, at its offsets
        assert seed_notice.text[r.quote_start : r.quote_end] == r.quote
    assert seed_notice.text == seed_text.replace("\r\n", "\n")
    assert seed_notice.issuer == "Văn phòng Chính phủ"
    assert seed_notice.meeting_date == dt.date(2026, 1, 14)

    fta = row_led_by(seed_notice, "BCT")
    assert fta.state == P.PENDING and not fta.collective
    assert fta.lead_text == "Bộ Công Thương"
    for partner in ("GCC", "MERCOSUR", "Pakistan", "Ai Cập"):
        assert partner in fta.title
    assert fta.title.startswith("Xây dựng lộ trình đàm phán và ký kết các FTA")
    assert "quý I/2026" not in fta.title
    assert fta.deadline_text == "trong quý I/2026"
    assert fta.due == dt.date(2026, 3, 31)
    assert [a.code for a in fta.coordinators.all()] == ["BNG"]
    assert fta.coordinators_text == "các cơ quan liên quan"  # kept as written, not invented
    assert "Bộ Ngoại giao phối hợp chặt chẽ" in fta.quote

    synthesis = row_led_by(seed_notice, "BNG")
    assert [a.code for a in synthesis.coordinators.all()] == ["VPCP"]
    assert synthesis.authority_text == "Thủ tướng Chính phủ"
    assert synthesis.title.startswith("Tổng hợp các ý kiến đề xuất")

    collective = [r for r in rows if r.collective]
    assert len(collective) == 8
    assert all(
        r.state == P.DROPPED and r.lead is None and "các bộ, ngành, địa phương" in r.note for r in collective
    )
    assert AuditEntry.objects.filter(object_type="conclusions.Notice", action="create").count() == 1


def test_seed_001_confirmed_creates_its_tasks_in_one_go(seed_notice, secretariat):
    fta, synthesis = row_led_by(seed_notice, "BCT"), row_led_by(seed_notice, "BNG")
    confirm(secretariat, fta)
    confirm(secretariat, synthesis)
    before_tasks = Task.objects.count()

    created = services.create_tasks(secretariat, seed_notice)

    assert len(created) == 2 and Task.objects.count() == before_tasks + 2
    seed_notice.refresh_from_db()
    assert seed_notice.state == Notice.State.CREATED
    source = seed_notice.source
    assert source.kind == Source.Kind.CONCLUSION
    assert source.text == seed_notice.text and source.issuer == "Văn phòng Chính phủ"
    task = Task.objects.get(source=source, agency__code="BCT")
    assert task.title.startswith("Xây dựng lộ trình đàm phán và ký kết các FTA với khối GCC, MERCOSUR")
    assert task.due == dt.date(2026, 3, 31) and task.deadline_text == "trong quý I/2026"
    assert [c.agency.code for c in task.coordinations.all()] == ["BNG"]
    assert task.source_quote == fta.quote and "MERCOSUR, Pakistan, Ai Cập" in task.source_quote
    assert task.product.startswith("lộ trình đàm phán")
    other = Task.objects.get(source=source, agency__code="BNG")
    assert other.authority == Task.Authority.PRIME_MINISTER
    assert [c.agency.code for c in other.coordinations.all()] == ["VPCP"]
    # drafts name what the notice does not say (the responsible official, the coordinators' share)
    assert task.is_draft and any("rõ người" in m for m in task.missing)
    assert AuditEntry.objects.filter(object_type="tasks.Task", action="create").count() == 2
    assert AuditEntry.objects.filter(object_type="tasks.Source", action="create").count() == 1
    with pytest.raises(ValidationError, match="đã được tạo nhiệm vụ"):
        services.save_row(secretariat, fta, {"title": "Khác"})
    with pytest.raises(ValidationError, match="đã được tạo nhiệm vụ"):
        services.create_tasks(secretariat, seed_notice)
    assert Task.objects.count() == before_tasks + 2


def test_a_failing_row_creates_nothing(seed_notice, secretariat):
    fta, synthesis = row_led_by(seed_notice, "BCT"), row_led_by(seed_notice, "BNG")
    confirm(secretariat, fta)
    confirm(secretariat, synthesis)
    abolished = Agency.objects.filter(active=False).first()
    assert abolished is not None
    ProposedTask.objects.filter(pk=synthesis.pk).update(lead=abolished)  # an invalid agency injected
    counts = Task.objects.count(), Source.objects.count(), AuditEntry.objects.count()

    with pytest.raises(ValidationError) as exc:
        services.create_tasks(secretariat, seed_notice)

    assert f"Dòng {synthesis.position}" in exc.value.messages[0]
    assert "không còn hoạt động" in exc.value.messages[0]
    assert (Task.objects.count(), Source.objects.count(), AuditEntry.objects.count()) == counts
    seed_notice.refresh_from_db()
    assert seed_notice.state == Notice.State.DRAFT and seed_notice.source is None


def test_a_failure_inside_the_task_service_rolls_back_the_rows_before_it(
    seed_notice, secretariat, monkeypatch
):
    from hoinhap.tasks import services as task_services

    for r in seed_notice.rows.filter(state=P.PENDING):
        confirm(secretariat, r)
    real, calls = task_services.save_task, []

    def flaky(actor, task, data, **kwargs):
        calls.append(data["agency"].code)
        if len(calls) == 2:
            raise ValidationError({"title": "Lỗi thử nghiệm ở dòng thứ hai."})
        return real(actor, task, data, **kwargs)

    monkeypatch.setattr(task_services, "save_task", flaky)
    before = Task.objects.count(), Source.objects.count()
    with pytest.raises(ValidationError, match="Lỗi thử nghiệm"):
        services.create_tasks(secretariat, seed_notice)
    assert len(calls) == 2  # the first task was saved, then undone with everything else
    assert (Task.objects.count(), Source.objects.count()) == before


def test_pending_rows_block_creation_and_nothing_confirmed_creates_nothing(seed_notice, secretariat):
    with pytest.raises(ValidationError, match="Còn dòng chưa xác nhận hoặc chưa bỏ: 7, 10"):
        services.create_tasks(secretariat, seed_notice)
    for r in seed_notice.rows.filter(state=P.PENDING):
        services.drop_row(secretariat, r)
    with pytest.raises(ValidationError, match="Chưa có dòng nào được xác nhận"):
        services.create_tasks(secretariat, seed_notice)
    assert not Task.objects.filter(source__kind=Source.Kind.CONCLUSION, source__text__contains="MERCOSUR")


# ----------------------------------------------------------------------------- corrections


def test_correcting_a_row_and_reading_its_deadline(seed_notice, secretariat, agency):
    fta = row_led_by(seed_notice, "BCT")
    row = services.save_row(
        secretariat,
        fta,
        {"title": "  Lộ trình   FTA  ", "deadline_text": "trước ngày 30/6/2026", "deliverable": "Đề án"},
        coordinators=[agency("BNG"), agency("BTC")],
    )
    assert row.state == P.CONFIRMED
    assert row.title == "Lộ trình FTA" and row.due == dt.date(2026, 6, 30)
    assert sorted(a.code for a in row.coordinators.all()) == ["BNG", "BTC"]
    with pytest.raises(ValidationError) as exc:
        services.save_row(secretariat, row, {"title": ""})
    assert "rõ việc" in str(exc.value)
    with pytest.raises(ValidationError, match="không đồng thời là cơ quan phối hợp"):
        services.save_row(secretariat, row, {}, coordinators=[agency("BCT")])
    row.refresh_from_db()
    assert row.title == "Lộ trình FTA"  # a refused correction changes nothing


def test_an_unresolved_agency_keeps_its_words_and_must_be_chosen(secretariat, agency):
    text = "Giao Ban Quản lý dự án Thủy lợi Bắc Hưng chủ trì xây dựng đề án phát triển, hoàn thành trong quý II/2026."
    notice = services.propose(secretariat, text)
    row = notice.rows.get()
    assert row.lead is None and row.lead_text == "Ban Quản lý dự án Thủy lợi Bắc Hưng"
    assert row.state == P.PENDING and row.due == dt.date(2026, 6, 30)
    with pytest.raises(ValidationError) as exc:
        services.save_row(secretariat, row, {})
    assert "Chưa chọn cơ quan chủ trì" in str(exc.value) and "Ban Quản lý dự án Thủy lợi Bắc Hưng" in str(
        exc.value
    )
    row.refresh_from_db()
    assert row.state == P.PENDING
    row = services.save_row(secretariat, row, {"lead": agency("BNNMT")})
    assert row.state == P.CONFIRMED and row.lead.code == "BNNMT"


def test_a_renamed_body_lands_with_its_successor(secretariat):
    notice = services.propose(
        secretariat, "Giao Bộ Kế hoạch và Đầu tư chủ trì xây dựng báo cáo, hoàn thành trong quý I/2026."
    )
    row = notice.rows.get()
    assert row.lead.code == "BTC" and "Bộ Kế hoạch và Đầu tư" in row.lead_text


def test_joint_leads_each_get_a_task(secretariat):
    notice = services.propose(
        secretariat,
        "Giao Bộ Tài chính, Bộ Tư pháp chủ trì sửa đổi Nghị định số 15/2020/NĐ-CP, trình Chính phủ trong tháng 6/2026.",
    )
    row = notice.rows.get()
    assert row.lead.code == "BTC" and [a.code for a in row.co_leads.all()] == ["BTP"]
    services.save_row(secretariat, row, {})
    tasks = services.create_tasks(secretariat, notice)
    assert sorted(t.agency.code for t in tasks) == ["BTC", "BTP"]
    assert all(t.authority == Task.Authority.GOVERNMENT and t.due == dt.date(2026, 6, 30) for t in tasks)
    btc = next(t for t in tasks if t.agency.code == "BTC")
    assert "Đồng chủ trì: Bộ Tư pháp" in btc.description


def test_a_collective_row_becomes_tasks_only_for_the_agencies_chosen(seed_notice, secretariat, agency):
    row = seed_notice.rows.filter(collective=True).first()
    with pytest.raises(ValidationError, match="Chưa chọn cơ quan chủ trì"):
        services.save_row(secretariat, services.restore_row(secretariat, row), {})
    services.save_row(secretariat, row, {"lead": agency("BTP")}, co_leads=[agency("BCT")])
    for r in seed_notice.rows.filter(state=P.PENDING):
        services.drop_row(secretariat, r, "Không phải nhiệm vụ")
    tasks = services.create_tasks(secretariat, seed_notice)
    assert sorted(t.agency.code for t in tasks) == ["BCT", "BTP"]
    assert {t.source_quote for t in tasks} == {row.quote}


def test_drop_and_restore(seed_notice, secretariat):
    fta = row_led_by(seed_notice, "BCT")
    services.drop_row(secretariat, fta, "  trùng   nhiệm vụ đã giao ")
    fta.refresh_from_db()
    assert fta.state == P.DROPPED and fta.note == "trùng nhiệm vụ đã giao"
    services.restore_row(secretariat, fta)
    fta.refresh_from_db()
    assert fta.state == P.PENDING and fta.note == ""


def test_split_cuts_the_quote_at_a_sentence(seed_notice, secretariat):
    fta = row_led_by(seed_notice, "BCT")
    confirm(secretariat, fta)
    first, second = services.split_row(secretariat, fta)
    assert first.state == P.PENDING and second.state == P.PENDING
    assert first.quote.startswith("Giao Bộ Công Thương") and first.quote.endswith(
        "giữ vững uy tín với đối tác."
    )
    assert second.quote.startswith("Bộ Ngoại giao phối hợp chặt chẽ")
    for r in (first, second):
        assert seed_notice.text[r.quote_start : r.quote_end] == r.quote
    assert second.position == first.position + 1 and second.lead == first.lead
    positions = list(seed_notice.rows.values_list("position", flat=True))
    assert positions == list(range(1, 12))
    assert second.title.startswith("Bộ Ngoại giao phối hợp")


def test_merge_two_rows_into_one(seed_notice, secretariat):
    fta, synthesis = row_led_by(seed_notice, "BCT"), row_led_by(seed_notice, "BNG")
    kept = services.merge_rows(secretariat, seed_notice, [synthesis, fta])
    assert kept.pk == fta.pk and kept.state == P.PENDING
    assert not ProposedTask.objects.filter(pk=synthesis.pk).exists()
    assert kept.lead.code == "BCT" and [a.code for a in kept.co_leads.all()] == ["BNG"]
    assert [a.code for a in kept.coordinators.all()] == ["VPCP"]  # BNG now leads jointly
    assert kept.quote_start == fta.quote_start and kept.quote_end == synthesis.quote_end
    assert seed_notice.text[kept.quote_start : kept.quote_end] == kept.quote
    assert "Tổng hợp các ý kiến" in kept.title and kept.authority_text == "Thủ tướng Chính phủ"
    assert list(seed_notice.rows.values_list("position", flat=True)) == list(range(1, 10))
    with pytest.raises(ValidationError, match="ít nhất hai dòng"):
        services.merge_rows(secretariat, seed_notice, [kept])


def test_merge_refuses_rows_of_another_notice(seed_notice, secretariat, seed_text):
    other = services.propose(secretariat, seed_text)
    with pytest.raises(ValidationError, match="cùng một thông báo"):
        services.merge_rows(
            secretariat, seed_notice, [row_led_by(seed_notice, "BCT"), row_led_by(other, "BNG")]
        )


def test_changing_the_notice_date_rereads_deadlines(secretariat):
    notice = services.propose(
        secretariat, "Giao Bộ Tư pháp chủ trì rà soát văn bản, hoàn thành trước ngày 30/6."
    )
    services.update_notice(secretariat, notice, {"number": "12/TB-VPCP", "issued": dt.date(2027, 1, 5)})
    row = notice.rows.get()
    assert row.due == dt.date(2027, 6, 30)
    services.save_row(secretariat, row, {})
    (task,) = services.create_tasks(secretariat, notice)
    assert task.due == dt.date(2027, 6, 30) and task.source.number == "12/TB-VPCP"


# ----------------------------------------------------------------------------- who


def test_only_the_secretariat_and_focal_points_create(make_user, seed_text):
    for role, code in (("officer", "BCT"), ("leader", "BCT"), ("observer", None)):
        with pytest.raises(PermissionDenied):
            services.propose(make_user(role, code), seed_text)
    assert not Notice.objects.exists()


def test_a_focal_point_creates_its_own_agencys_tasks_only(focal_bct, seed_text, agency, make_user):
    notice = services.propose(focal_bct, seed_text)
    assert notice.agency.code == "BCT"
    synthesis = row_led_by(notice, "BNG")
    assert synthesis.state == P.DROPPED and "Bộ Ngoại giao" in synthesis.note
    fta = row_led_by(notice, "BCT")
    with pytest.raises(ValidationError, match="Đầu mối chỉ tạo nhiệm vụ cho cơ quan mình"):
        services.save_row(focal_bct, fta, {"lead": agency("BNG")})
    confirm(focal_bct, fta)
    (task,) = services.create_tasks(focal_bct, notice)
    assert task.agency.code == "BCT" and task.source.kind == Source.Kind.CONCLUSION
    btp_focal = make_user("focal_point", "BTP")
    notice2 = services.propose(
        focal_bct, "Giao Bộ Công Thương chủ trì xây dựng báo cáo, hoàn thành trong quý I/2026."
    )
    with pytest.raises(PermissionDenied):
        services.save_row(btp_focal, notice2.rows.get(), {})
    with pytest.raises(PermissionDenied):
        services.create_tasks(btp_focal, notice2)


# ----------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("text", ["", "   \n\t  ", None])
def test_empty_text_is_refused(secretariat, text):
    with pytest.raises(ValidationError, match="Chưa có nội dung"):
        services.propose(secretariat, text)
    assert not Notice.objects.exists()


def test_a_document_without_assignment_is_refused(secretariat):
    with pytest.raises(ValidationError, match="Không tìm thấy nhiệm vụ nào được giao"):
        services.propose(secretariat, "Hội nghị đánh giá cao kết quả năm 2025. Thời tiết đẹp.")
    assert not Notice.objects.exists() and not AuditEntry.objects.filter(object_type="conclusions.Notice")


def upload(name, data):
    return SimpleUploadedFile(name, data)


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("thong-bao.exe", b"MZ\x90\x00", "không được chấp nhận"),
        ("thong-bao.doc", b"\xd0\xcf\x11\xe0", "Word 97-2003"),
        ("thong-bao.pdf", b"PK\x03\x04 not a pdf", "không đúng định dạng PDF"),
        ("thong-bao.pdf", b"%PDF-1.4\n garbage garbage", "Không đọc được tệp"),
        ("thong-bao.docx", b"PK\x03\x04 broken zip", "Không đọc được tệp"),
        ("thong-bao.txt", b"  \n\n ", "rỗng"),
    ],
)
def test_unreadable_files_get_a_vietnamese_message(name, data, message):
    with pytest.raises(ValidationError, match=message):
        services.read_upload(upload(name, data))


def test_an_oversized_file_is_refused(settings):
    settings.HOINHAP_CONCLUSION_MAX_BYTES = 1024
    with pytest.raises(ValidationError, match="quá lớn"):
        services.read_upload(upload("thong-bao.txt", b"a" * 2048))


def test_txt_docx_and_pdf_are_read(seed_text, tmp_path):
    assert services.read_upload(upload("tb.txt", seed_text.encode("utf-8-sig"))) == seed_text
    import docx

    document = docx.Document()
    for para in seed_text.split("\n\n"):
        document.add_paragraph(" ".join(para.split()))
    buf = io.BytesIO()
    document.save(buf)
    text = services.read_upload(upload("tb.docx", buf.getvalue()))
    assert "Giao Bộ Công Thương và các cơ quan liên quan" in text

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    pytest.importorskip("reportlab")
    pdfmetrics.registerFont(TTFont("DejaVu", font))
    path = tmp_path / "tb.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("DejaVu", 10)
    c.drawString(40, 800, "Giao Bộ Công Thương chủ trì xây dựng lộ trình đàm phán FTA,")
    c.drawString(40, 785, "hoàn thành trong quý I/2026.")
    c.save()
    text = services.read_upload(upload("tb.pdf", path.read_bytes()))
    assert "Bộ Công Thương" in text
