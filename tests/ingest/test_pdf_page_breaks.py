"""PDF: paragraphs and unit lists that run over a page break, with the page chrome in between.

The PDFs come from fixtures/make_fixtures.py (`write_page_break_pdf`): once as committed, and once
rebuilt with fpdf2 here when fpdf2 and a Chinese TrueType font are installed.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from pathlib import Path

import pytest

from lawgov_check.api import CheckOptions, check_path
from lawgov_check.ingest import load
from lawgov_check.model import RunResult
from lawgov_check.report import render

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
COMMITTED = {"dash": "page_breaks.pdf", "total": "page_breaks_running_header.pdf"}
RUNNING_HEADER = "清溪县人民政府办公室行政规范性文件"
# pypdf misreads CFF-based CJK fonts as fpdf2 embeds them (NotoSans CJK), so only TrueType ones.
TRUETYPE_FONTS = ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
                  "/usr/share/fonts/truetype/arphic/uming.ttc")


def _make_fixtures():
    name = "lawgov_fixture_maker"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, FIXTURES / "make_fixtures.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # its dataclasses look their module up there
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="module", params=[("dash", "committed"), ("total", "committed"),
                                        ("dash", "rebuilt"), ("total", "rebuilt")],
                ids=lambda p: "-".join(p))
def pdf(request, tmp_path_factory) -> Path:
    footer, origin = request.param
    if origin == "committed":
        return FIXTURES / COMMITTED[footer]
    pytest.importorskip("fpdf")
    configured = os.environ.get("LAWGOV_FIXTURE_FONT")
    font = next((f for f in ([configured] if configured else []) + list(TRUETYPE_FONTS) if Path(f).is_file()), None)
    if font is None:
        pytest.skip("no Chinese TrueType font to rebuild the PDF with (apt-get install fonts-wqy-microhei)")
    path = tmp_path_factory.mktemp("pdf") / f"page_breaks_{footer}.pdf"
    _make_fixtures().write_page_break_pdf(font, path, footer)
    return path


@pytest.fixture(scope="module")
def source(pdf):
    return load(str(pdf))


@pytest.fixture(scope="module")
def paragraphs(source) -> list[str]:
    return source.text.split("\n")


def _paragraph(paragraphs: list[str], start: str) -> str:
    return next(p for p in paragraphs if p.startswith(start))


def test_paragraph_over_a_page_break_is_one_paragraph(paragraphs):
    paragraph = _paragraph(paragraphs, "深化行政审批制度改革")
    assert "发挥行政复议化解行政争议的主渠道作用，依法保障人民群众合法权益。2021年全县共办理" in paragraph
    assert paragraph.endswith("依法送达当事人。")


def test_unit_list_over_a_page_break_is_one_paragraph(paragraphs):
    units = [p for p in paragraphs if p.startswith("牵头单位：")]
    assert len(units) == 3
    assert units[1] == ("牵头单位：县司法局；责任单位：各乡镇人民政府、县发展改革局、县财政局、县市场监管局、"
                        "县生态环境局、县自然资源和规划局、县住房城乡建设局、县交通运输局、县农业农村局、"
                        "县卫生健康局、县应急管理局、县退役军人事务局、县医疗保障局、县城市管理局")


def test_heading_at_the_top_of_a_page_is_not_joined(paragraphs):
    # page 3 ends with a full line that ends no sentence; page 4 opens with a heading
    index = paragraphs.index("四、强化对行政权力的制约和监督")
    assert paragraphs[index - 1].endswith("各乡镇人民政府、县政府有关部门和单位")


def test_page_chrome_is_dropped(source):
    assert not re.search(r"—\s*\d+\s*—|第\s*\d+\s*页", source.text)
    assert RUNNING_HEADER not in source.text


def test_each_character_locates_to_its_printed_page_and_line(source):
    # lines are counted in the text block of each page: a running header above is not a line
    continued = source.text.index("合法权益。2021年")
    assert _where(source, continued) == (2, 1, 1)
    assert _where(source, continued - 1) == (1, 19, 27)  # 众, last character of page 1
    assert _where(source, source.text.index("村局、县卫生健康局")) == (3, 1, 1)
    assert _where(source, source.text.index("四、强化")) == (4, 1, 1)
    assert _where(source, source.text.index("2022年3月1日")) == (4, 5, 1)


def test_every_offset_agrees_with_the_printed_lines(source, pdf):
    printed = _printed_lines(pdf)
    for offset, character in enumerate(source.text):
        if character == "\n":
            continue
        location = source.locate(offset)
        assert printed[location.page][location.line - 1][location.column - 1] == character, offset


def test_findings_report_the_page_and_line_they_quote(pdf):
    result = check_path(pdf, options=CheckOptions(keep_text=True))
    nc01 = [f for f in result.findings if f.code == "NC01"]
    assert len(nc01) == 1  # 25 + 8 + 10 > 40, in the half of the paragraph printed on page 2
    location = nc01[0].location
    assert (location.page, location.line, location.column) == (2, 1, 13)
    printed = _printed_lines(pdf)
    for finding in result.findings:
        if not finding.evidence:
            continue
        where = finding.location
        rest = printed[where.page][where.line - 1][where.column - 1:]
        assert finding.evidence.startswith(rest) or rest.startswith(finding.evidence), finding.code
    # the text report numbers and quotes the printed line the finding reports
    report = render("text", RunResult(documents=[result], rules=[], tool_version="test"))
    assert re.search(r"^ +1 \| 合法权益。2021年全县共办理行政复议案件40件", report, re.M)


def _where(source, offset: int) -> tuple[int, int, int]:
    location = source.locate(offset)
    return location.page, location.line, location.column


def _printed_lines(pdf: Path) -> dict[int, list[str]]:
    """Each page's lines as pypdf extracts them, without the page number and running header."""
    from pypdf import PdfReader

    pages = {}
    for number, page in enumerate(PdfReader(pdf).pages, start=1):
        lines = [line.strip() for line in page.extract_text().split("\n")]
        pages[number] = [line for line in lines
                         if line and line != RUNNING_HEADER and not re.fullmatch(r"—\s*\d+\s*—|第\s*\d+\s*页\s*共\s*\d+\s*页", line)]
    return pages
