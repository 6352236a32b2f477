from __future__ import annotations

import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"
DEV = SHARED / "data" / "eval-dev" / "screening" / "provisions.jsonl"
SEED = SHARED / "seeds" / "000_4d7afe699944b96e.txt"


@pytest.fixture(scope="session")
def dev_rows() -> list[dict]:
    if not DEV.is_file():
        pytest.skip("shared/ is not beside the repository")
    with DEV.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="session")
def basis():
    from hoinhap.engines.screening import load_basis

    return load_basis()
