"""Legacy Vietnamese encodings -> Unicode NFC with one tone-mark convention.

Older government files still come in the 8-bit encodings of the 1990s:

- TCVN3 (ABC, TCVN 5712:1993 "VN3"): one byte per lower-case letter; upper-case letters with a
  tone were typed with a separate upper-case font using the same bytes, so they decode as
  lower-case (only Ă Â Ê Ô Ơ Ư Đ have upper-case bytes of their own).
- VNI (VNI-Windows): a base letter followed by a byte for its marks ("a" + "ù" = "á").
- Windows-1258: base letters plus combining tone marks (NFC composes them).
- UTF-16 with a byte-order mark, UTF-8 with or without one.

``decode_bytes`` detects which one a byte string is in and returns NFC text with the tone-mark
convention of ``hoinhap.engines.text.normalize`` ("hóa", "thủy"), plus the name of the source
encoding. ``encode_tcvn3`` / ``encode_vni`` exist so that tests can make real legacy files.
"""

from __future__ import annotations

import re
import unicodedata

from hoinhap.engines.text.normalize import _retone_word

__all__ = [
    "EncodingError",
    "decode_bytes",
    "encode_cp1258",
    "encode_tcvn3",
    "encode_vni",
    "normalize_text",
    "ENCODING_LABELS",
]


class EncodingError(ValueError):
    """The bytes are not text in any encoding we know."""


ENCODING_LABELS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (có BOM)",
    "utf-16": "UTF-16",
    "tcvn3": "TCVN3 (ABC)",
    "vni": "VNI",
    "cp1258": "Windows-1258",
}

# --- TCVN3 ------------------------------------------------------------------------------------
# Byte (as a Latin-1 character) -> Unicode letter.
_TCVN3_LOWER = {
    "à": "µ", "á": "¸", "ả": "¶", "ã": "·", "ạ": "¹",
    "ă": "¨", "ằ": "»", "ắ": "¾", "ẳ": "¼", "ẵ": "½", "ặ": "Æ",
    "â": "©", "ầ": "Ç", "ấ": "Ê", "ẩ": "È", "ẫ": "É", "ậ": "Ë",
    "đ": "®",
    "è": "Ì", "é": "Ð", "ẻ": "Î", "ẽ": "Ï", "ẹ": "Ñ",
    "ê": "ª", "ề": "Ò", "ế": "Õ", "ể": "Ó", "ễ": "Ô", "ệ": "Ö",
    "ì": "×", "í": "Ý", "ỉ": "Ø", "ĩ": "Ü", "ị": "Þ",
    "ò": "ß", "ó": "ã", "ỏ": "á", "õ": "â", "ọ": "ä",
    "ô": "«", "ồ": "å", "ố": "è", "ổ": "æ", "ỗ": "ç", "ộ": "é",
    "ơ": "¬", "ờ": "ê", "ớ": "í", "ở": "ë", "ỡ": "ì", "ợ": "î",
    "ù": "ï", "ú": "ó", "ủ": "ñ", "ũ": "ò", "ụ": "ô",
    "ư": "\xad", "ừ": "õ", "ứ": "ø", "ử": "ö", "ữ": "÷", "ự": "ù",
    "ỳ": "ú", "ý": "ý", "ỷ": "û", "ỹ": "ü", "ỵ": "þ",
}  # fmt: skip
_TCVN3_UPPER = {"Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦", "Đ": "§"}

_TCVN3_ENCODE: dict[str, str] = {**_TCVN3_LOWER, **_TCVN3_UPPER}
_TCVN3_DECODE = {ord(v): k for k, v in _TCVN3_ENCODE.items()}

