"""Random text and mutated real documents never raise anything but LegalReadError."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hoinhap.engines.legal import LegalReadError, parse_bytes

from .conftest import txt_files

SOURCES = [p.read_bytes() for p in txt_files()]
_SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _parse(data: bytes, name: str) -> None:
    try:
        doc = parse_bytes(data, name)
    except LegalReadError as exc:
        assert str(exc)
        return
    doc.to_dict()
    ids = [node.id for node in doc.nodes()]
    assert len(ids) == len(set(ids))


@_SETTINGS
@given(
    st.text(alphabet=st.sampled_from(list('Điều 1.2a)đ“”"Chương IVX Mục khoản năm\n/QH-NĐ')), max_size=400)
)
def test_random_legal_looking_text(text):
    _parse(text.encode("utf-8"), "random.txt")


@_SETTINGS
@given(
    st.integers(min_value=0, max_value=len(SOURCES) - 1),
    st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1), st.binary(max_size=20)), max_size=6),
    st.sampled_from(["doc.txt", "doc.html", "doc.docx", "doc.pdf"]),
)
def test_mutated_real_documents(index, edits, name):
    data = bytearray(SOURCES[index])
    for start, length, payload in edits:
        pos = int(start * len(data))
        cut = int(length * 200)
        data[pos : pos + cut] = payload
    _parse(bytes(data), name)
