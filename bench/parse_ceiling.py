"""How close to the floor a pure-Python legal parser can get (not a test; run:
.venv/bin/python bench/parse_ceiling.py).

Measures, in alternating rounds over the dev TXT documents, three things per MB of input:
- floor: read the bytes, decode, NFC-normalise, split into lines (as in bench/parse.py);
- skeleton: the floor plus the least a parser of these documents must do — per line a
  first-character test and, for lines that may be headings, one regex match and one small
  object; then one scan for document numbers and one for provision mentions. No metadata, no
  tone marks, no nesting, ids, relations or resolution;
- parse: the real ``parse_file``.

The skeleton's ratio to the floor is an upper bound for any parser written in plain Python
that does at least this much work (bench/parse.py's ``txt_ratio`` target is 0.25).
"""

from __future__ import annotations

import re
import sys
import time
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from hoinhap.engines.legal import parse_file  # noqa: E402
from hoinhap.engines.legal.references import _number_matches, _provision_matches  # noqa: E402

MB = 1024 * 1024
_HEADING = re.compile(r"(?:Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s*\S+|\d{1,3}\.\s|[a-zđ]\)\s")
_MAY_HEAD = frozenset("ĐCMP0123456789abcdefghiklmnopqrstuvxyđ")


class _Heading:
    __slots__ = ("line", "text")

    def __init__(self, line: str, text: list[str]):
        self.line = line
        self.text = text


def floor(path: Path) -> None:
    with open(path, "rb") as handle:
        data = handle.read()
    unicodedata.normalize("NFC", data.decode("utf-8")).splitlines()


def skeleton(path: Path) -> None:
    with open(path, "rb") as handle:
        data = handle.read()
    text = unicodedata.normalize("NFC", data.decode("utf-8"))
    nodes = []
    sink: list[str] = []
    match = _HEADING.match
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line[0] in _MAY_HEAD and match(line):
            sink = []
            nodes.append(_Heading(line, sink))
        else:
            sink.append(line)
    [m.group(1) for m in _number_matches(text)]
    [m.group(0) for m in _provision_matches(text)]


def main() -> int:
    source = (REPO / ".." / "shared" / "data" / "eval-dev" / "legal").resolve()
    files = sorted(source.glob("*.txt"))
    if not files:
        print(f"Không tìm thấy bộ văn bản mẫu ở {source}", file=sys.stderr)
        return 2
    size = sum(path.stat().st_size for path in files)
    seconds = {"floor": 0.0, "skeleton": 0.0, "parse": 0.0}
    rounds = 20
    for _ in range(rounds):
        for name, work in (("floor", floor), ("skeleton", skeleton), ("parse", parse_file)):
            start = time.perf_counter()
            for _ in range(5):
                for path in files:
                    work(path)
            seconds[name] += time.perf_counter() - start
    volume = size * 5 * rounds / MB
    rates = {name: volume / s for name, s in seconds.items()}
    for name, rate in rates.items():
        print(
            f"{name:9s} {rate:8.2f} MB/s  {1000 / rate:6.2f} ms/MB  ratio to floor {rate / rates['floor']:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
