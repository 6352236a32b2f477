import datetime as dt
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hoinhap.engines.text.deadlines import Deadline, find_deadline, parse_deadline

REF = dt.date(2025, 11, 29)
D = dt.date


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# (phrase, kind, due, period)
CASES = [
    # exact dates
    ("trước ngày 20/10/2025", "date", D(2025, 10, 20), None),
    ("trước ngày 20 tháng 10 năm 2025", "date", D(2025, 10, 20), None),
    ("Trước ngày 05 tháng 12 năm 2025", "date", D(2025, 12, 5), None),
    ("ngày 15/01/2026", "date", D(2026, 1, 15), None),
    ("chậm nhất là ngày 05-12-2025", "date", D(2025, 12, 5), None),
    ("chậm nhất ngày 31.12.2025", "date", D(2025, 12, 31), None),
    ("trước ngày 30/6/26", "date", D(2026, 6, 30), None),
    ("không muộn hơn ngày 15 tháng 3 năm 2026", "date", D(2026, 3, 15), None),
    ("TRƯỚC NGÀY 10 THÁNG 12 NĂM 2025", "date", D(2025, 12, 10), None),
    ("trước ngày 20 tháng 10, năm 2025", "date", D(2025, 10, 20), None),
    # dates without a year: next such date on or after the reference
    ("trước 31/12", "date", D(2025, 12, 31), None),
    ("trước ngày 15/01", "date", D(2026, 1, 15), None),
    ("trước ngày 29/11", "date", D(2025, 11, 29), None),
    ("trước ngày 15 tháng 12", "date", D(2025, 12, 15), None),
    ("ngày 29/02", "date", D(2028, 2, 29), None),
    # months
    ("trong tháng 11 năm 2025", "month", D(2025, 11, 30), None),
    ("tháng 12/2025", "month", D(2025, 12, 31), None),
    ("tháng 2/2028", "month", D(2028, 2, 29), None),
    ("trong tháng 02 năm 2026", "month", D(2026, 2, 28), None),
    ("tháng 12-2025", "month", D(2025, 12, 31), None),
    ("trong tháng 12", "month", D(2025, 12, 31), None),
    ("trong tháng 3", "month", D(2026, 3, 31), None),
    ("trước tháng 6/2026", "month", D(2026, 5, 31), None),
    # quarters
    ("quý I/2026", "quarter", D(2026, 3, 31), None),
    ("quý IV năm 2025", "quarter", D(2025, 12, 31), None),
    ("trong quý II năm 2026", "quarter", D(2026, 6, 30), None),
    ("quý III/2026", "quarter", D(2026, 9, 30), None),
    ("quý 2/2026", "quarter", D(2026, 6, 30), None),
    ("Quý I - 2026", "quarter", D(2026, 3, 31), None),
    ("quý IV", "quarter", D(2025, 12, 31), None),
    ("quý I", "quarter", D(2026, 3, 31), None),
    ("hoàn thành trong quý I/2026", "quarter", D(2026, 3, 31), None),
    ("trước quý IV/2026", "quarter", D(2026, 9, 30), None),
    # half years
    ("6 tháng đầu năm 2026", "half_year", D(2026, 6, 30), None),
    ("06 tháng đầu năm 2026", "half_year", D(2026, 6, 30), None),
    ("6 tháng cuối năm", "half_year", D(2025, 12, 31), None),
    ("6 tháng cuối năm 2026", "half_year", D(2026, 12, 31), None),
    ("trong 6 tháng đầu năm 2026", "half_year", D(2026, 6, 30), None),
    ("nửa đầu năm 2026", "half_year", D(2026, 6, 30), None),
    # years
    ("năm 2026", "year", D(2026, 12, 31), None),
    ("trong năm 2026", "year", D(2026, 12, 31), None),
    ("trong năm nay", "year", D(2025, 12, 31), None),
    ("cuối năm 2025", "year", D(2025, 12, 31), None),
    ("hoàn thành trong năm 2025", "year", D(2025, 12, 31), None),
    # recurring
    ("hằng năm", "recurring", None, "yearly"),
    ("hàng năm", "recurring", None, "yearly"),
    ("định kỳ hằng năm", "recurring", None, "yearly"),
    ("định kỳ 6 tháng", "recurring", None, "half_yearly"),
    ("định kỳ 06 tháng một lần", "recurring", None, "half_yearly"),
    ("6 tháng một lần", "recurring", None, "half_yearly"),
    ("hằng quý", "recurring", None, "quarterly"),
    ("định kỳ hằng quý", "recurring", None, "quarterly"),
    ("hằng tháng", "recurring", None, "monthly"),
    ("hàng tháng", "recurring", None, "monthly"),
    ("mỗi năm", "recurring", None, "yearly"),
    ("hằng năm, trước ngày 15/12", "recurring", D(2025, 12, 15), "yearly"),
    # ongoing / as soon as possible
    ("thường xuyên", "ongoing", None, None),
    ("Thường xuyên", "ongoing", None, None),
    ("khẩn trương", "asap", None, None),
    ("sớm", "asap", None, None),
    ("ngay", "asap", None, None),
    ("thực hiện ngay", "asap", None, None),
    ("càng sớm càng tốt", "asap", None, None),
    # nothing
    ("", "none", None, None),
    ("   ", "none", None, None),
    # unparsed: kept as text, never a made-up date
    ("31/02/2026", "unparsed", None, None),
    ("trước ngày 31/02/2026", "unparsed", None, None),
    ("ngày 32 tháng 1 năm 2026", "unparsed", None, None),
    ("tháng 13/2025", "unparsed", None, None),
    ("đầu năm 2026", "unparsed", None, None),
    ("trong 15 ngày", "unparsed", None, None),
    ("theo tiến độ dự án", "unparsed", None, None),
    ("theo đúng cam kết", "unparsed", None, None),
]


