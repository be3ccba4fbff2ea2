"""Server settings: built-in defaults, then the `[server]` table of lawgov-check.toml, then flags.

Also where API keys come from (a file, one per line, and/or the LAWGOV_CHECK_API_KEYS variable)
and the rule that a server without keys listens on loopback only unless told otherwise.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Config
from ..ingest.limits import DEFAULT_LIMITS, MB

KEYS_ENV = "LAWGOV_CHECK_API_KEYS"
DEFAULT_TIMEOUT = 60.0  # seconds per document, as `check --timeout`
DEFAULT_MAX_FILES = 100


class SettingsError(Exception):
    """A setting the server cannot start with; the message is one line for the operator."""


@dataclass(frozen=True)
class ServerSettings:
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    api_keys: frozenset[str] = frozenset()
    allow_remote_without_keys: bool = False
    timeout: float = DEFAULT_TIMEOUT          # per document; 0 = no limit
    limits: dict[str, int] = field(default_factory=dict)  # max_bytes, max_pages, max_inflated
    max_request_bytes: int = DEFAULT_LIMITS.max_bytes + MB
    max_files: int = DEFAULT_MAX_FILES
    shutdown_timeout: float = 30.0
    config: Config = field(default_factory=Config)  # check defaults (jurisdiction, rulesets …)

    @property
    def max_bytes(self) -> int:
        return self.limits.get("max_bytes", DEFAULT_LIMITS.max_bytes)


def read_keys(path: str | Path) -> set[str]:
    """API keys from a file: one per line; blank lines and lines starting with # are skipped."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise SettingsError(f"{path}: 无法读取 API 密钥文件: {exc.strerror or exc}") from None
    keys = {line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")}
    if not keys:
        raise SettingsError(f"{path}: API 密钥文件中没有密钥")
    return keys


def env_keys() -> set[str]:
    return {k for k in os.environ.get(KEYS_ENV, "").replace(",", " ").split() if k}


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def build_settings(config: Config, *, host: str | None = None, port: int | None = None,
                   workers: int | None = None, api_keys_file: str | None = None,
                   allow_remote_without_keys: bool | None = None, default_workers: int = 1) -> ServerSettings:
    """Flags (non-None) over the `[server]` table over defaults. Raises SettingsError."""
    table: dict[str, Any] = config.server
    keys_file = api_keys_file or (str(config.base / table["api-keys-file"]) if "api-keys-file" in table else None)
    keys = env_keys() | (read_keys(keys_file) if keys_file else set())
    limits = dict(config.limits)
    max_bytes = limits.get("max_bytes", DEFAULT_LIMITS.max_bytes)
    settings = ServerSettings(
        host=host or table.get("host", "127.0.0.1"),
        port=port if port is not None else table.get("port", 8000),
        workers=workers or table.get("workers", default_workers),
        api_keys=frozenset(keys),
        allow_remote_without_keys=(allow_remote_without_keys if allow_remote_without_keys is not None
                                   else table.get("allow-remote-without-keys", False)),
        timeout=config.timeout if config.timeout is not None else DEFAULT_TIMEOUT,
        limits=limits,
        max_request_bytes=table.get("max-request-bytes", max_bytes + MB),
        max_files=table.get("max-files", DEFAULT_MAX_FILES),
        shutdown_timeout=table.get("shutdown-timeout", 30.0),
        config=config,
    )
    if not settings.api_keys and not settings.allow_remote_without_keys and not is_loopback(settings.host):
        raise SettingsError(
            f"拒绝在非回环地址 {settings.host} 上无密钥监听：请用 --api-keys-file 或环境变量 {KEYS_ENV} "
            "提供 API 密钥，或明确指定 --allow-remote-without-keys")
    return settings
