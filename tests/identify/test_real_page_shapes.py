"""Shapes of real pages the recogniser missed on fresh sets (texts our own, in those shapes)."""

from __future__ import annotations

import pytest

from lawgov_check.identify.header import is_open_title
from lawgov_check.pipeline import document_from_text


def doc(text: str):
    return document_from_text(text, "page.txt")


COVERING = "各乡镇人民政府，县政府各部门：\n现将《某县行政执法公示办法》印发给你们，请认真贯彻执行。\n"
ISSUING_TITLE = "某县人民政府办公室关于印发《某县行政执法公示办法》的通知"


# 1. a title split inside 《》, or over three or four lines with the organ and a 《》 line
@pytest.mark.parametrize("head", [
    "某县人民政府办公室关于印发《\n某县行政执法公示办法》的通知\n",
    "某县人民政府办公室关于印发\n《某县行政执法公示办法》的通知\n",
    "某县人民政府办公室\n关于印发《某县行政执法\n公示办法》\n的通知\n",
    "某县人民政府办公室\n关于印发\n《某县行政执法公示办法》\n的通知\n",
    "某县人民政府办公室\n关于\n印发《某县行政执法公示办法》的通知\n",
    "某县人民政府办公室\n关于印发\n《某县行政执法\n公示办法》\n的通知\n",  # four lines under the organ
])
def test_title_split_over_lines_and_inside_guillemets(head):
    d = doc(f"{head}某政办发〔2024〕11号\n{COVERING}")
    assert d.title == ISSUING_TITLE
    assert d.doc_number == "某政办发〔2024〕11号"


@pytest.mark.parametrize("text,is_open", [
    ("关于印发", True), ("某县人民政府办公室关于印发《", True), ("关于印发某县执法公示办法", True),
    ("某市人民政府关于", True), ("关于加强行政执法的意见", False), ("某县行政执法公示办法", False),
    ("通知公告", False),
])
def test_open_title(text, is_open):
    assert is_open_title(text) is is_open


@pytest.mark.parametrize("column", ["政策文件", "信息发布", "权威发布", "某县政府信息发布"])
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_column_name_before_a_title_is_still_no_part_of_it(column, gap):
    d = doc(f"{column}{gap}{ISSUING_TITLE}\n某政办发〔2024〕11号\n{COVERING}")
    assert d.title == ISSUING_TITLE


# 2. a title printed twice (page heading, document heading) and split: the whole title, not a fragment
@pytest.mark.parametrize("page", [
    # the page heading whole, the document's heading in lines spaced apart
    "{t}\n发布时间：2025-03-02\n\n某县人民政府办公室\n\n关于印发某县2025年度重大行政决策\n\n事项目录的通知\n\n",
    # both split, the first fragment ending with a kind of its own (…办法 / 实施细则的通知)
    "某县人民政府办公室关于印发某县行政执法公示办法\n实施细则的通知\n发布时间：2025-03-02\n"
    "某县人民政府办公室关于印发某县行政执法公示办法\n实施细则的通知\n",
    # split over a blank line only in the document heading
    "{t}\n某县人民政府办公室关于印发某县2025年度\n\n重大行政决策事项目录的通知\n",
])
def test_title_printed_twice_and_split_is_the_whole_title(page):
    title = "某县人民政府办公室关于印发某县2025年度重大行政决策事项目录的通知"
    text = page.replace("{t}", title) + "某政办发〔2025〕4号\n各乡镇人民政府：\n现予印发，请遵照执行。\n"
    d = doc(text)
    if "实施细则" in page:
        assert d.title == "某县人民政府办公室关于印发某县行政执法公示办法实施细则的通知"
        assert d.doc_type == "normative_document"
    else:
        assert d.title == title
        assert (d.doc_type, d.subtype) == ("major_decision", "catalogue")
    assert d.doc_number == "某政办发〔2025〕4号"


