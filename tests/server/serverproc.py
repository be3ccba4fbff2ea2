"""A real `lawgov-check serve` in a subprocess on 127.0.0.1 (port chosen by the OS), called over
HTTP with httpx."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

import httpx
from hanging_parser.hang_marker import MARKER as HANG_MARKER

REPO = Path(__file__).resolve().parents[2]
HANGING_PARSER = Path(__file__).resolve().parent / "hanging_parser"  # see its sitecustomize.py
API_KEY = "test-key-7f3a9c"
REQUEST_LIMIT = 2_000_000
DOCUMENT_LIMIT = 1_000_000
TIMEOUT = 5

CONFIG = f"""
timeout = {TIMEOUT}
max-bytes = {DOCUMENT_LIMIT}

[server]
workers = 2
max-request-bytes = {REQUEST_LIMIT}
max-files = 5
shutdown-timeout = 20
"""


def hanging_pdf(name: str) -> tuple[str, tuple[str, bytes, str]]:
    """A multipart file part: a real PDF on which the test servers' PDF parser hangs."""
    data = (REPO / "fixtures" / "sample_annual_report.pdf").read_bytes() + b"\n" + HANG_MARKER + b"\n"
    return ("files", (name, data, "application/pdf"))


class Server:
    """One server process; `lines` collects its (JSON) log lines."""

    def __init__(self, tmp: Path, *, keys: str | None = None, args: tuple[str, ...] = ()) -> None:
        self.scratch = tmp / "tmpdir"  # the server's TMPDIR: must stay empty
        self.scratch.mkdir()
        config = tmp / "lawgov-check.toml"
        config.write_text(CONFIG, encoding="utf-8")
        path = os.pathsep.join(p for p in (str(HANGING_PARSER), os.environ.get("PYTHONPATH", "")) if p)
        env = {**os.environ, "TMPDIR": str(self.scratch), "PYTHONPATH": path, "PYTHONUNBUFFERED": "1"}
        env.pop("LAWGOV_CHECK_API_KEYS", None)
        if keys:
            env["LAWGOV_CHECK_API_KEYS"] = keys
        self.process = subprocess.Popen(
            [sys.executable, "-m", "lawgov_check.cli", "serve", "--port", "0", "--config", str(config), *args],
            cwd=tmp, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, encoding="utf-8")
        self.lines: list[str] = []
        self._ready = threading.Event()
        self.port = 0
        threading.Thread(target=self._read, daemon=True).start()
        if not self._ready.wait(120) or not self.port:
            self.stop()
            raise RuntimeError("server did not start:\n" + "\n".join(self.lines))
        self.url = f"http://127.0.0.1:{self.port}"
        self.scratch_at_start = self.scratch_files()
        self.client = httpx.Client(base_url=self.url, timeout=120)

    def scratch_files(self) -> set[Path]:
        """What is in the server's TMPDIR (at start: the worker forkserver's socket folder)."""
        return set(self.scratch.rglob("*"))

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.append(line.rstrip("\n"))
            found = re.search(r"Uvicorn running on http://127\.0\.0\.1:(\d+)", line)
            if found:
                self.port = int(found.group(1))
                self._ready.set()
        self._ready.set()

    def stop(self, sig: int = signal.SIGTERM) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode
