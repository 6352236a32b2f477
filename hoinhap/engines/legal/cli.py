"""`hoinhap parse FILE [--json] [--max-mb N]`: a legal document -> metadata, structure, references."""

from __future__ import annotations

import argparse
import json
import sys

from hoinhap.engines.legal.errors import LegalReadError
from hoinhap.engines.legal.model import Document, Node
from hoinhap.engines.legal.parser import MB, parse_file

_KIND_NAMES = {
    "part": "Phần",
    "chapter": "Chương",
    "section": "Mục",
    "subsection": "Tiểu mục",
    "article": "Điều",
    "clause": "Khoản",
    "point": "Điểm",
}


def _vi_date(iso: str | None) -> str:
    """ "2024-04-05" -> "05/04/2024" (the outline is read by people; --json keeps ISO dates)."""
    if not iso:
        return "—"
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def _outline(doc: Document) -> str:
    out = [
        f"Số hiệu: {doc.number or '—'}",
        f"Loại: {doc.type or '—'}",
        f"Cơ quan ban hành: {doc.issuer or '—'}",
        f"Nơi, ngày ban hành: {doc.place or '—'}, {_vi_date(doc.issued)}",
        f"Tên: {doc.title or '—'}",
    ]
    if doc.effective:
        out.append(f"Hiệu lực từ: {_vi_date(doc.effective)}")
    if doc.signer:
        out.append(f"Người ký: {doc.signer} ({doc.signer_position or '—'})")
    out.append(
        f"Cấu trúc: {doc.count('chapter')} chương, {doc.count('article')} điều, "
        f"{doc.count('clause')} khoản, {doc.count('point')} điểm"
    )

    def walk(node: Node, depth: int) -> None:
        if node.kind in ("clause", "point"):
            return
        title = f" {node.title}" if node.title else ""
        out.append(f"{'  ' * depth}{_KIND_NAMES[node.kind]} {node.label}.{title}")
        for child in node.children:
            walk(child, depth + 1)

    for node in doc.structure:
        walk(node, 1)
    if doc.annexes:
        out.append(f"Phụ lục: {len(doc.annexes)}")
    numbers = sorted({ref.number for ref in doc.references if ref.number})
    if numbers:
        out.append("Văn bản được viện dẫn: " + ", ".join(numbers))
    for warning in doc.warnings:
        out.append(f"Cảnh báo: {warning}")
    return "\n".join(out)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="hoinhap parse", description="Đọc một văn bản quy phạm pháp luật.")
    parser.add_argument("file")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    parser.add_argument(
        "--max-mb", type=float, default=None, help="giới hạn kích thước tệp (MB), mặc định 50"
    )
    args = parser.parse_args(argv)
    max_bytes = int(args.max_mb * MB) if args.max_mb is not None else None
    try:
        doc = parse_file(args.file, max_bytes=max_bytes)
    except LegalReadError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - the contract is one Vietnamese line, never a traceback
        print(f"Không đọc được tệp: lỗi không mong đợi ({type(exc).__name__}).", file=sys.stderr)
        return 2
    if args.json:
        sys.stdout.write(json.dumps(doc.to_dict(), ensure_ascii=False))
        sys.stdout.write("\n")
    else:
        sys.stdout.write(_outline(doc) + "\n")
    return 0
