import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


@pytest.fixture
def api():
    return APIClient()


@pytest.mark.django_db
def test_token_authentication_and_scoped_people(api, make_user):
    officer = make_user("officer", "BCT")
    make_user("officer", "BTP", last_name="Người-BTP")
    assert api.get("/api/v1/people/").status_code == 401
    token = Token.objects.create(user=officer)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    data = api.get("/api/v1/people/").json()
    agencies = {row["agency"] for row in data["results"]}
    assert agencies == {"BCT"}


@pytest.mark.django_db
def test_obtain_token_with_password(api, make_user):
    user = make_user("officer", "BCT")
    response = api.post("/api/v1/token/", {"username": user.username, "password": "mat-khau-thu-nghiem"})
    assert response.status_code == 200 and response.json()["token"]


@pytest.mark.django_db
def test_agency_directory_and_openapi(api, make_user):
    api.force_authenticate(make_user("observer", None))
    rows = api.get("/api/v1/agencies/", {"active": "1"}).json()
    assert rows["count"] >= 34 + 17
    schema = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    assert "/api/v1/agencies/" in schema.json()["paths"]
