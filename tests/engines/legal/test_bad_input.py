"""Each bad input gives a clear Vietnamese message (LegalReadError / exit 2) or a warning."""

from __future__ import annotations

import subprocess
import sys

import pytest

from hoinhap.engines.legal import LegalReadError, parse_bytes, parse_file, parse_text

from .builders import blank_pdf, text_to_docx, text_to_pdf
from .conftest import txt_files

VIETNAMESE = set("ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ")

HEADER = (
    "BỘ TƯ PHÁP\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 12/2024/TT-BTP\n{date}\nTHÔNG TƯ\nQUY ĐỊNH VỀ THỬ NGHIỆM\n"
    "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15;\n"
)


def _is_vietnamese_message(message: str) -> bool:
    return bool(message) and "\n" not in message and any(ch in VIETNAMESE for ch in message.lower())


def _read_error(call) -> str:
    with pytest.raises(LegalReadError) as info:
        call()
    message = str(info.value)
    assert _is_vietnamese_message(message), message
    return message


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert "rỗng" in _read_error(lambda: parse_file(path))


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \n\r\n\t ")
    assert "rỗng" in _read_error(lambda: parse_file(path))


def test_binary_named_txt(tmp_path):
    path = tmp_path / "random.txt"
    path.write_bytes(bytes(range(256)) * 64)
    _read_error(lambda: parse_file(path))


def test_truncated_docx(tmp_path):
    source = txt_files()[0]
    full = text_to_docx(source.read_text(encoding="utf-8"), tmp_path / "full.docx").read_bytes()
    path = tmp_path / "truncated.docx"
    path.write_bytes(full[: len(full) // 2])
    assert "DOCX" in _read_error(lambda: parse_file(path))


def _encrypted_pdf(tmp_path, user_password: str):
    """-> (plain PDF of a dev text, the same PDF encrypted with this user password)."""
    from pypdf import PdfReader, PdfWriter

    source = txt_files()[0]
    plain = text_to_pdf(source.read_text(encoding="utf-8"), tmp_path / "plain.pdf")
    writer = PdfWriter()
    for page in PdfReader(str(plain)).pages:
        writer.add_page(page)
    writer.encrypt(user_password=user_password, owner_password="chu-so-huu")
    path = tmp_path / "encrypted.pdf"
    with open(path, "wb") as handle:
        writer.write(handle)
    return plain, path


def test_encrypted_pdf(tmp_path):
    _, path = _encrypted_pdf(tmp_path, "mat-khau")
    assert "mã hóa" in _read_error(lambda: parse_file(path))


def test_pdf_with_only_an_owner_password_is_read(tmp_path):
    """Official PDFs often restrict printing or copying with an owner password; they open without
    a password and must be read like any other."""
    plain, path = _encrypted_pdf(tmp_path, "")
    assert parse_file(path).to_dict()["structure"] == parse_file(plain).to_dict()["structure"]


def test_pdf_without_text(tmp_path):
    path = blank_pdf(tmp_path / "scan.pdf")
    assert "lớp văn bản" in _read_error(lambda: parse_file(path))


def test_file_over_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    with open(path, "wb") as handle:
        handle.seek(3 * 1024 * 1024)
        handle.write(b"x")

    def no_read(*args, **kwargs):  # the file must not be opened at all
        raise AssertionError("file was opened")

    monkeypatch.setattr("builtins.open", no_read)
    message = _read_error(lambda: parse_file(path, max_bytes=1024 * 1024))
    assert "quá lớn" in message


def test_size_limit_from_environment(tmp_path, monkeypatch):
    path = tmp_path / "doc.txt"
    path.write_bytes(b"a" * 2048)
    monkeypatch.setenv("HOINHAP_PARSE_MAX_MB", "0.001")
    assert "quá lớn" in _read_error(lambda: parse_file(path))


def test_default_size_limit_is_50_mb():
    from hoinhap.engines.legal import DEFAULT_MAX_BYTES

    assert DEFAULT_MAX_BYTES == 50 * 1024 * 1024


def test_html_without_articles():
    html = "<html><body><p>CHÍNH PHỦ</p><p>Số: 5/2024/NĐ-CP</p><p>Tin tức trong ngày.</p></body></html>"
    doc = parse_bytes(html.encode("utf-8"), "page.html")
    assert doc.structure == []
    assert any("Điều" in w for w in doc.warnings)


def test_date_line_that_does_not_parse():
    text = HEADER.format(date="Hà Nội, ngày    tháng    năm 2024") + "Điều 1. Phạm vi\nNội dung.\n"
    doc = parse_text(text)
    assert doc.issued is None
    assert any("ngày ban hành" in w for w in doc.warnings)
    assert doc.count("article") == 1


def test_impossible_date():
    text = HEADER.format(date="Hà Nội, ngày 31 tháng 02 năm 2024") + "Điều 1. Phạm vi\nNội dung.\n"
    doc = parse_text(text)
    assert doc.issued is None
    assert any("không hợp lệ" in w for w in doc.warnings)


def test_two_articles_numbered_5():
    body = "".join(
        f"Điều {n}. Tiêu đề {k}\n1. Nội dung khoản.\n" for k, n in enumerate([1, 2, 3, 4, 5, 5, 6])
    )
    doc = parse_text(HEADER.format(date="Hà Nội, ngày 2 tháng 3 năm 2024") + body)
    assert doc.count("article") == 7
    assert any("Điều 5" in w for w in doc.warnings)
    ids = [n.id for n in doc.nodes()]
    assert len(ids) == len(set(ids))


def test_missing_file(tmp_path):
    assert "Không tìm thấy" in _read_error(lambda: parse_file(tmp_path / "nope.txt"))


def test_old_word_format(tmp_path):
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert ".doc" in _read_error(lambda: parse_file(path))


@pytest.mark.parametrize("payload", [b"", bytes(range(256)) * 8], ids=["empty", "binary"])
def test_cli_exit_2_with_one_vietnamese_line(tmp_path, payload):
    path = tmp_path / "bad.txt"
    path.write_bytes(payload)
    result = subprocess.run(
        [sys.executable, "-m", "hoinhap.cli", "parse", str(path), "--json"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and _is_vietnamese_message(lines[0])
