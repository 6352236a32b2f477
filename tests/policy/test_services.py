"""Writes of the catalogue: secretariat only, audited, and bad input refused in Vietnamese with nothing saved."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hoinhap.agencies.models import Role
from hoinhap.core.models import AuditEntry
from hoinhap.policy import services
from hoinhap.policy.models import DocumentLink, Observation, PolicyDocument, PolicyItem, Target

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat(make_user):
    return make_user(Role.SECRETARIAT, "BNG")


@pytest.fixture
def item():
    return PolicyItem.objects.get(code="NQ59-MT-C1")


def messages_of(exc: ValidationError) -> str:
    return " ".join(exc.messages)


def target_fields(item, **overrides):
    fields = {
        "item": item,
        "code": "TEST-CT-1",
        "indicator": "Tỉ lệ thử nghiệm",
        "unit": "%",
        "comparator": "ge",
        "goal": Decimal("60"),
        "target_year": 2030,
        "baseline_year": 2025,
        "baseline_value": Decimal("30"),
    }
    fields.update(overrides)
    return fields


def unchanged(model):
    count = model.objects.count()
    audits = AuditEntry.objects.count()
    return lambda: model.objects.count() == count and AuditEntry.objects.count() == audits


def test_target_without_unit_is_refused(secretariat, item):
    same = unchanged(Target)
    with pytest.raises(ValidationError) as exc:
        services.create_target(secretariat, **target_fields(item, unit="  "))
    assert "đơn vị tính" in messages_of(exc.value)
    assert same()


@pytest.mark.parametrize(
    ("overrides", "words"),
    [
        (
            {"comparator": "ge", "goal": Decimal("20")},
            "mâu thuẫn với cách so sánh",
        ),  # ≥ 20 while the baseline is 30
        (
            {
                "comparator": "rank",
                "goal": Decimal("50"),
                "baseline_value": Decimal("44"),
                "unit": "thứ hạng",
            },
            "mâu thuẫn với cách so sánh",
        ),
        (
            {"comparator": "rank", "goal": Decimal("0"), "baseline_value": None, "unit": "thứ hạng"},
            "số nguyên dương",
        ),
        ({"comparator": "rank", "goal": Decimal("40.5"), "baseline_value": None}, "số nguyên dương"),
        ({"goal": Decimal("140"), "baseline_value": None}, "0–100"),
        ({"comparator": ""}, "cách so sánh"),
        ({"goal": None}, "giá trị mục tiêu"),
        ({"target_year": 2020}, "trước năm cơ sở"),
    ],
)
def test_goal_contradicting_its_comparator_is_refused(secretariat, item, overrides, words):
    same = unchanged(Target)
    with pytest.raises(ValidationError) as exc:
        services.create_target(secretariat, **target_fields(item, **overrides))
    assert words in messages_of(exc.value)
    assert same()


def test_observation_before_the_baseline_year_is_refused(secretariat):
    target = Target.objects.get(code="NQ59-CT-DMST")
    same = unchanged(Observation)
    with pytest.raises(ValidationError) as exc:
        services.add_observation(
            secretariat, target, date=dt.date(2024, 12, 31), value=Decimal("12"), source="Thử"
        )
    assert "trước năm cơ sở 2025" in messages_of(exc.value)
    assert same()


@pytest.mark.parametrize(
    ("code", "value", "words"),
    [("NQ59-CT-GII", Decimal("44.5"), "số nguyên dương"), ("NQ59-CT-DMST", Decimal("120"), "0–100")],
)
def test_observation_values_must_fit_the_target(secretariat, code, value, words):
    target = Target.objects.get(code=code)
    with pytest.raises(ValidationError) as exc:
        services.add_observation(secretariat, target, date=dt.date(2025, 9, 1), value=value, source="Thử")
    assert words in messages_of(exc.value)


def test_observation_added_is_audited_and_changes_the_status(secretariat):
    target = Target.objects.get(code="NQ59-CT-DMST")
    assert target.progress().code == "insufficient"
    services.add_observation(
        secretariat, target, date=dt.date(2025, 6, 30), value=Decimal("20"), source="Điều tra thử"
    )
    services.add_observation(
        secretariat, target, date=dt.date(2026, 6, 30), value=Decimal("25"), source="Điều tra thử"
    )
    assert target.progress().code == "on_track"
    entry = AuditEntry.objects.filter(object_type="policy.Observation").first()
    assert entry.actor == secretariat and entry.after["value"] == "25"
    with pytest.raises(ValidationError) as exc:
        services.add_observation(
            secretariat, target, date=dt.date(2026, 6, 30), value=Decimal("26"), source="x"
        )
    assert "đã có số liệu ngày 30/06/2026" in messages_of(exc.value)


def test_duplicate_item_code_is_refused(secretariat):
    document = PolicyDocument.objects.get(number="59-NQ/TW")
    same = unchanged(PolicyItem)
    with pytest.raises(ValidationError) as exc:
        services.create_item(
            secretariat,
            document=document,
            code="nq59-nv1",
            kind="task_group",
            title="Trùng",
            quote="Trùng mã",
        )
    assert "Mã “NQ59-NV1” đã được dùng" in messages_of(exc.value)
    assert same()


def test_item_parent_must_be_in_the_same_document_and_not_itself(secretariat):
    document = PolicyDocument.objects.get(number="59-NQ/TW")
    other = PolicyItem.objects.get(code="NQ22-DH1")
    with pytest.raises(ValidationError) as exc:
        services.create_item(
            secretariat, document=document, code="NQ59-X", kind="task", title="x", quote="x", parent=other
        )
    assert "cùng văn bản" in messages_of(exc.value)
    group = PolicyItem.objects.get(code="NQ59-MT-A")
    child = PolicyItem.objects.get(code="NQ59-MT-A1")
    with pytest.raises(ValidationError) as exc:
        services.update_item(secretariat, group, parent=child)
    assert "trong chính nó" in messages_of(exc.value)


def test_new_item_nests_and_is_audited(secretariat):
    document = PolicyDocument.objects.get(number="59-NQ/TW")
    group = PolicyItem.objects.get(code="NQ59-NV4")
    point = services.create_item(
        secretariat,
        document=document,
        parent=group,
        code="NQ59-NV4-1",
        kind="task",
        pillar=3,
        title="Điểm thử",
        quote="Đẩy mạnh hội nhập quốc tế về khoa học công nghệ",
    )
    assert list(group.children.all()) == [point]
    assert AuditEntry.objects.filter(
        object_type="policy.PolicyItem", object_id=str(point.pk), actor=secretariat
    ).exists()


def test_cycle_in_supersedes_is_refused(secretariat):
    nq59 = PolicyDocument.objects.get(number="59-NQ/TW")
    nq22 = PolicyDocument.objects.get(number="22-NQ/TW")
    same = unchanged(DocumentLink)
    with pytest.raises(ValidationError) as exc:
        services.add_link(secretariat, nq22, "supersedes", nq59)
    assert "vòng lặp" in messages_of(exc.value) and "22-NQ/TW → 59-NQ/TW → 22-NQ/TW" in messages_of(exc.value)
    assert same() and PolicyDocument.objects.get(pk=nq59.pk).status == PolicyDocument.Status.IN_FORCE
    new = services.create_document(
        secretariat, number="99-NQ/TW", kind="party_resolution", issuer="Bộ Chính trị", title="Nghị quyết thử"
    )
    services.add_link(secretariat, new, "supersedes", nq59)
    assert PolicyDocument.objects.get(pk=nq59.pk).status == PolicyDocument.Status.SUPERSEDED
    with pytest.raises(ValidationError) as exc:
        services.add_link(secretariat, nq22, "supersedes", new)  # 22 → 99 → 59 → 22
    assert "22-NQ/TW → 99-NQ/TW → 59-NQ/TW → 22-NQ/TW" in messages_of(exc.value)
    with pytest.raises(ValidationError):
        services.add_link(secretariat, nq59, "supersedes", nq59)
    with pytest.raises(ValidationError) as exc:
        services.add_link(secretariat, nq59, "supersedes", nq22)
    assert "đã có" in messages_of(exc.value)


def test_duplicate_document_number_is_refused(secretariat):
    with pytest.raises(ValidationError) as exc:
        services.create_document(
            secretariat, number="59-nq/tw", kind="party_resolution", issuer="x", title="x"
        )
    assert "đã có trong danh mục" in messages_of(exc.value)


@pytest.mark.parametrize("role", [Role.OBSERVER, Role.FOCAL_POINT, Role.OFFICER, Role.LEADER])
def test_only_the_secretariat_writes(make_user, item, role):
    person = make_user(role, None if role == Role.OBSERVER else "BKHCN")
    target = Target.objects.get(
        code="NQ59-CT-DMST"
    )  # even the responsible agency does not edit the catalogue
    with pytest.raises(PermissionDenied):
        services.add_observation(person, target, date=dt.date(2025, 9, 1), value=Decimal("20"), source="x")
    with pytest.raises(PermissionDenied):
        services.update_item(person, item, title="x")
    with pytest.raises(PermissionDenied):
        services.create_document(person, number="1/X", kind="other", issuer="x", title="x")
