import pytest

from hoinhap.agencies.models import User
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser


def test_officer_of_bct_cannot_open_a_btp_object(page, live_server, live_data):
    sign_in(page, live_server.url, "demo-chuyenvien-bct")
    assert "Bộ Công Thương" in page.inner_text("header")
    btp_person = User.objects.get(username="demo-daumoi-btp")
    response = page.goto(f"{live_server.url}/nguoi-dung/{btp_person.pk}/")
    assert response.status == 404
    assert "Không tìm thấy" in page.inner_text("main")
    assert "Hoàng Văn" not in page.content()
    own = User.objects.get(username="demo-lanhdao-bct")
    response = page.goto(f"{live_server.url}/nguoi-dung/{own.pk}/")
    assert response.status == 200
    assert "Phạm Quốc" in page.inner_text("main")


def test_phone_layout_has_menu_button(browser, live_server, live_data):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    page = context.new_page()
    sign_in(page, live_server.url, "demo-thuongtruc")
    assert page.is_visible("button.nav-toggle")
    page.click("button.nav-toggle")
    page.click("nav.mainnav >> text=Cơ quan")
    page.wait_for_selector("h1:has-text('Danh mục cơ quan')")
    context.close()
