"""Type and subtype from the title, else from what the opening says (texts our own, in real shapes)."""

from __future__ import annotations

import pytest

from lawgov_check.pipeline import document_from_text


def kind(text: str) -> tuple[str, str | None]:
    d = document_from_text(text, "page.txt")
    return d.doc_type, d.subtype


@pytest.mark.parametrize("title, expected", [
    ("某县2022年度法治政府建设情况报告", ("annual_report", None)),
    ("某市人民政府关于2023年度法治政府建设情况的报告", ("annual_report", None)),
    ("某街道2024年法治政府建设工作总结", ("annual_report", None)),
    ("某县2021年政府信息公开工作年度报告", ("other", "information_disclosure_report")),
    ("某县2024年法治政府建设工作要点", ("other", None)),
    ("关于举行《某县烟花爆竹管理通告》听证会的公告", ("major_decision", "hearing")),
    ("某县自来水价格调整听证会公告", ("major_decision", "hearing")),
    ("关于公布某县人民政府2024年度重大行政决策事项目录的通知", ("major_decision", "catalogue")),
    ("关于印发《某县重大行政决策事项目录管理办法》的通知", ("normative_document", None)),
    ("关于公开征集县人民政府2023年度重大行政决策事项建议项目的通知", ("major_decision", "call_for_items")),
    ("某市生活垃圾处理设施规划重大行政决策事项的报告", ("major_decision", "decision")),
    ("关于《某市养犬管理办法(征求意见稿)》公开征求意见的公告", ("comment_notice", "draft_for_comment")),
    ("某市物业管理办法(征求意见稿)", ("comment_notice", "draft_for_comment")),
    ("关于公开征集2022年度民生实事项目的公告", ("comment_notice", "call_for_proposals")),
    ("关于征集2023年市政府规章立法项目建议公告的结果反馈", ("comment_notice", "feedback")),
    ("关于《某市养犬管理办法》的起草说明", ("drafting_explanation", None)),
    ("《某县农村集体资产管理办法》政策解读", ("drafting_explanation", None)),
    ("某市人民政府关于印发某市政务数据共享管理办法的通知", ("normative_document", None)),
    ("关于进一步加强安全生产工作的通知", ("notice", None)),
])
def test_by_title(title, expected):
    assert kind(f"{title}\n各有关单位：\n现将有关事项通知如下。\n") == expected


def test_normative_number_makes_a_normative_document():
    assert kind("关于加强纳税信用建设的通知\n某改办财金规〔2019〕860号\n各省：\n现通知如下。\n")[0] == "normative_document"


@pytest.mark.parametrize("opening", [
    "2021年，某部坚持以新思想为指导，扎实推动法治政府建设高质量发展。\n一、加强党的领导\n",
    "2024年以来，某街道办事处全力推进法治政府建设工作，现将工作情况报告如下：\n一、工作情况\n",
    "在市委的正确领导下，全区法治政府建设取得新成效。现将2017年法治政府建设情况报告如下：\n一、主要做法\n",
    "2020年，我局深入推进法治政府建设，取得新成效。现将主要工作汇报如下：\n一、主要举措和成效\n",
])
def test_untitled_annual_reports(opening):
    assert kind(opening + "（一）依法行政。全年办结案件12件。\n") == ("annual_report", None)


@pytest.mark.parametrize("opening", [
    # a guideline on writing reports is not a report
    "为规范法治政府建设年度报告工作，根据有关规定，制定本工作指引。\n一、指导思想。\n",
    # a disclosure report's opening
    "2024年，某街道认真落实政务公开要求，主动公开政府信息。现将本年度工作情况报告如下：\n一、总体情况\n",
    # a plan's opening
    "2024年是全面实施纲要的关键之年。全县法治政府建设工作要点如下：\n一、总体要求\n",
])
def test_openings_that_are_not_reports(opening):
    assert kind(opening)[0] != "annual_report"