def test_two_whole_titles_are_not_joined():
    d = doc("某县行政执法公示办法\n某县行政执法公示办法实施细则的通知\n第一条 为规范执法公示，制定本办法。\n")
    assert d.title != "某县行政执法公示办法某县行政执法公示办法实施细则的通知"


# 3. news pages: the headline is the title, over its subtitle and its byline
@pytest.mark.parametrize("page,headline", [
    ("某市司法局召开法治政府建设推进会\n——部署2024年重点工作\n发布时间：2024-03-05 10:00  来源：某市司法局\n",
     "某市司法局召开法治政府建设推进会"),
    ("某县司法局举办行政执法人员培训会\n来源：某县司法局 发布时间：2024-05-10 09:30\n", "某县司法局举办行政执法人员培训会"),
    ("某县：以法治之力护航高质量发展\n发布时间：2024-05-10 09:30\n", "某县:以法治之力护航高质量发展"),
    ("某县：以法治之力护航高质量发展\n——某县推进法治政府建设纪实\n发布时间：2024-05-10\n", "某县:以法治之力护航高质量发展"),
])
def test_news_headline_is_the_title(page, headline):
    d = doc(page + "3月4日，某市司法局召开会议，部署全年工作。\n会议强调要深入推进依法行政。\n")
    assert d.title == headline
    assert d.doc_type == "other"


def test_an_event_headline_is_no_issuing_organ():
    d = doc("某市司法局召开法治政府建设推进会\n\n3月4日，某市司法局召开会议。\n")
    assert d.title == "某市司法局召开法治政府建设推进会"
    assert d.issuer != "某市司法局召开法治政府建设推进会"


def test_a_credit_line_with_names_is_no_headline():
    d = doc("审核人：王某某 李某某\n发布时间：2024-05-10\n3月4日，某市司法局召开会议。\n")
    assert d.title is None


# 4. spam and unrelated first lines before the title: adverts, greetings, menus, slogans
REPORT = ("2023年，某区坚持依法行政，扎实推进法治政府建设。现将有关情况报告如下：\n一、主要举措和成效\n"
          "全年办理复议案件12件。\n二、存在的不足\n基层力量薄弱。\n三、下一步工作安排\n继续推进。\n")


@pytest.mark.parametrize("junk", [
    "今天是2024年3月5日 星期二\n欢迎访问某某县人民政府网站\n",
    "首页 | 政务公开 | 办事服务 | 互动交流\n",
    "网站首页|政务公开|政务服务|互动交流\n",
    "首页 政务公开 办事服务 互动交流 走进某县\n",
    "【广告】全场五折 点击领取优惠券\n",
    "【置顶】点击查看更多政策文件\n",
    "扫码关注某县发布公众号\n",
    "学习贯彻党的二十大精神 奋进新征程 建功新时代\n",
])
def test_spam_before_the_title_is_not_the_title(junk):
    d = doc(f"{junk}某县2023年度法治政府建设情况报告\n发布时间：2024-03-20\n{REPORT}")
    assert d.title == "某县2023年度法治政府建设情况报告"
    assert d.doc_type == "annual_report" and d.year == 2023
    assert d.issuer is None or "网站" not in d.issuer


def test_a_title_split_after_its_place_and_year_is_still_joined():
    d = doc(f"某县2023年度\n法治政府建设情况报告\n{REPORT}")
    assert d.title == "某县2023年度法治政府建设情况报告"


# 9. a banner's slogan with a colon over the title; dates written digits-only in metadata
RULES_BODY = "第一章 总则\n第一条 为规范管理，制定本办法。\n"


@pytest.mark.parametrize("slogan", [
    "奋进新征程：建设更高水平的法治某县\n",
    "学习贯彻党的二十大精神：奋进新征程 建功新时代\n",
    "热烈庆祝：某县撤县设市十周年\n",
])
def test_slogan_with_a_colon_over_the_title(slogan):
    d = doc(f"{slogan}某县行政规范性文件管理办法\n成文日期：2024-03-15\n{RULES_BODY}")
    assert d.title == "某县行政规范性文件管理办法"
    assert d.doc_type == "normative_document"


