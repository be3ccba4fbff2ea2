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
    assert len(markers) == len(first.rulesets) + len(first.jurisdictions)

    def must_not_validate(data):
        raise AssertionError("validated again")

    from lawgov_check.jurisdictions import loader as jurisdiction_loader

    monkeypatch.setattr(loader, "schema_problems", must_not_validate)
    monkeypatch.setattr(jurisdiction_loader, "_schema_problems", must_not_validate)
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


def test_bundled_rulesets_compile_their_patterns_only_when_run(cache_dir, monkeypatch):
    def must_not_validate(kind):
        raise AssertionError("a check validated (its patterns compiled) up front")

    monkeypatch.setattr(loader, "kind_module", must_not_validate)
    assert load_catalogue(packages=False).rulesets  # an installed package's rulesets are checked in full


def test_a_user_ruleset_is_checked_in_full_up_front(cache_dir, tmp_path):
    from lawgov_check.rules.loader import bundled_ruleset_paths

    source = next(p for p in bundled_ruleset_paths() if p.name == "GF.yml").read_text(encoding="utf-8")
    broken = source.replace("regex: ", "regex: '(unclosed' #", 1)
    assert broken != source
    user = tmp_path / "GF.yml"
    user.write_text(broken, encoding="utf-8")
    with pytest.raises(RulesetError, match="正则表达式无效"):
        load_catalogue([str(user)])
