"""The header zone and the title, on page shapes seen on real government sites (texts our own)."""

from __future__ import annotations

import pytest

from lawgov_check.pipeline import document_from_text


def doc(text: str):
    return document_from_text(text, "page.txt")


REPORT_OPENING = "2023年，某区坚持依法行政，扎实推进法治政府建设。现将有关情况报告如下：\n一、主要举措和成效\n全年办理复议案件12件。\n"


@pytest.mark.parametrize("banner", [
    "通知公告",                                     # the site's column name
    "某某市",                                       # a city banner
    "某某政务网",                                   # a site name
    "某某区人民政府 2019年12月3日星期二",             # a stale date banner
    "当前位置：首页 > 政务公开 > 法治政府建设",        # a breadcrumb
    "您的位置: 首页 » 法规文件 »",
])
def test_furniture_before_the_title_is_not_the_title(banner):
    d = doc(f"{banner}\n某区2023年度法治政府建设情况报告\n发布时间：2024-03-20 10:05\n{REPORT_OPENING}")
    assert d.title == "某区2023年度法治政府建设情况报告"
    assert d.doc_type == "annual_report" and d.year == 2023


def test_title_printed_twice_is_one_title():
    d = doc("某县2024年法治政府建设工作报告\n法规股 2025-01-20\n\n某县司法局\n\n某县2024年法治政府建设工作报告\n\n"
            + REPORT_OPENING.replace("2023", "2024"))
    assert d.title == "某县2024年法治政府建设工作报告"
    assert d.issuer == "某县司法局"
    assert [n.kind for n in d.root.children if n.text == d.title].count("title") == 1


def test_title_over_three_lines_with_the_organ_first():
    d = doc("某县人民政府办公室\n关于印发某县人民政府2025年度\n重大行政决策事项目录的通知\n某政办发〔2025〕3号\n"
            "各乡镇人民政府，县政府各部门：\n经县委同意，现将目录印发给你们。\n")
    assert d.title == "某县人民政府办公室关于印发某县人民政府2025年度重大行政决策事项目录的通知"
    assert d.doc_number == "某政办发〔2025〕3号"
    assert (d.doc_type, d.subtype) == ("major_decision", "catalogue")


def test_organ_line_not_followed_by_guanyu_is_the_issuer():
    d = doc("某县人民政府\n2022年度法治政府建设情况报告\n" + REPORT_OPENING.replace("2023", "2022"))
    assert d.title == "2022年度法治政府建设情况报告"
    assert d.issuer == "某县人民政府"


def test_number_glued_before_the_title_and_title_in_guillemets():
    d = doc("某政办发〔2021〕9号《某市人民政府办公厅关于印发〈某市2021年政务公开工作要点〉的通知》\n"
            "《某市人民政府办公厅关于印发〈某市2021年政务公开工作要点〉的通知》\n某政办发〔2021〕9号\n"
            "各区人民政府，市政府各部门：\n现印发给你们，请认真贯彻落实。\n")
    assert d.title == "某市人民政府办公厅关于印发〈某市2021年政务公开工作要点〉的通知"
    assert d.doc_number == "某政办发〔2021〕9号"
    assert d.doc_type == "notice"


def test_page_heading_then_document_heading_keeps_the_first_showing():
    d = doc("某政发〔2025〕4号关于公布某县人民政府2025年度重大行政决策事项目录的通知\n- 发布日期:2025-04-02\n"
            "某县人民政府\n关于公布某县人民政府2025年度重大行政决策事项目录的通知\n某政发〔2025〕4号\n"
            "各镇人民政府，县政府各部门：\n现予公布。\n")
    assert d.title == "关于公布某县人民政府2025年度重大行政决策事项目录的通知"


@pytest.mark.parametrize("metadata", [
    # alternating label and value lines, with bullets and blank lines
    "  • 索引号:\n\n    000000000/2024-00001\n  • 发文字号:\n\n    某政发〔2024〕5号\n  • 发文日期:\n\n    2024年05月06日 09:10\n",
    # a pipe table without colons, labels written with spaces
    "索 引 号 | 000/2024-0001 | ||\n发布机构 | 某县 | 发文日期 | 2024-05-06 |\n文 号 | 某政发〔2024〕5号 | 主 题 词 | |\n",
    # label: value pairs on one line
    "索引号: 000/2024-0001 发布机构: 某县人民政府 成文日期: 2024-05-06 文号: 某政发〔2024〕5号\n",
])
def test_metadata_in_every_layout(metadata):
    d = doc(f"某县人民政府工作规则\n{metadata}\n第一章 总则\n第一条 为规范工作，制定本规则。\n")
    assert d.title == "某县人民政府工作规则"
    assert d.doc_number == "某政发〔2024〕5号"
    assert d.date.isoformat() == "2024-05-06"