@pytest.mark.parametrize("written", ["20240315", "2024.3.15", "2024/03/15", "2024.03.15 10:30", "20240315 09:00"])
def test_metadata_dates_digits_only(written):
    d = doc(f"某县行政规范性文件管理办法\n成文日期：{written}\n发文字号：某政规〔2024〕2号\n{RULES_BODY}")
    assert d.date.isoformat() == "2024-03-15"


def test_an_unknown_label_over_a_sentence_still_ends_the_header():
    d = doc("编辑人员: 王某\n为加强管理，现将有关事项通知如下。\n")
    assert d.title is None


# 5. pages without a title whose body says what they are
REPORT_PARTS = ("一、主要举措和成效\n全年办理复议案件12件。\n二、存在的不足\n基层力量薄弱。\n三、下一步工作安排\n继续推进。\n"
                "某县司法局\n2025年1月20日\n")


@pytest.mark.parametrize("opening", [
    "某市人民政府：\n现将我县2024年度法治政府建设情况报告如下：\n",
    "市委全面依法治市委员会办公室：\n现将我局2024年法治政府建设工作情况报告如下。\n",
    "某市人民政府：\n2024年，我县在市委、市政府的坚强领导下，全面推进依法行政，各项工作取得新成效。现将有关情况报告如下：\n",
    "某市司法局：\n根据上级工作要求，现将我局2024年度依法行政工作情况报告如下：\n",
])
def test_untitled_report_to_an_organ_is_an_annual_report(opening):
    d = doc(opening + REPORT_PARTS)
    assert d.title is None
    assert d.doc_type == "annual_report" and d.year == 2024


def test_untitled_notice_asking_for_reports_is_not_a_report():
    d = doc("各乡镇人民政府，县直各部门：\n为推进依法行政，请于3月1日前将落实情况报告县司法局。\n某县人民政府办公室\n2024年2月1日\n")
    assert d.doc_type == "notice"


@pytest.mark.parametrize("opening", [
    "为加强道路交通安全管理，根据有关法律法规规定，现将有关事项通告如下：\n",
    "为做好森林防火工作，县政府决定，特通告如下：\n",
    "根据有关规定，现就有关事项公告如下：\n",
])
def test_untitled_notice_to_the_public(opening):
    d = doc(opening + "一、自2024年5月1日起，某路段禁止货车通行。\n二、本通告自发布之日起施行。\n某县人民政府\n2024年4月20日\n")
    assert d.doc_type == "notice"


@pytest.mark.parametrize("page", [
    "政策解读\n一、起草背景\n为规范行政规范性文件管理，制定本办法。\n二、主要内容\n办法共五章二十条。\n",
    "一、制定背景\n为规范管理，市司法局起草了《某市行政规范性文件管理办法》。\n二、制定依据\n《某某条例》。\n"
    "三、主要内容\n办法共五章二十条。\n四、解读机关及联系方式\n某市司法局\n",
])
def test_untitled_policy_interpretation(page):
    assert doc(page).doc_type == "drafting_explanation"


# 6. a rule published by an order (令) is a government rule whatever its title ends with
@pytest.mark.parametrize("page", [
    "某市禁止燃放烟花爆竹的通告\n（2023年12月1日某市人民政府令第88号公布 自2024年1月1日起施行）\n"
    "第一条 为了保障公共安全，根据有关法律，制定本通告。\n",
    "某市人民政府关于禁止燃放烟花爆竹的通告\n某市人民政府令\n第88号\n第一条 为了保障公共安全，制定本通告。\n",
    "标题：某市机动车停放管理通告\n文号：某市人民政府令第15号\n成文日期：2023-12-01\n第一条 为了规范停车秩序，制定本通告。\n",
    "某市人民政府关于修改和废止部分政府规章的决定\n（2024年6月1日某市人民政府令第7号公布 自公布之日起施行）\n"
    "为维护法制统一，市政府决定对部分规章予以修改和废止。\n一、修改某办法。\n",
])
def test_order_makes_a_government_rule_whatever_the_title_ends_with(page):
    d = doc(page)
    assert d.doc_type == "government_rule"
    assert "令" in d.doc_number


