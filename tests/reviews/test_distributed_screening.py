"""Screening in chunks on real Celery workers (Redis broker) gives exactly the single-pass results,
whatever the chunk size and the number of worker processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid

import pytest
from celery import Celery

from hoinhap.engines.screening import screen_chunk
from hoinhap.reviews.distributed import screen_corpus

REDIS = os.environ.get("HOINHAP_TEST_REDIS", "redis://127.0.0.1:6379/14")


@pytest.fixture(scope="module")
def provisions(shared_dir):
    path = shared_dir / "data" / "eval-dev" / "screening" / "provisions.jsonl"
    keep = ("id", "doc_number", "doc_title", "doc_type", "label", "text")
    return [
        {k: row[k] for k in keep} for row in map(json.loads, path.read_text(encoding="utf-8").splitlines())
    ]


def start_workers(queue: str, processes: int, tmp_path) -> list[subprocess.Popen]:
    env = {
        **os.environ,
        "DEBUG": "1",
        "CELERY_BROKER_URL": REDIS,
        "CELERY_RESULT_BACKEND": REDIS,
        "HOINHAP_VAR_DIR": str(tmp_path),
    }
    env.pop("DATABASE_URL", None)
    workers = []
    for index in range(processes):
        workers.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "celery",
                    "-A",
                    "hoinhap.config",
                    "worker",
                    "--pool=solo",
                    "-Q",
                    queue,
                    "-n",
                    f"w{index}-{queue}@%h",
                    "--without-gossip",
                    "--without-mingle",
                    "--without-heartbeat",
                    "--loglevel=WARNING",
                ],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
    return workers


@pytest.fixture
def client_app():
    app = Celery("hoinhap-test", broker=REDIS, backend=REDIS)
    try:
        app.connection_for_write().ensure_connection(max_retries=1)
    except Exception as exc:  # pragma: no cover - environment problem, not a product one
        pytest.fail(f"Redis is needed for this test ({REDIS}): {exc}")
    yield app
    app.close()


@pytest.mark.parametrize("processes", [1, 2])
def test_chunked_screening_on_workers_matches_single_pass(provisions, client_app, tmp_path, processes):
    expected = screen_chunk(provisions)
    queue = f"screen-test-{uuid.uuid4().hex[:8]}"
    workers = start_workers(queue, processes, tmp_path)
    try:
        for chunk_size in (1, 7, 50, len(provisions)):
            started = time.monotonic()
            got = list(screen_corpus(provisions, chunk_size, celery_app=client_app, queue=queue, timeout=120))
            assert got == expected, f"chunk_size={chunk_size}, workers={processes}"
            print(f"\n{processes} worker(s), chunks of {chunk_size}: {time.monotonic() - started:.1f} s")
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=30)


def test_bad_chunk_size_is_refused(provisions):
    with pytest.raises(ValueError, match="lớn hơn 0"):
        list(screen_corpus(provisions, 0))
