"""The cached catalogue is the loaded catalogue, and its file is hostile input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from lawgov_check import user_cache
from lawgov_check.rules import catalogue_cache
from lawgov_check.rules.catalogue_cache import _files_digest, bundled_catalogue, catalogue_key
from lawgov_check.rules.loader import load_catalogue as load_with_packages


def load_catalogue():
    """The bundled rulesets alone: a catalogue with an installed ruleset package (CI installs one)
    is never cached, so these tests leave packages out on both sides."""
    return load_with_packages(packages=False)


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(catalogue_cache, "load_catalogue", load_catalogue)
    directory = tmp_path / "cache"
    monkeypatch.setenv("LAWGOV_CHECK_CACHE_DIR", str(directory))
    user_cache.user_cache_dir.cache_clear()
    yield directory
    user_cache.user_cache_dir.cache_clear()


def cached_file(directory: Path) -> Path:
    (path,) = directory.glob("catalogue-*.json")
    return path


def test_written_private_and_read_back_equal(cache_dir):
    loaded = load_catalogue()
    assert bundled_catalogue().rulesets == loaded.rulesets
    path = cached_file(cache_dir)
    assert path.stat().st_mode & 0o077 == 0
    assert json.loads(path.read_bytes())["key"] == catalogue_key()
    reread = bundled_catalogue()
    assert reread.rulesets == loaded.rulesets and [rs.id for rs in reread.rulesets] == [rs.id for rs in loaded.rulesets]
    assert reread.rule_infos() == loaded.rule_infos()


def test_the_cache_is_used(cache_dir, monkeypatch):
    bundled_catalogue()
    monkeypatch.setattr(catalogue_cache, "load_catalogue", lambda: pytest.fail("the YAML was loaded again"))
    assert bundled_catalogue().rulesets == load_catalogue().rulesets


def rewrite(path: Path, change) -> None:
    payload = json.loads(path.read_bytes())
    change(payload)
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("spoil", [
    lambda p: p.write_bytes(b"{not json"),
    lambda p: p.write_bytes(b"[]"),
    lambda p: p.write_bytes(b"\xff" * 10),
    lambda p: rewrite(p, lambda d: d.update(key="another")),
    lambda p: rewrite(p, lambda d: d.pop("rulesets")),
    lambda p: rewrite(p, lambda d: d.update(rulesets="AR")),
    lambda p: rewrite(p, lambda d: d["rulesets"][0]["data"].pop("rules")),
    lambda p: rewrite(p, lambda d: d["rulesets"][0].update(data=None)),
])
def test_a_spoilt_file_means_loading_the_yaml(cache_dir, spoil):
    bundled_catalogue()
    path = cached_file(cache_dir)
    spoil(path)
    assert bundled_catalogue().rulesets == load_catalogue().rulesets
    assert json.loads(cached_file(cache_dir).read_bytes())["key"] == catalogue_key()  # written again


def test_a_file_others_may_write_is_not_read(cache_dir):
    bundled_catalogue()
    path = cached_file(cache_dir)
    rewrite(path, lambda d: d.update(rulesets=d["rulesets"][:1]))  # planted: one ruleset only
    path.chmod(0o666)
    assert bundled_catalogue().rulesets == load_catalogue().rulesets


def test_no_cache_directory(monkeypatch):
    monkeypatch.setattr(catalogue_cache, "load_catalogue", load_catalogue)
    monkeypatch.setenv("LAWGOV_CHECK_CACHE_DIR", "")
    user_cache.user_cache_dir.cache_clear()
    try:
        assert bundled_catalogue().rulesets == load_catalogue().rulesets
    finally:
        user_cache.user_cache_dir.cache_clear()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes anywhere")
def test_read_only_cache_directory(cache_dir):
    cache_dir.mkdir(mode=0o500)
    try:
        assert bundled_catalogue().rulesets == load_catalogue().rulesets
        assert not list(cache_dir.glob("catalogue-*.json"))
    finally:
        cache_dir.chmod(0o700)


def test_a_cache_that_cannot_be_written(tmp_path, monkeypatch):
    monkeypatch.setattr(catalogue_cache, "load_catalogue", load_catalogue)
    monkeypatch.setattr(catalogue_cache, "private_file", lambda name: tmp_path / "gone" / name)
    assert bundled_catalogue().rulesets == load_catalogue().rulesets
    assert bundled_catalogue().rulesets == load_catalogue().rulesets
    assert not (tmp_path / "gone").exists()


def test_only_one_catalogue_is_kept(cache_dir):
    cache_dir.mkdir(mode=0o700, exist_ok=True)
    stale = cache_dir / "catalogue-0123.json"
    stale.write_text("{}", encoding="utf-8")
    bundled_catalogue()
    assert cached_file(cache_dir).name != stale.name


def test_with_the_installed_packages_it_is_the_loaded_catalogue(tmp_path, monkeypatch):
    monkeypatch.setenv("LAWGOV_CHECK_CACHE_DIR", str(tmp_path / "cache"))
    user_cache.user_cache_dir.cache_clear()
    try:
        assert bundled_catalogue().rulesets == load_with_packages().rulesets == bundled_catalogue().rulesets
    finally:
        user_cache.user_cache_dir.cache_clear()


def test_a_catalogue_with_packaged_rulesets_is_not_kept(cache_dir):
    catalogue = load_catalogue()
    catalogue.rulesets[0].origin = "package"
    cache_dir.mkdir(mode=0o700, exist_ok=True)
    catalogue_cache._store(cache_dir / "catalogue-x.json", "x", catalogue)
    assert not list(cache_dir.glob("catalogue-*.json"))


def test_the_key_follows_the_ruleset_bytes(tmp_path):
    (tmp_path / "jurisdictions").mkdir()
    (tmp_path / "A.yml").write_text("id: A\n", encoding="utf-8")
    (tmp_path / "jurisdictions" / "x.yml").write_text("jurisdiction: X\n", encoding="utf-8")
    before = _files_digest(tmp_path, (".yml",), contents=True)
    (tmp_path / "jurisdictions" / "x.yml").write_text("jurisdiction: Y\n", encoding="utf-8")
    assert _files_digest(tmp_path, (".yml",), contents=True) != before


def test_the_jurisdictions_come_from_the_cache(cache_dir, monkeypatch):
    from lawgov_check.jurisdictions import loader as jurisdiction_loader

    loaded = load_catalogue()
    assert bundled_catalogue().jurisdictions.files == loaded.jurisdictions.files
    assert len(json.loads(cached_file(cache_dir).read_bytes())["jurisdictions"]) == len(loaded.jurisdictions)
    monkeypatch.setattr(catalogue_cache, "load_catalogue", lambda: pytest.fail("the YAML was loaded again"))
    monkeypatch.setattr(jurisdiction_loader, "load_jurisdiction_file",
                        lambda *a, **k: pytest.fail("a jurisdiction file was read again"))
    reread = bundled_catalogue()
    assert reread.jurisdictions.files == loaded.jurisdictions.files
    assert reread.jurisdictions.names() == loaded.jurisdictions.names()
    some = next(iter(loaded.jurisdictions.files.values()))
    assert reread.jurisdictions.chain([some.name]) == loaded.jurisdictions.chain([some.name])


def first_with_within(payload: dict) -> dict:
    return next(e for e in payload["jurisdictions"] if e["data"].get("within"))


def first_with_parameters(payload: dict) -> dict:
    return next(e for e in payload["jurisdictions"] if e["data"].get("parameters"))


@pytest.mark.parametrize("spoil", [
    lambda d: d.pop("jurisdictions"),
    lambda d: d.update(jurisdictions={}),
    lambda d: d.update(jurisdictions=[None]),
    lambda d: d["jurisdictions"][0].update(data=None),
    lambda d: d["jurisdictions"][0].update(path=7),
    lambda d: d["jurisdictions"][0]["data"].pop("jurisdiction"),
    lambda d: d["jurisdictions"][0]["data"].update(level="planet"),
    lambda d: d["jurisdictions"][0]["data"].update(parameters=["ND"]),
    lambda d: first_with_parameters(d)["data"].update(sources=None),  # settings without their source
    lambda d: d["jurisdictions"].append(d["jurisdictions"][0]),  # one name twice
    lambda d: first_with_within(d)["data"].update(within="无此省"),  # a hole in the hierarchy
])
def test_spoilt_jurisdictions_mean_loading_the_yaml(cache_dir, spoil):
    loaded = load_catalogue()
    bundled_catalogue()
    path = cached_file(cache_dir)
    rewrite(path, spoil)
    reread = bundled_catalogue()
    assert reread.jurisdictions.files == loaded.jurisdictions.files
    assert reread.rulesets == loaded.rulesets


def plant_a_value(payload: dict) -> None:
    """A jurisdiction's parameter changed, as someone else might plant it."""
    for entry in payload["jurisdictions"]:
        for by_name in (entry["data"].get("parameters") or {}).values():
            for setting in by_name.values():
                setting["value"] = "planted"
                return
    raise AssertionError("no jurisdiction sets a parameter")