# --- VNI --------------------------------------------------------------------------------------
# Mark bytes (as cp1252 characters) for lower-case and upper-case base letters.
_VNI_MARKS_LOWER = {
    "\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï",
}  # fmt: skip
_VNI_MARKS_UPPER = {
    "\u0301": "Ù", "\u0300": "Ø", "\u0309": "Û", "\u0303": "Õ", "\u0323": "Ï",
}  # fmt: skip
# Hat/breve combined with a tone (a: â/ă; e: ê; o: ô).
_VNI_HAT_LOWER = {"": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
_VNI_HAT_UPPER = {"": "Â", "\u0301": "Á", "\u0300": "À", "\u0309": "Å", "\u0303": "Ã", "\u0323": "Ä"}
_VNI_BREVE_LOWER = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
_VNI_BREVE_UPPER = {"": "Ê", "\u0301": "É", "\u0300": "È", "\u0309": "Ú", "\u0303": "Ü", "\u0323": "Ë"}
# Letters VNI writes as one byte.
_VNI_SINGLE = {
    "đ": "ñ", "Đ": "Ñ", "ơ": "ô", "Ơ": "Ô", "ư": "ö", "Ư": "Ö",
    "ì": "ì", "Ì": "Ì", "í": "í", "Í": "Í", "ỉ": "æ", "Ỉ": "Æ", "ĩ": "ó", "Ĩ": "Ó", "ị": "ò", "Ị": "Ò",
    "ỵ": "î", "Ỵ": "Î",
}  # fmt: skip
_TONES = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")


def _build_vni() -> dict[str, str]:
    table: dict[str, str] = dict(_VNI_SINGLE)
    for base in "aeiouyAEIOUY":
        upper = base.isupper()
        for tone in _TONES:
            ch = unicodedata.normalize("NFC", base + tone)
            if ch in table or len(ch) != 1:
                continue
            table[ch] = base + (_VNI_MARKS_UPPER if upper else _VNI_MARKS_LOWER)[tone]
    for base, mark, marks_l, marks_u in (
        ("a", "\u0302", _VNI_HAT_LOWER, _VNI_HAT_UPPER),
        ("e", "\u0302", _VNI_HAT_LOWER, _VNI_HAT_UPPER),
        ("o", "\u0302", _VNI_HAT_LOWER, _VNI_HAT_UPPER),
        ("a", "\u0306", _VNI_BREVE_LOWER, _VNI_BREVE_UPPER),
    ):
        for b, marks in ((base, marks_l), (base.upper(), marks_u)):
            for tone, byte in marks.items():
                ch = unicodedata.normalize("NFC", b + mark + tone)
                table[ch] = b + byte
    # ơ/ư with tones: the one-byte letter + the tone byte.
    for letter in ("ơ", "ư", "Ơ", "Ư"):
        single = _VNI_SINGLE[letter]
        marks = _VNI_MARKS_UPPER if letter.isupper() else _VNI_MARKS_LOWER
        for tone in _TONES:
            ch = unicodedata.normalize("NFC", letter + tone)
            table[ch] = single + marks[tone]
    return table


_VNI_ENCODE = _build_vni()
_VNI_DECODE = {v: k for k, v in _VNI_ENCODE.items()}
_VNI_DECODE_RE = re.compile("|".join(re.escape(k) for k in sorted(_VNI_DECODE, key=len, reverse=True)))


def encode_tcvn3(text: str) -> bytes:
    """Unicode -> TCVN3 bytes. Upper-case toned letters become their lower-case byte (as typed
    with an upper-case ABC font); characters outside the table become "?"."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in _TCVN3_ENCODE:
            out.append(_TCVN3_ENCODE[ch])
        elif ch.isupper() and ch.lower() in _TCVN3_ENCODE:
            out.append(_TCVN3_ENCODE[ch.lower()])
        else:
            out.append(ch)
    return "".join(out).encode("cp1252", errors="replace")


def encode_cp1258(text: str) -> bytes:
    """Unicode -> Windows-1258 bytes (tones as combining marks, as Windows writes them)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        tones = "".join(c for c in decomposed if c in _TONES)
        out.append((base + tones).encode("cp1258", errors="replace"))
    return b"".join(out)


def encode_vni(text: str) -> bytes:
    """Unicode -> VNI-Windows bytes."""
    out = [_VNI_ENCODE.get(ch, ch) for ch in unicodedata.normalize("NFC", text)]
    return "".join(out).encode("cp1252", errors="replace")


_CP1252_HIGH = {}
for _b in range(0x80, 0xA0):
    try:
        _CP1252_HIGH[_b] = bytes([_b]).decode("cp1252")
    except UnicodeDecodeError:
        pass
_TCVN3_DECODE.update({k: v for k, v in _CP1252_HIGH.items() if k not in _TCVN3_DECODE})


def _decode_tcvn3(data: bytes) -> str:
    # TCVN3 fonts keep the Windows punctuation (“ ” – …) of code page 1252 at 0x80-0x9F.
    return data.decode("latin-1").translate(_TCVN3_DECODE)


def _decode_vni(data: bytes) -> str:
    text = data.decode("cp1252", errors="replace")
    return _VNI_DECODE_RE.sub(lambda m: _VNI_DECODE[m.group(0)], text)


def _decode_cp1258(data: bytes) -> str:
    return data.decode("cp1258", errors="replace")


# --- Tone-mark convention, fast path ----------------------------------------------------------
# A word needs the retone only when it ends with o/u (not after q) + one of these toned vowels.
# The scan starts on the toned vowel (a character class the regex engine skips to quickly) and
# checks the letters before it with lookbehinds: several times faster than starting on o/u.
_TONED = (
    "\u00e1\u00e0\u1ea3\u00e3\u1ea1\u00c1\u00c0\u1ea2\u00c3\u1ea0"
    "\u00e9\u00e8\u1ebb\u1ebd\u1eb9\u00c9\u00c8\u1eba\u1ebc\u1eb8"
    "\u00fd\u1ef3\u1ef7\u1ef9\u1ef5\u00dd\u1ef2\u1ef6\u1ef8\u1ef4"
)
_OLD_STYLE = re.compile(f"[{_TONED}](?<=[oOuU].)(?<![qQ]..)(?![^\\W\\d_])")
_LOOKALIKE_CHARS = (("\u00d0", "\u0110"), ("\u00f0", "\u0111"), ("\u00a0", " "), ("\ufeff", ""))


def _retone(text: str) -> str:
    parts = []
    last = 0
    for m in _OLD_STYLE.finditer(text):
        end = m.end()
        start = m.start() - 1  # the o/u before the toned vowel
        while start > 0 and (text[start - 1].isalpha()):
            start -= 1
        if start < last:
            continue
        word = text[start:end]
        new = _retone_word(word)
        if new != word:
            parts.append(text[last:start])
            parts.append(new)
            last = end
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


# --- Tone-mark convention, pre-check on UTF-8 bytes --------------------------------------------
# Every _OLD_STYLE match is an o/O/u/U, then one of the _TONED letters, not after q/Q and not
# followed by a letter. In the UTF-8 bytes of the same text that is the ASCII o/u byte, the 2- or
# 3-byte code of the toned letter, no q/Q byte before and no ASCII letter after (a non-ASCII
# letter after is let through: the check may only say "maybe"). Folding O/u/U to "o" and Q to "q"
# first gives regexes with a literal prefix ("o\xc3", "o\xe1"), which the regex engine finds
# several times faster than the character class the str pattern starts on.
_RETONE_FOLD = bytes.maketrans(b"OuUQ", b"oooq")


def _toned_byte_patterns() -> list[re.Pattern[bytes]]:
    """One pattern per first byte of the toned letters' UTF-8 codes (0xC3, 0xE1)."""
    codes = sorted(ch.encode("utf-8") for ch in _TONED)
    patterns = []
    for first in sorted({code[:1] for code in codes}):
        group = [code for code in codes if code[:1] == first]
        size = len(group[0])
        assert all(len(code) == size for code in group)
        by_middle: dict[bytes, list[bytes]] = {}
        for code in group:
            by_middle.setdefault(code[1:-1], []).append(code[-1:])
        alternatives = b"|".join(
            re.escape(middle) + b"[" + b"".join(map(re.escape, lasts)) + b"]"
            for middle, lasts in by_middle.items()
        )
        # The lookbehind looks at the byte before the o/u: q + o + the toned letter's code.
        patterns.append(
            re.compile(
                b"o" + re.escape(first) + b"(?:" + alternatives + b")"
                b"(?<!q" + b"." * (1 + size) + b")(?![A-Za-z])",
                re.S,
            )
        )
    return patterns


_RETONE_BYTES = _toned_byte_patterns()


def _may_retone(data: bytes) -> bool:
    """False only when ``_retone`` cannot change ``data.decode("utf-8")`` (see above)."""
    folded = data.translate(_RETONE_FOLD)
    return any(pattern.search(folded) for pattern in _RETONE_BYTES)


def _normalize_utf8(text: str, data: bytes) -> str:
    """``normalize_text(text)`` for ``text == data.decode("utf-8")``.

    When the text is already NFC and has no U+FEFF (the only look-alike whose replacement changes
    which characters are next to each other), the look-alike replacements keep every letter a
    letter and every non-letter a non-letter, so ``_retone`` can only change something where the
    bytes pre-check finds a candidate. Otherwise this is ``normalize_text`` itself.
    """
    if unicodedata.normalize("NFC", text) is not text or "\ufeff" in text:
        return normalize_text(text)
    for ch, replacement in _LOOKALIKE_CHARS:
        if ch in text:
            text = text.replace(ch, replacement)
    return _retone(text) if _may_retone(data) else text


def normalize_text(text: str) -> str:
    """Same result as ``hoinhap.engines.text.normalize.normalize`` (NFC, look-alike letters,
    non-breaking spaces, "hoá" -> "hóa"), but fast on text that is already clean."""
    text = unicodedata.normalize("NFC", text)  # returns the same string at once when already NFC
    for ch, replacement in _LOOKALIKE_CHARS:
        if ch in text:
            # str.replace is much faster than str.translate with a dict; the replacements
            # contain none of the other look-alike characters, so the order does not matter.
            text = text.replace(ch, replacement)
    return _retone(text)


# --- Detection --------------------------------------------------------------------------------
_COMMON_WORDS = re.compile(
    r"(?<!\w)(?:của|và|các|được|người|này|theo|quy|định|điều|năm|tháng|ngày|những|trong|với|cho|"
    r"không|có|là|đến|về|việc|nhà|nước|thực|hiện|cơ|quan|tổ|chức|luật|nghị|thông|tư|số)(?!\w)",
    re.IGNORECASE,
)


def _score(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    words = len(_COMMON_WORDS.findall(sample))
    bad = sum(1 for ch in sample if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\r\n\t\f"))
    return words - 5 * bad


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > 0.05


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None  # without a NUL byte neither count below can pass its threshold
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_nul > 0.3 * half and even_nul < 0.05 * half:
        return "utf-16-le"
    if even_nul > 0.3 * half and odd_nul < 0.05 * half:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Bytes -> (normalised text, encoding key). Raises EncodingError when it is not text."""
    if data.startswith(b"\xef\xbb\xbf"):
        body = data[3:]
        try:
            return _normalize_utf8(body.decode("utf-8"), body), "utf-8-sig"
        except UnicodeDecodeError:
            return normalize_text(body.decode("utf-8", errors="replace")), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return normalize_text(data.decode("utf-16")), "utf-16"
        except UnicodeDecodeError as exc:
            raise EncodingError("utf-16") from exc
    bom_less = _utf16_without_bom(data)
    if bom_less:
        try:
            text = data.decode(bom_less)
        except UnicodeDecodeError:
            text = ""
        if text and _score(text) > 0:
            return normalize_text(text), "utf-16"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if "\x00" in text[:8192] or _looks_binary(data):
            raise EncodingError("binary")
        return _normalize_utf8(text, data), "utf-8"
    if _looks_binary(data):
        raise EncodingError("binary")
    candidates = []
    for key, decoder in (("tcvn3", _decode_tcvn3), ("vni", _decode_vni), ("cp1258", _decode_cp1258)):
        decoded = normalize_text(decoder(data))
        candidates.append((_score(decoded), key, decoded))
    candidates.sort(key=lambda c: c[0], reverse=True)
    best_score, key, decoded = candidates[0]
    if best_score <= 0:
        raise EncodingError("unknown")
    return decoded, key
