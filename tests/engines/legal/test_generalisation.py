"""Layouts the dev set does not show: the enacting-authority line under the title, a regulation
issued with the document after its signature. The texts follow published documents' layout."""

from __future__ import annotations

from hoinhap.engines.legal import parse_text

DECISION = """THỦ TƯỚNG CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 15/2024/QĐ-TTg
Hà Nội, ngày 03 tháng 10 năm 2024
QUYẾT ĐỊNH
BAN HÀNH QUY CHẾ QUẢN LÝ HOẠT ĐỘNG ĐỐI NGOẠI
THỦ TƯỚNG CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;
Theo đề nghị của Bộ trưởng Bộ Ngoại giao;
Thủ tướng Chính phủ ban hành Quyết định ban hành Quy chế quản lý hoạt động đối ngoại.
Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý hoạt động đối ngoại.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày 20 tháng 11 năm 2024 và thay thế Quyết định số 67/2011/QĐ-TTg ngày 12 tháng 12 năm 2011 của Thủ tướng Chính phủ.
Điều 3. Các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm thi hành Quyết định này./.
{signature}QUY CHẾ
QUẢN LÝ HOẠT ĐỘNG ĐỐI NGOẠI
(Ban hành kèm theo Quyết định số 15/2024/QĐ-TTg ngày 03 tháng 10 năm 2024 của Thủ tướng Chính phủ)
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Quy chế này quy định về quản lý hoạt động đối ngoại.
Điều 2. Đối tượng áp dụng
1. Các bộ, cơ quan ngang bộ.
2. Ủy ban nhân dân các tỉnh theo khoản 1 Điều này.
"""
SIGNATURE = "Nơi nhận:\n- Ban Bí thư Trung ương Đảng;\n- Lưu: VT, QHQT.\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\nBùi Thanh Sơn\n"

RESOLUTION = """HỘI ĐỒNG NHÂN DÂN
TỈNH QUẢNG NINH
--------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 12/2025/NQ-HĐND
Quảng Ninh, ngày 10 tháng 7 năm 2025
NGHỊ QUYẾT
QUY ĐỊNH MỨC HỖ TRỢ DOANH NGHIỆP THAM GIA HỘI CHỢ QUỐC TẾ
HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NINH
KHÓA XIV, KỲ HỌP THỨ 25
Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;
QUYẾT NGHỊ:
Điều 1. Phạm vi điều chỉnh
Nghị quyết này quy định mức hỗ trợ.
Điều 2. Hiệu lực thi hành
Nghị quyết này có hiệu lực từ ngày 20 tháng 7 năm 2025.
Nghị quyết này đã được Hội đồng nhân dân tỉnh Quảng Ninh Khóa XIV, Kỳ họp thứ 25 thông qua ngày 10 tháng 7 năm 2025./.
CHỦ TỊCH
Nguyễn Xuân Ký
"""


def test_authority_line_is_not_part_of_the_title():
    doc = parse_text(DECISION.format(signature=SIGNATURE))
    assert doc.title_heading == "BAN HÀNH QUY CHẾ QUẢN LÝ HOẠT ĐỘNG ĐỐI NGOẠI"
    assert doc.title == "Ban hành Quy chế quản lý hoạt động đối ngoại"
    assert doc.issuer == "Thủ tướng Chính phủ"
    assert doc.signer == "Bùi Thanh Sơn"
    assert doc.signer_position == "Phó Thủ tướng"
    assert doc.replaces == ["67/2011/QĐ-TTg"]


def test_council_and_session_lines_are_not_part_of_the_title():
    doc = parse_text(RESOLUTION)
    assert doc.title_heading == "QUY ĐỊNH MỨC HỖ TRỢ DOANH NGHIỆP THAM GIA HỘI CHỢ QUỐC TẾ"
    assert doc.issuer == "Hội đồng nhân dân tỉnh Quảng Ninh"
    assert doc.place == "Quảng Ninh"
    assert doc.effective == "2025-07-20"
    assert [a.label for a in doc.articles()] == ["1", "2"]
    assert "HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NINH" in doc.preamble


