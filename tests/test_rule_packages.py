"""Rulesets from installed packages (entry-point group `lawgov_check.rulesets`).

Packages are simulated by distributions written to a folder on sys.path (importlib.metadata finds
them exactly as it finds pip-installed ones); the example package in examples/ is tested when it
is installed (CI installs it), and skipped otherwise.
"""

from __future__ import annotations

import importlib
import json
import re
import textwrap
from importlib import metadata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lawgov_check import api
from lawgov_check.cli import app
from lawgov_check.rules.loader import RulesetError, load_catalogue

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "lawgov-check-hainan"
RULESET = (EXAMPLE / "lawgov_check_hainan" / "HN.yml").read_text(encoding="utf-8")


def _distribution(site: Path, name: str, module: str, body: str, *, files: dict[str, str] | None = None,
                  value: str | None = None) -> None:
    """A minimal installed distribution: metadata, an entry point and a module."""
    info = site / f"{name.replace('-', '_')}-1.2.3.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.2.3\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(
        f"[lawgov_check.rulesets]\nexample = {value or module + ':rulesets'}\n", encoding="utf-8")
    package = site / module
    package.mkdir()
    (package / "__init__.py").write_text(textwrap.dedent(body), encoding="utf-8")
    for file, text in (files or {}).items():
        (package / file).write_text(text, encoding="utf-8")
    importlib.invalidate_caches()


@pytest.fixture
def site(tmp_path, monkeypatch):
    folder = tmp_path / "site"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.setattr(api, "_catalogue_cache", {})
    return folder


@pytest.fixture
def module(request) -> str:
    """A module name of this test's own: an imported module stays in sys.modules."""
    return "fake_rules_" + re.sub(r"\W", "_", request.node.name)


RETURNS_HN = """
    from pathlib import Path

    def rulesets():
        return [Path(__file__).parent / "HN.yml"]
"""


def _own(catalogue):
    return [rs for rs in catalogue.rulesets if rs.origin == "package" and rs.package == "fake-rules 1.2.3"]


def test_a_package_ruleset_is_loaded_with_its_origin(site, module):
    _distribution(site, "fake-rules", module, RETURNS_HN, files={"HN.yml": RULESET.replace("id: HN", "id: ZZ")
                                                                      .replace("HN01", "ZZ01")})
    [ruleset] = _own(load_catalogue())
    assert ruleset.id == "ZZ" and (ruleset.origin, ruleset.package) == ("package", "fake-rules 1.2.3")
    assert not _own(load_catalogue(packages=False))
    listing = CliRunner().invoke(app, ["rules", "list"], env={"COLUMNS": "80"})
    assert "ZZ 海南省补充检查（示例） 0.1.0（包 fake-rules 1.2.3）" in listing.output
    rows = json.loads(CliRunner().invoke(app, ["rules", "list", "--format", "json"]).output)
    zz01 = next(r for r in rows if r["code"] == "ZZ01")
    assert zz01["source"]["origin"] == "package" and zz01["source"]["package"] == "fake-rules 1.2.3"


def _sarif_rules(*args: str) -> dict[str, dict]:
    text = "海南省某县人民政府\n2021年3月5日\n全年由县政府法制办审核行政规范性文件12件。\n"
    result = CliRunner().invoke(app, ["check", "-", "--format", "sarif", "--no-config", "--jurisdiction", "海南省",
                                      *args], input=text)
    assert result.exit_code in (0, 1), result.output
    return {r["id"]: r for r in json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]}


def test_a_package_rule_links_the_packages_own_reference_in_sarif(site, module):
    _distribution(site, "fake-rules", module, RETURNS_HN, files={"HN.yml": RULESET.replace("id: HN", "id: ZZ")
                                                                      .replace("HN01", "ZZ01")})
    rules = _sarif_rules()
    docs_url = re.search(r"^docs_url: (\S+)$", RULESET, re.MULTILINE).group(1)
    assert rules["ZZ01"]["helpUri"] == f"{docs_url}#zz01"
    assert all("helpUri" in rule for rule in rules.values())


def test_the_example_packages_reference_has_a_heading_per_rule():
    docs_url = re.search(r"^docs_url: (\S+)$", RULESET, re.MULTILINE).group(1)
    assert docs_url.endswith("/examples/lawgov-check-hainan/README.md")
    headings = re.findall(r"^### (\S+)$", (EXAMPLE / "README.md").read_text(encoding="utf-8"), re.MULTILINE)
    assert headings == re.findall(r"^  - code: (\S+)$", RULESET, re.MULTILINE)


def _one_line_error(site) -> str:
    result = CliRunner().invoke(app, ["rules", "list"])
    assert result.exit_code == 2 and "Traceback" not in result.output + result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines and all(line.startswith("规则集包 fake-rules 1.2.3") for line in lines), result.stderr
    return result.stderr


def test_a_package_that_cannot_be_imported_is_one_line(site, module):
    _distribution(site, "fake-rules", module, "raise ImportError('needs something missing')\n")
    assert "needs something missing" in _one_line_error(site)


@pytest.mark.parametrize(("body", "value", "says"), [
    ("RULES = 3\n", ":RULES", "不是函数"),
    ("def rulesets():\n    return ['/no/such/file.yml']\n", None, "规则集文件不存在"),
    ("def rulesets():\n    raise RuntimeError('boom')\n", None, "boom"),
])
def test_a_broken_entry_point_is_one_line(site, module, body, value, says):
    _distribution(site, "fake-rules", module, body, value=module + value if value else None)
    assert says in _one_line_error(site)


def test_a_package_ruleset_is_validated_like_the_bundled_ones(site, module):
    broken = RULESET.replace("id: HN", "id: ZZ").replace("HN01", "ZZ01").replace("severity: warning", "severity: fatal")
    _distribution(site, "fake-rules", module, RETURNS_HN, files={"HN.yml": broken})
    stderr = _one_line_error(site)
    assert "ZZ01: severity" in stderr
    with pytest.raises(RulesetError):
        load_catalogue()


def test_a_package_may_not_take_a_bundled_ruleset_id(site, module):
    _distribution(site, "fake-rules", module, RETURNS_HN, files={"HN.yml": RULESET.replace("id: HN", "id: GF")
                                                                      .replace("HN01", "GF91")})
    assert "规则集标识 GF 已被占用" in _one_line_error(site)


# ---------------------------------------------------------------- the example package, when installed

def _example_installed() -> None:
    try:
        metadata.distribution("lawgov-check-hainan")
    except metadata.PackageNotFoundError:
        pytest.skip("examples/lawgov-check-hainan is not installed (CI installs it)")


def test_the_example_package_is_found_and_checks_documents(monkeypatch):
    _example_installed()
    monkeypatch.setattr(api, "_catalogue_cache", {})
    version = metadata.version("lawgov-check-hainan")
    hn = next(rs for rs in load_catalogue().rulesets if rs.id == "HN")
    assert hn.origin == "package" and hn.package == f"lawgov-check-hainan {version}"
    text = "海南省某县人民政府\n2021年3月5日\n全年由县政府法制办审核行政规范性文件12件。\n"
    hainan = api.check_text(text, options=api.CheckOptions(jurisdiction="海南省", select=["HN"]))
    assert [f.code for f in hainan.findings] == ["HN01"] and hainan.findings[0].evidence == "县政府法制办"
    elsewhere = api.check_text(text, options=api.CheckOptions(jurisdiction="浙江省", select=["HN"]))
    assert not elsewhere.findings
    assert _sarif_rules()["HN01"]["helpUri"].endswith("/examples/lawgov-check-hainan/README.md#hn01")
