"""The fast scans of the legal engine give exactly what the plain regexes they replace give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from hoinhap.engines.legal import references as R

# The patterns as they were before the fast paths (the reference behaviour).
OLD_NUMBER_RE = re.compile(
    r"(?<![\w/.\-])("
    r"\d{1,5}(?:/\d{4})?/[A-ZĐ][A-Za-zĐđ0-9]*(?:[-–][A-ZĐ][A-Za-zĐđ0-9]*(?:\.[A-ZĐ][A-Za-zĐđ0-9]*)*)*"
    r"|\d{1,5}-[A-ZĐ]{1,6}/[A-ZĐ][A-Za-zĐđ]*"
    r")(?![\w/])"
)
OLD_TREATY_RE = re.compile(
    r"(?<!\w)(Hiệp định|Công ước|Hiệp ước|Nghị định thư|Điều ước|Thỏa thuận|Bản ghi nhớ)"
    r"((?:\s+(?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][\w\-]*|và|về|xuyên|giữa|với|của|"
    r"Việt Nam|[A-Z0-9]{2,}))+)"
)

_WORDS = [
    "Điều", "điều", "ĐIỀU", "khoản", "điểm", "từ", "đến", "này", "và", "hoặc", "của", "Luật", "Nghị định",
    "Thông tư", "số", "Hiệp định", "Công ước", "Thỏa thuận", "Việt Nam", "Thương mại", "sửa đổi",
    "bổ sung", "SỬA ĐỔI", "Bổ Sung", "thay thế", "bãi bỏ", "hướng dẫn", "thi hành", "quy định chi tiết",
    "hết hiệu lực", "đình chỉ", "ı", "ſ", "İ", "qĐ", "NĐ-CP", "QH15", "TT-BCT", "TTg", "NQ/TW",
]  # fmt: skip
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(list("0123456789/-–.,;:() \n\tabcABCđĐa")),
    st.from_regex(r"\d{1,6}(/\d{4})?/[A-ZĐ][A-Za-zĐđ0-9]{0,4}(-[A-ZĐ][A-Za-z]{0,3})?", fullmatch=True),
    st.from_regex(r"\d{1,3}-[A-Z]{1,7}/[A-Z]{1,3}", fullmatch=True),
    st.from_regex(r"[a-zđ](, [a-zđ])?", fullmatch=True),
)
TEXT = st.lists(_PIECES, max_size=60).map("".join)
SEPARATED = st.lists(_PIECES, max_size=60).map(" ".join)


def _spans(matches):
    return [(m.start(), m.end(), m.group(0)) for m in matches]


@settings(max_examples=150, deadline=None)
@given(st.one_of(TEXT, SEPARATED))
def test_number_scan_matches_old_regex(text):
    assert _spans(R._number_matches(text)) == _spans(OLD_NUMBER_RE.finditer(text))
    assert _spans(R.NUMBER_RE.finditer(text)) == _spans(OLD_NUMBER_RE.finditer(text))


def test_number_scan_long_number_near_the_search_bound():
    long_number = "12/2020/" + "A" + "b" * 80 + "-CP"
    for text in (long_number, f"x {long_number} y", f"{long_number}.{long_number}", "1/" * 40 + long_number):
        assert _spans(R._number_matches(text)) == _spans(OLD_NUMBER_RE.finditer(text))


@settings(max_examples=150, deadline=None)
@given(st.one_of(TEXT, SEPARATED))
def test_provision_scan_matches_plain_finditer(text):
    assert _spans(R._provision_matches(text)) == _spans(R.PROVISION_RE.finditer(text))


@settings(max_examples=100, deadline=None)
@given(st.one_of(TEXT, SEPARATED))
def test_treaty_regex_matches_old_regex(text):
    assert _spans(R.TREATY_RE.finditer(text)) == _spans(OLD_TREATY_RE.finditer(text))


@settings(max_examples=150, deadline=None)
@given(st.one_of(TEXT, SEPARATED))
def test_last_relation_matches_regex(text):
    rm = R._LAST_RELATION_RE.match(text)
    assert R._last_relation(text) == ((rm.start(1), rm.end(1)) if rm else None)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.one_of(TEXT, SEPARATED), max_size=8), st.lists(st.sampled_from([None, "căn cứ"]), max_size=8)
)
def test_document_scans_match_per_segment_scans(segments, relations):
    relations = (relations + [None] * len(segments))[: len(segments)]
    expected = []
    for k, segment in enumerate(segments):
        numbers = R.find_references(segment, default_relation=relations[k])
        treaties = R.find_treaties(segment)
        if numbers or treaties:
            expected.append((k, numbers, treaties))
    got = [(k, numbers, treaties) for k, numbers, treaties in R.scan_references(segments, relations)]
    assert [item for item in got if item[1] or item[2]] == expected
    expected_provisions = [
        (k, found) for k, segment in enumerate(segments) for found in R.find_provisions(segment)
    ]
    assert list(R.scan_provisions(segments)) == expected_provisions


def test_document_scans_with_separator_in_text():
    segments = ["khoản 1 Điều 2\x00 Điều 3", "điểm a khoản 2 Điều 5 Luật này", "\x00"]
    expected = [(k, found) for k, segment in enumerate(segments) for found in R.find_provisions(segment)]
    assert list(R.scan_provisions(segments)) == expected


@settings(max_examples=60, deadline=None)
@given(st.lists(SEPARATED, max_size=6), st.sampled_from([None, "12/2020/QH14", "1/NĐ-CP"]))
def test_skipped_numbers_leave_the_others_unchanged(segments, own):
    """What the parser keeps (first citation of a number per segment, not its own number) is the
    same whether the numbers it drops are worked out or skipped."""
    relations = [None] * len(segments)

    def kept(results):
        seen = set()
        out = []
        for k, numbers, _ in results:
            for found in numbers:
                if found.number == own or (found.number, k) in seen:
                    continue
                seen.add((found.number, k))
                out.append((k, found))
        return out

    full = kept(R.scan_references(segments, relations))
    seen_numbers: set[tuple[str, int]] = set()

    def skip(k, number):
        return number == own or (number, k) in seen_numbers

    skipped = []
    for k, numbers, _ in R.scan_references(segments, relations, skip):
        for found in numbers:
            seen_numbers.add((found.number, k))
            skipped.append((k, found))
    assert skipped == full
