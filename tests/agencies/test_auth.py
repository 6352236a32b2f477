import pytest
from django.test import override_settings

from hoinhap.agencies.demo import DEMO_PASSWORD, DEMO_PEOPLE
from hoinhap.core.reference import load_demo


@pytest.fixture
def demo(db):
    list(load_demo())


def login(client, username, password=DEMO_PASSWORD):
    return client.post("/dang-nhap/", {"username": username, "password": password}, follow=True)


@pytest.mark.django_db
@pytest.mark.parametrize("username", [p[0] for p in DEMO_PEOPLE])
def test_every_demo_login_works_and_shows_vietnamese_home(client, demo, username):
    response = login(client, username)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Xin chào" in text and "Đăng xuất" in text


@pytest.mark.django_db
def test_wrong_password_message(client, demo):
    text = login(client, "demo-daumoi-bct", "sai-mat-khau").content.decode()
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in text


@pytest.mark.django_db
def test_inactive_account_message(client, make_user):
    user = make_user("officer", "BCT", is_active=False)
    text = login(client, user.username, "mat-khau-thu-nghiem").content.decode()
    assert "đã bị khóa" in text


@pytest.mark.django_db
def test_account_without_agency_message(client, make_user):
    user = make_user("officer", None)
    text = login(client, user.username, "mat-khau-thu-nghiem").content.decode()
    assert "chưa được gán cơ quan" in text


@pytest.mark.django_db
def test_demo_logins_refused_when_debug_off(client, demo):
    with override_settings(HOINHAP_DEMO_LOGINS_ALLOWED=False):
        text = login(client, "demo-thuongtruc").content.decode()
    assert "chế độ trình diễn" in text


@pytest.mark.django_db
def test_pages_need_login(client):
    response = client.get("/co-quan/")
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]


@pytest.mark.django_db
def test_password_change_is_audited(client, make_user):
    user = make_user("officer", "BCT")
    client.force_login(user)
    response = client.post(
        "/doi-mat-khau/",
        {
            "old_password": "mat-khau-thu-nghiem",
            "new_password1": "Hoi-nhap-2026!",
            "new_password2": "Hoi-nhap-2026!",
        },
        follow=True,
    )
    assert "Đã đổi mật khẩu" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password("Hoi-nhap-2026!")


@pytest.mark.django_db
def test_english_is_available(client, make_user):
    client.force_login(make_user("officer", "BCT"))
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    text = client.get("/").content.decode()
    assert "Agencies" in text and "Sign out" in text


@pytest.mark.django_db
def test_vietnamese_formats(settings):
    import datetime

    from django.template import Context, Template
    from django.utils import translation

    with translation.override("vi"):
        out = Template('{% load humanize %}{{ d|date:"SHORT_DATE_FORMAT" }} {{ n }}').render(
            Context({"d": datetime.date(2026, 3, 11), "n": 1234.5})
        )
    assert out == "11/03/2026 1.234,5"
