"""The catalogue in Chromium: the secretariat adds observations and sees the chart and the status change;
the observer reads but cannot edit; search-as-you-type finds Vietnamese without diacritics."""

from __future__ import annotations

import pytest

from hoinhap.policy.models import Target
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser


def add_observation(page, date: str, value: str, source: str) -> None:
    page.fill("#id_date", date)
    page.fill("#id_value", value)
    page.fill("#id_source", source)
    page.click("#observation-form button[type=submit]")
    page.wait_for_selector("text=Đã thêm số liệu")


def test_secretariat_adds_observations_and_sees_chart_and_status(page, live_server, live_data):
    target = Target.objects.get(code="NQ59-CT-DMST")
    sign_in(page, live_server.url, "demo-thuongtruc")
    page.goto(f"{live_server.url}/can-cu/chi-tieu/{target.pk}/")
    assert "Chưa đủ dữ liệu" in page.inner_text("#target-status")
    assert page.is_visible("#no-data")

    add_observation(page, "2025-06-30", "20", "Điều tra doanh nghiệp (thử)")
    assert page.is_visible("canvas#target-chart")
    assert page.evaluate("window.hoinhapTargetChart.data.datasets[0].data.length") == 1
    assert "Chưa đủ dữ liệu" in page.inner_text("#target-status")  # one observation: not enough

    add_observation(page, "2026-06-30", "25,5", "Điều tra doanh nghiệp (thử)")
    status = page.locator("#target-status .st")
    assert status.inner_text() == "Đúng tiến độ"
    assert status.get_attribute("data-status") == "on_track"
    assert "st-on-track" in status.get_attribute("class")
    assert page.evaluate("window.hoinhapTargetChart.data.datasets.length") == 3  # series, goal, path
    assert page.evaluate("window.hoinhapTargetChart.data.datasets[0].data.length") == 2
    assert "25,5" in page.inner_text("#observations")

    # A bad observation: a clear message, nothing saved.
    page.fill("#id_date", "2024-05-01")
    page.fill("#id_value", "30")
    page.fill("#id_source", "Thử")
    page.click("#observation-form button[type=submit]")
    page.wait_for_selector("text=trước năm cơ sở 2025")
    assert target.observations.count() == 2


def test_observer_reads_but_cannot_edit(page, live_server, live_data):
    target = Target.objects.get(code="NQ59-CT-GII")
    sign_in(page, live_server.url, "demo-quansat")
    page.goto(f"{live_server.url}/can-cu/chi-tieu/{target.pk}/")
    assert "Chỉ số đổi mới sáng tạo toàn cầu" in page.inner_text("h1")
    assert page.locator("#observation-form").count() == 0
    assert page.locator("text=Sửa chỉ tiêu").count() == 0
    response = page.goto(f"{live_server.url}/can-cu/chi-tieu/{target.pk}/them-so-lieu/")
    assert response.status == 403
    response = page.goto(f"{live_server.url}/can-cu/van-ban/them/")
    assert response.status == 403


def test_search_as_you_type_without_diacritics(page, live_server, live_data):
    sign_in(page, live_server.url, "demo-chuyenvien-bct")
    page.click("nav.mainnav >> text=Căn cứ chủ trương")
    page.wait_for_selector("h1:has-text('Căn cứ chủ trương')")
    assert page.locator("text=NQ59-NV7").count() == 1
    page.type("#q", "cam ket quoc te", delay=20)
    page.wait_for_function("document.querySelector('#result-count').innerText.includes('khớp')")
    text = page.inner_text("#catalogue-results")
    assert "CT56-2" in text and "NQ59-NV2" not in text
    assert "q=cam" in page.url  # the filter is in the address, so it can be shared
    page.select_option("#pillar", "1")
    page.wait_for_function("!document.querySelector('#catalogue-results').innerText.includes('CT56-2')")
