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


# A fourth round: keyword spam, study reports, commentaries, legislatures' acts, untitled articles
# and interpretations.

def test_a_line_of_keyword_spam_over_the_metadata_is_chrome():
    d = doc("在线观看,免费影院,高清入口,不卡顿专区\n\n基本信息\n  • 文  号: 某府办规〔2020〕6号\n  • 发布机关: 某区人民政府办公室\n\n"
            "某区人民政府办公室关于印发某区旧村改造实施意见的通知\n\n某府办规〔2020〕6号\n\n各镇政府、街道办事处：\n"
            "《某区旧村改造实施意见》已经区人民政府同意，现印发给你们，请认真贯彻执行。\n")
    assert d.title == "某区人民政府办公室关于印发某区旧村改造实施意见的通知"
    assert d.doc_number == "某府办规〔2020〕6号"


def test_joint_organs_between_commas_are_no_spam():
    d = doc("某市司法局、某市财政局、某市民政局、某市人社局\n关于加强法律援助工作的通知\n各区县：\n现通知如下。\n")
    assert d.title.endswith("关于加强法律援助工作的通知")
    assert "某市司法局" in (d.issuer or "")  # the organs stay the issuers, not page furniture


@pytest.mark.parametrize("title", ["法治政府建设调查报告", "某县法治政府建设第三方评估报告", "法治政府建设调研报告"])
def test_a_study_of_rule_of_law_government_is_not_an_annual_report(title):
    assert doc(f"{title}\n为了解法治政府建设状况，课题组开展了调查。\n").doc_type == "other"


def test_a_commentary_on_soliciting_comments_is_no_feedback():
    d = doc("“征不征求是我的事，有没有意见是你的事，采不采纳不关你的事”，一些地方征求意见流于形式。"
            "征求意见是现代治理的常见方式。\n")
    assert d.doc_type != "comment_notice"


def test_feedback_on_comments_is_still_feedback():
    d = doc("本次公开征求意见期间，共收到意见建议12条，采纳8条，未采纳的已说明理由。\n")
    assert (d.doc_type, d.subtype) == ("comment_notice", "feedback")


@pytest.mark.parametrize("title, kind", [
    ("某意见建议征集公告", None),
    ("关于对2024年某区“政府开放月”活动的意见建议征集公告", "call_for_proposals"),
])
def test_a_call_for_suggestions_titled_by_its_collection(title, kind):
    d = doc(f"{title}\n现面向社会各界广泛征集意见建议，欢迎提出活动形式和内容建议。\n")
    assert d.doc_type == "comment_notice"
    assert kind is None or d.subtype == kind


def test_a_circular_about_interpretation_work_is_a_notice():
    d = doc("某县人民政府办公室关于2025年一季度政策解读工作检查情况通报\n各乡镇人民政府：\n现通报如下：\n一、总体情况\n")
    assert d.doc_type == "notice"


def test_an_interpretation_is_still_an_explanation():
    assert doc("《某县行政执法公示办法》政策解读\n一、制定背景\n").doc_type == "drafting_explanation"


@pytest.mark.parametrize("title", ["某市人民代表大会常务委员会关于市人民政府制定规章设定罚款限额的规定",
                                   "某市人大常委会关于加强法治政府建设的决定"])
def test_a_legislatures_act_is_not_a_government_document(title):
    assert doc(f"{title}\n(2021年9月26日某市人民代表大会常务委员会第三十次会议通过)\n一、罚款不得超过一千元。\n"
               ).doc_type == "other"


def test_a_government_report_to_the_legislature_is_still_a_report():
    d = doc("某市人民政府关于2023年度法治政府建设情况向市人大常委会的报告\n2023年，全市法治政府建设取得新进展。"
            "现将有关情况报告如下：\n一、主要举措和成效\n")
    assert d.doc_type == "annual_report"


@pytest.mark.parametrize("opening", ["", "为加强重大决策公众参与，制定本办法。\n"])
def test_untitled_articles_are_uncertain_rules_whatever_procedures_they_name(opening):
    d = doc(f"{opening}第一条 为充分听取公众意见，根据有关规定，制定本制度。\n"
            "第二条 决策事项应当通过政府网站公开征求公众意见，期限不少于30日。\n")
    assert d.doc_type == "normative_document"
    assert any("--doc-type" in note for note in d.identity.notes)


def test_a_comment_notice_followed_by_its_draft_articles_stays_a_comment_notice():
    d = doc("现将《某县农村公路养护办法（征求意见稿）》全文公布，公开征求社会各界意见。\n"
            "第一条 为加强农村公路养护，制定本办法。\n")
    assert d.doc_type == "comment_notice"


