from __future__ import annotations

import datetime as dt
import socket

import pytest

from hoinhap.tasks import services
from hoinhap.tasks.models import Programme, Source, Task

D = dt.date


@pytest.fixture
def programme(db):
    return Programme.objects.create(
        code="153/NQ-CP",
        title="Chương trình hành động thực hiện Nghị quyết 59",
        issued=D(2025, 5, 31),
        end_year=2026,
    )


@pytest.fixture
def conclusion(db, programme):
    return Source.objects.create(
        kind=Source.Kind.CONCLUSION,
        number="15/TB-VPCP",
        title="Kết luận của Thủ tướng Chính phủ tại Hội nghị tổng kết năm 2025",
        issued=D(2026, 1, 20),
        programme=programme,
    )


@pytest.fixture
def make_task(db, agency, programme):
    """A complete task (all six "rõ") through the service; override any field."""

    def make(
        code="BCT",
        title="Xây dựng lộ trình đàm phán FTA",
        deadline="trước ngày 31/03/2026",
        coordinators=(),
        **fields,
    ):
        data = {
            "programme": programme,
            "agency": agency(code),
            "title": title,
            "deadline_text": deadline,
            "responsible_title": "Thứ trưởng",
            "product_kind": Task.Product.PLAN,
            "product": "Lộ trình đàm phán",
            "authority": Task.Authority.PRIME_MINISTER,
        }
        data.update(fields)
        return services.save_task(None, None, data, [(agency(c), share) for c, share in coordinators])

    return make


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server (aiosmtpd) on a free local port; Django's SMTP backend pointed at it."""
    from aiosmtpd.controller import Controller

    class Sink:
        def __init__(self):
            self.messages = []

        async def handle_DATA(self, server, session, envelope):
            self.messages.append(envelope)
            return "250 OK"

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    sink.controller = controller
    yield sink
    controller.stop()


@pytest.fixture
def freeze_today(monkeypatch):
    """Fix the day statuses are derived on (status.today and the services that read it)."""
    from hoinhap.tasks import status

    def freeze(day):
        monkeypatch.setattr(status, "today", lambda: day)
        monkeypatch.setattr(services, "today", lambda: day)

    return freeze
