"""Make DOCX and PDF copies of a plain-text legal document (for tests and bench/parse.py).

DOCX: the header block (issuer / motto, number / place and date) goes into a 2x2 table with
soft line breaks inside cells, as Word documents of the ministries have it; every other line
is one paragraph. PDF: reportlab with DejaVu Sans, one wrapped paragraph per line.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

_DATE_LINE = re.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}")
_MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


def _header_split(lines: list[str]) -> tuple[list[str], list[str], list[str], list[str], list[str]]:
    """-> issuer lines, motto lines, number lines, date lines, the rest."""
    motto = next((i for i, line in enumerate(lines[:12]) if _MOTTO in line.upper()), None)
    number = next((i for i, line in enumerate(lines[:12]) if line.startswith("Số")), None)
    date = next((i for i, line in enumerate(lines[:12]) if _DATE_LINE.search(line)), None)
    if motto is None or number is None or date is None or not motto < number < date:
        return [], [], [], [], lines
    return lines[:motto], lines[motto:number], lines[number:date], lines[date : date + 1], lines[date + 1 :]


def _cell_text(cell, lines: list[str]) -> None:
    paragraph = cell.paragraphs[0]
    for k, line in enumerate(lines):
        run = paragraph.add_run(line)
        if k + 1 < len(lines):
            run.add_break()  # soft line break inside the cell


def text_to_docx(text: str, path: Path) -> Path:
    import docx

    lines = [line.strip() for line in text.splitlines() if line.strip()]
    issuer, motto, number, date, rest = _header_split(lines)
    document = docx.Document()
    if issuer:
        table = document.add_table(rows=2, cols=2)
        _cell_text(table.cell(0, 0), issuer)
        _cell_text(table.cell(0, 1), motto)
        _cell_text(table.cell(1, 0), number)
        _cell_text(table.cell(1, 1), date)
    for line in rest:
        document.add_paragraph(line)
    document.save(str(path))
    return path


_FONT_READY = False


def _register_font() -> str:
    global _FONT_READY
    if not _FONT_READY:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT_DIR / "DejaVuSans.ttf")))
        _FONT_READY = True
    return "DejaVuSans"


def text_to_pdf(text: str, path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    font = _register_font()
    style = ParagraphStyle("body", fontName=font, fontSize=11, leading=14, spaceAfter=4)
    story = [Paragraph(escape(line.strip()), style) for line in text.splitlines() if line.strip()]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def blank_pdf(path: Path) -> Path:
    """A one-page PDF with a drawn rectangle and no text layer (like a scan)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.rect(100, 100, 300, 400, fill=1)
    c.showPage()
    c.save()
    return path
