"""Screening engine: rank legal provisions by how they bear on the integration policy (review basis).

Plain Python (no Django). Public API::

    from hoinhap.engines.screening import load_basis, assess, screen_many

    basis = load_basis()                       # the default basis shipped with the engine
    a = assess({"id": "x", "doc_title": "…", "text": "…"}, basis, expired_lookup=is_expired)
    a.to_dict()  # {"id", "relevance", "score", "task_groups", "flags", "evidence", "suggestions"}

``expired_lookup(number) -> (expired: bool, replaced_by: str | None)`` is provided by the caller (the
corpus knows which documents are expired). Results are deterministic: screening in chunks, in any
order, on any number of workers gives the same assessment for each provision.
"""

from hoinhap.engines.screening.basis import Basis, BasisError, load_basis
from hoinhap.engines.screening.engine import (
    FLAGS,
    Assessment,
    assess,
    expired_lookup_from,
    screen_chunk,
    screen_many,
)

__all__ = [
    "FLAGS",
    "Assessment",
    "Basis",
    "BasisError",
    "assess",
    "expired_lookup_from",
    "load_basis",
    "screen_chunk",
    "screen_many",
]
