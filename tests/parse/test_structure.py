"""Structure the grammar and the tree builder recognise, on text written for these tests."""

from __future__ import annotations

from lawgov_check.pipeline import document_from_text

NOTICE = """\
XX市人民政府办公室文件

X政办发〔2021〕12号

XX市人民政府办公室关于印发《XX市行政规范性文件
合法性审核办法》的通知

各县(区)人民政府,市政府各部门:

《XX市行政规范性文件合法性审核办法》已经市政府同意,现印发给你们,请认真贯彻执行。

附件:1.XX市行政规范性文件合法性审核办法
     2.合法性审核意见书(样式)

XX市人民政府办公室
2021年6月8日

(此件公开发布)

抄送:市委办公室,市人大常委会办公室。
XX市人民政府办公室                2021年6月8日印发
"""

REGULATION = """\
第一章 总则
第一条 为了规范行政规范性文件合法性审核工作,根据有关规定,制定本办法。
第二条(适用范围) 本办法适用于本市各级行政机关。
第二章 审核程序
第一节 一般规定
第三条 审核时间不少于5个工作日。
"""


def test_notice_elements():
    doc = document_from_text(NOTICE)
    kinds = [n.kind for n in doc.root.children]
    assert kinds[:4] == ["org_mark", "doc_number", "title", "addressee"]
    title = doc.root.children[2]
    assert title.attrs["lines"] == 2
    assert doc.title == "XX市人民政府办公室关于印发《XX市行政规范性文件合法性审核办法》的通知"
    assert doc.doc_number == "X政办发〔2021〕12号"
    assert [n.text for n in doc.root.find_all("attachment_note")][1].startswith("2.合法性审核意见书")
    assert doc.root.find_all("signature_date")[0].text == "2021年6月8日"
    assert doc.root.find_all("note")[0].text == "(此件公开发布)"
    imprint = doc.root.find_all("imprint")[0]
    assert [c.kind for c in imprint.children] == ["copy_to", "printed_by"]
    assert doc.headings == []  # the attachment list is not a heading sequence
    assert doc.doc_type == "normative_document"


def test_chapters_sections_articles():
    doc = document_from_text(REGULATION)
    chapters = doc.root.find_all("chapter")
    assert [c.attrs["number"] for c in chapters] == [1, 2]
    articles = doc.root.find_all("article")
    assert [a.attrs["number"] for a in articles] == [1, 2, 3]
    assert chapters[1].children[0].kind == "section"
    assert chapters[1].children[0].children[0].attrs["number"] == 3


def test_heading_levels_and_styles():
    text = "一、总体要求\n(一)指导思想\n1.坚持党的领导\n(1)强化责任\n2、完善制度\n二、主要任务\n(1)跳级的条目\n"
    doc = document_from_text(text)
    assert [(h.level, h.number, h.style) for h in doc.headings] == [
        (1, 1, "cn_dun"), (2, 1, "cn_paren"), (3, 1, "arabic_dot"), (4, 1, "arabic_paren"),
        (3, 2, "arabic_dun"), (1, 2, "cn_dun"), (4, 1, "arabic_paren")]
    assert doc.headings[3].path == "一、(一)1.(1)"
    assert doc.headings[-1].path == "二、(1)"


def test_full_width_markers_keep_their_original_form():
    doc = document_from_text("一、总体要求\n（一）指导思想\n１．坚持党的领导\n")
    assert [h.marker for h in doc.headings] == ["一、", "（一）", "１．"]
    assert [h.level for h in doc.headings] == [1, 2, 3]


def test_decimals_and_dates_are_not_headings():
    doc = document_from_text("1.5万元用于培训。\n2020.3.29召开会议。\n12.5%的增长。\n")
    assert doc.headings == []


def test_run_in_heading_title():
    doc = document_from_text("(一)指导思想。以新时代中国特色社会主义思想为指导,全面推进依法行政。\n")
    heading = doc.headings[0]
    assert heading.text == "指导思想"
    assert doc.root.children[0].attrs["run_in"] is True


def test_enumeration_markers():
    doc = document_from_text("一是加强领导。二是完善制度。三是强化监督。\n")
    assert doc.root.children[0].attrs["enumeration"] == ["一是", "二是", "三是"]


def test_report_year_from_body_when_title_missing():
    text = ("一、2022年法治政府建设主要举措和成效\n2022年,某县坚持依法行政。\n二、存在的不足和原因\n"
            "三、党政主要负责人履行推进法治建设第一责任人职责情况\n四、2023年工作安排\n")
    doc = document_from_text(text)
    assert doc.doc_type == "annual_report"
    assert doc.year == 2022


def test_government_information_report_is_not_a_rule_of_law_report():
    doc = document_from_text("某县2021年政府信息公开工作年度报告\n一、总体情况\n")
    assert doc.doc_type == "other"


def test_comment_notice_and_explanation_types():
    assert document_from_text("关于《某市养犬管理办法(征求意见稿)》公开征求意见的公告\n").doc_type == "comment_notice"
    assert document_from_text("关于《某市养犬管理办法》的起草说明\n").doc_type == "drafting_explanation"
    assert document_from_text("某县人民政府关于某水库建设重大行政决策事项的决定\n").doc_type == "major_decision"
