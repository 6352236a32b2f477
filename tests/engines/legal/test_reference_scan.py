"""The document-number scan (``find_references`` / ``scan_references``) gives exactly what the plain
version, with backtracking regexes over sliced windows, gives."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from hoinhap.engines.legal import references as R
from hoinhap.engines.legal.textutil import iso_date

# The plain version (the reference behaviour).
_LAST_TYPE_RE = re.compile(r"(?s).*(?<!\w)(" + "|".join(re.escape(w) for w in R._TYPE_WORDS) + r")(?!\w)")
_LAST_RELATION_RE = re.compile(r"(?s).*" + R._RELATIONS.pattern, re.IGNORECASE)


def plain_find_references(text, default_relation=None):
    found = []
    prev_end = 0
    for m in R.NUMBER_RE.finditer(text):
        number = m.group(1).rstrip(".-–")
        tail = number[number.rfind("/") + 1 :]
        if sum(ch.isalpha() for ch in tail) < 2:
            continue
        start = m.start(1)
        window_start = max(prev_end, start - 160)
        window = text[window_start:start]
        doc_type = None
        phrase_start = start
        tm = _LAST_TYPE_RE.match(window)
        if tm:
            doc_type = tm.group(1)
            phrase_start = window_start + tm.start(1)
        if doc_type is None:
            doc_type = R._type_from_number(number)
        elif doc_type in ("Luật", "Bộ luật") and start - phrase_start > 120:
            doc_type = R._type_from_number(number) or doc_type
        if start - phrase_start > 120:
            phrase_start = start
        relation = default_relation
        relation_gap = None
        rel_window = text[max(0, phrase_start - 120) : phrase_start]
        cut = max(rel_window.rfind(";"), rel_window.rfind(". "))
        if cut >= 0:
            rel_window = rel_window[cut + 1 :]
        if relation is None:
            scan = rel_window
            while scan:
                rm = _LAST_RELATION_RE.match(scan)
                if rm is None:
                    break
                after = rel_window[rm.end(1) :]
                verb = rm.group(1).lower()
                verb_start = rm.start(1)
                lead = scan[max(0, verb_start - 9) : verb_start].lower()
                if verb == "bổ sung" and (lead.endswith("sửa đổi, ") or lead.endswith("sửa đổi ")):
                    verb = "sửa đổi, bổ sung"  # the whole verb, found from its end
                    verb_start -= 9 if lead.endswith(", ") else 8
                if R._PASSIVE_BY.match(after) or R._PHRASE.match(after) or verb == "hết hiệu lực":
                    scan = scan[:verb_start]
                    continue
                relation = verb.replace("sửa đổi bổ sung", "sửa đổi, bổ sung")
                relation_gap = len(after.strip())
                break
        after_text = text[m.end() : m.end() + 240]
        if relation is None and R._EXPIRES.match(after_text):
            relation = "hết hiệu lực"
        date = None
        dm = R._DATE_AFTER.match(after_text) if "ngày" in after_text[:12] else None
        if dm:
            date = iso_date(dm.group(1), dm.group(2), dm.group(3))
        relation_effective = None
        if relation in ("bãi bỏ", "thay thế", "đình chỉ", "hết hiệu lực", "sửa đổi", "sửa đổi, bổ sung"):
            sentence = re.split(r"[.;](?!\d)", after_text, maxsplit=1)[0]
            fm = R._FROM_DATE.search(sentence)
            if fm:
                relation_effective = iso_date(fm.group(1), fm.group(2), fm.group(3))
        found.append(
            R.FoundReference(
                number,
                doc_type,
                text[phrase_start : start + len(number)],
                start,
                start + len(number),
                relation,
                relation_effective,
                date,
                relation_gap,
            )
        )
        prev_end = start + len(number)
    return found


_WORDS = [
    *R._TYPE_WORDS, "Nghị định thư", "Nghị quyết liên tịchX", "XLuật", "_Luật", "Luật_", "luật", "LUẬT",
    *R._RELATION_WORDS, "SỬA ĐỔI", "Sửa đổi, bổ sung", "sửa đổi bổ sung", "Bổ Sung", "hướng dẫn thi hành",
    "HƯỚNG DẪN THI HÀNH", "quy định chi tiết", "thay thế", "bởi", "một số điều", "tại", "theo", "cụm từ",
    "các cụm từ", "kể từ ngày 1 tháng 7 năm 2025", "từ ngày 15 tháng 12 năm 2020", "ngày 5 tháng 3 năm 2019",
    ", ngày 21 tháng 10 năm 2014", "hiệu lực", "số", "và", "của", "ı", "ſ", "İ", "Σ", "sıửa", "bổ ſung",
    "Hiệp định", "Công ước", "Việt Nam", "x" * 50, " " * 70, "y" * 130,
    "61/2020/QH14", "15/2020/NĐ-CP", "769/TTg", "59-NQ/TW", "01/2021/TT-BCT", "12/2019/QĐ-TTg", "2/2020/L-CTN",
    "5/CT-TTg", "8/2018/PL-UBTVQH14", "10/KL-TW", "3/TB-VPCP", "4/CĐ-TTg", "03/2015/TTLT-BTC", "1/NQLT-CP",
]  # fmt: skip
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(list("0123456789/-–.,;:() \n\tabcABCđĐa_")),
    st.from_regex(r"\d{1,4}(/\d{4})?/[A-ZĐ][A-Za-zĐđ0-9]{0,4}(-[A-ZĐ][A-Za-z]{0,3})?", fullmatch=True),
)
# Runs of filler of any length, to put words at and around the window limits (120 and 160).
_FILLER = st.builds(
    lambda n, ch: ch * n, st.integers(0, 200), st.sampled_from([" ", "x", "x ", "; ", ". ", "\n"])
)
_NUMBERS = [word for word in _WORDS if "/" in word]
# A citation with its type word and relation verb near the window limits.
_CITATION = st.builds(
    lambda verb, gap, doc_type, spaces, number: f"{verb}{' ' * gap}{doc_type}{' ' * spaces}{number}",
    st.sampled_from(
        ["", *R._RELATION_WORDS, "Bãi bỏ", "sửa đổi, bổ sung", "sửa đổi ı", "İ bãi bỏ", "Sửa Đổi ſ"]
    ),
    st.one_of(st.integers(0, 130), st.integers(100, 120)),
    st.sampled_from(R._TYPE_WORDS),
    st.one_of(st.integers(0, 170), st.integers(110, 160)),
    st.sampled_from(_NUMBERS),
)
TEXT = st.lists(st.one_of(_PIECES, _FILLER, _CITATION), max_size=80).map("".join)
SEPARATED = st.lists(st.one_of(_PIECES, _FILLER, _CITATION), max_size=80).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(TEXT, SEPARATED), st.sampled_from([None, "căn cứ"]))
def test_find_references_matches_plain_version(text, default_relation):
    assert R.find_references(text, default_relation=default_relation) == plain_find_references(
        text, default_relation
    )


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(TEXT, SEPARATED), max_size=6))
def test_scan_references_matches_plain_version(segments):
    relations = [None] * len(segments)
    got = {k: numbers for k, numbers, _ in R.scan_references(segments, relations)}
    for k, segment in enumerate(segments):
        assert got.get(k, []) == plain_find_references(segment)


def test_case_folding_of_the_letters_read_lower_cased():
    """The regex engine, ignoring case, matches a letter of the relation verbs, of "kể từ ngày" or
    of the heads of _PASSIVE_BY / _PHRASE exactly where ``str.lower`` gives that letter, except for
    the _CASE_ODD characters (texts holding them take the regexes)."""
    letters = set("".join(R._RELATION_WORDS) + "kể từ ngày" + "mtbc") - {" "}
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    lowered: dict[str, set[str]] = {letter: set() for letter in letters}
    for ch in every:
        low = ch.lower()
        if low in lowered:
            lowered[low].add(ch)
    for letter in letters:
        matched = set(re.compile(re.escape(letter), re.IGNORECASE).findall(every))
        assert matched - set(R._CASE_ODD) == lowered[letter], letter
    # _PASSIVE_BY opens (after white space) with "một", "tại", "theo" or "bởi", _PHRASE with ":",
    # "các", "cụm" or "từ": every character they may open with is a head.
    for letter in "mtbc":
        assert lowered[letter] <= R._PASSIVE_OR_PHRASE_HEADS
    assert ":" in R._PASSIVE_OR_PHRASE_HEADS


_AFTER_WORDS = [
    "hết hiệu lực", "hiệu lực", ".", ";", ".5", ";1", "١", ". ", "kể", "Kể", "KỂ", "từ", "Từ", "TỪ", "ngày",
    "Ngày", "NGÀY", " ", "  ", "\n", "\t", "1", "15", "7", "2025", "tháng", "năm", "Tháng", "NĂM", "x" * 40,
    "İ", "ı", "ſ", "K", "kể từ ngày 1 tháng 7 năm 2025", "từ ngày 15 tháng 12 năm 2020", "ngày 5 tháng 3 năm 2019",
]  # fmt: skip
_AFTER_PIECES = st.one_of(
    st.sampled_from(_AFTER_WORDS),
    st.integers(140, 170).map(lambda n: "x" * n),
    st.integers(155, 165).map(lambda n: "x" * n + "hết hiệu lực"),
)
AFTER = st.lists(_AFTER_PIECES, max_size=40).map(" ".join) | st.lists(_AFTER_PIECES, max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(AFTER, st.integers(0, 5), st.integers(0, 5))
def test_after_number_helpers_match_regexes(text, lo_cut, hi_cut):
    lo, hi = min(lo_cut, len(text)), max(len(text) - hi_cut, 0)
    lo = min(lo, hi)
    assert R._expires(text, lo, hi) == bool(R._EXPIRES.match(text[lo:hi]))
    sentence = re.split(r"[.;](?!\d)", text[lo:hi], maxsplit=1)[0]
    assert R._sentence_end(text, lo, hi) == lo + len(sentence)
    expected = R._FROM_DATE.search(text, lo, hi)
    got = R._from_date(text, lo, hi, R._odd_case(text))
    assert (got and (got.span(), got.groups())) == (expected and (expected.span(), expected.groups()))
