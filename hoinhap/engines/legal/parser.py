"""Lines of a legal normative document -> Document (metadata, structure, references).

The document is read top to bottom in zones: header (issuer, number, place and date, type,
title), preamble ("Căn cứ …"), body (Phần / Chương / Mục / Tiểu mục / Điều / Khoản / Điểm),
closing (recipients, signature) and annexes (Phụ lục).

Inside the body, text between quotation marks that opens at the start of a line (the replacement
text of an amending provision) belongs to the provision that quotes it: nothing in it becomes a
node of this document.
"""

from __future__ import annotations

import os
import re

from hoinhap.engines.legal.errors import LegalReadError
from hoinhap.engines.legal.model import Annex, Document, Node, ProvisionReference, Reference
from hoinhap.engines.legal.readers import read_bytes
from hoinhap.engines.legal.readers.txt import split_lines
from hoinhap.engines.legal.references import scan_provisions, scan_references
from hoinhap.engines.legal.textutil import (
    is_upper_line,
    iso_date,
    key,
    label_number,
    roman_to_int,
    sentence_case,
    squash,
    title_case_words,
)
from hoinhap.engines.text.encodings import normalize_text

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
MB = 1024 * 1024

LEVELS = {"part": 0, "chapter": 1, "section": 2, "subsection": 3, "article": 4, "clause": 5, "point": 6}
ID_PREFIX = {
    "part": "part",
    "chapter": "chp",
    "section": "sec",
    "subsection": "subsec",
    "article": "art",
    "clause": "cls",
    "point": "pnt",
}

DOC_TYPES = {
    "LUẬT": "Luật",
    "BỘ LUẬT": "Bộ luật",
    "HIẾN PHÁP": "Hiến pháp",
    "PHÁP LỆNH": "Pháp lệnh",
    "LỆNH": "Lệnh",
    "NGHỊ ĐỊNH": "Nghị định",
    "NGHỊ QUYẾT": "Nghị quyết",
    "NGHỊ QUYẾT LIÊN TỊCH": "Nghị quyết liên tịch",
    "THÔNG TƯ": "Thông tư",
    "THÔNG TƯ LIÊN TỊCH": "Thông tư liên tịch",
    "QUYẾT ĐỊNH": "Quyết định",
    "CHỈ THỊ": "Chỉ thị",
    "VĂN BẢN HỢP NHẤT": "Văn bản hợp nhất",
}
_TYPE_PREFIX = re.compile(
    r"^(BỘ LUẬT|LUẬT|HIẾN PHÁP|PHÁP LỆNH|NGHỊ ĐỊNH|NGHỊ QUYẾT LIÊN TỊCH|NGHỊ QUYẾT|THÔNG TƯ LIÊN TỊCH|"
    r"THÔNG TƯ|QUYẾT ĐỊNH|CHỈ THỊ|VĂN BẢN HỢP NHẤT|LỆNH)\b\s*[:.]?\s*(.*)$"
)

# Issuers whose capitalisation is fixed by usage.
_ISSUERS = {
    "QUỐC HỘI": "Quốc hội",
    "ỦY BAN THƯỜNG VỤ QUỐC HỘI": "Ủy ban Thường vụ Quốc hội",
    "CHÍNH PHỦ": "Chính phủ",
    "THỦ TƯỚNG CHÍNH PHỦ": "Thủ tướng Chính phủ",
    "THỦ TƯỚNG": "Thủ tướng Chính phủ",
    "CHỦ TỊCH NƯỚC": "Chủ tịch nước",
    "NGÂN HÀNG NHÀ NƯỚC VIỆT NAM": "Ngân hàng Nhà nước Việt Nam",
    "TÒA ÁN NHÂN DÂN TỐI CAO": "Tòa án nhân dân tối cao",
    "VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO": "Viện kiểm sát nhân dân tối cao",
    "KIỂM TOÁN NHÀ NƯỚC": "Kiểm toán nhà nước",
    "HỘI ĐỒNG THẨM PHÁN TÒA ÁN NHÂN DÂN TỐI CAO": "Hội đồng Thẩm phán Tòa án nhân dân tối cao",
    "BỘ CÔNG THƯƠNG": "Bộ Công Thương",
    "BỘ TÀI CHÍNH": "Bộ Tài chính",
    "BỘ TƯ PHÁP": "Bộ Tư pháp",
    "BỘ NGOẠI GIAO": "Bộ Ngoại giao",
    "BỘ QUỐC PHÒNG": "Bộ Quốc phòng",
    "BỘ CÔNG AN": "Bộ Công an",
    "BỘ NỘI VỤ": "Bộ Nội vụ",
    "BỘ XÂY DỰNG": "Bộ Xây dựng",
    "BỘ Y TẾ": "Bộ Y tế",
    "BỘ GIÁO DỤC VÀ ĐÀO TẠO": "Bộ Giáo dục và Đào tạo",
    "BỘ KHOA HỌC VÀ CÔNG NGHỆ": "Bộ Khoa học và Công nghệ",
    "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG": "Bộ Nông nghiệp và Môi trường",
    "BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN": "Bộ Nông nghiệp và Phát triển nông thôn",
    "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG": "Bộ Tài nguyên và Môi trường",
    "BỘ KẾ HOẠCH VÀ ĐẦU TƯ": "Bộ Kế hoạch và Đầu tư",
    "BỘ GIAO THÔNG VẬN TẢI": "Bộ Giao thông vận tải",
    "BỘ THÔNG TIN VÀ TRUYỀN THÔNG": "Bộ Thông tin và Truyền thông",
    "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH": "Bộ Văn hóa, Thể thao và Du lịch",
    "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI": "Bộ Lao động - Thương binh và Xã hội",
    "BỘ DÂN TỘC VÀ TÔN GIÁO": "Bộ Dân tộc và Tôn giáo",
    "THANH TRA CHÍNH PHỦ": "Thanh tra Chính phủ",
    "ỦY BAN DÂN TỘC": "Ủy ban Dân tộc",
    "VĂN PHÒNG CHÍNH PHỦ": "Văn phòng Chính phủ",
}
_LOCAL_BODY = re.compile(r"^(ỦY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|UBND|HĐND)\s*(.*)$")
_LOCAL_LEVEL = re.compile(r"^(THÀNH PHỐ|TỈNH|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\s+(.*)$")

_MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
_SEPARATOR = re.compile(r"^[\s\-–—_=*.~•]+$")
_NUMBER_LINE = re.compile(r"(?:^|\s)(?:[Ss]ố|SỐ)\s*(?:hiệu)?\s*[:.]?\s*(\d[0-9A-Za-zĐđ/.\-–]*[0-9A-Za-zĐđ])")
_DATE_LINE = re.compile(
    r"^(?P<place>.*?)\s*,?\s*ngày\s+(?P<d>\d{1,2})\s*tháng\s+(?P<m>\d{1,2})\s*năm\s+(?P<y>\d{4})",
    re.IGNORECASE,
)
_DATE_HINT = re.compile(r"ngày\b.*\b(?:tháng|năm)\b", re.IGNORECASE)

_PART_RE = re.compile(
    r"^(?:PHẦN|Phần)\s+(THỨ\s+[^\s.:]+|thứ\s+[^\s.:]+|[IVXLC]+|\d{1,3})\b\s*[.:\-–]?\s*(.*)$"
)
_CHAPTER_RE = re.compile(r"^(?:CHƯƠNG|Chương)\s+([IVXLC]+|\d{1,3})([a-zA-Z]?)\b\s*[.:\-–]?\s*(.*)$")
_SECTION_RE = re.compile(r"^(?:MỤC|Mục)\s+([IVXLC]+|\d{1,3})([a-z]?)\b\s*[.:\-–]?\s*(.*)$")
_SUBSECTION_RE = re.compile(r"^(?:TIỂU MỤC|Tiểu mục)\s+(\d{1,3}|[IVXLC]+)\b\s*[.:\-–]?\s*(.*)$")
_ARTICLE_RE = re.compile(r"^(?:Điều|ĐIỀU)\s*(\d{1,4}[a-zđ]?)(?![\w/])\s*(?P<sep>[.:]*)\s*(?P<rest>.*)$")
_CLAUSE_RE = re.compile(r"^(\d{1,3})(?P<sep>\s*\.+\s*|\s+)(?=[^\W\d_]|[“\"(])(?P<rest>.*)$")
_POINT_RE = re.compile(r"^([a-zđ])\s?\)\s*(?P<rest>.*)$")
_DIVISION_FIRST = {
    "C": ("chapter", _CHAPTER_RE),
    "P": ("part", _PART_RE),
    "M": ("section", _SECTION_RE),
    "T": ("subsection", _SUBSECTION_RE),
}
_ANNEX_RE = re.compile(
    r"^(?:PHỤ LỤC|PHỤ LỤC SỐ|Phụ lục số)\b\s*([IVXLC]+|\d{1,3}[a-z]?|[A-Z])?\b\s*[.:\-–]?\s*(.*)$"
)
_RECIPIENTS = re.compile(r"^Nơi\s+nhận\b", re.IGNORECASE)
_SIGN_PREFIX = re.compile(r"^(?:TM|KT|TL|TUQ|Q)\s*\.\s*\S")
_POSITIONS = {
    "CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "BỘ TRƯỞNG",
    "THỨ TRƯỞNG",
    "THỦ TƯỚNG",
    "PHÓ THỦ TƯỚNG",
    "CHỦ TỊCH QUỐC HỘI",
    "PHÓ CHỦ TỊCH QUỐC HỘI",
    "CHỦ TỊCH NƯỚC",
    "PHÓ CHỦ TỊCH NƯỚC",
    "THỐNG ĐỐC",
    "PHÓ THỐNG ĐỐC",
    "TỔNG KIỂM TOÁN",
    "PHÓ TỔNG KIỂM TOÁN",
    "CHÁNH ÁN",
    "VIỆN TRƯỞNG",
    "TỔNG THANH TRA",
    "PHÓ TỔNG THANH TRA",
    "BỘ TRƯỞNG, CHỦ NHIỆM",
    "CHỦ NHIỆM",
}
_CLOSING_FORMULA = re.compile(
    r"^(?:Luật|Bộ luật|Pháp lệnh|Nghị quyết|Hiến pháp) này (?:đã )?được .{0,200}thông qua", re.IGNORECASE
)
_ENACTING = re.compile(
    r"ban hành\s+(Bộ luật|Luật|Pháp lệnh|Nghị định|Nghị quyết liên tịch|Nghị quyết|Thông tư liên tịch|"
    r"Thông tư|Quyết định|Chỉ thị)\s+(.+?)\s*\.?$"
)
_EFFECTIVE = re.compile(
    r"(?:có|có)\s+hiệu\s+lực(?:\s+thi\s+hành)?(?:\s+kể)?\s+từ\s+ngày\s+"
    r"(?:(\d{1,2})\s*(?:tháng\s+|/|-)(\d{1,2})\s*(?:năm\s+|/|-)(\d{4})|(ký))",  # "01 tháng 7 năm 2025", "01/7/2025"
    re.IGNORECASE,
)
_REF_WORDS = re.compile(
    r"^(?:Luật|Bộ luật|Nghị định|Thông tư|Nghị quyết|Pháp lệnh|Quyết định|Hiến pháp|Chỉ thị|của|này|và|"
    r"hoặc|khoản|điểm|được|quy định|đến|tại|thì|là)\b"
)


