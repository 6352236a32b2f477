"""Chunked, parallel screening gives the same results as one pass, whatever the chunk size and workers."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from hoinhap.engines.screening import screen_chunk, screen_many


def _chunks(rows, size):
    return [rows[i : i + size] for i in range(0, len(rows), size)]


def test_chunks_and_workers_identical(dev_rows, basis):
    rows = [
        {k: v for k, v in r.items() if k not in ("relevance", "task_groups", "flags", "note")}
        for r in dev_rows
    ]
    expired = {"02/2017/NĐ-CP": "09/2025/NĐ-CP", "12/2012/NĐ-CP": None}
    single = screen_chunk(rows, expired=expired)
    assert len(single) == len(rows)
    ctx = multiprocessing.get_context("spawn")
    for workers in (1, 2):
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
            for size in (1, 13, 50, len(rows)):
                parts = list(pool.map(screen_chunk, _chunks(rows, size), [None] * 999, [expired] * 999))
                merged = [d for part in parts for d in part]
                assert merged == single, (workers, size)
    # reversed order in one process: each provision's result does not depend on its neighbours
    rev = [a.to_dict() for a in screen_many(list(reversed(rows)), basis)]
    assert list(reversed(rev)) == screen_chunk(rows)
