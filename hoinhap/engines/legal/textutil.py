"""Small text helpers of the legal engine: case conversion of headings, dates, Roman numerals."""

from __future__ import annotations

import datetime as dt
import re

_WS = re.compile(r"\s+")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_ROMAN_RE = re.compile(r"^[IVXLCDM]+$")
_DIGITS = re.compile(r"\d+")
_ORDINALS = {
    "nhất": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
    "tám": 8, "chín": 9, "mười": 10,
}  # fmt: skip


def squash(text: str) -> str:
    """Whitespace runs -> one space, ends stripped. ``str.split`` splits on the characters ``\\s``
    matches, so this is ``_WS.sub(" ", text).strip()``, several times faster."""
    return " ".join(text.split())


def key(text: str) -> str:
    """Comparison key: case-folded, whitespace squashed."""
    return squash(text).casefold()


def roman_to_int(label: str) -> int | None:
    label = label.upper()
    if not _ROMAN_RE.match(label):
        return None
    total = 0
    prev = 0
    for ch in reversed(label):
        value = _ROMAN[ch]
        if value < prev:
            total -= value
        else:
            total += value
            prev = value
    return total


def label_number(label: str) -> int | None:
    """ "5" -> 5, "20a" -> 20, "IV" -> 4, "thứ nhất" -> 1."""
    m = _DIGITS.match(label)
    if m:
        return int(m.group(0))
    roman = roman_to_int(label)
    if roman is not None:
        return roman
    words = label.lower().split()
    if words and words[-1] in _ORDINALS:
        return _ORDINALS[words[-1]]
    return None


_LOWER_RE = re.compile(r"[^\W\d_]")


def upper_ratio(text: str) -> float:
    text = text[:120]
    letters = len(_LOWER_RE.findall(text))
    if not letters:
        return 0.0
    # Characters that lower() changes (map stops at the shorter string, as zip does).
    upper = sum(map(str.__ne__, text, text.lower()))
    return upper / letters


def is_upper_line(text: str, threshold: float = 0.6) -> bool:
    if text.isupper():
        return True
    if text.islower() or not text[:1].isupper() and text[1:2].islower():
        return False
    return upper_ratio(text) >= threshold


def sentence_case(text: str) -> str:
    """ "QUY ĐỊNH VỀ THÔNG TƯ SỐ 07/2019/TT-BCT" -> "Quy định về thông tư số 07/2019/TT-BCT".

    Tokens holding a digit (document numbers) keep their printed case."""
    words = squash(text).split(" ")
    out = []
    for word in words:
        # An all-letter word holds no digit (checked first: it is the common case and cheap).
        if not word.isalpha() and any(map(str.isdigit, word)):
            out.append(word)
        else:
            out.append(word.lower())
    result = " ".join(out)
    return result[:1].upper() + result[1:] if result else result


def title_case_words(text: str) -> str:
    """ "CẦN THƠ" -> "Cần Thơ", "BÀ RỊA - VŨNG TÀU" -> "Bà Rịa - Vũng Tàu"."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in squash(text).split(" "))


_ISO_DATES: dict[tuple, str | None] = {}


def iso_date(day: str | int, month: str | int, year: str | int) -> str | None:
    k = (day, month, year)
    if k in _ISO_DATES:  # memoised: a document repeats the same few dates
        return _ISO_DATES[k]
    try:
        result = dt.date(int(year), int(month), int(day)).isoformat()
    except (ValueError, TypeError):
        result = None
    if len(_ISO_DATES) > 4096:
        _ISO_DATES.clear()
    _ISO_DATES[k] = result
    return result
