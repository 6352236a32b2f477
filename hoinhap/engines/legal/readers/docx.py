"""DOCX: paragraphs and table cells in document order, automatic numbering, soft line breaks.

Reads ``word/document.xml`` (and ``word/numbering.xml``) directly with lxml: faster than
building python-docx objects and it sees the numbering that python-docx leaves out.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable

from lxml import etree

from hoinhap.engines.legal.errors import LegalReadError
from hoinhap.engines.legal.readers import ReadResult
from hoinhap.engines.text.encodings import normalize_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _R, _T, _TAB, _BR, _CR = (f"{W}p", f"{W}tbl", f"{W}r", f"{W}t", f"{W}tab", f"{W}br", f"{W}cr")
_SDT, _SDTCONTENT, _INS, _HYPERLINK, _SMARTTAG = (
    f"{W}sdt",
    f"{W}sdtContent",
    f"{W}ins",
    f"{W}hyperlink",
    f"{W}smartTag",
)
_VAL = f"{W}val"
_MAX_XML = 200 * 1024 * 1024


def _roman(n: int) -> str:
    out = []
    for value, sym in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    n -= 1
    return letters[n % 26] * (n // 26 + 1)


def _format_number(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letter(n)
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


class _Numbering:
    """Enough of Word's list numbering to print "1.", "a)", "Điều 3." before a paragraph.

    numbering.xml and styles.xml are unpacked and parsed the first time a paragraph needs them
    (styles.xml is often larger than the whole document, and plain documents never need it)."""

    def __init__(
        self,
        load_numbering: Callable[[], bytes | None],
        load_styles: Callable[[], bytes | None] = lambda: None,
    ):
        self._load_numbering = load_numbering
        self._load_styles = load_styles
        self._levels: dict[tuple[str, int], tuple[str, str, int]] | None = None
        self._style_numbering: dict[str, tuple[str, int]] | None = None
        self.counters: dict[str, list[int]] = {}

    @property
    def levels(self) -> dict[tuple[str, int], tuple[str, str, int]]:
        if self._levels is None:
            self._levels = _numbering_levels(self._load_numbering())
        return self._levels

    @property
    def style_numbering(self) -> dict[str, tuple[str, int]]:
        """styleId -> (numId, ilvl) for paragraph styles that carry list numbering."""
        if self._style_numbering is None:
            # Without list definitions a style's numbering prints nothing: styles.xml is not needed.
            self._style_numbering = _style_numbering(self._load_styles()) if self.levels else {}
        return self._style_numbering

    def label(self, num_id: str, ilvl: int) -> str:
        spec = self.levels.get((num_id, ilvl))
        if spec is None:
            return ""
        counters = self.counters.setdefault(num_id, [0] * 9)
        fmt, text, start = spec
        if counters[ilvl] == 0:
            counters[ilvl] = start
        else:
            counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        if fmt in ("bullet", "none"):
            return ""
        out = text
        for level in range(ilvl + 1):
            lspec = self.levels.get((num_id, level))
            value = counters[level] or (lspec[2] if lspec else 1)
            out = out.replace(f"%{level + 1}", _format_number(value, lspec[0] if lspec else "decimal"))
        return out


def _numbering_levels(xml: bytes | None) -> dict[tuple[str, int], tuple[str, str, int]]:
    """(numId, ilvl) -> (format, level text, start) from numbering.xml."""
    out: dict[tuple[str, int], tuple[str, str, int]] = {}
    if not xml:
        return out
    root = etree.fromstring(xml)
    abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
    for an in root.iter(f"{W}abstractNum"):
        levels = {}
        for lvl in an.iter(f"{W}lvl"):
            ilvl = int(lvl.get(f"{W}ilvl", "0"))
            fmt = lvl.find(f"{W}numFmt")
            text = lvl.find(f"{W}lvlText")
            start = lvl.find(f"{W}start")
            levels[ilvl] = (
                fmt.get(_VAL) if fmt is not None else "decimal",
                text.get(_VAL) if text is not None else "",
                int(start.get(_VAL)) if start is not None else 1,
            )
        abstract[an.get(f"{W}abstractNumId")] = levels
    for num in root.iter(f"{W}num"):
        ref = num.find(f"{W}abstractNumId")
        if ref is not None:
            for ilvl, spec in abstract.get(ref.get(_VAL), {}).items():
                out[(num.get(f"{W}numId"), ilvl)] = spec
    return out


def _paragraph_text(p) -> str:
    parts: list[str] = []
    for el in p.iter(_T, _TAB, _BR, _CR):
        tag = el.tag
        if tag == _T:
            # Deleted text (w:delText) is a different tag, so it never gets here.
            parts.append(el.text or "")
        elif tag == _TAB:
            parts.append("\t")
        elif tag in (_BR, _CR):
            if el.get(f"{W}type") in (None, "textWrapping"):
                parts.append("\n")
    return "".join(parts)


def _style_numbering(styles_xml: bytes | None) -> dict[str, tuple[str, int]]:
    """styleId -> (numId, ilvl) for paragraph styles that carry list numbering ("List Number")."""
    out: dict[str, tuple[str, int]] = {}
    if not styles_xml or b"numPr" not in styles_xml:
        return out
    root = etree.fromstring(styles_xml)
    for style in root.iter(f"{W}style"):
        numpr = style.find(f"{W}pPr/{W}numPr")
        if numpr is None:
            continue
        num_id = numpr.find(f"{W}numId")
        ilvl = numpr.find(f"{W}ilvl")
        if num_id is not None:
            out[style.get(f"{W}styleId")] = (num_id.get(_VAL), int(ilvl.get(_VAL)) if ilvl is not None else 0)
    return out


_PPR, _NUMPR, _NUMID, _ILVL, _PSTYLE = (f"{W}pPr", f"{W}numPr", f"{W}numId", f"{W}ilvl", f"{W}pStyle")


def _numbering_prefix(p, numbering: _Numbering) -> str:
    ppr = p.find(_PPR)
    if ppr is None:
        return ""
    numpr = ppr.find(_NUMPR)
    num_id = None
    ilvl = 0
    if numpr is not None:
        num_id_el = numpr.find(_NUMID)
        ilvl_el = numpr.find(_ILVL)
        if num_id_el is not None:
            num_id = num_id_el.get(_VAL)
        ilvl = int(ilvl_el.get(_VAL)) if ilvl_el is not None else 0
    else:
        pstyle = ppr.find(_PSTYLE)
        if pstyle is not None and pstyle.get(_VAL) in numbering.style_numbering:
            num_id, ilvl = numbering.style_numbering[pstyle.get(_VAL)]
    if num_id is None or num_id == "0":
        return ""
    label = numbering.label(num_id, ilvl)
    return f"{label} " if label else ""


def _walk(container, numbering: _Numbering, out: list[str]) -> None:
    for child in container:
        tag = child.tag
        if tag == _P:
            text = _numbering_prefix(child, numbering) + _paragraph_text(child)
            out.extend(text.split("\n"))
        elif tag == _TBL:
            for tc in child.iter(f"{W}tc"):
                _walk(tc, numbering, out)
        elif tag in (_SDT, _SDTCONTENT, _INS, _HYPERLINK, _SMARTTAG):
            _walk(child, numbering, out)


def read_docx(data: bytes) -> ReadResult:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        if "word/document.xml" not in names:
            raise LegalReadError("Không đọc được tệp DOCX: thiếu phần nội dung word/document.xml.")
        info = archive.getinfo("word/document.xml")
        if info.file_size > _MAX_XML:
            raise LegalReadError("Không đọc được tệp DOCX: phần nội dung quá lớn.")
        document_xml = archive.read("word/document.xml")
    except LegalReadError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, KeyError, OSError, ValueError) as exc:
        raise LegalReadError("Không đọc được tệp DOCX: tệp bị hỏng hoặc không đầy đủ.") from exc

    def part(name: str) -> bytes | None:
        if name not in names:
            return None
        try:
            return archive.read(name)
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            EOFError,
            KeyError,
            OSError,
            ValueError,
            zlib.error,
        ) as exc:
            raise LegalReadError("Không đọc được tệp DOCX: tệp bị hỏng hoặc không đầy đủ.") from exc

    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
        root = etree.fromstring(document_xml, parser)
    except etree.XMLSyntaxError as exc:
        raise LegalReadError("Không đọc được tệp DOCX: nội dung XML bị hỏng.") from exc
    numbering = _Numbering(lambda: part("word/numbering.xml"), lambda: part("word/styles.xml"))
    body = root.find(f"{W}body")
    raw: list[str] = []
    if body is not None:
        try:
            _walk(body, numbering, raw)
        except etree.XMLSyntaxError as exc:  # numbering.xml or styles.xml, read on demand
            raise LegalReadError("Không đọc được tệp DOCX: nội dung XML bị hỏng.") from exc
    text = normalize_text("\n".join(raw))
    lines = [line for line in map(str.strip, text.split("\n")) if line]
    if not lines:
        raise LegalReadError("Không đọc được tệp DOCX: tài liệu không có chữ.")
    return ReadResult(lines=lines, format="docx", encoding=None)
