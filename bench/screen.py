"""Screening throughput on one core: provisions/s over >= 100,000 provisions (dev texts repeated).

Prints the floor measured in the same run (NFC + lower-case of the same texts), the ratio and the peak
memory; the provisions are generated lazily and screened as a stream, so memory stays flat. Also prints
the quality figures on the dev file. Last line: `provisions_s=… floor_s=… ratio=… peak_mb=…`.
Not collected by pytest. Usage: python bench/screen.py [N]
"""

from __future__ import annotations

import itertools
import json
import resource
import sys
import time
import unicodedata
from pathlib import Path

from hoinhap.engines.screening import load_basis, screen_many
from hoinhap.engines.screening.quality import evaluate, summary_lines

DEV = (
    Path(__file__).resolve().parents[1]
    / ".."
    / "shared"
    / "data"
    / "eval-dev"
    / "screening"
    / "provisions.jsonl"
)
FIELDS = ("id", "doc_number", "doc_title", "doc_type", "label", "text")


def stream(rows: list[dict], n: int):
    for i, r in enumerate(itertools.islice(itertools.cycle(rows), n)):
        p = {k: r[k] for k in FIELDS}
        p["id"] = f"{r['id']}#{i}"
        yield p


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with DEV.open(encoding="utf-8") as fh:
        labelled = [json.loads(line) for line in fh if line.strip()]
    basis = load_basis()
    res = evaluate(labelled, basis)  # also warms up the basis and the agency directory
    print("\n".join(summary_lines(res)))

    t0 = time.process_time()
    total = 0
    for p in stream(labelled, n):
        total += len(unicodedata.normalize("NFC", p["text"]).lower())
    floor = time.process_time() - t0

    t0 = time.process_time()
    count = relevant = flagged = 0
    for a in screen_many(stream(labelled, n), basis):
        count += 1
        relevant += a.relevance > 0
        flagged += bool(a.flags)
    dt = time.process_time() - t0

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ps, fs = count / dt, n / floor
    print(
        f"screened {count} provisions ({total / n:.0f} characters on average): {relevant} relevant, {flagged} flagged"
    )
    print(f"engine {dt:.2f} s CPU, floor (NFC + lower) {floor:.3f} s CPU")
    print(f"provisions_s={ps:.0f} floor_s={fs:.0f} ratio={fs / ps:.1f} peak_mb={peak_mb:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
