"""Page shapes seen on a fourth round of real pages: a department's report on 法治政府部门建设, a
policy zone named in the opening, grid labels padded wide or unknown to us so far, an order's page
with furniture between its heading and number, and a catalogue that leaves out 行政 (texts our own)."""

from __future__ import annotations

import pytest

from lawgov_check.pipeline import document_from_text


def doc(text: str):
    return document_from_text(text, "page.txt")


DEPARTMENT_REPORT = (
    "索引号:001122334/2024-00031 | 文件编号: | 发布机构:某省交通运输厅 |\n"
    "组配分类: | 公开方式:主动公开 | 成文日期:2024-03-20 |\n"
    "某省交通运输厅{year}年度法治政府部门建设工作情况\n"
    "{year}年，某省交通运输厅深入推进法治政府部门建设，为建设共同富裕示范区提供法治保障。\n"
    "一、{year}年度法治政府部门建设总体情况\n（一）完善制度体系。全年修订规章两件。\n"
)


def test_a_departments_report_on_its_rule_of_law_work_is_an_annual_report():
    d = doc(DEPARTMENT_REPORT.format(year=2023))
    assert d.doc_type == "annual_report"
    assert d.year == 2023  # the year it reports on, not the year of its 成文日期
    assert d.title == "某省交通运输厅2023年度法治政府部门建设工作情况"


def test_a_policy_zone_in_the_opening_is_no_county():
    d = doc(DEPARTMENT_REPORT.format(year=2023))
    assert d.jurisdiction.county is None and d.jurisdiction.city is None


def test_a_real_district_in_the_opening_is_still_found():
    d = doc("关于2023年度法治政府建设情况的报告\n某某区人民政府2023年深入推进依法行政。现将有关情况报告如下：\n"
            "一、主要举措\n全年办理复议案件。\n")
    assert d.jurisdiction.county == "某某区"


@pytest.mark.parametrize("padding", [" " * 8, "\u3000" * 4, " " * 2])
def test_grid_labels_padded_wide_and_an_issuing_organ_label(padding):
    title = "某州人民政府办公室关于印发某州农村集体资产管理办法的通知"
    d = doc(f"索  引  号 116200000000000000/2021-00041 主题分类 农业\n"
            f"发文字号 某州办发〔2021〕17号 制发机构\n有效性\n成文日期 2021-04-25 发布日期 2021-05-08\n"
            f"标{padding}题 {title}\n\n{title}\n\n来源:州政府办公室 浏览次数: 发布时间:2021-05-08\n\n"
            "各县市人民政府，州直有关单位：\n《某州农村集体资产管理办法》已经州人民政府同意，现印发给你们，请认真贯彻执行。\n")
    assert d.title == title
    assert d.doc_number == "某州办发〔2021〕17号"


def test_the_issuing_organ_from_a_grid_label():
    d = doc("制发机构 某市人民政府办公室 发文字号 某政办发〔2022〕3号\n成文日期 2022-01-05\n"
            "关于做好行政复议工作的通知\n各区人民政府：\n为做好行政复议工作，现通知如下。\n")
    assert d.issuer == "某市人民政府办公室"


ORDER_PAGE = (
    "某市人民政府令\n\n原文链接：http://example.org/lib/rec=12\n\n第12号\n"
    "《某市城市道路管理办法》已经2021年5月6日市人民政府第9次常务会议研究\n通过，现予公布，自2021年7月1日起施行。\n\n"
    "市长 王某某\n\n{date}\n某市城市道路管理办法\n\n第一章 总则\n"
    "第一条 为了加强城市道路管理，根据有关法律法规，结合本市实际，制定本办法。\n"
)


@pytest.mark.parametrize("date", ["2021年5月20日", "二二一年五月二十日"])  # the second lost its zeros
def test_an_order_page_with_furniture_between_its_heading_and_number(date):
    d = doc(ORDER_PAGE.format(date=date))
    assert d.doc_type == "government_rule"
    assert d.doc_number == "某市人民政府令第12号"
    assert d.title == "某市城市道路管理办法"


