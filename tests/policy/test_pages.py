"""The catalogue pages: tree with pillar filter and Vietnamese-aware search, document, item, target pages."""

from __future__ import annotations

import pytest
from django.urls import reverse

from hoinhap.agencies.models import Role
from hoinhap.policy.models import PolicyDocument, PolicyItem, Target

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(make_user):
    return make_user(Role.OFFICER, "BCT")


def test_catalogue_tree_shows_documents_task_groups_and_quotes(client, reader):
    client.force_login(reader)
    response = client.get(reverse("policy:catalogue"))
    assert response.status_code == 200
    body = response.content.decode()
    for number in ("59-NQ/TW", "22-NQ/TW", "153/NQ-CP", "56-CT/TW", "250/2025/QH15", "41/NQ-CP", "109/NQ-CP"):
        assert number in body
    for n in range(1, 8):
        assert f"NQ59-NV{n}" in body
    assert "Tăng cường sự lãnh đạo của Đảng; đổi mới tư duy, nhận thức và hành động" in body  # a quote


def test_search_without_diacritics_finds_vietnamese(client, reader):
    client.force_login(reader)
    response = client.get(
        reverse("policy:catalogue"), {"q": "doi moi sang tao toan cau"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body  # the htmx partial
    assert "NQ59-MT-C1" in body
    assert "NQ22-DH4" not in body


def test_search_by_document_number_and_tone_placement(client, reader):
    client.force_login(reader)
    body = client.get(reverse("policy:catalogue"), {"q": "56-CT/TW"}).content.decode()
    assert "CT56-2" in body and "NQ59-NV1" not in body
    # "hoá" (old tone placement) finds "hóa" and vice versa
    a = client.get(reverse("policy:catalogue"), {"q": "đa dạng hoá thị trường"}).content.decode()
    assert "NQ59-MT-A2" in a


def test_pillar_filter(client, reader):
    client.force_login(reader)
    body = client.get(reverse("policy:catalogue"), {"pillar": "3"}).content.decode()
    assert "NQ59-NV4" in body and "NQ59-NV5" in body
    assert "NQ59-NV3" not in body
    cross = client.get(reverse("policy:catalogue"), {"pillar": "0"}).content.decode()
    assert "NQ59-NV1" in cross and "NQ59-NV2" not in cross


def test_document_page_shows_links_both_ways(client, reader):
    client.force_login(reader)
    nq59 = PolicyDocument.objects.get(number="59-NQ/TW")
    body = client.get(reverse("policy:document", args=[nq59.pk])).content.decode()
    assert "thay thế" in body and "22-NQ/TW" in body
    assert "được triển khai bởi" in body and "153/NQ-CP" in body
    nq22 = PolicyDocument.objects.get(number="22-NQ/TW")
    body = client.get(reverse("policy:document", args=[nq22.pk])).content.decode()
    assert "được thay thế bởi" in body and "Đã được thay thế" in body
    nq41 = PolicyDocument.objects.get(number="41/NQ-CP")
    body = client.get(reverse("policy:document", args=[nq41.pk])).content.decode()
    assert "được cập nhật, bổ sung bởi" in body and "109/NQ-CP" in body


def test_item_page_shows_quote_and_targets_with_status(client, reader):
    client.force_login(reader)
    item = PolicyItem.objects.get(code="NQ59-MT-C1")
    body = client.get(reverse("policy:item", args=[item.pk])).content.decode()
    assert "nhóm 40 nước dẫn đầu thế giới" in body
    assert "Chỉ số đổi mới sáng tạo toàn cầu (GII)" in body
    assert "Chưa đủ dữ liệu" in body
    for code in ("NQ59-CT-GII", "NQ59-CT-DMST", "NQ59-CT-DULICH", "NQ59-CT-DAIHOC"):
        assert code in body
    assert "Sửa" not in body  # not the secretariat: no edit buttons


def test_item_without_implementers_says_so(client, reader):
    client.force_login(reader)
    item = PolicyItem.objects.get(code="NQ22-TC2")
    body = client.get(reverse("policy:item", args=[item.pk])).content.decode()
    assert 'id="no-implementers"' in body


def test_target_page_and_list(client, reader):
    client.force_login(reader)
    target = Target.objects.get(code="HNQT-CS-DOITAC")
    body = client.get(reverse("policy:target", args=[target.pk])).content.decode()
    assert "Chỉ số theo dõi" in body and "38" in body and "target-chart" in body
    assert 'id="observation-form"' not in body
    body = client.get(reverse("policy:targets")).content.decode()
    assert "NQ59-CT-GII" in body and "Chưa đủ dữ liệu: 4" in body


def test_navigation_has_the_catalogue(client, reader):
    client.force_login(reader)
    body = client.get("/").content.decode()
    assert reverse("policy:catalogue") in body