def test_a_notice_forwarding_an_order_is_still_a_notice():
    d = doc("关于转发某省人民政府令第5号的通知\n某政办发〔2024〕3号\n各乡镇人民政府：\n现将省政府令第5号转发给你们，请遵照执行。\n")
    assert d.doc_type == "notice" and d.doc_number == "某政办发〔2024〕3号"


# 7. a report year written with spaces or in Chinese numerals
PARTS_ONLY = "一、主要举措和成效\n全年办理复议案件12件。\n二、存在的不足\n基层力量薄弱。\n三、下一步工作安排\n继续推进。\n"


@pytest.mark.parametrize("title,opening", [
    ("某县2025 年度法治政府建设情况报告", "2025年，某县扎实推进法治政府建设。\n"),
    ("某县二〇二四 年度法治政府建设情况报告", "某县扎实推进法治政府建设。\n"),
    ("某县法治政府建设情况报告", "2025 年，某县扎实推进法治政府建设。\n"),
    ("某县法治政府建设情况报告", "二〇二五 年，某县扎实推进法治政府建设。\n"),
    ("某县法治政府建设情况报告", "二〇二五年以来，某县扎实推进法治政府建设。\n"),
    ("某县法治政府建设情况报告", "某县扎实推进法治政府建设。现将2025 年度法治政府建设情况报告如下：\n"),
])
def test_report_year_with_spaces_or_chinese_numerals(title, opening):
    d = doc(f"{title}\n{opening}{PARTS_ONLY}")
    assert d.doc_type == "annual_report"
    assert d.year == (2024 if "二〇二四" in title else 2025)


def test_a_year_opening_that_plans_ahead_is_not_read_as_the_report_year():
    from lawgov_check.identify import vocabulary as v
    assert v.YEAR_OPENING.match("二〇二五年是“十四五”收官之年") is None
    assert v.YEAR_OPENING.match("二〇二五 年，某县") is not None


# 8. padded metadata labels (文　　号：, 索 引 号：) glued to the value before them
@pytest.mark.parametrize("metadata", [
    "索 引 号：000000000/2024-00012文　　号：某政发〔2024〕9号\n",
    "文　　号：某政发〔2024〕9号索 引 号：000000000/2024-00012\n",
    "索　引　号：000000000/2024-00012　　文　　　　号：某政发〔2024〕9号\n",
    "索 引 号 ： 000000000/2024-00012 文 号 ： 某政发〔2024〕9号\n",
    "索引号：000000000/2024-00012发 文 字 号：某政发〔2024〕9号成文日期：2024-03-15\n",
    "索 引 号 000000000/2024-00012 文 号 某政发〔2024〕9号\n",  # no colons: glued once spaces are gone
])
def test_padded_labels_do_not_swallow_their_neighbours(metadata):
    d = doc(f"{metadata}某县行政规范性文件管理办法\n{RULES_BODY}")
    assert d.doc_number == "某政发〔2024〕9号"
    assert d.metadata.get("索引号") == "000000000/2024-00012"
    assert d.title == "某县行政规范性文件管理办法"


def test_a_label_word_inside_running_text_is_no_label():
    from lawgov_check.identify.header import fields_of
    assert fields_of("关于公布某县2024年度重大事项的通知") == []
    assert fields_of("发布时间:2024-03-05 10:00来源:某县司法局") == [("发布时间", "2024-03-05 10:00"), ("来源", "某县司法局")]


