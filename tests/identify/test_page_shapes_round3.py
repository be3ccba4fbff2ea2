"""Page shapes seen on a third round of real pages: one-label metadata lines, spaced title labels,
bulleted titles and tab menus, untitled report excerpts, news and circulars about a year's work
(texts our own)."""

from __future__ import annotations

import pytest

from lawgov_check.pipeline import document_from_text


def doc(text: str):
    return document_from_text(text, "page.txt")


OPINION_BODY = ("各市州人民政府，省政府各部门：\n经省政府同意，现将《关于加强行政执法协调监督的实施意见》印发给你们，"
                "请认真贯彻执行。\n某省人民政府办公厅\n2022年5月9日\n关于加强行政执法协调监督的实施意见\n"
                "为规范行政执法，制定本实施意见。\n")


def test_one_label_a_line_without_colons_is_a_metadata_block():
    d = doc("发文机关某省人民政府办公厅\n发文日期2022年5月9日\n时效性现行有效\n发文字号某政办发〔2022〕31号\n"
            "效力级别地方规范性文件\n" + OPINION_BODY)
    assert d.doc_number == "某政办发〔2022〕31号"
    assert d.date.isoformat() == "2022-05-09"
    fields = {f.attrs["key"]: f.attrs["value"] for f in d.root.walk() if f.kind == "metadata_field"}
    assert fields["时效性"] == "现行有效" and fields["效力级别"] == "地方规范性文件"


def test_a_lone_line_starting_with_a_label_word_is_no_field():
    d = doc("关于开展行政执法检查的通知\n各乡镇：\n时间安排紧凑，请按时完成。\n来源于群众的意见应当及时办理。\n")
    assert d.title == "关于开展行政执法检查的通知"
    assert not any(n.kind == "metadata_field" for n in d.root.walk())


@pytest.mark.parametrize("label", ["标  题 ", "标 题", "标\u3000\u3000题 ", "标题 "])
def test_a_spaced_title_label_without_a_colon(label):
    title = "某省人民政府关于2023年度法治政府建设情况的报告"
    d = doc(f"索 引 号 00001-01-2024-00021 失效时间\n发文机关 某省人民政府 成文日期\n{label}{title}\n"
            f"发文字号 某政文〔2024〕12号 发布时间 2024年03月20日\n\n某省人民政府\n关于2023年度法治政府建设情况的报告\n\n"
            "2023年，全省法治政府建设取得新进展。现将有关情况报告如下：\n一、主要举措和成效\n全年办理复议案件。\n")
    assert d.title == title
    assert d.doc_type == "annual_report" and d.year == 2023


def test_a_bulleted_title_loses_its_bullet_and_so_does_its_issuer():
    d = doc("  • 法规图书馆\n\n  • 新法速递\n\n  • 某省人民政府关于进一步加强行政复议工作的通知\n\n"
            "各市人民政府：\n为进一步加强行政复议工作，现通知如下。\n")
    assert d.title == "某省人民政府关于进一步加强行政复议工作的通知"
    assert d.issuer == "某省人民政府"


def test_a_tab_menu_under_the_title_is_chrome():
    title = "关于公开征集某区2026年度《政府工作报告》起草建议的公告"
    d = doc(f"{title}\n- 征集公告\n- 草案内容\n- 起草说明\n- 征集意见\n亲爱的市民朋友：\n"
            "现公开征集社会各界对《政府工作报告》的建议，本次征集自即日开始，12月31日结束。\n")
    assert d.title == title


@pytest.mark.parametrize("first_part", ["一、2020年法治政府建设基本情况", "一、工作开展情况",
                                        "一、党政主要负责人履行推进法治建设第一责任人职责情况"])
def test_an_untitled_excerpt_opening_on_a_report_part_is_an_uncertain_report(first_part):
    d = doc(f"{first_part}\n（一）加强依法行政能力建设。局党组全年组织学习12次，推进法治政府建设。\n"
            "（二）深化审批制度改革。取消审批事项5项。\n")
    assert d.doc_type == "annual_report"
    assert any("--doc-type" in note for note in d.identity.notes)  # the report says it is not sure


@pytest.mark.parametrize("first_part", ["一、总体要求", "一、指导思想"])
def test_an_untitled_plan_is_not_taken_for_a_report(first_part):
    d = doc(f"{first_part}\n（一）加强依法行政能力建设，推进法治政府建设。\n（二）深化审批制度改革。\n")
    assert d.doc_type != "annual_report"


def test_news_of_a_report_heard_by_a_congress_is_not_the_report():
    d = doc("某省2021年法治政府建设取得新成效\n发布日期: 2022-03-31 10:08:59 来源: 某省日报\n\n"
            "正在召开的省人大常委会会议听取和审议了省人民政府2021年度法治政府建设情况报告。报告显示，"
            "2021年全省法治政府建设取得新成效。\n\n（记者 某某）\n")
    assert d.doc_type != "annual_report"


def test_a_circular_on_the_years_assessment_is_a_notice():
    d = doc("各市人民政府，省政府各部门：\n2020年，全省各级各部门深入推进依法行政，法治政府建设取得新成效。"
            "按照考核办法，组织了2020年度依法行政考核。经省政府同意，现将考核优秀等次单位通报如下：\n"
            "一、市政府（5个）\n甲市、乙市。\n")
    assert d.doc_type == "notice"


def test_an_untitled_report_opening_on_its_year_is_still_a_report():
    d = doc("2023年，在市委的领导下，全市法治政府建设取得新成效。现将有关情况报告如下：\n"
            "一、主要举措和成效\n全年办理复议案件。\n")
    assert d.doc_type == "annual_report" and d.year == 2023
