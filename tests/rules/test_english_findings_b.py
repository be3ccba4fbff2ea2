"""With --lang en a finding of CN, MD, ND or NC prints no Chinese except what it quotes from the
document: every failing example (the ruleset's own and tests/rule_cases) is checked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from lawgov_check.api import CheckOptions, check_document, load_rules
from lawgov_check.pipeline import document_from_text
from lawgov_check.rules.examples import run_example

RULESETS = ("CN", "MD", "ND", "NC")
NOT_OURS = ("ND02",)  # the registration number belongs to the jurisdictions work
CASES_DIR = Path(__file__).resolve().parent.parent / "rule_cases"
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
QUOTED = re.compile(r"“[^”]*”")


def unquoted_han(text: str, document: str) -> list[str]:
    """Han characters outside “quotations”, and quotations whose text is not in the document."""
    problems = [q for q in QUOTED.findall(text) if HAN.search(q) and q[1:-1].rstrip("…") not in document]
    return problems + HAN.findall(QUOTED.sub("", text))


def _rule_examples():
    catalogue = load_rules()
    for ruleset, rule in catalogue.rules():
        if ruleset.id in RULESETS and ruleset.origin == "bundled" and rule.code not in NOT_OURS:
            for i, example in enumerate(rule.examples["fail"]):
                yield pytest.param(rule.code, example, id=f"{rule.code}-example-{i}")


def _case_examples():
    for path in sorted(CASES_DIR.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data["code"][:2] in RULESETS and data["code"] not in NOT_OURS:
            for name, case in data["cases"].items():
                if name.startswith("fail"):
                    yield pytest.param(data["code"], case, id=f"{data['code']}-{name}")


def _assert_english(findings, document: str) -> None:
    assert findings
    for finding in findings:
        for text in (finding.message, finding.suggestion):
            assert not unquoted_han(text, document), text


@pytest.mark.parametrize(("code", "example"), list(_rule_examples()))
def test_ruleset_fail_examples_in_english(code, example):
    catalogue = load_rules()
    _, rule = catalogue.rule(code)
    findings, errors = run_example(catalogue, rule, example, lang="en")
    assert not errors
    text = example if isinstance(example, str) else example["text"] + str(example.get("meta") or "")
    _assert_english(findings, document_from_text(text).text + text)


@pytest.mark.parametrize(("code", "case"), list(_case_examples()))
def test_rule_case_failures_in_english(code, case):
    doc = document_from_text(case["text"], f"{code}.txt")
    options = CheckOptions(select=[code], doc_type=case.get("doc_type"), jurisdiction=case.get("jurisdiction"),
                           meta=case.get("meta"), lang="en")
    result = check_document(doc, options=options, catalogue=load_rules())
    quoted_from = doc.text + case["text"] + str(case.get("meta") or "")  # the manifest is quoted too
    _assert_english([f for f in result.findings if f.code == code], quoted_from)


def test_a_chinese_word_outside_quotes_is_caught():
    assert unquoted_han("The period is 少于 the minimum", "") == ["少", "于"]
    assert unquoted_han("The period “7天” is short", "征求意见7天") == []
    assert unquoted_han("The organ “办公室” is a division", "没有") == ["“办公室”"]
