import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hoinhap.engines.conclusions import extract
from hoinhap.engines.conclusions.cli import main

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"
SEED_001 = SHARED / "seeds" / "001_2de0e771f0577654.txt"


def _by_lead(result, lead):
    return [t for t in result.tasks if t.lead == lead]


@pytest.mark.skipif(not SEED_001.is_file(), reason="seed 001 not available")
def test_seed_001_fta_task():
    text = SEED_001.read_text(encoding="utf-8")
    result = extract(text)
    fta = [t for t in _by_lead(result, "Bộ Công Thương") if "MERCOSUR" in t.quote]
    assert len(fta) == 1
    task = fta[0]
    for partner in ("GCC", "MERCOSUR", "Pakistan", "Ai Cập"):
        assert partner in task.quote
    assert task.due == dt.date(2026, 3, 31)
    assert task.deadline_kind == "quarter"
    assert "Bộ Ngoại giao" in task.coordinators
    assert task.quote == text[task.quote_start : task.quote_end]
    # the Ministry of Foreign Affairs' own task, with the Government Office coordinating
    mofa = _by_lead(result, "Bộ Ngoại giao")
    assert mofa and "Văn phòng Chính phủ" in mofa[0].coordinators
    assert mofa[0].authority == "Thủ tướng Chính phủ"
    # background and the closing formula are not tasks
    assert not any("Văn phòng Chính phủ thông báo" in t.quote for t in result.tasks)
    assert not any(t.quote.startswith("1. Đánh giá cao") for t in result.tasks)


NOTICE = """VĂN PHÒNG CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 100/TB-VPCP
Hà Nội, ngày 10 tháng 11 năm 2025
THÔNG BÁO
KẾT LUẬN CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ TẠI CUỘC HỌP VỀ DỰ ÁN
Ngày 05 tháng 11 năm 2025, Phó Thủ tướng Chính phủ đã chủ trì cuộc họp. Sau khi nghe báo cáo của Bộ Xây dựng, \
Phó Thủ tướng Chính phủ kết luận như sau:
1. Thời gian qua, Bộ Xây dựng đã tích cực triển khai các nhiệm vụ được giao.
2. Giao Tập đoàn Dầu khí Việt Nam chủ trì, phối hợp với Tập đoàn Điện lực Việt Nam và Ủy ban nhân dân các tỉnh \
Quảng Ngãi, Gia Lai hoàn thiện phương án, báo cáo Bộ Công Thương trước ngày 15/12/2025.
3. Ủy ban nhân dân các tỉnh: Lào Cai, Lạng Sơn, Quảng Ninh chủ trì rà soát các cửa khẩu, báo cáo Thủ tướng \
Chính phủ trong tháng 12 năm 2025.
4. Bộ trưởng Bộ Xây dựng chỉ đạo khẩn trương lập Đề án, trình Thủ tướng Chính phủ trong quý I/2026.
5. Ngân hàng Nhà nước Việt Nam chịu trách nhiệm trước Thủ tướng Chính phủ về tính chính xác của số liệu.
6. Các lực lượng chức năng tăng cường kiểm tra.
7. Đồng ý về chủ trương Ủy ban nhân dân tỉnh Lào Cai lập Đề án thí điểm.
8. Các bộ, ngành, địa phương theo chức năng, nhiệm vụ được giao thường xuyên theo dõi, báo cáo định kỳ hằng quý.
9. Bộ Tài chính chủ trì, phối hợp với Bộ Tư pháp xây dựng dự thảo Nghị định, trình Chính phủ trước ngày 31/12.
Văn phòng Chính phủ thông báo để các cơ quan liên quan biết, thực hiện./.
Nơi nhận:
- Như trên;
- Lưu: VT.
"""


@pytest.fixture(scope="module")
def notice():
    return extract(NOTICE)


def test_document_header(notice):
    assert notice.document.number == "100/TB-VPCP"
    assert notice.document.issued == dt.date(2025, 11, 10)
    assert notice.document.issuer == "Văn phòng Chính phủ"


def test_quotes_are_exact_substrings(notice):
    for t in notice.tasks:
        assert NOTICE[t.quote_start : t.quote_end] == t.quote


def test_named_state_corporation_kept_as_written(notice):
    (t,) = _by_lead(notice, "Tập đoàn Dầu khí Việt Nam")
    assert t.lead_resolved is False
    assert t.coordinators == [
        "Tập đoàn Điện lực Việt Nam",
        "Ủy ban nhân dân tỉnh Quảng Ngãi",
        "Ủy ban nhân dân tỉnh Gia Lai",
    ]
    assert "Bộ Công Thương" not in t.coordinators  # a report recipient, not a coordinator
    assert t.due == dt.date(2025, 12, 15)


