"""Behaviour of assess(): evidence offsets, negatives, flags not in the dev set, basis traceability."""

from __future__ import annotations

import re

import pytest
import yaml

from hoinhap.engines.screening import FLAGS, assess, expired_lookup_from, load_basis
from hoinhap.engines.screening.basis import DEFAULT_BASIS, tone_variants, unknown_items

from .conftest import SEED


def _p(text: str, title: str = "Luật Ví dụ", **kw) -> dict:
    return {
        "id": "x",
        "doc_number": "1/2020/QH14",
        "doc_title": title,
        "doc_type": "Luật",
        "text": text,
        **kw,
    }


def test_output_shape_and_offsets(dev_rows, basis):
    for row in dev_rows:
        d = assess(row, basis).to_dict()
        assert list(d) == ["id", "relevance", "score", "task_groups", "flags", "evidence", "suggestions"]
        assert d["id"] == row["id"]
        assert d["relevance"] in (0, 1, 2) and 0.0 <= d["score"] <= 1.0
        assert (d["relevance"] == 0) == (d["task_groups"] == [])
        assert set(d["flags"]) <= set(FLAGS)
        for ev in d["evidence"]:
            assert ev["policy_item"]["id"] and ev["policy_item"]["title"]
            for m in ev["matches"]:
                assert row["text"][m["start"] : m["end"]] == m["text"]
        for f in d["flags"]:
            assert any(
                s["flag"] == f and s["category"] in ("1.1", "1.2", "1.3", "1.4") for s in d["suggestions"]
            )


def test_score_orders_relevance(dev_rows, basis):
    res = [assess(r, basis) for r in dev_rows]
    for a in res:
        for b in res:
            if a.relevance > b.relevance:
                assert a.score > b.score


def test_hard_negatives(basis):
    off_budget = "Các quỹ tài chính nhà nước ngoài ngân sách phải lập báo cáo thu, chi."
    assert assess(_p(off_budget), basis).relevance == 0
    holiday = "Ngày Quốc tế lao động: 01 ngày (ngày 01 tháng 5 dương lịch)."
    assert assess(_p(holiday), basis).relevance == 0
    overtime = "Người lao động làm thêm ngoài giờ được trả lương theo quy định."
    assert assess(_p(overtime), basis).relevance == 0
    urban = "Chủ đầu tư dự án khu đô thị thực hiện nghĩa vụ nhà ở xã hội."
    assert assess(_p(urban), basis).relevance == 0
    domestic = "Sản phẩm phải bảo đảm chất lượng khi lưu thông trên thị trường trong nước."
    assert assess(_p(domestic), basis).relevance == 0


def test_negation(basis):
    a = assess(_p("Hợp đồng không có yếu tố nước ngoài được giải quyết tại Tòa án nhân dân cấp tỉnh."), basis)
    assert a.relevance == 0


def test_subject_vs_incidental(basis):
    subject = "1. Người nước ngoài nhập cảnh Việt Nam phải có hộ chiếu và thị thực.\n2. Thời hạn thị thực không quá 90 ngày."
    a = assess(_p(subject), basis)
    assert a.relevance == 2 and a.task_groups[0] == "NV3"
    listing = "Luật này áp dụng đối với cơ quan, tổ chức, cá nhân trong nước và nước ngoài có liên quan."
    assert assess(_p(listing), basis).relevance == 1
    precedence = (
        "Trường hợp điều ước quốc tế mà Cộng hòa xã hội chủ nghĩa Việt Nam là thành viên có quy định khác với "
        "quy định của Luật này thì áp dụng quy định của điều ước quốc tế đó."
    )
    a = assess(_p(precedence), basis)
    assert a.relevance == 1 and a.flags == ["treaty_precedence"] and a.task_groups[0] == "NV6"


def test_without_diacritics_and_tone_variants(basis):
    plain = "Thuong nhan nuoc ngoai duoc xuat khau, nhap khau hang hoa theo quy dinh."
    a = assess(_p(plain), basis)
    assert a.relevance == 2 and a.task_groups[0] == "NV2"
    old_tone = "Thoả thuận quốc tế và điều ước quốc tế được ký kết theo quy định của Luật này."
    assert assess(_p(old_tone), basis).relevance == 2
    assert (
        "hoá" in tone_variants("hóa") and "thuỷ" in tone_variants("thủy") and tone_variants("quý") == ["quý"]
    )


