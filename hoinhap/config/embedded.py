"""`hoinhap embedded` (what `make run` starts): the product on its embedded default.

SQLite in var/, reference and demo data, a Celery worker on the filesystem queue in var/queue
(no broker process: the same Celery code as production, where CELERY_BROKER_URL names Redis),
and the web server on 127.0.0.1:$PORT.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys


def main(argv: list[str]) -> int:
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hoinhap.config.settings")
    port = os.environ.get("PORT", "8000")
    from hoinhap.config.env import SettingsError

    try:
        import django

        django.setup()
    except SettingsError as exc:
        print(f"Lỗi cấu hình: {exc}", file=sys.stderr)
        return 2
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    print("Đã cập nhật cơ sở dữ liệu.")
    call_command("load_reference")
    call_command("load_demo")
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "hoinhap.config",
            "worker",
            "-B",
            "--pool=solo",
            "--loglevel=WARNING",
            "--schedule",
            os.path.join(_var_dir(), "celerybeat-schedule"),
        ],
        env=os.environ.copy(),
    )
    from hoinhap.agencies.demo import DEMO_PASSWORD, DEMO_PEOPLE

    print(f"\nTài khoản trình diễn (mật khẩu: {DEMO_PASSWORD}):")
    for username, code, _role, *_ in DEMO_PEOPLE:
        print(f"  {username:<22} {code or 'mọi cơ quan (xem)'}")
    print(f"\nhoinhap đang chạy tại http://127.0.0.1:{port}/  (Ctrl+C để dừng)\n", flush=True)
    try:
        call_command("runserver", f"127.0.0.1:{port}", use_reloader=False, use_threading=True)
    except KeyboardInterrupt:
        pass
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=10)
        except subprocess.TimeoutExpired:
            worker.kill()
    return 0


def _var_dir() -> str:
    from django.conf import settings

    settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
    return str(settings.VAR_DIR)