class _Parser:
    def __init__(self, lines: list[str]):
        self.lines = lines
        self.doc = Document()
        self.warn = self.doc.warnings
        self.nodes: list[Node] = []  # every node in document order, once the ids are assigned
        self.articles: list[Node] = []

    # --- header -------------------------------------------------------------------------------
    def header(self) -> int:
        """Metadata from the header; returns the index of the first line after the title."""
        lines = self.lines
        limit = min(len(lines), 60)
        body_guess = limit
        for i in range(limit):
            if lines[i][0] in _BODY_FIRST and _opens_body(lines[i]):
                body_guess = i
                break
        head = lines[:body_guess]
        motto_idx = None
        for i, line in enumerate(head):
            if _MOTTO in line.upper():
                motto_idx = i
                break
        # Issuer: the lines above the national motto (or above the number when there is none).
        number_idx = None
        number = None
        for i, line in enumerate(head[:25]):
            m = _NUMBER_LINE.search(line)
            if m and not line.startswith(("Căn cứ", "Theo")):
                number = m.group(1).rstrip(".-–")
                number_idx = i
                break
        self.doc.number = number
        stop = motto_idx if motto_idx is not None else (number_idx if number_idx is not None else 0)
        issuer_parts = []
        for line in head[: min(stop + 1, 6)]:
            upper = line.upper()
            if _MOTTO in upper:
                before = line[: upper.index(_MOTTO)].strip()
                if before:
                    issuer_parts.append(before)
                break
            if _SEPARATOR.match(line) or _NUMBER_LINE.search(line):
                continue
            if not is_upper_line(line):
                continue
            issuer_parts.append(line.strip(" -–"))
        self.issuer_raw = squash(" ".join(issuer_parts)) if issuer_parts else None

        # Place and date of issue.
        date_idx = None
        for i, line in enumerate(head[:30]):
            if "ngày" not in line.lower() or line.startswith(("Căn cứ", "Theo")):
                continue
            m = _DATE_LINE.search(line)
            if m:
                issued = iso_date(m.group("d"), m.group("m"), m.group("y"))
                date_idx = i
                if issued is None:
                    self.warn.append(f"Ngày ban hành không hợp lệ: «{squash(line)}».")
                self.doc.issued = issued
                place = m.group("place")
                if number and number in place:
                    place = place.split(number, 1)[1]
                place = place.strip(" ,.:;-–\t")
                if (
                    place
                    and len(place) <= 40
                    and place[:1].isupper()
                    and not any(ch.isdigit() for ch in place)
                ):
                    self.doc.place = place
                break
            if _DATE_HINT.search(line) and i <= (number_idx or 0) + 3:
                date_idx = i
                self.warn.append(f"Không đọc được ngày ban hành: «{squash(line)}».")
                break
        if date_idx is None:
            self.warn.append("Không tìm thấy ngày ban hành.")

        # Type and title heading.
        start = max(i for i in (motto_idx, number_idx, date_idx, -1) if i is not None) + 1
        type_idx = None
        title_inline = ""
        for i in range(start, len(head)):
            line = head[i]
            upper = line.upper().strip(" .:")
            if upper in DOC_TYPES:
                self.doc.type = DOC_TYPES[upper]
                type_idx = i
                break
            m = _TYPE_PREFIX.match(line)
            if m and is_upper_line(line, 0.9) and m.group(2):
                self.doc.type = DOC_TYPES[m.group(1)]
                title_inline = m.group(2)
                type_idx = i
                break
        if type_idx is None:
            for i in range(0, start):
                upper = head[i].upper().strip(" .:")
                if upper in DOC_TYPES and upper not in ("LỆNH",):
                    self.doc.type = DOC_TYPES[upper]
                    type_idx = i
                    break
        title_lines = [title_inline] if title_inline else []
        j = (type_idx + 1) if type_idx is not None else start
        while j < len(head):
            line = head[j]
            if line.startswith(("Căn cứ", "Theo ", "Xét ")) or _SEPARATOR.match(line):
                if title_lines or not _SEPARATOR.match(line):
                    break
                j += 1
                continue
            if title_lines and _is_authority_line(line, self.issuer_raw):
                break  # "THỦ TƯỚNG CHÍNH PHỦ", "HỘI ĐỒNG NHÂN DÂN TỈNH X / KHÓA XIV, KỲ HỌP THỨ 25"…
            if is_upper_line(line) or (not title_lines and type_idx is not None and len(line) < 400):
                title_lines.append(line)
                j += 1
                if not is_upper_line(line):
                    break
                continue
            break
        heading = squash(" ".join(title_lines)) if title_lines else None
        self.doc.title_heading = heading
        if self.doc.type is None and number:
            from hoinhap.engines.legal.references import _type_from_number

            self.doc.type = _type_from_number(number)
            if self.doc.type:
                self.warn.append(f"Không thấy tên loại văn bản; suy ra «{self.doc.type}» từ số hiệu.")
        if self.doc.type is None:
            self.warn.append("Không xác định được loại văn bản.")
        if number is None:
            self.warn.append("Không tìm thấy số hiệu văn bản.")
        self.title_end = j
        return j

    def finish_title(self, preamble: list[str]) -> None:
        heading = self.doc.title_heading
        if not heading:
            return
        name = None
        for line in preamble:
            m = _ENACTING.search(line) if "ban hành" in line else None
            if m and key(m.group(2)) == key(heading):
                name = m.group(2)
                break
        if name is None:
            if is_upper_line(heading):
                name = _restore_names(sentence_case(heading), preamble)
            else:
                name = heading
        name = name[:1].upper() + name[1:]
        if self.doc.type in ("Luật", "Bộ luật", "Pháp lệnh") and not key(name).startswith(key(self.doc.type)):
            name = f"{self.doc.type} {name}"
        self.doc.title = name

    def issuer(self) -> None:
        raw = self.issuer_raw
        if not raw:
            return
        name = _issuer_name(raw.upper())
        if name is None and _JOINT.search(raw):
            # A joint document ("BỘ TÀI CHÍNH - BỘ CÔNG THƯƠNG"): each issuer named on its own.
            names = [_issuer_name(part) or _find_mixed_case(self.lines, part) for part in _JOINT.split(raw)]
            if all(names):
                name = " - ".join(name for name in names if name)
        if name is None:
            # Written in mixed case somewhere in the document ("Bộ trưởng Bộ Tư pháp ban hành …")?
            name = _find_mixed_case(self.lines, raw) or sentence_case(raw)
        self.doc.issuer = name

    # --- body ---------------------------------------------------------------------------------
    def body(self, start: int) -> None:
        """The tree Phần / Chương / Mục / Tiểu mục / Điều / Khoản / Điểm, in one pass over the lines.

        The open path of the tree is kept as explicit state (the open divisions, then the current
        article and clause) rather than a generic stack, and every node gets its id as it is
        created: nodes are created in document (pre-)order, so the ids and their de-duplication
        suffixes are those a walk of the finished tree would give."""
        lines = self.lines
        n = len(lines)
        body_start = None
        for i in range(start, n):
            if lines[i][0] in _BODY_FIRST and _opens_body(lines[i]):
                body_start = i
                break
        if body_start is None:
            self.preamble_lines = lines[start:]
            self.warn.append("Không tìm thấy điều nào (Điều) trong văn bản.")
            self.body_end = n
            self.closing(n)
            return
        self.preamble_lines = lines[start:body_start]
        self.doc.preamble = "\n".join(self.preamble_lines)
        roots: list[Node] = []
        created: list[Node] = []
        parts_of: list[list[str]] = []  # text lines of created[k]
        used_ids: set[str] = set()
        divisions: list[Node] = []  # open Phần / Chương / Mục / Tiểu mục, outermost first
        article: Node | None = None
        clause: Node | None = None
        next_clause = 1  # the label a clause of the current article would have next
        current: Node | None = None
        # Where the text lines of ``current`` go (the preamble until the first node).
        sink = self.preamble_lines
        depth = 0
        straight_open = False
        last_article_num = 0
        last_article_label = None
        seen_articles: set[str] = set()
        warn = self.warn
        i = body_start
        end = n
        article_match = _ARTICLE_RE.match
        clause_match = _CLAUSE_RE.match
        point_match = _POINT_RE.match

        while i < n:
            line = lines[i]
            first = line[0]
            in_quote = depth > 0 or straight_open
            if (first == "N" or first == "n") and _RECIPIENTS.match(line):
                end = i
                break
            if in_quote:
                m = article_match(line) if first == "Đ" else None
                if m and m.group("sep") and _expected_article(m.group(1), last_article_num):
                    depth = 0
                    straight_open = False
                else:
                    sink.append(line)
                    if "“" in line or "”" in line or '"' in line:
                        depth, straight_open = _quotes(line, depth, straight_open)
                    i += 1
                    continue
            if first == "“" or first == '"':
                sink.append(line)
                depth, straight_open = _quotes(line, depth, straight_open)
                i += 1
                continue
            # Recognise a heading; ``parent`` is None for a node at the root. Nodes are made with
            # positional arguments (kind, label, title, text, children, id, line): a dataclass
            # __init__ takes them faster than keywords.
            node = None
            parent = None
            rest = ""
            if first == "Đ":
                m = article_match(line)
                if m:
                    label, sep, rest = m.group(1, "sep", "rest")
                    rest = rest.strip()
                    if sep or (
                        _expected_article(label, last_article_num)
                        and (not rest or (rest[0].isupper() and not _REF_WORDS.match(rest)))
                    ):
                        node = Node("article", label, rest or None, "", [], "", i)
                        if not rest and i + 1 < n and _is_heading_below(lines[i + 1]):
                            node.title = lines[i + 1]  # "Điều 5." with its heading on the next line
                            i += 1
                        rest = ""
                        num = label_number(label) or 0
                        if label in seen_articles:
                            warn.append(f"Trùng số điều: Điều {label} xuất hiện nhiều lần.")
                        elif last_article_label is not None and num < last_article_num:
                            warn.append(
                                f"Số điều không theo thứ tự: Điều {label} sau Điều {last_article_label}."
                            )
                        seen_articles.add(label)
                        if num > last_article_num:
                            last_article_num = num
                        last_article_label = label
                        parent = divisions[-1] if divisions else None
                        article = node
                        clause = None
                        next_clause = 1
            elif first in _DIVISION_FIRST:
                # Each division regex opens with its own capital letter (C, P, M, T).
                kind, division_re = _DIVISION_FIRST[first]
                m = division_re.match(line)
                if m:
                    label = m.group(1) + (m.group(2) if kind in ("chapter", "section") else "")
                    rest = (m.group(3) if kind in ("chapter", "section") else m.group(2)).strip()
                    if kind == "section" and rest and rest[0].islower():
                        m = None
                    elif kind == "section" and rest == "" and not any(d.kind == "chapter" for d in divisions):
                        # "Mục 2" alone outside any chapter: accept only when a heading follows.
                        nxt = lines[i + 1] if i + 1 < n else ""
                        if not is_upper_line(nxt):
                            m = None
                if m:
                    title = rest or None
                    rest = ""
                    if title is None:
                        heading: list[str] = []
                        while i + 1 < n and len(heading) < 4:
                            nxt = lines[i + 1]
                            if (
                                is_upper_line(nxt)
                                and not _is_structural(nxt)
                                and not _RECIPIENTS.match(nxt)
                                and not _is_signature(nxt)
                            ):
                                heading.append(nxt)
                                i += 1
                            else:
                                break
                        title = squash(" ".join(heading)) if heading else None
                    node = Node(kind, label.strip(), title, "", [], "", i)
                    level = LEVELS[kind]
                    while divisions and LEVELS[divisions[-1].kind] >= level:
                        divisions.pop()
                    parent = divisions[-1] if divisions else None
                    divisions.append(node)
                    article = None
                    clause = None
            elif article is not None and first.isdigit():
                m = clause_match(line)
                if m:
                    label, sep, rest = m.group(1, "sep", "rest")
                    if "." in sep or (int(label) == next_clause and rest[:1].isupper()):
                        node = Node("clause", label, None, "", [], "", i)
                        parent = article
                        clause = node
                        next_clause = int(label) + 1
            if node is None and article is not None and first.islower() and line[1:3].lstrip()[:1] == ")":
                m = point_match(line)
                if m:
                    node = Node("point", m.group(1), None, "", [], "", i)
                    rest = m.group("rest")
                    parent = clause if clause is not None else article
            if node is None:
                if (
                    not in_quote
                    and current is not None
                    and (line[1:2].isupper() or first == "P" or line[-1] == ".")
                    and _is_body_end(line, lines, i)
                ):
                    end = i
                    break
                sink.append(line)
                if "“" in line or "”" in line or '"' in line:
                    depth, straight_open = _quotes(line, depth, straight_open)
                i += 1
                continue
            part = _ID_PARTS.get((node.kind, node.label)) or _id_part(node.kind, node.label)
            if parent is None:
                roots.append(node)
                ident = part
            else:
                parent.children.append(node)
                ident = f"{parent.id}__{part}"
            if ident in used_ids:
                k = 2
                while f"{ident}_{k}" in used_ids:
                    k += 1
                ident = f"{ident}_{k}"
            used_ids.add(ident)
            node.id = ident
            created.append(node)
            current = node
            sink = [rest] if rest else []
            parts_of.append(sink)
            # Quotes that open on a heading line and stay open (rare) are tracked as well.
            if node.kind in ("clause", "point") and ("“" in line or "”" in line or '"' in line):
                depth, straight_open = _quotes(line, depth, straight_open)
            i += 1

        for node, parts in zip(created, parts_of, strict=True):
            if parts:
                node.text = "\n".join(parts)
        self.doc.structure = roots
        self.nodes = created
        self.articles = [node for node in created if node.kind == "article"]
        self.body_end = end
        self.closing(end)

    # --- closing, signature, annexes ----------------------------------------------------------
    def closing(self, end: int) -> None:
        lines = self.lines
        n = len(lines)
        annex_starts = [
            i
            for i in range(end, n)
            if lines[i][0] == "P" and _ANNEX_RE.match(lines[i]) and is_upper_line(lines[i][:7])
        ]
        closing_end = annex_starts[0] if annex_starts else n
        # A regulation issued with the document ("QUY CHẾ … (Ban hành kèm theo Quyết định số …)")
        # follows the signature; like an annex it is kept apart from the body.
        attached = next((i for i in range(end, closing_end) if _is_attachment_start(lines, i)), None)
        if attached is not None:
            closing_end = attached
        closing = lines[end:closing_end]
        position = None
        position_raw = None
        for line in closing:
            if line.startswith(("-", "+", "•")) or _RECIPIENTS.match(line):
                continue
            stripped = line.strip(" ./")
            if is_upper_line(stripped, 0.9) and len(stripped) < 80:
                if _SIGN_PREFIX.match(stripped):
                    position_raw = stripped
                    continue
                position_raw = stripped
                position = stripped
                continue
            if position_raw and _looks_like_name(stripped):
                self.doc.signer = stripped
                break
        if position:
            self.doc.signer_position = _position_case(position)
        if attached is not None:
            stop = annex_starts[0] if annex_starts else n
            j = attached
            while j < stop and not _ATTACHMENT_NOTE.match(lines[j]):
                j += 1  # the heading runs down to "(Ban hành kèm theo …)"
            annex = Annex(
                label=None,
                title=squash(" ".join(lines[attached:j])),
                text="\n".join(lines[j:stop]),
                id="annex_attached",
            )
            annex.structure = _attached_structure(lines[j + 1 : stop], annex.id)
            self.doc.annexes.append(annex)
        for k, start in enumerate(annex_starts):
            stop = annex_starts[k + 1] if k + 1 < len(annex_starts) else n
            m = _ANNEX_RE.match(lines[start])
            label = (m.group(1) or None) if m else None
            title = (m.group(2) or "").strip() or None
            body_lines = lines[start + 1 : stop]
            if title is None and body_lines and is_upper_line(body_lines[0]):
                title = body_lines[0]
            self.doc.annexes.append(
                Annex(label=label, title=title, text="\n".join(body_lines), id=f"annex_{label or k + 1}")
            )

    # --- effective date, references ------------------------------------------------------
    def effective(self) -> None:
        for article in reversed(self.articles):
            parts = [article.title or ""]
            stack = [article]
            while stack:  # the texts of the article and its clauses and points, in document order
                node = stack.pop()
                parts.append(node.text)
                if node.children:
                    stack.extend(reversed(node.children))
            full = " ".join(filter(None, parts))
            if "hiệu lực" not in full:
                continue
            m = _EFFECTIVE.search(squash(full))
            if m:
                if m.group(4):
                    self.doc.effective = self.doc.issued
                else:
                    self.doc.effective = iso_date(m.group(1), m.group(2), m.group(3))
                return

    def references(self) -> None:
        doc = self.doc
        own = doc.number
        seen: set[tuple[str | None, str | None]] = set()
        refs: list[Reference] = []
        segments: list[str] = []
        where: list[str | None] = []
        relations: list[str | None] = []

        def add(text: str, node: str | None, default_relation: str | None = None) -> None:
            segments.append(text)
            where.append(node)
            relations.append(default_relation)

        if doc.title:
            add(doc.title, "title")
        preamble = self.preamble_lines
        segments += preamble
        where += ["preamble"] * len(preamble)
        relations += ["căn cứ" if line.startswith("Căn cứ") else None for line in preamble]
        nodes = self.nodes  # whole lists at once (not a call per node)
        segments += [f"{node.title}\n{node.text}" if node.title else node.text for node in nodes]
        where += [node.id for node in nodes]
        relations += [None] * len(nodes)
        for annex in doc.annexes:
            add(annex.title or "", annex.id)
            add(annex.text, annex.id)

        # One pass over the whole document; results per segment as if each were scanned alone.
        def known(k: int, number: str) -> bool:
            return (own is not None and number == own) or (number, where[k]) in seen

        for k, numbers, treaties in scan_references(segments, relations, known):
            node_id = where[k]
            for found in numbers:
                if own and found.number == own:
                    continue
                key_ = (found.number, node_id)
                if key_ in seen:
                    continue
                seen.add(key_)
                # Positional arguments (number, type, text, node, relation, relation_effective, date,
                # relation_gap): a dataclass __init__ takes them faster than keywords.
                refs.append(
                    Reference(
                        found.number,
                        found.type,
                        found.text,
                        node_id,
                        found.relation,
                        found.relation_effective,
                        found.date,
                        found.relation_gap,
                    )
                )
            for found in treaties:
                key_ = (found.text, node_id)
                if key_ in seen:
                    continue
                seen.add(key_)
                refs.append(Reference(number=None, type=found.type, text=found.text, node=node_id))
        doc.references = refs
        for ref in refs:
            if not ref.number:
                continue
            if ref.node == "title" or (ref.node and "__" not in ref.node and ref.node.startswith("art_")):
                if ref.relation in ("sửa đổi", "bổ sung", "sửa đổi, bổ sung"):
                    _add_unique(doc.amends, ref.number)
            if ref.node in (None, "title", "preamble"):
                continue
            if ref.node.startswith("annex_"):
                continue
            whole = ref.relation_gap is None or ref.relation_gap <= 12
            if ref.relation == "thay thế" and whole:
                _add_unique(doc.replaces, ref.number)
            elif ref.relation == "hết hiệu lực" or (ref.relation == "bãi bỏ" and whole):
                _add_unique(doc.repeals, ref.number)
            elif ref.relation in ("sửa đổi", "bổ sung", "sửa đổi, bổ sung") and ref.node.split("__")[
                -1
            ].startswith("art_"):
                _add_unique(doc.amends, ref.number)

    def provisions(self) -> None:
        doc = self.doc
        out = _provision_references(self.nodes, bool(doc.amends))
        for annex in doc.annexes:  # "khoản 1 Điều 2 Quy chế này" inside an attached regulation
            if annex.structure:
                nodes = [node for root in annex.structure for node in root.walk()]
                out.extend(_provision_references(nodes, False))
        doc.provision_references = out