def test_title_only_in_the_metadata():
    d = doc("标 题 | 县政府办公室关于公布2024年度某县重大行政决策事项目录的通知 | ||\n文 号 | 某政办发〔2024〕2号 | |\n"
            "各乡镇人民政府：\n经县政府研究同意，现将目录予以公布。\n")
    assert d.title == "县政府办公室关于公布2024年度某县重大行政决策事项目录的通知"
    assert d.doc_number == "某政办发〔2024〕2号"


def test_a_field_label_does_not_swallow_the_title_after_it():
    d = doc("某某法规网\n效力位阶:地方性法规\n时 效  性:\n\n某市立法条例\n某市立法条例\n"
            "(2018年12月1日某市人民代表大会通过)\n第一章 总则\n")
    assert d.title == "某市立法条例"


def test_decorated_page_heading_loses_to_the_repeated_title():
    d = doc("2023年某市养犬管理规定最新全文\n某律网整理发布 2023-12-05\n某市养犬管理规定\n某市养犬管理规定\n第一条 为了规范养犬。\n")
    assert d.title == "某市养犬管理规定"


def test_covering_notice_without_a_title_takes_the_issued_documents_title():
    d = doc("各乡镇人民政府，市级各部门：\n《某市人民政府常务会议议事规则》已经市政府常务会议通过，现予印发。\n"
            "某市人民政府\n2024年11月20日\n（此件公开发布）\n某市人民政府常务会议议事规则\n第一章 总则\n第一条 为规范议事。\n")
    assert d.title == "某市人民政府常务会议议事规则"
    assert d.date.isoformat() == "2024-11-20"
    assert d.doc_type == "normative_document"


def test_unknown_label_is_not_a_title_and_an_untitled_page_has_none():
    d = doc("编辑人员: 王某\n为加强管理，现将有关事项通知如下。\n")
    assert d.title is None


def test_government_rule_published_by_an_order():
    d = doc("某市行政规范性文件备案审查办法\n某市行政规范性文件备案审查办法\n某省某市人民政府\n"
            "(2025年9月1日某市人民政府令第〔2025〕第2号公布 自2025年10月15日起施行)\n第一条 为了加强备案审查。\n")
    assert d.doc_type == "government_rule"
    assert d.doc_number == "某市人民政府令第〔2025〕第2号"
    assert d.date.isoformat() == "2025-09-01"
    assert d.title == "某市行政规范性文件备案审查办法"


def test_order_number_line_makes_a_government_rule():
    d = doc("某市鼓励投资的规定\n某省某市人民政府\n某政令[1997]29号\n第一条 为鼓励投资，制定本规定。\n")
    assert d.doc_type == "government_rule" and d.doc_number == "某政令[1997]29号"


def test_signature_run_into_the_last_line_dates_the_document():
    d = doc("为听取意见，拟举行某道路改建工程听证会。现将有关事项公告如下： 一、听证事项：某道路改建。 "
            "某县公路事务中心 2021年4月22日\n\n主 办:某县人民政府办公室 备案号:0000\n")
    assert d.date.isoformat() == "2021-04-22"
    assert (d.doc_type, d.subtype) == ("major_decision", "hearing")


def test_chinese_numeral_date_with_a_circle_zero():
    d = doc("某市某规定\n各县人民政府：\n现将规定印发给你们。\n某市人民政府\n二○一一年七月二十八日\n")
    assert d.date.isoformat() == "2011-07-28"


def test_evidence_is_carried_and_shown():
    d = doc("某区2023年度法治政府建设情况报告\n" + REPORT_OPENING)
    title = d.identity.title
    assert title.confidence >= 0.8 and title.evidence and title.evidence[0].line == 1
    assert d.identity.to_dict()["doc_type"]["evidence"][0]["source"] == "title"


def test_title_with_the_pages_date_after_it():
    d = doc("某县2023年度法治政府建设情况报告 2024-03-28 09:30\n" + REPORT_OPENING)
    assert d.title == "某县2023年度法治政府建设情况报告"


def test_order_heading_and_number_are_the_number_and_the_rule_title_follows_the_signature():
    d = doc("某市人民政府令\n第 123 号\n《某市养犬管理办法》已经市人民政府常务会议通过，现予公布，自2023年5月1日起施行。\n"
            "市长 某某\n2023年3月20日\n某市养犬管理办法\n第一条 为了规范养犬行为，制定本办法。\n")
    assert d.doc_number.replace(" ", "") == "某市人民政府令第123号"
    assert d.title == "某市养犬管理办法"
    assert d.doc_type == "government_rule"
    assert d.date.isoformat() == "2023-03-20"


