"""Hostile inputs for the robustness tests: the generator in scripts/, in its small (CI) sizes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile_support import hostile_inputs


@pytest.fixture(scope="session")
def hostile_dir(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("hostile")
    hostile_inputs.generate(directory, small=True)
    yield directory
    (directory / "unreadable.txt").chmod(0o600)


@pytest.fixture(scope="session")
def hostile_cases(hostile_dir) -> list[dict]:
    return json.loads((hostile_dir / "manifest.json").read_text(encoding="utf-8"))
