"""Shared fixtures: the dev set lives in ../shared beside the repository (<repo>/../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


def shared_dir() -> Path:
    return (REPO / ".." / "shared").resolve()


def dev_legal_dir() -> Path:
    return shared_dir() / "data" / "eval-dev" / "legal"


def expected_files() -> list[Path]:
    return sorted(dev_legal_dir().glob("*.expected.json"))


def source_of(expected: Path) -> Path:
    base = expected.name[: -len(".expected.json")]
    for ext in (".txt", ".html"):
        candidate = expected.with_name(base + ext)
        if candidate.exists():
            return candidate
    raise FileNotFoundError(base)


def txt_files() -> list[Path]:
    return sorted(dev_legal_dir().glob("*.txt"))


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    path = dev_legal_dir()
    if not path.is_dir():
        pytest.skip(f"dev set not found at {path}")
    return path
