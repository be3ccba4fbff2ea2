"""The `procedure` kind (manifest or negation-aware text evidence) and the `period` kind's subject
classes, written lengths, unit conversion, missing periods and validation."""

from __future__ import annotations

import json

import pytest
import yaml

from lawgov_check.pipeline import document_from_text
from lawgov_check.rules.engine import evaluate
from lawgov_check.rules.loader import RulesetError, load_catalogue
from lawgov_check.rules.selection import Selection, Subject
from ruleset_builder import make_ruleset_text

WORDS = """\
vocabularies:
  strict_words: [重大事项]
  loose_words: [一般事项]
  flagged_words: [企业]
labels:
  strict: {zh: 重大事项, en: a major matter}
  loose: {zh: 一般事项, en: an ordinary matter}
  calendar_days: {zh: 日, en: days}
  working_days: {zh: 个工作日, en: working days}
  legality_review: {zh: 合法性审查, en: legality review}
"""
MESSAGES = """\
    messages:
      skipped: {zh: "{procedure}：文中写明未做", en: "{procedure}: not done"}
      missing: {zh: "{procedure}：无记载", en: "{procedure}: not recorded"}
      missing-before-later-stage: {zh: "{procedure}：清单缺少", en: "{procedure}: missing from the manifest"}
      too-short: {zh: "{start}至{end}少于{class}的{min}{unit}", en: "{start} to {end}: under {min} {unit} for {class}"}
      stated-too-short: {zh: "“{evidence}”少于{class}的{min}{unit}", en: "“{evidence}”: under {min} {unit} for {class}"}
      converted-too-short: {zh: "“{evidence}”约合{converted}{unit}", en: "“{evidence}”: about {converted} {unit}"}
"""


def _ruleset(write_ruleset, check: str):
    """A one-rule ruleset whose check is `check` (a YAML block at the check's indentation)."""
    flow = json.dumps(yaml.safe_load(check))
    return write_ruleset(make_ruleset_text([{"code": "XX01", "check": flow, "extra": MESSAGES}]) + WORDS)


CLASSES = """\
      classes:
        - {class: strict, words: {vocab: strict_words}, min: 30}
        - {class: flagged, flag: {manifest: market_related, title: {vocab: flagged_words}}, min: 20}
        - {class: loose, words: {vocab: loose_words}, min: 5, unit: working_days}
"""


def _findings(write_ruleset, check: str, text: str, manifest=None, lang: str = "zh"):
    catalogue = load_catalogue([str(_ruleset(write_ruleset, check))], bundled=False)
    result = evaluate(document_from_text(text), catalogue, Subject(doc_type="notice"), Selection(),
                      manifest=manifest, lang=lang)
    assert not result.errors, result.errors
    return result.findings


PROCEDURE = """\
      kind: procedure
      procedure: legality_review
      manifest: [legality_review]
"""


def test_procedure_evidenced_by_text_or_manifest(write_ruleset):
    assert _findings(write_ruleset, PROCEDURE, "关于某事项的决定\n草案经合法性审查后提交会议。") == []
    assert _findings(write_ruleset, PROCEDURE, "关于某事项的决定\n草案提交会议。",
                     manifest={"legality_review": {"start": "2021-03-01", "end": "2021-03-09"}}) == []
    [missing] = _findings(write_ruleset, PROCEDURE, "关于某事项的决定\n草案提交会议。")
    assert missing.message == "合法性审查：无记载"


def test_procedure_skipped_points_at_the_clause_and_is_worded_in_english(write_ruleset):
    [skipped] = _findings(write_ruleset, PROCEDURE, "关于某事项的决定\n因时间紧迫，草案未经合法性审查，直接提交会议。",
                          lang="en")
    assert skipped.message == "legality review: not done" and "未经合法性审查" in skipped.evidence


def test_procedure_missing_only_after_a_later_stage(write_ruleset):
    check = PROCEDURE + "      report_missing: after_later_stage\n      later_stages: [publication_date]\n"
    assert _findings(write_ruleset, check, "某办法\n第一条 为规范管理，制定本办法。") == []
    [f] = _findings(write_ruleset, check, "某办法\n第一条 为规范管理，制定本办法。",
                    manifest={"publication_date": "2021-04-01"})
    assert f.message == "合法性审查：清单缺少"


NOTICE_PERIOD = """\
      kind: period
      subject:
        - {manifest: comment_period}
        - {fact: comment_periods}
        - {fact: durations, first: true, where: {attrs.subject: {eq: public_comment}}}
      unit: calendar_days
"""


def test_the_class_decides_the_minimum(write_ruleset):
    text = "关于{what}征求意见的公告\n请于2022年3月20日前反馈意见。\n某局\n2022年3月1日"
    strict = _findings(write_ruleset, NOTICE_PERIOD + CLASSES, text.format(what="重大事项"))
    assert [f.message for f in strict] == ["2022-03-01至2022-03-20少于重大事项的30日"]
    assert _findings(write_ruleset, NOTICE_PERIOD + CLASSES, text.format(what="一般事项")) == []
    assert _findings(write_ruleset, NOTICE_PERIOD + CLASSES, text.format(what="其他事项")) == []


def test_a_flag_outranks_the_classes_after_it(write_ruleset):
    text = "关于一般事项征求意见的公告\n请于2022年3月15日前反馈意见。\n某局\n2022年3月1日"
    assert _findings(write_ruleset, NOTICE_PERIOD + CLASSES, text) == []
    flagged = _findings(write_ruleset, NOTICE_PERIOD + CLASSES + "      class: flagged\n", text,
                        manifest={"market_related": True})
    assert len(flagged) == 1
    assert _findings(write_ruleset, NOTICE_PERIOD + CLASSES + "      class: loose\n", text,
                     manifest={"market_related": True}) == []


def test_a_written_length_is_converted_to_the_bound_unit(write_ruleset):
    text = "关于一般事项征求意见的公告\n本次征求意见时间为6天。\n某局"
    [f] = _findings(write_ruleset, NOTICE_PERIOD + CLASSES, text)
    assert f.message == "“6天”约合4个工作日"
    assert _findings(write_ruleset, NOTICE_PERIOD + CLASSES, text.replace("6天", "7天")) == []


def test_a_missing_period_is_its_own_variant(write_ruleset):
    check = NOTICE_PERIOD + "      missing: true\n"
    [f] = _findings(write_ruleset, check, "关于一般事项征求意见的公告\n欢迎提出意见。")
    assert f.location.line == 1 and f.evidence.startswith("关于一般事项")  # reported at the title
    assert _findings(write_ruleset, check, "关于一般事项征求意见的公告\n请于2022年3月15日前反馈意见。\n某局\n2022年3月1日") == []


@pytest.mark.parametrize(("extra", "problem"), [
    ("      class: nowhere\n", "nowhere"),
    ("      classes: [{class: a, min: 1}, {class: b, min: 2}]\n", "默认类别"),
])
def test_period_arguments_are_validated_at_load_time(write_ruleset, extra, problem):
    check = NOTICE_PERIOD + (CLASSES if "classes" not in extra else "") + extra
    path = _ruleset(write_ruleset, check)
    with pytest.raises(RulesetError) as err:
        load_catalogue([str(path)], bundled=False)
    assert problem in str(err.value)


def test_procedure_arguments_are_validated_at_load_time(write_ruleset):
    path = _ruleset(write_ruleset, "      kind: procedure\n      procedure: legal_review\n")
    with pytest.raises(RulesetError):
        load_catalogue([str(path)], bundled=False)