def test_regulation_issued_with_the_decision_is_kept_apart():
    for signature in (SIGNATURE, ""):  # with and without the signature block before it
        doc = parse_text(DECISION.format(signature=signature))
        assert [a.label for a in doc.articles()] == ["1", "2", "3"]
        assert not any("Trùng số điều" in w for w in doc.warnings)
        (attached,) = doc.annexes
        assert attached.title == "QUY CHẾ QUẢN LÝ HOẠT ĐỘNG ĐỐI NGOẠI"
        assert attached.text.startswith("(Ban hành kèm theo Quyết định số 15/2024/QĐ-TTg")
        assert "Điều 2. Đối tượng áp dụng" in attached.text
        assert [(n.kind, n.label, n.id) for n in attached.structure[0].walk()] == [
            ("chapter", "I", "annex_attached__chp_1"),
            ("article", "1", "annex_attached__chp_1__art_1"),
            ("article", "2", "annex_attached__chp_1__art_2"),
            ("clause", "1", "annex_attached__chp_1__art_2__cls_1"),
            ("clause", "2", "annex_attached__chp_1__art_2__cls_2"),
        ]
        # Its cross-references resolve among its own articles.
        (mention,) = [p for p in doc.provision_references if p.node.startswith("annex_attached")]
        assert mention.targets == ["annex_attached__chp_1__art_2__cls_1"]


def test_screening_reads_the_articles_of_the_attached_regulation(tmp_path):
    from hoinhap.engines.screening.cli import _document_provisions

    path = tmp_path / "qd.txt"
    path.write_text(DECISION.format(signature=SIGNATURE), encoding="utf-8")
    provisions = _document_provisions(path)
    assert [p["id"] for p in provisions] == [
        "art_1",
        "art_2",
        "art_3",
        "annex_attached__chp_1__art_1",
        "annex_attached__chp_1__art_2",
    ]
    assert [p["label"] for p in provisions][2:] == ["Điều 3", "Điều 1 Quy chế", "Điều 2 Quy chế"]
    # An article whose words are all on its heading line is screened on them.
    assert "thay thế Quyết định số 67/2011/QĐ-TTg" in provisions[1]["text"]


JOINT = """BỘ TÀI CHÍNH - BỘ CÔNG THƯƠNG
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 47/2011/TTLT-BCT-BTC
Hà Nội, ngày 30 tháng 12 năm 2011
THÔNG TƯ LIÊN TỊCH
QUY ĐỊNH VIỆC QUẢN LÝ NHẬP KHẨU HÀNG HÓA
Căn cứ Nghị định số 189/2007/NĐ-CP ngày 27 tháng 12 năm 2007 của Chính phủ;
Điều 1. Phạm vi điều chỉnh
Thông tư liên tịch này quy định việc quản lý.
Điều 2. Hiệu lực thi hành
Thông tư liên tịch này có hiệu lực thi hành kể từ ngày 15 tháng 02 năm 2012.
KT. BỘ TRƯỞNG BỘ TÀI CHÍNH
THỨ TRƯỞNG
Đỗ Hoàng Anh Tuấn
"""


def test_joint_issuers_each_keep_their_spelling():
    doc = parse_text(JOINT)
    assert doc.type == "Thông tư liên tịch"
    assert doc.issuer == "Bộ Tài chính - Bộ Công Thương"
    assert doc.number == "47/2011/TTLT-BCT-BTC"
    assert doc.effective == "2012-02-15"


# A TXT copy of a two-column header (tabs between the columns) and an amending circular.
FLAT = """BỘ TÀI CHÍNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
-------\tĐộc lập - Tự do - Hạnh phúc
---------------
Số: 25/2023/TT-BTC\tHà Nội, ngày 28 tháng 4 năm 2023

THÔNG TƯ
SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA THÔNG TƯ SỐ 38/2015/TT-BTC NGÀY 25 THÁNG 3 NĂM 2015 CỦA BỘ TRƯỞNG BỘ TÀI CHÍNH QUY ĐỊNH VỀ THỦ TỤC HẢI QUAN

Căn cứ Luật Hải quan ngày 23 tháng 6 năm 2014;
Căn cứ Nghị định số 14/2023/NĐ-CP ngày 20 tháng 4 năm 2023 của Chính phủ;
Theo đề nghị của Tổng cục trưởng Tổng cục Hải quan;
Bộ trưởng Bộ Tài chính ban hành Thông tư sửa đổi, bổ sung một số điều của Thông tư số 38/2015/TT-BTC ngày 25 tháng 3 năm 2015 của Bộ trưởng Bộ Tài chính quy định về thủ tục hải quan.

Điều 1. Sửa đổi, bổ sung một số điều của Thông tư số 38/2015/TT-BTC
1. Khoản 2 Điều 3 được sửa đổi, bổ sung như sau:
“2. Hồ sơ hải quan được nộp bằng điện tử.”
2. Bổ sung Điều 20a như sau:
“Điều 20a. Khai hải quan
1. Người khai hải quan thực hiện khai.”
Điều 2. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 6 năm 2023.

Nơi nhận:
- Văn phòng Chính phủ;
- Lưu: VT, TCHQ.\tKT. BỘ TRƯỞNG
THỨ TRƯỞNG




Lưu Đức Huy
"""


