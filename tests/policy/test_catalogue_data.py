"""The shipped catalogue: every quote verbatim in its seed, the counts the issue asks for, an idempotent loader."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest

from hoinhap.core.models import AuditEntry
from hoinhap.policy import services
from hoinhap.policy.models import DocumentLink, Observation, PolicyDocument, PolicyItem, Target
from hoinhap.policy.reference import load_catalogue, read_catalogue


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


@pytest.fixture(scope="module")
def seeds(shared_dir):
    data = read_catalogue()
    return {
        key: norm((shared_dir / "seeds" / s["file"]).read_text(encoding="utf-8"))
        for key, s in data["sources"].items()
    }


def quoted_entries():
    data = read_catalogue()
    for section in ("documents", "links", "items", "targets", "observations"):
        for entry in data[section]:
            if entry.get("quote"):
                yield section, entry


def test_every_quote_is_verbatim_in_its_seed(seeds):
    missing = []
    count = 0
    for section, entry in quoted_entries():
        count += 1
        if norm(entry["quote"]) not in seeds[entry["seed"]]:
            missing.append(f"{section} {entry.get('code') or entry.get('number') or entry.get('key')}")
    assert count > 90
    assert not missing, missing


def test_every_item_and_target_has_a_quote_and_section():
    data = read_catalogue()
    for entry in data["items"] + data["targets"]:
        assert entry.get("quote") and entry.get("section") and entry.get("seed"), entry["code"]


@pytest.mark.django_db
def test_loaded_database_quotes_are_verbatim(seeds):
    labels = {s["label"]: key for key, s in read_catalogue()["sources"].items()}
    for item in PolicyItem.objects.all():
        assert norm(item.quote) in seeds[labels[item.source]], item.code
    for target in Target.objects.exclude(quote=""):
        assert norm(target.quote) in seeds[labels[target.source]], target.code


@pytest.mark.django_db
def test_counts_by_document_and_kind():
    assert PolicyDocument.objects.count() == 9
    nq59 = PolicyDocument.objects.get(number="59-NQ/TW")
    task_groups = PolicyItem.objects.filter(document=nq59, kind=PolicyItem.Kind.TASK_GROUP)
    assert sorted(task_groups.values_list("code", flat=True)) == [f"NQ59-NV{n}" for n in range(1, 8)]
    assert PolicyItem.objects.filter(document=nq59, kind=PolicyItem.Kind.VIEWPOINT).count() == 4
    seed000_targets = Target.objects.exclude(goal=None)
    assert sorted(seed000_targets.values_list("code", flat=True)) == [
        "NQ59-CT-DAIHOC",
        "NQ59-CT-DMST",
        "NQ59-CT-DULICH",
        "NQ59-CT-GII",
    ]
    gii = Target.objects.get(code="NQ59-CT-GII")
    assert (gii.comparator, int(gii.goal), gii.target_year) == ("rank", 40, 2030)
    dmst = Target.objects.get(code="NQ59-CT-DMST")
    assert (dmst.comparator, int(dmst.goal), dmst.unit) == ("ge", 40, "%")
    figures = {o.target.code: int(o.value) for o in Observation.objects.select_related("target")}
    assert figures == {
        "HNQT-CS-CAMKET": 927,
        "HNQT-CS-CAMKET-NAM": 350,
        "HNQT-CS-DOITAC": 38,
        "HNQT-CS-NANGCAP": 9,
    }
    by_doc_kind = Counter(PolicyItem.objects.values_list("document__number", "kind"))
    assert by_doc_kind[("22-NQ/TW", "orientation")] == 18
    assert by_doc_kind[("56-CT/TW", "task")] == 2


@pytest.mark.django_db
def test_document_links_from_the_issue():
    def linked(a, rel, b):
        return DocumentLink.objects.filter(source__number=a, relation=rel, target__number=b).exists()

    assert linked("59-NQ/TW", "supersedes", "22-NQ/TW")
    assert linked("153/NQ-CP", "implements", "59-NQ/TW")
    assert linked("109/NQ-CP", "updates", "41/NQ-CP")
    assert PolicyDocument.objects.get(number="22-NQ/TW").status == PolicyDocument.Status.SUPERSEDED


@pytest.mark.django_db
def test_loader_is_idempotent_and_keeps_the_secretariats_edits(make_user):
    before = AuditEntry.objects.count()
    result = load_catalogue()
    assert (result["created"], result["updated"]) == (0, 0)
    assert AuditEntry.objects.count() == before
    secretariat = make_user("secretariat", "BNG")
    item = PolicyItem.objects.get(code="NQ59-NV1")
    services.update_item(secretariat, item, title="Nhiệm vụ 1 (tiêu đề do Cơ quan thường trực sửa)")
    result = load_catalogue()
    assert result["updated"] == 0 and result["kept"] >= 1
    assert PolicyItem.objects.get(code="NQ59-NV1").title.endswith("sửa)")
