"""`lawgov-check serve` as a command: settings refused before listening, the extra's absence,
the light CLI start, the [server] config table, graceful shutdown."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from serverproc import REPO, TIMEOUT, hanging_pdf  # noqa: E402


def _serve(tmp_path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "LAWGOV_CHECK_API_KEYS"}
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "lawgov_check.cli", "serve", *args], cwd=tmp_path,
                          env=environment, capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_refuses_a_public_address_without_keys(tmp_path):
    done = _serve(tmp_path, "--host", "0.0.0.0", "--port", "0", "--no-config")
    assert done.returncode == 2
    assert "0.0.0.0" in done.stderr and "--allow-remote-without-keys" in done.stderr
    assert "Traceback" not in done.stderr


def test_unreadable_keys_file_is_a_one_line_error(tmp_path):
    done = _serve(tmp_path, "--api-keys-file", str(tmp_path / "missing.txt"), "--no-config")
    assert done.returncode == 2 and "missing.txt" in done.stderr and "Traceback" not in done.stderr


def test_a_port_in_use_is_a_one_line_error_and_exit_2(tmp_path):
    import json
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        done = _serve(tmp_path, "--port", str(taken.getsockname()[1]), "--workers", "1", "--no-config")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    errors = [json.loads(line) for line in done.stderr.splitlines() if '"level": "error"' in line]
    assert len(errors) == 1 and "address already in use" in errors[0]["message"]


def test_server_table_is_validated_like_the_rest(tmp_path):
    (tmp_path / "lawgov-check.toml").write_text('[server]\nport = "eighty"\nworkerz = 2\n', encoding="utf-8")
    done = _serve(tmp_path)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert any("server.port" in line for line in lines) and any("server.workerz" in line for line in lines)
    assert "Traceback" not in done.stderr


def test_check_accepts_a_config_with_a_server_table(tmp_path):
    (tmp_path / "lawgov-check.toml").write_text('[server]\nport = 9000\nworkers = 2\n', encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text((REPO / "fixtures" / "sample_annual_report.txt").read_text(encoding="utf-8"), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "lawgov_check.cli", "check", str(doc)], cwd=tmp_path,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr


def test_missing_extra_says_how_to_install(tmp_path):
    code = ("import sys; sys.modules['fastapi'] = None; sys.argv = ['lawgov-check', 'serve'];"
            "from lawgov_check.cli import main; main()")
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)
    assert done.returncode == 2
    assert 'pip install "lawgov-check[server]"' in done.stderr and "Traceback" not in done.stderr


def test_cli_start_imports_no_server_module():
    code = ("import sys, lawgov_check.cli;"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('fastapi', 'uvicorn', 'starlette', 'httpx')"
            " or m.startswith('lawgov_check.server')]; print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout


def test_graceful_shutdown_finishes_the_running_request(new_server):
    import httpx

    got = {}

    def call() -> None:
        got["response"] = new_server.client.post("/v1/check", files=[hanging_pdf("hangs.pdf")])

    caller = threading.Thread(target=call)
    caller.start()
    # wait until the document is in a worker (the request is running), then ask the server to stop
    for _ in range(1200):
        if "lawgov_check_documents_in_progress 1.0" in new_server.client.get("/metrics").text:
            break
        threading.Event().wait(0.05)
    new_server.process.send_signal(signal.SIGTERM)
    # from the signal on, new connections are refused (a load balancer takes the instance out)
    # while the running request goes on
    refused = False
    for _ in range(200):
        try:
            httpx.get(new_server.url + "/readyz", timeout=5)
        except httpx.ConnectError:
            refused = True
            break
        threading.Event().wait(0.05)
    assert refused and caller.is_alive()
    # uvicorn re-raises the signal once it has shut down gracefully
    assert new_server.stop(signal.SIGTERM) in (0, -signal.SIGTERM)
    caller.join(60)
    response = got["response"]
    assert response.status_code == 200
    assert response.json()["documents"][0]["errors"] == [f"hangs.pdf: 处理超时（{TIMEOUT} 秒）"]
    assert any('"message": "stopped"' in line for line in new_server.lines)

