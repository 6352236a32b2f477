"""The secretariat pastes seed 001, confirms the proposed tasks (htmx, quote highlighted) and creates them."""

import pytest

from hoinhap.conclusions.models import Notice, ProposedTask
from hoinhap.tasks.models import Task
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser


def test_secretariat_turns_seed_001_into_tasks(page, live_server, live_data, shared_dir):
    text = (shared_dir / "seeds" / "001_2de0e771f0577654.txt").read_text(encoding="utf-8")
    sign_in(page, live_server.url, "demo-thuongtruc")
    page.click("nav.mainnav >> text=Kết luận thành nhiệm vụ")
    page.click("text=Dán hoặc tải thông báo mới")
    page.fill("#paste-form textarea[name=text]", text)
    page.click("#paste-form button[type=submit]")
    page.wait_for_selector("text=10 nhiệm vụ đề xuất")

    notice = Notice.objects.get()
    assert notice.text == text
    pending = list(notice.rows.filter(state=ProposedTask.State.PENDING).select_related("lead"))
    assert sorted(r.lead.code for r in pending) == ["BCT", "BNG"]
    fta = next(r for r in pending if r.lead.code == "BCT")

    # a click on the row highlights its quote in the notice text
    page.click(f"#row-{fta.pk} header strong")
    mark = page.locator(f".cl-text mark.q-{fta.pk}.active").first
    mark.wait_for()
    assert "MERCOSUR, Pakistan, Ai Cập" in mark.inner_text()
    assert page.input_value(f"#row-{fta.pk} select[name=lead]") == str(fta.lead_id)

    # creating before every row is decided is refused, in Vietnamese
    page.click("#create-form button[type=submit]")
    page.wait_for_selector("text=Còn dòng chưa xác nhận hoặc chưa bỏ")

    for row in pending:  # confirm each row without reloading the page (htmx swaps the row)
        page.click(f"#row-{row.pk} button.confirm")
        page.wait_for_selector(f"#row-{row.pk} >> text=Đã xác nhận dòng {row.position}")
    assert "Đã xác nhận: 2" in page.inner_text("#summary")

    page.click("#create-form button[type=submit]")
    page.wait_for_selector("text=Đã tạo 2 nhiệm vụ từ thông báo.")
    assert Task.objects.filter(source__text=text).count() == 2

    page.click('nav.mainnav >> text="Nhiệm vụ"')
    page.fill("form.filters input[name=q]", "MERCOSUR")
    page.press("form.filters input[name=q]", "Enter")
    page.wait_for_selector(
        "text=Xây dựng lộ trình đàm phán và ký kết các FTA với khối GCC, MERCOSUR, Pakistan, Ai Cập"
    )
    assert "Bộ Công Thương" in page.inner_text("table")
    assert "31/03/2026" in page.inner_text("table")


def test_refused_htmx_action_says_why(page, live_server, live_data, shared_dir):
    """htmx swaps nothing for a 403: the page must still say the action was refused, and why."""
    from hoinhap.agencies.models import Role, User

    text = (shared_dir / "seeds" / "001_2de0e771f0577654.txt").read_text(encoding="utf-8")
    sign_in(page, live_server.url, "demo-thuongtruc")
    page.goto(f"{live_server.url}/ket-luan/moi/")
    page.fill("#paste-form textarea[name=text]", text)
    page.click("#paste-form button[type=submit]")
    page.wait_for_selector("text=10 nhiệm vụ đề xuất")
    row = Notice.objects.get().rows.filter(state=ProposedTask.State.PENDING).first()
    assert page.is_hidden("#request-error")

    # the person's role is lowered while the page is open: the next action is refused
    User.objects.filter(username="demo-thuongtruc").update(role=Role.OBSERVER)
    page.click(f"#row-{row.pk} button.confirm")
    page.wait_for_selector("#request-error:visible")
    assert "chỉ được xem" in page.inner_text("#request-error")
    row.refresh_from_db()
    assert row.state == ProposedTask.State.PENDING
