import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hoinhap.engines.text.encodings import (
    EncodingError,
    decode_bytes,
    encode_cp1258,
    encode_tcvn3,
    encode_vni,
    normalize_text,
)
from hoinhap.engines.text.normalize import normalize

SAMPLE = (
    "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15; Điều 1. Phạm vi điều chỉnh: “hóa đơn” của Bộ Tài chính."
)


@pytest.mark.parametrize(
    ("encoder", "key"), [(encode_tcvn3, "tcvn3"), (encode_vni, "vni"), (encode_cp1258, "cp1258")]
)
def test_round_trip(encoder, key):
    text, found = decode_bytes(encoder(SAMPLE))
    assert found == key
    if key == "tcvn3":  # TCVN3 writes upper-case toned letters with the lower-case byte
        assert text.lower() == SAMPLE.lower()
    else:
        assert text == SAMPLE


def test_known_bytes():
    assert decode_bytes("Nghị định của Chính phủ".encode())[1] == "utf-8"
    assert encode_tcvn3("Điều") == b"\xa7i\xd2u"
    assert encode_vni("Việt") == "Vieät".encode("cp1252")


def test_utf16_and_bom():
    assert decode_bytes(SAMPLE.encode("utf-16")) == (SAMPLE, "utf-16")
    assert decode_bytes(b"\xef\xbb\xbf" + SAMPLE.encode()) == (SAMPLE, "utf-8-sig")


def test_tone_convention_applied():
    assert decode_bytes("Văn hoá, thuỷ sản".encode())[0] == "Văn hóa, thủy sản"


def test_binary_refused():
    with pytest.raises(EncodingError):
        decode_bytes(bytes(range(256)) * 20)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("hoáàuýỳỷqèéẻHOÁUÝaeiy \u00a0\u0301\u0300ĐÐđ.,")), max_size=60))
def test_normalize_text_matches_reference_normalize(text):
    assert normalize_text(text) == normalize(text)


_TONE_WORDS = ["hoá", "Hoà", "HOẢ", "thuỷ", "THUỶ", "khoẻ", "quý", "Quá", "ngoáy", "toán", "uý", "oà", "xoè"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_TONE_WORDS),
            st.text(
                alphabet=st.sampled_from(list("oOuUqQáàảãạéèẻẽẹýỳỷỹỵÁÀÝ hy.,1\n\u00a0\ufeff\u0301")),
                max_size=6,
            ),
        ),
        max_size=30,
    ).map("".join)
)
def test_normalize_text_matches_reference_on_tone_candidates(text):
    assert normalize_text(text) == normalize(text)