def test_the_name_an_order_publishes_is_no_title_where_the_page_has_one():
    d = doc("某市城市道路管理办法\n某市人民政府令第12号\n"
            "《某市城市道路管理办法》已经市人民政府常务会议通过，现予公布，自2021年7月1日起施行。\n"
            "第一条 为了加强城市道路管理，制定本办法。\n")
    assert d.title == "某市城市道路管理办法" and d.doc_type == "government_rule"


def test_a_quoted_name_that_is_not_published_makes_no_title():
    d = doc("《某市城市道路管理办法》已经实施三年，效果良好。\n各区人民政府：\n请做好总结评估工作。\n")
    assert d.title != "某市城市道路管理办法"


@pytest.mark.parametrize("title", ["某县人民政府办公室 关于印发2024年度某县人民政府重大决策目录清单的通知",
                                   "某市2024年度重大决策事项目录"])
def test_a_catalogue_that_leaves_out_the_word_administrative(title):
    d = doc(f"{title}\n各乡镇人民政府，县直各单位：\n现将目录印发给你们，请认真组织实施。\n")
    assert (d.doc_type, d.subtype) == ("major_decision", "catalogue")


def test_carrying_out_major_decisions_is_no_catalogue():
    d = doc("关于贯彻落实重大决策部署的通知\n各乡镇人民政府：\n请认真贯彻落实重大决策部署清单化管理要求。\n")
    assert d.subtype != "catalogue"


def test_a_legislatures_title_split_inside_its_quotes_is_one_title():
    d = doc("2024年12月\n\n某市人民代表大会常务委员会关于修改\n\n《某市人民代表大会及其常务委员会\n\n立法条例》的决定\n\n"
            "（2024年10月30日某市第六届人民代表大会常务委员会第二十一次会议通过）\n\n"
            "某市第六届人民代表大会常务委员会第二十一次会议决定对《某市人民代表大会及其常务委员会立法条例》作如下修改：\n"
            "一、增加一条，作为第三条。\n")
    assert d.title == "某市人民代表大会常务委员会关于修改《某市人民代表大会及其常务委员会立法条例》的决定"
    assert d.issuer != "《某市人民代表大会及其常务委员会"


def test_a_label_for_the_kind_of_file_glued_after_the_title():
    title = "市人民政府办公室关于印发2025年度某市人民政府重大行政决策事项目录的通知"
    d = doc(f"{title}\n\n文件名称{title} 文件类型某政办发\n发文单位某市人民政府办公室 发文字号某政办发〔2025〕13号\n"
            "发文日期2025-05-09 发布日期2025-05-09\n\n各区人民政府，市政府各部门：\n现将目录印发给你们。\n")
    assert d.title == title


def test_a_notice_titled_with_its_kind_alone():
    d = doc("通告\n为了减少环境污染，进一步加强县城区域烟花爆竹的管理，现将有关事项通告如下：\n一、禁放区域\n城区规划范围内。\n")
    assert d.title == "通告" and d.doc_type == "notice"
    assert d.jurisdiction.county is None  # 进一步加强县(城…): running text, no county


def test_a_kind_word_over_a_real_title_is_not_the_title():
    d = doc("通知\n关于做好2024年度行政复议工作的通知\n各区人民政府：\n请认真做好复议工作。\n")
    assert d.title == "关于做好2024年度行政复议工作的通知"


def test_a_county_after_words_of_running_text_is_still_found():
    d = doc("为促进经济平稳发展，着力促进全区经济增长，结合某渡区实际，特制定如下政策措施。\n一、提高审批效率\n精简手续。\n")
    assert d.jurisdiction.county == "某渡区"


def test_an_untitled_excerpt_opening_on_the_preamble_of_rules_is_an_uncertain_normative_document():
    d = doc("为加快推进经济发展，根据有关规定，结合本区实际，特制定如下政策措施。\n一、提高投资项目审批效率\n"
            "1. 精简审批手续。\n")
    assert d.doc_type == "normative_document"
    assert any("--doc-type" in note for note in d.identity.notes)


def test_a_draft_put_out_for_comment_is_not_taken_for_its_preamble():
    d = doc("为制定本办法，现将《某市停车管理办法（征求意见稿）》全文公布，公开征求社会各界意见。\n"
            "一、意见反馈方式\n电子邮件。\n")
    assert d.doc_type == "comment_notice"


