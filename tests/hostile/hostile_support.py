"""Shared helpers for the robustness tests: the hostile-input generator and a CLI runner."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[2]


def _load_script(name: str) -> ModuleType:
    module_name = f"_hostile_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, REPO / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


hostile_inputs = _load_script("hostile_inputs")

# Generous bound so that a hang fails the test instead of stalling CI; not a speed assertion.
HANG_GUARD_SECONDS = 300


def run_cli(args: list[str], cwd: Path, *, as_nobody: bool = False, stdin: bytes | None = None
            ) -> subprocess.CompletedProcess:
    """The CLI in a fresh process (its real stderr, exit code and signal handling)."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"}
    demote = None
    if as_nobody:
        def demote() -> None:
            os.setgid(65534)
            os.setuid(65534)
    return subprocess.run([sys.executable, "-m", "lawgov_check.cli", *args], cwd=cwd, env=env,
                          input=stdin if stdin is not None else b"", capture_output=True,
                          timeout=HANG_GUARD_SECONDS, preexec_fn=demote)