def _provision_references(nodes: list[Node], amending: bool) -> list[ProvisionReference]:
    """The provision mentions in ``nodes`` (one document's, in document order), resolved among them."""
    segments: list[str] = []
    owners: list[tuple[Node, Node]] = []
    art: Node | None = None
    # Every mention holds "Điều" or "đến" (see scan_provisions): a node whose text holds
    # neither is left out. The words hold no space, so none can span the space that joins an
    # article's title and text. Each word is looked for only in a text holding its letter "Đ"
    # or "ế": ``in`` finds one character much faster than a word.
    for node in nodes:
        # In document order every clause and point follows the article that holds it.
        kind = node.kind
        if kind == "article":
            art = node
            text = node.text
            title = node.title
            if (
                ("Đ" in text and "Điều" in text)
                or ("ế" in text and "đến" in text)
                or (title and ("Điều" in title or "đến" in title))
            ):
                # " ".join(filter(None, [title, text])) without the list and the filter.
                segments.append(f"{title} {text}" if title and text else title or text)
                owners.append((node, art))
        elif art is not None and (kind == "clause" or kind == "point"):
            text = node.text
            if ("Đ" in text and "Điều" in text) or ("ế" in text and "đến" in text):
                segments.append(text)
                owners.append((node, art))
    out: list[ProvisionReference] = []
    articles: dict[str, Node] | None = None  # built when a mention needs resolving
    for k, found in scan_provisions(segments):
        node, art = owners[k]
        scope = found.scope
        if scope == "external" or (scope == "bare" and amending):
            out.append(ProvisionReference(found.text, node.id, [], False))
            continue
        if articles is None:
            articles = {}
            for article in nodes:
                if article.kind == "article":
                    articles.setdefault(article.label, article)
        out.append(ProvisionReference(found.text, node.id, _resolve(found, art, articles), True))
    return out


