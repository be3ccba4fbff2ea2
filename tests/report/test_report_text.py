import re

from wcwidth import wcswidth

from lawgov_check.report import render
from lawgov_check.report.text import caret_excerpt, display_width

ANSI = re.compile(r"\x1b\[")


def test_carets_sit_under_wide_characters():
    line = "全区共办理行政执法案件1,236件，其中行政处罚案件1,300件。"
    start = line.index("1,300件")
    shown, carets = caret_excerpt(line, start, start + len("1,300件"))
    assert shown == line
    assert carets.index("^") == wcswidth(line[:start])
    assert carets.count("^") == wcswidth("1,300件") == 7


def test_long_lines_are_cut_around_the_span_and_still_aligned():
    line = "前" * 100 + "目标文字" + "后" * 100
    shown, carets = caret_excerpt(line, 100, 104)
    assert shown.startswith("…") and shown.endswith("…")
    assert len(shown) < len(line)
    first = carets.index("^")
    assert display_width(shown[: shown.index("目标文字")]) == first
    assert carets.count("^") == 8


def test_empty_span_gets_one_caret_and_tabs_are_counted():
    shown, carets = caret_excerpt("\t甲乙", 1, 1)
    assert carets == " " * 4 + "^"
    assert shown == "    甲乙"


def test_text_report_lists_findings_by_severity_with_locations(run):
    out = render("text", run)
    assert not ANSI.search(out)
    first_doc = out.split("== docs/养犬管理通知.pdf ==")[0]
    assert first_doc.index("错误 (1)") < first_doc.index("警告 (1)") < first_doc.index("提示 (1)")
    assert "reports/梧桐区2023年度报告.txt:7:39  NC01 警告" in out
    assert "docs/养犬管理通知.pdf:2:1 第2页  ND03 错误" in out
    assert "第4段  MD01 警告" in out
    assert "未适用规则集：normative_document 1.0.0（文种不是行政规范性文件）" in out
    assert "输入错误：docs/损坏的文件.docx: 不是有效的 Word 文件" in out
    assert "依据：《重大行政决策程序暂行条例》（国务院令第713号）第十四条" in out
    assert out.rstrip().endswith("共检查 4 份文件：错误 2 条，警告 3 条，提示 1 条，输入错误 1 个")


def test_text_report_underlines_the_evidence(run):
    lines = render("text", run).splitlines()
    source = next(i for i, l in enumerate(lines) if l.lstrip().startswith("7 |"))
    shown = lines[source].split("| ", 1)[1]
    carets = lines[source + 1].split("| ", 1)[1]
    start = shown.index("1,300件")
    assert carets.index("^") == wcswidth(shown[:start])
    assert carets.strip() == "^" * wcswidth("1,300件")


def test_english_labels(run):
    out = render("text", run, lang="en")
    assert "Rulesets applied" in out and "适用规则集" not in out
    assert "4 documents checked: 2 errors, 3 warnings, 1 infos, 1 input errors" in out


def test_colour_only_when_asked(run):
    coloured = render("text", run, color=True)
    assert ANSI.search(coloured)
    assert ANSI.sub("", re.sub(r"\x1b\[[0-9;]*m", "", coloured)) == render("text", run)


def test_every_document_type_has_a_label_in_both_languages():
    from lawgov_check.model import DOC_TYPES
    from lawgov_check.report.common import _DOC_TYPE_LABELS, doc_type_label

    for lang in ("zh", "en"):
        assert not set(DOC_TYPES) - set(_DOC_TYPE_LABELS[lang]), lang
    assert doc_type_label("zh", "government_rule") == "政府规章"


def test_the_widths_known_without_wcwidth_are_wcwidth_s():
    from wcwidth import wcwidth

    from lawgov_check.report.text import KNOWN_WIDTHS, char_width

    for low, high, width in KNOWN_WIDTHS:
        for code in range(low, high + 1):
            assert char_width(chr(code)) == wcwidth(chr(code)) == width, hex(code)
    for ch in "\u0301\u200b\u302a\u0007\U0001f600\uac00":  # outside the ranges: wcwidth (or \xNN) decides
        assert char_width(ch) == (wcwidth(ch) if wcwidth(ch) >= 0 else 4)


def test_a_chinese_report_needs_no_wcwidth():
    import subprocess
    import sys

    script = ("import sys\nfrom lawgov_check.report.text import caret_excerpt\n"
              "line = '“全区”共办理案件1,236件，其中—处罚案件1,300件。' * 5\n"
              "caret_excerpt(line, 60, 70)\nprint('wcwidth' in sys.modules)\n"
              "caret_excerpt('e\\u0301', 0, 2)\nprint('wcwidth' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True"]
