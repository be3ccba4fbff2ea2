"""Every subpackage of lawgov_check is listed in pyproject.toml, so a plain `pip install .` has it."""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_every_subpackage_is_packaged():
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "lawgov_check").rglob("__init__.py")}
    assert found <= listed, sorted(found - listed)