def test_breadcrumb_with_any_label_and_a_label_line_are_not_the_addressee():
    d = doc("今天是:2019年10月31日 星期三\n工作报告\n\n您所在的位置:政务公开 > 工作报告\n\n"
            "某区2020年法治政府建设情况报告\n文章来源:司法局 更新时间:2021/03/29 11:30:01\n\n"
            + REPORT_OPENING.replace("2023", "2020"))
    assert d.title == "某区2020年法治政府建设情况报告" and d.doc_type == "annual_report"
    d = doc("归档时间:\n已归档\n《某县人民政府办公室关于公开征集2023年度重大行政决策事项建议项目的通知》的政策解读\n"
            "一、制定意义\n为规范决策。\n")
    assert d.doc_type == "drafting_explanation" and d.title.endswith("的政策解读")


def test_three_line_title_whose_middle_line_ends_with_a_kind():
    d = doc("某省人民政府办公厅\n关于政府信息公开工作年度报告\n有关事项的通知\n某办函〔2019〕60号\n各市人民政府：\n现就有关事项通知如下。\n")
    assert d.title == "某省人民政府办公厅关于政府信息公开工作年度报告有关事项的通知"
    assert d.doc_number == "某办函〔2019〕60号"


def test_law_database_year_after_the_title_is_dropped():
    d = doc("某市中考管理规定(2005年)\n作者:某资料网 时间:2024-07-22 08:54:31 浏览:9249\n某市中考管理规定(2005年)\n"
            "某省某市人民政府\n第一条 为了规范考试。\n")
    assert d.title == "某市中考管理规定"


def test_orders_of_a_government_and_of_the_state_council():
    rule = doc("某省人工影响天气管理规定\n某省人民政府\n政府令〔2010〕第15号\n《某省人工影响天气管理规定》已经省政府常务会议通过，现予公布。\n")
    assert rule.doc_type == "government_rule"
    regulation = doc("某某管理条例\n中华人民共和国国务院令\n第227号\n现发布《某某管理条例》，自发布之日起施行。\n总理 某某\n1997年8月3日\n")
    assert (regulation.doc_type, regulation.subtype) == ("other", "administrative_regulation")
    assert regulation.doc_number == "中华人民共和国国务院令第227号"


def test_feedback_on_a_solicitation_by_its_opening():
    d = doc("2022年8月7日在意见征集栏目发布通知，就某专区设计方案向群众征求意见。截止2022年9月7日，共征集意见3条，采纳2条。结果如下:\n")
    assert (d.doc_type, d.subtype) == ("comment_notice", "feedback")


def test_dates_as_scrapers_leave_them():
    assert doc("……感谢您的关注，某县发展改革局2025年11月17日。\n").date.isoformat() == "2025-11-17"
    assert doc("某市某规定\n各县人民政府：\n现印发。\n? ? ? 某市发展和改革委员会\n? ? ? ?2021年11月1日\n").date.isoformat() == "2021-11-01"
    assert doc("某市某规定\n各区人民政府：\n现批转。\n某市人民政府\n二00五年六月十七日\n").date.isoformat() == "2005-06-17"


def test_number_in_parentheses_under_the_title():
    d = doc("第一篇:某办法\n某省人民政府办公厅关于印发某办法的通知\n(某政办发〔2009〕41号)\n各州、市人民政府:\n现印发。\n")
    assert d.doc_number == "某政办发〔2009〕41号"


def test_toneless_pinyin_injected_by_a_converter_is_removed():
    d = doc("某县人民政府办公室关于政府信息公开工作的通知\n某政办(ban)公(gong)开(kai)函〔2019〕6号\n各(ge)乡镇：\n现通知如下。\n")
    assert d.doc_number == "某政办公开函〔2019〕6号"


def test_a_news_lead_before_the_document():
    d = doc("日前，某区人民政府印发关于推动经济发展若干举措的通知。\n文件指出，要保障用能。\n文件详情如下:\n"
            "某区人民政府关于印发关于推动经济发展若干举措的通知\n各乡镇人民政府、区直属有关单位:\n现印发给你们。\n"
            "某区人民政府\n2025年4月1日\n")
    assert d.title == "某区人民政府关于印发关于推动经济发展若干举措的通知"
    assert d.doc_type == "notice" and d.date.isoformat() == "2025-04-01"


@pytest.mark.parametrize("ending, truncated", [
    ("全年办理复议案件12件。", False),
    ("全年办理复议案件12件,其中", True),
    ("清单充分突出“", True),
    ("全年办理复议案", True),
    ("全年办理\ufffd", True),
])
def test_a_text_cut_mid_sentence_is_marked_and_its_missing_parts_not_judged(ending, truncated):
    d = doc("某区2023年度法治政府建设情况报告\n2023年，某区坚持依法行政，推进法治政府建设。\n一、主要举措和成效\n" + ending + "\n")
    assert d.identity.truncated.value is truncated
    assert any("截断" in n for n in d.identity.notes) is truncated


