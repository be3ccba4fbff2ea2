"""Every bundled ruleset validates, documents itself, and its examples behave."""

from __future__ import annotations

import pytest

from lawgov_check.rules.examples import run_example
from lawgov_check.rules.loader import bundled_ruleset_paths, load_catalogue, load_ruleset


def _catalogue():
    return load_catalogue()


def _rules():
    catalogue = _catalogue()
    return [pytest.param(catalogue, rule, id=rule.code) for _, rule in catalogue.rules()]


@pytest.mark.parametrize("path", bundled_ruleset_paths(), ids=lambda p: p.name)
def test_ruleset_validates(path) -> None:
    ruleset = load_ruleset(path)
    assert ruleset.rules


@pytest.mark.parametrize(("catalogue", "rule"), _rules())
def test_rule_documents_itself(catalogue, rule) -> None:
    assert rule.basis and all(b.title for b in rule.basis)
    for text in (rule.summary, rule.message, rule.suggestion):
        assert text.get("zh") and text.get("en")
    assert rule.examples["pass"] and rule.examples["fail"]


@pytest.mark.parametrize(("catalogue", "rule"), _rules())
def test_rule_examples_behave(catalogue, rule) -> None:
    for example in rule.examples["pass"]:
        findings, errors = run_example(catalogue, rule, example)
        assert not errors, errors
        assert not findings, f"pass example gave {[f.evidence for f in findings]}: {example}"
    for example in rule.examples["fail"]:
        findings, errors = run_example(catalogue, rule, example)
        assert not errors, errors
        assert findings, f"fail example gave no finding: {example}"


def test_codes_are_unique_and_prefixed() -> None:
    codes = [rule.code for _, rule in _catalogue().rules()]
    assert len(codes) == len(set(codes))
    for ruleset, rule in _catalogue().rules():
        assert rule.code.startswith(ruleset.id)


def _readme_rule_rows() -> dict[str, str]:
    """code → severity as the README's rule tables state them (a row may cover a range: AR01–AR04)."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    rows: dict[str, str] = {}
    row = re.compile(r"^\| \[?([A-Z]{2})(\d{2})\]?(?:\([^)]*\))?(?:–[A-Z]{2}(\d{2}))? \| (error|warning|info)\b", re.M)
    for match in row.finditer(readme):
        prefix, first, last, severity = match[1], int(match[2]), int(match[3] or match[2]), match[4]
        for number in range(first, last + 1):
            rows[f"{prefix}{number:02d}"] = severity
    return rows


def test_readme_lists_every_bundled_rule_with_its_severity() -> None:
    stated = _readme_rule_rows()
    actual = {rule.code: rule.severity for _, rule in load_catalogue(packages=False).rules()}
    assert sorted(set(actual) - set(stated)) == [], "rules missing from the README's tables"
    assert sorted(set(stated) - set(actual)) == [], "the README lists rules that do not exist"
    wrong = {code: (stated[code], actual[code]) for code in actual if stated[code] != actual[code]}
    assert wrong == {}, "README severity (stated, actual) differs"
