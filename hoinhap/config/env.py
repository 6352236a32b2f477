"""Settings from the environment, validated: a bad value stops start-up with one clear line."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import parse_qs, urlparse


class SettingsError(Exception):
    """A setting that cannot be used; the message is one Vietnamese line."""


TRUE = {"1", "true", "yes", "on", "có"}
FALSE = {"0", "false", "no", "off", "không", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise SettingsError(f"{name}={raw!r} không hợp lệ: dùng 1/0, true/false.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} không phải là số nguyên.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def database_config(url: str | None, base_dir: Path) -> dict:
    """DATABASE_URL -> Django DATABASES['default']; SQLite file under var/ when unset."""
    import dj_database_url

    if not url:
        path = Path(os.environ.get("HOINHAP_VAR_DIR", base_dir / "var")) / "hoinhap.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{path}"
    scheme = urlparse(url).scheme
    if scheme not in {"sqlite", "postgres", "postgresql", "pgsql"}:
        raise SettingsError(
            f"DATABASE_URL không hợp lệ ({url!r}): chỉ hỗ trợ sqlite:///đường/dẫn hoặc "
            "postgres://người_dùng@máy:cổng/tên_csdl."
        )
    try:
        config = dj_database_url.parse(url, conn_max_age=60 if scheme != "sqlite" else 0)
    except Exception as exc:  # dj_database_url raises several kinds
        raise SettingsError(f"DATABASE_URL không đọc được ({url!r}): {exc}") from None
    if scheme != "sqlite" and not config.get("NAME"):
        raise SettingsError(f"DATABASE_URL thiếu tên cơ sở dữ liệu ({url!r}).")
    if scheme == "sqlite":
        config.setdefault("OPTIONS", {})
        config["OPTIONS"].update({"timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"})
    return config


def email_config() -> dict:
    """EMAIL_URL (smtp://user:pass@host:port?tls=1) or the usual EMAIL_* variables."""
    url = os.environ.get("EMAIL_URL")
    config = {
        "EMAIL_HOST": os.environ.get("EMAIL_HOST", "localhost"),
        "EMAIL_PORT": env_int("EMAIL_PORT", 25),
        "EMAIL_HOST_USER": os.environ.get("EMAIL_HOST_USER", ""),
        "EMAIL_HOST_PASSWORD": os.environ.get("EMAIL_HOST_PASSWORD", ""),
        "EMAIL_USE_TLS": env_bool("EMAIL_USE_TLS", False),
        "EMAIL_USE_SSL": env_bool("EMAIL_USE_SSL", False),
        "EMAIL_BACKEND": os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"),
    }
    if url:
        parsed = urlparse(url)
        if parsed.scheme not in {"smtp", "smtps", "console"} or (
            parsed.scheme != "console" and not parsed.hostname
        ):
            raise SettingsError(
                f"EMAIL_URL không hợp lệ ({url!r}): dùng smtp://người_dùng:mật_khẩu@máy:cổng."
            )
        if parsed.scheme == "console":
            config["EMAIL_BACKEND"] = "django.core.mail.backends.console.EmailBackend"
            return config
        query = parse_qs(parsed.query)
        config.update(
            EMAIL_HOST=parsed.hostname,
            EMAIL_PORT=parsed.port or (465 if parsed.scheme == "smtps" else 25),
            EMAIL_HOST_USER=parsed.username or "",
            EMAIL_HOST_PASSWORD=parsed.password or "",
            EMAIL_USE_SSL=parsed.scheme == "smtps",
            EMAIL_USE_TLS=query.get("tls", ["0"])[0] in TRUE,
        )
    return config
