"""The UTF-8 fast path of ``decode_bytes`` gives exactly what ``normalize_text`` gives."""

from __future__ import annotations

import random
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from hoinhap.engines.text import encodings as E
from hoinhap.engines.text.encodings import decode_bytes, normalize_text

_CHARS = list(
    'hoaeuyqkOAEUYQKtn \n\t.,;"“0đĐưƠ\u00a0\u00d0\u00f0\ufeff\u0301\u0300\u0309\u0303\u0323'
    "áàảãạÁÀẢÃẠéèẻẽẹÉÈẺẼẸýỳỷỹỵÝỲỶỸỴâấêếôốơờừứ"
)
_WORDS = [
    "hoá", "Hoá", "HOÁ", "hoà", "toà", "khoẻ", "KHOẺ", "thuỷ", "THUỶ", "luỹ", "tuỳ", "uỷ", "Uỷ", "quý",
    "Quỹ", "quá", "QUẢ", "hoặc", "khoản", "hoạt", "toàn", "muốn", "thuế", "ngoáy", "hóa", "thủy",
]  # fmt: skip
TEXT = st.lists(st.one_of(st.sampled_from(_CHARS), st.sampled_from(_WORDS)), max_size=80).map("".join)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_utf8_fast_path_matches_normalize_text(text):
    data = text.encode("utf-8")
    assert E._normalize_utf8(text, data) == normalize_text(text)
    if not text.startswith("\ufeff"):  # that would be a byte-order mark
        assert decode_bytes(data) == (normalize_text(text), "utf-8")
        assert decode_bytes(b"\xef\xbb\xbf" + data) == (normalize_text(text), "utf-8-sig")


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_retone_pre_check_never_misses(text):
    text = unicodedata.normalize("NFC", text).replace("\ufeff", "")
    if not E._may_retone(text.encode("utf-8")):
        assert E._retone(text) == text
        assert not any(E._OLD_STYLE.finditer(text))


def test_old_style_words_everywhere():
    rng = random.Random(7)
    for word in _WORDS:
        for before, after in [
            ("", ""),
            (" ", " "),
            ("\n", "\n"),
            ("x", "."),
            ("q", " "),
            ("Q", ""),
            (" ", "đ"),
        ]:
            text = before + word + after
            data = text.encode("utf-8")
            if not text.startswith("\ufeff"):
                assert decode_bytes(data)[0] == normalize_text(text), text
            filler = "".join(rng.choice(_CHARS[:40]) for _ in range(50))
            text = filler + text + filler
            data = text.encode("utf-8")
            if not text.startswith("\ufeff"):
                assert decode_bytes(data)[0] == normalize_text(text), text
