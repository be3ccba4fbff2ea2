"""The domain rulesets on the three real documents and on the fixtures written for them."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawgov_check.api import CheckOptions, check_path

REQUIRED_PARTS = {"AR01", "AR02", "AR03", "AR04"}


def codes(result) -> list[str]:
    return [f.code for f in result.findings]


@pytest.mark.parametrize("name", ["jiaojiang-district-2019-annual-report.txt", "tiantai-county-2020-annual-report.txt"])
def test_corpus_reports_have_all_four_parts(corpus_dir: Path, name: str) -> None:
    result = check_path(corpus_dir / name)
    assert result.doc_type == "annual_report"
    assert "AR" in [d.id for d in result.rulesets_applied]
    assert not REQUIRED_PARTS & set(codes(result)), codes(result)
    assert not result.errors


def test_jiaojiang_seven_calendar_days_is_flagged(corpus_dir: Path) -> None:
    result = check_path(corpus_dir / "jiaojiang-district-2019-annual-report.txt")
    stated = [f for f in result.findings if f.code == "CN09"]
    assert len(stated) == 1
    assert "7天" in stated[0].evidence
    assert stated[0].severity == "warning"
    assert "工作日" in stated[0].message


def test_jiaojiang_calendar_day_jurisdiction_accepts_seven_days(corpus_dir: Path, tmp_path: Path) -> None:
    ruleset = Path(__file__).resolve().parents[2] / "rulesets" / "CN.yml"
    text = ruleset.read_text(encoding="utf-8").replace("normative_comment_unit: working_days",
                                                       "normative_comment_unit: calendar_days")
    (tmp_path / "CN.yml").write_text(text, encoding="utf-8")
    result = check_path(corpus_dir / "jiaojiang-district-2019-annual-report.txt",
                        options=CheckOptions(ruleset_files=[str(tmp_path / "CN.yml")]))
    assert "CN09" not in codes(result)


def test_zhangye_unlabelled_lead_units_are_found(corpus_dir: Path) -> None:
    result = check_path(corpus_dir / "zhangye-city-2017-implementation-plan-notice.txt")
    unlabelled = [f for f in result.findings if f.code == "IP01"]
    assert len(unlabelled) == 1
    assert unlabelled[0].evidence.startswith("(市政府办、市政府法制办")
    assert "(二十八)" in unlabelled[0].heading_path
    assert not {"IP02", "IP03", "IP04"} & set(codes(result))


def test_fixture_missing_part(fixtures_dir: Path) -> None:
    result = check_path(fixtures_dir / "ar_missing_part.txt")
    assert REQUIRED_PARTS & set(codes(result)) == {"AR03"}
    finding = next(f for f in result.findings if f.code == "AR03")
    assert finding.severity == "error"
    assert any(b.article == "第二十五条" for b in finding.basis)


def test_fixture_comment_notice_too_short(fixtures_dir: Path) -> None:
    result = check_path(fixtures_dir / "cn_comment_notice.txt")
    assert result.doc_type == "comment_notice"
    assert [c for c in codes(result) if c.startswith("CN")] == ["CN04"]


def test_fixture_normative_document_with_manifest(fixtures_dir: Path) -> None:
    options = CheckOptions(meta=str(fixtures_dir / "nd_normative_document.meta.yml"))
    result = check_path(fixtures_dir / "nd_normative_document.txt", options=options)
    assert not result.errors
    nd = sorted(c for c in codes(result) if c.startswith("ND"))
    assert nd == ["ND07", "ND12", "ND13"]
    fine = next(f for f in result.findings if f.code == "ND07")
    assert "第八条" in fine.evidence
    assert "依照《城市道路管理条例》" not in fine.evidence


def test_fixture_normative_document_without_manifest(fixtures_dir: Path) -> None:
    result = check_path(fixtures_dir / "nd_normative_document.txt")
    assert sorted(c for c in codes(result) if c.startswith("ND")) == ["ND07"]


def test_report_before_2019_is_not_judged(tmp_path: Path) -> None:
    path = tmp_path / "report-2017.txt"
    path.write_text("某某县2017年度法治政府建设情况的报告\n一、2017年主要工作\n全年办理复议案件12件。\n\n某某县人民政府\n2018年3月1日\n",
                    encoding="utf-8")
    result = check_path(path)
    skipped = {d.id: d.reason for d in result.rulesets_skipped}
    assert "AR" in skipped and "2017" in skipped["AR"]
    assert not [c for c in codes(result) if c.startswith("AR")]
