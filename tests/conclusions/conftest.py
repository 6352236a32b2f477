from __future__ import annotations

import pytest

SEED = "seeds/001_2de0e771f0577654.txt"


@pytest.fixture(scope="session")
def seed_text(shared_dir) -> str:
    return (shared_dir / SEED).read_text(encoding="utf-8")


@pytest.fixture
def secretariat(make_user):
    return make_user("secretariat", "BNG")


@pytest.fixture
def focal_bct(make_user):
    return make_user("focal_point", "BCT")


@pytest.fixture
def seed_notice(db, secretariat, seed_text):
    from hoinhap.conclusions import services

    return services.propose(secretariat, seed_text)


def row_led_by(notice, code):
    return notice.rows.get(lead__code=code)
