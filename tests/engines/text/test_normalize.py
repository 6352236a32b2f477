import unicodedata

import pytest

from hoinhap.engines.text import fold, normalize, normalize_tone


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("hoá", "hóa"),
        ("Văn hoá", "Văn hóa"),
        ("thuỷ sản", "thủy sản"),
        ("khoẻ", "khỏe"),
        ("HOÁ", "HÓA"),
        ("quý", "quý"),
        ("hoạch", "hoạch"),
        ("thuyết", "thuyết"),
        ("hóa", "hóa"),
        ("ngoáy", "ngoáy"),
        ("hoà bình", "hòa bình"),
    ],
)
def test_tone_placement(raw, expected):
    assert normalize_tone(unicodedata.normalize("NFC", raw)) == expected


def test_normalize_nfd_and_lookalikes():
    nfd = unicodedata.normalize("NFD", "Nghị định")
    assert normalize(nfd) == "Nghị định"
    assert normalize("\u00d0iều 5") == "Điều 5"


def test_fold_keeps_length_and_folds_d():
    text = "Đất đai, Thuế thu nhập doanh nghiệp"
    assert fold(text) == "dat dai, thue thu nhap doanh nghiep"
    assert len(fold(text)) == len(text)


def test_fold_equates_tone_conventions_after_normalize():
    assert fold(normalize("hoá")) == fold(normalize("hóa")) == "hoa"
