"""PDF: paragraphs re-joined, page numbers dropped, spacing repaired, page+line locations."""

from __future__ import annotations

import pytest

from lawgov_check.ingest import load


@pytest.fixture
def source(fixtures_dir):
    return load(str(fixtures_dir / "sample_annual_report.pdf"))


@pytest.fixture
def lines(source) -> list[str]:
    return source.text.split("\n")


def test_paragraphs_match_the_plain_text_original(fixtures_dir, lines):
    original = (fixtures_dir / "sample_annual_report.txt").read_text(encoding="utf-8")
    assert lines == [line for line in original.split("\n") if line]


def test_long_paragraph_becomes_one_line(lines):
    paragraph = next(line for line in lines if line.startswith("一是发挥行政复议化解行政争议主渠道作用"))
    assert "全年共办理行政复议案件45件，其中维持30件，撤销5件，终止10件" in paragraph
    assert paragraph.endswith("调解成功率98.7%。")


def test_headings_title_and_signature_stay_on_their_own_lines(lines):
    assert "清溪县人民政府关于2021年度法治政府建设情况的报告" in lines
    assert "一、2021年推进法治政府建设的主要举措和成效" in lines
    assert "（一）依法全面履行政府职能" in lines
    assert lines[-3:] == ["特此报告。", "清溪县人民政府", "2022年3月15日"]


def test_page_numbers_are_dropped(source):
    assert "—" not in source.text.replace("2021—2025", "")


def test_locations_point_to_page_and_line(source):
    # "213件" opens page 2 although its paragraph started on page 1
    location = source.locate(source.text.index("213件，废止"))
    assert (location.page, location.line, location.column) == (2, 1, 1)
    location = source.locate(source.text.index("市人民政府："))
    assert (location.page, location.line) == (1, 7)
    last = source.locate(source.text.index("2022年3月15日"))
    assert (last.page, last.line) == (5, 17)
    assert last.paragraph is None


def test_number_split_across_lines_is_rejoined(source):
    assert "行政处罚信息1452条" in source.text
    assert source.locate(source.text.index("1452条") + 3).line == 5


def test_extraction_spaces_between_cjk_and_digits_are_removed(fixtures_dir):
    text = load(str(fixtures_dir / "spaced_cjk.pdf")).text
    assert text.split("\n")[0] == "关于公开征求意见的公告"
    assert "为做好2021年度法治政府建设工作" in text
    assert "2021年11月1日至11月30日。" in text
    # Latin words and digit groups keep their spaces
    assert "Qingxi County Justice Bureau" in text
    assert "0571-8800 1234" in text


def test_wrapped_line_with_no_punctuation_joins_the_next(fixtures_dir):
    text = load(str(fixtures_dir / "spaced_cjk.pdf")).text
    assert "《清溪县行政规范性文件管理办法（征求意见稿）》向社会公开征求意见" in text
