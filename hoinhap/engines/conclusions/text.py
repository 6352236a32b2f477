"""Text plumbing: folded view with offsets, lines -> paragraphs -> sentences -> clauses."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from hoinhap.engines.text.normalize import fold


class Folded:
    """A folded (lower case, no diacritics) copy of ``text`` with offsets back to the original."""

    def __init__(self, text: str):
        self.text = text
        out: list[str] = []
        index: list[int] = []
        inv = [0] * (len(text) + 1)
        for i, ch in enumerate(text):
            inv[i] = len(out)
            if unicodedata.combining(ch):
                continue
            f = fold(ch)
            if not f:
                continue
            out.append(f[0])
            index.append(i)
        inv[len(text)] = len(out)
        index.append(len(text))
        self.f = "".join(out)
        self._index = index
        self._inv = inv

    def orig(self, j: int) -> int:
        return self._index[min(j, len(self._index) - 1)]

    def fpos(self, i: int) -> int:
        return self._inv[min(i, len(self._inv) - 1)]

    def sub(self, start: int, end: int) -> str:
        """Folded text of the original span [start, end)."""
        return self.f[self.fpos(start) : self.fpos(end)]


_MARKER = re.compile(
    r"(?:(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})[.)]|(?P<rom>[IVX]{1,4})[.)]|(?P<let>[a-zđ])\)|(?P<bul>[-–+•*·]))\s+"
)


@dataclass(slots=True)
class Para:
    start: int
    end: int
    level: float | None  # None: unmarked paragraph
    body_start: int  # after the marker


def marker_level(text: str, start: int) -> tuple[float | None, int]:
    m = _MARKER.match(text, start)
    if not m:
        return None, start
    if m.group("num"):
        return float(m.group("num").count(".") + 1), m.end()
    if m.group("rom"):
        return 0.0, m.end()
    if m.group("let"):
        return 3.0, m.end()
    bullet = m.group("bul")
    return {"-": 5.0, "–": 5.0, "+": 6.0}.get(bullet, 7.0), m.end()


_PAGE_NO = re.compile(r"\d{1,3}|-+|_+|\*+")


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[Para]:
    """Logical paragraphs: hard-wrapped lines are joined (a line that does not end a sentence continues
    on the next line, page numbers and blank lines in between are skipped)."""
    end = len(text) if end is None else end
    lines: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\r\n]+", text[start:end]):
        s, e = m.start() + start, m.end() + start
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            lines.append((s, e))
    # Hard-wrapped text (a PDF's text layer): many lines end mid-sentence. A full-width line that ends a
    # sentence is then not taken as the end of a paragraph.
    open_lines = [e - s for s, e in lines if text[e - 1] not in ".:;!?"]
    widths = sorted(e - s for s, e in lines)
    wrapped = len(lines) >= 8 and len(open_lines) > 0.3 * len(lines)
    full = widths[int(len(widths) * 0.75)] * 0.85 if widths else 0
    paras: list[list[int]] = []
    prev_len = 0
    for s, e in lines:
        line = text[s:e]
        level, _ = marker_level(text, s)
        if paras and _PAGE_NO.fullmatch(line) and text[paras[-1][1] - 1] not in ".:;!?":
            continue  # a page number inside a wrapped paragraph
        if paras and level is None and not _is_header_line(text[paras[-1][0] : paras[-1][1]]):
            prev_end = text[paras[-1][1] - 1]
            if (
                prev_end not in ".:;!?"
                or (prev_end == ";" and line[:1].islower())
                or (wrapped and prev_end in ".;" and prev_len >= full and not _is_closing(line))
            ):
                paras[-1][1] = e
                prev_len = e - s
                continue
        paras.append([s, e])
        prev_len = e - s
    out = []
    for s, e in paras:
        level, body = marker_level(text, s)
        out.append(Para(s, e, level, body))
    return out


def _is_closing(line: str) -> bool:
    f = fold(line)
    return f.startswith(("van phong chinh phu", "noi nhan", "kt.", "tm.")) or bool(
        re.match(r"\s*\w+\s+chinh phu", f)
    )


def _is_header_line(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) or bool(re.fullmatch(r"[-_=*\s]+", line))


_SENT_END = re.compile(
    r"(?<=[^\s.][.!?])[\"”’)]?\s+(?=[\"“(]?[A-ZĐÀ-ỸÁ-Ỹ0-9])|(?<=[a-zđà-ỹ][.])(?=[A-ZĐÀ-Ỹ][a-zđà-ỹ])"
)
_ABBREV_BEFORE = re.compile(r"(?:\b(?:TP|Tp|ThS|TS|PGS|GS|v\.v|St|Số|số|No|Ông|Bà|[A-ZĐ])|(?<![\d.])\d)\.$")


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    s = start
    for m in _SENT_END.finditer(text, start, end):
        cut = m.start()
        # keep a closing quote/paren with the sentence
        piece = text[s:cut].rstrip()
        if _ABBREV_BEFORE.search(piece) and not re.search(r"\d{4}\.$", piece):
            continue
        if cut > s:
            out.append((s, _rstrip(text, s, cut)))
        s = m.end()
    if s < end:
        out.append((s, _rstrip(text, s, end)))
    return [(a, b) for a, b in out if b > a]


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a sentence at semicolons outside parentheses; each clause keeps its ';'."""
    out: list[tuple[int, int]] = []
    depth = 0
    s = start
    for i in range(start, end):
        ch = text[i]
        if ch in "(“":
            depth += 1
        elif ch in ")”" and depth:
            depth -= 1
        elif ch == ";" and depth == 0:
            out.append((s, i + 1))
            s = i + 1
            while s < end and text[s].isspace():
                s += 1
    if s < end:
        out.append((s, end))
    return [(a, b) for a, b in out if b > a]


def _rstrip(text: str, s: int, e: int) -> int:
    while e > s and text[e - 1].isspace():
        e -= 1
    return e