def test_planted_jurisdictions_others_may_write_are_not_read(cache_dir):
    loaded = load_catalogue()
    bundled_catalogue()
    path = cached_file(cache_dir)
    rewrite(path, plant_a_value)
    path.chmod(0o664)
    assert bundled_catalogue().jurisdictions.files == loaded.jurisdictions.files


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
def test_planted_jurisdictions_of_another_owner_are_not_read(cache_dir):
    loaded = load_catalogue()
    bundled_catalogue()
    path = cached_file(cache_dir)
    rewrite(path, plant_a_value)
    path.chmod(0o600)
    os.chown(path, 65534, 65534)
    assert bundled_catalogue().jurisdictions.files == loaded.jurisdictions.files


def test_planted_jurisdictions_behind_a_link_are_not_read(cache_dir, tmp_path):
    loaded = load_catalogue()
    bundled_catalogue()
    path = cached_file(cache_dir)
    planted = tmp_path / "planted.json"
    planted.write_bytes(path.read_bytes())
    rewrite(planted, plant_a_value)
    planted.chmod(0o600)
    path.unlink()
    path.symlink_to(planted)
    assert bundled_catalogue().jurisdictions.files == loaded.jurisdictions.files


def test_the_planted_value_would_show(cache_dir):
    """The planting above is seen when the file is ours and private: the tests above can fail."""
    bundled_catalogue()
    path = cached_file(cache_dir)
    rewrite(path, plant_a_value)
    path.chmod(0o600)
    values = [s.value for f in bundled_catalogue().jurisdictions.files.values() for s in f.all_settings()]
    assert "planted" in values