def _add_unique(items: list[str], value: str) -> None:
    if value not in items:
        items.append(value)


def _resolve(found, current_article: Node, articles: dict[str, Node]) -> list[str]:
    range_kind = found.range_kind
    if range_kind == "Điều":
        lo, hi = (label_number(x) for x in found.articles)
        if lo is None or hi is None:
            return []
        return [a.id for label, a in articles.items() if lo <= (label_number(label) or -1) <= hi]
    labels = found.articles
    if len(labels) == 1:  # the common case, without the list comprehension
        label = labels[0]
        if label == "này":
            arts = [current_article]
        else:
            art = articles.get(label)
            arts = [] if art is None else [art]
    else:
        arts = [articles[label] for label in labels if label in articles]
    clauses = found.clauses
    points = found.points
    if range_kind == "khoản":
        lo, hi = (int(x) for x in clauses)
        return [
            c.id
            for a in arts
            for c in a.children
            if c.kind == "clause" and lo <= (label_number(c.label) or 0) <= hi
        ]
    targets: list[str] = []
    # "khoản 1 Điều 4 và Điều 5": the clause (or point) belongs to the first article named; the
    # articles after it are cited whole.
    several = len(labels) > 1 and bool(clauses or points)
    first = articles.get(labels[0]) if several else None
    for art in arts:
        if several and art is not first:
            targets.append(art.id)
            continue
        if not clauses:
            if points:
                targets.extend(p.id for p in art.children if p.kind == "point" and p.label in points)
            else:
                targets.append(art.id)
            continue
        for clause in art.children:
            if clause.kind != "clause" or clause.label not in clauses:
                continue
            if points:
                targets.extend(p.id for p in clause.children if p.kind == "point" and p.label in points)
            else:
                targets.append(clause.id)
    return targets


