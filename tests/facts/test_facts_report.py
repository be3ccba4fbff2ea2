"""Facts about annual reports: their required parts and the organ they are about."""

from __future__ import annotations

from lawgov_check.facts import extract_facts
from lawgov_check.pipeline import document_from_text


def _facts(text: str):
    return extract_facts(document_from_text(text))


def test_parts_in_any_order_and_wording() -> None:
    text = ("某某县2021年度法治政府建设情况的报告\n一、党政主要负责人履行推进法治建设第一责任人职责情况\n内容。\n"
            "二、2021年工作情况\n内容。\n三、存在问题和下一步工作打算\n内容。\n")
    doc = document_from_text(text)
    parts = extract_facts(doc).report_parts
    assert {f.value for f in parts} == {"measures", "shortcomings", "first_responsible", "plans"}
    duty = next(f for f in parts if f.value == "first_responsible")
    assert duty.attrs["level"] == 1 and duty.attrs["words"].startswith("党政主要负责人")
    start, end = duty.attrs["section"]
    assert doc.text[start:end].startswith("一、党政主要负责人") and "工作情况" not in doc.text[start:end]


def test_a_problem_solved_in_a_subsection_is_not_the_shortcomings_part() -> None:
    text = ("某某县2021年度法治政府建设情况的报告\n一、2021年主要举措和成效\n（一）着力解决群众反映强烈的突出问题。全年化解矛盾纠纷126件。\n"
            "二、党政主要负责人履行推进法治建设第一责任人职责情况\n内容。\n三、2022年工作安排\n内容。\n")
    assert "shortcomings" not in {f.value for f in _facts(text).report_parts}


def test_the_duty_mentioned_as_a_plan_is_not_its_part() -> None:
    text = ("某某县2021年度法治政府建设情况的报告\n一、2021年主要举措和成效\n全年审查文件12件。\n二、存在的不足和原因\n人员不足。\n"
            "三、2022年工作安排\n（一）压实责任。将党政主要负责人履行推进法治建设第一责任人职责情况纳入年终述职内容。\n")
    assert "first_responsible" not in {f.value for f in _facts(text).report_parts}


def test_the_report_subject_is_the_title_organ_not_the_web_publisher() -> None:
    text = ("索引号: | 11331023002683116U/2021-98164 | ||\n---|---|---|---|\n发布机构: | 县司法局 | 发文日期: | 2021-02-22 |\n"
            "2020年,某某县以习近平新时代中国特色社会主义思想为指导,推进法治政府建设。\n"
            "一、2020年推进法治政府建设的主要举措和成效\n内容。\n")
    [subject] = _facts(text).report_subject
    assert subject.value == "某某县" and subject.attrs["source"] == "opening"
    assert text[subject.start:subject.end] == "某某县"


def test_the_subject_named_by_the_title_loses_a_trailing_parenthesis() -> None:
    [subject] = _facts("某某县司法局（县行政复议局）2021年法治政府建设年度报告\n一、主要举措和成效\n内容。").report_subject
    assert subject.attrs == {"organ": "某某县司法局", "source": "title"}
