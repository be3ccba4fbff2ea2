"""Page shapes seen on a second round of real pages: column tags, category prefixes, grids, raw
markup, legacy numbers, body-only report years, over-broad cue words (texts our own)."""

from __future__ import annotations

import pytest

from lawgov_check.pipeline import document_from_text


def doc(text: str):
    return document_from_text(text, "page.txt")


INTERPRETATION_BODY = "一、起草背景\n按照上级要求，某县总结了全年工作。\n二、主要内容\n报告共分三个部分。\n"


@pytest.mark.parametrize("tag", ["【政策解读】", "【文字解读】", "【图解】", "[转载]", "〖专题〗"])
def test_column_tag_before_the_title_is_chrome(tag):
    title = "关于《某县人民政府关于某县2022年度法治政府建设情况的报告》的政策解读"
    d = doc(f"{tag}{title}\n\n发布时间：2023-02-10 09:30\n\n{INTERPRETATION_BODY}")
    assert d.title == title
    assert d.doc_type == "drafting_explanation"
    assert d.issuer is None or "【" not in d.issuer and "《" not in d.issuer


def test_column_tag_before_a_guillemet_title():
    title = "《某市某区人民政府关于2021年法治政府建设情况的报告》文件解读"
    d = doc(f"【文字解读】{title}\n\n{INTERPRETATION_BODY}")
    assert d.title == title
    assert d.issuer is None  # the organ named inside 《》 issued the report, not this explanation


def test_bracketed_words_inside_a_title_stay():
    d = doc("关于印发【某市】营商环境优化方案的通知\n某政发〔2022〕3号\n各区人民政府：\n现印发给你们，请认真贯彻执行。\n")
    assert d.title == "关于印发【某市】营商环境优化方案的通知"


NOTICE_BODY = ("各区人民政府，市政府各部门：\n经市政府同意，现将《某市老旧小区改造实施细则》印发给你们，请认真遵照执行。\n"
               "某市人民政府办公厅\n2023年5月8日\n")


@pytest.mark.parametrize("prefix", ["某京:", "某省：", "转载 ：", "政策文件:"])
def test_category_prefix_before_the_title_is_not_the_title(prefix):
    d = doc(f"{prefix}关于印发《某市老旧小区改造实施细则》的通知\n{NOTICE_BODY}")
    assert d.title == "关于印发《某市老旧小区改造实施细则》的通知"
    assert d.date.isoformat() == "2023-05-08"


def test_a_label_and_a_short_value_is_not_a_prefixed_title():
    d = doc("编辑人员：王某某\n关于印发《某市老旧小区改造实施细则》的通知\n" + NOTICE_BODY)
    assert d.title == "关于印发《某市老旧小区改造实施细则》的通知"


def test_a_metadata_title_label_is_still_a_field():
    d = doc("标题：关于印发《某市老旧小区改造实施细则》的通知\n发布日期：2023-05-09\n" + NOTICE_BODY)
    assert d.title == "关于印发《某市老旧小区改造实施细则》的通知"


@pytest.mark.parametrize("line, number", [
    ("((79)某公路字415号)", "(79)某公路字415号"),
    ("(79)某公路字第415号", "(79)某公路字第415号"),
    ("（1986）某财字第23号", "(1986)某财字第23号"),
])
def test_legacy_year_first_number_line_is_the_number(line, number):
    d = doc(f"关于颁发《某工程设计管理办法》(试行)的通知\n{line}\n各省交通局：\n现将《某工程设计管理办法》印发给你们，请试行。\n"
            "某部\n1979年3月20日\n")
    assert d.title == "关于颁发《某工程设计管理办法》(试行)的通知"
    assert d.doc_number.replace("（", "(").replace("）", ")") == number
    assert d.doc_type == "notice"


LEAD_IN = "根据《法治政府建设与责任落实督察工作规定》要求，现将法治政府建设工作情况报告如下。\n"


def test_report_year_from_the_first_part_heading_when_the_opening_has_none():
    d = doc(LEAD_IN + "一、2022年总体情况\n我局坚持依法行政，全年办理行政复议案件8件。\n二、存在的不足\n执法队伍力量不足。\n")
    assert d.doc_type == "annual_report"
    assert d.year == 2022


def test_report_year_from_a_sentence_that_starts_with_it():
    d = doc(LEAD_IN + "2021年，我局坚持依法行政，全年办理行政复议案件8件。\n一、主要举措和成效\n"
            "推进严格规范公正文明执法。\n二、存在的不足\n执法队伍力量不足。\n")
    assert d.doc_type == "annual_report"
    assert d.year == 2021


def test_a_title_year_still_wins_over_the_body():
    d = doc("某局2023年度法治政府建设情况报告\n" + LEAD_IN + "一、2022年以来总体情况\n全年办理行政复议案件8件。\n")
    assert d.year == 2023