def _quotes(line: str, depth: int, straight_open: bool) -> tuple[int, bool]:
    if "“" in line or "”" in line:
        depth += line.count("“") - line.count("”")
        if depth < 0:
            depth = 0
    if '"' in line and line.count('"') % 2 == 1:
        straight_open = not straight_open
    return depth, straight_open


def _expected_article(label: str, last_num: int) -> bool:
    num = label_number(label)
    if num is None:
        return False
    if last_num == 0:
        return True
    return num == last_num + 1 or (num == last_num and not label.isdigit())


# The enacting authority, written on its own line between the title and the preamble
# ("CHÍNH PHỦ", "BỘ TRƯỞNG BỘ CÔNG THƯƠNG", "HỘI ĐỒNG NHÂN DÂN TỈNH X" + "KHÓA XIV, KỲ HỌP THỨ 25").
_AUTHORITY_LINES = {
    "CHÍNH PHỦ",
    "QUỐC HỘI",
    "ỦY BAN THƯỜNG VỤ QUỐC HỘI",
    "THỦ TƯỚNG CHÍNH PHỦ",
    "CHỦ TỊCH NƯỚC",
}
_AUTHORITY_PREFIX = re.compile(
    r"^(?:BỘ TRƯỞNG|THỦ TƯỚNG CHÍNH PHỦ|CHỦ TỊCH (?:ỦY BAN NHÂN DÂN|UBND|NƯỚC|QUỐC HỘI)|THỐNG ĐỐC|"
    r"TỔNG KIỂM TOÁN|CHÁNH ÁN|VIỆN TRƯỞNG|TỔNG THANH TRA|HỘI ĐỒNG THẨM PHÁN|KHÓA [IVXLC]+\b|KỲ HỌP THỨ)"
)