@pytest.mark.parametrize("opening, expected", [
    ("为充分听取意见，拟于2022年12月26日举行《某县抗旱规划》听证会，现将有关事项公告如下：\n一、听证事项\n",
     ("major_decision", "hearing")),
    ("为方便公众参与价格决策，现就公开征集听证会参加人等有关事项公告如下：\n一、听证事项\n某镇供水价格核定\n",
     ("major_decision", "hearing")),
    ("根据有关规定，经区委同意，现将《2025年度区政府重大行政决策事项目录》印发给你们，并就有关工作通知如下：\n",
     ("major_decision", "catalogue")),
    ("市应急局起草了《某市森林禁火令(征求意见稿)》，现向社会公开征求意见。公众可通过以下方式提出意见。\n",
     ("comment_notice", "draft_for_comment")),
    ("现将市司法局起草的《某规则(草案)》全文公开，征求社会各界的意见和建议。\n一、征求意见的时间\n",
     ("comment_notice", "draft_for_comment")),
])
def test_untitled_pages_by_their_opening(opening, expected):
    assert kind(opening) == expected


def test_decision_record_mentioning_public_comment_is_not_a_comment_notice():
    text = ("关于某市垃圾处理设施规划重大行政决策事项的报告\n一、决策程序履行情况\n"
            "决策草案在市政府网站公开征求意见30日，共收到意见46条。\n")
    assert kind(text) == ("major_decision", "decision")


def test_covering_notice_without_title_is_a_notice_unless_it_issues_rules():
    plan = ("各市市场监督管理局：\n《某省法治市场监管建设规划(2021—2025年)》已经局务会议通过，现印发给你们。\n"
            "某省市场监督管理局\n2021年12月31日\n（此件主动公开）\n某省法治市场监管建设规划\n")
    rules = plan.replace("规划(2021—2025年)", "管理办法").replace("建设规划\n", "数据共享管理办法\n")
    assert kind(plan) == ("notice", None)
    assert kind(rules) == ("normative_document", None)


def test_uncertain_type_says_so_and_doc_type_overrides():
    d = document_from_text("某某事项\n这是一段说明。\n", "x.txt")
    assert d.doc_type == "other" and any("--doc-type" in n for n in d.identity.notes)
    d.identity.with_type("notice")
    assert d.doc_type == "notice" and not d.identity.notes


@pytest.mark.parametrize("title, expected", [
    ("某市人民代表大会常务委员会听证条例", ("other", None)),                 # a regulation about hearings
    ("某市城市绿化条例(2019年修正)", ("other", None)),
    ("某区人民政府重大行政决策公众参与制度", ("normative_document", None)),  # a system about decisions
    ("全市政府网站意见征集平台", ("other", None)),                           # a site's column
])
def test_regulations_systems_and_site_columns(title, expected):
    body = "第一条 为了规范公众参与，根据有关规定，制定本条例。\n第二条 本市行政区域内的听证活动适用本条例。\n"
    assert kind(f"{title}\n\n{body}") == expected


def test_a_rule_published_by_an_order_whose_note_stands_below_a_summary():
    page = ("某省公众参与暂行规定\n\n《某省公众参与暂行规定》旨在规范决策程序，是一部省政府规章。\n\n"
            "基本介绍\n• 中文名:某省公众参与暂行规定\n\n规定全文\n\n某省公众参与暂行规定\n"
            "(2021年6月21日某省人民政府令第4号公布 自2021年8月1日起施行)\n\n第一章 总 则\n"
            "第一条 为了规范公众参与，制定本规定。\n")
    doc = document_from_text(page, "wiki.txt")
    assert (doc.doc_type, doc.doc_number, str(doc.date)) == ("government_rule", "某省人民政府令第4号", "2021-06-21")


def test_an_order_number_written_without_di_in_the_note():
    page = "某市市场管理规定\n\n(1991年3月26日某市人民政府令19号发布)\n\n第一条 为加强市场管理，制定本规定。\n"
    doc = document_from_text(page, "lawsite.txt")
    assert (doc.doc_type, doc.doc_number, str(doc.date)) == ("government_rule", "某市人民政府令19号", "1991-03-26")


def test_a_note_naming_the_date_passed_and_the_date_published_dates_the_rule_by_publication():
    page = ("某省组织机构代码管理办法\n\n(2002年10月16日省政府第二十次常务会议通过 2002年10月30日某省人民政府令第147号公布"
            " 自2002年12月1日起施行)\n\n第一条 为加强管理，制定本办法。\n")
    doc = document_from_text(page, "lawsite.txt")
    assert (doc.doc_type, str(doc.date)) == ("government_rule", "2002-10-30")
