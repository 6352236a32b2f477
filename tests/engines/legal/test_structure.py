"""Structure rules that the dev set does not show on its own."""

from __future__ import annotations

from hoinhap.engines.legal import parse_text
from hoinhap.engines.legal.references import find_references, tokenize

HEADER = (
    "QUỐC HỘI\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Luật số: 99/2024/QH15\nHà Nội, ngày 20 tháng 6 năm 2024\nLUẬT\nTHỬ NGHIỆM\n"
    "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
)


def test_parts_chapters_sections_and_ids():
    text = HEADER + (
        "Phần thứ nhất\nNHỮNG QUY ĐỊNH CHUNG\nChương I\nPHẠM VI\nMục 1\nQUY ĐỊNH CHUNG\n"
        "Điều 1. Phạm vi điều chỉnh\n1. Khoản một.\na) Điểm a;\nđ) Điểm đ.\n"
        "Điều 20a. Điều bổ sung\nNội dung theo khoản 1 Điều 1 Luật này và từ Điều 1 đến Điều 20a.\n"
        "Chương II\nTHI HÀNH\nĐiều 21 Hiệu lực thi hành\nLuật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2025.\n"
        "Luật này đã được Quốc hội khóa XV thông qua ngày 20 tháng 6 năm 2024.\nCHỦ TỊCH QUỐC HỘI\nTrần Thanh Mẫn\n"
    )
    doc = parse_text(text)
    kinds = [(n.kind, n.label) for n in doc.nodes()]
    assert kinds[:4] == [("part", "thứ nhất"), ("chapter", "I"), ("section", "1"), ("article", "1")]
    ids = {n.id for n in doc.nodes()}
    assert "part_1__chp_1__sec_1__art_1__cls_1__pnt_a" in ids
    assert "part_1__chp_1__sec_1__art_1__cls_1__pnt_dd" in ids
    assert [a.label for a in doc.articles()] == ["1", "20a", "21"]
    assert doc.articles()[-1].title == "Hiệu lực thi hành"
    assert doc.effective == "2025-01-01"
    assert doc.signer == "Trần Thanh Mẫn"
    assert doc.signer_position == "Chủ tịch Quốc hội"
    assert doc.title == "Luật Thử nghiệm"
    targets = {t for p in doc.provision_references for t in p.targets}
    assert "part_1__chp_1__sec_1__art_1__cls_1" in targets
    assert any(p.targets and len(p.targets) == 2 for p in doc.provision_references)


def test_quoted_articles_and_in_sentence_mentions_are_not_articles():
    text = HEADER + (
        "Điều 1. Sửa đổi, bổ sung một số điều của Luật số 10/2020/QH14\n"
        "1. Sửa đổi Điều 8 như sau:\n“Điều 8. Điều được thay\n1. Khoản trích dẫn.\na) Điểm trích dẫn.”\n"
        "2. Bãi bỏ Điều 9.\n"
        "Điều 2. Hiệu lực\nLuật này có hiệu lực kể từ ngày ký. Quy định tại\nĐiều 10 của Luật số 10/2020/QH14 hết hiệu lực.\n"
    )
    doc = parse_text(text)
    assert [a.label for a in doc.articles()] == ["1", "2"]
    assert doc.count("clause") == 2
    assert doc.count("point") == 0
    assert "10/2020/QH14" in doc.amends
    assert doc.effective == doc.issued


def test_annex_is_kept_apart():
    text = HEADER + (
        "Điều 1. Phạm vi\nNội dung.\nNơi nhận:\n- Như trên;\nCHỦ TỊCH QUỐC HỘI\nTrần Thanh Mẫn\n"
        "PHỤ LỤC I\nMẪU BÁO CÁO\nĐiều 5. Không phải điều\n1. Trường mẫu\n"
    )
    doc = parse_text(text)
    assert doc.count("article") == 1
    assert len(doc.annexes) == 1 and doc.annexes[0].label == "I"
    assert "Điều 5" in doc.annexes[0].text


def test_reference_types_relations_and_numbers():
    text = (
        "Căn cứ Nghị quyết số 59-NQ/TW của Bộ Chính trị và Công văn số 769/TTg; Nghị định này thay thế "
        "Nghị định số 31/2021/NĐ-CP ngày 26 tháng 3 năm 2021 kể từ ngày 01 tháng 7 năm 2025."
    )
    refs = {r.number: r for r in find_references(text)}
    assert set(refs) == {"59-NQ/TW", "769/TTg", "31/2021/NĐ-CP"}
    assert refs["31/2021/NĐ-CP"].type == "Nghị định"
    assert refs["31/2021/NĐ-CP"].relation == "thay thế"
    assert refs["31/2021/NĐ-CP"].date == "2021-03-26"
    assert refs["31/2021/NĐ-CP"].relation_effective == "2025-07-01"
    assert refs["59-NQ/TW"].type == "Nghị quyết"


def test_document_numbers_are_single_tokens():
    tokens = tokenize("theo Luật số 35/2005/QH11 và Nghị định 31/2021/NĐ-CP, điểm a")
    assert "35/2005/QH11" in tokens and "31/2021/NĐ-CP" in tokens
