"""Property tests: any text or bytes go through the whole pipeline and every reporter.

No exception escapes, output is deterministic, every finding's location lies inside the
document, JSON output validates against its schema and SARIF against SARIF 2.1.0.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hostile_support import REPO, hostile_inputs
from lawgov_check import __version__
from lawgov_check.api import CheckOptions, check_bytes, check_document, load_rules
from lawgov_check.model import RunResult
from lawgov_check.pipeline import document_from_text
from lawgov_check.report import FORMATS, render
from lawgov_check.rules.engine import heading_path_at

RESULT_SCHEMA = REPO / "lawgov_check" / "schemas" / "result.schema.json"
SARIF_SCHEMA = REPO.parent / "shared" / "schemas" / "sarif-2.1.0.json"

# Pieces of real document structure, so that generated text reaches headings, dates and numbers.
FRAGMENTS = [
    "一、", "（一）", "(二)", "1.", "（1）", "第一条", "第一章", "附件：", "附件", "某某县人民政府",
    "关于2021年度法治政府建设情况的报告", "市人民政府：", "2022年3月15日", "2021-13-45", "二〇二二年",
    "共审结案件40件，其中维持25件，驳回8件，纠错10件。", "纠错率为17.6%", "征求意见期限为7天",
    "30个工作日", "《重大行政决策程序暂行条例》", "（国务院令第713号）", "X政发〔2021〕5号",
    "〔2021〕", "合法性审查", "集体讨论", "索引号: 1133/2022-00031", "成文日期: 2022-03-15",
    "抄送：", "印发", "\u3000\u3000", "\n", "\n\n", "\r\n", "\t", " ", "\ufeff", "\u200b", "\ufffd", "關於",
    "（", "）", "、", "。", "%", "0", "9", "十", "百", "a",
]
text_strategy = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=40).map("".join)

SETTINGS = settings(max_examples=40, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@cache
def validators() -> tuple[jsonschema.protocols.Validator, jsonschema.protocols.Validator | None]:
    result = json.loads(RESULT_SCHEMA.read_text(encoding="utf-8"))
    result_validator = jsonschema.validators.validator_for(result)(result)
    sarif = None
    if SARIF_SCHEMA.is_file():
        sarif = jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    return result_validator, sarif


def run_of(document_result) -> RunResult:
    return RunResult(documents=[document_result], rules=load_rules().rule_infos(), tool_version=__version__)


def assert_findings_inside(result, original: str) -> None:
    lines = original.split("\n")
    for finding in result.findings:
        start, end = finding.span
        assert 0 <= start <= end <= len(original), finding
        assert finding.evidence == original[start:end]
        location = finding.location
        if location.page is None and location.paragraph is None:
            assert 1 <= location.line <= len(lines), finding
            assert 1 <= location.column <= len(lines[location.line - 1]) + 1, finding


def assert_reports_valid(run: RunResult) -> None:
    result_validator, sarif_validator = validators()
    outputs = {fmt: render(fmt, run) for fmt in FORMATS}
    again = {fmt: render(fmt, run) for fmt in FORMATS}
    assert outputs == again
    errors = list(result_validator.iter_errors(json.loads(outputs["json"])))
    assert not errors, errors[0].message
    if sarif_validator is not None:
        errors = list(sarif_validator.iter_errors(json.loads(outputs["sarif"])))
        assert not errors, errors[0].message


@SETTINGS
@given(text=text_strategy)
def test_any_text_through_pipeline_and_reporters(text):
    doc = document_from_text(text, "generated.txt")
    assert [h.start for h in doc.headings] == sorted(h.start for h in doc.headings)
    for offset in (0, len(doc.text) // 2, len(doc.text)):
        assert heading_path_at(doc, offset) == doc.heading_path(offset)
    result = check_document(doc, options=CheckOptions(keep_text=True))
    assert not result.errors, result.errors
    assert_findings_inside(result, doc.source.text)
    second = check_document(document_from_text(text, "generated.txt"), options=CheckOptions(keep_text=True))
    assert [(f.code, f.span, f.message, f.fingerprint) for f in result.findings] == \
           [(f.code, f.span, f.message, f.fingerprint) for f in second.findings]
    assert_reports_valid(run_of(result))


@SETTINGS
@given(text=text_strategy, codec=st.sampled_from(["utf-8", "gb18030", "utf-16", "utf-16-le", "big5"]))
def test_encoded_text_bytes(text, codec):
    data = text.encode(codec, errors="replace")
    result = check_bytes(data, "upload.txt")
    assert all("无法处理" not in e for e in result.errors), result.errors
    assert all(e.startswith("upload.txt: ") for e in result.errors)
    if not result.errors:
        assert_findings_inside(result, result_text(data, "upload.txt"))
    assert_reports_valid(run_of(result))


def result_text(data: bytes, name: str) -> str:
    from lawgov_check.ingest import load

    return load(name, data=data).text


@pytest.mark.parametrize("suffix", ["docx", "pdf", "txt"])
@SETTINGS
@given(data=st.data())
def test_mutated_fixture_bytes(suffix, data):
    original = hostile_inputs.sample_bytes(suffix)
    mutated = bytearray(original)
    for _ in range(data.draw(st.integers(1, 8), label="mutations")):
        position = data.draw(st.integers(0, len(mutated) - 1), label="position")
        action = data.draw(st.sampled_from(["flip", "cut", "insert", "zero"]), label="action")
        if action == "flip":
            mutated[position] ^= 1 << data.draw(st.integers(0, 7))
        elif action == "cut":
            del mutated[position:position + data.draw(st.integers(1, 64))]
        elif action == "insert":
            mutated[position:position] = data.draw(st.binary(min_size=1, max_size=32))
        else:
            mutated[position:position + 16] = b"\0" * 16
        if not mutated:
            mutated = bytearray(b"x")
    name = f"mutated.{suffix}"
    result = check_bytes(bytes(mutated), name)
    assert all("无法处理" not in e for e in result.errors), result.errors
    assert all(e.startswith(f"{name}: ") and "\n" not in e for e in result.errors)
    if not result.errors:
        assert_findings_inside_located(result)
    assert_reports_valid(run_of(result))


def assert_findings_inside_located(result) -> None:
    for finding in result.findings:
        start, end = finding.span
        assert 0 <= start <= end
        assert finding.location.line >= 1 and finding.location.column >= 1