@pytest.mark.parametrize(("phrase", "kind", "due", "period"), CASES)
def test_parse_with_diacritics(phrase, kind, due, period):
    d = parse_deadline(phrase, REF)
    assert (d.kind, d.due, d.period) == (kind, due, period)
    if kind == "unparsed":
        assert d.due is None and d.text


@pytest.mark.parametrize(("phrase", "kind", "due", "period"), [c for c in CASES if c[0].strip()])
def test_parse_without_diacritics(phrase, kind, due, period):
    d = parse_deadline(_strip_marks(phrase), REF)
    assert (d.kind, d.due, d.period) == (kind, due, period)


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("quý I/2026", D(2026, 3, 31)),
        ("trong tháng 11 năm 2025", D(2025, 11, 30)),
        ("Thời gian hoàn thành: quý IV năm 2025", D(2025, 12, 31)),
    ],
)
def test_decomposed_and_other_tone_convention(phrase, due):
    assert parse_deadline(unicodedata.normalize("NFD", phrase), REF).due == due
    other = phrase.replace("quý", "qúy")
    assert parse_deadline(other, REF).due == due


def test_text_is_the_phrase_found():
    d = parse_deadline("hoàn thành, trình Thủ tướng Chính phủ trước ngày 20 tháng 10 năm 2024.", REF)
    assert d.text == "trước ngày 20 tháng 10 năm 2024"
    assert d.due == D(2024, 10, 20)


def test_period_kinds_have_start():
    d = parse_deadline("quý II/2026", REF)
    assert d.start == D(2026, 4, 1)
    assert parse_deadline("năm 2026", REF).start == D(2026, 1, 1)


def test_deadline_is_frozen():
    d = parse_deadline("quý I/2026", REF)
    with pytest.raises(AttributeError):
        d.kind = "year"  # type: ignore[misc]
    assert isinstance(d, Deadline)


def test_reference_none_uses_today():
    d = parse_deadline("quý IV")
    assert d.kind == "quarter" and d.due is not None


# ---------------------------------------------------------------- find_deadline in sentences

