"""Readers: one file -> a list of text lines (NFC, one tone-mark convention).

Every reader raises ``LegalReadError`` with a Vietnamese message for input it cannot read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hoinhap.engines.legal.errors import LegalReadError


@dataclass(slots=True)
class ReadResult:
    lines: list[str]
    format: str
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)


def sniff_format(data: bytes, filename: str = "") -> str:
    name = filename.lower()
    head = data[:2048]
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "docx"
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    if name.endswith(".docx"):
        return "docx"
    if name.endswith(".pdf"):
        return "pdf"
    if name.endswith(".doc"):
        return "doc"
    lowered = head.lower().replace(b"\x00", b"")
    if name.endswith((".html", ".htm", ".xhtml")) or any(
        tag in lowered for tag in (b"<html", b"<!doctype html", b"<body", b"<div", b"<p>", b"<p ", b"<table")
    ):
        return "html"
    return "txt"


def read_bytes(data: bytes, filename: str = "") -> ReadResult:
    if not data or not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise LegalReadError("Tệp rỗng: không có nội dung để đọc.")
    fmt = sniff_format(data, filename)
    if fmt == "doc":
        raise LegalReadError(
            "Định dạng Word 97-2003 (.doc) chưa được hỗ trợ; hãy lưu lại thành .docx hoặc PDF."
        )
    if fmt == "docx":
        from hoinhap.engines.legal.readers.docx import read_docx

        return read_docx(data)
    if fmt == "pdf":
        from hoinhap.engines.legal.readers.pdf import read_pdf

        return read_pdf(data)
    if fmt == "html":
        from hoinhap.engines.legal.readers.html import read_html

        return read_html(data)
    from hoinhap.engines.legal.readers.txt import read_txt

    return read_txt(data)
