"""`hoinhap screen`: screen provisions (JSONL) or a whole legal document against the review basis.

  hoinhap screen FILE.jsonl --json [--expired FILE] [--basis FILE]
      one JSON object a line in, one JSON line out per provision, in order:
      {"id", "relevance", "score", "task_groups", "flags", "evidence", "suggestions"}
  hoinhap screen FILE.jsonl                 the same provisions ranked, readable
  hoinhap screen DOCUMENT [--json] [--top N]
      a .txt/.html/.docx/.pdf legal document, parsed by the legal engine; its articles (or clauses)
      ranked with flags and evidence (--json: one JSON line per provision, in document order)

--expired FILE: documents the corpus marks expired, a JSON object {number: replaced_by or null}, a JSON
list of numbers, or lines "number [replaced_by]".
Bad input (missing file, a line that is not JSON, a provision without text) ends with exit code 2 and one
line in Vietnamese on stderr naming the line.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hoinhap.engines.screening.basis import BasisError, load_basis
from hoinhap.engines.screening.engine import Assessment, expired_lookup_from, screen_many

FLAG_LABELS = {
    "abolished_agency": "cơ quan đã hợp nhất/giải thể",
    "district_level": "cấp huyện",
    "treaty_precedence": "ưu tiên điều ước quốc tế",
    "cites_policy": "viện dẫn văn bản của Đảng",
    "superseded_policy": "viện dẫn chủ trương đã được thay thế",
    "expired_reference": "viện dẫn văn bản hết hiệu lực",
}
RELEVANCE_LABELS = {2: "trực tiếp", 1: "có liên quan", 0: "không liên quan"}


class InputError(Exception):
    """Bad input: the message is one Vietnamese line."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="hoinhap screen",
        description="Sàng lọc quy định theo chủ trương hội nhập quốc tế (căn cứ rà soát).",
    )
    p.add_argument("file", help="tệp JSONL các quy định, hoặc văn bản (.txt, .html, .docx, .pdf)")
    p.add_argument("--json", action="store_true", help="mỗi quy định một dòng JSON")
    p.add_argument(
        "--expired", help="danh sách văn bản hết hiệu lực (JSON hoặc mỗi dòng: số hiệu [văn bản thay thế])"
    )
    p.add_argument("--basis", help="căn cứ rà soát khác (YAML/JSON), mặc định: căn cứ kèm theo")
    p.add_argument("--top", type=int, default=0, help="chỉ in N quy định đầu bảng xếp hạng")
    return p


