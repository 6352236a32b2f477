"""The secretariat's forms over HTTP, the refusals of every other role, and traceability to other areas."""

from __future__ import annotations

import pytest
from django.urls import reverse

from hoinhap.agencies.models import Role
from hoinhap.core.models import AuditEntry
from hoinhap.policy.models import Observation, PolicyDocument, PolicyItem, Target

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat(make_user):
    return make_user(Role.SECRETARIAT, "BNG")


def test_secretariat_adds_a_document_an_item_and_a_target(client, secretariat):
    client.force_login(secretariat)
    response = client.post(
        reverse("policy:document_create"),
        {
            "number": "01/2026/NQ-TEST",
            "short_name": "Nghị quyết thử",
            "kind": "government_resolution",
            "issuer": "Chính phủ",
            "date": "15/01/2026",
            "title": "Nghị quyết thử nghiệm",
            "status": "in_force",
        },
    )
    document = PolicyDocument.objects.get(number="01/2026/NQ-TEST")
    assert response.status_code == 302 and response.url == document.get_absolute_url()
    response = client.post(
        reverse("policy:item_create", args=[document.pk]),
        {"code": "NQT-1", "kind": "objective", "pillar": "2", "title": "Mục tiêu thử", "quote": "Trích thử"},
    )
    item = PolicyItem.objects.get(code="NQT-1")
    assert response.status_code == 302 and item.document == document and item.pillar == 2
    response = client.post(
        reverse("policy:target_create", args=[item.pk]),
        {
            "code": "NQT-CT-1",
            "indicator": "Kim ngạch thử",
            "unit": "tỷ USD",
            "comparator": "ge",
            "goal": "1.000,5",
            "target_year": "2030",
            "baseline_year": "2025",
            "baseline_value": "920",
        },
    )
    target = Target.objects.get(code="NQT-CT-1")
    assert response.status_code == 302 and str(target.goal) == "1000.50"
    response = client.post(
        reverse("policy:link_create", args=[document.pk]), {"relation": "implements", "target": document.pk}
    )
    assert response.status_code == 200  # itself: not offered, refused
    assert AuditEntry.objects.filter(actor=secretariat, object_type__startswith="policy.").count() == 3


def test_bad_observation_shows_a_vietnamese_message_and_saves_nothing(client, secretariat):
    client.force_login(secretariat)
    target = Target.objects.get(code="NQ59-CT-GII")
    before = Observation.objects.count()
    response = client.post(
        reverse("policy:observation_create", args=[target.pk]),
        {"date": "01/06/2024", "value": "44", "source": "WIPO"},
    )
    assert response.status_code == 400
    assert "trước năm cơ sở 2025" in response.content.decode()
    response = client.post(
        reverse("policy:observation_create", args=[target.pk]),
        {"date": "01/06/2025", "value": "abc", "source": "x"},
    )
    assert "Giá trị phải là một số" in response.content.decode()
    assert Observation.objects.count() == before


def test_target_form_without_unit_says_why(client, secretariat):
    client.force_login(secretariat)
    item = PolicyItem.objects.get(code="NQ59-MT-C1")
    response = client.post(
        reverse("policy:target_create", args=[item.pk]),
        {"code": "X-1", "indicator": "Chỉ số thử", "unit": "", "baseline_year": "2025"},
    )
    assert response.status_code == 200
    assert "Chỉ tiêu phải có đơn vị tính" in response.content.decode()
    assert not Target.objects.filter(code="X-1").exists()


def test_secretariat_deletes_an_observation(client, secretariat):
    client.force_login(secretariat)
    observation = Observation.objects.get(target__code="HNQT-CS-DOITAC")
    assert client.get(reverse("policy:observation_delete", args=[observation.pk])).status_code == 200
    response = client.post(reverse("policy:observation_delete", args=[observation.pk]))
    assert response.status_code == 302 and not Observation.objects.filter(pk=observation.pk).exists()
    assert AuditEntry.objects.filter(object_type="policy.Observation", action="delete").exists()


@pytest.mark.parametrize("role", [Role.OBSERVER, Role.FOCAL_POINT, Role.OFFICER, Role.LEADER])
def test_other_roles_cannot_write(client, make_user, role):
    person = make_user(role, None if role == Role.OBSERVER else "BKHCN")
    client.force_login(person)
    target = Target.objects.get(code="NQ59-CT-DMST")
    document = PolicyDocument.objects.get(number="59-NQ/TW")
    item = PolicyItem.objects.get(code="NQ59-NV1")
    urls = [
        reverse("policy:document_create"),
        reverse("policy:document_edit", args=[document.pk]),
        reverse("policy:link_create", args=[document.pk]),
        reverse("policy:item_create", args=[document.pk]),
        reverse("policy:item_edit", args=[item.pk]),
        reverse("policy:target_create", args=[item.pk]),
        reverse("policy:target_edit", args=[target.pk]),
        reverse("policy:observation_create", args=[target.pk]),
    ]
    for url in urls:
        for method in ("get", "post"):
            response = getattr(client, method)(url, {"date": "01/09/2025", "value": "20", "source": "x"})
            assert response.status_code in (403, 404), (url, method, response.status_code)
    assert not target.observations.exists()
    body = client.get(reverse("policy:target", args=[target.pk])).content.decode()
    assert 'id="observation-form"' not in body and "Sửa chỉ tiêu" not in body


def test_item_page_shows_tasks_that_implement_it_within_scoping(client, make_user, agency):
    makers = pytest.importorskip("tests.tasks.makers")
    item = PolicyItem.objects.get(code="NQ59-NV6")
    own = makers.make_task(agency("BCT"), "Nhiệm vụ của Bộ Công Thương thực hiện NV6")
    other = makers.make_task(agency("BTP"), "Nhiệm vụ riêng của Bộ Tư pháp")
    for task in (own, other):
        task.policy_items.add(item)
    officer = make_user(Role.OFFICER, "BCT")
    client.force_login(officer)
    body = client.get(reverse("policy:item", args=[item.pk])).content.decode()
    assert "Nhiệm vụ của Bộ Công Thương thực hiện NV6" in body
    assert "Nhiệm vụ riêng của Bộ Tư pháp" not in body
    client.force_login(make_user(Role.OBSERVER, None))
    body = client.get(reverse("policy:item", args=[item.pk])).content.decode()
    assert "Nhiệm vụ riêng của Bộ Tư pháp" in body and "Nhiệm vụ của Bộ Công Thương" in body
