from __future__ import annotations

import textwrap
from pathlib import Path

import pytest


@pytest.fixture
def write_ruleset(tmp_path: Path):
    """Write a ruleset YAML (dedented) and return its path."""

    def write(text: str, name: str = "XX.yml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write