def _read_expired(path: str) -> dict[str, str | None]:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"Lỗi: không tìm thấy tệp danh sách văn bản hết hiệu lực «{path}».")
    text = p.read_text(encoding="utf-8-sig")
    stripped = text.strip()
    if stripped.startswith("{") or stripped.startswith("["):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise InputError(f"Lỗi: tệp «{path}» không phải JSON hợp lệ (dòng {exc.lineno}).") from exc
        if isinstance(data, dict):
            return {str(k): (str(v) if v else None) for k, v in data.items()}
        out: dict[str, str | None] = {}
        for i, item in enumerate(data, 1):
            if isinstance(item, str):
                out[item] = None
            elif isinstance(item, dict) and item.get("number"):
                out[str(item["number"])] = str(item["replaced_by"]) if item.get("replaced_by") else None
            else:
                raise InputError(f"Lỗi: phần tử thứ {i} của tệp «{path}» không có số hiệu văn bản.")
        return out
    out = {}
    for line in text.splitlines():
        parts = line.split()
        if parts and not parts[0].startswith("#"):
            out[parts[0]] = parts[1] if len(parts) > 1 else None
    return out


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Provisions of a JSONL file; raises InputError naming the first bad line."""
    with path.open(encoding="utf-8-sig") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(
                    f"Lỗi: dòng {n} của «{path.name}» không phải JSON hợp lệ ({exc.msg})."
                ) from exc
            if not isinstance(obj, dict):
                raise InputError(f"Lỗi: dòng {n} của «{path.name}» không phải một đối tượng JSON.")
            if not isinstance(obj.get("text"), str):
                raise InputError(f"Lỗi: dòng {n} của «{path.name}» thiếu trường «text» (nội dung quy định).")
            yield obj


def _validate_jsonl(path: Path) -> None:
    for _ in _read_jsonl(path):
        pass


def _document_provisions(path: Path) -> list[dict[str, Any]]:
    """Articles of a legal document as provisions (clauses of a long article separately)."""
    from hoinhap.engines.legal import LegalReadError, parse_file

    try:
        doc = parse_file(path)
    except LegalReadError as exc:
        raise InputError(f"Lỗi: {exc}") from exc
    number = doc.number or ""
    title = doc.title or ""
    doc_type = doc.type or ""
    out: list[dict[str, Any]] = []

    def walk(node: Any, of: str = "") -> None:
        kind = getattr(node, "kind", "")
        if kind == "article":
            label = getattr(node, "label", "") or ""
            label = f"Điều {label}" if label and not label.lower().startswith("điều") else label
            if of:
                label = f"{label} {of}"  # "Điều 1 Quy chế": an article of the attached regulation
            heading = getattr(node, "title", "") or ""
            # "Điều 2. Quyết định này có hiệu lực … và thay thế …": the heading is the provision.
            body = _node_text(node) or heading
            if body.strip():
                out.append(
                    {
                        "id": getattr(node, "id", None) or label,
                        "doc_number": number,
                        "doc_title": title,
                        "doc_type": doc_type,
                        "label": label,
                        "heading": heading,
                        "text": body,
                    }
                )
            return
        for child in getattr(node, "children", None) or []:
            walk(child, of)

    for r in doc.structure:
        walk(r)
    for annex in doc.annexes:  # a regulation issued with the document has articles of its own
        kind = " ".join((annex.title or "").split()[:2]).capitalize()  # "QUY CHẾ …" -> "Quy chế"
        for r in annex.structure:
            walk(r, kind)
    if not out:
        raise InputError(f"Lỗi: không nhận ra điều khoản nào trong văn bản «{path.name}».")
    return out


def _node_text(node: Any) -> str:
    parts = []
    own = getattr(node, "text", "") or ""
    if own.strip():
        parts.append(own.strip())
    for child in getattr(node, "children", None) or []:
        t = _node_text(child)
        label = getattr(child, "label", "") or ""
        kind = getattr(child, "kind", "")
        if t:
            if kind in ("clause", "point") and label and not t.startswith(label):
                prefix = f"{label}. " if kind == "clause" else f"{label}) "
                parts.append(prefix + t)
            else:
                parts.append(t)
    return "\n".join(parts)


def _format(rank: int, p: dict[str, Any], a: Assessment) -> str:
    lines = [
        f"{rank:>3}. [{a.score:.2f}] {p.get('label') or p.get('id')}"
        + (f" — {p['heading']}" if p.get("heading") else "")
        + f" · liên quan: {a.relevance} ({RELEVANCE_LABELS[a.relevance]})"
        + (f" · nhóm nhiệm vụ: {', '.join(a.task_groups)}" if a.task_groups else "")
    ]
    if a.flags:
        lines.append("     Cờ: " + "; ".join(FLAG_LABELS.get(f, f) for f in a.flags))
    for ev in a.evidence:
        if ev["judgement"] == "relevance" and ev["matches"]:
            words = ", ".join(f"«{m['text']}» ({m['start']}–{m['end']})" for m in ev["matches"][:6])
            lines.append(f"     Căn cứ: {ev['policy_item']['title']} — {words}")
    for s in a.suggestions:
        lines.append(f"     Đề xuất ({s['category']}, {s['action']}): {s['text']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    path = Path(args.file)
    try:
        if not path.is_file():
            raise InputError(f"Lỗi: không tìm thấy tệp «{args.file}».")
        try:
            basis = load_basis(args.basis) if args.basis else load_basis()
        except (OSError, BasisError, ValueError) as exc:
            raise InputError(f"Lỗi: không đọc được căn cứ rà soát «{args.basis}»: {exc}") from exc
        lookup = expired_lookup_from(_read_expired(args.expired)) if args.expired else None
        is_jsonl = path.suffix.lower() in (".jsonl", ".ndjson")
        out = sys.stdout
        if is_jsonl and args.json:
            _validate_jsonl(path)  # nothing printed if any line is bad
            for a in screen_many(_read_jsonl(path), basis, lookup):
                out.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")
            return 0
        provisions = list(_read_jsonl(path)) if is_jsonl else _document_provisions(path)
        assessed = list(zip(provisions, screen_many(provisions, basis, lookup), strict=True))
        if args.json:
            for _p, a in assessed:
                out.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")
            return 0
        ranked = sorted(enumerate(assessed), key=lambda x: (-x[1][1].score, x[0]))
        if args.top > 0:
            ranked = ranked[: args.top]
        head = provisions[0]
        title = " ".join(str(head.get(k) or "") for k in ("doc_type", "doc_title")).strip()
        n2 = sum(1 for _p, a in assessed if a.relevance == 2)
        n1 = sum(1 for _p, a in assessed if a.relevance == 1)
        nf = sum(1 for _p, a in assessed if a.flags)
        out.write(
            f"Sàng lọc {len(assessed)} quy định"
            + (f" — {title} {head.get('doc_number') or ''}".rstrip() if title and not is_jsonl else "")
            + f": {n2} liên quan trực tiếp, {n1} có liên quan, {nf} có cờ.\n\n"
        )
        for rank, (_i, (p, a)) in enumerate(ranked, 1):
            out.write(_format(rank, p, a) + "\n")
        return 0
    except InputError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except UnicodeDecodeError:
        print(f"Lỗi: tệp «{args.file}» không phải văn bản UTF-8.", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head`
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
