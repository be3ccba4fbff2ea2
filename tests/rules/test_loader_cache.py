"""Rulesets that passed validation are remembered in the user cache; failures never are."""

from __future__ import annotations

import pytest

from lawgov_check import user_cache
from lawgov_check.rules import loader
from lawgov_check.rules.loader import RulesetError, load_catalogue, load_ruleset


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("LAWGOV_CHECK_CACHE_DIR", str(tmp_path / "cache"))
    user_cache.user_cache_dir.cache_clear()
    yield tmp_path / "cache"
    user_cache.user_cache_dir.cache_clear()


def test_bundled_rulesets_are_validated_once(cache_dir, monkeypatch):
    first = load_catalogue()
    markers = list((cache_dir / "valid-rulesets").iterdir())
    assert len(markers) == len(first.rulesets)

    def must_not_validate(data):
        raise AssertionError("validated again")

    monkeypatch.setattr(loader, "schema_problems", must_not_validate)
    again = load_catalogue()
    assert [rs.id for rs in again.rulesets] == [rs.id for rs in first.rulesets]


def test_an_invalid_ruleset_is_reported_every_time(cache_dir, tmp_path):
    bad = tmp_path / "XX.yml"
    bad.write_text("id: XX\nversion: 1\nrules: []\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(RulesetError):
            load_ruleset(bad)
    assert not (cache_dir / "valid-rulesets").exists()


def test_no_cache_directory_when_turned_off(monkeypatch):
    monkeypatch.setenv("LAWGOV_CHECK_CACHE_DIR", "")
    user_cache.user_cache_dir.cache_clear()
    try:
        assert user_cache.user_cache_dir() is None
        assert load_catalogue().rulesets
    finally:
        user_cache.user_cache_dir.cache_clear()