SENTENCES = [
    (
        "2. Bộ Tài chính thực hiện nghiêm các ý kiến chỉ đạo tại Thông báo số 09/TB-VPCP ngày 11 tháng 01 năm 2024 "
        "và cuộc họp ngày 22 tháng 8 năm 2024; trình Thủ tướng Chính phủ trước ngày 20 tháng 10 năm 2024.",
        "trước ngày 20 tháng 10 năm 2024",
        D(2024, 10, 20),
    ),
    (
        "Giao Bộ Công Thương xây dựng lộ trình đàm phán các FTA, hoàn thành trong quý\nI/2026, giữ vững uy tín.",
        "trong quý\nI/2026",
        D(2026, 3, 31),
    ),
    (
        "Thực hiện Chỉ thị số 13/CT-TTg ngày 17 tháng 5 năm 2025 của Thủ tướng Chính phủ; báo cáo Thủ tướng "
        "Chính phủ kết quả trước ngày 30 tháng 11 năm 2025.",
        "trước ngày 30 tháng 11 năm 2025",
        D(2025, 11, 30),
    ),
    ("Bộ Tư pháp tổng hợp, báo cáo Thủ tướng Chính phủ trước 31/12.", "trước 31/12", D(2025, 12, 31)),
    ("Bộ Ngoại giao báo cáo định kỳ 6 tháng.", "định kỳ 6 tháng", None),
    ("Các bộ thường xuyên theo dõi, đôn đốc.", "thường xuyên", None),
    ("Bộ Y tế khẩn trương hoàn thiện hồ sơ.", "khẩn trương", None),
    ("Bộ Xây dựng trình Chính phủ trong tháng 12 năm 2025.", "trong tháng 12 năm 2025", D(2025, 12, 31)),
    ("Bộ Tài chính trình Chính phủ trong năm 2026.", "trong năm 2026", D(2026, 12, 31)),
    ("Bo Tai chinh trinh Chinh phu truoc ngay 15/12/2025.", "truoc ngay 15/12/2025", D(2025, 12, 15)),
]


@pytest.mark.parametrize(("sentence", "phrase", "due"), SENTENCES)
def test_find_deadline(sentence, phrase, due):
    found = find_deadline(sentence, REF)
    assert found is not None
    d, start, end = found
    assert sentence[start:end] == phrase == d.text
    assert d.due == due


@pytest.mark.parametrize(
    "sentence",
    [
        "Luật Bảo vệ môi trường năm 2020 giao Bộ Tài chính chủ trì thành lập thị trường các-bon.",
        "Thực hiện Nghị quyết số 86/NQ-CP ngày 04 tháng 11 năm 2025 của Chính phủ.",
        "Bộ Nông nghiệp và Môi trường hoàn thiện Đề án giai đoạn 2026-2030.",
        "Thời gian thí điểm: 05 năm, từ năm 2021 đến hết năm 2025.",
        "đối với các nhiệm vụ được giao trong năm 2025, tiếp tục rà soát kỹ.",
        "Bộ Tư pháp có trách nhiệm kiểm tra, đôn đốc các Bộ.",
        "",
    ],
)
def test_find_deadline_ignores_citations_and_periods(sentence):
    found = find_deadline(sentence, REF)
    assert found is None or found[0].due is None


def test_find_prefers_dated_over_urgency():
    s = "Bộ Y tế khẩn trương hoàn thiện, trình Chính phủ trước ngày 15/01/2026."
    d, _, _ = find_deadline(s, REF)
    assert d.kind == "date" and d.due == D(2026, 1, 15)


# ---------------------------------------------------------------- never raises

_ALPHABET = st.sampled_from(
    list("0123456789/.-,: ")
    + ["ngày", "tháng", "năm", "quý", "I", "IV", "trước", "hằng", "định kỳ", "6", "đầu"]
    + ["cuối", "trong", "ngay", "sớm", "31", "12", "2026", "99999", "x", "\u0301", "đ", "Đ", "İ", "\n"]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_ALPHABET, max_size=20).map(" ".join), st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 1, 1))
)
def test_never_raises_on_vocabulary(text, ref):
    d = parse_deadline(text, ref)
    assert d.kind in {
        "date",
        "month",
        "quarter",
        "half_year",
        "year",
        "recurring",
        "ongoing",
        "asap",
        "none",
        "unparsed",
    }
    found = find_deadline(text, ref)
    if found is not None:
        deadline, start, end = found
        assert 0 <= start <= end <= len(text)
    if d.kind in {"asap", "ongoing", "none", "unparsed"}:
        assert d.due is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.none() | st.dates())
def test_never_raises_on_any_text(text, ref):
    parse_deadline(text, ref)
    find_deadline(text, ref)
