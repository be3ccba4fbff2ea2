"""Run every case of tests/rule_cases/<CODE>.yml.

A case is `pass_*` (no finding of the code) or `fail_*` (each `expect` entry — a `line` of the
original file and/or a `text` the evidence contains — is matched by a finding of the code).
Cases never match on message wording.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from lawgov_check.api import CheckOptions, check_document, load_rules
from lawgov_check.pipeline import document_from_text

CASES_DIR = Path(__file__).resolve().parent.parent / "rule_cases"


def _cases():
    for path in sorted(CASES_DIR.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, case in data["cases"].items():
            yield pytest.param(data["code"], name, case, id=f"{data['code']}-{name}")


def _findings(code: str, case: dict):
    doc = document_from_text(case["text"], f"{code}.txt")
    if "date" in case:
        doc.identity.state(date=case["date"] if isinstance(case["date"], dt.date) else dt.date.fromisoformat(case["date"]))
    if "year" in case:
        doc.identity.state(year=case["year"])
    options = CheckOptions(select=[code], doc_type=case.get("doc_type"),
                           jurisdiction=case.get("jurisdiction"), meta=case.get("meta"))
    result = check_document(doc, options=options, catalogue=load_rules())
    assert not result.errors, result.errors
    return [f for f in result.findings if f.code == code]


@pytest.mark.parametrize(("code", "name", "case"), list(_cases()))
def test_rule_case(code: str, name: str, case: dict) -> None:
    findings = _findings(code, case)
    seen = [(f.location.line, f.evidence) for f in findings]
    if name.startswith("pass"):
        assert not findings, f"unexpected {code} findings: {seen}"
        return
    assert name.startswith("fail"), name
    assert findings, f"no {code} finding"
    for expected in case.get("expect") or []:
        assert any((expected.get("line") in (None, f.location.line))
                   and (expected.get("text") is None or expected["text"] in f.evidence)
                   for f in findings), f"{expected} not among {seen}"


def test_every_gf_and_nc_rule_has_cases() -> None:
    codes = {rule.code for rs, rule in load_rules().rules() if rs.id in ("GF", "NC")}
    files = {p.stem for p in CASES_DIR.glob("*.yml")}
    assert codes <= files, sorted(codes - files)
    for code in codes:
        cases = yaml.safe_load((CASES_DIR / f"{code}.yml").read_text(encoding="utf-8"))["cases"]
        assert sum(n.startswith("pass") for n in cases) >= 3, code
        assert sum(n.startswith("fail") for n in cases) >= 3, code
