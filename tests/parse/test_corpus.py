"""The parser on the real documents in ../shared/corpus."""

from __future__ import annotations

import pytest

from lawgov_check.parse.output import render_json
from lawgov_check.pipeline import load_document


def _outline(doc, level):
    return [(h.marker, h.text) for h in doc.headings if h.level == level]


def test_jiaojiang_report(corpus_dir):
    doc = load_document(str(corpus_dir / "jiaojiang-district-2019-annual-report.txt"))
    assert doc.doc_type == "annual_report"
    assert doc.year == 2019
    assert doc.title == "椒江区2019年度法治政府建设情况的报告"
    assert doc.date.isoformat() == "2020-02-28"
    assert doc.jurisdiction.province == "浙江省"
    assert doc.jurisdiction.county == "椒江区"
    level1 = _outline(doc, 1)
    assert [m for m, _ in level1] == ["一、", "二、", "三、", "四、"]
    assert "第一责任人" in level1[2][1]
    level2 = _outline(doc, 2)
    assert [m for m, _ in level2[:5]] == ["(一)", "(二)", "(三)", "(四)", "(五)"]
    assert level2[0][1] == "依法履行政府职能,营造良好法治环境"
    assert doc.metadata["信息来源"] == "椒江区人民政府"


def test_tiantai_report_without_title(corpus_dir):
    doc = load_document(str(corpus_dir / "tiantai-county-2020-annual-report.txt"))
    assert doc.title is None
    assert doc.doc_type == "annual_report"
    assert doc.year == 2020
    assert doc.date.isoformat() == "2021-02-22"
    assert doc.jurisdiction.county == "天台县"
    level1 = _outline(doc, 1)
    assert len(level1) == 4
    assert level1[3][1].startswith("2021年推进法治政府建设的主要安排")
    # Part three's subheadings restart at (一)
    part3 = [h for h in doc.headings if h.path.startswith("三、") and h.level == 2]
    assert [h.number for h in part3] == [1, 2, 3]


def test_zhangye_notice(corpus_dir):
    doc = load_document(str(corpus_dir / "zhangye-city-2017-implementation-plan-notice.txt"))
    assert doc.title.startswith("中共张掖市委张掖市人民政府关于印发《张掖市法治政府建设实施方案")
    assert doc.doc_number == "市委发〔2017〕23号"
    assert doc.date.isoformat() == "2017-04-24"
    assert doc.year == 2017
    assert doc.doc_type == "notice"
    assert doc.jurisdiction.city == "张掖市"
    assert doc.jurisdiction.province == "甘肃省"
    assert [n.text for n in doc.root.find_all("signature_organ")] == ["中共张掖市委", "张掖市人民政府"]
    addressee = doc.root.find_all("addressee")
    assert addressee and addressee[0].text.startswith("各县区委")
    assert [m for m, _ in _outline(doc, 1)] == ["一、", "二、", "三、"]
    # Clauses (一)…(三十二) are numbered continuously across the three parts
    assert [h.number for h in doc.headings if h.level == 2] == list(range(1, 33))
    embedded = [n for n in doc.root.children if n.kind == "title" and n.attrs.get("embedded")]
    assert embedded and embedded[0].text.startswith("张掖市法治政府建设实施方案")


@pytest.mark.parametrize("name", ["jiaojiang-district-2019-annual-report.txt",
                                  "tiantai-county-2020-annual-report.txt",
                                  "zhangye-city-2017-implementation-plan-notice.txt"])
def test_json_contract(corpus_dir, name):
    result = render_json(load_document(str(corpus_dir / name)))
    for key in ("path", "media_type", "encoding", "doc_type", "year", "title", "doc_number", "issuer",
                "date", "outline", "warnings"):
        assert key in result
    assert isinstance(result["year"], int)
    for entry in result["outline"]:
        assert set(entry) >= {"level", "marker", "text", "line"}