def test_a_catalogue_with_a_user_jurisdiction_file_is_not_kept(cache_dir):
    import dataclasses

    catalogue = load_catalogue()
    name, item = next(iter(catalogue.jurisdictions.files.items()))
    catalogue.jurisdictions.files[name] = dataclasses.replace(item, origin="file")
    cache_dir.mkdir(mode=0o700, exist_ok=True)
    catalogue_cache._store(cache_dir / "catalogue-x.json", "x", catalogue)
    assert not list(cache_dir.glob("catalogue-*.json"))


def test_a_check_from_the_cache_imports_no_yaml(tmp_path):
    """With the catalogue cached, a cold process reads no YAML at all (nor imports PyYAML)."""
    import subprocess
    import sys

    # an installed rule package (CI installs the example one) is read from its YAML every time: hide it
    hide_packages = ("import importlib.metadata as m\n_all = m.entry_points\n"
                     "m.entry_points = lambda **kw: [] if kw.get('group') == 'lawgov_check.rulesets' else _all(**kw)\n")
    script = (hide_packages + "import sys\nfrom lawgov_check.api import check_text, load_rules\nload_rules()\n"
              "check_text('关于印发某某办法的通知\\n一、总则\\n')\nprint('yaml' in sys.modules)\n")
    env = dict(os.environ, LAWGOV_CHECK_CACHE_DIR=str(tmp_path / "cache"))
    runs = [subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
            for _ in range(2)]
    assert [run.stdout.strip() for run in runs] == ["True", "False"]
