"""Plain text in UTF-8, UTF-16, Windows-1258, TCVN3 or VNI."""

from __future__ import annotations

from hoinhap.engines.legal.errors import LegalReadError
from hoinhap.engines.legal.readers import ReadResult
from hoinhap.engines.text.encodings import ENCODING_LABELS, EncodingError, decode_bytes


def decode_text(data: bytes) -> tuple[str, str, list[str]]:
    try:
        text, encoding = decode_bytes(data)
    except EncodingError as exc:
        raise LegalReadError(
            "Không đọc được tệp: nội dung không phải văn bản hoặc bảng mã không nhận ra được."
        ) from exc
    warnings = []
    if encoding not in ("utf-8", "utf-8-sig"):
        warnings.append(f"Đã chuyển bảng mã {ENCODING_LABELS.get(encoding, encoding)} sang Unicode (NFC).")
    return text, encoding, warnings


def split_lines(text: str) -> list[str]:
    return [line for line in map(str.strip, text.splitlines()) if line]


def read_txt(data: bytes) -> ReadResult:
    text, encoding, warnings = decode_text(data)
    lines = split_lines(text)
    if not lines:
        raise LegalReadError("Tệp rỗng: không có nội dung để đọc.")
    return ReadResult(lines=lines, format="txt", encoding=encoding, warnings=warnings)
