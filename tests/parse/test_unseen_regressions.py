"""Classification and header parsing on document shapes the first tuning set did not have."""

from __future__ import annotations

from lawgov_check.pipeline import document_from_text

REPORT_BODY = """\
一、2022年法治政府建设主要举措和成效
（一）规范执法。全年评查执法案卷120卷。
二、存在的不足和原因
基层执法力量薄弱，原因在于编制不足。
三、党政主要负责人履行推进法治建设第一责任人职责情况
主要负责人带头学法。
四、2023年工作安排
深化示范创建。

某县人民政府
2023年3月8日
"""


def test_metadata_label_line_is_not_taken_for_the_title() -> None:
    text = "索引号: 11330109002507732T/2023-00041\n生成日期: 2023-03-10\n" \
           "2022年，某县深入推进依法行政，现将有关情况报告如下：\n" + REPORT_BODY
    doc = document_from_text(text, "r.txt")
    assert doc.title is None
    assert doc.metadata.get("生成日期") == "2023-03-10"


def test_unknown_label_value_line_is_not_a_title() -> None:
    text = "编辑人员: 王某\n2022年，某县深入推进依法行政，现将有关情况报告如下：\n" + REPORT_BODY
    assert document_from_text(text, "r.txt").title is None


def test_body_year_outweighs_a_title_carried_over_from_last_year() -> None:
    text = "某县人民政府关于2021年度法治政府建设情况的报告\n2022年，某县坚持依法行政，现将有关情况报告如下。\n" + REPORT_BODY
    doc = document_from_text(text, "r.txt")
    assert doc.doc_type == "annual_report"
    assert doc.year == 2022


def test_title_year_stands_when_the_body_does_not_contradict_it() -> None:
    text = "某县人民政府关于2022年度法治政府建设情况的报告\n今年以来，某县坚持依法行政。\n" + REPORT_BODY
    assert document_from_text(text, "r.txt").year == 2022


def test_notice_with_normative_document_number_is_normative() -> None:
    text = ("某市交通运输局关于规范车辆年度审验工作的通知\n某交规〔2022〕2号\n各区交通运输局：\n"
            "一、审验范围。营运车辆应当按规定参加年度审验。\n二、工作要求。不得要求重复提交材料。\n\n"
            "某市交通运输局\n2022年8月12日\n")
    assert document_from_text(text, "n.txt").doc_type == "normative_document"


def test_notice_that_states_its_validity_is_normative() -> None:
    text = ("关于规范校服管理工作的通知\n各学校：\n一、坚持自愿购买，不得强制学生购买校服。\n"
            "本通知自2023年3月1日起施行，有效期5年。\n\n某市教育局\n2023年2月10日\n")
    assert document_from_text(text, "n.txt").doc_type == "normative_document"


def test_normative_number_merely_cited_keeps_a_meeting_notice_a_notice() -> None:
    text = ("关于召开规范性文件清理工作会议的通知\n各部门：\n"
            "为落实《某市行政规范性文件管理办法》（某政规〔2021〕1号），定于5月18日召开会议。\n\n"
            "某市司法局\n2022年5月12日\n")
    assert document_from_text(text, "n.txt").doc_type == "notice"
