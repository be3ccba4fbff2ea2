"""Server settings: API keys from a file and the environment, the loopback rule, flags over the
[server] table. (Starting real servers with these settings: test_serve_command.py.)"""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")

from lawgov_check.config import load_config  # noqa: E402
from lawgov_check.server.settings import KEYS_ENV, SettingsError, build_settings, is_loopback  # noqa: E402


@pytest.fixture(autouse=True)
def no_env_keys(monkeypatch):
    monkeypatch.delenv(KEYS_ENV, raising=False)


def _config(tmp_path, table: str):
    path = tmp_path / "lawgov-check.toml"
    path.write_text(table, encoding="utf-8")
    return load_config(path)


def test_keys_from_the_file_named_in_the_server_table_and_from_the_environment(tmp_path, monkeypatch):
    (tmp_path / "keys.txt").write_text("# 各系统的密钥\nkey-oa\n\n  key-dms  \n", encoding="utf-8")
    monkeypatch.setenv(KEYS_ENV, "key-env-1, key-env-2")
    elsewhere = tmp_path / "run"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # the file is found beside the config, not in the working directory
    settings = build_settings(_config(tmp_path, '[server]\napi-keys-file = "keys.txt"\n'))
    assert settings.api_keys == {"key-oa", "key-dms", "key-env-1", "key-env-2"}


def test_keys_file_flag_wins_over_the_table(tmp_path):
    (tmp_path / "a.txt").write_text("from-table\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("from-flag\n", encoding="utf-8")
    config = _config(tmp_path, '[server]\napi-keys-file = "a.txt"\n')
    assert build_settings(config, api_keys_file=str(tmp_path / "b.txt")).api_keys == {"from-flag"}


def test_a_keys_file_without_keys_is_refused(tmp_path):
    (tmp_path / "keys.txt").write_text("# none yet\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="没有密钥"):
        build_settings(_config(tmp_path, ""), api_keys_file=str(tmp_path / "keys.txt"))


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.7", "::", "lawgov.intranet"])
def test_a_public_address_needs_keys_or_an_explicit_allowance(tmp_path, monkeypatch, host):
    config = _config(tmp_path, "")
    with pytest.raises(SettingsError, match="--allow-remote-without-keys"):
        build_settings(config, host=host)
    assert build_settings(config, host=host, allow_remote_without_keys=True).host == host
    assert build_settings(_config(tmp_path, "[server]\nallow-remote-without-keys = true\n"), host=host)
    monkeypatch.setenv(KEYS_ENV, "k1")
    assert build_settings(config, host=host).api_keys == {"k1"}


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"])
def test_loopback_needs_no_keys(host):
    assert is_loopback(host)


def test_flags_over_the_server_table_over_defaults(tmp_path):
    config = _config(tmp_path, "timeout = 7\nmax-bytes = 1000\n[server]\nport = 9001\nworkers = 3\n")
    settings = build_settings(config, port=9002, default_workers=5)
    assert (settings.port, settings.workers, settings.timeout) == (9002, 3, 7)
    assert settings.max_bytes == 1000 and settings.max_request_bytes == 1000 + 1024 * 1024
    assert build_settings(config, workers=1).workers == 1
    assert build_settings(_config(tmp_path, ""), default_workers=5).workers == 5