NUMBERED_GRID = ("政务公开 > 政策文件 > 修改\n  1. [主题分类] 综合政务/其他\n  2. [发文机构] 某市人民政府\n"
                 "  3. [联合发文单位]\n  4. [成文日期] 2018-02-12\n  5. [发文字号] 政府令〔2018〕27号\n"
                 "  6. [文件来源] 政府公报 2018年 第4期\n\n"
                 "某市人民政府关于修改《某市户外广告管理办法》等5项规章部分条款的决定\n\n某市人民政府令\n\n第27号\n\n"
                 "《某市人民政府关于修改〈某市户外广告管理办法〉等5项规章部分条款的决定》已经市人民政府常务会议通过，"
                 "现予公布，自公布之日起施行。\n\n市长 张某某\n2018年2月12日\n")


def test_a_grid_written_as_a_numbered_list_of_bracketed_labels():
    d = doc(NUMBERED_GRID)
    assert d.doc_number in ("政府令〔2018〕27号", "某市人民政府令第27号")
    assert d.doc_type == "government_rule"
    assert d.title == "某市人民政府关于修改《某市户外广告管理办法》等5项规章部分条款的决定"


def test_a_mayors_name_over_the_next_paragraph_makes_no_city():
    d = doc(NUMBERED_GRID + "\n某市人民政府关于修改《某市户外广告管理办法》等5项规章部分条款的决定\n"
            "市人民政府决定对下列规章作如下修改：\n一、某市户外广告管理办法\n")
    assert d.jurisdiction.city is None or not d.jurisdiction.city.startswith("张某某")


def test_a_column_tag_in_brackets_is_no_metadata_label():
    d = doc("【文字解读】《某区人民政府关于2024年法治政府建设情况的报告》文件解读\n\n浏览次数: 信息来源: 区司法局\n\n"
            "一、背景依据\n法治政府建设是全面依法治国的重点任务。\n")
    assert d.title and d.title.endswith("文件解读")


def test_a_publication_note_that_lost_its_closing_bracket():
    d = doc("某省外商投资企业用地管理办法\n\n（1992年7月25日省人民政府常务会议通过，1992年10月22日省人民政府令第18号发布\n\n"
            "第一条 为加强外商投资企业的用地管理，制定本办法。\n")
    assert d.doc_type == "government_rule"
    assert d.doc_number == "省人民政府令第18号"
    assert d.date.isoformat() == "1992-10-22"


def test_drafts_put_out_to_hear_the_publics_views():
    d = doc("为了在立法工作中充分发扬民主，提高立法质量，现将正在审查的《某州城市管理条例（草案）》予以公布，"
            "广泛听取社会各界的意见。请于2016年12月28日以前将意见反馈我办。\n")
    assert d.doc_type == "comment_notice"


def test_a_local_regulations_promulgation_date_and_organ_labels():
    d = doc("某市人民代表大会及其常务委员会制定地方性法规条例\n\n颁布日期:2001-6-3\n实施日期:2001-8-1\n"
            "颁布单位:某市人民代表大会常务委员会\n\n第一条 为了规范地方立法活动，制定本条例。\n")
    assert d.date.isoformat() == "2001-06-03"
    assert d.issuer == "某市人民代表大会常务委员会"


def test_an_encyclopedias_lead_names_the_document():
    d = doc("《某市人民政府2018年度法治政府建设工作报告》是2019年某市人民政府发布的通知。\n"
            "2018年，在省委、省政府的坚强领导下，我市深入推进法治政府建设，现将有关情况报告如下。\n"
            "一、主要工作\n全年办理复议案件。\n")
    assert d.title == "某市人民政府2018年度法治政府建设工作报告"
    assert d.doc_type == "annual_report" and d.year == 2018


def test_a_lead_that_names_no_document_gives_no_title():
    d = doc("《论语》是儒家经典。\n各乡镇人民政府：\n请做好学习宣传工作。\n")
    assert d.title != "论语"


