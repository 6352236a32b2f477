"""Bộ Công Thương records progress (with evidence) and completion of a demo task and sees its status change."""

import pytest

from hoinhap.tasks.models import Task
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser


def test_bct_records_progress_and_completion(page, live_server, live_data, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    task = Task.objects.get(programme__code="153/NQ-CP", number="1")
    assert task.agency.code == "BCT"
    evidence = tmp_path / "du-thao-bao-cao.pdf"
    evidence.write_bytes(b"%PDF-1.4\n% du thao\n")

    sign_in(page, live_server.url, "demo-chuyenvien-bct")
    page.click("nav.mainnav >> text=Nhiệm vụ")
    page.click("main >> text=Nhiệm vụ của tôi")
    page.click(f"text={task.title}")
    assert page.inner_text("#task-status").strip() == "Chưa đến hạn"
    page.fill("#progress-form textarea[name=text]", "Đã hoàn thành dự thảo báo cáo, gửi xin ý kiến các Vụ.")
    page.fill("#progress-form input[name=percent]", "60")
    page.fill("#progress-form input[name=document_number]", "1234/BCT-CSTMĐB")
    page.set_input_files("#progress-form input[name=files]", str(evidence))
    page.click("#progress-form button[type=submit]")
    page.wait_for_selector("text=Đã ghi nhận cập nhật tiến độ.")
    assert page.inner_text("#task-status").strip() == "Đang thực hiện"
    assert "du-thao-bao-cao.pdf" in page.inner_text("#lead-updates")
    assert "1234/BCT-CSTMĐB" in page.inner_text("#lead-updates")

    page.context.clear_cookies()
    sign_in(page, live_server.url, "demo-daumoi-bct")
    page.goto(f"{live_server.url}/nhiem-vu/{task.pk}/")
    page.click("#complete-form button[type=submit]")  # no product: refused, in Vietnamese
    page.wait_for_selector("text=Chưa nêu sản phẩm hoàn thành")
    assert page.inner_text("#task-status").strip() == "Đang thực hiện"
    page.fill("#complete-form input[name=product]", "Báo cáo số 45/BC-BCT gửi Thủ tướng Chính phủ")
    page.fill("#complete-form input[name=document_number]", "45/BC-BCT")
    page.click("#complete-form button[type=submit]")
    page.wait_for_selector("text=Đã ghi nhận hoàn thành nhiệm vụ.")
    assert page.inner_text("#task-status").strip() == "Hoàn thành đúng hạn"
    task.refresh_from_db()
    assert task.completion_document == "45/BC-BCT" and task.updates.count() == 2