def test_an_untitled_interpretation_by_its_opening():
    d = doc("现就《某市人民政府规章制定程序规定》（以下简称《规定》）的相关情况作如下解读：\n"
            "一、《规定》制定的必要性\n（一）落实上级要求的需要\n")
    assert d.doc_type == "drafting_explanation"
    assert d.title is None  # a lead-in that ends on a colon is no title


def test_a_sites_short_controls_over_the_title_are_chrome():
    d = doc("欢迎光临某省专家网! 今天是\n没有账号?\n注册 |\n登录 |\n咨询热线:0000-1234567\n微信\n政策文件\n地方文件\n\n"
            "关于深入推进依法行政加快建设法治政府的实施意见\n\n某政发〔2015〕2号\n来源:XYZ 更新日期:2015-03-02 分享到:\n\n"
            "各市、县人民政府，省人民政府各部门：\n全面推进依法行政以来，各级政府取得了明显成效。\n")
    assert d.title == "关于深入推进依法行政加快建设法治政府的实施意见"
    assert d.doc_number == "某政发〔2015〕2号"
    assert d.issuer is None  # 来源: XYZ is the page's source, not an organ


def test_a_source_field_naming_an_organ_still_gives_the_issuer():
    d = doc("来源：某县司法局\n\n关于开展法律援助宣传月活动的安排\n\n全县开展法律援助宣传月活动。\n")
    assert d.issuer == "某县司法局"


def test_a_table_cell_ending_in_a_colon_is_a_label_not_a_value():
    d = doc("| 索 引 号: | 000014349/2022-02188 | 信息分类: | |\n| 发文机构: | 生成日期/有效期: | 2022-01-29 14:59:17 | |\n"
            "| 发文字号: | 关键词: | ||\n| 标 题: | 某省交通运输厅关于加强农村公路养护的通知 | ||\n\n"
            "某省交通运输厅关于加强农村公路养护的通知\n各市交通运输局：\n现就有关事项通知如下。\n")
    assert d.issuer != "生成日期/有效期:"
    assert d.title == "某省交通运输厅关于加强农村公路养护的通知"


# A fifth round: spaced labels in grids, a report's 签发人, bylines and news, summaries, one-step
# breadcrumbs, accessibility switches, notices that put drafts out for comment, inner quotes,
# signature dates run together and dates under the title.

def test_a_spaced_label_inside_a_grid_line():
    d = doc("索 引 号 主题分类 综合政务\n发布机构 某省人民政府 文  号 某政发〔2013〕62号\n成文日期 2013-07-02\n"
            "某省人民政府关于印发《某省人民政府工作规则》的通知\n各市人民政府：\n现将规则印发给你们。\n")
    assert d.doc_number == "某政发〔2013〕62号"
    assert d.date.isoformat() == "2013-07-02"


def test_a_reports_number_line_with_its_signer():
    d = doc("某市人民政府关于2016年度法治政府建设情况的报告\n\n某政呈〔2017〕3号  签发人：张某某\n\n某省人民政府：\n"
            "2016年，我市法治政府建设取得新成效。现将有关情况报告如下：\n一、主要举措和成效\n")
    assert d.doc_number == "某政呈〔2017〕3号"
    assert d.doc_type == "annual_report" and d.year == 2016


@pytest.mark.parametrize("byline", ["某市融媒体记者 张某某", "记者 张某 通讯员 李某", "责任编辑：王某"])
def test_a_news_byline_is_no_title_and_the_news_no_hearing(byline):
    d = doc(f"{byline}\n12月26日，某市召开城乡供水价格调整听证会。听证代表围绕方案发表意见。\n据悉，市发改局将认真梳理。\n")
    assert d.title is None
    assert d.doc_type == "other"


def test_a_hearing_announcement_is_still_a_hearing():
    d = doc("关于举行某市城乡供水价格调整听证会的公告\n某市发改局定于2024年1月10日举行听证会，现将有关事项公告如下。\n")
    assert (d.doc_type, d.subtype) == ("major_decision", "hearing")


def test_an_untitled_summary_of_the_years_work_is_a_report():
    d = doc("根据区依法治区办的通知要求，现对我局2019年度法治政府建设工作情况总结如下：\n"
            "2019年度，我局深入推进依法行政，取得了良好成效。\n一、依法行政方面\n")
    assert d.doc_type == "annual_report" and d.year == 2019


