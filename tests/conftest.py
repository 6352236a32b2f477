"""Shared fixtures: the real database (SQLite or PostgreSQL from DATABASE_URL) with reference data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "1")  # Playwright's sync API beside DB fixtures


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"shared/ not found beside the repository: {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Reference data once per session, in the test database (kept by per-test rollbacks)."""
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("load_reference", verbosity=0)


@pytest.fixture
def agency():
    from hoinhap.agencies.models import Agency

    def get(code: str) -> Agency:
        return Agency.objects.get(code=code)

    return get


@pytest.fixture
def make_user(db, agency):
    from tests.factories import UserFactory

    def make(role: str = "officer", code: str | None = "BCT", **kwargs):
        return UserFactory(role=role, agency=agency(code) if code else None, **kwargs)

    return make
