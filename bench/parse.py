"""Speed and memory of the legal document engine (not a test; run: .venv/bin/python bench/parse.py).

Per format, the dev documents (../shared/data/eval-dev/legal) are parsed again and again until
at least 50 MB of input has gone through (PDF: a smaller volume, see --pdf-mb), one file at a
time from disk, so the corpus is never held in memory. In the same run the floor is measured:
reading the same TXT bytes, decoding, NFC-normalising and splitting them into lines, in rounds
that alternate with the TXT parse so that both see the same load on the machine. DOCX and
PDF copies are generated from the TXT texts into a temporary folder.

The last line is the summary:
  txt_mb_s=… html_mb_s=… docx_mb_s=… pdf_mb_s=… floor_mb_s=… txt_ratio=… peak_mb=…
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from hoinhap.engines.legal import parse_file  # noqa: E402
from tests.engines.legal.builders import text_to_docx, text_to_pdf  # noqa: E402

MB = 1024 * 1024


def dev_dir() -> Path:
    return (REPO / ".." / "shared" / "data" / "eval-dev" / "legal").resolve()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(files: list[Path], volume: int, work) -> tuple[float, int, int]:
    """-> seconds, documents, bytes. ``work(path)`` reads and processes one file."""
    sizes = [path.stat().st_size for path in files]
    done = 0
    docs = 0
    start = time.perf_counter()
    while done < volume:
        for path, size in zip(files, sizes, strict=True):
            work(path)
            done += size
            docs += 1
            if done >= volume:
                break
    return time.perf_counter() - start, docs, done


def interleaved(files: list[Path], volume: int, rounds: int = 10) -> tuple[tuple, tuple]:
    """The floor and the TXT parse over the same files, in alternating rounds, so that both see
    the same machine (a busy neighbour slows both, not one): -> (floor run, txt run)."""
    per = max(volume // rounds, 1)
    totals = [[0.0, 0, 0], [0.0, 0, 0]]
    for _ in range(rounds):
        for total, work in zip(totals, (floor_work, parse_file), strict=True):
            seconds, docs, size = run(files, per, work)
            total[0] += seconds
            total[1] += docs
            total[2] += size
    return tuple(totals[0]), tuple(totals[1])


def floor_work(path: Path) -> None:
    with open(path, "rb") as handle:
        data = handle.read()
    unicodedata.normalize("NFC", data.decode("utf-8")).splitlines()


def report(name: str, seconds: float, docs: int, size: int, note: str = "") -> float:
    mb_s = size / MB / seconds if seconds else 0.0
    print(
        f"{name:6s} {docs:6d} docs {size / MB:8.1f} MB {seconds:7.2f} s  {docs / seconds:9.1f} docs/s  {mb_s:7.2f} MB/s{note}"
    )
    return mb_s


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="volume per format (MB), default 50")
    parser.add_argument("--pdf-mb", type=float, default=2.0, help="volume for PDF (MB), default 2")
    args = parser.parse_args(argv)
    volume = int(args.mb * MB)
    source = dev_dir()
    txt = sorted(source.glob("*.txt"))
    html = sorted(source.glob("*.html"))
    if not txt:
        print(f"Không tìm thấy bộ văn bản mẫu ở {source}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        docx = [text_to_docx(p.read_text(encoding="utf-8"), tmp_path / f"{p.stem}.docx") for p in txt]
        pdf = [text_to_pdf(p.read_text(encoding="utf-8"), tmp_path / f"{p.stem}.pdf") for p in txt]
        print(f"dev documents: {len(txt)} txt, {len(html)} html; docx and pdf generated from the txt")
        floor_run, txt_run = interleaved(txt, volume)
        floor = report("floor", *floor_run)
        txt_mb = report("txt", *txt_run)
        html_mb = report("html", *run(html, volume, parse_file)) if html else 0.0
        docx_mb = report("docx", *run(docx, volume, parse_file))
        pdf_volume = int(args.pdf_mb * MB)
        pdf_mb = report("pdf", *run(pdf, pdf_volume, parse_file), note=f"  (volume {args.pdf_mb:g} MB)")
    ratio = txt_mb / floor if floor else 0.0
    print(f"ratios to the floor: txt {ratio:.3f}, html {html_mb / floor if floor else 0.0:.3f} (target 0.25)")
    print(
        f"txt_mb_s={txt_mb:.2f} html_mb_s={html_mb:.2f} docx_mb_s={docx_mb:.2f} pdf_mb_s={pdf_mb:.2f} "
        f"floor_mb_s={floor:.2f} txt_ratio={ratio:.3f} peak_mb={peak_mb():.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
