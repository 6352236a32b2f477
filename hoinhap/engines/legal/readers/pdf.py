"""PDF with a text layer (no OCR).

Lines come from PDFium (pypdfium2, the PDF engine of Chromium) with their positions; a line is
joined to the one before it when the previous line was wrapped (the first word of this line would
not have fitted on it), unless this line starts a heading, a clause or a point.
"""

from __future__ import annotations

import re
import threading

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


# PDFium is not thread-safe: one document at a time per process (web threads, tests).
_PDFIUM_LOCK = threading.Lock()
_LINE = re.compile(r"[^\r\n]+")


def _pdfium_pages(data: bytes) -> list[list[dict]]:
    """Every page's lines as {"text", "x0", "x1", "top", "bottom"} (top measured from the top of
    the page, as pdfplumber has it), in PDFium's reading order."""
    import pypdfium2 as pdfium

    pages: list[list[dict]] = []
    with _PDFIUM_LOCK:
        try:
            # An owner password alone (printing or copying restricted) opens without a password.
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if getattr(exc, "err_code", None) == pdfium.raw.FPDF_ERR_PASSWORD:
                raise LegalReadError("Tệp PDF được mã hóa (có mật khẩu); không đọc được nội dung.") from exc
            raise LegalReadError("Không đọc được tệp PDF: tệp bị hỏng hoặc không đầy đủ.") from exc
        if len(document) == 0:
            document.close()
            raise LegalReadError("Không đọc được tệp PDF: tệp không có trang nào.")
        try:
            for index in range(len(document)):
                page = document[index]
                try:
                    pages.append(_page_lines(page.get_textpage(), page.get_height()))
                finally:
                    page.close()  # and its text page: memory stays flat on long files
        finally:
            document.close()
    return pages


def _page_lines(textpage, height: float) -> list[dict]:
    # A hyphen that ends a line, PDFium joins to the next line and reports as U+FFFE. Vietnamese
    # words are never split across lines, so it is a real hyphen ("07/2019/TT-" / "BCT").
    text = textpage.get_text_range().replace("\ufffe", "-")
    # PDFium ends each line with a generated "\r\n"; the text maps one to one onto the page's
    # characters (so a character's index gives its box) unless it holds characters outside the
    # BMP (two UTF-16 units each). Then the lines are taken without positions, never joined.
    positioned = len(text) == textpage.count_chars()
    lines = []
    for m in _LINE.finditer(text):
        raw = m.group(0)
        stripped = raw.strip()
        if not stripped:
            continue
        if not positioned:
            lines.append({"text": stripped, "x0": 0.0, "x1": 0.0, "top": 0.0, "bottom": 0.0})
            continue
        first = m.start() + len(raw) - len(raw.lstrip())
        last = m.start() + len(raw.rstrip()) - 1
        # Loose boxes span the font's ascent and descent, so every line of one size has one height.
        left, bottom, _, top = textpage.get_charbox(first, loose=True)
        _, bottom_last, right, top_last = textpage.get_charbox(last, loose=True)
        lines.append(
            {
                "text": stripped,
                "x0": left,
                "x1": right,
                "top": height - max(top, top_last),
                "bottom": height - min(bottom, bottom_last),
            }
        )
    return lines


def read_pdf(data: bytes) -> ReadResult:
    try:
        pages = _pdfium_pages(data)
    except LegalReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - PDFium raises PdfiumError, ctypes errors on odd files
        raise LegalReadError("Không đọc được tệp PDF: nội dung bị hỏng.") from exc
    lines = _join_wrapped(pages)
    text = normalize_text("\n".join(lines))
    lines = [line for line in map(str.strip, text.split("\n")) if line]
    if sum(len(line) for line in lines) < 20:
        raise LegalReadError(
            "Tệp PDF không có lớp văn bản (có thể là bản quét); chưa hỗ trợ nhận dạng ký tự (OCR)."
        )
    return ReadResult(lines=lines, format="pdf", encoding=None)