def test_a_call_for_opinions_on_a_rule_report_is_not_a_call_for_decision_items():
    d = doc("《某市某某管理办法》自2021年3月1日起施行。根据有关规定，市某局形成了《办法》实施一周年情况的报告。"
            "现向社会公开征集《办法》实施一周年情况的报告的意见和建议：\n一、征集截止时间为2022年3月15日。\n"
            "二、意见可寄至市某局法规处。\n征集期间共收到意见2条，体现了我市重大行政决策的公开透明。\n")
    assert d.doc_type == "comment_notice"
    assert d.subtype != "call_for_items"


def test_a_call_for_decision_items_is_still_one():
    d = doc("为提高决策的科学性，现面向社会公开征集2024年度市政府重大行政决策事项建议，有关事项公告如下：\n"
            "一、征集范围\n涉及经济社会发展全局的事项。\n")
    assert (d.doc_type, d.subtype) == ("major_decision", "call_for_items")


@pytest.mark.parametrize("headline", [
    "市政府常务会议听取2019年度法治政府建设工作情况汇报",
    "区政府党组会议审议《某区2022年法治政府建设情况报告》",
])
def test_news_that_a_meeting_heard_the_report_is_not_the_report(headline):
    d = doc(f"{headline}\n\n4月10日，市长主持召开常务会议，会议听取了2019年度法治政府建设工作情况汇报。\n"
            "会议指出，要持续深化依法行政。\n")
    assert d.doc_type == "other"


def test_the_report_itself_is_still_an_annual_report():
    d = doc("某市2019年度法治政府建设工作情况汇报\n" + LEAD_IN + "一、主要举措和成效\n全年办理行政复议案件8件。\n")
    assert d.doc_type == "annual_report"


@pytest.mark.parametrize("value, expected", [("2018年03月27", "2018-03-27"), ("2018年3月7日", "2018-03-07"),
                                             ("2018年13月27", None)])
def test_a_metadata_date_that_lost_its_final_ri(value, expected):
    d = doc(f"发文机关:某省人民政府\n成文日期:{value}\n关于加强农村道路养护的通知\n各市人民政府:\n现将有关事项通知如下。\n")
    assert (d.date.isoformat() if d.date else None) == expected


GRID = ("当前位置: 首页 > 信息公开 > 法规文件\n"
        "信息索引号 000000000/2021-00017 生成日期 2021-06-08 公开日期 2021-06-11\n"
        "文件编号 某司〔2021〕15号 公开时限 长期公开 发布机构 某市司法局\n"
        "有效期 长期 公开程序 部门编制,经审核后公开 体裁 通知\n"
        "主题(一级) 司法 主题(二级) 法律服务 关键词 司法,通知\n\n"
        "内容概述 关于开展法律援助进社区活动的通知\n"
        "关于开展法律援助进社区活动的通知\n\n"
        "各司法所,局机关各科室:\n为方便群众，现就开展法律援助进社区活动通知如下:\n一、活动时间\n全年。\n")


def test_a_flattened_metadata_grid_is_read_as_fields():
    d = doc(GRID)
    assert d.title == "关于开展法律援助进社区活动的通知"
    assert d.doc_type == "notice"
    assert d.doc_number == "某司〔2021〕15号"
    assert d.date.isoformat() == "2021-06-08"  # 生成日期: the record's date, the signing date for a 公文
    fields = {f.attrs["key"]: f.attrs["value"] for f in d.root.walk() if f.kind == "metadata_field"}
    assert fields["公开时限"] == "长期公开" and fields["发布机构"] == "某市司法局"
    assert fields["有效期"] == "长期" and fields["体裁"] == "通知" and fields["主题(二级)"] == "法律服务"


def test_a_file_code_that_is_no_doc_number_is_not_taken():
    d = doc(GRID.replace("某司〔2021〕15号", "A01-2021-0015"))
    assert d.doc_number is None


def test_a_sentence_starting_with_a_label_word_is_no_grid():
    d = doc("关于开展法律援助进社区活动的通知\n各司法所:\n来源 不同的意见 请于5月前报送 时间 紧迫。\n")
    assert d.title == "关于开展法律援助进社区活动的通知"
    assert not any(n.kind == "metadata_field" for n in d.root.walk())


def test_a_title_with_a_space_after_a_grid_is_still_the_title():
    text = GRID.replace("内容概述 关于开展法律援助进社区活动的通知\n关于开展法律援助进社区活动的通知\n",
                        "某市司法局 关于开展法律援助进社区活动的通知\n")
    d = doc(text)
    assert d.title is not None and d.title.endswith("关于开展法律援助进社区活动的通知")


def test_a_title_cell_followed_by_empty_cells():
    d = doc("索引号: | 000/2023-01 | 发布机构: | 某分局 |\n发文字号 | 无文号 |\n"
            "某某领导小组办公室关于印发2023年某某创建工作推进方案的通知 | " + "|" * 60 + "\n| " + "|" * 60 + "\n"
            "各乡镇(街道)、部门(单位):\n现将《2023年某某创建工作推进方案》印发给你们，请认真组织实施。\n")
    assert d.title == "某某领导小组办公室关于印发2023年某某创建工作推进方案的通知"
    assert d.doc_type == "notice"
    assert d.doc_number is None
