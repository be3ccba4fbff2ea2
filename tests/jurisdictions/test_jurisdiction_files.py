"""Jurisdiction files: the bundled data, the loader's errors, inheritance with provenance."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import regex

from lawgov_check.identify.jurisdiction import PROVINCES
from lawgov_check.jurisdictions import Jurisdictions, load_jurisdiction_file, load_jurisdiction_files
from lawgov_check.jurisdictions.loader import bundled_paths
from lawgov_check.rules.loader import RulesetError, load_catalogue

RULESETS = {"ND": {"registration_required": False, "registration_pattern": "", "filing_days": 30,
                   "validity_max_years": 5, "registration_label": "统一编号"}}


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def _write(tmp_path: Path, text: str, name: str = "j.yml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _problems(path: Path, rulesets=RULESETS) -> list[str]:
    with pytest.raises(RulesetError) as info:
        load_jurisdiction_file(path, rulesets)
    return info.value.problems


# ---- the bundled files --------------------------------------------------------------------------

def test_every_province_level_division_has_a_file(catalogue):
    provinces = {f.name for f in catalogue.jurisdictions if f.level == "province"}
    assert provinces == set(PROVINCES.values())


def test_file_names_match_their_jurisdiction(catalogue):
    for item in catalogue.jurisdictions:
        assert Path(item.path).stem == item.name


def test_patterns_match_every_example_and_the_example_parameter(catalogue):
    checked = 0
    for item in catalogue.jurisdictions:
        for setting in item.all_settings():
            if not setting.name.endswith("_pattern"):
                continue
            pattern = regex.compile(setting.value)
            numbers = [e["number"] for e in setting.examples]
            example = item.settings[setting.ruleset].get(setting.name.replace("_pattern", "_example"))
            numbers += [example.value] if example else []
            assert numbers, f"{item.path}: {setting.name} has no real example"
            for number in numbers:
                assert pattern.search(number), f"{item.path}: {number} does not match {setting.value}"
                checked += 1
    assert checked >= 3


def test_every_source_can_be_followed(catalogue):
    for item in catalogue.jurisdictions:
        for source in item.sources.values():
            assert source.url or source.number, f"{item.path}: source {source.id} has neither url nor 文号"
        for setting in item.all_settings():
            assert setting.source.id in item.sources


def test_cities_name_their_province(catalogue):
    for item in catalogue.jurisdictions:
        if item.level != "province":
            assert catalogue.jurisdictions.find(item.within).level == "province"


# ---- loader errors -------------------------------------------------------------------------------

GOOD = """\
    jurisdiction: 某省
    level: province
    within: null
    sources:
      rule: {title: 某省规范性文件管理办法, number: 某省人民政府令第1号, article: 第十条, certainty: verified}
    parameters:
      ND:
        filing_days: {value: 15, source: rule}