def test_flattened_header_and_amending_relations():
    doc = parse_text(FLAT)
    assert (doc.number, doc.issuer, doc.issued, doc.place) == (
        "25/2023/TT-BTC",
        "Bộ Tài chính",
        "2023-04-28",
        "Hà Nội",
    )
    assert doc.signer == "Lưu Đức Huy"
    assert doc.amends == ["38/2015/TT-BTC"]
    assert {ref.relation for ref in doc.references if ref.number == "38/2015/TT-BTC"} == {"sửa đổi, bổ sung"}
    # Quoted replacement text stays inside the amending clause.
    assert [a.label for a in doc.articles()] == ["1", "2"]


def test_amended_by_another_document_is_not_amended_here():
    text = JOINT.replace(
        "Thông tư liên tịch này quy định việc quản lý.",
        "Thông tư liên tịch này hướng dẫn Luật Quản lý ngoại thương số 05/2017/QH14 được sửa đổi, bổ sung "
        "bởi Luật số 96/2025/QH15.",
    )
    doc = parse_text(text)
    relations = {ref.number: ref.relation for ref in doc.references}
    assert relations["05/2017/QH14"] == "hướng dẫn"
    # The law that amended the guided law is not amended here (guiding the amended law is fair).
    assert relations["96/2025/QH15"] not in ("sửa đổi", "bổ sung", "sửa đổi, bổ sung")
    assert doc.amends == []


def test_clause_of_the_first_article_then_whole_articles():
    text = JOINT.replace(
        "Thông tư liên tịch này có hiệu lực",
        "1. Thông tư liên tịch này có hiệu lực",
    ).replace(
        "Thông tư liên tịch này quy định việc quản lý.",
        "Thông tư liên tịch này quy định việc quản lý theo khoản 1 Điều 2 và Điều 1 Thông tư liên tịch này.",
    )
    doc = parse_text(text)
    (mention,) = doc.provision_references
    assert mention.targets == ["art_2__cls_1", "art_1"]


def test_effective_date_written_with_slashes():
    doc = parse_text(JOINT.replace("kể từ ngày 15 tháng 02 năm 2012", "kể từ ngày 15/02/2012"))
    assert doc.effective == "2012-02-15"


def test_issuer_written_with_an_en_dash_over_two_lines():
    text = (
        "BỘ LAO ĐỘNG – THƯƠNG BINH\nVÀ XÃ HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 10/2020/TT-BLĐTBXH\n"
        "Hà Nội, ngày 1 tháng 2 năm 2020\nTHÔNG TƯ\nQUY ĐỊNH THỬ\nĐiều 1. Phạm vi\nNội dung.\n"
    )
    assert parse_text(text).issuer == "Bộ Lao động - Thương binh và Xã hội"


def test_sentence_cased_title_keeps_the_names_it_cites():
    old_decree = (
        "CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/2006/NĐ-CP\nHà Nội, ngày 23 tháng 01 năm 2006\n"
        "NGHỊ ĐỊNH\nQUY ĐỊNH CHI TIẾT THI HÀNH LUẬT THƯƠNG MẠI VÀ SỬA ĐỔI THÔNG TƯ SỐ 07/2019/TT-BCT CỦA BỘ TRƯỞNG "
        "BỘ CÔNG THƯƠNG VỀ NGƯỜI VIỆT NAM\nCHÍNH PHỦ\nCăn cứ Luật Thương mại ngày 14 tháng 6 năm 2005;\n"
        "NGHỊ ĐỊNH:\nĐiều 1. Phạm vi điều chỉnh\nNội dung.\n"
    )
    assert parse_text(old_decree).title == (
        "Quy định chi tiết thi hành Luật Thương mại và sửa đổi Thông tư số 07/2019/TT-BCT của Bộ trưởng "
        "Bộ Công Thương về người Việt Nam"
    )


def test_article_heading_on_the_line_below():
    text = JOINT.replace("Điều 1. Phạm vi điều chỉnh", "Điều 1.\nPhạm vi điều chỉnh").replace(
        "Điều 2. Hiệu lực thi hành",
        "Điều 2.\nThông tư liên tịch này có hiệu lực từ ngày 15 tháng 02 năm 2012.",
    )
    first, second = parse_text(text).articles()
    assert (first.title, first.text) == (
        "Phạm vi điều chỉnh",
        "Thông tư liên tịch này quy định việc quản lý.",
    )
    assert second.title is None  # a sentence under it is its text, not a heading
    assert second.text.startswith("Thông tư liên tịch này có hiệu lực")