def test_abolished_agency_suggestion(basis):
    text = "Báo cáo gửi Bộ Kế hoạch và Đầu tư, Bộ Tài chính để tổng hợp."
    a = assess(_p(text), basis).to_dict()
    assert a["flags"] == ["abolished_agency"]
    s = a["suggestions"][0]
    assert s["category"] == "1.2" and s["handling"] == "2.1"
    assert s["change"]["find"] == "Bộ Kế hoạch và Đầu tư" and s["change"]["replace"] == "Bộ Tài chính"
    assert text[s["change"]["start"] : s["change"]["end"]] == "Bộ Kế hoạch và Đầu tư"
    assert assess(_p("Bộ Thương mại hướng dẫn thi hành."), basis).flags == []


def test_district_level(basis):
    assert assess(_p("Ủy ban nhân dân cấp huyện quyết định hỗ trợ."), basis).flags == ["district_level"]
    assert assess(_p("Ủy ban nhân dân các cấp thực hiện quản lý nhà nước."), basis).flags == []
    moved = "Nhiệm vụ của Ủy ban nhân dân cấp huyện trước đây được chuyển giao cho Ủy ban nhân dân cấp xã."
    assert assess(_p(moved), basis).flags == []


def test_cites_and_superseded_policy(basis):
    text = "Thực hiện Nghị quyết số 22-NQ/TW ngày 10/4/2013 của Bộ Chính trị về hội nhập quốc tế."
    a = assess(_p(text), basis).to_dict()
    assert a["flags"] == ["cites_policy", "superseded_policy"]
    sup = [s for s in a["suggestions"] if s["flag"] == "superseded_policy"][0]
    assert sup["category"] == "1.2" and sup["change"]["replace"] == "59-NQ/TW"
    # same number, other year: a different resolution, not superseded
    other = "Theo Nghị quyết số 22-NQ/TW ngày 02 tháng 02 năm 2008 của Ban Chấp hành Trung ương."
    assert assess(_p(other), basis).flags == ["cites_policy"]
    current = "Triển khai Nghị quyết số 59-NQ/TW ngày 24/01/2025 của Bộ Chính trị."
    assert assess(_p(current), basis).flags == ["cites_policy"]
    assert assess(_p("Theo quy định của Đảng về công tác đối ngoại."), basis).flags == []


def test_expired_reference(basis):
    lookup = expired_lookup_from({"02/2017/NĐ-CP": "09/2025/NĐ-CP"})
    text = "Hỗ trợ thực hiện theo Nghị định số 02/2017/NĐ-CP ngày 09 tháng 01 năm 2017 của Chính phủ."
    a = assess(_p(text), basis, expired_lookup=lookup).to_dict()
    assert a["flags"] == ["expired_reference"]
    s = a["suggestions"][0]
    start = text.index("02/2017")
    assert s["change"] == {
        "find": "02/2017/NĐ-CP",
        "replace": "09/2025/NĐ-CP",
        "start": start,
        "end": start + 13,
    }
    # the clause that does the replacing does not flag the replaced decree
    repl = "Nghị định này thay thế Nghị định số 02/2017/NĐ-CP ngày 09 tháng 01 năm 2017."
    assert "expired_reference" not in assess(_p(repl), basis, expired_lookup=lookup).flags
    assert "expired_reference" not in assess(_p(text), basis).flags  # no lookup, no flag


def test_missing_text_raises(basis):
    with pytest.raises(ValueError):
        assess({"id": 1}, basis)


def test_basis_quotes_come_from_seed_000():
    if not SEED.is_file():
        pytest.skip("shared/ is not beside the repository")
    seed = " ".join(SEED.read_text(encoding="utf-8").split())
    data = yaml.safe_load(DEFAULT_BASIS.read_text(encoding="utf-8"))
    ids = set()
    for it in data["items"]:
        assert it["id"] not in ids
        ids.add(it["id"])
        if it.get("quote"):
            assert " ".join(it["quote"].split()) in seed, it["id"]
    for g in range(1, 8):
        assert f"nq59-nv{g}" in ids
    assert not unknown_items(load_basis())


def test_campaign_basis_dict():
    data = yaml.safe_load(DEFAULT_BASIS.read_text(encoding="utf-8"))
    data["lexicon"] = {
        "concepts": [
            {
                "id": "blue_economy",
                "label": "kinh tế biển",
                "strength": "core",
                "groups": {"NV2": 1.0},
                "items": ["nq59-nv2"],
                "terms": "kinh tế biển xanh",
            }
        ]
    }
    b = load_basis(data)
    a = assess(_p("Phát triển kinh tế biển xanh bền vững."), b)
    assert a.relevance == 2 and a.task_groups == ["NV2"]
    assert re.search("blue_economy", str(a.to_dict()))
