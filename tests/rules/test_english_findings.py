"""With --lang en a finding of rulesets AR, IP, GF and GR prints no Chinese except what it quotes
from the document: every fail example and fail case is run in English and its message and
suggestion, with the quotations (“…”, 《…》) taken out, must hold no Han character (nor a
placeholder the check left unfilled)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from lawgov_check.api import CheckOptions, check_document, load_rules
from lawgov_check.pipeline import document_from_text
from lawgov_check.rules.examples import run_example

RULESETS = ("AR", "IP", "GF", "GR")
CASES_DIR = Path(__file__).resolve().parent.parent / "rule_cases"
_TITLES = re.compile(r"《[^《》]*》")
_QUOTED = re.compile(r"“[^“”]*”")
_HAN = re.compile(r"[\u3400-\u9fff]")


def _unquoted_han(text: str) -> list[str]:
    """Han characters outside quotations; quoted titles go first (a quotation may hold a title
    that holds quotation marks of its own)."""
    previous = None
    while previous != text:
        previous, text = text, _TITLES.sub("", text)
    return _HAN.findall(_QUOTED.sub("", text))


def _examples():
    catalogue = load_rules()
    for ruleset, rule in catalogue.rules():
        if ruleset.id in RULESETS:
            for i, example in enumerate(rule.examples["fail"]):
                yield pytest.param(catalogue, rule, example, id=f"{rule.code}-example-{i}")


def _cases():
    for path in sorted(CASES_DIR.glob("*.yml")):
        if path.stem[:2] in RULESETS:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            for name, case in data["cases"].items():
                if name.startswith("fail"):
                    yield pytest.param(data["code"], case, id=f"{data['code']}-{name}")


def _assert_english(findings) -> None:
    assert findings
    for f in findings:
        for text in (f.message, f.suggestion):
            assert not _unquoted_han(text), f"{f.code}: {text}"
            assert not re.search(r"\{\w+\}", text), f"{f.code}: a placeholder left unfilled: {text}"


@pytest.mark.parametrize(("catalogue", "rule", "example"), list(_examples()))
def test_fail_example_in_english(catalogue, rule, example) -> None:
    findings, errors = run_example(catalogue, rule, example, lang="en")
    assert not errors
    _assert_english(findings)


@pytest.mark.parametrize(("code", "case"), list(_cases()))
def test_fail_case_in_english(code, case) -> None:
    doc = document_from_text(case["text"], f"{code}.txt")
    options = CheckOptions(select=[code], doc_type=case.get("doc_type"), lang="en",
                           jurisdiction=case.get("jurisdiction"), meta=case.get("meta"))
    result = check_document(doc, options=options, catalogue=load_rules())
    _assert_english([f for f in result.findings if f.code == code])


def test_the_check_sees_chinese_outside_quotations() -> None:
    assert _unquoted_han("Heading number “（三）”: 跳号") == ["跳", "号"]
    assert not _unquoted_han("The title “某县2021年度报告” names 2021")
    assert not _unquoted_han("The citation “落实《关于“放管服”改革的意见》” puts the number first")