"""


def test_a_good_file_loads(tmp_path):
    item = load_jurisdiction_file(_write(tmp_path, GOOD), RULESETS)
    assert item.settings["ND"]["filing_days"].value == 15
    assert item.settings["ND"]["filing_days"].source.article == "第十条"


@pytest.mark.parametrize("old, new, expected", [
    ("ND:\n", "NX:\n", "parameters.NX: 未知的规则集 NX（是否为 ND？"),
    ("filing_days: {value: 15", "filing_day: {value: 15", "parameters.ND.filing_day: 规则集 ND 没有参数 filing_day（是否为 filing_days？"),
    ("{value: 15,", "{value: '15',", "parameters.ND.filing_days.value: 类型应为整数"),
    ("{value: 15,", "{value: true,", "parameters.ND.filing_days.value: 类型应为整数"),
    ("source: rule}", "source: rules}", "parameters.ND.filing_days.source: 未定义的来源 rules（是否为 rule？"),
    ("certainty: verified", "certainty: sure", "sources.rule.certainty:"),
    ("level: province", "level: town", "level:"),
    ("within: null", "within: 某国", "within: 省级辖区不属于其他辖区"),
    ("within: null", "wihtin: null", "wihtin: 未知的键"),
])
def test_problems_are_one_line_naming_file_and_path(tmp_path, old, new, expected):
    path = _write(tmp_path, GOOD.replace(old, new))
    problems = _problems(path)
    assert any(p.startswith(f"{path}: ") and expected in p for p in problems), problems
    assert all("\n" not in p for p in problems)


def test_bad_regex_and_examples_that_do_not_match(tmp_path):
    text = GOOD.replace("filing_days: {value: 15, source: rule}",
                        "registration_pattern: {value: 'AB[0-9', source: rule}")
    assert any("registration_pattern.value: 不是有效的正则表达式" in p for p in _problems(_write(tmp_path, text)))
    text = GOOD.replace("filing_days: {value: 15, source: rule}",
                        "registration_pattern: {value: 'AB\\d{4}', source: rule, "
                        "examples: [{number: AB2021, url: 'https://example.org/1', date: 2021-01-02}, "
                        "{number: XY2021, url: 'https://example.org/2', date: 2021-03-04}]}")
    problems = _problems(_write(tmp_path, text))
    assert problems == [f"{tmp_path / 'j.yml'}: parameters.ND.registration_pattern.examples[1].number: "
                        "示例编号“XY2021”与 value 的格式不符"]


@pytest.mark.parametrize("text", ["- a list\n", "jurisdiction: [\n", "a: &a [*a, *a]\n",
                                  "x: " + "[" * 300 + "]" * 300 + "\n", "\xff\xfe"])
def test_hostile_files_are_one_line_errors(tmp_path, text):
    path = tmp_path / "j.yml"
    path.write_bytes(text.encode("utf-8", "surrogateescape") if text != "\xff\xfe" else b"\xff\xfe\x00")
    problems = _problems(path)
    assert len(problems) == 1 and problems[0].startswith(str(path))


def test_a_directory_is_refused(tmp_path):
    (tmp_path / "d.yml").mkdir()
    assert "不是普通文件" in _problems(tmp_path / "d.yml")[0]


def test_within_must_name_a_file_of_a_higher_level(tmp_path):
    city = _write(tmp_path, GOOD.replace("jurisdiction: 某省", "jurisdiction: 某市").replace("level: province", "level: city")
                  .replace("within: null", "within: 别省"), "city.yml")
    with pytest.raises(RulesetError) as info:
        load_jurisdiction_files(RULESETS, [city], bundled=False)
    assert "within: 没有名为 别省 的辖区文件" in info.value.problems[0]
    province = _write(tmp_path, GOOD, "province.yml")
    county = _write(tmp_path, GOOD.replace("jurisdiction: 某省", "jurisdiction: 某县").replace("level: province", "level: county")
                    .replace("within: null", "within: 某省"), "county.yml")
    assert set(load_jurisdiction_files(RULESETS, [province, county], bundled=False)) == {"某省", "某县"}
    city2 = _write(tmp_path, GOOD.replace("jurisdiction: 某省", "jurisdiction: 某市").replace("level: province", "level: city")
                   .replace("within: null", "within: 某县"), "city2.yml")
    with pytest.raises(RulesetError) as info:
        load_jurisdiction_files(RULESETS, [province, county, city2], bundled=False)
    assert "不能包含 city 级的 某市" in info.value.problems[0]


def test_a_users_file_replaces_the_bundled_one(tmp_path, catalogue):
    mine = _write(tmp_path, GOOD.replace("某省", "湖南省"), "湖南省.yml")
    files = load_jurisdiction_files({rs.id: rs.parameters for rs in catalogue.rulesets}, [mine])
    assert files["湖南省"].origin == "file" and set(files["湖南省"].settings["ND"]) == {"filing_days"}
    assert len(files) == len(catalogue.jurisdictions)


# ---- inheritance -----------------------------------------------------------------------------------

def _chain_files(tmp_path: Path) -> Jurisdictions:
    def one(name, level, within, params):
        body = "".join(f"    {k}: {{value: {v}, source: s}}\n" for k, v in params.items())
        return _write(tmp_path, f"jurisdiction: {name}\nlevel: {level}\nwithin: {within or 'null'}\n"
                                f"sources: {{s: {{title: {name}的规定, number: {name}令第1号, certainty: "
                                f"{'verified' if level == 'province' else 'observed'}}}}}\n"
                                f"parameters:\n  ND:\n{body}", f"{name}.yml")
    rulesets = {"ND": {"a": 1, "b": 1, "c": 1, "d": 1}}
    paths = [one("甲地省", "province", None, {"a": 2, "b": 2, "c": 2}), one("乙地市", "city", "甲地省", {"b": 3, "c": 3}),
             one("丙地县", "county", "乙地市", {"c": 4}), one("丁地省", "province", None, {"a": 9})]
    return Jurisdictions(load_jurisdiction_files(rulesets, paths, bundled=False))


def test_county_city_province_national_with_provenance(tmp_path):
    places = _chain_files(tmp_path)
    defaults = {"a": 1, "b": 1, "c": 1, "d": 1}
    resolved = places.resolve("ND", defaults, ("甲地省", "乙地市", "丙地县"))
    assert resolved.chain == ("甲地省", "乙地市", "丙地县")
    assert resolved.values() == {"a": 2, "b": 3, "c": 4, "d": 1}
    assert {p.name: p.set_by for p in resolved.parameters.values()} == {"a": "甲地省", "b": "乙地市", "c": "丙地县", "d": None}
    assert resolved.parameters["c"].path.endswith("丙地县.yml")
    # the county alone: its city and province come from `within`
    assert places.resolve("ND", defaults, ("丙地县",)).values() == {"a": 2, "b": 3, "c": 4, "d": 1}
    # a county without a file gets its city's parameters
    assert places.resolve("ND", defaults, ("甲地省", "乙地市", "戊地县")).values() == {"a": 2, "b": 3, "c": 3, "d": 1}
    # a compound name, and the bare name
    assert places.resolve("ND", defaults, ("甲地省乙地市",)).chain == ("甲地省", "乙地市")
    assert places.resolve("ND", defaults, ("甲地",)).chain == ("甲地省",)
    # a city that is not in the identified province is not taken
    assert places.resolve("ND", defaults, ("丁地省", "乙地市")).values() == {"a": 9, "b": 1, "c": 1, "d": 1}
    assert places.resolve("ND", defaults, ("火星",)).values() == defaults
    assert places.resolve("ND", defaults, ("甲地州",)).chain == ()  # another place of the same bare name
    assert [p.name for p in resolved.from_files()] == ["a", "b", "c"]
    assert resolved.unverified(["b"]) and not resolved.unverified(["a", "d"])


def test_readme_table_is_generated_from_the_files(catalogue):
    """README.md's jurisdiction table is what scripts/jurisdiction_table.py makes of the files today
    (regenerate it when this fails)."""
    import importlib.util

    script = Path(__file__).resolve().parents[2] / "scripts" / "jurisdiction_table.py"
    spec = importlib.util.spec_from_file_location("jurisdiction_table", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    readme = module.README.read_text(encoding="utf-8")
    from lawgov_check.jurisdictions.views import markdown_table

    expected = module.with_table(readme, markdown_table(load_catalogue(packages=False).jurisdictions))
    assert readme == expected, "README.md's jurisdiction table is stale: run python scripts/jurisdiction_table.py"
    assert "| 湖南省 | province | `ND.registration_required`" in readme and "《辽宁省规章规范性文件备案办法》" in readme


def test_a_pattern_too_slow_for_its_examples_is_refused(tmp_path, monkeypatch):
    class Slow:
        def search(self, text, timeout=None):
            raise TimeoutError

    monkeypatch.setattr(regex, "compile", lambda pattern: Slow())
    text = GOOD.replace("filing_days: {value: 15, source: rule}",
                        "registration_pattern: {value: 'A+', source: rule, "
                        "examples: [{number: AAA, url: 'https://example.org/1', date: 2021-01-02}]}")
    assert _problems(_write(tmp_path, text)) == [
        f"{tmp_path / 'j.yml'}: parameters.ND.registration_pattern.value: 正则表达式匹配示例编号超过 1 秒，拒绝使用 (pattern too slow)"]
