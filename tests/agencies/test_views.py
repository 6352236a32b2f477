import pytest

from hoinhap.agencies.models import User
from hoinhap.core.models import AuditEntry


@pytest.mark.django_db
def test_agency_directory_search_resolves_aliases_and_history(client, make_user):
    client.force_login(make_user("officer", "BCT"))
    text = client.get("/co-quan/", {"q": "Bo cong thuong"}).content.decode()
    assert "Bộ Công Thương" in text
    text = client.get("/co-quan/", {"q": "Quảng Nam", "inactive": "1"}).content.decode()
    assert "Đà Nẵng" in text  # merged into Đà Nẵng in 2025, shown with its successor


@pytest.mark.django_db
def test_focal_point_adds_a_person_to_own_agency(client, make_user, agency):
    client.force_login(make_user("focal_point", "BCT"))
    response = client.post(
        "/nguoi-dung/them/",
        {
            "username": "cv.moi",
            "first_name": "Mai",
            "last_name": "Đỗ Thị",
            "agency": agency("BCT").pk,
            "role": "officer",
            "is_active": "on",
            "password": "Hoi-nhap-2026!",
        },
        follow=True,
    )
    assert "Đã thêm người dùng" in response.content.decode()
    person = User.objects.get(username="cv.moi")
    assert person.agency.code == "BCT"
    assert AuditEntry.objects.filter(
        object_type="agencies.User", object_id=str(person.pk), action="create"
    ).exists()


@pytest.mark.django_db
def test_focal_point_cannot_add_to_another_agency_or_make_secretariat(client, make_user, agency):
    client.force_login(make_user("focal_point", "BCT"))
    count = User.objects.count()
    response = client.post(
        "/nguoi-dung/them/",
        {
            "username": "x",
            "first_name": "X",
            "agency": agency("BTP").pk,
            "role": "secretariat",
            "password": "Hoi-nhap-2026!",
        },
    )
    assert response.status_code == 200  # form redisplayed with errors
    assert User.objects.count() == count


@pytest.mark.django_db
def test_secretariat_edits_agency_observer_cannot(client, make_user, agency):
    bct = agency("BCT")
    client.force_login(make_user("observer", None))
    assert client.post(f"/co-quan/{bct.pk}/sua/", {"name": "X"}).status_code in (403, 404)
    client.force_login(make_user("secretariat", "BNG"))
    data = {
        "name": bct.name,
        "kind": bct.kind,
        "group": bct.group,
        "active": "on",
        "aliases_text": "BCT\nMOIT",
    }
    response = client.post(f"/co-quan/{bct.pk}/sua/", data, follow=True)
    assert "Đã lưu cơ quan" in response.content.decode()
    bct.refresh_from_db()
    assert bct.aliases == ["BCT", "MOIT"]


@pytest.mark.django_db
def test_audit_log_filters_and_agency_scope(client, make_user, agency):
    from hoinhap.agencies import services

    secretariat = make_user("secretariat", "BNG")
    btp_person = make_user("officer", "BTP", last_name="Người-của-BTP")
    services.update_person(secretariat, btp_person, position="Thay đổi ở BTP")
    client.force_login(make_user("focal_point", "BCT"))
    text = client.get("/nhat-ky/").content.decode()
    assert "Người-của-BTP" not in text
    client.force_login(secretariat)
    text = client.get("/nhat-ky/", {"object_type": "agencies.User", "actor": secretariat.pk}).content.decode()
    assert "Người-của-BTP" in text
