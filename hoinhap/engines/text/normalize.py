"""Unicode normalisation for Vietnamese.

- ``nfc``: Unicode NFC.
- ``normalize_tone``: one tone-mark convention for the open syllables "oa", "oe", "uy"
  (the convention of Vietnamese official documents: "hóa", "khỏe", "thủy"; the other
  placement "hoá", "khoẻ", "thuỷ" is rewritten). "qu" + vowel is left alone ("quý").
- ``normalize``: NFC, look-alike letters (U+00D0 "Ð" -> "Đ"), tone convention.
- ``fold``: lower-case without diacritics, "đ" -> "d". On NFC input it keeps the length,
  so offsets found in the folded text are offsets in the original.
"""

from __future__ import annotations

import re
import unicodedata

TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}

# Open syllables whose tone the two conventions place differently (all letters NFD, lower-case).
_OPEN_PAIRS = {"oa", "oe", "uy"}

_WORD = re.compile(r"[^\W\d_]+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _retone_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    tones = [c for c in decomposed if c in TONE_MARKS]
    if len(tones) != 1:
        return word
    tone = tones[0]
    # The word must end with <vowel><vowel><tone> where the pair is an open pair.
    if len(decomposed) < 3 or decomposed[-1] != tone:
        return word
    base = decomposed[:-1]
    pair = base[-2:].lower()
    if pair not in _OPEN_PAIRS:
        return word
    # Any other mark on the pair's letters (e.g. "uơ") means it is not the open pair.
    if len(base) >= 3 and base[-3].lower() == "q":
        return word  # "quý": u belongs to the consonant
    if (
        len(base) >= 3
        and base[-3].lower() in "aeiouy"
        or (len(base) >= 3 and unicodedata.combining(base[-3]))
    ):
        return word  # a longer vowel cluster ("ngoáy" is not affected; "uoa" does not exist)
    moved = base[:-1] + tone + base[-1]
    return unicodedata.normalize("NFC", moved)


def normalize_tone(text: str) -> str:
    """Rewrite "hoá/khoẻ/thuỷ" as "hóa/khỏe/thủy"; everything else unchanged."""
    return _WORD.sub(lambda m: _retone_word(m.group(0)), text)


_LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111", "\u00a0": " ", "\ufeff": ""})


def normalize(text: str) -> str:
    """NFC, look-alike letters and non-breaking spaces, one tone-mark convention."""
    return normalize_tone(nfc(text).translate(_LOOKALIKES))


def _build_fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    ranges = [(0x00C0, 0x024F), (0x1E00, 0x1EFF)]
    for start, end in ranges:
        for cp in range(start, end + 1):
            ch = chr(cp)
            base = unicodedata.normalize("NFD", ch)[0]
            if base != ch and base.isascii():
                table[cp] = base.lower()
    table[ord("đ")] = "d"
    table[ord("Đ")] = "d"
    table[ord("\u00d0")] = "d"
    for cp in range(0x0300, 0x0370):
        table[cp] = None  # stray combining marks (non-NFC input)
    return table


_FOLD = _build_fold_table()


def fold(text: str) -> str:
    """Lower-case, no diacritics, "đ" -> "d". Length-preserving on NFC text."""
    return text.lower().translate(_FOLD)
