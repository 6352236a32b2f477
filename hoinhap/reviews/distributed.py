"""Screening a corpus spread over Celery workers, chunk by chunk.

The corpus is streamed: at most ``window`` chunks are in flight, so memory stays flat however large
the corpus. Results come back in the corpus's order and are identical to a single pass whatever
the chunk size or the number of workers (the engine is deterministic and chunks share nothing).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice


def _chunks(items: Iterable[dict], size: int) -> Iterator[list[dict]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def screen_corpus(
    provisions: Iterable[dict],
    chunk_size: int = 500,
    *,
    basis=None,
    expired: dict | None = None,
    celery_app=None,
    queue: str | None = None,
    window: int = 8,
    timeout: float = 600,
) -> Iterator[dict]:
    """Yield one assessment dict per provision, in order, computed by Celery workers."""
    if chunk_size < 1:
        raise ValueError("Kích thước mỗi phần phải lớn hơn 0.")
    if celery_app is None:
        from hoinhap.config.celery import app as celery_app
    options = {"queue": queue} if queue else {}
    pending: deque = deque()
    for chunk in _chunks(provisions, chunk_size):
        pending.append(celery_app.send_task("hoinhap.screen_chunk", args=[chunk, basis, expired], **options))
        if len(pending) >= window:
            yield from pending.popleft().get(timeout=timeout)
    while pending:
        yield from pending.popleft().get(timeout=timeout)
