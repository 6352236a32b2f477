"""PDF with a text layer (no OCR).

Lines come from pdfplumber with their positions; a line is joined to the one before it when
the previous line was wrapped (the first word of this line would not have fitted on it), unless
this line starts a heading, a clause or a point.
"""

from __future__ import annotations

import io
import logging
import re

from hoinhap.engines.legal.errors import LegalReadError
from hoinhap.engines.legal.readers import ReadResult
from hoinhap.engines.legal.textutil import is_upper_line
from hoinhap.engines.text.encodings import normalize_text

_STARTS_BLOCK = re.compile(
    r"^(?:(?:Điều|ĐIỀU)\s*\d|(?:Chương|CHƯƠNG|Mục|MỤC|Tiểu mục|TIỂU MỤC)\s+[IVXLC\d]|(?:Phần|PHẦN)\s+(?:thứ|THỨ|[IVXLC\d])"
    r"|PHỤ LỤC|Nơi nhận|Căn cứ|Theo đề nghị|\d{1,3}\.(?!\d)|[a-zđ]\)|[-–•+]\s|[“\"])"
)
_TERMINAL = (".", ";", ":", "!", "?")


def _join_wrapped(pages: list[list[dict]]) -> list[str]:
    all_lines = [line for page in pages for line in page]
    if not all_lines:
        return []
    right = max(line["x1"] for line in all_lines)
    left = min(line["x0"] for line in all_lines)
    width = max(right - left, 1.0)
    out: list[str] = []
    prev = None
    for page in pages:
        first_on_page = True
        for line in page:
            text = line["text"].strip()
            if not text:
                continue
            if prev is not None and out:
                first_word = text.split(" ", 1)[0]
                span = line["x1"] - line["x0"]
                char_w = span / max(len(text), 1)
                gap = right - prev["x1"]
                wrapped = gap < char_w * (len(first_word) + 1.5) and (prev["x1"] - left) > 0.6 * width
                same_block = first_on_page or (
                    abs(line["top"] - prev["bottom"]) < 2.5 * max(prev["bottom"] - prev["top"], 1)
                )
                same_case = is_upper_line(out[-1][-40:]) == is_upper_line(text[:40])
                # A heading-like start still continues a wrapped sentence ("… tại khoản 1" /
                # "Điều 122.") unless the previous line closed its sentence.
                opens_block = _STARTS_BLOCK.match(text) and out[-1].rstrip().endswith(_TERMINAL)
                if wrapped and same_block and same_case and not opens_block:
                    out[-1] = f"{out[-1]} {text}"
                    prev = line
                    first_on_page = False
                    continue
            out.append(text)
            prev = line
            first_on_page = False
    return out


def read_pdf(data: bytes) -> ReadResult:
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - installed with the project
        raise LegalReadError("Không đọc được tệp PDF: thiếu thư viện đọc PDF.") from exc
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception as exc:  # noqa: BLE001 - any failure means we cannot open it
                raise LegalReadError("Tệp PDF được mã hóa (có mật khẩu); không đọc được nội dung.") from exc
            if not ok:
                raise LegalReadError("Tệp PDF được mã hóa (có mật khẩu); không đọc được nội dung.")
        page_count = len(reader.pages)
    except LegalReadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError) as exc:
        raise LegalReadError("Không đọc được tệp PDF: tệp bị hỏng hoặc không đầy đủ.") from exc
    if page_count == 0:
        raise LegalReadError("Không đọc được tệp PDF: tệp không có trang nào.")
    encrypted = reader.is_encrypted
    lines: list[str] = []
    try:
        if encrypted:
            # pdfplumber cannot open it with an empty password in every case: use pypdf's text.
            for page in reader.pages:
                lines.extend((page.extract_text() or "").splitlines())
        else:
            import pdfplumber

            with pdfplumber.open(io.BytesIO(data)) as pdf:
                pages = []
                for page in pdf.pages:
                    pages.append(page.extract_text_lines(strip=True, return_chars=False))
                    page.close()  # drop the page's parsed layout: memory stays flat on long files
            lines.extend(_join_wrapped(pages))
    except LegalReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds of errors on bad files
        raise LegalReadError("Không đọc được tệp PDF: nội dung bị hỏng.") from exc
    text = normalize_text("\n".join(lines))
    lines = [line for line in map(str.strip, text.split("\n")) if line]
    if sum(len(line) for line in lines) < 20:
        raise LegalReadError(
            "Tệp PDF không có lớp văn bản (có thể là bản quét); chưa hỗ trợ nhận dạng ký tự (OCR)."
        )
    return ReadResult(lines=lines, format="pdf", encoding=None)
