"""`hoinhap extract-tasks FILE [--json]`: conclusion notice -> proposed tasks ("6 rõ").

Exit 0 with the proposal (an empty task list and a note on stderr when the document assigns nothing);
exit 2 with one Vietnamese line on stderr when the file cannot be read or holds no text.
UTF-8 text files are read as they are (quotes are exact substrings of the file); DOCX, PDF, HTML and
legacy-encoded text go through the legal engine's readers.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from hoinhap.engines.conclusions.extract import extract
from hoinhap.engines.conclusions.model import Extraction

MAX_BYTES = 50 * 1024 * 1024


class ReadError(Exception):
    pass


def read_text(path: str) -> str:
    p = Path(path)
    try:
        if not p.is_file():
            raise ReadError(f"Không tìm thấy tệp: {path}")
        if p.stat().st_size > MAX_BYTES:
            raise ReadError("Tệp quá lớn (trên 50 MB).")
        data = p.read_bytes()
    except OSError as exc:
        raise ReadError(f"Không đọc được tệp: {path} ({exc.strerror or type(exc).__name__}).") from exc
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise ReadError("Tệp rỗng: không có nội dung để trích xuất nhiệm vụ.")
    head = data[:2048].lower()
    plain = not (
        data.startswith((b"PK\x03\x04", b"%PDF", b"\xd0\xcf\x11\xe0"))
        or p.suffix.lower() in (".docx", ".pdf", ".doc", ".html", ".htm")
        or b"<html" in head
    )
    if plain:
        try:
            text = data.decode("utf-8-sig")
            if "\x00" not in text:
                return text.replace("\r\n", "\n")
        except UnicodeDecodeError:
            pass
    try:
        from hoinhap.engines.legal.errors import LegalReadError
        from hoinhap.engines.legal.readers import read_bytes
    except ImportError as exc:  # the legal engine's readers are not installed
        raise ReadError("Chỉ đọc được tệp văn bản UTF-8 (.txt) trong bản cài đặt này.") from exc
    try:
        result = read_bytes(data, p.name)
    except LegalReadError as exc:
        raise ReadError(getattr(exc, "message", str(exc))) from exc
    return "\n".join(result.lines)


def _readable(result: Extraction) -> str:
    doc = result.document
    out = []
    head = " · ".join(
        x
        for x in (
            doc.kind,
            f"số {doc.number}" if doc.number else None,
            f"ngày {doc.issued:%d/%m/%Y}" if doc.issued else None,
            doc.issuer,
        )
        if x
    )
    out.append(head or "Văn bản")
    out.append(f"{len(result.tasks)} nhiệm vụ đề xuất")
    for n, t in enumerate(result.tasks, 1):
        out.append("")
        lead = t.lead + ("" if t.lead_resolved or t.collective else " (chưa xác định được cơ quan)")
        out.append(f"{n}. Chủ trì: {lead}" + (" [nhóm cơ quan]" if t.collective else ""))
        if t.lead_current != t.lead:
            out.append(f"   Cơ quan hiện nay: {t.lead_current}")
        if t.co_leads:
            out.append("   Đồng chủ trì: " + "; ".join(t.co_leads))
        if t.coordinators:
            out.append("   Phối hợp: " + "; ".join(t.coordinators))
        if t.due:
            out.append(f"   Thời hạn: {t.deadline_text} ({t.due:%d/%m/%Y})")
        elif t.deadline_text:
            out.append(f"   Thời hạn: {t.deadline_text}")
        else:
            out.append("   Thời hạn: không nêu")
        if t.deliverable:
            out.append(f"   Sản phẩm: {t.deliverable}")
        if t.authority:
            out.append(f"   Thẩm quyền: {t.authority}")
        quote = " ".join(t.quote.split())
        out.append(f"   Trích: “{quote[:300]}{'…' if len(quote) > 300 else ''}”")
    return "\n".join(out)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="hoinhap extract-tasks",
        description="Đề xuất các nhiệm vụ (6 rõ) giao trong thông báo kết luận, công văn hoặc nghị quyết.",
    )
    parser.add_argument("file")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    args = parser.parse_args(argv)
    try:
        text = read_text(args.file)
    except ReadError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - the contract is one Vietnamese line, never a traceback
        print(f"Không đọc được tệp: lỗi không mong đợi ({type(exc).__name__}).", file=sys.stderr)
        return 2
    if not text.strip():
        print("Tệp rỗng: không có nội dung để trích xuất nhiệm vụ.", file=sys.stderr)
        return 2
    try:
        result = extract(text)
    except Exception as exc:  # noqa: BLE001
        print(f"Không trích xuất được nhiệm vụ: lỗi không mong đợi ({type(exc).__name__}).", file=sys.stderr)
        return 2
    if args.json:
        data = result.as_dict()
        sys.stdout.write(
            json.dumps({"document": data["document"], "tasks": data["tasks"]}, ensure_ascii=False)
        )
        sys.stdout.write("\n")
    else:
        sys.stdout.write(_readable(result) + "\n")
    if not result.tasks:
        print("Không tìm thấy nhiệm vụ nào được giao trong văn bản.", file=sys.stderr)
    return 0
