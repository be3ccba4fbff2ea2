"""Suggestions quote the document's own values; a basis depending on the subject cites only it."""

from __future__ import annotations

import pytest

from lawgov_check.api import CheckOptions, check_text
from lawgov_check.rules.loader import load_catalogue

NOTICE = "各街道办事处：\n现将清理结果予以公布。\n\n某区人民政府\n{date}\n"


@pytest.mark.parametrize(("written", "suggested"), [
    ("2022-11-07", "2022年11月7日"), ("2019.3.15", "2019年3月15日"), ("2020年03月05日", "2020年3月5日"),
    ("2023/1/9", "2023年1月9日"),
])
def test_gf05_suggests_the_documents_own_date(written, suggested):
    [finding] = check_text(NOTICE.format(date=written), options=CheckOptions(select=["GF05"])).findings
    assert f"“{suggested}”" in finding.suggestion and "2021年3月5日" not in finding.suggestion
    english = check_text(NOTICE.format(date=written), options=CheckOptions(select=["GF05"], lang="en")).findings[0]
    assert suggested in english.suggestion and "{" not in english.suggestion


REPORT = "某区2020年度法治政府建设情况的报告\n一、主要举措和成效\n{sentence}\n"


@pytest.mark.parametrize(("sentence", "cited"), [
    ("全年制定区级规范性文件9件，出台前均在区政府网站进行三天公开征求意见。", "市县法治政府建设示范指标体系"),
    ("全年提请审议政府规章草案2件，草案均在区政府网站公开征求意见15天。", "国务院令第695号"),
    ("全年作出重大行政决策3项，均向社会公开征求意见20天。", "国务院令第713号"),
])
def test_cn09_cites_only_the_basis_for_what_the_period_concerns(sentence, cited):
    result = check_text(REPORT.format(sentence=sentence), options=CheckOptions(select=["CN09"], doc_type="annual_report"))
    [finding] = result.findings
    assert [b.number or b.title for b in finding.basis] == [cited]


def test_every_subject_class_names_a_basis_cn09_has():
    cn09 = next(rule for _, rule in load_catalogue(packages=False).rules() if rule.code == "CN09")
    names = {b.number for b in cn09.basis} | {b.title for b in cn09.basis}
    cited = {c["basis"] for c in cn09.check["classes"]}
    assert len(cited) == len(cn09.check["classes"]) and cited <= names