def _is_authority_line(line: str, issuer_raw: str | None) -> bool:
    """A line naming who enacts the document (never part of its title)."""
    upper = squash(line).upper().rstrip(" :.")
    if upper in _AUTHORITY_LINES or _AUTHORITY_PREFIX.match(upper):
        return True
    return bool(issuer_raw) and upper == squash(issuer_raw).upper()


_BODY_FIRST = frozenset("CPĐ")


_JOINT = re.compile(r"\s+[-–]\s+")
# Names of documents and bodies as the preamble writes them ("Luật Thương mại", "Hiệp định …").
_CITED_NAME = re.compile(
    r"(?:Bộ luật|Luật|Pháp lệnh|Hiến pháp|Hiệp định|Công ước|Điều ước|Nghị định thư)\s+"
    r"[^;,.:()“”\"\d]*?(?=\s+(?:ngày|số|năm|của|được|đã|tại)\b|\s*[;,.:()]|\s*$)"
)
_PROPER_NAMES = (
    "Việt Nam",
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
    *sorted(set(_ISSUERS.values()), key=len, reverse=True),
)


def _restore_names(sentence: str, preamble: list[str]) -> str:
    """A heading put in sentence case loses its capitals ("… thi hành luật thương mại"): give names
    that the preamble cites, and bodies' names, their written form back ("Luật Thương mại")."""
    names = [m.group(0) for line in preamble for m in _CITED_NAME.finditer(line) if " " in m.group(0)]
    lowered = sentence.lower()
    if len(lowered) != len(sentence):
        return sentence
    chars = list(sentence)
    for name in (*sorted(set(names), key=len, reverse=True), *_PROPER_NAMES):
        low = name.lower()
        if len(low) != len(name):
            continue
        at = lowered.find(low)
        while at >= 0:
            end = at + len(low)
            if (at == 0 or not lowered[at - 1].isalnum()) and (
                end == len(lowered) or not lowered[end].isalnum()
            ):
                chars[at:end] = name
            at = lowered.find(low, end)
    # A document cited by its number: "thông tư số 07/2019/TT-BCT" -> "Thông tư số 07/2019/TT-BCT".
    for m in _TYPE_BEFORE_NUMBER.finditer(lowered):
        chars[m.start()] = chars[m.start()].upper()
    # A position before the body's name: "bộ trưởng Bộ Tài chính" -> "Bộ trưởng Bộ Tài chính".
    restored = "".join(chars)
    return _POSITION_BEFORE_NAME.sub(
        lambda m: m.group(0)[:1].upper() + m.group(0)[1:] if m.group(1).isupper() else m.group(0), restored
    )


_POSITION_BEFORE_NAME = re.compile(
    r"(?<!\w)(?:bộ trưởng|thủ trưởng|chủ tịch|thống đốc|tổng kiểm toán)(?= (\w))"
)
_TYPE_BEFORE_NUMBER = re.compile(
    r"(?<!\w)(?:bộ luật|luật|pháp lệnh|nghị định|nghị quyết|thông tư liên tịch|thông tư|quyết định|chỉ thị)"
    r"(?=\s+(?:số\s+)?\d)"
)


def _issuer_name(upper: str) -> str | None:
    """An issuer written in capitals -> its usual spelling, when known (or a local body)."""
    upper = " ".join(upper.replace("–", "-").split())  # en dash and spacing as typed
    if upper in _ISSUERS:
        return _ISSUERS[upper]
    m = _LOCAL_BODY.match(upper)
    if not m:
        return None
    body = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân"}.get(m.group(1)) or sentence_case(
        m.group(1)
    )
    rest = m.group(2).strip()
    lm = _LOCAL_LEVEL.match(rest)
    if lm:
        return f"{body} {lm.group(1).lower()} {title_case_words(lm.group(2))}"
    return f"{body} {title_case_words(rest)}".strip()


def _opens_body(line: str) -> bool:
    """A chapter, part or article heading (the regexes open with "C", "P" and "Đ")."""
    first = line[:1]
    if first == "C":
        return bool(_CHAPTER_RE.match(line))
    if first == "P":
        return bool(_PART_RE.match(line))
    if first == "Đ":
        return _is_article_heading(line)
    return False


def _is_article_heading(line: str) -> bool:
    m = _ARTICLE_RE.match(line)
    return bool(m and m.group("sep"))


def _is_heading_below(line: str) -> bool:
    """The line under a bare "Điều 5." is its heading when it reads like one: short, starting
    with a capital, not closing a sentence or opening a list, not a heading or signature itself."""
    return (
        len(line) <= 200
        and line[0].isupper()
        and not line.endswith((".", ";", ":", ",", "/"))
        and not _is_structural(line)
        and not is_upper_line(line, 0.9)
        and not _RECIPIENTS.match(line)
    )


def _is_structural(line: str) -> bool:
    return bool(
        _is_article_heading(line)
        or _CHAPTER_RE.match(line)
        or _PART_RE.match(line)
        or _SECTION_RE.match(line)
    )


def _is_signature(line: str) -> bool:
    stripped = line.strip(" ./")
    if not is_upper_line(stripped, 0.9):
        return False
    return bool(_SIGN_PREFIX.match(stripped)) or stripped.upper() in _POSITIONS


_ATTACHMENT_HEAD = re.compile(
    r"^(?:QUY CHẾ|QUY ĐỊNH|ĐIỀU LỆ|QUY TRÌNH|HƯỚNG DẪN|CHƯƠNG TRÌNH|KẾ HOẠCH|PHƯƠNG ÁN|ĐỀ ÁN|QUY CHUẨN)\b"
)
_ATTACHMENT_NOTE = re.compile(r"^\(\s*(?:Ban hành\s+)?kèm\s+theo\b", re.IGNORECASE)


