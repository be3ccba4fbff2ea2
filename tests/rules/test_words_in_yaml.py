"""Rules as data: message variants, labels, vocabularies, validated predicate arguments, `extends`."""

from __future__ import annotations

import pytest

from lawgov_check.pipeline import document_from_text
from lawgov_check.rules.engine import evaluate
from lawgov_check.rules.hits import Hit
from lawgov_check.rules.loader import RulesetError, load_catalogue, load_ruleset
from lawgov_check.rules.predicates import PREDICATES, predicate
from lawgov_check.rules.selection import Selection, Subject

HEAD = """\
id: XX
name: {zh: 测试, en: Test}
version: '0.1'
description: test
applies_to: {doc_types: ["*"]}
"""

RULE = """\
  - code: XX01
    name: test-rule
    status: active
    severity: warning
    summary: {zh: 摘要, en: summary}
    message: {zh: 默认, en: default}
    suggestion: {zh: 建议, en: suggestion}
    basis: [{title: 测试依据, certainty: unverified}]
    examples: {pass: ["通过"], fail: ["不通过"]}
"""


def _flag_words(ctx, words=None, variant: str | None = None, limit: int = 3):
    for match in ctx.phrase_pattern(words or []).finditer(ctx.doc.text):
        yield Hit(match.start(), match.end(), {"part_code": "plans", "limit": limit}, variant=variant)


@pytest.fixture(autouse=True)
def _registered():
    predicate("test.words-in-yaml")(_flag_words)
    yield
    PREDICATES.pop("test.words-in-yaml")


def _findings(path, text: str, lang: str = "zh"):
    catalogue = load_catalogue([str(path)], bundled=False)
    result = evaluate(document_from_text(text), catalogue, Subject(doc_type="notice"), Selection(), lang=lang)
    return result.findings, result.errors


def _ruleset(write_ruleset, check: str, extra: str = "", rule_extra: str = ""):
    return write_ruleset(HEAD + extra + "rules:\n" + RULE + f"    check: {check}\n" + rule_extra)


LABELS = """\
labels:
  plans: {zh: 下一年度工作安排, en: next year's plans}
vocabularies:
  shortfalls: [不足, 短板]
"""
VARIANTS = """\
    messages:
      too-many: {zh: "{part}超过{limit}项", en: "{part}: more than {limit}"}
"""


def test_a_hit_variant_picks_its_words_and_codes_are_worded_by_labels(write_ruleset):
    path = _ruleset(write_ruleset, "{kind: predicate, name: test.words-in-yaml, "
                                   "args: {words: {vocab: shortfalls}, variant: too-many, limit: 2}}",
                    LABELS, VARIANTS)
    [zh], errors = _findings(path, "存在短板")
    assert not errors and zh.message == "下一年度工作安排超过2项" and zh.evidence == "短板"
    [en], _ = _findings(path, "存在短板", lang="en")
    assert en.message == "next year's plans: more than 2"


def test_a_variant_the_rule_does_not_word_is_a_rule_error(write_ruleset):
    path = _ruleset(write_ruleset, "{kind: predicate, name: test.words-in-yaml, "
                                   "args: {words: [不足], variant: unknown-variant}}", LABELS)
    findings, errors = _findings(path, "不足")
    assert findings[0].message == "默认" and "unknown-variant" in errors[0]


def test_presence_keywords_from_a_vocabulary(write_ruleset):
    path = _ruleset(write_ruleset, "{kind: presence, scope: document, keywords: {vocab: shortfalls}}", LABELS)
    assert _findings(path, "全部完成")[0] and not _findings(path, "仍有不足")[0]


def test_a_vocabulary_pattern_is_matched_beside_its_phrases(write_ruleset):
    extra = "vocabularies:\n  shortfalls: {phrases: [不足], regex: ['差距\\p{Han}{0,2}明显']}\n"
    path = _ruleset(write_ruleset, "{kind: absence, scope: document, keywords: {vocab: shortfalls}}", extra)
    assert [f.evidence for f in _findings(path, "有不足，差距较明显")[0]] == ["不足", "差距较明显"]


@pytest.mark.parametrize("check, extra, expected", [
    ("{kind: predicate, name: test.words-in-yaml, args: {words: {vocab: shortfall}}}", LABELS,
     "未定义的词表 shortfall（是否为 shortfalls？"),
    ("{kind: predicate, name: test.words-in-yaml, args: {limt: 2}}", "", "没有参数 limt（是否为 limit？"),
    ("{kind: predicate, name: test.words-in-yaml, args: {limit: many}}", "", "应为 int，实为 str"),
    ("{kind: predicate, name: test.word-in-yaml}", "", "未注册的谓词 test.word-in-yaml（是否为 test.words-in-yaml？"),
    ("{kind: pattern, regex: x}", "vocabularies:\n  bad: {regex: ['(']}\n", "vocabularies.bad"),
])
def test_references_and_arguments_are_checked_when_loaded(write_ruleset, check, extra, expected):
    with pytest.raises(RulesetError) as caught:
        load_ruleset(_ruleset(write_ruleset, check, extra))
    assert expected in str(caught.value)


def test_a_required_predicate_argument_must_be_given(write_ruleset):
    @predicate("test.needs-an-argument")
    def needs(ctx, minimum: int):
        return []

    try:
        with pytest.raises(RulesetError, match="缺少参数 minimum"):
            load_ruleset(_ruleset(write_ruleset, "{kind: predicate, name: test.needs-an-argument}"))
    finally:
        PREDICATES.pop("test.needs-an-argument")


def test_extends_changes_a_bundled_ruleset_without_replacing_it(write_ruleset, tmp_path):
    change = write_ruleset("id: GF\nextends: GF\nparameters: {}\n", "GF-local.yml")
    bundled = load_catalogue().ruleset("GF")
    changed = load_catalogue([str(change)]).ruleset("GF")
    assert [r.code for r in changed.rules] == [r.code for r in bundled.rules]
    assert changed.origin == "file" and changed.version == bundled.version


def test_extends_replaces_a_rule_by_code_and_merges_vocabularies(write_ruleset):
    base = _ruleset(write_ruleset, "{kind: absence, scope: document, keywords: {vocab: shortfalls}}", LABELS)
    bases = {"XX": load_ruleset(base)}
    change = write_ruleset("id: XX\nextends: XX\nvocabularies:\n  shortfalls: [差距]\n", "XX-local.yml")
    ruleset = load_ruleset(change, bases=bases)
    assert ruleset.vocabularies["shortfalls"].phrases == ("差距",) and ruleset.labels["plans"]["en"]
    with pytest.raises(RulesetError, match="没有可扩展的规则集 YY"):
        load_ruleset(write_ruleset("id: YY\nextends: YY\n", "YY.yml"), bases=bases)


def test_a_runaway_vocabulary_pattern_is_a_rule_timeout_not_a_hang(write_ruleset):
    extra = "vocabularies:\n  shortfalls: {regex: ['(a|aa)+$']}\n"
    path = _ruleset(write_ruleset, "{kind: predicate, name: test.words-in-yaml, args: {words: {vocab: shortfalls}}}", extra)
    catalogue = load_catalogue([str(path)], bundled=False)
    result = evaluate(document_from_text("a" * 5000 + "b"), catalogue, Subject(doc_type="notice"), Selection(),
                      regex_timeout=0.05)
    assert not result.findings and "超过" in result.errors[0]
