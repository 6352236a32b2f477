"""DOCX, PDF, TCVN3, VNI, Windows-1258 and UTF-16 copies of the TXT texts parse to the same tree."""

from __future__ import annotations

import pytest

from hoinhap.engines.legal import parse_bytes, parse_file
from hoinhap.engines.text.encodings import encode_cp1258, encode_tcvn3, encode_vni

from .builders import text_to_docx, text_to_pdf
from .conftest import txt_files

TXT = txt_files()
IDS = [p.stem for p in TXT]


def tree(doc) -> list[tuple]:
    return [(n.kind, n.label, (n.title or "").casefold(), n.id) for n in doc.nodes()]


def metadata(doc) -> tuple:
    return (doc.number, doc.type, doc.issuer, doc.issued, (doc.title or "").casefold(), doc.place)


@pytest.fixture(scope="module", params=TXT, ids=IDS)
def original(request):
    return request.param, parse_file(request.param)


def test_docx_same_tree(original, tmp_path):
    path, doc = original
    copy = parse_file(text_to_docx(path.read_text(encoding="utf-8"), tmp_path / "copy.docx"))
    assert copy.source_format == "docx"
    assert tree(copy) == tree(doc)
    assert metadata(copy) == metadata(doc)
    assert {r.number for r in copy.references} == {r.number for r in doc.references}


@pytest.mark.parametrize("path", TXT[:3], ids=IDS[:3])
def test_pdf_same_tree(path, tmp_path):
    doc = parse_file(path)
    copy = parse_file(text_to_pdf(path.read_text(encoding="utf-8"), tmp_path / "copy.pdf"))
    assert copy.source_format == "pdf"
    assert tree(copy) == tree(doc)
    assert metadata(copy) == metadata(doc)
    assert copy.signer == doc.signer


@pytest.mark.parametrize(
    ("encoder", "key"),
    [(encode_tcvn3, "tcvn3"), (encode_vni, "vni"), (encode_cp1258, "cp1258")],
    ids=["tcvn3", "vni", "cp1258"],
)
def test_legacy_encodings_same_tree(original, encoder, key):
    path, doc = original
    data = encoder(path.read_text(encoding="utf-8"))
    copy = parse_bytes(data, path.name)
    assert copy.encoding == key
    assert any("bảng mã" in w for w in copy.warnings)
    assert tree(copy) == tree(doc)
    # TCVN3 has no upper-case toned letters: compare case-insensitively.
    assert [(m or "").casefold() for m in metadata(copy)] == [(m or "").casefold() for m in metadata(doc)]


def test_utf16_with_bom(original):
    path, doc = original
    copy = parse_bytes(path.read_text(encoding="utf-8").encode("utf-16"), path.name)
    assert copy.encoding == "utf-16"
    assert tree(copy) == tree(doc)
    assert metadata(copy) == metadata(doc)


def test_docx_automatic_numbering(tmp_path):
    """Clause numbers that Word generates (numbering.xml) are read like typed ones."""
    import docx

    document = docx.Document()
    for line in (
        "CHÍNH PHỦ",
        "Số: 1/2024/NĐ-CP",
        "Hà Nội, ngày 2 tháng 3 năm 2024",
        "NGHỊ ĐỊNH",
        "VỀ THỬ NGHIỆM",
    ):
        document.add_paragraph(line)
    document.add_paragraph("Điều 1. Phạm vi")
    for text in ("Khoản thứ nhất.", "Khoản thứ hai."):
        document.add_paragraph(text, style="List Number")
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    doc = parse_file(path)
    clauses = [n for n in doc.nodes() if n.kind == "clause"]
    assert [c.label for c in clauses] == ["1", "2"]
    assert clauses[0].text == "Khoản thứ nhất."


def test_pdf_hyphen_at_line_end_is_kept(tmp_path):
    """A document number broken after its hyphen ("07/2019/TT-" / "BCT") reads as one number."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from .builders import _register_font

    font = _register_font()
    path = tmp_path / "hyphen.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(font, 11)
    lines = [
        "BỘ CÔNG THƯƠNG",
        "Số: 12/2025/TT-BCT",
        "Hà Nội, ngày 1 tháng 7 năm 2025",
        "THÔNG TƯ",
        "Điều 1. Phạm vi điều chỉnh",
        "Thông tư này sửa đổi, bổ sung một số điều của Thông tư số 07/2019/TT-",
        "BCT ngày 19 tháng 4 năm 2019 của Bộ trưởng Bộ Công Thương.",
    ]
    for k, line in enumerate(lines):
        c.drawString(72, 760 - 16 * k, line)
    c.showPage()
    c.save()
    doc = parse_file(path)
    assert "07/2019/TT-BCT" in [ref.number for ref in doc.references]
    assert "\ufffe" not in doc.articles()[0].text
