"""The base interface: static files, Vietnamese by default, English on request, idempotent loads."""

import pytest
from django.core.management import call_command

from hoinhap.core.models import AuditEntry


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/static/css/hoinhap.css", "/static/vendor/htmx/htmx.min.js", "/static/vendor/chartjs/chart.umd.min.js"],
)
def test_static_files_are_served_without_cdn(client, path):
    response = client.get(path)
    assert response.status_code == 200


@pytest.mark.django_db
def test_base_page_uses_only_local_assets(client, make_user):
    client.force_login(make_user("officer", "BCT"))
    text = client.get("/").content.decode()
    assert "/static/css/hoinhap.css" in text and "/static/vendor/htmx/htmx.min.js" in text
    assert "cdn" not in text.lower() and "https://" not in text


@pytest.mark.django_db
def test_vietnamese_even_for_an_english_browser(client, make_user):
    client.force_login(make_user("officer", "BCT"))
    text = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="vi"' in text and "Đăng xuất" in text


@pytest.mark.django_db
def test_reference_load_is_idempotent():
    before = AuditEntry.objects.count()
    call_command("load_reference", verbosity=0)
    call_command("load_reference", verbosity=0)
    assert AuditEntry.objects.count() == before
