"""Every rule of the domain rulesets has at least three pass and three fail cases."""

from __future__ import annotations

from pathlib import Path

import yaml

from lawgov_check.api import load_rules

CASES_DIR = Path(__file__).resolve().parents[1] / "rule_cases"
DOMAIN = ("AR", "ND", "CN", "MD", "IP", "GR")


def test_every_domain_rule_has_cases() -> None:
    codes = {rule.code for rs, rule in load_rules().rules() if rs.id in DOMAIN}
    assert len(codes) >= 40
    for code in sorted(codes):
        path = CASES_DIR / f"{code}.yml"
        assert path.exists(), code
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
        assert sum(n.startswith("pass") for n in cases) >= 3, code
        assert sum(n.startswith("fail") for n in cases) >= 3, code


def test_every_domain_rule_cites_a_basis_and_marks_unverified_as_warning() -> None:
    for rs, rule in load_rules().rules():
        if rs.id not in DOMAIN:
            continue
        assert rule.basis, rule.code
        if all(b.certainty == "unverified" for b in rule.basis):
            assert rule.severity != "error", rule.code