def test_title_label_glued_to_the_title():
    d = doc("标题某县人民政府关于印发某县河道管理办法的通知\n发文字号某政发〔2022〕3号\n各乡镇人民政府：\n现印发。\n")
    assert d.title == "某县人民政府关于印发某县河道管理办法的通知"


def test_title_and_number_are_shown_as_the_page_writes_them():
    d = doc("絳縣人民政府辦公室\n關於印發絳縣實施方案的通知\n絳政辦發〔2023〕14號\n各鄉鎮人民政府：\n現印發給你們。\n")
    assert d.title == "绛县人民政府办公室关于印发绛县实施方案的通知"  # what rules match on
    assert d.identity.title.shown == "絳縣人民政府辦公室關於印發絳縣實施方案的通知"
    assert d.identity.doc_number.shown == "絳政辦發〔2023〕14號"


def test_metadata_labels_in_square_brackets():
    from lawgov_check.pipeline import document_from_text

    page = ("您当前的位置:首页>政务公开>政策文件\n\n"
            "[ 索引号 ]11500000000000000X/2023-00001 [ 发文字号 ] 某府办发〔2023〕12号\n"
            "[ 发布机构 ] 某县人民政府 [ 成文日期 ] 2023-08-02 [ 发布日期 ] 2023-08-03\n\n"
            "某县人民政府办公室关于印发某县2023年度重大行政决策事项目录的通知\n\n各乡镇人民政府:\n现将目录印发给你们。\n")
    doc = document_from_text(page, "page.txt")
    assert (doc.doc_number, str(doc.date)) == ("某府办发〔2023〕12号", "2023-08-02")
    assert doc.metadata["发布机构"] == "某县人民政府"


def test_an_edition_in_brackets_stays_in_the_title():
    from lawgov_check.pipeline import document_from_text

    doc = document_from_text("某省法治政府建设指标体系(2021年版)\n\n发布日期:2021-09-02 10:17\n\n为深入推进法治政府建设，制定本指标体系。\n")
    assert doc.title == "某省法治政府建设指标体系(2021年版)"


def test_labels_alone_on_their_lines_with_the_next_label_glued_to_a_value():
    from lawgov_check.pipeline import document_from_text

    page = ("标题\n某县人民政府关于印发某县行政规范性文件管理办法的通知发文机关\n某县人民政府办公室\n"
            "发文字号\n某政发〔2021〕1号\n成文日期\n2021-03-26\n有效性\n有效\n"
            "某县人民政府关于印发某县行政规范性文件管理办法的通知\n各镇人民政府:\n现将办法印发给你们。\n")
    doc = document_from_text(page, "page.txt")
    assert doc.title == "某县人民政府关于印发某县行政规范性文件管理办法的通知"
    assert (doc.metadata["发文机关"], doc.doc_number, str(doc.date)) == ("某县人民政府办公室", "某政发〔2021〕1号", "2021-03-26")


def test_words_and_a_colon_before_the_title_field_are_no_part_of_the_title():
    from lawgov_check.pipeline import document_from_text

    page = ("名称: | 某某娱乐城:公布2023年度县政府重大行政决策事项目录的通知 |\n"
            "各镇人民政府:\n现将目录印发给你们。\n")
    assert document_from_text(page).title == "公布2023年度县政府重大行政决策事项目录的通知"


@pytest.mark.parametrize("page, title, number", [
    ("某某资料网www.example.com某省人民政府关于2023年度法治政府建设情况的报告2023年,省政府坚持依法行政。" + "推进法治建设。" * 40,
     "某省人民政府关于2023年度法治政府建设情况的报告", None),
    ("关于春节期间禁止燃放烟花爆竹的某府通〔2019〕2号为减少污染,确保安全,市政府决定禁止燃放。" + "特此通告。" * 40,
     "关于春节期间禁止燃放烟花爆竹的", "某府通〔2019〕2号"),
])
def test_a_page_run_into_one_line_has_its_title_at_the_start(page, title, number):
    from lawgov_check.pipeline import document_from_text

    doc = document_from_text(page)
    assert (doc.title, doc.doc_number) == (title, number)


def test_a_breadcrumb_continued_on_its_own_line_and_font_size_chrome_are_not_titles():
    from lawgov_check.pipeline import document_from_text

    page = ("当前位置 : 首页\n> 本县动态 > 政务公告\n2025年某县法治政府建设情况\n"
            " 日期 : 2026-01-15  文章来源 : 司法局\n【字体: 】    打印\n\n2025年,某县坚持依法行政。\n"
            "一、2025年法治政府建设的主要举措和成效\n内容。\n")
    doc = document_from_text(page)
    assert (doc.title, doc.doc_type) == ("2025年某县法治政府建设情况", "annual_report")