@pytest.mark.parametrize("chrome", [
    "社会主义核心价值观:  富强、  民主、  文明、  和谐,  自由、  平等、  公正、  法治,  爱国、  敬业、  诚信、  友善。",
    "某某体彩网,体彩网",
    "free movies,free movies hd|free movies streaming_free tube",
    "新闻中心",
])
def test_furniture_over_the_title(chrome):
    title = "某市人民政府办公厅关于印发《某市行政执法公示制度》等四项行政执法制度的通知"
    d = doc(f"{chrome}\n\n{title}\n\n信息来源:某市人民政府办公厅 发布时间:2015-12-22 12:07\n\n"
            "各县、区人民政府，市政府各部门：\n《某市行政执法公示制度》等四项制度已经市人民政府同意，现印发给你们，请认真贯彻执行。\n")
    assert d.title == title


@pytest.mark.parametrize("line", ["某市司法局，某市财政局", "某市司法局、某市财政局、某市民政局、某市人社局"])
def test_joint_organs_or_a_short_latin_line_are_no_furniture(line):
    d = doc(f"{line}\n关于做好法律援助经费保障工作的通知\n各区司法局、财政局：\n请认真做好保障工作。\n")
    assert d.root.children[0].kind != "chrome"


def test_an_untitled_catalogue_given_as_notice():
    d = doc("各办：\n为进一步落实重大行政决策程序规定，街道决定继续对重大行政决策实行清单管理，"
            "现将2023年度街道重大行政决策目录通知如下：\n一、2023年度重大决策目录\n下列事项列入目录。\n")
    assert (d.doc_type, d.subtype) == ("major_decision", "catalogue")


def test_a_registration_number_label_after_the_number_in_a_grid():
    d = doc("索 引 号: 50000007/2023-1795364 文 号:某政办发〔2023〕14号 统一登记号:ABDR-2023-01008\n"
            "登记日期:2023-07-11 发文日期:2023-07-14\n\n关于印发某县重大行政决策听证办法的通知\n"
            "各乡镇人民政府：\n现将办法印发给你们。\n")
    assert d.doc_number == "某政办发〔2023〕14号"


def test_an_order_number_with_its_year_under_a_label_of_its_own():
    d = doc("你的位置:首页 > 资讯 > 政策\n\n某省电梯安全管理办法\n\n来源: 2020/7/2 9:02:07 点击:\n发布部门: 某省人民政府\n"
            "发布文号: 令2011年第115号\n《某省电梯安全管理办法》已经2011年8月1日省人民政府第75次常务会议通过，现予公布，"
            "自2011年10月1日起施行。\n\n省长 某某某\n二〇一一年八月二日\n\n某省电梯安全管理办法\n\n第一章 总则\n"
            "第一条 为了加强电梯安全管理，制定本办法。\n")
    assert d.doc_type == "government_rule"
    assert d.doc_number == "令2011年第115号"


@pytest.mark.parametrize("suffix", [".docx", ""])
def test_a_publication_note_glued_to_the_title_line(suffix):
    d = doc(f"《某省城乡居民临时救助试行办法》(2009年11月27日某省人民政府令第63号公布){suffix}\n"
            "第一条 为完善社会救助制度，结合本省实际，制定本办法。\n第二条 临时救助是指对临时困难家庭的救助。\n")
    assert d.title == "某省城乡居民临时救助试行办法"
    assert d.doc_type == "government_rule"
    assert d.doc_number == "某省人民政府令第63号" and d.date.isoformat() == "2009-11-27"


def test_a_long_line_of_injected_keywords_over_the_title():
    spam = ",".join(f"某某视频在线观看第{i}区免费看" for i in range(12))
    d = doc(f"{spam}\n\n你的位置:首页 > 政策\n\n关于做好2024年度行政复议工作的通知\n\n各区人民政府：\n请认真做好复议工作。\n")
    assert len(spam) > 160
    assert d.title == "关于做好2024年度行政复议工作的通知"
    assert d.root.children[0].kind == "chrome"


def test_a_market_regulators_city_and_no_city_from_the_words_around_it():
    d = doc("某州市市场监督管理局2022年度法治政府建设情况报告\n"
            "《某州市优化营商环境办法》已经市政府常务会议通过。2022年，我局坚持引导市场主体守法经营。\n"
            "一、主要举措\n全年办理复议案件。\n")
    assert d.jurisdiction.city == "某州市"


def test_a_level_word_after_a_province_makes_no_county():
    d = doc("各乡镇人民政府：\n根据《某某省县级以上人民政府重大行政决策程序规定》，现将2025年度决策事项目录印发给你们。\n")
    assert d.jurisdiction.county is None
