"""An example ruleset package for lawgov-check (entry point group `lawgov_check.rulesets`)."""

from __future__ import annotations

from pathlib import Path


def rulesets() -> list[Path]:
    """The ruleset files this package provides."""
    return [Path(__file__).resolve().parent / "HN.yml"]