def _attached_structure(lines: list[str], prefix: str) -> list[Node]:
    """The chapters and articles of a regulation issued with the document, read like a body; their
    ids go under the annex's id. Its own warnings are not the document's."""
    if not lines:
        return []
    sub = _Parser(lines)
    sub.body(0)
    for node in sub.nodes:
        node.id = f"{prefix}__{node.id}"
    return sub.doc.structure


def _is_attachment_start(lines: list[str], i: int) -> bool:
    """The heading of a regulation issued with the document: upper-case "QUY CHẾ …", "QUY ĐỊNH …",
    "ĐIỀU LỆ …" with "(Ban hành kèm theo …)" within the next four lines."""
    line = lines[i]
    if not (line[0] in "QĐHCKP" and _ATTACHMENT_HEAD.match(line) and is_upper_line(line, 0.9)):
        return False
    return any(_ATTACHMENT_NOTE.match(nxt) for nxt in lines[i + 1 : i + 5])


def _is_body_end(line: str, lines: list[str], i: int) -> bool:
    if len(line) < 90 and line[1:2].isupper() and _is_signature(line):
        return True
    if line[1:2].isupper() and _is_attachment_start(lines, i):
        return True
    if line.endswith(".") and "thông qua" in line and _CLOSING_FORMULA.match(line):
        return True
    if line.startswith("PHỤ LỤC") and _ANNEX_RE.match(line):
        return True
    return False


def _looks_like_name(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 6:
        return False
    return all(w[:1].isupper() and w.isalpha() for w in words) and not is_upper_line(text, 0.9)


_POSITION_PROPER = (
    ("quốc hội", "Quốc hội"),
    ("chính phủ", "Chính phủ"),
    ("thủ tướng", "Thủ tướng"),
    ("chủ tịch", "Chủ tịch"),
    ("ủy ban nhân dân", "Ủy ban nhân dân"),
)


def _position_case(raw: str) -> str:
    text = sentence_case(raw)
    lowered = text.lower()
    for low, proper in _POSITION_PROPER:
        idx = lowered.find(low)
        if idx >= 0:
            text = text[:idx] + proper + text[idx + len(low) :]
    return text[:1].upper() + text[1:]


def _find_mixed_case(lines: list[str], raw: str) -> str | None:
    target = raw.lower()
    for line in lines[:80]:
        low = line.lower()
        idx = low.find(target)
        while idx >= 0:
            candidate = line[idx : idx + len(raw)]
            if candidate[:1].isupper() and not is_upper_line(candidate, 0.9):
                return candidate
            idx = low.find(target, idx + 1)
    return None


_ID_PARTS: dict[tuple[str, str], str] = {}


def _id_part(kind: str, label: str) -> str:
    """ "art_5", "pnt_dd": the kind's prefix and the label as an id (memoised: labels repeat)."""
    k = (kind, label)
    part = _ID_PARTS.get(k)
    if part is None:
        if len(_ID_PARTS) > 4096:
            _ID_PARTS.clear()
        part = _ID_PARTS[k] = f"{ID_PREFIX[kind]}_{_label_id(kind, label)}"
    return part


def _label_id(kind: str, label: str) -> str:
    label = label.strip()
    if kind in ("part", "chapter", "section", "subsection"):
        num = roman_to_int(label) if not label[:1].isdigit() else None
        if num is None:
            num = label_number(label) if not label[:1].isdigit() else None
        if num is not None:
            return str(num)
    label = label.lower().replace("đ", "dd")
    return re.sub(r"[^0-9a-z]+", "_", label).strip("_") or "x"


def parse_lines(lines: list[str]) -> Document:
    """Lines (NFC, stripped, non-empty) -> Document."""
    parser = _Parser(lines)
    start = parser.header()
    parser.body(start)
    parser.finish_title(parser.preamble_lines)
    parser.issuer()
    parser.effective()
    parser.references()
    parser.provisions()
    return parser.doc


def parse_text(text: str) -> Document:
    lines = split_lines(normalize_text(text))
    if not lines:
        raise LegalReadError("Tệp rỗng: không có nội dung để đọc.")
    doc = parse_lines(lines)
    doc.source_format = "text"
    return doc


def max_bytes_setting(max_bytes: int | None = None) -> int:
    if max_bytes is not None:
        return max_bytes
    env = os.environ.get("HOINHAP_PARSE_MAX_MB")
    if env:
        try:
            return int(float(env) * MB)
        except ValueError:
            pass
    return DEFAULT_MAX_BYTES


def _too_large(size: int, limit: int) -> LegalReadError:
    return LegalReadError(f"Tệp quá lớn ({size / MB:.1f} MB); giới hạn là {limit / MB:g} MB.")


def parse_bytes(data: bytes, filename: str = "", *, max_bytes: int | None = None) -> Document:
    limit = max_bytes_setting(max_bytes)
    if len(data) > limit:
        raise _too_large(len(data), limit)
    result = read_bytes(data, filename)
    doc = parse_lines(result.lines)
    doc.warnings[:0] = result.warnings
    doc.source_format = result.format
    doc.encoding = result.encoding
    return doc


def parse_file(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> Document:
    """Read and parse one file; the size limit is checked before the file is read."""
    limit = max_bytes_setting(max_bytes)
    name = os.fspath(path)
    try:
        size = os.stat(name).st_size
        if os.path.isdir(name):
            raise LegalReadError(f"Không đọc được tệp: «{name}» là một thư mục.")
        if size > limit:
            raise _too_large(size, limit)
        with open(name, "rb") as handle:
            # Read what stat reported (asking for limit + 1 bytes makes Python allocate that much
            # up front); if the file has grown since, read on, up to the limit.
            want = min(size, limit) + 1
            data = handle.read(want)
            if len(data) == want and want <= limit:
                data += handle.read(limit + 1 - want)
    except LegalReadError:
        raise
    except FileNotFoundError as exc:
        raise LegalReadError(f"Không tìm thấy tệp: {name}") from exc
    except PermissionError as exc:
        raise LegalReadError(f"Không có quyền đọc tệp: {name}") from exc
    except OSError as exc:
        raise LegalReadError(f"Không đọc được tệp: {name}") from exc
    if len(data) > limit:
        raise _too_large(len(data), limit)
    return parse_bytes(data, os.path.basename(name), max_bytes=limit)
