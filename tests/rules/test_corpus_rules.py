"""GF and NC over the real scraped documents: what must be found and what must stay quiet."""

from __future__ import annotations

from lawgov_check.api import CheckOptions, check_path, check_paths


def _codes(result, prefix=("GF", "NC")):
    return [(f.code, f.evidence) for f in result.findings if f.code.startswith(prefix)]


def test_jiaojiang_decided_cases(corpus_dir):
    result = check_path(corpus_dir / "jiaojiang-district-2019-annual-report.txt",
                        options=CheckOptions(rulesets=["GF", "NC"]))
    assert not result.errors
    nc01 = [f for f in result.findings if f.code == "NC01"]
    assert len(nc01) == 1
    assert "34件" in nc01[0].evidence and nc01[0].heading_path.startswith("一、")
    # Totals that do add up (256 = 199 + 45 + 12; 55 = 5 + 40 + 8 + 2), and the rates, stay quiet.
    assert not any("256件" in e or "55件" in e or "1488件" in e for _, e in _codes(result))
    assert not [f for f in result.findings if f.code in ("NC02", "NC03")]


def test_scraped_half_width_documents_are_not_flagged_for_width(corpus_dir):
    run = check_paths(sorted(corpus_dir.glob("*.txt")), options=CheckOptions(rulesets=["GF", "NC"]))
    assert len(run.documents) == 3
    for doc in run.documents:
        assert not doc.errors, doc.errors
        assert not [f for f in doc.findings if f.code == "GF14"], doc.path
        # Web metadata dates (成文日期: 2020-02-28) are the website's, not the signature's.
        assert not [f for f in doc.findings if f.code == "GF05"], doc.path


def test_zhangye_notice_format_is_clean(corpus_dir):
    result = check_path(corpus_dir / "zhangye-city-2017-implementation-plan-notice.txt",
                        options=CheckOptions(rulesets=["GF"]))
    # 〔〕 number, addressee with colon, Arabic date, (一)…(三十二) numbered across parts.
    assert _codes(result) == []


def test_tiantai_missing_title_is_advice_only(corpus_dir):
    result = check_path(corpus_dir / "tiantai-county-2020-annual-report.txt",
                        options=CheckOptions(rulesets=["GF", "NC"]))
    assert [f.code for f in result.findings] == ["GF11"]
    assert result.findings[0].severity == "info"