def test_an_organ_forwarding_a_title_on_the_next_line_is_one_title():
    d = doc("某县人民政府办公室转发\n某市人民政府关于加强行政执法工作的意见的通知\n某政办发〔2024〕12号\n"
            "各乡镇人民政府：\n现将某市人民政府意见转发给你们，请认真贯彻执行。\n")
    assert d.title == "某县人民政府办公室转发某市人民政府关于加强行政执法工作的意见的通知"


@pytest.mark.parametrize("title,kind", [
    ("一图读懂《某县行政执法公示办法》", "drafting_explanation"),
    ("图解：某县2023年度法治政府建设情况报告", "drafting_explanation"),
    ("关于印发某县行政执法流程图解的通知", "notice"),
])
def test_a_graphic_interpretation_is_an_explanation(title, kind):
    assert doc(f"{title}\n发布时间：2024-03-05\n近日，某县出台办法。\n").doc_type == kind


def test_one_label_word_at_the_start_of_a_title_is_no_field():
    from lawgov_check.identify.header import fields_of
    assert fields_of("时间银行互助养老服务管理办法") == []
    assert fields_of("名称变更登记办理指南") == []


def test_an_organ_with_a_task_in_its_name_is_still_an_organ():
    from lawgov_check.identify.header import is_organ_line
    assert is_organ_line("某省人民政府教育督导委员会办公室")
    assert not is_organ_line("某市司法局召开法治政府建设推进会")


def test_a_title_line_naming_a_furniture_word_is_still_a_title_line():
    d = doc("某县市场监督管理局关于规范扫码点餐\n服务有关事项的通知\n某市监〔2024〕3号\n各餐饮服务单位：\n现将有关事项通知如下。\n")
    assert d.title == "某县市场监督管理局关于规范扫码点餐服务有关事项的通知"


def test_joint_organs_set_apart_by_spaces_are_no_menu():
    d = doc("某县人民政府 某县司法局 某县财政局 某县公安局\n关于加强行政执法协作的意见\n各乡镇人民政府：\n现提出如下意见。\n")
    assert d.issuer == "某县人民政府 某县司法局 某县财政局 某县公安局"


def test_title_spaced_over_lines_with_an_unclosed_name_is_joined():
    # every line of the page set apart by a blank line; the split falls inside 《〈…〉》
    d = doc("某政办发〔2023〕9号\n\n某市人民政府办公室\n\n关于印发《某市贯彻落实〈关于稳住经济\n\n大盘推动整体好转的若干\n\n"
            "政策措施〉实施方案》的通知\n\n各县市区人民政府，市直机关各单位：\n\n经市人民政府同意，现将实施方案印发给你们。\n")
    assert d.title == "某市人民政府办公室关于印发《某市贯彻落实〈关于稳住经济大盘推动整体好转的若干政策措施〉实施方案》的通知"
    assert d.doc_number == "某政办发〔2023〕9号"


@pytest.mark.parametrize("text", ["关于印发《某市贯彻落实〈关于稳住经济", "某市贯彻落实《某某条例"])
def test_an_unclosed_name_leaves_a_title_open(text):
    assert is_open_title(text)


# a page's own title line with the site's name after it
@pytest.mark.parametrize("line", [
    "某县2023年度法治政府建设情况报告_某县人民政府门户网站",
    "某县2023年度法治政府建设情况报告-某县人民政府",
    "某县2023年度法治政府建设情况报告 - 某县人民政府网",
    "某县2023年度法治政府建设情况报告|某县人民政府",
])
def test_site_name_after_the_title_is_no_part_of_it(line):
    d = doc(f"{line}\n{REPORT}")
    assert d.title == "某县2023年度法治政府建设情况报告"
    assert d.issuer is None or "报告" not in d.issuer


def test_a_title_with_a_year_span_keeps_it():
    d = doc("某县法治政府建设规划(2021-2025年)\n第一章 总体要求\n第一条 为推进法治政府建设，制定本规划。\n")
    assert d.title == "某县法治政府建设规划(2021-2025年)"
