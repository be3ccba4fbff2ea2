"""Deliberately broken copies of the corpus documents are caught; the untouched ones stay clean."""

from __future__ import annotations

from lawgov_check.api import CheckOptions, check_text

ZHANGYE = "zhangye-city-2017-implementation-plan-notice.txt"
JIAOJIANG = "jiaojiang-district-2019-annual-report.txt"


def _codes(text: str) -> list[str]:
    result = check_text(text, options=CheckOptions())
    assert not result.errors, result.errors
    return sorted(f.code for f in result.findings)


def _mutate(text: str, old: str, new: str) -> str:
    assert text.count(old) >= 1, old
    return text.replace(old, new, 1)


def test_untouched_documents_show_only_their_real_defects(corpus_dir):
    zhangye = (corpus_dir / ZHANGYE).read_text(encoding="utf-8")
    jiaojiang = (corpus_dir / JIAOJIANG).read_text(encoding="utf-8")
    assert _codes(zhangye) == ["IP01"]  # the clause whose lead units lack the 牵头单位 label
    assert _codes(jiaojiang) == ["CN09", "NC01"]  # 7 calendar days of comment; 34 cases vs 36 outcomes


def test_broken_copy_of_the_notice_is_caught(corpus_dir):
    text = (corpus_dir / ZHANGYE).read_text(encoding="utf-8")
    text = _mutate(text, "市委发〔2017〕23号", "市委发[2017]23号")      # wrong brackets
    text = _mutate(text, "\n2017年4月24日\n", "\n2017.4.24\n")           # a dotted date
    text = _mutate(text, "三、保障机制", "四、保障机制")                  # a skipped heading number
    codes = _codes(text)
    for expected in ("GF01", "GF05", "GF06", "IP01"):
        assert expected in codes, (expected, codes)


def test_inflated_total_is_caught(corpus_dir):
    text = (corpus_dir / JIAOJIANG).read_text(encoding="utf-8")
    text = _mutate(text, "其中继续有效的199件", "其中继续有效的299件")
    result = check_text(text, options=CheckOptions(select=["NC"]))
    evidence = [f.evidence for f in result.findings if f.code == "NC01"]
    assert any("256件" in e for e in evidence), evidence
    assert any("34件" in e for e in evidence), evidence
