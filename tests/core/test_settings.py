"""A bad setting stops start-up with one clear Vietnamese line, and changes nothing."""

import os
import subprocess
import sys

import pytest

from hoinhap.config.env import SettingsError, database_config, email_config


def run_cli(*args, **env):
    full_env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "HOINHAP_TESTING"}}
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "hoinhap.cli", *args], capture_output=True, text=True, env=full_env, timeout=60
    )


@pytest.mark.parametrize(
    ("env", "needle"),
    [
        ({"DATABASE_URL": "mysql://x@y/z", "DEBUG": "1"}, "DATABASE_URL không hợp lệ"),
        ({"DATABASE_URL": "khong-phai-url", "DEBUG": "1"}, "DATABASE_URL"),
        ({"DEBUG": "0", "SECRET_KEY": ""}, "Thiếu SECRET_KEY"),
        ({"DEBUG": "có lẽ"}, "DEBUG="),
        ({"DEBUG": "1", "CELERY_BROKER_URL": "ftp://x"}, "CELERY_BROKER_URL không hợp lệ"),
        ({"DEBUG": "1", "EMAIL_URL": "http://mail"}, "EMAIL_URL không hợp lệ"),
    ],
)
def test_bad_setting_refuses_to_start_with_one_line(env, needle):
    result = run_cli("check", **env)
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert needle in lines[0]
    assert lines[0].startswith("Lỗi cấu hình:")


def test_database_url_parsing(tmp_path):
    pg = database_config("postgres://postgres@127.0.0.1:5432/test", tmp_path)
    assert pg["ENGINE"].endswith("postgresql") and pg["NAME"] == "test"
    sqlite = database_config(None, tmp_path)
    assert sqlite["ENGINE"].endswith("sqlite3")
    with pytest.raises(SettingsError):
        database_config("postgres://127.0.0.1:5432/", tmp_path)


def test_email_url(monkeypatch):
    monkeypatch.setenv("EMAIL_URL", "smtp://u:p@127.0.0.1:2525?tls=1")
    config = email_config()
    assert (config["EMAIL_HOST"], config["EMAIL_PORT"], config["EMAIL_USE_TLS"]) == ("127.0.0.1", 2525, True)