def test_joint_assignment_to_several_provinces(notice):
    (t,) = _by_lead(notice, "Ủy ban nhân dân tỉnh Lào Cai")
    assert t.co_leads == ["Ủy ban nhân dân tỉnh Lạng Sơn", "Ủy ban nhân dân tỉnh Quảng Ninh"]
    assert t.due == dt.date(2025, 12, 31)
    assert t.authority == "Thủ tướng Chính phủ"


def test_minister_addressed_personally_is_the_ministry(notice):
    (t,) = _by_lead(notice, "Bộ Xây dựng")
    assert t.due == dt.date(2026, 3, 31)
    assert t.deliverable and t.deliverable.startswith("Đề án")


def test_excluded_kinds(notice):
    quotes = " ".join(t.quote for t in notice.tasks)
    assert "đã tích cực triển khai" not in quotes  # background
    assert "chịu trách nhiệm trước" not in quotes  # accountability
    assert "lực lượng chức năng" not in quotes  # unnamed actors
    assert "Đồng ý về chủ trương" not in quotes  # approval of a policy
    assert "biết, thực hiện" not in quotes  # closing formula


def test_collective_and_recurring(notice):
    (t,) = [t for t in notice.tasks if t.collective]
    assert t.lead == "Các bộ, ngành, địa phương"
    assert t.deadline_kind in ("recurring", "ongoing")
    assert t.due is None


def test_deadline_without_year_uses_notice_date(notice):
    (t,) = _by_lead(notice, "Bộ Tài chính")
    assert t.due == dt.date(2025, 12, 31)
    assert t.coordinators == ["Bộ Tư pháp"]
    assert t.authority == "Chính phủ"
    assert t.deliverable.startswith("dự thảo Nghị định")


def test_merged_agency_has_current_successor():
    text = (
        "Phó Thủ tướng Chính phủ có ý kiến như sau:\n"
        "Giao Bộ Tài nguyên và Môi trường chủ trì, phối hợp với các cơ quan liên quan nghiên cứu, "
        "báo cáo Thủ tướng Chính phủ trong quý IV năm 2023.\n"
    )
    (t,) = extract(text).tasks
    assert t.lead == "Bộ Tài nguyên và Môi trường"
    assert t.lead_current == "Bộ Nông nghiệp và Môi trường"
    assert t.coordinators == ["các cơ quan liên quan"]
    assert t.due == dt.date(2023, 12, 31)


def test_without_diacritics_tolerated():
    text = "Ket luan nhu sau:\n1. Bo Tai chinh chu tri, phoi hop voi Bo Tu phap trinh Chinh phu truoc ngay 20/10/2025.\n"
    tasks = extract(text).tasks
    assert tasks and tasks[0].due == dt.date(2025, 10, 20)


def test_no_assignment_and_empty():
    assert extract("").tasks == []
    assert extract("Hôm nay trời đẹp. Mọi người đều vui.").tasks == []


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_extract_never_raises(text):
    result = extract(text)
    for t in result.tasks:
        assert text[t.quote_start : t.quote_end] == t.quote


# ---------------------------------------------------------------- CLI contract


def test_cli_json(tmp_path, capsys):
    f = tmp_path / "notice.txt"
    f.write_text(NOTICE, encoding="utf-8")
    assert main([str(f), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"document", "tasks"}
    assert set(data["document"]) >= {"number", "issued", "issuer"}
    keys = {
        "lead",
        "lead_current",
        "co_leads",
        "coordinators",
        "deadline_text",
        "due",
        "quote",
        "deliverable",
    }
    keys |= {"authority", "collective"}
    for task in data["tasks"]:
        assert keys <= set(task)
        assert task["quote"] in NOTICE


def test_cli_readable(tmp_path, capsys):
    f = tmp_path / "notice.txt"
    f.write_text(NOTICE, encoding="utf-8")
    assert main([str(f)]) == 0
    out = capsys.readouterr().out
    assert "Chủ trì: Tập đoàn Dầu khí Việt Nam" in out


def test_cli_bad_input(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    assert main([str(empty)]) == 2
    err = capsys.readouterr().err.strip()
    assert err and "\n" not in err
    assert main([str(tmp_path / "missing.txt")]) == 2
    assert "Không tìm thấy tệp" in capsys.readouterr().err


def test_cli_no_assignment(tmp_path, capsys):
    f = tmp_path / "plain.txt"
    f.write_text("Hôm nay trời đẹp.", encoding="utf-8")
    assert main([str(f), "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["tasks"] == []
    assert "Không tìm thấy nhiệm vụ" in captured.err