@pytest.mark.parametrize("crumb", ["某省规范性文件 > 正文阅览", "政策文件 > 正文", "通知公告 » 详细内容"])
def test_a_one_step_breadcrumb_over_the_title(crumb):
    d = doc(f"{crumb}\n下载\n保留字段信息\n页面宽度(px):\n\n某市人民政府关于印发《某市人民政府工作规则》的通知\n\n"
            "各县(市、区)人民政府：\n现将规则印发给你们，请认真贯彻执行。\n某市人民政府\n2019年11月29日\n")
    assert d.title == "某市人民政府关于印发《某市人民政府工作规则》的通知"


def test_accessibility_switches_are_chrome():
    d = doc("无障碍阅读 关怀版\n\n当前位置: 首页>新闻资讯>工作动态\n\n某委顺利完成2022年度法治政府建设考核\n\n"
            "发布时间:2023/01/03 17:14 来源:某委\n\n2022年12月19日，考核组莅临我委开展实地考核。\n")
    assert d.title == "某委顺利完成2022年度法治政府建设考核"


def test_a_numbered_notice_that_puts_a_draft_out_for_comment():
    d = doc("某市人民代表大会常务委员会办公室公告(第7号)\n\n市人大常委会会议对《某市社会信用条例(草案)》进行了初次审议。"
            "现将《条例(草案)》全文公布，广泛征求意见，并就有关事项公告如下：\n一、各方面均可以提出意见。\n")
    assert d.doc_type == "comment_notice"


def test_a_covering_notice_of_rules_about_comments_is_no_comment_notice():
    d = doc("某省司法厅关于印发《政府立法公开征求意见反馈办法》的通知\n各市司法局：\n"
            "现将《政府立法公开征求意见反馈办法》印发给你们，请遵照执行。\n")
    assert d.doc_type == "normative_document"


def test_rules_named_in_inner_quotes_with_a_qualifier():
    d = doc("某省人民政府办公厅关于印发〈某省专项资金管理办法〉和〈某省资金审批管理办法(暂行)〉的通知\n"
            "各市人民政府：\n现印发给你们，请认真贯彻执行。\n")
    assert d.doc_type == "normative_document"


@pytest.mark.parametrize("written, expected", [("2023年315", "2023-03-15"), ("2019610", "2019-06-10"),
                                               ("2019111", None)])
def test_a_signature_date_run_together(written, expected):
    d = doc("某市人民政府办公室关于公布2023年重大行政决策事项目录的通知\n各县(市)区人民政府：\n现将目录予以公布。\n"
            f"一、承办部门要履行法定程序。\n目录实行动态管理。\n某市人民政府办公室\n{written}\n")
    assert (d.date.isoformat() if d.date else None) == expected


def test_a_date_and_organ_under_the_title():
    d = doc("政府性基金预算管理办法\n1996年12月13日,财政部\n\n根据国务院的决定，特制定本办法。\n"
            "第一条 政府性基金纳入财政预算管理。\n")
    assert d.date.isoformat() == "1996-12-13"


def test_a_title_opening_on_guanyu_yinfa_names_no_issuer():
    d = doc("关于印发2022年《政府工作报告》主要任务落实情况的通报\n各乡镇人民政府：\n现将落实情况予以通报。\n")
    assert d.issuer is None


def test_a_column_name_and_a_bar_before_the_title():
    d = doc("政务服务丨某市人民政府关于持续深化改革的实施意见\n各县(市、区)人民政府：\n现提出如下实施意见。\n")
    assert d.title == "某市人民政府关于持续深化改革的实施意见"


@pytest.mark.parametrize("extension", [".docx", ".doc", ".PDF"])
def test_a_shared_files_extension_is_not_part_of_the_title(extension):
    d = doc(f"某市车辆停放服务收费管理办法{extension}\n第一条 为规范停车收费，制定本办法。\n")
    assert d.title == "某市车辆停放服务收费管理办法"


def test_a_legislature_whose_place_name_holds_yu_is_still_a_legislature():
    assert doc("于都县人民代表大会常务委员会关于加强法治政府建设的决定\n一、各级政府应当依法行政。\n").doc_type == "other"


def test_an_untitled_page_whose_first_heading_is_not_at_its_start_is_no_report_excerpt():
    d = doc("为推进法治政府建设，各部门应当加强协作，做好以下工作，确保各项任务按期完成，取得实效。\n"
            "一、工作开展情况\n（一）推进法治政府建设。\n")
    assert d.doc_type != "annual_report" or not any("第一部分" in e.cue for e in d.identity.doc_type.evidence)
